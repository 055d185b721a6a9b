//! Text of PDFs set in Chinese fonts that use a predefined CMap (`GBK-EUC-H`, `UniGB-UCS2-H` …)
//! instead of a ToUnicode map, as official-document typesetting systems often produce. The general
//! extractor drops such text; here the shown strings are decoded directly, since their codes are
//! GBK or UTF-16 already. Fonts with a ToUnicode map and simple fonts on the same pages are read
//! too, so a page mixing them comes out whole.

use std::collections::HashMap;

use encoding_rs::GB18030;
use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// How the strings shown in one font turn into text.
#[derive(Debug, Clone)]
enum Decoder {
    /// Predefined CMap over UCS-2 or UTF-16: the codes are UTF-16BE.
    Utf16,
    /// Predefined CMap over GBK/GB2312 (EUC): the codes are GBK bytes.
    Gbk,
    /// A ToUnicode map, codes of `width` bytes.
    Map { width: usize, map: HashMap<u32, String> },
    /// A simple font without a map: bytes as Latin-1 (digits and ASCII come out right).
    Latin1,
    /// A composite font with neither: nothing can be read.
    Unreadable,
}

/// The decoder for a predefined CMap name, if it is one whose codes are text already.
fn predefined(encoding: &str) -> Option<Decoder> {
    let utf16 = ["UniGB-UCS2-", "UniGB-UTF16-", "UniCNS-UCS2-", "UniCNS-UTF16-"];
    let gbk = [
        "GBK-EUC-",
        "GB-EUC-",
        "GBpc-EUC-",
        "GBKp-EUC-",
        "GBK2K-",
        "GBT-EUC-",
        "GBTpc-EUC-",
    ];
    if utf16.iter().any(|p| encoding.starts_with(p)) {
        Some(Decoder::Utf16)
    } else if gbk.iter().any(|p| encoding.starts_with(p)) {
        Some(Decoder::Gbk)
    } else {
        None
    }
}

fn name<'a>(dict: &'a Dictionary, key: &[u8]) -> Option<&'a str> {
    dict.get(key)
        .ok()?
        .as_name()
        .ok()
        .and_then(|n| std::str::from_utf8(n).ok())
}

/// Whether the general extractor can read this font, and if not, whether this module can.
pub enum Support {
    General,
    Predefined,
    Unreadable,
}

/// What can read a font's text.
pub fn support(font: &Dictionary) -> Support {
    let type0 = name(font, b"Subtype") == Some("Type0");
    if !type0 || font.has(b"ToUnicode") {
        Support::General
    } else if name(font, b"Encoding").and_then(predefined).is_some() {
        Support::Predefined
    } else {
        Support::Unreadable
    }
}

fn decoder(doc: &Document, font: &Dictionary) -> Decoder {
    let type0 = name(font, b"Subtype") == Some("Type0");
    if let Some(d) = name(font, b"Encoding").and_then(predefined).filter(|_| type0) {
        return d;
    }
    let map = font
        .get(b"ToUnicode")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_stream().ok())
        .and_then(|s| s.decompressed_content().ok().or_else(|| Some(s.content.clone())))
        .map(|bytes| parse_to_unicode(&String::from_utf8_lossy(&bytes)));
    match (map, type0) {
        (Some(map), true) => Decoder::Map { width: 2, map },
        (Some(map), false) => Decoder::Map { width: 1, map },
        (None, true) => Decoder::Unreadable,
        (None, false) => Decoder::Latin1,
    }
}

