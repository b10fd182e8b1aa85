//! Finished reports kept in the cache, keyed by everything they depend on,
//! so that a run over documents that have not changed prints the report
//! it printed before instead of reconciling again.
//!
//! A report is a pure function of the documents (their names, in order,
//! and their bytes), the options, and the program; the key hashes all of
//! them, the program by an identity its caller gives (the executable's
//! size and time: any rebuild is another program). Each rendering (JSON,
//! the text summary) is a file of its own, written to a temporary file and
//! renamed, with a header holding its key, length and checksum, which a
//! reader checks before it prints a byte.

use crate::{AnalysisOptions, Cache, PIPELINE_VERSION};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

const MAGIC: &[u8; 4] = b"XCRP";
/// 2: the checksum is over the body's chunks' checksums (see [`Chunked`]).
const FORMAT: u32 = 2;
/// The body is checksummed in pieces of this size, so that a warm run can
/// read and check a report of hundreds of megabytes on every core.
const CHUNK: usize = 4 << 20;
/// Magic, format, pipeline version, key, conflicts, body length, checksum.
const HEADER: usize = 4 + 4 + 4 + 8 + 8 + 8 + 8;
/// Renderings kept; the oldest beyond this are removed.
const KEEP: usize = 8;

impl Cache {
    /// The key of the report over `docs` (each document's name and content
    /// hash, in input order) with these options, made by the program
    /// `build` identifies.
    ///
    /// ```
    /// use crosscheck_pipeline::Cache;
    /// let opts = Default::default();
    /// let a = Cache::report_key([("a.txt", 1), ("b.txt", 2)], &opts, b"v1");
    /// assert_ne!(a, Cache::report_key([("b.txt", 2), ("a.txt", 1)], &opts, b"v1"));
    /// assert_ne!(a, Cache::report_key([("a.txt", 1), ("b.txt", 2)], &opts, b"v2"));
    /// ```
    pub fn report_key<'a>(
        docs: impl IntoIterator<Item = (&'a str, u64)>,
        options: &AnalysisOptions,
        build: &[u8],
    ) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(MAGIC);
        h.update(&PIPELINE_VERSION.to_le_bytes());
        h.update(&(build.len() as u64).to_le_bytes());
        h.update(build);
        h.update(format!("{options:?}").as_bytes());
        for (name, hash) in docs {
            h.update(&(name.len() as u64).to_le_bytes());
            h.update(name.as_bytes());
            h.update(&hash.to_le_bytes());
        }
        h.digest()
    }

    fn report_path(&self, key: u64, format: &str) -> PathBuf {
        self.dir()
            .join("reports")
            .join(format!("{key:016x}.{format}"))
    }

    /// The stored `format` rendering of report `key`, checked whole, or
    /// `None` (absent, damaged, another version's: it is then made anew).
    pub fn stored_report(&self, key: u64, format: &str) -> Option<StoredReport> {
        let path = self.report_path(key, format);
        let mut file = File::open(&path).ok()?;
        match check(&mut file, key) {
            Ok((conflicts, len)) => Some(StoredReport {
                file,
                len,
                conflicts,
            }),
            Err(why) => {
                tracing::warn!("{}: {why}; the report is made anew", path.display());
                None
            }
        }
    }

    /// A writer that stores the `format` rendering of report `key` when
    /// [`ReportWriter::finish`] is called (nothing is stored if it is
    /// dropped unfinished). `None` when the cache cannot be written.
    pub fn report_writer(&self, key: u64, format: &str) -> Option<ReportWriter> {
        if self.is_read_only() {
            return None;
        }
        let path = self.report_path(key, format);
        let dir = self.dir().join("reports");
        let made = std::fs::create_dir_all(&dir)
            .and_then(|()| tempfile::NamedTempFile::new_in(&dir))
            .and_then(|mut tmp| {
                tmp.write_all(&[0u8; HEADER])?;
                Ok(tmp)
            });
        match made {
            Ok(tmp) => Some(ReportWriter {
                cache: self.clone(),
                key,
                path,
                tmp: std::io::BufWriter::with_capacity(1 << 20, tmp),
                hasher: Chunked::default(),
                len: 0,
                failed: false,
            }),
            Err(e) => {
                self.note_write_failure(&e);
                None
            }
        }
    }

    /// Removes all but the newest [`KEEP`] stored renderings.
    fn tidy_reports(&self) {
        let dir = self.dir().join("reports");
        let Ok(rd) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
            .collect();
        if files.len() <= KEEP {
            return;
        }
        files.sort();
        for (_, p) in &files[..files.len() - KEEP] {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Reads and checks a stored rendering's header and body; leaves `file` at
/// the body's start. Returns (conflicts, body length).
fn check(file: &mut File, key: u64) -> Result<(u64, u64), String> {
    let mut header = [0u8; HEADER];
    file.read_exact(&mut header)
        .map_err(|_| "truncated stored report")?;
    let u32_at = |i: usize| u32::from_le_bytes(header[i..i + 4].try_into().unwrap_or([0; 4]));
    let u64_at = |i: usize| u64::from_le_bytes(header[i..i + 8].try_into().unwrap_or([0; 8]));
    if &header[..4] != MAGIC || u32_at(4) != FORMAT || u32_at(8) != PIPELINE_VERSION {
        return Err("stored report of another version".into());
    }
    if u64_at(12) != key {
        return Err("stored report under the wrong name".into());
    }
    let (conflicts, len, sum) = (u64_at(20), u64_at(28), u64_at(36));
    let size = file.metadata().map_err(|e| e.to_string())?.len();
    if size != HEADER as u64 + len {
        return Err(format!(
            "stored report truncated or grown ({size} bytes, expected {})",
            HEADER as u64 + len
        ));
    }
    let chunks = len.div_ceil(CHUNK as u64) as usize;
    let sums: Vec<u64> = {
        use rayon::prelude::*;
        let file: &File = file;
        (0..chunks)
            .into_par_iter()
            .map_init(
                || vec![0u8; CHUNK],
                |buf, i| {
                    let at = i as u64 * CHUNK as u64;
                    let n = (len - at).min(CHUNK as u64) as usize;
                    crate::cache::read_at(file, &mut buf[..n], HEADER as u64 + at)
                        .map(|()| xxhash_rust::xxh3::xxh3_64(&buf[..n]))
                        .map_err(|e| e.to_string())
                },
            )
            .collect::<Result<_, _>>()?
    };
    let whole = Chunked {
        sums,
        ..Chunked::default()
    };
    if whole.digest() != sum {
        return Err("stored report damaged (checksum mismatch)".into());
    }
    file.seek(SeekFrom::Start(HEADER as u64))
        .map_err(|e| e.to_string())?;
    Ok((conflicts, len))
}

/// The checksum of a stored body: xxh3 of the xxh3 of each [`CHUNK`]
/// bytes, which a reader can work out for the chunks in parallel.
#[derive(Default)]
struct Chunked {
    /// The checksums of the whole chunks so far.
    sums: Vec<u64>,
    /// The chunk being written.
    open: xxhash_rust::xxh3::Xxh3,
    open_len: usize,
}

impl Chunked {
    fn update(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let take = bytes.len().min(CHUNK - self.open_len);
            self.open.update(&bytes[..take]);
            self.open_len += take;
            bytes = &bytes[take..];
            if self.open_len == CHUNK {
                self.sums.push(self.open.digest());
                self.open.reset();
                self.open_len = 0;
            }
        }
    }

    fn digest(&self) -> u64 {
        let mut all = xxhash_rust::xxh3::Xxh3::new();
        for s in self
            .sums
            .iter()
            .chain((self.open_len > 0).then(|| self.open.digest()).as_ref())
        {
            all.update(&s.to_le_bytes());
        }
        all.digest()
    }
}

/// A stored rendering, checked, ready to be copied out.
#[derive(Debug)]
pub struct StoredReport {
    file: File,
    len: u64,
    /// How many conflicts the report holds (for `--fail-on-conflict`).
    pub conflicts: u64,
}

impl StoredReport {
    /// Copies the rendering to `out` (by the kernel where it can: a file or
    /// a pipe gets the bytes without their passing through this process).
    pub fn copy_to(&mut self, out: &mut (impl Write + ?Sized)) -> std::io::Result<u64> {
        let mut file = &self.file;
        file.seek(SeekFrom::Start(HEADER as u64))?;
        let copied = std::io::copy(&mut file.take(self.len), out)?;
        if copied != self.len {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        Ok(copied)
    }
}

/// Stores one rendering of a report; see [`Cache::report_writer`].
pub struct ReportWriter {
    cache: Cache,
    key: u64,
    path: PathBuf,
    tmp: std::io::BufWriter<tempfile::NamedTempFile>,
    hasher: Chunked,
    len: u64,
    /// Set by a failed write: what was written is not the whole rendering.
    failed: bool,
}

impl std::fmt::Debug for ReportWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportWriter")
            .field("path", &self.path)
            .field("len", &self.len)
            .finish_non_exhaustive()
    }
}

