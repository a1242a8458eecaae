//! Finding html5ever's text nodes back in the source.
//!
//! html5ever keeps no source positions, so each text node (decoded: character
//! references resolved, CR LF turned into LF, NULs dropped) is found again by a
//! forward search from where the previous node ended. Searches start only outside
//! tags, comments and attribute values; character references in the source map as
//! rewritten pieces onto their `&…;` bytes. A node that cannot be found (the parser
//! moved it, e.g. text fostered out of a table) maps as a whole onto the gap before
//! the next node that is found, so every piece of text still has a file position.

use std::ops::Range;

use web_atoms::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// A stretch of a text node and the source bytes it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seg {
    /// Range in the node's text.
    pub(crate) text: Range<usize>,
    /// Range in the source.
    pub(crate) src: Range<usize>,
    /// True when `text` equals the source bytes (so offsets inside map one to one).
    pub(crate) verbatim: bool,
}

/// How far past the previous node a node is searched for before giving up: keeps a
/// node the parser moved from costing a scan of the whole file.
const MAX_SCAN: usize = 1 << 20;

/// Locates text nodes in document order.
pub(crate) struct Locator<'a> {
    src: &'a str,
    runs: Vec<Range<usize>>,
    run: usize,
    cursor: usize,
    /// Nodes not found, waiting for the next found node to bound their region.
    lost: Vec<(usize, usize)>,
}

impl<'a> Locator<'a> {
    /// A locator over `src`, whose text runs `scan` found.
    pub(crate) fn new(src: &'a str, runs: Vec<Range<usize>>) -> Self {
        Self {
            src,
            runs,
            run: 0,
            cursor: 0,
            lost: Vec::new(),
        }
    }

    /// Finds `text` (node number `id`) after the previous node. Returns the segments of
    /// this node and those of earlier lost nodes whose region is now known.
    pub(crate) fn find(&mut self, id: usize, text: &str) -> Vec<(usize, Vec<Seg>)> {
        let mut out = Vec::new();
        match self.search(text) {
            Some((start, segs, end)) => {
                self.settle_lost(start, &mut out);
                self.cursor = end;
                out.push((id, segs));
            }
            None => self.lost.push((id, text.len())),
        }
        out
    }

    /// Places the nodes that were never found in the gap up to the end of the file.
    pub(crate) fn finish(mut self) -> Vec<(usize, Vec<Seg>)> {
        let mut out = Vec::new();
        self.settle_lost(self.src.len(), &mut out);
        out
    }

    fn settle_lost(&mut self, upto: usize, out: &mut Vec<(usize, Vec<Seg>)>) {
        let from = self.cursor.min(self.src.len().saturating_sub(1));
        let upto = upto.max(from + 1).min(self.src.len().max(from + 1));
        for (id, len) in self.lost.drain(..) {
            out.push((
                id,
                vec![Seg {
                    text: 0..len,
                    src: from..upto,
                    verbatim: false,
                }],
            ));
        }
    }

    fn search(&mut self, text: &str) -> Option<(usize, Vec<Seg>, usize)> {
        let first = text.chars().next()?;
        let limit = self.cursor.saturating_add(MAX_SCAN);
        // Runs wholly before the cursor are done for good; a failed search must not
        // consume the runs after it.
        while self
            .runs
            .get(self.run)
            .is_some_and(|r| r.end <= self.cursor)
        {
            self.run += 1;
        }
        for run in &self.runs[self.run..] {
            let mut p = run.start.max(self.cursor);
            while p < run.end {
                if p > limit {
                    return None;
                }
                let b = self.src.as_bytes()[p];
                if (matches!(b, b'&' | b'\r' | 0) || self.src[p..].starts_with(first))
                    && let Some((segs, end)) = match_at(self.src, p, text)
                {
                    return Some((p, segs, end));
                }
                p += self.src[p..].chars().next().map_or(1, char::len_utf8);
            }
        }
        None
    }
}

