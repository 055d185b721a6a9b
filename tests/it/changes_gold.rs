//! Every change of a pair reported as what it is, against gold written by hand
//! (`tests/fixtures/changes/`): each sentence of both reports is added, dropped, rewritten, moved or
//! unchanged, and the comparison must say the same of it in every row that shows it. The dev pairs
//! are what the rules were tuned on; the held-out pairs were written with them and never tuned on.
//! Scores print with `cargo test --test it changes_gold -- --nocapture`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use duibi::compare::Comparison;
use duibi::load::SourceText;
use duibi::outline::outline;
use duibi::sides::Side;
use duibi::topics::Taxonomy;

#[derive(serde::Deserialize)]
struct Gold {
    pair: Vec<Pair>,
}

#[derive(serde::Deserialize)]
struct Pair {
    left: String,
    right: String,
    changes: Vec<Change>,
    #[serde(default)]
    swaps: Vec<[Vec<String>; 2]>,
    #[serde(default)]
    together: Vec<Vec<String>>,
}

#[derive(serde::Deserialize)]
struct Change {
    kind: String,
    text: String,
}

/// What the comparison says of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Same,
    Rewritten,
    Moved,
    Added,
    Dropped,
}

impl Status {
    fn parse(s: &str) -> Status {
        match s {
            "rewritten" => Status::Rewritten,
            "moved" => Status::Moved,
            "added" => Status::Added,
            "dropped" => Status::Dropped,
            other => panic!("unknown kind {other}"),
        }
    }
}

/// Every sentence of one side as the comparison shows it: its text, and for each row that shows
/// it, the row and its status there.
fn statuses(c: &Comparison, side: Side) -> BTreeMap<String, Vec<(usize, Status)>> {
    let mut out: BTreeMap<String, Vec<(usize, Status)>> = BTreeMap::new();
    for (r, (row, d)) in c.alignment.rows.iter().zip(c.diffs.iter()).enumerate() {
        let passages = &row.passages[side];
        for (k, u) in d.units[side].iter().enumerate() {
            let text = passages[u.passage()].text[u.range()].trim().to_string();
            let link = d.links.iter().find(|l| l.unit(side) == k);
            let status = match link {
                None if side == Side::Left => Status::Dropped,
                None => Status::Added,
                Some(l) if l.moved => Status::Moved,
                Some(l) if l.changed => Status::Rewritten,
                Some(_) => Status::Same,
            };
            out.entry(text).or_default().push((r, status));
        }
    }
    out
}

/// The sentence of `shown` that holds `fragment`: exactly one must.
fn find<'a>(shown: &'a BTreeMap<String, Vec<(usize, Status)>>, fragment: &str, file: &str) -> &'a str {
    let hits: Vec<&String> = shown.keys().filter(|s| s.contains(fragment)).collect();
    assert_eq!(
        hits.len(),
        1,
        "{file}: {fragment:?} must name one sentence, names {hits:?}"
    );
    hits[0]
}

/// Judgements on what changed (each change named in the gold, each swap and each group that
/// must stay together), and unchanged sentences shown as changed.
#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    total: usize,
    false_marks: usize,
}

impl Tally {
    fn record(&mut self, ok: bool, mistake: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.right += 1;
        } else {
            eprintln!("  {}", mistake());
        }
    }

    fn add(&mut self, other: Tally) {
        self.right += other.right;
        self.total += other.total;
        self.false_marks += other.false_marks;
    }
}

