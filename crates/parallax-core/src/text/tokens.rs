//! Tokens and their normalised keys: what two sentences must share to say the same.
//!
//! A key folds case, accents, quote styles and apostrophes ("city's", "citys"),
//! British spellings, known transliterations and inflections (a Snowball stemmer), and
//! number words ("eleven" → `#11`). Tokens keep their byte range, so diffs computed over
//! keys are reported as spans of the original text.

use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::lang::Language;
use crate::text::synonyms;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Word,
    Number,
    Punct,
}

/// A token; its key is a string, or (`Token<u32>`, see [`KeyIds`]) a number
/// standing for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<K = String> {
    /// Byte range in the text that was tokenized.
    pub(crate) range: Range<usize>,
    pub(crate) kind: Kind,
    /// The normalised key compared across sources.
    pub(crate) key: K,
    /// Starts with a capital letter (names, places; or a sentence start).
    pub(crate) capitalized: bool,
    /// A function word of the language ("the", "and", "de").
    pub(crate) stop: bool,
}

/// Normalises tokens for one language.
pub struct Normalizer {
    lang: Language,
    stemmer: Stemmer,
}

impl Normalizer {
    /// A normaliser with `lang`'s stemmer and word lists.
    pub fn new(lang: Language) -> Self {
        Self {
            lang,
            stemmer: Stemmer::create(lang.stemmer()),
        }
    }

    pub(crate) fn language(&self) -> Language {
        self.lang
    }

    /// Splits `text` into word, number and punctuation tokens (no whitespace).
    #[cfg(test)]
    pub(crate) fn tokens(&self, text: &str) -> Vec<Token> {
        self.tokens_with(text, &mut Fresh)
    }

    /// Like [`Normalizer::tokens`], with each key as its number in `ids`, which
    /// remembers what every distinct word normalises to (folding and stemming are most
    /// of the cost, and a story repeats its words); comparing and hashing numbers is
    /// cheaper than strings, and a token costs no allocation. Numbers from one `KeyIds` (used with one normaliser) compare as
    /// their keys do.
    pub(crate) fn id_tokens(&self, text: &str, ids: &mut KeyIds) -> Vec<Token<u32>> {
        self.tokens_with(text, ids)
    }

    /// What word `p` (starting with a letter) normalises to; a pure function of `p`.
    fn analyse(&self, p: &str) -> Analysis<String> {
        let folded = fold(p);
        if let Some(n) = number_word(&folded, self.lang) {
            return Analysis::Number(n);
        }
        // Folding also lowercases; for ASCII the two spellings checked are one.
        let stop = self.lang.is_stopword(&folded)
            || (!p.is_ascii() && self.lang.is_stopword(&p.to_lowercase()));
        let key = self.key_from_folded(folded);
        Analysis::Word { key, stop }
    }

