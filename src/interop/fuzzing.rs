//! Entry points shared by the fuzz targets (fuzz/) and the corpus replay test: bytes in, a result out, never a panic.
//!
//! Formats that read several files take them from one input split at NUL bytes, in the order
//! each function names. Whatever parses is also merged into an empty engagement and validated.

use super::increment::Increment;
use super::options::ImportOptions;
use super::progress::{Progress, ProgressSink};
use super::source::Source;
use super::{case, csv, esco, onet};
use crate::model::{self, Model, Scale};
use crate::Result;

fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut parts: Vec<&[u8]> = data.splitn(n, |b| *b == 0).collect();
    parts.resize(n, &[]);
    parts
}

fn merged(increment: Result<Increment>) -> Result<Increment> {
    let increment = increment?;
    let mut base = Model::default();
    super::apply(&mut base, increment.clone());
    let _ = model::validate(&base);
    Ok(increment)
}

/// The csv folder: the eight files of `csv::FILES`, in that order; empty parts are missing files.
pub fn csv(data: &[u8]) -> Result<Increment> {
    let parts = parts(data, csv::FILES.len());
    let files: Vec<(&str, Source<'_>)> = csv::FILES
        .iter()
        .zip(&parts)
        .filter(|(_, bytes)| !bytes.is_empty())
        .map(|((file, _), bytes)| (*file, Source::new(file, bytes)))
        .collect();
    let mut noop = |_: &Progress| {};
    merged(csv::parse(&files, &Model::default(), &mut ProgressSink::new(&mut noop)))
}

/// ESCO: occupations, skills, relations, broader relations, skill groups (the last two
/// optional: empty means missing).
pub fn esco(data: &[u8]) -> Result<Increment> {
    let p = parts(data, 5);
    let files = esco::EscoFiles {
        occupations: Source::new(esco::OCCUPATIONS, p[0]),
        skills: Source::new(esco::SKILLS, p[1]),
        relations: Source::new(esco::RELATIONS, p[2]),
        broader: Some(Source::new(esco::BROADER, p[3])).filter(|s| !s.bytes.is_empty()),
        groups: Some(Source::new(esco::GROUPS, p[4])).filter(|s| !s.bytes.is_empty()),
    };
    let mut noop = |_: &Progress| {};
    merged(esco::parse(&files, &ImportOptions::default(), &Scale::default(), &mut ProgressSink::new(&mut noop)))
}

/// O*NET: Occupation Data, Skills, Knowledge, Content Model Reference (the last three
/// optional: empty means missing).
pub fn onet(data: &[u8]) -> Result<Increment> {
    let p = parts(data, 4);
    let files = onet::OnetFiles {
        occupations: Source::new(onet::OCCUPATIONS, p[0]),
        skills: Some(Source::new(onet::SKILLS, p[1])).filter(|s| !s.bytes.is_empty()),
        knowledge: Some(Source::new(onet::KNOWLEDGE, p[2])).filter(|s| !s.bytes.is_empty()),
        content_model: Some(Source::new(onet::CONTENT_MODEL, p[3])).filter(|s| !s.bytes.is_empty()),
    };
    let mut noop = |_: &Progress| {};
    merged(onet::parse(&files, &ImportOptions::default(), &Scale::default(), &mut ProgressSink::new(&mut noop)))
}

/// CASE: one package.
pub fn case(data: &[u8]) -> Result<Increment> {
    merged(case::parse(Source::new("package.json", data)))
}

/// Joins files into one fuzz input, the inverse of the split above (for seeding corpora).
pub fn join(files: &[&[u8]]) -> Vec<u8> {
    files.join(&0u8)
}
