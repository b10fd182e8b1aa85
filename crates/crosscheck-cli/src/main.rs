//! The `crosscheck` command line: see `crosscheck --help`.

mod interrupt;
mod progress;
mod records;

use clap::{Args, Parser, Subcommand};
use crosscheck_pipeline::{
    collect_inputs, run_claims_in_order, run_in_order, Cache, Document, Input, InputError,
    InputFilter, RunOptions, RunOutput,
};
use crosscheck_reconcile::TextSource;
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::process::ExitCode;

// A run makes and drops millions of small strings and vectors (tokens,
// entity parts, claims, report mentions); glibc's allocator took a sixth of
// a cold run's CPU in malloc/free and fragmented the heap after reconcile.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Reads folders of documents and tells you which figures disagree.
#[derive(Parser, Debug)]
#[command(name = "crosscheck", version, about, long_about = None)]
struct Cli {
    /// More logging (-v: info, -vv: debug). RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// Only errors on stderr.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the whole pipeline and report conflicting figures across all documents.
    Analyze {
        #[command(flatten)]
        input: InputArgs,
        /// Print the report as one JSON object instead of the summary.
        #[arg(long)]
        json: bool,
        /// Also write the report to FILE; format from the extension (.html, .md, .json, .txt).
        #[arg(long, value_name = "FILE")]
        report: Vec<String>,
        /// Exit with status 1 when conflicts were found.
        #[arg(long)]
        fail_on_conflict: bool,
    },
    /// Print tokens as JSONL (or sentences with --sentences).
    Tokens {
        #[command(flatten)]
        input: InputArgs,
        /// Print one record per sentence instead of per token.
        #[arg(long)]
        sentences: bool,
    },
    /// Print entity mentions (companies, places, people, organizations) as JSONL.
    Entities {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print figures and time expressions as JSONL.
    Numbers {
        #[command(flatten)]
        input: InputArgs,
        /// Read stdin line by line; print one {"quantities": [...]} line per input line.
        #[arg(long)]
        lines: bool,
    },
    /// Print claims (figure, subject, metric, period) as JSONL.
    Claims {
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Args, Debug, Clone)]
struct InputArgs {
    /// Files and folders to read (folders recursively); `-` for stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Only read files in folders that match GLOB (repeatable; default *.txt, *.md, *.html, *.htm).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip files in folders that match GLOB (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Also read hidden and .gitignore'd files.
    #[arg(long)]
    no_ignore: bool,
    /// Where analyses are cached (default: the user's cache dir).
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<String>,
    /// Neither read nor write the cache.
    #[arg(long)]
    no_cache: bool,
    /// Resolve `last year`, `this year` against this date (YYYY-MM-DD) when a document gives none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<(i32, u8, u8)>,
    /// Skip files larger than SIZE (bytes, or with K, M, G: 512K, 64M, 1G) with a warning.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    max_file_size: u64,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        None => (t, 1u64),
        Some((i, _)) => {
            let unit = t[i..].to_ascii_lowercase();
            let mult = match unit.trim_end_matches("ib").trim_end_matches('b') {
                "" => 1,
                "k" => 1 << 10,
                "m" => 1 << 20,
                "g" => 1 << 30,
                _ => return Err(format!("unknown size unit in {s:?}: use K, M or G")),
            };
            (t[..i].trim(), mult)
        }
    };
    let n: f64 = num
        .parse()
        .map_err(|_| format!("expected a size like 256M or 1G, got {s:?}"))?;
    if n.is_nan() || n <= 0.0 {
        return Err(format!("the size must be positive, got {s:?}"));
    }
    let bytes = (n * mult as f64) as u64;
    if bytes > crosscheck_pipeline::HARD_MAX_FILE_SIZE {
        return Err("the largest file crosscheck can read is 4 GiB".into());
    }
    Ok(bytes)
}

