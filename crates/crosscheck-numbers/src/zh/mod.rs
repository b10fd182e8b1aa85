//! Chinese figures: numerals in every form, money, percentages, tenths and
//! discounts, fractions, counts.
//!
//! The scanner walks the bytes of the text and stops only where a character
//! outside ASCII begins (CJK, full-width forms): a text without any returns
//! at once, so English news costs one byte scan. At each such character it
//! backs up over an Arabic figure written just before it (`43亿元`), reads a
//! figure with [`numeral::parse`], then what follows it decides the kind:
//!
//! | after the figure | kind | example |
//! | --- | --- | --- |
//! | `分之` | percent when the denominator is a bare `百`/`千`/`万`, else fraction | `百分之七十七点五` → 77.5 %, `三分之一` → 0.333 |
//! | `个百分点` | percent, unit `pp` | `六个百分点` |
//! | `%` | percent | `２２％` |
//! | `成` | percent, tenths | `三成` → 30, `七成六` → 76 |
//! | `折` | percent, a discount read as the share paid | `9.9折` → 99, `五五折` → 55 |
//! | a currency name | money, ISO 4217 | `43亿元` → 4.3e9 CNY, `1.95港元` → HKD |
//! | `打` | number, dozens | `五十打` → 600 |
//! | a classifier or unit | count or measure | `1.2万辆` → count, unit `vehicle` |
//!
//! Figures made only of Arabic digits and ASCII are left to the English
//! scanner. A lone numeral that is part of a word (`四川`, `一切`, `放肆`) is
//! not a figure; see [`is_word_part`].

pub(crate) mod numeral;
mod units;

use crate::quantity::{Approx, Basis, Quantity, QuantityKind};
use crosscheck_text::Span;
use numeral::{at, digit_of, fold, parse, skip_spaces, Num, Parsed, Shape};

/// True for the first byte of a character the Chinese scanner looks at:
/// U+3000 and above (CJK, kana, full-width forms). Curly quotes and dashes
/// (U+2xxx, lead byte 0xE2) are not.
#[inline]
fn is_wide_lead(b: u8) -> bool {
    (0xE3..=0xEF).contains(&b) || b >= 0xF0
}

/// The first position at or after `from` whose byte [`is_wide_lead`].
/// Looks at 32 bytes a step, then 8, so English text (curly quotes and
/// accents included) costs little.
pub(crate) fn next_wide(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit set in each byte of `x` that is at least 0xE3 (a wide
    // lead): a byte over 0x7F whose low seven bits reach 0x63. Adding 0x1D
    // to seven bits never carries into the next byte.
    let wide = |x: u64| x & HIGH & (x & !HIGH).wrapping_add(0x1D1D_1D1D_1D1D_1D1D);
    let word = |c: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        u64::from_le_bytes(w)
    };
    let mut i = from;
    while let Some(c) = bytes.get(i..i + 32) {
        // A wide lead in these 32 bytes: the 8-byte steps find it and return.
        let m = wide(word(&c[..8]))
            | wide(word(&c[8..16]))
            | wide(word(&c[16..24]))
            | wide(word(&c[24..]));
        if m != 0 {
            break;
        }
        i += 32;
    }
    while let Some(c) = bytes.get(i..i + 8) {
        let m = wide(word(c));
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..bytes.len()).find(|&k| is_wide_lead(bytes[k]))
}

/// [`next_wide`] of `bytes` from `from`, given `first`, what it is from 0:
/// the Chinese figure, time and annotation passes all ask it of the same
/// text, and one search of text with no wide character answers all three.
#[inline]
pub(crate) fn next_wide_given(bytes: &[u8], from: usize, first: Option<usize>) -> Option<usize> {
    match first {
        // Nothing before `first` is a wide lead.
        Some(f) if from <= f => Some(f),
        Some(_) => next_wide(bytes, from),
        None => None,
    }
}

