//! The kinds of document: wire story, earnings release, statistics
//! bulletin, correction notice, interview, analyst note. Each builds a
//! format-free [`Doc`] that `render` writes as text, Markdown or HTML.

use super::forms::{self, Date};
use super::world::{Company, Kind, Metric, Period, Subject, World, FIRMS, PLACES, SECTORS, WIRES};
use super::{Block, Doc};
use crate::rng::Rng;

/// The voices, in the order of their weights in [`pick_voice`].
pub const VOICES: &[&str] = &[
    "wire",
    "earnings",
    "bulletin",
    "correction",
    "interview",
    "analyst",
];

pub fn pick_voice(r: &mut Rng) -> usize {
    let w = r.below(100);
    match w {
        0..=37 => 0,
        38..=57 => 1,
        58..=71 => 2,
        72..=76 => 3,
        77..=86 => 4,
        _ => 5,
    }
}

/// One fact drawn for a document, with its written value (planted
/// conflicts included).
struct Fact {
    metric: Metric,
    period: Period,
    value: f64,
    change: Option<f64>,
}

/// One figure written into a document with the truth behind it: the
/// generator's answer key, which `cargo xtask score-report` holds a
/// report's conflicts against.
pub struct Written {
    /// What the figure is about: `subject|metric|period`, the same for
    /// every document that states this fact.
    pub key: String,
    /// `subject|metric`, which cumulative-period checks compare across
    /// periods.
    pub series: String,
    /// The figure as written (before any HTML escaping).
    pub text: String,
    /// The value meant, before the text rounded it. Two documents that
    /// state one fact with different values disagree: a planted misreport,
    /// or two cities of one region that the world gives different figures.
    pub value: f64,
    /// The value written is not the world's (a planted misreport).
    pub wrong: bool,
    /// How the figure is used.
    pub role: Role,
    /// For a part of a total (`Of the total, X to the EU`), the total's
    /// key: the parts of two documents' totals disagree where the totals do.
    pub of: Option<String>,
}

/// How a [`Written`] figure is used in its document.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A level stated as a fact.
    Fact,
    /// A year-on-year change (always the true one).
    Change,
    /// Either figure of a correction notice (`the correct figure is X,
    /// not Y`): the wrong one is quoted to be withdrawn.
    Correction,
    /// A part of a total; `bad` when the parts were planted not to add up.
    SumPart { bad: bool },
    /// An analyst's estimate of a year to come: no statement of fact, so
    /// neither disputed by an actual that differs nor disputing it.
    Forecast,
}

impl Role {
    /// The name written into the answer key.
    pub fn name(self) -> &'static str {
        match self {
            Role::Fact => "fact",
            Role::Change => "change",
            Role::Correction => "correction",
            Role::SumPart { bad: false } => "sum-part",
            Role::SumPart { bad: true } => "bad-sum-part",
            Role::Forecast => "forecast",
        }
    }
}

struct Ctx<'w> {
    w: &'w World,
    r: Rng,
    /// The year of "now" for this document.
    year: i64,
    /// The document's date, when it has one: a period may go without its
    /// year only where that leaves no doubt.
    date: Option<forms::Date>,
    /// The years of the periods written so far: a reader takes a yearless
    /// `the second half` for the year the text has been speaking of.
    period_years: Vec<i64>,
    /// The figures written so far, for the answer key.
    written: Vec<Written>,
}

impl<'w> Ctx<'w> {
    fn fact(&mut self, s: Subject, metric: Metric, period: Period) -> Fact {
        let mut value = self.w.value(s, metric, period);
        if let Some(wrong) = self.w.misreport(s, metric, period) {
            if self.r.chance(0.35) {
                value = wrong;
            }
        }
        let change = if metric.is_flow() && period.year() > 2020 {
            Some(self.w.change(s, metric, period))
        } else {
            None
        };
        Fact {
            metric,
            period,
            value,
            change,
        }
    }

    fn write_value(&mut self, s: Subject, f: &Fact) -> String {
        let text = self.render_value(s, f);
        self.note(s, f.metric, f.period, &text, f.value, Role::Fact);
        text
    }

