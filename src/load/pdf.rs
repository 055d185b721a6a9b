//! PDF files with a text layer: the text of every page, without the page-number lines that Chinese
//! official documents print at the foot of each page (`- 3 -`) or the running headers and footers
//! repeated on every page. A PDF with no text (a scan) is
//! refused with a message that says so.

use std::cell::Cell;

use super::{pdf_cjk, pdf_guard, pdf_lines, pdf_pages};
use crate::text::is_han;

/// Fewer visible characters than this in the whole file means there is no text layer to speak of.
const MIN_TEXT_CHARS: usize = 20;

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Why a PDF is past the bounds it is read within: carried through the extractor's error type.
#[derive(Debug)]
struct Bounds(String);

impl std::fmt::Display for Bounds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Bounds {}

/// Whether this thread is inside the PDF parser. The parser can panic on malformed files; such
/// a panic is caught and reported as an unreadable file, so a panic hook should stay quiet for it.
pub fn in_parser() -> bool {
    EXTRACTING.with(Cell::get)
}

/// The text of a PDF, or why there is none.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    EXTRACTING.with(|e| e.set(true));
    let result = std::panic::catch_unwind(|| -> Result<(String, Vec<String>, usize), pdf_extract::OutputError> {
        // A file the parser cannot load is an error that says why; one past its bounds, too.
        let doc = match pdf_guard::load(bytes) {
            Ok(loaded) => loaded?,
            Err(too_large) => {
                return Err(pdf_extract::OutputError::IoError(std::io::Error::other(Bounds(
                    too_large,
                ))));
            }
        };
        let page_count = doc.get_pages().len();
        let fonts = fonts_in_use(&doc);
        if !fonts.unreadable.is_empty() {
            return Ok((String::new(), fonts.unreadable, page_count));
        }
        let pages = if fonts.predefined {
            pdf_cjk::pages(&doc)
        } else {
            let mut pages = pdf_lines::Pages::default();
            pdf_extract::output_doc(&doc, &mut pages)?;
            pages.lines()
        };
        Ok((pdf_pages::join(&pages), Vec::new(), page_count))
    });
    EXTRACTING.with(|e| e.set(false));
    let text = match result {
        Ok(Ok((_, unmapped, _))) if !unmapped.is_empty() => {
            return Err(format!(
                "is a PDF whose Chinese fonts ({}) carry no map to Unicode, so their text cannot be read: export it again from the original, or use the .docx or text version",
                unmapped.join(", ")
            ));
        }
        Ok(Ok((text, _, pages))) => (text, pages),
        Ok(Err(pdf_extract::OutputError::PdfError(e))) if e.to_string().to_lowercase().contains("decrypt") => {
            return Err("is an encrypted PDF: remove the password and try again".into());
        }
        Ok(Err(pdf_extract::OutputError::IoError(e))) if e.get_ref().is_some_and(|e| e.is::<Bounds>()) => {
            return Err(e.into_inner().map(|e| e.to_string()).unwrap_or_default());
        }
        Ok(Err(e)) => return Err(format!("is not a readable PDF ({e})")),
        Err(_) => return Err("is a PDF that could not be read (its structure is damaged)".into()),
    };
    let (text, pages) = text;
    let text = drop_autospace(&text);
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    // No text and no page at all is no scan: the page tree is broken (a cycle, a missing node).
    if visible < MIN_TEXT_CHARS && pages == 0 {
        return Err("is a PDF whose pages could not be found (its page tree is damaged): export it again".into());
    }
    if visible < MIN_TEXT_CHARS {
        return Err(
            "is a PDF without a text layer (a scanned image?): run OCR on it first, or use the .docx or text version"
                .into(),
        );
    }
    Ok(text)
}

/// What the fonts set on the pages need.
#[derive(Debug, Default)]
struct FontsInUse {
    /// Composite fonts with neither a ToUnicode map nor a predefined CMap whose codes are text: the
    /// general extractor turns their characters into nothing, so a report set in them would
    /// silently lose text (and the comparison would show it as deleted); such files are refused.
    unreadable: Vec<String>,
    /// Some font uses a predefined Chinese CMap (`GBK-EUC-H` …): read with [`pdf_cjk`].
    predefined: bool,
}

fn fonts_in_use(doc: &pdf_extract::Document) -> FontsInUse {
    use pdf_extract::Object;
    let name = |o: Result<&Object, _>| {
        o.and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
    };
    let mut unreadable = std::collections::BTreeSet::new();
    let mut predefined = false;
    for page in doc.get_pages().into_values() {
        let (Ok(fonts), Ok(content)) = (doc.get_page_fonts(page), doc.get_page_content(page)) else {
            continue;
        };
        for (resource, font) in fonts {
            // A resource named in the page's content is a font that is actually set (`/F1 10 Tf`).
            let used = content
                .windows(resource.len() + 1)
                .any(|w| w[0] == b'/' && w[1..] == resource[..]);
            match pdf_cjk::support(font) {
                _ if !used => {}
                pdf_cjk::Support::General => {}
                pdf_cjk::Support::Predefined => predefined = true,
                pdf_cjk::Support::Unreadable => {
                    unreadable.insert(name(font.get(b"BaseFont")).unwrap_or_else(|_| "unnamed".into()));
                }
            }
        }
    }
    FontsInUse {
        unreadable: unreadable.into_iter().collect(),
        predefined,
    }
}

/// Removes the gap a typesetter puts between Chinese and Latin letters or digits (`2024 年度`,
/// LibreOffice's and Word's Asian/non-Asian spacing): on the page it is spacing, not a typed blank,
/// and the text it came from reads `2024年度`.
fn drop_autospace(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let latin = |c: char| c.is_ascii_alphanumeric();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 && i + 1 < chars.len() {
            let (before, after) = (chars[i - 1], chars[i + 1]);
            if (is_han(before) && latin(after)) || (latin(before) && is_han(after)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_between_chinese_and_latin_text_goes_and_typed_blanks_stay() {
        assert_eq!(drop_autospace("示例市 2024 年度 报告"), "示例市2024年度 报告");
        assert_eq!(drop_autospace("共 16 次 , A 级"), "共16次 , A级");
        assert_eq!(drop_autospace("Word 2007 版本"), "Word 2007版本");
    }

    #[test]
    fn garbage_is_an_unreadable_pdf_not_a_panic() {
        let err = extract(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF").unwrap_err();
        assert!(err.contains("PDF"), "{err}");
    }
}
