"""The binding against the command line: the same results for the same input, errors as
exceptions, offsets in code points, lexicons, annotate_many in input order."""

import datetime
import json
import re
import threading
from pathlib import Path

import pytest

import depeche
from conftest import ROOT, cli_annotate, cli_jsonl, run_cli

EXAMPLES = sorted((ROOT / "examples").glob("*.txt")) + sorted(
    (ROOT / "examples" / "page").glob("*.txt")
)
LEXICON = {
    "version": 1,
    "add": [
        {
            "text": "OSDH",
            "kind": "actor",
            "value": {"canonical": "Observatoire syrien des droits de l'homme", "type": "organisation"},
        }
    ],
    "reject": [{"text": "Damas", "kind": "place"}],
}
FR = "DAMAS, 4 nov 2017 (AFP) - L'armée a repris vendredi Albou Kamal, selon l'OSDH."


def test_there_are_examples():
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_same_result_as_the_command_line(path: Path):
    text = path.read_text(encoding="utf-8")
    got, expected = depeche.annotate(text), cli_annotate(str(path))
    assert got == expected
    # The same keys in the same order, the same floats: the same JSON once written.
    assert json.dumps(got) == json.dumps(expected)
    for lang, dct in [("fr", "2019-03-14"), ("en", None), ("und", "2000-02-29")]:
        args = ["--lang", lang] + (["--dct", dct] if dct else [])
        assert depeche.annotate(text, lang=lang, dct=dct) == cli_annotate(*args, str(path))


def test_jsonl_examples_as_the_command_line_annotates_them():
    lines = (ROOT / "examples" / "dispatches.jsonl").read_text(encoding="utf-8")
    records = [json.loads(l) for l in lines.splitlines() if l.strip()]
    expected = cli_jsonl(lines, "--jobs", "1")
    for rec, exp in zip(records, expected):
        got = depeche.annotate(rec["text"], rec.get("lang"), rec.get("dct"))
        assert got == {k: exp[k] for k in ("lang", "dct", "dateline", "spans")}
    many = depeche.annotate_many([r["text"] for r in records], jobs=2)
    assert many == [depeche.annotate(r["text"]) for r in records]


def test_a_lexicon_as_dict_json_text_or_file(tmp_path):
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(LEXICON), encoding="utf-8")
    expected = cli_annotate("--lexicon", str(path), stdin=FR)
    user = [s for s in expected["spans"] if s.get("source") == "user"]
    assert user and user[0]["text"] == "OSDH"
    assert all(s["text"] != "DAMAS" or s["kind"] != "place" for s in expected["spans"])
    assert depeche.annotate(FR, lexicon=LEXICON) == expected
    assert depeche.annotate(FR, lexicon=json.dumps(LEXICON)) == expected
    assert depeche.annotate(FR, lexicon=path) == expected
    annotator = depeche.Annotator(LEXICON)
    assert annotator.annotate(FR) == expected
    assert annotator.annotate_many([FR, FR, FR], jobs=2) == [expected] * 3
    assert "with a lexicon" in repr(annotator)
    assert depeche.annotate(FR) != expected  # the default annotator has no lexicon


def test_empty_and_blank_texts():
    for text in ["", " ", "\n\n", "\u00a0"]:
        r = depeche.annotate(text)
        assert r["spans"] == [] and r["dateline"] is None and r["dct"] is None
        assert r == cli_annotate(stdin=text)
    assert depeche.annotate_many([]) == []
    assert depeche.annotate_many(["", "x"], jobs=4)[0]["spans"] == []


def test_offsets_count_code_points():
    text = "😀👍🏽 Le 3 mars 2019, 🇫🇷 des soldats français sont arrivés à Tombouctou (Mali). 😀"
    r = depeche.annotate(text, lang="fr")
    assert r == cli_annotate("--lang", "fr", stdin=text)
    assert r["spans"], r
    for s in r["spans"]:
        assert text[s["start"] : s["end"]] == s["text"]
    kinds = {s["text"]: s["kind"] for s in r["spans"]}
    assert kinds.get("Tombouctou") == "place"
    assert any(s["kind"] == "date" and s["value"] == "2019-03-03" for s in r["spans"])