    fn render_value(&mut self, s: Subject, f: &Fact) -> String {
        match f.metric.kind() {
            Kind::Money => {
                let cur = match s {
                    Subject::Company(i) => company_currency(self.w, i),
                    Subject::Region(i) => PLACES[i].currency,
                };
                forms::money(&mut self.r, f.value, &cur)
            }
            Kind::Count => {
                let noun = match (s, f.metric) {
                    (_, Metric::Employees) => "employees",
                    (Subject::Company(i), _) => SECTORS[self.w.companies[i].sector].product,
                    (Subject::Region(_), _) => "vehicles",
                };
                forms::count(&mut self.r, f.value, noun)
            }
            Kind::Percent => forms::percent(&mut self.r, f.value),
        }
    }

    fn name(&mut self, m: Metric) -> &'static str {
        let names = m.names();
        if self.r.chance(0.6) {
            names[0]
        } else {
            self.r.pick(names)
        }
    }

    /// Dates the document: "now" is its year.
    fn dated(&mut self, date: forms::Date) {
        self.year = date.y;
        self.date = Some(date);
    }

    fn period(&mut self, p: Period) -> String {
        // `the first quarter` in a story is the latest first quarter that
        // had ended when it was written; any other needs its year.
        let yearless = self.date.is_some_and(|d| {
            let (_, last) = p.months();
            let latest = if last < d.m { d.y } else { d.y - 1 };
            p.year() == latest
        }) && self.period_years.iter().all(|&y| y == p.year());
        self.period_years.push(p.year());
        forms::period(&mut self.r, p, self.year, yearless)
    }

    /// "its revenue rose 12.1% to RMB 6.8 billion in 2025" and variants.
    fn statement(&mut self, s: Subject, f: &Fact, who: &str) -> String {
        let m = self.name(f.metric);
        let v = self.write_value(s, f);
        let p = self.period(f.period);
        match (f.change, self.r.below(3)) {
            (Some(c), 0) => {
                let mv = self.change_text(s, f, c, true);
                format!("{who} {m} {mv} {v} {p}")
            }
            (Some(c), 1) => {
                let ch = self.change_text(s, f, c, false);
                let verb = if c >= 0.0 { "reached" } else { "came to" };
                format!("{who} {m} {verb} {v} {p}, {ch}")
            }
            _ => {
                let verb = if f.metric.kind() == Kind::Percent {
                    self.r.pick(&["was", "stood at", "came in at"])
                } else {
                    self.r
                        .pick(&["was", "stood at", "totalled", "amounted to", "reached"])
                };
                format!("{who} {m} {verb} {v} {p}")
            }
        }
    }

    fn person(&mut self, i: usize) -> String {
        self.w.people[i].clone()
    }

    fn any_person(&mut self) -> String {
        let i = self.r.below(self.w.people.len());
        self.person(i)
    }
}

const COMPANY_METRICS: &[Metric] = &[
    Metric::Revenue,
    Metric::NetProfit,
    Metric::Exports,
    Metric::RnD,
    Metric::Output,
    Metric::Deliveries,
    Metric::GrossMargin,
    Metric::MarketShare,
];
const REGION_METRICS: &[Metric] = &[
    Metric::Gdp,
    Metric::RegionExports,
    Metric::RetailSales,
    Metric::NevOutput,
    Metric::Unemployment,
    Metric::Cpi,
];

fn pick_period(r: &mut Rng) -> Period {
    let y = r.range(2021, 2026);
    match r.below(10) {
        0..=3 => Period::Year(y),
        4..=6 => Period::Quarter(y, r.range(1, 4)),
        7 => Period::Half(y, r.range(1, 2)),
        8 => Period::FirstMonths(y, r.range(2, 11)),
        _ => Period::Month(y, r.range(1, 12)),
    }
}

/// A period that has ended by `date` (a story reports results already
/// out), or `fallback` when the draws keep landing later.
fn pick_period_before(r: &mut Rng, date: Date, fallback: Period) -> Period {
    for _ in 0..20 {
        let p = pick_period(r);
        let (_, last) = p.months();
        if p.year() * 12 + last < date.y * 12 + date.m {
            return p;
        }
    }
    fallback
}

