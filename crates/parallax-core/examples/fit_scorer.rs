//! Fits the pair scorer (`src/align/scorer.rs`) on the statement-level annotated
//! sets of `../shared/eval` (CSTNews and Aesop), reports cross-validated figures
//! (folds by event), the figures of a model fitted on one set and scored on the
//! other, and ecbplus measured with the final model (never fitted on), then writes
//! the final model's weights.
//!
//! usage: cargo run --release -p parallax-core --example fit_scorer -- EVAL_DIR [--write crates/parallax-core/src/align/weights.rs]
//!
//! Scoring follows `../shared/eval/score.py`: a group's members cover the lines
//! their spans overlap by half; links are scored between documents that pairs.tsv
//! pairs, and only between units of scope.tsv where it exists.

// Matrix arithmetic reads clearer with index loops.
#![allow(clippy::needless_range_loop)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use parallax_core::align::{self, Model, N1, N2, OrderMode, Params, SentenceId, Trial};
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;

type Unit = (String, usize);

struct Set {
    name: String,
    gold: BTreeSet<(Unit, Unit)>,
    pairs: BTreeSet<(String, String)>,
    scope: Option<BTreeSet<Unit>>,
}

struct Event {
    set: usize,
    docs: Vec<String>,
    sources: Vec<Source>,
    lines: Vec<Vec<(usize, usize)>>,
}

fn ordered(a: Unit, b: Unit) -> (Unit, Unit) {
    if a <= b { (a, b) } else { (b, a) }
}

fn line_spans(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in bytes.split(|&b| b == b'\n') {
        out.push((pos, pos + line.len()));
        pos += line.len() + 1;
    }
    if out.last().is_some_and(|l| l.0 == l.1) {
        out.pop();
    }
    out
}

fn load(root: &Path, set: usize, sets: &mut Vec<Set>, events: &mut Vec<Event>) {
    let read = |name: &str| std::fs::read_to_string(root.join(name)).ok();
    let name = root.file_name().unwrap().to_string_lossy().into_owned();
    let mut pairs = BTreeSet::new();
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    fn find(p: &mut BTreeMap<String, String>, x: &str) -> String {
        let mut x = x.to_owned();
        p.entry(x.clone()).or_insert_with(|| x.clone());
        while p[&x] != x {
            x = p[&x].clone();
        }
        x
    }
    for l in read("pairs.tsv")
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let mut f = l.split('\t');
        let (a, b) = (f.next().unwrap().to_owned(), f.next().unwrap().to_owned());
        let (ra, rb) = (find(&mut parent, &a), find(&mut parent, &b));
        parent.insert(ra, rb);
        pairs.insert(if a <= b { (a, b) } else { (b, a) });
    }
    let mut gold = BTreeSet::new();
    for l in read("gold.tsv")
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let f: Vec<&str> = l.split('\t').collect();
        gold.insert(ordered(
            (f[0].to_owned(), f[1].parse().unwrap()),
            (f[2].to_owned(), f[3].parse().unwrap()),
        ));
    }
    let scope = read("scope.tsv").map(|s| {
        s.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[0].to_owned(), f[1].parse().unwrap())
            })
            .collect::<BTreeSet<Unit>>()
    });
    let mut comps: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in parent.keys().cloned().collect::<Vec<_>>() {
        let r = find(&mut parent, &d);
        comps.entry(r).or_default().push(d);
    }
    for docs in comps.into_values() {
        let mut sources = Vec::new();
        let mut lines = Vec::new();
        for d in &docs {
            let file = d.split_once('/').map_or(d.as_str(), |x| x.1);
            let path = root.join("docs").join(format!("{file}.txt"));
            let bytes = std::fs::read(&path).unwrap();
            lines.push(line_spans(&bytes));
            sources.push(Source::new(
                Document::from_bytes(&path.display().to_string(), &bytes, Format::Text).unwrap(),
            ));
        }
        events.push(Event {
            set,
            docs,
            sources,
            lines,
        });
    }
    sets.push(Set {
        name,
        gold,
        pairs,
        scope,
    });
}

/// The lines (units) a run of sentences covers.
fn covered(ev: &Event, source: usize, start: usize, end: usize) -> Vec<usize> {
    ev.lines[source]
        .iter()
        .enumerate()
        .filter(|&(_, &(s, e))| {
            e > s && (end.min(e) as f64 - start.max(s) as f64) >= (e - s) as f64 / 2.0
        })
        .map(|(k, _)| k)
        .collect()
}

