//! Title, date and byline of a web page, from the places news sites put them:
//! `<meta>` tags (Open Graph, Dublin Core, Parse.ly…), JSON-LD, `<time>`, byline
//! elements and `<title>`.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::furniture;

/// What the page says about its article.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    /// The article's `<h1>`, kept as a node because it is also prose.
    pub(crate) h1: Option<NodeId>,
    /// Headline from og:title, JSON-LD or `<title>` (site suffix removed).
    pub(crate) title: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) byline: Option<String>,
}

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "originalpublicationdate",
];
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
    "citation_author",
];
const TITLE_KEYS: &[&str] = &[
    "og:title",
    "twitter:title",
    "headline",
    "parsely-title",
    "sailthru.title",
];

pub(crate) fn read(doc: &Html, root: NodeId) -> PageMeta {
    let mut m = PageMeta::default();
    let (mut metas_title, mut doc_title) = (None, None);
    let (mut time, mut byline_el, mut any_h1) = (None, None, None);
    let mut ld = Vec::new();
    // One pass with depth counters (not ancestor walks): deep nesting stays linear.
    let (mut inside, mut chrome_depth) = (0usize, 0usize);
    let whole = !doc.tree.get(root).is_some_and(|n| n.value().is_element());
    for edge in doc.tree.root().traverse() {
        let n = match edge {
            Edge::Open(n) => n,
            Edge::Close(n) => {
                if n.value().is_element() {
                    inside -= usize::from(inside > 0);
                    chrome_depth -= usize::from(chrome_depth > 0);
                }
                continue;
            }
        };
        let Node::Element(el) = n.value() else {
            continue;
        };
        if inside > 0 || n.id() == root {
            inside += 1;
        }
        if chrome_depth > 0 || furniture::is_furniture(el) {
            chrome_depth += 1;
        }
        match el.name() {
            "meta" => {
                let key = el
                    .attr("property")
                    .or(el.attr("name"))
                    .or(el.attr("itemprop"))
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                let Some(value) = el.attr("content").map(clean).filter(|v| !v.is_empty()) else {
                    continue;
                };
                if DATE_KEYS.contains(&key.as_str()) {
                    m.date = m.date.or(Some(value));
                } else if AUTHOR_KEYS.contains(&key.as_str()) && !value.contains("://") {
                    m.byline = m.byline.or(Some(strip_by(&value)));
                } else if TITLE_KEYS.contains(&key.as_str()) {
                    metas_title = metas_title.or(Some(value));
                }
            }
            "title" if doc_title.is_none() => doc_title = Some(text_of(n)),
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text_of_raw(n)) {
                    ld.push(v);
                }
            }
            "time" if time.is_none() => {
                let published = el
                    .attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
                    || el.attr("pubdate").is_some();
                if published || inside > 0 || whole {
                    time = el
                        .attr("datetime")
                        .map(clean)
                        .filter(|v| !v.is_empty())
                        .or_else(|| Some(text_of(n)).filter(|t| !t.is_empty()));
                }
            }
            "h1" if chrome_depth == 0 => {
                any_h1 = any_h1.or(Some(n.id()));
                if inside > 0 || whole {
                    m.h1 = m.h1.or(Some(n.id()));
                }
            }
            _ if byline_el.is_none() && furniture::is_byline(el) => {
                byline_el = Some(text_of(n)).filter(|t| !t.is_empty() && t.chars().count() <= 120);
            }
            _ => {}
        }
    }
    m.h1 = m.h1.or(any_h1);
    let (ld_title, ld_date, ld_author) = json_ld(&ld);
    m.date = m.date.or(ld_date).or(time);
    m.byline = m.byline.or(ld_author).or(byline_el.map(|b| strip_by(&b)));
    m.title = metas_title
        .or(ld_title)
        .or(doc_title.map(|t| strip_site(&t)))
        .filter(|t| !t.is_empty());
    m
}

/// Headline, date and author of the first article object in JSON-LD blocks.
fn json_ld(blocks: &[serde_json::Value]) -> (Option<String>, Option<String>, Option<String>) {
    use serde_json::Value;
    let mut stack: Vec<(&Value, usize)> = blocks.iter().map(|v| (v, 0)).collect();
    while let Some((v, depth)) = stack.pop() {
        if depth > 8 {
            continue;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev().map(|i| (i, depth + 1))),
            Value::Object(o) => {
                if o.contains_key("datePublished") || o.contains_key("headline") {
                    let s = |k: &str| {
                        o.get(k)
                            .and_then(Value::as_str)
                            .map(clean)
                            .filter(|s| !s.is_empty())
                    };
                    let author = o.get("author").and_then(|a| {
                        let one = |a: &Value| {
                            a.as_str().map(str::to_owned).or_else(|| {
                                a.get("name").and_then(Value::as_str).map(str::to_owned)
                            })
                        };
                        match a {
                            Value::Array(list) => {
                                Some(list.iter().filter_map(one).collect::<Vec<_>>().join(", "))
                            }
                            _ => one(a),
                        }
                    });
                    return (
                        s("headline"),
                        s("datePublished"),
                        author.map(|a| clean(&a)).filter(|a| !a.is_empty()),
                    );
                }
                if let Some(g) = o.get("@graph") {
                    stack.push((g, depth + 1));
                }
            }
            _ => {}
        }
    }
    (None, None, None)
}

/// The visible text of an element, whitespace collapsed.
pub(crate) fn text_of(n: NodeRef<'_, Node>) -> String {
    clean(&text_of_raw(n))
}

fn text_of_raw(n: NodeRef<'_, Node>) -> String {
    n.descendants()
        .filter_map(|d| d.value().as_text().map(|t| &**t))
        .collect()
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_by(s: &str) -> String {
    let t = s.trim();
    for p in ["By ", "by ", "BY ", "Por ", "por "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim().to_owned();
        }
    }
    t.to_owned()
}

/// "Storm closes bridge | The Harbour Post" → "Storm closes bridge".
fn strip_site(title: &str) -> String {
    for sep in [" | ", " — ", " – ", " - ", " :: ", " · "] {
        if let Some((head, _)) = title.rsplit_once(sep)
            && head.split_whitespace().count() >= 3
        {
            return head.trim().to_owned();
        }
    }
    title.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_json_ld_and_title_suffix() {
        let html = r#"<html><head><title>Ferry sinks in the bay | Coast Wire</title>
            <meta name="author" content="By Lena Ortiz">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Ferry sinks","datePublished":"2031-04-02T08:15:00Z"}]}</script>
            </head><body><article><p>x</p></article></body></html>"#;
        let doc = Html::parse_document(html);
        let m = read(&doc, doc.tree.root().id());
        assert_eq!(m.byline.as_deref(), Some("Lena Ortiz"));
        assert_eq!(m.date.as_deref(), Some("2031-04-02T08:15:00Z"));
        assert_eq!(m.title.as_deref(), Some("Ferry sinks"));
        assert_eq!(
            strip_site("Ferry sinks in the bay | Coast Wire"),
            "Ferry sinks in the bay"
        );
        assert!(m.h1.is_none());
    }
}
