//! Words that name what is measured, and how their variants meet.
//!
//! These are general English business and trade vocabulary, not phrases of
//! any particular document: a metric head (`exports`, `revenue`,
//! `production`), the words that only say "value" or "total" and so are
//! dropped (`the value of exports` = `exports`), and product words whose
//! spellings meet (`new energy vehicle` = `NEV`, `automobile` = `vehicle`).

use std::borrow::Cow;
use std::sync::OnceLock;

/// Metric phrases (lower case, as words) and their canonical base.
/// Longer phrases are tried first, wherever they stand in the list.
pub const METRICS: &[(&str, &str)] = &[
    ("total import and export", "imports and exports"),
    ("import and export", "imports and exports"),
    ("imports and exports", "imports and exports"),
    ("exports and imports", "imports and exports"),
    ("export and import", "imports and exports"),
    ("imported and exported", "imports and exports"),
    ("exported and imported", "imports and exports"),
    ("two-way trade", "imports and exports"),
    ("import-export", "imports and exports"),
    ("foreign trade", "imports and exports"),
    ("external trade", "imports and exports"),
    ("total trade", "imports and exports"),
    ("trade volume", "imports and exports"),
    ("trade value", "imports and exports"),
    ("exports", "exports"),
    ("export", "exports"),
    ("exported", "exports"),
    ("exporting", "exports"),
    ("imports", "imports"),
    ("import", "imports"),
    ("imported", "imports"),
    ("operating result", "operating profit"),
    ("output value", "output value"),
    ("production value", "output value"),
    ("production volume", "production"),
    ("production", "production"),
    ("produced", "production"),
    ("produces", "production"),
    ("output", "production"),
    ("pumped", "production"),
    ("pumps", "production"),
    ("manufactured", "production"),
    // Power stations' output: `generated 38.26 billion kWh of electricity`.
    ("generation", "production"),
    ("generated", "production"),
    ("generates", "production"),
    ("sales revenue", "revenue"),
    ("operating revenue", "revenue"),
    // Revenue in the English of Chinese reports (a calque of 营业收入),
    // operating profit elsewhere: see `claims::operating_income`.
    ("operating income", "operating income"),
    ("revenues", "revenue"),
    ("revenue", "revenue"),
    ("turnover", "revenue"),
    ("net profit attributable to shareholders", "net profit"),
    ("profit attributable to shareholders", "net profit"),
    ("profit attributable to equity holders", "net profit"),
    ("profit attributable to owners", "net profit"),
    ("attributable net profit", "net profit"),
    ("attributable profit", "net profit"),
    ("net profit", "net profit"),
    ("net income", "net profit"),
    ("net earnings", "net profit"),
    // South Asian results: profit after tax, `PAT`.
    ("profit after tax", "net profit"),
    ("pat", "net profit"),
    ("net loss", "net loss"),
    ("gross profit", "gross profit"),
    ("operating profit", "operating profit"),
    ("profits", "profit"),
    ("profit", "profit"),
    ("gross profit margin", "gross margin"),
    ("net profit margin", "net margin"),
    ("operating profit margin", "operating margin"),
    ("gross margin", "gross margin"),
    ("net margin", "net margin"),
    ("operating margin", "operating margin"),
    // A retailer's sales from stores open a year or more.
    ("same-store sales", "comparable sales"),
    ("comparable-store sales", "comparable sales"),
    ("comparable store sales", "comparable sales"),
    ("comparable sales", "comparable sales"),
    ("like-for-like sales", "comparable sales"),
    ("sales volume", "sales"),
    ("supplied", "sales"),
    ("supplies", "sales"),
    ("sales", "sales"),
    ("sold", "sales"),
    ("deliveries", "deliveries"),
    ("delivered", "deliveries"),
    ("shipments", "shipments"),
    ("shipment", "shipments"),
    ("shipped", "shipments"),
    ("installed capacity", "capacity"),
    ("production capacity", "capacity"),
    ("capacity", "capacity"),
    // What a company hands back to its shareholders.
    ("share repurchases", "buybacks"),
    ("share buybacks", "buybacks"),
    ("buybacks", "buybacks"),
    ("buyback", "buybacks"),
    ("repurchases", "buybacks"),
    ("repurchased", "buybacks"),
    ("bought back", "buybacks"),
    ("investment", "investment"),
    ("investments", "investment"),
    ("invested", "investment"),
    ("added value", "added value"),
    ("value added", "added value"),
    ("value-added", "added value"),
    ("order backlog", "orders"),
    ("order intake", "orders"),
    // A labour market's measures.
    ("nonfarm payrolls", "payrolls"),
    ("non-farm payrolls", "payrolls"),
    ("payrolls", "payrolls"),
    ("average hourly earnings", "wages"),
    ("hourly earnings", "wages"),
    ("wages", "wages"),
    ("new orders", "orders"),
    ("free cash flow", "free cash flow"),
    // Earnings before interest and taxes: Europe's operating profit.
    ("ebit margin", "operating margin"),
    ("ebit", "operating profit"),
    ("orders", "orders"),
    // A rate is no count: `Employment rate (%)  60.8` beside
    // `Employment (thousands)  20,934.0`.
    ("employment rate", "employment rate"),
    ("labour force participation rate", "participation rate"),
    ("labor force participation rate", "participation rate"),
    ("participation rate", "participation rate"),
    ("employment", "employment"),
    ("employed persons", "employment"),
    ("persons employed", "employment"),
    ("number of employed", "employment"),
    ("employees", "employees"),
    ("employs", "employees"),
    ("headcount", "employees"),
    ("workforce", "employees"),
    ("r&d spending", "R&D spending"),
    ("r&d expenses", "R&D spending"),
    ("r&d expense", "R&D spending"),
    ("research and development expenses", "R&D spending"),
    ("research and development expenditure", "R&D spending"),
    ("r&d expenditure", "R&D spending"),
    ("r&d investment", "R&D spending"),
    ("research and development spending", "R&D spending"),
    ("research and development investment", "R&D spending"),
    // `spent 3 billion on research and development`.
    ("research and development", "R&D spending"),
    ("market share", "market share"),
    ("market shares", "market share"),
    ("share of the domestic market", "market share"),
    ("share of the market", "market share"),
    ("share of the global market", "market share"),
    // An economy's measures, as statistical bulletins name them.
    ("gross domestic product", "GDP"),
    ("gross regional product", "GDP"),
    ("gdp", "GDP"),
    ("economic output", "GDP"),
    // `Britain's economy grew 0.1%`: an economy's growth is its GDP's.
    ("economy", "GDP"),
    ("surveyed urban unemployment rate", "unemployment rate"),
    ("urban unemployment rate", "unemployment rate"),
    ("unemployment rate", "unemployment rate"),
    ("jobless rate", "unemployment rate"),
    ("unemployment", "unemployment rate"),
    // A central bank's rate.
    ("federal funds rate", "policy rate"),
    ("fed funds rate", "policy rate"),
    ("benchmark interest rate", "policy rate"),
    ("benchmark lending rate", "policy rate"),
    ("benchmark rate", "policy rate"),
    ("key interest rate", "policy rate"),
    ("key policy rate", "policy rate"),
    ("policy rate", "policy rate"),
    ("bank rate", "policy rate"),
    ("repo rate", "policy rate"),
    ("consumer price index", "CPI"),
    ("consumer prices", "CPI"),
    ("cpi", "CPI"),
    ("consumer price inflation", "inflation"),
    ("cpi inflation", "inflation"),
    ("headline inflation", "inflation"),
    ("inflation rate", "inflation"),
    ("inflation", "inflation"),
    ("producer price index", "PPI"),
    ("producer prices", "PPI"),
    ("ppi", "PPI"),
    ("fixed-asset investment", "fixed-asset investment"),
    ("fixed asset investment", "fixed-asset investment"),
    ("foreign direct investment", "FDI"),
    ("fdi", "FDI"),
    ("disposable income", "disposable income"),
    ("population", "population"),
    ("trade surplus", "trade surplus"),
    ("trade deficit", "trade deficit"),
    ("earnings per share", "EPS"),
    ("eps", "EPS"),
    ("unit price", "unit price"),
    ("average price", "price"),
    ("prices", "price"),
    ("price", "price"),
    ("capital expenditure", "capex"),
    ("capital expenditures", "capex"),
    ("capital spending", "capex"),
    ("capex", "capex"),
    ("dividend", "dividend"),
    ("ebitda", "EBITDA"),
    ("throughput", "throughput"),
    // An airline's seats filled, in per cent.
    ("passenger load factor", "load factor"),
    ("load factor", "load factor"),
    // `the port handled 39.3 million TEUs`.
    ("handled", "throughput"),
    ("installations", "installations"),
    // A commodity market's measures.
    ("demand", "demand"),
    ("consumption", "consumption"),
    ("inventories", "inventories"),
    ("stockpiles", "inventories"),
    // A balance sheet's.
    ("net debt", "net debt"),
    ("net cash", "net cash"),
    ("total assets", "total assets"),
    // What a company holds in cash, a level at the date it is given for;
    // not its costs paid in cash, its cash flow or a cash dividend.
    ("cash and cash equivalents", "cash"),
    ("cash and equivalents", "cash"),
    ("cash balance", "cash"),
    ("cash position", "cash"),
    ("cash on hand", "cash"),
    ("cash reserves", "cash"),
    ("cash", "cash"),
    ("cash cost", "cash cost"),
    ("cash costs", "cash cost"),
    ("cash flow", "cash flow"),
    ("operating cash flow", "operating cash flow"),
    ("cash dividend", "dividend"),
    // A country's visitors and what they spend.
    ("international tourist arrivals", "arrivals"),
    ("international visitor arrivals", "arrivals"),
    ("tourist arrivals", "arrivals"),
    ("visitor arrivals", "arrivals"),
    ("international arrivals", "arrivals"),
    ("arrivals", "arrivals"),
    ("visitor numbers", "arrivals"),
    ("visitors", "arrivals"),
    ("tourists", "arrivals"),
    ("tourism earnings", "tourism earnings"),
    ("earnings from tourism", "tourism earnings"),
    ("tourism receipts", "tourism earnings"),
    ("tourism revenue", "tourism earnings"),
    ("tourism income", "tourism earnings"),
    ("tourist receipts", "tourism earnings"),
    // An online service's audience.
    ("monthly active users", "monthly active users"),
    ("daily active users", "daily active users"),
    ("maus", "monthly active users"),
    ("daus", "daily active users"),
    ("subscribers", "subscribers"),
    ("paid subscribers", "subscribers"),
    ("market value", "market value"),
    ("market capitalisation", "market value"),
    ("market capitalization", "market value"),
];

