//! The ESCO skill hierarchy: each skill's parent is its first broader skill group by sorted URI, categories come from the top-level groups.

use super::esco_concepts::{concepts, id_of};
use super::increment::Skipped;
use super::progress::ProgressSink;
use super::source::{Dialect, Source, Table};
use crate::model::{Competency, Model};
use crate::Result;
use rustc_hash::FxHashMap;

/// The ref prefix for broader concepts that are not the parent: they inform, they do not identify.
pub const BROADER_REF: &str = "esco-broader:";

/// Adds the parent groups of the model's skills (and their ancestors) as competencies, and
/// sets every competency's parent, category and broader refs. The model's competencies must
/// be ESCO skills whose first ref is `esco:<uri>`.
pub(super) fn attach(
    model: &mut Model,
    broader: Source<'_>,
    groups: Source<'_>,
    skill_at: &FxHashMap<String, usize>,
    progress: &mut ProgressSink<'_>,
    skipped: &mut Skipped,
) -> Result<()> {
    let (groups, group_at) = concepts(groups, progress, |_| Ok(true))?;
    let up = read_broader(broader, skill_at, &group_at, progress)?;

    // Each concept's parent group: the first by sorted URI; the other broader URIs inform.
    let parent_of = |uri: &str| -> Option<usize> {
        let list = up.get(uri)?;
        list.iter().filter_map(|b| group_at.get(b.as_str()).map(|i| (b, *i))).min().map(|(_, i)| i)
    };
    let others = |uri: &str, parent: Option<usize>| -> Vec<String> {
        let parent_uri = parent.map(|p| groups[p].uri.as_str());
        let mut list: Vec<&String> = up.get(uri).map(|l| l.iter().collect()).unwrap_or_default();
        list.sort();
        list.dedup();
        list.into_iter().filter(|b| Some(b.as_str()) != parent_uri).map(|b| format!("{BROADER_REF}{b}")).collect()
    };

    // The groups needed: parents of the skills and their ancestors, loops cut.
    let mut group_parent: Vec<Option<Option<usize>>> = vec![None; groups.len()];
    let mut needed: Vec<usize> = Vec::new();
    let skill_parents: Vec<Option<usize>> = model.competencies.iter().map(|c| parent_of(uri_of(c))).collect();
    for start in skill_parents.iter().flatten() {
        // Resolve the chain up from this parent; nodes met before were resolved without loops.
        let mut at = *start;
        let mut chain: Vec<usize> = Vec::new();
        while group_parent[at].is_none() {
            let p = parent_of(&groups[at].uri);
            chain.push(at);
            needed.push(at);
            group_parent[at] = Some(p);
            match p {
                Some(next) if chain.contains(&next) => {
                    group_parent[at] = Some(None);
                    skipped.add("skill-group broader links that loop back (parent left out)");
                    break;
                }
                Some(next) => at = next,
                None => break,
            }
        }
    }
    let root_label = |mut g: usize| -> &str {
        for _ in 0..groups.len() {
            match group_parent[g].flatten() {
                Some(p) => g = p,
                None => break,
            }
        }
        &groups[g].label
    };

    for (c, parent) in model.competencies.iter_mut().zip(&skill_parents) {
        let uri = uri_of(c).to_owned();
        c.parent = parent.map(|p| id_of(&groups[p].uri));
        c.category = parent.map(|p| root_label(p).to_owned()).unwrap_or_default();
        c.refs.extend(others(&uri, *parent));
    }
    needed.sort_unstable();
    needed.dedup();
    for g in needed {
        let parent = group_parent[g].flatten();
        let mut refs = vec![format!("esco:{}", groups[g].uri)];
        refs.extend(others(&groups[g].uri, parent));
        model.competencies.push(Competency {
            id: id_of(&groups[g].uri),
            name: groups[g].label.clone(),
            description: groups[g].description.clone(),
            category: root_label(g).to_owned(),
            parent: parent.map(|p| id_of(&groups[p].uri)),
            refs,
        });
    }
    Ok(())
}

fn uri_of(c: &Competency) -> &str {
    c.refs.first().and_then(|r| r.strip_prefix("esco:")).unwrap_or_default()
}

/// The broader URIs of each skill and group, in file order.
fn read_broader(
    source: Source<'_>,
    skill_at: &FxHashMap<String, usize>,
    group_at: &FxHashMap<String, usize>,
    progress: &mut ProgressSink<'_>,
) -> Result<FxHashMap<String, Vec<String>>> {
    progress.start(format!("reading {}", source.name), source.bytes.len() as u64);
    let mut t = Table::new(source, Dialect::Spreadsheet)?;
    let (concept, broader) = (t.column("conceptUri")?, t.column("broaderUri")?);
    let mut up: FxHashMap<String, Vec<String>> = FxHashMap::default();
    while t.next_row()? {
        let (c, b) = (t.required(concept)?, t.required(broader)?);
        if skill_at.contains_key(c) || group_at.contains_key(c) {
            up.entry(c.to_owned()).or_default().push(b.to_owned());
        }
        progress.advance(t.position());
    }
    progress.finish();
    Ok(up)
}
