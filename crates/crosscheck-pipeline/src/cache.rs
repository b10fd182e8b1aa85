use crate::{AnalysisOptions, DocAnalysis, PIPELINE_VERSION};
use crosscheck_reconcile::Claim;
use serde::{de::DeserializeOwned, Serialize};
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::file_index::FileIndex;

/// Record header: magic, the pipeline version that wrote the record, its
/// key, the body's length and the body's checksum.
const MAGIC: &[u8; 4] = b"XCHR";
const HEADER: usize = 4 + 4 + 8 + 4 + 8;

/// Packs not touched for this long and holding no live record are removed.
const STALE_PACK_SECS: u64 = 3600;

/// Records gathered before they are written out as one batch: a system
/// call per document, made while every other worker waited for the lock
/// around it, cost more than encoding the record.
const WRITE_BATCH: usize = 1 << 20;

/// A directory of analyses keyed by (document bytes, pipeline version,
/// options, what is kept: the whole analysis, or only its claims).
///
/// Entries are records appended to pack files (`packs/*.pack`), one new
/// pack per process that writes, each record checksummed and written whole
/// in batches of about a megabyte: creating a file per document cost more
/// than analyzing it (half of a cold run's CPU time went to the file
/// system). Records not yet written are found in memory by this process;
/// other processes see them after [`Cache::flush`] (a run flushes when its
/// documents are done, interrupted or not, and a cache flushes when its
/// last handle is dropped). A crash can lose the last batch or leave it
/// torn, which the next reader sees and ignores; a bad record (corrupt,
/// truncated, another version) is
/// logged and treated as missing; packs holding nothing current are
/// removed. A cache that cannot be written (read-only, full) is logged once
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
/// // Another process (here: another handle) finds it on disk once written.
/// cache.flush();
/// assert!(Cache::new(dir.path()).get(doc.hash, &options).is_some());
/// ```
#[derive(Debug, Clone)]
pub struct Cache {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    dir: PathBuf,
    read_only: AtomicBool,
    state: Mutex<State>,
    /// Files known unchanged from their metadata, loaded at first use.
    files: OnceLock<FileIndex>,
}

#[derive(Debug, Default)]
struct State {
    /// Built from the packs on disk at first use.
    index: Option<Index>,
    /// This process's pack, opened at the first write.
    writer: Option<Writer>,
}

/// The pack this process appends to, and the records on their way there
/// (only this process writes it, so where each record lands is known
/// before it is written).
#[derive(Debug)]
struct Writer {
    pack: u32,
    /// Bytes the system has taken.
    written: u64,
    /// A batch one thread is writing, right after `written`.
    writing: Option<Arc<Vec<u8>>>,
    /// Records after `writing`, not yet handed to the system.
    pending: Vec<u8>,
}

impl Writer {
    /// Where the next record goes.
    fn end(&self) -> u64 {
        self.written
            + self.writing.as_ref().map_or(0, |b| b.len()) as u64
            + self.pending.len() as u64
    }

    /// The bytes of the unwritten record at `loc`, copied out.
    fn unwritten(&self, loc: Loc) -> Option<Vec<u8>> {
        if loc.pack != self.pack || loc.offset < self.written {
            return None;
        }
        let mut at = (loc.offset - self.written) as usize;
        let len = HEADER + loc.len as usize;
        if let Some(batch) = &self.writing {
            if at < batch.len() {
                return batch.get(at..at + len).map(<[u8]>::to_vec);
            }
            at -= batch.len();
        }
        self.pending.get(at..at + len).map(<[u8]>::to_vec)
    }

    /// The pending records as the batch to write next, when no other is
    /// being written and (unless `all`) enough have gathered; the caller
    /// writes it at the returned offset with [`Inner::write_batch`].
    fn take_batch(&mut self, all: bool) -> Option<(u64, Arc<Vec<u8>>)> {
        if self.writing.is_some()
            || self.pending.is_empty()
            || (!all && self.pending.len() < WRITE_BATCH)
        {
            return None;
        }
        let batch = Arc::new(std::mem::replace(
            &mut self.pending,
            Vec::with_capacity(WRITE_BATCH + 64 * 1024),
        ));
        self.writing = Some(Arc::clone(&batch));
        Some((self.written, batch))
    }
}

