//! The text of an old Word `.doc` (Word 97–2003, and WPS, which writes the same format): the
//! compound file's `WordDocument` stream, read through the piece table of its `0Table`/`1Table`
//! stream ([MS-DOC] 2.4.1). Only the main document's text: headers, notes and comments after it
//! are left out; field codes are dropped and their results kept. The numbers of Word's automatic
//! numbering are not in the text: they are counted from the list tables (`numbering`).

mod numbering;

use std::io::{Cursor, Read};

use super::budget::Budget;

/// Longest stream read, whatever the file says: the whole file is already within the size limit.
const MAX_STREAM: u64 = 512 * 1024 * 1024;

fn read_stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, String> {
    let stream = file
        .open_stream(name)
        .map_err(|_| format!("is a Word 97–2003 file without its {name} part"))?;
    let mut bytes = Vec::new();
    stream
        .take(MAX_STREAM)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("has a damaged {name} part ({e})"))?;
    Ok(bytes)
}

pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// What the FIB (the document's header) says: how many characters the main text has, where the
/// piece table and the numbering's tables are, and in which table stream.
struct Fib {
    main_chars: u32,
    clx: (usize, usize),
    numbering: numbering::Tables,
    table: &'static str,
}

fn fib(word: &[u8]) -> Result<Fib, String> {
    let damaged = || "is a .doc whose header is damaged".to_string();
    if u16_at(word, 0) != Some(0xA5EC) {
        return Err(damaged());
    }
    let flags = u16_at(word, 0x0A).ok_or_else(damaged)?;
    if flags & 0x0100 != 0 {
        return Err("is an encrypted .doc: remove the password and try again".into());
    }
    let table = if flags & 0x0200 != 0 { "/1Table" } else { "/0Table" };
    // FibBase (32 bytes), then three counted arrays: 16-bit values, 32-bit values, (fc, lcb) pairs.
    let csw = u16_at(word, 32).ok_or_else(damaged)? as usize;
    let lw_at = 32 + 2 + csw * 2;
    let cslw = u16_at(word, lw_at).ok_or_else(damaged)? as usize;
    let main_chars = u32_at(word, lw_at + 2 + 3 * 4).ok_or_else(damaged)?;
    let pairs = u16_at(word, lw_at + 2 + cslw * 4).ok_or_else(damaged)? as usize;
    let pairs_at = lw_at + 2 + cslw * 4 + 2;
    // The n-th (fc, lcb) pair of FibRgFcLcb97; the lists' pairs may be missing from old files.
    let pair = |n: usize| -> Option<(usize, usize)> {
        let at = pairs_at + n * 8;
        (n < pairs).then_some((u32_at(word, at)? as usize, u32_at(word, at + 4)? as usize))
    };
    let absent = (0, 0);
    Ok(Fib {
        main_chars,
        clx: pair(33).ok_or_else(damaged)?,
        numbering: numbering::Tables {
            styles: pair(1).unwrap_or(absent),
            paragraphs: pair(13).unwrap_or(absent),
            lists: pair(73).unwrap_or(absent),
            overrides: pair(74).unwrap_or(absent),
        },
        table,
    })
}

/// The pieces of the text: (first character, character count, where in the WordDocument stream,
/// one byte per character or two).
fn pieces(table: &[u8], (fc, lcb): (usize, usize)) -> Result<Vec<(u32, u32, usize, bool)>, String> {
    let damaged = || "is a .doc whose piece table is damaged".to_string();
    let clx = table
        .get(fc..fc.checked_add(lcb).ok_or_else(damaged)?)
        .ok_or_else(damaged)?;
    let mut at = 0;
    // Skip formatting (Prc) entries up to the piece table (Pcdt).
    while clx.get(at) == Some(&0x01) {
        let size = u16_at(clx, at + 1).ok_or_else(damaged)? as usize;
        at += 3 + size;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(damaged());
    }
    let size = u32_at(clx, at + 1).ok_or_else(damaged)? as usize;
    let plc = clx.get(at + 5..at + 5 + size).ok_or_else(damaged)?;
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(damaged());
    }
    let n = (plc.len() - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let start = u32_at(plc, i * 4).ok_or_else(damaged)?;
        let end = u32_at(plc, (i + 1) * 4).ok_or_else(damaged)?;
        let raw = u32_at(plc, (n + 1) * 4 + i * 8 + 2).ok_or_else(damaged)?;
        let compressed = raw & 0x4000_0000 != 0;
        let fc = (raw & 0x3FFF_FFFF) as usize;
        let offset = if compressed { fc / 2 } else { fc };
        out.push((start, end.saturating_sub(start), offset, compressed));
    }
    Ok(out)
}

