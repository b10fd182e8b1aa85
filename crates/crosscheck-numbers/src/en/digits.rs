//! Figures written in digits: `1,233,000`, `1 234 567`, `12,34,567.89`,
//! `1.111,11`, `.08`, `1.5E+16`, `1.1^23`, `6.23x10^-4`.

use super::lex::{at, space_len};

/// A figure read from digits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Lit {
    /// One past its last byte.
    pub end: usize,
    /// Its value.
    pub value: f64,
    /// Digits after the decimal mark (negative when an exponent scales it).
    pub decimals: i32,
    /// Digits only: no separator, decimal mark or exponent.
    pub plain: bool,
    /// How many digits before the decimal mark.
    pub int_digits: usize,
}

fn digit_run(b: &[u8], p: usize) -> usize {
    let mut e = p;
    while at(b, e).is_ascii_digit() {
        e += 1;
    }
    e
}

/// Appends the ASCII digits of `b[s..e]` to `buf`.
fn push_digits(buf: &mut [u8; 64], n: &mut usize, b: &[u8], s: usize, e: usize) -> bool {
    for &c in b.get(s..e).unwrap_or(&[]) {
        if c.is_ascii_digit() {
            if *n >= buf.len() {
                return false;
            }
            buf[*n] = c;
            *n += 1;
        }
    }
    true
}

/// Reads the figure at `p` (a digit, or a `.` before a digit).
pub(super) fn literal(b: &[u8], p: usize) -> Option<Lit> {
    if let Some(l) = plain_literal(b, p) {
        return Some(l);
    }
    literal_full(b, p)
}

/// [`literal`] without its fast path.
fn literal_full(b: &[u8], p: usize) -> Option<Lit> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    // In `192.168.1.2` or `1.2.3` every part is a figure of its own.
    let dotted_chain = p >= 2 && at(b, p - 1) == b'.' && at(b, p - 2).is_ascii_digit();
    let (int_s, int_e) = if at(b, p) == b'.' {
        (p, p)
    } else {
        (p, digit_run(b, p))
    };
    let int_len = int_e - int_s;
    let mut end = int_e;
    let mut plain = true;
    if !push_digits(&mut buf, &mut n, b, int_s, int_e) {
        return None;
    }
    let mut decimals = 0i32;
    let mut frac: Option<(usize, usize)> = None;

    if at(b, p) == b'.' {
        let e = digit_run(b, p + 1);
        frac = Some((p + 1, e));
        end = e;
        plain = false;
    } else if at(b, end) == b',' && at(b, end + 1).is_ascii_digit() {
        // Comma groups: western (`1,234,567`), Indian (`12,34,567`), or a
        // decimal comma (`5,00`, `1,3`).
        let mut groups = [0usize; 8];
        let mut ng = 0;
        let mut q = end;
        while at(b, q) == b',' && at(b, q + 1).is_ascii_digit() && ng < groups.len() {
            let e = digit_run(b, q + 1);
            groups[ng] = e - q - 1;
            ng += 1;
            q = e;
        }
        let gs = &groups[..ng];
        let western = (1..=3).contains(&int_len) && gs.iter().all(|&g| g == 3);
        let indian = (1..=2).contains(&int_len)
            && ng >= 2
            && gs[ng - 1] == 3
            && gs[..ng - 1].iter().all(|&g| g == 2);
        let decimal_comma = ng == 1
            && (1..=2).contains(&gs[0])
            && !(at(b, q) == b'.' && at(b, q + 1).is_ascii_digit());
        if western || indian {
            push_digits(&mut buf, &mut n, b, end, q);
            end = q;
            plain = false;
        } else if decimal_comma {
            frac = Some((end + 1, q));
            end = q;
            plain = false;
        }
    } else if at(b, end) == b'.' && (1..=3).contains(&int_len) && european_groups(b, end).is_some()
    {
        // `1.111,11`: dots group, the comma is the decimal mark.
        let (q, fs, fe) = european_groups(b, end).unwrap_or((end, end, end));
        push_digits(&mut buf, &mut n, b, end, q);
        frac = Some((fs, fe));
        end = fe;
        plain = false;
    } else if (1..=3).contains(&int_len) && !dotted_chain {
        // Space groups: `1 234 567`, `40 000` (also with narrow no-break spaces).
        let mut q = end;
        loop {
            let sl = space_len(b, q);
            if sl == 0 || at(b, q) == b'\n' {
                break;
            }
            let ds = q + sl;
            let de = digit_run(b, ds);
            if de - ds != 3
                || at(b, de).is_ascii_alphabetic()
                || at(b, de) == b'-'
                || (at(b, de) == b',' && at(b, de + 1).is_ascii_digit())
            {
                break;
            }
            push_digits(&mut buf, &mut n, b, ds, de);
            q = de;
            plain = false;
        }
        end = q;
    }
    // Decimal point.
    if frac.is_none() && at(b, end) == b'.' && at(b, end + 1).is_ascii_digit() && !dotted_chain {
        let e = digit_run(b, end + 1);
        if at(b, e) == b'.' && at(b, e + 1).is_ascii_digit() {
            // `192.168.1.2`: a chain, not a decimal.
            return Some(Lit {
                end,
                value: parse(&buf[..n], &[])?,
                decimals: 0,
                plain,
                int_digits: int_len,
            });
        }
        frac = Some((end + 1, e));
        end = e;
        plain = false;
    }
    let mut fbuf = [0u8; 64];
    let mut fnum = 0;
    if let Some((fs, fe)) = frac {
        if !push_digits(&mut fbuf, &mut fnum, b, fs, fe) {
            return None;
        }
        decimals = fnum as i32;
    }
    let mut value = parse(&buf[..n], &fbuf[..fnum])?;
    // Exponent: `1e10`, `1.5E+16`, `-12e-1`.
    if matches!(at(b, end), b'e' | b'E') {
        let mut q = end + 1;
        let neg = at(b, q) == b'-';
        if matches!(at(b, q), b'+' | b'-') {
            q += 1;
        }
        let e = digit_run(b, q);
        if e > q && e - q <= 3 && !at(b, e).is_ascii_alphabetic() {
            let x = exp_value(b, q, e, neg);
            value *= 10f64.powi(x);
            decimals -= x;
            end = e;
            plain = false;
        }
    }
    // Powers: `1.1^23`, `2.5^-1`, `1.1^--23`, and `1.3x10^6`.
    let times_ten = if matches!(at(b, end), b'x' | b'X') && at(b, end + 1) == b'1' {
        Some(end + 1)
    } else if at(b, end) == 0xC3 && at(b, end + 1) == 0x97 && at(b, end + 2) == b'1' {
        Some(end + 2)
    } else {
        None
    };
    if let Some(t) = times_ten {
        if at(b, t + 1) == b'0' && at(b, t + 2) == b'^' {
            if let Some((x, e)) = power(b, t + 3) {
                value *= 10f64.powi(x);
                decimals -= x;
                end = e;
                plain = false;
            }
        }
    } else if at(b, end) == b'^' {
        if let Some((x, e)) = power(b, end + 1) {
            value = value.powi(x);
            end = e;
            plain = false;
            decimals = 9;
        }
    }
    if !value.is_finite() {
        return None;
    }
    Some(Lit {
        end,
        value,
        decimals,
        plain,
        int_digits: int_len,
    })
}

