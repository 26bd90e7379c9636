//! Markdown for people: QUALITY.md (targets of issue 5 met or not, then the
//! detail, depeche beside the peers) and one error report per corpus.
//!
//! The targets are the issue's: relaxed F1 at least the best peer's on every
//! corpus and kind, strict F1 within 0.03 of the best peer's, date value
//! accuracy at least 0.85, strict F1 at least 0.95 on the seed dispatch.
//! Figures are compared as shown, rounded to three decimals, so that a row
//! never reads "0.767 against 0.767: not met". The best peer is the best of
//! the prediction files present, per corpus and kind, separately for relaxed
//! and strict F1. Texts from the corpora appear only in the error reports,
//! never in QUALITY.md (which is committed).

use std::fmt::Write as _;

use super::errors::{Category, ErrorGroup, ErrorReport};
use super::halves::Half;
use super::suite::{SetResult, Suite};
use super::{KindScores, ModeScores, Scores};
use depeche::Kind;

/// Strict F1 may be this much below the best peer's.
pub const STRICT_MARGIN: f64 = 0.03;
/// Date value accuracy to reach on every corpus scored on dates.
pub const DATE_VALUE_TARGET: f64 = 0.85;
/// Strict F1 to reach on the seed dispatch.
pub const SEED_STRICT_TARGET: f64 = 0.95;

/// When, from what and how the figures were made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stamp {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The commit, as `git` names it (or `unknown`).
    pub commit: String,
    /// The command that was run.
    pub command: String,
}

/// The file name of a corpus's error report.
pub fn report_file_name(corpus: &str) -> String {
    format!("{corpus}.errors.md")
}

/// Thousandths, as shown.
fn milli(x: f64) -> i64 {
    (x * 1000.0).round() as i64
}

fn f3(x: f64) -> String {
    format!("{x:.3}")
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn kind_scores(m: &ModeScores, k: Kind) -> Option<&KindScores> {
    m.kinds.iter().find(|(j, _)| *j == k).map(|(_, s)| s)
}

/// The best of `values` (name, figure), the first on ties.
fn best<'a>(values: impl Iterator<Item = (&'a str, f64)>) -> Option<(&'a str, f64)> {
    values.fold(None, |acc, (n, v)| match acc {
        Some((_, b)) if b >= v => acc,
        _ => Some((n, v)),
    })
}

/// One row of the targets table.
struct Target {
    relaxed_ok: Option<bool>,
    strict_ok: Option<bool>,
}

fn target_row(out: &mut String, r: &SetResult, k: Kind) -> Target {
    let dep_r = kind_scores(&r.depeche.relaxed, k).map_or(0.0, |s| s.f1);
    let dep_s = kind_scores(&r.depeche.strict, k).map_or(0.0, |s| s.f1);
    let peer = |strict: bool| {
        best(r.peers.iter().filter_map(|(n, s)| {
            let m = if strict { &s.strict } else { &s.relaxed };
            kind_scores(m, k).map(|ks| (n.as_str(), ks.f1))
        }))
    };
    let (pr, ps) = (peer(false), peer(true));
    let relaxed_ok = pr.map(|(_, v)| milli(dep_r) >= milli(v));
    let strict_ok = ps.map(|(_, v)| milli(dep_s) >= milli(v) - milli(STRICT_MARGIN));
    let show = |p: Option<(&str, f64)>| p.map_or("–".into(), |(n, v)| format!("{} ({n})", f3(v)));
    let ok = |o: Option<bool>| o.map_or("–", mark);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} |",
        r.set.name,
        k.as_str(),
        f3(dep_r),
        show(pr),
        ok(relaxed_ok),
        f3(dep_s),
        show(ps),
        ok(strict_ok),
    );
    Target {
        relaxed_ok,
        strict_ok,
    }
}

fn value_acc(s: &Scores) -> Option<(f64, usize)> {
    s.relaxed.date_value.as_ref().map(|d| (d.acc, d.n))
}

