//! The numbers behind a finding: a few named facts, kept inside the finding (no allocation for up to four).

use crate::graph::StageSet;
use crate::model::ChannelKind;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::fmt;

/// One value behind a finding. In JSON: a number, `null`, a kind's name, a word, or a list of stage names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fact {
    /// A count, a level or a percentage.
    Int(i64),
    /// A ratio (finite).
    Decimal(f64),
    /// Not known: JSON `null`.
    Unknown,
    /// A kind of channel.
    Kind(ChannelKind),
    /// A set of learning stages.
    Stages(StageSet),
    /// A name from a closed list: a bucket, a cost basis, a currency code.
    Word(&'static str),
}

impl Fact {
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Fact::Int(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_f64(self) -> Option<f64> {
        match self {
            Fact::Int(n) => Some(n as f64),
            Fact::Decimal(x) => Some(x),
            _ => None,
        }
    }

    /// The fact as a JSON value.
    pub fn to_value(self) -> serde_json::Value {
        serde_json::to_value(self).expect("a fact is plain JSON")
    }
}

impl From<i64> for Fact {
    fn from(n: i64) -> Fact {
        Fact::Int(n)
    }
}

impl From<u32> for Fact {
    fn from(n: u32) -> Fact {
        Fact::Int(n.into())
    }
}

impl From<usize> for Fact {
    fn from(n: usize) -> Fact {
        Fact::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Option<i64>> for Fact {
    fn from(n: Option<i64>) -> Fact {
        n.map_or(Fact::Unknown, Fact::Int)
    }
}

/// A ratio; `Unknown` when it is not finite, as JSON has no infinity.
impl From<f64> for Fact {
    fn from(x: f64) -> Fact {
        if x.is_finite() {
            Fact::Decimal(x)
        } else {
            Fact::Unknown
        }
    }
}

impl From<ChannelKind> for Fact {
    fn from(k: ChannelKind) -> Fact {
        Fact::Kind(k)
    }
}

impl From<StageSet> for Fact {
    fn from(s: StageSet) -> Fact {
        Fact::Stages(s)
    }
}

macro_rules! compare_with_integers {
    ($($t:ty),*) => {$(
        impl PartialEq<$t> for Fact {
            fn eq(&self, other: &$t) -> bool {
                i64::try_from(*other).is_ok_and(|n| *self == Fact::Int(n))
            }
        }
    )*};
}
compare_with_integers!(i32, i64, u32, usize);

impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Fact::Int(n) => s.serialize_i64(n),
            Fact::Decimal(x) => s.serialize_f64(x),
            Fact::Unknown => s.serialize_unit(),
            Fact::Kind(k) => s.serialize_str(k.as_str()),
            Fact::Stages(stages) => stages.serialize(s),
            Fact::Word(w) => s.serialize_str(w),
        }
    }
}

/// Facts by name, in the order the check gives them; serialised as a JSON object.
#[derive(Clone, Default, PartialEq)]
pub struct Evidence {
    keys: &'static [&'static str],
    values: Values,
}

/// The values, in the finding itself when there are few.
#[derive(Clone, PartialEq)]
enum Values {
    Few([Fact; FEW]),
    Many(Box<[Fact]>),
}

const FEW: usize = 4;

impl Default for Values {
    fn default() -> Self {
        Values::Few([Fact::Unknown; FEW])
    }
}

impl Evidence {
    /// Names and values, one for one.
    pub fn new<const N: usize>(keys: &'static [&'static str; N], values: [Fact; N]) -> Evidence {
        let values = if N <= FEW {
            let mut few = [Fact::Unknown; FEW];
            few[..N].copy_from_slice(&values);
            Values::Few(few)
        } else {
            Values::Many(Box::new(values))
        };
        Evidence { keys, values }
    }

    fn values(&self) -> &[Fact] {
        match &self.values {
            Values::Few(few) => &few[..self.keys.len()],
            Values::Many(many) => many,
        }
    }

    pub fn get(&self, key: &str) -> Option<Fact> {
        self.keys.iter().position(|k| *k == key).map(|i| self.values()[i])
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Fact)> + '_ {
        self.keys.iter().copied().zip(self.values().iter().copied())
    }
}

impl std::ops::Index<&str> for Evidence {
    type Output = Fact;
    fn index(&self, key: &str) -> &Fact {
        match self.keys.iter().position(|k| *k == key) {
            Some(i) => &self.values()[i],
            None => &Fact::Unknown,
        }
    }
}

impl fmt::Debug for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k, &v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    #[test]
    fn facts_serialise_as_the_json_values_they_stand_for() {
        let stages: StageSet = [Stage::Practice, Stage::Support].into_iter().collect();
        let e = Evidence::new(
            &["n", "ratio", "none", "kind", "stages"],
            [Fact::from(3usize), Fact::from(2.5), Fact::from(f64::INFINITY), ChannelKind::Formal.into(), stages.into()],
        );
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"n":3,"ratio":2.5,"none":null,"kind":"formal","stages":["practice","support"]}"#
        );
        assert_eq!(e["n"], 3);
        assert_eq!(e.get("ratio").and_then(Fact::as_f64), Some(2.5));
        assert_eq!(e["missing"], Fact::Unknown);
        let few = Evidence::new(&["a", "b"], [Fact::from(Some(1)), Fact::from(None)]);
        assert_eq!((few.len(), few["b"]), (2, Fact::Unknown));
        assert_eq!(serde_json::to_string(&few).unwrap(), r#"{"a":1,"b":null}"#);
    }
}
