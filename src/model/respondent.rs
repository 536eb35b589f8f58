//! Who answered: the fixed respondent types beside the free group, so that the answers of managers and learners can be compared.

use super::vocabulary;

vocabulary! {
    /// What part a respondent plays in learning at the client: the person learning, their
    /// manager, the learning and development team, or a senior leader. Absent means unknown.
    RespondentType("respondent type", String) {
        Learner => "learner",
        Manager => "manager",
        Ld => "ld",
        Leader => "leader",
    }
}

impl RespondentType {
    /// The name a participant or a client reads.
    pub fn label(self) -> &'static str {
        match self {
            RespondentType::Learner => "Learner",
            RespondentType::Manager => "Manager",
            RespondentType::Ld => "Learning and development",
            RespondentType::Leader => "Senior leader",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_and_labels() {
        for t in RespondentType::ALL {
            assert_eq!(t.as_str().parse::<RespondentType>().unwrap(), *t);
            assert_eq!(serde_json::to_string(t).unwrap(), format!("\"{t}\""));
            assert!(!t.label().is_empty());
        }
        assert_eq!(
            "hr".parse::<RespondentType>().unwrap_err(),
            "unknown respondent type `hr`, expected one of: learner, manager, ld, leader"
        );
    }
}
