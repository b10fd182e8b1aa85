//! The invented world the corpus talks about: companies, places, people,
//! and the true value of every (subject, metric, period), derived by hashing
//! so that any number of documents restate the same figures consistently
//! without storing them.

use crate::rng::{mix, unit_of, Rng};

/// A currency: ISO code and the ways news text writes it.
#[derive(Debug, Clone, Copy)]
pub struct Currency {
    pub code: &'static str,
    /// Prefix symbols such as `$`, `US$`, `€`.
    pub symbols: &'static [&'static str],
    /// Words after the figure such as `yuan`, `euros`.
    pub words: &'static [&'static str],
    /// Local units per US dollar (rough), to keep magnitudes plausible.
    pub per_usd: f64,
}

const CNY: Currency = Currency {
    code: "CNY",
    symbols: &["RMB ", "RMB", "CNY "],
    words: &["yuan", "yuan", "renminbi"],
    per_usd: 7.1,
};
const USD: Currency = Currency {
    code: "USD",
    symbols: &["$", "US$", "USD "],
    words: &["dollars", "U.S. dollars"],
    per_usd: 1.0,
};
const EUR: Currency = Currency {
    code: "EUR",
    symbols: &["€", "EUR "],
    words: &["euros"],
    per_usd: 0.92,
};
const GBP: Currency = Currency {
    code: "GBP",
    symbols: &["£", "GBP "],
    words: &["pounds", "pounds sterling"],
    per_usd: 0.79,
};
const JPY: Currency = Currency {
    code: "JPY",
    symbols: &["¥", "JPY "],
    words: &["yen"],
    per_usd: 150.0,
};
const KRW: Currency = Currency {
    code: "KRW",
    symbols: &["₩", "KRW "],
    words: &["won"],
    per_usd: 1330.0,
};
const INR: Currency = Currency {
    code: "INR",
    symbols: &["Rs ", "₹", "INR "],
    words: &["rupees"],
    per_usd: 83.0,
};
const BRL: Currency = Currency {
    code: "BRL",
    symbols: &["R$", "BRL "],
    words: &["reais"],
    per_usd: 5.0,
};
const SGD: Currency = Currency {
    code: "SGD",
    symbols: &["S$", "SGD "],
    words: &["Singapore dollars"],
    per_usd: 1.35,
};
const SEK: Currency = Currency {
    code: "SEK",
    symbols: &["SEK "],
    words: &["crowns", "kronor"],
    per_usd: 10.5,
};
const CHF: Currency = Currency {
    code: "CHF",
    symbols: &["CHF "],
    words: &["Swiss francs"],
    per_usd: 0.88,
};

/// A real place with its region, country and currency.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub city: &'static str,
    pub region: &'static str,
    pub country: &'static str,
    pub currency: Currency,
    /// The statistics office that publishes the region's bulletin.
    pub bureau: &'static str,
    /// Economy size relative to a mid-sized province (scales regional figures).
    pub size: f64,
}

macro_rules! place {
    ($c:expr, $r:expr, $n:expr, $cur:expr, $b:expr, $s:expr) => {
        Place {
            city: $c,
            region: $r,
            country: $n,
            currency: $cur,
            bureau: $b,
            size: $s,
        }
    };
}