    fn tokens_with<K: Keys>(&self, text: &str, keys: &mut K) -> Vec<Token<K::Key>> {
        // About one token per five bytes of prose: room for most texts, grown once at worst.
        let mut out: Vec<Token<K::Key>> = Vec::with_capacity(text.len() / 5 + 1);
        for (pos, piece) in Pieces::new(text) {
            let piece_clean: Cow<str> = if !piece.is_ascii() && piece.chars().any(is_invisible) {
                Cow::Owned(piece.chars().filter(|&c| !is_invisible(c)).collect())
            } else {
                Cow::Borrowed(piece)
            };
            let p = piece_clean.as_ref();
            let Some(first) = p.chars().next() else {
                // Only invisible characters: glue them to the previous token so that
                // a zero-width space inside a word neither splits nor joins it.
                if let Some(last) = out.last_mut() {
                    last.range.end = pos + piece.len();
                }
                continue;
            };
            if first.is_whitespace() {
                continue;
            }
            let range = pos..pos + piece.len();
            // Rejoin a word split by a zero-width character: "Ky\u{200B}iv".
            if let Some(last) = out.last_mut()
                && last.range.end == pos
                && last.kind == Kind::Word
                && first.is_alphabetic()
                && text[last.range.clone()]
                    .chars()
                    .last()
                    .is_some_and(is_invisible)
            {
                last.range.end = range.end;
                let joined: String = text[last.range.clone()]
                    .chars()
                    .filter(|&c| !is_invisible(c))
                    .collect();
                last.key = keys.word_key(self, &joined);
                continue;
            }
            if first.is_numeric() {
                let mut range = range;
                let mut value = number_key(p, self.lang);
                // A minus sign glued to the number: "-8°C".
                if let Some(last) = out.last()
                    && last.range.end == pos
                    && matches!(&text[last.range.clone()], "-" | "−")
                    && (last.range.start == 0
                        || text[..last.range.start].ends_with(char::is_whitespace))
                {
                    range.start = last.range.start;
                    value = format!("-{value}");
                    out.pop();
                }
                out.push(Token {
                    range,
                    kind: Kind::Number,
                    key: keys.key(Cow::Owned(format!("#{value}"))),
                    capitalized: false,
                    stop: false,
                });
            } else if first.is_alphabetic() {
                match keys.analyse(self, p) {
                    Analysis::Number(n) => {
                        // "twenty-five": join the tens with the unit after a hyphen.
                        if n < 10
                            && out.len() >= 2
                            && out[out.len() - 1].range.end == pos
                            && &text[out[out.len() - 1].range.clone()] == "-"
                            && let Some(tens) = keys
                                .as_str(&out[out.len() - 2].key)
                                .strip_prefix('#')
                                .and_then(|v| v.parse::<u32>().ok())
                            && tens >= 20
                            && tens % 10 == 0
                            && tens < 100
                        {
                            out.pop();
                            let t = out.last_mut().expect("checked above");
                            t.range.end = range.end;
                            t.key = keys.key(Cow::Owned(format!("#{}", tens + n)));
                            continue;
                        }
                        out.push(Token {
                            range,
                            kind: Kind::Number,
                            key: keys.key(Cow::Owned(format!("#{n}"))),
                            capitalized: false,
                            stop: false,
                        });
                    }
                    Analysis::Word { key, stop } => out.push(Token {
                        range,
                        kind: Kind::Word,
                        key,
                        capitalized: first.is_uppercase(),
                        stop,
                    }),
                }
            } else {
                out.push(Token {
                    range,
                    kind: Kind::Punct,
                    key: keys.key(punct_key(p)),
                    capitalized: false,
                    stop: true,
                });
            }
        }
        out
    }

    /// The comparison key of one word.
    pub(crate) fn word_key(&self, word: &str) -> String {
        self.key_from_folded(fold(word))
    }

    /// The key of one word before synonyms are folded (the synonym table is keyed by it).
    pub fn base_key(&self, word: &str) -> String {
        self.base_from_folded(fold(word))
    }

    /// [`Normalizer::word_key`] of a word already folded.
    fn key_from_folded(&self, folded: String) -> String {
        let key = self.base_from_folded(folded);
        match synonyms::canonical(self.lang, &key) {
            Some(rep) => rep.to_owned(),
            None => key,
        }
    }

    fn base_from_folded(&self, mut w: String) -> String {
        // Possessives and missing apostrophes: "city's", "city’s", "citys" → "city".
        for suffix in ["'s", "’s"] {
            if let Some(stripped) = w.strip_suffix(suffix) {
                w.truncate(stripped.len());
            }
        }
        w.retain(|c| c != '\'' && c != '’');
        if let Some(canon) = transliteration(&w) {
            return canon.to_owned();
        }
        if self.lang == Language::English {
            if let Some(base) = irregular(&w) {
                return base.to_owned();
            }
            let us = americanize(&w);
            if us != w.as_str() {
                let us = us.into_owned();
                w = us;
            }
        }
        match self.stemmer.stem(&w) {
            Cow::Borrowed(b) if b == w => w,
            stem => stem.into_owned(),
        }
    }
}

/// What a word normalises to (see [`Normalizer::id_tokens`]).
#[derive(Debug, Clone, Copy)]
enum Analysis<K> {
    /// A number word ("eleven").
    Number(u32),
    Word {
        key: K,
        stop: bool,
    },
}

