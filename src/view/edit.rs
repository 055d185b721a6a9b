//! Opening the focused report's file in the user's editor at the line of the sentence at the
//! cursor (text reports: the lines of a .docx or a PDF are not a file's lines).

use super::{App, Effect};
use crate::load::Format;

impl App {
    /// Asks the terminal side for the editor at the current change's sentence of the focused
    /// report (the row's first sentence when there is no change).
    pub(super) fn open_in_editor(&mut self) {
        let Some((side, unit)) = self.unit_at_cursor() else {
            self.message = Some("nothing here to open".into());
            return;
        };
        let doc = self.cmp.doc(side);
        if doc.format != Format::Text {
            self.message = Some(format!(
                "{} is {}: open it in its own program (the editor opens text reports)",
                doc.file,
                doc.source_kind()
            ));
            return;
        }
        let row = &self.cmp.alignment.rows[self.row];
        let u = &self.cmp.diffs[self.row].units[side][unit];
        let sentence = row.passages[side][u.passage()].text[u.range()].to_string();
        let path = std::path::PathBuf::from(&doc.path);
        // The file as it is now, read as the report was: its encoding, its lines.
        let text = crate::load::load(&path, &crate::load::LoadOptions::default()).map(|s| s.text);
        let line = match text {
            Ok(text) => crate::text::line_holding(&text, &sentence),
            Err(e) => {
                self.message = Some(crate::text::one_line(&e.to_string()));
                return;
            }
        };
        self.message = Some(match line {
            Some(n) => format!("{} opened at line {n}", doc.file),
            None => format!(
                "{}: the sentence is no longer in the file; opened at its start",
                doc.file
            ),
        });
        self.effects.push(Effect::Edit {
            path,
            line: line.unwrap_or(1),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::keys::Action;
    use crate::view::{Effect, Input};

    #[test]
    fn the_editor_is_asked_for_at_the_line_of_the_current_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (old, new) = (dir.path().join("2023.txt"), dir.path().join("2024.txt"));
        let texts = [crate::view::testing::OLD, crate::view::testing::NEW];
        std::fs::write(&old, texts[0]).expect("writes");
        std::fs::write(&new, texts[1]).expect("writes");
        let load = |p: &std::path::Path| {
            crate::outline::outline(&crate::load::load(p, &crate::load::LoadOptions::default()).expect("loads"))
        };
        let cmp = crate::compare::Comparison::build(load(&old), load(&new), &crate::topics::Taxonomy::builtin());
        let mut app = crate::view::App::new(cmp, crate::topics::Taxonomy::builtin(), crate::keys::Keymap::builtin());
        app.update(Input::Resize { width: 120, height: 30 });
        let study = app.cmp.row_labelled("学法普法").expect("row");
        app.update(Input::Action(Action::NextRow, study));
        app.update(Input::Action(Action::NextChange, 1));
        app.update(Input::Action(Action::FocusRight, 1));
        app.update(Input::Action(Action::OpenInEditor, 1));
        assert_eq!(
            app.effects,
            [Effect::Edit {
                path: new.clone(),
                line: 5
            }],
            "组织学法8次 is on line 5: {:?}",
            app.message
        );
    }
}
