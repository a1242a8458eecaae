//! Bytes on disk → Unicode text, with a map back to the bytes.
//!
//! Order of evidence: an explicit `--encoding`, then a byte-order mark (UTF-8, UTF-16),
//! then BOM-less UTF-16 (alternating NULs), then UTF-8 (also when only a few bytes are
//! broken), and last a legacy encoding guessed by chardetng. Bytes that do not decode
//! become U+FFFD and the first bad offset is reported, never a crash.

use encoding_rs::{CoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::offsets::OffsetMap;

/// Decoded text and where each of its bytes came from.
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) map: OffsetMap,
    /// The encoding the bytes were read as.
    pub(crate) encoding: &'static Encoding,
    /// A one-line warning for the user (bad bytes replaced), if any; without the path.
    pub(crate) warning: Option<String>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Not text; names the kind of file when it is recognisable (e.g. "a PDF").
    Binary(Option<&'static str>),
}

/// Looks up an encoding by any WHATWG label ("utf-8", "latin1", "cp1252", "utf-16le", …).
pub fn lookup(name: &str) -> Option<&'static Encoding> {
    let name = name.trim();
    Encoding::for_label(name.as_bytes()).or_else(|| {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf16" | "utf-16" | "ucs-2" => Some(UTF_16LE),
            "utf8" => Some(UTF_8),
            "cp1252" | "win1252" | "windows1252" | "latin-1" => encoding_rs::WINDOWS_1252.into(),
            _ => None,
        }
    })
}

/// Decodes with the encoding detected from the bytes.
#[cfg(test)]
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_as(bytes, None)
}

/// Decodes `bytes` as `forced` when given, else as detected.
#[cfg(test)]
pub(crate) fn decode_as(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    decode_hinted(bytes, forced, None)
}

/// Like [`decode_as`], with the encoding a document declares (an HTML `<meta charset>`)
/// trusted over guessing, but not over a BOM or bytes that are valid UTF-8 (a page
/// re-saved as UTF-8 often keeps its old declaration).
pub(crate) fn decode_hinted(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    let bom = Encoding::for_bom(bytes);
    if let Some(enc) = forced {
        // A BOM of the chosen encoding is still not text.
        let skip = bom.filter(|(b, _)| *b == enc).map_or(0, |(_, n)| n);
        return Ok(decode_with(&bytes[skip..], skip, enc));
    }
    if let Some((enc, skip)) = bom {
        return Ok(decode_with(&bytes[skip..], skip, enc));
    }
    if let Some(enc) = bomless_utf16(bytes) {
        return Ok(decode_with(bytes, 0, enc));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(decode_with(bytes, 0, UTF_8));
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_16LE && *e != UTF_16BE) {
        return Ok(decode_with(bytes, 0, enc));
    }
    if mostly_utf8(bytes) {
        return Ok(decode_with(bytes, 0, UTF_8));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(decode_with(bytes, 0, guess))
}

/// Decodes `body` (which starts `skip` bytes into the file) as `enc`.
fn decode_with(body: &[u8], skip: usize, enc: &'static Encoding) -> Decoded {
    if enc == UTF_8 {
        return utf8(body, skip);
    }
    let mut text = String::with_capacity(body.len() + body.len() / 2);
    let mut map = OffsetMap::default();
    let mut bad = Bad::default();
    let mut decoder = enc.new_decoder_without_bom_handling();
    // Fed one byte at a time so every output char is tied to the bytes that made it;
    // encoding_rs keeps the state of multi-byte sequences between calls.
    let mut pending = 0; // first byte not yet accounted for
    for i in 0..=body.len() {
        let last = i == body.len();
        let input = if last { &[][..] } else { &body[i..=i] };
        let before = text.len();
        text.reserve(
            decoder
                .max_utf8_buffer_length(input.len())
                .unwrap_or(16)
                .max(16),
        );
        let (result, _, replaced) = decoder.decode_to_string(input, &mut text, last);
        debug_assert!(matches!(result, CoderResult::InputEmpty));
        let start = pending;
        if text.len() > before {
            let end = if last { body.len() } else { i + 1 };
            // Output with no bytes left to own (a flush) stays with the last byte.
            let from = if end > start {
                start
            } else {
                start.saturating_sub(1)
            };
            map.push(
                before,
                text.len() - before,
                skip + from,
                end.max(from + 1) - from,
            );
            pending = end;
        }
        if replaced {
            bad.note(skip + start);
        }
    }
    Decoded {
        text,
        map,
        encoding: enc,
        warning: bad.warning(enc),
    }
}

/// UTF-8, with each invalid sequence replaced by U+FFFD mapped to its bytes.
fn utf8(body: &[u8], skip: usize) -> Decoded {
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: text.to_owned(),
            map: OffsetMap::linear(text.len(), skip),
            encoding: UTF_8,
            warning: None,
        };
    }
    let mut text = String::with_capacity(body.len() + 16);
    let mut map = OffsetMap::default();
    let mut bad = Bad::default();
    let mut at = 0;
    for chunk in body.utf8_chunks() {
        let valid = chunk.valid();
        map.push(text.len(), valid.len(), skip + at, valid.len());
        text.push_str(valid);
        at += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            bad.note(skip + at);
            map.push(text.len(), 3, skip + at, invalid.len());
            text.push('\u{FFFD}');
            at += invalid.len();
        }
    }
    Decoded {
        text,
        map,
        encoding: UTF_8,
        warning: bad.warning(UTF_8),
    }
}

