#![allow(dead_code)] // each user of this shared file takes part of it
//! Synthetic reports for benchmarks and scaling runs, made from the demo reports' sentences (shared by
//! `benches/pipeline.rs` and `examples/synth.rs` through `#[path]`).

const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

fn chinese(n: usize) -> String {
    match n {
        1..=9 => D[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

/// Body sentences of a report, the pool synthetic reports draw from.
pub fn sentences(text: &str) -> Vec<String> {
    text.split(['。', '\n'])
        .map(str::trim)
        .filter(|s| s.chars().count() > 12)
        .map(|s| format!("{s}。"))
        .collect()
}

/// A report of about `bytes` bytes: `tops` sections of 一、, ten (一) each, items 1. below; sentences
/// from the pool with figures varied by position and `salt`, so the two sides differ as years do.
pub fn report(pool: &[String], bytes: usize, salt: usize) -> String {
    let mut out = String::from("示例市科学技术局2024年度法治政府建设情况报告\n2024年,市科技局全面推进依法行政。\n");
    let per_item = pool.iter().map(String::len).sum::<usize>() / pool.len() * 2;
    let items = (bytes / per_item).max(1);
    let (tops, subs) = ((items / 100).clamp(1, 99), 10usize.min(items));
    let per_sub = (items / (tops * subs)).max(1);
    let mut k = 0;
    for t in 1..=tops {
        out += &format!("{}、工作部分{t}\n", chinese(t));
        for s in 1..=subs {
            out += &format!("({})专项工作{t}-{s}\n", chinese(s));
            for i in 1..=per_sub {
                k += 1;
                let a = &pool[(k * 7 + salt) % pool.len()];
                let b =
                    &pool[(k * 13) % pool.len()].replace(|c: char| c.is_ascii_digit(), &((k + salt) % 10).to_string());
                out += &format!("{i}.{a}{b}\n");
            }
        }
    }
    out + "特此报告。\n"
}

/// Next year's edition of `text`, as an analyst meets it: every `every`-th figure changed, and in
/// every `every`-th paragraph a sentence added; in the one after it, the first sentence dropped.
pub fn edited(text: &str, every: usize) -> String {
    let mut figures = 0;
    let mut out = String::with_capacity(text.len() + text.len() / every);
    for (p, line) in text.lines().enumerate() {
        let mut line = line.to_string();
        if p % every == every - 1 && line.chars().count() > 40 {
            line.push_str("今年新增专项法治培训3场次,参训干部职工达120余人。");
        } else if p % every == 0
            && p > 0
            && let Some(end) = line.find('。').filter(|&e| e + 3 < line.len())
        {
            line.replace_range(..end + 3, "");
        }
        let mut bumped = String::with_capacity(line.len());
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            bumped.push(c);
            if c.is_ascii_digit() && !chars.peek().is_some_and(char::is_ascii_digit) {
                figures += 1;
                if figures % every == 0 {
                    bumped.push('1');
                }
            }
        }
        out += &bumped;
        out.push('\n');
    }
    out
}
