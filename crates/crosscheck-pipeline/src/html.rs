//! HTML to plain text with html5gum, a WHATWG-conformant tokenizer that
//! reports the source span of every token.
//!
//! The tokenizer (not a tree builder) keeps memory flat and cannot recurse,
//! so thousands of nested elements cost nothing. Script, style and other
//! non-text elements are dropped, and so is page chrome (navigation, and
//! headers and footers outside an article); block elements become line
//! breaks so that a headline ends its sentence; white space inside a
//! paragraph becomes spaces, as a browser shows it; character references
//! are decoded. Every piece of output text is mapped to the source bytes it
//! came from.

use crate::offsets::LayerBuilder;
use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};

/// What an element does to the text inside it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Content never text a reader sees.
    Dropped,
    /// Page chrome, dropped unless inside an article or the main content.
    Chrome,
    /// A container of the main content.
    Content,
    /// Preformatted: line breaks kept.
    Pre,
    /// Anything else.
    Other,
}

/// All extraction asks of a tag's name: its [`Role`], the break it makes
/// (`"\n"` for a line, `"\t"` for a cell, `"\n\n"` for a block) and whether
/// it is void (no content, no end tag).
#[derive(Clone, Copy)]
struct Element {
    role: Role,
    brk: Option<&'static str>,
    void: bool,
}

/// The [`Element`] a (lower-case) tag name names. Names are matched as
/// bytes, in one `match` for all three facts: a check of each list in
/// turn, on names made strings again, was a fifth of extraction outside
/// the tokenizer, and a `match` per fact still three look-ups a tag.
fn element(name: &[u8]) -> Element {
    const LINE: Option<&str> = Some("\n");
    const CELL: Option<&str> = Some("\t");
    const BLOCK: Option<&str> = Some("\n\n");
    let (role, brk, void) = match name {
        b"script" | b"style" | b"noscript" | b"template" | b"head" | b"svg" | b"math"
        | b"iframe" | b"object" | b"canvas" | b"select" | b"button" | b"textarea" | b"nav" => {
            (Role::Dropped, None, false)
        }
        b"header" | b"footer" => (Role::Chrome, BLOCK, false),
        b"article" | b"main" => (Role::Content, BLOCK, false),
        b"pre" => (Role::Pre, BLOCK, false),
        b"br" => (Role::Other, LINE, true),
        b"hr" => (Role::Other, BLOCK, true),
        b"area" | b"base" | b"col" | b"embed" | b"img" | b"input" | b"link" | b"meta"
        | b"source" | b"track" | b"wbr" => (Role::Other, None, true),
        b"td" | b"th" => (Role::Other, CELL, false),
        b"li" | b"tr" | b"dt" | b"dd" | b"option" => (Role::Other, LINE, false),
        b"p" | b"div" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"section" | b"aside"
        | b"blockquote" | b"table" | b"ul" | b"ol" | b"dl" | b"figure" | b"figcaption"
        | b"caption" | b"title" | b"address" | b"details" | b"summary" | b"body" | b"html"
        | b"form" | b"fieldset" | b"center" | b"thead" | b"tbody" | b"tfoot" => {
            (Role::Other, BLOCK, false)
        }
        _ => (Role::Other, None, false),
    };
    Element { role, brk, void }
}

/// Plain text of `html` and the map from it to `html`'s byte offsets.
///
/// Most pages are read by [`crate::html_scan`], which gives the pieces
/// html5gum would at a fraction of the cost; a page it does not read is
/// read again from the start by html5gum.
pub(crate) fn extract(html: &str) -> (String, LayerBuilder) {
    let mut walk = Walk::new(html);
    if crate::html_scan::scan(html, &mut |piece| walk.piece(piece)) {
        return (walk.out.text, walk.out.layer);
    }
    let mut walk = Walk::new(html);
    let mut inner = CallbackEmitter::new(Pieces::default());
    // Script, style, textarea and title content is raw text, not markup.
    inner.naively_switch_states(true);
    let emitter = TextEmitter { inner };
    for piece in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(piece) = piece;
        walk.piece(piece);
    }
    (walk.out.text, walk.out.layer)
}

/// Text extraction's state as it reads a page's pieces in order: the text
/// so far, and how deep it is inside dropped, chrome, content and
/// preformatted elements.
struct Walk<'h> {
    html: &'h str,
    out: Extractor,
    dropped: usize,
    chrome: usize,
    content: usize,
    pre: usize,
}

impl<'h> Walk<'h> {
    fn new(html: &'h str) -> Self {
        Walk {
            html,
            out: Extractor::with_capacity(html.len() / 2),
            dropped: 0,
            chrome: 0,
            content: 0,
            pre: 0,
        }
    }

