//! A scanner for the plain HTML most pages are written in, giving the same
//! [`Piece`]s as html5gum with extraction's emitter, at a fraction of the
//! work: a vector search for the next `<`, and tags read in one loop.
//!
//! It follows the WHATWG tokenizer only where well-formed pages go: tags
//! and their attributes (quoted, unquoted, valueless), `<!DOCTYPE …>`
//! without quotes, comments whose first `--` closes them, a `<` that opens
//! no tag, and the raw text of `script`, `style`, `title` and their kin up
//! to their end tag. At anything else (a carriage return, a NUL, `</>`,
//! `<?`, CDATA, a bogus or dashed comment, `<!--` inside a script, a tag
//! cut off by the end of the input, `plaintext`) it gives up, and the
//! caller runs html5gum over the whole page instead. The property tests
//! below hold it to html5gum's pieces on pages made of all of these.

use crate::html::{Piece, TagName};

/// Where text collects between the pieces that end it: as html5gum's
/// callback emitter does, text runs on across character references and
/// stray `<` and end tags, and a start tag, comment, doctype or the end of
/// the input emits it.
struct Text {
    span: Option<(usize, usize)>,
}

impl Text {
    fn add(&mut self, start: usize, end: usize) {
        if start < end {
            match &mut self.span {
                Some((_, e)) => *e = end,
                None => self.span = Some((start, end)),
            }
        }
    }

    fn flush(&mut self, on: &mut impl FnMut(Piece)) {
        if let Some((start, end)) = self.span.take() {
            on(Piece::Text { start, end });
        }
    }
}

/// How html5gum, switching states naively, reads what follows a start
/// tag of this (lower-case) name.
enum After {
    Markup,
    /// Raw text up to the matching end tag (`script` also gives up at `<!--`).
    RawText {
        script: bool,
    },
    /// `plaintext`: text to the end, which this scanner does not take.
    GiveUp,
}

fn after(name: &[u8]) -> After {
    match name {
        b"textarea" | b"title" | b"style" | b"iframe" | b"xmp" | b"noembed" | b"noframe"
        | b"noscript" => After::RawText { script: false },
        b"script" => After::RawText { script: true },
        b"plaintext" => After::GiveUp,
        _ => After::Markup,
    }
}

#[inline]
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b' ')
}

/// Calls `on` with each piece of `html` as html5gum gives it, and returns
/// true; or returns false (having called `on` with some of them) when the
/// page holds something this scanner does not read.
pub(crate) fn scan(html: &str, on: &mut impl FnMut(Piece)) -> bool {
    let b = html.as_bytes();
    // html5gum reads `\r\n` as one character and shifts its positions.
    if memchr::memchr2(b'\r', 0, b).is_some() {
        return false;
    }
    let mut text = Text { span: None };
    let mut pos = 0;
    while let Some(lt) = next_lt(b, pos) {
        text.add(pos, lt);
        match b.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => {
                let Some((name, self_closing, end)) = tag(b, lt + 1) else {
                    return false;
                };
                text.flush(on);
                let tag_name = TagName::of(name);
                on(Piece::StartTag {
                    name: tag_name,
                    self_closing,
                    at: lt,
                });
                pos = end;
                match after(tag_name.as_bytes()) {
                    After::Markup => {}
                    After::GiveUp => return false,
                    After::RawText { script } => {
                        let Some(close) = raw_text_end(b, pos, tag_name.as_bytes(), script) else {
                            return false;
                        };
                        text.add(pos, close);
                        pos = close;
                    }
                }
            }
            Some(b'/') => {
                if !b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                    return false;
                }
                let Some((name, _, end)) = tag(b, lt + 2) else {
                    return false;
                };
                text.flush(on);
                on(Piece::EndTag {
                    name: TagName::of(name),
                    at: lt,
                });
                pos = end;
            }
            Some(b'!') => {
                let Some(end) = comment_or_doctype(b, lt) else {
                    return false;
                };
                text.flush(on);
                pos = end;
            }
            Some(b'?') | None => return false,
            Some(_) => {
                // Not a tag: the `<` is text.
                text.add(lt, lt + 1);
                pos = lt + 1;
            }
        }
    }
    text.add(pos, b.len());
    text.flush(on);
    true
}