/// Words after a metric word that make it part of another noun
/// (`production line`, `export markets`): then it names no figure.
pub(crate) const NOT_METRIC_AFTER: &[&str] = &[
    "base",
    "line",
    "lines",
    "efficiency",
    "management",
    "plant",
    "plants",
    "site",
    "facility",
    "facilities",
    "process",
    "model",
    "models",
    "tax",
    "taxes",
    "policy",
    "policies",
    "market",
    "markets",
    "license",
    "licence",
    "destination",
    "destinations",
    "hub",
    "partner",
    "partners",
    "control",
    "controls",
    "ban",
    "bans",
    "curbs",
    "restrictions",
    "credit",
    "credits",
    "rule",
    "rules",
    "war",
    "wars",
    "tariff",
    "tariffs",
    "agreement",
    "deal",
    "deals",
    "zone",
    "zones",
    "team",
    "manager",
    "director",
    "office",
    "department",
    "scale",
    "proportion",
    "structure",
    "unit",
    "target",
    "targets",
    "goal",
    "plan",
    "capacity",
];

/// Words a metric phrase carries that do not change what is measured.
pub(crate) const DROP_WORDS: WordList<&str> = WordList::new(&[
    "total",
    "overall",
    "annual",
    "cumulative",
    "combined",
    "full-year",
    "whole",
    "the",
    "a",
    "an",
    "value",
    "volume",
    "amount",
    "scale",
    "figure",
    "its",
    "their",
    "our",
    "his",
    "her",
    "year's",
    "yearly",
    "monthly",
    "quarterly",
    "aggregate",
    "gross",
    "reported",
    "record",
    "latest",
    "all",
    "total's",
    "accumulated",
    // `OPEC's members produced`: the members are the subject's.
    "member",
    "members",
]);

