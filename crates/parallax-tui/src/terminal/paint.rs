//! Theme paints → ratatui styles. The theme has already reduced colours to what the
//! terminal shows; this only translates.

use ratatui::style::{Color, Modifier, Style};

use crate::view::Span;
use parallax_core::theme::{Colour, Paint, Role, Theme};

fn colour(c: Colour) -> Color {
    match c {
        Colour::Reset => Color::Reset,
        Colour::Ansi(i) => [
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
        ][usize::from(i & 15)],
        Colour::Indexed(i) => Color::Indexed(i),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

pub(crate) fn style(p: Paint) -> Style {
    let mut s = Style::default();
    if let Some(fg) = p.fg {
        s = s.fg(colour(fg));
    }
    if let Some(bg) = p.bg {
        s = s.bg(colour(bg));
    }
    let flags = [
        (p.bold, Modifier::BOLD),
        (p.dim, Modifier::DIM),
        (p.italic, Modifier::ITALIC),
        (p.underline, Modifier::UNDERLINED),
        (p.reversed, Modifier::REVERSED),
    ];
    for (on, m) in flags {
        if on {
            s = s.add_modifier(m);
        }
    }
    s
}

pub(crate) fn role(theme: &Theme, r: Role) -> Style {
    style(theme.paint(r))
}

/// A span's style: its role drawn over its background role.
pub(crate) fn span(theme: &Theme, s: &Span) -> Style {
    let under = s.back.map(|b| theme.paint(b)).unwrap_or_default();
    style(theme.paint(s.role).over(under))
}