/// The next `<` at or after `from`. Tags often follow each other with a
/// line break or nothing between: those are looked at before the vector
/// search, whose setup costs more than they do.
#[inline]
fn next_lt(b: &[u8], from: usize) -> Option<usize> {
    match b.get(from..from + 2) {
        Some([b'<', _]) => Some(from),
        Some([_, b'<']) => Some(from + 1),
        _ => memchr::memchr(b'<', b.get(from..)?).map(|k| from + k),
    }
}

/// Reads the tag whose name starts at `from`: its name as written, whether
/// it closes itself (`/>`), and where it ends (just past `>`). `None` when
/// the input ends inside it.
#[inline]
fn tag(b: &[u8], from: usize) -> Option<(&[u8], bool, usize)> {
    let i = run_end(b, from, |c| is_space(c) || matches!(c, b'/' | b'>'));
    let name = &b[from..i];
    if b.get(i) == Some(&b'>') {
        // Most tags have no attributes: no states to go through, and no
        // call to the loop that goes through them (whose setup, saving the
        // registers it uses, cost more than reading `<p>`).
        return Some((name, false, i + 1));
    }
    attributes(b, i).map(|(self_closing, end)| (name, self_closing, end))
}

/// Reads a tag's attributes from `i`, just past its name: whether the tag
/// closes itself (`/>`), and where it ends (just past `>`). `None` when
/// the input ends inside it.
#[inline(never)]
fn attributes(b: &[u8], mut i: usize) -> Option<(bool, usize)> {
    #[derive(Clone, Copy)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Unquoted,
        AfterQuoted,
        SelfClosing,
    }
    let mut state = State::BeforeName;
    // Each arm either moves on a byte, or hands the byte to another state.
    let self_closing = loop {
        let c = *b.get(i)?;
        match state {
            State::BeforeName | State::AfterName if is_space(c) => i += 1,
            State::BeforeName => match c {
                b'/' | b'>' => state = State::AfterName,
                // A name, even one that starts with `=`.
                _ => (state, i) = (State::Name, i + 1),
            },
            State::Name => match c {
                b'\t' | b'\n' | 0x0C | b' ' | b'/' | b'>' => state = State::AfterName,
                b'=' => (state, i) = (State::BeforeValue, i + 1),
                _ => i = run_end(b, i + 1, |c| is_space(c) || matches!(c, b'/' | b'>' | b'=')),
            },
            State::AfterName => match c {
                b'/' => (state, i) = (State::SelfClosing, i + 1),
                b'=' => (state, i) = (State::BeforeValue, i + 1),
                b'>' => break false,
                _ => state = State::Name,
            },
            State::BeforeValue => match c {
                c if is_space(c) => i += 1,
                b'"' | b'\'' => {
                    i += 1 + memchr::memchr(c, &b[i + 1..])? + 1;
                    state = State::AfterQuoted;
                }
                b'>' => break false,
                _ => state = State::Unquoted,
            },
            State::Unquoted => match c {
                c if is_space(c) => state = State::BeforeName,
                b'>' => break false,
                _ => i = run_end(b, i + 1, |c| is_space(c) || c == b'>'),
            },
            State::AfterQuoted => match c {
                c if is_space(c) => state = State::BeforeName,
                b'/' => (state, i) = (State::SelfClosing, i + 1),
                b'>' => break false,
                _ => state = State::BeforeName,
            },
            State::SelfClosing => match c {
                b'>' => break true,
                _ => state = State::BeforeName,
            },
        }
    };
    Some((self_closing, i + 1))
}

/// The first index at or after `from` whose byte is a `stop`, or the
/// length: a name or an unquoted value read in one tight loop.
#[inline]
fn run_end(b: &[u8], from: usize, stop: impl Fn(u8) -> bool) -> usize {
    b[from..]
        .iter()
        .position(|&c| stop(c))
        .map_or(b.len(), |k| from + k)
}

/// Where the raw text that starts at `from` ends: at the `<` of the end
/// tag named `name` (any case, then white space, `/` or `>`), or at the
/// end of the input. `None` in a script that holds `<!--` (html5gum's
/// escaped states), which this scanner does not follow.
fn raw_text_end(b: &[u8], from: usize, name: &[u8], script: bool) -> Option<usize> {
    let mut pos = from;
    while let Some(lt) = next_lt(b, pos) {
        let rest = &b[lt + 1..];
        if script && rest.starts_with(b"!--") {
            return None;
        }
        if rest.first() == Some(&b'/')
            && rest.len() > name.len() + 1
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
            && matches!(
                rest[name.len() + 1],
                b'\t' | b'\n' | 0x0C | b' ' | b'/' | b'>'
            )
        {
            return Some(lt);
        }
        pos = lt + 1;
    }
    Some(b.len())
}

