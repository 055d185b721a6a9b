//! The automatic numbering of a `.doc`: which list and level each paragraph is in (its properties,
//! directly or through its style) and what the lists look like ([MS-DOC] 2.9.150 LSTF, 2.9.131
//! LFO, 2.9.175 PapxFkp, 2.9.271 STSH). Everything here only adds numbers: a damaged table costs
//! the numbers, never the text.

use std::collections::HashMap;
use std::rc::Rc;

use super::{u16_at, u32_at};
use crate::load::lists::{Counters, Level, Levels, MAX_LEVEL, nfc_name};

/// Where the numbering's tables are, as (offset, length) in the table stream.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Tables {
    pub styles: (usize, usize),
    pub paragraphs: (usize, usize),
    pub lists: (usize, usize),
    pub overrides: (usize, usize),
}

/// A paragraph's list (1-based index of its LFO; 0 for none) and level.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct ListLevel {
    lfo: Option<u16>,
    level: Option<u8>,
}

impl ListLevel {
    /// These properties over `base`: what a paragraph sets wins over its style.
    fn over(self, base: ListLevel) -> ListLevel {
        ListLevel {
            lfo: self.lfo.or(base.lfo),
            level: self.level.or(base.level),
        }
    }
}

/// Paragraph properties of a run of the text: the style and any list set directly.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: u32,
    end: u32,
    style: u16,
    list: ListLevel,
}

/// Counts the numbered paragraphs of a `.doc` in order and gives each its visible number.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    runs: Vec<Run>,
    styles: HashMap<u16, ListLevel>,
    /// By LFO index − 1: the levels of the list it names, with its overrides applied.
    lists: Vec<Levels>,
    counters: Counters,
}

impl Numbering {
    pub fn read(word: &[u8], table: &[u8], at: Tables) -> Numbering {
        let mut runs = paragraph_runs(word, table, at.paragraphs);
        runs.sort_by_key(|r| r.start);
        Numbering {
            runs,
            styles: styles(table, at.styles),
            lists: lists(table, at.lists, at.overrides),
            counters: Counters::default(),
        }
    }

    /// The number of the paragraph whose end mark is at byte `fc` of the WordDocument stream,
    /// counted as the next one; empty when it is not in a numbered list.
    pub fn next(&mut self, fc: u32) -> String {
        let i = self.runs.partition_point(|r| r.start <= fc);
        let Some(run) = i.checked_sub(1).map(|i| self.runs[i]).filter(|r| fc < r.end) else {
            return String::new();
        };
        let own = run.list;
        let style = self.styles.get(&run.style).copied().unwrap_or_default();
        let list = own.over(style);
        let Some(lfo) = list.lfo.filter(|&l| l > 0) else {
            return String::new();
        };
        let Some(levels) = self.lists.get(lfo as usize - 1) else {
            return String::new(); // 0xF801 and dangling indexes: no numbering
        };
        self.counters
            .next(&lfo.to_string(), levels, list.level.unwrap_or(0) as u32)
    }
}

fn slice(bytes: &[u8], (fc, lcb): (usize, usize)) -> Option<&[u8]> {
    bytes.get(fc..fc.checked_add(lcb)?)
}

/// The list and level that a run of properties (Prls) sets, if any.
fn list_in(mut grpprl: &[u8]) -> ListLevel {
    let mut out = ListLevel::default();
    while grpprl.len() >= 2 {
        let sprm = u16::from_le_bytes([grpprl[0], grpprl[1]]);
        let operand = &grpprl[2..];
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            // sprmTDefTable and sprmTDefTable10 count their operand in two bytes, less one.
            _ if sprm == 0xD608 || sprm == 0xD606 => u16_at(operand, 0).map_or(usize::MAX, |n| n as usize + 1),
            // sprmPChgTabs may have an operand whose size is not in it: stop at it.
            _ if sprm == 0xC615 => return out,
            _ => operand.first().map_or(usize::MAX, |&n| n as usize + 1),
        };
        let Some(value) = operand.get(..size) else {
            return out;
        };
        match sprm {
            0x460B => out.lfo = u16_at(value, 0),
            0x260A => out.level = value.first().copied(),
            _ => {}
        }
        grpprl = &operand[size..];
    }
    out
}

/// The paragraph property runs of the document, from the PAPX pages the bin table points at.
fn paragraph_runs(word: &[u8], table: &[u8], at: (usize, usize)) -> Vec<Run> {
    let Some(plc) = slice(table, at).filter(|p| p.len() >= 4 && (p.len() - 4) % 8 == 0) else {
        return Vec::new();
    };
    let pages = (plc.len() - 4) / 8;
    let mut out = Vec::new();
    for i in 0..pages {
        let Some(pn) = u32_at(plc, (pages + 1) * 4 + i * 4) else {
            break;
        };
        let Some(fkp) = word.get((pn & 0x3F_FFFF) as usize * 512..).and_then(|p| p.get(..512)) else {
            continue;
        };
        let count = fkp[511] as usize;
        for r in 0..count {
            let (Some(start), Some(end)) = (u32_at(fkp, r * 4), u32_at(fkp, r * 4 + 4)) else {
                break;
            };
            let Some(&offset) = fkp.get((count + 1) * 4 + r * 13) else {
                break;
            };
            let (style, list) = papx(fkp, offset as usize * 2).unwrap_or_default();
            out.push(Run {
                start,
                end,
                style,
                list,
            });
        }
    }
    out
}