pub const PLACES: &[Place] = &[
    place!(
        "Hangzhou",
        "Zhejiang",
        "China",
        CNY,
        "Zhejiang Provincial Bureau of Statistics",
        1.0
    ),
    place!(
        "Ningbo",
        "Zhejiang",
        "China",
        CNY,
        "Zhejiang Provincial Bureau of Statistics",
        1.0
    ),
    place!(
        "Taizhou",
        "Zhejiang",
        "China",
        CNY,
        "Zhejiang Provincial Bureau of Statistics",
        1.0
    ),
    place!(
        "Shenzhen",
        "Guangdong",
        "China",
        CNY,
        "Guangdong Provincial Bureau of Statistics",
        1.6
    ),
    place!(
        "Guangzhou",
        "Guangdong",
        "China",
        CNY,
        "Guangdong Provincial Bureau of Statistics",
        1.6
    ),
    place!(
        "Suzhou",
        "Jiangsu",
        "China",
        CNY,
        "Jiangsu Provincial Bureau of Statistics",
        1.5
    ),
    place!(
        "Nanjing",
        "Jiangsu",
        "China",
        CNY,
        "Jiangsu Provincial Bureau of Statistics",
        1.5
    ),
    place!(
        "Chengdu",
        "Sichuan",
        "China",
        CNY,
        "Sichuan Provincial Bureau of Statistics",
        0.7
    ),
    place!(
        "Wuhan",
        "Hubei",
        "China",
        CNY,
        "Hubei Provincial Bureau of Statistics",
        0.65
    ),
    place!(
        "Hefei",
        "Anhui",
        "China",
        CNY,
        "Anhui Provincial Bureau of Statistics",
        0.55
    ),
    place!(
        "Shanghai",
        "Shanghai",
        "China",
        CNY,
        "Shanghai Municipal Bureau of Statistics",
        0.6
    ),
    place!(
        "Frankfurt",
        "Hesse",
        "Germany",
        EUR,
        "Federal Statistical Office",
        0.45
    ),
    place!(
        "Munich",
        "Bavaria",
        "Germany",
        EUR,
        "Federal Statistical Office",
        0.8
    ),
    place!(
        "Stuttgart",
        "Baden-Württemberg",
        "Germany",
        EUR,
        "Federal Statistical Office",
        0.7
    ),
    place!("Lyon", "Auvergne-Rhône-Alpes", "France", EUR, "INSEE", 0.4),
    place!("Toulouse", "Occitanie", "France", EUR, "INSEE", 0.25),
    place!("Milan", "Lombardy", "Italy", EUR, "Istat", 0.5),
    place!(
        "Madrid",
        "Community of Madrid",
        "Spain",
        EUR,
        "National Statistics Institute",
        0.3
    ),
    place!(
        "Rotterdam",
        "South Holland",
        "Netherlands",
        EUR,
        "Statistics Netherlands",
        0.2
    ),
    place!(
        "Gothenburg",
        "Västra Götaland",
        "Sweden",
        SEK,
        "Statistics Sweden",
        0.15
    ),
    place!(
        "Zurich",
        "Zurich",
        "Switzerland",
        CHF,
        "Federal Statistical Office",
        0.2
    ),
    place!(
        "London",
        "Greater London",
        "United Kingdom",
        GBP,
        "Office for National Statistics",
        0.8
    ),
    place!(
        "Manchester",
        "North West England",
        "United Kingdom",
        GBP,
        "Office for National Statistics",
        0.3
    ),
    place!(
        "Detroit",
        "Michigan",
        "United States",
        USD,
        "Bureau of Economic Analysis",
        0.9
    ),
    place!(
        "Houston",
        "Texas",
        "United States",
        USD,
        "Bureau of Economic Analysis",
        2.8
    ),
    place!(
        "Seattle",
        "Washington",
        "United States",
        USD,
        "Bureau of Economic Analysis",
        1.0
    ),
    place!(
        "Chicago",
        "Illinois",
        "United States",
        USD,
        "Bureau of Economic Analysis",
        1.3
    ),
    place!(
        "Tokyo",
        "Tokyo",
        "Japan",
        JPY,
        "Statistics Bureau of Japan",
        1.5
    ),
    place!(
        "Nagoya",
        "Aichi",
        "Japan",
        JPY,
        "Statistics Bureau of Japan",
        0.6
    ),
    place!(
        "Seoul",
        "Seoul",
        "South Korea",
        KRW,
        "Statistics Korea",
        0.5
    ),
    place!(
        "Ulsan",
        "Ulsan",
        "South Korea",
        KRW,
        "Statistics Korea",
        0.1
    ),
    place!(
        "Mumbai",
        "Maharashtra",
        "India",
        INR,
        "Ministry of Statistics",
        0.6
    ),
    place!(
        "Bengaluru",
        "Karnataka",
        "India",
        INR,
        "Ministry of Statistics",
        0.4
    ),
    place!("São Paulo", "São Paulo", "Brazil", BRL, "IBGE", 0.9),
    place!(
        "Singapore",
        "Singapore",
        "Singapore",
        SGD,
        "Department of Statistics",
        0.5
    ),
];