/// The common case of [`literal`]: up to 15 digits followed by nothing
/// that could continue the figure (a separator or decimal mark before a
/// digit, an exponent, a power, or a space before more digits). `None`
/// sends the figure to the full reading.
#[inline]
fn plain_literal(b: &[u8], p: usize) -> Option<Lit> {
    if !at(b, p).is_ascii_digit() {
        return None;
    }
    let e = digit_run(b, p);
    let len = e - p;
    if len > 15 {
        return None;
    }
    // Groups, decimal marks and spaced groups all need a digit right after
    // the mark or the space; an exponent or a power is left to `literal`.
    match at(b, e) {
        b'e' | b'E' | b'x' | b'X' | b'^' | 0xC3 => return None,
        b',' | b' ' | b'\t' | b'\r' | b'\n' if at(b, e + 1).is_ascii_digit() => return None,
        0xC2 if at(b, e + 2).is_ascii_digit() => return None,
        0xE2 if at(b, e + 3).is_ascii_digit() => return None,
        _ => {}
    }
    if at(b, e) == b'.' && at(b, e + 1).is_ascii_digit() {
        return decimal_literal(b, p, e);
    }
    let mut m = 0u64;
    for &c in &b[p..e] {
        m = m * 10 + u64::from(c - b'0');
    }
    Some(Lit {
        end: e,
        value: m as f64,
        decimals: 0,
        plain: true,
        int_digits: len,
    })
}

/// The next common case: digits, a point and digits (`40.08`), with
/// nothing after that continues the figure. Left to `literal`: a part of a
/// dotted chain (`192.168.1.2`), three digits after the point behind at
/// most three (`1.234,5` groups), an exponent or a power, more than 15
/// digits.
#[inline]
fn decimal_literal(b: &[u8], p: usize, ie: usize) -> Option<Lit> {
    let fe = digit_run(b, ie + 1);
    let (int_len, frac_len) = (ie - p, fe - ie - 1);
    let dotted_chain = p >= 2 && at(b, p - 1) == b'.' && at(b, p - 2).is_ascii_digit();
    if dotted_chain || int_len + frac_len > 15 || (frac_len == 3 && int_len <= 3) {
        return None;
    }
    match at(b, fe) {
        b'e' | b'E' | b'x' | b'X' | b'^' | 0xC3 => return None,
        b'.' if at(b, fe + 1).is_ascii_digit() => return None,
        _ => {}
    }
    Some(Lit {
        end: fe,
        value: parse(&b[p..ie], &b[ie + 1..fe])?,
        decimals: frac_len as i32,
        plain: false,
        int_digits: int_len,
    })
}

