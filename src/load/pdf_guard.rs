//! A PDF is loaded within bounds: what its compressed streams unpack to (object streams while
//! loading, every stream after, each page's contents as often as pages use them), how many pages
//! it has, and how many codes its fonts' ToUnicode maps cover (the extractor writes every code of
//! a range out, for every page that sets the font). Each is measured before the extractor does
//! the work, so a small file built to unfold into gigabytes is refused with one line instead.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Write};

use pdf_extract::{Document, Object, ObjectId, Stream};

use super::budget::Budget;

/// Most pages read: reports run to dozens; a file of a hundred thousand empty pages is not one.
pub(super) const MAX_PAGES: usize = 10_000;

/// Most codes the ToUnicode maps of a PDF may cover together: a full two-byte map is 65,536.
const MAX_MAP_CODES: u64 = 1 << 20;

/// Most codes written out over all pages: the extractor rebuilds a page's fonts on each page.
const MAX_MAP_WORK: u64 = 1 << 27;

thread_local! {
    /// The budget of the PDF being loaded on this thread, read by the loader's object filter
    /// (a plain function, so it cannot carry state of its own).
    static LOADING: RefCell<Option<Budget>> = const { RefCell::new(None) };
    /// Set when an object stream ran past the budget while loading.
    static EXCEEDED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Loads a PDF with its object streams unpacked within `budget`, then checks every stream, the
/// page count and the fonts' maps. Panics of the parser are left to the caller to catch.
pub(super) fn load(bytes: &[u8]) -> Result<Result<Document, pdf_extract::OutputError>, String> {
    // A file of page objects past the limit is refused before the parser builds them all.
    let pages = page_objects(bytes);
    if pages > MAX_PAGES {
        return Err(format!(
            "is a PDF of {pages} pages or more; at most {MAX_PAGES} are read"
        ));
    }
    let budget = Budget::for_file(bytes.len(), "unpacked streams");
    LOADING.with(|l| *l.borrow_mut() = Some(budget));
    EXCEEDED.with(|e| e.borrow_mut().take());
    let options = pdf_extract::LoadOptions {
        filter: Some(object_stream_within_budget),
        ..Default::default()
    };
    let loaded = Document::load_mem_with_options(bytes, options);
    let budget = LOADING.with(|l| l.borrow_mut().take());
    if let Some(message) = EXCEEDED.with(|e| e.borrow_mut().take()) {
        return Err(message);
    }
    let Ok(mut doc) = loaded else {
        return Ok(loaded.map_err(Into::into));
    };
    if doc.is_encrypted()
        && let Err(e) = doc.decrypt("")
    {
        // An empty user password makes a file readable by anyone; another is the reader's to give.
        return Ok(Err(e.into()));
    }
    let budget = budget.unwrap_or_else(|| Budget::for_file(bytes.len(), "unpacked streams"));
    check(&doc, budget, Budget::for_file(bytes.len(), "page contents"))?;
    Ok(Ok(doc))
}

/// How many page objects the file spells out (`/Page` as a name of its own, not `/Pages` or
/// `/PageMode`): a count of those outside object streams, found in one pass.
fn page_objects(bytes: &[u8]) -> usize {
    let delimiter = |b: Option<&u8>| b.is_none_or(|&b| b.is_ascii_whitespace() || b"/<>[]()%".contains(&b));
    memchr::memmem::find_iter(bytes, b"/Page")
        .filter(|&at| delimiter(bytes.get(at + 5)))
        .count()
}

/// The loader's object filter: an object stream is unpacked by the loader itself, so its size is
/// measured first and one past the budget is dropped (and the file then refused). Streams are
/// never inside object streams, so a stream's returned copy is never used and need not be made.
fn object_stream_within_budget(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    let Object::Stream(stream) = object else {
        return Some((id, object.clone()));
    };
    if stream.dict.has_type(b"ObjStm") {
        let within = LOADING.with(|l| {
            let mut l = l.borrow_mut();
            let budget = l.as_mut()?;
            let size = unpacked(stream, budget.left()).ok()?;
            budget.spend(size).ok()
        });
        if within.is_none() {
            let message = LOADING.with(|l| l.borrow().as_ref().map(Budget::exceeded));
            EXCEEDED.with(|e| *e.borrow_mut() = message);
            return None;
        }
    }
    Some((id, Object::Null))
}

/// Every stream unpacked once within the budget, each page's contents as often as pages use
/// them, the page count, and the codes the fonts' maps cover.
fn check(doc: &Document, mut budget: Budget, mut contents: Budget) -> Result<(), String> {
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(format!(
            "is a PDF of {} pages; at most {MAX_PAGES} are read",
            pages.len()
        ));
    }
    let mut sizes: HashMap<ObjectId, usize> = HashMap::new();
    let mut map_codes = 0u64;
    for (&id, object) in &doc.objects {
        let Object::Stream(stream) = object else { continue };
        if stream.dict.has_type(b"ObjStm") {
            continue; // unpacked and counted while loading
        }
        let content = unpacked_content(stream, budget.left()).map_err(|()| budget.exceeded())?;
        budget.spend(content.len())?;
        map_codes = map_codes.saturating_add(range_codes(&content));
        sizes.insert(id, content.len());
    }
    if map_codes > MAX_MAP_CODES || map_codes.saturating_mul(pages.len() as u64) > MAX_MAP_WORK {
        return Err(format!(
            "is a PDF whose fonts map {map_codes} codes to text over {} pages: too many to read",
            pages.len()
        ));
    }
    // A content stream shared by many pages is unpacked for each of them.
    for &page in pages.values() {
        for id in doc.get_page_contents(page) {
            contents.spend(sizes.get(&id).copied().unwrap_or(0))?;
        }
    }
    Ok(())
}

