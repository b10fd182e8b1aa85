use crate::decode::decode;
use crate::offsets::OffsetMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused unless the caller allows more: a
/// document that large is an export or a dump, not an article, and holding
/// it (with its analysis) in memory would starve the rest of the run.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// The largest size any setting allows: offsets are kept in 32 bits.
pub const HARD_MAX_FILE_SIZE: u64 = u32::MAX as u64 - 1;

/// How a document's bytes are turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Markup {
    /// Plain text: the text is the decoded bytes.
    Plain,
    /// HTML: text is extracted, markup and page chrome dropped.
    Html,
    /// Markdown: text is extracted, markup dropped.
    Markdown,
}

impl Markup {
    /// The markup a file name's extension says (plain text when unknown).
    ///
    /// ```
    /// use crosscheck_pipeline::Markup;
    /// assert_eq!(Markup::from_name("news/A.HTM"), Markup::Html);
    /// assert_eq!(Markup::from_name("notes.md"), Markup::Markdown);
    /// assert_eq!(Markup::from_name("-"), Markup::Plain);
    /// ```
    pub fn from_name(name: &str) -> Markup {
        let ext = extension(name);
        let is = |e: &str| ext.is_some_and(|x| x.eq_ignore_ascii_case(e));
        if is("html") || is("htm") || is("xhtml") {
            Markup::Html
        } else if is("md") || is("markdown") || is("mdown") || is("mkd") {
            Markup::Markdown
        } else {
            Markup::Plain
        }
    }
}

/// What `Path::extension` gives for `name`, found on its bytes when its
/// last component is a plain name (as every walked file's is): taking the
/// path apart into components, and lowercasing a copy of the extension,
/// cost more than five hundred instructions a file. Any other name (an
/// empty last component, `.`, `..`) is left to `Path`.
fn extension(name: &str) -> Option<&str> {
    // Plain loops from the end: a file name is a few dozen bytes, too few
    // for `rfind`'s word-at-a-time search to pay for its setup.
    let b = name.as_bytes();
    let start = b.iter().rposition(|&c| c == b'/').map_or(0, |i| i + 1);
    let file = &b[start..];
    if matches!(file, b"" | b"." | b"..") {
        return Path::new(name).extension().and_then(|e| e.to_str());
    }
    // A leading dot starts a hidden file's name, not its extension.
    match file.iter().rposition(|&c| c == b'.') {
        Some(0) | None => None,
        Some(dot) => Some(&name[start + dot + 1..]),
    }
}

/// One input document: its name, its plain text, and the map from text
/// offsets back to the file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user named it.
    pub name: String,
    /// The plain text every stage reads.
    pub text: String,
    /// Text offsets to file offsets.
    pub offsets: OffsetMap,
    /// Hash of the file's bytes and of how they are read, the cache key.
    pub hash: u64,
    /// The encoding the file was read in.
    pub encoding: &'static str,
    /// How the text was extracted.
    pub markup: Markup,
    /// The day the document says it was published, in its markup (a page's
    /// `article:published_time` or `datePublished`, a front matter's
    /// `date:`): what `last year` and a dateline without its year are read
    /// against.
    pub published: Option<(i32, u8, u8)>,
    /// File offsets where lines 2, 3, ... start.
    pub(crate) line_starts: Vec<u32>,
}

