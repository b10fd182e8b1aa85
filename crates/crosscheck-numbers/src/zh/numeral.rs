//! Chinese numerals, and Arabic figures written among Chinese text.
//!
//! One parser reads every form: ordinary (`两千三百五`), financial 大写
//! (`壹佰伍拾`), traditional (`四萬萬`), full-width digits (`１．０７５３`),
//! Arabic figures with Chinese multipliers (`5万4千6百`, `1,100.9亿`), with
//! spaces between the parts (`三千 八百 九十六 万`). It works on characters
//! straight from the text and allocates nothing.

/// Folds the full-width forms that Chinese text uses for figures to ASCII.
pub(crate) fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        '－' | '−' => '-',
        '％' => '%',
        '／' => '/',
        'Ｋ' | 'ｋ' => 'k',
        'Ｅ' | 'ｅ' => 'e',
        '＋' => '+',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The character at byte `pos` of `text`, folded, and its length in bytes.
#[inline]
pub(crate) fn at(text: &str, pos: usize) -> Option<(char, usize)> {
    let c = text.get(pos..)?.chars().next()?;
    Some((fold(c), c.len_utf8()))
}

/// Byte position after any spaces (ASCII or ideographic) from `pos`.
pub(crate) fn skip_spaces(text: &str, mut pos: usize) -> usize {
    while let Some((c, n)) = at(text, pos) {
        if c == ' ' || c == '\t' {
            pos += n;
        } else {
            break;
        }
    }
    pos
}