/// Reads the comment or doctype that starts at `lt` (`<!`), and returns
/// where it ends (just past `>`); `None` for what this scanner does not
/// read.
fn comment_or_doctype(b: &[u8], lt: usize) -> Option<usize> {
    let rest = &b[lt + 2..];
    if let Some(body) = rest.strip_prefix(b"--") {
        // Only a comment whose first `--` is its `-->`: html5gum's other
        // comment states are not followed here.
        if matches!(body.first(), Some(b'-' | b'>')) {
            return None;
        }
        let close = memchr::memmem::find(body, b"--")?;
        return (body.get(close + 2) == Some(&b'>')).then_some(lt + 4 + close + 3);
    }
    if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
        let gt = memchr::memchr(b'>', &rest[7..])?;
        let body = &rest[7..7 + gt];
        if memchr::memchr2(b'"', b'\'', body).is_some() {
            return None;
        }
        return Some(lt + 2 + 7 + gt + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::html5gum_pieces;
    use proptest::prelude::*;

    fn scanned(html: &str) -> Option<Vec<Piece>> {
        let mut pieces = Vec::new();
        scan(html, &mut |p| pieces.push(p)).then_some(pieces)
    }

    #[test]
    fn ordinary_pages_are_scanned_as_html5gum_reads_them() {
        for html in [
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=utf-8><title>A &amp; B</title>\
             <style>p > a { x: '</p>' }</style><script>if (a < b && c) x = '</scrip' + 't>';</script>\
             </head><body><nav class=nav><a href=/>Home</a></nav><article><h1>Up</h1>\
             <p>Sales &nbsp;rose<br/>to <b>43</b> units &ampx 1 < 2.</p><!-- note -->\
             <img src='a.png' alt=\"x > y\"/><p a b=c d = 'e'f/>x</P ></article></body></html>",
            "plain text, no markup",
            "<SCRIPT>x</SCRIPT >y</script>z",
            "<title>t</titlex></title/>u",
            "<p>é<!--a-b-->ü</p>",
            "",
        ] {
            assert_eq!(scanned(html), Some(html5gum_pieces(html)), "{html:?}");
        }
    }

    #[test]
    fn what_it_does_not_read_it_leaves_to_html5gum() {
        for html in [
            "a\r\nb",
            "a</>b",
            "<?xml version=1.0?>",
            "<!---->",
            "<!-- a --->",
            "<!DOCTYPE html PUBLIC \"-//W3C\">",
            "<![CDATA[x]]>",
            "<script><!--</script>",
            "<p class=x",
            "<plaintext>x",
            "x<",
            "<",
            "<p>x<",
        ] {
            assert_eq!(scanned(html), None, "{html:?}");
        }
    }

    const PARTS: &[&str] = &[
        "<p>",
        "</p>",
        "<P>",
        "</p >",
        "</p/>",
        "<b>",
        "</b>",
        "<br/>",
        "<div class=\"a b\">",
        "<a href='/x'>",
        "<a href=/x>",
        "<img src=a alt=>",
        "<i =x>",
        "<x y=\"1\"z>",
        "<x y/>",
        "<x/ y>",
        "<script>",
        "</script>",
        "</SCRIPT>",
        "</scripts>",
        "<style>",
        "</style>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<noscript>",
        "</noscript>",
        "<plaintext>",
        "<!--",
        "-->",
        "--",
        "-",
        "<!-- c -->",
        "<!--->",
        "<!DOCTYPE html>",
        "<!doctype x 'y'>",
        "<!",
        "<!x>",
        "<?x>",
        "</>",
        "</ >",
        "</1>",
        "<1",
        "< p>",
        "<",
        ">",
        "/",
        "=",
        "\"",
        "'",
        " ",
        "\n",
        "\t",
        "\r",
        "\0",
        "a",
        "Text",
        "é",
        "&amp;",
        "&ampx",
        "&#38;",
        "&",
        "<![CDATA[x]]>",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whatever it reads, it reads as html5gum does.
        #[test]
        fn scanned_pieces_are_html5gum_pieces(parts in proptest::collection::vec(0..PARTS.len(), 0..24)) {
            let html: String = parts.iter().map(|&i| PARTS[i]).collect();
            if let Some(pieces) = scanned(&html) {
                prop_assert_eq!(pieces, html5gum_pieces(&html), "{:?}", html);
            }
        }
    }
}