/// Qualifiers that go to the scope rather than the metric.
pub(crate) const SCOPE_WORDS: WordList<(&str, &str)> = WordList::new_pairs(&[
    ("overseas", "overseas"),
    ("abroad", "overseas"),
    ("international", "overseas"),
    ("foreign", "overseas"),
    ("offshore", "overseas"),
    ("domestic", "domestic"),
    ("home-market", "domestic"),
]);

/// A country's adjective and the country, as the entity stage names it
/// (`exports of Chinese vehicles` are China's): a subject, never part of a
/// metric's name.
pub(crate) const DEMONYMS: WordList<(&str, &str)> = WordList::new_pairs(&[
    ("chinese", "China"),
    ("american", "United States"),
    ("japanese", "Japan"),
    ("german", "Germany"),
    ("korean", "South Korea"),
    ("indian", "India"),
    ("french", "France"),
    ("british", "United Kingdom"),
    ("italian", "Italy"),
    ("spanish", "Spain"),
    ("russian", "Russia"),
    ("brazilian", "Brazil"),
    ("mexican", "Mexico"),
    ("canadian", "Canada"),
    ("australian", "Australia"),
    ("thai", "Thailand"),
    ("vietnamese", "Vietnam"),
    ("indonesian", "Indonesia"),
    ("malaysian", "Malaysia"),
    ("turkish", "Turkey"),
    ("saudi", "Saudi Arabia"),
    ("swedish", "Sweden"),
    ("dutch", "Netherlands"),
    ("swiss", "Switzerland"),
    ("polish", "Poland"),
    // `global oil demand`, `world steel output`: the world's.
    ("global", "World"),
    ("world", "World"),
    ("worldwide", "World"),
]);