const FILLER: &[&str] = &[
    "The results come as competition in the sector intensifies.",
    "Officials did not immediately respond to a request for comment.",
    "The company did not give a breakdown by region.",
    "Analysts had expected a weaker performance after a slow start to the year.",
    "Shares of the company were little changed in afternoon trading.",
    "Demand from overseas markets remained the main driver, the company said.",
    "Higher raw material costs weighed on margins during the period.",
    "The figures have not been audited.",
    "Local authorities have offered subsidies and land to attract new investment.",
    "The company plans to expand its sales network in Southeast Asia and Europe.",
    "Industry groups warned that tariffs could slow growth next year.",
    "Executives said the order book remained healthy.",
];

const QUOTES: &[&str] = &[
    "Demand in Europe exceeded our expectations",
    "We will keep investing in research and development whatever the cycle",
    "Our priority this year is quality of growth, not volume",
    "Overseas markets are now a pillar of our business",
    "The supply chain has stabilised and costs are coming down",
    "We see room for further growth in the second half",
    "Competition is fierce, but our order book is full",
];

fn company_subject(ctx: &mut Ctx) -> (usize, Subject) {
    let i = ctx.r.below(ctx.w.companies.len());
    (i, Subject::Company(i))
}

/// Money for a company is in its home currency; `currency` above is only
/// for regions, so patch company currency here.
fn company_currency(w: &World, i: usize) -> super::world::Currency {
    PLACES[w.companies[i].place].currency
}

/// The answer key's name for what `series` (`subject|metric`) states over
/// `p`: one name per span of months, however a document writes it.
fn fact_key(series: &str, p: Period) -> String {
    format!("{series}|{:?}", p.canonical())
}

impl Ctx<'_> {
    fn value_for(&mut self, s: Subject, f: &Fact) -> String {
        if let (Subject::Company(i), Kind::Money) = (s, f.metric.kind()) {
            let cur = company_currency(self.w, i);
            let text = forms::money(&mut self.r, f.value, &cur);
            self.note(s, f.metric, f.period, &text, f.value, Role::Fact);
            return text;
        }
        self.write_value(s, f)
    }

    /// Adds a written figure to the answer key. `value` is what was meant
    /// to be written; it is wrong when it differs from the world's value
    /// (changes are always drawn from the world, so never wrong).
    fn note(&mut self, s: Subject, m: Metric, p: Period, text: &str, value: f64, role: Role) {
        let series = format!("{}|{m:?}", self.subject_name(s));
        let key = match role {
            Role::Change => fact_key(&format!("{series} change"), p),
            _ => fact_key(&series, p),
        };
        let p = p.canonical();
        let wrong = role != Role::Change && value != self.w.value(s, m, p);
        self.written.push(Written {
            key,
            series,
            text: text.to_string(),
            value,
            wrong,
            role,
            of: None,
        });
    }

    fn subject_name(&self, s: Subject) -> &str {
        match s {
            Subject::Company(i) => &self.w.companies[i].name,
            Subject::Region(i) => PLACES[i].region,
        }
    }

    /// "rose 12.1% to" (`moved`) or "up 12.1% year-on-year", noted in
    /// the answer key.
    fn change_text(&mut self, s: Subject, f: &Fact, c: f64, moved: bool) -> String {
        let text = if moved {
            forms::moved(&mut self.r, c)
        } else {
            forms::change(&mut self.r, c)
        };
        self.note(s, f.metric, f.period, &text, c, Role::Change);
        text
    }

    fn company_statement(&mut self, ci: usize, f: &Fact, who: &str) -> String {
        let s = Subject::Company(ci);
        if f.metric.kind() != Kind::Money {
            return self.statement(s, f, who);
        }
        let m = self.name(f.metric);
        let v = self.value_for(s, f);
        let p = self.period(f.period);
        match (f.change, self.r.below(3)) {
            (Some(c), 0) => {
                let mv = self.change_text(s, f, c, true);
                format!("{who} {m} {mv} {v} {p}")
            }
            (Some(c), 1) => {
                let ch = self.change_text(s, f, c, false);
                format!("{who} {m} reached {v} {p}, {ch}")
            }
            _ => {
                let verb = self.r.pick(&["was", "stood at", "totalled", "amounted to"]);
                format!("{who} {m} {verb} {v} {p}")
            }
        }
    }
}