#[derive(Debug, Default)]
struct Index {
    packs: Vec<Arc<File>>,
    entries: HashMap<u64, Loc>,
}

/// Where a record lies: its pack, its offset, its body's length.
#[derive(Debug, Clone, Copy)]
struct Loc {
    pack: u32,
    offset: u64,
    len: u32,
}

impl Inner {
    fn lock_state(&self) -> MutexGuard<'_, State> {
        // A worker that panicked mid-lookup leaves the index as it was.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Writes `batch` (taken by [`Writer::take_batch`]) at `offset` of the
    /// pack, outside the lock: other workers go on gathering records.
    fn write_batch(&self, file: &File, offset: u64, batch: &[u8]) {
        let result = write_at(file, batch, offset);
        let mut st = self.lock_state();
        let State { index, writer } = &mut *st;
        let Some(w) = writer.as_mut() else {
            return;
        };
        w.writing = None;
        match result {
            Ok(()) => w.written += batch.len() as u64,
            Err(e) => {
                // What was not written is not there to find; nothing more
                // will be written (see `note_write_failure`).
                let (pack, from) = (w.pack, w.written);
                *writer = None;
                if let Some(index) = index.as_mut() {
                    index
                        .entries
                        .retain(|_, loc| loc.pack != pack || loc.offset < from);
                }
                drop(st);
                self.note_write_failure(&e);
            }
        }
    }

    fn flush(&self) {
        loop {
            let mut st = self.lock_state();
            let State { index, writer } = &mut *st;
            let Some(w) = writer.as_mut() else {
                return;
            };
            if w.pending.is_empty() && w.writing.is_none() {
                return;
            }
            let Some((offset, batch)) = w.take_batch(true) else {
                // Another thread is writing the batch before: its turn first.
                drop(st);
                std::thread::yield_now();
                continue;
            };
            let Some(file) = index
                .as_ref()
                .map(|i| Arc::clone(&i.packs[w.pack as usize]))
            else {
                return;
            };
            drop(st);
            self.write_batch(&file, offset, &batch);
        }
    }

    fn note_write_failure(&self, e: &dyn std::fmt::Display) {
        if !self.read_only.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                "cache {}: cannot write ({e}); going on without storing analyses",
                self.dir.display()
            );
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.flush();
    }
}

