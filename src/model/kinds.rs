//! The closed vocabularies of the model (channel kinds, learning stages, criticality, mix buckets) and the `vocabulary!` macro that declares them.

use std::fmt;

/// A name that is not in a closed vocabulary: what was given, and the names allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// The vocabulary as messages call it: "stage", "channelkind", "format".
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

/// Declares a closed vocabulary with its wire names, so that parsing, display and serde agree.
///
/// `Name { Variant => "wire", .. }` parses into `Result<Name, String>`, the message naming the
/// vocabulary by the type's name in lower case. `Name("noun", E) { .. }` names it `noun` and
/// parses into `Result<Name, E>`, the error made from an [`UnknownName`] by `From`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($body:tt)* }) => {
        $crate::model::vocabulary! { $(#[$meta])* $name(stringify!($name), String) { $($body)* } }
    };
    ($(#[$meta:meta])* $name:ident($noun:expr, $err:ty) { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[cfg_attr(feature = "ts", derive(::ts_rs::TS))]
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize,
        )]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
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
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::model::UnknownName {
                        vocabulary: $noun.to_lowercase(),
                        given: s.to_owned(),
                        allowed: &[$($text),+],
                    }
                    .into()),
                }
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// What sort of learning a channel offers.
    ChannelKind {
        Formal => "formal",
        Experiential => "experiential",
        Coaching => "coaching",
        Knowledge => "knowledge",
        Social => "social",
        Platform => "platform",
    }
}

vocabulary! {
    /// Where in the learning journey a channel helps: introduce, practise, get feedback, find support.
    Stage {
        Introduce => "introduce",
        Practice => "practice",
        Feedback => "feedback",
        Support => "support",
    }
}

vocabulary! {
    /// What a channel's cost is counted per: each learner, each cohort run, or each year.
    CostBasis {
        PerPerson => "per-person",
        PerCohort => "per-cohort",
        PerYear => "per-year",
    }
}

vocabulary! {
    /// How much it matters that a role masters a competency.
    Criticality {
        Low => "low",
        Medium => "medium",
        High => "high",
    }
}

vocabulary! {
    /// The three buckets of the 70-20-10 learning mix.
    Bucket {
        Experiential => "experiential",
        Social => "social",
        Formal => "formal",
    }
}

vocabulary! {
    /// How urgent a finding is, most urgent first.
    Severity {
        Critical => "critical",
        High => "high",
        Medium => "medium",
        Low => "low",
    }
}

vocabulary! {
    /// The six areas a learning ecosystem is diagnosed and scored in.
    Area {
        BeyondTraining => "beyond-training",
        Experiential => "experiential",
        Coaching => "coaching",
        KnowledgeAccess => "knowledge-access",
        TransferClimate => "transfer-climate",
        Measurement => "measurement",
    }
}

vocabulary! {
    /// What the consultant decided about a finding.
    Verdict {
        Accepted => "accepted",
        Dismissed => "dismissed",
    }
}

impl Area {
    /// The heading a client reads.
    pub fn title(self) -> &'static str {
        match self {
            Area::BeyondTraining => "Learning beyond training",
            Area::Experiential => "Experiential learning",
            Area::Coaching => "Coaching and feedback",
            Area::KnowledgeAccess => "Knowledge at the point of need",
            Area::TransferClimate => "Transfer climate",
            Area::Measurement => "Measurement of impact",
        }
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by `vocabulary!`
impl Default for Criticality {
    fn default() -> Self {
        Criticality::Medium
    }
}

impl ChannelKind {
    /// The stage a channel of this kind usually serves, used when a `develops` link names none.
    pub fn default_stage(self) -> Stage {
        match self {
            ChannelKind::Formal | ChannelKind::Platform => Stage::Introduce,
            ChannelKind::Experiential => Stage::Practice,
            ChannelKind::Coaching | ChannelKind::Social => Stage::Feedback,
            ChannelKind::Knowledge => Stage::Support,
        }
    }

    /// The 70-20-10 bucket: learning in the flow of work, from others, or formal.
    pub fn bucket(self) -> Bucket {
        match self {
            ChannelKind::Experiential | ChannelKind::Knowledge => Bucket::Experiential,
            ChannelKind::Coaching | ChannelKind::Social => Bucket::Social,
            ChannelKind::Formal | ChannelKind::Platform => Bucket::Formal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for kind in ChannelKind::ALL {
            assert_eq!(kind.as_str().parse::<ChannelKind>().unwrap(), *kind);
            assert_eq!(serde_json::to_string(kind).unwrap(), format!("\"{kind}\""));
        }
        for stage in Stage::ALL {
            assert_eq!(stage.as_str().parse::<Stage>().unwrap(), *stage);
        }
        let err = "wiki".parse::<ChannelKind>().unwrap_err();
        assert_eq!(
            err,
            "unknown channelkind `wiki`, expected one of: formal, experiential, coaching, knowledge, social, platform"
        );
    }

    #[test]
    fn default_stages_and_buckets_follow_the_method() {
        assert_eq!(ChannelKind::Formal.default_stage(), Stage::Introduce);
        assert_eq!(ChannelKind::Platform.default_stage(), Stage::Introduce);
        assert_eq!(ChannelKind::Experiential.default_stage(), Stage::Practice);
        assert_eq!(ChannelKind::Coaching.default_stage(), Stage::Feedback);
        assert_eq!(ChannelKind::Social.default_stage(), Stage::Feedback);
        assert_eq!(ChannelKind::Knowledge.default_stage(), Stage::Support);
        assert_eq!(ChannelKind::Knowledge.bucket(), Bucket::Experiential);
        assert_eq!(ChannelKind::Social.bucket(), Bucket::Social);
        assert_eq!(ChannelKind::Platform.bucket(), Bucket::Formal);
    }
}