fn c(w: &World, i: usize) -> &Company {
    &w.companies[i]
}

fn wire(ctx: &mut Ctx) -> Doc {
    let (ci, s) = company_subject(ctx);
    let w = ctx.w;
    let co = c(w, ci);
    let place = PLACES[co.place];
    let sector = SECTORS[co.sector];
    let p = pick_period(&mut ctx.r);
    let date = Date::after(&mut ctx.r, p);
    ctx.dated(date);
    let lead = ctx.r.pick(COMPANY_METRICS);
    let f = ctx.fact(s, lead, p);
    let wire = ctx.r.pick(WIRES);
    let verb = if f.change.unwrap_or(1.0) >= 0.0 {
        ctx.r.pick(&["jumps", "rises", "climbs", "grows"])
    } else {
        ctx.r.pick(&["falls", "slips", "drops"])
    };
    let title = format!(
        "{} {} {} as {} demand shifts",
        co.short,
        lead.names()[0],
        verb,
        place.region
    );
    let mut blocks = vec![];
    let weekday = date.weekday(&mut ctx.r);
    let st = ctx.company_statement(ci, &f, "its");
    blocks.push(Block::Para(format!(
        "{}, {} ({wire}) -- {}, the {} based in {}, said on {weekday} that {st}.",
        place.city.to_uppercase(),
        date.dateline(),
        co.name,
        sector.desc,
        if ctx.r.chance(0.5) {
            place.region
        } else {
            place.city
        },
    )));
    let n = 3 + ctx.r.below(8);
    for _ in 0..n {
        let para = match ctx.r.below(7) {
            0 | 1 => {
                let m = ctx.r.pick(COMPANY_METRICS);
                let pp = if ctx.r.chance(0.6) {
                    p
                } else {
                    pick_period_before(&mut ctx.r, date, p)
                };
                let f = ctx.fact(s, m, pp);
                let who = format!("{}'s", co.short);
                let st = ctx.company_statement(ci, &f, &who);
                let cap = capitalize(&st);
                let boss = ctx.person(co.cfo);
                format!("{cap}, chief financial officer {boss} told reporters.")
            }
            2 => {
                let q = ctx.r.pick(QUOTES);
                let boss = ctx.person(co.ceo);
                format!("\"{q},\" said {boss}, chief executive of {}.", co.short)
            }
            3 => {
                let ri = co.place;
                let m = ctx.r.pick(REGION_METRICS);
                let f = ctx.fact(Subject::Region(ri), m, p);
                let st = ctx.statement(Subject::Region(ri), &f, &format!("{}'s", place.region));
                format!("{}, according to the {}.", capitalize(&st), place.bureau)
            }
            4 => {
                let firm = ctx.r.pick(FIRMS);
                let analyst = ctx.any_person();
                let nf = ctx.fact(s, Metric::Revenue, p.next());
                let cur = company_currency(w, ci);
                let lo = forms::money_bound(&mut ctx.r, nf.value * 0.95, &cur);
                let hi = forms::money_bound(&mut ctx.r, nf.value * 1.05, &cur);
                let np = ctx.period(p.next());
                format!("{analyst}, an analyst at {firm}, expects revenue of between {lo} and {hi} {np}.")
            }
            5 => {
                // `employs` is the headcount when the story was written.
                let emp = ctx.fact(s, Metric::Employees, Period::Year(ctx.year));
                let e = ctx.value_for(s, &emp);
                let other = PLACES[ctx.r.below(PLACES.len())].city;
                format!(
                    "Founded in {}, {} employs {e} and has plants in {} and {other}.",
                    co.founded, co.short, place.city
                )
            }
            _ => ctx.r.pick(FILLER).to_string(),
        };
        let mut para = para;
        for _ in 0..ctx.r.below(3) {
            para.push(' ');
            para.push_str(ctx.r.pick(FILLER));
        }
        blocks.push(Block::Para(para));
    }
    Doc {
        title,
        blocks,
        published: None,
    }
}

