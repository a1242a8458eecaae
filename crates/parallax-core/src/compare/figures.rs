//! Figures: every number of a source, in digits or words ("12", "twelve",
//! "twenty-five", "4.5 million"), with what it measures (a unit: "°C", "metre",
//! "dollar", "%", "year"), what it counts (the next content word: "people",
//! "homes"), the event word near it ("killed", "injured", "evacuated") and its value
//! normalised (number words, multipliers, dates as `YYYY-MM-DD`).

use std::ops::Range;

use crate::document::boilerplate::MONTHS_EN;
use crate::source::Source;
use crate::text::tokenized::Tokenized;
use crate::text::tokens::{KeyIds, Kind, Token, fold};

/// What a figure is, written in the JSON report as `"count"`, `"measure"`,
/// `"duration"`, `"date"` or `"time"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A number of things: "12 people", "twelve injured".
    Count,
    /// A quantity with a unit: "40-metre", "-8 °C", "4.5 million dollars", "3%".
    Measure,
    /// A span of time: "nearly four years", "five hours".
    Duration,
    /// A date or year: "February 1", "1 Feb 2031", "in 2031".
    Date,
    /// A time of day: "6:40 a.m.".
    Time,
}

/// One figure in one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The source it is in (an index into the comparison's sources).
    pub source: usize,
    /// The number through its unit, as written ("4.5 million dollars", "-8 °C"), in
    /// the source's extracted text.
    pub range: Range<usize>,
    /// What it is: a count, a measure, a duration, a date or a time.
    pub(crate) kind: FigureKind,
    /// The value normalised: "12", "4500000", "-8", "2031-02-01", "02-01", "06:40".
    pub(crate) value: String,
    /// The unit, one spelling for each ("m", "°c", "usd", "%", "year").
    pub(crate) unit: Option<&'static str>,
    /// The word it counts, as written ("people" in "12 people").
    pub counted: Option<Range<usize>>,
    /// The key of the counted word (so "person" for "people" and "persons").
    pub(crate) counted_key: Option<String>,
    /// What happened to what it counts, one name for each kind of event: "killed"
    /// (killed, dead, died, deaths), "injured" (injured, wounded, hurt), …
    pub(crate) event: Option<&'static str>,
    /// The event word as written.
    pub event_word: Option<Range<usize>>,
}

/// Event words, by the start of their key, and the name each stands for.
const EVENTS: &[(&str, &str)] = &[
    ("kill", "killed"),
    ("die", "killed"),
    ("dead", "killed"),
    ("death", "killed"),
    ("fatal", "killed"),
    ("mort", "killed"),
    ("injur", "injured"),
    ("wound", "injured"),
    ("hurt", "injured"),
    ("ferid", "injured"),
    ("evacu", "evacuated"),
    ("displac", "evacuated"),
    ("flee", "evacuated"),
    ("homeless", "evacuated"),
    ("desaloj", "evacuated"),
    ("arrest", "arrested"),
    ("detain", "arrested"),
    ("pres", "arrested"),
    ("rescu", "rescued"),
    ("resgat", "rescued"),
    ("missing", "missing"),
    ("desaparec", "missing"),
];

