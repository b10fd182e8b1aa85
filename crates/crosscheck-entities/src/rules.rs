//! Closed word lists the rules consult: heads, tails, titles and cues.
//! These are English grammar of names, not names: no entity is listed here.

/// Legal forms, bare and lower-case, also matched without dots.
#[rustfmt::skip]
pub(crate) const LEGAL_WORDS: &[&str] = &[
    "co", "ltd", "inc", "corp", "plc", "llc", "gmbh", "ag", "sa", "s.a", "nv", "n.v", "bv", "b.v",
    "spa", "s.p.a", "se", "ab", "asa", "oyj", "kg", "lp", "llp", "pte", "bhd", "tbk", "limited",
    "incorporated", "corporation", "company", "co.,ltd", "ltda", "sarl", "srl", "pvt", "pty", "sdn",
];

/// Words that end a company name and belong to it: `Geely Auto`, `BYD Company`.
#[rustfmt::skip]
pub(crate) const COMPANY_TAILS: &[&str] = &[
    "Group", "Holdings", "Holding", "Motor", "Motors", "Auto", "Automobile", "Automotive",
    "Technology", "Technologies", "Tech", "Electronics", "Electric", "Energy", "Industries",
    "Industrial", "Pharmaceutical", "Pharmaceuticals", "Pharma", "Airlines", "Airways",
    "Securities", "Capital", "Partners", "Insurance", "Semiconductor", "Semiconductors", "Systems",
    "Software", "Networks", "Foods", "Chemical", "Chemicals", "Steel", "Logistics", "Shipping",
    "Materials", "Battery", "Batteries", "Power", "Telecom", "Communications", "Entertainment",
    "Investment", "Investments", "Trading", "Manufacturing", "Machinery", "Labs", "Robotics",
    "Solar", "Mobility", "Ventures", "Consulting", "Enterprises", "Corporation", "Company", "Co",
    "Ltd", "Inc", "Corp", "Plc", "PLC", "LLC", "GmbH", "AG", "SA", "NV", "SE", "Bank", "Airline",
    "Petroleum", "Oil", "Gas", "Mining", "Metals", "Textile", "Textiles", "Apparel", "Brands",
    "Retail", "Stores", "Media", "Biotech", "Healthcare", "Therapeutics", "Instruments",
    "Equipment", "Components", "Devices", "Photonics", "Optoelectronics", "Lithium", "Cobalt",
    "Resources", "Agro", "Properties", "Realty", "Developments", "Construction", "Engineering",
    "Cement", "Aviation", "Aerospace", "Shipbuilding", "Container", "Cars", "Parts", "Research",
];

/// Words that end a non-company organisation's name: `Hangzhou Customs`.
#[rustfmt::skip]
pub(crate) const ORG_TAILS: &[&str] = &[
    "Ministry", "Bureau", "Administration", "Customs", "Commission", "Committee", "Council",
    "Institute", "Institution", "University", "College", "Academy", "Association", "Federation",
    "Chamber", "Agency", "Authority", "Office", "Department", "Board", "Exchange", "Daily",
    "Times", "Post", "Journal", "Gazette", "Herald", "Tribune", "News", "Press", "Weekly",
    "Observer", "Organization", "Organisation", "Court", "Police", "Parliament", "Congress",
    "Senate", "Government", "Society", "League", "Foundation", "Center", "Centre", "Alliance",
    "Forum", "Party", "Army", "Navy", "Secretariat", "Regulator", "Service", "Statistics",
    "Directorate", "Inspectorate", "Cabinet", "Assembly", "Tribunal", "Consortium", "Union",
    "Network", "Division", "Wire", "Newswire", "Magazine", "Monthly",
];

/// Words before `of`/`for` that make a non-company organisation: `Ministry of Commerce`.
#[rustfmt::skip]
pub(crate) const ORG_HEADS: &[&str] = &[
    "Ministry", "Department", "Bureau", "Office", "University", "Institute", "Academy", "Chamber",
    "Federation", "Association", "Council", "Court", "Commission", "Board", "Administration",
    "Embassy", "Consulate", "Center", "Centre", "Secretariat", "School", "College", "Society",
    "League", "Union", "Organization", "Organisation", "Agency", "Authority", "Committee",
    "Museum", "Corps", "Confederation", "Fund",
];

