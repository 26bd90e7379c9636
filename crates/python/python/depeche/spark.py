"""Wire archives on Spark: a DataFrame of dispatches in, a DataFrame of spans out.

:func:`annotate_spans` takes a DataFrame with columns ``id`` and ``text`` (and, optionally,
``lang`` and ``dct``, a string ``YYYY-MM-DD`` or a date) and returns one row per span:
the document's ``id``, ``start`` and ``end`` (code points), ``kind``, ``text``, ``source``,
the value's fields (``timex`` for a date; ``canonical`` and ``actor_type`` for an actor;
``country``, ``lat``, ``lon`` and ``ref`` for a place), and the document's ``lang`` and
``dct`` as depeche used them. A document depeche could not annotate (a bad ``lang`` or ``dct``)
gives one row with its ``error`` and no span; a null ``text`` gives no row.

It runs with ``mapInArrow``: each partition builds one :class:`depeche.Annotator` (the lexicon
is compiled once per partition, not per row) and annotates Arrow batches of rows on one core;
Spark runs one partition per core. Documents of a batch with the same ``lang`` and ``dct``
go to depeche in one call.

From the command line (Parquet or JSON Lines in, a Parquet dataset out)::

    python -m depeche.spark dispatches.parquet spans.parquet [--lexicon FILE] [--lang fr]
"""

import argparse
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence

import pyarrow as pa

from . import Annotator, _lexicon_json

__all__ = ["SPAN_COLUMNS", "annotate_spans", "main", "span_schema"]

