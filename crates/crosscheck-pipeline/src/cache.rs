use crate::{AnalysisOptions, DocAnalysis, PIPELINE_VERSION};
use std::io::Write;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"XCHKv001";

/// A directory of analyses, one file per (document bytes, pipeline version,
/// options). Entries are checksummed; a bad entry is treated as missing.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// A cache in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Cache { dir: dir.into() }
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
        let path = self.path(&Self::key(hash, options));
        if let Err(e) = write_entry(&path, analysis) {
            tracing::warn!("{}: cannot write cache entry: {e}", path.display());
        }
    }
}

fn encode_entry(analysis: &DocAnalysis) -> Result<Vec<u8>, String> {
    let body = bincode::serde::encode_to_vec(analysis, bincode::config::standard())
        .map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(body.len() + 24);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

fn decode_entry(bytes: &[u8]) -> Result<DocAnalysis, String> {
    if bytes.len() < 24 || &bytes[..8] != MAGIC {
        return Err("bad header".into());
    }
    let len = u64::from_le_bytes(bytes[8..16].try_into().map_err(|_| "bad length")?) as usize;
    let sum = u64::from_le_bytes(bytes[16..24].try_into().map_err(|_| "bad checksum")?);
    let body = &bytes[24..];
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
    let dir = path.parent().expect("cache paths have a parent");
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
