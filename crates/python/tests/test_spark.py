"""The Spark recipe in local mode: a Parquet dataset of dispatches the test writes, annotated
into a Parquet dataset of spans, one row per span, as depeche.annotate finds them."""

import datetime
import json

import pytest

import depeche
from conftest import ROOT

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("pyspark")

from depeche import spark as dspark  # noqa: E402


def dispatches():
    """Rows id, text, lang, dct: the examples, and the awkward cases."""
    rows = []
    for line in (ROOT / "examples" / "dispatches.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows.append((r["id"], r["text"], r.get("lang"), r.get("dct")))
    for path in sorted((ROOT / "examples").glob("*.txt")):
        rows.append((path.stem, path.read_text(encoding="utf-8"), None, None))
    rows += [
        ("emoji", "😀😀 Le 3 mars 2019, des soldats sont arrivés à Tombouctou. 👍🏽", "fr", None),
        ("empty", "", None, None),
        ("null", None, None, None),
        ("bad-lang", "Paris.", "xx", None),
        ("bad-dct", "Paris.", None, "2019-02-30"),
    ]
    for i in range(200):
        rows.append((f"gen-{i}", f"Le {i % 28 + 1} mars, l'armée est entrée à Mossoul.", "fr",
                     f"2019-0{i % 9 + 1}-15"))
    return rows


def expected_rows(rows):
    out = []
    for id_, text, lang, dct in rows:
        if text is None:
            continue
        try:
            r = depeche.annotate(text, lang, dct)
        except ValueError as e:
            out.append({"id": id_, "error": str(e)})
            continue
        for s in r["spans"]:
            v = s.get("value")
            d = v if isinstance(v, dict) else {}
            out.append({"id": id_, "start": s["start"], "end": s["end"], "kind": s["kind"],
                        "text": s["text"], "source": s.get("source"),
                        "timex": v if isinstance(v, str) else None,
                        "canonical": d.get("canonical"), "actor_type": d.get("type"),
                        "country": d.get("country"), "lat": d.get("lat"), "lon": d.get("lon"),
                        "ref": d.get("ref"), "lang": r["lang"], "dct": r["dct"], "error": None})
    return out


def normalise(rows):
    cols = ["id"] + [c for c, _ in dspark.SPAN_COLUMNS]
    return sorted((tuple(r.get(c) for c in cols) for r in rows), key=repr)


def test_parquet_in_spans_out(spark, tmp_path):
    rows = dispatches()
    src = tmp_path / "dispatches.parquet"
    table = pa.table({
        "id": [r[0] for r in rows],
        "text": [r[1] for r in rows],
        "lang": [r[2] for r in rows],
        "dct": [r[3] for r in rows],
    })
    pq.write_table(table, src)
    df = spark.read.parquet(str(src)).repartition(3)
    out = tmp_path / "spans.parquet"
    dspark.annotate_spans(df).write.parquet(str(out))
    got = pq.read_table(out).to_pylist()
    assert normalise(got) == normalise(expected_rows(rows))
    errors = {r["id"]: r["error"] for r in got if r["error"]}
    assert set(errors) == {"bad-lang", "bad-dct"}
    assert "bad lang 'xx'" in errors["bad-lang"]
    emoji = [r for r in got if r["id"] == "emoji" and r["kind"] == "place"]
    text = next(r[1] for r in rows if r[0] == "emoji")
    start = text.index("Tombouctou")  # a str index: code points
    assert [(r["start"], r["end"], r["text"]) for r in emoji] == [(start, start + 10, "Tombouctou")]


def test_integer_ids_date_column_lexicon_and_defaults(spark, tmp_path):
    from pyspark.sql import types as T

    schema = T.StructType([T.StructField("id", T.LongType()), T.StructField("text", T.StringType()),
                           T.StructField("dct", T.DateType())])
    stamps = spark.createDataFrame(
        [(1, "Paris, mardi.", datetime.datetime(2019, 3, 14, 23, 30))],
        T.StructType([T.StructField("id", T.LongType()), T.StructField("text", T.StringType()),
                      T.StructField("dct", T.TimestampType())]))
    assert {r["dct"] for r in dspark.annotate_spans(stamps).collect()} == {"2019-03-14"}
    text = "L'OSDH a annoncé mardi la prise de la ville."
    df = spark.createDataFrame([(1, text, datetime.date(2019, 3, 14)), (2, text, None)], schema)
    lexicon = {"version": 1, "add": [{"text": "OSDH", "kind": "actor"}]}
    got = dspark.annotate_spans(df, lexicon=lexicon, lang="fr", dct="2020-01-01").collect()
    by_id = {}
    for r in got:
        by_id.setdefault(r["id"], []).append(r.asDict())
    assert set(by_id) == {1, 2}
    for id_, dct in [(1, "2019-03-14"), (2, "2020-01-01")]:
        expected = depeche.annotate(text, "fr", dct, lexicon)
        assert [(r["start"], r["end"], r["kind"], r["timex"]) for r in by_id[id_]] == [
            (s["start"], s["end"], s["kind"], s.get("value") if s["kind"] == "date" else None)
            for s in expected["spans"]
        ]
        assert {r["dct"] for r in by_id[id_]} == {dct}
    assert any(r["source"] == "user" and r["text"] == "OSDH" for r in by_id[1])
    with pytest.raises(ValueError, match="invalid lexicon"):
        dspark.annotate_spans(df, lexicon={"version": 9})
    with pytest.raises(ValueError, match="column 'text'"):
        dspark.annotate_spans(df.select("id"))


def test_the_command_line_on_json_lines(spark, tmp_path, capsys):
    out = tmp_path / "spans"
    code = dspark.main([str(ROOT / "examples" / "dispatches.jsonl"), str(out)])
    assert code == 0
    got = pq.read_table(out).to_pylist()
    rows = []
    for line in (ROOT / "examples" / "dispatches.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        rows.append((r["id"], r["text"], r.get("lang"), r.get("dct")))
    assert normalise(got) == normalise(expected_rows(rows))
    assert f"{len(got)} spans written" in capsys.readouterr().err