/// QUALITY.md. `reports`: the error reports' directory as a link from
/// QUALITY.md's own (None when none were written).
pub fn quality_markdown(suite: &Suite, stamp: &Stamp, reports: Option<&str>) -> String {
    let mut o = String::new();
    let mut met = 0usize;
    let mut missed: Vec<String> = Vec::new();
    let mut tally = |ok: Option<bool>, what: String| match ok {
        Some(true) => met += 1,
        Some(false) => missed.push(what),
        None => {}
    };

    // Targets: dev sets against the best peer.
    let mut t = String::new();
    t.push_str(
        "| dev set | kind | depeche relaxed | best peer relaxed | relaxed ≥ best | \
         depeche strict | best peer strict | strict ≥ best − 0.03 |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for r in &suite.sets {
        for &k in &r.set.kinds {
            let row = target_row(&mut t, r, k);
            tally(
                row.relaxed_ok,
                format!("{} {} relaxed", r.set.name, k.as_str()),
            );
            tally(
                row.strict_ok,
                format!("{} {} strict", r.set.name, k.as_str()),
            );
        }
    }

    // Date values.
    let mut v = String::new();
    v.push_str(
        "| dev set | depeche | n | best peer | ≥ 0.85 |\n\
         |---|---|---|---|---|\n",
    );
    let mut any_dates = false;
    for r in suite
        .sets
        .iter()
        .filter(|r| r.set.kinds.contains(&Kind::Date))
    {
        any_dates = true;
        let dep = value_acc(&r.depeche);
        let peer = best(
            r.peers
                .iter()
                .filter_map(|(n, s)| value_acc(s).map(|(a, _)| (n.as_str(), a))),
        );
        let ok = dep.map(|(a, _)| milli(a) >= milli(DATE_VALUE_TARGET));
        tally(ok.or(Some(false)), format!("{} date values", r.set.name));
        let _ = writeln!(
            v,
            "| {} | {} | {} | {} | {} |",
            r.set.name,
            dep.map_or("–".into(), |(a, _)| f3(a)),
            dep.map_or("0".into(), |(_, n)| n.to_string()),
            peer.map_or("–".into(), |(n, a)| format!("{} ({n})", f3(a))),
            mark(ok == Some(true)),
        );
    }

    // The seed dispatch, strict.
    let mut s = String::new();
    if let Some(seed) = &suite.seed {
        s.push_str("| kind | P | R | F1 | ≥ 0.95 |\n|---|---|---|---|---|\n");
        let m = &seed.depeche.strict;
        let rows = m
            .kinds
            .iter()
            .map(|(k, ks)| (k.as_str(), ks.p, ks.r, ks.f1))
            .chain(std::iter::once(("**all**", m.all.p, m.all.r, m.all.f1)));
        for (name, p, r, f1) in rows {
            let ok = milli(f1) >= milli(SEED_STRICT_TARGET);
            if name == "**all**" {
                tally(Some(ok), format!("{} strict", seed.set.name));
            }
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {} | {} |",
                f3(p),
                f3(r),
                f3(f1),
                mark(ok)
            );
        }
    }

    let _ = write!(
        o,
        "# Quality\n\n\
         How well depeche finds actors, places and dates: on the seed dispatch\n\
         (`../shared/fixtures/`, strict scores are the ones to watch there) and on\n\
         the development corpora of `../shared/dev/` (beside the repository, not\n\
         part of it), each scored on the kinds its README lists, beside the peers'\n\
         predictions on the same files (`../shared/dev/peers/`) scored the same way.\n\
         Scores are precision/recall/F1, **strict** (exact extent) and **relaxed**\n\
         (any overlap with an accepted kind); for dates also the share of relaxed\n\
         matches whose TIMEX3 value is exactly the gold value. The numbers are those\n\
         of `../shared/tools/score.py` (tests/eval_agreement.rs checks it).\n\n\
         The dev corpora follow their own guidelines, which differ from ours in\n\
         places (CoNLL tags \"Syrian\" in \"Syrian army\" as MISC; TimeML keeps some\n\
         determiners): the relaxed scores are the ones to watch there.\n\n\
         Produced on {} at commit {} by\n\n    {}\n\n\
         (`scripts/quality.sh` builds the release binary and runs that command.)\n\n",
        stamp.date, stamp.commit, stamp.command
    );
    let _ = write!(
        o,
        "## Targets (issue 5)\n\n\
         {met} of {} met{}.\n\n\
         Figures are compared as shown (three decimals); the best peer is the best\n\
         prediction file of `peers/` for that corpus and kind.\n\n{t}\n",
        met + missed.len(),
        if missed.is_empty() {
            String::new()
        } else {
            format!("; not yet: {}", missed.join(", "))
        }
    );
    if any_dates {
        let _ = write!(
            o,
            "Date value accuracy (share of relaxed matches with exactly the gold value;\n\
             values marked `value_optional` are not scored), target ≥ 0.85:\n\n{v}\n"
        );
    }
    if let Some(seed) = &suite.seed {
        let _ = write!(
            o,
            "The seed dispatch ({}), strict, target ≥ 0.95 overall:\n\n{s}\n",
            seed.set.name
        );
    }

    // Detail.
    o.push_str(
        "## Detail\n\n\
         Relaxed counts are true positives, false positives and false negatives.\n\n\
         | corpus | lang | kind | system | relaxed P | relaxed R | relaxed F1 | \
         strict P | strict R | strict F1 | relaxed tp/fp/fn | date value accuracy (n) |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in suite.seed.iter().chain(&suite.sets) {
        let systems = std::iter::once(("**depeche**", &r.depeche))
            .chain(r.peers.iter().map(|(n, s)| (n.as_str(), s)));
        for &k in &r.set.kinds {
            for (who, sc) in systems.clone() {
                let (Some(rx), Some(st)) =
                    (kind_scores(&sc.relaxed, k), kind_scores(&sc.strict, k))
                else {
                    continue;
                };
                let acc = if k == Kind::Date {
                    value_acc(sc).map_or("–".into(), |(a, n)| format!("{} ({n})", f3(a)))
                } else {
                    "–".into()
                };
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {who} | {} | {} | {} | {} | {} | {} | {}/{}/{} | {acc} |",
                    r.set.name,
                    r.set.lang,
                    k.as_str(),
                    f3(rx.p),
                    f3(rx.r),
                    f3(rx.f1),
                    f3(st.p),
                    f3(st.r),
                    f3(st.f1),
                    rx.tp,
                    rx.fp,
                    rx.fn_,
                );
            }
        }
    }

    halves_table(&mut o, suite);
    geo_table(&mut o, suite);

    // Error reports.
    o.push_str("\n## depeche's errors\n\n");
    match reports {
        Some(dir) => {
            let _ = write!(
                o,
                "Cases per category; each report lists them grouped, most frequent\n\
                 first, with their contexts. The reports are written to `{dir}` and not\n\
                 committed: they quote the corpora, which stay outside the repository.\n\n"
            );
        }
        None => o.push_str(
            "Cases per category (no report files were written: `--reports DIR` writes them).\n\n",
        ),
    }
    o.push_str("| corpus | report |");
    for c in Category::ALL {
        let _ = write!(o, " {} |", c.name());
    }
    o.push_str("\n|---|---|---|---|---|---|---|\n");
    for r in suite.seed.iter().chain(&suite.sets) {
        let file = report_file_name(&r.set.name);
        let link = reports.map_or("–".into(), |d| {
            let d = d.trim_end_matches('/');
            format!("[{file}]({d}/{file})")
        });
        let _ = write!(o, "| {} | {link} |", r.set.name);
        for c in Category::ALL {
            let _ = write!(o, " {} |", r.errors.cases(c));
        }
        o.push('\n');
    }
    o
}

