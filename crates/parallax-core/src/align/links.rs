//! What two sentences share ([`Pair`], as measuring finds it) and the pair's lexical
//! strength: what the candidate search ranks partners by, and one of the pair
//! scorer's features.

use super::Params;

/// What two sentences of different sources share.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Pair {
    /// Weight of the keys both have (partial matches count by their similarity).
    pub(crate) matched: f32,
    /// `2·matched / (weight_a + weight_b)`: how much of both sentences is shared.
    pub(crate) dice: f32,
    /// `matched / min(weight_a, weight_b)`: how much of the lighter one the other covers.
    pub(crate) cover: f32,
    /// Shared key bigrams over the bigrams of the sentence with fewer: shared phrasing
    /// (0 unless the phrase weight is set, since only then are bigrams gathered).
    pub(crate) phrase: f32,
    /// Keys matched exactly.
    pub(crate) exact: u16,
    /// Keys matched partially.
    pub(crate) partial: u16,
    /// The heaviest matched key's weight.
    pub(crate) rare: f32,
    /// Numbers both give.
    pub(crate) numbers: u16,
    /// Distance between the two sentences' relative positions in their sources.
    pub(crate) offset: f32,
}

/// Lexical strength of a pair: shared weight, shared phrasing, and a weak
/// preference for sentences at similar places in their sources.
pub(crate) fn base(p: &Pair, params: &Params) -> f32 {
    let mut lexical = p.dice + params.phrase * p.phrase * p.dice.min(0.5);
    // One word in common is as likely a coincidence as a link.
    if p.exact + p.partial < 2 {
        lexical *= params.single;
    }
    lexical * (1.0 + params.position * (1.0 - 2.0 * p.offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distant_positions_weaken_and_phrases_strengthen() {
        let params = Params {
            position: 0.2,
            phrase: 0.2,
            ..Params::default()
        };
        let near = Pair {
            dice: 0.4,
            offset: 0.0,
            ..Pair::default()
        };
        let far = Pair {
            offset: 0.9,
            ..near
        };
        let phrased = Pair {
            phrase: 1.0,
            ..near
        };
        assert!(base(&near, &params) > base(&far, &params));
        assert!(base(&phrased, &params) > base(&near, &params));
    }
}