/// Where tokenising gets its keys: made afresh, or as numbers from [`KeyIds`]. Every way gives the same keys.
trait Keys {
    type Key;
    /// What word `w` (starting with a letter) normalises to.
    fn analyse(&mut self, norm: &Normalizer, w: &str) -> Analysis<Self::Key>;
    /// [`Normalizer::word_key`] of `w`.
    fn word_key(&mut self, norm: &Normalizer, w: &str) -> Self::Key;
    /// The key `k` (a number's or punctuation's, made by the tokeniser).
    fn key(&mut self, k: Cow<str>) -> Self::Key;
    /// The string of a key.
    fn as_str<'a>(&'a self, k: &'a Self::Key) -> &'a str;
}

/// Keys made afresh for every token.
#[cfg(test)]
struct Fresh;

#[cfg(test)]
impl Keys for Fresh {
    type Key = String;
    fn analyse(&mut self, norm: &Normalizer, w: &str) -> Analysis<String> {
        norm.analyse(w)
    }
    fn word_key(&mut self, norm: &Normalizer, w: &str) -> String {
        norm.word_key(w)
    }
    fn key(&mut self, k: Cow<str>) -> String {
        k.into_owned()
    }
    fn as_str<'a>(&'a self, k: &'a String) -> &'a str {
        k
    }
}

/// Keys as numbers: each distinct key string gets the next number, and what every
/// distinct word normalises to is remembered. Use one with one
/// [`Normalizer`] only.
#[derive(Default)]
pub(crate) struct KeyIds {
    analyses: FxHashMap<Box<str>, Analysis<u32>>,
    /// Keys of words rejoined across a zero-width character.
    rejoined: FxHashMap<Box<str>, u32>,
    ids: FxHashMap<Box<str>, u32>,
    keys: Vec<Box<str>>,
}

impl KeyIds {
    /// The key string numbered `id`.
    pub(crate) fn key(&self, id: u32) -> &str {
        &self.keys[id as usize]
    }

    /// How many keys have a number: they are numbered from 0.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The number of `key`, given it if it has none yet.
    pub(crate) fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = u32::try_from(self.keys.len()).expect("fewer than 2^32 distinct keys");
        self.keys.push(key.into());
        self.ids.insert(key.into(), id);
        id
    }
}

impl Keys for KeyIds {
    type Key = u32;
    fn analyse(&mut self, norm: &Normalizer, w: &str) -> Analysis<u32> {
        if let Some(&a) = self.analyses.get(w) {
            return a;
        }
        let a = match norm.analyse(w) {
            Analysis::Number(n) => Analysis::Number(n),
            Analysis::Word { key, stop } => Analysis::Word {
                key: self.intern(&key),
                stop,
            },
        };
        self.analyses.insert(w.into(), a);
        a
    }
    fn word_key(&mut self, norm: &Normalizer, w: &str) -> u32 {
        if let Some(&k) = self.rejoined.get(w) {
            return k;
        }
        let k = self.intern(&norm.word_key(w));
        self.rejoined.insert(w.into(), k);
        k
    }
    fn key(&mut self, k: Cow<str>) -> u32 {
        self.intern(&k)
    }
    fn as_str<'a>(&'a self, k: &'a u32) -> &'a str {
        self.key(*k)
    }
}

/// The word-boundary pieces of a text (Unicode UAX #29, as `unicode-segmentation`
/// splits them) that tokenising keeps: every piece not starting with whitespace is
/// the same, at the same position; whitespace may come in other pieces or none (ASCII
/// whitespace between runs is skipped). The text is cut at ASCII whitespace, where
/// UAX #29 always breaks; runs of ASCII between are split by the rules as they apply to ASCII (a fast path: segmenting was a tenth of
/// a comparison), other runs by `unicode-segmentation`. A run that starts with a
/// character whose segmentation could depend on the whitespace before it (combining
/// marks, format characters, other spaces) sends the whole text to the crate.
struct Pieces<'a> {
    text: &'a str,
    pos: usize,
    /// End of the ASCII run being split.
    run_end: usize,
    /// A non-ASCII run (offset), or the whole text, being split by the crate.
    inner: Option<(usize, unicode_segmentation::UWordBoundIndices<'a>)>,
}

