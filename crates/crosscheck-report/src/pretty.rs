//! The report's conflicts and corroborations written out as serde_json's
//! pretty printer writes them, byte for byte, by hand.
//!
//! serde_json went through its generic serializer for every field and
//! scanned every string a byte at a time for characters to escape: 4% of a
//! cold run's instructions, most of them in the sentences each mention
//! quotes. Here the fields are written directly and strings are scanned
//! eight bytes at a time. Numbers with a fraction are still formatted by
//! serde_json, so floats read exactly as before. The tests hold the output
//! to `serde_json::to_vec_pretty` of the same values.

use crosscheck_reconcile::{Conflict, Corroboration, Mention};

/// An item of one of the report's top-level lists.
pub(crate) trait Item {
    /// Writes the item as it sits in the report: two levels deep, starting
    /// at its opening brace (the caller writes what comes before).
    fn write_pretty(&self, out: &mut Vec<u8>);
}

impl Item for Conflict {
    fn write_pretty(&self, out: &mut Vec<u8>) {
        let mut w = Pretty::two_deep(out);
        w.open(b'{');
        w.key("kind");
        w.str(self.kind.as_str());
        w.what(
            &self.subject,
            &self.metric,
            &self.scope,
            self.period.as_deref(),
        );
        w.key("explanation");
        w.str(&self.explanation);
        w.key("values");
        w.open(b'[');
        for v in &self.values {
            w.element();
            w.str(v);
        }
        w.close(b']');
        w.key("mentions");
        w.mentions(&self.mentions);
        w.close(b'}');
    }
}

impl Item for Corroboration {
    fn write_pretty(&self, out: &mut Vec<u8>) {
        let mut w = Pretty::two_deep(out);
        w.open(b'{');
        w.what(
            &self.subject,
            &self.metric,
            &self.scope,
            self.period.as_deref(),
        );
        w.key("documents");
        w.uint(self.documents as u64);
        w.key("mentions");
        w.mentions(&self.mentions);
        w.close(b'}');
    }
}

/// serde_json's `PrettyFormatter` (two spaces), as a writer of our own.
struct Pretty<'a> {
    out: &'a mut Vec<u8>,
    depth: usize,
    /// No value yet in the innermost open object or array.
    first: bool,
}

impl<'a> Pretty<'a> {
    fn two_deep(out: &'a mut Vec<u8>) -> Self {
        Pretty {
            out,
            depth: 2,
            first: true,
        }
    }

    fn newline(&mut self) {
        // The comma (when one is due), the line break and the indent, cut
        // from one line: a single copy per field.
        const LINE: &[u8] = b",\n                                ";
        let from = usize::from(self.first);
        let to = (2 + 2 * self.depth).min(LINE.len());
        self.out.extend_from_slice(&LINE[from..to]);
        self.first = false;
    }

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.first {
            self.first = true;
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// A field's name: one of ours, plain ASCII, so it needs no escaping.
    fn key(&mut self, key: &str) {
        self.newline();
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\": ");
    }

    /// What an item is about: its subject, metric, scope and period fields.
    fn what(&mut self, subject: &str, metric: &str, scope: &str, period: Option<&str>) {
        self.key("subject");
        self.str(subject);
        self.key("metric");
        self.str(metric);
        self.key("scope");
        self.str(scope);
        self.key("period");
        self.opt_str(period);
    }

    fn element(&mut self) {
        self.newline();
    }

