//! One test per rule family, with names that are in no gazetteer.

use crosscheck_entities::{Entity, Label, Tagger};

fn tag(text: &str) -> Vec<(String, Label, String)> {
    Tagger::global()
        .tag_text(text)
        .into_iter()
        .map(|e: Entity| (e.span.text(text).to_string(), e.label, e.canonical))
        .collect()
}

fn has(found: &[(String, Label, String)], text: &str, label: Label) -> bool {
    found.iter().any(|(t, l, _)| t == text && *l == label)
}

fn canon<'a>(found: &'a [(String, Label, String)], text: &str) -> Option<&'a str> {
    found
        .iter()
        .find(|(t, _, _)| t == text)
        .map(|(_, _, c)| c.as_str())
}

#[test]
fn legal_suffixes_are_taken_whole() {
    let f = tag("Shipments by Qiaoxin Motor Components Co., Ltd. rose, and Varnholt GmbH agreed.");
    assert!(
        has(&f, "Qiaoxin Motor Components Co., Ltd.", Label::Company),
        "{f:?}"
    );
    assert!(has(&f, "Varnholt GmbH", Label::Company), "{f:?}");
    assert_eq!(canon(&f, "Varnholt GmbH"), Some("Varnholt"));
}

#[test]
fn business_tails_and_inner_ampersand() {
    let f = tag("Analysts at Dorvane Securities said Kestrel & Finch would buy Tolmere Group.");
    assert!(has(&f, "Dorvane Securities", Label::Company), "{f:?}");
    assert!(has(&f, "Kestrel & Finch", Label::Company), "{f:?}");
    assert!(has(&f, "Tolmere Group", Label::Company), "{f:?}");
}

#[test]
fn company_context_without_suffix() {
    let f = tag("Sales at battery maker Voltrana jumped, while shares of Quillex fell.");
    assert!(has(&f, "Voltrana", Label::Company), "{f:?}");
    assert!(has(&f, "Quillex", Label::Company), "{f:?}");
}

/// A day or month between a name and its verb is neither part of the name
/// nor a company itself (`Varnholt on Thursday reported` once tagged
/// `Thursday`).
#[test]
fn a_day_after_a_name_is_no_name() {
    let f = tag("Markets were calm. Varnholt on Thursday reported a loss. Qelmaris Ltd on Friday announced a deal. Tolvane in March reported a profit.");
    for day in ["Thursday", "Friday", "March"] {
        assert!(f.iter().all(|(t, _, _)| !t.contains(day)), "{day}: {f:?}");
    }
    assert!(has(&f, "Varnholt", Label::Company), "{f:?}");
    assert!(has(&f, "Qelmaris Ltd", Label::Company), "{f:?}");
    assert!(has(&f, "Tolvane", Label::Company), "{f:?}");
}

#[test]
fn short_form_shares_canonical_with_full_name() {
    let f = tag("Norvik Auto Group reported record sales. Norvik said exports doubled.");
    assert_eq!(canon(&f, "Norvik Auto Group"), Some("Norvik"));
    assert!(has(&f, "Norvik", Label::Company), "{f:?}");
    assert_eq!(canon(&f, "Norvik"), Some("Norvik"));
}

#[test]
fn possessive_is_not_in_the_span() {
    let f = tag("Zhejiang's exports rose. Geely's plant in Ningbo added a shift.");
    assert!(has(&f, "Zhejiang", Label::Place), "{f:?}");
    assert!(has(&f, "Geely", Label::Company), "{f:?}");
}

#[test]
fn organisations_by_head() {
    let f = tag("The Ministry of Commerce and Hangzhou Customs published data, the Xuzhou Institute of Logistics said.");
    assert!(
        has(&f, "Ministry of Commerce", Label::Organization),
        "{f:?}"
    );
    assert!(has(&f, "Hangzhou Customs", Label::Organization), "{f:?}");
    assert!(
        has(&f, "Xuzhou Institute of Logistics", Label::Organization),
        "{f:?}"
    );
}

#[test]
fn places_with_province_and_blocs() {
    let f =
        tag("Trade between Zhejiang Province and Southeast Asia grew, and exports to the EU fell.");
    assert_eq!(canon(&f, "Zhejiang Province"), Some("Zhejiang"));
    assert!(has(&f, "Southeast Asia", Label::Place), "{f:?}");
    assert_eq!(canon(&f, "EU"), Some("European Union"));
}

