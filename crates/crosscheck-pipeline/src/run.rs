use crate::{analyze_text, AnalysisOptions, Cache, DocAnalysis, Document, InputError};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

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
            Err(e) => errors.push(InputError::new(p, e.to_string())),
            Ok(m) if m.is_file() => inputs.push(Input::File {
                path: path.to_path_buf(),
                name: p.clone(),
            }),
            Ok(_) => {
                let walker = ignore::WalkBuilder::new(path)
                    .standard_filters(!filter.no_ignore)
                    .require_git(false)
                    .follow_links(true)
                    .sort_by_file_path(|a, b| a.cmp(b))
                    .build();
                for entry in walker {
                    match entry {
                        Err(e) => errors.push(InputError::new(p, e.to_string())),
                        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                            let rel = e.path().strip_prefix(path).unwrap_or(e.path());
                            let file_name = Path::new(rel.file_name().unwrap_or_default());
                            if !(include.is_match(rel) || include.is_match(file_name))
                                || exclude.is_match(rel)
                                || exclude.is_match(file_name)
                            {
                                continue;
                            }
                            inputs.push(Input::File {
                                path: e.path().to_path_buf(),
                                name: e.path().to_string_lossy().into_owned(),
                            });
                        }
                        Ok(_) => {}
                    }
                }
            }
        }
    }
    Ok((inputs, errors))
}

/// How a run goes.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// What the stages are told.
    pub analysis: AnalysisOptions,
    /// Where analyses are cached; `None` for no cache.
    pub cache: Option<Cache>,
}

/// What a run did, beside the per-document results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOutput {
    /// Documents analyzed afresh.
    pub analyzed: usize,
    /// Documents whose analysis came from the cache.
    pub cached: usize,
}

fn load(input: &Input) -> Result<Document, InputError> {
    match input {
        Input::File { path, name } => crate::load_document(path, name),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                .map_err(|e| InputError::new("-", e.to_string()))?;
            Document::from_bytes("-", &bytes)
        }
    }
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
    let analyzed = AtomicUsize::new(0);
    let cached = AtomicUsize::new(0);
    let results = inputs
        .par_iter()
        .enumerate()
        .map(|(i, input)| {
            let doc = load(input)?;
            let hit = options
                .cache
                .as_ref()
                .and_then(|c| c.get(doc.hash, &options.analysis));
            let analysis = match hit {
                Some(a) => {
                    cached.fetch_add(1, Ordering::Relaxed);
                    a
                }
                None => {
                    analyzed.fetch_add(1, Ordering::Relaxed);
                    let a = analyze_text(&doc, &options.analysis);
                    if let Some(c) = &options.cache {
                        c.put(doc.hash, &options.analysis, &a);
                    }
                    a
                }
            };
            Ok(each(i, &doc, &analysis))
        })
        .collect();
    (
        results,
        RunOutput {
            analyzed: analyzed.into_inner(),
            cached: cached.into_inner(),
        },
    )
}
