//! Saved web pages: the article's text, one line per paragraph, without the site's navigation,
//! headers, footers, share bars or comment boxes.
//!
//! The page is parsed by html5ever (through `scraper`), as a browser would. Boilerplate is recognised
//! by tag (`nav`, `footer` …) and by class or id (`menu`, `breadcrumb`, `comment` …), though an element
//! holding most of the page's Chinese text is never furniture, whatever its name. The article is
//! then found by descending from `<body>` into whichever child holds nearly all of the remaining
//! Chinese text, and its title (the page's `<h1>`, an element classed as a title, or `<title>`) is put
//! first when the article's own text does not start with it.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};

use crate::text::is_han;

mod lists;
mod nesting;

use lists::{default_style, list_marker, list_style};
use nesting::{MAX_ELEMENTS, MAX_NESTING, markup};

/// Never part of an article.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "iframe", "select",
    "button", "svg", "object", "embed", "input", "textarea", "map",
];

/// A class or id containing one of these marks site furniture.
const SKIP_MARKS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "breadcrumb",
    "crumb",
    "comment",
    "share",
    "sidebar",
    "copyright",
    "pager",
    "pagination",
    "toolbar",
    "login",
    "banner",
    "friendlink",
    "weixin",
    "erweima",
    "qrcode",
];

/// A class or id equal to one of these (as a whole word) too; as substrings they would catch too much.
const SKIP_WORDS: &[&str] = &["foot", "bottom", "header", "head", "top", "related", "links", "search"];

/// Elements that begin and end a line.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "center",
    "hr",
    "address",
    "figure",
    "figcaption",
    "body",
];

/// A child holding at least this share of its parent's Chinese text is where the article is.
const ARTICLE_SHARE: f64 = 0.85;

/// Elements that are the article's content, never the box around it: the descent to the article
/// stops above them, so that a numbered list holding most of a report keeps its title, opening and
/// closing beside it.
const CONTENT_TAGS: &[&str] = &[
    "ol",
    "ul",
    "li",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "dl",
    "dd",
    "dt",
    "span",
    "font",
    "b",
    "strong",
    "em",
    "i",
    "a",
];

/// Longest plausible title, in characters.
const TITLE_MAX_CHARS: usize = 80;

/// Marks the end of a table cell while the text is gathered; becomes ` | ` between cells.
const CELL_END: char = '\u{1f}';

/// Site furniture named by class or id is never most of a page: an element holding at least this
/// share of the page's Chinese text is kept whatever its name (an article in `<div class="print_box">`).
const FURNITURE_MAX_SHARE: f64 = 0.5;

/// The article of an HTML page as plain text, one line per paragraph, or why the page is not read.
pub fn extract(html: &str) -> Result<String, String> {
    let tags = markup(html);
    if tags.depth > MAX_NESTING {
        return Err(format!(
            "the page nests elements more than {MAX_NESTING} deep; not read"
        ));
    }
    if tags.elements > MAX_ELEMENTS {
        return Err(format!(
            "the page has {} elements, more than {MAX_ELEMENTS}; not read",
            tags.elements
        ));
    }
    // The parser checks each attribute against the element's others: past a few hundred, cut.
    let html = super::attributes::capped(html, super::attributes::MAX_ATTRIBUTES);
    let page = Html::parse_document(&html);
    let Some(body) = page
        .root_element()
        .child_elements()
        .find(|e| e.value().name() == "body")
    else {
        return Ok(String::new());
    };
    let mut reader = Reader::new(*body);
    let article = reader.article_root(*body);
    let mut raw = String::new();
    reader.gather_text(article, &mut raw);
    let mut lines: Vec<String> = raw.lines().map(tidy_line).filter(|l| !l.is_empty()).collect();
    // The title goes first unless the article has it already (a page's `<h1>` may be its first
    // numbered heading, as in LibreOffice's export).
    if let Some(title) = title(&page, &reader)
        && !lines.iter().any(|l| l.contains(&title))
    {
        lines.insert(0, title);
    }
    Ok(lines.join("\n"))
}

/// Does the element's tag, or hiding, make it never part of an article?
fn skipped_by_tag(node: NodeRef<Node>) -> bool {
    let Some(el) = ElementRef::wrap(node) else {
        return matches!(node.value(), Node::Comment(_));
    };
    let e = el.value();
    SKIP_TAGS.contains(&e.name())
        || e.attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
        || e.attr("hidden").is_some()
}