/// An 8-bit character of a compressed piece: Windows-1252, with the few bytes Word maps apart.
fn compressed_char(b: u8) -> char {
    let byte = [b];
    let (c, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
    c.chars().next().unwrap_or('\u{fffd}')
}

/// Word's control characters as text: paragraph and line ends become breaks, table cells are
/// separated, fields keep their result; other controls go.
fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Inside a field's code (between its begin and separator marks), text is not shown.
    let mut in_code: Vec<bool> = Vec::new();
    for c in raw.chars() {
        match c {
            '\u{13}' => in_code.push(true),
            '\u{14}' => {
                if let Some(top) = in_code.last_mut() {
                    *top = false;
                }
            }
            '\u{15}' => {
                in_code.pop();
            }
            _ if in_code.last() == Some(&true) => {}
            '\r' | '\u{0b}' | '\u{0c}' => out.push('\n'),
            '\u{07}' => out.push_str(" | "),
            '\u{1e}' => out.push('-'),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{1f}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The main text of a `.doc`, or why it cannot be read.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let mut file =
        cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| format!("is a damaged Office 97–2003 file ({e})"))?;
    if !file.is_stream("/WordDocument") {
        return Err("is an Office 97–2003 file that is not a Word document (a spreadsheet or slides?)".into());
    }
    let word = read_stream(&mut file, "/WordDocument")?;
    let fib = fib(&word)?;
    let table = read_stream(&mut file, fib.table)?;
    let mut text = String::new();
    // Where each paragraph starts in `text`, and where its end mark is in the stream.
    let mut paragraphs: Vec<(usize, u32)> = Vec::new();
    let mut paragraph_start = 0;
    let mut mark = |text: &str, c: char, fc: usize| {
        if c == '\r' || c == '\u{7}' {
            paragraphs.push((paragraph_start, fc as u32));
            paragraph_start = text.len();
        }
    };
    // Pieces may point at one stretch of the stream again and again, and numbers are written
    // before every paragraph of a list: what they add up to is budgeted.
    let mut budget = Budget::for_file(bytes.len(), "text");
    for (start, count, offset, compressed) in pieces(&table, fib.clx)? {
        if start >= fib.main_chars {
            break;
        }
        let before = text.len();
        let count = count.min(fib.main_chars - start) as usize;
        let width = if compressed { 1 } else { 2 };
        let Some(data) = word.get(offset..offset.saturating_add(count * width)) else {
            return Err("is a .doc whose text lies outside its file (damaged)".into());
        };
        if compressed {
            for (i, &b) in data.iter().enumerate() {
                let c = compressed_char(b);
                text.push(c);
                mark(&text, c, offset + i);
            }
        } else {
            let units = data.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]]));
            let mut fc = offset;
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or('\u{fffd}');
                text.push(c);
                mark(&text, c, fc);
                fc += c.len_utf16() * 2;
            }
        }
        budget.spend(text.len() - before)?;
    }
    let lists = numbering::Numbering::read(&word, &table, fib.numbering);
    Ok(clean(&numbered(&text, &paragraphs, lists, &mut budget)?))
}

/// The text with each numbered paragraph's number written before it.
fn numbered(
    text: &str,
    paragraphs: &[(usize, u32)],
    mut lists: numbering::Numbering,
    budget: &mut Budget,
) -> Result<String, String> {
    let mut out = String::with_capacity(text.len() + paragraphs.len() * 4);
    let mut copied = 0;
    for &(start, mark) in paragraphs {
        let number = lists.next(mark);
        budget.spend(number.len())?;
        if !number.is_empty() {
            out.push_str(&text[copied..start]);
            out.push_str(&number);
            copied = start;
        }
    }
    out.push_str(&text[copied..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_result_and_controls_become_breaks() {
        let raw = "一、法律顾问\r聘请\u{13} HYPERLINK \"x\" \u{14}律师\u{15}两名\u{0b}全年\u{7}16次\u{7}\r";
        assert_eq!(clean(raw), "一、法律顾问\n聘请律师两名\n全年 | 16次 | \n");
    }

    #[test]
    fn not_a_compound_file_is_an_error_not_a_panic() {
        assert!(extract(b"not a doc at all").is_err());
        assert!(extract(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage").is_err_and(|e| e.contains("damaged")));
    }

    #[test]
    fn a_compound_file_without_a_word_document_is_named_so() {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("creates");
        std::io::Write::write_all(&mut file.create_stream("/Workbook").expect("stream"), b"cells").expect("writes");
        let bytes = file.into_inner().into_inner();
        assert!(extract(&bytes).is_err_and(|e| e.contains("not a Word document")));
    }

    #[test]
    fn a_damaged_header_is_refused() {
        assert!(fib(&[0u8; 10]).is_err());
        let mut word = vec![0u8; 1024];
        word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
        word[0x0A..0x0C].copy_from_slice(&0x0100u16.to_le_bytes());
        assert!(fib(&word).is_err_and(|e| e.contains("encrypted")));
    }
}
