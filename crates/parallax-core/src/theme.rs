//! Themes: TOML files naming semantic roles (a changed word, a unique passage, the
//! cursor…), never widgets. The built-in themes in `themes/` are embedded in the
//! binary; a file of the same name in `<config dir>/parallax/themes/` overrides one,
//! and other files there add themes. Roles a file leaves out come from `dark`.
//!
//! Terminal-free: colours are this module's own [`Colour`], reduced here to what the
//! terminal can show ([`Depth`]); the TUI only converts them.

use std::path::Path;

use serde::Deserialize;

/// What a style is for. Widgets ask for a role; the theme decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Article text with nothing to point out.
    Text,
    /// Words the pivot has too, inside a shared passage.
    SharedWord,
    /// Words standing where the pivot has other words.
    ChangedWord,
    /// Words no other member of the group has.
    OnlyHere,
    /// A passage only this source carries (background).
    UniquePassage,
    /// The gutter mark of a unique passage.
    UniqueMark,
    /// Numbers and quotations that disagree between sources.
    Disagreement,
    /// The selected passage in the focused pane (background).
    Cursor,
    /// The selected group's member in the other panes (background).
    Linked,
    /// The bar beside selected and linked passages.
    Gutter,
    /// A search match.
    Match,
    /// "not in this source", empty cells, absent marks.
    Absent,
    /// Pane titles.
    Title,
    /// The focused pane's title.
    TitleFocused,
    /// The header line.
    Header,
    /// The status line.
    Status,
    /// Key names in hints and help.
    Key,
    /// Separators, hints and other quiet text.
    Dim,
    /// The help overlay and prompts.
    Overlay,
    /// Warnings and errors in the status line.
    Warning,
    /// The gutter mark (✎) of a passage with a note.
    NoteMark,
    /// The note editor and the lists (notes, disagreements) drawn over the view.
    Panel,
    /// The selected row of a list, and the editor's caret.
    PanelSelected,
}

impl Role {
    /// How many roles there are: a theme holds one paint per role, indexed by it.
    const COUNT: usize = Role::PanelSelected as usize + 1;

    #[cfg(test)]
    pub(crate) const ALL: [Role; 23] = [
        Role::Text,
        Role::SharedWord,
        Role::ChangedWord,
        Role::OnlyHere,
        Role::UniquePassage,
        Role::UniqueMark,
        Role::Disagreement,
        Role::Cursor,
        Role::Linked,
        Role::Gutter,
        Role::Match,
        Role::Absent,
        Role::Title,
        Role::TitleFocused,
        Role::Header,
        Role::Status,
        Role::Key,
        Role::Dim,
        Role::Overlay,
        Role::Warning,
        Role::NoteMark,
        Role::Panel,
        Role::PanelSelected,
    ];
}

/// A colour as a theme names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    /// The terminal's own default.
    Reset,
    /// One of the 16 ANSI colours (0 black … 7 white, 8–15 bright).
    Ansi(u8),
    /// An xterm 256-colour index.
    Indexed(u8),
    /// A 24-bit colour: red, green, blue.
    Rgb(u8, u8, u8),
}

const ANSI_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

/// The usual RGB of the 16 ANSI colours (xterm), for matching.
const ANSI_RGB: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

