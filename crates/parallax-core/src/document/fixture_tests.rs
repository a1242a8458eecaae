//! The loading fixtures (`tests/fixtures/loading/`, written for this project): lone
//! caption markers, empty bylines, dates glued to the first paragraph and headlines
//! with abbreviations, in each format, with the prose they must give. The sentences
//! they must give are checked in `segment`'s tests, which load them through [`load`].

use super::{Document, Format};

/// The fixture `name` read as `format`, and the file's text.
pub(crate) fn load(name: &str, format: Format) -> (Document, String) {
    let path = format!(
        "{}/tests/fixtures/loading/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let src = std::fs::read_to_string(&path).expect("fixture reads");
    let doc = Document::from_bytes(name, src.as_bytes(), format).expect("fixture loads");
    (doc, src)
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.paragraphs
        .iter()
        .map(|r| &doc.text[r.clone()])
        .collect()
}

/// Every paragraph maps back to the same words in the file.
fn check_spans(doc: &Document, src: &str) {
    for r in &doc.paragraphs {
        let text = &doc.text[r.clone()];
        let in_file = &src[doc
            .file_span(r.clone())
            .expect("paragraph maps to the file")];
        let first = text.split_whitespace().next().unwrap();
        let last = text.split_whitespace().last().unwrap();
        assert!(in_file.starts_with(first), "{text:?} at {in_file:?}");
        assert!(in_file.ends_with(last), "{text:?} at {in_file:?}");
    }
}

#[test]
fn plain_text() {
    let (doc, src) = load("summit-wire.txt", Format::Text);
    assert_eq!(
        paragraphs(&doc),
        vec![
            "U.S. And E.U. Envoys Meet Dr. Varga In St. Louis",
            "The trade minister of Varnia said on Saturday that talks with U.S. and E.U. envoys would resume in St. Louis next week.",
            "Image quality from the hall's cameras was poor, officials said, so no pictures of the talks were released.",
            "By the time the envoys arrived, the square outside the hall was empty.",
            "Dr. Varga told reporters the U.S. delegation had asked for more time. The E.U. side agreed.",
        ]
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("U.S. And E.U. Envoys Meet Dr. Varga In St. Louis")
    );
    assert_eq!(doc.date.as_deref(), Some("2031-01-25"));
    assert_eq!(doc.byline, None);
    check_spans(&doc, &src);
    // The first paragraph's span starts at its first word, past the date.
    let first = doc.file_span(doc.paragraphs[1].clone()).unwrap();
    assert!(src[first.clone()].starts_with("The trade minister"));
    assert!(src[..first.start].ends_with("date 2031-01-25 "));
}

#[test]
fn markdown() {
    let (doc, src) = load("summit-agency.md", Format::Markdown);
    assert_eq!(
        paragraphs(&doc),
        vec![
            "U.S. Officials Meet E.U. Leaders In St. Louis",
            "The minister of Varnia met U.S. and E.U. officials for five hours on Saturday.",
            "\"We are close to an agreement,\" Dr. Varga said after the meeting.",
            "Images of the signing table were shared by the ministry.",
        ]
    );
    assert_eq!(doc.date.as_deref(), Some("25 Jan 2031 10:04 GMT"));
    assert_eq!(doc.byline, None);
    check_spans(&doc, &src);
}

#[test]
fn html() {
    let (doc, src) = load("summit-page.html", Format::Html);
    assert_eq!(
        paragraphs(&doc),
        vec![
            "U.S. and E.U. leaders meet in St. Louis",
            "The leaders of the U.S. and E.U. delegations met Dr. Varga in St. Louis on Saturday, aides said.",
            "Image rights for the official photograph were held by the city, a spokesman said.",
            "By noon the talks had moved to a second room.",
        ]
    );
    assert_eq!(doc.byline.as_deref(), Some("Mira Castell"));
    check_spans(&doc, &src);
}