    fn piece(&mut self, piece: Piece) {
        match piece {
            Piece::StartTag {
                name,
                self_closing,
                at,
            } => {
                let element = element(name.as_bytes());
                if let Some(b) = element.brk {
                    self.out.block(b, at);
                }
                if self_closing || element.void {
                    return;
                }
                match element.role {
                    Role::Dropped => self.dropped += 1,
                    Role::Chrome if self.content == 0 => self.chrome += 1,
                    Role::Content => self.content += 1,
                    Role::Pre => self.pre += 1,
                    _ => {}
                }
            }
            Piece::EndTag { name, at } => {
                let element = element(name.as_bytes());
                match element.role {
                    Role::Dropped => self.dropped = self.dropped.saturating_sub(1),
                    Role::Chrome if self.chrome > 0 => self.chrome -= 1,
                    Role::Content => self.content = self.content.saturating_sub(1),
                    Role::Pre => self.pre = self.pre.saturating_sub(1),
                    _ => {}
                }
                if let Some(b) = element.brk {
                    self.out.block(b, at);
                }
            }
            Piece::Text { start, end } if self.dropped == 0 && self.chrome == 0 => {
                let html = self.html;
                let (start, end) = (start.min(html.len()), end.min(html.len()));
                if let Some(raw) = html.get(start..end) {
                    self.out.text(raw, start, self.pre > 0);
                }
            }
            Piece::Text { .. } => {}
        }
    }
}

/// A tag name lowercased, when it is short enough to be one this module
/// knows (the longest is ten bytes); any other name is empty, which
/// matches none of them. Kept inline: no allocation per tag.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(crate) struct TagName {
    bytes: [u8; 12],
    len: u8,
}

impl TagName {
    pub(crate) fn of(name: &[u8]) -> TagName {
        let mut t = TagName::default();
        if name.len() > t.bytes.len() {
            return t;
        }
        // One pass that copies, lowercases and checks for ASCII: a name is
        // two or three bytes, and a copy, a check and a lowercasing, each a
        // loop (or a call) of its own, cost fifty instructions a tag.
        let mut seen = 0u8;
        for (to, &c) in t.bytes.iter_mut().zip(name) {
            seen |= c;
            *to = c.to_ascii_lowercase();
        }
        if seen.is_ascii() {
            t.len = name.len() as u8;
        } else {
            t = TagName::default();
        }
        t
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// What extraction reads of the tokenizer's events: tags with where they
/// start, and the source span of each run of text (decoded here, from the
/// source, so that every character maps to its bytes).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    StartTag {
        name: TagName,
        self_closing: bool,
        at: usize,
    },
    EndTag {
        name: TagName,
        at: usize,
    },
    Text {
        start: usize,
        end: usize,
    },
}

/// Turns events into [`Piece`]s as html5gum's default emitter turns them
/// into tokens (a start tag starts where its name was opened), without
/// copying names, attributes or text.
#[derive(Default)]
struct Pieces {
    open: TagName,
    open_at: usize,
}

impl Callback<Piece, usize> for Pieces {
    fn handle_event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) -> Option<Piece> {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.open = TagName::of(name);
                self.open_at = span.start;
                None
            }
            CallbackEvent::CloseStartTag { self_closing } => Some(Piece::StartTag {
                name: std::mem::take(&mut self.open),
                self_closing,
                at: self.open_at,
            }),
            CallbackEvent::EndTag { name } => Some(Piece::EndTag {
                name: TagName::of(name),
                at: span.start,
            }),
            CallbackEvent::String { .. } => Some(Piece::Text {
                start: span.start,
                end: span.end,
            }),
            _ => None,
        }
    }
}

/// The callback emitter without what text extraction never reads: parse
/// errors (checking every byte for them was a fifth of the tokenizer's
/// work) and attributes.
struct TextEmitter {
    inner: CallbackEmitter<Pieces, Piece, usize>,
}

impl ForwardingEmitter for TextEmitter {
    type Token = Piece;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn emit_error(&mut self, _error: html5gum::Error) {}

    fn init_attribute(&mut self) {}

    fn init_attribute_value(&mut self) {}

    fn push_attribute_name(&mut self, _s: &[u8]) {}

    fn push_attribute_value(&mut self, _s: &[u8]) {}
}

/// Builds plain text out of pieces of a marked-up source, with the map.
pub(crate) struct Extractor {
    pub(crate) text: String,
    pub(crate) layer: LayerBuilder,
    /// A break owed before the next text, and where its tag is.
    pending: Option<(&'static str, usize)>,
}

impl Extractor {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Extractor {
            text: String::with_capacity(n),
            // A page or a Markdown file breaks its text into a few dozen
            // runs (each tag that skips source bytes, each block break):
            // room for them at once, where growing from empty reallocated
            // the runs three or four times a document.
            layer: LayerBuilder::with_capacity(64),
            pending: None,
        }
    }