#: The span columns after ``id``, with their Arrow types.
SPAN_COLUMNS = [
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("kind", pa.string()),
    ("text", pa.string()),
    ("source", pa.string()),
    ("timex", pa.string()),
    ("canonical", pa.string()),
    ("actor_type", pa.string()),
    ("country", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("ref", pa.string()),
    ("lang", pa.string()),
    ("dct", pa.string()),
    ("error", pa.string()),
]

_VALUE_KEYS = {"canonical": "canonical", "actor_type": "type", "country": "country",
               "lat": "lat", "lon": "lon", "ref": "ref"}


def span_schema(id_type: Any) -> Any:
    """The Spark schema of the spans, ``id`` of the input's type (a Spark ``DataType``)."""
    from pyspark.sql import types as T

    spark_types = {pa.int32(): T.IntegerType(), pa.string(): T.StringType(),
                   pa.float64(): T.DoubleType()}
    fields = [T.StructField("id", id_type, True)]
    fields += [T.StructField(name, spark_types[t], True) for name, t in SPAN_COLUMNS]
    return T.StructType(fields)


def _rows(annotator: Annotator, batch: pa.RecordBatch, lang: Optional[str],
          dct: Optional[str]) -> Dict[str, List[Any]]:
    """The span rows of one batch of documents, column by column."""
    cols = {name: [] for name in ["id"] + [n for n, _ in SPAN_COLUMNS]}
    names = batch.schema.names
    ids = batch.column(names.index("id")).to_pylist()
    texts = batch.column(names.index("text")).to_pylist()
    langs = batch.column(names.index("lang")).to_pylist() if "lang" in names else None
    dcts = batch.column(names.index("dct")).to_pylist() if "dct" in names else None
    groups: Dict[Any, List[int]] = {}
    for i, text in enumerate(texts):
        if text is None:
            continue
        key = (langs[i] if langs and langs[i] is not None else lang,
               dcts[i] if dcts and dcts[i] is not None else dct)
        groups.setdefault(key, []).append(i)
    found: Dict[int, Any] = {}
    for (g_lang, g_dct), rows in groups.items():
        try:
            results = annotator.annotate_many([texts[i] for i in rows], g_lang, g_dct, jobs=1)
        except (ValueError, TypeError) as e:
            results = [e] * len(rows)
        found.update(zip(rows, results))
    for i in sorted(found):
        r = found[i]
        if isinstance(r, Exception):
            row = {"id": ids[i], "error": str(r)}
            for name in cols:
                cols[name].append(row.get(name))
            continue
        for s in r["spans"]:
            value = s.get("value")
            cols["id"].append(ids[i])
            cols["start"].append(s["start"])
            cols["end"].append(s["end"])
            cols["kind"].append(s["kind"])
            cols["text"].append(s["text"])
            cols["source"].append(s.get("source"))
            cols["timex"].append(value if isinstance(value, str) else None)
            for col, key in _VALUE_KEYS.items():
                cols[col].append(value.get(key) if isinstance(value, dict) else None)
            cols["lang"].append(r["lang"])
            cols["dct"].append(r["dct"])
            cols["error"].append(None)
    return cols


def _annotate_batches(lexicon_json: Optional[str], lang: Optional[str], dct: Optional[str]):
    """The function ``mapInArrow`` runs on each partition."""

    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        annotator = Annotator(lexicon_json)  # once per partition
        for batch in batches:
            cols = _rows(annotator, batch, lang, dct)
            id_type = batch.schema.field("id").type
            schema = pa.schema([("id", id_type)] + SPAN_COLUMNS)
            yield pa.RecordBatch.from_pydict(cols, schema=schema)

    return run


def annotate_spans(df: Any, lexicon: Any = None, lang: Optional[str] = None,
                   dct: Optional[str] = None) -> Any:
    """One row per span of the dispatches of ``df`` (see the module's help).

    ``lexicon``: an editor's lexicon (dict, JSON text or path), checked here, on the driver;
    ``lang`` and ``dct``: for rows without their own (``None``: detect the language, take
    the dateline's date).
    """
    for col in ("id", "text"):
        if col not in df.columns:
            raise ValueError(f"the dispatches need a column {col!r} (columns: {df.columns})")
    lexicon_json = _lexicon_json(lexicon)
    Annotator(lexicon_json)  # a bad lexicon fails here, not in every task
    if lang is not None or dct is not None:
        Annotator().annotate("", lang, dct)  # so do a bad lang or dct
    cols = ["id", "text"] + [c for c in ("lang", "dct") if c in df.columns]
    docs = df.select(*cols)
    if "dct" in cols:
        # A date or a timestamp column is read as its day, YYYY-MM-DD.
        if df.schema["dct"].dataType.typeName() in ("timestamp", "timestamp_ntz"):
            docs = docs.withColumn("dct", docs["dct"].cast("date"))
        docs = docs.withColumn("dct", docs["dct"].cast("string"))
    schema = span_schema(df.schema["id"].dataType)
    return docs.mapInArrow(_annotate_batches(lexicon_json, lang, dct), schema)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m depeche.spark IN OUT``: Parquet or JSON Lines in, Parquet spans out."""
    p = argparse.ArgumentParser(
        prog="python -m depeche.spark",
        description="Annotate dispatches (columns id, text, and optional lang and dct) "
        "on Spark into a Parquet dataset of spans, one row per span.",
    )
    p.add_argument("input", help="a Parquet file or dataset, or JSON Lines (.jsonl, .json)")
    p.add_argument("output", help="the Parquet dataset to write (replaced if it exists)")
    p.add_argument("--lang", help="language of rows without their own (default: detect)")
    p.add_argument("--dct", help="reference date YYYY-MM-DD of rows without their own")
    p.add_argument("--lexicon", help="an editor's lexicon (JSON file)")
    p.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    p.add_argument("--partitions", type=int, help="repartition the input into N partitions")
    a = p.parse_args(argv)

    import os
    from pathlib import Path

    from pyspark.sql import SparkSession

    # Spark's Python workers run this interpreter (which has depeche), unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    running = SparkSession.getActiveSession()  # a notebook's, or a test's: left running
    spark = running or (SparkSession.builder.master(a.master).appName("depeche")
                        .config("spark.ui.enabled", "false").getOrCreate())
    try:
        if a.input.endswith((".jsonl", ".json", ".ndjson")):
            df = spark.read.json(a.input)
        else:
            df = spark.read.parquet(a.input)
        if a.partitions:
            df = df.repartition(a.partitions)
        lexicon = Path(a.lexicon) if a.lexicon else None
        spans = annotate_spans(df, lexicon, a.lang, a.dct)
        spans.write.mode("overwrite").parquet(a.output)
        written = spark.read.parquet(a.output)
        errors = written.where(written["error"].isNotNull()).count()
        print(f"depeche: {written.count() - errors} spans written to {a.output}"
              + (f"; {errors} documents failed (rows with an error)" if errors else ""),
              file=sys.stderr)
        return 1 if errors else 0
    except (ValueError, OSError) as e:
        print(f"depeche: {e}", file=sys.stderr)
        return 2
    finally:
        if running is None:
            spark.stop()


if __name__ == "__main__":
    sys.exit(main())
