//! The terminal: setup and teardown, the event loop, and drawing. The only module
//! that imports ratatui and crossterm.

mod input;
mod paint;
pub(crate) mod render;
mod session;

pub use session::{Session, Settings};

use std::io;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::config::{self, Overrides};
use parallax_core::compare::Comparison;
use parallax_core::review::Review;
use parallax_core::theme::{Catalog, Depth};

/// Reads the config, then runs the reader until the user quits. Warnings (a bad
/// config value, an unknown theme) are shown in the status line and printed again on
/// stderr afterwards; an error comes back as one line for the caller to print.
pub fn run(
    comparison: Comparison,
    pivot: usize,
    review: Option<Review>,
    overrides: Overrides,
) -> Result<(), String> {
    let (mut settings, warnings, mouse) = settings(&comparison, pivot, overrides)?;
    settings.review = review;
    let mut session = Session::new(comparison, settings);
    if let Some(first) = warnings.first() {
        let more = if warnings.len() > 1 {
            format!(" (+{} more, printed on exit)", warnings.len() - 1)
        } else {
            String::new()
        };
        session.dispatch(crate::app::Action::Warn(format!("{first}{more}")));
    }
    let mut terminal = ratatui::init();
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
        // ratatui's panic hook restores the screen; also give the mouse back.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            previous(info);
        }));
    }
    let result = event_loop(&mut terminal, &mut session);
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    for w in &warnings {
        eprintln!(
            "parallax: warning: {}",
            parallax_core::sanitize::one_line(w)
        );
    }
    result.map_err(|e| format!("terminal error: {e}"))
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, session: &mut Session) -> io::Result<()> {
    loop {
        terminal.draw(|f| session.draw(f))?;
        if session.quit() {
            return Ok(());
        }
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                if let Some(key) = input::key(k) {
                    session.key(key);
                }
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => session.click(m.column, m.row),
                MouseEventKind::ScrollDown => session.wheel(3),
                MouseEventKind::ScrollUp => session.wheel(-3),
                _ => {}
            },
            // A resize needs nothing but the redraw at the top of the loop.
            _ => {}
        }
    }
}