/// Words that mark a forecast, target or plan rather than a result.
pub(crate) const MODAL_WORDS: &[&str] = &[
    "expected",
    "expects",
    "expect",
    "forecast",
    "forecasts",
    "projected",
    "target",
    "targets",
    "targeted",
    "goal",
    "goals",
    "aiming",
    "planned",
    "guidance",
    "estimated",
    "estimates",
    "outlook",
    "anticipated",
    "anticipates",
    "predicts",
    "predicted",
    "hopes",
    "ambition",
    "envisages",
    "estimate",
    "consensus",
    "expectations",
    "projection",
    "projections",
    // `said demand would grow by 1.1 mb/d in 2026`: reported speech of
    // what is to come. (Not `will`: a plan a text states twice with
    // different figures, `will have 16 GWh`, contradicts itself.)
    "would",
];

/// Words that mark a correction notice.
pub(crate) const CORRECTION_WORDS: &[&str] = &[
    "correction",
    "corrections",
    "corrects",
    "corrected",
    "erroneously",
    "incorrectly",
    "mistakenly",
    "wrongly",
    "misstated",
    "misreported",
    "erratum",
];

/// Function words: they end a noun phrase.
pub const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "and",
    "or",
    "as",
    "than",
    "its",
    "their",
    "our",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "which",
    "who",
    "while",
    "but",
    "it",
    "they",
    "we",
    "he",
    "she",
    "said",
    "says",
    "rose",
    "fell",
    "grew",
    "reached",
    "hit",
    "totaled",
    "totalled",
    "stood",
    "came",
    "up",
    "down",
    "about",
    "over",
    "under",
    "some",
    "nearly",
    "around",
    "approximately",
    "almost",
    "more",
    "less",
    "worth",
    "per",
    "each",
    "alone",
    "also",
    "only",
    "just",
    "into",
    "across",
    "between",
    "among",
    "during",
    "through",
    "until",
    "since",
    "after",
    "before",
    "year-on-year",
    "respectively",
    "not",
    "no",
    "all",
    "both",
    "such",
    "other",
    "last",
    "first",
    "next",
    "same",
    "so",
    "then",
    "there",
    "here",
    "when",
    "where",
    "what",
    "how",
    "why",
    "if",
    "whether",
    "because",
    "although",
    "though",
    "surged",
    "jumped",
    "climbed",
    "increased",
    "decreased",
    "declined",
    "dropped",
    "slipped",
    "soared",
    "amounted",
    "exceeded",
    "surpassed",
    "topped",
    "accounted",
    "accounting",
    "account",
    "accounts",
    "including",
    "included",
    "includes",
    "excluding",
    "compared",
    "against",
    "versus",
    "vs",
    "via",
    "per",
    "this",
    "year",
    "quarter",
    "month",
    "half",
    "period",
    "now",
    "still",
    "already",
    "again",
    "further",
    "well",
    "very",
    "most",
];

/// Chinese metric words (longest first), ending the phrase before a figure
/// (`全省锂离子电池出口618亿元`), with the canonical English metric they mean.
pub const CJK_METRICS: &[(&str, &str)] = &[
    ("进出口总值", "imports and exports"),
    ("进出口总额", "imports and exports"),
    ("进出口额", "imports and exports"),
    ("进出口", "imports and exports"),
    ("出口总值", "exports"),
    ("出口总额", "exports"),
    ("出口额", "exports"),
    ("出口值", "exports"),
    ("出口", "exports"),
    ("进口总值", "imports"),
    ("进口额", "imports"),
    ("进口", "imports"),
    ("营业总收入", "revenue"),
    ("营业收入", "revenue"),
    ("营收", "revenue"),
    ("收入", "revenue"),
    ("归母净利润", "net profit"),
    ("净利润", "net profit"),
    ("出货量", "shipments"),
    ("产量", "production"),
    ("销售额", "sales"),
    ("销量", "sales volume"),
];

/// Chinese words between a metric and its figure that say nothing of what
/// is measured: verbs and bounds (`净利润超过18亿元`).
pub const CJK_LINK_WORDS: &[&str] = &[
    "超过", "达到", "突破", "实现", "共计", "合计", "总计", "约为", "约", "近", "达", "为", "是",
];

/// Chinese words opening a metric phrase that are not its product: `全省`
/// (the whole province), `同期` (the same period), `其中` (of which).
pub const CJK_NOT_PRODUCT: &[&str] = &[
    "全省", "全市", "全国", "全区", "本省", "本市", "同期", "其中", "实现", "有", "共",
];

/// Nouns that stand for the subject (`the company employs`), not a product.
const ANAPHOR_NOUNS: WordList<&str> = WordList::new(&[
    "company",
    "group",
    "firm",
    "province",
    "city",
    "country",
    "region",
    "county",
    "maker",
    "manufacturer",
    "corporation",
    "business",
    "nation",
]);

