//! Lines that are not prose: bylines, lone caption markers, metadata prefixes.

/// What a short line is, when it is not prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Boilerplate {
    /// "By Ana Ruiz | Updated 10:32" (the name, if any, is kept); "Written by
    /// Published" and "By | Updated" are empty ones.
    Byline(Option<String>),
    /// "image", "article image", "Photo:", "Photo credit: Ana Ruiz/Coast Wire",
    /// "Getty Images".
    Caption,
    /// "date 2031-04-02 08:15" (the value is kept).
    Date(String),
}

const CAPTION_WORDS: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "picture",
    "pictures",
    "video",
    "caption",
    "graphic",
    "advertisement",
    "credit",
    "photograph",
    "illustration",
    "gallery",
    "imagem",
    "foto",
    "fotos",
    "vídeo",
    "publicidade",
];

/// Words that go with a caption word in a lone marker ("article image", "Getty
/// Images", "Photo credit", "Image 2 of 5", "View gallery") and never make one alone.
const MARKER_WORDS: &[&str] = &[
    "article", "main", "lead", "featured", "top", "hero", "file", "stock", "getty", "credit",
    "credits", "courtesy", "handout", "source", "enlarge", "expand", "view", "open", "toggle",
    "show", "hide", "this", "the", "an", "a", "of", "de", "da", "do",
];

const DATE_WORDS: &[&str] = &[
    "date",
    "dated",
    "published",
    "updated",
    "posted",
    "dateline",
    "data",
    "publicado",
    "atualizado",
];

/// Openings of a byline, as lower-case words.
const BYLINE_LEADS: &[&[&str]] = &[
    &["by"],
    &["por"],
    &["written", "by"],
    &["words", "by"],
    &["reporting", "by"],
    &["story", "by"],
    &["text", "by"],
    &["escrito", "por"],
    &["texto", "de"],
];

/// Lower-case words a name in a byline may hold besides capitalised ones
/// ("Coastline Wire staff", "the Coastline Wire desk", "Ana Ruiz in Lisbon", "Luiz da
/// Silva").
const NAME_WORDS: &[&str] = &[
    "and",
    "e",
    "staff",
    "desk",
    "team",
    "newsroom",
    "bureau",
    "agency",
    "agencies",
    "service",
    "wire",
    "news",
    "writers",
    "editors",
    "contributors",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "writer",
    "in",
    "the",
    "our",
    "de",
    "da",
    "do",
    "dos",
    "das",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "di",
    "del",
    "bin",
    "al",
];

/// The English months in order (the figures read a date's month by its position).
pub(crate) const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Other words naming a month: English abbreviations, Portuguese names and theirs.
const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "fev",
    "abr",
    "mai",
    "ago",
    "set",
    "out",
    "dez",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
];

/// Words a date or time may hold besides numbers, months and weekdays.
const DATE_FILLERS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "eet",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "et",
    "pt",
    "ist",
    "jst",
    "aest",
    "brt",
    "at",
    "on",
    "of",
    "de",
    "em",
    "às",
    "as",
    "ago",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "day",
    "days",
    "today",
    "yesterday",
    "last",
    "-",
    "–",
    "—",
    "|",
    "·",
    "•",
    "/",
];

/// Date words that join the parts of a date without being part of its value.
const CONNECTORS: &[&str] = &["at", "on", "of", "de", "em", "às", "as", "last"];

/// A word without the punctuation around it, lower-cased.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Classifies one trimmed line; `None` means it is prose (or may be).
pub(crate) fn classify(line: &str) -> Option<Boilerplate> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 140 {
        return None;
    }
    let lower = line.to_lowercase();
    let first = lower
        .split(|c: char| c.is_whitespace() || c == ':' || c == '|')
        .next()
        .unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());

    if is_caption(line) {
        return Some(Boilerplate::Caption);
    }
    if let Some(byline) = byline(line) {
        return Some(byline);
    }
    // "Published | Updated 10:32": every part opens with a date word.
    if lower.split('|').all(|part| {
        let w = part
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(':')
            .to_lowercase();
        w.is_empty() || w == "by" || DATE_WORDS.contains(&w.as_str())
    }) && lower.contains('|')
    {
        return Some(Boilerplate::Byline(None));
    }

    // Metadata prefixes: "date 2031-04-02", "Published: April 2, 2031".
    if DATE_WORDS.contains(&first) && lower.starts_with(first) {
        let rest = line[first.len()..]
            .trim_start_matches([':', ' ', '\t', '-'])
            .trim();
        if rest.chars().any(|c| c.is_ascii_digit()) && rest.split_whitespace().count() <= 8 {
            return Some(Boilerplate::Date(rest.to_owned()));
        }
    }
    None
}

