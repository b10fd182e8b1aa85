//! Currencies, measure units and the words around figures.

/// A currency written after a figure or before it, by its lower-case word.
/// Returns the ISO 4217 code, or a minor unit's name (`cent`) whose amount
/// stays as written.
pub(super) fn currency_word(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"dollar" | b"dollars" | b"usd" | b"buck" | b"bucks" => "USD",
        b"euro" | b"euros" | b"eur" => "EUR",
        b"pound" | b"pounds" | b"gbp" | b"sterling" | b"quid" => "GBP",
        b"yuan" | b"rmb" | b"cny" | b"renminbi" | b"kuai" => "CNY",
        b"yen" | b"jpy" => "JPY",
        b"rupee" | b"rupees" | b"inr" => "INR",
        b"franc" | b"francs" | b"chf" => "CHF",
        b"peseta" | b"pesetas" => "ESP",
        b"markka" | b"markkaa" => "FIM",
        b"guilder" | b"guilders" => "NLG",
        b"rouble" | b"roubles" | b"ruble" | b"rubles" | b"rub" => "RUB",
        b"lira" | b"liras" | b"lire" => "TRY",
        b"rupiah" | b"idr" => "IDR",
        b"ringgit" | b"myr" => "MYR",
        b"baht" | b"thb" => "THB",
        b"dong" | b"vnd" => "VND",
        b"peso" | b"pesos" => "MXN",
        b"rand" | b"zar" => "ZAR",
        // English news writes Sweden's, Denmark's, Norway's and the Czech
        // Republic's currencies alike as crowns; alone, the Swedish one
        // (an adjective before says which otherwise).
        b"krona" | b"kronor" | b"sek" | b"crown" | b"crowns" => "SEK",
        b"krone" | b"kroner" | b"nok" => "NOK",
        b"koruna" | b"korunas" | b"korun" | b"czk" => "CZK",
        b"forint" | b"forints" | b"huf" => "HUF",
        b"dkk" => "DKK",
        b"zloty" | b"zlotys" | b"pln" => "PLN",
        b"dirham" | b"dirhams" | b"aed" => "AED",
        b"riyal" | b"riyals" | b"sar" => "SAR",
        b"naira" | b"ngn" => "NGN",
        b"shekel" | b"shekels" | b"ils" => "ILS",
        b"real" | b"reais" | b"brl" => "BRL",
        b"bitcoin" | b"bitcoins" | b"btc" => "BTC",
        b"cad" => "CAD",
        b"aud" => "AUD",
        b"hkd" => "HKD",
        b"sgd" => "SGD",
        b"nzd" => "NZD",
        b"mxn" => "MXN",
        b"krw" | b"won" => "KRW",
        b"twd" => "TWD",
        b"cent" | b"cents" => "cent",
        b"pence" | b"penny" | b"pennies" | b"p" => "penny",
        b"satoshi" | b"satoshis" => "satoshi",
        b"sen" => "sen",
        _ => return None,
    })
}

