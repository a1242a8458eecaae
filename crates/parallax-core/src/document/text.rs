//! Plain text: paragraphs are blank-line separated blocks, or one line each in
//! files that have no blank lines at all.

use super::Builder;
use super::boilerplate::{self, Boilerplate};

/// One line: its byte range in the source, without the line end.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

pub(crate) fn parse(src: &str) -> Builder {
    let lines = split_lines(src);
    let blank = |l: &Line| src[l.start..l.end].trim().is_empty();
    let has_blank_lines = {
        let first = lines.iter().position(|l| !blank(l));
        let last = lines.iter().rposition(|l| !blank(l));
        matches!((first, last), (Some(a), Some(b)) if lines[a..b].iter().any(blank))
    };

    // Plain text keeps nearly all of its bytes: room for them up front.
    let mut b = Builder {
        text: String::with_capacity(src.len()),
        ..Builder::default()
    };
    let mut seen_prose = false;
    let mut block: Vec<Line> = Vec::new();
    for line in &lines {
        let content = &src[line.start..line.end];
        if blank(line) {
            flush(src, &mut block, &mut b, &mut seen_prose);
            continue;
        }
        match boilerplate::classify(content) {
            Some(kind) => {
                flush(src, &mut block, &mut b, &mut seen_prose);
                record(&mut b, kind);
            }
            None => {
                block.push(*line);
                if !has_blank_lines {
                    flush(src, &mut block, &mut b, &mut seen_prose);
                }
            }
        }
    }
    flush(src, &mut block, &mut b, &mut seen_prose);
    b
}

fn record(b: &mut Builder, kind: Boilerplate) {
    match kind {
        Boilerplate::Byline(name) => b.meta.byline = b.meta.byline.take().or(name),
        Boilerplate::Date(d) => b.meta.date = b.meta.date.take().or(Some(d)),
        Boilerplate::Caption => {}
    }
}

/// Emits the lines collected so far as one paragraph.
fn flush(src: &str, block: &mut Vec<Line>, b: &mut Builder, seen_prose: &mut bool) {
    let (Some(first), Some(last)) = (block.first(), block.last()) else {
        return;
    };
    let (start, end) = (first.start, last.end);
    let para = &src[start..end];
    // Leading and trailing whitespace (indentation, tabs) is not part of the prose.
    let mut at = start + (para.len() - para.trim_start().len());
    let mut body = para.trim();
    // "date 2026-01-25 The minister said…": the date is not part of the prose.
    if let Some((cut, date)) = boilerplate::metadata_prefix(body) {
        b.meta.date.get_or_insert(date);
        body = &body[cut..];
        at += cut;
    }
    if !*seen_prose && block.len() == 1 && boilerplate::is_title(body) {
        b.meta.title = Some(body.to_owned());
    }
    b.verbatim(body, at);
    b.end_paragraph();
    *seen_prose = true;
    block.clear();
}

fn split_lines(src: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in src.char_indices() {
        if c == '\n' {
            let end = if src[start..i].ends_with('\r') {
                i - 1
            } else {
                i
            };
            out.push(Line { start, end });
            start = i + 1;
        }
    }
    if start < src.len() {
        let end = if src.ends_with('\r') {
            src.len() - 1
        } else {
            src.len()
        };
        out.push(Line { start, end });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(b: &Builder) -> Vec<&str> {
        b.paragraphs.iter().map(|r| &b.text[r.clone()]).collect()
    }

    #[test]
    fn blank_lines_separate_wrapped_paragraphs() {
        let b = parse(
            "Storm hits coast\r\n\r\nBy | Updated\r\n\r\nThe storm came\r\nat night.\r\n\r\nIt left.\r\n",
        );
        assert_eq!(
            paras(&b),
            vec![
                "Storm hits coast",
                "The storm came\r\nat night.",
                "It left."
            ]
        );
        assert_eq!(b.meta.title.as_deref(), Some("Storm hits coast"));
        let r = b.paragraphs[1].clone();
        assert_eq!(b.map.to_file(r), Some(36..61));
    }

    #[test]
    fn files_without_blank_lines_have_one_paragraph_per_line() {
        let b = parse("First line here.\nimage\nSecond line.\n\tThird, indented.");
        assert_eq!(
            paras(&b),
            vec!["First line here.", "Second line.", "Third, indented."]
        );
        assert_eq!(b.meta.title, None);
    }

    #[test]
    fn metadata_lines_become_metadata() {
        let b = parse("date 2031-04-02 08:15\n\nFerry sinks in bay\n\nAll were saved.");
        assert_eq!(b.meta.date.as_deref(), Some("2031-04-02 08:15"));
        assert_eq!(b.meta.title.as_deref(), Some("Ferry sinks in bay"));
        assert_eq!(paras(&b).len(), 2);
    }
}
