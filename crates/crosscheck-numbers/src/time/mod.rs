//! Time expressions: years, months, quarters, cumulative periods.

use crate::quantity::{Period, Quantity, QuantityKind};
use crate::Context;
use crosscheck_text::{Token, TokenKind};

/// True for a four-digit token that reads as a year (1900–2100).
pub(crate) fn is_year_token(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && matches!(s.parse::<u32>(), Ok(1900..=2100))
}

/// Finds time expressions.
pub(crate) fn scan(text: &str, tokens: &[Token], _context: &Context) -> Vec<Quantity> {
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number && is_year_token(t.text(text)))
        .map(|t| {
            let year: i32 = t.text(text).parse().unwrap_or_default();
            let mut q = Quantity::new(t.span, QuantityKind::Date, None);
            q.period = Some(Period::year(year));
            q
        })
        .collect()
}
