use crate::quantity::{Approx, Basis, QuantityKind};
use crate::recognize;

fn one(text: &str) -> crate::Quantity {
    let found = recognize(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn money_and_percent() {
    let q = one("Exports reached 43 billion yuan.");
    assert_eq!(q.kind, QuantityKind::Money);
    assert_eq!(q.value, Some(43e9));
    assert_eq!(q.unit.as_deref(), Some("CNY"));
    assert_eq!(q.precision, Some(5e8));
    let q = one("up 49.9% year-on-year");
    assert_eq!(q.kind, QuantityKind::Percent);
    assert!(q.change);
    assert_eq!(q.basis, Some(Basis::YearOnYear));
    let q = one("more than 30 companies");
    assert_eq!(q.approx, Approx::Over);
    assert_eq!(q.range, Some((Some(30.0), None)));
}