impl<'a> Pieces<'a> {
    fn new(text: &'a str) -> Self {
        let mut p = Self {
            text,
            pos: 0,
            run_end: 0,
            inner: None,
        };
        if !text.is_ascii() && !runs_start_safely(text) {
            p.inner = Some((0, text.split_word_bound_indices()));
            p.pos = text.len();
        }
        p
    }
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Whether every non-ASCII character right after ASCII whitespace is one that UAX #29
/// treats the same after whitespace as at the start of a text: letters of the
/// alphabetic scripts before Hebrew (no marks) and common quotes and dashes.
fn runs_start_safely(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len())
        .filter(|&i| b[i] >= 0x80 && is_ascii_space(b[i - 1]))
        .all(|i| starts_safely(text[i..].chars().next().expect("after ASCII is a boundary")))
}

/// Whether UAX #29 splits the same before `c` after ASCII whitespace as at the start
/// of a text, and tokenising glues nothing across that whitespace: ASCII that is not
/// a control character, letters of the alphabetic scripts before Hebrew (no marks),
/// common quotes and dashes.
pub(crate) fn starts_safely(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_control())
        || (c.is_alphabetic() && !is_combining_mark(c) && (c as u32) < 0x0590)
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '„'
                | '‹'
                | '›'
                | '—'
                | '–'
                | '…'
                | '¿'
                | '¡'
        )
}

/// Length of the UAX #29 piece at the start of `b`, a run of ASCII without whitespace:
/// letters, digits and `_` join (WB5, WB8–WB10, WB13a/b); a letter, then `:`, `.` or
/// `'`, then a letter join (WB6/7); a digit, then `,`, `;`, `.` or `'`, then a digit
/// join (WB11/12); anything else is a piece alone.
fn ascii_piece_len(b: &[u8]) -> usize {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    if !word(b[0]) {
        return 1;
    }
    let mut i = 1;
    while i < b.len() {
        if word(b[i]) {
            i += 1;
            continue;
        }
        let (before, mid) = (b[i - 1], b[i]);
        let Some(&after) = b.get(i + 1) else { break };
        let letters = before.is_ascii_alphabetic()
            && after.is_ascii_alphabetic()
            && matches!(mid, b':' | b'.' | b'\'');
        let digits = before.is_ascii_digit()
            && after.is_ascii_digit()
            && matches!(mid, b',' | b';' | b'.' | b'\'');
        if letters || digits {
            i += 2;
        } else {
            break;
        }
    }
    i
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            if let Some((base, it)) = &mut self.inner {
                if let Some((p, s)) = it.next() {
                    return Some((*base + p, s));
                }
                self.inner = None;
            }
            let b = self.text.as_bytes();
            let mut i = self.pos;
            if i < self.run_end {
                let len = ascii_piece_len(&b[i..self.run_end]);
                self.pos = i + len;
                return Some((i, &self.text[i..i + len]));
            }
            // ASCII whitespace between runs is skipped: it is never a token.
            while i < b.len() && is_ascii_space(b[i]) {
                i += 1;
            }
            if i >= b.len() {
                self.pos = i;
                return None;
            }
            let end = b[i..]
                .iter()
                .position(|&c| is_ascii_space(c))
                .map_or(b.len(), |k| i + k);
            if b[i..end].is_ascii() {
                self.pos = i;
                self.run_end = end;
            } else {
                self.pos = end;
                self.inner = Some((i, self.text[i..end].split_word_bound_indices()));
            }
        }
    }
}