impl Document {
    /// A document from text already in memory.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        let line_starts = line_starts(&text, &OffsetMap::identity());
        Document {
            name: name.into(),
            text,
            offsets: OffsetMap::identity(),
            hash,
            encoding: "UTF-8",
            markup: Markup::Plain,
            published: None,
            line_starts,
        }
    }

    /// A document from a file's bytes: decoded (BOM, UTF-16, UTF-8 or a
    /// detected legacy encoding), and its markup removed when `name` ends
    /// in `.html`/`.htm` or `.md` (or, for stdin, when the text starts like
    /// an HTML page). Empty and binary input is an error naming `name`.
    ///
    /// ```
    /// use crosscheck_pipeline::Document;
    /// let html = b"<html><body><nav>Home</nav><p>Sales rose to <b>43</b> units.</p></body></html>";
    /// let doc = Document::from_bytes("a.html", html).unwrap();
    /// assert_eq!(doc.text, "Sales rose to 43 units.");
    /// let at = doc.text.find("43").unwrap();
    /// assert_eq!(&html[doc.offsets.to_file(at)..doc.offsets.to_file_end(at + 2)], b"43");
    /// assert!(Document::from_bytes("b.txt", b"").is_err());
    /// ```
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Self, InputError> {
        let name = name.into();
        let markup = Markup::from_name(&name);
        Self::from_bytes_as(name, bytes, markup)
    }

    /// Like [`Document::from_bytes`], with the markup given.
    pub fn from_bytes_as(
        name: impl Into<String>,
        bytes: &[u8],
        markup: Markup,
    ) -> Result<Self, InputError> {
        Self::from_bytes_hashed(name, bytes, markup, None)
    }

    /// [`Document::from_bytes_as`], given `hash`, what [`Document::hash_of`]
    /// says of `bytes` read with `markup`, when the caller has it: a run
    /// hashes a file's bytes to look its claims up before it decodes them,
    /// and hashing them again cost as much as that look-up.
    pub(crate) fn from_bytes_hashed(
        name: impl Into<String>,
        bytes: &[u8],
        markup: Markup,
        hash: Option<u64>,
    ) -> Result<Self, InputError> {
        let name = name.into();
        if bytes.is_empty() {
            return Err(InputError::new(&name, "empty file, skipped"));
        }
        if bytes.len() as u64 > HARD_MAX_FILE_SIZE {
            return Err(InputError::new(
                &name,
                "file too large (over 4 GiB), skipped",
            ));
        }
        let decoded = decode(bytes).map_err(|why| InputError::new(&name, why))?;
        let line_starts = line_starts(&decoded.text, &decoded.map);
        let given = markup;
        let markup = match markup {
            Markup::Plain if name == "-" && crate::html::looks_like_html(&decoded.text) => {
                Markup::Html
            }
            m => m,
        };
        let hash = match hash {
            Some(h) if markup == given => h,
            _ => Self::hash_of(bytes, markup),
        };
        let (text, offsets, published) = match markup {
            Markup::Plain => (decoded.text.into_owned(), decoded.map, None),
            Markup::Html => {
                let (text, layer) = crate::html::extract(&decoded.text);
                let published = crate::published::html_published(&decoded.text);
                (text, decoded.map.then(layer, decoded.text.len()), published)
            }
            Markup::Markdown => {
                let (text, layer) = crate::markdown::extract(&decoded.text);
                let published = crate::published::markdown_published(&decoded.text);
                (text, decoded.map.then(layer, decoded.text.len()), published)
            }
        };
        if decoded.encoding != "UTF-8" {
            tracing::debug!("{name}: decoded as {}", decoded.encoding);
        }
        Ok(Document {
            name,
            text,
            offsets,
            hash,
            encoding: decoded.encoding,
            markup,
            published,
            line_starts,
        })
    }

    /// The cache key of a file's bytes read with `markup`: what
    /// [`Document::hash`] is for a document made from them. The same bytes
    /// read as HTML and as plain text are different documents.
    ///
    /// ```
    /// use crosscheck_pipeline::{Document, Markup};
    /// let doc = Document::from_bytes("a.html", b"<p>Sales rose 5%.</p>").unwrap();
    /// assert_eq!(doc.hash, Document::hash_of(b"<p>Sales rose 5%.</p>", Markup::Html));
    /// assert_ne!(doc.hash, Document::hash_of(b"<p>Sales rose 5%.</p>", Markup::Plain));
    /// ```
    pub fn hash_of(bytes: &[u8], markup: Markup) -> u64 {
        xxhash_rust::xxh3::xxh3_64_with_seed(bytes, markup as u64)
    }

    /// The 1-based line of the file that holds file offset `at` (lines end
    /// at `\n`, so `\r\n` and `\n` files count alike).
    ///
    /// ```
    /// let doc = crosscheck_pipeline::Document::from_text("a.txt", "one\r\ntwo\nthree");
    /// assert_eq!(doc.line_of(0), 1);
    /// assert_eq!(doc.line_of(5), 2);
    /// assert_eq!(doc.line_of(9), 3);
    /// ```
    pub fn line_of(&self, at: usize) -> u32 {
        self.line_starts.partition_point(|s| *s as usize <= at) as u32 + 1
    }
}

/// The file offsets just past each `\n` of `text`, which `map` maps to
/// the file (found with memchr's vector search: a filter over every byte
/// was a tenth of loading a document).
fn line_starts(text: &str, map: &OffsetMap) -> Vec<u32> {
    // Room for lines of 40 bytes on average: news lines are longer, so
    // the vector almost never regrows (growing it from empty was half
    // the cost of finding the lines).
    let mut starts = Vec::with_capacity(text.len() / 40 + 1);
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    if map.is_identity() {
        starts.extend(ends.map(|i| i as u32));
    } else {
        starts.extend(ends.map(|i| map.to_file(i) as u32));
    }
    starts
}

/// A problem with one input, named with its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The path as the user named it.
    pub path: String,
    /// Why it could not be read.
    pub reason: String,
}

impl InputError {
    /// A new error for `path`.
    pub fn new(path: &str, reason: impl Into<String>) -> Self {
        InputError {
            path: path.to_string(),
            reason: reason.into(),
        }
    }
}

