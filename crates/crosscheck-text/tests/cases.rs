//! Hard cases, table-driven: what business and news text does to a
//! tokenizer and a sentence splitter. The sentences are written for these
//! tests in the style of the seed articles (figures, company names, Chinese
//! place names, headlines without a stop), not copied from them.

use crosscheck_text::{paragraphs, sentences, tokenize, tokenize_with, Shape, TokenKind};

/// Non-space tokens as `text/kind`, kind abbreviated w n p s c.
fn show_tokens(text: &str) -> String {
    let tokens = tokenize(text);
    assert_eq!(
        tokens,
        tokenize_with(text, false),
        "fast and slow paths differ"
    );
    tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| {
            let k = match t.kind {
                TokenKind::Word => "w",
                TokenKind::Number => "n",
                TokenKind::Punct => "p",
                TokenKind::Symbol => "s",
                TokenKind::Cjk => "c",
                TokenKind::Space => "_",
            };
            format!("{}/{k}", t.text(text))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

const TOKEN_CASES: &[(&str, &str)] = &[
    // Figures stay whole.
    ("sold 1,233,000 units", "sold/w 1,233,000/n units/w"),
    ("1.233 million", "1.233/n million/w"),
    ("45.47 trillion yuan", "45.47/n trillion/w yuan/w"),
    ("up 77.5%", "up/w 77.5/n %/s"),
    (
        "rose 77.5% year-on-year",
        "rose/w 77.5/n %/s year-on-year/w",
    ),
    ("US$100 million", "US$/s 100/n million/w"),
    ("HK$2.5bn deal", "HK$/s 2.5/n bn/w deal/w"),
    ("€3.2bn", "€/s 3.2/n bn/w"),
    ("$45m", "$/s 45/n m/w"),
    ("£1.2tn", "£/s 1.2/n tn/w"),
    ("RMB43bn", "RMB/w 43/n bn/w"),
    ("RMB 43 billion", "RMB/w 43/n billion/w"),
    ("10%-15%", "10/n %/s -/p 15/n %/s"),
    ("2021–2025", "2021/n –/p 2025/n"),
    ("2021-2025", "2021/n -/p 2025/n"),
    ("in Q3 and H1", "in/w Q3/n and/w H1/n"),
    ("FY2024 results", "FY2024/n results/w"),
    (
        "the 1st, 2nd, 3rd and 11th",
        "the/w 1st/n ,/p 2nd/n ,/p 3rd/n and/w 11th/n",
    ),
    ("-3.8% drop", "-/p 3.8/n %/s drop/w"),
    ("a 5-year plan", "a/w 5/n -/p year/w plan/w"),
    ("+0.6 pp", "+/s 0.6/n pp/w"),
    ("at 10:30am", "at/w 10/n :/p 30/n am/w"),
    ("Smart #5 model", "Smart/w #/s 5/n model/w"),
    ("Lynk & Co 900", "Lynk/w &/s Co/w 900/n"),
    ("in 2025.", "in/w 2025/n ./p"),
    ("1,233,000.", "1,233,000/n ./p"),
    ("5G networks", "5/n G/w networks/w"),
    // Words with inner punctuation stay whole.
    ("year-on-year", "year-on-year/w"),
    ("AT&T and R&D", "AT&T/w and/w R&D/w"),
    ("M&A deals", "M&A/w deals/w"),
    ("Lü Wei", "Lü/w Wei/w"),
    ("Jerônimo", "Jerônimo/w"),
    ("Jero\u{302}nimo", "Jero\u{302}nimo/w"),
    ("Zhejiang's output", "Zhejiang's/w output/w"),
    ("China’s exports", "China’s/w exports/w"),
    ("carmakers' plans", "carmakers/w '/p plans/w"),
    ("the U.S. market", "the/w U.S/w ./p market/w"),
    ("e.g. exports", "e.g/w ./p exports/w"),
    ("COVID-19 rules", "COVID-19/w rules/w"),
    ("the G-20 summit", "the/w G-20/w summit/w"),
    ("Ningbo-Zhoushan Port", "Ningbo-Zhoushan/w Port/w"),
    ("win-win outcomes", "win-win/w outcomes/w"),
    ("nenpower.com/blog", "nenpower.com/w //p blog/w"),
    ("“Full-Chain Magic”", "“/p Full-Chain/w Magic/w ”/p"),
    ("(NEV) sales", "(/p NEV/w )/p sales/w"),
    ("output—a rise", "output/w —/p a/w rise/w"),
    ("🚗 Introduction", "🚗/s Introduction/w"),
    // CJK: Han characters one by one, digits recoverable.
    ("43亿元", "43/n 亿/c 元/c"),
    ("5.55万亿元", "5.55/n 万/c 亿/c 元/c"),
    ("出口增长77.5%。", "出/c 口/c 增/c 长/c 77.5/n %/s 。/p"),
    ("中文(简体)", "中/c 文/c (/p 简/c 体/c )/p"),
    ("四十三亿元", "四/c 十/c 三/c 亿/c 元/c"),
    ("２０２５年", "２０２５/n 年/c"),
];

/// Runs a table, reporting every failing row at once.
fn check_table(cases: &[(&str, &str)], show: fn(&str) -> String) {
    let mut failures = Vec::new();
    for (input, want) in cases {
        let got = show(input);
        if got != *want {
            failures.push(format!("{input:?}\n   want {want}\n    got {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn token_cases() {
    check_table(TOKEN_CASES, show_tokens);
}

fn show_sentences(text: &str) -> String {
    let tokens = tokenize(text);
    sentences(text, &tokens)
        .iter()
        .map(|s| s.text(text))
        .collect::<Vec<_>>()
        .join(" || ")
}

const SENTENCE_CASES: &[(&str, &str)] = &[
    // Abbreviations.
    (
        "Geely Auto Co. said exports rose. Sales fell.",
        "Geely Auto Co. said exports rose. || Sales fell.",
    ),
    (
        "Zhejiang Geely Holding Co., Ltd. reported results.",
        "Zhejiang Geely Holding Co., Ltd. reported results.",
    ),
    (
        "The deal closed with Apple Inc. The company declined to comment.",
        "The deal closed with Apple Inc. || The company declined to comment.",
    ),
    (
        "Sales in the U.S. rose 4%. U.S. President Smith spoke.",
        "Sales in the U.S. rose 4%. || U.S. President Smith spoke.",
    ),
    (
        "Demand grew in the U.S. The trend may continue.",
        "Demand grew in the U.S. || The trend may continue.",
    ),
    (
        "Mr. Chen and Dr. Wang met in Hangzhou.",
        "Mr. Chen and Dr. Wang met in Hangzhou.",
    ),
    (
        "Plant No. 3 opened on Jan. 15. It employs 900 people.",
        "Plant No. 3 opened on Jan. 15. || It employs 900 people.",
    ),
    (
        "Output reached approx. 30,000 units.",
        "Output reached approx. 30,000 units.",
    ),
    (
        "Key markets, e.g. Thailand, grew fast.",
        "Key markets, e.g. Thailand, grew fast.",
    ),
    (
        "Batteries, motors, chips etc. are made locally.",
        "Batteries, motors, chips etc. are made locally.",
    ),
    ("Geely vs. BYD sales.", "Geely vs. BYD sales."),
    // Initials.
    (
        "J. P. Morgan raised its forecast.",
        "J. P. Morgan raised its forecast.",
    ),
    (
        "Analysts at J.P. Morgan agree.",
        "Analysts at J.P. Morgan agree.",
    ),
    (
        "A note by George W. Bush was cited.",
        "A note by George W. Bush was cited.",
    ),
    // Decimals and figures.
    (
        "Trade reached 45.47 trillion yuan. It grew 3.8%.",
        "Trade reached 45.47 trillion yuan. || It grew 3.8%.",
    ),
    (
        "Prices rose 1.5. Analysts were surprised.",
        "Prices rose 1.5. || Analysts were surprised.",
    ),
    (
        "Exports hit 2.61 million in 2025. Imports fell.",
        "Exports hit 2.61 million in 2025. || Imports fell.",
    ),
    // Exclamations and questions.
    (
        "Exports Soar 77%! Production Ranks Third!",
        "Exports Soar 77%! || Production Ranks Third!",
    ),
    (
        "Why does Zhejiang lead? The answer is scale.",
        "Why does Zhejiang lead? || The answer is scale.",
    ),
    (
        "\"Why now?\" he asked. Nobody replied.",
        "\"Why now?\" he asked. || Nobody replied.",
    ),
    ("Really?! Yes.", "Really?! || Yes."),
    // Quotes and brackets after the stop.
    (
        "He called it “a record year.” Exports doubled.",
        "He called it “a record year.” || Exports doubled.",
    ),
    (
        "\"We are ready.\" The firm then listed its plans.",
        "\"We are ready.\" || The firm then listed its plans.",
    ),
    (
        "(The figure excludes Hong Kong.) Growth was 6%.",
        "(The figure excludes Hong Kong.) || Growth was 6%.",
    ),
    (
        "It said so. “Demand is strong,” Chen added.",
        "It said so. || “Demand is strong,” Chen added.",
    ),
    (
        "Sales rose. (Details follow.) Profit fell.",
        "Sales rose. || (Details follow.) || Profit fell.",
    ),
    // Ampersands are not sentence ends.
    (
        "Lynk & Co sold 50,000 cars. Leapmotor sold more.",
        "Lynk & Co sold 50,000 cars. || Leapmotor sold more.",
    ),
    // Headlines and captions without a stop.
    (
        "Exports Surge in Zhejiang\nThe province shipped more cars than ever.",
        "Exports Surge in Zhejiang || The province shipped more cars than ever.",
    ),
    (
        "Who is leading the way\nThe provinces fall into three groups.",
        "Who is leading the way || The provinces fall into three groups.",
    ),
    (
        "Photo: a car carrier at Ningbo port\n\nShipments rose 12%.",
        "Photo: a car carrier at Ningbo port || Shipments rose 12%.",
    ),
    (
        "🔋 Batteries: The Core Advantage\nCell makers expanded abroad.",
        "🔋 Batteries: The Core Advantage || Cell makers expanded abroad.",
    ),
    // List items.
    (
        "Key points include:\nLower costs for buyers.\nFaster charging\nMore models",
        "Key points include: || Lower costs for buyers. || Faster charging || More models",
    ),
    (
        "1. Exports rose.\n2. Imports fell.",
        "1. Exports rose. || 2. Imports fell.",
    ),
    (
        "- Exports rose 5%\n- Imports fell 2%",
        "- Exports rose 5% || - Imports fell 2%",
    ),
    // Hand-wrapped lines run on.
    (
        "The carmaker said that exports\nrose sharply in the second quarter.",
        "The carmaker said that exports\nrose sharply in the second quarter.",
    ),
    (
        "Shipments to the EU, Japan,\nKorea and Brazil rose.",
        "Shipments to the EU, Japan,\nKorea and Brazil rose.",
    ),
    (
        "Output of new energy vehicles reached\n1.2 million units.",
        "Output of new energy vehicles reached\n1.2 million units.",
    ),
    // Ellipses.
    (
        "Sales rose... and then fell. Why?",
        "Sales rose... and then fell. || Why?",
    ),
    (
        "Growth slowed… Analysts expect a rebound.",
        "Growth slowed… || Analysts expect a rebound.",
    ),
    // CJK.
    (
        "出口增长77.5%。产量位居全国第三！",
        "出口增长77.5%。 || 产量位居全国第三！",
    ),
    (
        "浙江外贸总额5.55万亿元？是的。",
        "浙江外贸总额5.55万亿元？ || 是的。",
    ),
    // URLs, e-mail, domains are not ends.
    (
        "See nenpower.com/blog for more. Thanks.",
        "See nenpower.com/blog for more. || Thanks.",
    ),
    // Spacing and paragraphs.
    (
        "  Leading space. Trailing space.  ",
        "Leading space. || Trailing space.",
    ),
    (
        "First paragraph here\r\n\r\nSecond paragraph here",
        "First paragraph here || Second paragraph here",
    ),
    (
        "Rates fell .5% and then .25%.",
        "Rates fell .5% and then .25%.",
    ),
    ("", ""),
    ("...", "..."),
    // A table's row ends at its line, a sub-row in lower case too; a
    // hand-wrapped sentence still runs on.
    (
        "Sales volume   480,186   506,804\n of which: Passenger vehicles  474,921\n",
        "Sales volume   480,186   506,804 || of which: Passenger vehicles  474,921",
    ),
    (
        "Exports rose 5% to 43 billion yuan\nin the first 11 months.",
        "Exports rose 5% to 43 billion yuan\nin the first 11 months.",
    ),
];

#[test]
fn sentence_cases() {
    check_table(SENTENCE_CASES, show_sentences);
}

#[test]
fn at_least_sixty_cases() {
    assert!(TOKEN_CASES.len() + SENTENCE_CASES.len() >= 60);
}

#[test]
fn shapes() {
    let text = "Geely ASEAN AT&T iPhone 1.5 Lü\n\n  \nx";
    let t = tokenize(text);
    let get = |s: &str| t.iter().find(|t| t.text(text) == s).unwrap().shape;
    assert!(get("Geely").has(Shape::TITLE));
    assert!(!get("Geely").has(Shape::ALL_CAPS));
    assert!(get("ASEAN").has(Shape::ALL_CAPS));
    assert!(get("AT&T").has(Shape::ALL_CAPS));
    assert!(!get("iPhone").has(Shape::TITLE));
    assert!(get("1.5").has(Shape::DIGITS | Shape::HAS_DOT));
    assert!(get("Lü").has(Shape::TITLE | Shape::NON_ASCII));
    let blank = get("\n\n  \n");
    assert!(blank.has(Shape::NEWLINE | Shape::BLANK_LINE));
    let single = tokenize("a\r\nb")[1].shape;
    assert!(single.has(Shape::NEWLINE) && !single.has(Shape::BLANK_LINE));
}

#[test]
fn paragraphs_from_blank_lines() {
    let text = "Title\n\nFirst line.\nSecond line.\n \t\nLast.";
    let tokens = tokenize(text);
    let p: Vec<&str> = paragraphs(text, &tokens)
        .iter()
        .map(|s| s.text(text))
        .collect();
    assert_eq!(p, ["Title", "First line.\nSecond line.", "Last."]);
}