/// Caption markers and credits on a line of their own.
fn is_caption(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect();
    let marker = |w: &String| CAPTION_WORDS.contains(&w.as_str());
    let filler =
        |w: &String| MARKER_WORDS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit());
    // A lone marker: "image", "article image", "Getty Images", "Image 2 of 5".
    if !words.is_empty()
        && words.len() <= 6
        && words.iter().any(marker)
        && words.iter().all(|w| marker(w) || filler(w))
    {
        return true;
    }
    // A marker label and a credit: "Photo: Ana Ruiz", "Photo credit: …", "Image:".
    if let Some((label, _)) = line.split_once(':') {
        let label: Vec<String> = label.split_whitespace().map(bare).collect();
        if (1..=3).contains(&label.len())
            && marker(&label[0])
            && label.iter().all(|w| marker(w) || filler(w))
        {
            return true;
        }
    }
    // Credits without a label: "Photo by Ana Ruiz", "Ana Ruiz/Getty Images".
    let ends_like_prose = line
        .trim_end_matches(|c: char| is_closing(c))
        .ends_with(['.', '!', '?']);
    if !ends_like_prose && words.len() <= 10 {
        if line
            .to_lowercase()
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .ends_with("getty images")
        {
            return true;
        }
        if words.len() >= 3 && marker(&words[0]) && words[1] == "by" {
            return true;
        }
    }
    false
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Bylines: "By Ana Ruiz | Updated 10:32", "Written by Published", "By | Updated".
fn byline(line: &str) -> Option<Boilerplate> {
    // Separators stand as words of their own: "By|Updated" is "By | Updated".
    let spaced: String = line
        .chars()
        .flat_map(|c| {
            let sep = matches!(c, '|' | '·' | '•');
            [(sep, ' '), (true, c), (sep, ' ')]
                .into_iter()
                .filter(|&(keep, _)| keep)
                .map(|(_, c)| c)
        })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    if words.len() > 12 || line.ends_with('.') {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    // A line of metadata words alone: "Written by Published", "Published | Updated".
    let empty_word = |w: &String| {
        w.is_empty()
            || ["by", "written", "por", "and"].contains(&w.as_str())
            || DATE_WORDS.contains(&w.as_str())
    };
    let lead_or_date = |w: &String| w == "by" || w == "por" || DATE_WORDS.contains(&w.as_str());
    if lower.iter().all(empty_word) && lower.iter().any(lead_or_date) {
        return Some(Boilerplate::Byline(None));
    }
    let lead = BYLINE_LEADS.iter().find(|lead| {
        lower.len() >= lead.len() && lead.iter().zip(&lower).all(|(l, w)| *l == w.as_str())
    })?;
    let rest = &words[lead.len()..];
    let is_meta = |w: &str| {
        let b = bare(w);
        b.is_empty() || DATE_WORDS.contains(&b.as_str()) || w.chars().any(|c| c.is_ascii_digit())
    };
    let name_len = rest.iter().position(|w| is_meta(w)).unwrap_or(rest.len());
    let name = rest[..name_len]
        .join(" ")
        .trim_end_matches([',', ';', '-', '–', '—', ':'])
        .trim()
        .to_owned();
    if name.chars().any(char::is_alphabetic) {
        // A name is capitalised words and a few others ("staff", "and", "da"):
        // "By the time help came" is a headline, not a byline.
        let name_word = |w: &&str| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_none_or(char::is_uppercase)
                || NAME_WORDS.contains(&bare(w).as_str())
        };
        let capitalised = rest[..name_len]
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !capitalised || !rest[..name_len].iter().all(name_word) {
            return None;
        }
        let separated = name_len < rest.len();
        (separated || words.len() <= 6).then_some(Boilerplate::Byline(Some(name)))
    } else {
        // "By | Updated 3:04 PM": the rest must be metadata too ("By 2030 the
        // city…" is prose).
        rest.iter()
            .all(|w| is_meta(w) || is_date_word(&bare(w)))
            .then_some(Boilerplate::Byline(None))
    }
}