impl InputError {
    /// An I/O error, said plainly.
    pub fn io(path: &str, e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let why = match e.kind() {
            K::NotFound => "no such file (removed while the run was going on?)".to_string(),
            K::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        InputError::new(path, why)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for InputError {}

/// Reads and decodes the file at `path`; `name` is how the user named it.
/// Files over [`DEFAULT_MAX_FILE_SIZE`] are refused.
pub fn load_document(path: &Path, name: &str) -> Result<Document, InputError> {
    load_document_with(path, name, DEFAULT_MAX_FILE_SIZE)
}

/// Like [`load_document`], refusing files over `max_size` bytes without
/// reading them (and reading no more than that from a file that grows).
pub fn load_document_with(path: &Path, name: &str, max_size: u64) -> Result<Document, InputError> {
    let bytes = read_capped(path, name, max_size)?;
    Document::from_bytes(name, &bytes)
}

/// Reads a whole file, but never more than `max_size` bytes.
pub(crate) fn read_capped(path: &Path, name: &str, max_size: u64) -> Result<Vec<u8>, InputError> {
    read_capped_with_metadata(path, name, max_size).map(|(bytes, _)| bytes)
}

/// [`read_capped`], with the metadata of the file as it was opened.
pub(crate) fn read_capped_with_metadata(
    path: &Path,
    name: &str,
    max_size: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), InputError> {
    let file = std::fs::File::open(path).map_err(|e| InputError::io(name, &e))?;
    let meta = file.metadata().map_err(|e| InputError::io(name, &e))?;
    check_readable(&meta, name, max_size)?;
    let bytes = read_limited_sized(file, name, max_size.min(HARD_MAX_FILE_SIZE), meta.len())?;
    Ok((bytes, meta))
}

/// Refuses what is not a regular file, or is over `max_size` bytes, from
/// its metadata alone.
pub(crate) fn check_readable(
    meta: &std::fs::Metadata,
    name: &str,
    max_size: u64,
) -> Result<(), InputError> {
    let max_size = max_size.min(HARD_MAX_FILE_SIZE);
    if meta.is_dir() {
        return Err(InputError::new(name, "is a folder, not a file"));
    }
    if !meta.is_file() {
        return Err(InputError::new(
            name,
            "not a regular file (a device, socket or pipe), skipped",
        ));
    }
    if meta.len() > max_size {
        return Err(too_large(name, meta.len(), max_size, true));
    }
    Ok(())
}

pub(crate) fn read_limited(r: impl Read, name: &str, max_size: u64) -> Result<Vec<u8>, InputError> {
    read_limited_sized(r, name, max_size, 0)
}

/// [`read_limited`] into a buffer made for `expected` bytes (and one more,
/// to see the end without growing): an empty buffer is filled by reads that
/// start small and double, eight reads for a 2 KB file instead of two.
fn read_limited_sized(
    r: impl Read,
    name: &str,
    max_size: u64,
    expected: u64,
) -> Result<Vec<u8>, InputError> {
    let room = expected.min(max_size) as usize + 1;
    let mut bytes = Vec::with_capacity(room);
    let mut r = r.take(max_size + 1);
    if expected > 0 {
        // A regular file's one read returns its size, short of the room
        // asked for: it is at its end, and the read that would return
        // nothing to say so is saved (a system call per file). Any other
        // count (the file changed since its size was read) reads on.
        bytes.resize(room, 0);
        let n = loop {
            match r.read(&mut bytes) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(InputError::io(name, &e)),
            }
        };
        bytes.truncate(n);
        if n as u64 == expected {
            return Ok(bytes);
        }
    }
    r.read_to_end(&mut bytes)
        .map_err(|e| InputError::io(name, &e))?;
    if bytes.len() as u64 > max_size {
        return Err(too_large(name, bytes.len() as u64, max_size, false));
    }
    Ok(bytes)
}

fn too_large(name: &str, size: u64, max: u64, exact: bool) -> InputError {
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    InputError::new(
        name,
        format!(
            "file too large ({}{:.0} MiB, limit {:.0} MiB), skipped; raise the limit with --max-file-size or split the file",
            if exact { "" } else { "over " },
            mib(size),
            mib(max)
        ),
    )
}

#[cfg(test)]
mod read_tests {
    use super::read_limited_sized;

    #[test]
    fn a_size_read_before_the_file_changed_still_reads_it_whole() {
        let text = b"Exports rose 5% to 43 billion yuan.".to_vec();
        let len = text.len() as u64;
        // Right, too small (the file grew), too large (it shrank), unknown.
        for expected in [len, len - 10, 1, len + 100, 0] {
            let got = read_limited_sized(&text[..], "a.txt", 1 << 20, expected).unwrap();
            assert_eq!(got, text, "expected size {expected}");
        }
        // Grown past the cap since its size was read: refused.
        assert!(read_limited_sized(&text[..], "a.txt", len - 1, len - 1).is_err());
    }
}

#[cfg(test)]
mod name_tests {
    use super::extension;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn extension_is_path_s_extension(name in "[a./A-Z]{0,12}") {
            let path = std::path::Path::new(&name).extension().and_then(|e| e.to_str());
            prop_assert_eq!(extension(&name), path);
        }
    }
}