/// The words a product phrase leaves out: [`DROP_WORDS`], [`ANAPHOR_NOUNS`]
/// and the keys of [`SCOPE_WORDS`], as one table: one lookup per word of a
/// phrase, where the three lists cost a scan each.
fn left_out_of_products() -> &'static WordTable<bool> {
    static TABLE: OnceLock<WordTable<bool>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words = || {
            DROP_WORDS
                .keys()
                .chain(ANAPHOR_NOUNS.keys())
                .chain(SCOPE_WORDS.keys())
                .chain(DEMONYMS.keys())
        };
        let mut table = WordTable::with_room(words().count());
        for w in words() {
            table.insert(w, true);
        }
        table
    })
}

/// Normalizes a product phrase: singular words, shared spellings.
pub fn normalize_product(words: &[&str]) -> String {
    // Most figures have no modifiers: nothing to join, lowercase or match.
    if words.is_empty() {
        return String::new();
    }
    // Joined as kept, into one buffer rather than a `Vec` of words.
    let mut joined = String::new();
    let mut first = true;
    let left_out = left_out_of_products();
    for w in words.iter().map(|w| lowercase(w)) {
        // `nine-month operating income`, `three-month sales`: the window,
        // which the time stage reads, is no part of what is measured.
        let window = rsplit_once_byte(&w, b'-').is_some_and(|(_, unit)| {
            matches!(unit, "month" | "months" | "week" | "weeks" | "quarter")
        });
        if window || left_out.get(&w) {
            continue;
        }
        if !first {
            joined.push(' ');
        }
        first = false;
        push_singular(&mut joined, &w);
    }
    if joined.contains('-') {
        joined = joined
            .replace("new-energy", "new energy")
            .replace("lithium-ion", "lithium");
    }
    let trimmed = joined.trim();
    // A phrase with no shared spelling is returned as joined: the buffer
    // itself when trimming left it whole, not a second copy.
    let canonical = match trimmed {
        "" | "product" | "good" | "unit" | "item" | "piece" | "set" | "commodity" | "industry"
        | "sector" | "chain" | "people" | "person" | "staff" | "employee" | "worker"
        | "full-time employee"
        // Sacks and bales a crop is counted in (`612,480 bags`): its unit,
        // not what it is.
        | "bag" | "60-kg bag" | "bale" => "",
        "new energy vehicle"
        | "nev"
        | "new energy"
        | "new energy automobile"
        | "new energy car"
        | "new energy passenger vehicle"
        | "nevs" => "NEV",
        "auto" | "automobile" | "car" | "vehicle" | "motor vehicle" | "automotive"
        | "complete vehicle" | "whole vehicle" => "vehicle",
        "passenger vehicle" | "passenger car" => "passenger car",
        "commercial vehicle" => "commercial vehicle",
        "electric vehicle" | "ev" | "evs" | "battery electric vehicle" | "bev" | "bevs" => "EV",
        "suv" | "suvs" | "sport utility vehicle" => "SUV",
        "auto part"
        | "automotive part"
        | "automotive spare part"
        | "auto component"
        | "automotive component"
        | "vehicle part"
        | "car part" => "auto part",
        // A power source's output, however it is named (`hydropower
        // generation`, `hydro output`), and a grid's (`power generation`,
        // `electricity generated`).
        "power" | "electricity" | "electric power" => "electricity",
        // Malaysia's and Singapore's name for a trade's largest goods.
        "e&e" | "e&e product" | "electrical and electronic" | "electrical and electronic product"
        | "electrical & electronic" | "electrical & electronic product" => "E&E",
        "hydropower"
        | "hydro"
        | "hydro power"
        | "hydroelectric"
        | "hydroelectric power"
        | "hydroelectricity" => "hydropower",
        "thermal" | "thermal power" => "thermal power",
        "wind" | "wind power" => "wind power",
        "solar" | "solar power" => "solar power",
        "nuclear" | "nuclear power" => "nuclear power",
        _ if trimmed.len() == joined.len() => return joined,
        other => return other.to_string(),
    };
    canonical.to_string()
}

/// A crude singular: `vehicles` → `vehicle`, `batteries` → `battery`.
pub fn singular(w: &str) -> String {
    let mut out = String::new();
    push_singular(&mut out, w);
    out
}

/// [`singular`] of `w`, appended to `out`: a product phrase is built word
/// by word into one buffer rather than from a `String` per word.
fn push_singular(out: &mut String, w: &str) {
    if w.len() <= 3 || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        out.push_str(w);
    } else if let Some(s) = w.strip_suffix("ies") {
        out.push_str(s);
        out.push('y');
    } else if let Some(s) = w.strip_suffix("ches").or_else(|| w.strip_suffix("shes")) {
        out.push_str(&w[..s.len() + 2]);
    } else if let Some(s) = w.strip_suffix('s') {
        out.push_str(s);
    } else {
        out.push_str(w);
    }
}

/// `s.rsplit_once(char::from(b))` for an ASCII byte `b`, found by bytes:
/// an ASCII byte is never part of another character, and a search for a
/// `char` cost a call and a searcher set up per word.
pub(crate) fn rsplit_once_byte(s: &str, b: u8) -> Option<(&str, &str)> {
    debug_assert!(b.is_ascii());
    let i = s.as_bytes().iter().rposition(|&c| c == b)?;
    Some((&s[..i], &s[i + 1..]))
}

