//! The pair scorer's weights, written by `crates/parallax-core/examples/fit_scorer.rs` (fitted on
//! CSTNews and Aesop of `../shared/eval`); do not edit. Reproduce with
//! `cargo run --release -p parallax-core --example fit_scorer -- ../shared/eval --write crates/parallax-core/src/align/weights.rs`.

use super::layout::{N1, N2};

/// First stage: [`super::layout::LEXICAL`], then the bias.
#[rustfmt::skip]
pub(crate) const FIRST: [f32; N1 + 1] = [1.5601898, 0.18433085, 1.0678277, -0.054275792, -0.6483693, 0.7409527, 1.3450545, -0.7665992, -3.24636, 1.9681494, -0.028979361, 0.3473034, 6.087544, -1.8842405, -6.0952983, 1.0990986, 0.7756119, -2.94971, 2.5210636, -4.5318775, 9.536705, 0.27946892, -0.18234323, 0.1573333, 0.7989446, 4.6902785, -4.0329823, -1.8890527];
/// Second stage: the first stage's features, [`super::layout::ORDER`], the bias.
#[rustfmt::skip]
pub(crate) const SECOND: [f32; N2 + 1] = [1.7848487, -0.1393274, 1.2113994, -0.036819246, -0.5774905, 0.8005119, 1.2318419, -0.7418584, -2.1594305, 1.8950117, -0.011049498, 0.28015688, 5.6378345, -1.8200738, -5.001305, 0.98563, 0.74514145, -3.833703, 2.616799, -3.716158, 8.419976, 0.22622405, -0.11457462, 0.09588018, -2.68164, 6.8588963, -5.154543, 0.79505426, -0.11090819, -1.2426353, 0.93962485, 2.6444907, 1.6096306, -3.1339722];
/// Probability a pair must clear on average within a group.
pub(crate) const THETA: f32 = 0.30;