fn earnings(ctx: &mut Ctx) -> Doc {
    let (ci, s) = company_subject(ctx);
    let w = ctx.w;
    let co = c(w, ci);
    let place = PLACES[co.place];
    let p = match ctx.r.below(3) {
        0 => Period::Year(ctx.r.range(2021, 2025)),
        1 => Period::Half(ctx.r.range(2021, 2025), ctx.r.range(1, 2)),
        _ => Period::Quarter(ctx.r.range(2021, 2025), ctx.r.range(1, 4)),
    };
    let date = Date::after(&mut ctx.r, p);
    ctx.dated(date);
    let title = format!("{} reports {} results", co.name, forms::label(p));
    let dl = date.write(&mut ctx.r);
    let mut blocks = vec![Block::Para(format!(
        "{}, {dl} -- {} ({}) today announced its unaudited results for {}.",
        place.city,
        co.name,
        co.ticker,
        forms::label(p)
    ))];
    let mut bullets = vec![];
    let mut rows = vec![vec![
        "Metric".to_string(),
        forms::label(p),
        forms::label(p.prior()),
        "Change".to_string(),
    ]];
    for &m in COMPANY_METRICS.iter().take(4 + ctx.r.below(4)) {
        let f = ctx.fact(s, m, p);
        let v = ctx.value_for(s, &f);
        let line = match f.change {
            Some(ch) => format!(
                "{}: {v}, {}",
                capitalize(m.names()[0]),
                ctx.change_text(s, &f, ch, false)
            ),
            None => format!("{}: {v}", capitalize(m.names()[0])),
        };
        bullets.push(line);
        if ctx.r.chance(0.6) {
            let prev = ctx.fact(s, m, p.prior());
            let pv = ctx.value_for(s, &prev);
            let v2 = ctx.value_for(s, &f);
            let chg = match f.change {
                Some(x) => {
                    let text = format!("{:+.1}%", x);
                    ctx.note(s, m, p, &text, x, Role::Change);
                    text
                }
                None => "n/a".into(),
            };
            rows.push(vec![capitalize(m.names()[0]), v2, pv, chg]);
        }
    }
    blocks.push(Block::Heading("Highlights".into()));
    blocks.push(Block::Bullets(bullets));
    if rows.len() > 2 {
        blocks.push(Block::Table(rows));
    }
    let boss = ctx.person(co.ceo);
    let q = ctx.r.pick(QUOTES);
    blocks.push(Block::Para(format!(
        "\"{q},\" said {boss}, chairman and chief executive officer."
    )));
    blocks.push(Block::Heading("Outlook".into()));
    let nf = ctx.fact(s, Metric::Revenue, p.next());
    let cur = company_currency(w, ci);
    let lo = forms::money_bound(&mut ctx.r, nf.value * 0.97, &cur);
    let hi = forms::money_bound(&mut ctx.r, nf.value * 1.04, &cur);
    let np = ctx.period(p.next());
    blocks.push(Block::Para(format!(
        "{}, the company expects revenue of {lo} to {hi}, and a gross margin of {}-{}%.",
        capitalize(&np),
        ctx.r.range(10, 20),
        ctx.r.range(21, 30)
    )));
    blocks.push(Block::Heading(format!("About {}", co.short)));
    blocks.push(Block::Para(format!(
        "Founded in {} and headquartered in {}, {}, {} is a {} listed under the ticker {}.",
        co.founded, place.city, place.country, co.name, SECTORS[co.sector].desc, co.ticker
    )));
    blocks.push(Block::Para(
        "This release contains forward-looking statements that involve risks and uncertainties. Actual results may differ materially.".into(),
    ));
    Doc {
        title,
        blocks,
        published: None,
    }
}

