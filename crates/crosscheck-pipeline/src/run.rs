use crate::file_index::Known;
use crate::spill::{SpillAt, TextSpill};
use crate::{
    analyze_text, analyze_texts, AnalysisOptions, Cache, DocAnalysis, Document, InputError, Markup,
};
use crosscheck_reconcile::Claim;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, with the name to report it under.
    File {
        /// Where to read it.
        path: PathBuf,
        /// How the user named it (the path given, or joined under the folder given).
        name: String,
    },
    /// Standard input, named `-`.
    Stdin,
}

impl Input {
    /// The name outputs use for this input.
    pub fn name(&self) -> &str {
        match self {
            Input::File { name, .. } => name,
            Input::Stdin => "-",
        }
    }
}

/// Which files in folders are read.
#[derive(Debug, Clone, Default)]
pub struct InputFilter {
    /// Globs a file must match (any), on its path relative to the folder.
    /// Empty means the default extensions: txt, md, html, htm.
    pub include: Vec<String>,
    /// Globs that exclude a file.
    pub exclude: Vec<String>,
    /// Read hidden files and ignored paths too.
    pub no_ignore: bool,
}

fn glob_set(globs: &[String]) -> Result<globset::GlobSet, String> {
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        b.add(globset::Glob::new(g).map_err(|e| format!("bad glob {g:?}: {e}"))?);
    }
    b.build().map_err(|e| e.to_string())
}

/// Expands files and folders into the inputs to read, in a stable order
/// (folders walked in sorted order). Problems are returned beside the inputs.
pub fn collect_inputs(
    paths: &[String],
    filter: &InputFilter,
) -> Result<(Vec<Input>, Vec<InputError>), String> {
    let default_include = ["*.txt", "*.md", "*.html", "*.htm"]
        .map(String::from)
        .to_vec();
    let include = glob_set(if filter.include.is_empty() {
        &default_include
    } else {
        &filter.include
    })?;
    let exclude = glob_set(&filter.exclude)?;
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) => errors.push(InputError::io(p, &e)),
            Ok(m) if m.is_file() => inputs.push(Input::File {
                path: path.to_path_buf(),
                name: p.clone(),
            }),
            Ok(m) if !m.is_dir() => errors.push(InputError::new(
                p,
                "not a regular file (a device, socket or pipe), skipped",
            )),
            Ok(_) => {
                let (found, failed) = walk_folder(path, filter.no_ignore, &include, &exclude);
                inputs.extend(found);
                errors.extend(failed.iter().map(|e| walk_error(p, e)));
            }
        }
    }
    Ok((inputs, errors))
}

/// The files of a folder that the filters let through, in the order of a
/// walk with each folder's entries sorted by name (which is the order of
/// their paths), and the walk's errors in the same order. The folder is
/// walked by several threads (a folder of 100,000 files took a quarter of
/// a second to walk on one), and the results sorted.
fn walk_folder(
    root: &Path,
    no_ignore: bool,
    include: &globset::GlobSet,
    exclude: &globset::GlobSet,
) -> (Vec<Input>, Vec<ignore::Error>) {
    let found: WalkFound = std::sync::Mutex::new((Vec::new(), Vec::new()));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    ignore::WalkBuilder::new(root)
        .standard_filters(!no_ignore)
        .require_git(false)
        .follow_links(true)
        .threads(rayon::current_num_threads().min(threads))
        .build_parallel()
        .run(|| {
            // Each thread keeps its own lists and hands them over once,
            // when the walk drops its visitor.
            let mut mine = Flush {
                files: Vec::new(),
                errors: Vec::new(),
                into: &found,
            };
            Box::new(move |entry| {
                match entry {
                    Err(e) => {
                        let at = error_path(&e).unwrap_or_else(|| root.to_path_buf());
                        mine.errors.push((at, e));
                    }
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        // Each path is prepared for matching once, not once
                        // per glob set and form (a tenth of a warm run went
                        // to taking paths apart here).
                        let rel = globset::Candidate::new(relative_to(e.path(), root));
                        let file_name = globset::Candidate::new(e.file_name());
                        if (include.is_match_candidate(&rel)
                            || include.is_match_candidate(&file_name))
                            && !exclude.is_match_candidate(&rel)
                            && !exclude.is_match_candidate(&file_name)
                        {
                            mine.files.push(e.into_path());
                        }
                    }
                    Ok(_) => {}
                }
                ignore::WalkState::Continue
            })
        });
    let (mut files, mut errors) = found.into_inner().unwrap_or_else(|p| p.into_inner());
    // Unstable, as no two of one walk's paths are equal (and equal ones
    // could not be told apart): no merge buffer, fewer moves.
    files.par_sort_unstable_by(|a, b| walked_path_order(a, b));
    errors.sort_by_cached_key(|(path, e)| (path.clone(), e.to_string()));
    let inputs = files
        .into_iter()
        .map(|path| Input::File {
            name: path.to_string_lossy().into_owned(),
            path,
        })
        .collect();
    (inputs, errors.into_iter().map(|(_, e)| e).collect())
}