/// Matches node text `t` against the source at `p`; the segments and where it ended.
fn match_at(src: &str, p: usize, t: &str) -> Option<(Vec<Seg>, usize)> {
    let mut segs: Vec<Seg> = Vec::new();
    let (mut si, mut ti) = (p, 0);
    let push = |segs: &mut Vec<Seg>, text: Range<usize>, s: Range<usize>, verbatim: bool| {
        if let Some(last) = segs.last_mut()
            && verbatim
            && last.verbatim
            && last.text.end == text.start
            && last.src.end == s.start
        {
            last.text.end = text.end;
            last.src.end = s.end;
            return;
        }
        segs.push(Seg {
            text,
            src: s,
            verbatim,
        });
    };
    while ti < t.len() {
        let tc = t[ti..].chars().next()?;
        let sc = src.get(si..)?.chars().next()?;
        if sc == '&'
            && let Some((decoded, n)) = char_ref(&src[si..])
            && t[ti..].starts_with(decoded.as_str())
        {
            push(&mut segs, ti..ti + decoded.len(), si..si + n, false);
            ti += decoded.len();
            si += n;
        } else if sc == tc {
            push(
                &mut segs,
                ti..ti + tc.len_utf8(),
                si..si + sc.len_utf8(),
                true,
            );
            ti += tc.len_utf8();
            si += sc.len_utf8();
        } else if sc == '\r' && tc == '\n' {
            let n = if src[si + 1..].starts_with('\n') {
                2
            } else {
                1
            };
            push(&mut segs, ti..ti + 1, si..si + n, false);
            ti += 1;
            si += n;
        } else if sc == '\0' && tc == '\u{FFFD}' {
            push(&mut segs, ti..ti + 3, si..si + 1, false);
            ti += 3;
            si += 1;
        } else if sc == '<'
            && ti > 0
            && src
                .as_bytes()
                .get(si + 1)
                .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'/')
        {
            // A tag the parser ignored (a stray `</b>`) sits inside the text node.
            si = tag_end(src.as_bytes(), si + 1);
        } else if sc == '\0' && ti > 0 {
            si += 1; // the parser drops NULs in body text
        } else {
            return None;
        }
    }
    Some((segs, si))
}

/// Decodes the character reference at the start of `s` (which begins with '&') as
/// html5ever does: numeric references with the Windows-1252 fix-up for 0x80–0x9F,
/// named references from html5ever's own table, legacy names without a semicolon.
pub(crate) fn char_ref(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_at = if hex { 3 } else { 2 };
        let digits = b[digits_at..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let mut value: u32 = 0;
        for &c in &b[digits_at..digits_at + digits] {
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add((c as char).to_digit(16)?);
        }
        let mut end = digits_at + digits;
        if b.get(end) == Some(&b';') {
            end += 1;
        }
        let c = match value {
            0 => '\u{FFFD}',
            0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize]
                .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{FFFD}')),
            _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
        };
        return Some((c.to_string(), end));
    }
    let name_len = b[1..]
        .iter()
        .take(40)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    // The table also holds every prefix of every name, valued (0, 0).
    let get = |key: &str| NAMED_ENTITIES.get(key).filter(|v| v.0 != 0);
    let found = if b.get(1 + name_len) == Some(&b';') {
        get(&s[1..2 + name_len]).map(|v| (v, name_len + 2))
    } else {
        None
    }
    .or_else(|| {
        (2..=name_len)
            .rev()
            .find_map(|n| get(&name[..n]).map(|v| (v, n + 1)))
    });
    let (&(a, bb), len) = found?;
    let mut out = String::new();
    out.extend(char::from_u32(a));
    if bb != 0 {
        out.extend(char::from_u32(bb));
    }
    Some((out, len))
}

/// Elements whose content is text up to their end tag, not markup.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// What one pass over the markup learns before html5ever parses it.
pub(crate) struct Scan {
    /// Byte ranges outside tags, comments and declarations: the only places a text
    /// node can start.
    pub(crate) runs: Vec<Range<usize>>,
    /// An estimate of the element-stack scanning html5ever will do: the sum over start
    /// tags of the nesting depth. html5ever scans its stack of open elements at every
    /// start tag, so deliberately deep nesting makes parsing quadratic.
    pub(crate) parse_cost: u64,
    pub(crate) max_depth: usize,
}

