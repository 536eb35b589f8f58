//! The text encodings spreadsheets save csv in: UTF-8 (with or without a byte order mark) as is, UTF-16 by its byte order mark, and anything else that is not UTF-8 read as Windows-1252, with a warning.

use super::source::Source;
use crate::Result;

/// What Windows-1252 puts at 0x80..=0x9F (the rest of its upper half is Latin-1, the code point
/// of the same number). The five bytes it leaves undefined keep their C1 code point, as the
/// WHATWG decoder does.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The file's text as UTF-8 bytes, and a warning when its encoding had to be guessed.
pub fn to_utf8(source: Source<'_>) -> Result<(Vec<u8>, Option<String>)> {
    let bytes = source.bytes;
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, unit)) = utf16 {
        let units = rest.chunks(2).map(|pair| unit([pair[0], *pair.get(1).unwrap_or(&0)]));
        let text: String = char::decode_utf16(units).collect::<std::result::Result<_, _>>().map_err(|_| {
            source.error("begins as UTF-16 text but is not; save it from the spreadsheet as \"CSV UTF-8\"")
        })?;
        return Ok((text.into_bytes(), None));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok((bytes.to_vec(), None));
    }
    let text: String = bytes
        .iter()
        .map(|&b| if (0x80..0xA0).contains(&b) { WINDOWS_1252_HIGH[usize::from(b - 0x80)] } else { char::from(b) })
        .collect();
    let warning = format!(
        "{} is not UTF-8 and was read as Windows-1252 (what Excel saves as \"CSV\" on Western Windows); \
         check accented letters, or save it as \"CSV UTF-8\"",
        source.name
    );
    Ok((text.into_bytes(), Some(warning)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (String, Option<String>) {
        let (utf8, warning) = to_utf8(Source::new("roles.csv", bytes)).unwrap();
        (String::from_utf8(utf8).unwrap(), warning)
    }

    #[test]
    fn windows_1252_is_read_with_a_warning_and_utf8_without() {
        let (text, warning) = read(b"id,name\nr1,Caf\xe9 \x80 \x96 lead\n");
        assert_eq!(text, "id,name\nr1,Café € – lead\n");
        assert!(warning.unwrap().contains("roles.csv is not UTF-8 and was read as Windows-1252"));
        assert_eq!(read("id,name\nr1,Café\n".as_bytes()), ("id,name\nr1,Café\n".to_owned(), None));
    }

    #[test]
    fn utf16_is_read_by_its_byte_order_mark() {
        let text = "id\tname\nr1\tZürich ☃\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read(&le), (text.to_owned(), None));
        assert_eq!(read(&be), (text.to_owned(), None));
        let err = to_utf8(Source::new("r.csv", &[0xFF, 0xFE, 0x00, 0xD8])).unwrap_err().to_string();
        assert!(err.contains("r.csv") && err.contains("CSV UTF-8"), "{err}");
    }
}