/// `path` less the walk's `root`: what `Path::strip_prefix` gives for the
/// walk's paths (which begin with the root as given), found on the bytes
/// instead of taking both apart into components.
fn relative_to<'a>(path: &'a Path, root: &Path) -> &'a Path {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let root_bytes = root.as_os_str().as_bytes();
        if let Some(rest) = path.as_os_str().as_bytes().strip_prefix(root_bytes) {
            let at_boundary = root_bytes.ends_with(b"/") || rest.first().is_none_or(|&c| c == b'/');
            if !root_bytes.is_empty() && at_boundary {
                let start = rest.iter().take_while(|&&c| c == b'/').count();
                return Path::new(std::ffi::OsStr::from_bytes(&rest[start..]));
            }
        }
    }
    path.strip_prefix(root).unwrap_or(path)
}

/// A walker thread's files and errors, handed to the shared lists when the
/// walk drops the thread's visitor.
struct Flush<'a> {
    files: Vec<PathBuf>,
    errors: Vec<(PathBuf, ignore::Error)>,
    into: &'a WalkFound,
}

type WalkFound = std::sync::Mutex<(Vec<PathBuf>, Vec<(PathBuf, ignore::Error)>)>;

impl Drop for Flush<'_> {
    fn drop(&mut self) {
        let mut all = self.into.lock().unwrap_or_else(|p| p.into_inner());
        all.0.append(&mut self.files);
        all.1.append(&mut self.errors);
    }
}

/// The path a walker error names, if any.
fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// A walker error with the path it concerns, said plainly.
fn walk_error(root: &str, e: &ignore::Error) -> InputError {
    fn inner(e: &ignore::Error) -> (Option<String>, String) {
        match e {
            ignore::Error::WithPath { path, err } => {
                (Some(path.to_string_lossy().into_owned()), inner(err).1)
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner(err)
            }
            ignore::Error::Loop { child, ancestor } => (
                Some(child.to_string_lossy().into_owned()),
                format!(
                    "symbolic link loop (points back to {}), skipped",
                    ancestor.display()
                ),
            ),
            ignore::Error::Io(io) => (None, InputError::io("", io).reason),
            other => (None, other.to_string()),
        }
    }
    let (path, reason) = inner(e);
    InputError::new(path.as_deref().unwrap_or(root), reason)
}

/// Called after each document with (documents done, documents in all).
pub type Progress = Arc<dyn Fn(usize, usize) + Send + Sync>;

/// How a run goes.
#[derive(Clone)]
pub struct RunOptions {
    /// What the stages are told.
    pub analysis: AnalysisOptions,
    /// Where analyses are cached; `None` for no cache.
    pub cache: Option<Cache>,
    /// Files larger than this many bytes are refused unread.
    pub max_file_size: u64,
    /// Set from elsewhere (a Ctrl-C handler) to stop the run: documents not
    /// started yet are skipped and [`RunOutput::interrupted`] is set.
    pub cancel: Option<Arc<AtomicBool>>,
    /// Told of each finished document (a progress bar).
    pub progress: Option<Progress>,
    /// Where [`run_claims_in_order`] sets aside the texts of the documents
    /// it analyzes ([`DocClaims::spilled`]), for a report to quote without
    /// reading the files again; `None` sets none aside.
    pub spill: Option<Arc<TextSpill>>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            analysis: AnalysisOptions::default(),
            cache: None,
            max_file_size: crate::DEFAULT_MAX_FILE_SIZE,
            cancel: None,
            progress: None,
            spill: None,
        }
    }
}

