//! Markdown: rendered to its prose (headings, paragraphs, list items, quotes),
//! skipping code blocks, images and raw HTML, with offsets into the file kept.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Builder;
use super::boilerplate::{self, Boilerplate};

pub(crate) fn parse(src: &str) -> Builder {
    let mut b = Builder::default();
    let mut skip = 0usize; // depth inside images / code blocks / metadata
    let mut in_heading = false;
    let mut seen_prose = false;
    let parser = Parser::new_ext(
        src,
        Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TABLES
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    );
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(
                Tag::Image { .. } | Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock,
            ) => skip += 1,
            Event::End(
                TagEnd::Image | TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock,
            ) => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell) => {}
            Event::End(
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell,
            ) => {
                close(&mut b, in_heading, &mut seen_prose);
                in_heading = false;
            }
            Event::Text(t) => {
                if src.get(range.clone()) == Some(&*t) {
                    b.verbatim(&t, range.start);
                } else {
                    b.rewritten(&t, range);
                }
            }
            Event::Code(t) => match src.get(range.clone()).and_then(|s| s.find(&*t)) {
                // Inline code: the text sits inside the backticks.
                Some(pos) => b.verbatim(&t, range.start + pos),
                None => b.rewritten(&t, range),
            },
            Event::SoftBreak | Event::HardBreak => b.rewritten(" ", range),
            _ => {}
        }
    }
    close(&mut b, false, &mut seen_prose);
    b
}

/// Ends a block, dropping it if it is boilerplate and noting the title.
fn close(b: &mut Builder, heading: bool, seen_prose: &mut bool) {
    b.cut_metadata_prefix();
    let current = b.current().trim().to_owned();
    if current.is_empty() {
        b.end_paragraph();
        return;
    }
    match boilerplate::classify(&current) {
        Some(kind) => {
            match kind {
                Boilerplate::Byline(name) => b.meta.byline = b.meta.byline.take().or(name),
                Boilerplate::Date(d) => b.meta.date = b.meta.date.take().or(Some(d)),
                Boilerplate::Caption => {}
            }
            // Take the block back out: it is not prose.
            b.discard_paragraph();
        }
        None => {
            if !*seen_prose
                && b.meta.title.is_none()
                && (heading || boilerplate::is_title(&current))
            {
                b.meta.title = Some(current);
            }
            *seen_prose = true;
            b.end_paragraph();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_prose_and_keeps_offsets() {
        let src = "# Dam *breach* floods valley\n\n![Photo](x.png)\n\nPhoto: A. Lind\n\nThe dam at **Orsk** failed\nat dawn.\n\n```\ncode\n```\n\n- one item here\n";
        let b = parse(src);
        let paras: Vec<&str> = b.paragraphs.iter().map(|r| &b.text[r.clone()]).collect();
        assert_eq!(
            paras,
            vec![
                "Dam breach floods valley",
                "The dam at Orsk failed at dawn.",
                "one item here"
            ]
        );
        assert_eq!(b.meta.title.as_deref(), Some("Dam breach floods valley"));
        let orsk = b.text.find("Orsk").unwrap();
        let span = b.map.to_file(orsk..orsk + 4).unwrap();
        assert_eq!(&src[span], "Orsk");
        let whole = b.map.to_file(b.paragraphs[1].clone()).unwrap();
        assert_eq!(&src[whole], "The dam at **Orsk** failed\nat dawn.");
    }

    #[test]
    fn entities_map_to_their_source_bytes() {
        let src = "Tom &amp; Jerry met.";
        let b = parse(src);
        let amp = b.text.find('&').unwrap();
        assert_eq!(b.map.to_file(amp..amp + 1), Some(4..9));
    }
}
