//! English figures: digits, scale words, currencies, percentages.

use crate::quantity::{Approx, Basis, Quantity, QuantityKind};
use crosscheck_text::{Span, Token, TokenKind};

fn scale_of(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "mn" | "m" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

fn currency_of(word: &str) -> Option<&'static str> {
    Some(match word {
        "$" | "US$" | "USD" | "dollars" | "dollar" => "USD",
        "€" | "EUR" | "euros" | "euro" => "EUR",
        "£" | "GBP" | "pounds" => "GBP",
        "RMB" | "CNY" | "yuan" | "Yuan" => "CNY",
        _ => return None,
    })
}

fn parse_digits(s: &str) -> Option<(f64, f64)> {
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    let v: f64 = clean.parse().ok()?;
    let decimals = clean.split_once('.').map_or(0, |(_, d)| d.len());
    Some((v, 0.5 * 10f64.powi(-(decimals as i32))))
}

/// A single left-to-right pass over the tokens.
pub(crate) fn scan(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    let words: Vec<(usize, &Token)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind != TokenKind::Space)
        .collect();
    let w = |i: usize| words.get(i).map(|(_, t)| t.text(text)).unwrap_or("");
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let tok = words[i].1;
        if tok.kind != TokenKind::Number {
            i += 1;
            continue;
        }
        let Some((mut value, mut precision)) = parse_digits(tok.text(text)) else {
            i += 1;
            continue;
        };
        let mut start = tok.span.start;
        let mut end = tok.span.end;
        let mut j = i + 1;
        let mut kind = QuantityKind::Number;
        let mut unit = None;
        if let Some(s) = scale_of(w(j)) {
            value *= s;
            precision *= s;
            end = words[j].1.span.end;
            j += 1;
        }
        if i > 0 {
            if let Some(c) = currency_of(w(i - 1)) {
                kind = QuantityKind::Money;
                unit = Some(c.to_string());
                start = words[i - 1].1.span.start;
            }
        }
        if w(j) == "%" || w(j) == "percent" || (w(j) == "per" && w(j + 1) == "cent") {
            kind = QuantityKind::Percent;
            unit = Some("%".into());
            end = words[if w(j) == "per" { j + 1 } else { j }].1.span.end;
            j += if w(j) == "per" { 2 } else { 1 };
        } else if unit.is_none() {
            if let Some(c) = currency_of(w(j)) {
                kind = QuantityKind::Money;
                unit = Some(c.to_string());
                end = words[j].1.span.end;
                j += 1;
            }
        }
        if crate::time::is_year_token(tok.text(text))
            && kind == QuantityKind::Number
            && end == tok.span.end
        {
            i += 1;
            continue;
        }
        let mut q = Quantity::new(Span::new(start, end), kind, Some(value));
        {
            q.unit = unit;
            q.precision = Some(precision);
            let before = if i > 0 {
                w(i - 1).to_ascii_lowercase()
            } else {
                String::new()
            };
            q.approx = match before.as_str() {
                "over" | "than" | "exceeded" | "surpassed" | "above" => Approx::Over,
                "under" | "below" => Approx::Under,
                "about" | "nearly" | "around" | "approximately" | "some" => Approx::About,
                _ => Approx::Exact,
            };
            if matches!(
                before.as_str(),
                "up" | "rose" | "grew" | "surging" | "surged" | "increased" | "by" | "of"
            ) {
                q.change = before != "of";
            }
            if matches!(before.as_str(), "down" | "fell" | "declined" | "dropped") {
                q.change = true;
                q.value = q.value.map(|v| -v);
            }
            if w(j) == "year-on-year" {
                q.basis = Some(Basis::YearOnYear);
                q.change = true;
            }
        }
        out.push(q);
        i = j;
    }
    out
}