impl std::fmt::Debug for RunOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunOptions")
            .field("analysis", &self.analysis)
            .field("cache", &self.cache)
            .field("max_file_size", &self.max_file_size)
            .field("cancel", &self.cancel)
            .field("progress", &self.progress.is_some())
            .field("spill", &self.spill.is_some())
            .finish()
    }
}

/// What a run did, beside the per-document results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOutput {
    /// Documents analyzed afresh.
    pub analyzed: usize,
    /// Documents whose analysis came from the cache.
    pub cached: usize,
    /// True when the run was cancelled before every document was done.
    pub interrupted: bool,
}

fn load(input: &Input, max_size: u64) -> Result<Document, InputError> {
    match input {
        Input::File { path, name } => crate::load_document_with(path, name, max_size),
        Input::Stdin => {
            let bytes = crate::document::read_limited(std::io::stdin().lock(), "-", max_size)?;
            Document::from_bytes("-", &bytes)
        }
    }
}

/// Counts of how documents were served, shared by the workers.
#[derive(Default)]
struct Counters {
    analyzed: AtomicUsize,
    cached: AtomicUsize,
}

/// The parallel loop under every run: workers take the inputs in order
/// (the next ones free, not halves of the list as a parallel iterator
/// would), and each result goes to `sink` in input order as soon as it and
/// all before it are done. So results waiting for an earlier one are few,
/// and a caller that keeps only part of each (claims) or writes it out
/// never holds every document's whole result at once.
///
/// A worker takes up to `batch` inputs at a time and hands them to `many`
/// (with the first one's index), which pushes one result per input onto
/// the vector it is given, in order.
fn run_each_in_order<T, F, S>(
    inputs: &[Input],
    options: &RunOptions,
    batch: usize,
    many: F,
    sink: S,
) -> RunOutput
where
    T: Send,
    F: Fn(usize, &[Input], &Counters, &mut Vec<Result<T, InputError>>) + Sync,
    S: FnMut(usize, Result<T, InputError>) + Send,
{
    struct Waiting<T, S> {
        next: usize,
        done: std::collections::BTreeMap<usize, Result<T, InputError>>,
        sink: S,
    }
    let counters = Counters::default();
    let finished = AtomicUsize::new(0);
    let taken = AtomicUsize::new(0);
    let interrupted = AtomicBool::new(false);
    let waiting = std::sync::Mutex::new(Waiting {
        next: 0,
        done: std::collections::BTreeMap::new(),
        sink,
    });
    let cancelled = || {
        options
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
    };
    let batch = batch.max(1);
    let worker = || {
        let mut results = Vec::with_capacity(batch);
        loop {
            let first = taken.fetch_add(batch, Ordering::Relaxed);
            if first >= inputs.len() {
                break;
            }
            let taken_inputs = &inputs[first..inputs.len().min(first + batch)];
            if cancelled() {
                interrupted.store(true, Ordering::Relaxed);
                results.extend(
                    taken_inputs
                        .iter()
                        .map(|input| Err(InputError::new(input.name(), "interrupted"))),
                );
            } else {
                many(first, taken_inputs, &counters, &mut results);
            }
            debug_assert_eq!(results.len(), taken_inputs.len());
            if let Some(p) = &options.progress {
                for _ in 0..results.len() {
                    p(finished.fetch_add(1, Ordering::Relaxed) + 1, inputs.len());
                }
            }
            // A worker that panicked in the sink leaves the rest as it was.
            let mut w = waiting.lock().unwrap_or_else(|p| p.into_inner());
            for (i, result) in (first..).zip(results.drain(..)) {
                w.done.insert(i, result);
            }
            loop {
                let next = w.next;
                let Some(r) = w.done.remove(&next) else {
                    break;
                };
                (w.sink)(next, r);
                w.next += 1;
            }
        }
    };
    let workers = rayon::current_num_threads().min(inputs.len()).max(1);
    rayon::scope(|s| {
        for _ in 1..workers {
            s.spawn(|_| worker());
        }
        worker();
    });
    // The analyses stored last wait in memory for a full batch; the next
    // run (or another process) needs them on disk.
    if let Some(c) = &options.cache {
        c.flush();
    }
    RunOutput {
        analyzed: counters.analyzed.into_inner(),
        cached: counters.cached.into_inner(),
        interrupted: interrupted.into_inner(),
    }
}