impl Cache {
    /// A cache in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Cache {
            inner: Arc::new(Inner {
                dir: dir.into(),
                read_only: AtomicBool::new(false),
                state: Mutex::new(State::default()),
                files: OnceLock::new(),
            }),
        }
    }

    /// The cache's directory.
    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// The default cache directory, under the user's cache directory.
    pub fn default_dir() -> Option<PathBuf> {
        std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
            .map(|d| d.join("crosscheck"))
    }

    /// How many current entries the cache directory holds, read afresh from
    /// disk (records of other pipeline versions and torn records not
    /// counted; a damaged body is only found when it is read).
    pub fn entry_count(&self) -> usize {
        scan_dir(&self.packs_dir(), false).entries.len()
    }

    fn packs_dir(&self) -> PathBuf {
        self.inner.dir.join("packs")
    }

    fn file_index_path(&self) -> PathBuf {
        self.inner.dir.join("files.idx")
    }

    /// Loads the index of files known unchanged now rather than at its
    /// first use: a caller can do it on another thread while it walks the
    /// inputs, which a warm run otherwise waits for one after the other.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let cache = crosscheck_pipeline::Cache::new(dir.path());
    /// std::thread::scope(|s| {
    ///     s.spawn(|| cache.preload());
    ///     // ... walk the inputs meanwhile ...
    /// });
    /// ```
    pub fn preload(&self) {
        self.file_index();
    }

    /// The index of files known unchanged since they were last read.
    pub(crate) fn file_index(&self) -> &FileIndex {
        self.inner
            .files
            .get_or_init(|| FileIndex::load(&self.file_index_path()))
    }

    /// Saves what this run learnt of its files (see [`FileIndex`]), so the
    /// next run can tell unchanged files without reading them.
    pub(crate) fn save_file_index(&self) {
        if self.is_read_only() {
            return;
        }
        if let Some(index) = self.inner.files.get() {
            if let Err(e) = index.save(&self.file_index_path()) {
                self.note_write_failure(&e);
            }
        }
    }

    /// Logs a failed write once (a read-only or full disk fails every write
    /// alike) and stops further writes.
    pub(crate) fn note_write_failure(&self, e: &dyn std::fmt::Display) {
        self.inner.note_write_failure(e);
    }

    /// Writes out the entries stored so far, so that other processes (and
    /// other handles on the same directory) find them. Failures are logged,
    /// never fatal.
    pub fn flush(&self) {
        self.inner.flush();
    }

    /// True once a write has failed.
    pub(crate) fn is_read_only(&self) -> bool {
        self.inner.read_only.load(Ordering::Relaxed)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        let mut st = self.inner.lock_state();
        if st.index.is_none() {
            st.index = Some(scan_dir(&self.packs_dir(), true));
        }
        st
    }

    /// What an entry holds is part of its key: a claims-only entry (what
    /// `analyze` needs, a tenth of the size) never stands in for a whole one.
    fn key(hash: u64, options: &AnalysisOptions, kind: &str) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&hash.to_le_bytes());
        h.update(&PIPELINE_VERSION.to_le_bytes());
        h.update(format!("{options:?}").as_bytes());
        h.update(kind.as_bytes());
        h.digest()
    }

    /// The cached analysis for a document with these bytes, if a sound one exists.
    pub fn get(&self, hash: u64, options: &AnalysisOptions) -> Option<DocAnalysis> {
        self.get_kind(hash, options, KIND_ALL, decode_serde)
    }

    /// Stores an analysis; failures are logged, never fatal.
    pub fn put(&self, hash: u64, options: &AnalysisOptions, analysis: &DocAnalysis) {
        self.put_kind(hash, options, KIND_ALL, |out| encode_serde(analysis, out));
    }

    /// The cached claims of a document with these bytes, if sound ones exist
    /// (stored by [`Cache::put_claims`], apart from whole analyses).
    pub fn get_claims(&self, hash: u64, options: &AnalysisOptions) -> Option<Vec<Claim>> {
        self.get_kind(hash, options, KIND_CLAIMS, crate::claim_codec::decode)
    }

    /// Stores a document's claims alone; failures are logged, never fatal.
    pub fn put_claims(&self, hash: u64, options: &AnalysisOptions, claims: &[Claim]) {
        self.put_kind(hash, options, KIND_CLAIMS, |out| {
            crate::claim_codec::encode(claims, out);
            Ok(())
        });
    }

    fn get_kind<T>(
        &self,
        hash: u64,
        options: &AnalysisOptions,
        kind: &str,
        decode_body: impl FnOnce(&[u8]) -> Result<T, String>,
    ) -> Option<T> {
        let key = Self::key(hash, options, kind);
        let (file, loc, unwritten) = {
            let st = self.state();
            let index = st.index.as_ref()?;
            let loc = *index.entries.get(&key)?;
            let unwritten = st.writer.as_ref().and_then(|w| w.unwritten(loc));
            (Arc::clone(&index.packs[loc.pack as usize]), loc, unwritten)
        };
        let read = match unwritten {
            Some(bytes) => Ok(bytes),
            None => {
                let mut bytes = vec![0u8; HEADER + loc.len as usize];
                read_at(&file, &mut bytes, loc.offset)
                    .map(|()| bytes)
                    .map_err(|e| e.to_string())
            }
        };
        match read.and_then(|bytes| decode_record(&bytes, key, decode_body)) {
            Ok(a) => Some(a),
            Err(why) => {
                tracing::warn!(
                    "{}: corrupt cache entry {key:016x} ({why}); recomputing",
                    self.packs_dir().display()
                );
                if let Some(index) = self.state().index.as_mut() {
                    index.entries.remove(&key);
                }
                None
            }
        }
    }

    fn put_kind(
        &self,
        hash: u64,
        options: &AnalysisOptions,
        kind: &str,
        encode_body: impl FnOnce(&mut Vec<u8>) -> Result<(), String>,
    ) {
        if self.inner.read_only.load(Ordering::Relaxed) {
            return;
        }
        let key = Self::key(hash, options, kind);
        let written = encode_record(key, encode_body)
            .map_err(std::io::Error::other)
            .and_then(|record| self.append(key, &record));
        if let Err(e) = written {
            self.note_write_failure(&e);
        }
    }

    /// Adds one whole record to this process's pack (created at the first)
    /// and indexes it; a full batch is written out, outside the lock.
    fn append(&self, key: u64, record: &[u8]) -> std::io::Result<()> {
        let mut st = self.state();
        let State { index, writer } = &mut *st;
        let index = index.get_or_insert_with(Index::default);
        let w = match writer {
            Some(w) => w,
            None => {
                let file = create_pack(&self.packs_dir())?;
                index.packs.push(Arc::new(file));
                writer.insert(Writer {
                    pack: (index.packs.len() - 1) as u32,
                    written: 0,
                    writing: None,
                    pending: Vec::with_capacity(WRITE_BATCH + 64 * 1024),
                })
            }
        };
        index.entries.insert(
            key,
            Loc {
                pack: w.pack,
                offset: w.end(),
                len: (record.len() - HEADER) as u32,
            },
        );
        w.pending.extend_from_slice(record);
        if let Some((offset, batch)) = w.take_batch(false) {
            let file = Arc::clone(&index.packs[w.pack as usize]);
            drop(st);
            self.inner.write_batch(&file, offset, &batch);
        }
        Ok(())
    }
}

