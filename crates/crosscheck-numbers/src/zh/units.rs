//! Word lists of the Chinese scanner: currencies, classifiers and units,
//! the words that mark a change or a bound, and common words that hold a
//! numeral without being a figure. These are facts of the language, not
//! test inputs.

use super::numeral::skip_spaces;
use crate::quantity::QuantityKind;

/// Currency names written after a figure, longest first where one is the
/// start of another; ISO 4217 codes out (`Bitcoin` has none).
const CURRENCIES: &[(&str, &str)] = &[
    ("新加坡元", "SGD"),
    ("瑞士法郎", "CHF"),
    ("新西兰元", "NZD"),
    ("新台币", "TWD"),
    ("新台幣", "TWD"),
    ("澳门元", "MOP"),
    ("澳門元", "MOP"),
    ("澳门币", "MOP"),
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("越南盾", "VND"),
    ("印尼盾", "IDR"),
    ("林吉特", "MYR"),
    ("雷亚尔", "BRL"),
    ("比特币", "Bitcoin"),
    ("比特幣", "Bitcoin"),
    ("美元", "USD"),
    ("美圆", "USD"),
    ("美圓", "USD"),
    ("美金", "USD"),
    ("美刀", "USD"),
    ("欧元", "EUR"),
    ("歐元", "EUR"),
    ("日元", "JPY"),
    ("日圆", "JPY"),
    ("日圓", "JPY"),
    ("日币", "JPY"),
    ("日幣", "JPY"),
    ("英镑", "GBP"),
    ("英鎊", "GBP"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("港幣", "HKD"),
    ("台币", "TWD"),
    ("台幣", "TWD"),
    ("澳元", "AUD"),
    ("澳币", "AUD"),
    ("加元", "CAD"),
    ("加币", "CAD"),
    ("韩元", "KRW"),
    ("韓元", "KRW"),
    ("卢布", "RUB"),
    ("盧布", "RUB"),
    ("卢比", "INR"),
    ("泰铢", "THB"),
    ("泰銖", "THB"),
    ("奈拉", "NGN"),
    ("兰特", "ZAR"),
    ("里拉", "TRY"),
    ("纽元", "NZD"),
    ("瑞郎", "CHF"),
    ("新元", "SGD"),
    ("元", "CNY"),
    ("圆", "CNY"),
    ("圓", "CNY"),
    ("块", "CNY"),
    ("塊", "CNY"),
];

/// Characters after `元` that make a word, not money: `元素`, `元旦`, `二元组`.
const YUAN_WORDS: &str = "素旦宵件组組首老气氣音次年月朝帅帥凶宝寶代器胞";

/// Currencies written before a figure: `人民币 50元`, `￥300`.
pub(crate) fn currency_prefix(text: &str, pos: usize) -> Option<(&'static str, usize)> {
    let rest = text.get(pos..)?;
    for (name, iso) in [
        ("人民币", "CNY"),
        ("人民幣", "CNY"),
        ("港币", "HKD"),
        ("港幣", "HKD"),
        ("美元", "USD"),
        ("欧元", "EUR"),
        ("歐元", "EUR"),
        ("￥", "CNY"),
    ] {
        if rest.starts_with(name) {
            return Some((iso, pos + name.len()));
        }
    }
    None
}

/// A currency name at `pos` (after spaces when `spaces`, after a `个`
/// classifier for coins such as `比特币`); its code and end.
pub(crate) fn currency_suffix(
    text: &str,
    pos: usize,
    spaces: bool,
) -> Option<(&'static str, usize)> {
    let mut p = if spaces { skip_spaces(text, pos) } else { pos };
    let rest = text.get(p..)?;
    let mut classifier = false;
    let rest = if let Some(r) = rest.strip_prefix('个').or_else(|| rest.strip_prefix('個')) {
        p += '个'.len_utf8();
        classifier = true;
        r
    } else {
        rest
    };
    let (name, iso) = CURRENCIES.iter().find(|(name, _)| rest.starts_with(name))?;
    if classifier && *iso != "Bitcoin" {
        return None;
    }
    let mut end = p + name.len();
    let next = text[end..].chars().next();
    // 元 also makes words (`元素`, `元旦`); 块 is also "piece": money only
    // at the end of a phrase or before 钱.
    let word = match *name {
        "元" | "圆" | "圓" => next.is_some_and(|c| YUAN_WORDS.contains(c)),
        "块" | "塊" => next.is_some_and(|c| super::is_cjk(c) && c != '钱' && c != '錢'),
        _ => false,
    };
    if word {
        return None;
    }
    // `8亿元人民币`
    if *iso == "CNY" {
        for tail in ["人民币", "人民幣", "钱", "錢"] {
            if text[end..].starts_with(tail) {
                end += tail.len();
                break;
            }
        }
    }
    Some((iso, end))
}

/// A smaller coin after a money figure: its fraction of the main unit.
pub(crate) fn subunit(text: &str, pos: usize, currency: &str) -> Option<(f64, usize)> {
    let rest = text.get(pos..)?;
    let table: &[(&str, f64)] = match currency {
        "CNY" => &[
            ("角", 0.1),
            ("毛", 0.1),
            ("分钱", 0.01),
            ("分錢", 0.01),
            ("分", 0.01),
        ],
        "USD" => &[("美分", 0.01)],
        "EUR" => &[("欧分", 0.01), ("歐分", 0.01)],
        "JPY" => &[
            ("日本銭", 0.01),
            ("日本钱", 0.01),
            ("钱", 0.01),
            ("銭", 0.01),
        ],
        "GBP" => &[("便士", 0.01)],
        "HKD" => &[("港仙", 0.01), ("仙", 0.01)],
        _ => &[],
    };
    table
        .iter()
        .find(|(name, _)| rest.starts_with(name))
        .map(|(name, f)| (*f, pos + name.len()))
}

/// Classifiers and units after a figure: kind, unit, end.
const CLASSIFIERS: &[(&str, QuantityKind, &str)] = &[
    ("辆", QuantityKind::Count, "vehicle"),
    ("輛", QuantityKind::Count, "vehicle"),
    ("台", QuantityKind::Count, "unit"),
    ("套", QuantityKind::Count, "set"),
    ("件", QuantityKind::Count, "piece"),
    ("家", QuantityKind::Count, "enterprise"),
    ("名", QuantityKind::Count, "person"),
    ("位", QuantityKind::Count, "person"),
    ("人次", QuantityKind::Count, "visit"),
    ("人", QuantityKind::Count, "person"),
    ("户", QuantityKind::Count, "household"),
    ("戶", QuantityKind::Count, "household"),
    ("艘", QuantityKind::Count, "ship"),
    ("架", QuantityKind::Count, "aircraft"),
    ("项", QuantityKind::Count, "item"),
    ("項", QuantityKind::Count, "item"),
    ("个国家", QuantityKind::Count, "country"),
    ("個國家", QuantityKind::Count, "country"),
    ("个城市", QuantityKind::Count, "city"),
    ("个项目", QuantityKind::Count, "project"),
    ("个品牌", QuantityKind::Count, "brand"),
    ("吨", QuantityKind::Measure, "t"),
    ("噸", QuantityKind::Measure, "t"),
    ("千克", QuantityKind::Measure, "kg"),
    ("公斤", QuantityKind::Measure, "kg"),
    ("平方公里", QuantityKind::Measure, "km2"),
    ("平方千米", QuantityKind::Measure, "km2"),
    ("平方米", QuantityKind::Measure, "m2"),
    ("立方米", QuantityKind::Measure, "m3"),
    ("公里", QuantityKind::Measure, "km"),
    ("千米", QuantityKind::Measure, "km"),
    ("厘米", QuantityKind::Measure, "cm"),
    ("毫米", QuantityKind::Measure, "mm"),
    ("米", QuantityKind::Measure, "m"),
    ("公顷", QuantityKind::Measure, "ha"),
    ("千瓦时", QuantityKind::Measure, "kWh"),
    ("吉瓦时", QuantityKind::Measure, "GWh"),
    ("兆瓦时", QuantityKind::Measure, "MWh"),
    ("千瓦", QuantityKind::Measure, "kW"),
    ("兆瓦", QuantityKind::Measure, "MW"),
    ("吉瓦", QuantityKind::Measure, "GW"),
    ("标准箱", QuantityKind::Measure, "TEU"),
];

/// Characters after a classifier that make it part of a word (`台湾`, `家庭`).
const CLASSIFIER_WORDS: &str = "湾灣风風阶階上下前后後庭乡鄉长長里裡族属屬具电電";

/// A classifier or unit at `pos`: kind, unit lemma, end.
pub(crate) fn classifier(text: &str, pos: usize) -> Option<(QuantityKind, &'static str, usize)> {
    let rest = text.get(pos..)?;
    let (name, kind, unit) = CLASSIFIERS
        .iter()
        .find(|(name, _, _)| rest.starts_with(name))?;
    let end = pos + name.len();
    if name.chars().count() == 1
        && text[end..]
            .chars()
            .next()
            .is_some_and(|c| CLASSIFIER_WORDS.contains(c))
    {
        return None;
    }
    Some((*kind, unit, end))
}

/// Characters after `成` that make a word (`成为`, `成本`): not tenths.
pub(crate) const CHENG_WORDS: &str =
    "为為员員本功交立果长長熟绩績就型品分年人都效材套批群语語像全败敗形事色千";

/// Characters after `折` that make a word (`折合`, `折旧`): not a discount.
pub(crate) const ZHE_WORDS: &str = "合算旧舊叠疊射返腾騰扣线綫中磨服";

/// Common words holding a numeral that are not figures.
pub(crate) const WORDS: &[&str] = &[
    "一切",
    "一看",
    "一些",
    "一样",
    "一樣",
    "一起",
    "一般",
    "一直",
    "一定",
    "一旦",
    "一致",
    "一同",
    "一向",
    "一律",
    "一贯",
    "一貫",
    "一味",
    "一下",
    "一边",
    "一邊",
    "一面",
    "一时",
    "一時",
    "一再",
    "一流",
    "一体",
    "一體",
    "一系列",
    "一方面",
    "一带一路",
    "一帶一路",
    "一线",
    "一線",
    "一举",
    "一舉",
    "一番",
    "一手",
    "一口气",
    "一共",
    "一概",
    "一如",
    "一心",
    "一会",
    "一會",
    "一汽",
    "统一",
    "統一",
    "唯一",
    "万一",
    "萬一",
    "同一",
    "不一",
    "之一",
    "第一",
    "三星",
    "三一",
    "十分",
    "十足",
    "四川",
    "四处",
    "四處",
    "四周",
    "四面",
    "三明治",
    "八卦",
    "九州",
    "五金",
    "二手",
    "七夕",
    "两岸",
    "兩岸",
    "两会",
    "兩會",
    "三农",
    "三農",
    "五角大楼",
    "五角大樓",
    "一二",
    "老二",
    "老三",
    "老大",
    "小三",
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "週一",
    "週二",
    "週三",
    "週四",
    "週五",
    "週六",
    "初一",
    "双十一",
    "雙十一",
    "十一五",
    "十二五",
    "十三五",
    "十四五",
    "十五五",
];

/// Characters that do not make a word with a neighbouring numeral: copulas,
/// conjunctions, particles, classifiers.
pub(crate) fn is_function_char(c: char) -> bool {
    super::numeral::is_numeral_char(c)
        || "是为為和与與或的了及到至第前后後约約近共达達每有即等于於在个個元年月日号號块塊只对對双雙"
            .contains(c)
}

/// Words before a figure that make it a rise.
pub(crate) const UP_WORDS: &[&str] = &[
    "增长", "增長", "增加", "提高", "提升", "上升", "上涨", "上漲", "攀升", "扩大", "擴大", "增",
    "涨", "漲", "升", "增幅", "增速",
];

/// Words before a figure that make it a fall.
pub(crate) const DOWN_WORDS: &[&str] = &[
    "下降", "下滑", "减少", "減少", "回落", "降低", "下跌", "萎缩", "萎縮", "收窄", "缩小", "縮小",
    "下调", "下調", "降", "跌", "减", "減", "降幅",
];

/// Words before a figure that make it a lower bound.
pub(crate) const OVER_WORDS: &[&str] = &[
    "超过",
    "超過",
    "逾",
    "超",
    "多于",
    "多於",
    "高于",
    "高於",
    "不低于",
    "不少于",
    "至少",
];

/// Words before a figure that make it an upper bound.
pub(crate) const UNDER_WORDS: &[&str] = &[
    "不到",
    "不足",
    "低于",
    "低於",
    "少于",
    "少於",
    "不超过",
    "不超過",
    "最多",
];

/// Words before a figure that make it approximate.
pub(crate) const ABOUT_WORDS: &[&str] = &["约", "約", "大约", "大約", "近", "将近", "將近", "接近"];
