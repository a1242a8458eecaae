//! HTML: a saved web page reduced to its article, with offsets into the HTML file.
//!
//! html5ever (through scraper) parses; [`score`] picks the element holding the article,
//! [`furniture`] drops navigation, ads, share bars and the like inside it, [`meta`] reads
//! title, date and byline, and [`locate`] finds each text node back in the source so
//! that every extracted byte maps to the bytes it came from. Paragraphs are block
//! elements (and `<br><br>`); whitespace collapses as a browser shows it.

mod furniture;
mod locate;
mod meta;
mod score;

use std::collections::HashMap;
use std::ops::Range;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::Builder;
use super::boilerplate::{self, Boilerplate};
use locate::{Locator, Seg};

/// Above this estimated stack scanning (see [`locate::Scan`]) parsing would take
/// more than a few seconds. The 1.4 MB test page with 7,500 paragraphs costs 10⁵ (3
/// million tags 30 deep would cost 9·10⁷), while 100,000 nested `<div>`s cost 5·10⁹
/// and took html5ever four minutes.
const MAX_PARSE_COST: u64 = 200_000_000;

/// The article of the page in `src`, or why the page is refused.
pub(crate) fn parse(src: &str) -> Result<Builder, String> {
    let scan = locate::scan(src);
    if scan.parse_cost > MAX_PARSE_COST {
        return Err(format!(
            "HTML nested {} elements deep, too deep to parse in reasonable time; not a saved article",
            scan.max_depth
        ));
    }
    let doc = Html::parse_document(src);
    let segs = locate_all(src, scan.runs, &doc);
    let root = score::article_root(&doc);
    let page = meta::read(&doc, root);
    let mut e = Emitter {
        b: Builder::default(),
        src,
        segs: &segs,
        space: None,
        chars: 0,
        link_chars: 0,
        links: 0,
        after_br: false,
    };
    let h1 = page.h1.and_then(|id| doc.tree.get(id));
    let root_node = doc.tree.get(root);
    let first_byte = |n: NodeRef<'_, Node>| {
        n.descendants().find_map(|d| {
            segs.get(&d.id())
                .and_then(|s| s.first())
                .map(|s| s.src.start)
        })
    };
    // The headline leads the prose, as in the other formats, when the page puts it
    // before the article element; inside the article it stays in place. Either way
    // paragraphs stay in file order.
    let leads = h1.is_some_and(|h| {
        h.id() != root
            && !h.ancestors().any(|a| a.id() == root)
            && root_node.is_some_and(|r| !r.ancestors().any(|a| a.id() == h.id()))
            && first_byte(h)
                .is_some_and(|at| root_node.and_then(first_byte).is_none_or(|r| at <= r))
    });
    if let (true, Some(h1)) = (leads, h1) {
        e.walk(h1);
        e.flush();
    }
    if let Some(root) = root_node {
        e.walk(root);
        e.flush();
    }
    let h1_text = h1.map(meta::text_of).filter(|t| !t.is_empty());
    let mut b = e.b;
    b.meta.title = h1_text.or(page.title);
    b.meta.date = page.date.or(b.meta.date.take());
    b.meta.byline = page.byline.or(b.meta.byline.take());
    Ok(b)
}

/// Source segments of every non-blank text node, found in document order.
fn locate_all(src: &str, runs: Vec<Range<usize>>, doc: &Html) -> HashMap<NodeId, Vec<Seg>> {
    let mut loc = Locator::new(src, runs);
    let mut ids = Vec::new();
    let mut out = HashMap::new();
    for n in doc.tree.root().descendants() {
        let Some(t) = n.value().as_text() else {
            continue;
        };
        if t.trim().is_empty() {
            continue;
        }
        ids.push(n.id());
        for (i, segs) in loc.find(ids.len() - 1, t) {
            out.insert(ids[i], segs);
        }
    }
    for (i, segs) in loc.finish() {
        out.insert(ids[i], segs);
    }
    out
}

