//! The participant's page: one self-contained HTML document (styles and script inline, no external assets), mobile first.
//!
//! Its text lives in `page/page.html`, `page/page.css` and `page/page.js`, embedded at build time;
//! the UI's TypeScript checker checks the script (`ui/tsconfig.page.json`, run by `ui/src/page.test.ts`).
//!
//! Everything the server sends that a person typed or chose (question texts, groups, notes) is
//! put into the page with `textContent`, never as markup. The Content-Security-Policy allows
//! exactly this page's script and style, by hash, and requests to this server only.

use crate::model::{DONT_KNOW, SCALE};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

// The files hold the texts as served; each constant adds back the line break that opens the
// element's content, so the served bytes (and the hashes in the CSP) are what they always were.
const STYLE: &str = concat!("\n", include_str!("page/page.css"));
const SCRIPT: &str = concat!("\n", include_str!("page/page.js"));
const DOCUMENT: &str = include_str!("page/page.html");

/// The whole page: `page.html` with the style and the script put in where it names them, and
/// the answer scale's buttons made from `model::SCALE` (declared once for every face of Trellis).
pub fn html() -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| {
        DOCUMENT
            .replacen("<style>/* page.css */</style>", &format!("<style>{STYLE}</style>"), 1)
            .replacen("<script>/* page.js */</script>", &format!("<script>{SCRIPT}</script>"), 1)
            .replacen("<!-- scale -->", &scale_buttons(), 1)
            .replacen("<!-- dont-know -->", &capitalised(DONT_KNOW), 1)
    })
}

/// One button per point of the scale: its number, and its words under it.
fn scale_buttons() -> String {
    SCALE
        .iter()
        .enumerate()
        .map(|(i, words)| {
            let n = i + 1;
            format!(
                "<button type=\"button\" data-score=\"{n}\" aria-label=\"{n}, {words}\"><b>{n}</b><span>{words}</span></button>"
            )
        })
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Allows this page's own script and style (by hash) and requests to this server, nothing else.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; connect-src 'self'; img-src 'self' data:; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        hash_source(SCRIPT),
        hash_source(STYLE)
    )
}

fn hash_source(text: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 with padding (what CSP hash sources use).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (input, want) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn the_page_is_self_contained_and_never_writes_markup_from_data() {
        let page = html();
        for external in ["src=\"http", "href=\"http", "@import", "url(http", "//cdn"] {
            assert!(!page.contains(external), "external asset: {external}");
        }
        for risky in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
            assert!(!SCRIPT.contains(risky), "the script uses {risky}");
        }
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")), "the hashed script is the one served");
        assert!(content_security_policy().contains("script-src 'sha256-"));
    }

    #[test]
    fn the_scale_buttons_carry_the_scale_words_and_dont_know() {
        let page = html();
        for (i, words) in SCALE.iter().enumerate() {
            let n = i + 1;
            assert!(page
                .contains(&format!("data-score=\"{n}\" aria-label=\"{n}, {words}\"><b>{n}</b><span>{words}</span>")));
        }
        assert!(page.contains(">Don't know</button>"));
        assert!(!page.contains("<!-- scale -->") && !page.contains("<!-- dont-know -->"), "every slot is filled");
    }
}