/// The encoding an HTML page declares in its first 1024 bytes (`<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`), as browsers pre-scan.
pub(crate) fn html_declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(value) = tag
            .find("charset")
            .and_then(|c| tag[c + 7..].trim_start().strip_prefix('='))
        {
            let value = value.trim_start().trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | '/' | '>'))
                .unwrap_or(value.len());
            return Encoding::for_label(&value.as_bytes()[..end]);
        }
        rest = &rest[at + 5..];
    }
    None
}

/// Bytes that did not decode: how many and where the first was.
#[derive(Default)]
struct Bad {
    first: Option<usize>,
    count: usize,
}

impl Bad {
    fn note(&mut self, offset: usize) {
        self.first.get_or_insert(offset);
        self.count += 1;
    }

    fn warning(&self, enc: &'static Encoding) -> Option<String> {
        let first = self.first?;
        let more = if self.count > 1 {
            format!(" (and {} more)", self.count - 1)
        } else {
            String::new()
        };
        Some(format!(
            "invalid {} at byte {first}{more}; shown as \u{FFFD}",
            enc.name()
        ))
    }
}

/// True when broken sequences are rare next to well-formed multi-byte UTF-8: a UTF-8
/// file with a damaged spot, not a legacy file that happens to contain a valid pair.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > 0 && 2 * good >= bad
}

