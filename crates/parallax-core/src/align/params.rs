//! The aligner's tunable numbers, with the values chosen on real data (QUALITY.md).

use super::features::Weighting;
use crate::perf::Parallelism;

/// What the aligner may assume about the order in which sources tell things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OrderMode {
    /// Order as the scorer weighs it (the default): how well a pair fits the best
    /// order-preserving chain of its two sources, worth as much as those two sources
    /// keep one order.
    #[default]
    Auto,
    /// Every source tells things in the same order (versions of one text,
    /// retellings, translations): only pairs on the order-preserving chain of their
    /// two sources, or between its links, may link.
    Keep,
    /// No order chain: links stand on what the sentences share (the first stage of
    /// the scorer; relative position stays one of its features).
    Free,
}

/// Everything the aligner can be told: how keys are weighed, how candidates are found,
/// the scorer's model, what to assume about order, and when to use threads.
#[derive(Debug, Clone)]
pub struct Params {
    /// How content keys are weighed.
    pub weighting: Weighting,
    /// Keys in more than this share of all sentences are not used to find candidates.
    pub common_share: f32,
    /// Partners a sentence proposes for measuring, per other source: its heaviest,
    /// by the weight of the indexed keys they share. A sentence has about one
    /// counterpart in each other source, so the budget grows with their number, up
    /// to a bound (`candidates::MAX_PARTNERS`).
    pub partners: usize,
    /// Factor for pairs that share a single key.
    pub single: f32,
    /// How much shared phrases (key bigrams) add to a pair's strength.
    pub phrase: f32,
    /// How much similar relative positions raise (and distant ones lower) a pair's
    /// strength: a weak prior, since sources reorder.
    pub position: f32,
    /// Evidence each pair of sentences in one group must clear on average (set to
    /// the model's θ when grouping).
    pub link: f32,
    /// How much lower that average may be when a group joins another group rather
    /// than two lone sentences joining (set to the model's `merge` when grouping):
    /// with many outlets, reports of one statement gather in groups whose members
    /// do not all match each other as well as each matches its closest.
    pub merge: f32,
    /// What to assume about the order in which sources tell things (`--order`).
    pub order: OrderMode,
    /// The pair scorer's weights and threshold.
    pub model: super::Model,
    /// From how many sentences every stage of the comparison (tokenising, aligning,
    /// diffing, writing the JSON) is spread over threads; the result is the same.
    pub parallelism: Parallelism,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            weighting: Weighting::default(),
            common_share: 0.12,
            partners: 16,
            phrase: 0.0,
            single: 0.5,
            position: 0.2,
            link: 0.2,
            merge: 0.0,
            order: OrderMode::Auto,
            model: super::Model::default(),
            parallelism: Parallelism::default(),
        }
    }
}

impl Params {
    /// Sets one parameter by name (for experiments such as `examples/eval_align.rs`).
    pub fn set(&mut self, name: &str, value: f32) -> Result<(), String> {
        let slot = match name {
            "floor" => &mut self.weighting.floor,
            "common" => &mut self.weighting.common,
            "number" => &mut self.weighting.number,
            "name_tail" => &mut self.weighting.name_tail,
            "soft_min" => &mut self.weighting.soft_min,
            "common_share" => &mut self.common_share,
            "phrase" => &mut self.phrase,
            "single" => &mut self.single,
            "position" => &mut self.position,
            "link" => &mut self.link,
            "merge" => &mut self.model.merge,
            "theta" => &mut self.model.theta,
            "partners" => {
                self.partners = value as usize;
                return Ok(());
            }
            "order" => {
                self.order = match value as i32 {
                    0 => OrderMode::Auto,
                    1 => OrderMode::Keep,
                    2 => OrderMode::Free,
                    _ => return Err(format!("order={value}: 0 auto, 1 keep, 2 free")),
                };
                return Ok(());
            }
            _ => return Err(format!("unknown parameter {name}")),
        };
        *slot = value;
        Ok(())
    }
}
