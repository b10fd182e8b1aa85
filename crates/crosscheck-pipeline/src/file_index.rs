//! Which files are unchanged since a run last read them, told from their
//! metadata alone, so that a warm run need not read and hash every file.
//!
//! An entry ties a path to the file's stamp (device, inode, size, and the
//! modification and status-change times to the nanosecond) and to what the
//! file's bytes gave: their content hash, or the reason they were refused
//! (empty, binary, undecodable). A file whose stamp differs in any part is
//! read again. Like git's index, an entry is only made for a file whose
//! times are at least [`SETTLED`] old when it is read: a file written within
//! the file system's clock tick of being read could change again without
//! its stamp changing, and such a "racy" file is simply read next time too.
//! Writing to a file always moves its modification time, and resetting that
//! time (`touch -d`, `rsync -t`) moves its status-change time, which no
//! program can set.

use crate::PIPELINE_VERSION;
// Keyed by paths, looked up once per file of a warm run: SipHash was a
// tenth of those look-ups' instructions.
use foldhash::{HashMap, HashMapExt};
use std::fs::Metadata;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

const MAGIC: &[u8; 4] = b"XCFI";
/// The layout of the file below; a change of it or of the pipeline (which
/// decides what is refused) makes an old index empty.
const FORMAT: u32 = 1;
/// How old a file's times must be for its entry to be trusted: above the
/// coarsest timestamps in use (FAT keeps modification times to 2 seconds).
pub(crate) const SETTLED: Duration = Duration::from_millis(2100);
/// Entries kept at most (this run's first, then older runs'), so that a
/// cache shared by many folders does not grow without end.
const MAX_ENTRIES: usize = 4_000_000;

/// A file's identity and times, as the system reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    dev: u64,
    ino: u64,
    size: u64,
    mtime: (i64, u32),
    ctime: (i64, u32),
}

impl Stamp {
    #[cfg(unix)]
    pub(crate) fn of(meta: &Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.size(),
            mtime: (meta.mtime(), meta.mtime_nsec() as u32),
            ctime: (meta.ctime(), meta.ctime_nsec() as u32),
        }
    }

    #[cfg(not(unix))]
    pub(crate) fn of(meta: &Metadata) -> Stamp {
        let since_epoch = |t: std::io::Result<SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or((0, 0), |d| (d.as_secs() as i64, d.subsec_nanos()))
        };
        Stamp {
            dev: 0,
            ino: 0,
            size: meta.len(),
            mtime: since_epoch(meta.modified()),
            ctime: since_epoch(meta.created()),
        }
    }

    /// True when both times are at least [`SETTLED`] before `now`.
    fn settled(&self, now: SystemTime) -> bool {
        let Ok(now) = now.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let limit = now.saturating_sub(SETTLED);
        let before =
            |(s, ns): (i64, u32)| s >= 0 && Duration::new(s as u64, ns.min(999_999_999)) <= limit;
        before(self.mtime) && before(self.ctime)
    }
}

/// What a file's bytes gave when they were last read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Known {
    /// Its content hash ([`crate::Document::hash`]).
    Hash(u64),
    /// Why it was refused; the same bytes are refused alike.
    Refused(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    stamp: Stamp,
    known: Known,
}

/// The index of one cache directory: loaded once, added to by a run, saved
/// whole (atomically) when the run ends.
#[derive(Debug, Default)]
pub(crate) struct FileIndex {
    loaded: HashMap<String, Entry>,
    seen: Mutex<HashMap<String, Entry>>,
}

