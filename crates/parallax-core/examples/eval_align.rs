//! Scores the aligner on a human-annotated data set laid out like `../shared/eval`
//! (docs/NAME.txt one sentence per line, pairs.tsv, gold.tsv), in process and with the
//! same definitions as that folder's `score.py`, so that parameters can be explored
//! quickly. The data is not part of the project; nothing in the test suite needs it.
//!
//! usage: cargo run --release --example eval_align -- DIR [name=value ...] [--dump N]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use parallax_core::align::{self, Params};
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;

type Unit = (String, usize);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: eval_align DIR [name=value ...] [--dump N]");
        std::process::exit(2);
    };
    let mut params = Params::default();
    let mut dump = 0usize;
    // Score only every other event (0: even, 1: odd), for held-out checks.
    let mut half: Option<usize> = None;
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        if a == "--half" {
            half = it.next().and_then(|n| n.parse().ok());
        } else if a == "--dump" {
            dump = it.next().and_then(|n| n.parse().ok()).unwrap_or(20);
        } else if let Some((k, v)) = a.split_once('=') {
            let v: f32 = v.parse().unwrap_or_else(|_| panic!("bad value in {a}"));
            if let Err(e) = params.set(k, v) {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    }
    let root = Path::new(dir);
    let read = |name: &str| {
        std::fs::read_to_string(root.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let pairs: Vec<(String, String)> = read("pairs.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            (f.next().unwrap().to_owned(), f.next().unwrap().to_owned())
        })
        .collect();
    let mut gold: BTreeSet<(Unit, Unit)> = BTreeSet::new();
    for l in read("gold.tsv").lines().filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = l.split('\t').collect();
        gold.insert(ordered(
            (f[0].to_owned(), f[1].parse().unwrap()),
            (f[2].to_owned(), f[3].parse().unwrap()),
        ));
    }
    // Connected components of pairs.tsv, as the scorer runs them.
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    fn find(p: &mut BTreeMap<String, String>, x: &str) -> String {
        let mut x = x.to_owned();
        p.entry(x.clone()).or_insert_with(|| x.clone());
        while p[&x] != x {
            x = p[&x].clone();
        }
        x
    }
    for (a, b) in &pairs {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent.insert(ra, rb);
    }
    let mut comps: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in parent.keys().cloned().collect::<Vec<_>>() {
        let r = find(&mut parent, &d);
        comps.entry(r).or_default().push(d);
    }
    let scored: BTreeSet<(String, String)> = pairs
        .iter()
        .map(|(a, b)| {
            if a <= b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            }
        })
        .collect();
    let mut pred: BTreeSet<(Unit, Unit)> = BTreeSet::new();
    let mut units: BTreeMap<String, usize> = BTreeMap::new();
    let mut texts: HashMap<Unit, String> = HashMap::new();
    let mut comparisons = 0;
    let start = std::time::Instant::now();
    for (c, docs) in comps.values().enumerate() {
        if half.is_some_and(|h| c % 2 != h) {
            continue;
        }
        let mut sources = Vec::new();
        let mut spans = Vec::new();
        for d in docs {
            let path = root.join("docs").join(format!(
                "{}.txt",
                d.split_once('/').map_or(d.as_str(), |x| x.1)
            ));
            let bytes = std::fs::read(&path).unwrap();
            let lines = line_spans(&bytes);
            for (k, (s, e)) in lines.iter().enumerate() {
                texts.insert(
                    (d.clone(), k),
                    String::from_utf8_lossy(&bytes[*s..*e]).into_owned(),
                );
            }
            units.insert(d.clone(), lines.len());
            spans.push(lines);
            sources.push(Source::new(
                Document::from_bytes(&path.display().to_string(), &bytes, Format::Text).unwrap(),
            ));
        }
        let al = align::align_with(&sources, &params);
        comparisons += al.comparisons;
        for g in &al.groups {
            let mut covered: Vec<Unit> = Vec::new();
            // Members as the report makes them: runs of consecutive sentences.
            let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new();
            for id in &g.sentences {
                let sp = &sources[id.source].sentences[id.index].span;
                match runs.last_mut() {
                    Some(r) if r.0 == id.source && r.3 + 1 == id.index => {
                        r.2 = sp.end;
                        r.3 = id.index;
                    }
                    _ => runs.push((id.source, sp.start, sp.end, id.index)),
                }
            }
            for (src, a, b, _) in runs {
                for (k, &(s, e)) in spans[src].iter().enumerate() {
                    if e > s && (b.min(e) as f64 - a.max(s) as f64) >= (e - s) as f64 / 2.0 {
                        covered.push((docs[src].clone(), k));
                    }
                }
            }
            for x in &covered {
                for y in &covered {
                    if x.0 < y.0 {
                        let key = (x.0.clone(), y.0.clone());
                        if scored.contains(&key) {
                            pred.insert(ordered(x.clone(), y.clone()));
                        }
                    }
                }
            }
        }
    }
    let elapsed = start.elapsed();
    gold.retain(|(a, _)| units.contains_key(&a.0));
    let tp = pred.intersection(&gold).count();
    let p = tp as f64 / pred.len().max(1) as f64;
    let r = tp as f64 / gold.len().max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let linked = |s: &BTreeSet<(Unit, Unit)>| {
        s.iter()
            .flat_map(|(a, b)| [a.clone(), b.clone()])
            .collect::<BTreeSet<Unit>>()
    };
    let (lg, lp) = (linked(&gold), linked(&pred));
    let all: BTreeSet<Unit> = units
        .iter()
        .flat_map(|(d, &n)| (0..n).map(move |k| (d.clone(), k)))
        .collect();
    let ug: BTreeSet<&Unit> = all.iter().filter(|u| !lg.contains(*u)).collect();
    let up: BTreeSet<&Unit> = all.iter().filter(|u| !lp.contains(*u)).collect();
    let utp = ug.intersection(&up).count() as f64;
    let (upr, urc) = (utp / up.len().max(1) as f64, utp / ug.len().max(1) as f64);
    let uf = if upr + urc > 0.0 {
        2.0 * upr * urc / (upr + urc)
    } else {
        0.0
    };
    println!(
        "P {p:.3} R {r:.3} F1 {f:.3} ({tp}/{} gold, {} predicted); unique F1 {uf:.3}; {comparisons} comparisons; {:.0} ms",
        gold.len(),
        pred.len(),
        elapsed.as_secs_f64() * 1000.0
    );
    if let Ok(path) = std::env::var("EVAL_PER_PAIR") {
        // tp, predicted and gold links per pair of documents, for comparing runs.
        let mut rows: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
        for (set, k) in [(&pred, 1), (&gold, 2)] {
            for (a, b) in set {
                let e = rows.entry((a.0.clone(), b.0.clone())).or_default();
                e[k] += 1;
                if k == 1 && gold.contains(&(a.clone(), b.clone())) {
                    e[0] += 1;
                }
            }
        }
        let text: Vec<String> = rows
            .iter()
            .map(|((a, b), v)| format!("{a}\t{b}\t{}\t{}\t{}", v[0], v[1], v[2]))
            .collect();
        std::fs::write(path, text.join("\n") + "\n").unwrap();
    }
    if dump > 0 {
        let show = |u: &Unit| {
            format!(
                "{}:{} {}",
                u.0,
                u.1,
                texts.get(u).map_or("", |s| s.as_str())
            )
        };
        println!("--- missed");
        for (a, b) in gold.difference(&pred).take(dump) {
            println!("{}\n    {}", show(a), show(b));
        }
        println!("--- wrong");
        for (a, b) in pred.difference(&gold).take(dump) {
            println!("{}\n    {}", show(a), show(b));
        }
    }
}

fn ordered(a: Unit, b: Unit) -> (Unit, Unit) {
    if a <= b { (a, b) } else { (b, a) }
}

fn line_spans(data: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in data.split(|&c| c == b'\n') {
        out.push((pos, pos + line.len()));
        pos += line.len() + 1;
    }
    if out.last().is_some_and(|&(s, e)| s == e) {
        out.pop();
    }
    out
}