/// The style and list of one PapxInFkp: a size, then the style index and the properties.
fn papx(fkp: &[u8], at: usize) -> Option<(u16, ListLevel)> {
    if at == 0 {
        return None;
    }
    let cb = *fkp.get(at)? as usize;
    let (from, len) = if cb == 0 {
        (at + 2, 2 * *fkp.get(at + 1)? as usize)
    } else {
        (at + 1, 2 * cb - 1)
    };
    let body = fkp.get(from..from + len)?;
    Some((u16_at(body, 0)?, list_in(body.get(2..)?)))
}

/// Paragraph styles' lists, each with what it inherits from the style it is based on.
fn styles(table: &[u8], at: (usize, usize)) -> HashMap<u16, ListLevel> {
    let Some(stsh) = slice(table, at) else {
        return HashMap::new();
    };
    // style index → (its base, its own list)
    let mut own: HashMap<u16, (u16, ListLevel)> = HashMap::new();
    let header = u16_at(stsh, 0).unwrap_or(0) as usize;
    let (Some(count), Some(base_size)) = (u16_at(stsh, 2), u16_at(stsh, 4)) else {
        return HashMap::new();
    };
    let mut pos = 2 + header;
    for istd in 0..count {
        let Some(size) = u16_at(stsh, pos) else { break };
        let std = stsh.get(pos + 2..pos + 2 + size as usize);
        pos += 2 + size as usize;
        let Some(std) = std.filter(|s| s.len() >= 10) else {
            continue;
        };
        if let Some(parsed) = style(std, base_size as usize) {
            own.insert(istd, parsed);
        }
    }
    own.keys()
        .map(|&istd| {
            // Follow the bases a few steps at most: files may loop.
            let mut list = ListLevel::default();
            let mut at = istd;
            for _ in 0..10 {
                let Some(&(base, mine)) = own.get(&at) else { break };
                list = list.over(mine);
                if base == 0x0FFF || base == at {
                    break;
                }
                at = base;
            }
            (istd, list)
        })
        .collect()
}

/// One paragraph style (STD): its base and the list its paragraph properties set.
fn style(std: &[u8], base_size: usize) -> Option<(u16, ListLevel)> {
    let kind = u16_at(std, 2)? & 0x000F;
    let base = u16_at(std, 2)? >> 4;
    if kind != 1 {
        return None; // character, table and list styles carry no paragraph numbering
    }
    let name_chars = u16_at(std, base_size)? as usize;
    let mut at = base_size + 2 + name_chars * 2 + 2;
    at += at % 2;
    let size = u16_at(std, at)? as usize;
    let upx = std.get(at + 2..at + 2 + size)?;
    Some((base, list_in(upx.get(2..)?)))
}

/// Every list (LFO) as its levels: the list definitions (LSTF and their LVLs), then each LFO's
/// overrides of where levels start.
fn lists(table: &[u8], defs: (usize, usize), overrides: (usize, usize)) -> Vec<Levels> {
    let mut by_id: HashMap<i32, Levels> = HashMap::new();
    if let Some(plf) = slice(table, defs) {
        let count = u16_at(plf, 0).unwrap_or(0) as usize;
        // The LVLs follow the PlfLst, in the order of its LSTFs.
        let mut at = defs.0 + defs.1;
        for i in 0..count {
            let Some(lstf) = plf.get(2 + i * 28..2 + i * 28 + 28) else {
                break;
            };
            let id = i32::from_le_bytes(lstf[0..4].try_into().unwrap_or_default());
            let simple = lstf[26] & 1 != 0;
            let mut levels = Levels::new();
            for ilvl in 0..if simple { 1 } else { 9 } {
                let Some((level, next)) = lvl(table, at) else { break };
                levels.insert(ilvl, Rc::new(level));
                at = next;
            }
            by_id.insert(id, levels);
        }
    }
    let Some(plf) = slice(table, overrides) else {
        return Vec::new();
    };
    let count = (u32_at(plf, 0).unwrap_or(0) as usize).min(plf.len() / 16);
    let mut out = Vec::with_capacity(count);
    let mut data = 4 + count * 16;
    for i in 0..count {
        // A table cut short ends the lists (the count may promise more than it holds).
        let Some(lfo) = plf.get(4 + i * 16..4 + i * 16 + 16) else {
            break;
        };
        let id = i32::from_le_bytes(lfo[0..4].try_into().unwrap_or_default());
        let mut levels = by_id.get(&id).cloned().unwrap_or_default();
        // LFOData: a cp, then one LFOLVL per overridden level (a start, flags, perhaps a whole LVL).
        data += 4;
        for _ in 0..lfo[12] {
            let (Some(start), Some(flags)) = (u32_at(plf, data), u32_at(plf, data + 4)) else {
                break;
            };
            data += 8;
            let ilvl = flags & 0xF;
            // Levels past Word's nine are read past, not kept.
            let keep = ilvl <= MAX_LEVEL;
            if flags & 0x20 != 0 {
                match lvl(plf, data) {
                    Some((level, next)) => {
                        if keep {
                            levels.insert(ilvl, Rc::new(level));
                        }
                        data = next;
                    }
                    None => break,
                }
            }
            if keep && flags & 0x10 != 0 {
                Rc::make_mut(levels.entry(ilvl).or_insert_with(|| Rc::new(Level::decimal(ilvl)))).start = start;
            }
        }
        out.push(levels);
    }
    out
}

