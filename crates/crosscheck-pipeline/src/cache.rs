use crate::{AnalysisOptions, DocAnalysis, PIPELINE_VERSION};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Entry header: magic, then the pipeline version that wrote it, then the
/// body's length and checksum.
const MAGIC: &[u8; 4] = b"XCHK";
const HEADER: usize = 4 + 4 + 8 + 8;

/// A directory of analyses, one file per (document bytes, pipeline version,
/// options). Entries are checksummed and written through a temporary file
/// and a rename, so a crash or a Ctrl-C never leaves half an entry; a bad
/// entry (corrupt, truncated, another version) is logged and treated as
/// missing. A cache that cannot be written (read-only, full) is logged once
/// and then only read.
///
/// ```
/// use crosscheck_pipeline::{analyze_text, Cache, Document};
/// let dir = tempfile::tempdir().unwrap();
/// let cache = Cache::new(dir.path());
/// let doc = Document::from_text("a.txt", "Sales rose 5% in 2024.");
/// let options = Default::default();
/// assert!(cache.get(doc.hash, &options).is_none());
/// let analysis = analyze_text(&doc, &options);
/// cache.put(doc.hash, &options, &analysis);
/// assert_eq!(cache.get(doc.hash, &options).unwrap().claims.len(), analysis.claims.len());
/// ```
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    read_only: Arc<AtomicBool>,
}

impl Cache {
    /// A cache in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Cache {
            dir: dir.into(),
            read_only: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The cache's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The default cache directory, under the user's cache directory.
    pub fn default_dir() -> Option<PathBuf> {
        std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
            .map(|d| d.join("crosscheck"))
    }

    fn key(hash: u64, options: &AnalysisOptions) -> String {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&hash.to_le_bytes());
        h.update(&PIPELINE_VERSION.to_le_bytes());
        h.update(format!("{options:?}").as_bytes());
        format!("{:016x}", h.digest())
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(&key[..2]).join(format!("{key}.bin"))
    }

    /// The cached analysis for a document with these bytes, if a sound one exists.
    pub fn get(&self, hash: u64, options: &AnalysisOptions) -> Option<DocAnalysis> {
        let path = self.path(&Self::key(hash, options));
        let bytes = std::fs::read(&path).ok()?;
        match decode_entry(&bytes) {
            Ok(a) => Some(a),
            Err(why) => {
                tracing::warn!(
                    "{}: corrupt cache entry ({why}); recomputing",
                    path.display()
                );
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    /// Stores an analysis; failures are logged, never fatal.
    pub fn put(&self, hash: u64, options: &AnalysisOptions, analysis: &DocAnalysis) {
        if self.read_only.load(Ordering::Relaxed) {
            return;
        }
        let path = self.path(&Self::key(hash, options));
        if let Err(e) = write_entry(&path, analysis) {
            // Said once: a read-only or full disk fails every write alike.
            if !self.read_only.swap(true, Ordering::Relaxed) {
                tracing::warn!(
                    "cache {}: cannot write ({e}); going on without storing analyses",
                    self.dir.display()
                );
            }
        }
    }
}

fn encode_entry(analysis: &DocAnalysis) -> Result<Vec<u8>, String> {
    let body = bincode::serde::encode_to_vec(analysis, bincode::config::standard())
        .map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(body.len() + HEADER);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&PIPELINE_VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

fn decode_entry(bytes: &[u8]) -> Result<DocAnalysis, String> {
    if bytes.len() < HEADER || &bytes[..4] != MAGIC {
        return Err("bad header".into());
    }
    let version = u32::from_le_bytes(bytes[4..8].try_into().map_err(|_| "bad version")?);
    if version != PIPELINE_VERSION {
        return Err(format!(
            "written by pipeline version {version}, this is {PIPELINE_VERSION}"
        ));
    }
    let len = u64::from_le_bytes(bytes[8..16].try_into().map_err(|_| "bad length")?) as usize;
    let sum = u64::from_le_bytes(bytes[16..24].try_into().map_err(|_| "bad checksum")?);
    let body = &bytes[HEADER..];
    if body.len() != len {
        return Err(format!("truncated: {} of {len} bytes", body.len()));
    }
    if xxhash_rust::xxh3::xxh3_64(body) != sum {
        return Err("checksum mismatch".into());
    }
    let (a, used) = bincode::serde::decode_from_slice(body, bincode::config::standard())
        .map_err(|e| e.to_string())?;
    if used != len {
        return Err("trailing bytes".into());
    }
    Ok(a)
}

fn write_entry(path: &Path, analysis: &DocAnalysis) -> std::io::Result<()> {
    let bytes = encode_entry(analysis).map_err(std::io::Error::other)?;
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("cache path without a folder"))?;
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze_text, Document};

    fn setup() -> (tempfile::TempDir, Cache, Document, DocAnalysis, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let doc = Document::from_text("a.txt", "Exports rose 5% to 43 billion yuan in 2024.");
        let a = analyze_text(&doc, &AnalysisOptions::default());
        cache.put(doc.hash, &AnalysisOptions::default(), &a);
        let path = cache.path(&Cache::key(doc.hash, &AnalysisOptions::default()));
        assert!(path.exists());
        (dir, cache, doc, a, path)
    }

    #[test]
    fn bad_entries_are_misses_and_removed() {
        let opts = AnalysisOptions::default();
        let damage: [fn(&mut Vec<u8>); 5] = [
            |b| b.truncate(b.len() / 2),
            |b| b.truncate(10),
            |b| {
                let n = b.len() - 3;
                b[n] ^= 0xff
            },
            |b| b[4] = b[4].wrapping_add(1), // another pipeline version
            |b| b.clear(),
        ];
        for d in damage {
            let (_dir, cache, doc, a, path) = setup();
            let mut bytes = std::fs::read(&path).unwrap();
            d(&mut bytes);
            std::fs::write(&path, &bytes).unwrap();
            assert!(cache.get(doc.hash, &opts).is_none());
            assert!(!path.exists(), "a bad entry is removed");
            cache.put(doc.hash, &opts, &a);
            // Debug, not ==: claims hold NaN for open bounds.
            assert_eq!(
                format!("{:?}", cache.get(doc.hash, &opts)),
                format!("{:?}", Some(a))
            );
        }
    }

    #[test]
    fn unwritable_cache_is_survived() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, "x").unwrap();
        let cache = Cache::new(file.join("cache"));
        let doc = Document::from_text("a.txt", "Sales rose 5% in 2024.");
        let a = analyze_text(&doc, &AnalysisOptions::default());
        cache.put(doc.hash, &AnalysisOptions::default(), &a);
        cache.put(doc.hash, &AnalysisOptions::default(), &a);
        assert!(cache.read_only.load(Ordering::Relaxed));
        assert!(cache.get(doc.hash, &AnalysisOptions::default()).is_none());
    }

    #[test]
    fn options_are_part_of_the_key() {
        let (_dir, cache, doc, _, _) = setup();
        let other = AnalysisOptions {
            as_of: Some((2020, 1, 1)),
        };
        assert!(cache.get(doc.hash, &other).is_none());
    }
}
