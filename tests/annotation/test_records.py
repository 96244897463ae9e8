from __future__ import annotations

from types import SimpleNamespace

import polars as pl

from peristiwa.annotation import (
    entity_mentions_frame,
    from_conllu,
    sentence_from_markup,
    sentences_frame,
    sentences_from_stanza,
    to_conllu,
)


def test_conllu_round_trip():
    s = sentence_from_markup(
        "[Presiden Iran]ORG tiba di [Moskow]LOC .",
        article_id="a1",
        index=3,
        offset=10,
        deps={0: (3, "nsubj")},
        lemmas={2: "tiba"},
        flags=frozenset({"caption"}),
    )
    assert from_conllu(to_conllu(s)) == s


def test_conllu_escapes_newlines():
    s = sentence_from_markup("a b", article_id="x")
    s2 = type(s)(s.article_id, s.index, s.start_char, s.end_char, "a\\b\nc", s.tokens, s.flags)
    assert from_conllu(to_conllu(s2)).text == "a\\b\nc"


def _doc(text):
    # Minimal stand-in for a stanza Document: sentences -> tokens -> words, with an MWT ("bukunya").
    def tok(t, s, words, ner="O"):
        return SimpleNamespace(text=t, start_char=s, end_char=s + len(t), ner=ner, words=words)

    def word(i, t, head=0, deprel="root"):
        return SimpleNamespace(id=i, text=t, lemma=t.lower(), upos="X", feats=None, head=head, deprel=deprel)

    toks = [
        tok("Iran", 0, [word(1, "Iran")], "S-LOC"),
        tok("bukunya", 5, [word(2, "buku", 1, "obj"), word(3, "nya", 2, "nmod:poss")]),
    ]
    return SimpleNamespace(text=text, sentences=[SimpleNamespace(tokens=toks, text=text)])


def test_sentences_from_stanza_offsets_and_flags():
    text = "Iran bukunya"
    out = sentences_from_stanza("a", _doc(text), [{"kind": "caption", "start": 0, "end": 4}])
    s = out[0]
    assert s.flags == frozenset({"caption"}) and s.index == 0
    assert [t.text for t in s.tokens] == ["Iran", "buku", "nya"]
    assert s.tokens[1].start_char == s.tokens[2].start_char == 5  # MWT words share the token span
    head = sentences_from_stanza("a", _doc(text), headline=True)
    assert head[0].index == -1 and head[0].flags == frozenset({"headline"})


def test_frames_schema():
    s = sentence_from_markup("Iran", article_id="a")
    df = sentences_frame([s])
    assert df.schema["conllu"] == pl.String and df["flags"].to_list() == [[]]
    assert entity_mentions_frame([]).columns[0] == "article_id"
