//! The date a document says it was published, from its markup: what
//! `last year`, `the second half` and a dateline without its year
//! (`TOKYO, Jan. 3`) are read against. A news page states it for machines
//! (`<meta property="article:published_time" content="2025-02-26T08:00:00Z">`,
//! schema.org's `datePublished`, `<time pubdate datetime=...>`) even where
//! its text gives no year; a Markdown file in its front matter (`date:`).
//! Without it the recognizer falls back on the dateline and guesses the
//! year from the periods the text names.

/// A calendar day, as the recognizer's [`crosscheck_numbers::Context`]
/// takes it.
pub(crate) type Day = (i32, u8, u8);

/// How far into a page its head, and any JSON-LD, is looked for: the
/// metadata comes before the body's text, and a huge page is not searched
/// to its end for it.
const HEAD_BYTES: usize = 64 * 1024;

/// Attribute values (of `property`, `name` or `itemprop`) that name a
/// page's publication date, lowercase.
const PUBLISHED_NAMES: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
];

/// The publication date an HTML page gives in its metadata, if any.
pub(crate) fn html_published(html: &str) -> Option<Day> {
    let mut head_end = html.len().min(HEAD_BYTES);
    while !html.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &html[..head_end];
    // Tags in page order: the first that names the date wins. Only a
    // `meta` or `time` tag can, so only theirs are lowercased (ASCII case
    // changes no byte offset, so `<` and `>` are found in the page as is):
    // a lowercased copy of the whole head was most of the cost.
    let mut at = 0;
    let bytes = head.as_bytes();
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + i + 1;
        let end = memchr::memchr(b'>', &bytes[start..]).map_or(head.len(), |j| start + j);
        let tag = &head[start..end];
        at = end;
        let (name, attrs) = tag
            .split_once(|c: char| c.is_ascii_whitespace())
            .unwrap_or((tag, ""));
        let meta = name.eq_ignore_ascii_case("meta");
        if !meta && !name.eq_ignore_ascii_case("time") {
            continue;
        }
        let attrs = attrs.to_ascii_lowercase();
        let attrs = attrs.as_str();
        let day = if meta {
            let named = ["property", "name", "itemprop"]
                .iter()
                .filter_map(|a| attribute(attrs, a))
                .any(|v| PUBLISHED_NAMES.contains(&v.trim()));
            named.then(|| attribute(attrs, "content")).flatten()
        } else {
            let published = attrs.contains("pubdate")
                || attribute(attrs, "itemprop").is_some_and(|v| v.trim() == "datepublished");
            published.then(|| attribute(attrs, "datetime")).flatten()
        }
        .and_then(iso_day);
        if day.is_some() {
            return day;
        }
    }
    // JSON-LD (`"datePublished": "2025-02-26T08:00:00+08:00"`), which
    // sits in a script the text extraction drops.
    let lower = head.to_ascii_lowercase();
    let key = lower.find("\"datepublished\"")?;
    let rest = &lower[key + "\"datepublished\"".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    iso_day(rest.strip_prefix('"')?)
}

/// The date a Markdown file's front matter gives (`date: 2025-02-26`).
pub(crate) fn markdown_published(md: &str) -> Option<Day> {
    let mut lines = md.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for line in lines.take(64) {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            break;
        }
        if let Some((key, value)) = line.split_once(':') {
            let key = key.trim().to_ascii_lowercase();
            if matches!(
                key.as_str(),
                "date" | "published" | "publishdate" | "pubdate"
            ) {
                let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
                return iso_day(value);
            }
        }
    }
    None
}

/// The value of attribute `name` in a tag's lowercased attributes.
fn attribute<'t>(attrs: &'t str, name: &str) -> Option<&'t str> {
    let mut from = 0;
    while let Some(i) = find_short(&attrs.as_bytes()[from..], name.as_bytes()) {
        let at = from + i;
        from = at + name.len();
        // A whole attribute name: not the tail of `data-date` nor the head
        // of `datetime`.
        let before = attrs[..at].chars().next_back();
        if before.is_some_and(|c| !c.is_ascii_whitespace()) {
            continue;
        }
        let rest = attrs[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        return Some(match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &rest[1..];
                &body[..body.find(q).unwrap_or(body.len())]
            }
            _ => {
                &rest[..rest
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(rest.len())]
            }
        });
    }
    None
}