/// Finds Chinese figures in `text`; `first_wide` is [`next_wide`] of it from 0.
pub(crate) fn scan(text: &str, first_wide: Option<usize>) -> Vec<Quantity> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    let mut floor = 0;
    while let Some(q) = next_wide_given(bytes, pos, first_wide) {
        let s = back_up(bytes, q, floor);
        let mut next = q + text[q..].chars().next().map_or(1, char::len_utf8);
        let starts = [s, q];
        let starts = if s < q { &starts[..] } else { &starts[1..] };
        for &start in starts {
            match figure_at(text, start) {
                // `一兆兆兆…` overflows: not a figure anyone wrote.
                Found::Figure(f)
                    if !f.value.is_some_and(f64::is_finite)
                        || !f.precision.is_none_or(f64::is_finite) =>
                {
                    next = f.span.end.max(next);
                    floor = f.span.end;
                    break;
                }
                Found::Figure(f) => {
                    next = f.span.end.max(q + 1);
                    floor = f.span.end;
                    out.push(f);
                    break;
                }
                Found::Skip(end) => {
                    next = end.max(next);
                    floor = end;
                    break;
                }
                Found::Nothing => {}
            }
        }
        pos = next;
        while pos < bytes.len() && !text.is_char_boundary(pos) {
            pos += 1;
        }
        if pos >= bytes.len() {
            break;
        }
    }
    out
}

/// Backs up from `q` over an Arabic figure (and spaces) written right
/// before it, not below `floor`; returns where that figure starts, or `q`.
fn back_up(bytes: &[u8], q: usize, floor: usize) -> usize {
    let mut s = q;
    let mut spaces = 0;
    while s > floor && bytes[s - 1] == b' ' && spaces < 3 {
        s -= 1;
        spaces += 1;
    }
    let digits_end = s;
    while s > floor && s + 64 > q && matches!(bytes[s - 1], b'0'..=b'9' | b'.' | b',' | b'k' | b'K')
    {
        s -= 1;
    }
    // Start on a digit: not on a grouping comma or a point.
    while s < digits_end && !bytes[s].is_ascii_digit() {
        s += 1;
    }
    if s == digits_end {
        return q;
    }
    // `7 2 折`: single digits apart, read as one run.
    while s >= floor + 2
        && bytes[s - 1] == b' '
        && bytes[s - 2].is_ascii_digit()
        && (s < 3
            || !bytes[s - 3].is_ascii_alphanumeric()
                && bytes[s - 3] != b'.'
                && bytes[s - 3] != b',')
        && s + 64 > q
    {
        s -= 2;
    }
    // `-5万`: a sign that is not part of a word or a range.
    if s > floor && bytes[s - 1] == b'-' && (s < 2 || !bytes[s - 2].is_ascii_alphanumeric()) {
        s -= 1;
    }
    // Part of an identifier (`A2021...`) or of a dotted figure: not a figure.
    if s > 0 && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'.' || bytes[s - 1] == b'_')
    {
        return q;
    }
    s
}

enum Found {
    Figure(Quantity),
    /// Nothing here, and nothing starts before this byte.
    Skip(usize),
    Nothing,
}

fn quantity(start: usize, end: usize, kind: QuantityKind, value: f64, precision: f64) -> Quantity {
    let mut q = Quantity::new(Span::new(start, end), kind, Some(value));
    q.precision = Some(precision.abs());
    q
}

fn percent(start: usize, end: usize, value: f64, precision: f64) -> Quantity {
    let mut q = quantity(start, end, QuantityKind::Percent, value, precision);
    q.unit = Some("%".into());
    q
}

/// `text[pos..]` starts with `word`, possibly with spaces between its characters.
fn spaced(text: &str, pos: usize, word: &str) -> Option<usize> {
    let mut p = pos;
    for (i, w) in word.chars().enumerate() {
        if i > 0 {
            p = skip_spaces(text, p);
        }
        let (c, n) = at(text, p)?;
        if c != w {
            return None;
        }
        p += n;
    }
    Some(p)
}

/// Like [`spaced`], for a choice of spellings.
fn spaced_any(text: &str, pos: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| spaced(text, pos, w))
}

