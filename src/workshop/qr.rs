//! The join QR code: SVG for the studio's screen, Unicode half-blocks for a terminal.

use qrcode::render::{svg, unicode};
use qrcode::{EcLevel, QrCode};

fn code(url: &str) -> QrCode {
    // A join URL is a few dozen bytes: always within what a QR code holds.
    QrCode::with_error_correction_level(url, EcLevel::M).expect("a join URL fits in a QR code")
}

/// An SVG image of the code, at least 256 pixels square, black on white.
pub fn svg(url: &str) -> String {
    code(url)
        .render()
        .min_dimensions(256, 256)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build()
}

/// The code drawn with half-block characters, two modules per character cell. Light modules are
/// drawn as blocks, so it reads as dark-on-light on the usual dark terminal.
pub fn text(url: &str) -> String {
    code(url)
        .render::<unicode::Dense1x2>()
        .dark_color(unicode::Dense1x2::Light)
        .light_color(unicode::Dense1x2::Dark)
        .quiet_zone(true)
        .build()
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_renderings_draw_a_code() {
        let url = "http://192.168.1.20:8080/#K7PQ3X";
        let svg = super::svg(url);
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains("#000000"));
        let text = super::text(url);
        assert!(text.lines().count() >= 15 && text.contains('█'));
    }
}