/// Abbreviations of goods and measures, written in capitals like a name but
/// never one: `NEV exports doubled`, `GDP rose`, `SUV sales`.
#[rustfmt::skip]
pub(crate) const NOT_NAMES: &[&str] = &[
    "NEV", "NEVs", "EV", "EVs", "BEV", "BEVs", "PHEV", "PHEVs", "HEV", "HEVs", "FCEV", "FCEVs",
    "SUV", "SUVs", "MPV", "MPVs", "ICE", "GDP", "GNP", "GVA", "CPI", "PPI", "PMI", "FDI", "OEM",
    "OEMs", "IPO", "IPOs", "ETF", "ETFs", "LNG", "LPG", "TEU", "TEUs", "EBIT", "EBITDA", "EPS",
    "ROE", "CAGR", "R&D", "M&A", "CEO", "CFO", "E&E",
];

/// Words before `of` that make a company: `Bank of America`.
#[rustfmt::skip]
pub(crate) const COMPANY_HEADS: &[&str] = &[
    "Bank", "Banco", "Banca", "Banque",
];

/// Words before `of` that make a place: `Port of Santos`, `Gulf of Mexico`.
#[rustfmt::skip]
pub(crate) const PLACE_HEADS: &[&str] = &[
    "Port", "Gulf", "Bay", "Republic", "Kingdom", "Province", "City", "State", "Isle", "Island",
    "Islands", "Strait", "Straits", "Sea", "Cape", "Commonwealth", "Principality", "Sultanate",
    "Emirate", "Federation", "County", "District",
];

/// Words that end a place name: `Zhejiang Province`, `Ningbo Port`.
#[rustfmt::skip]
pub(crate) const PLACE_TAILS: &[&str] = &[
    "Province", "City", "County", "District", "Prefecture", "Municipality", "Port", "Island",
    "Islands", "Zone", "Region", "Bay", "Delta", "Valley", "Peninsula", "Harbor", "Harbour",
    "Strait", "River", "Lake", "Sea", "Ocean", "Mountains", "Canal", "Township", "Town", "Village",
    "Area", "Park", "Airport", "Basin", "Coast", "Highlands", "Plateau", "Subdistrict", "Borough",
    "Oblast", "Governorate", "Canton",
];

/// Place tails that are left out of the canonical name: `Zhejiang Province` -> `Zhejiang`.
#[rustfmt::skip]
pub(crate) const PLACE_TAILS_DROPPED: &[&str] = &[
    "Province", "City", "Prefecture", "Municipality", "Sheng", "Shi", "County", "District",
];

/// Titles written before a name; dropped from the span, a cue for a person.
#[rustfmt::skip]
pub(crate) const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Madam",
    "Mme", "President", "Chairman", "Chairwoman", "Chairperson", "CEO", "CFO", "COO", "CTO",
    "Director", "Minister", "Governor", "Mayor", "Premier", "Secretary", "Manager", "Senator",
    "Sen", "Rep", "Representative", "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson",
    "Analyst", "Economist", "Founder", "Co-founder", "King", "Queen", "Prince", "Princess", "Pope",
    "Judge", "Justice", "Commissioner", "Reporter", "Editor", "Correspondent", "Engineer",
    "Researcher", "Strategist", "Gov", "Vice-President", "Vice-Chairman", "Chancellor", "Dean",
    "Captain", "Colonel", "Lieutenant", "Sheikh", "Councillor", "Councilor", "Photographer",
    "Investor", "Officer", "Executive",
];

/// Words that may stand in a title before the title word: `Commerce Minister`,
/// `Chief Executive Officer`. Alone they are no title (`Ministry of Commerce`).
#[rustfmt::skip]
pub(crate) const TITLE_MODIFIERS: &[&str] = &[
    "Vice", "Deputy", "Chief", "Executive", "General", "Senior", "Assistant", "Associate", "Lead",
    "Principal", "Managing", "Commerce", "Finance", "Trade", "Foreign", "Prime", "Party", "Board",
    "Sales", "Marketing", "Research", "Head", "Officer", "Chair", "Former", "Acting", "Interim",
    "Economy", "Industry", "Defense", "Defence", "Energy", "Transport", "State", "Provincial",
    "Municipal", "Regional", "Country", "Group", "Company", "Operating", "Financial", "Technology",
    "Technical", "Market", "Investment",
];