impl Colour {
    pub(crate) fn parse(s: &str) -> Result<Colour, String> {
        let t = s.trim().to_ascii_lowercase();
        if t == "reset" || t == "default" || t == "none" {
            return Ok(Colour::Reset);
        }
        if let Some(hex) = t.strip_prefix('#') {
            if hex.len() == 6
                && let Ok(v) = u32::from_str_radix(hex, 16)
            {
                return Ok(Colour::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
            }
            return Err(format!("{s:?} is not a #rrggbb colour"));
        }
        let t = t.replace(['_', ' ', '-'], "").replace("grey", "gray");
        if let Some(i) = ANSI_NAMES.iter().position(|n| *n == t) {
            return Ok(Colour::Ansi(i as u8));
        }
        if let Ok(n) = t.parse::<u8>() {
            return Ok(Colour::Indexed(n));
        }
        Err(format!(
            "{s:?} is not a colour (use #rrggbb, 0-255 or a name such as lightblue)"
        ))
    }

    /// The colour as RGB (`None` for the terminal's default).
    pub(crate) fn rgb(self) -> Option<(u8, u8, u8)> {
        match self {
            Colour::Reset => None,
            Colour::Ansi(i) => Some(ANSI_RGB[usize::from(i & 15)]),
            Colour::Indexed(i) => Some(indexed_rgb(i)),
            Colour::Rgb(r, g, b) => Some((r, g, b)),
        }
    }

    /// This colour as the terminal can show it.
    pub(crate) fn reduce(self, depth: Depth) -> Option<Colour> {
        match (depth, self) {
            (Depth::None, _) => None,
            (_, Colour::Reset) | (_, Colour::Ansi(_)) => Some(self),
            (Depth::TrueColor, c) => Some(c),
            (Depth::Ansi256, Colour::Indexed(_)) => Some(self),
            (Depth::Ansi256, c) => c
                .rgb()
                .map(|(r, g, b)| Colour::Indexed(nearest_256(r, g, b))),
            (Depth::Ansi16, c) => c.rgb().map(|(r, g, b)| Colour::Ansi(nearest_16(r, g, b))),
        }
    }
}

/// The RGB of an xterm 256-colour index.
fn indexed_rgb(i: u8) -> (u8, u8, u8) {
    const STEPS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match i {
        0..=15 => ANSI_RGB[usize::from(i)],
        16..=231 => {
            let n = i - 16;
            (
                STEPS[usize::from(n / 36)],
                STEPS[usize::from(n / 6 % 6)],
                STEPS[usize::from(n % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

fn distance((a, b, c): (u8, u8, u8), (x, y, z): (u8, u8, u8)) -> u32 {
    let d = |p: u8, q: u8| (i32::from(p) - i32::from(q)).unsigned_abs().pow(2);
    // Weighted for the eye's sensitivity to green.
    2 * d(a, x) + 4 * d(b, y) + 3 * d(c, z)
}

/// The nearest colour of the 6×6×6 cube or the grey ramp.
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    (16..=255u8)
        .min_by_key(|&i| distance(indexed_rgb(i), (r, g, b)))
        .unwrap_or(16)
}

fn nearest_16(r: u8, g: u8, b: u8) -> u8 {
    (0..16u8)
        .min_by_key(|&i| distance(ANSI_RGB[usize::from(i)], (r, g, b)))
        .unwrap_or(7)
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    /// No colour at all (`NO_COLOR`): only bold, underline, reverse…
    None,
    /// The 16 ANSI colours.
    Ansi16,
    /// The xterm 256-colour palette.
    Ansi256,
    /// 24-bit colour.
    TrueColor,
}

impl Depth {
    /// Guesses from the environment: `NO_COLOR`, `COLORTERM`, `TERM`.
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> Depth {
        if var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return Depth::None;
        }
        let colorterm = var("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        if colorterm.contains("truecolor") || colorterm.contains("24bit") {
            return Depth::TrueColor;
        }
        let term = var("TERM").unwrap_or_default().to_ascii_lowercase();
        if term == "dumb" {
            Depth::None
        } else if term.contains("256") || term.contains("direct") {
            Depth::Ansi256
        } else {
            Depth::Ansi16
        }
    }

    /// A depth as the configuration or `--color` names it ("none", "16", "256",
    /// "truecolor" and synonyms).
    pub fn parse(s: &str) -> Option<Depth> {
        match s.to_ascii_lowercase().as_str() {
            "none" | "no" | "off" | "mono" => Some(Depth::None),
            "16" | "ansi" | "ansi16" => Some(Depth::Ansi16),
            "256" | "ansi256" => Some(Depth::Ansi256),
            "truecolor" | "24bit" | "rgb" => Some(Depth::TrueColor),
            _ => None,
        }
    }
}

/// How one role looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    /// Text colour (`None`: left as it is).
    pub fg: Option<Colour>,
    /// Background colour (`None`: left as it is).
    pub bg: Option<Colour>,
    /// Bold.
    pub bold: bool,
    /// Dim (faint).
    pub dim: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
    /// Foreground and background swapped.
    pub reversed: bool,
}

impl Paint {
    /// `self` drawn over `under`: colours set here win, modifiers add up.
    pub fn over(self, under: Paint) -> Paint {
        Paint {
            fg: self.fg.or(under.fg),
            bg: self.bg.or(under.bg),
            bold: self.bold || under.bold,
            dim: self.dim || under.dim,
            italic: self.italic || under.italic,
            underline: self.underline || under.underline,
            reversed: self.reversed || under.reversed,
        }
    }

    fn reduce(self, depth: Depth) -> Paint {
        Paint {
            fg: self.fg.and_then(|c| c.reduce(depth)),
            bg: self.bg.and_then(|c| c.reduce(depth)),
            ..self
        }
    }
}

/// A role as written in TOML: `changed_word = { fg = "#ffd75f", bold = true }`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PaintSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    dim: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reversed: bool,
}

/// A complete theme: a paint for every role.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Its name: the file's stem (`dark`, `light`, …).
    pub name: String,
    /// Indexed by [`Role`].
    paints: [Paint; Role::COUNT],
}

/// The themes shipped in the binary: (name, TOML).
pub(crate) const BUILT_IN: [(&str, &str); 5] = [
    ("dark", include_str!("../../../themes/dark.toml")),
    ("light", include_str!("../../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../../themes/high-contrast.toml"),
    ),
    (
        "colorblind",
        include_str!("../../../themes/colorblind.toml"),
    ),
    ("mono", include_str!("../../../themes/mono.toml")),
];

impl Theme {
    /// Parses a theme; roles it lacks come from `base`. Problems that do not stop
    /// the theme from working (an unknown role, a bad colour) come back as warnings.
    pub(crate) fn parse(
        name: &str,
        toml_text: &str,
        base: Option<&Theme>,
    ) -> Result<(Theme, Vec<String>), String> {
        let value: toml::Table = toml_text
            .parse()
            .map_err(|e: toml::de::Error| format!("theme {name}: {}", e.message()))?;
        let mut warnings = Vec::new();
        let mut paints = base.map_or([Paint::default(); Role::COUNT], |b| b.paints);
        for (key, v) in &value {
            match (key.as_str(), v) {
                ("roles", toml::Value::Table(roles)) => {
                    for (role_name, spec) in roles {
                        let role: Role = match toml::Value::String(role_name.clone()).try_into() {
                            Ok(r) => r,
                            Err(_) => {
                                warnings.push(format!("theme {name}: unknown role {role_name:?}"));
                                continue;
                            }
                        };
                        let spec: PaintSpec = match spec.clone().try_into() {
                            Ok(s) => s,
                            Err(e) => {
                                warnings.push(format!(
                                    "theme {name}: roles.{role_name}: {}",
                                    e.message()
                                ));
                                continue;
                            }
                        };
                        let colour =
                            |c: &Option<String>, what: &str, warnings: &mut Vec<String>| {
                                c.as_deref().and_then(|c| {
                                    Colour::parse(c)
                                        .map_err(|e| {
                                            warnings.push(format!(
                                                "theme {name}: roles.{role_name}.{what}: {e}"
                                            ))
                                        })
                                        .ok()
                                })
                            };
                        let paint = Paint {
                            fg: colour(&spec.fg, "fg", &mut warnings),
                            bg: colour(&spec.bg, "bg", &mut warnings),
                            bold: spec.bold,
                            dim: spec.dim,
                            italic: spec.italic,
                            underline: spec.underline,
                            reversed: spec.reversed,
                        };
                        paints[role as usize] = paint;
                    }
                }
                ("name" | "description", _) => {}
                _ => warnings.push(format!("theme {name}: unknown key {key:?}")),
            }
        }
        Ok((
            Theme {
                name: name.to_owned(),
                paints,
            },
            warnings,
        ))
    }

    /// How `role` looks.
    pub fn paint(&self, role: Role) -> Paint {
        self.paints[role as usize]
    }

    /// This theme with its colours reduced to `depth`.
    pub(crate) fn reduced(&self, depth: Depth) -> Theme {
        Theme {
            name: self.name.clone(),
            paints: self.paints.map(|p| p.reduce(depth)),
        }
    }
}

/// The themes available to cycle through, in order, reduced for the terminal.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The themes, built-in ones first.
    pub themes: Vec<Theme>,
    /// Problems found while reading theme files (the themes still work).
    pub warnings: Vec<String>,
}

impl Catalog {
    /// Built-in themes, then user themes from `user_dir` (which override same names).
    /// With `Depth::None` only `mono` is offered: colours are not allowed.
    pub fn load(user_dir: Option<&Path>, depth: Depth) -> Catalog {
        let mut warnings = Vec::new();
        let mut sources: Vec<(String, String)> = BUILT_IN
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        if let Some(dir) = user_dir
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            let mut files: Vec<_> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            files.sort();
            for f in files {
                let name = f
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match std::fs::read_to_string(&f) {
                    Ok(text) => match sources.iter_mut().find(|(n, _)| *n == name) {
                        Some(slot) => slot.1 = text,
                        None => sources.push((name, text)),
                    },
                    Err(e) => warnings.push(format!(
                        "{}: {e}",
                        crate::sanitize::one_line(&f.display().to_string())
                    )),
                }
            }
        }
        let (base, _) = Theme::parse("dark", BUILT_IN[0].1, None).unwrap_or_else(|_| {
            (
                Theme {
                    name: "dark".into(),
                    paints: [Paint::default(); Role::COUNT],
                },
                vec![],
            )
        });
        let mut themes = Vec::new();
        for (name, text) in sources {
            if depth == Depth::None && name != "mono" {
                continue;
            }
            match Theme::parse(&name, &text, Some(&base)) {
                Ok((t, w)) => {
                    warnings.extend(w);
                    themes.push(t.reduced(depth));
                }
                Err(e) => warnings.push(e),
            }
        }
        if themes.is_empty() {
            themes.push(base.reduced(depth));
        }
        Catalog { themes, warnings }
    }

