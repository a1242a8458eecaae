//! The JSON report: [`Report`] as pretty JSON, made safe to print to a terminal.
//!
//! The bytes are those of `serde_json::to_string_pretty` with the characters it leaves
//! raw inside strings (DEL, C1 controls, bidi formatting, line separators) escaped as
//! `sanitize::json` escapes them, plus a final newline. They are written as
//! they are made, in one pass: a report of large sources is tens of megabytes, which
//! building as one string, scanning again for escapes and copying out cost as much as
//! making it. Groups, nearly all of it, are rendered in parallel on large inputs.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use super::{GroupReport, Report};
use crate::compare::model::DiscrepancyKind;
use crate::compare::model::FragmentKind;

/// The report as text (see [`write()`]).
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the report to `w`; an error leaves the output partly written (the caller
/// writes to a temporary file and renames it only on success).
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let sentences = report.sources.iter().map(|s| s.sentences).sum();
    let batch = report
        .parallelism
        .over(sentences)
        .is_parallel()
        .then_some(BATCH);
    write_batched(report, batch, w)
}

/// [`write`], rendering groups `batch` at a time in parallel (`None`: all at once
/// on this thread).
fn write_batched(report: &Report, batch: Option<usize>, w: &mut dyn Write) -> io::Result<()> {
    // The fields in the order of `Report`'s declaration, as serde writes them.
    let mut head = Vec::new();
    head.push(b'{');
    field(&mut head, true, "version", &report.version)?;
    field(&mut head, false, "pivot", &report.pivot)?;
    field(&mut head, false, "language", &report.language)?;
    field(&mut head, false, "sources", &report.sources)?;
    head.extend_from_slice(b",\n  \"groups\": [");
    w.write_all(&head)?;
    groups(&report.groups, batch, w)?;
    let mut tail = Vec::new();
    tail.extend_from_slice(if report.groups.is_empty() {
        b"]"
    } else {
        b"\n  ]"
    });
    field(&mut tail, false, "quotes", &report.quotes)?;
    field(&mut tail, false, "figures", &report.figures)?;
    if !report.notes.is_empty() {
        field(&mut tail, false, "notes", &report.notes)?;
    }
    tail.extend_from_slice(b"\n}\n");
    w.write_all(&tail)
}

/// Groups per batch: rendered (in parallel) then written, so that only a batch of
/// the text is held at once, and the file is written while the next batch renders
/// (with 4096, most of a 2 × 1 MB report was rendered before any of it was written).
const BATCH: usize = 512;
/// Groups per parallel task.
const PIECE: usize = 32;

/// The elements of the groups array, each on its own line at depth 2.
fn groups(groups: &[GroupReport], batch: Option<usize>, w: &mut dyn Write) -> io::Result<()> {
    let piece = |first: usize, piece: &[GroupReport]| -> io::Result<Vec<u8>> {
        // Room for the text (twice: the member's, then its fragments') and the keys
        // and indents around it, so that the buffer is rarely grown and copied.
        let room: usize = piece
            .iter()
            .flat_map(|g| &g.members)
            .map(|m| 2 * m.text.len() + 130 * m.fragments.len() + 200)
            .sum();
        let mut out = Vec::with_capacity(room + 400 * piece.len());
        for (i, g) in piece.iter().enumerate() {
            out.extend_from_slice(if first + i == 0 {
                b"\n    "
            } else {
                b",\n    "
            });
            group(&mut out, g);
        }
        Ok(out)
    };
    let Some(size) = batch else {
        return w.write_all(&piece(0, groups)?);
    };
    // A thread renders batch after batch (each across the pool) while this one
    // writes the one before; at most one batch waits.
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<io::Result<Vec<Vec<u8>>>>(1);
        scope.spawn(move || {
            for (b, batch) in groups.chunks(size).enumerate() {
                // Batches are made only when the report is written in parallel.
                let parts: Vec<(usize, &[GroupReport])> = batch.chunks(PIECE).enumerate().collect();
                let pieces: io::Result<Vec<Vec<u8>>> = crate::perf::par::Par::when(true)
                    .map(parts, |(p, part)| piece(b * size + p * PIECE, part));
                let failed = pieces.is_err();
                // A closed channel: writing failed and nobody waits any more.
                if tx.send(pieces).is_err() || failed {
                    break;
                }
            }
        });
        for pieces in rx {
            for p in pieces? {
                w.write_all(&p)?;
            }
        }
        Ok(())
    })
}

