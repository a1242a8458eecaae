//! Page furniture (chrome): elements that are never article prose (navigation, ads, cookie
//! notices, share buttons, related stories, captions, forms, scripts).
//!
//! Written by hand: html5ever only parses; the judgement of what a news page's class
//! names and roles mean is ours. Class and id values are split into words at `-`,
//! `_` and case changes so that "ad" matches `ad-slot` but never `header` or `shadow`.

use scraper::node::Element;

/// Elements dropped with everything inside them.
const TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "svg",
    "math",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "img",
    "figure",
    "figcaption",
    "dialog",
    "menu",
    "link",
    "meta",
    "map",
    "option",
    "datalist",
    "output",
    "progress",
    "meter",
];

/// ARIA roles of page furniture.
const ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "alert",
    "marquee",
    "tablist",
    "button",
];

/// Class/id words that always mean chrome.
const STRONG: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "dfp",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "related",
    "recommended",
    "recommendation",
    "recommendations",
    "share",
    "sharing",
    "sharebar",
    "social",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "comment",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "outbrain",
    "taboola",
    "trending",
    "popular",
    "mostread",
    "popup",
    "modal",
    "overlay",
    "toolbar",
    "footer",
    "sidebar",
    "widget",
    "masthead",
    "skip",
    "disqus",
    "paywall",
    "teaser",
    "teasers",
    "more",
];

/// Class/id words that mean chrome unless another token marks the element as the
/// article itself.
const WEAK: &[&str] = &[
    "banner",
    "caption",
    "credit",
    "credits",
    "tags",
    "tag",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "meta",
    "hidden",
];

/// Words that mark the article body.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "story", "main", "post", "entry", "text", "prose",
];

/// Whole class tokens for text only screen readers get.
const HIDDEN_TOKENS: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader",
    "a11y-hidden",
];

/// True when `el` and everything inside it is page chrome.
pub(crate) fn is_furniture(el: &Element) -> bool {
    let name = el.name();
    if TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if el.attr("role").is_some_and(|r| {
        r.split_whitespace()
            .any(|r| ROLES.contains(&r.to_ascii_lowercase().as_str()))
    }) {
        return true;
    }
    // Ad slots and trackers often carry data-ad* attributes and nothing else.
    if el
        .attrs()
        .any(|(k, _)| k.starts_with("data-ad-") || k == "data-ad" || k == "data-advertisement")
    {
        return true;
    }
    let tokens: Vec<String> = el
        .attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect();
    if tokens
        .iter()
        .any(|t| HIDDEN_TOKENS.contains(&t.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let words: Vec<Vec<String>> = tokens.iter().map(|t| words(t)).collect();
    let has = |list: &[&str], ws: &[String]| ws.iter().any(|w| list.contains(&w.as_str()));
    if words.iter().any(|ws| has(STRONG, ws)) {
        return true;
    }
    // "post-meta" is weak; "story-body" next to "has-caption" keeps the element.
    words.iter().any(|ws| has(WEAK, ws))
        && !words.iter().any(|ws| has(POSITIVE, ws) && !has(WEAK, ws))
}

/// True when the class or id of `el` names a byline or author line.
pub(crate) fn is_byline(el: &Element) -> bool {
    el.attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(str::split_whitespace)
        .any(|t| {
            let ws = words(t);
            ws.iter()
                .any(|w| w == "byline" || w == "author" || w == "authors")
                && !ws.iter().any(|w| w == "bio" || w == "avatar")
        })
        || el
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || el
            .attr("itemprop")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
}

/// Splits a class token into lowercase words: `shareBar_top-2` → share, bar, top, 2.
fn words(token: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in token.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    // "shareBar" also counts as the joined word ("sharebar") some sites spell in one.
    if out.len() > 1 {
        out.push(out.concat());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn chrome(html: &str) -> bool {
        let doc = Html::parse_fragment(html);
        let el = doc
            .select(&Selector::parse("body > *, div, span, p, section").unwrap())
            .next()
            .unwrap();
        is_furniture(el.value())
    }

    #[test]
    fn class_words_are_matched_whole() {
        assert!(chrome(r#"<div class="ad-slot">x</div>"#));
        assert!(chrome(r#"<div class="shareBar">x</div>"#));
        assert!(chrome(r#"<section id="related-stories">x</section>"#));
        assert!(chrome(r#"<div class="cookie_notice">x</div>"#));
        assert!(!chrome(r#"<div class="header-shadow">x</div>"#));
        assert!(!chrome(r#"<div class="article-body">x</div>"#));
        assert!(chrome(r#"<p class="caption">x</p>"#));
        assert!(!chrome(r#"<div class="story-body has-caption">x</div>"#));
    }

    #[test]
    fn hidden_and_furniture_roles_are_chrome() {
        assert!(chrome(r#"<div role="navigation">x</div>"#));
        assert!(chrome(r#"<div aria-hidden="true">x</div>"#));
        assert!(chrome(r#"<div style="display: none">x</div>"#));
        assert!(chrome(r#"<span class="sr-only">x</span>"#));
        assert!(!chrome(r#"<div role="main">x</div>"#));
    }
}
