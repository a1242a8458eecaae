//! Text analysis: tokens and their keys, languages, synonyms, and every sentence's
//! tokens made once per comparison.

pub mod lang;
pub(crate) mod synonyms;
pub(crate) mod tokenized;
pub mod tokens;