/// Zero-width and format characters that must not change how words match.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Lowercase, without accents.
pub(crate) fn fold(word: &str) -> String {
    // ASCII has no decompositions, marks or invisible characters.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfkd()
        .filter(|&c| !is_combining_mark(c) && !is_invisible(c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn punct_key(p: &str) -> Cow<'_, str> {
    match p {
        "“" | "”" | "„" | "«" | "»" | "‟" => Cow::Borrowed("\""),
        "‘" | "’" | "‚" | "‹" | "›" => Cow::Borrowed("'"),
        "—" | "–" | "‒" | "−" => Cow::Borrowed("-"),
        _ => Cow::Borrowed(p),
    }
}

/// Names written several ways in the press, folded to one spelling.
fn transliteration(w: &str) -> Option<&'static str> {
    Some(match w {
        "gaddafi" | "qaddafi" | "qadhafi" | "gadhafi" | "kadafi" | "kaddafi" | "khadafi"
        | "gadafi" | "qadafi" | "khadafy" | "gaddafy" => "gaddafi",
        "kiev" | "kyiv" => "kyiv",
        "kharkov" | "kharkiv" => "kharkiv",
        "odessa" | "odesa" => "odesa",
        "peking" | "beijing" => "beijing",
        "bombay" | "mumbai" => "mumbai",
        "burma" | "myanmar" => "myanmar",
        "mohammed" | "muhammad" | "mohammad" | "mohamed" | "muhammed" => "muhammad",
        "tchaikovsky" | "chaikovsky" => "tchaikovsky",
        _ => return None,
    })
}

/// Irregular English verb forms and a few nouns of the news, folded to one base, so
/// that a quote reported in another tense ("went" / "is going") still matches.
fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "went" | "gone" | "goes" | "going" => "go",
        "took" | "taken" | "takes" | "taking" => "take",
        "made" | "makes" | "making" => "make",
        "came" | "comes" | "coming" => "come",
        "gave" | "given" | "gives" | "giving" => "give",
        "told" | "tells" | "telling" => "tell",
        "found" | "finds" | "finding" => "find",
        "held" | "holds" | "holding" => "hold",
        "kept" | "keeps" | "keeping" => "keep",
        "fell" | "fallen" | "falls" | "falling" => "fall",
        "rose" | "risen" | "rises" | "rising" => "rise",
        "began" | "begun" | "begins" | "beginning" => "begin",
        "brought" | "brings" | "bringing" => "bring",
        "bought" => "buy",
        "thought" | "thinks" | "thinking" => "think",
        "caught" => "catch",
        "fought" => "fight",
        "sent" => "send",
        "spent" => "spend",
        "built" => "build",
        "won" => "win",
        "lost" => "lose",
        "met" => "meet",
        "paid" => "pay",
        "sold" => "sell",
        "struck" => "strike",
        "spoke" | "spoken" => "speak",
        "wrote" | "written" => "write",
        "saw" | "seen" => "see",
        "knew" | "known" => "know",
        "drove" | "driven" => "drive",
        "flew" | "flown" => "fly",
        "fled" => "flee",
        "dead" | "death" | "deaths" | "died" | "dies" | "dying" => "die",
        "injured" | "injuries" | "injury" | "injuring" | "injure" => "injur",
        "children" => "child",
        "people" | "persons" => "person",
        "men" => "man",
        "women" => "woman",
        _ => return None,
    })
}

/// British → American spelling, applied to both sides so that only consistency matters.
fn americanize(w: &str) -> Cow<'_, str> {
    const WORDS: &[(&str, &str)] = &[
        ("grey", "gray"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("tyre", "tire"),
        ("tyres", "tires"),
        ("defence", "defense"),
        ("offence", "offense"),
        ("licence", "license"),
        ("pretence", "pretense"),
        ("cheque", "check"),
        ("aluminium", "aluminum"),
        ("storey", "story"),
        ("storeys", "stories"),
        ("towards", "toward"),
        ("amongst", "among"),
        ("whilst", "while"),
        ("learnt", "learned"),
        ("burnt", "burned"),
        ("spelt", "spelled"),
        ("jewellery", "jewelry"),
        ("manoeuvre", "maneuver"),
        ("plough", "plow"),
        ("mould", "mold"),
        ("kerb", "curb"),
    ];
    if let Some(&(_, us)) = WORDS.iter().find(|(uk, _)| *uk == w) {
        return Cow::Borrowed(us);
    }
    if w.len() < 5 {
        return Cow::Borrowed(w);
    }
    for (uk, us) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yse", "yze"),
        ("ourite", "orite"),
        ("ourites", "orites"),
        ("ouring", "oring"),
        ("oured", "ored"),
        ("ourable", "orable"),
        ("ours", "ors"),
        ("our", "or"),
        ("elled", "eled"),
        ("elling", "eling"),
        ("eller", "eler"),
        ("ogue", "og"),
        ("ogues", "ogs"),
        ("tres", "ters"),
        ("tre", "ter"),
        ("bre", "ber"),
    ] {
        if let Some(stem) = w.strip_suffix(uk)
            && stem.len() >= 2
        {
            return Cow::Owned(format!("{stem}{us}"));
        }
    }
    Cow::Borrowed(w)
}

