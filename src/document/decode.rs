//! Bytes on disk → Unicode text, with a map back to the bytes.

use super::offsets::OffsetMap;

/// Decoded text and where each of its bytes came from.
pub struct Decoded {
    pub text: String,
    pub map: OffsetMap,
    /// A one-line warning for the user (bad bytes replaced), if any.
    pub warning: Option<String>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
}

/// Decodes UTF-8 (with or without a byte-order mark); text that is not UTF-8 is read
/// as Windows-1252, the usual encoding of older saved articles. Files with NUL bytes
/// or many control bytes are binary, not articles.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (body, skip) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if looks_binary(body) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok(Decoded {
            text: text.to_owned(),
            map: OffsetMap::linear(text.len(), skip),
            warning: None,
        });
    }
    Ok(single_byte(body, skip, encoding_rs::WINDOWS_1252))
}

/// Decodes a single-byte encoding, mapping each multi-byte UTF-8 char to its one byte.
pub fn single_byte(body: &[u8], skip: usize, encoding: &'static encoding_rs::Encoding) -> Decoded {
    let mut text = String::with_capacity(body.len());
    let mut map = OffsetMap::default();
    let mut buf = [0u8; 1];
    for (i, &b) in body.iter().enumerate() {
        buf[0] = b;
        let (s, _) = encoding.decode_without_bom_handling(&buf);
        map.push(text.len(), s.len(), skip + i, 1);
        text.push_str(&s);
    }
    Decoded {
        text,
        map,
        warning: None,
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 10 > head.len().max(1)
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
        let d = decode(b"caf\xe9 ok").unwrap();
        assert_eq!(d.text, "café ok");
        assert_eq!(d.map.to_file(3..5), Some(3..4));
        assert_eq!(d.map.to_file(0..d.text.len()), Some(0..7));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(DecodeError::Binary)
        ));
    }
}
