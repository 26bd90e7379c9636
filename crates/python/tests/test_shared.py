"""On the shared dev corpora (../shared/dev): annotate_many gives the command line's spans for
every document, with each document's own lang and dct."""

import json
from collections import defaultdict

import pytest

import depeche
from conftest import cli_jsonl, shared_or_skip


@pytest.mark.parametrize("name", ["fr_timebank_dev.jsonl", "conll2003_testa_en.jsonl"])
def test_dev_corpus_as_the_command_line_annotates_it(name):
    path = shared_or_skip("dev", name)
    lines = path.read_text(encoding="utf-8")
    docs = [json.loads(l) for l in lines.splitlines() if l.strip()]
    records = "".join(
        json.dumps({"id": d["id"], "text": d["text"], "lang": d.get("lang"), "dct": d.get("dct")})
        + "\n"
        for d in docs
    )
    expected = cli_jsonl(records)
    assert len(expected) == len(docs)
    groups = defaultdict(list)
    for i, d in enumerate(docs):
        groups[(d.get("lang"), d.get("dct"))].append(i)
    got = [None] * len(docs)
    for (lang, dct), indexes in groups.items():
        results = depeche.annotate_many([docs[i]["text"] for i in indexes], lang, dct, jobs=2)
        for i, r in zip(indexes, results):
            got[i] = r
    for d, r, e in zip(docs, got, expected):
        assert e["id"] == d["id"]
        assert r == {k: e[k] for k in ("lang", "dct", "dateline", "spans")}, d["id"]
