//! The closed vocabularies of the model (channel kinds, stages, cost bases, criticality, mix buckets, severity, areas, verdicts), each value with its wire name and label.

use super::vocabulary::vocabulary;

vocabulary! {
    /// What sort of learning a channel offers.
    ChannelKind {
        Formal => "formal" { label: "Formal training" },
        Experiential => "experiential" { label: "Experience on the job" },
        Coaching => "coaching" { label: "Coaching and feedback" },
        Knowledge => "knowledge" { label: "Knowledge at the point of need" },
        Social => "social" { label: "Social and collaborative" },
        Platform => "platform" { label: "Learning platform" },
    }
}

vocabulary! {
    /// Where in the learning journey a channel helps: introduce, practise, get feedback, find support.
    Stage {
        Introduce => "introduce" { label: "Introduce" },
        Practice => "practice" { label: "Practice" },
        Feedback => "feedback" { label: "Feedback" },
        Support => "support" { label: "Support" },
    }
}

vocabulary! {
    /// What a channel's cost is counted per: each learner, each cohort run, or each year.
    CostBasis {
        PerPerson => "per-person" { label: "Per person" },
        PerCohort => "per-cohort" { label: "Per cohort" },
        PerYear => "per-year" { label: "Per year" },
    }
}

vocabulary! {
    /// How much it matters that a role masters a competency.
    Criticality {
        Low => "low" { label: "Low" },
        Medium => "medium" { label: "Medium" },
        High => "high" { label: "High" },
    }
}

vocabulary! {
    /// The three buckets of the 70-20-10 learning mix.
    Bucket {
        Experiential => "experiential" { label: "Experiential" },
        Social => "social" { label: "Social" },
        Formal => "formal" { label: "Formal" },
    }
}

vocabulary! {
    /// How urgent a finding is, most urgent first.
    Severity {
        Critical => "critical" { label: "Critical" },
        High => "high" { label: "High" },
        Medium => "medium" { label: "Medium" },
        Low => "low" { label: "Low" },
    }
}

vocabulary! {
    /// The six areas a learning ecosystem is diagnosed and scored in; the label is the heading a
    /// client reads.
    Area {
        BeyondTraining => "beyond-training" { label: "Learning beyond training" },
        Experiential => "experiential" { label: "Experiential learning" },
        Coaching => "coaching" { label: "Coaching and feedback" },
        KnowledgeAccess => "knowledge-access" { label: "Knowledge at the point of need" },
        TransferClimate => "transfer-climate" { label: "Transfer climate" },
        Measurement => "measurement" { label: "Measurement of impact" },
    }
}

vocabulary! {
    /// What the consultant decided about a finding.
    Verdict {
        Accepted => "accepted" { label: "Accepted" },
        Dismissed => "dismissed" { label: "Dismissed" },
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

    use crate::model::vocabulary::assert_sound;

    #[test]
    fn every_value_has_a_label_and_its_wire_name_parses_back() {
        assert_sound::<ChannelKind>();
        assert_sound::<Stage>();
        assert_sound::<CostBasis>();
        assert_sound::<Criticality>();
        assert_sound::<Bucket>();
        assert_sound::<Severity>();
        assert_sound::<Area>();
        assert_sound::<Verdict>();
    }

    #[test]
    fn an_unknown_name_is_refused_naming_the_vocabulary_in_words_and_the_names_allowed() {
        let err = "wiki".parse::<ChannelKind>().unwrap_err();
        assert_eq!(
            err,
            "unknown channel kind `wiki`, expected one of: formal, experiential, coaching, knowledge, social, platform"
        );
        assert_eq!(ChannelKind::Knowledge.label(), "Knowledge at the point of need");
        assert_eq!(Stage::Practice.label(), "Practice");
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