/// How many inputs a worker analyzes together (see [`analyze_texts`]): a
/// handful, fewer when there are few inputs for each worker, so that the
/// last ones still spread over every worker.
fn batch_for(inputs: usize) -> usize {
    /// Past about this many stories, a batch gains little more from the
    /// instruction cache and branch predictor.
    const MOST: usize = 32;
    let workers = rayon::current_num_threads().max(1);
    (inputs / (workers * 8)).clamp(1, MOST)
}

/// Analyzes every input in parallel (on the current rayon pool) and hands
/// each document with its analysis to `each`; the results come back in the
/// order of `inputs`, whatever the number of threads.
pub fn run<T, F>(
    inputs: &[Input],
    options: &RunOptions,
    each: F,
) -> (Vec<Result<T, InputError>>, RunOutput)
where
    T: Send,
    F: Fn(usize, &Document, &DocAnalysis) -> T + Sync,
{
    let mut results = Vec::with_capacity(inputs.len());
    let stats = run_in_order(inputs, options, each, |_, r| results.push(r));
    (results, stats)
}

/// [`run`] handing each input's result to `sink` (with the input's index)
/// in input order as soon as it and all before it are done: a caller that
/// writes results out (JSONL records) holds only the few that wait.
///
/// ```
/// use crosscheck_pipeline::{run_in_order, Input, RunOptions};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("a.txt");
/// std::fs::write(&path, "Exports rose 5% to 43 billion yuan in 2024.").unwrap();
/// let inputs = [Input::File { path, name: "a.txt".into() }];
/// let mut figures = 0;
/// run_in_order(&inputs, &RunOptions::default(), |_, _, a| a.quantities.len(), |_, r| {
///     figures += r.unwrap();
/// });
/// assert!(figures >= 2);
/// ```
pub fn run_in_order<T, F, S>(inputs: &[Input], options: &RunOptions, each: F, sink: S) -> RunOutput
where
    T: Send,
    F: Fn(usize, &Document, &DocAnalysis) -> T + Sync,
    S: FnMut(usize, Result<T, InputError>) + Send,
{
    let one = |i: usize, input: &Input, counters: &Counters| {
        let doc = load(input, options.max_file_size)?;
        let hit = options
            .cache
            .as_ref()
            .and_then(|c| c.get(doc.hash, &options.analysis));
        let analysis = match hit {
            Some(a) => {
                counters.cached.fetch_add(1, Ordering::Relaxed);
                a
            }
            None => {
                counters.analyzed.fetch_add(1, Ordering::Relaxed);
                let a = analyze_text(&doc, &options.analysis);
                if let Some(c) = &options.cache {
                    c.put(doc.hash, &options.analysis, &a);
                }
                a
            }
        };
        Ok(each(i, &doc, &analysis))
    };
    run_each_in_order(
        inputs,
        options,
        1,
        |first, taken, counters, results| results.push(one(first, &taken[0], counters)),
        sink,
    )
}

/// One document's claims, from [`run_claims`].
#[derive(Debug, Clone)]
pub struct DocClaims {
    /// The claims (with `doc` 0; the caller numbers documents).
    pub claims: Vec<Claim>,
    /// The document's content hash ([`Document::hash`]).
    pub hash: u64,
    /// The document's text when it cannot be read again (standard input);
    /// `None` for files, which are read back from disk when needed.
    pub kept_text: Option<String>,
    /// Where [`RunOptions::spill`] holds the document, when it was analyzed
    /// (not served from the cache) and setting it aside went well.
    pub spilled: Option<SpillAt>,
}

