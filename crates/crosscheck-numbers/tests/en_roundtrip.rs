//! A number rendered in several written forms reads back as the same value.

use crosscheck_numbers::{recognize, QuantityKind};
use proptest::prelude::*;

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn below_thousand(n: u64, and: bool) -> String {
    let (h, r) = (n / 100, n % 100);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{} hundred", UNITS[h as usize]));
    }
    if r > 0 {
        if h > 0 && and {
            parts.push("and".to_string());
        }
        parts.push(if r < 20 {
            UNITS[r as usize].to_string()
        } else if r % 10 == 0 {
            TENS[(r / 10) as usize].to_string()
        } else {
            format!("{}-{}", TENS[(r / 10) as usize], UNITS[(r % 10) as usize])
        });
    }
    parts.join(" ")
}

fn words(n: u64, and: bool) -> String {
    if n == 0 {
        return "zero".into();
    }
    let scales = [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ];
    let mut rest = n;
    let mut parts = Vec::new();
    for (s, name) in scales {
        if rest >= s {
            parts.push(format!("{} {name}", below_thousand(rest / s, and)));
            rest %= s;
        }
    }
    if rest > 0 {
        parts.push(below_thousand(rest, and));
    }
    parts.join(" ")
}

fn commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn read_one(text: &str) -> f64 {
    let found: Vec<_> = recognize(text)
        .into_iter()
        .filter(|q| q.kind != QuantityKind::Date)
        .collect();
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0].value.unwrap_or(f64::NAN)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn digits_with_commas(n in 0u64..10_000_000_000) {
        let text = format!("The figure was {} last month.", commas(n));
        prop_assert_eq!(read_one(&text), n as f64);
    }

    #[test]
    fn spelled_out(n in 0u64..1_000_000_000_000, and in any::<bool>()) {
        let text = format!("They counted {} in all.", words(n, and));
        prop_assert_eq!(read_one(&text), n as f64);
    }

    #[test]
    fn scaled(whole in 1u64..1000, tenths in 0u64..1000, scale in 0usize..3) {
        let (name, mult) = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9)][scale];
        let text = format!("It was {whole}.{tenths:03} {name} in total.");
        let want = (whole as f64 + tenths as f64 / 1000.0) * mult;
        let got = read_one(&text);
        prop_assert!((got - want).abs() <= 1e-9 * want, "{} -> {}", text, got);
    }
}