/// An industry: how its companies are named and what they make.
#[derive(Debug, Clone, Copy)]
pub struct Sector {
    /// Word in company names ("Motors").
    pub word: &'static str,
    /// What a company of this sector is called in prose.
    pub desc: &'static str,
    /// The counted product (plural).
    pub product: &'static str,
    /// The verb for making it (what an interview says of the sector's
    /// output: production, not sales or deliveries).
    pub make: &'static str,
    /// Revenue per product unit in USD (sets output counts).
    pub unit_price: f64,
}

pub const SECTORS: &[Sector] = &[
    Sector {
        word: "Motors",
        desc: "carmaker",
        product: "vehicles",
        make: "produced",
        unit_price: 28_000.0,
    },
    Sector {
        word: "Auto",
        desc: "electric vehicle maker",
        product: "new energy vehicles",
        make: "produced",
        unit_price: 24_000.0,
    },
    Sector {
        word: "Cell",
        desc: "battery maker",
        product: "battery packs",
        make: "manufactured",
        unit_price: 6_000.0,
    },
    Sector {
        word: "Semiconductor",
        desc: "chipmaker",
        product: "wafers",
        make: "manufactured",
        unit_price: 4_000.0,
    },
    Sector {
        word: "Steel",
        desc: "steelmaker",
        product: "tonnes of steel",
        make: "produced",
        unit_price: 700.0,
    },
    Sector {
        word: "Shipping",
        desc: "container line",
        product: "containers",
        make: "carried",
        unit_price: 1_500.0,
    },
    Sector {
        word: "Solar",
        desc: "solar panel maker",
        product: "panels",
        make: "manufactured",
        unit_price: 180.0,
    },
    Sector {
        word: "Robotics",
        desc: "industrial robot maker",
        product: "robots",
        make: "produced",
        unit_price: 45_000.0,
    },
    Sector {
        word: "Pharma",
        desc: "drugmaker",
        product: "doses",
        make: "produced",
        unit_price: 12.0,
    },
    Sector {
        word: "Foods",
        desc: "food group",
        product: "tonnes of products",
        make: "manufactured",
        unit_price: 2_500.0,
    },
    Sector {
        word: "Appliances",
        desc: "home appliance maker",
        product: "units",
        make: "manufactured",
        unit_price: 320.0,
    },
    Sector {
        word: "Textiles",
        desc: "textile group",
        product: "garments",
        make: "manufactured",
        unit_price: 9.0,
    },
];

const SYL1: &[&str] = &[
    "Lan", "Qian", "Hua", "Zhong", "Tian", "Jin", "Xin", "Bei", "Nor", "Vel", "Astra", "Cor",
    "Meri", "Kes", "Ald", "Bren", "Cal", "Dor", "Eld", "Fen", "Gal", "Hal", "Ister", "Jor", "Kal",
    "Lum", "Mar", "Nov", "Ost", "Pel", "Quin", "Ros", "Sol", "Tor", "Ul", "Var", "Wen", "Yar",
    "Zen", "Shan", "Yue", "Hai", "Rong", "Sun", "Kai", "Ming", "Dong", "Xi",
];
const SYL2: &[&str] = &[
    "xi", "tang", "an", "ford", "vik", "dale", "tek", "lux", "ora", "mont", "bridge", "wood",
    "ton", "ra", "via", "gen", "tron", "lin", "peng", "hua", "sheng", "da", "yuan", "field",
    "mark", "stad", "berg", "ova", "eon", "is",
];
const LEGAL: &[&str] = &[
    "Co., Ltd.",
    "Technology Co., Ltd.",
    "Holdings",
    "Group",
    "Inc.",
    "Corp.",
    "plc",
    "AG",
    "S.A.",
    "Group Co., Ltd.",
];

