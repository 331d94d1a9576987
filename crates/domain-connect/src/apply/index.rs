//! The zone indexed by owner name — for one call ([`Zone::new`] over a record slice,
//! indexing only the names the template touches), or once for many calls
//! ([`IndexedZone`]).
//!
//! Owner names compare as DNS compares them: ASCII letters without regard to case,
//! every other octet exactly (RFC 4343; crate docs, "Where we differ"). Index keys are
//! the names with ASCII letters lowercased.

use crate::changeset::DeletionReason;
use crate::error::ApplyError;
use crate::record::ZoneRecord;
use hashbrown::hash_table::{Entry, HashTable};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::collections::HashMap;
use std::hash::Hasher;

type Index = FxHashMap<String, Vec<u32>>;

/// A zone indexed by owner name once, for applying templates to it again and again —
/// a preview recomputed on every keystroke, a provider's backend that keeps its zones
/// in memory. Each application then costs time in proportion to the records at the
/// names the template touches, not to the size of the zone (an NS record looks over
/// every owner name, and multi-aware mode over the records with `_dc` provenance);
/// building the index is one pass over the zone.
#[derive(Debug, Clone, Default)]
pub struct IndexedZone {
    records: Vec<ZoneRecord>,
    /// The first record at each owner name; names are compared in the records
    /// themselves, so the index holds no copy of any name.
    heads: HashTable<u32>,
    /// The next record at the same name (`END` after the last), in zone order.
    next: Vec<u32>,
    /// Records with `_dc` provenance (multi-aware bookkeeping reads only these).
    provenance: Vec<u32>,
}

const END: u32 = u32::MAX;

/// The hash of an owner name with its ASCII letters lowercased.
fn name_hash(name: &str) -> u64 {
    let mut h = FxHasher::default();
    for chunk in name.as_bytes().chunks(64) {
        let mut buf = [0u8; 64];
        let buf = &mut buf[..chunk.len()];
        buf.copy_from_slice(chunk);
        buf.make_ascii_lowercase();
        h.write(buf);
    }
    h.finish()
}

impl IndexedZone {
    /// Index a zone's records. A zone of `u32::MAX` records or more is refused as
    /// `InvalidData` (no zone file or records API comes near it).
    pub fn new(records: Vec<ZoneRecord>) -> Result<IndexedZone, ApplyError> {
        if records.len() >= END as usize {
            return Err(too_large(records.len()));
        }
        let mut heads: HashTable<u32> = HashTable::with_capacity(records.len());
        let mut next = vec![END; records.len()];
        let mut provenance = Vec::new();
        let name = |j: &u32| records[*j as usize].name.as_str();
        for (i, r) in records.iter().enumerate().rev() {
            let i = i as u32;
            if r.dc.is_some() {
                provenance.push(i);
            }
            match heads.entry(name_hash(&r.name), |j| name(j).eq_ignore_ascii_case(&r.name), |j| name_hash(name(j))) {
                Entry::Occupied(mut e) => {
                    next[i as usize] = *e.get();
                    *e.get_mut() = i;
                }
                Entry::Vacant(e) => {
                    e.insert(i);
                }
            }
        }
        provenance.reverse();
        Ok(IndexedZone { records, heads, next, provenance })
    }

    /// The records, in the order they were given.
    pub fn records(&self) -> &[ZoneRecord] {
        &self.records
    }

    /// The records back, in the order they were given.
    pub fn into_records(self) -> Vec<ZoneRecord> {
        self.records
    }

    fn at(&self, name: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let found = self.heads.find(name_hash(name), |&j| self.records[j as usize].name.eq_ignore_ascii_case(name));
        let mut i = found.copied().unwrap_or(END);
        while i != END {
            out.push(i as usize);
            i = self.next[i as usize];
        }
        out
    }

    fn names_below(&self, name: &str) -> Vec<String> {
        self.heads.iter().map(|&j| self.records[j as usize].name.as_str()).filter(|n| is_below(n, name)).map(str::to_ascii_lowercase).collect()
    }
}