/// UTF-16 without a BOM: in ASCII-heavy text every other byte is NUL.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let text_like = |other: &[u8]| {
        other
            .iter()
            .filter(|&&b| b.is_ascii_graphic() || b == b' ' || b == b'\n')
            .count()
            * 10
            >= pairs * 9
    };
    if odd_nul * 10 >= pairs * 9
        && even_nul == 0
        && text_like(&head.iter().step_by(2).copied().collect::<Vec<_>>())
    {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9
        && odd_nul == 0
        && text_like(&head.iter().skip(1).step_by(2).copied().collect::<Vec<_>>())
    {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Some(kind) when the bytes are not text: a known binary signature, NUL bytes beyond
/// a stray one or two, or many control bytes.
fn binary_kind(bytes: &[u8]) -> Option<Option<&'static str>> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF"),
        (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .epub)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "gzip-compressed"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"\x7FELF", "a program"),
        (b"{\\rtf", "an RTF document"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(Some(kind));
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    // A stray NUL in a text file is shown as ␀; binary formats are full of them.
    (nuls > 2 && nuls * 100 > head.len() || controls * 10 > head.len().max(1)).then_some(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_skipped_in_the_map() {
        let d = decode(b"\xEF\xBB\xBFHi there.").unwrap();
        assert_eq!(d.text, "Hi there.");
        assert_eq!(d.map.to_file(0..2), Some(3..5));
    }

    #[test]
    fn latin1_bytes_map_back_one_to_one() {
        let bytes = b"The caf\xe9 reopened on Monday, its owner said.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1252);
        assert!(d.text.starts_with("The café"));
        let e = d.text.find('é').unwrap();
        assert_eq!(d.map.to_file(e..e + 2), Some(7..8));
        assert_eq!(d.map.to_file(0..d.text.len()), Some(0..bytes.len()));
        assert!(d.warning.is_none());
    }

    #[test]
    fn windows_1252_quotes_decode() {
        let d = decode(b"\x93We are safe,\x94 she said \x96 twice.").unwrap();
        assert_eq!(d.text, "“We are safe,” she said – twice.");
    }

    #[test]
    fn binary_signatures_and_nul_floods_are_refused() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00").err(),
            Some(DecodeError::Binary(Some(
                "a ZIP archive (e.g. .docx, .epub)"
            )))
        );
        assert_eq!(decode(&[0u8; 64]).err(), Some(DecodeError::Binary(None)));
    }

    #[test]
    fn a_stray_nul_is_kept() {
        let d =
            decode(b"One stray\x00 byte in a long enough line of ordinary prose text.").unwrap();
        assert!(d.text.contains('\0'));
    }

    #[test]
    fn utf16_with_bom_maps_each_char_to_its_bytes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Año 2031.".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Año 2031.");
        let n = d.text.find('ñ').unwrap();
        assert_eq!(d.map.to_file(n..n + 2), Some(4..6));
        assert_eq!(d.map.to_file(0..d.text.len()), Some(2..20));
        let mut be = vec![0xFE, 0xFF];
        for u in "Año".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Año");
    }

    #[test]
    fn bomless_utf16_is_recognised() {
        let bytes: Vec<u8> = "Plain words here."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bytes).unwrap().text, "Plain words here.");
    }

    #[test]
    fn damaged_utf8_keeps_utf8_and_reports_the_first_bad_byte() {
        let d = decode(
            "Città e società, più già: "
                .as_bytes()
                .iter()
                .copied()
                .chain(*b"\xC3x \xFF end.")
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Città") && d.text.contains("\u{FFFD}x \u{FFFD} end."));
        assert_eq!(
            d.warning.as_deref(),
            Some("invalid UTF-8 at byte 30 (and 1 more); shown as \u{FFFD}")
        );
        let r = d.text.find('\u{FFFD}').unwrap();
        assert_eq!(d.map.to_file(r..r + 3), Some(30..31));
    }

    #[test]
    fn forced_encoding_wins_and_reports_bad_bytes() {
        let d = decode_as(b"caf\xc3\xa9", encoding_rs::WINDOWS_1252.into()).unwrap();
        assert_eq!(d.text, "cafÃ©");
        let d = decode_as(b"ok \x82", Some(encoding_rs::SHIFT_JIS)).unwrap();
        assert!(
            d.warning
                .is_some_and(|w| w.starts_with("invalid Shift_JIS at byte 3"))
        );
        assert_eq!(lookup("latin1"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(lookup("nonsense"), None);
    }

    #[test]
    fn html_declarations_are_found_and_trusted_over_guessing() {
        let page = b"<html><head><META http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\"></head><body>Zaj\xb1c</body>";
        assert_eq!(html_declared(page), Some(encoding_rs::ISO_8859_2));
        assert_eq!(
            html_declared(b"<meta charset='shift_jis'>"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(html_declared(b"<p>charset=utf-8</p>"), None);
        let d = decode_hinted(page, None, html_declared(page)).unwrap();
        assert!(d.text.contains("Zając"));
        // Valid UTF-8 wins over a stale declaration.
        let resaved = "<meta charset=windows-1252><p>café</p>".as_bytes();
        assert_eq!(
            decode_hinted(resaved, None, html_declared(resaved))
                .unwrap()
                .encoding,
            UTF_8
        );
    }

    #[test]
    fn multibyte_legacy_maps_chars_to_their_byte_pairs() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("東京で地震。");
        let d = decode_as(&bytes, Some(encoding_rs::SHIFT_JIS)).unwrap();
        assert_eq!(d.text, "東京で地震。");
        assert_eq!(d.map.to_file(3..6), Some(2..4));
        assert!(d.warning.is_none());
    }
}