const GIVEN: &[&str] = &[
    "Chen",
    "Shen",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Zhao",
    "Huang",
    "Zhou",
    "Wu",
    "Maria",
    "Thomas",
    "Anna",
    "James",
    "Sofia",
    "Lukas",
    "Emma",
    "Daniel",
    "Yuki",
    "Hiroshi",
    "Min-jun",
    "Ji-woo",
    "Priya",
    "Arjun",
    "Lucas",
    "Ana",
    "Oliver",
    "Charlotte",
    "Mateo",
    "Isabel",
    "Henrik",
    "Ingrid",
    "Pierre",
    "Camille",
    "Giulia",
    "Marco",
    "Sarah",
    "David",
];
const GIVEN_ZH: &[&str] = &[
    "Shuang", "Yuhan", "Wei", "Jing", "Hao", "Xiaoming", "Lei", "Fang", "Jun", "Ying", "Tao",
    "Min", "Qiang", "Li", "Na", "Yang",
];
const FAMILY: &[&str] = &[
    "Keller",
    "Novak",
    "Bauer",
    "Rossi",
    "García",
    "Dubois",
    "Andersson",
    "Okafor",
    "Tanaka",
    "Sato",
    "Kim",
    "Park",
    "Sharma",
    "Patel",
    "Silva",
    "Costa",
    "Müller",
    "Schmidt",
    "Martin",
    "Nakamura",
    "Lindqvist",
    "Moreau",
    "Ferrari",
    "Walsh",
    "O'Brien",
    "Hughes",
    "Fischer",
    "Jansen",
    "Kowalski",
    "Ivanova",
];
const CN_FAMILY: &[&str] = &[
    "Chen", "Shen", "Wang", "Li", "Zhang", "Liu", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "Lin", "He",
];

/// Brokerages and research houses (invented).
pub const FIRMS: &[&str] = &[
    "Kestrel Capital",
    "Northgate Securities",
    "Harbourline Research",
    "Ambrose & Vale",
    "Silverfin Partners",
    "Meridian Equity Research",
    "Tidewater Securities",
    "Orchard Street Analytics",
];

/// Wire services and newspapers (invented).
pub const WIRES: &[&str] = &[
    "Wire",
    "Meridian News",
    "Harbour Daily",
    "Asia Business Post",
    "Continental Press",
];

/// A company of the invented world.
#[derive(Debug, Clone)]
pub struct Company {
    /// Full legal name: "Lanxi Cell Technology Co., Ltd.".
    pub name: String,
    /// Name used after first mention: "Lanxi Cell".
    pub short: String,
    pub sector: usize,
    pub place: usize,
    /// Indices into [`World::people`].
    pub ceo: usize,
    pub cfo: usize,
    pub ticker: String,
    pub founded: i64,
}

/// Who a subject is: a company or a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Company(usize),
    Region(usize),
}

impl Subject {
    fn id(self) -> u64 {
        match self {
            Subject::Company(i) => i as u64 * 2,
            // Documents name a region, not the city its bulletin was drawn
            // for: two cities of one region are one subject, with one set
            // of figures (they were two, whose bulletins disagreed with no
            // error planted).
            Subject::Region(i) => {
                let first = PLACES
                    .iter()
                    .position(|p| p.region == PLACES[i].region)
                    .unwrap_or(i);
                first as u64 * 2 + 1
            }
        }
    }
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Revenue,
    NetProfit,
    Exports,
    RnD,
    Output,
    Deliveries,
    Employees,
    GrossMargin,
    MarketShare,
    // Regional.
    Gdp,
    RegionExports,
    RetailSales,
    NevOutput,
    Unemployment,
    Cpi,
}

