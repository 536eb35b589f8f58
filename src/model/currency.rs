//! ISO 4217 currency codes an engagement may give its costs in, read from `templates/rules/currencies.txt`.

const LIST: &str = include_str!("../../templates/rules/currencies.txt");

/// The active codes, in the list's order (comments and blank lines left out).
pub fn codes() -> impl Iterator<Item = &'static str> {
    LIST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The list's own copy of `code` when it is an active ISO 4217 code (exact, upper case).
pub fn iso_code(code: &str) -> Option<&'static str> {
    codes().find(|c| *c == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_three_letter_codes_once_each() {
        let all: Vec<&str> = codes().collect();
        assert!(all.len() > 150, "{} codes", all.len());
        assert!(all.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())), "{all:?}");
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len(), "a code is listed twice");
    }

    #[test]
    fn known_codes_pass_and_others_do_not() {
        assert_eq!(iso_code("EUR"), Some("EUR"));
        assert_eq!(iso_code("GBP"), Some("GBP"));
        for bad in ["eur", "EURO", "ABC", "XXX", "", "DEM"] {
            assert_eq!(iso_code(bad), None, "{bad}");
        }
    }
}