/// Lower-case words a role after a name starts with: `X, chairman of Y`.
#[rustfmt::skip]
pub(crate) const ROLES: &[&str] = &[
    "chairman", "chairwoman", "chair", "president", "vice", "deputy", "ceo", "cfo", "coo", "cto",
    "chief", "director", "head", "founder", "co-founder", "analyst", "economist", "spokesman",
    "spokeswoman", "spokesperson", "professor", "minister", "governor", "mayor", "secretary",
    "manager", "general", "senior", "partner", "researcher", "strategist", "executive", "owner",
    "engineer", "reporter", "editor", "correspondent", "associate", "assistant", "lecturer",
    "fellow", "dean", "commissioner", "member", "officer", "leader", "adviser", "advisor",
    "consultant", "lawyer", "attorney", "aged", "investor", "entrepreneur", "official", "scholar",
];

/// Verbs of speech, before or after a person's name.
#[rustfmt::skip]
pub(crate) const SPEECH: &[&str] = &[
    "said", "says", "told", "added", "noted", "explained", "stressed", "warned", "wrote",
    "commented", "argued", "believes", "recalled", "insisted", "emphasized", "emphasised",
    "acknowledged", "asked", "replied", "continued", "concluded", "observed", "predicted",
    "estimated", "expects", "thinks", "admitted", "suggested", "pointed", "urged",
];

/// Lower-case words right before a company name: `automaker Geely`, `shares of X`.
#[rustfmt::skip]
pub(crate) const COMPANY_LEFT: &[&str] = &[
    "automaker", "carmaker", "company", "firm", "maker", "manufacturer", "brand", "supplier",
    "giant", "startup", "start-up", "retailer", "lender", "operator", "insurer", "developer",
    "producer", "exporter", "importer", "conglomerate", "subsidiary", "rival", "rivals", "peer",
    "peers", "unit", "affiliate", "shareholder", "competitor", "competitors", "automakers",
    "carmakers", "makers", "brands", "companies", "firms", "suppliers", "partner", "customer",
    "client", "distributor", "dealer", "shipper", "miner", "refiner", "airline", "bank", "broker",
    "brokerage", "platform", "e-commerce", "chipmaker", "smartphone", "battery", "automotive",
    "shipbuilder", "contractor", "acquire", "acquires", "acquiring",
];

/// Nouns of a trade that, right before a name, make it a company's
/// (`carmaker Halden Automobilwerke`), where a person's would do otherwise.
#[rustfmt::skip]
pub(crate) const INDUSTRY_NOUNS: &[&str] = &[
    "automaker", "carmaker", "company", "firm", "maker", "manufacturer", "supplier", "retailer",
    "lender", "insurer", "producer", "exporter", "conglomerate", "chipmaker", "shipbuilder",
    "miner", "refiner", "airline", "bank", "brokerage", "giant", "startup", "start-up",
];

/// Words before `by` that make the name after it a person's: `Reporting
/// by`, `Photos by` (asked in lower case).
#[rustfmt::skip]
pub(crate) const BYLINE_WORDS: &[&str] = &[
    "reporting", "editing", "edited", "written", "compiled", "photo", "photos", "additional",
    "writing", "translated", "interview", "interviewed", "text",
];

/// Words before `to`, `by` or `with` that make the name after it a person's:
/// `according to`, `spoke with` (asked in lower case).
#[rustfmt::skip]
pub(crate) const SPOKEN_WITH: &[&str] = &[
    "according", "spoke", "speaking", "talked", "talking", "interview", "spoken", "told", "wrote",
    "met", "meeting",
];

/// Words before `of` that make the name after it a company's: `shares of`,
/// `subsidiary of` (asked in lower case).
pub(crate) const HELD_OF: &[&str] = &["shares", "subsidiary", "unit", "stake", "owner", "parent"];

/// Lower-case words after a company's possessive: `X's plant`.
#[rustfmt::skip]
pub(crate) const COMPANY_POSSESSED: &[&str] = &[
    "plant", "plants", "factory", "factories", "shares", "stock", "stake", "subsidiary", "unit",
    "revenue", "revenues", "sales", "profit", "profits", "earnings", "chairman", "chief", "ceo",
    "board", "models", "model", "brand", "brands", "deliveries", "shipments", "products", "market",
    "headquarters", "share", "customers", "suppliers", "dealers", "stores", "operations", "order",
    "orders", "output", "capacity", "valuation", "ipo", "listing", "bonds", "debt", "assets",
    "workers", "employees", "executives", "founder",
];

/// Verbs after a company name that a person would rarely be the subject of.
#[rustfmt::skip]
pub(crate) const COMPANY_VERBS: &[&str] = &[
    "shipped", "delivered", "reported", "posted", "announced", "launched", "sold", "unveiled",
    "listed", "acquired", "produces", "manufactures", "exports", "exported", "employs", "recorded",
    "booked", "recalled", "raised", "issued", "opened", "invested", "operates", "owns", "makes",
    "builds",
];