/// Where `needle` (not empty) first occurs in `hay`: the first byte's
/// vector search and a comparison there. A tag's attributes are a few dozen
/// bytes, and `memchr::memmem::find` built a searcher for each look-up (four
/// a `<meta>`), which cost more than the search.
fn find_short(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, &hay[from..]) {
        let at = from + i;
        if hay[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The day an ISO 8601 value starts with (`2025-02-26`, `2025-02-26T08:00Z`).
fn iso_day(value: &str) -> Option<Day> {
    let b = value.trim_start().as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = b.get(r)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let year = digits(0..4)?;
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    // A further digit is no day of this form (`2025-02-261`).
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // Four digits each way: the casts cannot truncate.
    let d = crosscheck_numbers::CalendarDate::checked(year as i32, month as u8, day as u8)
        .filter(|d| d.year >= 1000)?;
    Some((d.year, d.month, d.day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_real_day_is_read_back_and_any_text_is_survived(
            y in 1000i32..=9999,
            m in 1u8..=12,
            d in 1u8..=28,
            junk in ".{0,200}",
            quote in prop::sample::select(vec!['"', '\'']),
        ) {
            let page = format!(
                "<head>{junk}<meta name=DATE content={quote}{y:04}-{m:02}-{d:02}T00:00{quote}></head>"
            );
            // Junk before the tag may open a tag or a quote of its own that
            // swallows it; whatever is read is a real day.
            match html_published(&page) {
                Some((yy, mm, dd)) => {
                    prop_assert!((1..=12).contains(&mm) && (1..=31).contains(&dd) && yy >= 1000);
                }
                None => prop_assert!(junk.contains('<') || junk.contains('>')),
            }
            let clean = format!("<head><meta name=DATE content={quote}{y:04}-{m:02}-{d:02}{quote}></head>");
            prop_assert_eq!(html_published(&clean), Some((y, m, d)));
            let _ = markdown_published(&junk);
            let _ = html_published(&junk);
        }
    }

    #[test]
    fn a_page_s_published_time_is_its_date() {
        let html = r#"<html><head><title>T</title>
            <meta charset="utf-8">
            <meta name="description" content="2020-01-01 is no date of this page">
            <meta property="article:published_time" content="2025-02-26T08:00:00Z">
            </head><body><p>TOKYO, Jan. 3</p></body></html>"#;
        assert_eq!(html_published(html), Some((2025, 2, 26)));
        let html = r#"<meta content='2024-11-05' itemprop="datePublished">"#;
        assert_eq!(html_published(html), Some((2024, 11, 5)));
        let html =
            r#"<p>By A. Writer, <time pubdate datetime="2023-07-01T10:00">July 1</time></p>"#;
        assert_eq!(html_published(html), Some((2023, 7, 1)));
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2022-03-09T11:00:00+08:00"}</script>"#;
        assert_eq!(html_published(html), Some((2022, 3, 9)));
    }

    #[test]
    fn other_dates_and_bad_values_are_no_publication_date() {
        for html in [
            "<html><head><title>2025-02-26</title></head></html>",
            r#"<time datetime="2025-02-26">an event</time>"#,
            r#"<meta name="update" content="2025-02-26">"#,
            r#"<meta name="data-date" content="2025-02-26">"#,
            r#"<meta property="article:published_time" content="2025-02-30">"#,
            r#"<meta property="article:published_time" content="26/02/2025">"#,
            r#"<meta property="article:published_time" content="2025-02-261">"#,
            "<meta",
            "<",
            "",
        ] {
            assert_eq!(html_published(html), None, "{html}");
        }
    }

    #[test]
    fn a_front_matter_s_date_is_its_date() {
        assert_eq!(
            markdown_published("---\ntitle: X\ndate: \"2025-02-26\"\n---\n\n# X\n"),
            Some((2025, 2, 26))
        );
        assert_eq!(markdown_published("# X\n\ndate: 2025-02-26\n"), None);
        assert_eq!(
            markdown_published("---\ntitle: X\n---\ndate: 2025-02-26\n"),
            None
        );
    }
}