fn parse_date(s: &str) -> Result<(i32, u8, u8), String> {
    let parts: Vec<&str> = s.split('-').collect();
    let bad = || format!("expected YYYY-MM-DD, got {s:?}");
    if parts.len() != 3 {
        return Err(bad());
    }
    let y = parts[0].parse().map_err(|_| bad())?;
    let m: u8 = parts[1].parse().map_err(|_| bad())?;
    let d: u8 = parts[2].parse().map_err(|_| bad())?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    Ok((y, m, d))
}

fn init_logging(verbose: u8, quiet: bool) {
    let level = if quiet {
        "error"
    } else {
        ["warn", "info", "debug", "trace"][verbose.min(3) as usize]
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .try_init();
}

/// Why a command did not complete.
#[derive(Debug)]
enum Failure {
    /// A usage error, or no input could be read: exit status 2.
    Usage(String),
    /// Ctrl-C: exit status 130, nothing written.
    Interrupted,
}

impl From<String> for Failure {
    fn from(s: String) -> Self {
        Failure::Usage(s)
    }
}

impl From<&str> for Failure {
    fn from(s: &str) -> Self {
        Failure::Usage(s.to_string())
    }
}

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose, cli.quiet);
    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
    match execute(cli.command) {
        Ok(code) => code,
        Err(Failure::Usage(msg)) => {
            eprintln!("crosscheck: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Interrupted) => {
            eprintln!("crosscheck: interrupted; no report written");
            ExitCode::from(130)
        }
    }
}

fn report_input_error(e: &InputError) {
    eprintln!("crosscheck: {}: {}", e.path, e.reason);
}

/// File bytes read back at once to fill the report's mentions: a batch's
/// texts are held only while its mentions are filled, and a batch visits
/// only its own documents' mentions, so small batches cost nothing extra.
const READ_BACK_BYTES: u64 = 16 << 20;

/// Splits the documents to read back (in order) into batches of at most
/// [`READ_BACK_BYTES`] (a larger document is a batch of its own), sized by
/// what the spill holds of them, else by their file.
fn read_back_batches(
    docs: &[u32],
    names: &[String],
    spilled: &[Option<crosscheck_pipeline::SpillAt>],
) -> Vec<Vec<u32>> {
    // A `stat` only for documents not set aside, asked in parallel: tens
    // of thousands of them in a row were a serial tenth of a second.
    let sizes: Vec<u64> = docs
        .par_iter()
        .map(|&d| match spilled.get(d as usize).copied().flatten() {
            Some(at) => at.stored_bytes(),
            None => std::fs::metadata(&names[d as usize]).map_or(0, |m| m.len()),
        })
        .collect();
    let mut batches: Vec<Vec<u32>> = Vec::new();
    let mut bytes = 0u64;
    for (&d, &size) in docs.iter().zip(&sizes) {
        match batches.last_mut() {
            Some(b) if bytes + size <= READ_BACK_BYTES => b.push(d),
            _ => {
                batches.push(vec![d]);
                bytes = 0;
            }
        }
        bytes += size;
    }
    batches
}

/// Sizes rayon's global pool as `--jobs` asks (all cores by default), once
/// per process, so that every parallel step (reading, reconciling, reading
/// back, rendering) keeps to it.
fn use_jobs(args: &InputArgs) -> Result<(), Failure> {
    static SET: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs.unwrap_or(0))
            .build_global()
            .map_err(|e| e.to_string())
    })
    .clone()
    .map_err(Failure::from)
}

/// A run's inputs (walk errors already reported) and its options.
struct Prepared {
    inputs: Vec<Input>,
    options: RunOptions,
}