/// Does the element's class or id name it as site furniture?
fn named_furniture(node: NodeRef<Node>) -> bool {
    let Some(el) = ElementRef::wrap(node) else {
        return false;
    };
    let e = el.value();
    e.attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .map(str::to_ascii_lowercase)
        .any(|n| {
            SKIP_MARKS.iter().any(|m| n.contains(m))
                || n.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| SKIP_WORDS.contains(&w))
        })
}

/// One page's elements, with the Chinese text each holds, to tell furniture from the article.
struct Reader {
    /// Chinese characters under each node, leaving out only what its tag excludes.
    by_tag: HashMap<NodeId, usize>,
    /// The same, leaving out furniture too.
    kept: HashMap<NodeId, usize>,
    page_total: usize,
}

impl Reader {
    fn new(body: NodeRef<Node>) -> Self {
        let mut by_tag = HashMap::new();
        let page_total = count_cjk(body, &skipped_by_tag, &mut by_tag);
        Reader {
            by_tag,
            kept: HashMap::new(),
            page_total,
        }
    }

    fn is_skipped(&self, node: NodeRef<Node>) -> bool {
        is_furniture(&self.by_tag, self.page_total, node)
    }

    /// Chinese characters under `node`, furniture excluded (memoised: the descent asks repeatedly).
    fn cjk_count(&mut self, node: NodeRef<Node>) -> usize {
        let (by_tag, total) = (&self.by_tag, self.page_total);
        count_cjk(node, &|n| is_furniture(by_tag, total, n), &mut self.kept)
    }

    /// The innermost element that still holds nearly all of the page's Chinese text.
    fn article_root<'a>(&mut self, body: NodeRef<'a, Node>) -> NodeRef<'a, Node> {
        let mut node = body;
        loop {
            let total = self.cjk_count(node);
            let best = node
                .children()
                .filter(|c| {
                    c.value()
                        .as_element()
                        .is_some_and(|e| !CONTENT_TAGS.contains(&e.name()))
                })
                .map(|c| (self.cjk_count(c), c))
                .max_by_key(|(n, _)| *n);
            match best {
                Some((n, child)) if n > 0 && n as f64 >= total as f64 * ARTICLE_SHARE => node = child,
                _ => return node,
            }
        }
    }

    /// The text under `node`: line breaks around blocks, ` | ` between table cells, HTML whitespace
    /// collapsed (but kept in `<pre>`), the numbers a browser shows before the items of ordered lists,
    /// and no space left where the source broke a line between two Chinese characters.
    /// Walked with a stack of its own, not by recursion: pages may nest elements without limit.
    fn gather_text(&self, node: NodeRef<Node>, out: &mut String) {
        enum Step<'a> {
            Enter(NodeRef<'a, Node>),
            Leave(&'a str),
        }
        let mut steps = vec![Step::Enter(node)];
        // Per open list: `Some((last number, style))` for an ordered one.
        let mut lists: Vec<Option<(u32, String)>> = Vec::new();
        let mut preformatted = 0usize;
        // Where the last list number ended: the item's first block starts on its line.
        let mut marker_end = None;
        while let Some(step) = steps.pop() {
            let node = match step {
                Step::Enter(node) => node,
                Step::Leave(name) => {
                    match name {
                        "td" | "th" => out.push(CELL_END),
                        "ol" | "ul" => {
                            lists.pop();
                        }
                        "pre" => preformatted = preformatted.saturating_sub(1),
                        _ => {}
                    }
                    if BLOCK_TAGS.contains(&name) {
                        out.push('\n');
                    }
                    continue;
                }
            };
            // `5.` before `2025年工作安排` would read as the number 5.2025: a browser shows them apart.
            if let Node::Text(t) = node.value()
                && marker_end == Some(out.len())
                && t.trim_start().starts_with(|c: char| c.is_ascii_digit())
            {
                out.push(' ');
            }
            match node.value() {
                Node::Text(t) if preformatted > 0 => out.push_str(t),
                Node::Text(t) => push_collapsed(t, out),
                Node::Element(e) if !self.is_skipped(node) => {
                    let name = e.name();
                    if BLOCK_TAGS.contains(&name) && marker_end != Some(out.len()) {
                        out.push('\n');
                    }
                    match name {
                        "ol" => {
                            let start = e.attr("start").and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(1);
                            let mut style = list_style(e);
                            if style.is_empty() {
                                style = default_style(lists.iter().filter(|l| l.is_some()).count());
                            }
                            lists.push(Some((start.saturating_sub(1), style)));
                        }
                        "ul" => lists.push(None),
                        "pre" => preformatted += 1,
                        "li" => {
                            if let Some(Some((last, style))) = lists.last_mut() {
                                *last = e
                                    .attr("value")
                                    .and_then(|v| v.trim().parse().ok())
                                    .unwrap_or(last.saturating_add(1));
                                out.push_str(&list_marker(*last, style));
                                marker_end = Some(out.len());
                            }
                        }
                        _ => {}
                    }
                    steps.push(Step::Leave(name));
                    steps.extend(node.children().rev().map(Step::Enter));
                }
                _ => {}
            }
        }
    }
}