/// Where the engine's zone comes from.
#[derive(Clone, Copy)]
pub(super) enum Source<'z> {
    Records(&'z [ZoneRecord]),
    Indexed(&'z IndexedZone),
}

impl Source<'_> {
    /// Record numbers are `u32`: refuse a zone too large for them.
    pub(super) fn check_size(&self) -> Result<(), ApplyError> {
        match self {
            Source::Records(r) if r.len() >= END as usize => Err(too_large(r.len())),
            _ => Ok(()),
        }
    }
}

fn too_large(n: usize) -> ApplyError {
    ApplyError::InvalidData(crate::error::Fault::new(crate::error::Problem::ZoneTooLarge { records: n }))
}

enum Names<'z> {
    /// Only the names one template touches.
    Touched(Index),
    Whole(&'z IndexedZone),
}

/// The zone being worked on: the records, borrowed, with the indices of the records at
/// each name (lowercase owner name → indices in zone order), and sparse marks for the
/// few records that are deleted or replaced.
pub(super) struct Zone<'z> {
    pub(super) records: &'z [ZoneRecord],
    names: Names<'z>,
    pub(super) delete: HashMap<usize, DeletionReason>,
    pub(super) replace: HashMap<usize, DeletionReason>,
}

/// Whether `name` is a name below `parent`, compared as DNS compares names.
fn is_below(name: &str, parent: &str) -> bool {
    name.len() > parent.len()
        && name.as_bytes()[name.len() - parent.len() - 1] == b'.'
        && name.as_bytes()[name.len() - parent.len()..].eq_ignore_ascii_case(parent.as_bytes())
}

/// Index only the records at a name in `wanted` (lowercase ASCII: template hosts are
/// validated labels), or below a name in `below` (NS delegations): the template touches
/// nothing else. Since ASCII case folding keeps a name's length, the length decides
/// most records without reading the name itself.
fn index_touched(records: &[ZoneRecord], wanted: &FxHashSet<String>, below: &[String]) -> Index {
    // The touched names by length (`n` ≥ 255 counted as 255): a record whose name has
    // no touched name of its length, and is not long enough to be below a delegation,
    // is passed over without reading its name; otherwise it is compared with just the
    // few touched names of its length.
    let mut by_len: Vec<&str> = wanted.iter().map(String::as_str).collect();
    by_len.sort_unstable_by_key(|w| w.len().min(255));
    // `by_len[start[n]..start[n + 1]]`: the touched names of `n` bytes (no allocation).
    let mut start = [0u32; 257];
    for w in &by_len {
        start[w.len().min(255) + 1] += 1;
    }
    for n in 0..256 {
        start[n + 1] += start[n];
    }
    let of_len = |n: usize| &by_len[start[n] as usize..start[n + 1] as usize];
    let min_below = below.iter().map(String::len).min().unwrap_or(usize::MAX);
    // The skip test alone, compact (256 bytes) for the loop over every record.
    let mut candidate = [false; 256];
    for (n, c) in candidate.iter_mut().enumerate() {
        *c = n > min_below || start[n + 1] > start[n];
    }
    let mut index: Index = FxHashMap::default();
    for (i, r) in records.iter().enumerate() {
        let n = r.name.len();
        if !candidate[n.min(255)] {
            continue;
        }
        let name = r.name.as_str();
        if let Some(w) = of_len(n.min(255)).iter().find(|w| name.eq_ignore_ascii_case(w)) {
            match index.get_mut(*w) {
                Some(v) => v.push(i as u32),
                None => {
                    index.insert(w.to_string(), vec![i as u32]);
                }
            }
        } else if n > min_below && below.iter().any(|b| is_below(name, b)) {
            index.entry(name.to_ascii_lowercase()).or_default().push(i as u32);
        }
    }
    index
}