const MONTHS_PT: &[&str] = &[
    "janeiro",
    "fevereiro",
    "marco",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

/// Units by their words (folded), with one spelling for each.
const UNITS: &[(&str, &str, FigureKind)] = &[
    ("metre", "m", FigureKind::Measure),
    ("metres", "m", FigureKind::Measure),
    ("meter", "m", FigureKind::Measure),
    ("meters", "m", FigureKind::Measure),
    ("metro", "m", FigureKind::Measure),
    ("metros", "m", FigureKind::Measure),
    ("m", "m", FigureKind::Measure),
    ("kilometre", "km", FigureKind::Measure),
    ("kilometres", "km", FigureKind::Measure),
    ("kilometer", "km", FigureKind::Measure),
    ("kilometers", "km", FigureKind::Measure),
    ("quilometros", "km", FigureKind::Measure),
    ("km", "km", FigureKind::Measure),
    ("mile", "mile", FigureKind::Measure),
    ("miles", "mile", FigureKind::Measure),
    ("foot", "ft", FigureKind::Measure),
    ("feet", "ft", FigureKind::Measure),
    ("ft", "ft", FigureKind::Measure),
    ("centimetres", "cm", FigureKind::Measure),
    ("centimeters", "cm", FigureKind::Measure),
    ("cm", "cm", FigureKind::Measure),
    ("kilograms", "kg", FigureKind::Measure),
    ("kilos", "kg", FigureKind::Measure),
    ("kg", "kg", FigureKind::Measure),
    ("tonnes", "t", FigureKind::Measure),
    ("tons", "t", FigureKind::Measure),
    ("litres", "l", FigureKind::Measure),
    ("liters", "l", FigureKind::Measure),
    ("hectares", "ha", FigureKind::Measure),
    ("mph", "mph", FigureKind::Measure),
    ("dollar", "usd", FigureKind::Measure),
    ("dollars", "usd", FigureKind::Measure),
    ("euro", "eur", FigureKind::Measure),
    ("euros", "eur", FigureKind::Measure),
    ("pound", "gbp", FigureKind::Measure),
    ("pounds", "gbp", FigureKind::Measure),
    ("reais", "brl", FigureKind::Measure),
    ("real", "brl", FigureKind::Measure),
    ("percent", "%", FigureKind::Measure),
    ("por", "%", FigureKind::Measure),
    ("second", "second", FigureKind::Duration),
    ("seconds", "second", FigureKind::Duration),
    ("minute", "minute", FigureKind::Duration),
    ("minutes", "minute", FigureKind::Duration),
    ("hour", "hour", FigureKind::Duration),
    ("hours", "hour", FigureKind::Duration),
    ("horas", "hour", FigureKind::Duration),
    ("day", "day", FigureKind::Duration),
    ("days", "day", FigureKind::Duration),
    ("dias", "day", FigureKind::Duration),
    ("week", "week", FigureKind::Duration),
    ("weeks", "week", FigureKind::Duration),
    ("month", "month", FigureKind::Duration),
    ("months", "month", FigureKind::Duration),
    ("meses", "month", FigureKind::Duration),
    ("year", "year", FigureKind::Duration),
    ("years", "year", FigureKind::Duration),
    ("anos", "year", FigureKind::Duration),
];

/// Words that multiply the number before them.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("mil", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("milhao", 1e6),
    ("milhoes", 1e6),
    ("billion", 1e9),
    ("bilhao", 1e9),
    ("bilhoes", 1e9),
];

/// Every figure of source `index`, read from its sentences' tokens.
pub(crate) fn find(index: usize, source: &Source, tokens: &Tokenized) -> Vec<Figure> {
    let keys = tokens.keys();
    let mut out = Vec::new();
    for s in 0..source.sentences.len() {
        let toks: Vec<Token<u32>> = tokens.sentence(index, s).collect();
        sentence_figures(index, source, &toks, keys, &mut out);
    }
    out
}

