//! Documents' texts set aside while a run analyzes them, so that a report
//! can quote its mentions afterwards without reading, decoding and
//! extracting the files a second time (which cost as much again as the
//! first read for every document a report cites), and quotes the very text
//! the claims came from even when a file changed since.

use crate::document::{Document, Markup};
use crate::offsets::OffsetMap;
use std::fs::File;
use std::io;
use std::sync::Mutex;

/// Bytes gathered before they are written out: few system calls, little
/// memory.
const FLUSH_AT: usize = 4 << 20;

/// The spill's first bytes, kept in memory instead of written: a run over
/// a folder of a few tens of megabytes sets its texts aside without a
/// system call (writing them cost a tenth of such a run's time on a
/// virtual disk), and a larger run holds at most this much more memory.
const KEEP_IN_MEMORY: u64 = 64 << 20;

/// A record's fixed head: text, offset map and line counts (u32 each),
/// hash (u64), markup (u8), encoding name length (u8).
const HEAD: usize = 22;

/// An unnamed temporary file of documents' texts, appended to by any
/// thread and read back by position. The file has no name, so it goes away
/// with the process, interrupted or not. Its first 64 MB stay in memory
/// and are never written.
///
/// ```
/// use crosscheck_pipeline::{Document, TextSpill};
/// let spill = TextSpill::new().unwrap();
/// let at = spill.put(&Document::from_text("a.txt", "Exports rose 5%.\nImports fell.")).unwrap();
/// spill.flush().unwrap();
/// let doc = spill.get(at, "a.txt").unwrap();
/// assert_eq!(doc.text, "Exports rose 5%.\nImports fell.");
/// assert_eq!(doc.line_of(20), 2);
/// ```
#[derive(Debug)]
pub struct TextSpill {
    file: File,
    pending: Mutex<Pending>,
}

#[derive(Debug, Default)]
struct Pending {
    /// Bytes in the file before `writing` and `buf`.
    written: u64,
    /// The length of a batch one thread is writing, right after `written`.
    writing: Option<usize>,
    buf: Vec<u8>,
    /// A written batch's buffer, kept for the next (they are megabytes).
    spare: Vec<u8>,
    /// The batches kept in memory (the spill's first bytes, up to
    /// `keep_upto`), each with its offset: in offset order, none in the file.
    kept: Vec<(u64, Vec<u8>)>,
    /// Where the bytes kept in memory end: [`KEEP_IN_MEMORY`] but in tests.
    keep_upto: u64,
    /// The first write error: later puts fail with it too.
    failed: Option<String>,
}

impl Pending {
    /// The gathered bytes as the batch to write next at the returned
    /// offset, unless another batch is being written (or, unless `all`,
    /// too few have gathered), or unless they are kept in memory instead.
    fn take_batch(&mut self, all: bool) -> Option<(u64, Vec<u8>)> {
        if self.writing.is_some() || self.buf.is_empty() || (!all && self.buf.len() < FLUSH_AT) {
            return None;
        }
        if self.written + self.buf.len() as u64 <= self.keep_upto {
            // Kept, not written: the batch is done with at once, and the
            // next starts in a buffer of its own.
            let batch = std::mem::take(&mut self.buf);
            let offset = self.written;
            self.written += batch.len() as u64;
            self.kept.push((offset, batch));
            return None;
        }
        let batch = std::mem::replace(&mut self.buf, std::mem::take(&mut self.spare));
        self.writing = Some(batch.len());
        Some((self.written, batch))
    }

    /// Copies the record at `at` into `bytes` when it is in a batch kept in
    /// memory; false when it is not (it is then in the file).
    fn read_kept(&self, at: SpillAt, bytes: &mut [u8]) -> bool {
        let i = self
            .kept
            .partition_point(|(offset, _)| *offset <= at.offset);
        let Some((offset, batch)) = i.checked_sub(1).map(|i| &self.kept[i]) else {
            return false;
        };
        let from = (at.offset - offset) as usize;
        match batch.get(from..from + bytes.len()) {
            Some(record) => {
                bytes.copy_from_slice(record);
                true
            }
            None => false,
        }
    }
}

/// Where [`TextSpill::put`] stored a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpillAt {
    offset: u64,
    len: u32,
}

