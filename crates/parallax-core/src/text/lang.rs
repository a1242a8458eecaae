//! Per-language word lists: function words (never evidence that two sentences say the
//! same thing) and the stemmer to use. The language is detected once per comparison
//! so that every source is normalised the same way.

use std::sync::LazyLock;

use rust_stemmers::Algorithm;
use rustc_hash::FxHashSet as HashSet;

/// A language parallax has word lists and a stemmer for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English.
    English,
    /// Portuguese.
    Portuguese,
    /// Spanish.
    Spanish,
    /// French.
    French,
    /// German.
    German,
}

const EN: &str = "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself said says say told according would could may might must shall also than then just still yet its it's who's that's there's one's mr mrs ms";
const PT: &str = "a à ao aos as às até com como da das de dela dele deles do dos e é ela elas ele eles em entre era essa esse esta está estão este eu foi foram há isso isto já la lhe mais mas me mesmo meu minha muito na nas nem no nos nós num numa não o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu seus sua suas são só também te tem têm um uma uns umas você vocês segundo disse afirmou ainda sobre após ter sido pelo";
const ES: &str = "a al como con de del el ella ellos en es esta este fue la las lo los más no o para pero por que se sin su sus un una y ya dijo según sobre entre";
const FR: &str = "a au aux avec ce ces dans de des du elle en est et il ils je la le les leur mais ne nous on ou par pas pour qui que se ses son sur un une été dit selon";
const DE: &str = "aber als am an auch auf aus bei das dem den der des die du ein eine einem einen einer er es für hat ich ihr im in ist mit nach nicht noch sie sind und von war wie wir zu zum zur sagte";

impl Language {
    fn words(self) -> &'static str {
        match self {
            Language::English => EN,
            Language::Portuguese => PT,
            Language::Spanish => ES,
            Language::French => FR,
            Language::German => DE,
        }
    }

    pub(crate) fn stemmer(self) -> Algorithm {
        match self {
            Language::English => Algorithm::English,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Spanish => Algorithm::Spanish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// True for a function word of this language (given lowercased).
    pub fn is_stopword(self, word: &str) -> bool {
        SETS[self.index()].contains(word) || (self != Language::English && EN_CORE.contains(&word))
    }

    /// True for an everyday content word of this language (given folded: lowercase,
    /// no accents): words so frequent in any text that sharing one says little.
    #[cfg(test)]
    pub(crate) fn is_common(self, word: &str) -> bool {
        match self {
            Language::English => COMMON_EN.contains(word),
            Language::Portuguese => COMMON_PT.contains(word),
            _ => false,
        }
    }

    /// The everyday words of [`Language::is_common`], for building their keys.
    pub(crate) fn common_words(self) -> impl Iterator<Item = &'static str> {
        let list = match self {
            Language::English => EVERYDAY_EN,
            Language::Portuguese => EVERYDAY_PT,
            _ => "",
        };
        list.split_whitespace()
    }

    /// Picks the language whose function words are most frequent in `texts` (for
    /// tests; a comparison counts its sources through the parallel helper).
    #[cfg(test)]
    pub(crate) fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Language {
        let mut counts = [0usize; 5];
        for text in texts {
            for (total, n) in counts.iter_mut().zip(Self::function_words(text)) {
                *total += n;
            }
        }
        Self::most_counted(counts)
    }

    /// How many of the first 20,000 words of `text` are function words of each
    /// language (in the order of [`Self::most_counted`]): counts add up over texts,
    /// so texts may be counted apart (in parallel) and summed.
    pub(crate) fn function_words(text: &str) -> [usize; 5] {
        let mut counts = [0usize; 5];
        let mut lower = String::new();
        for w in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 1)
            .take(20_000)
        {
            lower.clear();
            if w.is_ascii() {
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&w.to_lowercase());
            }
            // One lookup for all five lists.
            if let Some(&langs) = STOPWORD_LANGS.get(lower.as_str()) {
                for (i, count) in counts.iter_mut().enumerate() {
                    *count += usize::from(langs & (1 << i) != 0);
                }
            }
        }
        counts
    }

    /// The language with the most function words counted (English, Portuguese,
    /// Spanish, French, German; English on a tie for first).
    pub(crate) fn most_counted(counts: [usize; 5]) -> Language {
        const ALL: [Language; 5] = [
            Language::English,
            Language::Portuguese,
            Language::Spanish,
            Language::French,
            Language::German,
        ];
        let best = (0..5)
            .max_by_key(|&i| (counts[i], usize::from(i == 0)))
            .unwrap_or(0);
        ALL[best]
    }
}