/// Words that name a currency only together with the word before:
/// `Australian dollars`, `Swiss francs`, `Chinese yuan`, `US dollar`:
/// (adjective, what the currency word names alone, what both name).
const CURRENCY_ADJECTIVES: &[(&[u8], &str, &str)] = &[
    (b"us", "USD", "USD"),
    (b"american", "USD", "USD"),
    (b"australian", "USD", "AUD"),
    (b"canadian", "USD", "CAD"),
    (b"singapore", "USD", "SGD"),
    (b"taiwan", "USD", "TWD"),
    (b"taiwanese", "USD", "TWD"),
    (b"zealand", "USD", "NZD"),
    (b"kong", "USD", "HKD"),
    (b"swiss", "CHF", "CHF"),
    (b"french", "CHF", "FRF"),
    (b"belgian", "CHF", "BEF"),
    (b"chinese", "CNY", "CNY"),
    (b"japanese", "JPY", "JPY"),
    (b"indian", "INR", "INR"),
    (b"pakistani", "INR", "PKR"),
    (b"turkish", "TRY", "TRY"),
    (b"mexican", "MXN", "MXN"),
    (b"philippine", "MXN", "PHP"),
    (b"argentine", "MXN", "ARS"),
    (b"chilean", "MXN", "CLP"),
    (b"colombian", "MXN", "COP"),
    (b"brazilian", "BRL", "BRL"),
    (b"finnish", "FIM", "FIM"),
    (b"dutch", "NLG", "NLG"),
    (b"russian", "RUB", "RUB"),
    (b"south", "ZAR", "ZAR"),
    (b"swedish", "SEK", "SEK"),
    (b"danish", "SEK", "DKK"),
    (b"norwegian", "SEK", "NOK"),
    (b"czech", "SEK", "CZK"),
    (b"icelandic", "SEK", "ISK"),
    (b"norwegian", "NOK", "NOK"),
    (b"danish", "NOK", "DKK"),
    (b"czech", "CZK", "CZK"),
    (b"hungarian", "HUF", "HUF"),
    (b"korean", "KRW", "KRW"),
    (b"egyptian", "GBP", "EGP"),
    (b"british", "GBP", "GBP"),
];

/// The currency named by the adjective `adj` (lower case) before a
/// currency word that alone names `cur`.
pub(super) fn currency_adjective(adj: &[u8], cur: &str) -> Option<&'static str> {
    CURRENCY_ADJECTIVES
        .iter()
        .find(|&&(a, c, _)| a == adj && c == cur)
        .map(|&(_, _, named)| named)
}

/// True when `adj` (lower case) names a currency before some currency word.
pub(super) fn is_currency_adjective(adj: &[u8]) -> bool {
    CURRENCY_ADJECTIVES.iter().any(|&(a, _, _)| a == adj)
}

/// ISO 4217 codes accepted when written in capitals before or after a figure.
pub(super) fn iso_code(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"USD" => "USD",
        b"EUR" => "EUR",
        b"GBP" => "GBP",
        b"CNY" | b"RMB" | b"CNH" => "CNY",
        b"JPY" => "JPY",
        b"CAD" => "CAD",
        b"AUD" => "AUD",
        b"HKD" => "HKD",
        b"CHF" => "CHF",
        b"INR" => "INR",
        b"KRW" => "KRW",
        b"SGD" => "SGD",
        b"NZD" => "NZD",
        b"MXN" => "MXN",
        b"BRL" => "BRL",
        b"RUB" => "RUB",
        b"ZAR" => "ZAR",
        b"SEK" => "SEK",
        b"NOK" => "NOK",
        b"DKK" => "DKK",
        b"TRY" => "TRY",
        b"TWD" => "TWD",
        b"THB" => "THB",
        b"IDR" => "IDR",
        b"MYR" => "MYR",
        b"PHP" => "PHP",
        b"VND" => "VND",
        b"PLN" => "PLN",
        b"CZK" => "CZK",
        b"HUF" => "HUF",
        b"ILS" => "ILS",
        b"AED" => "AED",
        b"SAR" => "SAR",
        b"EGP" => "EGP",
        b"NGN" => "NGN",
        b"KES" => "KES",
        b"PKR" => "PKR",
        b"BDT" => "BDT",
        b"LKR" => "LKR",
        b"ARS" => "ARS",
        b"CLP" => "CLP",
        b"COP" => "COP",
        b"PEN" => "PEN",
        b"BTC" => "BTC",
        _ => return None,
    })
}

