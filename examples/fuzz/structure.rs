//! Mutations that know the formats' structures, for the classes of input that byte flips seldom
//! reach: a list definition or paragraph cloned thousands of times, number text and list prefixes
//! blown up, attributes piled on one element, a .doc's piece and list tables pointed anywhere, a
//! PDF's ToUnicode ranges widened, its streams swapped for compression bombs, its page list
//! repeated.

use std::io::{Read, Write};

use super::Rng;

/// Values that break assumptions about counts, offsets and lengths.
const EXTREMES: &[u32] = &[0, 1, 2, 8, 9, 255, 256, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0xFFFF_FFFF];

/// An XML part changed in its structure: an element repeated, an attribute value grown, many
/// attributes added, a number made extreme.
pub fn xml(rng: &mut Rng, text: &str) -> String {
    let starts: Vec<usize> = text
        .match_indices('<')
        .map(|(i, _)| i)
        .filter(|&i| text[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    let Some(&at) = starts.get(rng.below(starts.len())) else {
        return text.to_string();
    };
    let tag_end = text[at..].find('>').map_or(text.len(), |i| at + i + 1);
    let name: String = text[at + 1..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
        .collect();
    match rng.below(4) {
        // The element, up to its end tag, repeated.
        0 => {
            let close = format!("</{name}>");
            let end = if text[..tag_end].ends_with("/>") {
                tag_end
            } else {
                text[tag_end..]
                    .find(&close)
                    .map_or(tag_end, |i| tag_end + i + close.len())
            };
            let element = &text[at..end];
            let times = [10, 1_000, 100_000][rng.below(3)].min(12_000_000 / element.len().max(1));
            format!("{}{}{}", &text[..at], element.repeat(times), &text[end..])
        }
        // An attribute value grown (number text, a list prefix, a style name).
        1 => match text[at..tag_end].find("=\"") {
            Some(i) => {
                let value_at = at + i + 2;
                let value_end = text[value_at..].find('"').map_or(value_at, |j| value_at + j);
                let value = if value_at == value_end {
                    "%1"
                } else {
                    &text[value_at..value_end]
                };
                let grown = value.repeat([100, 10_000, 1_000_000][rng.below(3)] / value.len().max(1));
                format!("{}{grown}{}", &text[..value_at], &text[value_end..])
            }
            None => text.to_string(),
        },
        // Attributes piled on the element.
        2 => {
            let n = [300, 30_000, 300_000][rng.below(3)];
            let attrs: String = (0..n).map(|i| format!(" x{i}=\"{i}\"")).collect();
            let name_end = at + 1 + name.len();
            format!("{}{attrs}{}", &text[..name_end], &text[name_end..])
        }
        // A number in the tag made extreme.
        _ => match text[at..tag_end].find(|c: char| c.is_ascii_digit()) {
            Some(i) => {
                let from = at + i;
                let to = text[from..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(text.len(), |j| from + j);
                let value = EXTREMES[rng.below(EXTREMES.len())];
                format!("{}{value}{}", &text[..from], &text[to..])
            }
            None => text.to_string(),
        },
    }
}

/// A .doc with its piece table, list definitions or list overrides (located through the FIB)
/// mutated: a count, offset or length set to an extreme, a stretch repeated; `None` when it is no
/// readable compound file.
pub fn doc(rng: &mut Rng, data: &[u8]) -> Option<Vec<u8>> {
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(data.to_vec())).ok()?;
    let mut word = Vec::new();
    file.open_stream("/WordDocument").ok()?.read_to_end(&mut word).ok()?;
    let flags = u16::from_le_bytes(word.get(0x0A..0x0C)?.try_into().ok()?);
    let table_name = if flags & 0x0200 != 0 { "/1Table" } else { "/0Table" };
    let mut table = Vec::new();
    file.open_stream(table_name).ok()?.read_to_end(&mut table).ok()?;
    // The (fc, lcb) pairs of the FIB: the piece table is the 34th, the lists the 74th and 75th.
    let u16_at = |b: &[u8], at: usize| Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize);
    let u32_at = |b: &[u8], at: usize| Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize);
    let lw_at = 34 + u16_at(&word, 32)? * 2;
    let pairs_at = lw_at + 2 + u16_at(&word, lw_at)? * 4 + 2;
    let pair = [33, 73, 74, 1, 13][rng.below(5)];
    let fc = u32_at(&word, pairs_at + pair * 8)?;
    let lcb = u32_at(&word, pairs_at + pair * 8 + 4)?;
    let (from, to) = (fc.min(table.len()), fc.saturating_add(lcb).min(table.len()));
    if to <= from {
        return None;
    }
    for _ in 0..1 + rng.below(4) {
        let at = from + rng.below(to - from);
        if rng.below(3) == 0 {
            // A stretch of the structure repeated in place (more pieces, more overrides).
            let n = rng.below((to - at).min(64)) + 1;
            let chunk = table[at..at + n].to_vec();
            for _ in 0..1 + rng.below(100) {
                table.splice(at..at, chunk.iter().copied());
            }
        } else {
            let value = EXTREMES[rng.below(EXTREMES.len())].to_le_bytes();
            let width = [1, 2, 4][rng.below(3)];
            for (k, b) in value.iter().take(width).enumerate() {
                if let Some(slot) = table.get_mut(at + k) {
                    *slot = *b;
                }
            }
        }
    }
    let mut out = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).ok()?;
    out.create_stream("/WordDocument").ok()?.write_all(&word).ok()?;
    out.create_stream(table_name).ok()?.write_all(&table).ok()?;
    out.flush().ok()?;
    Some(out.into_inner().into_inner())
}

