//! The engine's integration tests, in one test binary: properties of the aligner and
//! the whole pipeline, its complexity, hostile bytes, the review file and the
//! samples' quality floors.

mod align_props;
mod common;
mod complexity;
mod facts_props;
mod hostile_props;
mod parallel;
mod props;
mod review_file;
mod samples_quality;
mod schema;