fn figure_at(text: &str, start: usize) -> Found {
    let Some((c, n)) = at(text, start) else {
        return Found::Nothing;
    };
    // `打对折`: half price.
    if c == '打' {
        if let Some(end) = spaced_any(text, start + n, &["对折", "對折"]) {
            return Found::Figure(percent(start + n, end, 50.0, 0.0));
        }
        return Found::Nothing;
    }
    if c == '半' {
        return half(text, start, n);
    }
    // `一半`: half, a share.
    if text[start..].starts_with("一半") {
        let end = start + "一半".len();
        return Found::Figure(quantity(start, end, QuantityKind::Fraction, 0.5, 0.0));
    }
    if c == '第' {
        return ordinal(text, start, n);
    }
    if let Some((cur, end)) = units::currency_prefix(text, start) {
        return prefixed_money(text, start, end, cur);
    }
    if !(c.is_ascii_digit() || c == '-' || c == '负' || c == '負' || numeral::is_numeral_char(c))
    {
        return Found::Nothing;
    }
    // `－－9`: a sign after a sign is not a sign.
    if c == '-' && start > 0 {
        if let Some(prev) = text[..start].chars().next_back() {
            if fold(prev) == '-' {
                return Found::Nothing;
            }
        }
    }
    if c.is_ascii_digit() {
        if let Some(q) = slash_fraction(text, start) {
            return Found::Figure(q);
        }
    }
    let num = match parse(text, start) {
        None => return Found::Nothing,
        Some(Parsed::Reject(end)) => return Found::Skip(end),
        Some(Parsed::Num(num)) => num,
    };
    after_figure(text, start, num)
}

/// `３／５`, `１６/5`, `４ ６／３`: a fraction with a slash, full-width
/// somewhere (all-ASCII ones are the English scanner's).
fn slash_fraction(text: &str, start: usize) -> Option<Quantity> {
    let int = |p: usize| numeral::arabic(text, p).filter(|a| a.place == 1.0);
    let first = int(start)?;
    let (whole, num, p) = match at(text, first.end) {
        Some(('/', _)) => (0.0, first, first.end),
        Some((' ', n)) => {
            let second = int(first.end + n)?;
            match at(text, second.end) {
                Some(('/', _)) => (first.value, second, second.end),
                _ => return None,
            }
        }
        _ => return None,
    };
    let (_, n) = at(text, p)?;
    let den = int(p + n)?;
    if den.value == 0.0 || text[start..den.end].is_ascii() {
        return None;
    }
    let v = whole + num.value / den.value;
    Some(quantity(
        start,
        den.end,
        QuantityKind::Fraction,
        v,
        0.5 / den.value,
    ))
}

/// What follows a figure decides its kind.
fn after_figure(text: &str, start: usize, num: Num) -> Found {
    let p = skip_spaces(text, num.end);
    let seq = matches!(num.shape, Shape::Sequence(_));
    // Fractions and per-hundred, per-thousand: `三分之一`, `百分之五`, `万分之三`.
    if let Some(after) = spaced(text, p, "分之") {
        if !seq && num.value != 0.0 {
            if let Some(q) = fraction(text, start, &num, after) {
                return Found::Figure(q);
            }
        }
    }
    if num.shape == Shape::BareUnit {
        return Found::Skip(num.end);
    }
    // `一又三分之一`
    if let Some((c, n)) = at(text, p) {
        if c == '又' && !seq {
            if let Some(Parsed::Num(den)) = parse(text, skip_spaces(text, p + n)) {
                if let Some(after) = spaced(text, skip_spaces(text, den.end), "分之") {
                    if let Some(mut f) = fraction(text, p + n, &den, after) {
                        if f.kind == QuantityKind::Fraction {
                            let whole = num.value;
                            let part = f.value.unwrap_or(0.0);
                            let v = if whole < 0.0 {
                                whole - part
                            } else {
                                whole + part
                            };
                            f.value = Some(v);
                            f.span.start = start;
                            return Found::Figure(f);
                        }
                    }
                }
            }
        }
    }
    // Percentage points: `六个百分点`, `２．４ 个 百 分 点`.
    if !seq {
        if let Some(end) = spaced_any(text, p, &["个百分点", "個百分點", "个百分點", "個百分点"])
        {
            let mut q = percent(start, end, num.value, num.precision);
            q.unit = Some("pp".into());
            return Found::Figure(q);
        }
    }
    if let Some((c, n)) = at(text, p) {
        if c == '%' && !seq {
            return Found::Figure(percent(start, p + n, num.value, num.precision));
        }
        if c == '成' {
            return tenths(text, start, &num, p + n);
        }
        if c == '折' {
            return discount(text, start, &num, p + n);
        }
    }
    if seq {
        return Found::Skip(num.end);
    }
    // Money: `43亿元`, `1.95港元`, `五元三毛`, `8亿元人民币`.
    if let Some((cur, end)) = units::currency_suffix(text, num.end, true) {
        return Found::Figure(money(text, start, num.value, num.precision, cur, end));
    }
    if let Some((c, n)) = at(text, p) {
        if c == '打' && !num.decimal && spaced_any(text, p + n, &["对折", "對折"]).is_none() {
            let mut q = quantity(
                start,
                p + n,
                QuantityKind::Number,
                num.value * 12.0,
                num.precision * 12.0,
            );
            approx(&mut q, &num);
            return Found::Figure(q);
        }
    }
    if let Some((kind, unit, end)) = units::classifier(text, num.end) {
        if !is_word_part(text, start, num.end, num.single_char) {
            let mut q = quantity(start, end, kind, num.value, num.precision);
            q.unit = Some(unit.into());
            approx(&mut q, &num);
            return Found::Figure(q);
        }
    }
    if num.plain_arabic {
        return Found::Nothing;
    }
    if is_word_part(text, start, num.end, num.single_char) {
        return Found::Skip(num.end);
    }
    let mut q = quantity(
        start,
        num.end,
        QuantityKind::Number,
        num.value,
        num.precision,
    );
    approx(&mut q, &num);
    Found::Figure(q)
}