/// What follows the last `b` (an ASCII byte) in `s`, or all of `s`:
/// `s.rsplit(char::from(b)).next()`, found by bytes.
pub(crate) fn after_last_byte(s: &str, b: u8) -> &str {
    rsplit_once_byte(s, b).map_or(s, |(_, after)| after)
}

/// `str::to_lowercase`, without a copy when that would change nothing.
pub(crate) fn lowercase(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// A map from the program's own words to small values (bit sets), built
/// once and asked for nearly every word of every sentence. Open addressing
/// on a word's first eight bytes packed into an integer, with its length:
/// a multiply picks the slot and one comparison settles most words, where
/// hashing and comparing byte by byte cost more than the rest of a lookup.
/// A word absent from the map gets `V::default()`.
pub(crate) struct WordTable<V> {
    /// A power of two in length, at most half full, so that a probe for an
    /// absent word soon meets an empty slot (one of length 0).
    slots: Vec<Slot<V>>,
    /// The words of one byte (`,`, `(`, `a`), by that byte: a quarter of a
    /// text's words (punctuation, symbols, single digits), each then read
    /// with one load rather than packed, hashed and probed for.
    singles: [V; 128],
    /// The longest word held: a longer one is absent without a probe.
    longest: usize,
}

#[derive(Clone, Copy)]
struct Slot<V> {
    head: u64,
    len: usize,
    word: &'static str,
    value: V,
}

/// The first eight bytes of `b`, zero-padded, as one integer: read as two
/// overlapping loads (or single bytes for the shortest words), which cost
/// a few instructions where a loop or a copy cost one per byte.
#[inline]
fn packed_head(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    } else if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else if n > 0 {
        u64::from(b[0])
            | u64::from(b[n / 2]) << (8 * (n / 2))
            | u64::from(b[n - 1]) << (8 * (n - 1))
    } else {
        0
    }
}

impl<V: Copy + Default + std::ops::BitOrAssign> WordTable<V> {
    /// A table with room for `words` words.
    pub(crate) fn with_room(words: usize) -> Self {
        let empty = Slot {
            head: 0,
            len: 0,
            word: "",
            value: V::default(),
        };
        WordTable {
            slots: vec![empty; (2 * words).next_power_of_two().max(16)],
            singles: [V::default(); 128],
            longest: 0,
        }
    }

    #[inline]
    fn first_slot(&self, head: u64, len: usize) -> usize {
        let key = head.rotate_left(7) ^ len as u64;
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & (self.slots.len() - 1)
    }