/// Elements that never stay open (void) or close themselves implicitly; left out of
/// the depth estimate so that unclosed `<p>` and `<li>` do not inflate it.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "p", "li", "dt", "dd", "option",
    "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb", "rt", "rp", "rtc", "colgroup",
    "caption", "html", "head", "body", "",
];

/// The open-element stack as a simple parser would see it.
#[derive(Default)]
struct Nesting {
    stack: Vec<String>,
    open: std::collections::HashMap<String, usize>,
    cost: u64,
    max: usize,
}

impl Nesting {
    fn start(&mut self, name: &str, self_closing: bool) {
        self.cost += self.stack.len() as u64;
        if self_closing || NOT_NESTING.contains(&name) {
            return;
        }
        self.stack.push(name.to_owned());
        *self.open.entry(name.to_owned()).or_default() += 1;
        self.max = self.max.max(self.stack.len());
    }

    /// Pops to the matching open element, if there is one (amortised O(1)).
    fn end(&mut self, name: &str) {
        if self.open.get(name).is_none_or(|&n| n == 0) {
            return;
        }
        while let Some(top) = self.stack.pop() {
            *self.open.get_mut(&top).expect("counted when pushed") -= 1;
            if top == name {
                break;
            }
        }
    }
}

/// Finds the text runs of `src` and estimates how hard it is to parse.
pub(crate) fn scan(src: &str) -> Scan {
    let mut nesting = Nesting::default();
    let runs = text_runs(src, &mut nesting);
    Scan {
        runs,
        parse_cost: nesting.cost,
        max_depth: nesting.max,
    }
}

fn text_runs(src: &str, nesting: &mut Nesting) -> Vec<Range<usize>> {
    let b = src.as_bytes();
    let mut runs = Vec::new();
    let (mut start, mut i) = (0, 0);
    let push = |runs: &mut Vec<Range<usize>>, r: Range<usize>| {
        if !r.is_empty() {
            runs.push(r);
        }
    };
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off;
        let rest = &b[i + 1..];
        if rest.starts_with(b"!--") {
            push(&mut runs, start..i);
            i = find(b, i + 4, b"-->").map_or(b.len(), |e| e + 3);
            start = i;
        } else if rest.starts_with(b"![CDATA[") {
            push(&mut runs, start..i);
            let content = i + 9;
            let end = find(b, content, b"]]>").unwrap_or(b.len());
            push(&mut runs, content..end);
            i = (end + 3).min(b.len());
            start = i;
        } else if rest
            .first()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
        {
            push(&mut runs, start..i);
            let closing = rest[0] == b'/';
            let name_start = i + 1 + usize::from(closing);
            let name_len = b[name_start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let name = src[name_start..name_start + name_len].to_ascii_lowercase();
            i = tag_end(b, name_start + name_len);
            start = i;
            if closing {
                nesting.end(&name);
            } else if rest[0].is_ascii_alphabetic() {
                nesting.start(&name, b[..i].ends_with(b"/>"));
            }
            if !closing && let Some(raw) = RAW.iter().find(|r| **r == name) {
                let end = if *raw == "plaintext" {
                    b.len()
                } else {
                    end_tag(src, i, raw)
                };
                push(&mut runs, i..end);
                i = end;
                start = end;
            }
        } else {
            i += 1;
        }
    }
    push(&mut runs, start..b.len());
    runs
}