const KIND_ALL: &str = "all";
const KIND_CLAIMS: &str = "claims";

/// A new pack named by the time and the process, so that packs sort from
/// oldest to newest and concurrent runs never share one.
fn create_pack(dir: &Path) -> std::io::Result<File> {
    std::fs::create_dir_all(dir)?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut n = 0u32;
    loop {
        let path = dir.join(format!("{nanos:024}-{}-{n}.pack", std::process::id()));
        // Written by position (batches are handed out in order), so not in
        // append mode, where Linux would ignore the position.
        match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            other => return other,
        }
    }
}

/// Reads every pack's record headers (not the bodies, which are checked
/// when read). A later pack's record for a key wins over an earlier one.
/// With `tidy`, packs that hold no current record and have not been
/// touched for an hour are removed (another version's, or wholly
/// superseded).
fn scan_dir(dir: &Path, tidy: bool) -> Index {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "pack"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let mut index = Index::default();
    let mut opened = Vec::new();
    for path in paths {
        let Ok(file) = File::open(&path) else {
            continue;
        };
        let pack = index.packs.len() as u32;
        scan_pack(&file, pack, &path, &mut index.entries);
        index.packs.push(Arc::new(file));
        opened.push(path);
    }
    if tidy {
        let mut live = vec![0usize; index.packs.len()];
        for loc in index.entries.values() {
            live[loc.pack as usize] += 1;
        }
        for (path, n) in opened.iter().zip(live) {
            let stale = std::fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > STALE_PACK_SECS);
            if n == 0 && stale {
                tracing::debug!("{}: no current entries; removed", path.display());
                let _ = std::fs::remove_file(path);
            }
        }
    }
    index
}

fn scan_pack(file: &File, pack: u32, path: &Path, entries: &mut HashMap<u64, Loc>) {
    let size = file.metadata().map_or(0, |m| m.len());
    let mut offset = 0u64;
    let mut header = [0u8; HEADER];
    while offset + HEADER as u64 <= size {
        if read_at(file, &mut header, offset).is_err() || &header[..4] != MAGIC {
            tracing::warn!(
                "{}: corrupt cache pack at byte {offset}; the rest of it is ignored",
                path.display()
            );
            return;
        }
        let h = parse_header(&header);
        let end = offset + (HEADER as u64) + u64::from(h.len);
        if end > size {
            break; // a torn last record: a run stopped mid-write
        }
        if h.version == PIPELINE_VERSION {
            entries.insert(
                h.key,
                Loc {
                    pack,
                    offset,
                    len: h.len,
                },
            );
        }
        offset = end;
    }
    if offset != size {
        tracing::debug!("{}: torn record at byte {offset} ignored", path.display());
    }
}