fn sentence_figures(
    index: usize,
    source: &Source,
    toks: &[Token<u32>],
    keys: &KeyIds,
    out: &mut Vec<Figure>,
) {
    let text = &source.doc.text;
    let word = |i: usize| fold(&text[toks[i].range.clone()]);
    let is_word = |i: usize| toks.get(i).is_some_and(|t| t.kind == Kind::Word);
    let month = |i: usize| {
        is_word(i)
            .then(|| {
                let w = word(i);
                let w = w.trim_end_matches('.');
                MONTHS_EN
                    .iter()
                    .chain(MONTHS_PT)
                    .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w) && w != "mar"))
                    .map(|m| m % 12 + 1)
                    .or((w == "mar").then_some(3))
            })
            .flatten()
    };
    let number = |i: usize| {
        toks.get(i)
            .filter(|t| t.kind == Kind::Number)
            .and_then(|t| keys.key(t.key).strip_prefix('#'))
            .and_then(|v| v.parse::<f64>().ok())
    };
    let mut i = 0;
    while i < toks.len() {
        let Some(mut value) = number(i) else {
            i += 1;
            continue;
        };
        let start = toks[i].range.start;
        let mut end = toks[i].range.end;
        let mut next = i + 1;
        let raw = &text[toks[i].range.clone()];
        let mut kind = FigureKind::Count;
        let mut unit = None;
        let mut shown = None;
        // "6:40 a.m."
        if toks
            .get(next)
            .is_some_and(|t| &text[t.range.clone()] == ":")
            && let Some(minutes) = number(next + 1)
            && toks[next].range.start == end
        {
            kind = FigureKind::Time;
            end = toks[next + 1].range.end;
            shown = Some(format!("{:02}:{:02}", value as u32, minutes as u32));
            next += 2;
        } else if let Some(m) = month(next).or_else(|| i.checked_sub(1).and_then(month)) {
            // "1 February 2031", "February 1, 2031".
            kind = FigureKind::Date;
            let before = i.checked_sub(1).and_then(month).is_some();
            if !before {
                end = toks[next].range.end;
                next += 1;
            }
            let mut year = None;
            let mut k = next;
            if toks.get(k).is_some_and(|t| &text[t.range.clone()] == ",") {
                k += 1;
            }
            if let Some(y) = number(k).filter(|y| (1000.0..=2200.0).contains(y)) {
                year = Some(y as u32);
                end = toks[k].range.end;
                next = k + 1;
            }
            let day = value as u32;
            shown = Some(match year {
                Some(y) => format!("{y:04}-{m:02}-{day:02}"),
                None => format!("{m:02}-{day:02}"),
            });
            if before {
                // The date starts at the month.
                let from = toks[i - 1].range.start;
                out.push(figure(index, from..end, kind, shown.unwrap(), None));
                i = next;
                continue;
            }
        } else {
            // Multipliers, then units: "4.5 million dollars", "40-metre", "-8 °C".
            let mut k = next;
            if is_word(k)
                && let Some(&(_, m)) = MULTIPLIERS.iter().find(|(w, _)| *w == word(k))
            {
                value *= m;
                end = toks[k].range.end;
                k += 1;
            }
            let glued_dash = toks.get(k).is_some_and(|t| {
                t.range.start == end && matches!(&text[t.range.clone()], "-" | "‑")
            });
            let u = if glued_dash { k + 1 } else { k };
            let sym = toks.get(u).map(|t| &text[t.range.clone()]);
            let currency = i
                .checked_sub(1)
                .and_then(|p| match &text[toks[p].range.clone()] {
                    "$" => Some("usd"),
                    "€" => Some("eur"),
                    "£" => Some("gbp"),
                    _ => None,
                });
            if let Some(c) = currency {
                kind = FigureKind::Measure;
                unit = Some(c);
            } else if sym == Some("%") {
                kind = FigureKind::Measure;
                unit = Some("%");
                end = toks[u].range.end;
                k = u + 1;
            } else if sym == Some("°") {
                kind = FigureKind::Measure;
                end = toks[u].range.end;
                k = u + 1;
                unit = Some("°");
                if is_word(k) && matches!(word(k).as_str(), "c" | "f") {
                    unit = Some(if word(k) == "c" { "°c" } else { "°f" });
                    end = toks[k].range.end;
                    k += 1;
                }
            } else if is_word(u)
                && let Some(&(w, canon, kd)) = UNITS.iter().find(|(w, _, _)| *w == word(u))
            {
                // "per cent" / "por cento"; "por" alone is no unit.
                let cent = is_word(u + 1) && matches!(word(u + 1).as_str(), "cent" | "cento");
                if (w != "por" && w != "m") || cent || (w == "m" && toks[u].range.start == end) {
                    kind = kd;
                    unit = Some(canon);
                    end = toks[if cent { u + 1 } else { u }].range.end;
                    k = if cent { u + 2 } else { u + 1 };
                }
            } else if is_word(u) && word(u) == "per" && is_word(u + 1) && word(u + 1) == "cent" {
                kind = FigureKind::Measure;
                unit = Some("%");
                end = toks[u + 1].range.end;
                k = u + 2;
            }
            // "4 a.m.", "9 pm".
            if kind == FigureKind::Count
                && is_word(k)
                && matches!(word(k).trim_end_matches('.'), "a.m" | "p.m" | "am" | "pm")
                && value < 24.0
            {
                let pm = word(k).starts_with('p') && value < 12.0;
                kind = FigureKind::Time;
                shown = Some(format!("{:02}:00", value as u32 + if pm { 12 } else { 0 }));
                end = toks[k].range.end;
                k += 1;
            }
            // A year: "in 2031", "the 1987 flood": four digits, no thousands separator.
            if kind == FigureKind::Count
                && raw.len() == 4
                && raw.chars().all(|c| c.is_ascii_digit())
                && (1900.0..=2100.0).contains(&value)
            {
                kind = FigureKind::Date;
                shown = Some(raw.to_owned());
            }
            next = k;
        }
        let value = shown.unwrap_or_else(|| format_value(value));
        let mut f = figure(index, start..end, kind, value, unit);
        // Temperatures and shares are matched by their unit alone.
        if kind == FigureKind::Count
            || (kind == FigureKind::Measure && !matches!(unit, Some("°c" | "°f" | "°" | "%")))
        {
            // What it counts: the next content word ("12 people", "3 metres long gash").
            if let Some(c) = toks[next..]
                .iter()
                .take(3)
                .take_while(|t| t.kind != Kind::Number)
                .find(|t| t.kind == Kind::Word && !t.stop)
            {
                f.counted = Some(c.range.clone());
                f.counted_key = Some(keys.key(c.key).to_owned());
            }
        }
        if let Some(j) = event_near(text, toks, keys, i, next) {
            f.event = event_of(keys.key(toks[j].key));
            f.event_word = Some(toks[j].range.clone());
        }
        out.push(f);
        i = next.max(i + 1);
    }
}

