//! The pair scorer's weights, written by `examples/fit_scorer.rs` (fitted on
//! CSTNews and Aesop of `../shared/eval`); do not edit. Reproduce with
//! `cargo run --release --example fit_scorer -- ../shared/eval --write src/align/weights.rs`.

use super::scorer::{N1, N2};

/// First stage: [`super::scorer::LEXICAL`], then the bias.
pub const FIRST: [f32; N1 + 1] = [1.466637, -0.281769, 0.482567, -0.012399, -0.344135, 0.814012, 0.455159, -0.856893, -3.064570, 1.994569, 0.749587, 0.435197, 6.358274, -1.745267, -6.433818, 0.805177, 0.894554, 0.403327, 3.126545, 0.000000, 0.000000, 0.000000, 0.000000, 0.181566, 0.836137, -1.520626, 1.253543, -5.246787];
/// Second stage: the first stage's features, [`super::scorer::ORDER`], the bias.
pub const SECOND: [f32; N2 + 1] = [1.427669, -0.618208, 0.693965, 0.100118, -0.157264, 0.859936, 0.387799, -0.836139, -2.264415, 1.841564, 0.740297, 0.269978, 5.635700, -1.621289, -5.050124, 0.627746, 0.914763, -0.296618, 3.215643, 0.000000, 0.000000, -0.000000, 0.000000, 0.108241, -3.095811, 0.273155, 0.405446, 0.177197, -0.109635, -0.151817, 0.382290, 3.243582, -5.812312];
/// Probability a pair must clear on average within a group.
pub const THETA: f32 = 0.30;