/// A currency's local abbreviation, as the press of its country writes it
/// before figures, in this case only (`RS`, `rs`, `rm`, `RP` are other
/// things' abbreviations):
/// - `Rs` (and `Rs.`, whose stop the caller reads), South Asian news's
///   abbreviation of rupees: Indian rupees unless an adjective says
///   otherwise, as for the word `rupees`;
/// - `RM`, Malaysia's ringgit (`RM141.27 billion`);
/// - `Rp`, Indonesia's rupiah;
/// - `KSh`, Kenya's shilling.
pub(super) fn local_abbreviation(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"Rs" => "INR",
        b"RM" => "MYR",
        b"Rp" => "IDR",
        b"KSh" => "KES",
        _ => return None,
    })
}

/// Whether `w` is `Rs`, the one [`local_abbreviation`] that takes a stop.
pub(super) fn is_rupee_abbreviation(w: &[u8]) -> bool {
    w == b"Rs"
}

/// Lower-case codes safe to read as currencies (not English words).
pub(super) fn iso_lower(w: &[u8]) -> Option<&'static str> {
    match w {
        b"usd" | b"eur" | b"gbp" | b"cny" | b"rmb" | b"jpy" | b"cad" | b"aud" | b"hkd" | b"chf"
        | b"inr" | b"krw" | b"sgd" | b"nzd" | b"mxn" | b"brl" | b"btc" => {
            let mut up = [0u8; 3];
            for (d, s) in up.iter_mut().zip(w) {
                *d = s.to_ascii_uppercase();
            }
            iso_code(&up)
        }
        _ => None,
    }
}

/// Letters before a `$`: `US$`, `C$`, `HK$`, `Mex$`, `NZD$`.
pub(super) fn dollar_prefix(w: &[u8]) -> Option<&'static str> {
    let mut buf = [0u8; 8];
    if w.len() > buf.len() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &buf[..w.len()] {
        b"us" | b"u.s" | b"u.s." | b"usd" => "USD",
        b"c" | b"ca" | b"can" | b"cad" => "CAD",
        b"a" | b"au" | b"aud" => "AUD",
        b"nz" | b"nzd" => "NZD",
        b"hk" | b"hkd" => "HKD",
        b"s" | b"sg" | b"sgd" => "SGD",
        b"nt" | b"twd" => "TWD",
        b"mex" | b"mx" | b"mxn" => "MXN",
        b"r" | b"brl" => "BRL",
        _ => return None,
    })
}

/// A currency symbol (one character, as UTF-8 bytes).
pub(super) fn currency_symbol(c: &[u8]) -> Option<&'static str> {
    // Most pieces asked about are one ASCII byte, and `$` is the one
    // ASCII symbol: no UTF-8 check, no string match.
    if let [c] = c {
        return (*c == b'$').then_some("USD");
    }
    Some(match std::str::from_utf8(c).ok()? {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" | "￥" => "¥",
        "元" => "CNY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₿" => "BTC",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "₫" => "VND",
        "₺" => "TRY",
        "₱" => "PHP",
        "₦" => "NGN",
        "₪" => "ILS",
        "¢" => "cent",
        _ => return None,
    })
}

