//! A pair's lexical strength: what the candidate search ranks partners by, and one
//! of the pair scorer's features.

use super::Params;
use super::score::Pair;

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
