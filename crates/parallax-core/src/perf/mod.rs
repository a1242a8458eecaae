//! Performance utilities: the parallel helper and its threshold, SWAR byte tests,
//! prefetch hints and stage timings. Nothing here changes a result.

pub(crate) mod par;
pub(crate) mod prefetch;
pub mod stages;
pub(crate) mod swar;

pub use par::Parallelism;