fn event_of(key: &str) -> Option<&'static str> {
    EVENTS
        .iter()
        .find(|(prefix, _)| key.starts_with(prefix))
        .map(|&(_, name)| name)
}

/// The event word of the number at token `i` (its words end before `next`): after
/// it in its clause ("12 people were hurt", "one dead"), else just before it
/// ("injured 23 others", "the death toll rose to 12").
fn event_near(
    text: &str,
    toks: &[Token<u32>],
    keys: &KeyIds,
    i: usize,
    next: usize,
) -> Option<usize> {
    let event = |j: usize| toks[j].kind == Kind::Word && event_of(keys.key(toks[j].key)).is_some();
    let stops_clause = |j: usize| match toks[j].kind {
        Kind::Number => true,
        Kind::Punct => matches!(
            &text[toks[j].range.clone()],
            "," | ";" | ":" | "." | "(" | "—"
        ),
        Kind::Word => matches!(
            fold(&text[toks[j].range.clone()]).as_str(),
            "and" | "but" | "while" | "whereas" | "e" | "mas"
        ),
    };
    let mut content = 0;
    #[allow(clippy::needless_range_loop)] // `j` is also passed to the closures
    for j in next..toks.len().min(next + 5) {
        if event(j) {
            return Some(j);
        }
        if stops_clause(j) {
            break;
        }
        if toks[j].kind == Kind::Word && !toks[j].stop {
            content += 1;
            if content > 2 {
                break;
            }
        }
    }
    let mut content = 0;
    for j in (i.saturating_sub(5)..i).rev() {
        if event(j) {
            return Some(j);
        }
        if toks[j].kind != Kind::Word {
            break;
        }
        if !toks[j].stop {
            content += 1;
            if content > 2 {
                break;
            }
        }
    }
    None
}

fn figure(
    source: usize,
    range: Range<usize>,
    kind: FigureKind,
    value: String,
    unit: Option<&'static str>,
) -> Figure {
    Figure {
        source,
        range,
        kind,
        value,
        unit,
        counted: None,
        counted_key: None,
        event: None,
        event_word: None,
    }
}

