//! A table from a name's key (its folded words, built by the caller in a
//! buffer) to a small value, for the passes that learn a document's names
//! and look them up again ([`super::discourse`]).
//!
//! Why not a `HashMap<String, V>`: a map of strings allocates one string per
//! name and grows by rehashing, and a German dispatch names dozens of people
//! and places. Here every key is copied into one string, and the slots are
//! one vector of indexes that grows by doubling: a few allocations per
//! document instead of one per name. Looked up by `&str`, no key is built.

use crate::text::hash::WordHasher;
use std::hash::{BuildHasher, BuildHasherDefault};

/// Keys of text to values, inserted once each.
pub(super) struct KeyTable<V> {
    /// The keys, one after another.
    text: String,
    /// Each key's hash, byte range in `text` and value, in insertion order.
    entries: Vec<(u64, usize, usize, V)>,
    /// Open addressing: an index into `entries` plus one, 0 for an empty
    /// slot; the length is a power of two, at least twice the entries.
    slots: Vec<u32>,
}

impl<V> KeyTable<V> {
    pub(super) fn new() -> KeyTable<V> {
        KeyTable {
            text: String::new(),
            entries: Vec::new(),
            slots: Vec::new(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn hash(key: &str) -> u64 {
        BuildHasherDefault::<WordHasher>::default().hash_one(key)
    }

    /// The slot holding `key`, or the empty slot where it would go (`Err`).
    fn find(&self, h: u64, key: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            match self.slots[i] {
                0 => return Err(i),
                s => {
                    let (eh, a, b, _) = &self.entries[s as usize - 1];
                    if *eh == h && &self.text[*a..*b] == key {
                        return Ok(i);
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`.
    pub(super) fn get(&self, key: &str) -> Option<&V> {
        if self.slots.is_empty() {
            return None;
        }
        let s = self.find(Self::hash(key), key).ok()?;
        Some(&self.entries[self.slots[s] as usize - 1].3)
    }

    /// Sets the value of `key`: inserted when new, replaced when
    /// `overwrite`, else left as it was.
    pub(super) fn set(&mut self, key: &str, value: V, overwrite: bool) {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            if self.slots.is_empty() {
                // Room for a dispatch's names at once (no growth by steps).
                self.text.reserve(2048);
                self.entries.reserve(128);
            }
            self.grow();
        }
        let h = Self::hash(key);
        match self.find(h, key) {
            Ok(s) => {
                if overwrite {
                    self.entries[self.slots[s] as usize - 1].3 = value;
                }
            }
            Err(s) => {
                let a = self.text.len();
                self.text.push_str(key);
                self.entries.push((h, a, self.text.len(), value));
                self.slots[s] = self.entries.len() as u32;
            }
        }
    }

    /// Doubles the slots (64 at first) and puts the entries back.
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(64);
        self.slots.clear();
        self.slots.resize(n, 0);
        for (e, &(h, ..)) in self.entries.iter().enumerate() {
            let mut i = (h as usize) & (n - 1);
            while self.slots[i] != 0 {
                i = (i + 1) & (n - 1);
            }
            self.slots[i] = e as u32 + 1;
        }
    }

    /// The keys, in the order they were inserted.
    pub(super) fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|&(_, a, b, _)| &self.text[a..b])
    }
}

#[cfg(test)]
mod tests {
    use super::KeyTable;

    #[test]
    fn keys_are_found_set_once_and_overwritten_on_demand() {
        let mut t = KeyTable::new();
        assert!(t.is_empty() && t.get("merkel").is_none());
        for i in 0..100u32 {
            t.set(&format!("name {i}"), i, false);
        }
        t.set("name 7", 700, false);
        t.set("name 8", 800, true);
        assert_eq!(t.get("name 7"), Some(&7));
        assert_eq!(t.get("name 8"), Some(&800));
        assert_eq!(t.get("name 99"), Some(&99));
        assert!(t.get("name 100").is_none() && t.get("").is_none());
        assert_eq!(t.keys().count(), 100);
        assert_eq!(t.keys().next(), Some("name 0"));
    }
}
