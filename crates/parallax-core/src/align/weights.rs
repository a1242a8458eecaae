//! The pair scorer's weights, written by `crates/parallax-core/examples/fit_scorer.rs` (fitted on
//! CSTNews and Aesop of `../shared/eval`); do not edit. Reproduce with
//! `cargo run --release -p parallax-core --example fit_scorer -- ../shared/eval --write crates/parallax-core/src/align/weights.rs`.

use super::layout::{N1, N2};

/// First stage: [`super::layout::LEXICAL`], then the bias.
#[rustfmt::skip]
pub(crate) const FIRST: [f32; N1 + 1] = [3.0246556, 0.9839713, 1.4297606, -0.34169534, -0.8337077, 0.7453526, 1.9595948, -0.8905946, -3.2918434, 1.8973879, -0.026716702, 0.4017599, 5.672664, -1.8349684, -5.539894, 1.1729785, 0.6657502, -6.862174, 0.30944136, -6.4318357, 9.602492, 0.247669, -2.108412, 0.05666446, 0.82891035, 3.9338605, -3.8793764, 8.243154, -2.7085946, -0.24195974, 1.0683877, -0.9066655];
/// Second stage: the first stage's features, [`super::layout::ORDER`], the bias.
#[rustfmt::skip]
pub(crate) const SECOND: [f32; N2 + 1] = [3.2463717, 0.72600585, 1.627024, -0.32470387, -0.80917233, 0.8266756, 1.8852379, -0.88549685, -2.3174968, 1.8915044, -0.05289405, 0.3814398, 5.416517, -1.8357972, -4.622039, 0.97540385, 0.6999898, -7.853723, 0.29552135, -5.736086, 8.755164, 0.2106621, -2.2349243, -0.0044971555, -2.203477, 6.4083114, -5.2858725, 7.896133, -2.3845987, -0.34572098, 1.2816935, 0.48401323, -0.23106728, -1.0819167, 1.0195957, 2.3258922, 1.6518205, -1.1513722, 0.6419215, -1.8069425];
/// Probability a pair must clear on average within a group.
pub(crate) const THETA: f32 = 0.30;
