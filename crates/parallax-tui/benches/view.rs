//! How long the reader takes to answer a key: building the view model for a screen
//! (warm caches, and cold: first frame after a resize), rendering one frame, and
//! opening the disagreement panel.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;
use parallax_tui::key::Key;
use parallax_tui::terminal::{Session, Settings};
use parallax_tui::view::Layouts;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A long fictional article: `paragraphs` paragraphs of reports about ferry crossings,
/// worded a little differently per `variant`.
fn article(paragraphs: usize, variant: usize) -> String {
    let verbs = ["left", "departed", "sailed from"];
    let counts = ["twelve", "12", "eleven"];
    let mut out = String::from("Crossings log for the Tessaly ferries\n\n");
    for p in 0..paragraphs {
        let i = if variant == 1 {
            (p * 7) % paragraphs
        } else {
            p
        };
        out.push_str(&format!(
            "The ferry Marisol {} Port Ardent at {}:{:02} on crossing {i}, carrying {} passengers. \
             Harbour master Ilse Brandvold said crossing {i} was \"calm and on time\". \
             {} people reported minor delays on crossing {i}. ",
            verbs[variant % 3],
            6 + i % 12,
            i % 60,
            100 + i,
            counts[(variant + i) % 3],
        ));
        if (p + variant).is_multiple_of(5) {
            out.push_str(&format!(
                "Only this log notes that the buoy at marker {i} was repainted in source {variant}."
            ));
        }
        out.push_str("\n\n");
    }
    out
}

fn comparison(paragraphs: usize) -> Comparison {
    let sources = (0..3)
        .map(|v| {
            let text = article(paragraphs, v);
            Source::new(
                Document::from_bytes(&format!("log{v}.txt"), text.as_bytes(), Format::Text)
                    .expect("bench article"),
            )
        })
        .collect();
    Comparison::new(sources)
}

fn bench(c: &mut Criterion) {
    let mut session = Session::new(comparison(600), Settings::defaults(0));
    let mut g = c.benchmark_group("reader");
    // Warm: a key press and the next view model (layouts and diffs mostly cached).
    g.bench_function("key_and_view_model_200x50", |b| {
        let mut n = 0;
        b.iter(|| {
            n += 1;
            session.key(Key::ch(if n % 40 < 20 { 'j' } else { 'k' }));
            black_box(session.view_model(200, 50));
        })
    });
    // Cold: the first frame at a new size wraps every source again.
    g.bench_function("view_model_after_resize_200x50", |b| {
        b.iter(|| {
            session.layouts = Layouts::default();
            black_box(session.view_model(200, 50));
        })
    });
    g.bench_function("view_model_and_render_200x50", |b| {
        let mut term = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
        b.iter(|| {
            session.key(Key::ch(']'));
            term.draw(|f| session.draw(f)).expect("draw");
        })
    });
    // The disagreement panel (`x`) diffs every group once; later opens hit the cache.
    g.bench_function("disagreement_panel_open_warm_200x50", |b| {
        b.iter(|| {
            session.key(Key::ch('x'));
            black_box(session.view_model(200, 50));
            session.key(Key::ch('x'));
        })
    });
    g.finish();
    let mut g = c.benchmark_group("reader_cold");
    g.sample_size(10);
    g.bench_function("disagreement_panel_first_open_600_paragraphs", |b| {
        b.iter_batched(
            || Session::new(comparison(600), Settings::defaults(0)),
            |mut s| {
                s.key(Key::ch('x'));
                black_box(s.view_model(200, 50));
                s
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

/// Eight generated sources of about 1 MB (`parallax_testkit`, as `gen-corpus` writes them).
fn large_comparison() -> Comparison {
    let sources = parallax_testkit::generate(8, 1_000_000, 1)
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let name = format!("source-{}.txt", i + 1);
            Source::new(Document::from_bytes(&name, text.as_bytes(), Format::Text).unwrap())
        })
        .collect();
    Comparison::new(sources)
}

/// The 16 ms budget per key at 8 × 1 MB: each case times one key press, the
/// view model and a frame rendered to a 160 × 45 test terminal (loaded once). `before`
/// keys are pressed and drawn untimed first.
fn bench_large(c: &mut Criterion) {
    use parallax_tui::key::Code;
    use std::time::{Duration, Instant};
    let mut session = Session::new(large_comparison(), Settings::defaults(0));
    let mut term = Terminal::new(TestBackend::new(160, 45)).expect("test terminal");
    term.draw(|f| session.draw(f)).expect("first frame");
    let mut g = c.benchmark_group("reader_8x1MB_160x45");
    g.sample_size(30);
    let mut press = |name: &str, before: &dyn Fn(usize) -> Vec<Key>, key: Key| {
        let mut n = 0usize;
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    for k in before(n) {
                        session.key(k);
                        term.draw(|f| session.draw(f)).expect("draw");
                    }
                    let start = Instant::now();
                    session.key(key);
                    term.draw(|f| session.draw(f)).expect("draw");
                    total += start.elapsed();
                }
                total
            })
        });
    };
    // Back to the top now and then, so that the motions keep moving.
    let rewind = |n: usize| {
        if n.is_multiple_of(500) {
            vec![Key::ch('g')]
        } else {
            Vec::new()
        }
    };
    press("next_passage", &rewind, Key::ch('j'));
    press("page_down", &rewind, Key::plain(Code::PageDown));
    press("switch_pane", &|_| Vec::new(), Key::ch('l'));
    // Focus another source, then time making it the pivot (its diffs are new).
    press("change_pivot", &|_| vec![Key::ch('l')], Key::ch('p'));
    g.finish();
}

criterion_group!(benches, bench, bench_large);
criterion_main!(benches);