/// The value of a Chinese digit character, financial and traditional forms included.
pub(crate) fn digit_of(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '倆' | '俩' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// `十`, `百`, `千` and their financial forms.
pub(crate) fn small_unit_of(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// `万`, `亿`, `兆` (10^12, as in Taiwan and Japan).
pub(crate) fn big_unit_of(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

/// True for a character that can start or continue a Chinese numeral.
pub(crate) fn is_numeral_char(c: char) -> bool {
    digit_of(c).is_some() || small_unit_of(c).is_some() || big_unit_of(c).is_some()
}

/// Financial forms and `陆`: also common in ordinary words (`放肆`, `陆地`).
pub(crate) fn is_ambiguous_financial(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '叁'
            | '參'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

/// An Arabic figure: ASCII or full-width digits with `,` grouping, a
/// decimal point, an optional exponent and `k`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arabic {
    pub value: f64,
    /// Place value of the last digit written (1 for `43`, 0.01 for `5.55`).
    pub place: f64,
    pub end: usize,
    /// Only one digit, no point: may be part of a digit run (`7 2 折`).
    pub single_digit: bool,
    /// Some character was full-width.
    pub wide: bool,
}

/// Reads an Arabic figure at `pos` (no sign).
pub(crate) fn arabic(text: &str, pos: usize) -> Option<Arabic> {
    let mut p = pos;
    let mut mantissa: u128 = 0;
    let mut digits = 0u32;
    let mut sig = 0u32; // digits kept in the mantissa
    let mut decimals = 0i32;
    let mut int_extra = 0i32; // integer digits beyond what u128 keeps
    let mut wide = false;
    let mut seen_point = false;
    let mut int_digits = 0u32;
    let mut last_wide = false;
    let mut push = |d: u32, after_point: bool, sig: &mut u32, decimals: &mut i32| {
        if *sig < 30 {
            mantissa = mantissa * 10 + u128::from(d);
            *sig += 1;
            if after_point {
                *decimals += 1;
            }
        } else if !after_point {
            int_extra += 1;
        }
    };
    while let Some((c, n)) = at(text, p) {
        if c.is_ascii_digit() {
            wide |= n > 1;
            last_wide = n > 1;
            push(c as u32 - '0' as u32, seen_point, &mut sig, &mut decimals);
            digits += 1;
            if !seen_point {
                int_digits += 1;
            }
            p += n;
            continue;
        }
        // A full-width comma groups only full-width digits: `４，５６５`,
        // while `20，300` is two figures in a list.
        if c == ',' && !seen_point && int_digits > 0 && (n == 1 || last_wide) {
            // A grouping comma is followed by exactly three digits.
            let mut q = p + n;
            let mut k = 0;
            while let Some((d, m)) = at(text, q) {
                if d.is_ascii_digit() && k < 4 {
                    k += 1;
                    q += m;
                } else {
                    break;
                }
            }
            if k == 3 {
                wide |= n > 1;
                p += n;
                continue;
            }
            break;
        }
        if c == '.' && !seen_point && digits > 0 {
            if at(text, p + n).is_some_and(|(d, _)| d.is_ascii_digit()) {
                wide |= n > 1;
                seen_point = true;
                p += n;
                continue;
            }
            break;
        }
        break;
    }
    if digits == 0 {
        return None;
    }
    let single_digit = digits == 1 && !seen_point;
    // Divide rather than multiply by a negative power: `10753 / 10⁴` is the
    // nearest double to 1.0753, `10753 × 10⁻⁴` is not.
    let exp = int_extra - decimals;
    let mut value = if exp < 0 {
        mantissa as f64 / 10f64.powi(-exp)
    } else {
        mantissa as f64 * 10f64.powi(exp)
    };
    let mut place = 10f64.powi(int_extra - decimals);
    // Exponent: `2.7890e-1`.
    if let Some(('e', n)) = at(text, p) {
        let mut q = p + n;
        let mut neg = false;
        if let Some((s, m)) = at(text, q) {
            if s == '-' || s == '+' {
                neg = s == '-';
                q += m;
            }
        }
        let mut exp: i32 = 0;
        let mut k = 0;
        while let Some((d, m)) = at(text, q) {
            if d.is_ascii_digit() && k < 4 {
                exp = exp * 10 + (d as i32 - '0' as i32);
                k += 1;
                q += m;
            } else {
                break;
            }
        }
        let letter_after = at(text, q).is_some_and(|(c, _)| c.is_ascii_alphabetic());
        if k > 0 && !letter_after {
            let e = if neg { -exp } else { exp };
            value *= 10f64.powi(e);
            place *= 10f64.powi(e);
            wide |= !text[p..q].is_ascii();
            p = q;
        }
    }
    // `15k`, `52.5 k`: thousands, when no other letter follows.
    let k_at = if at(text, p).is_some_and(|(c, _)| c == ' ') {
        p + 1
    } else {
        p
    };
    if let Some(('k', n)) = at(text, k_at) {
        if !at(text, k_at + n).is_some_and(|(c, _)| c.is_ascii_alphabetic()) {
            wide |= n > 1;
            value *= 1e3;
            place *= 1e3;
            p = k_at + n;
        }
    }
    Some(Arabic {
        value,
        place,
        end: p,
        single_digit: single_digit
            && p == pos + text[pos..].chars().next().map_or(0, char::len_utf8),
        wide,
    })
}

/// How a parsed figure was written, for the filters that decide whether it
/// is a figure at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Units and digits in the usual way.
    Regular,
    /// Bare digits with no unit: `五五`, `7 2`, `二〇二五`. Their value is
    /// the digits read positionally.
    Sequence(u8),
    /// Only a unit, no digit: `万`, `百` (before `分之` a denominator).
    BareUnit,
}

/// A figure read from the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num {
    pub value: f64,
    /// Half the place value of the last digit written, times its multiplier.
    pub precision: f64,
    pub end: usize,
    pub shape: Shape,
    /// `余`, `多`, `几` made it approximate.
    pub approx_over: bool,
    pub approx_about: bool,
    /// A decimal point was written.
    pub decimal: bool,
    /// The whole figure is a single Chinese character (`一`, `叁`).
    pub single_char: bool,
    /// Arabic digits only, nothing Chinese: left to the English scanner.
    pub plain_arabic: bool,
}

/// Outcome of [`parse`].
pub(crate) enum Parsed {
    Num(Num),
    /// Not a figure, and nothing inside `[start, end)` starts one either
    /// (`二三十`: an approximate span, not 2 then 30).
    Reject(usize),
}

struct Pending {
    value: f64,
    place: f64,
    /// A Chinese digit right after a unit, no `零`: `两千四百五` reads 五 as 50.
    abbrev_unit: Option<f64>,
    arabic: bool,
}

/// Reads a figure at `pos`: an optional sign (`负`, `-`), then Chinese
/// numerals and Arabic digits with units, an optional `点` fraction and a
/// multiplier after it. `None` when nothing numeric starts at `pos`.
pub(crate) fn parse(text: &str, pos: usize) -> Option<Parsed> {
    let mut p = pos;
    let mut neg = false;
    if let Some((c, n)) = at(text, p) {
        if c == '负' || c == '負' || c == '-' {
            neg = true;
            p += n;
        }
    }
    let body_start = p;
    let mut total = 0.0f64;
    let mut total_place = 0.0f64;
    let mut section = 0.0f64;
    let mut section_place = 0.0f64;
    let mut pending: Option<Pending> = None;
    let mut last_small = f64::INFINITY;
    let mut prev_unit: Option<f64> = None;
    let mut any_digit = false;
    let mut any_unit = false;
    let mut any_big = false;
    let mut plain_arabic = true;
    let mut approx_over = false;
    let mut approx_about = false;
    let mut seq_len = 0u8;
    let mut seq_val = 0.0f64;
    let mut end = p;
    let mut chars = 0usize;
    let mut bare_start = false;

    loop {
        // Spaces may separate the parts: continue only if a part follows.
        let q = skip_spaces(text, p);
        let Some((c, n)) = at(text, q) else { break };
        if q > p {
            let pending_arabic = pending.as_ref().is_some_and(|pd| pd.arabic);
            let continues = if digit_of(c).is_some() {
                pending.is_none() && any_digit
                    || !pending_arabic && seq_len > 0 && !any_unit
                    // `九 九 折`: spaced digits only before a discount or tenths.
                    || pending.as_ref().is_some_and(|pd| !pd.arabic)
                        && !any_unit
                        && !any_big
                        && at(text, skip_spaces(text, q + n)).is_some_and(|(z, _)| z == '折' || z == '成')
            } else if c.is_ascii_digit() {
                pending.is_none() && (any_unit || any_big) || pending_arabic && seq_len > 0
            } else if small_unit_of(c).is_some() || big_unit_of(c).is_some() {
                any_digit
            } else if c == '点' || c == '點' {
                pending.is_some()
            } else if c == '几' || c == '幾' {
                any_unit
            } else {
                (c == '余' || c == '多') && any_digit
            };
            if !continues || end == body_start {
                break;
            }
        }
        p = q;
        if let Some(d) = digit_of(c) {
            if pending.as_ref().is_some_and(|pd| pd.arabic) {
                break;
            }
            plain_arabic = false;
            if pending.is_some() || (seq_len > 0 && !any_unit) {
                // Digits side by side: a digit run, not a count.
                if any_unit || any_big {
                    break;
                }
                if seq_len == 0 {
                    seq_len = 1;
                    seq_val = pending.as_ref().map_or(0.0, |pd| pd.value);
                }
                seq_len = seq_len.saturating_add(1);
                seq_val = seq_val * 10.0 + f64::from(d);
                pending = Some(Pending {
                    value: f64::from(d),
                    place: 1.0,
                    abbrev_unit: None,
                    arabic: false,
                });
                p += n;
                end = p;
                chars += 1;
                continue;
            }
            any_digit = true;
            if d == 0 {
                // 零 holds a place; it is itself a digit only in a digit run.
                prev_unit = None;
                if !any_unit && !any_big {
                    seq_len = 1;
                    seq_val = 0.0;
                }
            } else {
                pending = Some(Pending {
                    value: f64::from(d),
                    place: 1.0,
                    abbrev_unit: prev_unit,
                    arabic: false,
                });
            }
            p += n;
            end = p;
            chars += 1;
            continue;
        }
        if c.is_ascii_digit() {
            if pending.as_ref().is_some_and(|pd| !pd.arabic) {
                break;
            }
            let Some(a) = arabic(text, p) else { break };
            if let Some(pd) = &pending {
                // `7 2 折`: single digits apart, a digit run.
                if !(pd.arabic && a.single_digit && seq_len > 0 && !any_unit) {
                    break;
                }
                seq_len = seq_len.saturating_add(1);
                seq_val = seq_val * 10.0 + a.value;
            } else if !any_unit && !any_big && a.single_digit && seq_len == 0 {
                seq_len = 1;
                seq_val = a.value;
            } else {
                seq_len = 0;
            }
            plain_arabic &= !a.wide;
            any_digit = true;
            pending = Some(Pending {
                value: a.value,
                place: a.place,
                abbrev_unit: None,
                arabic: true,
            });
            p = a.end;
            end = p;
            chars += 2;
            continue;
        }
        // `千瓦`, `千米`, `千克`, `兆瓦`: the unit's own prefix, not a multiplier.
        if matches!(c, '千' | '兆')
            && at(text, q + n).is_some_and(|(u, _)| matches!(u, '瓦' | '米' | '克'))
        {
            break;
        }
        if let Some(u) = small_unit_of(c) {
            if seq_len > 1 {
                // `二三十`: an approximate span.
                return Some(Parsed::Reject(q + n));
            }
            seq_len = 0;
            if u >= last_small {
                break;
            }
            plain_arabic = false;
            let (d, place) = match pending.take() {
                Some(pd) => (pd.value, pd.place * u),
                None => (1.0, u),
            };
            section += d * u;
            section_place = place;
            last_small = u;
            prev_unit = Some(u);
            any_unit = true;
            if !any_digit && end == body_start {
                bare_start = u > 10.0;
            }
            any_digit = true;
            p += n;
            end = p;
            chars += 1;
            continue;
        }
        if let Some(b) = big_unit_of(c) {
            if seq_len > 1 {
                return Some(Parsed::Reject(q + n));
            }
            seq_len = 0;
            plain_arabic = false;
            let group_has = pending.is_some() || section > 0.0;
            let (gv, gp) = match pending.take() {
                Some(pd) => (section + pd.value, pd.place),
                None => (section, section_place),
            };
            if !any_digit {
                // `万分之三`: a bare multiplier, valid only as a denominator.
                bare_start = true;
                total = b;
                total_place = b;
            } else if !group_has {
                if total == 0.0 {
                    break;
                }
                total *= b;
                total_place *= b;
            } else if total < b {
                total = (total + gv) * b;
                total_place = gp * b;
            } else {
                total += gv * b;
                total_place = gp * b;
            }
            section = 0.0;
            section_place = 0.0;
            last_small = f64::INFINITY;
            prev_unit = Some(b);
            any_big = true;
            any_digit = true;
            p += n;
            end = p;
            chars += 1;
            continue;
        }
        if (c == '几' || c == '幾') && any_digit {
            approx_about = true;
            pending = Some(Pending {
                value: 0.0,
                place: 1.0,
                abbrev_unit: None,
                arabic: false,
            });
            p += n;
            end = p;
            chars += 1;
            continue;
        }
        if (c == '余' || c == '多') && any_digit && seq_len <= 1 {
            // Only before a multiplier: `十余万`; `四百多` stays 四百.
            let r = skip_spaces(text, q + n);
            if at(text, r).is_some_and(|(b, _)| big_unit_of(b).is_some()) {
                approx_over = true;
                p = r;
                continue;
            }
            break;
        }
        break;
    }
    if end == body_start {
        return None;
    }
    // A decimal fraction: `点五`, `點 三三`.
    let mut int_value;
    let mut place;
    let pending_arabic = pending.as_ref().is_some_and(|pd| pd.arabic);
    match pending.take() {
        Some(pd) => {
            let (v, pl) = match pd.abbrev_unit {
                Some(u) if u >= 100.0 && seq_len <= 1 => (pd.value * u / 10.0, u / 10.0),
                _ => (pd.value, pd.place),
            };
            int_value = total + section + v;
            place = pl;
        }
        None => {
            int_value = total + section;
            place = if section > 0.0 {
                section_place
            } else {
                total_place
            };
        }
    }
    let mut decimal = false;
    if seq_len <= 1 && !pending_arabic {
        let q = skip_spaces(text, end);
        if let Some((c, n)) = at(text, q) {
            if c == '点' || c == '點' {
                let mut r = skip_spaces(text, q + n);
                let mut digits: u64 = 0;
                let mut k = 0i32;
                while let Some((d, m)) = at(text, r) {
                    match digit_of(d) {
                        Some(v) if !matches!(d, '两' | '兩' | '倆' | '俩') => {
                            if k < 18 {
                                digits = digits * 10 + u64::from(v);
                                k += 1;
                            }
                            r += m;
                        }
                        _ => break,
                    }
                }
                if k > 0 {
                    decimal = true;
                    let scale = 10f64.powi(-k);
                    let whole = int_value;
                    // Exact when the whole part is an integer: one rounding.
                    int_value = (whole * 10f64.powi(k) + digits as f64) / 10f64.powi(k);
                    if !int_value.is_finite() {
                        int_value = whole + digits as f64 * scale;
                    }
                    place = scale;
                    end = r;
                    chars += k as usize + 1;
                    // `三点五亿`
                    if !any_big {
                        let s = skip_spaces(text, end);
                        if let Some((b, m)) = at(text, s) {
                            if let Some(bv) = big_unit_of(b) {
                                int_value *= bv;
                                place *= bv;
                                end = s + m;
                                let s2 = skip_spaces(text, end);
                                if let Some((b2, m2)) = at(text, s2) {
                                    if let Some(bv2) = big_unit_of(b2) {
                                        if bv2 >= bv {
                                            int_value *= bv2;
                                            place *= bv2;
                                            end = s2 + m2;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    let shape = if seq_len > 1 {
        Shape::Sequence(seq_len)
    } else if bare_start && !any_digit_besides_units(text, body_start, end) {
        Shape::BareUnit
    } else {
        Shape::Regular
    };
    let value = if let Shape::Sequence(_) = shape {
        seq_val
    } else {
        int_value
    };
    Some(Parsed::Num(Num {
        value: if neg { -value } else { value },
        precision: 0.5 * place,
        end,
        shape,
        approx_over,
        approx_about,
        decimal,
        single_char: chars == 1 && !neg,
        plain_arabic: plain_arabic && text.is_char_boundary(pos) && text[pos..end].is_ascii(),
    }))
}

/// True when `[start, end)` holds a digit (Chinese or Arabic), not only units.
fn any_digit_besides_units(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end).is_some_and(|s| {
        s.chars()
            .map(fold)
            .any(|c| c.is_ascii_digit() || digit_of(c).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<f64> {
        match parse(s, 0)? {
            Parsed::Num(n) if n.end == s.len() => Some(n.value),
            _ => None,
        }
    }

    #[test]
    fn reads_every_form() {
        let cases: &[(&str, f64)] = &[
            ("两千三百五", 2350.0),
            ("一百五十二", 152.0),
            ("壹佰伍拾", 150.0),
            ("肆佰陸拾", 460.0),
            ("一千零一", 1001.0),
            ("五亿零六", 500000006.0),
            ("四万万", 4e8),
            ("五兆六十二亿四万五千二", 5006200045200.0),
            (
                "四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二",
                4569831148725382.0,
            ),
            ("一万五千亿", 1.5e12),
            ("5万4千6百", 54600.0),
            ("1,100.9亿", 110090000000.0),
            ("2千零30万", 20300000.0),
            ("一百零十万", 1100000.0),
            ("零十", 10.0),
            ("十", 10.0),
            ("百三", 130.0),
            ("九十二万四", 924000.0),
            ("一万二百五十", 10250.0),
            ("两千三点一", 2300.1),
            ("四百亿点零五零", 40000000000.05),
            ("十 余 万", 100000.0),
            ("一百零几万", 1e6),
            ("三千 八百 九十六 万 四千 九百 六十五", 38964965.0),
            ("负三十二", -32.0),
            ("１１.92亿", 1192000000.0),
            ("２.７８９０e－１", 0.2789),
            ("4.78万亿", 4.78e12),
            ("三点五亿", 3.5e8),
        ];
        for (s, v) in cases {
            let got = value(s).unwrap_or(f64::NAN);
            assert!((got - v).abs() <= v.abs() * 1e-12, "{s}: {got} != {v}");
        }
    }

    #[test]
    fn precision_follows_the_last_digit() {
        let Some(Parsed::Num(n)) = parse("43亿", 0) else {
            panic!()
        };
        assert_eq!(n.precision, 0.5e8);
        let Some(Parsed::Num(n)) = parse("5.55万亿", 0) else {
            panic!()
        };
        assert!((n.precision - 5e9).abs() < 1.0);
    }

    #[test]
    fn digit_runs_are_not_counts() {
        assert!(matches!(parse("二三十", 0), Some(Parsed::Reject(_))));
        let Some(Parsed::Num(n)) = parse("五五", 0) else {
            panic!()
        };
        assert_eq!(n.shape, Shape::Sequence(2));
        assert_eq!(n.value, 55.0);
    }
}
