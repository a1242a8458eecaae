//! Eight bytes at a time: tests on a `u64` holding eight bytes of text, for scanning
//! long texts for a few byte values (sentence ends, characters JSON must escape).
//! Each test may report a byte that is not there only where another byte of the same
//! word already matched, so "does any byte match" is answered exactly.

pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` from `at`, if there are eight.
pub(crate) fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at + 8)?;
    Some(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
}

/// Whether some byte of `x` is zero.
pub(crate) fn has_zero(x: u64) -> bool {
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Whether some byte of `x` is `b`.
pub(crate) fn has_byte(x: u64, b: u8) -> bool {
    has_zero(x ^ (ONES * u64::from(b)))
}

/// Whether some byte of `x` is below `n` (`n` at most 128).
pub(crate) fn has_below(x: u64, n: u8) -> bool {
    x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0
}

/// Whether some byte of `x` is above `n` (`n` below 128).
pub(crate) fn has_above(x: u64, n: u8) -> bool {
    (x.wrapping_add(ONES * u64::from(127 - n)) | x) & HIGHS != 0
}

/// Whether some byte of `x` is not ASCII.
pub(crate) fn has_high(x: u64) -> bool {
    x & HIGHS != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn word_tests_agree_with_each_byte(
            bytes in proptest::collection::vec(proptest::sample::select(vec![
                0x00u8, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x2e, 0x3f, 0x5c, 0x61, 0x7e, 0x7f,
                0x80, 0xc2, 0xe2, 0xff,
            ]), 8),
            b in proptest::sample::select(vec![0x00u8, 0x21, 0x22, 0x2e, 0x3f, 0x5c, 0x7f]),
            n in 1u8..128,
        ) {
            let x = word(&bytes, 0).unwrap();
            proptest::prop_assert_eq!(has_zero(x), bytes.contains(&0));
            proptest::prop_assert_eq!(has_byte(x, b), bytes.contains(&b));
            proptest::prop_assert_eq!(has_below(x, n), bytes.iter().any(|&c| c < n));
            proptest::prop_assert_eq!(has_above(x, n - 1), bytes.iter().any(|&c| c > n - 1));
            proptest::prop_assert_eq!(has_high(x), bytes.iter().any(|&c| c >= 0x80));
        }
    }
}
