//! The `depeche` command line as scripts use it (FORMAT.md, "The command
//! line"): the built binary, real files and pipes, exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value as Json};

const BIN: &str = env!("CARGO_BIN_EXE_depeche");

const FR: &str = "DAMAS, 4 nov 2017 (AFP) - L'armée a repris vendredi la ville \
d'Albou Kamal, selon l'OSDH, qui fait état de combats violents.";
const EN: &str = "The ministry said on Friday that the talks would resume next week, \
according to the OSDH monitor.";
const LEXICON: &str = r#"{"version": 1, "add": [
  {"text": "OSDH", "kind": "actor",
   "value": {"canonical": "Observatoire syrien des droits de l'homme", "type": "organisation"}}
]}"#;

/// A fresh file under the test's temporary directory.
fn temp_file(name: &str, content: &[u8]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cli-{}-{n}-{name}", std::process::id()));
    std::fs::write(&path, content).expect("write a temporary file");
    path
}

fn depeche(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("depeche starts");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    // Write from a thread: a large input must not deadlock against the output pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("depeche runs");
    writer.join().expect("stdin writer");
    out
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn result(o: &Output) -> Json {
    assert_eq!(code(o), 0, "exit code; stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("one JSON result")
}

/// Every span is well-formed: code point offsets, its own text, sorted, disjoint.
fn check_spans(text: &str, r: &Json) {
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for s in r["spans"].as_array().expect("spans") {
        let (a, b) = (
            s["start"].as_u64().expect("start") as usize,
            s["end"].as_u64().expect("end") as usize,
        );
        assert!(a >= last_end && a < b && b <= chars.len(), "{s}");
        let covered: String = chars[a..b].iter().collect();
        assert_eq!(s["text"], json!(covered));
        assert!(["actor", "place", "date"].contains(&s["kind"].as_str().expect("kind")));
        last_end = b;
    }
}

fn user_spans(r: &Json) -> Vec<&Json> {
    r["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .filter(|s| s["source"] == json!("user"))
        .collect()
}

#[test]
fn annotate_a_file_and_stdin_alike() {
    let path = temp_file("fr.txt", FR.as_bytes());
    let from_file = depeche(&["annotate", path.to_str().expect("path")], b"");
    let from_stdin = depeche(&["annotate"], FR.as_bytes());
    let dash = depeche(&["annotate", "-"], FR.as_bytes());
    let r = result(&from_file);
    assert_eq!(r, result(&from_stdin));
    assert_eq!(r, result(&dash));
    assert_eq!(r["lang"], json!("fr"));
    for key in ["lang", "dct", "dateline", "spans"] {
        assert!(r.get(key).is_some(), "no {key} in {r}");
    }
    check_spans(FR, &r);
}

#[test]
fn dct_and_lang_options() {
    let r = result(&depeche(
        &["annotate", "--dct", "2017-11-03"],
        EN.as_bytes(),
    ));
    assert_eq!(r["dct"], json!("2017-11-03"));
    assert_eq!(r["lang"], json!("en"));
    let r = result(&depeche(
        &["annotate", "--lang=fr", "--dct=2016-02-29"],
        EN.as_bytes(),
    ));
    assert_eq!(r["lang"], json!("fr"));
    assert_eq!(r["dct"], json!("2016-02-29"));
    let r = result(&depeche(&["annotate", "--lang", "und"], FR.as_bytes()));
    assert_eq!(r["lang"], json!("und"));
    let r = result(&depeche(&["annotate", "--lang", "auto"], FR.as_bytes()));
    assert_eq!(r["lang"], json!("fr"));
}

#[test]
fn an_unknown_language_is_refused_with_the_known_ones() {
    let o = depeche(&["annotate", "--lang", "xx"], FR.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    for l in depeche::locales::LOCALES {
        assert!(err.contains(l.lang.as_str()), "{err}");
    }
    assert!(err.contains("und or auto"), "{err}");
}

#[test]
fn bad_options_are_usage_errors() {
    for args in [
        &["annotate", "--dct", "2017-02-30"][..],
        &["annotate", "--dct", "3 novembre"],
        &["annotate", "--dct"],
        &["annotate", "--lang", "xx"],
        &["annotate", "--frobnicate"],
        &["annotate", "a.txt", "b.txt"],
        &["annotate", "--jsonl=yes"],
        &["translate"],
        &["eval"],
        &["eval", "--kinds", "person", "gold.jsonl"],
    ] {
        let o = depeche(args, FR.as_bytes());
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(
            stderr(&o).starts_with("depeche: "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let o = depeche(&["annotate", "--dct", "2017-13-01"], b"");
    assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
}

#[test]
fn help_and_missing_files() {
    let o = depeche(&["--help"], b"");
    assert_eq!(code(&o), 0);
    let help = String::from_utf8_lossy(&o.stdout);
    for word in [
        "annotate",
        "--jsonl",
        "--lang",
        "--dct",
        "--lexicon",
        "eval",
        "--kinds",
        "--json",
    ] {
        assert!(help.contains(word), "help lacks {word}");
    }
    let o = depeche(&["annotate", "/nonexistent/dispatch.txt"], b"");
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("'/nonexistent/dispatch.txt': no such file"),
        "{}",
        stderr(&o)
    );
    let o = depeche(
        &["annotate", "--lexicon", "/nonexistent/lexicon.json"],
        FR.as_bytes(),
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("lexicon.json"), "{}", stderr(&o));
}

#[test]
fn text_that_is_not_utf8_is_refused() {
    let mut latin1 = b"Le pr\xe9sident a quitt\xe9 Damas.".to_vec();
    let o = depeche(&["annotate"], &latin1);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
    assert!(stderr(&o).contains("offset 5"), "{}", stderr(&o));
    latin1.extend_from_slice(b"\n");
    let path = temp_file("latin1.txt", &latin1);
    let o = depeche(&["annotate", path.to_str().expect("path")], b"");
    assert_eq!(code(&o), 2);
}

#[test]
fn empty_and_blank_texts_have_no_spans() {
    for text in ["", "   \n\t  \r\n"] {
        let r = result(&depeche(&["annotate"], text.as_bytes()));
        assert_eq!(r["spans"], json!([]));
        assert_eq!(r["dateline"], json!(null));
    }
}

#[test]
fn nul_bytes_and_characters_outside_the_bmp_are_text_like_any_other() {
    let lex = temp_file("lex.json", LEXICON.as_bytes());
    let text = "Selon\0 l'OSDH 🙂\0, l'OSDH\u{a0}a parlé.";
    let o = depeche(
        &["annotate", "--lexicon", lex.to_str().expect("path")],
        text.as_bytes(),
    );
    let r = result(&o);
    check_spans(text, &r);
    let starts: Vec<u64> = user_spans(&r)
        .iter()
        .filter_map(|s| s["start"].as_u64())
        .collect();
    assert_eq!(starts, [9, 20]);
}

#[test]
fn lexicon_names_are_highlighted_with_their_value() {
    let lex = temp_file("lex.json", LEXICON.as_bytes());
    let o = depeche(
        &["annotate", "--lexicon", lex.to_str().expect("path")],
        FR.as_bytes(),
    );
    let r = result(&o);
    check_spans(FR, &r);
    let user = user_spans(&r);
    assert_eq!(user.len(), 1, "{r}");
    assert_eq!(user[0]["text"], json!("OSDH"));
    assert_eq!(user[0]["kind"], json!("actor"));
    assert_eq!(user[0]["value"]["type"], json!("organisation"));
    let start = FR.find("OSDH").map(|b| FR[..b].chars().count());
    assert_eq!(user[0]["start"].as_u64().map(|s| s as usize), start);
}

#[test]
fn a_broken_lexicon_stops_the_run_with_its_line() {
    let lex = temp_file(
        "bad.json",
        b"{\"version\": 1,\n \"add\": [\n  {\"text\": \"OSDH\",, \"kind\": \"actor\"}\n]}",
    );
    let o = depeche(
        &["annotate", "--lexicon", lex.to_str().expect("path")],
        FR.as_bytes(),
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("line 3"), "{}", stderr(&o));
    let lex = temp_file(
        "kind.json",
        br#"{"version": 1, "add": [{"text": "OSDH", "kind": "organisation"}]}"#,
    );
    let o = depeche(
        &["annotate", "--lexicon", lex.to_str().expect("path")],
        FR.as_bytes(),
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("unknown kind \"organisation\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn jsonl_keeps_going_past_broken_lines() {
    let mut input = Vec::new();
    input.extend_from_slice(
        json!({"id": "d1", "text": FR, "lang": "fr", "dct": "2017-11-04", "desk": "ignored"})
            .to_string()
            .as_bytes(),
    );
    input.extend_from_slice(b"\r\n\n   \n");
    input.extend_from_slice(b"{\"id\": \"d2\", \"text\": \"Le pr\xe9sident\"}\n"); // not UTF-8
    input.extend_from_slice(b"{\"id\": \"d3\", \"text\": \n"); // not JSON
    input.extend_from_slice(json!({"id": 4, "body": "no text"}).to_string().as_bytes());
    input.extend_from_slice(b"\n");
    input.extend_from_slice(
        json!({"id": "d5", "text": EN, "dct": "2017/11/04"})
            .to_string()
            .as_bytes(),
    );
    input.extend_from_slice(b"\n");
    input.extend_from_slice(
        json!({"id": "d6", "text": EN, "lang": "xx"})
            .to_string()
            .as_bytes(),
    );
    input.extend_from_slice(b"\n[1, 2]\n");
    input.extend_from_slice(
        json!({"id": null, "text": "Nul\u{0}part, 🙂 rien.", "lang": null})
            .to_string()
            .as_bytes(),
    );
    input.extend_from_slice(b"\r\n");
    input.extend_from_slice(json!({"text": EN}).to_string().as_bytes()); // last line, no newline

    let o = depeche(&["annotate", "--jsonl", "--dct", "2001-01-01"], &input);
    assert_eq!(code(&o), 1, "stderr: {}", stderr(&o));
    let all: Vec<Json> = String::from_utf8(o.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    // One line out per line in: the two blank lines get error lines.
    assert_eq!(all.len(), 11);
    for blank in &all[1..3] {
        assert_eq!(blank["id"], json!(null));
        assert!(blank["error"]
            .as_str()
            .is_some_and(|e| e.contains("blank line")));
    }
    let lines: Vec<Json> = all[..1].iter().chain(&all[3..]).cloned().collect();
    let ids: Vec<&Json> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        ids,
        [
            &json!("d1"),
            &json!("d2"),
            &json!(null),
            &json!(4),
            &json!("d5"),
            &json!("d6"),
            &json!(null),
            &json!(null),
            &json!(null)
        ]
    );
    let failed: Vec<bool> = lines.iter().map(|l| l.get("error").is_some()).collect();
    assert_eq!(
        failed,
        [false, true, true, true, true, true, true, false, false]
    );
    // A good line: the record's own lang and dct win over the command line's.
    assert_eq!(lines[0]["lang"], json!("fr"));
    assert_eq!(lines[0]["dct"], json!("2017-11-04"));
    assert!(lines[0].get("dateline").is_some());
    check_spans(FR, &lines[0]);
    assert!(lines[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("UTF-8")));
    assert!(lines[3]["error"]
        .as_str()
        .is_some_and(|e| e.contains("text")));
    assert!(lines[4]["error"]
        .as_str()
        .is_some_and(|e| e.contains("dct")));
    assert!(lines[5]["error"]
        .as_str()
        .is_some_and(|e| e.contains("lang")));
    // Lines without dct take the command line's.
    assert_eq!(lines[8]["dct"], json!("2001-01-01"));
    assert_eq!(lines[7]["spans"].as_array().map(Vec::len), Some(0));
    // The error lines are reported on stderr too, with their line numbers.
    assert!(stderr(&o).contains("line 4:"), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 2: blank line"), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 3: blank line"), "{}", stderr(&o));
}

#[test]
fn jsonl_without_errors_exits_zero_and_matches_single_annotation() {
    let lex = temp_file("lex.json", LEXICON.as_bytes());
    let input = format!(
        "{}\n{}\n",
        json!({"id": "a", "text": FR}),
        json!({"id": "b", "text": EN, "lang": "en"})
    );
    let lexp = lex.to_str().expect("path");
    let o = depeche(
        &["annotate", "--jsonl", "--lexicon", lexp],
        input.as_bytes(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines: Vec<Json> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let single = result(&depeche(&["annotate", "--lexicon", lexp], FR.as_bytes()));
    assert_eq!(lines[0]["spans"], single["spans"]);
    assert_eq!(lines[0]["dateline"], single["dateline"]);
    assert_eq!(user_spans(&lines[1]).len(), 1);
    // Output keys in FORMAT.md's order.
    let first = String::from_utf8_lossy(&o.stdout)
        .lines()
        .next()
        .map(str::to_string)
        .unwrap_or_default();
    assert!(first.starts_with("{\"id\":\"a\",\"spans\":"), "{first}");
}

#[test]
fn a_ten_megabyte_text_completes() {
    let lex = temp_file("lex.json", LEXICON.as_bytes());
    let para = format!("{FR}\n{EN} «Éé» 🙂\n\n");
    let mut text = String::with_capacity(10_500_000);
    while text.len() < 10_000_000 {
        text.push_str(&para);
    }
    text.push_str("Fin: l'OSDH.");
    let o = depeche(
        &["annotate", "--lexicon", lex.to_str().expect("path")],
        text.as_bytes(),
    );
    let r = result(&o);
    let user = user_spans(&r);
    let last = user.last().expect("user spans");
    let chars = text.chars().count() as u64;
    assert_eq!(last["start"].as_u64(), Some(chars - 5));
    assert_eq!(last["end"].as_u64(), Some(chars - 1));
    assert_eq!(user.len(), 2 * (text.matches(&para).count()) + 1);
}

#[test]
fn eval_scores_gold_against_predictions_and_itself() {
    let text = "Selon l'OSDH, rien de neuf.";
    let gold = temp_file(
        "gold.jsonl",
        format!(
            "{}\n{}\n",
            json!({"id": "g1", "lang": "fr", "dct": "2017-11-04", "text": text,
                   "spans": [{"start": 8, "end": 12, "kind": "actor"}]}),
            json!({"id": "g2", "lang": "fr", "dct": null, "text": "Rien.", "spans": []})
        )
        .as_bytes(),
    );
    let pred = temp_file(
        "pred.jsonl",
        format!(
            "{}\n",
            json!({"id": "g1", "spans": [{"start": 7, "end": 12, "kind": "actor"},
                                         {"start": 0, "end": 5, "kind": "place"}]})
        )
        .as_bytes(),
    );
    let (g, p) = (gold.to_str().expect("path"), pred.to_str().expect("path"));
    let r = result(&depeche(
        &["eval", g, p, "--kinds", "actor,place", "--json"],
        b"",
    ));
    assert_eq!(r["strict"]["actor"]["fn"], json!(1));
    assert_eq!(r["relaxed"]["actor"]["tp"], json!(1));
    assert_eq!(r["relaxed"]["place"]["fp"], json!(1));
    assert_eq!(r["relaxed"]["all"]["p"], json!(0.5));
    assert_eq!(r["missing_docs"], json!(1));
    // The text report.
    let o = depeche(&["eval", g, p, "--kinds", "actor,place"], b"");
    assert_eq!(code(&o), 0);
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        report.contains("== strict\n  actor  P=0.000 R=0.000 F1=0.000  tp=0 fp=1 fn=1\n"),
        "{report}"
    );
    assert!(
        report.contains("== relaxed\n  actor  P=1.000 R=1.000 F1=1.000  tp=1 fp=0 fn=0\n"),
        "{report}"
    );
    assert!(
        report.contains("missing predictions for 1 docs"),
        "{report}"
    );
    // Without predictions, depeche annotates the gold texts (here with the lexicon).
    let lex = temp_file("lex.json", LEXICON.as_bytes());
    let o = depeche(
        &[
            "eval",
            g,
            "--kinds",
            "actor",
            "--json",
            "--lexicon",
            lex.to_str().expect("path"),
        ],
        b"",
    );
    let r = result(&o);
    assert_eq!(r["strict"]["actor"]["tp"], json!(1));
    assert_eq!(r["strict"]["actor"]["fn"], json!(0));
    assert_eq!(r["missing_docs"], json!(0));
}

#[test]
fn eval_names_the_malformed_gold_line() {
    let gold = temp_file(
        "bad-gold.jsonl",
        b"{\"id\": \"a\", \"spans\": []}\n{\"id\": \"b\", \"spans\": [{\"start\": 3, \"kind\": \"actor\"}]}\n",
    );
    let o = depeche(&["eval", gold.to_str().expect("path"), "--json"], b"");
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("line 2: span 1: \"end\" must be an integer"),
        "{}",
        stderr(&o)
    );
    let gold = temp_file(
        "broken-gold.jsonl",
        b"{\"id\": \"a\", \"spans\": []}\n{\"id\": \"b\", \"spans\": [\n",
    );
    let o = depeche(&["eval", gold.to_str().expect("path")], b"");
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("line 2: not valid JSON"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn dct_is_parsed_strictly() {
    for dct in [
        "2019-+3-+5",
        "2019-02-29",
        "2019-3-5",
        " 2019-03-05",
        "2019-03-05 ",
        "2019-03-05T00:00",
        "+2019-03-05",
        "10000-01-01",
        "2019/03/05",
        "２０１９-03-05",
    ] {
        let o = depeche(&["annotate", "--dct", dct], FR.as_bytes());
        assert_eq!(code(&o), 2, "--dct {dct:?} is refused");
        assert!(o.stdout.is_empty(), "{dct:?}");
        let err = stderr(&o);
        assert!(
            err.contains(&format!("bad --dct '{dct}'")) && err.contains("YYYY-MM-DD"),
            "{dct:?}: {err}"
        );
        // The same in a JSON Lines record: that record fails, the run goes on.
        let line = json!({"id": 1, "text": FR, "dct": dct}).to_string() + "\n";
        let o = depeche(&["annotate", "--jsonl"], line.as_bytes());
        assert_eq!(code(&o), 1, "{dct:?}");
        let out: Json = serde_json::from_slice(&o.stdout).expect("one line");
        assert!(
            out["error"].as_str().is_some_and(|e| e.contains("dct")),
            "{out}"
        );
    }
    for dct in ["2020-02-29", "0000-01-01", "9999-12-31"] {
        let r = result(&depeche(&["annotate", "--dct", dct], FR.as_bytes()));
        assert_eq!(r["dct"], json!(dct));
    }
}

#[test]
fn jsonl_blank_lines_get_an_error_line_each() {
    let good = json!({"id": "a", "text": EN}).to_string();
    let input = format!("\n{good}\n   \n\t\r\n{good}\n\n");
    let o = depeche(&["annotate", "--jsonl"], input.as_bytes());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let lines: Vec<Json> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 6, "one line out per line in");
    let failed: Vec<bool> = lines.iter().map(|l| l.get("error").is_some()).collect();
    assert_eq!(failed, [true, false, true, true, false, true]);
    for (i, l) in lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.get("error").is_some())
    {
        assert_eq!(l["id"], json!(null));
        let e = l["error"].as_str().expect("error");
        assert!(e.starts_with(&format!("line {}: blank line", i + 1)), "{e}");
    }
    // Nothing in: nothing out, success.
    let o = depeche(&["annotate", "--jsonl"], b"");
    assert_eq!((code(&o), o.stdout.len()), (0, 0));
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let dispatch = "BEYROUTH, 12 mars 2019 (AFP) - L'armée syrienne a repris Idleb mardi.";
    let plain = result(&depeche(&["annotate"], dispatch.as_bytes()));
    assert_eq!(plain["dct"], json!("2019-03-12"));
    let bom = format!("\u{feff}{dispatch}");
    // Standard input and a file: the same result as without the mark, the
    // dateline found, offsets counted after the mark.
    let from_stdin = result(&depeche(&["annotate"], bom.as_bytes()));
    let file = temp_file("bom.txt", bom.as_bytes());
    let from_file = result(&depeche(&["annotate", file.to_str().expect("path")], b""));
    for r in [&from_stdin, &from_file] {
        assert_eq!(r, &plain);
    }
    // A JSON Lines line opening with the mark (first line or any other).
    let line = json!({"id": 7, "text": dispatch}).to_string();
    let input = format!("\u{feff}{line}\n\u{feff}{line}\n");
    let o = depeche(&["annotate", "--jsonl"], input.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines: Vec<Json> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    for l in &lines {
        assert_eq!(l["id"], json!(7));
        assert_eq!(l["dct"], json!("2019-03-12"));
        assert_eq!(l["spans"], plain["spans"]);
    }
}

/// Runs depeche with `input` on stdin, reads `keep` bytes of its output and
/// closes the pipe; returns the exit code and stderr.
fn closed_early(args: &[&str], input: Vec<u8>, keep: usize) -> (i32, String) {
    use std::io::Read;
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("depeche starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut head = vec![0u8; keep];
    stdout.read_exact(&mut head).expect("the first bytes");
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("depeche ends");
    writer.join().expect("stdin writer");
    (status.code().unwrap_or(-1), err)
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    // JSON Lines: far more output than a pipe holds.
    let line = json!({"id": 1, "text": FR}).to_string() + "\n";
    let (code, err) = closed_early(
        &["annotate", "--jsonl"],
        line.repeat(20_000).into_bytes(),
        10,
    );
    assert_eq!(code, 141, "stderr: {err}");
    assert!(err.is_empty(), "nothing on stderr: {err}");
    // One big text: its result is megabytes.
    let text = format!("{FR}\n\n").repeat(20_000);
    let (code, err) = closed_early(&["annotate"], text.into_bytes(), 10);
    assert_eq!(code, 141, "stderr: {err}");
    assert!(err.is_empty(), "nothing on stderr: {err}");
}

#[test]
fn a_hostile_lexicon_is_refused_cleanly() {
    // Nested 3,000 levels deep: refused before any parser recurses.
    let deep = format!(
        r#"{{"version": 1, "add": [{{"text": "OSDH", "kind": "actor", "value": {}1{}}}]}}"#,
        "[".repeat(3000),
        "]".repeat(3000)
    );
    let lex = temp_file("deep.json", deep.as_bytes());
    let o = depeche(
        &["annotate", "--lexicon", lex.to_str().expect("path")],
        FR.as_bytes(),
    );
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("lexicon: value nested deeper than 32 levels"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // Very deep, then broken: the same clean refusal.
    let lex = temp_file("deeper.json", "[".repeat(1_000_000).as_bytes());
    let o = depeche(
        &["annotate", "--lexicon", lex.to_str().expect("path")],
        FR.as_bytes(),
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("nested deeper"), "{}", stderr(&o));
}

/// The peak resident memory of a running process, from Linux's
/// /proc/PID/status (`VmHWM`), in KiB; `None` where that is not available.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn jsonl_is_streamed_in_bounded_memory() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    // About 100 MB of JSON Lines: records of 1 MB (a short dispatch and an
    // ignored key), a few 1 MB texts, many small ones.
    let pad = "x".repeat(1 << 20);
    let long_text = format!("{FR}\n\n").repeat((1 << 20) / (FR.len() + 2));
    let mut lines = Vec::new();
    for i in 0..100 {
        let rec = match i % 20 {
            0 => json!({"id": i, "text": long_text}),
            _ => json!({"id": i, "text": FR, "pad": pad}),
        };
        lines.push(rec.to_string());
        for j in 0..20 {
            lines.push(json!({"id": format!("{i}.{j}"), "text": EN}).to_string());
        }
    }
    let total: usize = lines.iter().map(|l| l.len() + 1).sum();
    assert!(total > 100_000_000, "{total} bytes");
    let n = lines.len();

    let mut child = Command::new(BIN)
        .args(["annotate", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("depeche starts");
    let pid = child.id();
    if peak_rss_kib(pid).is_none() {
        eprintln!("no /proc/PID/status VmHWM here: peak memory not measured");
        let _ = child.kill();
        let _ = child.wait();
        return;
    }
    // Write every line but keep stdin open, so that depeche is still
    // running (waiting for more) when its peak memory is read.
    let mut stdin = child.stdin.take().expect("stdin");
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let writer = std::thread::spawn(move || {
        for l in &lines {
            stdin.write_all(l.as_bytes()).expect("write");
            stdin.write_all(b"\n").expect("write");
        }
        stdin.flush().expect("flush");
        let _ = done_rx.recv();
        drop(stdin);
    });
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    for k in 0..n {
        line.clear();
        out.read_line(&mut line).expect("read");
        assert!(line.ends_with('\n'), "output line {k} of {n}");
        assert!(!line.contains("\"error\""), "{line}");
    }
    let peak = peak_rss_kib(pid);
    let _ = done_tx.send(());
    writer.join().expect("writer");
    let status = child.wait().expect("depeche ends");
    assert!(status.success());
    let peak = peak.expect("VmHWM");
    // The whole input is 100 MB; one record in flight is 1 MB (a few times
    // that while it is annotated).
    assert!(
        peak < 64 * 1024,
        "peak resident memory {peak} KiB for {total} bytes of input"
    );
}

/// JSON Lines of every sort: short and long dispatches, records with their
/// own lang and dct, broken and blank lines; ids 0, 1, 2... in input order.
fn mixed_jsonl(n: usize) -> Vec<u8> {
    let long = format!("{FR}\n\n").repeat(200);
    let mut out = Vec::new();
    for i in 0..n {
        let line = match i % 11 {
            0 => json!({"id": i, "text": long}).to_string(),
            1 => json!({"id": i, "text": EN, "lang": "en", "dct": "2019-03-15"}).to_string(),
            2 => format!("{{\"id\": {i}, \"text\": 12}}"),
            3 => "   ".to_string(),
            4 => json!({"id": i, "text": format!("{i} 😀 {FR}")}).to_string(),
            5 => json!({"id": i, "text": EN, "lang": "xx"}).to_string(),
            _ => json!({"id": i, "text": if i % 2 == 0 { FR } else { EN }}).to_string(),
        };
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }
    out
}

#[test]
fn jsonl_on_several_threads_writes_what_one_thread_writes_in_input_order() {
    let input = mixed_jsonl(500);
    let one = depeche(&["annotate", "--jsonl", "--jobs", "1"], &input);
    assert_eq!(
        code(&one),
        1,
        "broken lines make exit 1; stderr: {}",
        stderr(&one)
    );
    let lines: Vec<Json> = one
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 500);
    for (i, l) in lines.iter().enumerate() {
        match i % 11 {
            // A blank line has no id: its error line names its line number.
            3 => assert_eq!(
                l["error"],
                json!(format!(
                    "line {}: blank line (expected a JSON object {{\"id\", \"text\"}})",
                    i + 1
                ))
            ),
            2 | 5 => assert_eq!(l["id"], json!(i), "{l}"),
            _ => {
                assert_eq!(l["id"], json!(i), "{l}");
                assert!(l["spans"].is_array(), "{l}");
            }
        }
    }
    for jobs in ["2", "3", "16"] {
        let many = depeche(&["annotate", "--jsonl", "--jobs", jobs], &input);
        assert_eq!(code(&many), 1, "--jobs {jobs}");
        assert!(
            many.stdout == one.stdout,
            "--jobs {jobs}: output differs from --jobs 1"
        );
        assert_eq!(
            stderr(&many),
            stderr(&one),
            "--jobs {jobs}: notes in input order"
        );
    }
    // The default (every core) and a file rather than a pipe.
    let path = temp_file("mixed.jsonl", &input);
    let default = depeche(&["annotate", "--jsonl", path.to_str().expect("path")], b"");
    assert!(
        default.stdout == one.stdout,
        "default --jobs: output differs"
    );
}

#[test]
fn jsonl_on_several_threads_can_be_driven_line_by_line() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    let mut child = Command::new(BIN)
        .args(["annotate", "--jsonl", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("depeche starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.expect("read")).is_err() {
                break;
            }
        }
    });
    for i in 0..5 {
        let rec = json!({"id": i, "text": FR}).to_string();
        stdin.write_all(rec.as_bytes()).expect("write");
        stdin.write_all(b"\n").expect("write");
        stdin.flush().expect("flush");
        // The answer comes while stdin is still open (a guard against a hang,
        // not a timing).
        let got = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("an answer before the next line is sent");
        let got: Json = serde_json::from_str(&got).expect("JSON");
        assert_eq!(got["id"], json!(i));
    }
    drop(stdin);
    assert!(child.wait().expect("depeche ends").success());
    reader.join().expect("reader");
}

#[test]
fn jobs_is_checked() {
    for (args, msg) in [
        (vec!["annotate", "--jsonl", "--jobs", "0"], "bad --jobs '0'"),
        (
            vec!["annotate", "--jsonl", "--jobs=two"],
            "bad --jobs 'two'",
        ),
        (
            vec!["annotate", "--jsonl", "--jobs"],
            "option --jobs needs a value",
        ),
        (
            vec!["annotate", "--jobs", "2"],
            "--jobs goes with annotate --jsonl",
        ),
        (
            vec!["eval", "gold.jsonl", "--jobs", "2"],
            "are options of annotate",
        ),
    ] {
        let o = depeche(&args, b"");
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stderr(&o).contains(msg), "{args:?}: {}", stderr(&o));
    }
    let o = depeche(&["annotate", "--jsonl", "--jobs", "1"], b"");
    assert_eq!(code(&o), 0, "no input, no output: {}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn packs_writes_the_language_packs_the_build_embeds() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cli-packs-{}", std::process::id()));
    let o = depeche(&["packs", dir.to_str().expect("UTF-8 path")], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut n = 0;
    for (code, bytes) in depeche::packs::builtin() {
        let written = std::fs::read(dir.join(format!("{code}.pack"))).expect("pack written");
        assert_eq!(written, bytes, "{code}");
        n += 1;
    }
    assert!(n >= 2, "the pack languages (es, de)");
    let o = depeche(&["packs"], b"");
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("packs: expected one argument"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