impl FileIndex {
    /// The index stored in `path`; a missing, damaged or foreign one is
    /// empty (every file is then read, as without it).
    pub(crate) fn load(path: &Path) -> FileIndex {
        let loaded = match std::fs::read(path) {
            Ok(bytes) => decode(&bytes).unwrap_or_else(|why| {
                tracing::warn!("{}: {why}; files will be read again", path.display());
                HashMap::new()
            }),
            Err(_) => HashMap::new(),
        };
        FileIndex {
            loaded,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// True when no file is known (a first run): nothing to look up.
    pub(crate) fn is_empty(&self) -> bool {
        self.loaded.is_empty()
    }

    /// What the file at `path` gave when last read, if `meta` says it has
    /// not changed since.
    pub(crate) fn lookup(&self, path: &Path, meta: &Metadata) -> Option<&Known> {
        let e = self.loaded.get(path.to_str()?)?;
        (e.stamp == Stamp::of(meta)).then_some(&e.known)
    }

    /// Notes what a file read now gave; files changed too recently to be
    /// told apart from their next version by their stamp are left out.
    pub(crate) fn record(&self, path: &Path, meta: &Metadata, known: Known) {
        let Some(path) = path.to_str() else {
            return;
        };
        let stamp = Stamp::of(meta);
        if !stamp.settled(SystemTime::now()) {
            return;
        }
        let entry = Entry { stamp, known };
        if self.loaded.get(path) == Some(&entry) {
            return;
        }
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path.to_string(), entry);
    }

    /// Writes the index with this run's entries to `path` (a new file
    /// renamed over the old), when the run learnt anything new.
    pub(crate) fn save(&self, path: &Path) -> std::io::Result<()> {
        let seen = std::mem::take(&mut *self.seen.lock().unwrap_or_else(|p| p.into_inner()));
        if seen.is_empty() {
            return Ok(());
        }
        let mut all: Vec<(&String, &Entry)> = seen.iter().collect();
        all.extend(
            self.loaded
                .iter()
                .filter(|(p, _)| !seen.contains_key(*p))
                .take(MAX_ENTRIES.saturating_sub(seen.len())),
        );
        all.truncate(MAX_ENTRIES);
        let bytes = encode(&all);
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(&bytes)?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

fn encode(entries: &[(&String, &Entry)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + entries.len() * 96);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&PIPELINE_VERSION.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    for (path, e) in entries {
        out.extend_from_slice(&(path.len() as u32).to_le_bytes());
        out.extend_from_slice(path.as_bytes());
        let s = &e.stamp;
        for v in [s.dev, s.ino, s.size, s.mtime.0 as u64, s.ctime.0 as u64] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&s.mtime.1.to_le_bytes());
        out.extend_from_slice(&s.ctime.1.to_le_bytes());
        match &e.known {
            Known::Hash(h) => {
                out.push(0);
                out.extend_from_slice(&h.to_le_bytes());
            }
            Known::Refused(why) => {
                out.push(1);
                out.extend_from_slice(&(why.len() as u32).to_le_bytes());
                out.extend_from_slice(why.as_bytes());
            }
        }
    }
    let sum = xxhash_rust::xxh3::xxh3_64(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Reads bytes written by [`encode`], checking every length against what
/// is left, so no damage can make it read out of bounds or allocate wildly.
fn decode(bytes: &[u8]) -> Result<HashMap<String, Entry>, String> {
    let (body, sum) = bytes
        .split_last_chunk::<8>()
        .ok_or("index file truncated")?;
    if xxhash_rust::xxh3::xxh3_64(body) != u64::from_le_bytes(*sum) {
        return Err("index file damaged (checksum mismatch)".into());
    }
    let mut r = Reader(body);
    if r.take(4)? != MAGIC {
        return Err("not a file index".into());
    }
    if r.u32()? != FORMAT || r.u32()? != PIPELINE_VERSION {
        // Another version's: not an error, just nothing known.
        return Ok(HashMap::new());
    }
    let n = r.u64()?;
    let mut map = HashMap::with_capacity((n as usize).min(body.len() / 64));
    for _ in 0..n {
        let len = r.u32()? as usize;
        let path = std::str::from_utf8(r.take(len)?)
            .map_err(|_| "bad path in index")?
            .to_string();
        let (dev, ino, size, ms, cs) = (r.u64()?, r.u64()?, r.u64()?, r.u64()?, r.u64()?);
        let (mns, cns) = (r.u32()?, r.u32()?);
        let known = match r.take(1)?[0] {
            0 => Known::Hash(r.u64()?),
            1 => {
                let len = r.u32()? as usize;
                let why = std::str::from_utf8(r.take(len)?).map_err(|_| "bad reason in index")?;
                Known::Refused(why.to_string())
            }
            _ => return Err("bad entry kind in index".into()),
        };
        let stamp = Stamp {
            dev,
            ino,
            size,
            mtime: (ms as i64, mns),
            ctime: (cs as i64, cns),
        };
        map.insert(path, Entry { stamp, known });
    }
    if !r.0.is_empty() {
        return Err("trailing bytes in index".into());
    }
    Ok(map)
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if n > self.0.len() {
            return Err("index file truncated".into());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or([0; 4]),
        ))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().unwrap_or([0; 8]),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn old_file(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Waits until files written now count as settled.
    fn settle() {
        std::thread::sleep(SETTLED + Duration::from_millis(100));
    }

    #[test]
    fn unchanged_files_are_known_and_changed_ones_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = old_file(dir.path(), "a.txt", b"one");
        let b = old_file(dir.path(), "b.txt", b"two");
        let fresh_index = FileIndex::default();
        // Written just now: not settled, so not recorded.
        fresh_index.record(&a, &std::fs::metadata(&a).unwrap(), Known::Hash(1));
        assert!(fresh_index.seen.lock().unwrap().is_empty());
        settle();
        let index = FileIndex::default();
        index.record(&a, &std::fs::metadata(&a).unwrap(), Known::Hash(1));
        index.record(
            &b,
            &std::fs::metadata(&b).unwrap(),
            Known::Refused("binary".into()),
        );
        let store = dir.path().join("cache/files.idx");
        index.save(&store).unwrap();
        let loaded = FileIndex::load(&store);
        let meta = |p: &Path| std::fs::metadata(p).unwrap();
        assert_eq!(loaded.lookup(&a, &meta(&a)), Some(&Known::Hash(1)));
        assert_eq!(
            loaded.lookup(&b, &meta(&b)),
            Some(&Known::Refused("binary".into()))
        );
        // Same size, new bytes: the times move, the entry no longer holds.
        std::fs::write(&a, b"uno").unwrap();
        assert_eq!(loaded.lookup(&a, &meta(&a)), None);
        // Times set back by hand: the status-change time still moved.
        let f = std::fs::File::options().write(true).open(&b).unwrap();
        f.set_modified(meta(&b).modified().unwrap() - Duration::from_secs(60))
            .unwrap();
        assert_eq!(loaded.lookup(&b, &meta(&b)), None);
    }

    #[test]
    fn a_damaged_index_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        settle_and_save(dir.path());
        let store = dir.path().join("files.idx");
        let good = std::fs::read(&store).unwrap();
        assert_eq!(FileIndex::load(&store).loaded.len(), 1);
        for cut in [0, 3, good.len() / 2, good.len() - 1] {
            std::fs::write(&store, &good[..cut]).unwrap();
            assert!(FileIndex::load(&store).loaded.is_empty(), "cut at {cut}");
        }
        let mut flipped = good.clone();
        flipped[20] ^= 0x40;
        std::fs::write(&store, &flipped).unwrap();
        assert!(FileIndex::load(&store).loaded.is_empty());
    }

    fn settle_and_save(dir: &Path) {
        let a = old_file(dir, "a.txt", b"one");
        settle();
        let index = FileIndex::default();
        index.record(&a, &std::fs::metadata(&a).unwrap(), Known::Hash(7));
        index.save(&dir.join("files.idx")).unwrap();
    }

    #[test]
    fn decoding_never_panics_on_garbage() {
        for n in 0..200usize {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + n) as u8).collect();
            let _ = decode(&bytes);
        }
    }
}