impl SpillAt {
    /// The bytes the document takes in the spill (its text, offset map and
    /// line starts): what reading it back costs.
    ///
    /// ```
    /// use crosscheck_pipeline::{Document, TextSpill};
    /// let spill = TextSpill::new().unwrap();
    /// let at = spill.put(&Document::from_text("a.txt", "Exports rose 5%.")).unwrap();
    /// assert!(at.stored_bytes() > 16);
    /// ```
    pub fn stored_bytes(&self) -> u64 {
        u64::from(self.len)
    }
}

impl TextSpill {
    /// A spill in the system's temporary directory.
    pub fn new() -> io::Result<TextSpill> {
        TextSpill::keeping(KEEP_IN_MEMORY)
    }

    /// A spill that keeps its first `keep_upto` bytes in memory.
    fn keeping(keep_upto: u64) -> io::Result<TextSpill> {
        Ok(TextSpill {
            file: tempfile::tempfile()?,
            pending: Mutex::new(Pending {
                keep_upto,
                ..Pending::default()
            }),
        })
    }

    /// Sets aside `doc`'s text, offset map, line starts and how it was read.
    pub fn put(&self, doc: &Document) -> io::Result<SpillAt> {
        let offsets_len = doc.offsets.encoded_len();
        let lines = &doc.line_starts;
        let encoding = doc.encoding.as_bytes();
        let too_big = || io::Error::other("document over 4 GiB");
        let len = HEAD + encoding.len() + doc.text.len() + offsets_len + 4 * lines.len();
        let len32 = u32::try_from(len).map_err(|_| too_big())?;
        let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(why) = &p.failed {
            return Err(io::Error::other(why.clone()));
        }
        let at = SpillAt {
            offset: p.written + p.writing.unwrap_or(0) as u64 + p.buf.len() as u64,
            len: len32,
        };
        let buf = &mut p.buf;
        if buf.capacity() == 0 {
            // Once, the size it is written out at: grown by doubling, the
            // buffer was copied over and over on its way there.
            buf.reserve(FLUSH_AT + len);
        }
        for part in [doc.text.len(), offsets_len, lines.len()] {
            buf.extend_from_slice(&u32::try_from(part).map_err(|_| too_big())?.to_le_bytes());
        }
        buf.extend_from_slice(&doc.hash.to_le_bytes());
        buf.push(match doc.markup {
            Markup::Plain => 0,
            Markup::Html => 1,
            Markup::Markdown => 2,
        });
        buf.push(encoding.len().min(255) as u8);
        buf.extend_from_slice(&encoding[..encoding.len().min(255)]);
        buf.extend_from_slice(doc.text.as_bytes());
        doc.offsets.write_to(buf);
        for l in lines {
            buf.extend_from_slice(&l.to_le_bytes());
        }
        if let Some((offset, batch)) = p.take_batch(false) {
            // Written without the lock: the other workers go on setting
            // their texts aside meanwhile.
            drop(p);
            self.write_batch(offset, batch)?;
        }
        Ok(at)
    }

    /// Writes out what [`TextSpill::put`] gathered; needed before
    /// [`TextSpill::get`] can read it.
    pub fn flush(&self) -> io::Result<()> {
        loop {
            let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(why) = &p.failed {
                return Err(io::Error::other(why.clone()));
            }
            if p.buf.is_empty() && p.writing.is_none() {
                return Ok(());
            }
            match p.take_batch(true) {
                Some((offset, batch)) => {
                    drop(p);
                    self.write_batch(offset, batch)?;
                }
                // Kept in memory, not written: nothing is left to write.
                None if p.writing.is_none() => return Ok(()),
                None => {
                    // Another thread is writing the batch before: its turn first.
                    drop(p);
                    std::thread::yield_now();
                }
            }
        }
    }

    /// Writes `batch` (taken by [`Pending::take_batch`]) at `offset`.
    fn write_batch(&self, offset: u64, mut batch: Vec<u8>) -> io::Result<()> {
        let result = crate::cache::write_at(&self.file, &batch, offset);
        let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        p.writing = None;
        match result {
            Ok(()) => {
                p.written += batch.len() as u64;
                batch.clear();
                p.spare = batch;
                Ok(())
            }
            Err(e) => {
                p.failed = Some(e.to_string());
                p.buf = Vec::new();
                Err(e)
            }
        }
    }