/// One group as serde would write it nested two deep (see [`Safe`]), written by hand:
/// groups are nearly all of a report, and serde's formatter calls (one per
/// punctuation mark and indent) cost more than the text. The report test compares
/// the two on reports with every field.
fn group(out: &mut Vec<u8>, g: &GroupReport) {
    // Levels as `Safe` counts them: the group is an element of an array at level 2.
    out.push(b'{');
    key(out, 3, true, "id");
    number(out, g.id);
    key(out, 3, false, "sources");
    array(out, 3, &g.sources, |out, &s| number(out, s));
    key(out, 3, false, "kind");
    string(out, g.kind.as_str());
    if let Some(c) = g.confidence {
        key(out, 3, false, "confidence");
        // As serde_json writes an f64: the shortest form that reads back, with ".0"
        // for whole numbers.
        let text = c.to_string();
        out.extend_from_slice(text.as_bytes());
        if !text.contains(['.', 'e']) {
            out.extend_from_slice(b".0");
        }
    }
    key(out, 3, false, "members");
    array(out, 3, &g.members, |out, m| {
        out.push(b'{');
        key(out, 5, true, "source");
        number(out, m.source);
        key(out, 5, false, "start");
        number(out, m.start);
        key(out, 5, false, "end");
        number(out, m.end);
        key(out, 5, false, "text");
        string(out, &m.text);
        key(out, 5, false, "fragments");
        array(out, 5, &m.fragments, |out, f| {
            out.push(b'{');
            key(out, 7, true, "kind");
            string(out, fragment_kind(f.kind));
            key(out, 7, false, "start");
            number(out, f.start);
            key(out, 7, false, "end");
            number(out, f.end);
            key(out, 7, false, "text");
            string(out, &f.text);
            close(out, 6);
        });
        close(out, 4);
    });
    key(out, 3, false, "discrepancies");
    array(out, 3, &g.discrepancies, |out, d| {
        out.push(b'{');
        key(out, 5, true, "kind");
        string(out, discrepancy_kind(d.kind));
        key(out, 5, false, "values");
        array(out, 5, &d.values, |out, v| {
            out.push(b'{');
            key(out, 7, true, "source");
            number(out, v.source);
            key(out, 7, false, "text");
            string(out, &v.text);
            key(out, 7, false, "start");
            number(out, v.start);
            key(out, 7, false, "end");
            number(out, v.end);
            close(out, 6);
        });
        close(out, 4);
    });
    close(out, 2);
}

/// `"name": ` as a field of an object whose fields are `level` deep.
fn key(out: &mut Vec<u8>, level: usize, first: bool, name: &str) {
    out.extend_from_slice(if first { b"\n" } else { b",\n" });
    pad(out, level);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// The end of an object that is `level` deep.
fn close(out: &mut Vec<u8>, level: usize) {
    out.push(b'\n');
    pad(out, level);
    out.push(b'}');
}

/// An array `level` deep, its elements one level deeper, each written by `each`.
fn array<T>(out: &mut Vec<u8>, level: usize, items: &[T], each: impl Fn(&mut Vec<u8>, &T)) {
    if items.is_empty() {
        out.extend_from_slice(b"[]");
        return;
    }
    for (i, item) in items.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"[\n" } else { b",\n" });
        pad(out, level + 1);
        each(out, item);
    }
    out.push(b'\n');
    pad(out, level);
    out.push(b']');
}

fn pad(out: &mut Vec<u8>, level: usize) {
    const SPACES: &[u8] = &[b' '; 16];
    out.extend_from_slice(&SPACES[..level * 2]);
}

fn fragment_kind(k: FragmentKind) -> &'static str {
    match k {
        FragmentKind::Same => "same",
        FragmentKind::Changed => "changed",
        FragmentKind::OnlyHere => "only_here",
    }
}

fn discrepancy_kind(k: DiscrepancyKind) -> &'static str {
    match k {
        DiscrepancyKind::Number => "number",
        DiscrepancyKind::Quote => "quote",
    }
}