fn bulletin(ctx: &mut Ctx) -> Doc {
    let ri = ctx.r.below(PLACES.len());
    let place = PLACES[ri];
    let s = Subject::Region(ri);
    let y = ctx.r.range(2021, 2025);
    let p = match ctx.r.below(3) {
        0 => Period::Year(y),
        1 => Period::FirstMonths(y, ctx.r.range(2, 11)),
        _ => Period::Quarter(y, ctx.r.range(1, 4)),
    };
    let date = Date::after(&mut ctx.r, p);
    ctx.dated(date);
    let title = format!(
        "Statistical bulletin: the economy of {}, {}",
        place.region,
        forms::label(p)
    );
    let dl = date.write(&mut ctx.r);
    let mut blocks = vec![Block::Para(format!("{} — released {dl}", place.bureau))];
    let mut i = 1;
    for &m in REGION_METRICS {
        if ctx.r.chance(0.25) {
            continue;
        }
        let f = ctx.fact(s, m, p);
        let st = ctx.statement(s, &f, &format!("{}'s", place.region));
        let mut para = format!("{i}. {}.", capitalize(&st));
        if m == Metric::RegionExports && ctx.r.chance(0.6) {
            // Parts of a total, occasionally not adding up (a planted sum conflict).
            let shares = [0.31, 0.22, 0.14];
            let total = f.value;
            let cur = place.currency;
            let bad = ctx.r.chance(0.08);
            // A misreported total makes its parts misreports too.
            let total_wrong = total != ctx.w.value(s, m, p);
            let total_key = fact_key(&format!("{}|{m:?}", place.region), p);
            let parts: Vec<String> = ["the European Union", "ASEAN", "Latin America"]
                .iter()
                .zip(shares)
                .map(|(to, sh)| {
                    let k = if bad { sh * 1.9 } else { sh };
                    let part = forms::money(&mut ctx.r, total * k, &cur);
                    let series = format!("{}|exports to {to}", place.region);
                    ctx.written.push(Written {
                        key: fact_key(&series, p),
                        series,
                        text: part.clone(),
                        value: total * k,
                        // A part planted not to add up is itself misstated.
                        wrong: total_wrong || bad,
                        role: Role::SumPart { bad },
                        of: Some(total_key.clone()),
                    });
                    format!("{part} to {to}")
                })
                .collect();
            para.push_str(&format!(" Of the total, {}.", parts.join(", ")));
        }
        blocks.push(Block::Para(para));
        i += 1;
    }
    let mut rows = vec![vec![
        "Indicator".to_string(),
        forms::label(p),
        "Change (%)".to_string(),
    ]];
    for &m in &REGION_METRICS[..4] {
        let f = ctx.fact(s, m, p);
        let v = ctx.write_value(s, &f);
        let change = match f.change {
            Some(x) => {
                let text = format!("{x:.1}");
                ctx.note(s, m, p, &text, x, Role::Change);
                text
            }
            None => String::new(),
        };
        rows.push(vec![capitalize(m.names()[0]), v, change]);
    }
    blocks.push(Block::Heading("Main indicators".into()));
    blocks.push(Block::Table(rows));
    blocks.push(Block::Para(
        "Notes: Figures are preliminary. Growth rates are calculated at comparable prices; some totals may not add up because of rounding.".into(),
    ));
    Doc {
        title,
        blocks,
        published: None,
    }
}

fn correction(ctx: &mut Ctx) -> Doc {
    // Look for a fact that some documents misreport; else invent a slip.
    let mut found = None;
    for _ in 0..60 {
        let ci = ctx.r.below(ctx.w.companies.len());
        let m = ctx.r.pick(COMPANY_METRICS);
        let p = pick_period(&mut ctx.r);
        if let Some(wrong) = ctx.w.misreport(Subject::Company(ci), m, p) {
            found = Some((ci, m, p, wrong));
            break;
        }
    }
    let (ci, m, p, wrong) = found.unwrap_or_else(|| {
        let ci = ctx.r.below(ctx.w.companies.len());
        let p = pick_period(&mut ctx.r);
        let v = ctx.w.value(Subject::Company(ci), Metric::Revenue, p);
        (ci, Metric::Revenue, p, v * 1.5)
    });
    let s = Subject::Company(ci);
    let co = c(ctx.w, ci);
    let date = Date::after(&mut ctx.r, p);
    ctx.dated(date);
    let right = Fact {
        metric: m,
        period: p,
        value: ctx.w.value(s, m, p),
        change: None,
    };
    let bad = Fact {
        metric: m,
        period: p,
        value: wrong,
        change: None,
    };
    let rv = ctx.value_for(s, &right);
    let wv = ctx.value_for(s, &bad);
    let n = ctx.written.len();
    for w in &mut ctx.written[n - 2..] {
        w.role = Role::Correction;
    }
    let when = date.write(&mut ctx.r);
    let per = ctx.period(p);
    let wire = ctx.r.pick(WIRES);
    let title = format!("Correction: {} {}", co.short, m.names()[0]);
    let blocks = vec![
        Block::Para(format!(
            "An article published by {wire} on {when} misstated {}'s {} {per}. The correct figure is {rv}, not {wv} as originally reported.",
            co.short,
            m.names()[0]
        )),
        Block::Para(format!(
            "The error appeared in a company statement and has been corrected in the text below. {} apologises for the error.",
            wire
        )),
    ];
    Doc {
        title,
        blocks,
        published: None,
    }
}