fn approx(q: &mut Quantity, num: &Num) {
    if num.approx_over {
        q.approx = Approx::Over;
    } else if num.approx_about {
        q.approx = Approx::About;
    }
}

/// `分之` after a denominator `num` (from `start`); the numerator starts at `after`.
fn fraction(text: &str, start: usize, num: &Num, after: usize) -> Option<Quantity> {
    let r = skip_spaces(text, after);
    let Some(Parsed::Num(numer)) = parse(text, r) else {
        return None;
    };
    if matches!(numer.shape, Shape::Sequence(_) | Shape::BareUnit) && numer.value != 100.0 {
        return None;
    }
    // A bare 百/千/万 denominator is a rate: per cent, per mille, per ten thousand.
    let bare = first_is_unit(text, start);
    if bare {
        let per = num.value.abs();
        let v = numer.value * 100.0 / per;
        let mut q = percent(start, numer.end, v, numer.precision * 100.0 / per);
        approx(&mut q, &numer);
        return Some(q);
    }
    let v = numer.value / num.value;
    Some(quantity(
        start,
        numer.end,
        QuantityKind::Fraction,
        v,
        (numer.precision / num.value).abs(),
    ))
}

/// True when the figure at `start` opens with `百`, `千`, `万` or `亿`, not a
/// digit (`百分之`, `万分之`): a rate. `十分之一` is a fraction.
fn first_is_unit(text: &str, start: usize) -> bool {
    at(text, start).is_some_and(|(c, _)| {
        numeral::small_unit_of(c).is_some_and(|u| u >= 100.0) || numeral::big_unit_of(c).is_some()
    })
}

/// `三成` 30 %, `七成 六` 76 %, `三成半` 35 %, `9.5成` 95 %.
fn tenths(text: &str, start: usize, num: &Num, after: usize) -> Found {
    if matches!(num.shape, Shape::Sequence(_)) || num.value <= 0.0 || num.value > 10.0 {
        return Found::Skip(after);
    }
    // `成为`, `成本`, `成功`: 成 begins a word.
    if at(text, after).is_some_and(|(c, _)| units::CHENG_WORDS.contains(c)) {
        return Found::Nothing;
    }
    let mut v = num.value * 10.0;
    let mut prec = num.precision * 10.0;
    let mut end = after;
    if !num.decimal && num.value < 10.0 {
        let r = skip_spaces(text, after);
        if let Some((c, n)) = at(text, r) {
            if c == '半' {
                v += 5.0;
                prec = 0.0;
                end = r + n;
            } else if let Some(d) = digit_of(c).or(c.to_digit(10).map(|d| d as u8)) {
                let single = at(text, r + n).is_none_or(|(c2, _)| {
                    digit_of(c2).is_none()
                        && !c2.is_ascii_digit()
                        && numeral::small_unit_of(c2).is_none()
                        && numeral::big_unit_of(c2).is_none()
                });
                if single && d > 0 {
                    v += f64::from(d);
                    prec = 0.5;
                    end = r + n;
                }
            }
        }
    }
    Found::Figure(percent(start, end, v, prec))
}