fn number(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// `s` as a JSON string, escaped as serde_json escapes it (quotes, backslashes, C0
/// controls) and then as [`Safe`] does (DEL, C1 controls, bidi formatting, line
/// separators as `\uXXXX`). Runs of safe bytes are copied whole.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight plain bytes at a time: most of a report is ordinary prose.
        if crate::perf::swar::word(bytes, i).is_some_and(plain) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        if (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("i is at a character");
        let escape: Option<&[u8]> = match c {
            '"' => Some(b"\\\""),
            '\\' => Some(b"\\\\"),
            '\n' => Some(b"\\n"),
            '\t' => Some(b"\\t"),
            '\r' => Some(b"\\r"),
            '\u{8}' => Some(b"\\b"),
            '\u{c}' => Some(b"\\f"),
            _ => None,
        };
        if escape.is_none() && !(c < ' ' || crate::sanitize::is_unsafe(c)) {
            i += c.len_utf8();
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        match escape {
            Some(e) => out.extend_from_slice(e),
            None => out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
        }
        i += c.len_utf8();
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Whether all eight bytes of `x` are printable ASCII other than `"` and `\\`, which
/// JSON copies as they are.
fn plain(x: u64) -> bool {
    use crate::perf::swar::{has_above, has_below, has_byte};
    !(has_below(x, 0x20) || has_above(x, 0x7e) || has_byte(x, b'"') || has_byte(x, b'\\'))
}

/// `"name": value` as a field of the top-level object.
fn field(out: &mut Vec<u8>, first: bool, name: &str, value: &impl Serialize) -> io::Result<()> {
    out.extend_from_slice(if first { b"\n  \"" } else { b",\n  \"" });
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
    value_at(out, 1, value)
}

/// `value` as pretty JSON nested `level` deep.
fn value_at(out: &mut Vec<u8>, level: usize, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe::at(level));
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// serde_json's `PrettyFormatter` (two spaces), starting at any depth, which also
/// escapes what [`crate::sanitize::json`] escapes: string text is the only place
/// such characters can be, and reaches the writer through `write_string_fragment`.
struct Safe {
    level: usize,
    has_value: bool,
}

impl Safe {
    fn at(level: usize) -> Self {
        Self {
            level,
            has_value: false,
        }
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        w.write_all(if comma { b",\n" } else { b"\n" })?;
        indent(w, self.level)
    }
}

fn indent<W: ?Sized + Write>(w: &mut W, level: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 64];
    let mut n = level * 2;
    while n > 0 {
        let k = n.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

impl Formatter for Safe {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        // serde_json has already escaped quotes, backslashes and C0 controls (newlines
        // included) around this fragment, so printable ASCII below DEL, nearly every
        // fragment, is safe as it is.
        if s.bytes().all(|b| b < 0x7f) {
            return w.write_all(s.as_bytes());
        }
        w.write_all(crate::sanitize::json(s).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Comparison;
    use crate::document::{Document, Format};
    use crate::report::NoteReport;
    use crate::source::Source;

    proptest::proptest! {
        #[test]
        fn strings_are_escaped_as_serde_and_the_sanitiser_would(
            s in "([a-zA-Z .,\"\\\\/~\u{7f}\u{0}-\u{1f}\u{80}-\u{9f}é“”\u{2028}\u{202e}\u{feff}日]{0,12}){0,6}",
        ) {
            let mut out = Vec::new();
            string(&mut out, &s);
            let expected = crate::sanitize::json(&serde_json::to_string(&s).unwrap()).into_owned();
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), expected);
        }

        #[test]
        fn plain_words_are_exactly_those_of_plain_bytes(
            plain_bytes in proptest::collection::vec(0x20u8..0x7f, 8),
            odd in proptest::option::of((0usize..8, proptest::sample::select(vec![
                0x00u8, 0x01, 0x1f, 0x22, 0x5c, 0x7f, 0x80, 0x81, 0xc2, 0xfe, 0xff,
            ]))),
        ) {
            let mut bytes: [u8; 8] = plain_bytes.try_into().unwrap();
            if let Some((at, b)) = odd {
                bytes[at] = b;
            }
            let each = bytes.iter().all(|&b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\');
            proptest::prop_assert_eq!(plain(u64::from_le_bytes(bytes)), each);
        }
    }

    /// What the report was first defined as: serde_json's pretty printing, escaped.
    fn reference(report: &Report) -> String {
        let raw = serde_json::to_string_pretty(report).unwrap();
        let mut s = crate::sanitize::json(&raw).into_owned();
        s.push('\n');
        s
    }

    fn note(id: u64, text: &str, group: Option<usize>) -> NoteReport {
        NoteReport {
            id,
            source: 0,
            start: 1,
            end: 5,
            quote: "the \u{202e}quote".into(),
            text: text.into(),
            detached: group.is_none(),
            group,
        }
    }

    #[test]
    fn written_reports_are_serde_pretty_json_made_safe() {
        // Small, and large enough for the parallel path.
        for (n, bytes) in [(2, 12_000), (3, 30_000), (4, 300_000)] {
            // Characters serde leaves raw and sanitize escapes, and some serde escapes,
            // in a passage two sources share.
            let hostile = "\n\nA tab\there, ESC \u{1b}[2J, DEL \u{7f}, CSI \u{9b}, RLO \u{202e} \
                and LS \u{2028} said \"the mayor\" \\ o/ on Tuesday.\n";
            let sources = crate::corpus::generate(n, bytes, 11)
                .into_iter()
                .enumerate()
                .map(|(i, mut text)| {
                    text.push_str(hostile);
                    let name = format!("s{i}.txt");
                    let doc = Document::from_bytes(&name, text.as_bytes(), Format::Text);
                    Source::new(doc.unwrap())
                })
                .collect();
            let c = Comparison::new(sources);
            for pivot in [0, n - 1] {
                let mut r = Report::build(&c, pivot);
                let expected = reference(&r);
                assert_eq!(render(&r), expected, "{n} sources, pivot {pivot}");
                // In parallel, in batches that do not divide the groups evenly.
                assert!(n < 3 || r.groups.len() > 3 * PIECE);
                let mut batched = Vec::new();
                write_batched(&r, Some(PIECE + 7), &mut batched).unwrap();
                assert_eq!(String::from_utf8(batched).unwrap(), expected);
                r.notes = vec![note(1, "first\u{9b}", Some(0)), note(2, "second", None)];
                let text = render(&r);
                assert_eq!(text, reference(&r), "{n} sources with notes");
                assert!(text.contains("\\u009b") && !text.contains('\u{9b}'));
            }
        }
    }

    #[test]
    fn an_empty_report_is_serde_pretty_json() {
        let c = Comparison::new(crate::corpus::sources(2, 2_000, 5));
        let mut r = Report::build(&c, 1);
        r.groups.clear();
        r.sources.clear();
        assert_eq!(render(&r), reference(&r));
    }
}
