//! The reader's settings: `config.toml` in the platform config directory
//! (`~/.config/parallax/config.toml` on Linux), or the file named by `--config` or
//! `PARALLAX_CONFIG`. Every setting is optional:
//!
//! ```toml
//! theme = "dark"          # dark, light, high-contrast, colorblind, mono, or a user theme
//! view = "reading"        # reading, aligned, coverage
//! pivot = 1               # the source the others are compared with (1 = first)
//! color = "auto"          # auto, truecolor, 256, 16, none
//! mouse = true
//!
//! [keys]                  # action = key or [keys]; replaces that action's defaults
//! next_passage = ["j", "down"]
//! quit = "q"
//! ```
//!
//! An unknown key or a bad value is a warning naming it, and the rest still applies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::app::{Command, ViewKind};
use crate::key::Key;
use crate::keymap::{Keymap, KeymapError};
use parallax_core::theme::Depth;

/// Settings from the command line, which win over the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub theme: Option<String>,
    pub view: Option<ViewKind>,
    pub config: Option<PathBuf>,
    /// Whether `--pivot` was given (then the file's `pivot` is ignored).
    pub pivot_given: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Config {
    pub(crate) theme: Option<String>,
    pub(crate) view: Option<ViewKind>,
    /// 0-based.
    pub(crate) pivot: Option<usize>,
    /// `None`: detect from the environment.
    pub(crate) color: Option<Depth>,
    pub(crate) mouse: bool,
    /// Actions whose keys the file replaces.
    pub(crate) keys: BTreeMap<Command, Vec<Key>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: None,
            view: None,
            pivot: None,
            color: None,
            mouse: true,
            keys: BTreeMap::new(),
        }
    }
}

/// A parsed file and what was wrong with it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Loaded {
    pub(crate) config: Config,
    pub(crate) path: Option<PathBuf>,
    pub(crate) warnings: Vec<String>,
}

/// `<platform config dir>/parallax`.
pub fn dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("parallax"))
}

/// Which file to read: `--config`, else `PARALLAX_CONFIG`, else the default one.
/// The bool says whether the user named it (then it must exist).
pub(crate) fn locate(flag: Option<&Path>, env: Option<PathBuf>) -> Option<(PathBuf, bool)> {
    match (flag, env) {
        (Some(f), _) => Some((f.to_path_buf(), true)),
        (None, Some(e)) if !e.as_os_str().is_empty() => Some((e, true)),
        _ => dir().map(|d| (d.join("config.toml"), false)),
    }
}

/// Reads the config file; only a file the user named that cannot be read is an error.
pub(crate) fn load(flag: Option<&Path>) -> Result<Loaded, String> {
    let Some((path, named)) = locate(flag, std::env::var_os("PARALLAX_CONFIG").map(PathBuf::from))
    else {
        return Ok(Loaded::default());
    };
    let shown = parallax_core::sanitize::one_line(&path.display().to_string());
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let mut loaded = parse(&text, &shown);
            loaded.path = Some(path);
            Ok(loaded)
        }
        Err(e) if !named && e.kind() == std::io::ErrorKind::NotFound => Ok(Loaded::default()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(format!("{shown}: no such config file"))
        }
        Err(e) => Err(format!("{shown}: cannot read the config file: {e}")),
    }
}

/// Parses config text; `label` names the file in warnings.
pub(crate) fn parse(text: &str, label: &str) -> Loaded {
    let mut out = Loaded::default();
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let e: toml::de::Error = e;
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
            let at = line.map_or(String::new(), |l| format!(" (line {l})"));
            out.warnings.push(format!(
                "{label}{at}: {}; using the defaults",
                e.message().trim()
            ));
            return out;
        }
    };
    let warn = |w: &mut Vec<String>, key: &str, msg: &str| w.push(format!("{label}: {key}: {msg}"));
    for (key, value) in &table {
        let w = &mut out.warnings;
        match key.as_str() {
            "theme" => match value.as_str() {
                Some(s) => out.config.theme = Some(s.to_owned()),
                None => warn(w, key, "expected a theme name in quotes"),
            },
            "view" => match value.as_str().and_then(ViewKind::parse) {
                Some(v) => out.config.view = Some(v),
                None => warn(
                    w,
                    key,
                    &format!("expected one of {}", ViewKind::NAMES.join(", ")),
                ),
            },
            "pivot" => match value.as_integer() {
                Some(n) if n >= 1 => out.config.pivot = Some(n as usize - 1),
                _ => warn(w, key, "expected a source number, 1 or more"),
            },
            "color" | "colour" => match value.as_str() {
                Some("auto") => out.config.color = None,
                Some(s) if Depth::parse(s).is_some() => out.config.color = Depth::parse(s),
                _ => warn(w, key, "expected auto, truecolor, 256, 16 or none"),
            },
            "mouse" => match value.as_bool() {
                Some(b) => out.config.mouse = b,
                None => warn(w, key, "expected true or false"),
            },
            "keys" => match value.as_table() {
                Some(keys) => out.config.keys = parse_keys(keys, label, w),
                None => warn(w, key, "expected a table: [keys]"),
            },
            _ => warn(w, key, "unknown setting (ignored)"),
        }
    }
    out
}

