//! The report's colours, by semantic role (the same roles as the reader's theme), in
//! one place: the page's CSS only ever uses `var(--role)`, so a theme maps onto it by
//! setting roles, never by editing the stylesheet.

use crate::theme::{Colour, Role, Theme};

/// Every role the stylesheet uses, with the default (light, print-safe) colour.
pub(crate) const ROLES: [(&str, &str); 14] = [
    ("background", "#fdfdfb"),
    ("text", "#1f2328"),
    ("muted", "#656d76"),
    ("border", "#d0d7de"),
    ("surface", "#f3f4f1"),
    ("pivot", "#0b5cad"),
    ("link", "#0b5cad"),
    ("changed", "#ffe08a"),
    ("only-here", "#b7ecc6"),
    ("unique", "#e3e8ff"),
    ("disagreement", "#c62828"),
    ("note", "#7b3fb8"),
    ("empty", "#eeeeea"),
    ("focus", "#ffb000"),
];

/// The colours of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    colours: Vec<(&'static str, String)>,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            colours: ROLES.iter().map(|&(r, c)| (r, c.to_owned())).collect(),
        }
    }
}

impl Palette {
    /// Sets `role` to a CSS colour (`#rgb`, `#rrggbb`, `#rrggbbaa` or a colour name).
    pub(crate) fn set(&mut self, role: &str, colour: &str) -> Result<(), String> {
        let slot = self
            .colours
            .iter_mut()
            .find(|(r, _)| *r == role)
            .ok_or_else(|| format!("unknown colour role `{role}`"))?;
        if !is_colour(colour) {
            return Err(format!(
                "`{colour}` is not a colour (use #rrggbb or a colour name)"
            ));
        }
        slot.1 = colour.to_owned();
        Ok(())
    }

    pub(crate) fn get(&self, role: &str) -> Option<&str> {
        self.colours
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| c.as_str())
    }

    /// The `:root { --role: colour; … }` rule the stylesheet reads.
    pub(crate) fn css(&self) -> String {
        let vars: String = self
            .colours
            .iter()
            .map(|(r, c)| format!("--{r}:{c};"))
            .collect();
        format!(":root{{{vars}}}")
    }
}

impl Palette {
    /// The page in a reader theme's colours: each page role takes the colour of the
    /// theme role that means the same thing. Highlights that the terminal draws as
    /// coloured text become translucent backgrounds here, so text stays readable on
    /// any page background. A theme without colours (`mono`) gives a grey page.
    pub fn from_theme(theme: &Theme) -> Palette {
        let mut p = Palette::default();
        let fg = |r: Role| theme.paint(r).fg.and_then(Colour::rgb);
        let bg = |r: Role| theme.paint(r).bg.and_then(Colour::rgb);
        let background = bg(Role::Text).or(bg(Role::Overlay));
        let page = background.unwrap_or((0xfd, 0xfd, 0xfb));
        // Of a role's two colours, the one that stands out on the page.
        let vivid = |r: Role| match (fg(r), bg(r)) {
            (Some(f), Some(b)) => Some(if contrast(f, page) >= contrast(b, page) {
                f
            } else {
                b
            }),
            (f, b) => f.or(b),
        };
        let solid = |c: (u8, u8, u8)| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
        let tint = |c: (u8, u8, u8), alpha: u8| format!("{}{alpha:02x}", solid(c));
        let picks: [(&str, Option<String>); 14] = [
            ("background", background.map(solid)),
            ("text", fg(Role::Text).map(solid)),
            ("muted", fg(Role::Dim).map(solid)),
            ("border", fg(Role::Absent).map(|c| tint(c, 0x80))),
            ("surface", bg(Role::Linked).map(solid)),
            ("pivot", fg(Role::Gutter).map(solid)),
            ("link", fg(Role::Key).map(solid)),
            ("changed", fg(Role::ChangedWord).map(|c| tint(c, 0x55))),
            ("only-here", fg(Role::OnlyHere).map(|c| tint(c, 0x55))),
            (
                "unique",
                bg(Role::UniquePassage)
                    .map(solid)
                    .or(fg(Role::UniqueMark).map(|c| tint(c, 0x33))),
            ),
            ("disagreement", vivid(Role::Disagreement).map(solid)),
            ("note", fg(Role::NoteMark).map(solid)),
            ("empty", fg(Role::Absent).map(|c| tint(c, 0x33))),
            ("focus", fg(Role::Gutter).map(solid)),
        ];
        let coloured = picks.iter().any(|(_, c)| c.is_some());
        for (role, colour) in picks {
            let colour = match colour {
                Some(c) => c,
                // No colours at all: the default page in greys.
                None if !coloured => match p.get(role).and_then(parse_hex) {
                    Some(c) => {
                        let y = luminance(c);
                        solid((y, y, y))
                    }
                    None => continue,
                },
                None => continue,
            };
            // Colours built here are always plain hex, which `set` accepts.
            let _ = p.set(role, &colour);
        }
        p
    }
}

fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    let v = u32::from_str_radix(h.get(..6)?, 16).ok()?;
    Some(((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

/// Perceived brightness, 0–255 (Rec. 601 weights).
fn luminance((r, g, b): (u8, u8, u8)) -> u8 {
    ((299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000) as u8
}

fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> u8 {
    luminance(a).abs_diff(luminance(b))
}

/// Only plain colour syntax, so a theme file cannot smuggle CSS into the page.
fn is_colour(s: &str) -> bool {
    match s.strip_prefix('#') {
        Some(hex) => {
            matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
        }
        None => !s.is_empty() && s.len() <= 30 && s.chars().all(|c| c.is_ascii_alphabetic()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_become_css_variables() {
        let mut p = Palette::default();
        p.set("changed", "#123456").unwrap();
        assert!(p.css().contains("--changed:#123456;"));
        assert!(p.css().starts_with(":root{--background:"));
    }

    fn theme(name: &str) -> Theme {
        let cat = crate::theme::Catalog::load(None, crate::theme::Depth::TrueColor);
        cat.themes[cat.index_of(name).unwrap()].clone()
    }

    #[test]
    fn a_theme_maps_onto_the_page_roles() {
        let light = Palette::from_theme(&theme("light"));
        // light.toml: text #24292f, changed_word #9a6700, disagreement #cf222e.
        assert_eq!(light.get("text"), Some("#24292f"));
        assert_eq!(light.get("changed"), Some("#9a670055"));
        assert_eq!(light.get("disagreement"), Some("#cf222e"));
        assert_eq!(light.get("note"), Some("#8250df"));
        let dark = Palette::from_theme(&theme("dark"));
        assert_eq!(dark.get("background"), Some("#111827"));
        assert_ne!(dark.css(), light.css());
        // high-contrast draws disagreements black on yellow: the page takes the
        // yellow, which shows on its black background.
        let hc = Palette::from_theme(&theme("high-contrast"));
        assert_eq!(hc.get("background"), Some("#000000"));
        assert_eq!(hc.get("disagreement"), Some("#ffff00"));
        // mono has no colours: every role is a grey.
        let mono = Palette::from_theme(&theme("mono"));
        for (role, _) in ROLES {
            let c = parse_hex(mono.get(role).unwrap()).unwrap();
            assert!(c.0 == c.1 && c.1 == c.2, "{role}: {c:?}");
        }
    }

    #[test]
    fn only_colours_are_accepted() {
        let mut p = Palette::default();
        assert!(p.set("changed", "red;}body{display:none").is_err());
        assert!(p.set("changed", "url(http://x)").is_err());
        assert!(p.set("nonsense", "#fff").is_err());
        assert!(p.set("note", "rebeccapurple").is_ok());
        assert_eq!(p.get("note"), Some("rebeccapurple"));
    }

    #[test]
    fn the_stylesheet_uses_only_known_roles() {
        let css = include_str!("page.css");
        for var in css.split("var(--").skip(1) {
            let role = &var[..var.find(')').unwrap()];
            assert!(
                ROLES.iter().any(|(r, _)| *r == role),
                "page.css uses unknown role {role}"
            );
        }
        for (role, _) in ROLES {
            assert!(
                css.contains(&format!("var(--{role})")),
                "role {role} is never used"
            );
        }
    }
}
