//! The pair scorer's weights, written by `crates/parallax-core/examples/fit_scorer.rs` (fitted on
//! CSTNews and Aesop of `../shared/eval`); do not edit. Reproduce with
//! `cargo run --release -p parallax-core --example fit_scorer -- ../shared/eval --write crates/parallax-core/src/align/weights.rs`.

use super::scorer::{N1, N2};

/// First stage: [`super::scorer::LEXICAL`], then the bias.
pub const FIRST: [f32; N1 + 1] = [1.560190, 0.184331, 1.067828, -0.054276, -0.648369, 0.740953, 1.345055, -0.766599, -3.246360, 1.968149, -0.028979, 0.347303, 6.087544, -1.884241, -6.095298, 1.099099, 0.775612, -2.949710, 2.521064, -4.531878, 9.536705, 0.279469, -0.182343, 0.157333, 0.798945, 4.690279, -4.032982, -1.889053];
/// Second stage: the first stage's features, [`super::scorer::ORDER`], the bias.
pub const SECOND: [f32; N2 + 1] = [1.784849, -0.139327, 1.211399, -0.036819, -0.577491, 0.800512, 1.231842, -0.741858, -2.159431, 1.895012, -0.011049, 0.280157, 5.637835, -1.820074, -5.001305, 0.985630, 0.745141, -3.833703, 2.616799, -3.716158, 8.419976, 0.226224, -0.114575, 0.095880, -2.681640, 6.858896, -5.154543, 0.795054, -0.110908, -1.242635, 0.939625, 2.644491, 1.609631, -3.133972];
/// Probability a pair must clear on average within a group.
pub const THETA: f32 = 0.30;
