//! Table-driven tests of the Chinese scanner.

use crate::{recognize, QuantityKind};

/// (input, figure text, kind, value, unit)
const CASES: &[(&str, &str, QuantityKind, f64, Option<&str>)] = &[
    (
        "浙江新能源汽车出口43亿元",
        "43亿元",
        QuantityKind::Money,
        4.3e9,
        Some("CNY"),
    ),
    (
        "进出口总值5.55万亿元",
        "5.55万亿元",
        QuantityKind::Money,
        5.55e12,
        Some("CNY"),
    ),
    (
        "产量1.2万辆",
        "1.2万辆",
        QuantityKind::Count,
        1.2e4,
        Some("vehicle"),
    ),
    (
        "同比增长百分之七十七点五",
        "百分之七十七点五",
        QuantityKind::Percent,
        77.5,
        Some("%"),
    ),
    (
        "市场份额约三成",
        "三成",
        QuantityKind::Percent,
        30.0,
        Some("%"),
    ),
    (
        "提高了六个百分点",
        "六个百分点",
        QuantityKind::Percent,
        6.0,
        Some("pp"),
    ),
    (
        "兑换１．０７５３美元",
        "１．０７５３美元",
        QuantityKind::Money,
        1.0753,
        Some("USD"),
    ),
    ("全场9.9折", "9.9折", QuantityKind::Percent, 99.0, Some("%")),
    (
        "七成 六的人",
        "七成 六",
        QuantityKind::Percent,
        76.0,
        Some("%"),
    ),
    ("今天打对折", "对折", QuantityKind::Percent, 50.0, Some("%")),
    (
        "费率为万分之三",
        "万分之三",
        QuantityKind::Percent,
        0.03,
        Some("%"),
    ),
    (
        "约三分之一",
        "三分之一",
        QuantityKind::Fraction,
        1.0 / 3.0,
        None,
    ),
    (
        "四十九兆九千五百九十二億元",
        "四十九兆九千五百九十二億元",
        QuantityKind::Money,
        49959200000000.0,
        Some("CNY"),
    ),
    (
        "这个手机壳五元三毛",
        "五元三毛",
        QuantityKind::Money,
        5.3,
        Some("CNY"),
    ),
    (
        "每股1.95港元",
        "1.95港元",
        QuantityKind::Money,
        1.95,
        Some("HKD"),
    ),
    (
        "另需1万亿日元",
        "1万亿日元",
        QuantityKind::Money,
        1e12,
        Some("JPY"),
    ),
    (
        "售价2万欧元",
        "2万欧元",
        QuantityKind::Money,
        2e4,
        Some("EUR"),
    ),
    (
        "约3亿英镑",
        "3亿英镑",
        QuantityKind::Money,
        3e8,
        Some("GBP"),
    ),
    (
        "人民币 8千元",
        "人民币 8千元",
        QuantityKind::Money,
        8000.0,
        Some("CNY"),
    ),
    (
        "8亿元人民币",
        "8亿元人民币",
        QuantityKind::Money,
        8e8,
        Some("CNY"),
    ),
    (
        "两千三百五",
        "两千三百五",
        QuantityKind::Number,
        2350.0,
        None,
    ),
    ("壹佰", "壹佰", QuantityKind::Number, 100.0, None),
    (
        "5万4千6百",
        "5万4千6百",
        QuantityKind::Number,
        54600.0,
        None,
    ),
    (
        "全省共有2500家外贸企业",
        "2500家",
        QuantityKind::Count,
        2500.0,
        Some("enterprise"),
    ),
    (
        "带动就业30万人",
        "30万人",
        QuantityKind::Count,
        3e5,
        Some("person"),
    ),
    (
        "港口吞吐8万吨",
        "8万吨",
        QuantityKind::Measure,
        8e4,
        Some("t"),
    ),
    (
        "储能500千瓦时",
        "500千瓦时",
        QuantityKind::Measure,
        500.0,
        Some("kWh"),
    ),
    (
        "装机1.2万千瓦",
        "1.2万千瓦",
        QuantityKind::Measure,
        1.2e4,
        Some("kW"),
    ),
    ("排名全国第三", "第三", QuantityKind::Ordinal, 3.0, None),
    ("比例为３／５", "３／５", QuantityKind::Fraction, 0.6, None),
    (
        "十一又十四分之一",
        "十一又十四分之一",
        QuantityKind::Fraction,
        11.0 + 1.0 / 14.0,
        None,
    ),
    (
        "千分之一的误差",
        "千分之一",
        QuantityKind::Percent,
        0.1,
        Some("%"),
    ),
    ("售价五十打", "五十打", QuantityKind::Number, 600.0, None),
    (
        "这台电脑两美元又三美分",
        "两美元又三美分",
        QuantityKind::Money,
        2.03,
        Some("USD"),
    ),
    (
        "50元6角三分",
        "50元6角三分",
        QuantityKind::Money,
        50.63,
        Some("CNY"),
    ),
    (
        "三成半的用户",
        "三成半",
        QuantityKind::Percent,
        35.0,
        Some("%"),
    ),
    (
        "三八折优惠",
        "三八折",
        QuantityKind::Percent,
        38.0,
        Some("%"),
    ),
    ("占全国的近一半", "一半", QuantityKind::Fraction, 0.5, None),
];

