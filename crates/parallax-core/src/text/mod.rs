//! Text analysis: tokens and their keys, languages, synonyms, and every sentence's
//! tokens made once per comparison.

pub mod lang;
pub mod synonyms;
pub mod tokenized;
pub mod tokens;