/// Collects the inputs and sets up the cache and cancellation.
fn prepare(args: &InputArgs) -> Result<Prepared, Failure> {
    if args.paths.is_empty() {
        return Err("no input: give files or folders (or - for stdin); see --help".into());
    }
    let filter = InputFilter {
        include: args.include.clone(),
        exclude: args.exclude.clone(),
        no_ignore: args.no_ignore,
    };
    // Before anything touches rayon's global pool (the folder walk sizes
    // itself by it).
    use_jobs(args)?;
    let cache = if args.no_cache {
        None
    } else {
        args.cache_dir
            .clone()
            .map(Into::into)
            .or_else(Cache::default_dir)
            .map(Cache::new)
    };
    // The cache's index of files loads while the folders are walked.
    let (inputs, errors) = std::thread::scope(|s| {
        if let Some(c) = &cache {
            s.spawn(|| c.preload());
        }
        collect_inputs(&args.paths, &filter)
    })?;
    for e in &errors {
        report_input_error(e);
    }
    let options = RunOptions {
        analysis: crosscheck_pipeline::AnalysisOptions { as_of: args.as_of },
        cache,
        max_file_size: args.max_file_size,
        cancel: Some(interrupt::flag()),
        progress: None,
        spill: None,
    };
    Ok(Prepared { inputs, options })
}

/// A sink for results in input order, as the pipeline's runners take it.
type Sink<'a, T> = &'a mut (dyn FnMut(usize, Result<T, InputError>) + Send);