impl Write for ReportWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.tmp.write(buf).inspect_err(|_| self.failed = true)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}

impl ReportWriter {
    /// Seals the rendering (header with length and checksum) and puts it in
    /// place; failures are logged, never fatal.
    pub fn finish(self, conflicts: u64) {
        if self.failed {
            return;
        }
        let cache = self.cache.clone();
        if let Err(e) = self.seal(conflicts) {
            cache.note_write_failure(&e);
        }
        cache.tidy_reports();
    }

    fn seal(self, conflicts: u64) -> std::io::Result<()> {
        let mut tmp = self.tmp.into_inner().map_err(|e| e.into_error())?;
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&FORMAT.to_le_bytes());
        header.extend_from_slice(&PIPELINE_VERSION.to_le_bytes());
        header.extend_from_slice(&self.key.to_le_bytes());
        header.extend_from_slice(&conflicts.to_le_bytes());
        header.extend_from_slice(&self.len.to_le_bytes());
        header.extend_from_slice(&self.hasher.digest().to_le_bytes());
        let f = tmp.as_file_mut();
        f.seek(SeekFrom::Start(0))?;
        f.write_all(&header)?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(cache: &Cache, key: u64, body: &[u8]) {
        let mut w = cache.report_writer(key, "json").unwrap();
        w.write_all(body).unwrap();
        w.finish(3);
    }