/// Like [`run`], for callers that need only each document's claims (the
/// `analyze` command): the cache keeps claims alone, and a file whose
/// bytes are cached is neither decoded nor extracted, only read and hashed.
/// Claims are the same as [`run`]'s, hit or miss.
///
/// ```
/// use crosscheck_pipeline::{run_claims, Input, RunOptions};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("a.txt");
/// std::fs::write(&path, "Exports rose 5% to 43 billion yuan in 2024.").unwrap();
/// let inputs = [Input::File { path, name: "a.txt".into() }];
/// let (docs, stats) = run_claims(&inputs, &RunOptions::default());
/// assert!(!docs[0].as_ref().unwrap().claims.is_empty());
/// assert_eq!(stats.analyzed, 1);
/// ```
pub fn run_claims(
    inputs: &[Input],
    options: &RunOptions,
) -> (Vec<Result<DocClaims, InputError>>, RunOutput) {
    let mut results = Vec::with_capacity(inputs.len());
    let stats = run_claims_in_order(inputs, options, |_, r| results.push(r));
    (results, stats)
}

/// [`run_claims`] handing each input's result to `sink` (with the input's
/// index) in input order as soon as it and all before it are done, so a
/// caller that gathers the claims of many documents never holds two copies
/// of them.
///
/// ```
/// use crosscheck_pipeline::{run_claims_in_order, Input, RunOptions};
/// let dir = tempfile::tempdir().unwrap();
/// let inputs: Vec<Input> = (0..3)
///     .map(|i| {
///         let path = dir.path().join(format!("{i}.txt"));
///         std::fs::write(&path, format!("Exports rose {i}% to 43 billion yuan in 2024.")).unwrap();
///         Input::File { path, name: format!("{i}.txt") }
///     })
///     .collect();
/// let mut seen = Vec::new();
/// run_claims_in_order(&inputs, &RunOptions::default(), |i, r| {
///     assert!(r.is_ok());
///     seen.push(i);
/// });
/// assert_eq!(seen, [0, 1, 2]);
/// ```
pub fn run_claims_in_order(
    inputs: &[Input],
    options: &RunOptions,
    sink: impl FnMut(usize, Result<DocClaims, InputError>) + Send,
) -> RunOutput {
    let stats = run_each_in_order(
        inputs,
        options,
        batch_for(inputs.len()),
        |_, taken, counters, results| claims_of_batch(taken, options, counters, results),
        sink,
    );
    if let Some(c) = &options.cache {
        c.save_file_index();
    }
    stats
}

/// The claims of the inputs `taken`, one result each onto `results`:
/// each from the cache when its bytes (or, unopened, its unchanged
/// metadata) are known, else read, then analyzed together with the
/// documents read before it, up to [`ANALYZED_AT_ONCE`] bytes of text
/// ([`analyze_texts`]), and cached.
fn claims_of_batch(
    taken: &[Input],
    options: &RunOptions,
    counters: &Counters,
    results: &mut Vec<Result<DocClaims, InputError>>,
) {
    // Each input's result by its place in `taken`; an analyzed one's is
    // filled in when its group is done.
    let mut slots: Vec<Option<Result<DocClaims, InputError>>> = Vec::with_capacity(taken.len());
    // Documents read and waiting for their group's analysis, with their
    // slots. A group ends at `ANALYZED_AT_ONCE` bytes of text, before the
    // next input is read: a batch of long files holds no more text at once
    // than one of them, and its analyses no more than one group's.
    let mut group: Vec<(usize, &Input, Document)> = Vec::new();
    let mut group_bytes = 0;
    for input in taken {
        match claims_or_document(input, options, counters) {
            Ok(Found::Document(doc)) => {
                group_bytes += doc.text.len();
                group.push((slots.len(), input, doc));
                slots.push(None);
                if group_bytes >= ANALYZED_AT_ONCE {
                    analyze_group(&mut group, &mut slots, options, counters);
                    group_bytes = 0;
                }
            }
            Ok(Found::Claims(claims)) => slots.push(Some(Ok(claims))),
            Err(e) => slots.push(Some(Err(e))),
        }
    }
    analyze_group(&mut group, &mut slots, options, counters);
    results.extend(
        slots
            .into_iter()
            .map(|slot| slot.expect("every document's group is analyzed")),
    );
}