/// Digits as a canonical value: "1,200" → "1200", "2.50" → "2.5".
fn number_key(p: &str, lang: Language) -> String {
    let digits_only = |s: &str| s.chars().filter(|c| c.is_ascii_digit()).collect::<String>();
    let grouped = |sep: char| {
        let mut parts = p.split(sep);
        parts
            .next()
            .is_some_and(|h| (1..=3).contains(&h.len()) && h.chars().all(|c| c.is_ascii_digit()))
            && parts.clone().count() > 0
            && parts.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
    };
    let thousands = if lang == Language::English { ',' } else { '.' };
    let decimal = if lang == Language::English { '.' } else { ',' };
    if grouped(thousands) {
        return digits_only(p);
    }
    if let Some((int, frac)) = p.split_once(decimal)
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
    {
        let frac = frac.trim_end_matches('0');
        let int = int.trim_start_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        return if frac.is_empty() {
            int.to_owned()
        } else {
            format!("{int}.{frac}")
        };
    }
    // "12th", "3pm", "2031": keep the leading number.
    let lead: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
    let trimmed = lead.trim_start_matches('0');
    if lead.is_empty() {
        p.to_owned()
    } else if trimmed.is_empty() {
        "0".into()
    } else {
        trimmed.to_owned()
    }
}