    /// Adds `value`'s bits to those of `word` (not empty); panics when the
    /// table is full.
    pub(crate) fn insert(&mut self, word: &'static str, value: V) {
        assert!(!word.is_empty(), "a word table holds no empty word");
        self.longest = self.longest.max(word.len());
        if let &[b] = word.as_bytes() {
            // One byte of UTF-8 is ASCII.
            self.singles[usize::from(b & 0x7f)] |= value;
            return;
        }
        let mask = self.slots.len() - 1;
        let head = packed_head(word.as_bytes());
        let mut i = self.first_slot(head, word.len());
        loop {
            let slot = &mut self.slots[i];
            if slot.len == 0 {
                *slot = Slot {
                    head,
                    len: word.len(),
                    word,
                    value,
                };
                return;
            }
            if slot.word == word {
                slot.value |= value;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `word`, or `V::default()` when the table does not hold it.
    /// Always inlined: asked once a word in the word walk's loop, where a
    /// call cost more than the look-up.
    #[inline(always)]
    pub(crate) fn get(&self, word: &str) -> V {
        let b = word.as_bytes();
        // Empty (wrapped round to the largest length) or longer than any
        // word held: absent, by one comparison.
        if b.len().wrapping_sub(1) >= self.longest {
            return V::default();
        }
        if let &[b] = b {
            return self.singles[usize::from(b & 0x7f)];
        }
        let mask = self.slots.len() - 1;
        let head = packed_head(b);
        let mut i = self.first_slot(head, b.len());
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 {
                return V::default();
            }
            // Eight bytes and the length decide a short word; a longer one
            // compares the rest.
            if slot.head == head
                && slot.len == b.len()
                && (b.len() <= 8 || slot.word.as_bytes()[8..] == b[8..])
            {
                return slot.value;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Metrics only ever stated in money (`revenue`, `net profit`, `SUV
/// revenue`): no count of things is one, whatever the text said before.
pub(crate) fn is_money_only(metric: &str) -> bool {
    [
        "revenue",
        "profit",
        "net loss",
        "EBITDA",
        "output value",
        "R&D spending",
        "added value",
        "GDP",
    ]
    .iter()
    .any(|base| ends_in_words(metric, base))
}

/// Whether `metric` ends with `base` as whole words: `SUV revenue` ends
/// in `revenue`, `prerevenue` does not.
fn ends_in_words(metric: &str, base: &str) -> bool {
    metric
        .strip_suffix(base)
        .is_some_and(|head| head.is_empty() || head.ends_with(' '))
}

/// The country whose figures a national statistics agency or central bank publishes, by
/// the agency's name as the entity stage gives it (places as it names
/// them): public knowledge of a few dozen names, not a gazetteer's.
pub(crate) fn agency_country(name: &str) -> Option<&'static str> {
    Some(match name {
        "Bureau of Labor Statistics"
        | "Bureau of Economic Analysis"
        | "Census Bureau"
        | "U.S. Census Bureau"
        | "Labor Department"
        | "Commerce Department"
        | "Federal Reserve" => "United States",
        "European Central Bank" => "Euro Area",
        "Bank of England" => "United Kingdom",
        "Bank of Japan" => "Japan",
        "Bank of Canada" => "Canada",
        "Reserve Bank of India" => "India",
        "Reserve Bank of Australia" => "Australia",
        "People's Bank of China" => "China",
        "Office for National Statistics" => "United Kingdom",
        "National Bureau of Statistics" | "General Administration of Customs" => "China",
        "Statistics Canada" => "Canada",
        "Australian Bureau of Statistics" => "Australia",
        "Destatis" => "Germany",
        "INSEE" => "France",
        "Istat" | "ISTAT" => "Italy",
        "Statistics Korea" => "South Korea",
        _ => return national_association(name),
    })
}

/// `China Automobile Industry Association`, `China Association of
/// Automobile Manufacturers`, `German Association of the Automotive
/// Industry`: a national industry body, whose figures are its country's.
fn national_association(name: &str) -> Option<&'static str> {
    const BODIES: [&str; 5] = [
        "Association",
        "Federation",
        "Council",
        "Chamber",
        "Alliance",
    ];
    let mut words = name.split(' ');
    let first = words.next()?;
    if !name.split(' ').any(|w| BODIES.contains(&w)) {
        return None;
    }
    DEMONYMS.pairs().find_map(|(adjective, country)| {
        let demonym = first.len() == adjective.len() && first.eq_ignore_ascii_case(adjective);
        (demonym || first == country && !country.contains(' ') && country != "World")
            .then_some(country)
    })
}

/// Organisations of member states whose figures are their members'
/// together (`OPEC crude output`, `OECD unemployment`): subjects, as places
/// are, where other organisations are only sources.
pub(crate) fn is_bloc(name: &str) -> bool {
    matches!(name, "OPEC" | "OPEC+" | "OECD")
}

/// Metrics only ever stated as a ratio or a rate (`gross margin`, `market
/// share`, `unemployment rate`): no amount of money is one.
pub(crate) fn is_ratio_only(metric: &str) -> bool {
    metric.ends_with("margin")
        || metric.ends_with("market share")
        || metric.ends_with(" rate")
        || metric.starts_with("share of ")
        || matches!(metric, "CPI" | "PPI" | "inflation")
}

/// Metrics that add up over time (so a longer period holds at least as much).
/// Metrics of a level held at an instant, not a flow over a period: a
/// headcount, a debt, a stockpile. Their figure `as of September 30` is
/// the level that day, and `in June` or `at the end of June` the level
/// when June ended.
pub(crate) fn is_stock(metric: &str) -> bool {
    [
        "employees",
        "net debt",
        "net cash",
        "total assets",
        "inventories",
        "cash",
        "market value",
        "population",
        "subscribers",
    ]
    .iter()
    .any(|base| ends_in_words(metric, base))
}

pub fn is_flow(metric_base: &str) -> bool {
    matches!(
        metric_base,
        "exports"
            | "imports"
            | "imports and exports"
            | "production"
            | "output value"
            | "sales"
            | "revenue"
            | "deliveries"
            | "shipments"
            | "investment"
            | "installations"
            | "throughput"
            | "GDP"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_meet_across_spellings() {
        assert_eq!(normalize_product(&["new", "energy", "vehicles"]), "NEV");
        assert_eq!(normalize_product(&["NEV"]), "NEV");
        assert_eq!(normalize_product(&["automobile"]), "vehicle");
        assert_eq!(normalize_product(&["total"]), "");
        assert_eq!(normalize_product(&["battery", "packs"]), "battery pack");
        assert_eq!(normalize_product(&["batteries"]), "battery");
    }

    #[test]
    fn the_words_left_out_of_products_are_those_of_the_lists() {
        let by_lists = |w: &str| {
            DROP_WORDS.contains(w) || ANAPHOR_NOUNS.contains(w) || SCOPE_WORDS.contains(w)
        };
        let listed = DROP_WORDS
            .keys()
            .chain(ANAPHOR_NOUNS.keys())
            .chain(SCOPE_WORDS.keys());
        let mut words: Vec<String> = Vec::new();
        for w in listed {
            // Near misses: one letter more, one less.
            words.extend([
                w.to_string(),
                format!("{w}s"),
                format!("x{w}"),
                w[1..].to_string(),
            ]);
        }
        words.extend(["", "x", "vehicle", "new", "energy"].map(String::from));
        for w in &words {
            assert_eq!(left_out_of_products().get(w), by_lists(w), "{w:?}");
        }
    }

    #[test]
    fn packed_head_is_the_first_eight_bytes() {
        for n in 0..12 {
            let b: Vec<u8> = (1..=n as u8).collect();
            let mut want = [0u8; 8];
            let k = n.min(8);
            want[..k].copy_from_slice(&b[..k]);
            assert_eq!(packed_head(&b), u64::from_le_bytes(want), "{n}");
        }
    }

    /// [`singular`] as it was written when it made a `String` per case.
    fn singular_by_format(w: &str) -> String {
        if w.len() <= 3 || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
            return w.to_string();
        }
        if let Some(s) = w.strip_suffix("ies") {
            return format!("{s}y");
        }
        if let Some(s) = w.strip_suffix("ches").or_else(|| w.strip_suffix("shes")) {
            return format!("{s}{}", &w[s.len()..s.len() + 2]);
        }
        if let Some(s) = w.strip_suffix('s') {
            return s.to_string();
        }
        w.to_string()
    }

    #[test]
    fn singular_into_a_buffer_agrees_with_the_copies() {
        let letters = ["a", "c", "e", "h", "i", "s", "u", "y", "é"];
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let w = crate::test_rng::random_text(&mut next, &letters, 8);
            assert_eq!(singular(&w), singular_by_format(&w), "{w:?}");
        }
    }
}

/// Which lengths and first bytes a set of words has: a word with neither
/// (most words of a sentence) is turned away in a few instructions, before
/// any hashing or comparing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordFilter {
    /// Bit `b` of `first_bytes[b / 64]`: some word starts with byte `b`.
    first_bytes: [u64; 4],
    /// Bit `n` (`n` < 63): some word is `n` bytes long; bit 63: longer.
    lengths: u64,
}

const fn length_bit(len: usize) -> u64 {
    1 << if len < 63 { len } else { 63 }
}

impl WordFilter {
    /// Holds no word.
    pub(crate) const EMPTY: WordFilter = WordFilter {
        first_bytes: [0; 4],
        lengths: 0,
    };

    pub(crate) const fn add(&mut self, word: &str) {
        let b = word.as_bytes();
        self.lengths |= length_bit(b.len());
        if !b.is_empty() {
            self.first_bytes[(b[0] >> 6) as usize] |= 1 << (b[0] & 63);
        }
    }

    /// False when no word added is `word`.
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        self.lengths & length_bit(b.len()) != 0
            && b.first()
                .is_none_or(|&f| self.first_bytes[(f >> 6) as usize] & (1 << (f & 63)) != 0)
    }
}

/// A fixed list of words, asked whether it holds a word for nearly every
/// word of every sentence: a [`WordFilter`] in front of the list.
pub(crate) struct WordList<T: 'static> {
    entries: &'static [T],
    filter: WordFilter,
}

