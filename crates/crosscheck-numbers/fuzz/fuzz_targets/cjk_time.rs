//! Text made of the pieces the Chinese and time scanners react to
//! (numerals, units, currencies, month names, date words, digits, signs,
//! spaces), one piece per input byte, so the fuzzer reaches deep into their
//! patterns. The recognizer must not panic or loop; spans lie on character
//! boundaries; values are finite; periods run forwards with valid months.
#![no_main]

use libfuzzer_sys::fuzz_target;

const PIECES: &[&str] = &[
    "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿",
    "兆", "壹", "贰", "肆", "陆", "拾", "佰", "仟", "萬", "億", "点", "點", "负", "分之", "又", "个",
    "百分点", "成", "折", "打", "对折", "半", "几", "余", "多", "元", "角", "毛", "分", "块", "美元",
    "人民币", "￥", "第", "年", "月", "日", "电", "季度", "前", "个月", "上半年", "今年", "去年",
    "上年", "截至", "底", "全年", "同比增长", "下降", "约", "超过", "０", "１", "９", "．", "，",
    "－", "％", "／", "0", "1", "2", "5", "9", "20", "2025", "1999", ".", ",", "-", "–", "/", "%",
    " ", "\n", "\n\n", "January", "May", "Jan.", "Sept", "Q", "H", "FY", "fiscal", "year", "the",
    "first", "third", "quarter", "half", "months", "of", "to", "and", "between", "by", "as", "end",
    "last", "this", "previous", "Published:", "BEIJING,", "(Wire) --", "st", "th", "k", "e",
];

fuzz_target!(|data: &[u8]| {
    let mut text = String::new();
    for &b in data.iter().skip(1) {
        text.push_str(PIECES[usize::from(b) % PIECES.len()]);
    }
    let as_of = data
        .first()
        .filter(|b| **b % 2 == 1)
        .map(|b| (2000 + i32::from(*b / 2), 1 + *b % 12, 1 + *b % 28));
    let tokens = crosscheck_text::tokenize(&text);
    let recognizer = crosscheck_numbers::Recognizer::new(crosscheck_numbers::Context {
        as_of,
        ..Default::default()
    });
    for q in recognizer.recognize(&text, &tokens) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        if let Some(v) = q.value {
            assert!(v.is_finite(), "value {v} for {:?}", &text[q.span.range()]);
        }
        if let Some(p) = q.period {
            assert!(p.start <= p.end, "{p:?}");
            assert!((1..=12).contains(&p.start.month) && (1..=12).contains(&p.end.month), "{p:?}");
        }
    }
});