/// One LVL at `at`: its start, format and number text (`%1、`), and where the next one begins.
fn lvl(bytes: &[u8], at: usize) -> Option<(Level, usize)> {
    let lvlf = bytes.get(at..at + 28)?;
    let start = u32_at(lvlf, 0)?;
    let format = nfc_name(lvlf[4]).to_string();
    let xst = at + 28 + lvlf[25] as usize + lvlf[24] as usize;
    let chars = u16_at(bytes, xst)? as usize;
    let units: Vec<u16> = bytes
        .get(xst + 2..xst + 2 + chars * 2)?
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    // A character below 9 stands for that level's number.
    let text = char::decode_utf16(units)
        .map(|c| match c {
            Ok(c) if (c as u32) < 9 => format!("%{}", c as u32 + 1),
            Ok(c) => c.to_string(),
            Err(_) => '\u{fffd}'.to_string(),
        })
        .collect();
    Some((Level { format, text, start }, xst + 2 + chars * 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_override_table_cut_short_ends_the_lists_without_a_panic() {
        // It promises two overrides and holds 16 bytes: the count, and twelve of the first.
        let mut plf = vec![0u8; 16];
        plf[0] = 2;
        for len in 0..plf.len() {
            let table = &plf[..len];
            let _ = lists(table, (0, 0), (0, len));
        }
        assert!(lists(&plf, (0, 0), (0, plf.len())).len() <= 1);
    }

    #[test]
    fn list_properties_are_found_among_others_and_broken_ones_stop_cleanly() {
        // sprmPJc (1 byte), sprmPIlvl 1, sprmPIlfo 3, a variable sprm of 2 bytes.
        let grpprl = [
            0x03, 0x24, 0x01, 0x0A, 0x26, 0x01, 0x0B, 0x46, 0x03, 0x00, 0x2A, 0xC6, 0x02, 0xAA, 0xBB,
        ];
        assert_eq!(
            list_in(&grpprl),
            ListLevel {
                lfo: Some(3),
                level: Some(1)
            }
        );
        assert_eq!(
            list_in(&grpprl[..8]),
            ListLevel {
                lfo: None,
                level: Some(1)
            }
        );
        assert_eq!(list_in(&[0x2A, 0xC6, 0xFF]), ListLevel::default());
    }

    #[test]
    fn a_paragraph_setting_its_list_overrides_its_style() {
        let own = ListLevel {
            lfo: None,
            level: Some(2),
        };
        let style = ListLevel {
            lfo: Some(1),
            level: Some(0),
        };
        assert_eq!(
            own.over(style),
            ListLevel {
                lfo: Some(1),
                level: Some(2)
            }
        );
    }

    /// A style sheet of two paragraph styles, the second based on the first.
    fn style_sheet() -> Vec<u8> {
        let std = |kind_and_base: u16, grpprl: &[u8]| {
            let mut std = vec![0u8; 10];
            std[2..4].copy_from_slice(&kind_and_base.to_le_bytes());
            std.extend([1, 0, b'A', 0, 0, 0]); // the name "A"
            let size = 2 + grpprl.len() as u16;
            std.extend(size.to_le_bytes());
            std.extend([0, 0]); // the style's own index, unused here
            std.extend(grpprl);
            if size % 2 == 1 {
                std.push(0);
            }
            let mut out = (std.len() as u16).to_le_bytes().to_vec();
            out.extend(std);
            out
        };
        let mut sheet = vec![4, 0, 2, 0, 10, 0];
        sheet.extend(std(0xFFF1, &[0x0B, 0x46, 0x01, 0x00, 0x0A, 0x26, 0x00]));
        sheet.extend(std(0x0001, &[0x0A, 0x26, 0x01]));
        sheet
    }

    #[test]
    fn styles_give_their_list_to_the_styles_based_on_them() {
        let sheet = style_sheet();
        let got = styles(&sheet, (0, sheet.len()));
        assert_eq!(
            got[&0],
            ListLevel {
                lfo: Some(1),
                level: Some(0)
            }
        );
        assert_eq!(
            got[&1],
            ListLevel {
                lfo: Some(1),
                level: Some(1)
            }
        );
        // Cut anywhere, the sheet gives what it still holds and never panics.
        for cut in 0..sheet.len() {
            assert!(styles(&sheet[..cut], (0, cut)).len() <= 2);
        }
    }
}