    /// Owes a break (`"\n\n"` for a block, `"\n"` for a line, `"\t"` for a
    /// cell) before the next text; `at` is the source offset of its tag.
    pub(crate) fn block(&mut self, brk: &'static str, at: usize) {
        // The strongest break wins: a paragraph end over a line end.
        let stronger = match self.pending {
            None => true,
            Some((p, _)) => brk.len() > p.len() || (p == "\t" && brk != "\t"),
        };
        if stronger {
            self.pending = Some((brk, at));
        }
    }

    /// Appends `s`, which came from `flen` source bytes at `file` (copied
    /// as is when the lengths agree, one unit otherwise).
    pub(crate) fn push(&mut self, s: &str, file: usize, flen: usize) {
        if s.is_empty() {
            return;
        }
        if flen == s.len() {
            self.layer.push(file, s.len(), 1, 1);
        } else {
            self.layer.push(file, 1, s.len(), flen);
        }
        self.text.push_str(s);
    }

    /// Pays a pending break before text `raw` at `at`; returns the text
    /// left once leading white space after a break is trimmed, or `None`
    /// when nothing is left.
    pub(crate) fn settle<'r>(&mut self, raw: &'r str, at: usize) -> Option<(&'r str, usize)> {
        let Some((brk, _)) = self.pending else {
            return Some((raw, at));
        };
        // Text that opens on an ASCII graphic has no white space to trim:
        // the Unicode-aware trim is for the rest.
        let trimmed = if raw.as_bytes().first().is_some_and(u8::is_ascii_graphic) {
            raw
        } else {
            raw.trim_start()
        };
        if trimmed.is_empty() {
            return None;
        }
        let at = at + raw.len() - trimmed.len();
        if !self.text.is_empty() {
            let have = self.text.len() - self.text.trim_end_matches(['\n', '\t']).len();
            if have < brk.len() || brk == "\t" {
                // The break maps to where the next text starts, which keeps
                // the map sorted by file offset too.
                self.layer.push(at, brk.len(), 1, 0);
                self.text.push_str(brk);
            }
        }
        self.pending = None;
        Some((trimmed, at))
    }

    fn text(&mut self, raw: &str, at: usize, pre: bool) {
        let Some((raw, at)) = self.settle(raw, at) else {
            return;
        };
        let bytes = raw.as_bytes();
        let mut i = 0;
        let mut copied = 0;
        // Only `&` and (outside `pre`) line breaks need work: a vector
        // search jumps to the next one instead of a test per byte.
        while let Some(k) = if pre {
            memchr::memchr(b'&', &bytes[i..])
        } else {
            memchr::memchr3(b'&', b'\n', b'\r', &bytes[i..])
        } {
            i += k;
            if bytes[i] == b'&' {
                if let Some((rep, len)) = entity(&raw[i..]) {
                    self.push(&raw[copied..i], at + copied, i - copied);
                    self.push(rep.as_ref(), at + i, len);
                    i += len;
                    copied = i;
                    continue;
                }
            } else {
                // Line breaks inside a paragraph are spaces on screen.
                self.push(&raw[copied..i], at + copied, i - copied);
                self.push(" ", at + i, 1);
                i += 1;
                copied = i;
                continue;
            }
            i += 1;
        }
        self.push(&raw[copied..], at + copied, raw.len() - copied);
    }
}