/// Analyzes the documents of `group` together ([`analyze_texts`]), and
/// fills in their slots with their claims, cached and set aside. Leaves
/// `group` empty.
fn analyze_group(
    group: &mut Vec<(usize, &Input, Document)>,
    slots: &mut [Option<Result<DocClaims, InputError>>],
    options: &RunOptions,
    counters: &Counters,
) {
    if group.is_empty() {
        return;
    }
    counters.analyzed.fetch_add(group.len(), Ordering::Relaxed);
    let docs: Vec<&Document> = group.iter().map(|(_, _, doc)| doc).collect();
    let analyses = analyze_texts(&docs, &options.analysis);
    for ((slot, input, doc), analysis) in group.drain(..).zip(analyses) {
        slots[slot] = Some(Ok(finish_claims(input, doc, analysis.claims, options)));
    }
}

/// The most text [`claims_of_batch`] reads and analyzes at once (a group
/// ends with the document that reaches it): a few dozen news stories.
const ANALYZED_AT_ONCE: usize = 128 << 10;

/// What [`claims_or_document`] found for an input.
enum Found {
    /// Its claims, from the cache.
    Claims(DocClaims),
    /// Its document, read and decoded, to be analyzed.
    Document(Document),
}

/// One input's claims from the cache when its bytes (or, unopened, its
/// unchanged metadata) are known, else its document.
fn claims_or_document(
    input: &Input,
    options: &RunOptions,
    counters: &Counters,
) -> Result<Found, InputError> {
    let cache = options.cache.as_ref();
    let doc = match input {
        Input::File { path, name } => {
            // A file the index knows unchanged is not even opened when
            // its claims are cached; anything else is read, and reading
            // says what is wrong with it.
            let known = cache.filter(|c| !c.file_index().is_empty()).and_then(|c| {
                let meta = std::fs::metadata(path).ok()?;
                crate::document::check_readable(&meta, name, options.max_file_size).ok()?;
                known_unchanged(c, path, name, &meta)
            });
            match known {
                Some(Ok(hash)) => {
                    if let Some(claims) = cache.and_then(|c| c.get_claims(hash, &options.analysis))
                    {
                        counters.cached.fetch_add(1, Ordering::Relaxed);
                        return Ok(Found::Claims(DocClaims {
                            claims,
                            hash,
                            kept_text: None,
                            spilled: None,
                        }));
                    }
                }
                Some(Err(refused)) => return Err(refused),
                None => {}
            }
            let (bytes, meta) =
                crate::document::read_capped_with_metadata(path, name, options.max_file_size)?;
            let markup = Markup::from_name(name);
            let hash = Document::hash_of(&bytes, markup);
            let remember = |known: Known| {
                if let Some(c) = cache {
                    c.file_index().record(path, &meta, known);
                }
            };
            if let Some(claims) = cache.and_then(|c| c.get_claims(hash, &options.analysis)) {
                remember(Known::Hash(hash));
                counters.cached.fetch_add(1, Ordering::Relaxed);
                return Ok(Found::Claims(DocClaims {
                    claims,
                    hash,
                    kept_text: None,
                    spilled: None,
                }));
            }
            match Document::from_bytes_hashed(name.as_str(), &bytes, markup, Some(hash)) {
                Ok(doc) => {
                    remember(Known::Hash(hash));
                    doc
                }
                Err(e) => {
                    remember(Known::Refused(e.reason.clone()));
                    return Err(e);
                }
            }
        }
        Input::Stdin => {
            let doc = load(input, options.max_file_size)?;
            if let Some(claims) = cache.and_then(|c| c.get_claims(doc.hash, &options.analysis)) {
                counters.cached.fetch_add(1, Ordering::Relaxed);
                return Ok(Found::Claims(DocClaims {
                    claims,
                    hash: doc.hash,
                    kept_text: Some(doc.text),
                    spilled: None,
                }));
            }
            doc
        }
    };
    Ok(Found::Document(doc))
}

