//! Markdown to plain text with pulldown-cmark's offset iterator: heading
//! marks, emphasis, list bullets, link targets and inline HTML are not
//! text; blocks end with line breaks; soft line breaks inside a paragraph
//! are spaces. Every piece of text is mapped to its source bytes.

use crate::html::Extractor;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Plain text of `md` and the map from it to `md`'s byte offsets.
pub(crate) fn extract(md: &str) -> (String, crate::offsets::LayerBuilder) {
    let mut out = Extractor::with_capacity(md.len());
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(md, options).into_offset_iter() {
        let (start, end) = (range.start.min(md.len()), range.end.min(md.len()));
        match event {
            Event::Text(s) | Event::Code(s) => {
                let source = md.get(start..end).unwrap_or("");
                // Text as written maps byte for byte (inline code inside its
                // backticks); text that differs from its source (an escape,
                // an entity) maps as one unit.
                let found = if source == s.as_ref() {
                    Some(0)
                } else if source.starts_with('`') {
                    source.find(s.as_ref())
                } else {
                    None
                };
                if let Some((t, at)) = out.settle(&s, start + found.unwrap_or(0)) {
                    if found.is_some() {
                        out.push(t, at, t.len());
                    } else {
                        out.push(t, start, end - start);
                    }
                }
            }
            Event::SoftBreak if out.settle(" ", start).is_some() => {
                out.push(" ", start, end - start);
            }
            Event::HardBreak => out.block("\n", start),
            Event::Start(Tag::Item) => out.block("\n", start),
            Event::Start(Tag::TableCell) => out.block("\t", start),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Table(_)
                | Tag::List(_),
            ) => out.block("\n\n", start),
            Event::End(TagEnd::TableRow | TagEnd::TableHead | TagEnd::Item) => {
                out.block("\n", start)
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Table
                | TagEnd::List(_),
            ) => out.block("\n\n", end.saturating_sub(1)),
            Event::Rule => out.block("\n\n", start),
            _ => {}
        }
    }
    (out.text, out.layer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::OffsetMap;

    fn run(md: &str) -> (String, OffsetMap) {
        let (text, layer) = extract(md);
        (text, OffsetMap::identity().then(layer, md.len()))
    }

    #[test]
    fn markup_is_not_text() {
        let md = "# Exports rise\n\nZhejiang's **exports** reached\n43 billion yuan \
                  ([source](https://example.com/a.html)).\n\n- First item: 7%\n- Second item\n";
        let (text, map) = run(md);
        assert_eq!(
            text,
            "Exports rise\n\nZhejiang's exports reached 43 billion yuan (source).\n\nFirst item: 7%\nSecond item"
        );
        for needle in ["43 billion yuan", "exports", "7%", "Second item"] {
            let t = text.find(needle).unwrap();
            let (s, e) = (map.to_file(t), map.to_file_end(t + needle.len()));
            assert_eq!(&md[s..e], needle);
        }
    }

    #[test]
    fn escapes_entities_and_tables_map_into_the_source() {
        let md = "Sales \\* rose &amp; fell.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let (text, map) = run(md);
        assert!(text.starts_with("Sales * rose & fell."), "{text:?}");
        let amp = text.find('&').unwrap();
        assert_eq!(&md[map.to_file(amp)..map.to_file_end(amp + 1)], "&amp;");
        assert!(text.contains("a\tb\n1\t2"), "{text:?}");
    }
}