/// The context part of second-stage feature vectors.
fn context_of(x2: &[[f32; N2]]) -> Vec<[f32; align::ORDER.len()]> {
    x2.iter().map(|x| x[N1..].try_into().unwrap()).collect()
}

fn unit_of(ev: &Event, id: SentenceId) -> Option<Unit> {
    let sp = &ev.sources[id.source].sentences[id.index].span;
    covered(ev, id.source, sp.start, sp.end)
        .first()
        .map(|&k| (ev.docs[id.source].clone(), k))
}

/// Predicted links of one event, as score.py counts them.
fn predicted(ev: &Event, set: &Set, al: &align::Alignment) -> BTreeSet<(Unit, Unit)> {
    let mut out = BTreeSet::new();
    for g in &al.groups {
        let mut units: Vec<Unit> = Vec::new();
        let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new();
        for id in &g.sentences {
            let sp = &ev.sources[id.source].sentences[id.index].span;
            match runs.last_mut() {
                Some(r) if r.0 == id.source && r.3 + 1 == id.index => {
                    r.2 = sp.end;
                    r.3 = id.index;
                }
                _ => runs.push((id.source, sp.start, sp.end, id.index)),
            }
        }
        for (src, a, b, _) in runs {
            units.extend(
                covered(ev, src, a, b)
                    .into_iter()
                    .map(|k| (ev.docs[src].clone(), k)),
            );
        }
        for x in &units {
            for y in &units {
                if x.0 < y.0 && set.pairs.contains(&(x.0.clone(), y.0.clone())) {
                    let in_scope = set
                        .scope
                        .as_ref()
                        .is_none_or(|s| s.contains(x) && s.contains(y));
                    if in_scope {
                        out.insert(ordered(x.clone(), y.clone()));
                    }
                }
            }
        }
    }
    out
}

fn gold_of(ev: &Event, set: &Set) -> usize {
    let docs: BTreeSet<&String> = ev.docs.iter().collect();
    set.gold
        .iter()
        .filter(|(a, b)| docs.contains(&a.0) && docs.contains(&b.0))
        .filter(|(a, b)| {
            set.scope
                .as_ref()
                .is_none_or(|s| s.contains(a) && s.contains(b))
        })
        .count()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / self.pred.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn score_event(ev: &Event, set: &Set, trial: &Trial, model: &Model, order: OrderMode) -> Counts {
    let al = trial.align(model, order);
    let pred = predicted(ev, set, &al);
    let tp = pred.iter().filter(|p| set.gold.contains(p)).count();
    Counts {
        tp,
        pred: pred.len(),
        gold: gold_of(ev, set),
    }
}

/// L2-regularised logistic regression by Newton's method on standardised features;
/// the weights returned apply to the raw features (bias last).
fn fit(rows: &[&[f32]], labels: &[bool], lambda: f64) -> Vec<f32> {
    let d = rows[0].len();
    let n = rows.len() as f64;
    let mut mean = vec![0.0f64; d];
    let mut sd = vec![0.0f64; d];
    for r in rows {
        for j in 0..d {
            mean[j] += f64::from(r[j]) / n;
        }
    }
    for r in rows {
        for j in 0..d {
            sd[j] += (f64::from(r[j]) - mean[j]).powi(2) / n;
        }
    }
    for s in &mut sd {
        *s = s.sqrt().max(1e-6);
    }
    let z = |r: &[f32], j: usize| (f64::from(r[j]) - mean[j]) / sd[j];
    let mut w = vec![0.0f64; d + 1];
    for _ in 0..30 {
        let mut grad = vec![0.0f64; d + 1];
        let mut hess = vec![vec![0.0f64; d + 1]; d + 1];
        let mut x = vec![0.0f64; d + 1];
        for (r, &y) in rows.iter().zip(labels) {
            for j in 0..d {
                x[j] = z(r, j);
            }
            x[d] = 1.0;
            let s: f64 = w.iter().zip(&x).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-s).exp());
            let e = p - f64::from(u8::from(y));
            let v = (p * (1.0 - p)).max(1e-9);
            for j in 0..=d {
                grad[j] += e * x[j];
                for k in j..=d {
                    hess[j][k] += v * x[j] * x[k];
                }
            }
        }
        for j in 0..=d {
            for k in 0..j {
                hess[j][k] = hess[k][j];
            }
            if j < d {
                grad[j] += lambda * w[j];
                hess[j][j] += lambda;
            }
            hess[j][j] += 1e-9;
        }
        let step = solve(hess, grad);
        let mut change = 0.0f64;
        for j in 0..=d {
            w[j] -= step[j];
            change = change.max(step[j].abs());
        }
        if change < 1e-6 {
            break;
        }
    }
    let mut out = vec![0.0f32; d + 1];
    let mut bias = w[d];
    for j in 0..d {
        out[j] = (w[j] / sd[j]) as f32;
        bias -= w[j] * mean[j] / sd[j];
    }
    out[d] = bias as f32;
    out
}

fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for i in 0..n {
        let p = (i..n)
            .max_by(|&x, &y| a[x][i].abs().total_cmp(&a[y][i].abs()))
            .unwrap();
        a.swap(i, p);
        b.swap(i, p);
        let d = a[i][i];
        for k in i + 1..n {
            let f = a[k][i] / d;
            if f != 0.0 {
                for j in i..n {
                    a[k][j] -= f * a[i][j];
                }
                b[k] -= f * b[i];
            }
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|j| a[i][j] * x[j]).sum();
        x[i] = (b[i] - s) / a[i][i];
    }
    x
}

struct Data<'a> {
    events: &'a [Event],
    sets: &'a [Set],
    trials: Vec<Trial<'a>>,
    labels: Vec<Vec<bool>>,
}

const LAMBDA: f64 = 1.0;
/// How much mean F1 a higher θ may give up (see `fit_model`).
fn tie() -> f64 {
    std::env::var("FIT_TIE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.005)
}
/// Merge discounts tried (see `Params::merge`).
const MERGES: [f32; 4] = [0.0, 0.05, 0.1, 0.15];
const THETAS: [f32; 11] = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];

impl Data<'_> {
    /// Both stages' weights fitted on `train`; the second stage learns from
    /// first-stage probabilities of events the first stage was not fitted on
    /// (stacking), as it will meet them on new text.
    fn fit_weights(&self, train: &[usize]) -> ([f32; N1 + 1], [f32; N2 + 1]) {
        let rows_of = |events: &mut dyn Iterator<Item = usize>| {
            let (mut r, mut l): (Vec<&[f32]>, Vec<bool>) = (Vec::new(), Vec::new());
            for e in events {
                for (x, &y) in self.trials[e].lexical().iter().zip(&self.labels[e]) {
                    r.push(x);
                    l.push(y);
                }
            }
            (r, l)
        };
        let (rows, labels) = rows_of(&mut train.iter().copied());
        let first: [f32; N1 + 1] = fit(&rows, &labels, LAMBDA).try_into().unwrap();
        let inner = 5;
        let firsts: Vec<[f32; N1 + 1]> = (0..inner)
            .map(|k| {
                let (r, l) = rows_of(
                    &mut train
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % inner != k)
                        .map(|(_, &e)| e),
                );
                fit(&r, &l, LAMBDA).try_into().unwrap()
            })
            .collect();
        let seconds: Vec<Vec<[f32; N2]>> = train
            .iter()
            .enumerate()
            .map(|(i, &e)| self.trials[e].second(&firsts[i % inner]))
            .collect();
        let rows2: Vec<&[f32]> = seconds.iter().flatten().map(|x| &x[..]).collect();
        let second: [f32; N2 + 1] = fit(&rows2, &labels, LAMBDA).try_into().unwrap();
        (first, second)
    }

    /// The model fitted on `train`, with θ chosen on predictions for events its
    /// weights were not fitted on (inner folds): the best mean F1 over the training
    /// sets, or the highest θ within `TIE` of it, since a false link misleads an
    /// editor more than a missed one, which the editor can add.
    fn fit_model(&self, train: &[usize], order: OrderMode) -> Model {
        let (first, second) = self.fit_weights(train);
        let inner = 5;
        let grid: Vec<(f32, f32)> = THETAS
            .iter()
            .flat_map(|&t| MERGES.iter().map(move |&m| (t, m)))
            .collect();
        let mut per_cut: Vec<BTreeMap<usize, Counts>> = vec![BTreeMap::new(); grid.len()];
        for k in 0..inner {
            let fit_on: Vec<usize> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % inner != k)
                .map(|(_, &e)| e)
                .collect();
            let held: Vec<usize> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % inner == k)
                .map(|(_, &e)| e)
                .collect();
            let (f, s) = self.fit_weights(&fit_on);
            for (g, &(theta, merge)) in grid.iter().enumerate() {
                let m = Model {
                    first: f,
                    second: s,
                    theta,
                    merge,
                };
                for (set, c) in self.counts(&held, &m, order) {
                    per_cut[g].entry(set).or_default().add(c);
                }
            }
        }
        let scores: Vec<((f32, f32), f64)> = grid
            .iter()
            .zip(&per_cut)
            .map(|(&cut, counts)| {
                let fs: Vec<f64> = counts.values().map(|c| c.f1().2).collect();
                (cut, fs.iter().sum::<f64>() / fs.len().max(1) as f64)
            })
            .collect();
        let top = scores.iter().map(|s| s.1).fold(f64::MIN, f64::max);
        // Among the cuts within TIE of the best, the highest θ, then the smallest
        // merge discount: toward precision.
        let (theta, merge) = scores
            .iter()
            .filter(|s| s.1 >= top - tie())
            .map(|s| s.0)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.total_cmp(&a.1)))
            .unwrap_or((0.5, 0.0));
        Model {
            first,
            second,
            theta,
            merge,
        }
    }

    /// Cross-validated counts of a two-stage forest (θ chosen on the training folds).
    fn forest_counts(&self, train: &[usize], test: &[usize]) -> BTreeMap<usize, Counts> {
        let rows: Vec<&[f32]> = train
            .iter()
            .flat_map(|&e| self.trials[e].lexical().iter().map(|x| &x[..]))
            .collect();
        let labels: Vec<bool> = train
            .iter()
            .flat_map(|&e| self.labels[e].iter().copied())
            .collect();
        let first = gbdt::fit(&rows, &labels, 120, 3, 0.1);
        let p1 = |e: usize| -> Vec<f32> {
            self.trials[e]
                .lexical()
                .iter()
                .map(|x| first.predict(x))
                .collect()
        };
        let seconds: BTreeMap<usize, Vec<[f32; N2]>> = train
            .iter()
            .chain(test)
            .map(|&e| (e, self.trials[e].second_from(&p1(e))))
            .collect();
        let rows2: Vec<&[f32]> = train
            .iter()
            .flat_map(|&e| seconds[&e].iter().map(|x| &x[..]))
            .collect();
        let second = gbdt::fit(&rows2, &labels, 120, 3, 0.1);
        let run = |events: &[usize], theta: f32| {
            let mut out: BTreeMap<usize, Counts> = BTreeMap::new();
            for &e in events {
                let ev = &self.events[e];
                let x2 = &seconds[&e];
                let p: Vec<f32> = x2.iter().map(|x| second.predict(x)).collect();
                let al = self.trials[e].group(&p, &context_of(x2), theta, 0.0);
                let set = &self.sets[ev.set];
                let pred = predicted(ev, set, &al);
                let tp = pred.iter().filter(|p| set.gold.contains(p)).count();
                out.entry(ev.set).or_default().add(Counts {
                    tp,
                    pred: pred.len(),
                    gold: gold_of(ev, set),
                });
            }
            out
        };
        let mut best = (f64::MIN, 0.5);
        for &theta in &THETAS {
            let c = run(train, theta);
            let mean = c.values().map(|c| c.f1().2).sum::<f64>() / c.len().max(1) as f64;
            if mean > best.0 {
                best = (mean, theta);
            }
        }
        run(test, best.1)
    }

    fn counts(&self, events: &[usize], model: &Model, order: OrderMode) -> BTreeMap<usize, Counts> {
        let mut out: BTreeMap<usize, Counts> = BTreeMap::new();
        for &e in events {
            let ev = &self.events[e];
            let c = score_event(ev, &self.sets[ev.set], &self.trials[e], model, order);
            out.entry(ev.set).or_default().add(c);
        }
        out
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: fit_scorer EVAL_DIR [--write PATH] [--folds N]");
        std::process::exit(2);
    };
    let write = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let folds: usize = args
        .iter()
        .position(|a| a == "--folds")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let root = Path::new(dir);
    let (mut sets, mut events) = (Vec::new(), Vec::new());
    for (i, name) in ["cstnews", "aesop", "ecbplus"].iter().enumerate() {
        load(&root.join(name), i, &mut sets, &mut events);
    }
    let params = Params::default();
    let start = std::time::Instant::now();
    let trials: Vec<Trial> = events
        .iter()
        .map(|ev| Trial::of(&ev.sources, &params))
        .collect();
    let labels: Vec<Vec<bool>> = events
        .iter()
        .zip(&trials)
        .map(|(ev, t)| {
            let set = &sets[ev.set];
            t.pairs()
                .into_iter()
                .map(|(a, b)| match (unit_of(ev, a), unit_of(ev, b)) {
                    (Some(x), Some(y)) => set.gold.contains(&ordered(x, y)),
                    _ => false,
                })
                .collect()
        })
        .collect();
    eprintln!(
        "measured {} events in {:.1} s",
        events.len(),
        start.elapsed().as_secs_f64()
    );
    let data = Data {
        events: &events,
        sets: &sets,
        trials,
        labels,
    };
    let fitted: Vec<usize> = (0..events.len()).filter(|&e| events[e].set < 2).collect();
    let ecb: Vec<usize> = (0..events.len()).filter(|&e| events[e].set == 2).collect();
    let recall_ceiling: HashMap<usize, (usize, usize)> = {
        let mut m = HashMap::new();
        for e in 0..events.len() {
            let c = m.entry(events[e].set).or_insert((0, 0));
            c.0 += data.labels[e].iter().filter(|&&y| y).count();
        }
        for (i, s) in sets.iter().enumerate() {
            m.entry(i).or_insert((0, 0)).1 = s.gold.len();
        }
        m
    };
    for (i, s) in sets.iter().enumerate() {
        let (found, all) = recall_ceiling[&i];
        println!("{}: gold pairs among candidates {found} of {all}", s.name);
    }
    let show = |label: &str, counts: &BTreeMap<usize, Counts>| {
        let parts: Vec<String> = counts
            .iter()
            .map(|(s, c)| {
                let (p, r, f) = c.f1();
                format!("{} P {p:.3} R {r:.3} F1 {f:.3}", sets[*s].name)
            })
            .collect();
        println!("{label}: {}", parts.join("; "));
    };
    let mut scored_pairs: BTreeMap<usize, Vec<(f32, bool)>> = BTreeMap::new();
    for order in [OrderMode::Auto, OrderMode::Free, OrderMode::Keep] {
        // Cross-validation by event over CSTNews and Aesop together.
        let mut cv: BTreeMap<usize, Counts> = BTreeMap::new();
        for k in 0..folds {
            let train: Vec<usize> = fitted.iter().copied().filter(|&e| e % folds != k).collect();
            let test: Vec<usize> = fitted.iter().copied().filter(|&e| e % folds == k).collect();
            let model = data.fit_model(&train, order);
            for (s, c) in data.counts(&test, &model, order) {
                cv.entry(s).or_default().add(c);
            }
            if order == OrderMode::Auto {
                for &e in &test {
                    let x2 = data.trials[e].second(&model.first);
                    let list = scored_pairs.entry(events[e].set).or_default();
                    let pairs = data.trials[e].pairs();
                    for ((x, &y), (a, b)) in x2.iter().zip(&data.labels[e]).zip(pairs) {
                        let q = align::logistic(&model.second, x);
                        list.push((q, y));
                        if std::env::var_os("FIT_DUMP").is_some()
                            && events[e].set == 1
                            && ((y && q < 0.3) || (!y && q > 0.4))
                        {
                            let ev = &events[e];
                            let text = |id: SentenceId| {
                                let sp = &ev.sources[id.source].sentences[id.index].range;
                                ev.sources[id.source].doc.text[sp.clone()].replace('\n', " ")
                            };
                            println!(
                                "DUMP {} {:.2} | {} || {}",
                                if y { "MISS" } else { "FALSE" },
                                q,
                                text(a),
                                text(b)
                            );
                        }
                    }
                }
            }
        }
        show(
            &format!("{order:?} cross-validated ({folds} folds by event)"),
            &cv,
        );
        for (set, list) in &mut scored_pairs {
            // Average precision of the pair probabilities, over every gold link.
            list.sort_by(|a, b| b.0.total_cmp(&a.0));
            let gold = recall_ceiling[set].1 as f64;
            let (mut tp, mut ap) = (0usize, 0.0f64);
            for (i, &(_, y)) in list.iter().enumerate() {
                if y {
                    tp += 1;
                    ap += tp as f64 / (i + 1) as f64;
                }
            }
            println!("  {} pair AP {:.4}", sets[*set].name, ap / gold);
        }
        scored_pairs.clear();
        if order == OrderMode::Auto && std::env::var_os("FIT_PAIRWISE").is_some() {
            // Links by thresholding each pair alone, no grouping: what grouping costs.
            for t in [0.3f32, 0.4, 0.5, 0.6] {
                let mut out: BTreeMap<usize, Counts> = BTreeMap::new();
                for k in 0..folds {
                    let train: Vec<usize> =
                        fitted.iter().copied().filter(|&e| e % folds != k).collect();
                    let model = data.fit_model(&train, order);
                    for &e in fitted.iter().filter(|&&e| e % folds == k) {
                        let ev = &events[e];
                        let set = &sets[ev.set];
                        let x2 = data.trials[e].second(&model.first);
                        let mut pred = BTreeSet::new();
                        for ((a, b), x) in data.trials[e].pairs().into_iter().zip(&x2) {
                            if align::logistic(&model.second, x) < t {
                                continue;
                            }
                            if let (Some(x), Some(y)) = (unit_of(ev, a), unit_of(ev, b)) {
                                pred.insert(ordered(x, y));
                            }
                        }
                        let tp = pred.iter().filter(|p| set.gold.contains(p)).count();
                        out.entry(ev.set).or_default().add(Counts {
                            tp,
                            pred: pred.len(),
                            gold: gold_of(ev, set),
                        });
                    }
                }
                show(&format!("pairwise at {t}"), &out);
            }
        }
        if order != OrderMode::Auto {
            continue;
        }
        // One set fitted, the other scored.
        for (fit_on, score_on) in [(0usize, 1usize), (1, 0)] {
            let train: Vec<usize> = fitted
                .iter()
                .copied()
                .filter(|&e| events[e].set == fit_on)
                .collect();
            let test: Vec<usize> = fitted
                .iter()
                .copied()
                .filter(|&e| events[e].set == score_on)
                .collect();
            let model = data.fit_model(&train, order);
            show(
                &format!("fitted on {} only", sets[fit_on].name),
                &data.counts(&test, &model, order),
            );
        }
    }
    if std::env::var_os("FIT_FOREST").is_some() {
        let mut cv: BTreeMap<usize, Counts> = BTreeMap::new();
        for k in 0..folds {
            let train: Vec<usize> = fitted.iter().copied().filter(|&e| e % folds != k).collect();
            let test: Vec<usize> = fitted.iter().copied().filter(|&e| e % folds == k).collect();
            for (s, c) in data.forest_counts(&train, &test) {
                cv.entry(s).or_default().add(c);
            }
        }
        show("forest cross-validated", &cv);
        show("forest on ecbplus", &data.forest_counts(&fitted, &ecb));
    }
    let mut model = data.fit_model(&fitted, OrderMode::Auto);
    if std::env::var_os("FIT_THETAS").is_some() {
        let chosen = model.theta;
        for &theta in &THETAS {
            model.theta = theta;
            let mut all = data.counts(&fitted, &model, OrderMode::Auto);
            all.extend(data.counts(&ecb, &model, OrderMode::Auto));
            show(&format!("theta {theta}"), &all);
        }
        model.theta = chosen;
    }
    if std::env::var_os("FIT_DIAG").is_some() {
        // Where the gold links are lost: never candidates, scored below θ, or scored
        // above θ and split by grouping; and what grouping adds that no pair carried.
        for (si, s) in sets.iter().enumerate() {
            let (mut gold, mut cand, mut high, mut tp, mut high_lost) = (0, 0, 0, 0, 0);
            let (mut pred_n, mut pulled, mut pulled_ok, mut pw_pred, mut pw_tp) = (0, 0, 0, 0, 0);
            for e in (0..events.len()).filter(|&e| events[e].set == si) {
                let ev = &events[e];
                let t = &data.trials[e];
                let x2 = t.second(&model.first);
                let p: Vec<f32> = x2
                    .iter()
                    .map(|x| align::logistic(&model.second, x))
                    .collect();
                let al = t.group(&p, &context_of(&x2), model.theta, model.merge);
                let pred = predicted(ev, s, &al);
                let mut prob: HashMap<(Unit, Unit), f32> = HashMap::new();
                for ((a, b), &q) in t.pairs().into_iter().zip(&p) {
                    if let (Some(x), Some(y)) = (unit_of(ev, a), unit_of(ev, b)) {
                        let k = ordered(x, y);
                        let v = prob.entry(k).or_insert(0.0);
                        *v = v.max(q);
                    }
                }
                let docs: BTreeSet<&String> = ev.docs.iter().collect();
                for g in s
                    .gold
                    .iter()
                    .filter(|(a, b)| docs.contains(&a.0) && docs.contains(&b.0))
                {
                    if !s
                        .scope
                        .as_ref()
                        .is_none_or(|sc| sc.contains(&g.0) && sc.contains(&g.1))
                    {
                        continue;
                    }
                    gold += 1;
                    let q = prob.get(g).copied();
                    cand += usize::from(q.is_some());
                    let hi = q.is_some_and(|q| q >= model.theta);
                    high += usize::from(hi);
                    let ok = pred.contains(g);
                    tp += usize::from(ok);
                    high_lost += usize::from(hi && !ok);
                    if hi && !ok && std::env::var_os("FIT_SPLIT").is_some() {
                        let size_of = |u: &Unit| -> usize {
                            let src = ev.docs.iter().position(|d| *d == u.0).unwrap();
                            let idx = (0..ev.sources[src].sentences.len()).find(|&i| {
                                unit_of(
                                    ev,
                                    SentenceId {
                                        source: src,
                                        index: i,
                                    },
                                )
                                .as_ref()
                                    == Some(u)
                            });
                            idx.map_or(999, |i| al.groups[al.group_of[src][i]].sentences.len())
                        };
                        println!("SPLIT {} {} {}", s.name, size_of(&g.0), size_of(&g.1));
                    }
                }
                for k in &pred {
                    pred_n += 1;
                    if prob.get(k).is_none_or(|&q| q < model.theta) {
                        pulled += 1;
                        pulled_ok += usize::from(s.gold.contains(k));
                    }
                }
                for (k, &q) in &prob {
                    let in_scope = s
                        .scope
                        .as_ref()
                        .is_none_or(|sc| sc.contains(&k.0) && sc.contains(&k.1));
                    if q >= model.theta
                        && in_scope
                        && s.pairs.contains(&(k.0.0.clone(), k.1.0.clone()))
                    {
                        pw_pred += 1;
                        pw_tp += usize::from(s.gold.contains(k));
                    }
                }
            }
            println!(
                "diag {}: gold {gold}, candidates {cand}, p>=theta {high}, linked {tp}, \
                 p>=theta but split {high_lost}; predicted {pred_n}, of which below theta {pulled} \
                 ({pulled_ok} right); pairwise at theta P {:.3} R {:.3}",
                s.name,
                pw_tp as f64 / pw_pred.max(1) as f64,
                pw_tp as f64 / gold.max(1) as f64
            );
        }
    }
    show(
        "final model, in sample",
        &data.counts(&fitted, &model, OrderMode::Auto),
    );
    show(
        "final model on ecbplus (not fitted on)",
        &data.counts(&ecb, &model, OrderMode::Auto),
    );
    println!("theta {} merge {}", model.theta, model.merge);
    let names: Vec<&str> = align::LEXICAL
        .iter()
        .chain(align::ORDER.iter())
        .copied()
        .collect();
    for (i, n) in names.iter().enumerate() {
        let first = model
            .first
            .get(i)
            .filter(|_| i < N1)
            .map_or(String::new(), |w| format!("{w:8.3}"));
        println!("  {n:16} {first:>8} {:8.3}", model.second[i]);
    }
    if let Some(path) = write {
        let list = |w: &[f32]| {
            w.iter()
                .map(|v| format!("{v:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let text = format!(
            "//! The pair scorer's weights, written by `crates/parallax-core/examples/fit_scorer.rs` (fitted on\n\
             //! CSTNews and Aesop of `../shared/eval`); do not edit. Reproduce with\n\
             //! `cargo run --release -p parallax-core --example fit_scorer -- ../shared/eval --write {path}`.\n\
             \n\
             use super::layout::{{N1, N2}};\n\
             \n\
             /// First stage: [`super::layout::LEXICAL`], then the bias.\n\
             #[rustfmt::skip]\n\
             pub(crate) const FIRST: [f32; N1 + 1] = [{}];\n\
             /// Second stage: the first stage's features, [`super::layout::ORDER`], the bias.\n\
             #[rustfmt::skip]\n\
             pub(crate) const SECOND: [f32; N2 + 1] = [{}];\n\
             /// Probability a pair must clear on average within a group.\n\
             pub(crate) const THETA: f32 = {:.2};\n\
             /// How much lower the average a group joining another group must clear.\n\
             pub(crate) const MERGE: f32 = {:.2};\n",
            list(&model.first),
            list(&model.second),
            model.theta,
            model.merge
        );
        std::fs::write(path, text).unwrap();
        eprintln!("wrote {path}");
    }
}

/// Gradient-boosted trees (depth-limited, histogram splits), to measure how much a
/// model with interactions would add over the logistic one.
mod gbdt {
    pub struct Node {
        feature: usize,
        threshold: f32,
        left: usize,
        right: usize,
        value: f32,
    }

    pub struct Forest {
        trees: Vec<Vec<Node>>,
        base: f32,
    }

    impl Forest {
        pub fn predict(&self, x: &[f32]) -> f32 {
            let mut z = self.base;
            for t in &self.trees {
                let mut i = 0;
                loop {
                    let n = &t[i];
                    if n.left == 0 {
                        z += n.value;
                        break;
                    }
                    i = if x[n.feature] <= n.threshold {
                        n.left
                    } else {
                        n.right
                    };
                }
            }
            1.0 / (1.0 + (-z).exp())
        }
    }

    const BINS: usize = 32;

    pub fn fit(rows: &[&[f32]], labels: &[bool], rounds: usize, depth: usize, rate: f32) -> Forest {
        let n = rows.len();
        let d = rows[0].len();
        // Quantile thresholds per feature.
        let mut cuts: Vec<Vec<f32>> = Vec::with_capacity(d);
        for j in 0..d {
            let mut v: Vec<f32> = rows.iter().map(|r| r[j]).collect();
            v.sort_by(f32::total_cmp);
            let mut c: Vec<f32> = (1..BINS).map(|k| v[k * (n - 1) / BINS]).collect();
            c.dedup();
            cuts.push(c);
        }
        let bin: Vec<Vec<u8>> = rows
            .iter()
            .map(|r| {
                (0..d)
                    .map(|j| cuts[j].partition_point(|&c| c < r[j]) as u8)
                    .collect()
            })
            .collect();
        let pos = labels.iter().filter(|&&y| y).count() as f32;
        let base = (pos.max(1.0) / (n as f32 - pos).max(1.0)).ln();
        let mut z = vec![base; n];
        let mut trees = Vec::new();
        let lambda = 1.0f32;
        for _ in 0..rounds {
            let (g, h): (Vec<f32>, Vec<f32>) = z
                .iter()
                .zip(labels)
                .map(|(&z, &y)| {
                    let p = 1.0 / (1.0 + (-z).exp());
                    (p - f32::from(u8::from(y)), (p * (1.0 - p)).max(1e-6))
                })
                .unzip();
            let mut nodes: Vec<Node> = Vec::new();
            let mut leaf_of = vec![0usize; n];
            nodes.push(Node {
                feature: 0,
                threshold: 0.0,
                left: 0,
                right: 0,
                value: 0.0,
            });
            let mut frontier = vec![0usize];
            for _ in 0..depth {
                let mut next = Vec::new();
                for &node in &frontier {
                    let members: Vec<usize> = (0..n).filter(|&i| leaf_of[i] == node).collect();
                    if members.len() < 40 {
                        continue;
                    }
                    let (gs, hs): (f32, f32) = members
                        .iter()
                        .fold((0.0, 0.0), |a, &i| (a.0 + g[i], a.1 + h[i]));
                    let parent = gs * gs / (hs + lambda);
                    let mut best = (0.0f32, 0usize, 0usize);
                    for j in 0..d {
                        let mut hist = [(0.0f32, 0.0f32, 0usize); BINS];
                        for &i in &members {
                            let b = bin[i][j] as usize;
                            hist[b].0 += g[i];
                            hist[b].1 += h[i];
                            hist[b].2 += 1;
                        }
                        let (mut gl, mut hl, mut nl) = (0.0, 0.0, 0);
                        for b in 0..cuts[j].len() {
                            gl += hist[b].0;
                            hl += hist[b].1;
                            nl += hist[b].2;
                            let (gr, hr) = (gs - gl, hs - hl);
                            if nl < 20 || members.len() - nl < 20 {
                                continue;
                            }
                            let gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
                            if gain > best.0 {
                                best = (gain, j, b);
                            }
                        }
                    }
                    if best.0 <= 0.0 {
                        continue;
                    }
                    let (l, r) = (nodes.len(), nodes.len() + 1);
                    nodes.push(Node {
                        feature: 0,
                        threshold: 0.0,
                        left: 0,
                        right: 0,
                        value: 0.0,
                    });
                    nodes.push(Node {
                        feature: 0,
                        threshold: 0.0,
                        left: 0,
                        right: 0,
                        value: 0.0,
                    });
                    nodes[node].feature = best.1;
                    nodes[node].threshold = cuts[best.1][best.2];
                    nodes[node].left = l;
                    nodes[node].right = r;
                    for &i in &members {
                        leaf_of[i] = if bin[i][best.1] as usize <= best.2 {
                            l
                        } else {
                            r
                        };
                    }
                    next.push(l);
                    next.push(r);
                }
                frontier = next;
            }
            // Leaf values.
            let mut sums = vec![(0.0f32, 0.0f32); nodes.len()];
            for i in 0..n {
                sums[leaf_of[i]].0 += g[i];
                sums[leaf_of[i]].1 += h[i];
            }
            for (k, node) in nodes.iter_mut().enumerate() {
                if node.left == 0 {
                    node.value = -rate * sums[k].0 / (sums[k].1 + lambda);
                }
            }
            for i in 0..n {
                z[i] += nodes[leaf_of[i]].value;
            }
            trees.push(nodes);
        }
        Forest { trees, base }
    }
}