    /// The position of the theme called `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.name == name)
    }

    /// The themes' names, in order.
    pub fn names(&self) -> Vec<&str> {
        self.themes.iter().map(|t| t.name.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_parses_cleanly_and_names_every_role() {
        for (name, text) in BUILT_IN {
            let (_, w) = Theme::parse(name, text, None).unwrap();
            assert!(w.is_empty(), "{name}: {w:?}");
            let table: toml::Table = text.parse().unwrap();
            let named: Vec<Role> = table["roles"]
                .as_table()
                .unwrap()
                .keys()
                .map(|k| toml::Value::String(k.clone()).try_into().unwrap())
                .collect();
            for r in Role::ALL {
                assert!(named.contains(&r), "{name} lacks {r:?}");
            }
        }
    }

    #[test]
    fn colour_blind_and_mono_themes_never_rely_on_hue_alone() {
        for name in ["colorblind", "mono", "high-contrast"] {
            let text = BUILT_IN.iter().find(|(n, _)| *n == name).unwrap().1;
            let (t, _) = Theme::parse(name, text, None).unwrap();
            let marks = |p: Paint| (p.bold, p.italic, p.underline, p.reversed);
            let roles = [
                Role::SharedWord,
                Role::ChangedWord,
                Role::OnlyHere,
                Role::Disagreement,
            ];
            for (i, a) in roles.iter().enumerate() {
                for b in &roles[i + 1..] {
                    assert_ne!(
                        marks(t.paint(*a)),
                        marks(t.paint(*b)),
                        "{name}: {a:?} and {b:?} differ only by colour"
                    );
                }
            }
        }
        let (mono, _) = Theme::parse("mono", BUILT_IN[4].1, None).unwrap();
        assert!(
            mono.paint(Role::Cursor).reversed,
            "without colour the cursor must still show"
        );
    }

    #[test]
    fn colours_fall_back_to_256_and_16() {
        let c = Colour::Rgb(255, 215, 95);
        assert_eq!(c.reduce(Depth::TrueColor), Some(c));
        assert_eq!(c.reduce(Depth::Ansi256), Some(Colour::Indexed(221)));
        assert_eq!(c.reduce(Depth::Ansi16), Some(Colour::Ansi(3)));
        assert_eq!(
            Colour::Rgb(0, 0, 0).reduce(Depth::Ansi16),
            Some(Colour::Ansi(0))
        );
        assert_eq!(c.reduce(Depth::None), None);
        assert_eq!(
            Colour::Indexed(196).reduce(Depth::Ansi16),
            Some(Colour::Ansi(9))
        );
    }

    #[test]
    fn depth_detection_honours_no_color_first() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Depth::detect(env(&[("NO_COLOR", "1"), ("COLORTERM", "truecolor")])),
            Depth::None
        );
        assert_eq!(
            Depth::detect(env(&[("COLORTERM", "truecolor")])),
            Depth::TrueColor
        );
        assert_eq!(
            Depth::detect(env(&[("TERM", "xterm-256color")])),
            Depth::Ansi256
        );
        assert_eq!(Depth::detect(env(&[("TERM", "xterm")])), Depth::Ansi16);
    }

    #[test]
    fn user_themes_override_and_extend_and_bad_values_warn() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("light.toml"),
            "[roles]\ntext = { fg = \"#010203\" }\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("mine.toml"),
            "[roles]\nchanged_word = { fg = \"nope\" }\nwat = {}\n",
        )
        .unwrap();
        let cat = Catalog::load(Some(dir.path()), Depth::TrueColor);
        let light = &cat.themes[cat.index_of("light").unwrap()];
        assert_eq!(light.paint(Role::Text).fg, Some(Colour::Rgb(1, 2, 3)));
        assert!(cat.index_of("mine").is_some());
        assert!(
            cat.warnings
                .iter()
                .any(|w| w.contains("roles.changed_word.fg")),
            "{:?}",
            cat.warnings
        );
        assert!(
            cat.warnings.iter().any(|w| w.contains("\"wat\"")),
            "{:?}",
            cat.warnings
        );
    }

    #[test]
    fn no_color_offers_only_the_mono_theme_without_colours() {
        let cat = Catalog::load(None, Depth::None);
        assert_eq!(cat.names(), vec!["mono"]);
        for r in Role::ALL {
            let p = cat.themes[0].paint(r);
            assert!(p.fg.is_none() && p.bg.is_none());
        }
    }
}
