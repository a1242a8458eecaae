//! A hint to the processor to start loading memory that is about to be read. Loops
//! that visit records scattered across memory (the sentences of pairs, in the order
//! of the pairs) otherwise wait on each read in turn. No effect on any result.

/// Asks for the cache line holding `x` (does nothing on other architectures).
#[inline(always)]
pub(crate) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and changes nothing the program can observe;
    // SSE, which provides it, is part of every x86_64 processor.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}