/// Block elements: each starts and ends a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "legend",
];

/// Openings of short paragraphs that are page furniture even without telling markup.
const FURNITURE: &[&str] = &[
    "related",
    "read more",
    "read next",
    "more on this",
    "more from",
    "most read",
    "most popular",
    "recommended",
    "share this",
    "share on",
    "share article",
    "follow us",
    "sign up",
    "subscribe",
    "advertisement",
    "you may also like",
    "see also",
    "also read",
    "trending",
    "comments",
    "click here",
    "skip to",
    "listen to this",
    "continue reading",
    "copyright",
    "©",
    "all rights reserved",
];

struct Emitter<'a> {
    b: Builder,
    src: &'a str,
    segs: &'a HashMap<NodeId, Vec<Seg>>,
    /// A space waiting for the next word: its source bytes, if any.
    space: Option<Option<Range<usize>>>,
    /// Non-blank chars in the open paragraph, and how many of them are link text.
    chars: usize,
    link_chars: usize,
    links: usize,
    after_br: bool,
}

impl Emitter<'_> {
    /// Emits the prose under `node`, skipping chrome.
    fn walk(&mut self, node: NodeRef<'_, Node>) {
        let mut skipping: Option<NodeId> = None;
        for edge in node.traverse() {
            match edge {
                Edge::Open(n) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match n.value() {
                        Node::Element(el) => {
                            if furniture::is_furniture(el) {
                                skipping = Some(n.id());
                                continue;
                            }
                            match el.name() {
                                "br" => self.br(),
                                "a" => self.links += 1,
                                name if BLOCKS.contains(&name) => self.flush(),
                                _ => {}
                            }
                        }
                        Node::Text(t) => self.text(n.id(), t),
                        _ => {}
                    }
                }
                Edge::Close(n) => {
                    if skipping == Some(n.id()) {
                        skipping = None;
                        // A dropped block still separates what is around it.
                        if n.value()
                            .as_element()
                            .is_some_and(|e| BLOCKS.contains(&e.name()))
                        {
                            self.flush();
                        }
                        continue;
                    }
                    if skipping.is_some() {
                        continue;
                    }
                    if let Some(el) = n.value().as_element() {
                        match el.name() {
                            "a" => self.links = self.links.saturating_sub(1),
                            name if BLOCKS.contains(&name) => self.flush(),
                            _ => {}
                        }
                    }
                }
            }
        }
    }

    /// One `<br>` is a line break inside a paragraph; two in a row end it.
    fn br(&mut self) {
        if self.after_br {
            self.flush();
        } else if self.chars > 0 {
            self.space = Some(None);
        }
        self.after_br = true;
    }

    fn text(&mut self, id: NodeId, t: &str) {
        let Some(segs) = self.segs.get(&id) else {
            // Blank nodes are not located: they only ever stand for a space.
            if self.chars > 0 && self.space.is_none() {
                self.space = Some(None);
            }
            return;
        };
        for seg in segs {
            let piece = &t[seg.text.clone()];
            if !seg.verbatim {
                if piece.chars().all(char::is_whitespace) {
                    self.pending_space(seg.src.clone());
                } else {
                    self.word_start();
                    self.count(piece);
                    self.b.rewritten(piece, seg.src.clone());
                }
                continue;
            }
            // Verbatim text: words copied as they are, whitespace runs collapsed.
            let mut rest = piece;
            let mut at = seg.src.start;
            while !rest.is_empty() {
                let ws = rest.starts_with(char::is_whitespace);
                let n = rest
                    .find(|c: char| c.is_whitespace() != ws)
                    .unwrap_or(rest.len());
                if ws {
                    self.pending_space(at..at + n);
                } else {
                    self.word_start();
                    self.count(&rest[..n]);
                    self.b.verbatim(&self.src[at..at + n], at);
                }
                at += n;
                rest = &rest[n..];
            }
        }
    }

    fn pending_space(&mut self, src: Range<usize>) {
        if self.chars > 0 && self.space.is_none() {
            self.space = Some(Some(src));
        }
    }

    /// Writes the space owed before a word.
    fn word_start(&mut self) {
        self.after_br = false;
        match self.space.take() {
            Some(_) if self.chars == 0 => {}
            Some(Some(r)) => self.b.rewritten(" ", r),
            Some(None) => self.b.inserted(" "),
            None => {}
        }
    }

    fn count(&mut self, s: &str) {
        let n = s.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += n;
        if self.links > 0 {
            self.link_chars += n;
        }
    }

    /// Ends the open paragraph, keeping it only if it is prose.
    fn flush(&mut self) {
        self.space = None;
        self.after_br = false;
        let (chars, link_chars) = (
            std::mem::take(&mut self.chars),
            std::mem::take(&mut self.link_chars),
        );
        self.b.cut_metadata_prefix();
        let current = self.b.current().trim().to_owned();
        if current.is_empty() {
            self.b.end_paragraph();
            return;
        }
        // Lists of links (menus, "more stories") and furniture phrases are not prose.
        if link_chars * 2 > chars || is_furniture(&current) {
            self.b.discard_paragraph();
            return;
        }
        match boilerplate::classify(&current) {
            Some(kind) => {
                match kind {
                    Boilerplate::Byline(name) => {
                        self.b.meta.byline = self.b.meta.byline.take().or(name)
                    }
                    Boilerplate::Date(d) => self.b.meta.date = self.b.meta.date.take().or(Some(d)),
                    Boilerplate::Caption => {}
                }
                self.b.discard_paragraph();
            }
            None => self.b.end_paragraph(),
        }
    }
}