/// `9.9折` 99 %, `五五折` 55 %, `75折` 75 %, `三折` 30 %: the share paid.
fn discount(text: &str, start: usize, num: &Num, after: usize) -> Found {
    if at(text, after).is_some_and(|(c, _)| units::ZHE_WORDS.contains(c)) {
        return Found::Nothing;
    }
    let v = match num.shape {
        Shape::Sequence(2) => num.value,
        Shape::Sequence(_) | Shape::BareUnit => return Found::Skip(after),
        Shape::Regular if num.value > 0.0 && num.value < 10.0 => num.value * 10.0,
        Shape::Regular if !num.decimal && num.value > 10.0 && num.value < 100.0 => num.value,
        Shape::Regular => return Found::Skip(after),
    };
    let prec = if v == num.value {
        num.precision
    } else {
        num.precision * 10.0
    };
    Found::Figure(percent(start, after, v, prec))
}

/// `半百` 50, `半成` 5 %, `半折` 50 %.
fn half(text: &str, start: usize, n: usize) -> Found {
    let Some((c, m)) = at(text, start + n) else {
        return Found::Nothing;
    };
    if c == '成' && !at(text, start + n + m).is_some_and(|(c, _)| units::CHENG_WORDS.contains(c)) {
        return Found::Figure(percent(start, start + n + m, 5.0, 0.0));
    }
    if c == '折' {
        return Found::Figure(percent(start, start + n + m, 50.0, 0.0));
    }
    if let Some(u) = numeral::small_unit_of(c) {
        if u >= 100.0 && !at(text, start + n + m).is_some_and(|(c, _)| numeral::is_numeral_char(c))
        {
            return Found::Figure(quantity(
                start,
                start + n + m,
                QuantityKind::Number,
                u / 2.0,
                0.0,
            ));
        }
    }
    Found::Nothing
}

/// `第三` rank 3, `第零十` 10.
fn ordinal(text: &str, start: usize, n: usize) -> Found {
    let p = start + n;
    match parse(text, p) {
        // `第三季度` is a quarter, for the time scanner.
        Some(Parsed::Num(num)) if text[num.end..].starts_with('季') => Found::Skip(num.end),
        Some(Parsed::Num(num))
            if num.shape == Shape::Regular && !num.decimal && num.value >= 0.0 =>
        {
            let mut q = quantity(start, num.end, QuantityKind::Ordinal, num.value, 0.0);
            q.precision = None;
            Found::Figure(q)
        }
        _ => Found::Nothing,
    }
}

/// `人民币 50元`, `￥300`, `港币100亿元`.
fn prefixed_money(text: &str, start: usize, after: usize, cur: &'static str) -> Found {
    let r = skip_spaces(text, after);
    let num = match parse(text, r) {
        Some(Parsed::Num(num))
            if num.shape != Shape::BareUnit && !matches!(num.shape, Shape::Sequence(_)) =>
        {
            num
        }
        _ => return Found::Nothing,
    };
    let (cur, end) = match units::currency_suffix(text, num.end, false) {
        Some((c, e)) if c == "CNY" || c == cur => (cur, e),
        Some((c, e)) => (c, e),
        None => (cur, num.end),
    };
    Found::Figure(money(text, start, num.value, num.precision, cur, end))
}