    fn read(cache: &Cache, key: u64) -> Option<(u64, Vec<u8>)> {
        let mut s = cache.stored_report(key, "json")?;
        let conflicts = s.conflicts;
        let mut out = Vec::new();
        s.copy_to(&mut out).unwrap();
        Some((conflicts, out))
    }

    #[test]
    fn stored_reports_come_back_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        assert!(read(&cache, 1).is_none());
        let body = b"{\"documents\": 2}".repeat(100_000);
        store(&cache, 1, &body);
        assert_eq!(read(&cache, 1), Some((3, body.clone())));
        // Unfinished writers leave nothing behind.
        let mut w = cache.report_writer(2, "json").unwrap();
        w.write_all(b"partial").unwrap();
        drop(w);
        assert!(read(&cache, 2).is_none());
        let path = cache.report_path(1, "json");
        let good = std::fs::read(&path).unwrap();
        // A flipped byte, a truncation, a file under another key's name.
        let mut bad = good.clone();
        bad[HEADER + 10] ^= 1;
        std::fs::write(&path, &bad).unwrap();
        assert!(read(&cache, 1).is_none());
        std::fs::write(&path, &good[..good.len() - 1]).unwrap();
        assert!(read(&cache, 1).is_none());
        std::fs::write(&path, &good[..5]).unwrap();
        assert!(read(&cache, 1).is_none());
        std::fs::write(cache.report_path(9, "json"), &good).unwrap();
        assert!(read(&cache, 9).is_none());
        std::fs::write(&path, &good).unwrap();
        assert_eq!(read(&cache, 1), Some((3, body)));
    }

    #[test]
    fn a_report_of_many_chunks_is_checked_in_every_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        // Two whole chunks and a part, written in pieces that straddle them.
        let body: Vec<u8> = (0..2 * CHUNK + 12_345).map(|i| (i % 251) as u8).collect();
        let mut w = cache.report_writer(1, "json").unwrap();
        for piece in body.chunks(999_999) {
            w.write_all(piece).unwrap();
        }
        w.finish(5);
        assert_eq!(read(&cache, 1), Some((5, body.clone())));
        let path = cache.report_path(1, "json");
        let good = std::fs::read(&path).unwrap();
        for at in [0, CHUNK - 1, CHUNK, 2 * CHUNK + 12_344] {
            let mut bad = good.clone();
            bad[HEADER + at] ^= 0x20;
            std::fs::write(&path, &bad).unwrap();
            assert!(read(&cache, 1).is_none(), "flip at {at}");
        }
        // A body of exactly whole chunks.
        store(&cache, 2, &body[..CHUNK]);
        assert_eq!(read(&cache, 2), Some((3, body[..CHUNK].to_vec())));
    }

    #[test]
    fn only_the_newest_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        for key in 0..(KEEP as u64 + 4) {
            store(&cache, key, b"{}");
        }
        let n = std::fs::read_dir(dir.path().join("reports"))
            .unwrap()
            .count();
        assert!(n <= KEEP, "{n}");
    }

    #[test]
    fn an_unwritable_cache_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, b"x").unwrap();
        let cache = Cache::new(blocker.join("cache"));
        assert!(cache.report_writer(1, "json").is_none());
        assert!(cache.stored_report(1, "json").is_none());
    }
}