    /// The document stored at `at`, named `name`.
    pub fn get(&self, at: SpillAt, name: &str) -> io::Result<Document> {
        let bad = || io::Error::new(io::ErrorKind::InvalidData, "spilled text damaged");
        let mut bytes = vec![0u8; at.len as usize];
        let kept = self
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .read_kept(at, &mut bytes);
        if !kept {
            crate::cache::read_at(&self.file, &mut bytes, at.offset)?;
        }
        let head: &[u8; HEAD] = bytes
            .get(..HEAD)
            .and_then(|h| h.try_into().ok())
            .ok_or_else(bad)?;
        let part = |i: usize| u32::from_le_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
        let (text_len, offsets_len, lines) = (part(0) as usize, part(4) as usize, part(8) as usize);
        let mut hash = [0u8; 8];
        hash.copy_from_slice(&head[12..20]);
        let markup = match head[20] {
            0 => Markup::Plain,
            1 => Markup::Html,
            2 => Markup::Markdown,
            _ => return Err(bad()),
        };
        let text_at = HEAD + head[21] as usize;
        let offsets_at = text_at + text_len;
        let lines_at = offsets_at + offsets_len;
        if lines_at + 4 * lines != bytes.len() {
            return Err(bad());
        }
        let encoding = std::str::from_utf8(&bytes[HEAD..text_at]).map_err(|_| bad())?;
        // Back to the `'static` name the decoder gave.
        let encoding =
            encoding_rs::Encoding::for_label(encoding.as_bytes()).map_or("UTF-8", |e| e.name());
        let text = std::str::from_utf8(&bytes[text_at..offsets_at])
            .map_err(|_| bad())?
            .to_string();
        let offsets = OffsetMap::read_from(&bytes[offsets_at..lines_at]).ok_or_else(bad)?;
        let line_starts = bytes[lines_at..]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Document {
            name: name.to_string(),
            text,
            offsets,
            hash: u64::from_le_bytes(hash),
            encoding,
            markup,
            // What a report is filled in from does not hold the date the
            // stages have read already.
            published: None,
            line_starts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_come_back_as_they_went_in() {
        let spill = TextSpill::new().unwrap();
        let html =
            Document::from_bytes("a.html", b"<p>Exports rose <b>5%</b></p>\n<p>in 2024.</p>")
                .unwrap();
        let plain = Document::from_text("b.txt", "one\ntwo\nthree");
        let a = spill.put(&html).unwrap();
        let b = spill.put(&plain).unwrap();
        spill.flush().unwrap();
        for (at, doc) in [(b, &plain), (a, &html)] {
            let back = spill.get(at, &doc.name).unwrap();
            assert_eq!(back.text, doc.text);
            assert_eq!(back.offsets, doc.offsets);
            assert_eq!(back.line_starts, doc.line_starts);
            assert_eq!(back.name, doc.name);
            assert_eq!(
                (back.hash, back.encoding, back.markup),
                (doc.hash, doc.encoding, doc.markup)
            );
        }
    }

    #[test]
    fn texts_past_the_memory_kept_are_written_and_read_back() {
        let first = Document::from_text("a.txt", "Exports rose 5% in 2024.");
        let second = Document::from_text("b.txt", "Imports fell 3%.\nSales held.");
        let kept_bytes = {
            let probe = TextSpill::keeping(0).unwrap();
            probe.put(&first).unwrap().stored_bytes()
        };
        // The first record fits the memory kept, the second does not.
        let spill = TextSpill::keeping(kept_bytes).unwrap();
        let a = spill.put(&first).unwrap();
        spill.flush().unwrap();
        let b = spill.put(&second).unwrap();
        spill.flush().unwrap();
        {
            let p = spill.pending.lock().unwrap();
            assert_eq!(p.kept.len(), 1);
            assert_eq!(p.written, kept_bytes + b.stored_bytes());
        }
        assert_eq!(spill.get(a, "a.txt").unwrap().text, first.text);
        assert_eq!(spill.get(b, "b.txt").unwrap().text, second.text);
        // Neither kept nor written: an error, as a record past the file's end.
        let beyond = SpillAt {
            offset: kept_bytes + b.stored_bytes(),
            len: 30,
        };
        assert!(spill.get(beyond, "c.txt").is_err());
    }

    #[test]
    fn a_damaged_record_is_an_error_not_a_panic() {
        let spill = TextSpill::new().unwrap();
        let at = spill.put(&Document::from_text("a.txt", "text")).unwrap();
        spill.flush().unwrap();
        let wrong = SpillAt {
            offset: at.offset + 1,
            len: at.len,
        };
        assert!(spill.get(wrong, "a.txt").is_err());
        let past = SpillAt {
            offset: 1 << 20,
            len: 8,
        };
        assert!(spill.get(past, "a.txt").is_err());
    }
}