/// An analyzed document's claims, cached, with its text set aside for
/// the report (or kept, for standard input).
fn finish_claims(
    input: &Input,
    doc: Document,
    mut claims: Vec<Claim>,
    options: &RunOptions,
) -> DocClaims {
    let cache = options.cache.as_ref();
    // Held until every document is done: a vector grown by doubling
    // holds a third more than its claims on average.
    claims.shrink_to_fit();
    if let Some(c) = cache {
        c.put_claims(doc.hash, &options.analysis, &claims);
    }
    let stdin = matches!(input, Input::Stdin);
    // Standard input is kept whole instead; a file that could not be set
    // aside (a full disk) is read again if a report quotes it.
    let spilled = options
        .spill
        .as_ref()
        .filter(|_| !stdin)
        .and_then(|s| s.put(&doc).ok());
    DocClaims {
        claims,
        hash: doc.hash,
        kept_text: stdin.then_some(doc.text),
        spilled,
    }
}

/// Each input's content hash (or why it is refused) when the cache's file
/// index knows every input unchanged since a run read it, without reading
/// any; `None` when one is not known so (new, changed, standard input, or
/// no cache), and the documents must be read.
///
/// With the hashes, a caller can find a result it stored for exactly these
/// documents (see [`Cache::report_key`]).
///
/// ```
/// use crosscheck_pipeline::{identify_unchanged, Input, RunOptions};
/// let inputs = [Input::Stdin];
/// assert!(identify_unchanged(&inputs, &RunOptions::default()).is_none());
/// ```
pub fn identify_unchanged(
    inputs: &[Input],
    options: &RunOptions,
) -> Option<Vec<Result<u64, InputError>>> {
    let cache = options.cache.as_ref()?;
    inputs
        .par_iter()
        .map(|input| {
            let Input::File { path, name } = input else {
                return None;
            };
            // A vanished file changes what is read: read everything.
            let meta = std::fs::metadata(path).ok()?;
            if let Err(e) = crate::document::check_readable(&meta, name, options.max_file_size) {
                return Some(Err(e));
            }
            known_unchanged(cache, path, name, &meta)
        })
        .collect()
}

/// What the file index knows of a file that `meta` says is unchanged since
/// it was read: its content hash, or why its bytes were refused; `None`
/// when it is not known so.
fn known_unchanged(
    cache: &Cache,
    path: &Path,
    name: &str,
    meta: &std::fs::Metadata,
) -> Option<Result<u64, InputError>> {
    Some(match cache.file_index().lookup(path, meta)? {
        Known::Hash(h) => Ok(*h),
        Known::Refused(why) => Err(InputError::new(name, why.clone())),
    })
}

/// The order of `Path`'s `Ord` (component by component) for the paths of
/// one walk, found without splitting them into components, which made
/// sorting a hundred thousand paths a tenth of a warm run: compared as
/// bytes with each separator made the lowest byte. The two agree on paths
/// that share the walk's root and go on in plain names (a name never holds
/// a separator or a NUL, and the walk makes no empty or `.` components),
/// as one walk's are; `walked_path_order_is_path_order` checks it.
fn walked_path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    // One walk's paths share long beginnings (the root, then folders):
    // they are skipped eight bytes at a time, and only the first byte that
    // differs is looked at.
    let at = first_difference(a, b);
    let key = |c: u8| {
        if std::path::is_separator(char::from(c)) {
            0
        } else {
            c
        }
    };
    match (a.get(at), b.get(at)) {
        (Some(&x), Some(&y)) => key(x).cmp(&key(y)),
        _ => a.len().cmp(&b.len()),
    }
}