/// Runs prepared inputs with a runner that hands results in input order
/// to a sink; `keep` gets each document read (its index among those read,
/// and its result), and the names of the documents read are returned.
/// Problems are reported in input order once the run is over.
fn run_prepared_in_order<T: Send>(
    prepared: &Prepared,
    runner: impl FnOnce(&[Input], &RunOptions, Sink<'_, T>) -> RunOutput + Send,
    mut keep: impl FnMut(u32, T) + Send,
) -> Result<Vec<String>, Failure> {
    let Prepared { inputs, options } = prepared;
    let bar = progress::Bar::new(
        inputs.len(),
        QUIET.load(std::sync::atomic::Ordering::Relaxed),
    );
    let options = RunOptions {
        progress: bar.callback(),
        ..options.clone()
    };
    let mut names = Vec::new();
    let mut errors = Vec::new();
    let mut sink = |i: usize, r: Result<T, InputError>| match r {
        Ok(v) => {
            keep(names.len() as u32, v);
            names.push(inputs[i].name().to_string());
        }
        Err(e) => errors.push(e),
    };
    let stats = runner(inputs, &options, &mut sink);
    bar.finish();
    if stats.interrupted {
        return Err(Failure::Interrupted);
    }
    if stats.analyzed == 0 && stats.cached > 0 {
        tracing::info!(
            "re-analyzed nothing: all {} documents unchanged since the last run (from the cache)",
            stats.cached
        );
    } else {
        tracing::info!(
            "analyzed {} documents, {} unchanged from the cache",
            stats.analyzed,
            stats.cached
        );
    }
    for e in &errors {
        report_input_error(e);
    }
    if names.is_empty() {
        return Err("no input could be read".into());
    }
    Ok(names)
}

/// Runs the pipeline and writes each document's JSONL records to stdout
/// as soon as it and those before it are done, so the records of a large
/// folder are never all held at once.
fn write_records(
    args: &InputArgs,
    each: impl Fn(&Document, &crosscheck_pipeline::DocAnalysis) -> Vec<String> + Sync + Send,
) -> Result<(), Failure> {
    let prepared = prepare(args)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut closed = false;
    run_prepared_in_order(
        &prepared,
        |inputs, options, sink| run_in_order(inputs, options, |_, doc, a| each(doc, a), sink),
        |_, lines: Vec<String>| {
            for l in lines {
                // A closed pipe (`| head`) is not an error: the rest is dropped.
                if closed || writeln!(out, "{l}").is_err() {
                    closed = true;
                    return;
                }
            }
        },
    )?;
    out.flush().ok();
    Ok(())
}

fn execute(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Tokens { input, sentences } => {
            write_records(&input, |doc, a| records::tokens(doc, a, sentences))?;
        }
        Command::Entities { input } => {
            write_records(&input, records::entities)?;
        }
        Command::Numbers { input, lines: true } => {
            if !input.paths.is_empty() && input.paths != ["-"] {
                return Err("--lines reads standard input only; give no PATH".into());
            }
            numbers_lines(&input)?;
        }
        Command::Numbers {
            input,
            lines: false,
        } => {
            write_records(&input, records::quantities)?;
        }
        Command::Claims { input } => {
            write_records(&input, |doc, a| {
                a.claims.iter().map(|c| records::claim(doc, c)).collect()
            })?;
        }
        Command::Analyze {
            input,
            json,
            report,
            fail_on_conflict,
        } => {
            let formats = report
                .iter()
                .map(|r| {
                    crosscheck_report::Format::from_path(r)
                        .map(|f| (r.clone(), f))
                        .ok_or_else(|| {
                            format!("{r}: unknown report format (use .html, .md, .json or .txt)")
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            // Only claims are kept across documents (stdin's text aside, which
            // cannot be read twice); the texts of the mentions the report
            // names are read back afterwards.
            let started = std::time::Instant::now();
            // Each phase's wall time, and the CPU time all threads spent in
            // it: their ratio says how well the phase uses the cores.
            let mut cpu_before = cpu_seconds();
            let mut phase = |what: &str, since: &mut std::time::Instant| {
                let cpu = cpu_seconds();
                let spent = match (cpu, cpu_before) {
                    (Some(now), Some(before)) => format!(", cpu {:.2} s", now - before),
                    _ => String::new(),
                };
                cpu_before = cpu;
                tracing::debug!(
                    "{what}: {:.3} s{spent}{}",
                    since.elapsed().as_secs_f64(),
                    memory_note()
                );
                *since = std::time::Instant::now();
            };
            let mut since = started;
            let mut prepared = prepare(&input)?;
            phase("inputs collected", &mut since);
            let build = build_identity();
            if let Some(build) = &build {
                if let Some(conflicts) = print_stored_report(&prepared, json, &formats, build)? {
                    // The process ends next: freeing the hundred thousand
                    // paths and the file index one by one (made on other
                    // threads) was a tenth of a warm run. Nothing is
                    // pending in the cache (a warm run stores nothing), and
                    // flushing says so.
                    if let Some(c) = &prepared.options.cache {
                        c.flush();
                    }
                    std::mem::forget(prepared);
                    return Ok(if fail_on_conflict && conflicts > 0 {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    });
                }
            }
            // The texts of the documents analyzed are set aside as they are
            // done, so that quoting them in the report reads them back from
            // one file instead of reading and extracting each file again.
            // Without a place for them, the files are read again.
            let spill = match crosscheck_pipeline::TextSpill::new() {
                Ok(s) => Some(std::sync::Arc::new(s)),
                Err(e) => {
                    tracing::debug!("no temporary file for texts ({e}); files will be read again");
                    None
                }
            };
            prepared.options.spill = spill.clone();
            let prepared = prepared;
            // Each document's claims join the rest as it is done, in input
            // order, in segments that never move: no second copy of them
            // all is ever held.
            let mut claims = crosscheck_reconcile::ClaimTable::new();
            let mut hashes: Vec<u64> = Vec::new();
            let mut spilled: Vec<Option<crosscheck_pipeline::SpillAt>> = Vec::new();
            let mut stdin_text = None;
            let names = run_prepared_in_order(
                &prepared,
                |inputs, options, sink| run_claims_in_order(inputs, options, sink),
                |doc, d: crosscheck_pipeline::DocClaims| {
                    if let Some(t) = d.kept_text {
                        stdin_text = Some((doc, t));
                    }
                    hashes.push(d.hash);
                    spilled.push(d.spilled);
                    claims.extend(d.claims.into_iter().map(|mut c| {
                        c.doc = doc;
                        c
                    }));
                },
            )?;
            // The key the finished report is stored under: only for files,
            // which a later run can tell unchanged without reading.
            let report_key = build
                .as_ref()
                .filter(|_| !prepared.inputs.iter().any(|i| matches!(i, Input::Stdin)))
                .map(|build| {
                    Cache::report_key(
                        names.iter().map(String::as_str).zip(hashes.iter().copied()),
                        &prepared.options.analysis,
                        build,
                    )
                });
            if let Some(s) = &spill {
                if let Err(e) = s.flush() {
                    tracing::debug!("setting texts aside failed ({e}); files will be read again");
                    spilled.clear();
                }
            }
            phase("documents read and analyzed", &mut since);
            let mut report = crosscheck_reconcile::reconcile_table(claims, &names);
            phase("claims reconciled", &mut since);
            // The HTML report shows the involved documents' texts: they are
            // read back here, like the mentions' sentences.
            let mut sources = formats
                .iter()
                .any(|(_, f)| *f == crosscheck_report::Format::Html)
                .then(Vec::new);
            let unfilled = report.unfilled();
            let to_fill = unfilled.documents();
            // Read back in parallel, a batch at a time: a batch's texts are
            // held only while its mentions are filled, and a batch visits
            // only its documents' mentions.
            let load_batch = |batch: &[u32]| -> Vec<(u32, Document)> {
                batch
                    .par_iter()
                    .filter(|&&d| !matches!(&stdin_text, Some((i, _)) if *i == d))
                    .filter_map(|&d| {
                        let name = &names[d as usize];
                        let set_aside = spill
                            .as_ref()
                            .zip(spilled.get(d as usize).copied().flatten())
                            .and_then(|(s, at)| s.get(at, name).ok());
                        if let Some(doc) = set_aside {
                            return Some((d, doc));
                        }
                        let path = std::path::Path::new(name);
                        match crosscheck_pipeline::load_document_with(
                            path,
                            name,
                            input.max_file_size,
                        ) {
                            Ok(doc) => Some((d, doc)),
                            Err(e) => {
                                report_input_error(&e);
                                None
                            }
                        }
                    })
                    .collect()
            };
            let batches = read_back_batches(&to_fill, &names, &spilled);
            let mut next_loaded = batches.first().map(|b| load_batch(b));
            for (b, batch) in batches.iter().enumerate() {
                let loaded = next_loaded.take().unwrap_or_default();
                // The next batch is read on the pool while this thread
                // fills the mentions of this one (which is serial).
                let mut upcoming = None;
                rayon::in_place_scope(|scope| {
                    if let Some(next) = batches.get(b + 1) {
                        let (load_batch, upcoming) = (&load_batch, &mut upcoming);
                        scope.spawn(move |_| *upcoming = Some(load_batch(next)));
                    }
                    let to_file: Vec<_> = loaded
                        .iter()
                        .map(|(_, doc)| move |o| doc.offsets.to_file(o))
                        .collect();
                    let line_of: Vec<_> = loaded
                        .iter()
                        .map(|(_, doc)| move |o| doc.line_of(o))
                        .collect();
                    let identity = |o| o;
                    let mut text_sources: Vec<TextSource<'_>> = loaded
                        .iter()
                        .zip(&to_file)
                        .zip(&line_of)
                        .map(|(((d, doc), to_file), line_of)| TextSource {
                            doc: *d,
                            text: &doc.text,
                            // Lines are counted in the file as on disk (markup
                            // and any encoding included).
                            to_file,
                            line_of: Some(line_of),
                        })
                        .collect();
                    if let Some((i, t)) = &stdin_text {
                        if batch.contains(i) {
                            text_sources.push(TextSource {
                                doc: *i,
                                text: t,
                                to_file: &identity,
                                line_of: None,
                            });
                        }
                    }
                    report.fill_texts_in(&unfilled, &text_sources);
                    if let Some(s) = sources.as_mut() {
                        for &d in batch {
                            if let Some((_, doc)) = loaded.iter().find(|(i, _)| *i == d) {
                                s.push(crosscheck_report::Source::new(
                                    &report,
                                    d,
                                    &names[d as usize],
                                    &doc.text,
                                    &|o| doc.offsets.to_text(o),
                                ));
                            } else if let Some((_, t)) =
                                stdin_text.as_ref().filter(|(i, _)| *i == d)
                            {
                                s.push(crosscheck_report::Source::new(&report, d, "-", t, &|o| o));
                            }
                        }
                    }
                });
                next_loaded = upcoming;
            }
            phase("cited documents read back", &mut since);
            // Each JSON or text rendering made here is also stored, so that a
            // run over the same documents prints it without reconciling.
            let conflicts = report.conflicts.len() as u64;
            let mut to_store: Vec<&str> = vec!["json", "txt"];
            let mut store = |format: crosscheck_report::Format| {
                let name = stored_name(format)?;
                let i = to_store.iter().position(|f| *f == name)?;
                to_store.remove(i);
                let cache = prepared.options.cache.as_ref()?;
                cache
                    .report_writer(report_key?, name)
                    .map(BackgroundCopy::start)
            };
            for (path, format) in formats {
                let copy = store(format);
                write_atomically(&path, |out| {
                    let mut out = Tee::new(out, copy.as_ref());
                    write_report(&report, format, sources.as_deref(), &mut out)
                        .and_then(|()| out.flush())
                })?;
                if let Some(c) = copy {
                    c.finish(conflicts);
                }
            }
            let copy = store(stdout_format(json));
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut out = Tee::new(&mut out, copy.as_ref());
            let written = write_report(&report, stdout_format(json), None, &mut out)
                .and_then(|()| out.flush());
            drop(out);
            // A closed pipe (`| head`) is not an error, but what it cut short
            // is not stored.
            if let (Ok(()), Some(c)) = (written, copy) {
                c.finish(conflicts);
            }
            phase("reports written", &mut since);
            let found_conflicts = !report.conflicts.is_empty();
            // The process ends next, and the system takes its memory back at
            // once; freeing the report's million small allocations one by one
            // took a tenth of a second at 200 MB. Plain data only: nothing
            // here has anything left to write.
            std::mem::forget(sources);
            std::mem::forget(report);
            std::mem::forget(unfilled);
            std::mem::forget(names);
            if fail_on_conflict && found_conflicts {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `analyze` prints on stdout: the JSON report with `--json`, else
/// the text summary.
fn stdout_format(json: bool) -> crosscheck_report::Format {
    if json {
        crosscheck_report::Format::Json
    } else {
        crosscheck_report::Format::Text
    }
}

/// Writes `report` in `format`, streamed where the printer can (the JSON
/// of a large run is hundreds of MB); an HTML page shows `sources` when
/// given.
fn write_report(
    report: &crosscheck_reconcile::Report,
    format: crosscheck_report::Format,
    sources: Option<&[crosscheck_report::Source]>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    use crosscheck_report::Format;
    match (format, sources) {
        (Format::Html, Some(s)) => {
            out.write_all(crosscheck_report::html_with_sources(report, s).as_bytes())
        }
        (Format::Html, None) => out.write_all(crosscheck_report::html(report).as_bytes()),
        (Format::Json, _) => crosscheck_report::write_json(report, out),
        (Format::Text, _) => crosscheck_report::write_text(report, out),
        (Format::Markdown, _) => crosscheck_report::write_markdown(report, out),
    }
}

/// The name a rendering is stored under in the cache; HTML and Markdown
/// are not stored (the HTML page holds the documents' texts, read afresh).
fn stored_name(format: crosscheck_report::Format) -> Option<&'static str> {
    match format {
        crosscheck_report::Format::Json => Some("json"),
        crosscheck_report::Format::Text => Some("txt"),
        _ => None,
    }
}

/// What tells this program from another build of it, for the key of a
/// stored report (a rebuilt printer must not print an old rendering): the
/// version and the executable's size and time. `None` when the executable
/// cannot be found; reports are then not stored.
fn build_identity() -> Option<Vec<u8>> {
    let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let time = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let mut id = env!("CARGO_PKG_VERSION").as_bytes().to_vec();
    id.extend(meta.len().to_le_bytes());
    id.extend(time.as_nanos().to_le_bytes());
    Some(id)
}

/// Prints (and writes to the report files asked for) the report a
/// previous run stored for exactly these documents, when the cache's file
/// index knows every input unchanged and every rendering asked for is
/// stored. Returns the report's number of conflicts, or `None` when the
/// run must be made.
fn print_stored_report(
    prepared: &Prepared,
    json: bool,
    formats: &[(String, crosscheck_report::Format)],
    build: &[u8],
) -> Result<Option<u64>, Failure> {
    let Some(cache) = &prepared.options.cache else {
        return Ok(None);
    };
    let Some(names) = formats
        .iter()
        .map(|(_, f)| stored_name(*f))
        .chain([stored_name(stdout_format(json))])
        .collect::<Option<Vec<_>>>()
    else {
        return Ok(None);
    };
    let Some(ids) = crosscheck_pipeline::identify_unchanged(&prepared.inputs, &prepared.options)
    else {
        return Ok(None);
    };
    let docs: Vec<(&str, u64)> = prepared
        .inputs
        .iter()
        .zip(&ids)
        .filter_map(|(i, id)| id.as_ref().ok().map(|h| (i.name(), *h)))
        .collect();
    if docs.is_empty() {
        return Ok(None);
    }
    let key = Cache::report_key(docs.iter().copied(), &prepared.options.analysis, build);
    let mut stored = Vec::new();
    for name in names {
        match cache.stored_report(key, name) {
            Some(s) => stored.push(s),
            None => return Ok(None),
        }
    }
    for e in ids.iter().filter_map(|id| id.as_ref().err()) {
        report_input_error(e);
    }
    tracing::info!(
        "re-analyzed nothing: all {} documents unchanged since the last run (from the cache: the report stored then)",
        docs.len()
    );
    let conflicts = stored[0].conflicts;
    let (to_stdout, to_files) = stored.split_last_mut().expect("the stdout rendering");
    for ((path, _), s) in formats.iter().zip(to_files) {
        write_atomically(path, |out| s.copy_to(out).map(drop))?;
    }
    // A closed pipe (`| head`) is not an error.
    let _ = to_stdout.copy_to(&mut std::io::stdout().lock());
    Ok(Some(conflicts))
}

/// Writes to `main` and, as long as it takes them, to `copy` (the cache's
/// copy of a rendering, which may fail without failing the run).
struct Tee<'a, W: Write> {
    main: W,
    copy: Option<&'a BackgroundCopy>,
}

impl<'a, W: Write> Tee<'a, W> {
    /// A buffered tee: printers write a token at a time, and each write
    /// reaching both sides (and the copy's checksum) cost more than the
    /// rendering itself (2.3 s for 325 MB of JSON, 0.1 s buffered). A
    /// megabyte at a time keeps the hand-overs to the copy's thread few.
    fn new(main: W, copy: Option<&'a BackgroundCopy>) -> std::io::BufWriter<Self> {
        std::io::BufWriter::with_capacity(1 << 20, Tee { main, copy })
    }
}

impl<W: Write> Write for Tee<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.main.write(buf)?;
        if let Some(c) = self.copy {
            if !c.send(&buf[..n]) {
                self.copy = None;
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.main.flush()
    }
}

/// The cache's copy of a rendering, written by a thread of its own: the
/// output and the copy are each hundreds of megabytes, and perf put most of
/// the writing phase in the kernel's copy into the page cache. (Measured
/// at 200 MB, the two threads did not make the phase shorter than one
/// writing both; neither did they make it longer.)
///
/// The thread hands each written chunk's buffer back to be filled again:
/// buffers allocated on one thread and freed on another were kept by the
/// allocator, and the 325 chunks of a 200 MB run's report raised the peak
/// memory by 110 MB.
struct BackgroundCopy {
    chunks: Option<std::sync::mpsc::SyncSender<Vec<u8>>>,
    emptied: Option<std::sync::mpsc::Receiver<Vec<u8>>>,
    writer: Option<std::thread::JoinHandle<Option<crosscheck_pipeline::ReportWriter>>>,
}

impl BackgroundCopy {
    /// Chunks waiting to be written at most: bounds the memory held when
    /// the cache's disk is slower than the output.
    const QUEUE: usize = 8;

    fn start(mut writer: crosscheck_pipeline::ReportWriter) -> BackgroundCopy {
        let (chunks, received) = std::sync::mpsc::sync_channel::<Vec<u8>>(Self::QUEUE);
        let (give_back, emptied) = std::sync::mpsc::channel::<Vec<u8>>();
        let spawned = std::thread::Builder::new()
            .name("report copy".into())
            .spawn(move || {
                for chunk in received {
                    // A failed copy marks itself unfinished and is not
                    // stored; dropping `received` tells the sender to stop.
                    writer.write_all(&chunk).ok()?;
                    let _ = give_back.send(chunk);
                }
                Some(writer)
            });
        match spawned {
            Ok(handle) => BackgroundCopy {
                chunks: Some(chunks),
                emptied: Some(emptied),
                writer: Some(handle),
            },
            // No thread, no copy: the report is then made anew next time.
            Err(e) => {
                tracing::warn!("cannot start the thread that stores the report: {e}");
                BackgroundCopy {
                    chunks: None,
                    emptied: None,
                    writer: None,
                }
            }
        }
    }

    /// Hands `buf` to the copy's thread; false once the copy has failed.
    fn send(&self, buf: &[u8]) -> bool {
        let Some(chunks) = &self.chunks else {
            return false;
        };
        let mut chunk = self
            .emptied
            .as_ref()
            .and_then(|e| e.try_recv().ok())
            .unwrap_or_default();
        chunk.clear();
        chunk.extend_from_slice(buf);
        chunks.send(chunk).is_ok()
    }

    /// Waits for the copy to be written, then stores it.
    fn finish(mut self, conflicts: u64) {
        if let Some(writer) = self.wait() {
            writer.finish(conflicts);
        }
    }

    /// Closes the queue and waits for the thread: the writer it gives back
    /// is whole unless a write failed.
    fn wait(&mut self) -> Option<crosscheck_pipeline::ReportWriter> {
        drop(self.chunks.take());
        self.writer.take()?.join().ok().flatten()
    }
}

impl Drop for BackgroundCopy {
    /// An unfinished copy (a closed pipe, an error) is dropped unstored, but
    /// only after its thread is done with the temporary file, so none is
    /// left behind when the process exits.
    fn drop(&mut self) {
        drop(self.wait());
    }
}

/// User and system CPU time of all the process's threads so far, where the
/// system says (Linux's `/proc/self/stat`, in clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in brackets and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}

/// The process's resident and peak memory, where the system says (Linux).
fn memory_note() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
    };
    match (field("VmRSS:"), field("VmHWM:")) {
        (Some(rss), Some(peak)) => format!(" (memory {rss}, peak {peak})"),
        _ => String::new(),
    }
}

fn numbers_lines(args: &InputArgs) -> Result<(), String> {
    let recognizer = crosscheck_numbers::Recognizer::new(crosscheck_numbers::Context {
        fallback_as_of: args.as_of,
        ..Default::default()
    });
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().split(b'\n') {
        let line = line.map_err(|e| format!("-: {e}"))?;
        let line = String::from_utf8_lossy(&line);
        let line = line.strip_suffix('\r').unwrap_or(&line);
        let tokens = crosscheck_text::tokenize(line);
        let found = recognizer.recognize(line, &tokens);
        let qs: Vec<serde_json::Value> = found
            .iter()
            .map(|q| records::quantity_value("-", line, q, |s, e| (s, e)))
            .collect();
        if writeln!(out, "{}", serde_json::json!({ "quantities": qs })).is_err() {
            return Ok(());
        }
        out.flush().ok();
    }
    Ok(())
}

/// Writes `content` to `path` through a temporary file in the same folder
/// and a rename, so a reader never sees half a report.
fn write_atomically(
    path: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let target = std::path::Path::new(path);
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("{path}: cannot write report: {e}"))?;
    {
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| format!("{path}: cannot write report: {e}"))?;
    }
    // A temporary file is private (0600); a report is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(target)
        .map_err(|e| format!("{path}: cannot write report: {}", e.error))?;
    Ok(())
}
