use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// Maps offsets in a document's plain text back to byte offsets in the file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum OffsetMap {
    /// Text offsets are file offsets (UTF-8 text, HTML with markup blanked).
    #[default]
    Identity,
    /// Sorted `(text offset, file offset)` pairs at every character start.
    Table(Vec<(u32, u32)>),
}

impl OffsetMap {
    /// The file offset of text offset `at`.
    pub fn to_file(&self, at: usize) -> usize {
        match self {
            OffsetMap::Identity => at,
            OffsetMap::Table(t) => match t.binary_search_by_key(&(at as u32), |p| p.0) {
                Ok(i) => t[i].1 as usize,
                Err(0) => at,
                Err(i) => (t[i - 1].1 as usize) + (at - t[i - 1].0 as usize),
            },
        }
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
    /// Hash of the file's bytes, the cache key.
    pub hash: u64,
}

impl Document {
    /// A document from text already in memory.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        Document {
            name: name.into(),
            text,
            offsets: OffsetMap::Identity,
            hash,
        }
    }

    /// A document from a file's bytes: decoded, and its markup removed when
    /// `name` ends in `.html` or `.htm`.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Self, InputError> {
        let name = name.into();
        let hash = xxhash_rust::xxh3::xxh3_64(bytes);
        if bytes.is_empty() {
            return Err(InputError::new(&name, "empty file"));
        }
        let (text, offsets) = decode(bytes).map_err(|why| InputError::new(&name, why))?;
        let lower = name.to_ascii_lowercase();
        let text = if lower.ends_with(".html") || lower.ends_with(".htm") {
            blank_markup(&text)
        } else {
            text
        };
        Ok(Document {
            name,
            text,
            offsets,
            hash,
        })
    }
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

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for InputError {}

/// Reads and decodes the file at `path`; `name` is how the user named it.
pub fn load_document(path: &Path, name: &str) -> Result<Document, InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError::new(name, e.to_string()))?;
    Document::from_bytes(name, &bytes)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|b| **b == 0).count();
    // UTF-16 text has many NULs too, but in a regular pattern; that case is
    // decided before this check.
    nul > 0
}

