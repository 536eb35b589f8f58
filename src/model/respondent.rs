//! Who answered: the fixed respondent types beside the free group, so that the answers of managers and learners can be compared.

use super::vocabulary;

vocabulary! {
    /// What part a respondent plays in learning at the client: the person learning, their
    /// manager, the learning and development team, or a senior leader. Absent means unknown.
    RespondentType {
        Learner => "learner" { label: "Learner" },
        Manager => "manager" { label: "Manager" },
        Ld => "ld" { label: "Learning and development" },
        Leader => "leader" { label: "Senior leader" },
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