#[test]
fn chinese_figures() {
    for (input, text, kind, value, unit) in CASES {
        let found = recognize(input);
        let q = found
            .iter()
            .find(|q| &input[q.span.range()] == *text)
            .unwrap_or_else(|| panic!("{input}: no {text} in {found:?}"));
        assert_eq!(q.kind, *kind, "{input}");
        let v = q.value.unwrap_or(f64::NAN);
        assert!(
            (v - value).abs() <= value.abs() * 1e-9,
            "{input}: {v} != {value}"
        );
        assert_eq!(q.unit.as_deref(), *unit, "{input}");
    }
}

#[test]
fn words_with_numerals_are_not_figures() {
    for input in [
        "我家在四川",
        "一切都好",
        "这个人很放肆",
        "陆地上有许多动物",
        "万",
        "两两",
        "美味十足",
        "五角大楼宣布了作战计划",
        "一带一路沿线国家",
        "十四五规划期间",
        "双十一期间",
        "第一季度营收",
    ] {
        let found: Vec<_> = recognize(input)
            .into_iter()
            .filter(|q| q.kind != QuantityKind::Date)
            .collect();
        assert!(found.is_empty(), "{input}: {found:?}");
    }
}

#[test]
fn changes_and_bounds_from_chinese_words() {
    let text = "出口额同比增长77.5%，进口下降2.1%，超过1万辆";
    let found = recognize(text);
    let up = found.iter().find(|q| q.value == Some(77.5)).expect("77.5");
    assert!(up.change);
    assert_eq!(up.basis, Some(crate::Basis::YearOnYear));
    let down = found.iter().find(|q| q.value == Some(-2.1)).expect("-2.1");
    assert!(down.change);
    let over = found
        .iter()
        .find(|q| q.kind == QuantityKind::Count)
        .expect("count");
    assert_eq!(over.approx, crate::Approx::Over);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any mix of numerals, units, digits, signs and spaces: no panic, and
    /// every span lies on character boundaries.
    #[test]
    fn no_panic_on_numeral_soup(s in "[一二两三十百千万亿零点负分之个百分点成折元美块角毛０-９．，－％0-9., %k-]{0,40}") {
        for q in recognize(&s) {
            proptest::prop_assert!(s.get(q.span.range()).is_some());
        }
    }

    #[test]
    fn no_panic_on_any_text(s in "\\PC{0,60}") {
        for q in recognize(&s) {
            proptest::prop_assert!(s.get(q.span.range()).is_some());
        }
    }
}