/// `(.ddd)+,d+` after `p`: returns (end of groups, fraction start, fraction end).
fn european_groups(b: &[u8], p: usize) -> Option<(usize, usize, usize)> {
    let mut q = p;
    let mut groups = 0;
    while at(b, q) == b'.' {
        let e = digit_run(b, q + 1);
        if e - q - 1 != 3 {
            return None;
        }
        q = e;
        groups += 1;
    }
    if groups == 0 || at(b, q) != b',' || !at(b, q + 1).is_ascii_digit() {
        return None;
    }
    let fe = digit_run(b, q + 1);
    if fe - q - 1 > 2 {
        return None;
    }
    Some((q, q + 1, fe))
}

fn exp_value(b: &[u8], s: usize, e: usize, neg: bool) -> i32 {
    let mut x = 0i32;
    for &c in &b[s..e] {
        x = x * 10 + i32::from(c - b'0');
    }
    if neg {
        -x
    } else {
        x
    }
}

/// The exponent after `^`: signs (`--` is plus) then up to three digits.
fn power(b: &[u8], p: usize) -> Option<(i32, usize)> {
    let mut q = p;
    let mut neg = false;
    while matches!(at(b, q), b'+' | b'-') && q - p < 3 {
        neg ^= at(b, q) == b'-';
        q += 1;
    }
    let e = digit_run(b, q);
    if e == q || e - q > 3 {
        return None;
    }
    Some((exp_value(b, q, e, neg), e))
}

fn parse(int: &[u8], frac: &[u8]) -> Option<f64> {
    // Up to 15 digits the digits make an integer below 2^53 and the scale a
    // power of ten below 10^22, both exact in an f64, so one division is
    // correctly rounded: the value `str::parse` gives, without the string.
    if int.len() + frac.len() <= 15 {
        // Two loops, not one over a chained iterator (which tests at every
        // digit which half it is in).
        let digits =
            |m: u64, part: &[u8]| part.iter().fold(m, |m, &c| m * 10 + u64::from(c - b'0'));
        let m = digits(digits(0, int), frac);
        const POW10: [f64; 16] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        ];
        return Some(if frac.is_empty() {
            m as f64
        } else {
            m as f64 / POW10[frac.len()]
        });
    }
    let mut buf = [0u8; 130];
    let mut n = 0;
    for &c in int {
        buf[n] = c;
        n += 1;
    }
    if n == 0 {
        buf[0] = b'0';
        n = 1;
    }
    if !frac.is_empty() {
        buf[n] = b'.';
        n += 1;
        for &c in frac {
            buf[n] = c;
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{literal, parse};
    use proptest::prelude::*;

    /// `literal` as it read before its fast path: the full reading.
    fn full(b: &[u8], p: usize) -> Option<(usize, u64, i32, bool, usize)> {
        let l = super::literal_full(b, p)?;
        Some((l.end, l.value.to_bits(), l.decimals, l.plain, l.int_digits))
    }

    proptest! {
        #[test]
        fn fast_path_agrees_with_the_full_reading(
            b in proptest::collection::vec(prop_oneof![b'0'..=b'9', Just(b','), Just(b'.'), Just(b' '), Just(b'\n'), Just(0xC2), Just(0xA0), Just(0xE2), Just(0x80), Just(0xAF), Just(b'e'), Just(b'x'), Just(b'^'), Just(b'a')], 1..24),
        ) {
            let got = super::literal(&b, 0).map(|l| (l.end, l.value.to_bits(), l.decimals, l.plain, l.int_digits));
            prop_assert_eq!(got, full(&b, 0));
        }

        #[test]
        fn parse_agrees_with_str_parse(int in "[0-9]{0,17}", frac in "[0-9]{0,17}") {
            let text = format!("{}{}{}", if int.is_empty() { "0" } else { &int }, if frac.is_empty() { "" } else { "." }, frac);
            let want: f64 = text.parse().unwrap();
            prop_assert_eq!(parse(int.as_bytes(), frac.as_bytes()).map(f64::to_bits), Some(want.to_bits()));
        }
    }

    fn lit(s: &str) -> (f64, usize) {
        let l = literal(s.as_bytes(), 0).unwrap();
        (l.value, l.end)
    }

    #[test]
    fn forms() {
        assert_eq!(lit("1,233,000 x"), (1233000.0, 9));
        assert_eq!(lit("1 234 567"), (1234567.0, 9));
        assert_eq!(lit("12,34,567.89"), (1234567.89, 12));
        assert_eq!(lit("1.111,11"), (1111.11, 8));
        assert_eq!(lit(".08"), (0.08, 3));
        assert_eq!(lit("1.5E+16"), (1.5e16, 7));
        assert_eq!(lit("22,24,26"), (22.0, 2));
        assert_eq!(lit("5,00"), (5.0, 4));
        assert_eq!(lit("192.168.1.2"), (192.0, 3));
        assert_eq!(lit("423 0000"), (423.0, 3));
        assert!((lit("1.1^23").0 - 8.954302432552389).abs() < 1e-9);
        assert!((lit("6.23x10^-4").0 - 0.000623).abs() < 1e-12);
    }
}