/// Skipped by tag, or named as furniture while holding less than [`FURNITURE_MAX_SHARE`] of the
/// page's Chinese text (`by_tag` counts each node leaving out only what tags exclude).
fn is_furniture(by_tag: &HashMap<NodeId, usize>, page_total: usize, node: NodeRef<Node>) -> bool {
    skipped_by_tag(node)
        || (named_furniture(node)
            && (by_tag.get(&node.id()).copied().unwrap_or(0) as f64) < page_total as f64 * FURNITURE_MAX_SHARE)
}

/// Chinese characters under `node`, leaving out the elements `skip` names; every node's count is
/// kept in `memo`, and counts found there are not walked again. Counted children first with a stack
/// of its own, not by recursion: pages may nest elements without limit.
fn count_cjk(node: NodeRef<Node>, skip: &dyn Fn(NodeRef<Node>) -> bool, memo: &mut HashMap<NodeId, usize>) -> usize {
    // (node, whether its children are counted already)
    let mut stack = vec![(node, false)];
    while let Some((n, children_done)) = stack.pop() {
        if memo.contains_key(&n.id()) {
            continue;
        }
        let count = match n.value() {
            Node::Text(t) => t.chars().filter(|&c| is_han(c)).count(),
            Node::Element(_) if !skip(n) => {
                if !children_done {
                    stack.push((n, true));
                    stack.extend(n.children().map(|c| (c, false)));
                    continue;
                }
                n.children().map(|c| memo.get(&c.id()).copied().unwrap_or(0)).sum()
            }
            _ => 0,
        };
        memo.insert(n.id(), count);
    }
    memo.get(&node.id()).copied().unwrap_or(0)
}

fn push_collapsed(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !(c.is_whitespace() && c != '\u{3000}') {
            out.push(c);
            continue;
        }
        let mut newline = c == '\n' || c == '\r';
        while let Some(&n) = chars.peek().filter(|n| n.is_whitespace() && **n != '\u{3000}') {
            newline |= n == '\n' || n == '\r';
            chars.next();
        }
        // Chinese characters and the full-width punctuation between them (，。、（）“” …).
        let wide = crate::text::is_cjk;
        let between_cjk = out.chars().last().is_some_and(wide) && chars.peek().is_some_and(|&n| wide(n));
        let swallowed = newline && between_cjk;
        if !swallowed && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
    }
}

fn tidy_line(line: &str) -> String {
    let cells: Vec<&str> = line.split(CELL_END).map(str::trim).filter(|c| !c.is_empty()).collect();
    cells
        .join(" | ")
        .trim_matches(|c: char| c.is_whitespace() && c != '\u{3000}')
        .to_string()
}