/// A measure unit as written (case matters for symbols): its SI or usual symbol.
pub(super) fn unit_symbol(w: &[u8]) -> Option<&'static str> {
    Some(match std::str::from_utf8(w).ok()? {
        "m" => "m",
        "km" => "km",
        "cm" => "cm",
        "mm" => "mm",
        "dm" => "dm",
        "nm" => "nm",
        "um" | "µm" | "μm" => "µm",
        "mi" => "mi",
        "ft" => "ft",
        "yd" => "yd",
        "m2" | "m²" | "sqm" => "m²",
        "km2" | "km²" => "km²",
        "cm2" | "cm²" => "cm²",
        "m3" | "m³" => "m³",
        "ha" => "ha",
        "l" | "L" => "L",
        "ml" | "mL" => "mL",
        "kg" => "kg",
        "g" => "g",
        "mg" => "mg",
        "µg" | "μg" | "mcg" | "ug" => "µg",
        "t" => "t",
        "kt" => "kt",
        "Mt" => "Mt",
        "Gt" => "Gt",
        "lb" | "lbs" => "lb",
        "oz" => "oz",
        "kph" | "kmph" | "kmh" => "km/h",
        "mph" => "mph",
        "Wh" => "Wh",
        "kWh" | "kwh" => "kWh",
        "MWh" => "MWh",
        "GWh" | "gwh" => "GWh",
        "TWh" | "twh" => "TWh",
        "W" => "W",
        "kW" | "kw" => "kW",
        "MW" | "mw" => "MW",
        "GW" | "gw" => "GW",
        "TW" => "TW",
        "kV" | "kv" => "kV",
        "V" => "V",
        "mAh" => "mAh",
        "Ah" => "Ah",
        "Hz" => "Hz",
        "kHz" => "kHz",
        "MHz" => "MHz",
        "GHz" => "GHz",
        "J" => "J",
        "kJ" => "kJ",
        "MJ" => "MJ",
        "GJ" => "GJ",
        "kb" => "kbit",
        "Mb" | "mb" => "Mbit",
        "Gb" => "Gbit",
        "KB" | "kB" => "kB",
        "MB" => "MB",
        "GB" => "GB",
        "TB" => "TB",
        "PB" => "PB",
        "rad" => "rad",
        "bbl" => "bbl",
        "gal" => "gal",
        "tbsp" => "tbsp",
        "tsp" => "tsp",
        "sec" | "secs" => "s",
        "hr" | "hrs" => "h",
        "ms" => "ms",
        "TEU" | "TEUs" | "teu" => "TEU",
        _ => return None,
    })
}

/// A measure unit spelled as a word (lower-case): its symbol.
pub(super) fn unit_word(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"meter" | b"meters" | b"metre" | b"metres" => "m",
        b"kilometer" | b"kilometers" | b"kilometre" | b"kilometres" => "km",
        b"centimeter" | b"centimeters" | b"centimetre" | b"centimetres" => "cm",
        b"millimeter" | b"millimeters" | b"millimetre" | b"millimetres" => "mm",
        b"decimeter" | b"decimeters" | b"decimetre" | b"decimetres" => "dm",
        b"micrometer" | b"micrometers" | b"micrometre" | b"micrometres" | b"micron"
        | b"microns" => "µm",
        b"nanometer" | b"nanometers" | b"nanometre" | b"nanometres" => "nm",
        b"picometer" | b"picometers" | b"picometre" | b"picometres" => "pm",
        b"mile" | b"miles" => "mi",
        b"foot" | b"feet" => "ft",
        b"inch" | b"inches" => "in",
        b"yard" | b"yards" => "yd",
        b"acre" | b"acres" => "acre",
        b"hectare" | b"hectares" => "ha",
        b"liter" | b"liters" | b"litre" | b"litres" => "L",
        b"milliliter" | b"milliliters" | b"millilitre" | b"millilitres" => "mL",
        b"gallon" | b"gallons" => "gal",
        b"barrel" | b"barrels" => "bbl",
        b"tablespoon" | b"tablespoons" => "tbsp",
        b"teaspoon" | b"teaspoons" => "tsp",
        b"cup" | b"cups" => "cup",
        b"pint" | b"pints" => "pt",
        b"quart" | b"quarts" => "qt",
        b"kilogram" | b"kilograms" | b"kilogramme" | b"kilogrammes" | b"kilo" | b"kilos" => "kg",
        b"gram" | b"grams" | b"gramme" | b"grammes" => "g",
        b"milligram" | b"milligrams" | b"milligramme" | b"milligrammes" => "mg",
        b"microgram" | b"micrograms" | b"microgramme" | b"microgrammes" => "µg",
        b"ton" | b"tons" | b"tonne" | b"tonnes" => "t",
        b"kilotonne" | b"kilotonnes" => "kt",
        b"megatonne" | b"megatonnes" => "Mt",
        b"gigatonne" | b"gigatonnes" => "Gt",
        b"ounce" | b"ounces" => "oz",
        b"dram" | b"drams" | b"drachma" | b"drachmas" => "dr",
        b"lb" | b"lbs" | b"pound" | b"pounds" => "lb",
        b"watt" | b"watts" => "W",
        b"kilowatt" | b"kilowatts" => "kW",
        b"megawatt" | b"megawatts" => "MW",
        b"gigawatt" | b"gigawatts" => "GW",
        b"kilowatthour" | b"kilowatthours" => "kWh",
        b"volt" | b"volts" => "V",
        b"kilovolt" | b"kilovolts" => "kV",
        b"hertz" => "Hz",
        b"joule" | b"joules" => "J",
        b"bit" | b"bits" => "bit",
        b"byte" | b"bytes" => "B",
        b"kilobyte" | b"kilobytes" => "kB",
        b"megabyte" | b"megabytes" => "MB",
        b"gigabyte" | b"gigabytes" => "GB",
        b"terabyte" | b"terabytes" => "TB",
        b"megabit" | b"megabits" => "Mbit",
        b"gigabit" | b"gigabits" => "Gbit",
        b"degree" | b"degrees" => "°",
        b"radian" | b"radians" => "rad",
        b"turn" | b"turns" => "turn",
        b"knot" | b"knots" => "kn",
        b"millisecond" | b"milliseconds" => "ms",
        _ => return None,
    })
}