/// The kind of value a metric has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Money,
    Count,
    Percent,
}

impl Metric {
    pub fn kind(self) -> Kind {
        use Metric::*;
        match self {
            Revenue | NetProfit | Exports | RnD | Gdp | RegionExports | RetailSales => Kind::Money,
            Output | Deliveries | Employees | NevOutput => Kind::Count,
            GrossMargin | MarketShare | Unemployment | Cpi => Kind::Percent,
        }
    }

    /// Whether the metric accumulates over a period (so quarters add up).
    pub fn is_flow(self) -> bool {
        !matches!(
            self,
            Metric::Employees
                | Metric::GrossMargin
                | Metric::MarketShare
                | Metric::Unemployment
                | Metric::Cpi
        )
    }

    /// Names used in prose (first is the plainest).
    pub fn names(self) -> &'static [&'static str] {
        use Metric::*;
        match self {
            Revenue => &["revenue", "sales", "operating revenue", "turnover"],
            NetProfit => &[
                "net profit",
                "net income",
                "profit attributable to shareholders",
            ],
            Exports => &["exports", "overseas sales", "export revenue"],
            RnD => &[
                "research and development spending",
                "R&D expenses",
                "R&D investment",
            ],
            Output => &["output", "production"],
            Deliveries => &["deliveries", "sales volume"],
            Employees => &["headcount", "workforce"],
            GrossMargin => &["gross margin", "gross profit margin"],
            MarketShare => &["market share", "share of the domestic market"],
            Gdp => &["gross domestic product", "GDP", "economic output"],
            RegionExports => &["exports", "total exports", "foreign exports"],
            RetailSales => &["retail sales", "total retail sales of consumer goods"],
            NevOutput => &[
                "new energy vehicle production",
                "NEV output",
                "production of new energy vehicles",
            ],
            Unemployment => &[
                "surveyed urban unemployment rate",
                "unemployment rate",
                "jobless rate",
            ],
            Cpi => &[
                "consumer prices",
                "consumer price inflation",
                "the consumer price index",
            ],
        }
    }
}

/// A reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year(i64),
    Quarter(i64, i64),
    Half(i64, i64),
    /// January to month `n` (n in 2..=11).
    FirstMonths(i64, i64),
    Month(i64, i64),
}

impl Period {
    pub fn year(self) -> i64 {
        match self {
            Period::Year(y)
            | Period::Quarter(y, _)
            | Period::Half(y, _)
            | Period::FirstMonths(y, _)
            | Period::Month(y, _) => y,
        }
    }

    /// The same period a year earlier.
    pub fn prior(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Quarter(y, q) => Period::Quarter(y - 1, q),
            Period::Half(y, h) => Period::Half(y - 1, h),
            Period::FirstMonths(y, n) => Period::FirstMonths(y - 1, n),
            Period::Month(y, m) => Period::Month(y - 1, m),
        }
    }

    /// The next period of the same length.
    pub fn next(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Half(y, 2) => Period::Half(y + 1, 1),
            Period::Half(y, h) => Period::Half(y, h + 1),
            Period::FirstMonths(y, n) => Period::FirstMonths(y + 1, n),
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
        }
    }

    /// (first month, last month) within the year.
    pub fn months(self) -> (i64, i64) {
        match self {
            Period::Year(_) => (1, 12),
            Period::Quarter(_, q) => (3 * q - 2, 3 * q),
            Period::Half(_, h) => (6 * h - 5, 6 * h),
            Period::FirstMonths(_, n) => (1, n),
            Period::Month(_, m) => (m, m),
        }
    }

    /// One name for one span of months: the first three months are the
    /// first quarter, the first six the first half. The world holds one
    /// value per span, whichever way a document names it.
    pub fn canonical(self) -> Period {
        match self {
            Period::FirstMonths(y, 3) => Period::Quarter(y, 1),
            Period::FirstMonths(y, 6) => Period::Half(y, 1),
            p => p,
        }
    }

    fn id(self) -> u64 {
        let (a, b) = self.months();
        (self.year() as u64) << 8 | (a as u64) << 4 | b as u64
    }
}