fn interview(ctx: &mut Ctx) -> Doc {
    let (ci, s) = company_subject(ctx);
    let co = c(ctx.w, ci);
    let sector = SECTORS[co.sector];
    let boss = ctx.person(co.ceo);
    let y = ctx.r.range(2022, 2026);
    ctx.year = y;
    let title = format!("Interview: {boss}, chief executive of {}", co.short);
    let mut blocks = vec![Block::Para(format!(
        "{boss} has led {} since {}. We spoke about exports, costs and the year ahead.",
        co.name,
        y - 1 - ctx.r.range(0, 8)
    ))];
    let qs = [
        "How was last year?",
        "Where is growth coming from?",
        "What about margins?",
        "How much are you investing?",
        "What are your targets for this year?",
        "How many people do you employ now?",
    ];
    let n = 3 + ctx.r.below(4);
    for q in qs.iter().take(n) {
        blocks.push(Block::Para(format!("Q: {q}")));
        let last = Period::Year(y - 1);
        let a = match *q {
            "How was last year?" => {
                let f = ctx.fact(s, Metric::Output, last);
                let v = ctx.value_for(s, &f);
                let frac = 0.1 + 0.6 * ctx.r.unit();
                let share = forms::share_words(&mut ctx.r, frac);
                format!(
                    "A: Good. We {} {v} last year, and {share} of them went abroad.",
                    sector.make
                )
            }
            "Where is growth coming from?" => {
                let f = ctx.fact(s, Metric::Exports, last);
                let ch = f.change.unwrap_or(12.0);
                format!(
                    "A: Mostly overseas. Exports {} by about {} percent, and Europe is now our biggest foreign market.",
                    if ch >= 0.0 { "grew" } else { "fell" },
                    ch.abs().round()
                )
            }
            "What about margins?" => {
                let f = ctx.fact(s, Metric::GrossMargin, last);
                let v = ctx.value_for(s, &f);
                format!(
                    "A: Our gross margin was {v}, roughly {} points better than the year before.",
                    {
                        let k = ctx.r.range(1, 4);
                        forms::small(&mut ctx.r, k)
                    }
                )
            }
            "How much are you investing?" => {
                let f = ctx.fact(s, Metric::RnD, last);
                let v = ctx.value_for(s, &f);
                format!("A: We spent {v} on research and development last year and we will spend more this year.")
            }
            "What are your targets for this year?" => {
                let f = ctx.fact(s, Metric::Deliveries, Period::Year(y));
                let lo = forms::count(&mut ctx.r, f.value * 0.95, sector.product);
                format!("A: We aim for at least {lo}. The market will decide the rest.")
            }
            _ => {
                let f = ctx.fact(s, Metric::Employees, last);
                let v = ctx.value_for(s, &f);
                format!(
                    "A: About {v}, including {} engineers.",
                    forms::commas((f.value * 0.2).round() as i64)
                )
            }
        };
        blocks.push(Block::Para(a));
    }
    Doc {
        title,
        blocks,
        published: None,
    }
}