/// A multiple of a base unit written as a symbol of its own: the base and
/// the factor, so that `195 Mt` is the same quantity as `195 million
/// tonnes` (both 195,000,000 t).
pub(super) fn scaled_unit(u: &'static str) -> (&'static str, f64) {
    match u {
        "kt" => ("t", 1e3),
        "Mt" => ("t", 1e6),
        "Gt" => ("t", 1e9),
        _ => (u, 1.0),
    }
}

/// The oil trade's abbreviations of barrels per day, as one word (`bpd`,
/// `kbpd`) or as the prefix before `/d` (`b/d`, `mb/d`, `kb/d`): the factor
/// of barrels per day each stands for. `mb/d` and `mbd` are millions, as the
/// energy agencies write them; `mbpd`, which American filings use for
/// thousands and news for millions, is left unread.
pub(super) fn oil_rate(word: &[u8], before_slash_d: bool) -> Option<f64> {
    Some(match (word, before_slash_d) {
        (b"bpd" | b"bopd", false) => 1.0,
        (b"kbpd" | b"kbd", false) => 1e3,
        (b"mbd", false) => 1e6,
        (b"b" | b"bbl", true) => 1.0,
        (b"kb" | b"tb" | b"kbbl", true) => 1e3,
        (b"mb", true) => 1e6,
        _ => return None,
    })
}

/// Time units, as used after `per` or `a` in a rate (`miles an hour`) —
/// not measures on their own in news text.
pub(super) fn time_unit(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"hour" | b"hours" | b"hr" | b"h" => "h",
        b"second" | b"seconds" | b"sec" | b"s" => "s",
        b"minute" | b"minutes" | b"min" => "min",
        b"millisecond" | b"milliseconds" | b"ms" => "ms",
        b"day" | b"days" | b"d" => "d",
        b"week" | b"weeks" => "wk",
        b"month" | b"months" => "mo",
        b"year" | b"years" | b"annum" | b"yr" => "yr",
        _ => return None,
    })
}

/// The symbol of `square`/`cubic` + a length.
pub(super) fn power_unit(power: u8, length: &str) -> Option<&'static str> {
    Some(match (power, length) {
        (2, "m") => "m²",
        (2, "km") => "km²",
        (2, "cm") => "cm²",
        (2, "mm") => "mm²",
        (2, "mi") => "mi²",
        (2, "ft") => "ft²",
        (2, "in") => "in²",
        (2, "yd") => "yd²",
        (3, "m") => "m³",
        (3, "km") => "km³",
        (3, "cm") => "cm³",
        (3, "ft") => "ft³",
        (3, "in") => "in³",
        (3, "yd") => "yd³",
        _ => return None,
    })
}