/// Everything the documents can talk about.
#[derive(Debug)]
pub struct World {
    pub seed: u64,
    pub companies: Vec<Company>,
    pub people: Vec<String>,
}

impl World {
    /// Builds the world for `seed`: its size is fixed, so the corpus size
    /// only changes how many documents talk about it.
    pub fn new(seed: u64) -> World {
        let mut r = Rng::derive(seed, &[1]);
        let mut people = Vec::new();
        for _ in 0..6000 {
            let name = if r.chance(0.45) {
                format!("{} {}", r.pick(CN_FAMILY), r.pick(GIVEN_ZH))
            } else if r.chance(0.1) {
                format!(
                    "{} {}. {}",
                    r.pick(GIVEN),
                    (b'A' + r.below(26) as u8) as char,
                    r.pick(FAMILY)
                )
            } else {
                format!("{} {}", r.pick(GIVEN), r.pick(FAMILY))
            };
            people.push(name);
        }
        let mut companies = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while companies.len() < 1500 {
            let stem = format!("{}{}", r.pick(SYL1), r.pick(SYL2));
            let sector = r.below(SECTORS.len());
            let short = format!("{} {}", stem, SECTORS[sector].word);
            if !seen.insert(short.clone()) {
                continue;
            }
            let legal = r.pick(LEGAL);
            let place = r.below(PLACES.len());
            let ticker = if PLACES[place].country == "China" {
                format!(
                    "{:06}.{}",
                    r.range(1, 699_999),
                    if r.chance(0.5) { "SZ" } else { "SH" }
                )
            } else {
                stem.to_ascii_uppercase()
                    .chars()
                    .filter(|c| c.is_ascii_alphabetic())
                    .take(4)
                    .collect()
            };
            companies.push(Company {
                name: format!("{short} {legal}"),
                short,
                sector,
                place,
                ceo: r.below(people.len()),
                cfo: r.below(people.len()),
                ticker,
                founded: r.range(1952, 2018),
            });
        }
        World {
            seed,
            companies,
            people,
        }
    }

    fn u(&self, parts: &[u64]) -> f64 {
        unit_of(self.seed, parts)
    }