const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("mdash", "—"),
    ("ndash", "–"),
    ("minus", "−"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("bull", "•"),
    ("middot", "·"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("times", "×"),
    ("divide", "÷"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("permil", "‰"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("micro", "µ"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("curren", "¤"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("sect", "§"),
    ("para", "¶"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("prime", "′"),
    ("Prime", "″"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("le", "≤"),
    ("ge", "≥"),
    ("ne", "≠"),
    ("asymp", "≈"),
    ("approx", "≈"),
    ("infin", "∞"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("acirc", "â"),
    ("auml", "ä"),
    ("atilde", "ã"),
    ("aring", "å"),
    ("aelig", "æ"),
    ("ccedil", "ç"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("iacute", "í"),
    ("igrave", "ì"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("ntilde", "ñ"),
    ("oacute", "ó"),
    ("ograve", "ò"),
    ("ocirc", "ô"),
    ("ouml", "ö"),
    ("otilde", "õ"),
    ("oslash", "ø"),
    ("uacute", "ú"),
    ("ugrave", "ù"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("szlig", "ß"),
    ("Aacute", "Á"),
    ("Eacute", "É"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("Auml", "Ä"),
    ("Ccedil", "Ç"),
];

/// The character reference at the start of `s` (which starts with `&`):
/// its replacement and its length in `s`. Unknown names stay as they are.
fn entity(s: &str) -> Option<(std::borrow::Cow<'static, str>, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, digits_from) = match b.get(2) {
            Some(b'x' | b'X') => (true, 3),
            _ => (false, 2),
        };
        let digits = b[digits_from..]
            .iter()
            .take(12)
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let mut len = digits_from + digits;
        let code = u32::from_str_radix(&s[digits_from..len], if hex { 16 } else { 10 }).ok();
        if b.get(len) == Some(&b';') {
            len += 1;
        }
        let c = code
            .filter(|c| *c != 0)
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let c = if c == '\u{a0}' { ' ' } else { c };
        return Some((c.to_string().into(), len));
    }
    let name_len = b[1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    let rep = NAMED.iter().find(|(n, _)| *n == name)?.1;
    if b.get(1 + name_len) == Some(&b';') {
        Some((rep.into(), name_len + 2))
    } else if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        // The few references browsers accept without a semicolon.
        Some((rep.into(), name_len + 1))
    } else {
        None
    }
}

/// True when text that came without a file name looks like an HTML page.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head = head.get(..head.len().min(64)).unwrap_or(head);
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html")
}

/// html5gum's pieces of `html`, for tests that hold other readers to them.
#[cfg(test)]
pub(crate) fn html5gum_pieces(html: &str) -> Vec<Piece> {
    let mut inner = CallbackEmitter::new(Pieces::default());
    inner.naively_switch_states(true);
    Tokenizer::new_with_emitter(html, TextEmitter { inner })
        .map(|piece| {
            let Ok(piece) = piece;
            piece
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::OffsetMap;

    fn run(html: &str) -> (String, OffsetMap) {
        let (text, layer) = extract(html);
        (text, OffsetMap::identity().then(layer, html.len()))
    }

    #[test]
    fn drops_chrome_and_scripts_keeps_article_header() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <header>Site menu</header><nav><a href=/>Home</a></nav>\
            <article><header><h1>Exports rise</h1></header>\
            <p>Sales reached 43 billion yuan.</p><script>var x = '<p>42</p>';</script>\
            <p>Up 7%.</p></article><footer>Copyright</footer></body></html>";
        let (text, _) = run(html);
        assert_eq!(
            text,
            "Exports rise\n\nSales reached 43 billion yuan.\n\nUp 7%."
        );
    }

    #[test]
    fn entities_and_offsets() {
        let html =
            "<p>AT&amp;T sold 43&nbsp;million &#x2013; R&amp;D at &euro;5bn&notanentity;</p>";
        let (text, map) = run(html);
        assert_eq!(text, "AT&T sold 43 million – R&D at €5bn&notanentity;");
        let at = text.find("43 million").unwrap();
        let start = map.to_file(at);
        let end = map.to_file_end(at + "43 million".len());
        assert_eq!(&html[start..end], "43&nbsp;million");
        let at = text.find("R&D").unwrap();
        assert_eq!(&html[map.to_file(at)..map.to_file_end(at + 3)], "R&amp;D");
        let at = text.find("€5bn").unwrap();
        assert_eq!(
            &html[map.to_file(at)..map.to_file_end(at + "€5bn".len())],
            "&euro;5bn"
        );
    }

    #[test]
    fn inline_tags_do_not_split_words_and_soft_breaks_are_spaces() {
        let html = "<p>Zhe<b>jiang</b> exported\nmore.</p><p>Next</p>";
        let (text, map) = run(html);
        assert_eq!(text, "Zhejiang exported more.\n\nNext");
        let end = map.to_file_end("Zhejiang".len());
        assert_eq!(&html[map.to_file(0)..end], "Zhe<b>jiang");
    }

    #[test]
    fn deeply_nested_and_mostly_script() {
        let mut html = "<div>".repeat(100_000);
        html.push_str("Deep text.");
        html.push_str(&"</div>".repeat(100_000));
        assert_eq!(run(&html).0, "Deep text.");
        let mut html = String::from("<script>");
        html.push_str(&"var a = '<p>1</p>'; ".repeat(50_000));
        html.push_str("</script><p>Only this.</p>");
        assert_eq!(run(&html).0, "Only this.");
    }

    #[test]
    fn unclosed_and_broken_markup_does_not_panic() {
        for html in [
            "<p>open",
            "<",
            "</",
            "&",
            "&#",
            "&#x;",
            "&#99999999999;",
            "<script>never closed",
            "<p a='x>y",
            "<!-- comment",
            "</nav></nav>text",
        ] {
            let (text, map) = run(html);
            for (i, _) in text.char_indices() {
                assert!(map.to_file(i) <= html.len());
            }
        }
    }
}