fn analyst(ctx: &mut Ctx) -> Doc {
    let (ci, s) = company_subject(ctx);
    let w = ctx.w;
    let co = c(w, ci);
    let firm = ctx.r.pick(FIRMS);
    let y = ctx.r.range(2022, 2025);
    // The note follows the year's results, which it states as actuals.
    let date = Date::after(&mut ctx.r, Period::Year(y));
    ctx.dated(date);
    let rating = ctx
        .r
        .pick(&["Buy", "Hold", "Outperform", "Neutral", "Underweight"]);
    let cur = company_currency(w, ci);
    let price = ctx.r.float(5.0, 400.0);
    let tp = forms::money(&mut ctx.r, price, &cur);
    let title = format!("{} ({}): {rating}, target price {tp}", co.short, co.ticker);
    let analyst = ctx.any_person();
    let dl = date.write(&mut ctx.r);
    let mut blocks = vec![Block::Para(format!(
        "{firm} | Equity Research | {dl} | Analyst: {analyst}"
    ))];
    let f = ctx.fact(s, Metric::Revenue, Period::Year(y));
    let st = ctx.company_statement(ci, &f, "Its");
    blocks.push(Block::Para(format!(
        "We maintain our {rating} rating. {st}, broadly in line with our estimate."
    )));
    let mut rows = vec![vec![
        "".to_string(),
        format!("FY{}", y),
        format!("FY{}E", y + 1),
        format!("FY{}E", y + 2),
    ]];
    for &m in &[Metric::Revenue, Metric::NetProfit, Metric::GrossMargin] {
        let mut row = vec![capitalize(m.names()[0])];
        for k in 0..3 {
            let f = ctx.fact(s, m, Period::Year(y + k));
            let noted = ctx.written.len();
            row.push(ctx.value_for(s, &f));
            // The `E` columns are the analyst's estimates.
            if k > 0 {
                for w in &mut ctx.written[noted..] {
                    w.role = Role::Forecast;
                    w.wrong = false;
                }
            }
        }
        rows.push(row);
    }
    blocks.push(Block::Table(rows));
    let nf = ctx.fact(s, Metric::NetProfit, Period::Year(y + 1));
    let lo = forms::money_bound(&mut ctx.r, nf.value * 0.9, &cur);
    let hi = forms::money_bound(&mut ctx.r, nf.value * 1.1, &cur);
    blocks.push(Block::Para(format!(
        "We forecast net profit of {lo}-{hi} in {}, with a market share of {}-{}% at home.",
        y + 1,
        ctx.r.range(3, 9),
        ctx.r.range(10, 18)
    )));
    blocks.push(Block::Para(
        "Risks: weaker overseas demand, price competition, currency swings and changes in trade policy.".into(),
    ));
    blocks.push(Block::Para(
        "Disclaimer: This report is for information only and does not constitute an offer to buy or sell any security.".into(),
    ));
    Doc {
        title,
        blocks,
        published: None,
    }
}

/// Builds document `voice` from its own random stream, with the answer
/// key of the figures it wrote.
pub fn build(w: &World, r: Rng, voice: usize) -> (Doc, Vec<Written>) {
    let mut ctx = Ctx {
        w,
        r,
        year: 2025,
        date: None,
        period_years: Vec::new(),
        written: Vec::new(),
    };
    let mut doc = match voice {
        0 => wire(&mut ctx),
        1 => earnings(&mut ctx),
        2 => bulletin(&mut ctx),
        3 => correction(&mut ctx),
        4 => interview(&mut ctx),
        _ => analyst(&mut ctx),
    };
    doc.published = ctx.date;
    (doc, ctx.written)
}

/// A one- or two-sentence document for the many-tiny-files case.
pub fn tiny(w: &World, r: Rng) -> String {
    let mut ctx = Ctx {
        w,
        r,
        year: 2025,
        date: None,
        period_years: Vec::new(),
        written: Vec::new(),
    };
    let (ci, s) = company_subject(&mut ctx);
    let m = ctx.r.pick(COMPANY_METRICS);
    let p = pick_period(&mut ctx.r);
    ctx.year = p.year() + 1;
    let f = ctx.fact(s, m, p);
    let who = format!("{}'s", ctx.w.companies[ci].short);
    let st = ctx.company_statement(ci, &f, &who);
    format!("{}.\n", capitalize(&st))
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}
