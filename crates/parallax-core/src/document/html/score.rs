//! Choosing the element that holds the article.
//!
//! Written by hand, after Mozilla Readability's idea: no maintained Rust crate scores
//! content over a scraper tree while leaving us the nodes (which we need for offsets).
//! Markup that names the article wins (`itemprop=articleBody`, an `<article>` holding
//! most of the page's paragraph text, `<main>`); otherwise each paragraph of 25+
//! characters scores for its parent (and half for its grandparent) by length and
//! commas, discounted by the share of its text inside links.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::furniture;

/// The node whose content is the article (the document root if nothing better).
pub(crate) fn article_root(doc: &Html) -> NodeId {
    let mut chrome_depth = 0usize;
    let mut link_depth = 0usize;
    let (mut body, mut main, mut article_body) = (None, None, None);
    let mut articles: Vec<NodeId> = Vec::new();
    let mut article_text: HashMap<NodeId, usize> = HashMap::new();
    // Open paragraphs: (id, chars, chars inside links, commas).
    let mut paras: Vec<(NodeId, usize, usize, usize)> = Vec::new();
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut total = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) => {
                    if chrome_depth > 0 || furniture::is_furniture(el) {
                        chrome_depth += 1;
                        continue;
                    }
                    match el.name() {
                        "body" => body = body.or(Some(n.id())),
                        "main" => main = main.or(Some(n.id())),
                        "article" => articles.push(n.id()),
                        "p" => paras.push((n.id(), 0, 0, 0)),
                        "a" => link_depth += 1,
                        _ => {}
                    }
                    if el
                        .attr("role")
                        .is_some_and(|r| r.eq_ignore_ascii_case("main"))
                    {
                        main = main.or(Some(n.id()));
                    }
                    if el
                        .attr("itemprop")
                        .is_some_and(|r| r.split_whitespace().any(|w| w == "articleBody"))
                    {
                        article_body = article_body.or(Some(n.id()));
                    }
                }
                Node::Text(t) if chrome_depth == 0 => {
                    if let Some(p) = paras.last_mut() {
                        let chars = t.chars().filter(|c| !c.is_whitespace()).count();
                        p.1 += chars;
                        p.3 += t.matches([',', '，', '、']).count();
                        if link_depth > 0 {
                            p.2 += chars;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                let Node::Element(el) = n.value() else {
                    continue;
                };
                if chrome_depth > 0 {
                    chrome_depth -= 1;
                    continue;
                }
                match el.name() {
                    "article" => {
                        articles.pop();
                    }
                    "a" => link_depth = link_depth.saturating_sub(1),
                    "p" => {
                        let Some((_, chars, links, commas)) = paras.pop() else {
                            continue;
                        };
                        let prose = chars - links.min(chars);
                        total += prose;
                        if let Some(a) = articles.last() {
                            *article_text.entry(*a).or_default() += prose;
                        }
                        if chars >= 25 {
                            let score = (1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0))
                                * (prose as f64 / chars as f64);
                            let mut up = n.parent();
                            for share in [1.0, 0.5] {
                                let Some(a) = up else { break };
                                *scores.entry(a.id()).or_default() += score * share;
                                up = a.parent();
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    if let Some(id) = article_body {
        return id;
    }
    // The article element with the most paragraph text, if it holds a good share of
    // the page's (pages of teasers use <article> for every card).
    if let Some((&id, &text)) = article_text
        .iter()
        .max_by_key(|(id, text)| (**text, std::cmp::Reverse(**id)))
        && text > 0
        && text * 10 >= total * 4
    {
        return id;
    }
    if let Some(id) = main {
        return id;
    }
    if let Some((&best, &score)) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
    {
        // Paragraphs split into several blocks score their common parent higher.
        let (mut id, mut score) = (best, score);
        while let Some(parent) = doc.tree.get(id).and_then(|n| n.parent()) {
            match scores.get(&parent.id()) {
                Some(&s) if s >= 0.75 * score => (id, score) = (parent.id(), s),
                _ => break,
            }
        }
        return id;
    }
    body.unwrap_or_else(|| doc.tree.root().id())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_tag(html: &str) -> String {
        let doc = Html::parse_document(html);
        let id = article_root(&doc);
        let n = doc.tree.get(id).unwrap();
        let el = n.value().as_element().unwrap();
        format!("{}#{}", el.name(), el.id().unwrap_or(""))
    }

    const LONG: &str =
        "The river rose past the old stone bridge, flooding the lower town overnight.";

    #[test]
    fn article_markup_wins() {
        let html = format!(
            "<body><div id=a><p>{LONG}</p></div><div itemprop=articleBody id=b><p>short</p></div></body>"
        );
        assert_eq!(root_tag(&html), "div#b");
        let html = format!(
            "<body><article id=x><p>{LONG}</p><p>{LONG}</p></article><article id=y><p>{LONG}</p></article></body>"
        );
        assert_eq!(root_tag(&html), "article#x");
    }

    #[test]
    fn scoring_finds_the_densest_block_and_its_common_parent() {
        let html = format!(
            "<body><div id=list><p><a href=a>{LONG}</a></p></div><div id=story><div id=s1><p>{LONG}</p><p>{LONG}</p></div><div id=s2><p>{LONG}</p><p>{LONG}</p></div></div></body>"
        );
        assert_eq!(root_tag(&html), "div#story");
    }
}