/// The `bfchar` and `bfrange` entries of a ToUnicode CMap.
fn parse_to_unicode(cmap: &str) -> HashMap<u32, String> {
    let hex = |s: &str| u32::from_str_radix(s.trim_matches(|c| c == '<' || c == '>'), 16).ok();
    let text = |s: &str| {
        let s = s.trim_matches(|c| c == '<' || c == '>');
        let units: Vec<u16> = s
            .as_bytes()
            .chunks_exact(4)
            .filter_map(|h| u16::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
            .collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = HashMap::new();
    let mut section = "";
    for line in cmap.lines().map(str::trim) {
        if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
            section = if line.ends_with("beginbfchar") { "char" } else { "range" };
            continue;
        }
        if line.starts_with("endbf") {
            section = "";
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        match (section, parts.as_slice()) {
            ("char", [src, dst]) => {
                if let Some(code) = hex(src) {
                    map.insert(code, text(dst));
                }
            }
            ("range", [lo, hi, dst]) if dst.starts_with('<') => {
                let (Some(lo), Some(hi)) = (hex(lo), hex(hi)) else {
                    continue;
                };
                let first: Vec<u16> = text(dst).encode_utf16().collect();
                for (k, code) in (lo..=hi.min(lo + 0xffff)).enumerate() {
                    let mut units = first.clone();
                    if let Some(last) = units.last_mut() {
                        *last = last.wrapping_add(k as u16);
                    }
                    map.insert(code, String::from_utf16_lossy(&units));
                }
            }
            _ => {}
        }
    }
    map
}

fn decode(decoder: &Decoder, bytes: &[u8]) -> String {
    match decoder {
        Decoder::Utf16 => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Decoder::Gbk => GB18030.decode_without_bom_handling(bytes).0.into_owned(),
        Decoder::Map { width, map } => bytes
            .chunks(*width)
            .filter_map(|c| map.get(&c.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b))))
            .map(String::as_str)
            .collect(),
        Decoder::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
        Decoder::Unreadable => String::new(),
    }
}

/// The lines of every page, broken where the text moves down.
pub fn pages(doc: &Document) -> Vec<Vec<super::pdf_lines::PageLine>> {
    doc.get_pages()
        .into_values()
        .map(|page| super::pdf_lines::join_full_lines(&page_text(doc, page)))
        .collect()
}

fn page_text(doc: &Document, page: ObjectId) -> String {
    let decoders: HashMap<Vec<u8>, Decoder> = doc
        .get_page_fonts(page)
        .map(|fonts| fonts.into_iter().map(|(res, font)| (res, decoder(doc, font))).collect())
        .unwrap_or_default();
    let Some(content) = doc.get_page_content(page).ok().and_then(|c| Content::decode(&c).ok()) else {
        return String::new();
    };
    let mut out = String::new();
    let mut font: Option<&Decoder> = None;
    let mut new_line = false;
    let mut last_y: Option<f32> = None;
    for op in &content.operations {
        let number = |i: usize| op.operands.get(i).and_then(|o| o.as_float().ok()).unwrap_or(0.0);
        match op.operator.as_str() {
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|n| decoders.get(n));
            }
            "Td" | "TD" if number(1) != 0.0 => new_line = true,
            "T*" | "'" | "\"" => new_line = true,
            "Tm" => {
                let y = number(5);
                if last_y.is_some_and(|l| (l - y).abs() > 0.01) {
                    new_line = true;
                }
                last_y = Some(y);
            }
            _ => {}
        }
        let strings: Vec<&[u8]> = match op.operator.as_str() {
            "Tj" | "'" | "\"" => op.operands.iter().rev().take(1).filter_map(as_bytes).collect(),
            "TJ" => op
                .operands
                .first()
                .and_then(|o| o.as_array().ok())
                .map(|items| items.iter().filter_map(as_bytes).collect())
                .unwrap_or_default(),
            _ => continue,
        };
        if let Some(decoder) = font {
            if new_line && !out.is_empty() {
                out.push('\n');
            }
            new_line = false;
            for s in strings {
                out.push_str(&decode(decoder, s));
            }
        }
    }
    out
}

fn as_bytes(o: &Object) -> Option<&[u8]> {
    match o {
        Object::String(bytes, _) => Some(bytes),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_maps_by_char_and_by_range() {
        let cmap =
            "2 beginbfchar\n<0001> <6CD5>\n<0002> <6CBB>\nendbfchar\n1 beginbfrange\n<0010> <0012> <4E00>\nendbfrange";
        let map = parse_to_unicode(cmap);
        assert_eq!(map[&1], "法");
        assert_eq!(map[&2], "治");
        assert_eq!(map[&0x12], "丂"); // 4E00 + 2
        // Damaged entries are skipped, never a panic.
        let map = parse_to_unicode("1 beginbfchar\n<0003> <é6CD5>\n<zz> <6CD5>\nendbfchar");
        assert!(map.len() <= 1);
    }

    #[test]
    fn predefined_cmaps_decode_their_codes() {
        let gbk = GB18030.encode("依法行政2024年").0;
        assert_eq!(decode(&Decoder::Gbk, &gbk), "依法行政2024年");
        let utf16: Vec<u8> = "规范性文件".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&Decoder::Utf16, &utf16), "规范性文件");
        assert!(predefined("Identity-H").is_none());
    }
}
