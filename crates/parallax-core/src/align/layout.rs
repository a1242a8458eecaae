//! The layout of the pair scorer's feature vectors: the names of each stage's
//! features, in order, and their counts. Below the scorer, the order chain and the
//! fitted weights, which all read it.

/// Names of the first stage's features, in order.
pub const LEXICAL: [&str; 31] = [
    "dice",
    "cover",
    "exact",
    "partial",
    "rare",
    "single",
    "numbers",
    "number_conflict",
    "offset",
    "rel_min",
    "rel_max",
    "mutual_best",
    "run",
    "run6",
    "run_share",
    "quote_share",
    "quotes_both",
    "bg_dice",
    "bg_cover",
    "cosine",
    "margin",
    "meaning_best",
    "meaning_known",
    "length_ratio",
    "neighbours",
    "strength",
    "weighed",
    "soft_f",
    "soft_min",
    "aligned_min",
    "aligned_max",
];

/// Names of the features the second stage adds.
pub const ORDER: [&str; 8] = [
    "on_chain",
    "share",
    "chain_share",
    "fits_share",
    "neighbour_p",
    "sole_gap",
    "triangle",
    "support",
];

/// Features of the first stage.
pub const N1: usize = LEXICAL.len();
/// Features of the second stage.
pub const N2: usize = N1 + ORDER.len();

/// How many of [`ORDER`]'s features come from the order chain (the first ones; the
/// rest are the support of third sources).
pub(crate) const CHAIN: usize = 6;