/// The article's title: the page's first `<h1>`, else an element classed or named as a title, else
/// the document's `<title>` up to the site name.
fn title(page: &Html, reader: &Reader) -> Option<String> {
    let visible = |e: &ElementRef| !e.ancestors().any(|a| a.value().is_element() && reader.is_skipped(a));
    let text = |e: &ElementRef| {
        let mut s = String::new();
        push_collapsed(&e.text().collect::<String>(), &mut s);
        s.trim().to_string()
    };
    let plausible = |t: &String| t.chars().any(is_han) && t.chars().count() <= TITLE_MAX_CHARS;
    let elements = || page.root_element().descendent_elements();
    let h1 = elements()
        .filter(|e| e.value().name() == "h1" && visible(e))
        .map(|e| text(&e))
        .find(plausible);
    let classed = || {
        elements()
            .filter(|e| {
                let e2 = e.value();
                e2.name() != "title"
                    && e2
                        .attr("class")
                        .into_iter()
                        .chain(e2.attr("id"))
                        .any(|n| n.to_ascii_lowercase().contains("title"))
                    && visible(e)
            })
            .map(|e| text(&e))
            .find(plausible)
    };
    let head_title = || {
        let t = elements().find(|e| e.value().name() == "title").map(|e| text(&e))?;
        let cut = t
            .find(['_', '|', '－', '—'])
            .or_else(|| t.find(" - "))
            .unwrap_or(t.len());
        Some(t[..cut].trim().to_string()).filter(plausible)
    };
    h1.or_else(classed).or_else(head_title)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>示例市科学技术局2024年法治政府建设情况报告_示例市科学技术局</title>
<style>p { color: red }</style><script>var 统计 = "不要";</script></head>
<body>
<div class="top-nav"><a href="/">首页</a> <a>机构概况</a> <a>政务公开</a></div>
<div id="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="main">
  <div class="article-title"><h1>示例市科学技术局2024年法治政府建设情况报告</h1></div>
  <div class="info">发布时间：2025-01-20 字号：大 中 小</div>
  <div class="TRS_Editor">
    <p>2024年，我局深入学习贯彻习近平法治思想，
    全面推进依法行政。</p>
    <p>一、加强组织领导</p>
    <p>（一）落实第一责任人职责。局党组书记切实履行第一责任人职责。</p>
    <p>（二）健全工作机制。制定年度法治政府建设工作要点，明确责任分工和完成时限，定期调度推进。</p>
    <p>二、规范行政决策和文件管理</p>
    <p>（一）严格重大行政决策程序。对涉及企业切身利益的重大事项，严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。</p>
    <p>（二）加强规范性文件管理。严格执行规范性文件合法性审查和备案制度，全年制定规范性文件6件。</p>
    <table><tr><td>事项</td><td>数量</td></tr><tr><td>规范性文件</td><td>6件</td></tr></table>
    <p>示例市科学技术局<br>2025年1月20日</p>
  </div>
  <div class="share">分享到：微信 微博</div>
</div>
<div class="comment-box">留言与评论（共有 0 条评论）</div>
<div class="footer">主办单位：示例市科学技术局 版权所有 网站地图 联系我们 网站标识码 1234567890</div>
</body></html>"#;

    #[test]
    fn a_numbered_list_holding_most_of_the_report_keeps_the_text_around_it() {
        let items: String = ["加强组织领导", "推进依法决策", "规范行政执法", "强化监督制约", "化解矛盾纠纷", "深化普法宣传"]
            .iter()
            .map(|h| format!("<li><p>{h}。全年开展相关工作多次,取得明显成效,各项任务按期完成,群众满意度持续提升,制度体系不断完善。</p></li>"))
            .collect();
        let page = format!(
            "<html><body><div class=\"content\"><p>示例局2024年法治政府建设情况报告</p>\
             <p>现将有关情况报告如下:</p><ol>{items}</ol><p>特此报告。</p><p>示例局</p></div></body></html>"
        );
        let text = extract(&page).unwrap();
        for kept in ["情况报告", "现将有关情况", "特此报告", "示例局\n", "1.加强组织领导"] {
            assert!(text.contains(kept.trim_end()), "{kept}: {text}");
        }
    }

    #[test]
    fn preformatted_text_keeps_its_lines_and_ordered_lists_their_numbers() {
        let page = "<html><body><pre>示例县科学技术局2021年度报告\n一、总体情况\n全年开展培训3次。</pre>\
            <ol><li><h1>加强组织领导</h1></li><li><h1>推进依法决策</h1></li></ol>\
            <ol start=\"3\" style=\"list-style-type: cjk-ideographic\"><li>强化监督</li><li value=\"7\">其他</li></ol>\
            <ol type=\"a\"><li>甲</li><li>乙</li></ol><ul><li>无序</li></ul></body></html>";
        let text = extract(page).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "示例县科学技术局2021年度报告",
                "一、总体情况",
                "全年开展培训3次。",
                "1.加强组织领导",
                "2.推进依法决策",
                "三、强化监督",
                "七、其他",
                "a.甲",
                "b.乙",
                "无序"
            ]
        );
        assert!(extract(&format!("<html><body>{}文</body></html>", "<div>".repeat(3000))).is_err());
    }

    #[test]
    fn the_article_comes_out_without_the_site_around_it() {
        let text = extract(PAGE).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "示例市科学技术局2024年法治政府建设情况报告",
                "2024年，我局深入学习贯彻习近平法治思想，全面推进依法行政。",
                "一、加强组织领导",
                "（一）落实第一责任人职责。局党组书记切实履行第一责任人职责。",
                "（二）健全工作机制。制定年度法治政府建设工作要点，明确责任分工和完成时限，定期调度推进。",
                "二、规范行政决策和文件管理",
                "（一）严格重大行政决策程序。对涉及企业切身利益的重大事项，严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。",
                "（二）加强规范性文件管理。严格执行规范性文件合法性审查和备案制度，全年制定规范性文件6件。",
                "事项 | 数量",
                "规范性文件 | 6件",
                "示例市科学技术局",
                "2025年1月20日",
            ]
        );
    }

    #[test]
    fn title_falls_back_to_the_document_title() {
        let page = "<html><head><title>某区科技局2023年度法治政府建设工作报告 - 某区人民政府</title></head>\
                    <body><div><p>一、主要工作。我局完成了各项任务。</p></div></body></html>";
        assert_eq!(
            extract(page).unwrap().lines().next(),
            Some("某区科技局2023年度法治政府建设工作报告")
        );
    }

    #[test]
    fn an_article_named_like_furniture_is_still_the_article() {
        // Some sites wrap the article in a box named for printing or sharing.
        let page = PAGE.replace(r#"<div class="TRS_Editor">"#, r#"<div class="print_box share-area">"#);
        assert_eq!(extract(&page), extract(PAGE));
    }

    #[test]
    fn an_old_table_layout_page_with_br_paragraphs() {
        let page = r#"<html><head><title>某县科技局2022年法治政府建设情况报告</title></head><body>
<table width="100%"><tr><td colspan="2"><img src="top.jpg"> 某县人民政府网</td></tr>
<tr><td width="200" valign="top"><a href="/">首页</a><br><a>政务公开</a><br><a>办事指南</a><br><a>公众参与</a></td>
<td valign="top"><font size="4"><b>某县科技局2022年法治政府建设情况报告</b></font><br><br>
<font size="3">&nbsp;&nbsp;&nbsp;&nbsp;2022年，我局认真贯彻落实法治政府建设实施纲要，全面推进依法行政工作。<br>
&nbsp;&nbsp;&nbsp;&nbsp;一、加强组织领导。成立法治政府建设领导小组，主要负责人履行第一责任人职责。<br>
&nbsp;&nbsp;&nbsp;&nbsp;二、规范行政执法。全年开展执法检查12次，检查企业30家，未发生行政复议案件。<br>
&nbsp;&nbsp;&nbsp;&nbsp;三、下一步工作。继续加强执法队伍建设，提升依法行政水平。</font></td></tr>
<tr><td colspan="2" align="center">版权所有：某县人民政府</td></tr></table></body></html>"#;
        let text = extract(page).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "某县科技局2022年法治政府建设情况报告");
        assert_eq!(
            lines[1],
            "2022年，我局认真贯彻落实法治政府建设实施纲要，全面推进依法行政工作。"
        );
        assert_eq!(
            lines[2],
            "一、加强组织领导。成立法治政府建设领导小组，主要负责人履行第一责任人职责。"
        );
        assert_eq!(lines.len(), 5, "{text}");
        for furniture in ["首页", "政务公开", "版权所有", "人民政府网"] {
            assert!(!text.contains(furniture), "{furniture} in {text}");
        }
    }

    #[test]
    fn whitespace_collapses_like_a_browser() {
        let mut s = String::new();
        push_collapsed("法治\n  政府 建设  ok\n\nfine", &mut s);
        assert_eq!(s, "法治政府 建设 ok fine");
    }
}