/// What a [`WordList`] entry is looked up by.
pub(crate) trait Keyed {
    fn key(&self) -> &str;
}

impl Keyed for &str {
    fn key(&self) -> &str {
        self
    }
}

impl Keyed for (&str, &str) {
    fn key(&self) -> &str {
        self.0
    }
}

impl WordList<&'static str> {
    pub(crate) const fn new(entries: &'static [&'static str]) -> Self {
        let mut filter = WordFilter::EMPTY;
        let mut i = 0;
        while i < entries.len() {
            filter.add(entries[i]);
            i += 1;
        }
        WordList { entries, filter }
    }
}

impl WordList<(&'static str, &'static str)> {
    pub(crate) const fn new_pairs(entries: &'static [(&'static str, &'static str)]) -> Self {
        let mut filter = WordFilter::EMPTY;
        let mut i = 0;
        while i < entries.len() {
            filter.add(entries[i].0);
            i += 1;
        }
        WordList { entries, filter }
    }

    /// The value paired with `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&'static str> {
        self.find(word).map(|e| e.1)
    }

    /// Every pair.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.entries.iter().copied()
    }
}

impl<T: Keyed> WordList<T> {
    #[inline]
    fn find(&self, word: &str) -> Option<&'static T> {
        if !self.filter.may_hold(word) {
            return None;
        }
        self.entries.iter().find(|e| e.key() == word)
    }

    /// Whether an entry is (keyed by) `word`.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.find(word).is_some()
    }

    /// The words entries are keyed by.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.entries.iter().map(|e| e.key())
    }
}