/// A word that can be part of a date or time: "25", "2026-01-25", "10:04", "Jan.",
/// "Tuesday", "GMT", "at".
fn is_date_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '[' | ']'));
    let lower = w.to_lowercase();
    if lower.chars().any(|c| c.is_ascii_digit()) {
        let letters: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
        return lower.len() <= 25
            && lower
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-/:.+,".contains(c))
            && [
                "", "t", "z", "tz", "am", "pm", "h", "st", "nd", "rd", "th", "gmt", "utc",
            ]
            .contains(&letters.as_str());
    }
    let word = lower.trim_end_matches(['.', ':', ',']);
    MONTHS_EN.contains(&word)
        || MONTHS.contains(&word)
        || WEEKDAYS.contains(&word)
        || DATE_FILLERS.contains(&word)
        || DATE_WORDS.contains(&word)
}

/// A date glued to the start of a paragraph: "date 2026-01-25 The minister said…",
/// "Published 25 Jan 2026 10:04 GMT The minister…", "Updated: 3:04 PM EST Officials…".
/// Gives the bytes to cut (the prefix and the space after it) and the date as written;
/// `None` unless a sentence starts right after a date holding a number.
pub(crate) fn metadata_prefix(para: &str) -> Option<(usize, String)> {
    let mut words = para
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - para.as_ptr() as usize, w));
    let (_, lead) = words.next()?;
    let mut lead = lead.trim_end_matches(':').to_lowercase();
    if lead == "last" {
        // "Last updated: …"
        lead = words.next()?.1.trim_end_matches(':').to_lowercase();
    }
    if !DATE_WORDS.contains(&lead.as_str()) {
        return None;
    }
    let (mut value, mut digits) = (None::<std::ops::Range<usize>>, false);
    for (at, w) in words {
        if is_date_word(w) {
            let bare = bare(w);
            let connector = bare.is_empty()
                || DATE_WORDS.contains(&bare.as_str())
                || CONNECTORS.contains(&bare.as_str());
            if !connector
                && (value.is_some()
                    || w.chars().any(|c| c.is_ascii_digit())
                    || MONTHS_EN.contains(&bare.as_str())
                    || MONTHS.contains(&bare.as_str())
                    || WEEKDAYS.contains(&bare.as_str()))
            {
                digits |= w.chars().any(|c| c.is_ascii_digit());
                let start = value.as_ref().map_or(at, |v| v.start);
                value = Some(start..at + w.len());
            }
            continue;
        }
        // The first word past the date must start a sentence.
        let starts = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '«'));
        let value = value.filter(|_| digits && starts)?;
        let date = para[value]
            .trim_end_matches([',', ';', '|', '-', '–', '—'])
            .trim()
            .to_owned();
        return Some((at, date));
    }
    None
}