/// A PDF with one structure mutated: a stream's data swapped for a Flate bomb, a ToUnicode map's
/// range widened (inside compressed streams too), or the page list repeated.
pub fn pdf(rng: &mut Rng, data: &[u8]) -> Option<Vec<u8>> {
    let streams: Vec<(usize, usize)> = find_all(data, b"stream")
        .filter(|&i| !data[..i].ends_with(b"end"))
        .filter_map(|i| {
            let start = i + 6 + if data.get(i + 6) == Some(&b'\r') { 2 } else { 1 };
            let end = find_all(&data[start..], b"endstream").next()? + start;
            Some((start, end))
        })
        .collect();
    match rng.below(3) {
        0 => {
            let &(start, end) = streams.get(rng.below(streams.len()))?;
            let size = [1 << 20, 16 << 20, 64 << 20][rng.below(3)];
            let bomb = deflate(&vec![b' '; size]);
            Some(splice(data, start..end, &bomb))
        }
        1 => {
            // Widened in every map found, compressed or not.
            let mut out = data.to_vec();
            for &(start, end) in streams.iter().rev() {
                let raw = &data[start..end];
                let (text, packed) = match inflate(raw) {
                    Some(t) => (t, true),
                    None => (raw.to_vec(), false),
                };
                let Some(at) = find_all(&text, b"beginbfrange").next() else {
                    continue;
                };
                let mut widened = text[..at].to_vec();
                let range: &[u8] = [
                    b"beginbfrange\n<0000> <FFFF> <4E00>\n".as_slice(),
                    b"beginbfrange\n<00000000> <FFFFFFFF> <0000>\n",
                    b"beginbfrange\n<0000> <FFFF> [<4E00>]\n",
                ][rng.below(3)];
                widened.extend_from_slice(range);
                widened.extend_from_slice(&text[at + b"beginbfrange".len()..]);
                let body = if packed { deflate(&widened) } else { widened };
                out = splice(&out, start..end, &body);
            }
            Some(out)
        }
        _ => {
            let at = find_all(data, b"/Kids").next()?;
            let open = data[at..].iter().position(|&b| b == b'[')? + at + 1;
            let close = data[open..].iter().position(|&b| b == b']')? + open;
            let kids = data[open..close].to_vec();
            let times = [100, 10_000, 200_000][rng.below(3)].min(12_000_000 / kids.len().max(1));
            Some(splice(data, open..close, &kids.repeat(times)))
        }
    }
}

fn find_all<'a>(haystack: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    memchr::memmem::find_iter(haystack, needle)
}

fn splice(data: &[u8], range: std::ops::Range<usize>, with: &[u8]) -> Vec<u8> {
    let mut out = data[..range.start].to_vec();
    out.extend_from_slice(with);
    out.extend_from_slice(&data[range.end..]);
    out
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data)
        .take(8 << 20)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}