/// The value of a spelled-out number, for the languages we know.
fn number_word(w: &str, lang: Language) -> Option<u32> {
    const EN: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const EN_TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const PT: &[&str] = &[
        "zero",
        "",
        "dois",
        "tres",
        "quatro",
        "cinco",
        "seis",
        "sete",
        "oito",
        "nove",
        "dez",
        "onze",
        "doze",
        "treze",
        "catorze",
        "quinze",
        "dezesseis",
        "dezessete",
        "dezoito",
        "dezenove",
    ];
    const PT_TENS: &[&str] = &[
        "vinte",
        "trinta",
        "quarenta",
        "cinquenta",
        "sessenta",
        "setenta",
        "oitenta",
        "noventa",
    ];
    let (units, tens) = match lang {
        Language::English => (EN, EN_TENS),
        Language::Portuguese => (PT, PT_TENS),
        _ => return None,
    };
    if let Some(i) = units.iter().position(|&u| !u.is_empty() && u == w) {
        return Some(i as u32);
    }
    if let Some(i) = tens.iter().position(|&t| t == w) {
        return Some(20 + 10 * i as u32);
    }
    match (lang, w) {
        (Language::English, "dozen") => Some(12),
        (Language::English, "hundred") | (Language::Portuguese, "cem" | "cento") => Some(100),
        (Language::English, "thousand") | (Language::Portuguese, "mil") => Some(1000),
        (Language::Portuguese, "duas") => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        Normalizer::new(Language::English)
            .tokens(text)
            .into_iter()
            .map(|t| t.key)
            .collect()
    }

    #[test]
    fn keys_fold_case_accents_quotes_and_inflection() {
        assert_eq!(keys("The City’s mayor"), keys("the citys Mayor"));
        assert_eq!(keys("“Talks resumed”"), keys("\"talk resumes\""));
        assert_eq!(keys("café"), keys("cafe"));
    }

    #[test]
    fn british_and_american_spellings_meet() {
        assert_eq!(
            keys("the harbour centre organised a programme"),
            keys("the harbor center organized a program")
        );
    }

    #[test]
    fn transliterations_meet() {
        assert_eq!(keys("Qadhafi in Kiev"), keys("Gaddafi in Kyiv"));
    }

    #[test]
    fn numbers_in_words_and_digits_meet() {
        assert_eq!(keys("twelve injured"), keys("12 injured"));
        assert_eq!(keys("twenty-five"), vec!["#25"]);
        assert_eq!(keys("1,200 people"), keys("1200 people"));
        assert_eq!(keys("-8°C"), vec!["#-8", "°", "c"]);
        assert_ne!(keys("eleven injured"), keys("12 injured"));
    }

    #[test]
    fn zero_width_characters_do_not_split_words() {
        assert_eq!(keys("Ky\u{200B}iv talks"), keys("Kyiv talks"));
    }

    #[test]
    fn numbered_keys_stand_for_the_same_keys() {
        let n = Normalizer::new(Language::English);
        let mut ids = KeyIds::default();
        let texts = [
            "The mayors said the harbour walls were failing; the mayor agreed.",
            "Twenty-five people, -8°C, 1,200 crew; Ky\u{200B}iv and Ky\u{200B}iv again.",
            "twenty-five \"eleven\" ELEVEN — the City’s café",
        ];
        let corpus = crate::corpus::generate(1, 20_000, 4);
        for text in texts
            .iter()
            .copied()
            .chain(corpus.iter().map(String::as_str))
        {
            for _ in 0..2 {
                let numbered = n.id_tokens(text, &mut ids);
                let resolved: Vec<Token> = numbered
                    .into_iter()
                    .map(|t| Token {
                        range: t.range,
                        kind: t.kind,
                        key: ids.key(t.key).to_owned(),
                        capitalized: t.capitalized,
                        stop: t.stop,
                    })
                    .collect();
                assert_eq!(resolved, n.tokens(text), "{text:?}");
            }
        }
        // One number per distinct key.
        let mut keys: Vec<&str> = (0..ids.keys.len() as u32).map(|i| ids.key(i)).collect();
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), count);
    }

    /// The pieces tokenising reads, from `Pieces` and from the crate alone.
    fn kept(pieces: impl Iterator<Item = (usize, String)>) -> Vec<(usize, String)> {
        pieces
            .filter(|(_, p)| !p.chars().next().is_some_and(char::is_whitespace))
            .collect()
    }

    fn same_pieces(text: &str) {
        let fast = kept(Pieces::new(text).map(|(i, p)| (i, p.to_owned())));
        let crate_ = kept(
            text.split_word_bound_indices()
                .map(|(i, p)| (i, p.to_owned())),
        );
        assert_eq!(fast, crate_, "{text:?}");
    }

    #[test]
    fn fast_pieces_are_the_crates_on_examples() {
        for t in [
            "U.S. officials said 3.5 m, 1,200 people; a:b can't e.g. x_1 _a__ 12;30 3'4",
            "“Calm,” she said — it’s the ferry’s 2nd run… ¿Qué? Ky\u{200B}iv",
            "a \u{301}b  \u{AD}c \u{2003}d x.\u{202F}y \u{200D}e 日本 é\u{301} \r\n\tz",
            "",
            " ",
            "..--''",
        ] {
            same_pieces(t);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn fast_ascii_pieces_are_the_crates(chars in proptest::collection::vec(
            proptest::sample::select(vec![
                'a', 'B', 'z', '1', '0', '_', '.', ',', ';', ':', '\'', '"', '-', '!', ' ', ' ',
                '\t', '\n', '\r', '\u{c}', '“', '’', 'é', 'ñ',
            ]),
            0..40,
        )) {
            let text: String = chars.into_iter().collect();
            // Every character here starts a run safely: the fast path is the one tested.
            proptest::prop_assert!(runs_start_safely(&text));
            same_pieces(&text);
        }

        #[test]
        fn fast_pieces_are_the_crates(chars in proptest::collection::vec(
            proptest::sample::select(vec![
                'a', 'B', 'z', '1', '0', '_', '.', ',', ';', ':', '\'', '"', '-', '!', ' ', ' ',
                '\t', '\n', '\r', '\u{b}', '\u{c}', 'é', 'Ж', '\u{301}', '“', '’', '‘', '—',
                '\u{200B}', '\u{200D}', '\u{AD}', '\u{A0}', '\u{202F}', '\u{2003}', '\u{85}',
                '日', 'カ', '\u{1F1EB}', '\u{1F600}', '\u{5D0}', '٣', '·', '\u{FEFF}',
            ]),
            0..40,
        )) {
            let text: String = chars.into_iter().collect();
            same_pieces(&text);
        }
    }

    #[test]
    fn ranges_point_into_the_text() {
        let text = "Mr. Ruiz said “yes.”";
        for t in Normalizer::new(Language::English).tokens(text) {
            assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
        }
    }
}