/// Digits, small units and big units of one way of writing Chinese numerals.
struct Script {
    digits: [&'static str; 10],
    units: [&'static str; 3],
    bigs: [&'static str; 2],
}

const ORDINARY: Script = Script {
    digits: ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
    units: ["十", "百", "千"],
    bigs: ["万", "亿"],
};
const FINANCIAL: Script = Script {
    digits: ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"],
    units: ["拾", "佰", "仟"],
    bigs: ["万", "亿"],
};
const TRADITIONAL: Script = Script {
    digits: ["零", "一", "兩", "三", "四", "五", "六", "七", "八", "九"],
    units: ["十", "百", "千"],
    bigs: ["萬", "億"],
};

/// Writes `n` (< 10⁴) as a section: 二千零五十.
fn section(n: u64, s: &Script) -> String {
    let mut out = String::new();
    let mut zero = false;
    for (place, unit) in [(1000, Some(2)), (100, Some(1)), (10, Some(0)), (1, None)] {
        let d = (n / place % 10) as usize;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out += s.digits[0];
            zero = false;
        }
        out += s.digits[d];
        if let Some(u) = unit {
            out += s.units[u];
        }
    }
    out
}

/// Writes `0 < n < 10¹²` in Chinese numerals, `零` where a place is skipped.
fn chinese(n: u64, s: &Script) -> String {
    let (yi, wan, ge) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
    let mut out = String::new();
    if yi > 0 {
        out += &section(yi, s);
        out += s.bigs[1];
    }
    if wan > 0 {
        if yi > 0 && wan < 1000 {
            out += s.digits[0];
        }
        out += &section(wan, s);
        out += s.bigs[0];
    } else if yi > 0 && ge > 0 {
        out += s.digits[0];
    }
    if ge > 0 {
        if (yi > 0 || wan > 0) && ge < 1000 && !out.ends_with(s.digits[0]) {
            out += s.digits[0];
        }
        out += &section(ge, s);
    }
    out
}

fn value_of(text: &str) -> Option<f64> {
    let found = recognize(text);
    match found.as_slice() {
        [q] if q.span.start == 0 && q.span.end == text.len() => q.value,
        _ => None,
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// A number written in ordinary, financial or traditional numerals reads back.
    #[test]
    fn chinese_numerals_read_back(n in 1u64..1_000_000_000_000, script in 0usize..3) {
        let s = [&ORDINARY, &FINANCIAL, &TRADITIONAL][script];
        let text = chinese(n, s);
        proptest::prop_assert_eq!(value_of(&text), Some(n as f64), "{}", text);
    }

    /// `43亿元`, `5.55万亿元`, `１２万辆`: Arabic digits, full-width or not, with multipliers.
    #[test]
    fn arabic_with_multipliers_read_back(int in 1u64..10_000, dec in 0u64..100, big in 0usize..3, wide: bool) {
        let (word, mult) = [("万", 1e4), ("亿", 1e8), ("万亿", 1e12)][big];
        let mut figure = if dec > 0 { format!("{int}.{dec:02}") } else { int.to_string() };
        if wide {
            figure = figure
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                    '.' => '．',
                    _ => c,
                })
                .collect();
        }
        let text = format!("{figure}{word}元");
        let want = (int as f64 + dec as f64 / 100.0) * mult;
        let got = value_of(&text).unwrap_or(f64::NAN);
        proptest::prop_assert!((got - want).abs() <= want * 1e-12, "{}: {} != {}", text, got, want);
    }

    /// `百分之…` with a Chinese numeral reads back as a percentage.
    #[test]
    fn percent_read_back(n in 1u64..10_000, tenths in 0u64..10) {
        let mut text = format!("百分之{}", chinese(n, &ORDINARY));
        if tenths > 0 {
            text += "点";
            text += ORDINARY.digits[tenths as usize];
        }
        let want = n as f64 + tenths as f64 / 10.0;
        let got = value_of(&text).unwrap_or(f64::NAN);
        proptest::prop_assert!((got - want).abs() < 1e-9, "{}: {}", text, got);
    }
}

/// News-genre lines written for these tests, in the register of trade and
/// industry reports: every figure, with its kind, value and unit.
#[test]
fn chinese_news_lines() {
    type Row<'a> = (&'a str, QuantityKind, f64, Option<&'a str>);
    let lines: &[(&str, &[Row])] = &[
        (
            "前11个月，全省新能源汽车出口额达512.6亿元，同比增长63.2%，占全国的12.4%。",
            &[
                ("512.6亿元", QuantityKind::Money, 512.6e8, Some("CNY")),
                ("63.2%", QuantityKind::Percent, 63.2, Some("%")),
                ("12.4%", QuantityKind::Percent, 12.4, Some("%")),
            ],
        ),
        (
            "一季度港口完成集装箱吞吐量约1.08亿标准箱，较上年同期提高三个百分点。",
            &[
                ("1.08亿标准箱", QuantityKind::Measure, 1.08e8, Some("TEU")),
                ("三个百分点", QuantityKind::Percent, 3.0, Some("pp")),
            ],
        ),
        (
            "该集团全年销量突破两百万辆，海外市场贡献近三成。",
            &[
                ("两百万辆", QuantityKind::Count, 2e6, Some("vehicle")),
                ("三成", QuantityKind::Percent, 30.0, Some("%")),
            ],
        ),
        (
            "首批订单金额为4,200万美元，另有1.5亿欧元意向协议。",
            &[
                ("4,200万美元", QuantityKind::Money, 4.2e7, Some("USD")),
                ("1.5亿欧元", QuantityKind::Money, 1.5e8, Some("EUR")),
            ],
        ),
    ];
    for (line, rows) in lines {
        let found = recognize(line);
        for (text, kind, value, unit) in rows.iter() {
            let q = found
                .iter()
                .find(|q| &line[q.span.range()] == *text)
                .unwrap_or_else(|| panic!("{line}: no {text} in {found:?}"));
            assert_eq!(q.kind, *kind, "{text}");
            let v = q.value.unwrap_or(f64::NAN);
            assert!((v - value).abs() <= value.abs() * 1e-9, "{text}: {v}");
            assert_eq!(q.unit.as_deref(), *unit, "{text}");
        }
    }
    let found = recognize("出口额同比增长63.2%，近三成");
    let rate = found.iter().find(|q| q.value == Some(63.2)).expect("rate");
    assert!(rate.change);
    let share = found.iter().find(|q| q.value == Some(30.0)).expect("share");
    assert_eq!(share.approx, crate::Approx::About);
}

#[test]
fn overflowing_numerals_are_not_figures() {
    let text = "一".to_string() + &"兆".repeat(40);
    assert!(recognize(&text)
        .iter()
        .all(|q| q.value.is_none_or(f64::is_finite)));
}

proptest::proptest! {
    #[test]
    fn next_wide_agrees_with_a_byte_walk(
        b in proptest::collection::vec(proptest::prop_oneof![0u8..0x80, 0xC0u8..0xF8, proptest::prelude::any::<u8>()], 0..90),
        from in 0usize..90,
    ) {
        let from = from.min(b.len());
        let want = (from..b.len()).find(|&k| super::is_wide_lead(b[k]));
        proptest::prop_assert_eq!(super::next_wide(&b, from), want);
    }

    #[test]
    fn next_wide_given_the_first_agrees_with_next_wide(
        b in proptest::collection::vec(proptest::prop_oneof![0u8..0x80, 0xE3u8..0xF0, proptest::prelude::any::<u8>()], 0..90),
        from in 0usize..90,
    ) {
        let from = from.min(b.len());
        let first = super::next_wide(&b, 0);
        proptest::prop_assert_eq!(super::next_wide_given(&b, from, first), super::next_wide(&b, from));
    }
}