fn is_furniture(p: &str) -> bool {
    let lower = p.to_lowercase();
    let words = lower.split_whitespace().count();
    if words <= 8 && FURNITURE.iter().any(|f| lower.starts_with(f)) {
        return true;
    }
    // Cookie notices without telling markup.
    words <= 60
        && lower.contains("cookie")
        && ["accept", "consent", "privacy", "agree"]
            .iter()
            .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(b: &Builder) -> Vec<&str> {
        b.paragraphs.iter().map(|r| &b.text[r.clone()]).collect()
    }

    const PAGE: &str = r##"<!DOCTYPE html>
<html><head><title>Dam breach floods valley | Valley Times</title>
<meta property="article:published_time" content="2031-05-06T07:00:00Z">
<meta name="author" content="Ana Ruiz"><style>p { color: red }</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><h1>Dam breach  floods
   valley</h1></header>
<article><p class="byline">By Ana Ruiz</p>
<p>The dam at Orsk failed at dawn&nbsp;on Tuesday, officials said.</p>
<figure><img src="a.jpg"><figcaption>Water in the streets. Photo: K. Ito</figcaption></figure>
<div class="ad-slot">Advertisement</div>
<p>About 1,200 people left their homes &mdash; most by boat.<br>Schools are closed.</p>
<div class="share-buttons"><a href="#">Share on social media</a></div>
<aside><h2>Related stories</h2><p>Other dam fails.</p></aside>
<p>Rain is expected to continue <a href="/w">through Friday</a>, the weather office said.</p>
</article><script>var x = "<p>not prose</p>";</script>
<footer>© 2031 Valley Times</footer></body></html>"##;

    #[test]
    fn extracts_the_article_and_nothing_else() {
        let b = parse(PAGE).unwrap();
        assert_eq!(
            paras(&b),
            vec![
                "Dam breach floods valley",
                "The dam at Orsk failed at dawn on Tuesday, officials said.",
                "About 1,200 people left their homes — most by boat. Schools are closed.",
                "Rain is expected to continue through Friday, the weather office said.",
            ]
        );
        assert_eq!(b.meta.title.as_deref(), Some("Dam breach floods valley"));
        assert_eq!(b.meta.date.as_deref(), Some("2031-05-06T07:00:00Z"));
        assert_eq!(b.meta.byline.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn offsets_point_into_the_html() {
        let b = parse(PAGE).unwrap();
        for r in &b.paragraphs {
            let span = b.map.to_file(r.clone()).unwrap();
            let text = &b.text[r.clone()];
            let first = text.split_whitespace().next().unwrap();
            let last = text.split_whitespace().last().unwrap();
            assert!(
                PAGE[span.clone()].starts_with(first),
                "{text:?} vs {:?}",
                &PAGE[span.clone()]
            );
            assert!(PAGE[span].ends_with(last));
        }
        let dash = b.text.find('—').unwrap();
        assert_eq!(
            b.map.to_file(dash..dash + 3).map(|r| &PAGE[r]),
            Some("&mdash;")
        );
        let nbsp = b.text.find("dawn on").unwrap() + 4;
        assert_eq!(
            b.map.to_file(nbsp..nbsp + 1).map(|r| &PAGE[r]),
            Some("&nbsp;")
        );
    }

    #[test]
    fn pages_without_article_markup_are_scored() {
        let long =
            "The harbour crane collapsed onto two ships, injuring four workers, the port said.";
        let html = format!(
            "<html><body><div id=top><a href=/>Home</a> <a href=/x>World</a></div><div class=wrap><div id=c><p>{long}</p><p>{long}</p></div></div><div><p><a href=/y>Another story about cranes, ships and ports, elsewhere</a></p></div></body></html>"
        );
        let b = parse(&html).unwrap();
        assert_eq!(paras(&b), vec![long, long]);
    }

    #[test]
    fn paragraphs_keep_file_order_around_the_headline() {
        let long =
            "The harbour crane collapsed onto two ships, injuring four workers, the port said.";
        // Headline before the article: it leads. Inside, after a kicker: it stays put.
        for html in [
            format!(
                "<body><h1>Crane falls</h1><article><p>{long}</p><p>{long}</p></article></body>"
            ),
            format!(
                "<body><article><p>Breaking news from the port today.</p><h1>Crane falls</h1><p>{long}</p></article></body>"
            ),
        ] {
            let b = parse(&html).unwrap();
            assert_eq!(b.meta.title.as_deref(), Some("Crane falls"));
            let starts: Vec<usize> = b
                .paragraphs
                .iter()
                .map(|r| b.map.to_file(r.clone()).unwrap().start)
                .collect();
            assert!(
                starts.windows(2).all(|w| w[0] < w[1]),
                "{starts:?} in {html}"
            );
            assert!(paras(&b).contains(&"Crane falls"));
        }
    }

    #[test]
    fn an_unclosed_headline_holding_the_story_is_not_read_twice() {
        // Found by the fuzzer: the <h1> swallows the paragraphs and becomes the root.
        let html = "<body><h1>Crane falls<p>The harbour crane collapsed onto two ships, injuring four workers.</p><p>The port said repairs, checks and inquiries would take weeks.</p></body>";
        let b = parse(html).unwrap();
        let texts = paras(&b);
        let mut unique = texts.clone();
        unique.dedup();
        assert_eq!(texts, unique);
        assert_eq!(texts.len(), 3);
    }

    #[test]
    fn absurd_nesting_is_refused_before_parsing() {
        let deep = format!(
            "<body>{}<p>Deep text here.</p>{}</body>",
            "<div>".repeat(30_000),
            "</div>".repeat(30_000)
        );
        assert!(
            parse(&deep)
                .unwrap_err()
                .starts_with("HTML nested 30000 elements deep")
        );
    }

    #[test]
    fn double_breaks_split_paragraphs_and_crlf_maps() {
        let src =
            "<body><div>First part of the text.<br><br>\r\nSecond part\r\nof it.</div></body>";
        let b = parse(src).unwrap();
        assert_eq!(
            paras(&b),
            vec!["First part of the text.", "Second part of it."]
        );
        let r = b.paragraphs[1].clone();
        assert_eq!(&src[b.map.to_file(r).unwrap()], "Second part\r\nof it.");
    }
}
