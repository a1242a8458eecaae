//! The terminal: setup and teardown, the event loop, and drawing. The only module
//! that imports ratatui and crossterm.

mod input;
mod paint;
pub mod render;
mod session;

pub use session::{Session, Settings};

use std::io;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::compare::Comparison;
use crate::config::{self, Overrides};
use crate::theme::{Catalog, Depth};

/// Reads the config, then runs the reader until the user quits. Warnings (a bad
/// config value, an unknown theme) are shown in the status line and printed again on
/// stderr afterwards; an error comes back as one line for the caller to print.
pub fn run(comparison: Comparison, pivot: usize, overrides: Overrides) -> Result<(), String> {
    let (settings, warnings, mouse) = settings(&comparison, pivot, overrides)?;
    let mut session = Session::new(comparison, settings);
    if let Some(first) = warnings.first() {
        let more = if warnings.len() > 1 {
            format!(" (+{} more, printed on exit)", warnings.len() - 1)
        } else {
            String::new()
        };
        session.app.warn(format!("{first}{more}"));
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
        eprintln!("parallax: warning: {w}");
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
        crate::sanitize::one_line(&p.display().to_string())
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
                    crate::sanitize::one_line(t)
                ));
            }
        },
        (None, Some(t)) => catalog.index_of(t).unwrap_or_else(|| {
            if depth != Depth::None {
                warnings.push(format!(
                    "{label}: theme: no theme {:?} (have: {names}); using dark",
                    crate::sanitize::one_line(t)
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
        },
        warnings,
        cfg.mouse,
    ))
}