/// The index of the first byte where `a` and `b` differ (the shorter
/// one's length when one begins the other).
fn first_difference(a: &[u8], b: &[u8]) -> usize {
    let mut at = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        let differ = word(x) ^ word(y);
        if differ != 0 {
            return at + (differ.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + a[at..]
        .iter()
        .zip(&b[at..])
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn a_batch_gives_each_input_what_it_gives_alone() {
        use super::{claims_of_batch, Counters, Input, RunOptions};
        let dir = tempfile::tempdir().unwrap();
        // The long one ends a group of analysis in the middle of the batch.
        let long =
            "Beta Ltd said its sales fell 3% in 2023.\n\n".repeat(super::ANALYZED_AT_ONCE / 40 + 1);
        let texts = [
            "Acme Corp said its exports rose 12% in 2024.",
            "",
            &long,
            "Acme Corp's revenue was $4.2 billion in 2024, up 8%.",
        ];
        let mut inputs: Vec<Input> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, text).unwrap();
                Input::File {
                    path,
                    name: format!("{i}.txt"),
                }
            })
            .collect();
        inputs.insert(
            1,
            Input::File {
                path: dir.path().join("missing.txt"),
                name: "missing.txt".into(),
            },
        );
        let options = RunOptions::default();
        let summary = |r: &Result<super::DocClaims, super::InputError>| match r {
            Ok(c) => format!("{:?} {}", c.claims, c.hash),
            Err(e) => format!("error {e}"),
        };
        let mut together = Vec::new();
        claims_of_batch(&inputs, &options, &Counters::default(), &mut together);
        let alone: Vec<String> = inputs
            .iter()
            .map(|input| {
                let mut one = Vec::new();
                claims_of_batch(
                    std::slice::from_ref(input),
                    &options,
                    &Counters::default(),
                    &mut one,
                );
                summary(&one[0])
            })
            .collect();
        assert_eq!(together.iter().map(summary).collect::<Vec<_>>(), alone);
        assert!(alone[1].starts_with("error"), "{}", alone[1]);
        assert!(together[0].as_ref().is_ok_and(|c| !c.claims.is_empty()));
    }

    #[test]
    fn walked_path_order_is_path_order() {
        let names = [
            "a",
            "a-b",
            "a.b",
            "a b",
            "a!",
            "a/b",
            "a/b/c",
            "a/b-c",
            "a/b.c",
            "a-b/c",
            "a0",
            "A",
            "\u{e9}t\u{e9}",
            "\u{e9}/x",
            "z/a",
            "z-a",
            "z.a/b",
            "0000/0001-x.txt",
            "0000-x/0001.txt",
            "0000/0000-y.html",
            "00000/a",
            "0000 /a",
            "a-long-folder-name/sub-folder-one/file-a.txt",
            "a-long-folder-name/sub-folder-one/file-b.txt",
            "a-long-folder-name/sub-folder-one.x/f",
            "a-long-folder-name/sub-folder-one-x/f",
            "a-long-folder-name/sub-folder-one",
            "a-long-folder-name.txt",
        ];
        for root in ["root", "./root", "/abs/root", "root/sub dir"] {
            let paths: Vec<PathBuf> = names.iter().map(|n| PathBuf::from(root).join(n)).collect();
            for a in &paths {
                for b in &paths {
                    assert_eq!(super::walked_path_order(a, b), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn relative_to_is_strip_prefix_for_walked_paths() {
        for root in [
            "root",
            "./root",
            "/abs/root",
            "root/",
            "root//",
            "root/./sub",
            "/",
        ] {
            for name in ["a", "a/b.txt", "0001/x y.html"] {
                let path = PathBuf::from(root).join(name);
                let root = std::path::Path::new(root);
                assert_eq!(
                    super::relative_to(&path, root),
                    path.strip_prefix(root).unwrap(),
                    "{path:?} under {root:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn walked_path_order_is_path_order_for_any_names(
            a in proptest::collection::vec("[a-c0 .-]{1,12}", 1..5),
            b in proptest::collection::vec("[a-c0 .-]{1,12}", 1..5),
        ) {
            // Names as a walk makes them: never `.` or `..`.
            proptest::prop_assume!(a.iter().chain(&b).all(|n| n != "." && n != ".."));
            let root = PathBuf::from("/some/walk root");
            let (pa, pb) = (root.join(a.join("/")), root.join(b.join("/")));
            proptest::prop_assert_eq!(super::walked_path_order(&pa, &pb), pa.cmp(&pb));
        }
    }
}
