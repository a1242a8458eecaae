//! Performance utilities: SWAR byte tests, prefetch hints and stage timings.

pub(crate) mod prefetch;
pub mod stages;
pub(crate) mod swar;