/// A rate unit `a/b` made from two symbols, as a static string.
pub(super) fn rate_unit(a: &str, b: &str) -> Option<&'static str> {
    Some(match (a, b) {
        ("km", "h") => "km/h",
        ("mi", "h") => "mph",
        ("m", "s") => "m/s",
        ("m", "ms") => "m/ms",
        ("cm", "ms") => "cm/ms",
        ("km", "ms") => "km/ms",
        ("km", "s") => "km/s",
        ("m", "min") => "m/min",
        ("bbl", "d") => "bbl/d",
        ("t", "d") => "t/d",
        ("t", "yr") => "t/yr",
        ("kn", "h") => "kn",
        ("L", "h") => "L/h",
        ("gal", "d") => "gal/d",
        ("kWh", "yr") => "kWh/yr",
        ("L", "d") => "L/d",
        ("ft", "s") => "ft/s",
        ("Mbit", "s") => "Mbit/s",
        ("Gbit", "s") => "Gbit/s",
        ("MB", "s") => "MB/s",
        ("GB", "s") => "GB/s",
        _ => return None,
    })
}

/// Words after which a figure is a change, with the sign of the change.
pub(super) fn change_verb(w: &[u8]) -> Option<f64> {
    Some(match w {
        b"up" | b"rose" | b"rise" | b"rises" | b"rising" | b"risen" | b"grew" | b"grow"
        | b"grows" | b"growing" | b"grown" | b"increased" | b"increases" | b"increasing"
        | b"gained" | b"gain" | b"gains" | b"gaining" | b"climbed" | b"climb" | b"climbs"
        | b"climbing" | b"jumped" | b"jump" | b"jumps" | b"jumping" | b"surged" | b"surge"
        | b"surges" | b"surging" | b"soared" | b"soar" | b"soars" | b"soaring" | b"advanced"
        | b"expanded" | b"expand" | b"expands" | b"expanding" | b"rebounded" | b"spiked"
        | b"accelerated" | b"skyrocketed" | b"leapt" | b"leaped" | b"higher" => 1.0,
        b"down" | b"fell" | b"fall" | b"falls" | b"falling" | b"fallen" | b"dropped" | b"drop"
        | b"drops" | b"dropping" | b"declined" | b"decline" | b"declines" | b"declining"
        | b"decreased" | b"decrease" | b"decreases" | b"decreasing" | b"slid" | b"slide"
        | b"slides" | b"sliding" | b"slipped" | b"slip" | b"slips" | b"sank" | b"sink"
        | b"sinks" | b"sunk" | b"slumped" | b"slump" | b"slumps" | b"plunged" | b"plunge"
        | b"plunges" | b"plunging" | b"plummeted" | b"tumbled" | b"tumble" | b"tumbles"
        | b"shrank" | b"shrink" | b"shrinks" | b"shrinking" | b"shrunk" | b"contracted"
        | b"dipped" | b"dip" | b"dips" | b"eased" | b"lower" | b"retreated" => -1.0,
        _ => return None,
    })
}

/// Nouns that make the figure after `of` a change: `an increase of 3.8%`.
pub(super) fn change_noun(w: &[u8]) -> Option<f64> {
    Some(match w {
        b"increase" | b"rise" | b"growth" | b"gain" | b"jump" | b"surge" | b"climb" | b"upturn"
        | b"expansion" | b"hike" | b"boost" => 1.0,
        b"decrease" | b"decline" | b"drop" | b"fall" | b"reduction" | b"contraction" | b"dip"
        | b"slump" | b"plunge" | b"loss" | b"cut" | b"slide" => -1.0,
        _ => return None,
    })
}
