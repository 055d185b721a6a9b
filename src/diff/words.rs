//! Word diff of two paired sentences (folded text), cleaned up for reading.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

pub use super::piece::Piece;
use super::{FigureChange, Tokenizer};
use crate::text::{is_blank, is_punct};

#[derive(Debug, Clone, Default)]
pub struct WordDiff {
    pub pieces: Vec<Piece>,
    pub figures: Vec<FigureChange>,
}

fn content_chars(s: &str) -> usize {
    s.chars().filter(|&c| !is_blank(c) && !is_punct(c)).count()
}

/// Diffs `old` against `new`. With `whole`, or when they are equal, there is no token diff: the
/// sentence is one piece.
pub fn diff(old: &str, new: &str, tokenizer: &dyn Tokenizer, deadline: Option<Instant>, whole: bool) -> WordDiff {
    if old == new {
        return WordDiff {
            pieces: vec![Piece {
                changed: false,
                old: 0..old.len(),
                new: 0..new.len(),
                figure: false,
                numbering: false,
            }],
            figures: Vec::new(),
        };
    }
    if whole {
        return WordDiff {
            pieces: vec![Piece {
                changed: true,
                old: 0..old.len(),
                new: 0..new.len(),
                figure: false,
                numbering: false,
            }],
            figures: Vec::new(),
        };
    }
    let (old_tokens, new_tokens) = (tokenizer.tokens(old), tokenizer.tokens(new));
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let mut old_ids = Vec::with_capacity(old_tokens.len());
    for r in &old_tokens {
        let next = ids.len() as u32;
        old_ids.push(*ids.entry(&old[r.clone()]).or_insert(next));
    }
    let mut new_ids = Vec::with_capacity(new_tokens.len());
    for r in &new_tokens {
        let next = ids.len() as u32;
        new_ids.push(*ids.entry(&new[r.clone()]).or_insert(next));
    }
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old_ids, &new_ids, deadline);

    let byte_range = |tokens: &[Range<usize>], r: Range<usize>, len: usize| -> Range<usize> {
        if r.is_empty() {
            let at = tokens.get(r.start).map_or(len, |t| t.start);
            at..at
        } else {
            tokens[r.start].start..tokens[r.end - 1].end
        }
    };
    let mut pieces: Vec<Piece> = Vec::new();
    for op in ops {
        let changed = !matches!(op, DiffOp::Equal { .. });
        let piece = Piece {
            changed,
            old: byte_range(&old_tokens, op.old_range(), old.len()),
            new: byte_range(&new_tokens, op.new_range(), new.len()),
            figure: false,
            numbering: false,
        };
        push_piece(&mut pieces, piece, old);
    }
    let figures = super::figures::mark_figures(&mut pieces, old, new, &old_tokens, &new_tokens);
    WordDiff { pieces, figures }
}

/// Diffs two sentences whose first `markers.0` and `markers.1` bytes are numbering markers: the
/// markers make a piece of their own, flagged as numbering and changed when they differ, and the
/// rest is diffed as by [`diff`]. So `二、加强` → `三、加强` is a renumbering, not an edit.
pub fn diff_numbered(
    old: &str,
    new: &str,
    markers: (usize, usize),
    tokenizer: &dyn Tokenizer,
    deadline: Option<Instant>,
    whole: bool,
) -> WordDiff {
    let (ml, mr) = markers;
    if ml == 0 && mr == 0 {
        return diff(old, new, tokenizer, deadline, whole);
    }
    let mut wd = diff(&old[ml..], &new[mr..], tokenizer, deadline, whole);
    for p in &mut wd.pieces {
        p.old = p.old.start + ml..p.old.end + ml;
        p.new = p.new.start + mr..p.new.end + mr;
    }
    wd.pieces.insert(
        0,
        Piece {
            changed: old[..ml] != new[..mr],
            old: 0..ml,
            new: 0..mr,
            figure: false,
            numbering: true,
        },
    );
    wd
}

/// Appends a piece, merging neighbouring changes and dissolving a one-character equal island
/// (`的`, `和`) caught between two changes into them.
fn push_piece(pieces: &mut Vec<Piece>, piece: Piece, old: &str) {
    if piece.old.is_empty() && piece.new.is_empty() {
        return;
    }
    if piece.changed {
        let n = pieces.len();
        if n >= 2
            && pieces[n - 2].changed
            && !pieces[n - 1].changed
            && content_chars(&old[pieces[n - 1].old.clone()]) <= 1
        {
            let island = pieces.pop().expect("n >= 2");
            let before = pieces.last_mut().expect("n >= 2");
            before.old.end = piece.old.end.max(island.old.end);
            before.new.end = piece.new.end.max(island.new.end);
            return;
        }
        if let Some(last) = pieces.last_mut().filter(|l| l.changed) {
            last.old.end = piece.old.end;
            last.new.end = piece.new.end;
            return;
        }
    }
    pieces.push(piece);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::CharTokenizer;

    fn render(old: &str, new: &str) -> String {
        let wd = diff(old, new, &CharTokenizer, None, false);
        let mut out = String::new();
        for p in &wd.pieces {
            if p.changed {
                if !p.old.is_empty() {
                    out += &format!("[-{}-]", &old[p.old.clone()]);
                }
                if !p.new.is_empty() {
                    out += &format!("{{+{}+}}", &new[p.new.clone()]);
                }
            } else {
                out += &old[p.old.clone()];
            }
        }
        out
    }

    #[test]
    fn changed_figure_is_one_token_and_marked() {
        assert_eq!(
            render("提供法律咨询16次。", "提供法律咨询119次。"),
            "提供法律咨询[-16次-]{+119次+}。"
        );
        let wd = diff("提供法律咨询16次。", "提供法律咨询119次。", &CharTokenizer, None, false);
        assert_eq!(
            wd.figures,
            [FigureChange {
                context: "提供法律咨询".into(),
                before: "16次".into(),
                after: "119次".into(),
                change: Some("+103次".into()),
            }]
        );
    }

    #[test]
    fn a_figure_leading_a_longer_change_is_listed() {
        let old = "全年审查合同35份,提供法律咨询16次,有效防范了法律风险。";
        let new = "全年审查合同52份,提供法律咨询119次。";
        let wd = diff(old, new, &CharTokenizer, None, false);
        let moved: Vec<(String, String)> = wd.figures.iter().map(|f| (f.before.clone(), f.after.clone())).collect();
        assert_eq!(
            moved,
            [
                ("35份".to_string(), "52份".to_string()),
                ("16次".to_string(), "119次".to_string())
            ]
        );
        assert_eq!(wd.figures[1].context, "提供法律咨询");
        // Different units are different quantities.
        let wd = diff("培训16次,效果好。", "培训16人。", &CharTokenizer, None, false);
        assert!(wd.figures.is_empty(), "{:?}", wd.figures);
    }

    #[test]
    fn one_character_islands_are_absorbed() {
        // 的 alone between two changes would be confetti.
        let r = render("甲乙的丙丁", "戊己的庚辛");
        assert_eq!(r, "[-甲乙的丙丁-]{+戊己的庚辛+}");
    }

    #[test]
    fn whole_mode_compares_sentences_as_units() {
        let wd = diff("甲乙丙", "甲乙丁", &CharTokenizer, None, true);
        assert_eq!(wd.pieces.len(), 1);
        assert!(wd.pieces[0].changed);
    }
}