/// "12", "4500000", "2.5", "-8".
fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::perf::Parallelism;
    use crate::text::tokens::Normalizer;

    /// (as written, kind, value, unit, counted, event) of a figure.
    type Seen = (
        String,
        FigureKind,
        String,
        Option<&'static str>,
        Option<String>,
        Option<&'static str>,
    );

    fn figures(text: &str) -> Vec<Seen> {
        let s = Source::new(Document::from_bytes("t.txt", text.as_bytes(), Format::Text).unwrap());
        let sources = vec![s];
        let norm = Normalizer::new(crate::text::lang::Language::English);
        let t = Tokenized::build(&sources, &norm, Parallelism::default());
        let s = &sources[0];
        find(0, s, &t)
            .into_iter()
            .map(|f| {
                (
                    s.doc.text[f.range.clone()].to_owned(),
                    f.kind,
                    f.value,
                    f.unit,
                    f.counted.map(|r| s.doc.text[r].to_owned()),
                    f.event,
                )
            })
            .collect()
    }

    #[test]
    fn counts_with_what_happened() {
        let f = figures("The blast killed one person and injured 23 others. Twelve were hurt.");
        assert_eq!(f[0].0, "one");
        assert_eq!(
            (f[0].2.as_str(), f[0].4.as_deref(), f[0].5),
            ("1", Some("person"), Some("killed"))
        );
        assert_eq!(
            (f[1].0.as_str(), f[1].2.as_str(), f[1].5),
            ("23", "23", Some("injured"))
        );
        assert_eq!(
            (f[2].0.as_str(), f[2].2.as_str(), f[2].5),
            ("Twelve", "12", Some("injured"))
        );
        let f = figures("Troops wounded four and twenty-five were reported dead.");
        assert_eq!((f[0].2.as_str(), f[0].5), ("4", Some("injured")));
        assert_eq!(
            (f[1].0.as_str(), f[1].2.as_str(), f[1].5),
            ("twenty-five", "25", Some("killed"))
        );
    }

    #[test]
    fn units_money_temperatures_and_lengths() {
        let f = figures(
            "Repairs will cost 4.5 million dollars. It was -8 °C at dawn. A 40-metre section fell. Prices rose 3% and then 2 per cent.",
        );
        assert_eq!(
            (f[0].0.as_str(), f[0].1, f[0].2.as_str(), f[0].3),
            (
                "4.5 million dollars",
                FigureKind::Measure,
                "4500000",
                Some("usd")
            )
        );
        assert_eq!(
            (f[1].0.as_str(), f[1].2.as_str(), f[1].3),
            ("-8 °C", "-8", Some("°c"))
        );
        assert_eq!(
            (f[2].0.as_str(), f[2].2.as_str(), f[2].3, f[2].4.as_deref()),
            ("40-metre", "40", Some("m"), Some("section"))
        );
        assert_eq!((f[3].0.as_str(), f[3].3), ("3%", Some("%")));
        assert_eq!((f[4].0.as_str(), f[4].3), ("2 per cent", Some("%")));
        let f = figures("The fund holds $3 billion.");
        assert_eq!((f[0].2.as_str(), f[0].3), ("3000000000", Some("usd")));
    }

    #[test]
    fn dates_times_and_durations() {
        let f = figures(
            "The talks began on February 1, 2031 after nearly four years. They ended 3 March at 6:40 a.m. in 2032.",
        );
        assert_eq!(
            (f[0].0.as_str(), f[0].1, f[0].2.as_str()),
            ("February 1, 2031", FigureKind::Date, "2031-02-01")
        );
        assert_eq!(
            (f[1].0.as_str(), f[1].1, f[1].2.as_str(), f[1].3),
            ("four years", FigureKind::Duration, "4", Some("year"))
        );
        assert_eq!((f[2].0.as_str(), f[2].2.as_str()), ("3 March", "03-03"));
        assert_eq!(
            (f[3].0.as_str(), f[3].1, f[3].2.as_str()),
            ("6:40", FigureKind::Time, "06:40")
        );
        assert_eq!(
            (f[4].0.as_str(), f[4].1, f[4].2.as_str()),
            ("2032", FigureKind::Date, "2032")
        );
    }
}
