//! Every JSON report passes `docs/report.schema.json`: the samples in every order
//! mode and pivot, with notes, the hostile fixtures, and generated inputs. The schema
//! is strict enough to fail: hand-broken reports are rejected.

use std::path::{Path, PathBuf};

use parallax_core::align::{OrderMode, Params};
use parallax_core::compare::Comparison;
use parallax_core::document::Document;
use parallax_core::report::{Report, json};
use parallax_core::review::Review;
use parallax_core::source::Source;
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::common;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(workspace().join("docs/report.schema.json"))
        .expect("the schema is in docs/");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// The schema's complaints about `report` (none when it passes).
fn errors(v: &jsonschema::Validator, report: &Value) -> Vec<String> {
    v.iter_errors(report)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// `sources` compared under `order`, as the JSON report diffed against `pivot`, with
/// the notes of `review` when given.
fn report(sources: Vec<Source>, order: OrderMode, pivot: usize, review: Option<&Review>) -> Value {
    let params = Params {
        order,
        ..Params::default()
    };
    let c = Comparison::with_params(sources, &params);
    let mut r = Report::build(&c, pivot);
    if let Some(review) = review {
        r.add_notes(review);
    }
    serde_json::from_str(&json::render(&r)).expect("the report is JSON")
}

fn samples() -> Vec<Source> {
    common::SAMPLES
        .iter()
        .map(|s| Source::new(Document::load(&common::samples_dir().join(s)).expect("loads")))
        .collect()
}

fn assert_passes(v: &jsonschema::Validator, what: &str, report: &Value) {
    let e = errors(v, report);
    assert!(e.is_empty(), "{what}: {e:#?}");
}

#[test]
fn sample_reports_pass_the_schema_in_every_order_and_pivot() {
    let v = validator();
    let mut checked = 0;
    for order in [OrderMode::Auto, OrderMode::Keep, OrderMode::Free] {
        for pivot in 0..common::SAMPLES.len() {
            assert_passes(
                &v,
                &format!("{order:?}, pivot {pivot}"),
                &report(samples(), order, pivot, None),
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 12);
}

#[test]
fn a_sample_report_with_attached_detached_and_groupless_notes_passes_the_schema() {
    let v = validator();
    let dir = tempfile::tempdir().unwrap();
    let sources = samples();
    let mut review = Review::load(&dir.path().join("parallax-review.toml")).unwrap();
    review.open_sources(&sources).unwrap();
    let wire = &sources[0].doc;
    let bytes = std::fs::read(&wire.path).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let sentence = sources[0].sentence_text(1).to_owned();
    let at = text
        .find(&sentence)
        .expect("plain text: the sentence is in the file");
    review
        .add_note(&wire.path, at..at + sentence.len(), "Which is it?\nAsk.")
        .unwrap();
    // On the blank line between two paragraphs: in no member.
    let blank = text.find("\n\n").expect("paragraphs");
    review
        .add_note(&wire.path, blank..blank + 2, "A gap.")
        .unwrap();
    // On words the article then loses: detached.
    let last = sources[0]
        .sentence_text(sources[0].sentences.len() - 1)
        .to_owned();
    let end = text.rfind(&last).unwrap();
    review
        .add_note(&wire.path, end..end + last.len(), "Gone soon.")
        .unwrap();
    let mut edited = bytes.clone();
    edited.truncate(end);
    review.open_source(&wire.path, &edited);
    let r = report(sources, OrderMode::Auto, 0, Some(&review));
    let notes = r["notes"].as_array().expect("notes are listed");
    assert_eq!(notes.len(), 3);
    assert!(notes.iter().any(|n| n["detached"] == true));
    assert!(
        notes
            .iter()
            .any(|n| n["detached"] == false && n.get("group").is_none())
    );
    assert!(notes.iter().any(|n| n.get("group").is_some()));
    assert_passes(&v, "samples with notes", &r);
}

#[test]
fn reports_of_the_hostile_fixtures_pass_the_schema() {
    let v = validator();
    let dir = workspace().join("tests/fixtures/hostile");
    let clean = Source::new(Document::load(&dir.join("clean.txt")).unwrap());
    let mut checked = 0;
    for name in [
        "bidi.txt",
        "cp1252.txt",
        "escapes.txt",
        "invalid-utf8.txt",
        "news-page.html",
        "one-sentence.txt",
        "stray-nul.txt",
        "utf16be.txt",
        "utf16le.txt",
    ] {
        let other = Source::new(Document::load(&dir.join(name)).expect(name));
        if other.sentences.is_empty() {
            continue;
        }
        for pivot in [0, 1] {
            let r = report(
                vec![clean.clone(), other.clone()],
                OrderMode::Auto,
                pivot,
                None,
            );
            assert_passes(&v, name, &r);
            checked += 1;
        }
    }
    assert!(checked >= 16, "{checked} reports");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn generated_reports_pass_the_schema(
        count in 2usize..=4,
        bytes in 300usize..5_000,
        seed in any::<u64>(),
        order in prop_oneof![Just(OrderMode::Auto), Just(OrderMode::Keep), Just(OrderMode::Free)],
        pivot in 0usize..4,
    ) {
        let v = validator();
        let r = report(common::generated(count, bytes, seed), order, pivot % count, None);
        let e = errors(&v, &r);
        prop_assert!(e.is_empty(), "{:#?}", e);
    }
}

#[test]
fn broken_reports_fail_the_schema() {
    let v = validator();
    let good = report(samples(), OrderMode::Auto, 0, None);
    assert_passes(&v, "the report broken below", &good);
    let groups = good["groups"].as_array().unwrap();
    let shared = groups.iter().position(|g| g["kind"] == "shared").unwrap();
    let unique = groups.iter().position(|g| g["kind"] == "unique").unwrap();
    let with_values = groups
        .iter()
        .position(|g| !g["discrepancies"].as_array().unwrap().is_empty())
        .expect("the samples disagree somewhere");
    type Breaking = fn(&mut Value, usize, usize, usize);
    let breakings: [(&str, Breaking); 16] = [
        ("no version", |r, _, _, _| {
            r.as_object_mut().unwrap().remove("version");
        }),
        ("version 2", |r, _, _, _| r["version"] = json!(2)),
        ("an unknown top-level field", |r, _, _, _| {
            r["extra"] = json!(1)
        }),
        ("an unknown language", |r, _, _, _| {
            r["language"] = json!("klingon")
        }),
        ("one source", |r, _, _, _| {
            r["sources"].as_array_mut().unwrap().truncate(1);
        }),
        ("a source without its path", |r, _, _, _| {
            r["sources"][0].as_object_mut().unwrap().remove("path");
        }),
        ("a string for a byte count", |r, _, _, _| {
            r["sources"][0]["bytes"] = json!("80")
        }),
        ("an unknown group kind", |r, s, _, _| {
            r["groups"][s]["kind"] = json!("other")
        }),
        ("a unique group of two sources", |r, _, u, _| {
            r["groups"][u]["sources"] = json!([0, 1]);
        }),
        ("a unique group with a changed fragment", |r, _, u, _| {
            r["groups"][u]["members"][0]["fragments"][0]["kind"] = json!("changed");
        }),
        ("a unique group with a confidence", |r, _, u, _| {
            r["groups"][u]["confidence"] = json!(0.5);
        }),
        ("a confidence above 1", |r, s, _, _| {
            r["groups"][s]["confidence"] = json!(1.5)
        }),
        ("a negative offset", |r, s, _, _| {
            r["groups"][s]["members"][0]["start"] = json!(-1);
        }),
        ("an unknown fragment kind", |r, s, _, _| {
            r["groups"][s]["members"][0]["fragments"][0]["kind"] = json!("moved");
        }),
        ("a disagreement of one value", |r, _, _, d| {
            r["groups"][d]["discrepancies"][0]["values"]
                .as_array_mut()
                .unwrap()
                .truncate(1);
        }),
        ("an empty list of notes", |r, _, _, _| {
            r["notes"] = json!([])
        }),
    ];
    for (what, breaking) in breakings {
        let mut r = good.clone();
        breaking(&mut r, shared, unique, with_values);
        assert_ne!(r, good, "{what}: the report changed");
        assert!(
            !errors(&v, &r).is_empty(),
            "{what}: the schema lets it through"
        );
    }
    let mut detached = good.clone();
    detached["notes"] = json!([{
        "id": 1, "source": 0, "start": 0, "end": 3, "quote": "The",
        "text": "Gone.", "detached": true, "group": 0
    }]);
    assert!(
        !errors(&v, &detached).is_empty(),
        "a detached note with a group"
    );
    detached["notes"][0]
        .as_object_mut()
        .unwrap()
        .remove("group");
    assert_passes(&v, "a detached note without a group", &detached);
}