static SETS: LazyLock<[HashSet<&'static str>; 5]> = LazyLock::new(|| {
    [
        Language::English,
        Language::Portuguese,
        Language::Spanish,
        Language::French,
        Language::German,
    ]
    .map(|l| l.words().split(' ').collect())
});

/// Each function word with the languages that list it (bit `Language::index`).
static STOPWORD_LANGS: LazyLock<rustc_hash::FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map = rustc_hash::FxHashMap::default();
    for (i, set) in SETS.iter().enumerate() {
        for &w in set {
            *map.entry(w).or_insert(0u8) |= 1 << i;
        }
    }
    map
});

/// Everyday words, in any inflection: weak evidence that two sentences say the same.
const EVERYDAY_EN: &str = "go went gone going goes come came comes coming make made makes making take took taken takes \
get got gets getting see saw seen sees seeing know knew known think thought look looked looks want wanted give gave given \
use used find found tell ask asked work seem seemed feel felt try tried leave left call called put keep kept let begin began \
turn turned show showed hear heard run ran move moved live lived bring brought happen happened stand stood sit sat set meet met \
reply replied answer answered cry cried became become good new first last long great little own other old right big high \
different small large next early young important few bad best better whole many much well even back way never ever always \
again away soon really quite almost enough far time times year years day days thing things world life part place week case \
point number fact night side kind end lot while moment something nothing anything everything another every several";
const EVERYDAY_PT: &str = "ser sera estar esta estava estavam ter tinha tinham haver havia fazer feito fez faz ir vai vao \
ver dar deu poder pode podem podera ficar ficou ficaram passar passou dever deve devem chegar chegou levar levou deixar \
deixou seguir comecar comecou informou informaram declarou explicou acrescentou anunciou relatou disseram afirmaram \
ano anos dia dias vez vezes hoje ontem amanha agora sempre apenas cerca menos grande grandes novo nova novos novas \
primeiro primeira ultimo ultima ultimos outro outra outros outras todo toda todos todas parte forma caso lugar \
semana mes meses hora horas durante entao porque pessoa pessoas coisa tempo ja tambem so";

#[cfg(test)]
static COMMON_EN: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| EVERYDAY_EN.split_whitespace().collect());
#[cfg(test)]
static COMMON_PT: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| EVERYDAY_PT.split_whitespace().collect());

/// English function words that leak into any news text (quotes, names of bodies).
const EN_CORE: &[&str] = &["the", "of", "and"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_languages_from_function_words() {
        assert_eq!(
            Language::detect(["The mayor said that the bridge was closed."]),
            Language::English
        );
        assert_eq!(
            Language::detect(["O avião caiu em uma floresta perto da pista, segundo a ONU."]),
            Language::Portuguese
        );
    }

    #[test]
    fn stopwords_are_language_specific() {
        assert!(Language::English.is_stopword("the"));
        assert!(!Language::English.is_stopword("bridge"));
        assert!(Language::Portuguese.is_stopword("não"));
    }

    #[test]
    fn everyday_words_are_not_names_or_story_words() {
        assert!(Language::English.is_common("little"));
        assert!(!Language::English.is_common("pitcher"));
        assert!(Language::Portuguese.is_common("ontem"));
        assert!(!Language::Portuguese.is_common("aviao"));
    }
}