/// Scores one pair, with every mistake printed.
fn score_pair(dir: &Path, pair: &Pair, tax: &Taxonomy) -> Tally {
    let doc = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).expect("sample report");
        outline(&SourceText::from_bytes(name.to_string(), &bytes).expect("decodes"))
    };
    let mut c = Comparison::build(doc(&pair.left), doc(&pair.right), tax);
    let tokenizer = c.segmenter();
    c.diff_all(&tokenizer, std::time::Duration::from_secs(30));
    let shown = [statuses(&c, Side::Left), statuses(&c, Side::Right)];
    // The status each sentence should have; unnamed ones are unchanged.
    let mut want: [BTreeMap<String, Status>; 2] = [BTreeMap::new(), BTreeMap::new()];
    for (k, side) in shown.iter().enumerate() {
        for s in side.keys() {
            want[k].insert(s.clone(), Status::Same);
        }
    }
    for ch in &pair.changes {
        let kind = Status::parse(&ch.kind);
        let k = usize::from(kind != Status::Dropped);
        let file = if k == 0 { &pair.left } else { &pair.right };
        let s = find(&shown[k], &ch.text, file).to_string();
        want[k].insert(s, kind);
    }
    let mut tally = Tally::default();
    // A swap: one group moved, the other not; judged as a whole.
    let mut in_swaps = BTreeSet::new();
    for [a, b] in &pair.swaps {
        let group = |g: &Vec<String>| -> Vec<String> {
            g.iter().map(|f| find(&shown[1], f, &pair.right).to_string()).collect()
        };
        let (a, b) = (group(a), group(b));
        let moved = |g: &[String]| g.iter().all(|s| shown[1][s].iter().all(|&(_, st)| st == Status::Moved));
        let still = |g: &[String]| g.iter().all(|s| shown[1][s].iter().all(|&(_, st)| st != Status::Moved));
        tally.record((moved(&a) && still(&b)) || (moved(&b) && still(&a)), || {
            format!("{}: one of {a:?} and {b:?} should be moved, the other not", pair.right)
        });
        in_swaps.extend(a.into_iter().chain(b));
    }
    for k in 0..2 {
        for (sentence, &expected) in &want[k] {
            if k == 1 && in_swaps.contains(sentence) {
                // Whatever else it is, judged without the move.
                let got: BTreeSet<Status> = shown[1][sentence]
                    .iter()
                    .map(|&(_, s)| if s == Status::Moved { expected } else { s })
                    .collect();
                tally.record(got.len() == 1 && got.contains(&expected), || {
                    format!("{}: {sentence:?} should be {expected:?}, is {got:?}", pair.right)
                });
                continue;
            }
            // The left partner of a rewritten or moved right sentence is judged through it; a left
            // sentence the gold does not name is unchanged, rewritten or moved (its partner says).
            let expected: &[Status] = match (k, expected) {
                (0, Status::Same) => &[Status::Same, Status::Rewritten, Status::Moved],
                _ => std::slice::from_ref(&want[k][sentence]),
            };
            let got: BTreeSet<Status> = shown[k][sentence].iter().map(|&(_, s)| s).collect();
            let file = if k == 0 { &pair.left } else { &pair.right };
            let ok = got.len() == 1 && expected.contains(got.first().expect("one"));
            let mistake = || format!("{file}: {sentence:?} should be {expected:?}, is {got:?}");
            if want[k][sentence] != Status::Same {
                tally.record(ok, mistake);
            } else if !ok {
                tally.false_marks += 1;
                eprintln!("  {}", mistake());
            }
        }
    }
    for group in &pair.together {
        let rows: BTreeSet<usize> = group
            .iter()
            .flat_map(|f| shown[1][find(&shown[1], f, &pair.right)].iter().map(|&(r, _)| r))
            .collect();
        tally.record(rows.len() == 1, || {
            format!(
                "{}: {group:?} should stand in one row, stand in rows {rows:?}",
                pair.right
            )
        });
    }
    tally
}

fn score(set: &str) -> Tally {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/changes")
        .join(set);
    let gold: Gold =
        toml::from_str(&std::fs::read_to_string(dir.join("gold.toml")).expect("gold.toml")).expect("parses");
    let tax = Taxonomy::builtin();
    let mut all = Tally::default();
    for pair in &gold.pair {
        eprintln!("{set}: {} → {}", pair.left, pair.right);
        all.add(score_pair(&dir, pair, &tax));
    }
    eprintln!(
        "{set}: {}/{} changes reported as what they are ({:.2}), {} unchanged sentences marked",
        all.right,
        all.total,
        all.right as f64 / all.total as f64,
        all.false_marks
    );
    all
}

#[test]
fn every_change_of_the_dev_pairs_is_reported_as_what_it_is() {
    let t = score("dev");
    assert!(t.right == t.total && t.false_marks == 0, "dev pairs: see above");
}

#[test]
fn every_change_of_the_held_out_pairs_is_reported_as_what_it_is() {
    let t = score("heldout");
    assert!(t.right == t.total && t.false_marks == 0, "held-out pairs: see above");
}
