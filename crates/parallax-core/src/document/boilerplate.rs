//! Lines that are not prose: bylines, lone caption markers, metadata prefixes.

/// What a short line is, when it is not prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Boilerplate {
    /// "By Ana Ruiz | Updated 10:32" (the name, if any, is kept).
    Byline(Option<String>),
    /// "image", "Photo:", "Photo: Ana Ruiz/Coast Wire".
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
    "vídeo",
    "publicidade",
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

    // Caption markers: a lone marker word, or "Photo: credit".
    if CAPTION_WORDS.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric())) {
        return Some(Boilerplate::Caption);
    }
    let after_colon = line.split_once(':').map(|(_, rest)| rest.trim());
    if CAPTION_WORDS.contains(&first) && after_colon.is_some() && lower.starts_with(first) {
        return Some(Boilerplate::Caption);
    }

    // Bylines: "By Name", "By | Updated", "Por Name".
    if (first == "by" || first == "por")
        && line.split_whitespace().count() <= 12
        && !line.ends_with('.')
    {
        // `get`: the line may start with a character trimmed off `first` (e.g. U+202E).
        let name = line
            .get(2..)
            .unwrap_or("")
            .trim_start_matches(|c: char| c.is_alphabetic() && c.is_lowercase())
            .split('|')
            .next()
            .map(|s| {
                s.trim()
                    .trim_start_matches(|c: char| c.is_lowercase())
                    .trim()
            })
            .filter(|s| s.chars().any(char::is_alphabetic) && !s.eq_ignore_ascii_case("updated"))
            .map(str::to_owned);
        if lower.contains('|') || line.split_whitespace().count() <= 6 || name.is_none() {
            return Some(Boilerplate::Byline(name));
        }
    }
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
    fn titles_are_short_and_have_no_full_stop() {
        assert!(is_title("Storm closes Harbor Bridge"));
        assert!(!is_title("The storm closed the bridge."));
    }
}