/// The offset just past the `>` that closes a tag whose attributes start at `i`;
/// quoted attribute values may hold `>`.
fn tag_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'>' => return i + 1,
            b'=' => {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = b.get(i) {
                    i = memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e + 1);
                }
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// Where `</name` starts at or after `from` (any case), else the end.
fn end_tag(src: &str, from: usize, name: &str) -> usize {
    let b = src.as_bytes();
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        let n = &b[p + 2..];
        if n.len() >= name.len() && n[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return p;
        }
        i = p + 2;
    }
    b.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = hay.get(from..)?;
    let first = needle[0];
    let mut i = 0;
    while let Some(p) = memchr(first, &hay[i..]) {
        if hay[i + p..].starts_with(needle) {
            return Some(from + i + p);
        }
        i += p + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_skip_tags_comments_and_quoted_angles() {
        let src = r#"<p title="a>b">One</p><!-- x<p>y --><script>if (a<b) {}</script>Two"#;
        let runs: Vec<&str> = scan(src).runs.into_iter().map(|r| &src[r]).collect();
        assert_eq!(runs, vec!["One", "if (a<b) {}", "Two"]);
    }

    #[test]
    fn nesting_estimate_ignores_unclosed_paragraphs_but_sees_deep_divs() {
        let flat = "<div><p>a<p>b<ul><li>c<li>d</ul><img src=x><br/></div>".repeat(100);
        assert_eq!(scan(&flat).max_depth, 2);
        let deep = format!("{}x{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let s = scan(&deep);
        assert_eq!(s.max_depth, 1000);
        assert_eq!(s.parse_cost, 999 * 1000 / 2);
        let unclosed_fonts = "<font>x</font><font>y".repeat(50);
        assert_eq!(scan(&unclosed_fonts).max_depth, 50);
    }

    #[test]
    fn character_references_decode_like_html5ever() {
        assert_eq!(char_ref("&amp; x"), Some(("&".into(), 5)));
        assert_eq!(char_ref("&#8217;s"), Some(("’".into(), 7)));
        assert_eq!(char_ref("&#x2014;"), Some(("—".into(), 8)));
        assert_eq!(char_ref("&#150;"), Some(("–".into(), 6)));
        assert_eq!(char_ref("&notit;"), Some(("¬".into(), 4)));
        assert_eq!(char_ref("&nbsp;"), Some(("\u{a0}".into(), 6)));
        assert_eq!(char_ref("&#99999999999;"), Some(("\u{FFFD}".into(), 14)));
        assert_eq!(char_ref("&zzz;"), None);
        assert_eq!(char_ref("& b"), None);
    }

    #[test]
    fn nodes_are_found_with_entities_as_rewritten_pieces() {
        let src = "<p title=\"Tom\">Tom &amp; Ana\r\nmet</p>";
        let mut l = Locator::new(src, scan(src).runs);
        let found = l.find(7, "Tom & Ana\nmet");
        assert_eq!(found.len(), 1);
        let segs = &found[0].1;
        assert_eq!(
            segs[0],
            Seg {
                text: 0..4,
                src: 15..19,
                verbatim: true
            }
        );
        assert_eq!(
            segs[1],
            Seg {
                text: 4..5,
                src: 19..24,
                verbatim: false
            }
        );
        assert_eq!(&src[segs[2].src.clone()], " Ana");
        assert_eq!(&src[segs[3].src.clone()], "\r\n");
        assert_eq!(&src[segs[4].src.clone()], "met");
    }

    #[test]
    fn ignored_end_tags_inside_a_text_node_are_stepped_over() {
        let src = "<h1>Storm hits</b> coast</h1>";
        let mut l = Locator::new(src, scan(src).runs);
        let found = l.find(0, "Storm hits coast");
        let spans: Vec<&str> = found[0].1.iter().map(|s| &src[s.src.clone()]).collect();
        assert_eq!(spans, vec!["Storm hits", " coast"]);
    }

    #[test]
    fn lost_nodes_take_the_gap_before_the_next_found_one() {
        let src = "<p>Alpha</p><p>Gamma</p>";
        let mut l = Locator::new(src, scan(src).runs);
        assert_eq!(l.find(1, "Alpha").len(), 1);
        assert!(l.find(2, "Beta").is_empty());
        let found = l.find(3, "Gamma");
        assert_eq!(
            found[0],
            (
                2,
                vec![Seg {
                    text: 0..4,
                    src: 8..15,
                    verbatim: false
                }]
            )
        );
        assert_eq!(found[1].1[0].src, 15..20);
        assert!(l.finish().is_empty());
    }
}
