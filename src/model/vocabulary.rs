//! The `vocabulary!` macro, the `Vocabulary` trait every closed vocabulary implements, and the name given when a word is outside one.
//!
//! A vocabulary is declared once, with each value's wire name (files, JSON, the command line)
//! and the label people read (the studio, the blueprint, the text report), optionally a help
//! line (`trellis <command> --help`). Serde, `FromStr`, `Display`, `ALL`, clap's `ValueEnum`
//! (feature `clap`, which only the CLI package turns on) and the TypeScript constants in
//! `ui/src/bindings/vocabularies.ts` all come from that one declaration.

use std::fmt;

/// A name that is not in a closed vocabulary: what was given, and the names allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// The vocabulary as messages call it: "stage", "channel kind", "format".
    pub vocabulary: String,
    pub given: String,
    pub allowed: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`, expected one of: {}", self.vocabulary, self.given, self.allowed.join(", "))
    }
}

impl std::error::Error for UnknownName {}

impl From<UnknownName> for String {
    fn from(e: UnknownName) -> String {
        e.to_string()
    }
}

/// What every closed vocabulary offers, for code that handles any of them (the bindings
/// generator, the tests). Each type also has the same items as inherent methods, so that callers
/// need not import the trait.
pub trait Vocabulary: Copy + Eq + Ord + std::hash::Hash + fmt::Debug + 'static {
    /// The type's name as Rust and TypeScript spell it: `ChannelKind`.
    const NAME: &'static str;
    /// Every value, in the order lists, menus and reports show them.
    const ALL: &'static [Self];
    /// What messages call the vocabulary: "channel kind", "format".
    fn noun() -> String;
    /// The name in files, JSON, URLs and on the command line.
    fn wire(self) -> &'static str;
    /// What people read: "Knowledge at the point of need".
    fn label(self) -> &'static str;
    /// A line for `--help`, where the value is typed on the command line.
    fn help(self) -> Option<&'static str>;
    /// The value of a wire name, if it is one.
    fn from_wire(name: &str) -> Option<Self>;
}

/// "ChannelKind" as messages say it: "channel kind".
pub fn words_of(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.char_indices() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Refuses, at compile time, a declaration with an empty label or a wire name that is empty,
/// not lower-case kebab, or given twice. `vocabulary!` calls it for every declaration.
pub const fn check_declaration(wires: &[&str], labels: &[&str]) {
    let mut i = 0;
    while i < wires.len() {
        assert!(!labels[i].is_empty(), "a vocabulary value has an empty label");
        let w = wires[i].as_bytes();
        assert!(!w.is_empty(), "a vocabulary value has an empty wire name");
        let mut k = 0;
        while k < w.len() {
            assert!(
                w[k].is_ascii_lowercase() || w[k].is_ascii_digit() || w[k] == b'-',
                "a wire name is lower-case letters, digits and hyphens"
            );
            k += 1;
        }
        let mut j = i + 1;
        while j < wires.len() {
            assert!(!same(wires[i].as_bytes(), wires[j].as_bytes()), "two values of a vocabulary share a wire name");
            j += 1;
        }
        i += 1;
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Declares a closed vocabulary: its values with their wire names and labels, so that parsing,
/// display, serde, clap and the UI agree.
///
/// ```text
/// vocabulary! {
///     /// What sort of learning a channel offers.
///     ChannelKind {
///         Formal => "formal" { label: "Formal training" },
///         Csv => "csv" { label: "CSV tables", help: "A folder of roles.csv, ..." },
///     }
/// }
/// ```
///
/// `Name { .. }` parses into `Result<Name, String>`, the message naming the vocabulary by the
/// type's name in words ("channel kind"). `Name("noun", E) { .. }` names it `noun` and parses
/// into `Result<Name, E>`, the error made from an [`UnknownName`] by `From`. A value without a
/// label does not compile; the order of the values is the order of `ALL`.
macro_rules! vocabulary {
    (@help) => { None };
    (@help $help:literal) => { Some($help) };
    ($(#[$meta:meta])* $name:ident { $($body:tt)* }) => {
        $crate::model::vocabulary! { $(#[$meta])* $name("", String) { $($body)* } }
    };
    (
        $(#[$meta:meta])* $name:ident($noun:literal, $err:ty) {
            $($variant:ident => $text:literal { label: $label:literal $(, help: $help:literal)? $(,)? }),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[cfg_attr(feature = "ts", derive(::ts_rs::TS))]
        #[cfg_attr(feature = "clap", derive(::clap::ValueEnum))]
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize,
        )]
        pub enum $name {
            $(
                $(#[doc = $help])?
                #[serde(rename = $text)]
                #[cfg_attr(feature = "clap", value(name = $text))]
                $variant
            ),+
        }

        const _: () = $crate::model::vocabulary::check_declaration(&[$($text),+], &[$($label),+]);

        impl $name {
            /// Every value, in the order lists, menus and reports show them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name in files, JSON, URLs and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// What people read, in the studio, the blueprint and the reports.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The line `--help` shows for the value, if it has one.
            pub fn help(self) -> Option<&'static str> {
                match self { $($name::$variant => $crate::model::vocabulary!(@help $($help)?)),+ }
            }
        }

        impl $crate::model::Vocabulary for $name {
            const NAME: &'static str = stringify!($name);
            const ALL: &'static [$name] = $name::ALL;
            fn noun() -> String {
                if $noun.is_empty() { $crate::model::vocabulary::words_of(stringify!($name)) } else { $noun.to_owned() }
            }
            fn wire(self) -> &'static str {
                self.as_str()
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
            fn help(self) -> Option<&'static str> {
                $name::help(self)
            }
            fn from_wire(name: &str) -> Option<$name> {
                match name {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $err;
            fn from_str(s: &str) -> ::std::result::Result<Self, $err> {
                <$name as $crate::model::Vocabulary>::from_wire(s).ok_or_else(|| {
                    $crate::model::UnknownName {
                        vocabulary: <$name as $crate::model::Vocabulary>::noun(),
                        given: s.to_owned(),
                        allowed: &[$($text),+],
                    }
                    .into()
                })
            }
        }
    };
}
pub(crate) use vocabulary;

/// Checks one vocabulary as its users rely on it: every value has a label, its wire name parses
/// back to it through `FromStr` and serde, and a name outside it is refused naming the allowed
/// ones. Public for the tests of the vocabularies declared outside `model`.
#[cfg(test)]
pub(crate) fn assert_sound<V>()
where
    V: Vocabulary + std::str::FromStr + serde::Serialize + serde::de::DeserializeOwned,
    <V as std::str::FromStr>::Err: fmt::Display,
{
    assert!(!V::ALL.is_empty(), "{} has no values", V::NAME);
    for v in V::ALL {
        assert!(!v.label().trim().is_empty(), "{}::{v:?} has no label", V::NAME);
        assert_eq!(V::from_wire(v.wire()), Some(*v), "{}::{v:?}", V::NAME);
        assert!(v.wire().parse::<V>().ok() == Some(*v), "{}::{v:?} does not parse back from `{}`", V::NAME, v.wire());
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(json, format!("\"{}\"", v.wire()), "{}::{v:?} is written as its wire name", V::NAME);
        assert_eq!(serde_json::from_str::<V>(&json).unwrap(), *v);
    }
    let labels: std::collections::BTreeSet<&str> = V::ALL.iter().map(|v| v.label()).collect();
    assert_eq!(labels.len(), V::ALL.len(), "two values of {} read the same", V::NAME);
    let err = "no-such-name".parse::<V>().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains(&V::noun()) && err.contains(V::ALL[0].wire()), "{err}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_read_as_words() {
        assert_eq!(words_of("ChannelKind"), "channel kind");
        assert_eq!(words_of("CostBasis"), "cost basis");
        assert_eq!(words_of("Area"), "area");
    }

    #[test]
    fn a_declaration_is_checked_when_it_compiles() {
        check_declaration(&["per-person", "per-year"], &["Per person", "Per year"]);
        for (wires, labels) in [
            (&["a", "b"][..], &["A", ""][..]),
            (&["a", "a"][..], &["A", "B"][..]),
            (&["A"][..], &["A"][..]),
            (&[""][..], &["A"][..]),
        ] {
            assert!(std::panic::catch_unwind(|| check_declaration(wires, labels)).is_err(), "{wires:?} {labels:?}");
        }
    }
}
