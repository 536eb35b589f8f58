//! Reading the logo: a PNG file decoded into 8-bit RGBA pixels for the cover.

use super::layout::Logo;
use crate::{Error, Result};

/// Logos larger than this on either side are refused: a cover logo needs no more.
const MAX_SIDE: u32 = 4096;

fn refuse(message: impl Into<String>) -> Error {
    Error::Parse { source_name: "logo".into(), message: message.into() }
}

/// Decodes PNG bytes (any colour type and bit depth) into RGBA.
pub fn decode_png(bytes: &[u8]) -> Result<Logo> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| refuse(format!("not a readable PNG image ({e})")))?;
    let (width, height) = (reader.info().width, reader.info().height);
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(refuse(format!(
            "a logo must be between 1 and {MAX_SIDE} pixels on each side, not {width}x{height}"
        )));
    }
    let mut buf = vec![0; reader.output_buffer_size().ok_or_else(|| refuse("the image is too large"))?];
    let frame = reader.next_frame(&mut buf).map_err(|e| refuse(format!("the PNG data is damaged ({e})")))?;
    let data = &buf[..frame.buffer_size()];
    let rgba: Vec<u8> = match frame.color_type {
        png::ColorType::Rgba => data.to_vec(),
        png::ColorType::Rgb => data.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::GrayscaleAlpha => data.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        png::ColorType::Grayscale => data.iter().flat_map(|g| [*g, *g, *g, 255]).collect(),
        png::ColorType::Indexed => return Err(refuse("indexed colours were not expanded")),
    };
    Ok(Logo { width: width as usize, height: height as usize, rgba })
}
