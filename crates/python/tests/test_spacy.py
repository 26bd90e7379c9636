"""The spaCy component: loaded by name, spans on doc.spans and doc.ents, values as
extensions, the reference date per doc, config, displaCy."""

import json

import pytest

import depeche

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

FR = (
    "BEYROUTH, 3 nov 2017 (AFP) - L'armée syrienne a repris vendredi la ville de Deir Ezzor "
    "à l'EI, selon l'OSDH 😀."
)
EN = "The ministry said on Friday that talks would resume in Geneva next week."


def test_the_factory_loads_by_name_through_the_entry_point():
    from importlib.metadata import entry_points

    eps = entry_points()
    group = eps.select(group="spacy_factories") if hasattr(eps, "select") else eps["spacy_factories"]
    assert any(ep.name == "depeche" and ep.value == "depeche.spacy:make_depeche" for ep in group)
    nlp = spacy.blank("fr")  # depeche.spacy is not imported by this test module
    nlp.add_pipe("depeche")
    assert nlp.pipe_names == ["depeche"]


def test_spans_values_and_ents():
    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche")
    doc = nlp(FR)
    result = depeche.annotate(FR)
    assert doc._.depeche == result
    spans = doc.spans["depeche"]
    assert len(spans) == len(result["spans"]) > 3
    for span, s in zip(spans, result["spans"]):
        assert span.label_ == s["kind"].upper()
        assert span._.depeche == s
        assert span._.depeche_value == s.get("value")
        # expanded to whole tokens: covers depeche's span
        assert span.start_char <= s["start"] and s["end"] <= span.end_char
    by_text = {s.text: s for s in spans}
    assert by_text["Deir Ezzor"].label_ == "PLACE"
    assert by_text["Deir Ezzor"]._.depeche_value["country"] == "SY"
    assert by_text["vendredi"]._.depeche_value == "2017-11-03"
    assert [(e.text, e.label_) for e in doc.ents] == [(s.text, s.label_) for s in spans]


def test_spans_inside_a_token_expand_to_it():
    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche")
    # spaCy keeps "Paris-Nord" one token; depeche may find "Paris" in it.
    doc = nlp("Il est arrivé hier soir à Paris-Nord (AFP).")
    for span in doc.spans["depeche"]:
        s = span._.depeche
        assert span.start_char <= s["start"] < s["end"] <= span.end_char


def test_reference_date_per_doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("depeche", config={"lang": "en"})
    doc = nlp.make_doc(EN)
    doc._.dct = "2019-03-15"
    doc = nlp(doc)
    dates = [s for s in doc.spans["depeche"] if s.label_ == "DATE"]
    assert [d._.depeche_value for d in dates] == ["2019-03-15", "2019-W12"]
    assert doc._.depeche["dct"] == "2019-03-15"
    bare = nlp(EN)  # no reference date: the weekday stays unresolved
    assert bare._.depeche["dct"] is None
    assert [s._.depeche_value for s in bare.spans["depeche"] if s.label_ == "DATE"][0] == (
        "XXXX-WXX-5"
    )


def test_pipe_gives_what_call_gives():
    nlp = spacy.blank("en")
    nlp.add_pipe("depeche")
    texts = [EN, FR, "", EN + " " + FR]
    docs = [nlp.make_doc(t) for t in texts]
    docs[0]._.dct = "2019-03-15"
    piped = list(nlp.pipe(docs))
    one = nlp.make_doc(EN)
    one._.dct = "2019-03-15"
    singles = [nlp(one)] + [nlp(t) for t in texts[1:]]
    for a, b in zip(piped, singles):
        assert a._.depeche == b._.depeche
        assert [(s.start, s.end, s.label_) for s in a.spans["depeche"]] == [
            (s.start, s.end, s.label_) for s in b.spans["depeche"]
        ]


def test_config_lang_lexicon_and_keys(tmp_path):
    lexicon = {"version": 1, "add": [{"text": "OSDH", "kind": "actor",
                                      "value": {"canonical": "OSDH", "type": "organisation"}}]}
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(lexicon), encoding="utf-8")
    for lex in (lexicon, str(path)):
        nlp = spacy.blank("fr")
        nlp.add_pipe("depeche", config={"lang": "fr", "lexicon": lex, "spans_key": "dp",
                                         "set_ents": False})
        doc = nlp(FR)
        assert doc._.depeche["lang"] == "fr"
        assert "OSDH" in [s.text for s in doc.spans["dp"] if s._.depeche["source"] == "user"]
        assert "depeche" not in doc.spans and doc.ents == ()
    with pytest.raises(ValueError, match="bad lang"):
        spacy.blank("fr").add_pipe("depeche", config={"lang": "xx"})(spacy.blank("fr")("x"))
    with pytest.raises(ValueError, match="invalid lexicon"):
        spacy.blank("fr").add_pipe("depeche", config={"lexicon": {"version": 3}})


def test_existing_ents_are_kept():
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Deir Ezzor"}])
    nlp.add_pipe("depeche")
    doc = nlp(FR)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Deir Ezzor"] == "ORG"  # already there: kept
    assert "PLACE" not in [e.label_ for e in doc.ents if e.text == "Deir Ezzor"]
    assert any(s.text == "Deir Ezzor" and s.label_ == "PLACE" for s in doc.spans["depeche"])


def test_displacy_shows_the_spans():
    from spacy import displacy

    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche")
    doc = nlp(FR)
    html = displacy.render(doc, style="span", options={"spans_key": "depeche"}, jupyter=False)
    assert "PLACE" in html and "Deir" in html and "DATE" in html
    html = displacy.render(doc, style="ent", jupyter=False)
    assert "ACTOR" in html or "PLACE" in html


def test_a_pipeline_with_depeche_saves_and_loads(tmp_path):
    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche", config={"lang": "fr"})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["depeche"]
    assert loaded(FR)._.depeche == nlp(FR)._.depeche
