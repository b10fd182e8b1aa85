//! The cache's encoding of one document's claims.
//!
//! Claims were stored with serde and bincode, field by field, each
//! interned name written out in full in every claim: about 600
//! instructions a claim, 3% of a cold run. Here a record lists the
//! document's distinct names once and each claim refers to them by number,
//! integers are LEB128, and the small enums are one byte each (their
//! declaration order, see [`enum_codes`]).
//!
//! Decoding checks everything it reads: a damaged record is an error (the
//! document is then analyzed again), never a panic or a wrong claim.

use crosscheck_numbers::{Approx, Basis, CalendarDate, Granularity, Period, QuantityKind};
use crosscheck_reconcile::{Claim, How, Sym};

/// Encodes `claims` onto the end of `out`.
pub(crate) fn encode(claims: &[Claim], out: &mut Vec<u8>) {
    // The distinct names, in order of first use; a document names a few
    // dozen, so a linear search beats hashing.
    let mut names: Vec<Sym> = Vec::new();
    let mut number = |s: Sym| -> u64 {
        match names.iter().position(|n| *n == s) {
            Some(i) => i as u64,
            None => {
                names.push(s);
                (names.len() - 1) as u64
            }
        }
    };
    let mut body = Vec::with_capacity(claims.len() * 64);
    put_uint(&mut body, claims.len() as u64);
    for c in claims {
        for n in [c.doc, c.start, c.end, c.sentence_start, c.sentence_end] {
            put_uint(&mut body, u64::from(n));
        }
        put_uint(&mut body, u64::from(c.line));
        put_uint(&mut body, u64::from(c.sum_group));
        for s in [c.subject, c.subject_tail, c.metric, c.scope, c.unit] {
            put_uint(&mut body, number(s));
        }
        body.extend_from_slice(&[
            c.kind as u8,
            c.approx as u8,
            c.basis.map_or(0, |b| b as u8 + 1),
            c.subject_how as u8,
            c.metric_how as u8,
            c.period_how as u8,
            c.flags,
            u8::from(c.change) | u8::from(c.inline_share) << 1 | u8::from(c.period.is_some()) << 2,
        ]);
        if let Some(p) = &c.period {
            put_date(&mut body, &p.start);
            put_date(&mut body, &p.end);
            body.push(p.granularity as u8 | u8::from(p.cumulative) << 4 | u8::from(p.fiscal) << 5);
        }
        for f in [c.value, c.lo, c.hi] {
            body.extend_from_slice(&f.to_le_bytes());
        }
        body.extend_from_slice(&c.precision.to_le_bytes());
    }
    put_uint(out, names.len() as u64);
    for n in &names {
        let s = n.as_str();
        put_uint(out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }
    out.extend_from_slice(&body);
}

/// The claims [`encode`] wrote to `bytes` (all of them: trailing bytes are
/// an error too).
pub(crate) fn decode(bytes: &[u8]) -> Result<Vec<Claim>, String> {
    let mut r = Reader { bytes, at: 0 };
    let name_count = r.len()?;
    let mut names = Vec::with_capacity(name_count);
    for _ in 0..name_count {
        let len = r.len()?;
        let raw = r.take(len)?;
        let s = std::str::from_utf8(raw).map_err(|_| "a name is not UTF-8")?;
        names.push(Sym::new(s));
    }
    let name = |i: u64| -> Result<Sym, String> {
        usize::try_from(i)
            .ok()
            .and_then(|i| names.get(i).copied())
            .ok_or_else(|| "a name number out of range".to_string())
    };
    let count = r.len()?;
    let mut claims = Vec::with_capacity(count);
    for _ in 0..count {
        let mut ints = [0u32; 7];
        for n in &mut ints {
            *n = r.u32()?;
        }
        let [doc, start, end, sentence_start, sentence_end, line, sum_group] = ints;
        let (subject, subject_tail, metric, scope, unit) = (
            name(r.uint()?)?,
            name(r.uint()?)?,
            name(r.uint()?)?,
            name(r.uint()?)?,
            name(r.uint()?)?,
        );
        let b = r.take(8)?;
        let kind = coded(enum_codes::KINDS, b[0]).ok_or("unknown kind")?;
        let approx = coded(enum_codes::APPROXES, b[1]).ok_or("unknown approximation")?;
        let basis = match b[2] {
            0 => None,
            n => Some(coded(enum_codes::BASES, n - 1).ok_or("unknown basis")?),
        };
        let how = |i: usize| coded(enum_codes::HOWS, b[i]).ok_or("unknown how");
        let (subject_how, metric_how, period_how) = (how(3)?, how(4)?, how(5)?);
        let (flags, bits) = (b[6], b[7]);
        if bits >> 3 != 0 {
            return Err("unknown claim bits".into());
        }
        let period = if bits & 4 != 0 {
            let (start, end) = (r.date()?, r.date()?);
            let p = r.take(1)?[0];
            if p >> 6 != 0 {
                return Err("unknown period bits".into());
            }
            Some(Period {
                start,
                end,
                granularity: coded(enum_codes::GRANULARITIES, p & 0xf)
                    .ok_or("unknown granularity")?,
                cumulative: p & 0x10 != 0,
                fiscal: p & 0x20 != 0,
            })
        } else {
            None
        };
        let [value, lo, hi] = [r.f64()?, r.f64()?, r.f64()?];
        let precision = f32::from_le_bytes(r.array()?);
        claims.push(Claim {
            doc,
            start,
            end,
            sentence_start,
            sentence_end,
            line,
            subject,
            subject_tail,
            metric,
            scope,
            unit,
            period,
            kind,
            approx,
            change: bits & 1 != 0,
            basis,
            value,
            lo,
            hi,
            precision,
            subject_how,
            metric_how,
            period_how,
            flags,
            sum_group,
            inline_share: bits & 2 != 0,
        });
    }
    if r.at != bytes.len() {
        return Err("trailing bytes".into());
    }
    Ok(claims)
}

/// Each one-byte enum's variants, listed in declaration order, so that a
/// variant's byte is `variant as u8` and its index here. A test checks the
/// lists against the casts; a variant added later decodes as an error (and
/// is analyzed again) until it is listed.
mod enum_codes {
    use super::*;

    pub(super) const KINDS: &[QuantityKind] = &[
        QuantityKind::Money,
        QuantityKind::Percent,
        QuantityKind::Count,
        QuantityKind::Measure,
        QuantityKind::Multiplier,
        QuantityKind::Fraction,
        QuantityKind::Ordinal,
        QuantityKind::Number,
        QuantityKind::Date,
    ];
    pub(super) const APPROXES: &[Approx] =
        &[Approx::Exact, Approx::Over, Approx::Under, Approx::About];
    pub(super) const BASES: &[Basis] = &[
        Basis::YearOnYear,
        Basis::MonthOnMonth,
        Basis::QuarterOnQuarter,
    ];
    pub(super) const GRANULARITIES: &[Granularity] = &[
        Granularity::Year,
        Granularity::Quarter,
        Granularity::Month,
        Granularity::Day,
    ];
    pub(super) const HOWS: &[How] = &[
        How::Possessive,
        How::Preposition,
        How::List,
        How::Clause,
        How::Sentence,
        How::Anaphora,
        How::Dated,
        How::Context,
        How::Document,
        How::Missing,
    ];
}

/// The variant whose byte is `byte`, from one of [`enum_codes`]' lists.
fn coded<T: Copy>(all: &[T], byte: u8) -> Option<T> {
    all.get(usize::from(byte)).copied()
}

fn put_uint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_date(out: &mut Vec<u8>, d: &CalendarDate) {
    // Zigzag, so that a (never seen, but representable) negative year stays short.
    put_uint(out, u64::from(((d.year << 1) ^ (d.year >> 31)) as u32));
    out.extend_from_slice(&[d.month, d.day]);
}

/// Reads a record front to back; every read is checked.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or("record cut short")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn uint(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("integer too long".into())
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.uint()?).map_err(|_| "integer out of range".into())
    }

    /// A count of things that each take at least a byte: never more than
    /// the bytes left, so a damaged count cannot ask for a huge allocation.
    fn len(&mut self) -> Result<usize, String> {
        usize::try_from(self.uint()?)
            .ok()
            .filter(|&n| n <= self.bytes.len() - self.at)
            .ok_or_else(|| "count larger than the record".to_string())
    }

    fn f64(&mut self) -> Result<f64, String> {
        Ok(f64::from_le_bytes(self.array()?))
    }

    fn date(&mut self) -> Result<CalendarDate, String> {
        let z = self.u32()?;
        let year = ((z >> 1) as i32) ^ -((z & 1) as i32);
        let [month, day] = self.array()?;
        Ok(CalendarDate { year, month, day })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_reconcile::{extract_claims, DocView};
    use proptest::prelude::*;

    /// Claims of the bundled fixtures (every enum and option the claims
    /// stage produces on real text), plus edge values no text gives.
    fn sample_claims() -> &'static [Claim] {
        static SAMPLE: std::sync::OnceLock<Vec<Claim>> = std::sync::OnceLock::new();
        SAMPLE.get_or_init(read_sample_claims)
    }

    fn read_sample_claims() -> Vec<Claim> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let mut claims = Vec::new();
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for path in names {
            if let Ok(text) = std::fs::read_to_string(&path) {
                claims.extend(extract_claims(&DocView::analyze(0, &text)));
            }
        }
        assert!(claims.len() > 50, "the fixtures give claims");
        let mut odd = claims[0].clone();
        odd.doc = u32::MAX;
        odd.start = u32::MAX - 1;
        odd.line = 0;
        odd.value = f64::NAN;
        odd.lo = f64::NEG_INFINITY;
        odd.hi = f64::INFINITY;
        odd.precision = f32::MIN_POSITIVE;
        odd.flags = u8::MAX;
        odd.subject = Sym::new("Ünïcode 公司 name");
        odd.period = Some(Period {
            start: CalendarDate {
                year: i32::MIN,
                month: 0,
                day: 255,
            },
            end: CalendarDate {
                year: i32::MAX,
                month: 13,
                day: 0,
            },
            granularity: Granularity::Day,
            cumulative: true,
            fiscal: true,
        });
        odd.basis = Some(Basis::QuarterOnQuarter);
        claims.push(odd);
        claims
    }

    /// Equal claims print equal (Debug prints floats exactly, NaN too).
    fn same(a: &[Claim], b: &[Claim]) -> bool {
        format!("{a:?}") == format!("{b:?}")
    }

    #[test]
    fn claims_come_back_as_they_went_in() {
        let claims = sample_claims();
        let mut bytes = Vec::new();
        encode(claims, &mut bytes);
        let back = decode(&bytes).unwrap();
        assert!(same(claims, &back));
        let mut empty = Vec::new();
        encode(&[], &mut empty);
        assert!(decode(&empty).unwrap().is_empty());
    }

    #[test]
    fn damaged_records_are_errors() {
        let claims = sample_claims();
        let mut bytes = Vec::new();
        encode(claims, &mut bytes);
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
    }

    #[test]
    fn enum_lists_follow_declaration_order() {
        for (i, v) in enum_codes::KINDS.iter().enumerate() {
            assert_eq!(*v as usize, i);
        }
        for (i, v) in enum_codes::APPROXES.iter().enumerate() {
            assert_eq!(*v as usize, i);
        }
        for (i, v) in enum_codes::BASES.iter().enumerate() {
            assert_eq!(*v as usize, i);
        }
        for (i, v) in enum_codes::GRANULARITIES.iter().enumerate() {
            assert_eq!(*v as usize, i);
        }
        for (i, v) in enum_codes::HOWS.iter().enumerate() {
            assert_eq!(*v as usize, i);
        }
    }

    proptest! {
        #[test]
        fn any_bytes_decode_or_fail_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn a_flipped_byte_never_panics(at in any::<prop::sample::Index>(), bit in 0..8u8) {
            let claims = sample_claims();
            let mut bytes = Vec::new();
            encode(&claims[..claims.len().min(20)], &mut bytes);
            let i = at.index(bytes.len());
            bytes[i] ^= 1 << bit;
            if let Ok(back) = decode(&bytes) {
                // What still decodes re-encodes to the same bytes.
                let mut again = Vec::new();
                encode(&back, &mut again);
                prop_assert_eq!(decode(&again).map(|c| c.len()).ok(), Some(back.len()));
            }
        }
    }
}
