//! The pair scorer's weights, written by `crates/parallax-core/examples/fit_scorer.rs` (fitted on
//! CSTNews and Aesop of `../shared/eval`); do not edit. Reproduce with
//! `cargo run --release -p parallax-core --example fit_scorer -- ../shared/eval --write crates/parallax-core/src/align/weights.rs`.

use super::layout::{N1, N2};

/// First stage: [`super::layout::LEXICAL`], then the bias.
#[rustfmt::skip]
pub(crate) const FIRST: [f32; N1 + 1] = [3.0615091, 0.9866202, 1.4301188, -0.3409671, -0.83740157, 0.74327916, 1.9625221, -0.8901676, -3.3092225, 1.8966818, -0.026790634, 0.399567, 5.6745825, -1.8371178, -5.544225, 1.1600219, 0.6697307, -6.8494873, 0.30211216, -6.433937, 9.6066885, 0.24666868, -2.1073122, 0.05972615, 0.8273381, 3.890208, -3.8623917, 8.231107, -2.6937299, -0.2508592, 1.0703917, -0.9016689];
/// Second stage: the first stage's features, [`super::layout::ORDER`], the bias.
#[rustfmt::skip]
pub(crate) const SECOND: [f32; N2 + 1] = [3.2947557, 0.72511095, 1.6262009, -0.32217512, -0.8125668, 0.8225889, 1.893461, -0.8902423, -2.335412, 1.89301, -0.053562142, 0.38238883, 5.429399, -1.8361585, -4.6214933, 0.9674752, 0.7018642, -7.8493905, 0.29604918, -5.7445607, 8.764282, 0.20955294, -2.2358317, -0.0065707685, -2.2066555, 6.3590136, -5.272096, 7.865393, -2.3587894, -0.3606986, 1.2895938, 0.4837196, -0.23472963, -1.092979, 1.0213152, 2.3319106, 1.6455374, -1.2191577, 0.6861463, -1.7887231];
/// Probability a pair must clear on average within a group.
pub(crate) const THETA: f32 = 0.30;
/// How much lower the average a group joining another group must clear.
pub(crate) const MERGE: f32 = 0.00;