/// Everything the session needs from the config file and the command line.
fn settings(
    comparison: &Comparison,
    pivot: usize,
    o: Overrides,
) -> Result<(Settings, Vec<String>, bool), String> {
    let loaded = config::load(o.config.as_deref())?;
    let label = loaded.path.as_ref().map_or("config".to_owned(), |p| {
        parallax_core::sanitize::one_line(&p.display().to_string())
    });
    let mut warnings = loaded.warnings;
    let cfg = loaded.config;
    let depth = cfg
        .color
        .unwrap_or_else(|| Depth::detect(|k| std::env::var(k).ok()));
    let catalog = Catalog::load(config::dir().map(|d| d.join("themes")).as_deref(), depth);
    warnings.extend(catalog.warnings.iter().cloned());
    let names = catalog.names().join(", ");
    let theme = match (&o.theme, &cfg.theme) {
        (Some(t), _) => match catalog.index_of(t) {
            Some(i) => i,
            None if depth == Depth::None => {
                warnings.push(format!(
                    "--theme {t}: colours are off (NO_COLOR or color = \"none\"), using mono"
                ));
                0
            }
            None => {
                return Err(format!(
                    "--theme {}: no such theme (have: {names})",
                    parallax_core::sanitize::one_line(t)
                ));
            }
        },
        (None, Some(t)) => catalog.index_of(t).unwrap_or_else(|| {
            if depth != Depth::None {
                warnings.push(format!(
                    "{label}: theme: no theme {:?} (have: {names}); using dark",
                    parallax_core::sanitize::one_line(t)
                ));
            }
            catalog.index_of("dark").unwrap_or(0)
        }),
        (None, None) => catalog.index_of("dark").unwrap_or(0),
    };
    let keymap = cfg.keymap().unwrap_or_else(|e| {
        warnings.push(format!("{label}: keys: {e}; using the default keys"));
        crate::keymap::Keymap::default()
    });
    let n = comparison.sources.len();
    let pivot = match cfg.pivot {
        Some(p) if !o.pivot_given && p < n => p,
        Some(p) if !o.pivot_given => {
            warnings.push(format!(
                "{label}: pivot: {} but there are only {n} sources",
                p + 1
            ));
            pivot
        }
        _ => pivot,
    };
    let view = o.view.or(cfg.view).unwrap_or(crate::app::ViewKind::Reading);
    Ok((
        Settings {
            pivot,
            view,
            keymap,
            catalog,
            theme,
            review: None,
        },
        warnings,
        cfg.mouse,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::document::{Document, Format};
    use parallax_core::source::Source;

    fn comparison() -> Comparison {
        let texts = [
            "The ferry ran aground at dawn. Twelve were hurt.",
            "The ferry ran aground early. Eleven were hurt.",
            "Fog was thick.",
        ];
        Comparison::new(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    Source::new(
                        Document::from_bytes(&format!("{i}.txt"), t.as_bytes(), Format::Text)
                            .unwrap(),
                    )
                })
                .collect(),
        )
    }

    fn with_config(text: &str, o: Overrides) -> Result<(Settings, Vec<String>, bool), String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, format!("color = \"truecolor\"\n{text}")).unwrap();
        settings(
            &comparison(),
            0,
            Overrides {
                config: Some(path),
                ..o
            },
        )
    }

    #[test]
    fn config_pivot_view_and_theme_apply_unless_the_command_line_says_otherwise() {
        let (s, w, mouse) = with_config(
            "pivot = 2\nview = \"coverage\"\ntheme = \"light\"\nmouse = false\n",
            Overrides::default(),
        )
        .unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            (
                s.pivot,
                s.view,
                s.catalog.themes[s.theme].name.as_str(),
                mouse
            ),
            (1, crate::app::ViewKind::Coverage, "light", false)
        );
        let o = Overrides {
            pivot_given: true,
            theme: Some("colorblind".into()),
            view: Some(crate::app::ViewKind::Aligned),
            ..Overrides::default()
        };
        let (s, _, _) =
            with_config("pivot = 2\nview = \"coverage\"\ntheme = \"light\"\n", o).unwrap();
        assert_eq!(
            (s.pivot, s.view, s.catalog.themes[s.theme].name.as_str()),
            (0, crate::app::ViewKind::Aligned, "colorblind")
        );
    }

    #[test]
    fn an_unknown_theme_flag_is_an_error_but_in_the_file_a_warning() {
        let err = with_config(
            "",
            Overrides {
                theme: Some("neon".into()),
                ..Overrides::default()
            },
        )
        .err()
        .unwrap();
        assert!(
            err.contains("--theme neon") && err.contains("dark, light"),
            "{err}"
        );
        let (s, w, _) = with_config("theme = \"neon\"\n", Overrides::default()).unwrap();
        assert_eq!(s.catalog.themes[s.theme].name, "dark");
        assert!(
            w.iter().any(|w| w.contains("theme") && w.contains("neon")),
            "{w:?}"
        );
    }

    #[test]
    fn conflicting_keys_fall_back_to_the_defaults_with_a_warning_naming_both() {
        let (s, w, _) = with_config("[keys]\nfocus_next = \"j\"\n", Overrides::default()).unwrap();
        assert!(
            w.iter()
                .any(|w| w.contains("next_passage") && w.contains("focus_next")),
            "{w:?}"
        );
        assert_eq!(
            s.keymap.action(crate::key::Key::ch('j')),
            Some(crate::app::Command::NextPassage)
        );
    }

    #[test]
    fn a_pivot_beyond_the_sources_is_a_warning() {
        let (s, w, _) = with_config("pivot = 9\n", Overrides::default()).unwrap();
        assert_eq!(s.pivot, 0);
        assert!(
            w.iter()
                .any(|w| w.contains("pivot") && w.contains("only 3")),
            "{w:?}"
        );
    }

    #[test]
    fn a_missing_named_config_file_is_an_error() {
        let o = Overrides {
            config: Some("/nonexistent/parallax.toml".into()),
            ..Overrides::default()
        };
        assert!(
            settings(&comparison(), 0, o)
                .err()
                .unwrap()
                .contains("/nonexistent/parallax.toml")
        );
    }
}