fn parse_keys(
    table: &toml::Table,
    label: &str,
    warnings: &mut Vec<String>,
) -> BTreeMap<Command, Vec<Key>> {
    let mut out = BTreeMap::new();
    for (name, value) in table {
        let Ok(action) = toml::Value::String(name.clone()).try_into::<Command>() else {
            warnings.push(format!("{label}: keys.{name}: unknown action (ignored)"));
            continue;
        };
        let specs: Vec<&str> = match value {
            toml::Value::String(s) => vec![s.as_str()],
            toml::Value::Array(a) if a.iter().all(toml::Value::is_str) => {
                a.iter().filter_map(toml::Value::as_str).collect()
            }
            _ => {
                warnings.push(format!(
                    "{label}: keys.{name}: expected a key or a list of keys"
                ));
                continue;
            }
        };
        let mut keys = Vec::new();
        for spec in specs {
            match Key::parse(spec) {
                Ok(k) => keys.push(k),
                Err(e) => warnings.push(format!("{label}: keys.{name}: {e} (ignored)")),
            }
        }
        out.insert(action, keys);
    }
    out
}

impl Config {
    /// The keymap this config asks for; conflicting bindings are refused.
    pub(crate) fn keymap(&self) -> Result<Keymap, KeymapError> {
        Keymap::with_overrides(&self.keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses_without_warnings() {
        let l = parse(
            "theme = \"light\"\nview = \"aligned\"\npivot = 2\ncolor = \"256\"\nmouse = false\n[keys]\nnext_passage = [\"J\", \"down\"]\nquit = \"ctrl-q\"\n",
            "c.toml",
        );
        assert!(l.warnings.is_empty(), "{:?}", l.warnings);
        assert_eq!(l.config.theme.as_deref(), Some("light"));
        assert_eq!(l.config.view, Some(ViewKind::Aligned));
        assert_eq!(l.config.pivot, Some(1));
        assert_eq!(l.config.color, Some(Depth::Ansi256));
        assert!(!l.config.mouse);
        let k = l.config.keymap().unwrap();
        assert_eq!(k.action(Key::ch('J')), Some(Command::NextPassage));
        assert_eq!(k.action(Key::ctrl('q')), Some(Command::Quit));
        assert_eq!(k.action(Key::ch('q')), None);
    }

    #[test]
    fn unknown_keys_and_bad_values_warn_by_name_and_the_rest_applies() {
        let l = parse(
            "colour_scheme = 1\nview = \"sideways\"\npivot = 0\ntheme = \"light\"\n[keys]\nfly = \"f\"\nquit = \"hyper-q\"\n",
            "c.toml",
        );
        let all = l.warnings.join("\n");
        for needle in ["colour_scheme", "view", "pivot", "keys.fly", "keys.quit"] {
            assert!(all.contains(needle), "no warning for {needle}: {all}");
        }
        assert!(all.lines().all(|w| w.starts_with("c.toml: ")), "{all}");
        assert_eq!(l.config.theme.as_deref(), Some("light"));
    }

    #[test]
    fn a_syntax_error_names_the_line_and_keeps_defaults() {
        let l = parse("theme = \"dark\"\nview = \n", "c.toml");
        assert_eq!(l.warnings.len(), 1);
        assert!(l.warnings[0].contains("line 2"), "{:?}", l.warnings);
        assert_eq!(l.config, Config::default());
    }

    #[test]
    fn conflicting_keys_in_the_file_are_refused() {
        let l = parse("[keys]\nfocus_next = \"j\"\n", "c.toml");
        assert!(l.warnings.is_empty());
        assert!(l.config.keymap().is_err());
    }

    #[test]
    fn a_named_file_must_exist_but_the_default_may_be_missing() {
        let err = load(Some(Path::new("/nonexistent/parallax.toml"))).unwrap_err();
        assert!(
            err.contains("/nonexistent/parallax.toml") && err.contains("no such"),
            "{err}"
        );
        assert_eq!(
            locate(None, Some(PathBuf::from("/x.toml"))),
            Some((PathBuf::from("/x.toml"), true))
        );
        assert_eq!(
            locate(Some(Path::new("/a.toml")), Some(PathBuf::from("/x.toml"))).map(|l| l.0),
            Some(PathBuf::from("/a.toml"))
        );
    }
}
