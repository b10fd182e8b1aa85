//! Chinese figures: Arabic or Chinese numerals with 万/亿 and 元.

use crate::quantity::{Quantity, QuantityKind};
use crosscheck_text::{Span, Token, TokenKind};

fn digit_value(c: char) -> Option<u32> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
}

/// Finds Chinese figures: a number followed by 万 or 亿, with 元 for money.
pub(crate) fn scan(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let s = t.text(text);
        let value = if t.kind == TokenKind::Number {
            s.replace(',', "").parse::<f64>().ok()
        } else {
            s.chars().next().and_then(digit_value).map(f64::from)
        };
        let Some(mut value) = value else {
            i += 1;
            continue;
        };
        let mut end = t.span.end;
        let mut j = i + 1;
        let mut kind = QuantityKind::Number;
        let mut unit = None;
        let mut is_chinese = false;
        while let Some(next) = tokens.get(j) {
            match next.text(text) {
                "万" => value *= 1e4,
                "亿" => value *= 1e8,
                "元" => {
                    kind = QuantityKind::Money;
                    unit = Some("CNY".to_string());
                }
                _ => break,
            }
            is_chinese = true;
            end = next.span.end;
            j += 1;
        }
        if is_chinese {
            let mut q = Quantity::new(Span::new(t.span.start, end), kind, Some(value));
            q.unit = unit;
            out.push(q);
        }
        i = j;
    }
    out
}