/// True for a headline: one short line without a closing full stop.
pub(crate) fn is_title(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (1..=20).contains(&words)
        && line.chars().count() <= 160
        && !line.ends_with('.')
        && !line.ends_with(':')
        && line.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_bylines_captions_and_dates() {
        assert_eq!(classify("By | Updated"), Some(Boilerplate::Byline(None)));
        assert_eq!(
            classify("By Ana Ruiz | Updated 10:32"),
            Some(Boilerplate::Byline(Some("Ana Ruiz".into())))
        );
        assert_eq!(classify("image"), Some(Boilerplate::Caption));
        assert_eq!(classify("Photo:"), Some(Boilerplate::Caption));
        assert_eq!(
            classify("Photo: Lena Ortiz / Harbour Post"),
            Some(Boilerplate::Caption)
        );
        assert_eq!(
            classify("date 2031-04-02 08:15"),
            Some(Boilerplate::Date("2031-04-02 08:15".into()))
        );
        assert_eq!(
            classify("Published: April 2, 2031"),
            Some(Boilerplate::Date("April 2, 2031".into()))
        );
    }

    #[test]
    fn prose_is_left_alone() {
        assert_eq!(classify("By noon the river had risen two metres."), None);
        assert_eq!(
            classify("Photographs of the bridge spread quickly on Tuesday."),
            None
        );
        assert_eq!(classify("The date of the vote is not yet set."), None);
        assert_eq!(
            classify("Updated figures showed 12 people were hurt in the collapse."),
            None
        );
    }

    #[test]
    fn lone_caption_markers_and_credits() {
        for line in [
            "article image",
            "Article Image",
            "Image:",
            "Image 2 of 5",
            "Main image",
            "View gallery",
            "Getty Images",
            "Photo credit: Lena Ortiz",
            "Photo credit:",
            "Photo: Lena Ortiz/Harbour Post",
            "Photo by Lena Ortiz/Harbour Post",
            "Lena Ortiz/Getty Images",
            "(AFP via Getty Images)",
        ] {
            assert_eq!(classify(line), Some(Boilerplate::Caption), "{line}");
        }
    }

    #[test]
    fn prose_about_images_is_kept() {
        for line in [
            "Image quality was poor, the inspectors said.",
            "Images of the flooded square spread online within minutes.",
            "Photo credit is given to the agency in every edition.",
            "Video footage showed the bridge: its middle span had gone.",
            "Getty Images said it had withdrawn the picture.",
            "Photographs of the bridge spread quickly on Tuesday.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn empty_bylines_are_dropped_and_names_kept() {
        for line in [
            "Written by Published",
            "By | Updated",
            "By  Updated 3:04 PM",
            "By: | Published 25 Jan 2031",
            "Published | Updated 10:32",
            "Por | Atualizado",
        ] {
            assert_eq!(classify(line), Some(Boilerplate::Byline(None)), "{line}");
        }
        let named = |line: &str| match classify(line) {
            Some(Boilerplate::Byline(name)) => name,
            other => panic!("{line}: {other:?}"),
        };
        assert_eq!(named("By Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            named("By the Coastline Wire desk").as_deref(),
            Some("the Coastline Wire desk")
        );
        assert_eq!(
            named("By Coastline Wire staff | Updated 14 March 2031, 11:40").as_deref(),
            Some("Coastline Wire staff")
        );
        assert_eq!(
            named("By Dana Holt, Harbor Daily").as_deref(),
            Some("Dana Holt, Harbor Daily")
        );
        assert_eq!(
            named("Written by Ana Ruiz Published 3:04 PM").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            named("Por Luiz da Silva | 25/01/2031").as_deref(),
            Some("Luiz da Silva")
        );
    }

    #[test]
    fn sentences_opening_with_by_are_prose() {
        for line in [
            "By the time help came",
            "By the time the water fell, the square was empty.",
            "By 2030 the harbour wall will be twice as high",
            "By Tuesday the river had risen two metres",
            "Written by hand, the note was found at the gate",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn dates_glued_to_a_paragraph_are_cut_off() {
        fn cut(p: &str) -> Option<(&str, String)> {
            metadata_prefix(p).map(|(n, date)| (&p[n..], date))
        }
        assert_eq!(
            cut("date 2031-01-25 The minister said the talks would go on."),
            Some((
                "The minister said the talks would go on.",
                "2031-01-25".to_owned()
            ))
        );
        assert_eq!(
            cut("Published 25 Jan 2031 10:04 GMT The minister spoke at noon."),
            Some((
                "The minister spoke at noon.",
                "25 Jan 2031 10:04 GMT".to_owned()
            ))
        );
        assert_eq!(
            cut("Updated: 3:04 PM EST, Tuesday “We are ready,” she said."),
            Some((
                "“We are ready,” she said.",
                "3:04 PM EST, Tuesday".to_owned()
            ))
        );
        assert_eq!(
            cut("Last updated 2 hours ago Officials said the road was shut."),
            Some((
                "Officials said the road was shut.",
                "2 hours ago".to_owned()
            ))
        );
        for prose in [
            "Updated figures showed 12 people were hurt in the collapse.",
            "Posted 12 times before noon, the warning was ignored.",
            "Published in 2031, The Harbour Report blamed the council.",
            "The date 2031-01-25 The minister",
            "Updated 25 Jan 2031",
            "Dated March The letter",
        ] {
            assert_eq!(cut(prose), None, "{prose}");
        }
    }

    #[test]
    fn titles_are_short_and_have_no_full_stop() {
        assert!(is_title("Storm closes Harbor Bridge"));
        assert!(!is_title("The storm closed the bridge."));
    }
}