/// Place resolution on the `geo/` corpora, each half (see [`super::geo`]).
fn geo_table(o: &mut String, suite: &Suite) {
    if suite.geo.is_empty() {
        return;
    }
    o.push_str(
        "\n## Places on the map\n\n\
         Of the gold toponyms a predicted place span overlaps (\"found\"), the share whose\n\
         value lies within 161 km of the gold point (the same GeoNames id is 0 km, no\n\
         coordinates is a miss), with the exact GeoNames id, with the right country; the\n\
         mean and median error of those with coordinates; and recognition recall, with\n\
         and without adjectival uses (Gritta et al. 2018). One set and half:\n\
         `depeche eval ../shared/dev/geo/<set>.jsonl --half check --kinds place`.\n\n",
    );
    o.push_str(super::geo::MARKDOWN_HEADER);
    for g in &suite.geo {
        for (h, s) in Half::BOTH.iter().zip(&g.halves) {
            o.push_str(&super::geo::markdown_row(&g.name, h.as_str(), s));
        }
    }
}

/// depeche on each fixed half of every corpus (the seed is one dispatch: no
/// halves), and the check half's figure minus the write half's.
fn halves_table(o: &mut String, suite: &Suite) {
    o.push_str(
        "\n## Write and check halves\n\n\
         Each corpus is split in two by a hash of the document id, fixed once\n\
         (`crates/eval/src/halves.rs`): rules are written from the write half's\n\
         errors, and one that does not help the check half does not stay.\n\n\
         | corpus | kind | write docs | write relaxed F1 | write strict F1 | \
         check docs | check relaxed F1 | check strict F1 | check − write relaxed | \
         check − write strict | best peer check relaxed F1 | check relaxed ≥ peer |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in &suite.sets {
        let [w, c] = &r.halves;
        for &k in &r.set.kinds {
            let f1 = |h: &super::halves::HalfScores| {
                (
                    kind_scores(&h.scores.relaxed, k).map(|s| s.f1),
                    kind_scores(&h.scores.strict, k).map(|s| s.f1),
                )
            };
            let ((Some(wr), Some(ws)), (Some(cr), Some(cs))) = (f1(w), f1(c)) else {
                continue;
            };
            // The difference of the figures as shown, so that the row adds up.
            let diff = |a: f64, b: f64| {
                let d = milli(a) - milli(b);
                format!(
                    "{}{}.{:03}",
                    if d < 0 { "−" } else { "+" },
                    d.abs() / 1000,
                    d.abs() % 1000
                )
            };
            let (peer, ok) = peer_check_cells(r, k, cr);
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                r.set.name,
                k.as_str(),
                w.docs,
                f3(wr),
                f3(ws),
                c.docs,
                f3(cr),
                f3(cs),
                diff(cr, wr),
                diff(cs, ws),
                peer,
                ok,
            );
        }
    }
}