fn decode(bytes: &[u8]) -> Result<(String, OffsetMap), String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc == encoding_rs::UTF_8 {
            let text = std::str::from_utf8(&bytes[bom_len..]).map_err(|e| {
                format!(
                    "invalid UTF-8 after a UTF-8 BOM at byte {}",
                    e.valid_up_to() + bom_len
                )
            })?;
            let mut spaced = String::with_capacity(bytes.len());
            // A BOM becomes a space of the same width so offsets stay file offsets.
            spaced.push_str("   ");
            spaced.push_str(text);
            return Ok((spaced, OffsetMap::Identity));
        }
        return Ok(decode_utf16(
            &bytes[bom_len..],
            enc == encoding_rs::UTF_16LE,
            bom_len,
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if looks_binary(bytes) {
            return Err("binary file (holds NUL bytes)".into());
        }
        return Ok((text.to_string(), OffsetMap::Identity));
    }
    if looks_binary(bytes) {
        return Err("binary file (holds NUL bytes)".into());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let mut text = String::with_capacity(bytes.len() * 2);
    let mut table = Vec::new();
    let mut decoder = enc.new_decoder_without_bom_handling();
    // Decode one byte at a time so every character knows where it came from.
    let mut buf = [0u8; 16];
    for (i, b) in bytes.iter().enumerate() {
        let (_, _, written, _) = decoder.decode_to_utf8(std::slice::from_ref(b), &mut buf, false);
        if written > 0 {
            let s = std::str::from_utf8(&buf[..written])
                .map_err(|_| format!("undecodable as {}", enc.name()))?;
            let start_of_char = i + 1 - char_len_guess(bytes, i);
            table.push((text.len() as u32, start_of_char as u32));
            text.push_str(s);
        }
    }
    let (_, _, written, _) = decoder.decode_to_utf8(&[], &mut buf, true);
    if written > 0 {
        table.push((text.len() as u32, bytes.len() as u32));
        text.push_str(std::str::from_utf8(&buf[..written]).unwrap_or("\u{FFFD}"));
    }
    tracing::debug!(encoding = enc.name(), "decoded non-UTF-8 input");
    Ok((text, OffsetMap::Table(table)))
}

fn char_len_guess(bytes: &[u8], last: usize) -> usize {
    // Legacy multi-byte encodings emit a character on its last byte; its
    // first byte is the one after the previous character. Single-byte
    // encodings take exactly one.
    let _ = (bytes, last);
    1
}

fn decode_utf16(bytes: &[u8], little_endian: bool, offset: usize) -> (String, OffsetMap) {
    let units = bytes.chunks_exact(2).map(|c| {
        if little_endian {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut table = Vec::new();
    let mut at = offset;
    for r in char::decode_utf16(units) {
        let c = r.unwrap_or('\u{FFFD}');
        table.push((text.len() as u32, at as u32));
        text.push(c);
        at += if (c as u32) > 0xFFFF { 4 } else { 2 };
    }
    (text, OffsetMap::Table(table))
}

/// Replaces HTML markup with white space of the same byte length, so that
/// text offsets stay file offsets. Block-level tags become line breaks.
fn blank_markup(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let mut skip_until: Option<&'static str> = None;
    while i < bytes.len() {
        if let Some(close) = skip_until {
            if bytes[i..].len() >= close.len()
                && bytes[i..i + close.len()].eq_ignore_ascii_case(close.as_bytes())
            {
                skip_until = None;
            } else {
                out.push(if bytes[i] == b'\n' { b'\n' } else { b' ' });
                i += 1;
                continue;
            }
        }
        if bytes[i] == b'<' {
            let end = bytes[i..]
                .iter()
                .position(|b| *b == b'>')
                .map_or(bytes.len(), |p| i + p + 1);
            let tag = &html[i..end];
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let block = matches!(
                name.as_str(),
                "p" | "div"
                    | "br"
                    | "li"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "tr"
                    | "td"
                    | "th"
                    | "title"
                    | "section"
                    | "article"
                    | "header"
                    | "footer"
                    | "ul"
                    | "ol"
                    | "table"
                    | "blockquote"
                    | "figcaption"
            );
            let len = end - i;
            for k in 0..len {
                let newline = block && k < 2 || bytes[i + k] == b'\n';
                out.push(if newline { b'\n' } else { b' ' });
            }
            if !tag.starts_with("</")
                && matches!(name.as_str(), "script" | "style" | "nav" | "noscript")
            {
                skip_until = Some(match name.as_str() {
                    "script" => "</script",
                    "style" => "</style",
                    "nav" => "</nav",
                    _ => "</noscript",
                });
            }
            i = end;
            continue;
        }
        if bytes[i] == b'&' {
            if let Some(semi) = bytes[i..bytes.len().min(i + 10)]
                .iter()
                .position(|b| *b == b';')
            {
                let entity = &html[i + 1..i + semi];
                let rep = match entity {
                    "amp" => Some("&"),
                    "lt" => Some("<"),
                    "gt" => Some(">"),
                    "quot" => Some("\""),
                    "apos" | "#39" => Some("'"),
                    "nbsp" => Some(" "),
                    "mdash" => Some("—"),
                    "ndash" => Some("–"),
                    "euro" => Some("€"),
                    "pound" => Some("£"),
                    "yen" => Some("¥"),
                    "rsquo" => Some("’"),
                    "lsquo" => Some("‘"),
                    "ldquo" => Some("“"),
                    "rdquo" => Some("”"),
                    "middot" => Some("·"),
                    _ => None,
                };
                if let Some(rep) = rep {
                    if rep.len() <= semi + 1 {
                        out.extend_from_slice(rep.as_bytes());
                        out.extend(std::iter::repeat_n(b' ', semi + 1 - rep.len()));
                        i += semi + 1;
                        continue;
                    }
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    // Only ASCII bytes were replaced, by ASCII or whole UTF-8 characters, so
    // the result is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