#[test]
fn demonyms_are_not_places() {
    let f = tag("Chinese and Brazilian buyers met in the North American market.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn pinyin_names_never_seen() {
    let f =
        tag("“Orders are strong,” said Qiao Lingyun. Lü Penghong, director of the bureau, agreed.");
    assert!(has(&f, "Qiao Lingyun", Label::Person), "{f:?}");
    assert!(has(&f, "Lü Penghong", Label::Person), "{f:?}");
}

#[test]
fn portuguese_names_with_particles_and_titles_dropped() {
    let f = tag(
        "Governor Jerônimo Rodrigues visited. According to Mariana dos Santos Falcão, output rose.",
    );
    assert!(has(&f, "Jerônimo Rodrigues", Label::Person), "{f:?}");
    assert!(has(&f, "Mariana dos Santos Falcão", Label::Person), "{f:?}");
}

#[test]
fn initials_and_role_context() {
    let f = tag("Peter J. Lindqvist, chief economist at Harborline Capital, disagreed.");
    assert!(has(&f, "Peter J. Lindqvist", Label::Person), "{f:?}");
    assert!(has(&f, "Harborline Capital", Label::Company), "{f:?}");
}

#[test]
fn surname_alone_points_to_full_name() {
    let f = tag("Wang Meifang leads the team. Wang said demand was firm.");
    assert_eq!(canon(&f, "Wang"), Some("Wang Meifang"));
}

#[test]
fn photo_credit_is_a_person() {
    let f = tag("Photo/Zhou Tianyu");
    assert!(has(&f, "Zhou Tianyu", Label::Person), "{f:?}");
}

#[test]
fn headline_capitals_are_not_entities() {
    let f = tag("Exports Soar As Demand Rebounds Across Southeast Asia\n\nBody text here.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(has(&f, "Southeast Asia", Label::Place), "{f:?}");
}

#[test]
fn sentence_initial_capitals_are_not_entities() {
    let f = tag("Production rose. Overseas demand held. Brazil bought more.");
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn ambiguous_words_take_the_sentence() {
    let f = tag("Exports to Jordan rose. Jordan Whitcombe said so.");
    assert!(has(&f, "Jordan", Label::Place), "{f:?}");
    assert!(has(&f, "Jordan Whitcombe", Label::Person), "{f:?}");
    let f = tag("China Daily reported that China grew.");
    assert!(has(&f, "China Daily", Label::Organization), "{f:?}");
    assert!(has(&f, "China", Label::Place), "{f:?}");
}

#[test]
fn acronym_in_brackets_is_an_alias() {
    let f = tag("The Ostrava Battery Association (OBA) said so. OBA expects more.");
    assert!(
        has(&f, "Ostrava Battery Association", Label::Organization),
        "{f:?}"
    );
    let oba: Vec<_> = f.iter().filter(|(t, _, _)| t == "OBA").collect();
    assert_eq!(oba.len(), 2, "{f:?}");
    assert!(oba
        .iter()
        .all(|(_, l, c)| *l == Label::Organization && c == "Ostrava Battery Association"));
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        " ",
        "A",
        "'s",
        "Mr.",
        "& Co",
        "( )",
        "Ü-",
        "Co., Ltd.",
        "\u{0}\u{ffff}",
    ] {
        let _ = tag(t);
    }
}

mod properties {
    use crosscheck_entities::Tagger;
    use proptest::prelude::*;

    fn check(text: &str) {
        let found = Tagger::global().tag_text(text);
        let mut last_end = 0;
        for e in &found {
            assert!(e.span.start >= last_end, "overlap or disorder in {text:?}");
            assert!(e.span.start < e.span.end && e.span.end <= text.len());
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            assert!(!e.canonical.is_empty());
            last_end = e.span.end;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_text_is_safe(text in "\\PC{0,200}") {
            check(&text);
        }

        #[test]
        fn name_like_text_is_safe(
            words in proptest::collection::vec(
                "(Mr\\.|Co\\.|Ltd\\.|of|and|&|'s|-|,|\\(|\\)|Zhejiang|Wang|Lü|São|[A-Z][a-z]{0,6}|[A-Z]{2,4}|[a-z]{1,5}|\n\n)",
                0..40,
            )
        ) {
            check(&words.join(" "));
        }
    }
}

#[test]
fn chinese_places_organisations_and_companies() {
    let f = tag("宁波海关表示，2025年浙江省对东盟出口增长，宁海星辰储能科技有限公司订单增加。");
    assert!(has(&f, "宁波海关", Label::Organization), "{f:?}");
    assert_eq!(canon(&f, "宁波海关"), Some("Ningbo Customs"));
    assert_eq!(canon(&f, "浙江省"), Some("Zhejiang"));
    assert!(has(&f, "东盟", Label::Place), "{f:?}");
    assert!(has(&f, "宁海星辰储能科技有限公司", Label::Company), "{f:?}");
}

#[test]
fn interview_speaker_that_is_no_person_is_the_publication() {
    let text = "Lena Brandt of Harvest Ledger spoke to the founder.\n\n\
                Harvest Ledger: Why expand now?\n\n\
                Okafor: Because buyers sign long contracts.\n\n\
                Harvest Ledger: And prices?\n\n\
                Okafor: They will recover.\n";
    let f = tag(text);
    let n = f
        .iter()
        .filter(|(t, l, _)| t == "Harvest Ledger" && *l == Label::Organization)
        .count();
    assert_eq!(n, 3, "{f:?}");
    assert!(has(&f, "Lena Brandt", Label::Person), "{f:?}");
}

#[test]
fn a_legal_form_never_opens_a_sentence() {
    let f = tag("The group buys cells from Varolind Batteries Pvt. Ltd., and motors from Japan.");
    assert!(
        has(&f, "Varolind Batteries Pvt. Ltd.", Label::Company),
        "{f:?}"
    );
    assert_eq!(canon(&f, "Varolind Batteries Pvt. Ltd."), Some("Varolind"));
}

#[test]
fn a_towns_possessive_after_its_namesake_company_is_the_company() {
    let f = tag("We cut Yongkang Motor to Neutral. Yongkang's average selling price fell.");
    assert!(has(&f, "Yongkang Motor", Label::Company), "{f:?}");
    assert!(has(&f, "Yongkang", Label::Company), "{f:?}");
    // A province keeps its own possessive.
    let f = tag("Zhejiang Orbis Motor grew. Zhejiang's exports rose.");
    assert!(has(&f, "Zhejiang", Label::Place), "{f:?}");
}

#[test]
fn regions_are_known_by_their_english_names() {
    // ISO 3166-2 names them in their own language (`Bayern`); GeoNames'
    // English names are in the gazetteer too.
    let f = tag("Exports from Bavaria, Lombardy and Catalonia rose, while Saxony's fell.");
    for place in ["Bavaria", "Lombardy", "Catalonia", "Saxony"] {
        assert!(has(&f, place, Label::Place), "{place}: {f:?}");
    }
}

#[test]
fn a_lower_case_legal_form_makes_a_company_at_a_sentence_start() {
    let f = tag("Keshua Cell plc (KESH) today announced its unaudited results for 2024.");
    assert!(has(&f, "Keshua Cell plc", Label::Company), "{f:?}");
    assert_eq!(canon(&f, "Keshua Cell plc"), Some("Keshua Cell"));
}

#[test]
fn a_country_opening_a_sentence_is_the_country() {
    for (text, name) in [
        ("China exported 5.3 million vehicles.", "China"),
        ("Japan is the second market.", "Japan"),
        ("Turkey raised its tariffs.", "Turkey"),
    ] {
        let f = tag(text);
        assert!(has(&f, name, Label::Place), "{text}: {f:?}");
    }
    // A country that is also a given name still needs more than its
    // place at a sentence's start.
    let f = tag("Chad said the plan was sound.");
    assert!(!has(&f, "Chad", Label::Place), "{f:?}");
}

#[test]
fn the_euro_area_is_a_place_in_lower_case_too() {
    let found = tag(
        "GDP rose 0.3% in the euro area and 0.2% in the eurozone's core. Euro zone \
                     inflation eased. Europe's neuro zones are not places.",
    );
    for name in ["euro area", "eurozone", "Euro zone"] {
        assert_eq!(canon(&found, name), Some("Euro Area"), "{name}: {found:?}");
        assert!(has(&found, name, Label::Place));
    }
    assert!(
        !found.iter().any(|(t, _, _)| t.contains("neuro")),
        "{found:?}"
    );
}

/// A company tail after a common word is a company where the words around
/// it say so (`Equity Research` alone stays a desk).
#[test]
fn a_common_word_and_a_tail_in_a_company_s_context_is_a_company() {
    let f = tag("Corvane agreed to acquire Helix Biotech for $52 a share. Summit Energy reported a loss. The Equity Research team said so.");
    assert!(has(&f, "Helix Biotech", Label::Company), "{f:?}");
    assert!(has(&f, "Summit Energy", Label::Company), "{f:?}");
    assert!(f.iter().all(|(t, _, _)| !t.contains("Equity")), "{f:?}");
}

#[test]
fn a_determiner_and_a_place_noun_name_no_place() {
    let f = tag("Press Release: Foreign Trade of Our Province from January to November 2025");
    assert!(f.iter().all(|(t, ..)| !t.contains("Province")), "{f:?}");
    // A name before the noun still is one.
    let f = tag("Trade of Qiantang Province grew.");
    assert!(has(&f, "Qiantang Province", Label::Place), "{f:?}");
}

#[test]
fn abbreviations_of_goods_and_measures_are_no_names() {
    let f = tag("NEV exports doubled in November. GDP rose 5%. EV sales rose and SUV sales fell.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_trade_s_noun_before_a_name_makes_a_company() {
    let f = tag("German carmaker Halden Automobilwerke said on Wednesday its profit fell.");
    assert!(has(&f, "Halden Automobilwerke", Label::Company), "{f:?}");
}
