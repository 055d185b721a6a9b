//! A PDF's pages made one text: without the running headers and footers and the page-number lines,
//! and with a paragraph that a page break cut in two made whole again, as a line break inside a page
//! is (`pdf_lines`).

use std::collections::{HashMap, HashSet};

use super::pdf_lines::{PageLine, run_on, starts_heading};

/// Lines this near the top or bottom of a page are where running headers and footers sit.
const EDGE_LINES: usize = 2;

/// The pages' text: body lines in order; the first body line of a page runs on from the last of
/// the page before when that one was filled to the text's edge and this one starts at its left
/// edge and is no heading: the page broke a paragraph.
pub(super) fn join(pages: &[Vec<PageLine>]) -> String {
    let mut out = String::new();
    let mut previous: Option<&PageLine> = None;
    for lines in body_lines(pages) {
        for (i, line) in lines.into_iter().enumerate() {
            if let Some(prev) = previous {
                let page_broke_it = i == 0 && prev.full && line.flush && !starts_heading(&line.text);
                if page_broke_it {
                    run_on(&mut out, &line.text);
                } else {
                    out.push('\n');
                }
            }
            out.push_str(&line.text);
            previous = Some(line);
        }
    }
    out
}

/// Each page's lines without blank ones, page numbers (set apart from the text above them, or not
/// flush left), and running headers and footers: a line
/// found among the first or last [`EDGE_LINES`] lines of at least half the pages (two at least),
/// digits aside (`第1页 共3页`), is furniture of the page, not text of the report.
fn body_lines(pages: &[Vec<PageLine>]) -> Vec<Vec<&PageLine>> {
    let masked = |l: &str| -> String {
        l.trim()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let pages: Vec<Vec<&PageLine>> = pages
        .iter()
        .map(|p| p.iter().filter(|l| !l.text.trim().is_empty()).collect())
        .collect();
    let at_edge = |i: usize, n: usize| i < EDGE_LINES || i + EDGE_LINES >= n;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for lines in &pages {
        let mut edge: Vec<String> = (0..lines.len())
            .filter(|&i| at_edge(i, lines.len()))
            .map(|i| masked(&lines[i].text))
            .collect();
        edge.sort();
        edge.dedup();
        for line in edge {
            *seen.entry(line).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    let running: HashSet<String> = seen.into_iter().filter(|(_, n)| *n >= needed).map(|(l, _)| l).collect();
    pages
        .iter()
        .map(|lines| {
            (0..lines.len())
                .filter(|&i| !(at_edge(i, lines.len()) && running.contains(&masked(&lines[i].text))))
                .filter(|&i| !(is_page_number(&lines[i].text) && (lines[i].apart || !lines[i].flush)))
                .map(|i| lines[i])
                .collect()
        })
        .collect()
}

/// A line that is only a page number, bare or dashed (`3`, `- 3 -`, `—3—`, `第3页`).
fn is_page_number(line: &str) -> bool {
    let core = line
        .trim()
        .trim_matches(|c: char| "-—－–".contains(c) || c.is_whitespace());
    let core = core
        .strip_prefix('第')
        .and_then(|c| c.strip_suffix('页'))
        .unwrap_or(core);
    !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of lines that neither reach the edge nor start at it.
    fn page(text: &str) -> Vec<PageLine> {
        text.lines()
            .map(|l| PageLine {
                text: l.to_string(),
                full: false,
                flush: false,
                apart: false,
            })
            .collect()
    }

    #[test]
    fn page_number_lines_go_and_figures_stay() {
        let pages = [
            page("一、总体情况\n- 1 -"),
            page("全年审查合同52份。\n—2—\n第3页\n2024"),
        ];
        assert_eq!(join(&pages), "一、总体情况\n全年审查合同52份。");
    }

    #[test]
    fn running_lines_go_and_the_same_words_in_the_body_stay() {
        let bodies = [
            ("落实第一责任人职责。", "健全工作机制。"),
            ("严格执法程序。", "加强队伍建设。"),
            ("存在问题。", "下一步安排。"),
        ];
        let pages: Vec<Vec<PageLine>> = bodies
            .iter()
            .enumerate()
            .map(|(i, (a, b))| {
                page(&format!(
                    "示例市科学技术局文件\n{a}\n示例市科学技术局文件是发文机关标志。\n{b}\n第{}页 共3页",
                    i + 1
                ))
            })
            .collect();
        let text = join(&pages);
        assert!(!text.contains("共3页"), "{text}");
        assert!(!text.lines().any(|l| l == "示例市科学技术局文件"), "{text}");
        assert_eq!(text.matches("示例市科学技术局文件是发文机关标志").count(), 3, "{text}");
        for (a, b) in bodies {
            assert!(text.contains(a) && text.contains(b), "{text}");
        }
        // A single page has nothing to compare with: it is kept whole.
        assert_eq!(
            join(&pages[..1]),
            pages[0].iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn digits_right_under_a_line_of_text_end_its_paragraph_and_stay() {
        let line = |text: &str, flush: bool, apart: bool| PageLine {
            text: text.to_string(),
            full: false,
            flush,
            apart,
        };
        let pages = [vec![
            line("截至年底，本局共办理行政复议案件", true, true),
            line("2024", true, false),
            line("- 1 -", false, true),
        ]];
        assert_eq!(join(&pages), "截至年底，本局共办理行政复议案件\n2024");
    }

    #[test]
    fn a_paragraph_the_page_broke_is_one_line_again() {
        let line = |text: &str, full: bool, flush: bool| PageLine {
            text: text.to_string(),
            full,
            flush,
            apart: false,
        };
        let pages = [
            vec![
                line("全年共审查合同52份，提出", true, false),
                line("- 1 -", false, false),
            ],
            vec![line("修改意见106条。", false, true), line("二、存在问题", true, false)],
            vec![line("三、下一步", false, true)],
            vec![line("新段落开头缩进。", false, false)],
        ];
        assert_eq!(
            join(&pages),
            "全年共审查合同52份，提出修改意见106条。\n二、存在问题\n三、下一步\n新段落开头缩进。"
        );
    }
}