    fn str(&mut self, s: &str) {
        push_escaped(self.out, s);
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn uint(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    fn float(&mut self, v: Option<f64>) {
        match v {
            // serde_json's own formatting (and its `null` for a value that
            // is not finite), so floats read exactly as they always have.
            Some(v) => {
                if serde_json::to_writer(&mut *self.out, &v).is_err() {
                    self.out.extend_from_slice(b"null");
                }
            }
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn mentions(&mut self, mentions: &[Mention]) {
        self.open(b'[');
        for m in mentions {
            self.element();
            self.mention(m);
        }
        self.close(b']');
    }

    fn mention(&mut self, m: &Mention) {
        self.open(b'{');
        self.key("doc");
        self.str(&m.doc);
        self.key("start");
        self.uint(m.start as u64);
        self.key("end");
        self.uint(m.end as u64);
        self.key("text");
        self.str(&m.text);
        self.key("value");
        self.float(m.value);
        if let Some((lo, hi)) = m.range {
            self.key("range");
            self.open(b'[');
            self.element();
            self.float(lo);
            self.element();
            self.float(hi);
            self.close(b']');
        }
        self.key("unit");
        self.opt_str(m.unit.as_deref());
        self.key("approx");
        self.str(&m.approx);
        self.key("normalized");
        self.str(&m.normalized);
        self.key("period");
        self.opt_str(m.period.as_deref());
        self.key("line");
        self.uint(u64::from(m.line));
        self.key("sentence");
        self.str(&m.sentence);
        self.key("sentence_start");
        self.uint(m.sentence_start as u64);
        self.key("sentence_end");
        self.uint(m.sentence_end as u64);
        if let Some(role) = &m.role {
            self.key("role");
            self.str(role);
        }
        self.key("guessed");
        self.out
            .extend_from_slice(if m.guessed { b"true" } else { b"false" });
        self.close(b'}');
    }
}

/// `s` as a JSON string, escaped as serde_json escapes: `"` and `\`, the
/// control characters (short forms for \b \t \n \f \r, else `\u00xx`),
/// nothing else.
fn push_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut done = 0;
    let mut at = 0;
    loop {
        // Eight bytes at a time while none needs escaping (most strings:
        // sentences of plain text), then a byte at a time to the next one
        // that does.
        while let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if needs_escape(word) {
                break;
            }
            at += 8;
        }
        while at < bytes.len() && ESCAPE[usize::from(bytes[at])] == 0 {
            at += 1;
        }
        let Some(&b) = bytes.get(at) else {
            break;
        };
        out.extend_from_slice(&bytes[done..at]);
        match ESCAPE[usize::from(b)] {
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xf)],
                ]);
            }
            short => out.extend_from_slice(&[b'\\', short]),
        }
        at += 1;
        done = at;
    }
    out.extend_from_slice(&bytes[done..]);
    out.push(b'"');
}

/// For each byte, what follows the backslash of its escape (`u` for the
/// `\u00xx` form), or 0 when it is written as it is.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// True when one of the eight bytes of `word` is `"`, `\` or below 0x20.
/// Exact, not a guess: a byte of 0x80 or above never counts.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0;
    below_space
        || has_zero(word ^ (ONES * u64::from(b'"')))
        || has_zero(word ^ (ONES * u64::from(b'\\')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        let mut every = String::new();
        for c in (0u32..0x100).chain([0x2028, 0x2029, 0xfeff, 0x1f600]) {
            every.extend(char::from_u32(c));
        }
        let cases = [
            "",
            "plain",
            "exactly8",
            "a \"quoted\" word and a back\\slash",
            "tab\there, new\nline, bell\u{7}, del\u{7f}",
            "\u{1}\u{1f}\u{20}\u{21}",
            "Zhejiang 浙江省 exports — 43 billion yuan",
            &every,
        ];
        for s in cases {
            for cut in 0..s.len().min(24) {
                let Some(s) = s.get(cut..) else { continue };
                let mut ours = Vec::new();
                push_escaped(&mut ours, s);
                assert_eq!(ours, serde_json::to_vec(s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn the_word_test_is_exact() {
        for b in 0u8..=255 {
            for pos in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[pos] = b;
                let expected = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(
                    needs_escape(u64::from_le_bytes(bytes)),
                    expected,
                    "{b:#x} at {pos}"
                );
            }
        }
        // Mixed words, against the byte-by-byte answer.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let expected = x
                .to_le_bytes()
                .iter()
                .any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            assert_eq!(needs_escape(x), expected, "{x:#018x}");
        }
    }
}
