//! Bytes to text: BOMs, UTF-16 without a BOM, binary sniffing, lossy
//! UTF-8, legacy encodings, each with a map from text back to file bytes.

use crate::offsets::{LayerBuilder, OffsetMap};
use std::borrow::Cow;

/// The decoded text, its map to the file, and the encoding's name. The
/// text borrows the file's bytes when they are already the text (valid
/// UTF-8 without NULs, most files): a page or a Markdown file is only read
/// for its extracted text, so its bytes need no copy.
#[derive(Debug)]
pub(crate) struct Decoded<'b> {
    pub text: Cow<'b, str>,
    pub map: OffsetMap,
    pub encoding: &'static str,
}

/// How many of `bytes` satisfy `pred`, counted in byte-wide lanes a block
/// of 240 at a time: the loop then vectorizes to several bytes a step,
/// where a count in `usize` went a byte at a time. A block is a multiple of
/// the vector width (a `u8` lane could count 255, but blocks of 255 left
/// seven bytes a block to a scalar tail, a fifth of the count's cost).
fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(240)
        .map(|block| {
            let mut n = 0u8;
            for &b in block {
                n += u8::from(pred(b));
            }
            usize::from(n)
        })
        .sum()
}

/// File signatures of common binary formats that may start with text-like bytes.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"RIFF", "a media file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"{\\rtf", "an RTF document"),
];

/// Why a file is not text, or `None`.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<String> {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(format!("binary file ({what}), skipped"));
        }
    }
    // Sample the start, the middle and the end: a text file with a few
    // stray NULs is still text, a binary file rarely is text throughout.
    // A short file is read once, not three times over.
    let n = bytes.len();
    let window = 8192.min(n);
    let mid = (n / 2).saturating_sub(window / 2);
    let parts: [&[u8]; 3] = if n <= 3 * window {
        [bytes, &[], &[]]
    } else {
        [
            &bytes[..window],
            &bytes[mid..mid + window],
            &bytes[n - window..],
        ]
    };
    // Control bytes other than the whitespace and ESC that text files
    // carry, NUL among them: one pass decides, and only a binary file,
    // rare, is read again for the NULs its message counts apart.
    let odd = |b: u8| {
        let whitespace_or_esc = (0x09..=0x0d).contains(&b) || b == 0x1b;
        b == 0x7f || (b < 0x20 && !whitespace_or_esc)
    };
    let seen: usize = parts.iter().map(|p| p.len()).sum();
    let odd_bytes: usize = parts.iter().map(|p| count_bytes(p, odd)).sum();
    if odd_bytes * 10 > seen {
        let nuls: usize = parts.iter().map(|p| count_bytes(p, |b| b == 0)).sum();
        let controls = odd_bytes - nuls;
        return Some(format!(
            "binary file ({} NUL and {} other control bytes in {} sampled), skipped",
            nuls, controls, seen
        ));
    }
    None
}

/// Guesses UTF-16 without a BOM from the pattern of zero bytes that
/// Latin-script UTF-16 has on every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    // Without a zero byte both counts are nought, which says UTF-8 or
    // legacy: a vector search tells that faster than counting does.
    if head.len() < 4 || memchr::memchr(0, head).is_none() {
        return None;
    }
    let pairs = head.len() / 2;
    let (even, odd) = head
        .chunks(510)
        .fold((0usize, 0usize), |(even, odd), block| {
            let (mut e, mut o) = (0u8, 0u8);
            for pair in block.chunks_exact(2) {
                e += u8::from(pair[0] == 0);
                o += u8::from(pair[1] == 0);
            }
            (even + usize::from(e), odd + usize::from(o))
        });
    if odd * 10 >= pairs * 4 && even * 20 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 4 && odd * 20 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Decodes a file's bytes, or says why it is not text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc == encoding_rs::UTF_8 {
            return Ok(decode_utf8(bytes, bom_len));
        }
        return Ok(decode_utf16(bytes, bom_len, enc));
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return Ok(decode_utf16(bytes, 0, enc));
    }
    if let Some(why) = binary_reason(bytes) {
        return Err(why);
    }
    // Most files are valid UTF-8 without NULs: one validation pass, no
    // per-character work, no copy. (The memchr crate's vector search finds
    // a NUL several times faster than the slice's own `contains`.)
    if let Ok(s) = std::str::from_utf8(bytes) {
        if memchr::memchr(0, s.as_bytes()).is_none() {
            return Ok(Decoded {
                text: Cow::Borrowed(s),
                map: OffsetMap::identity(),
                encoding: "UTF-8",
            });
        }
        return Ok(decode_utf8(bytes, 0));
    }
    // Mostly UTF-8 with a few bad bytes (a truncated copy, one pasted
    // Latin-1 character) stays UTF-8; only text that is not UTF-8 at all
    // goes to the detector.
    let mut bad = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    if bad * 10 <= multibyte {
        return Ok(decode_utf8(bytes, 0));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // A few megabytes decide the encoding as well as the whole file would.
    let sample = &bytes[..bytes.len().min(4 << 20)];
    detector.feed(sample, sample.len() == bytes.len());
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(decode_legacy(bytes, enc))
}

