//! The aligner's tunable numbers, with the values chosen on real data (QUALITY.md).

use super::features::Weighting;

/// What the aligner may assume about the order in which sources tell things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Use order only between sources that show it (the default): pairs on the best
    /// order-preserving chain gain evidence when most clear links lie on it.
    #[default]
    Auto,
    /// Every source tells things in the same order (versions of one text,
    /// retellings, translations): each pair of sources is aligned as one
    /// order-preserving sequence, and only pairs on it are linked.
    Keep,
    /// No order chain: links stand on what the sentences share (the weak position
    /// prior of `links::base` stays).
    Free,
}

#[derive(Debug, Clone)]
pub struct Params {
    pub weighting: Weighting,
    /// Keys in more than this share of all sentences are not used to find candidates.
    pub common_share: f32,
    /// Partners a sentence proposes for measuring, per other source: its heaviest,
    /// by the weight of the indexed keys they share. A sentence has about one
    /// counterpart in each other source, so the budget grows with their number, up
    /// to a bound (`score::MAX_PARTNERS`).
    pub partners: usize,
    /// Factor for pairs that share a single key.
    pub single: f32,
    /// How much shared phrases (key bigrams) add to a pair's strength.
    pub phrase: f32,
    /// How much similar relative positions raise (and distant ones lower) a pair's
    /// strength: a weak prior, since sources reorder.
    pub position: f32,
    /// How much a pair's standing among the other candidates of its two sentences
    /// counts: 0 ignores it, 1 scales the strength by it.
    pub rel: f32,
    /// Evidence each pair of sentences in one group must clear on average.
    pub link: f32,
    /// Cost of a one-to-one bead in the order-preserving chain.
    pub order_single: f32,
    /// Cost of a two-to-one bead.
    pub order_double: f32,
    /// Share of the clear links that must lie on the chain for two sources to count
    /// as telling things in the same order (above 1: never).
    pub order_share: f32,
    /// Evidence added to the pairs on the chain of sources that keep one order.
    pub order_bonus: f32,
    /// How far above `link` [`Order::Keep`] puts the pairs of its alignment.
    pub keep_margin: f32,
    pub order: Order,
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
            rel: 0.8,
            link: 0.2,
            order_single: 0.02,
            order_double: 0.04,
            order_share: 0.7,
            order_bonus: 0.14,
            keep_margin: 0.05,
            order: Order::Auto,
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
            "rel" => &mut self.rel,
            "link" => &mut self.link,
            "order_single" => &mut self.order_single,
            "order_double" => &mut self.order_double,
            "order_share" => &mut self.order_share,
            "order_bonus" => &mut self.order_bonus,
            "keep_margin" => &mut self.keep_margin,
            "partners" => {
                self.partners = value as usize;
                return Ok(());
            }
            "order" => {
                self.order = match value as i32 {
                    0 => Order::Auto,
                    1 => Order::Keep,
                    2 => Order::Free,
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
