//! The XML parts of a .docx or .odt package: read within a budget, decoded as an office program
//! decodes them (UTF-8, UTF-16 with or without its mark, a declared legacy encoding; a bad byte
//! becomes U+FFFD rather than costing the document), and parsed with each element's attributes
//! capped before parsing.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use super::attributes::{MAX_ATTRIBUTES, capped};
use super::budget::Budget;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Largest part read from a package: a report's document.xml is well under 1 MiB; this stops
/// archives built to unpack into gigabytes, whatever the budget.
const MAX_PART_BYTES: u64 = 64 << 20;

/// A package's parts, read against one budget for what they unpack to.
pub(super) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    budget: Budget,
}

impl<'a> Package<'a> {
    /// Opens a ZIP package; `kind` names it in the message when it is not one (".docx").
    pub fn open(bytes: &'a [u8], kind: &str) -> Result<Self, String> {
        let zip =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("is not a readable {kind} file ({e})"))?;
        Ok(Package {
            zip,
            budget: Budget::for_file(bytes.len(), "unpacked XML"),
        })
    }

    /// A part of the package as text ready to parse (attributes capped); `None` when the package
    /// has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, String> {
        let Ok(file) = self.zip.by_name(name) else {
            return Ok(None);
        };
        let mut bytes = Vec::new();
        // The size in the archive's directory can lie; the read is capped all the same.
        let cap = MAX_PART_BYTES.min(self.budget.left() as u64);
        file.take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("has an unreadable part {name} ({e})"))?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(format!("has a part {name} over {} MiB unpacked", MAX_PART_BYTES >> 20));
        }
        self.budget.spend(bytes.len())?;
        let text = decode(&bytes);
        Ok(Some(match capped(&text, MAX_ATTRIBUTES) {
            Cow::Borrowed(_) => text,
            Cow::Owned(cut) => cut,
        }))
    }
}

/// The text of an XML part: a byte order mark, else the bytes of `<?` in UTF-16, else the
/// declared encoding, else UTF-8; undecodable bytes become U+FFFD.
fn decode(bytes: &[u8]) -> String {
    let encoding = if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        encoding
    } else if bytes.starts_with(b"<\0?\0") {
        UTF_16LE
    } else if bytes.starts_with(b"\0<\0?") {
        UTF_16BE
    } else {
        declared(bytes).unwrap_or(UTF_8)
    };
    // The BOM, if any, is taken off by `decode`.
    encoding.decode(bytes).0.into_owned()
}

/// The encoding an XML declaration names, when the bytes start with one in ASCII.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(200))?;
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let value = decl
        .split("encoding")
        .nth(1)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = value.chars().next().filter(|&q| q == '"' || q == '\'')?;
    let label = value[1..].split(quote).next()?;
    // A part that declares UTF-16 but starts in ASCII bytes is not UTF-16.
    Encoding::for_label(label.as_bytes()).filter(|e| *e != UTF_16LE && *e != UTF_16BE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_decode_as_office_programs_read_them() {
        let xml = r#"<?xml version="1.0" encoding="UTF-16"?><w:t>规范性文件</w:t>"#;
        let le: Vec<u8> = xml.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = xml.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let mut bom = vec![0xFF, 0xFE];
        bom.extend_from_slice(&le);
        for bytes in [le, be, bom] {
            assert_eq!(decode(&bytes), xml);
        }
        let gbk = r#"<?xml version="1.0" encoding="GBK"?><t>规范性文件</t>"#;
        assert_eq!(decode(&encoding_rs::GBK.encode(gbk).0), gbk);
        // One bad byte costs one character, not the part.
        let mut bad = b"<t>\xE8\xA7\x84".to_vec();
        bad.push(0xFF);
        bad.extend_from_slice("范</t>".as_bytes());
        assert_eq!(decode(&bad), "<t>规\u{FFFD}范</t>");
    }
}