def test_bad_options_are_value_errors_with_the_core_message():
    # The message lists the core's languages (its registry), then und and auto.
    with pytest.raises(ValueError, match=r"bad lang 'zz' \(expected ([a-z]{2,3}, )+und or auto\)") as e:
        depeche.annotate("x", lang="zz")
    assert "fr, en" in str(e.value)
    with pytest.raises(ValueError, match="bad dct '2019-02-29'"):
        depeche.annotate("x", dct="2019-02-29")
    with pytest.raises(ValueError, match="bad dct"):
        depeche.annotate_many(["x"], dct="12/03/2019")
    with pytest.raises(ValueError, match=r"invalid lexicon: unsupported \"version\" 2"):
        depeche.Annotator({"version": 2})
    with pytest.raises(ValueError, match="invalid lexicon: not valid JSON"):
        depeche.annotate("x", lexicon="{not json")
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ValueError, match="invalid lexicon"):
        depeche.Annotator(deep)
    cyclic: dict = {"version": 1}
    cyclic["add"] = [cyclic]
    with pytest.raises(ValueError, match="cannot be written as JSON"):
        depeche.Annotator(cyclic)
    with pytest.raises(ValueError, match="jobs"):
        depeche.annotate_many(["x"], jobs=0)
    # The command line refuses the same values with the same words.
    out = run_cli("annotate", "--lang", "zz", stdin="x")
    assert out.returncode == 2 and b"bad --lang 'zz'" in out.stderr


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        depeche.annotate(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        depeche.annotate_many(["x", None])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        depeche.annotate("x", dct=20190312)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        depeche.annotate_many(["x"], jobs=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        depeche.Annotator(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not one str"):
        depeche.annotate_many("one text")
    # A lone surrogate cannot be UTF-8: an exception, not a crash.
    with pytest.raises(UnicodeError):
        depeche.annotate("x \ud800 y")


def test_dct_as_a_date_and_lang_auto():
    text = "Le président est arrivé mardi à Paris."
    expected = cli_annotate("--dct", "2019-03-14", stdin=text)
    assert expected["dct"] == "2019-03-14"
    assert depeche.annotate(text, dct=datetime.date(2019, 3, 14)) == expected
    assert depeche.annotate(text, dct=datetime.datetime(2019, 3, 14, 23, 59)) == expected
    assert depeche.annotate(text, lang="auto", dct="2019-03-14") == expected


def test_annotate_many_keeps_input_order_on_every_thread_count():
    texts = []
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        texts += [text, text[: len(text) // 3], "", f"Le {len(texts)} mars à Beyrouth."]
    expected = [depeche.annotate(t) for t in texts]
    for jobs in [1, 2, 3, 64, None]:
        assert depeche.annotate_many(texts, jobs=jobs) == expected, jobs
    assert depeche.annotate_many(iter(texts), jobs=2) == expected  # any iterable
    shared = depeche.annotate_many(texts, lang="fr", dct="2020-01-01", jobs=2)
    assert shared == [depeche.annotate(t, "fr", "2020-01-01") for t in texts]


def test_one_annotator_shared_by_python_threads():
    annotator = depeche.Annotator(LEXICON)
    expected = annotator.annotate(FR)
    results, errors = [], []

    def work():
        try:
            for _ in range(20):
                results.append(annotator.annotate(FR) == expected)
            results.append(annotator.annotate_many([FR] * 10, jobs=2) == [expected] * 10)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 84 and all(results)


def test_version_is_cargo_toml_s():
    def version(toml: Path) -> str:
        m = re.search(r'^version = "([^"]+)"', toml.read_text(encoding="utf-8"), re.M)
        assert m, toml
        return m.group(1)

    assert depeche.__version__ == version(ROOT / "crates" / "python" / "Cargo.toml")
    assert depeche.__version__ == version(ROOT / "Cargo.toml")
    from importlib.metadata import version as dist_version

    assert dist_version("depeche") == depeche.__version__


def test_the_package_ships_type_information():
    package = Path(depeche.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_depeche.pyi").exists()