/// The best peer's relaxed F1 of kind `k` on the check half (scored on the
/// same documents as depeche's `check` figure), and whether depeche's is at
/// least as high, as shown to three places; dashes when no peer runs there.
fn peer_check_cells(r: &SetResult, k: Kind, check: f64) -> (String, &'static str) {
    let peer = best(
        r.peers_check
            .iter()
            .filter_map(|(n, s)| kind_scores(&s.relaxed, k).map(|ks| (n.as_str(), ks.f1))),
    );
    match peer {
        Some((n, v)) => (format!("{} ({n})", f3(v)), mark(milli(check) >= milli(v))),
        None => ("–".into(), "–"),
    }
}

fn side(x: Option<(&str, &str)>) -> String {
    x.map_or("–".into(), |(k, t)| format!("{k}: {}", cell(t)))
}

fn group_row(o: &mut String, g: &ErrorGroup) {
    let examples: Vec<String> = g
        .examples
        .iter()
        .map(|e| {
            let detail = e
                .detail
                .as_deref()
                .map_or(String::new(), |d| format!(" ({})", cell(d)));
            format!("{}{detail} — doc {}", cell(&e.context), cell(&e.doc))
        })
        .collect();
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} |",
        g.count,
        side(g.key.gold.as_ref().map(|(k, t)| (*k, t.as_str()))),
        side(g.key.pred.as_ref().map(|(k, t)| (k.as_str(), t.as_str()))),
        examples.join("<br>")
    );
}

/// The error report of one corpus.
pub fn errors_markdown(r: &SetResult, stamp: &Stamp) -> String {
    let e: &ErrorReport = &r.errors;
    let kinds: Vec<&str> = r.set.kinds.iter().map(|k| k.as_str()).collect();
    let mut o = String::new();
    let _ = write!(
        o,
        "# depeche's errors on {}\n\n\
         {} documents scored on {}; produced on {} at commit {} by\n`{}`.\n\n\
         Contexts: {} characters each side, newlines as ⏎, the gold span (or the\n\
         prediction when there is no gold span) between ⟦ ⟧, the prediction between\n\
         ⟨ ⟩ when its extent differs.\n\n\
         | category | cases | distinct | meaning |\n|---|---|---|---|\n",
        r.set.name,
        e.docs,
        kinds.join(", "),
        stamp.date,
        stamp.commit,
        stamp.command,
        super::errors::CONTEXT,
    );
    for c in Category::ALL {
        let _ = writeln!(
            o,
            "| [{}](#{}) | {} | {} | {} |",
            c.name(),
            c.name().replace(' ', "-"),
            e.cases(c),
            e.of(c).count(),
            c.meaning()
        );
    }
    for c in Category::ALL {
        let _ = write!(
            o,
            "\n## {}\n\n{} cases, most frequent first.\n\n",
            c.name(),
            e.cases(c)
        );
        if e.cases(c) == 0 {
            continue;
        }
        o.push_str("| n | gold | predicted | contexts |\n|---|---|---|---|\n");
        for g in e.of(c) {
            group_row(&mut o, g);
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_markdown() {
        assert_eq!(cell("a|b*c_[d]`e`\nf"), "a\\|b\\*c\\_\\[d\\]\\`e\\` f");
    }

    #[test]
    fn best_keeps_the_first_of_equals() {
        let v = [("a", 0.5), ("b", 0.7), ("c", 0.7)];
        assert_eq!(best(v.iter().copied()), Some(("b", 0.7)));
        assert_eq!(best(std::iter::empty()), None);
        assert_eq!(milli(0.7665), 767);
        assert!(milli(0.600) >= milli(0.6299) - milli(STRICT_MARGIN));
    }
}
