//! What a prediction set gets wrong against gold data, sorted into the
//! categories an editor acts on: missed, spurious, wrong extent, wrong kind,
//! wrong value. Cases that look alike (same category, kinds and texts) are
//! grouped and counted, most frequent first, each with a few contexts.
//!
//! The categories are read off the scorer's own relaxed matching
//! ([`super::match_doc`]), so they explain its numbers rather than a second
//! opinion of them: every relaxed miss is a missed, wrong-kind or
//! wrong-extent case (the gold side), every relaxed false positive a spurious,
//! wrong-kind or wrong-extent case (the prediction side), and a relaxed match
//! that is not exact is a wrong extent. `optional` spans, kind `other`,
//! `alt_kinds`, `alt_extents` and `value_optional` count as they do there.
//! Trade-off: a gold span and a prediction that overlap with different kinds
//! are one wrong-kind case, not a miss plus a false positive, so the category
//! counts do not add up to fn + fp; they count what there is to fix.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::{match_doc, py_eq, GoldDoc, GoldSpan, PredSpan, Predictions};
use depeche::Kind;

/// Contexts kept per group.
pub const EXAMPLES: usize = 2;
/// Characters of context on each side of a case.
pub const CONTEXT: usize = 40;

/// A kind of error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// A required gold span that no prediction overlaps.
    Missed,
    /// A prediction that overlaps no gold span.
    Spurious,
    /// A prediction of an accepted kind whose extent is not the gold one
    /// (nor an `alt_extents`): too long, too short, two names merged or one split.
    WrongExtent,
    /// A prediction that overlaps gold spans of none of its accepted kinds.
    WrongKind,
    /// A date found (relaxed match) with a value other than the gold one.
    WrongValue,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 5] = [
        Category::Missed,
        Category::Spurious,
        Category::WrongExtent,
        Category::WrongKind,
        Category::WrongValue,
    ];

    /// The name, lower case.
    pub fn name(self) -> &'static str {
        match self {
            Category::Missed => "missed",
            Category::Spurious => "spurious",
            Category::WrongExtent => "wrong extent",
            Category::WrongKind => "wrong kind",
            Category::WrongValue => "wrong value",
        }
    }

    /// What it means, one sentence.
    pub fn meaning(self) -> &'static str {
        match self {
            Category::Missed => "a required gold span that no prediction overlaps",
            Category::Spurious => "a prediction that overlaps no gold span",
            Category::WrongExtent => {
                "a prediction of an accepted kind overlapping a gold span without its \
                 extent (or an alternative one); a prediction over two gold spans, or \
                 two predictions over one, count once per span"
            }
            Category::WrongKind => {
                "a prediction overlapping a gold span that does not accept its kind \
                 (optional spans included)"
            }
            Category::WrongValue => {
                "a gold date matched (relaxed) by a prediction whose value differs \
                 (values marked value_optional are not scored)"
            }
        }
    }
}

/// What the cases of a group share: the category, the gold span's kind and
/// text, the prediction's kind and text (each absent when there is none).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ErrorKey {
    pub category: Category,
    pub gold: Option<(&'static str, String)>,
    pub pred: Option<(Kind, String)>,
}

/// One case shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The document's id.
    pub doc: String,
    /// The text around the case on one line: newlines as ⏎, the gold span
    /// marked ⟦ ⟧ and, when its extent differs, the prediction ⟨ ⟩.
    pub context: String,
    /// For a wrong value: `gold V, predicted W`.
    pub detail: Option<String>,
}

/// Cases that look alike.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorGroup {
    pub key: ErrorKey,
    pub count: usize,
    /// The first [`EXAMPLES`] cases, in document order.
    pub examples: Vec<Example>,
}

/// The errors of one prediction set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorReport {
    /// By category (in [`Category::ALL`] order), then most frequent first.
    pub groups: Vec<ErrorGroup>,
    /// Gold documents read.
    pub docs: usize,
}

impl ErrorReport {
    /// The number of cases of a category.
    pub fn cases(&self, c: Category) -> usize {
        self.of(c).map(|g| g.count).sum()
    }