struct Header {
    version: u32,
    key: u64,
    len: u32,
    sum: u64,
}

fn parse_header(b: &[u8; HEADER]) -> Header {
    let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let u64_at = |i: usize| u64::from(u32_at(i)) | (u64::from(u32_at(i + 4)) << 32);
    Header {
        version: u32_at(4),
        key: u64_at(8),
        len: u32_at(16),
        sum: u64_at(20),
    }
}

/// Fills `buf` from `file` at `offset` without moving a shared cursor, so
/// that threads read one file at once (the cache's packs, the text spill).
#[cfg(unix)]
pub(crate) fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
pub(crate) fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset) {
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Writes all of `buf` to `file` at `offset`, like [`read_at`].
#[cfg(unix)]
pub(crate) fn write_at(file: &File, buf: &[u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, buf, offset)
}

#[cfg(windows)]
pub(crate) fn write_at(file: &File, mut buf: &[u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_write(file, buf, offset) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => {
                buf = &buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// A whole analysis as a record body (claims alone have a codec of their
/// own, [`crate::claim_codec`]).
fn encode_serde<T: Serialize>(value: &T, out: &mut Vec<u8>) -> Result<(), String> {
    bincode::serde::encode_into_std_write(value, out, bincode::config::standard())
        .map(drop)
        .map_err(|e| e.to_string())
}

/// The value [`encode_serde`] wrote, the whole body.
fn decode_serde<T: DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    let (a, used) = bincode::serde::decode_from_slice(body, bincode::config::standard())
        .map_err(|e| e.to_string())?;
    if used != body.len() {
        return Err("trailing bytes".into());
    }
    Ok(a)
}

fn encode_record(
    key: u64,
    encode_body: impl FnOnce(&mut Vec<u8>) -> Result<(), String>,
) -> Result<Vec<u8>, String> {
    // The body is encoded in place after a header filled in last, instead
    // of into a vector of its own that is then copied.
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&PIPELINE_VERSION.to_le_bytes());
    out.extend_from_slice(&key.to_le_bytes());
    out.resize(HEADER, 0);
    encode_body(&mut out)?;
    let body = &out[HEADER..];
    let len = u32::try_from(body.len()).map_err(|_| "entry over 4 GiB".to_string())?;
    let sum = xxhash_rust::xxh3::xxh3_64(body);
    let at = MAGIC.len() + 4 + 8;
    out[at..at + 4].copy_from_slice(&len.to_le_bytes());
    out[at + 4..at + 12].copy_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// A whole record (header and body) read back, checked against the key it
/// was indexed under.
fn decode_record<T>(
    bytes: &[u8],
    key: u64,
    decode_body: impl FnOnce(&[u8]) -> Result<T, String>,
) -> Result<T, String> {
    let header: &[u8; HEADER] = bytes
        .get(..HEADER)
        .and_then(|h| h.try_into().ok())
        .ok_or("truncated header")?;
    if &header[..4] != MAGIC {
        return Err("bad header".into());
    }
    let h = parse_header(header);
    if h.version != PIPELINE_VERSION {
        return Err(format!(
            "written by pipeline version {}, this is {PIPELINE_VERSION}",
            h.version
        ));
    }
    if h.key != key {
        return Err("changed since it was indexed".into());
    }
    let body = &bytes[HEADER..];
    if body.len() != h.len as usize {
        return Err(format!("truncated: {} of {} bytes", body.len(), h.len));
    }
    if xxhash_rust::xxh3::xxh3_64(body) != h.sum {
        return Err("checksum mismatch".into());
    }
    decode_body(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze_text, Document};

    fn doc(i: usize) -> Document {
        Document::from_text(
            format!("{i}.txt"),
            format!("Exports rose {i}% to 43 billion yuan in 2024."),
        )
    }

    fn the_pack(dir: &Path) -> PathBuf {
        let packs: Vec<_> = std::fs::read_dir(dir.join("packs"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(packs.len(), 1, "{packs:?}");
        packs[0].clone()
    }

    /// Record offsets in a pack, from its headers.
    fn records(pack: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at + HEADER <= pack.len() {
            let h = parse_header(pack[at..at + HEADER].try_into().unwrap());
            out.push((at, HEADER + h.len as usize));
            at += HEADER + h.len as usize;
        }
        out
    }

    #[test]
    fn bad_records_are_misses_and_the_rest_survive() {
        let opts = AnalysisOptions::default();
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let docs: Vec<_> = (0..6).map(doc).collect();
        let analyses: Vec<_> = docs.iter().map(|d| analyze_text(d, &opts)).collect();
        for (d, a) in docs.iter().zip(&analyses) {
            cache.put(d.hash, &opts, a);
        }
        drop(cache);
        let pack = the_pack(dir.path());
        let mut bytes = std::fs::read(&pack).unwrap();
        let recs = records(&bytes);
        assert_eq!(recs.len(), 6);
        // 0: a flipped body byte; 1: another version; 2: another key; 5: torn.
        bytes[recs[0].0 + recs[0].1 - 1] ^= 0xff;
        bytes[recs[1].0 + 4] ^= 0x7f;
        bytes[recs[2].0 + 8] ^= 0x01;
        bytes.truncate(recs[5].0 + recs[5].1 / 2);
        std::fs::write(&pack, &bytes).unwrap();
        let cache = Cache::new(dir.path());
        let found: Vec<bool> = docs
            .iter()
            .map(|d| cache.get(d.hash, &opts).is_some())
            .collect();
        assert_eq!(found, [false, false, false, true, true, false]);
        // Recomputed entries go to a new pack and are found again, equal.
        for (d, a) in docs.iter().zip(&analyses) {
            if cache.get(d.hash, &opts).is_none() {
                cache.put(d.hash, &opts, a);
            }
        }
        cache.flush();
        let fresh = Cache::new(dir.path());
        for (d, a) in docs.iter().zip(&analyses) {
            // Debug, not ==: claims hold NaN for open bounds.
            assert_eq!(
                format!("{:?}", fresh.get(d.hash, &opts)),
                format!("{:?}", Some(a))
            );
        }
        // Six sound entries, and the record whose key was damaged, under a
        // key no document has.
        assert_eq!(fresh.entry_count(), 7);
    }

    #[test]
    fn garbage_packs_are_survived() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("packs")).unwrap();
        std::fs::write(dir.path().join("packs/0.pack"), b"not a cache at all").unwrap();
        std::fs::write(dir.path().join("packs/1.pack"), b"").unwrap();
        let cache = Cache::new(dir.path());
        let d = doc(1);
        assert!(cache.get(d.hash, &Default::default()).is_none());
        let a = analyze_text(&d, &Default::default());
        cache.put(d.hash, &Default::default(), &a);
        cache.flush();
        assert!(Cache::new(dir.path())
            .get(d.hash, &Default::default())
            .is_some());
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
        assert!(cache.inner.read_only.load(Ordering::Relaxed));
        assert!(cache.get(doc.hash, &AnalysisOptions::default()).is_none());
    }

    #[test]
    fn options_and_kind_are_part_of_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let d = doc(2);
        let a = analyze_text(&d, &AnalysisOptions::default());
        cache.put(d.hash, &AnalysisOptions::default(), &a);
        let other = AnalysisOptions {
            as_of: Some((2020, 1, 1)),
        };
        assert!(cache.get(d.hash, &other).is_none());
        assert!(cache
            .get_claims(d.hash, &AnalysisOptions::default())
            .is_none());
        cache.put_claims(d.hash, &AnalysisOptions::default(), &a.claims);
        assert_eq!(
            cache
                .get_claims(d.hash, &AnalysisOptions::default())
                .map(|c| c.len()),
            Some(a.claims.len())
        );
        assert!(cache.get(d.hash, &AnalysisOptions::default()).is_some());
    }
}