/// UTF-8 after `skip` bytes of BOM; invalid sequences become U+FFFD and
/// NUL bytes spaces, each mapped to its bytes.
fn decode_utf8(bytes: &[u8], skip: usize) -> Decoded<'static> {
    let body = &bytes[skip..];
    let mut text = String::with_capacity(body.len());
    let mut layer = LayerBuilder::default();
    let mut at = skip;
    for chunk in body.utf8_chunks() {
        let valid = chunk.valid();
        // NUL bytes are control characters no stage wants; a space keeps
        // the offsets.
        for (i, piece) in valid.split('\0').enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(piece);
        }
        layer.push(at, valid.len(), 1, 1);
        at += valid.len();
        let bad = chunk.invalid().len();
        if bad > 0 {
            text.push('\u{FFFD}');
            layer.push(at, 1, 3, bad);
            at += bad;
        }
    }
    Decoded {
        text: Cow::Owned(text),
        map: OffsetMap::identity().then(layer, bytes.len()),
        encoding: "UTF-8",
    }
}

fn decode_utf16(
    bytes: &[u8],
    skip: usize,
    enc: &'static encoding_rs::Encoding,
) -> Decoded<'static> {
    let le = enc == encoding_rs::UTF_16LE;
    let body = &bytes[skip..];
    let units = body.chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut layer = LayerBuilder::default();
    let mut at = skip;
    for r in char::decode_utf16(units) {
        let (c, flen) = match r {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => ('\u{FFFD}', 2),
        };
        let c = if c == '\0' { ' ' } else { c };
        layer.push(at, 1, c.len_utf8(), flen);
        text.push(c);
        at += flen;
    }
    if body.len() % 2 == 1 {
        text.push('\u{FFFD}');
        layer.push(at, 1, 3, 1);
    }
    Decoded {
        text: Cow::Owned(text),
        map: OffsetMap::identity().then(layer, bytes.len()),
        encoding: enc.name(),
    }
}

/// A legacy encoding. Single-byte encodings map each character to its
/// byte; multi-byte ones (Shift_JIS, GBK, Big5, EUC-KR...) are fed to the
/// decoder byte by byte, and each character is mapped to the bytes
/// consumed since the previous one.
fn decode_legacy(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Decoded<'static> {
    let mut text = String::with_capacity(bytes.len() * 2);
    let mut layer = LayerBuilder::default();
    if enc.is_single_byte() {
        let (decoded, _) = enc.decode_without_bom_handling(bytes);
        for (i, c) in decoded.chars().enumerate() {
            let c = if c == '\0' { ' ' } else { c };
            layer.push(i, 1, c.len_utf8(), 1);
            text.push(c);
        }
    } else {
        let mut decoder = enc.new_decoder_without_bom_handling();
        let mut buf = [0u8; 64];
        let mut from = 0;
        let mut i = 0;
        while i < bytes.len() {
            // At a character boundary, a run of ASCII bytes is that many
            // one-byte characters in every encoding chardetng may pick (it
            // is told never to pick ISO-2022-JP): feed it in one call.
            if from == i && bytes[i] < 0x80 {
                let run = bytes[i..].iter().take_while(|b| **b < 0x80).count();
                // Keep the last byte for the byte-by-byte path, so the final
                // flush below stays in one place.
                let run = if i + run == bytes.len() { run - 1 } else { run };
                if run > 0 {
                    let mut out = vec![0u8; run + 16];
                    let (_, read, written, _) =
                        decoder.decode_to_utf8(&bytes[i..i + run], &mut out, false);
                    if read == run && written == run {
                        let chunk = String::from_utf8_lossy(&out[..written]).replace('\0', " ");
                        layer.push(i, run, 1, 1);
                        text.push_str(&chunk);
                        i += run;
                        from = i;
                        continue;
                    }
                    // Not one byte per character after all: redo byte by byte
                    // with a fresh decoder (state at a boundary is neutral).
                    decoder = enc.new_decoder_without_bom_handling();
                }
            }
            let last = i + 1 == bytes.len();
            let (_, _, written, _) =
                decoder.decode_to_utf8(std::slice::from_ref(&bytes[i]), &mut buf, last);
            if written > 0 {
                push_emitted(&mut text, &mut layer, &buf[..written], from, i + 1 - from);
                from = i + 1;
            }
            i += 1;
        }
        if bytes.is_empty() {
            let _ = decoder.decode_to_utf8(&[], &mut buf, true);
        }
    }
    Decoded {
        text: Cow::Owned(text),
        map: OffsetMap::identity().then(layer, bytes.len()),
        encoding: enc.name(),
    }
}