impl<'z> Zone<'z> {
    /// The zone of one call. From a record slice, only the names in `wanted` and below
    /// `below` are indexed; an [`IndexedZone`] is used as it is.
    pub(super) fn new(source: Source<'z>, wanted: &FxHashSet<String>, below: &[String]) -> Zone<'z> {
        let (records, names) = match source {
            Source::Records(records) => (records, Names::Touched(index_touched(records, wanted, below))),
            Source::Indexed(z) => (z.records.as_slice(), Names::Whole(z)),
        };
        Zone { records, names, delete: HashMap::new(), replace: HashMap::new() }
    }

    /// Indices of the records at `name` (lowercase), in zone order.
    pub(super) fn at(&self, name: &str) -> Vec<usize> {
        match &self.names {
            Names::Touched(i) => i.get(name).map(|v| v.iter().map(|&i| i as usize).collect()).unwrap_or_default(),
            Names::Whole(z) => z.at(name),
        }
    }

    /// Names (lowercase) strictly below `name`.
    pub(super) fn names_below(&self, name: &str) -> Vec<String> {
        match &self.names {
            Names::Touched(i) => i.keys().filter(|n| is_below(n, name)).cloned().collect(),
            Names::Whole(z) => z.names_below(name),
        }
    }

    /// Indices of the records that carry `_dc` provenance, in zone order.
    pub(super) fn with_provenance(&self) -> Vec<usize> {
        match &self.names {
            Names::Whole(z) => z.provenance.iter().map(|&i| i as usize).collect(),
            Names::Touched(_) => (0..self.records.len()).filter(|&i| self.records[i].dc.is_some()).collect(),
        }
    }

    pub(super) fn rec(&self, i: usize) -> &'z ZoneRecord {
        &self.records[i]
    }

    pub(super) fn is(&self, i: usize, rtype: &crate::record_type::RecordType) -> bool {
        self.records[i].rtype == *rtype
    }

    pub(super) fn replaced(&self, i: usize) -> bool {
        self.replace.contains_key(&i)
    }

    pub(super) fn deleted(&self, i: usize) -> bool {
        self.delete.contains_key(&i)
    }

    pub(super) fn mark(&mut self, i: usize, reason: impl FnOnce() -> DeletionReason) {
        self.delete.entry(i).or_insert_with(reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(names: &[&str]) -> FxHashSet<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn touched_names_by_length_then_bytes() {
        let long = format!("{}sub", "a.".repeat(150));
        let z: Vec<ZoneRecord> =
            ["www", "WwW", "wwx", "mail", "x.sub", "X.SUB", "xsub", &long, "sub"].iter().map(|n| ZoneRecord::new("A", n, "192.0.2.1", None)).collect();
        let i = index_touched(&z, &set(&["@", "www", "sub"]), &["sub".to_string()]);
        assert_eq!(i.get("www"), Some(&vec![0, 1]));
        assert_eq!(i.get("sub"), Some(&vec![8]));
        assert_eq!(i.get("x.sub"), Some(&vec![4, 5]));
        assert_eq!(i.get(long.as_str()), Some(&vec![7]), "a name over 255 bytes below a delegation");
        assert_eq!(i.len(), 4, "{i:?}");
        // Without the delegation, nothing below it is indexed.
        let i = index_touched(&z, &set(&["@", "www"]), &[]);
        assert_eq!(i.keys().collect::<Vec<_>>(), vec!["www"]);
    }

    #[test]
    fn indexed_zone_finds_names_in_any_ascii_case() {
        let z: Vec<ZoneRecord> = ["www", "@", "WWW", "a.www", "A.Www"].iter().map(|n| ZoneRecord::new("A", n, "192.0.2.1", None)).collect();
        let iz = IndexedZone::new(z).unwrap();
        assert_eq!(iz.at("www"), vec![0, 2]);
        assert_eq!(iz.at("a.www"), vec![3, 4]);
        assert_eq!(iz.at("nope"), Vec::<usize>::new());
        let mut below = iz.names_below("www");
        below.sort();
        assert_eq!(below, vec!["a.www"]);
    }
}
