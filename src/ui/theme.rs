//! Looks to styles. Every highlight also carries a modifier (bold, underline, strike-through,
//! reverse), so changes stay visible in 16-colour terminals and with `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;
use crate::view::lines::{Look, Seg};

/// Styles for everything the ui paints.
#[derive(Debug, Clone)]
pub struct Theme {
    pub plain: Style,
    pub deleted: Style,
    pub inserted: Style,
    pub moved: Style,
    pub header: Style,
    pub dim: Style,
    pub linked: Style,
    pub figure: Style,
    pub matched: Style,
    /// The match `n`/`N` went to, apart from the others.
    pub current_match: Style,
    /// The lines of the change `}`/`{` went to.
    pub current_change: Style,
    pub selected: Style,
    pub title: Style,
    pub status: Style,
    pub border: Style,
}

impl Theme {
    /// Sixteen-colour theme for dark backgrounds.
    pub fn color() -> Self {
        Theme {
            plain: Style::new(),
            deleted: Style::new().fg(Color::Red).add_modifier(Modifier::CROSSED_OUT),
            inserted: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            moved: Style::new().fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            header: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            linked: Style::new().fg(Color::Yellow),
            figure: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::UNDERLINED),
            current_match: Style::new()
                .bg(Color::Magenta)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            current_change: Style::new().bg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// The theme a configuration names.
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Dark => Self::color(),
            ThemeName::Light => Self::light(),
            ThemeName::Mono => Self::monochrome(),
        }
    }

    /// For light backgrounds: no yellow or cyan text, which fades on white.
    pub fn light() -> Self {
        Theme {
            moved: Style::new().fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            linked: Style::new().fg(Color::Blue),
            matched: Style::new()
                .bg(Color::LightYellow)
                .fg(Color::Black)
                .add_modifier(Modifier::UNDERLINED),
            current_change: Style::new().bg(Color::Gray),
            ..Self::color()
        }
    }

    /// No colour at all (`NO_COLOR`): modifiers only.
    pub fn monochrome() -> Self {
        Theme {
            plain: Style::new(),
            deleted: Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
            inserted: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            moved: Style::new().add_modifier(Modifier::ITALIC),
            header: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            linked: Style::new().add_modifier(Modifier::BOLD),
            figure: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            current_match: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::ITALIC),
            current_change: Style::new().add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new(),
        }
    }

    /// The style of a segment: its look, toned down when stock, then figure and match highlights on
    /// top.
    pub fn of(&self, seg: &Seg) -> Style {
        let mut style = match seg.look {
            Look::Plain => self.plain,
            Look::Deleted => self.deleted,
            Look::Inserted => self.inserted,
            Look::Moved => self.moved,
            Look::Header => self.header,
            Look::Dim => self.dim,
        };
        if seg.stock {
            // Toned down, yet in its change's colour (and strike-through or underline).
            style = style.remove_modifier(Modifier::BOLD).add_modifier(Modifier::DIM);
        }
        if seg.figure {
            style = style.patch(self.figure);
        }
        if seg.matched.is_some() {
            style = style.patch(self.matched);
        }
        style
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_wording_is_toned_down_but_a_change_keeps_its_colour_and_mark() {
        let stock = |look| Seg {
            stock: true,
            ..Seg::new("高度重视", look)
        };
        for theme in [Theme::color(), Theme::light(), Theme::monochrome()] {
            let inserted = theme.of(&stock(Look::Inserted));
            assert_eq!(inserted.fg, theme.inserted.fg);
            assert!(inserted.add_modifier.contains(Modifier::DIM));
            assert!(
                !inserted.add_modifier.contains(Modifier::BOLD),
                "bold and faint do not mix"
            );
            let deleted = theme.of(&stock(Look::Deleted));
            assert!(deleted.add_modifier.contains(Modifier::CROSSED_OUT | Modifier::DIM));
            assert!(theme.of(&stock(Look::Plain)).add_modifier.contains(Modifier::DIM));
        }
        let mono = Theme::monochrome().of(&stock(Look::Inserted));
        assert!(
            mono.add_modifier.contains(Modifier::UNDERLINED),
            "without colour, still underlined"
        );
    }
}