/// A money figure, with the smaller coins after it (`五元三毛`, `50元6角三分`).
fn money(text: &str, start: usize, value: f64, precision: f64, cur: &str, end: usize) -> Quantity {
    let mut v = value;
    let mut prec = precision;
    let mut end = end;
    // Smaller coins: 角/毛 (1/10), 分 (1/100) after 元 or 块; 美分, 日本銭.
    let mut p = end;
    let mut joined = false;
    if let Some((c, n)) = at(text, p) {
        if c == '又' || c == '和' || c == '零' {
            p += n;
            joined = true;
        }
    }
    for _ in 0..2 {
        let r = skip_spaces(text, p);
        let Some(Parsed::Num(sub)) = parse(text, r) else {
            break;
        };
        if sub.shape != Shape::Regular || sub.value < 0.0 {
            break;
        }
        let Some((fraction, e)) = units::subunit(text, sub.end, cur) else {
            break;
        };
        v += sub.value * fraction;
        prec = sub.precision * fraction;
        end = e;
        p = e;
        let _ = joined;
    }
    let mut q = quantity(start, end, QuantityKind::Money, v, prec);
    q.unit = Some(cur.to_string());
    q
}

/// True when a one-character numeral at `[start, end)` is part of a word
/// rather than a figure: a common word such as `四川`, `一切`, `十足`
/// (listed in `units::WORDS`), or a financial numeral (`肆`, `陆`, `拾`)
/// next to a character that is not a figure's neighbour (`放肆`, `陆地`).
pub(crate) fn is_word_part(text: &str, start: usize, end: usize, single_char: bool) -> bool {
    let Some((c, _)) = at(text, start) else {
        return false;
    };
    // A listed word that covers the figure: `四川`, `一带一路`, `十四五`.
    for w in units::WORDS {
        for (i, _) in w.match_indices(c) {
            let Some(word_start) = start.checked_sub(i) else {
                continue;
            };
            if text.get(word_start..).is_some_and(|t| t.starts_with(w))
                && word_start + w.len() >= end
            {
                return true;
            }
        }
    }
    if single_char && numeral::is_ambiguous_financial(c) {
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let content =
            |ch: Option<char>| ch.is_some_and(|ch| is_cjk(ch) && !units::is_function_char(ch));
        return content(before) || content(after);
    }
    false
}

/// A Han character (the ranges the tokenizer calls `cjk`, kana and Hangul aside).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Sets `change`, its sign and basis, and `approx`, from Chinese words just
/// before a figure: `同比增长77.5%`, `下降2个百分点`, `约43亿元`, `超过1万辆`.
/// Runs over the figures of every family (an ASCII `77.5%` in Chinese text
/// is found by the English scanner).
/// `first_wide` is [`next_wide`] of `text` from 0.
pub(crate) fn annotate(text: &str, first_wide: Option<usize>, found: &mut [Quantity]) {
    if first_wide.is_none() {
        return;
    }
    for q in found.iter_mut() {
        if q.kind == QuantityKind::Date {
            continue;
        }
        let start = q.span.start;
        // Up to eight characters before the figure.
        let mut from = start;
        for _ in 0..8 {
            match text[..from].chars().next_back() {
                Some(c) if is_cjk(c) => from -= c.len_utf8(),
                _ => break,
            }
        }
        let before = &text[from..start];
        // `增至30%`, `降到5%`: a level reached, not a change.
        let to_level = before.ends_with(['至', '到']);
        let core = before.trim_end_matches(['了', '达', '達', '为', '為', '約', '约']);
        if !to_level && units::UP_WORDS.iter().any(|w| core.ends_with(w)) {
            q.change = true;
        } else if !to_level && units::DOWN_WORDS.iter().any(|w| core.ends_with(w)) {
            q.change = true;
            q.value = q.value.map(|v| -v.abs());
        }
        if q.change {
            if before.contains("同比") {
                q.basis = Some(Basis::YearOnYear);
            } else if before.contains("环比") || before.contains("環比") {
                q.basis = Some(Basis::MonthOnMonth);
            }
        }
        if q.approx == Approx::Exact {
            if units::OVER_WORDS.iter().any(|w| before.ends_with(w)) {
                q.approx = Approx::Over;
            } else if units::UNDER_WORDS.iter().any(|w| before.ends_with(w)) {
                q.approx = Approx::Under;
            } else if units::ABOUT_WORDS.iter().any(|w| before.ends_with(w))
                || text[q.span.end..].starts_with("左右")
            {
                q.approx = Approx::About;
            }
        }
    }
}

#[cfg(test)]
mod tests;