/// Lower-case words that may join the parts of one name.
#[rustfmt::skip]
pub(crate) const CONNECTORS: &[&str] = &[
    "of", "and", "for", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von",
    "der", "den", "la", "le", "bin", "al", "y", "e", "on", "in", "the", "des", "ten", "ter", "zu",
];

/// Particles inside a person's name: `Luiz Inácio Lula da Silva`, `Ursula von der Leyen`.
#[rustfmt::skip]
pub(crate) const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "la",
    "le", "bin", "al", "y", "e", "des", "ten", "ter", "zu",
];

/// Determiners and other sentence-openers that are never part of a name.
#[rustfmt::skip]
pub(crate) const DETERMINERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Our", "His", "Her", "My",
    "Your", "Some", "Many", "Most", "All", "Both", "Each", "Every", "Any", "No", "Several",
];

/// Prepositions that put a place after them: `in Jordan`, `from Brazil`.
#[rustfmt::skip]
pub(crate) const PLACE_LEFT: &[&str] = &[
    "in", "to", "from", "across", "into", "throughout", "within", "outside", "near", "via",
    "towards", "toward", "between", "and", "across", "at", "of", "for", "with", "including",
    "like", "than", "versus", "over",
];

/// Words of a source credit before a person: `Photo/X`, `By X`.
#[rustfmt::skip]
pub(crate) const CREDITS: &[&str] = &[
    "Photo", "Photos", "Photograph", "Image", "Images", "Picture", "Pictures", "Video", "Graphic",
    "Credit", "Reporter", "Reporters", "Editor", "Edited", "Written", "Reported", "Source",
    "Illustration", "Contact", "Translated",
];

/// Months and days: capitalized, never names of entities here.
#[rustfmt::skip]
pub(crate) const CALENDAR: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Q1", "Q2", "Q3", "Q4", "H1", "H2",
];

/// Nationality adjectives whose stem is not simply a place name plus an ending.
#[rustfmt::skip]
pub(crate) const DEMONYMS: &[&str] = &[
    "German", "French", "British", "Dutch", "Swiss", "Thai", "Filipino", "Spanish", "Turkish",
    "Greek", "Danish", "Swedish", "Finnish", "Polish", "Irish", "Scottish", "Welsh", "English",
    "Lao", "Burmese", "Pakistani", "Bangladeshi", "Saudi", "Emirati", "Israeli", "Iraqi",
    "Kuwaiti", "Qatari", "Omani", "Yemeni", "Peruvian", "Argentine", "Argentinian", "Chilean",
    "Portuguese", "Norwegian", "Belgian", "Czech", "Slovak", "Hungarian", "Ukrainian", "Russian",
    "Asian", "European", "African", "Latin", "Arab", "Hispanic", "Sino", "Euro", "Anglo", "Franco",
    "Nordic", "Western", "Eastern", "Northern", "Southern",
];

/// Abbreviations whose full stop belongs to the name: `Co.`, `St.`, `Jr.`.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Co", "Ltd", "Inc", "Corp", "Jr", "Sr", "St", "Bros", "Mt", "Mr", "Mrs", "Ms", "Dr", "Prof",
    "Gov", "Sen", "Rep", "Ave", "Pty", "Cie", "Cia", "Plc", "No", "Pvt", "Pte", "Bhd", "Sdn",
    "Cos", "Mfg", "Intl", "Bros",
];

/// Lower-case words after a hyphen that describe the name before it: `Hong Kong-listed`.
pub(crate) const HYPHEN_TAILS: &[&str] = &[
    "based", "listed", "owned", "made", "backed", "run", "led", "born", "bound", "style", "type",
    "class", "level", "wide", "like", "era", "area", "zone", "made", "funded", "era", "side",
    "born", "only", "free", "plus", "new", "old",
];

/// Lower-case words that headlines leave in lower case.
pub(crate) const FUNCTION: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with", "from",
    "vs", "amid", "over", "into", "after", "but", "nor", "per", "via", "up", "is",
];