fn push_emitted(text: &mut String, layer: &mut LayerBuilder, out: &[u8], from: usize, flen: usize) {
    // Usually one character; a replacement character with the byte after
    // it, or a sequence that decodes to two characters, is one unit.
    let s = String::from_utf8_lossy(out).replace('\0', " ");
    layer.push(from, 1, s.len(), flen);
    text.push_str(&s);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(bytes: &[u8], d: &Decoded, needle: &str, file_needle: &[u8]) {
        let t = d.text.find(needle).expect("needle in text");
        let f = bytes
            .windows(file_needle.len())
            .position(|w| w == file_needle)
            .expect("needle in file");
        assert_eq!(d.map.to_file(t), f, "start of {needle}");
        assert_eq!(
            d.map.to_file_end(t + needle.len()),
            f + file_needle.len(),
            "end of {needle}"
        );
        assert_eq!(d.map.to_text(f), t);
    }

    #[test]
    fn windows_1252() {
        let bytes = b"Caf\xe9 cr\xe8me: sales rose to \x8043 million \x96 a record.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("€43 million – a record"));
        check_map(bytes, &d, "€43 million", b"\x8043 million");
        check_map(bytes, &d, "record", b"record");
    }

    #[test]
    fn multibyte_legacy_offsets() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("浙江省出口新能源汽车43亿元，同比增长12%。浙江省的企业很多。");
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("43亿元"), "{} {}", d.encoding, d.text);
        let (needle, _, _) = encoding_rs::GBK.encode("43亿元");
        check_map(&bytes, &d, "43亿元", &needle);
        let (needle, _, _) = encoding_rs::GBK.encode("同比增长12%");
        check_map(&bytes, &d, "同比增长12%", &needle);
    }

    #[test]
    fn shift_jis_offsets() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS
            .encode("トヨタ自動車の販売台数は43万台でした。前年より増えました。日本の市場です。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Shift_JIS");
        let (needle, _, _) = encoding_rs::SHIFT_JIS.encode("43万台");
        check_map(&bytes, &d, "43万台", &needle);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let s = "Exports reached 43 billion yuan — up 7%.\r\nA second line.";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        for (bytes, bom) in [
            (le.clone(), &b"\xff\xfe"[..]),
            (be.clone(), &b"\xfe\xff"[..]),
            (le, &b""[..]),
            (be, &b""[..]),
        ] {
            let mut file = bom.to_vec();
            file.extend_from_slice(&bytes);
            let d = decode(&file).unwrap();
            assert_eq!(d.text, s);
            let t = d.text.find("43").unwrap();
            assert_eq!(d.map.to_file(t), bom.len() + 2 * t);
            let dash = d.text.find('—').unwrap();
            assert_eq!(d.map.to_file_end(dash + 3), bom.len() + 2 * dash + 2);
        }
    }

    #[test]
    fn utf8_with_bom_nul_and_bad_bytes() {
        let bytes = b"\xef\xbb\xbfSales \x00rose \xff to 43 units, caf\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa0 l\xc3\xa0.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("Sales  rose \u{FFFD} to 43"));
        check_map(bytes, &d, "43 units", b"43 units");
        check_map(bytes, &d, "\u{FFFD}", b"\xff");
    }

    #[test]
    fn binary_is_refused_text_with_a_stray_nul_is_not() {
        assert!(decode(b"%PDF-1.7\n...").is_err());
        let mut bin = vec![0u8; 4000];
        bin.extend_from_slice(b"some text");
        assert!(decode(&bin).unwrap_err().contains("binary"));
        let mut text = b"A long line of ordinary text. ".repeat(100);
        text[50] = 0;
        assert!(decode(&text).is_ok());
    }
}