    /// The groups of a category, most frequent first.
    pub fn of(&self, c: Category) -> impl Iterator<Item = &ErrorGroup> + '_ {
        self.groups.iter().filter(move |g| g.key.category == c)
    }
}

/// A text addressed in code points.
struct CharText<'a> {
    text: &'a str,
    /// Byte offset of each code point, then the text's length.
    bounds: Vec<usize>,
}

impl<'a> CharText<'a> {
    fn new(text: &'a str) -> CharText<'a> {
        let bounds = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        CharText { text, bounds }
    }

    /// Code points in the text.
    fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    fn clamp(&self, i: i64) -> usize {
        usize::try_from(i.max(0))
            .unwrap_or(usize::MAX)
            .min(self.len())
    }

    fn slice(&self, start: i64, end: i64) -> &'a str {
        let (s, e) = (self.clamp(start), self.clamp(end));
        let b = |i: usize| self.bounds.get(i).copied().unwrap_or(self.text.len());
        self.text.get(b(s)..b(e.max(s))).unwrap_or("")
    }

    /// The text around `gold` and `pred` (code point extents).
    fn context(&self, gold: Option<(i64, i64)>, pred: Option<(i64, i64)>) -> String {
        let mut marks: Vec<(usize, usize, char)> = Vec::new(); // (position, order, mark)
        let mut put = |(s, e): (i64, i64), open: char, close: char| {
            let (s, e) = (self.clamp(s), self.clamp(e));
            let e = e.max(s);
            // At one position: closings first, then openings (outer before inner).
            marks.push((s, 2, open));
            marks.push((e, 0, close));
        };
        match (gold, pred) {
            (Some(g), Some(p)) if g != p => {
                put(g, '⟦', '⟧');
                put(p, '⟨', '⟩');
            }
            (Some(x), _) | (None, Some(x)) => put(x, '⟦', '⟧'),
            (None, None) => {}
        }
        marks.sort_unstable();
        let lo = marks.iter().map(|m| m.0).min().unwrap_or(0);
        let hi = marks.iter().map(|m| m.0).max().unwrap_or(0);
        let lo = lo.saturating_sub(CONTEXT);
        let hi = (hi + CONTEXT).min(self.len());
        let mut out = String::new();
        if lo > 0 {
            out.push('…');
        }
        let mut m = marks.iter().peekable();
        for (i, ch) in self.slice(lo as i64, hi as i64).chars().enumerate() {
            while let Some(&&(at, _, mark)) = m.peek() {
                if at > lo + i {
                    break;
                }
                out.push(mark);
                m.next();
            }
            match ch {
                '\n' => out.push('⏎'),
                '\r' => {}
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
        out.extend(m.map(|&(_, _, mark)| mark));
        if hi < self.len() {
            out.push('…');
        }
        out
    }
}

fn show_value(v: Option<&Json>) -> String {
    match v {
        None | Some(Json::Null) => "none".into(),
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The errors of `preds` against `gold`, scored on `kinds` (as [`super::score`]
/// filters them).
pub fn errors(gold: &[GoldDoc], preds: &Predictions, kinds: &[Kind]) -> ErrorReport {
    let mut groups: HashMap<ErrorKey, ErrorGroup> = HashMap::new();
    let empty = Vec::new();
    for d in gold {
        let t = CharText::new(d.text.as_deref().unwrap_or(""));
        let ps: Vec<&PredSpan> = preds
            .get(&d.id)
            .unwrap_or(&empty)
            .iter()
            .filter(|p| kinds.contains(&p.kind))
            .collect();
        let c = match_doc(&d.spans, &ps, false);
        let mut add = |category: Category,
                       g: Option<&GoldSpan>,
                       p: Option<&PredSpan>,
                       detail: Option<String>| {
            let ge = g.map(|g| (g.start, g.end));
            let pe = p.map(|p| (p.start, p.end));
            let key = ErrorKey {
                category,
                gold: g.map(|g| (g.kind.as_str(), t.slice(g.start, g.end).to_string())),
                pred: p.map(|p| (p.kind, t.slice(p.start, p.end).to_string())),
            };
            let group = groups.entry(key).or_insert_with_key(|k| ErrorGroup {
                key: k.clone(),
                count: 0,
                examples: Vec::new(),
            });
            group.count += 1;
            if group.examples.len() < EXAMPLES {
                group.examples.push(Example {
                    doc: d.id.clone(),
                    context: t.context(ge, pe),
                    detail,
                });
            }
        };
        for &(p, g) in &c.matched {
            if !g.extents().any(|e| e == (p.start, p.end)) {
                add(Category::WrongExtent, Some(g), Some(p), None);
            }
            if let (Some(v), false) = (g.value.as_ref(), g.value_optional) {
                if g.kind.kind() == Some(Kind::Date)
                    && !py_eq(p.value.as_ref().unwrap_or(&Json::Null), v)
                {
                    let detail = format!(
                        "gold {}, predicted {}",
                        show_value(Some(v)),
                        show_value(p.value.as_ref())
                    );
                    add(Category::WrongValue, Some(g), Some(p), Some(detail));
                }
            }
        }
        // Wrong-kind pairs seen from the gold side, not to count them again.
        let mut paired: Vec<(&GoldSpan, &PredSpan)> = Vec::new();
        for &g in &c.missed {
            if !g.kind.kind().is_some_and(|k| kinds.contains(&k)) {
                continue;
            }
            let mut over = ps
                .iter()
                .copied()
                .filter(|p| g.overlapped_by((p.start, p.end)));
            let first = over.clone().next();
            if let Some(p) = over.find(|p| g.compatible(p.kind)) {
                // Its prediction went to another gold span: merged names.
                add(Category::WrongExtent, Some(g), Some(p), None);
            } else if let Some(p) = first {
                paired.push((g, p));
                add(Category::WrongKind, Some(g), Some(p), None);
            } else {
                add(Category::Missed, Some(g), None, None);
            }
        }
        for &p in &c.false_pos {
            let pe = (p.start, p.end);
            let over: Vec<&GoldSpan> = d.spans.iter().filter(|g| g.overlapped_by(pe)).collect();
            if over.is_empty() {
                add(Category::Spurious, None, Some(p), None);
                continue;
            }
            let seen = paired
                .iter()
                .any(|&(g, q)| std::ptr::eq(q, p) && over.iter().any(|&o| std::ptr::eq(o, g)));
            if seen {
                continue;
            }
            // A compatible required span here was matched by another
            // prediction: this one is a piece of a split name.
            let split = over.iter().find(|g| g.required() && g.compatible(p.kind));
            let g = split
                .or_else(|| over.iter().find(|g| g.required()))
                .or(over.first())
                .copied();
            let cat = if split.is_some() {
                Category::WrongExtent
            } else {
                Category::WrongKind
            };
            add(cat, g, Some(p), None);
        }
    }
    let mut groups: Vec<ErrorGroup> = groups.into_values().collect();
    groups.sort_by(|a, b| {
        (a.key.category, std::cmp::Reverse(a.count), &a.key).cmp(&(
            b.key.category,
            std::cmp::Reverse(b.count),
            &b.key,
        ))
    });
    ErrorReport {
        groups,
        docs: gold.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_mark_spans_on_one_line() {
        let t = CharText::new("Hier à Paris,\nle président.");
        assert_eq!(t.slice(7, 12), "Paris");
        assert_eq!(
            t.context(Some((7, 12)), None),
            "Hier à ⟦Paris⟧,⏎le président."
        );
        assert_eq!(
            t.context(Some((7, 12)), Some((5, 12))),
            "Hier ⟨à ⟦Paris⟧⟩,⏎le président."
        );
        let long = format!("{}Lyon{}", "x".repeat(50), "y".repeat(50));
        let t = CharText::new(&long);
        let c = t.context(None, Some((50, 54)));
        assert_eq!(c, format!("…{}⟦Lyon⟧{}…", "x".repeat(40), "y".repeat(40)));
        // Offsets out of range do not panic.
        assert_eq!(
            CharText::new("abc").context(Some((2, 99)), Some((-5, 1))),
            "⟨a⟩b⟦c⟧"
        );
    }
}