/// Word classes: one bit per list above, looked up once per word through
/// [`crate::gazetteer::is`] instead of scanning the lists.
#[allow(missing_docs)]
pub(crate) mod cls {
    pub const ABBREVIATIONS: u32 = 1 << 0;
    pub const CALENDAR: u32 = 1 << 1;
    pub const COMPANY_HEADS: u32 = 1 << 2;
    pub const COMPANY_LEFT: u32 = 1 << 3;
    pub const COMPANY_POSSESSED: u32 = 1 << 4;
    pub const COMPANY_TAILS: u32 = 1 << 5;
    pub const COMPANY_VERBS: u32 = 1 << 6;
    pub const CONNECTORS: u32 = 1 << 7;
    pub const CREDITS: u32 = 1 << 8;
    pub const DEMONYMS: u32 = 1 << 9;
    pub const DETERMINERS: u32 = 1 << 10;
    pub const FUNCTION: u32 = 1 << 11;
    pub const HYPHEN_TAILS: u32 = 1 << 12;
    pub const LEGAL_WORDS: u32 = 1 << 13;
    pub const ORG_HEADS: u32 = 1 << 14;
    pub const ORG_TAILS: u32 = 1 << 15;
    pub const PARTICLES: u32 = 1 << 16;
    pub const PLACE_HEADS: u32 = 1 << 17;
    pub const PLACE_LEFT: u32 = 1 << 18;
    pub const PLACE_TAILS: u32 = 1 << 19;
    pub const PLACE_TAILS_DROPPED: u32 = 1 << 20;
    pub const ROLES: u32 = 1 << 21;
    pub const SPEECH: u32 = 1 << 22;
    pub const TITLES: u32 = 1 << 23;
    pub const TITLE_MODIFIERS: u32 = 1 << 24;
    pub const NOT_NAMES: u32 = 1 << 25;
    pub const BYLINE_WORDS: u32 = 1 << 26;
    pub const SPOKEN_WITH: u32 = 1 << 27;
    pub const HELD_OF: u32 = 1 << 28;
    pub const INDUSTRY_NOUNS: u32 = 1 << 29;
}

/// Every list with its class bit.
pub(crate) const CLASSES: &[(&[&str], u32)] = &[
    (ABBREVIATIONS, cls::ABBREVIATIONS),
    (CALENDAR, cls::CALENDAR),
    (COMPANY_HEADS, cls::COMPANY_HEADS),
    (COMPANY_LEFT, cls::COMPANY_LEFT),
    (COMPANY_POSSESSED, cls::COMPANY_POSSESSED),
    (COMPANY_TAILS, cls::COMPANY_TAILS),
    (COMPANY_VERBS, cls::COMPANY_VERBS),
    (CONNECTORS, cls::CONNECTORS),
    (CREDITS, cls::CREDITS),
    (DEMONYMS, cls::DEMONYMS),
    (DETERMINERS, cls::DETERMINERS),
    (FUNCTION, cls::FUNCTION),
    (HYPHEN_TAILS, cls::HYPHEN_TAILS),
    (LEGAL_WORDS, cls::LEGAL_WORDS),
    (ORG_HEADS, cls::ORG_HEADS),
    (ORG_TAILS, cls::ORG_TAILS),
    (PARTICLES, cls::PARTICLES),
    (PLACE_HEADS, cls::PLACE_HEADS),
    (PLACE_LEFT, cls::PLACE_LEFT),
    (PLACE_TAILS, cls::PLACE_TAILS),
    (PLACE_TAILS_DROPPED, cls::PLACE_TAILS_DROPPED),
    (ROLES, cls::ROLES),
    (SPEECH, cls::SPEECH),
    (TITLES, cls::TITLES),
    (TITLE_MODIFIERS, cls::TITLE_MODIFIERS),
    (NOT_NAMES, cls::NOT_NAMES),
    (BYLINE_WORDS, cls::BYLINE_WORDS),
    (SPOKEN_WITH, cls::SPOKEN_WITH),
    (HELD_OF, cls::HELD_OF),
    (INDUSTRY_NOUNS, cls::INDUSTRY_NOUNS),
];

/// Chinese organisation suffixes after a place name, with their English.
pub(crate) const ZH_ORG_SUFFIXES: &[(&str, &str)] = &[
    ("海关", "Customs"),
    ("统计局", "Bureau of Statistics"),
    ("商务厅", "Department of Commerce"),
    ("商务局", "Bureau of Commerce"),
    ("人民政府", "People's Government"),
    ("发展和改革委员会", "Development and Reform Commission"),
    ("发改委", "Development and Reform Commission"),
    ("日报", "Daily"),
    ("证券交易所", "Stock Exchange"),
];

/// Chinese legal-form suffixes that end a company name, longest first.
pub(crate) const ZH_COMPANY_SUFFIXES: &[&str] =
    &["股份有限公司", "有限责任公司", "有限公司", "集团公司"];
