//! The report's colours, by semantic role (the same roles as the reader's theme), in
//! one place: the page's CSS only ever uses `var(--role)`, so a theme maps onto it by
//! setting roles, never by editing the stylesheet.

/// Every role the stylesheet uses, with the default (light, print-safe) colour.
pub const ROLES: [(&str, &str); 14] = [
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
    pub fn set(&mut self, role: &str, colour: &str) -> Result<(), String> {
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

    pub fn get(&self, role: &str) -> Option<&str> {
        self.colours
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| c.as_str())
    }

    /// The `:root { --role: colour; … }` rule the stylesheet reads.
    pub fn css(&self) -> String {
        let vars: String = self
            .colours
            .iter()
            .map(|(r, c)| format!("--{r}:{c};"))
            .collect();
        format!(":root{{{vars}}}")
    }
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