/// How many bytes a stream unpacks to, up to `cap`; `Err` past it.
fn unpacked(stream: &Stream, cap: usize) -> Result<usize, ()> {
    unpacked_content(stream, cap).map(|c| c.len())
}

/// A stream's content through the filters the loader can undo (Flate, LZW, ASCII85), in order,
/// never holding more than `cap` bytes; `Err` past it. Other filters (images) stop the chain.
fn unpacked_content(stream: &Stream, cap: usize) -> Result<Vec<u8>, ()> {
    let filters = stream.filters().unwrap_or_default();
    let mut data = stream.content.clone();
    if data.len() > cap {
        return Err(());
    }
    for filter in filters {
        data = match filter {
            b"FlateDecode" | b"Fl" => inflate(&data, cap)?,
            b"LZWDecode" | b"LZW" => lzw(&data, cap)?,
            // At most four bytes for one character (`z`): bounded by the input.
            b"ASCII85Decode" | b"A85" => {
                let mut dict = pdf_extract::Dictionary::new();
                dict.set("Filter", Object::Name(b"ASCII85Decode".to_vec()));
                Stream::new(dict, data).decompressed_content().map_err(|_| ())?
            }
            _ => break,
        };
        if data.len() > cap {
            return Err(());
        }
    }
    Ok(data)
}

fn inflate(data: &[u8], cap: usize) -> Result<Vec<u8>, ()> {
    let mut out = Vec::new();
    let read = flate2::read::ZlibDecoder::new(data)
        .take(cap as u64 + 1)
        .read_to_end(&mut out);
    // As the loader does: a broken zlib wrapper is tried again as raw deflate.
    if read.is_err() && out.is_empty() && data.len() > 2 {
        let _ = flate2::read::DeflateDecoder::new(&data[2..])
            .take(cap as u64 + 1)
            .read_to_end(&mut out);
    }
    if out.len() > cap { Err(()) } else { Ok(out) }
}

fn lzw(data: &[u8], cap: usize) -> Result<Vec<u8>, ()> {
    /// Writes up to `cap` bytes, then refuses and remembers it.
    struct Capped {
        out: Vec<u8>,
        cap: usize,
        over: bool,
    }
    impl Write for Capped {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.out.len() + buf.len() > self.cap {
                self.over = true;
                return Err(std::io::Error::other("over the cap"));
            }
            self.out.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Capped {
        out: Vec::new(),
        cap,
        over: false,
    };
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    // A broken code ends the data, as in the loader; only the cap is an error.
    let _ = decoder.into_stream(&mut out).decode_all(data).status;
    if out.over { Err(()) } else { Ok(out.out) }
}

/// How many codes the `bfrange` sections of a ToUnicode map cover (each range `<lo> <hi> dst`).
fn range_codes(content: &[u8]) -> u64 {
    let mut total = 0u64;
    let mut rest = content;
    while let Some(start) = find(rest, b"beginbfrange") {
        rest = &rest[start + b"beginbfrange".len()..];
        let end = find(rest, b"endbfrange").unwrap_or(rest.len());
        let mut codes = Vec::new();
        let mut section = &rest[..end];
        // Hex strings in order; an array destination is skipped whole.
        while let Some(i) = section.iter().position(|&b| b == b'<' || b == b'[') {
            let close = if section[i] == b'<' { b'>' } else { b']' };
            let j = section[i..]
                .iter()
                .position(|&b| b == close)
                .map_or(section.len(), |j| i + j);
            if section[i] == b'<' {
                let hex: String = section[i + 1..j]
                    .iter()
                    .filter(|b| b.is_ascii_hexdigit())
                    .map(|&b| b as char)
                    .collect();
                codes.push(u64::from_str_radix(hex.get(hex.len().saturating_sub(8)..).unwrap_or(""), 16).unwrap_or(0));
            } else {
                codes.push(0);
            }
            if codes.len() == 3 {
                total = total.saturating_add(codes[1].saturating_sub(codes[0]).saturating_add(1));
                codes.clear();
            }
            section = &section[(j + 1).min(section.len())..];
        }
        rest = &rest[end..];
    }
    total
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_objects_are_counted_by_their_type_alone() {
        let pdf = b"<</Type /Page/Parent 2 0 R>> << /Type/Page >> <</Type /Pages>> /PageMode /UseNone /Type /Page";
        assert_eq!(page_objects(pdf), 3);
    }

    #[test]
    fn ranges_of_a_to_unicode_map_are_counted() {
        let cmap = b"2 beginbfrange\n<0000> <00FF> <0020>\n<0100> <0101> [<4E00> <4E01>]\nendbfrange\n1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange";
        assert_eq!(range_codes(cmap), 256 + 2 + (1 << 32));
    }

    #[test]
    fn streams_unpack_within_the_cap_or_not_at_all() {
        use flate2::{Compression, write::ZlibEncoder};
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&vec![b'0'; 10 << 20]).unwrap();
        let bomb = encoder.finish().unwrap();
        assert!(bomb.len() < 20_000);
        let mut dict = pdf_extract::Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let stream = Stream::new(dict, bomb);
        assert_eq!(unpacked(&stream, 1 << 20), Err(()));
        assert_eq!(unpacked(&stream, 11 << 20), Ok(10 << 20));
    }
}