    /// The true value of `metric` for `subject` over `period`: money in the
    /// subject's currency units, counts in units, percentages in percent.
    pub fn value(&self, subject: Subject, metric: Metric, period: Period) -> f64 {
        let period = period.canonical();
        let sid = subject.id();
        let mid = metric as u64;
        let y = period.year();
        let (cur, size, unit_price) = match subject {
            Subject::Company(i) => {
                let c = &self.companies[i];
                (PLACES[c.place].currency, 1.0, SECTORS[c.sector].unit_price)
            }
            Subject::Region(i) => (PLACES[i].currency, PLACES[i].size, 25_000.0),
        };
        match metric.kind() {
            Kind::Percent => {
                let (lo, hi) = match metric {
                    Metric::GrossMargin => (8.0, 45.0),
                    Metric::MarketShare => (1.0, 30.0),
                    Metric::Unemployment => (3.0, 9.0),
                    _ => (-0.5, 4.5),
                };
                let base = lo + (hi - lo) * self.u(&[sid, mid, 0]);
                let drift = (self.u(&[sid, mid, y as u64]) - 0.5) * (hi - lo) * 0.15;
                let sub = if period == Period::Year(y) {
                    0.0
                } else {
                    (self.u(&[sid, mid, period.id()]) - 0.5) * 0.8
                };
                (base + drift + sub).clamp(lo * 0.5, hi * 1.2)
            }
            _ => {
                // Revenue in USD for year 2019, then a growth path.
                let rev_usd = if matches!(subject, Subject::Region(_)) {
                    6.0e11 * size
                } else {
                    10f64.powf(7.5 + 3.0 * self.u(&[sid, 1]))
                };
                let ratio = match metric {
                    Metric::Revenue => 1.0,
                    Metric::NetProfit => 0.01 + 0.15 * self.u(&[sid, mid]),
                    Metric::Exports => 0.08 + 0.5 * self.u(&[sid, mid]),
                    Metric::RnD => 0.02 + 0.1 * self.u(&[sid, mid]),
                    Metric::Output => 1.0 / unit_price,
                    Metric::Deliveries => 0.9 / unit_price,
                    Metric::Employees => 1.0 / (150_000.0 + 450_000.0 * self.u(&[sid, mid])),
                    Metric::Gdp => 1.0,
                    Metric::RegionExports => 0.12 + 0.2 * self.u(&[sid, mid]),
                    Metric::RetailSales => 0.35 + 0.1 * self.u(&[sid, mid]),
                    Metric::NevOutput => (0.2 + 1.6 * self.u(&[sid, mid])) * 5e-7,
                    _ => 1.0,
                };
                let mut level = rev_usd * ratio;
                if metric.kind() == Kind::Money {
                    level *= cur.per_usd;
                }
                for k in 2020..=y {
                    let g = if matches!(subject, Subject::Region(_)) {
                        -0.02 + 0.12 * self.u(&[sid, mid, k as u64])
                    } else {
                        -0.2 + 0.85 * self.u(&[sid, mid, k as u64]).powi(2)
                    };
                    level *= 1.0 + g;
                }
                if !metric.is_flow() {
                    return level;
                }
                // Cumulative share of the year by month n: n/12 plus a
                // seasonal bump small enough to keep it increasing, so
                // quarters, halves and year-to-date figures add up.
                let a = (self.u(&[sid, mid, y as u64, 7]) - 0.5) * 0.5;
                let cum = |n: i64| {
                    n as f64 / 12.0 + a / 12.0 * (std::f64::consts::PI * n as f64 / 12.0).sin()
                };
                let (m0, m1) = period.months();
                level * (cum(m1) - cum(m0 - 1))
            }
        }
    }

    /// Year-on-year change of a flow metric, in percent.
    pub fn change(&self, subject: Subject, metric: Metric, period: Period) -> f64 {
        let now = self.value(subject, metric, period);
        let before = self.value(subject, metric, period.prior());
        (now / before - 1.0) * 100.0
    }

    /// A planted error: some facts are misreported by some documents (and
    /// later corrected). Returns the wrong value if this fact has one.
    pub fn misreport(&self, subject: Subject, metric: Metric, period: Period) -> Option<f64> {
        let period = period.canonical();
        let h = mix(self.seed, &[subject.id(), metric as u64, period.id(), 99]);
        if !h.is_multiple_of(29) {
            return None;
        }
        let v = self.value(subject, metric, period);
        let f = match (h >> 8) % 3 {
            0 => 0.72 + 0.15 * unit_of(h, &[1]),
            1 => 1.12 + 0.3 * unit_of(h, &[2]),
            _ => return Some(transpose(v)),
        };
        Some(v * f)
    }
}

/// Swaps the two leading significant digits (43 → 34), the classic typo.
fn transpose(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return v * 1.3;
    }
    let e = v.log10().floor();
    let scale = 10f64.powf(e - 1.0);
    let two = (v / scale).floor() as i64;
    let (a, b) = (two / 10, two % 10);
    if a == b || b == 0 {
        return v * 1.25;
    }
    (b * 10 + a) as f64 * scale
}
