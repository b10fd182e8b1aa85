//! The English number vocabulary: cardinals, ordinals, scales, fractions.

/// What a number word is. Keys are lower-case ASCII.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Wc {
    /// zero … ninety (0–9 units, 10–19 teens, 20–90 tens).
    Card(u8),
    /// hundred.
    Hundred,
    /// thousand, million, billion, trillion, lakh, crore.
    Scale(f64),
    /// An ordinal word: its cardinal meaning and whether plural (`fifths`).
    Ord(OrdW, bool),
    /// half / halves.
    Half(bool),
    /// quarter / quarters.
    Quarter(bool),
    /// dozen(s), dz, doz.
    Dozen,
}

/// The cardinal an ordinal word stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum OrdW {
    /// first … ninetieth.
    Card(u8),
    /// hundredth.
    Hundred,
    /// thousandth, millionth …
    Scale(f64),
}

/// Looks up a lower-case word.
pub(super) fn word_class(w: &[u8]) -> Option<Wc> {
    use Wc::*;
    Some(match w {
        b"zero" | b"nought" | b"naught" | b"nil" => Card(0),
        b"one" => Card(1),
        b"two" => Card(2),
        b"three" => Card(3),
        b"four" => Card(4),
        b"five" => Card(5),
        b"six" => Card(6),
        b"seven" => Card(7),
        b"eight" => Card(8),
        b"nine" => Card(9),
        b"ten" => Card(10),
        b"eleven" => Card(11),
        b"twelve" => Card(12),
        b"thirteen" => Card(13),
        b"fourteen" => Card(14),
        b"fifteen" => Card(15),
        b"sixteen" => Card(16),
        b"seventeen" => Card(17),
        b"eighteen" => Card(18),
        b"nineteen" => Card(19),
        b"twenty" => Card(20),
        b"thirty" => Card(30),
        b"forty" | b"fourty" => Card(40),
        b"fifty" => Card(50),
        b"sixty" => Card(60),
        b"seventy" => Card(70),
        b"eighty" => Card(80),
        b"ninety" => Card(90),
        b"hundred" | b"hundreds" => Hundred,
        b"thousand" | b"thousands" => Scale(1e3),
        b"million" | b"millions" => Scale(1e6),
        b"billion" | b"billions" => Scale(1e9),
        b"trillion" | b"trillions" => Scale(1e12),
        b"lakh" | b"lakhs" | b"lac" => Scale(1e5),
        b"crore" | b"crores" => Scale(1e7),
        b"dozen" | b"dozens" | b"dz" | b"dzs" | b"doz" | b"dozs" => Dozen,
        b"half" => Half(false),
        b"halves" => Half(true),
        b"quarter" => Quarter(false),
        b"quarters" => Quarter(true),
        _ => return ord_class(w),
    })
}

fn ord_class(w: &[u8]) -> Option<Wc> {
    // `seconds` are time, never a denominator.
    let (stem, plural) = match w.strip_suffix(b"s") {
        Some(s) if s.ends_with(b"th") || s.ends_with(b"rd") || s.ends_with(b"st") => (s, true),
        _ => (w, false),
    };
    let o = match stem {
        b"first" => OrdW::Card(1),
        b"second" => OrdW::Card(2),
        b"third" => OrdW::Card(3),
        b"fourth" => OrdW::Card(4),
        b"fifth" => OrdW::Card(5),
        b"sixth" => OrdW::Card(6),
        b"seventh" => OrdW::Card(7),
        b"eighth" => OrdW::Card(8),
        b"ninth" | b"nineth" => OrdW::Card(9),
        b"tenth" => OrdW::Card(10),
        b"eleventh" => OrdW::Card(11),
        b"twelfth" => OrdW::Card(12),
        b"thirteenth" => OrdW::Card(13),
        b"fourteenth" => OrdW::Card(14),
        b"fifteenth" => OrdW::Card(15),
        b"sixteenth" => OrdW::Card(16),
        b"seventeenth" => OrdW::Card(17),
        b"eighteenth" => OrdW::Card(18),
        b"nineteenth" => OrdW::Card(19),
        b"twentieth" => OrdW::Card(20),
        b"thirtieth" => OrdW::Card(30),
        b"fortieth" => OrdW::Card(40),
        b"fiftieth" => OrdW::Card(50),
        b"sixtieth" => OrdW::Card(60),
        b"seventieth" => OrdW::Card(70),
        b"eightieth" => OrdW::Card(80),
        b"ninetieth" => OrdW::Card(90),
        b"hundredth" => OrdW::Hundred,
        b"thousandth" => OrdW::Scale(1e3),
        b"millionth" => OrdW::Scale(1e6),
        b"billionth" => OrdW::Scale(1e9),
        b"trillionth" => OrdW::Scale(1e12),
        _ => return None,
    };
    Some(Wc::Ord(o, plural))
}

/// Scale written after digits, glued or spaced: `43bn`, `2.5k`, `10 bln`.
/// `glued` is true when no space separates it from the digits. Case
/// matters for the one-letter forms: `10M` is ten million, `10m` is ten
/// metres (decided by the caller).
pub(super) fn digit_scale(w: &[u8], glued: bool) -> Option<f64> {
    Some(match w {
        b"k" | b"K" | b"thou" => 1e3,
        b"M" | b"MM" | b"mn" | b"mln" | b"mil" | b"mio" | b"Mn" | b"Mln" => 1e6,
        b"b" | b"B" | b"bn" | b"bln" | b"Bn" | b"bil" => 1e9,
        b"tn" | b"tln" | b"trn" | b"Tn" => 1e12,
        b"G" if !glued => 1e9,
        _ => return None,
    })
}

/// `a` or `an`.
pub(super) fn is_article(w: &[u8]) -> bool {
    w.eq_ignore_ascii_case(b"a") || w.eq_ignore_ascii_case(b"an")
}
