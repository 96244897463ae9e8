"""What a selective annotation's selection was computed from (its digest), and selecting an annotated
article again from its stored sentences when that changes: which sentences need a parse, which lose one, and
that parsing a stored sentence gives what a fresh annotation gives (real Stanza models)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import sys

import pytest

from peristiwa.annotation import sentence_from_markup
from peristiwa.annotation.batch import AnnotationConfig, annotate_rows, reparse_rows
from peristiwa.annotation.conllu import from_conllu, to_conllu
from peristiwa.annotation.selection import parse_cues, reselect, selection_digest, selector_from, stems
from peristiwa.annotation.stanza_convert import stanza_input, without_parse
from peristiwa.nlp.pipeline import NlpSettings
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def selector():
    from peristiwa.actors import load_knowledge
    from peristiwa.events import load_dictionary

    cues = parse_cues(load_dictionary())
    return selector_from(cues.words, load_knowledge(), cue_phrases=cues.phrases,
                         speaker_cues=cues.speaker_words)


_DIGEST_IN_A_PROCESS = """
from peristiwa.annotation.batch import AnnotationConfig, config_selection_digest
print(config_selection_digest(AnnotationConfig()))
"""


def test_the_digest_is_the_same_in_another_process_and_changes_with_what_selects(selector):
    digest = selection_digest(selector)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONHASHSEED": "12345"}  # another set order
    other = subprocess.run([sys.executable, "-c", _DIGEST_IN_A_PROCESS], env=env, capture_output=True,
                           text=True, check=True, cwd=REPO_ROOT).stdout.strip()
    assert other == digest
    assert selection_digest(dataclasses.replace(selector)) == digest
    # a new cue word, phrase or speaker cue, a new gazetteer name or another foreign flag: another digest
    scanner = selector.scanner
    changed = [
        dataclasses.replace(selector, cue_words=selector.cue_words | {"memelototi"}),
        dataclasses.replace(selector, cue_phrases=selector.cue_phrases | {("saling", "sindir")}),
        dataclasses.replace(selector, speaker_cues=selector.speaker_cues | {"berseloroh"}),
        dataclasses.replace(selector, scanner=dataclasses.replace(
            scanner, keys={**scanner.keys, ("negeri", "antah"): True})),
        dataclasses.replace(selector, scanner=dataclasses.replace(
            scanner, keys={**scanner.keys, ("iran",): not scanner.keys[("iran",)]})),
    ]
    digests = {selection_digest(s) for s in changed}
    assert len(digests) == len(changed) and digest not in digests


def _stored(markup: str, index: int, parsed: bool):
    """A sentence as the warehouse holds it (through CoNLL-U), with a (dummy) parse or without one."""
    sentence = sentence_from_markup(markup, article_id="a", index=index)
    if parsed:
        sentence = dataclasses.replace(sentence, tokens=tuple(
            dataclasses.replace(t, lemma=t.text.lower(), upos="X", head=0 if t.id == 1 else 1, deprel="dep")
            for t in sentence.tokens))
    return from_conllu(to_conllu(sentence))


def test_reselect_names_the_sentences_to_parse_and_those_to_unparse(selector):
    assert "pelotot" not in selector.cue_words
    article = [
        _stored("[Iran]LOC mengecam [Amerika Serikat]LOC .", 0, parsed=True),
        _stored("[Iran]LOC memelototi [Amerika Serikat]LOC .", 1, parsed=False),
        _stored("Hujan turun di [Bandung]LOC .", 2, parsed=False),
    ]
    same = reselect(selector, article)
    assert same.selected == {0} and same.unchanged
    # a dictionary update adds "pelotot": sentence 1 is selected and needs a parse, nothing else changes
    added = reselect(dataclasses.replace(selector, cue_words=selector.cue_words | {"pelotot"}), article)
    assert added.selected == {0, 1} and added.parse == {1} and not added.unparse
    # one that drops "kecam" (and its forms): sentence 0 would not be parsed by a fresh annotation, so it
    # loses its parse
    without = selector.cue_words - stems("mengecam")
    dropped = reselect(dataclasses.replace(selector, cue_words=without), article)
    assert dropped.selected == frozenset() and dropped.unparse == {0} and not dropped.parse


def test_a_multiword_token_and_a_merged_headline_go_back_to_stanza_as_they_came():
    headline = sentence_from_markup("Iran marah . Rusia diam", article_id="a", index=-1)
    tokens = list(headline.tokens)
    tokens[3:] = [dataclasses.replace(t, id=i) for i, t in enumerate(tokens[3:], 1)]  # two title sentences
    tokens[1:1] = [dataclasses.replace(tokens[1], text="mar", id=2)]
    tokens[2] = dataclasses.replace(tokens[2], text="ah", id=3)
    tokens[3] = dataclasses.replace(tokens[3], id=4)
    headline = dataclasses.replace(headline, tokens=tuple(tokens))
    assert stanza_input(headline) == [
        [{"id": (1,), "text": "Iran"}, {"id": (2, 3), "text": "marah"}, {"id": (2,), "text": "mar"},
         {"id": (3,), "text": "ah"}, {"id": (4,), "text": "."}],
        [{"id": (1,), "text": "Rusia"}, {"id": (2,), "text": "diam"}],
    ]


TEXTS = [
    ("Iran dan Rusia", "Menteri Luar Negeri Iran bertemu Duta Besar Rusia di Teheran.\nKedua negara "
     "membahas kerja sama.\nTurki dan Yunani telah lama berselisih soal batas wilayah laut.\n"
     "Hujan turun di Teheran."),
    ("", "Pakistan mengecam serangan udara itu dan memanggil duta besar Iran. Cuaca cerah."),
]


def test_parsing_stored_sentences_gives_what_annotating_them_afresh_gives():
    rows = [{"article_id": f"a{i}", "title": title, "text": text, "spans_json": "[]",
             "text_sha256": hashlib.sha256(text.encode()).hexdigest()}
            for i, (title, text) in enumerate(TEXTS)]
    settings = NlpSettings(threads=1)
    full, _ = annotate_rows(rows, AnnotationConfig(settings=settings, parse_scope="all"))
    selective, _ = annotate_rows(rows, AnnotationConfig(settings=settings))
    assert not all(r["parsed"] for r in selective)  # else this test would show nothing
    by_article: dict[str, list[dict]] = {}
    for row in selective:
        by_article.setdefault(row["article_id"], []).append(row)

    def reparse(stored: dict[str, list[dict]], selected) -> list[dict]:
        got, ledger = reparse_rows([{
            "article_id": r["article_id"], "text_sha256": r["text_sha256"],
            "sentence_index": [s["sentence_index"] for s in stored[r["article_id"]]],
            "conllu": [s["conllu"] for s in stored[r["article_id"]]],
            "selected": [s["sentence_index"] for s in stored[r["article_id"]] if selected(s)],
        } for r in rows], AnnotationConfig(settings=settings))
        assert [led["n_parsed"] for led in ledger] == [
            sum(s["parsed"] for s in got if s["article_id"] == r["article_id"]) for r in rows]
        return got

    # every unparsed sentence of the selective annotation selected: the parse of a full annotation
    assert reparse(by_article, lambda s: True) == full
    # a full annotation, the selective one's sentences selected: the selective annotation
    full_by_article: dict[str, list[dict]] = {}
    for row in full:
        full_by_article.setdefault(row["article_id"], []).append(row)
    kept = {(r["article_id"], r["sentence_index"]) for r in selective if r["parsed"]}
    assert reparse(full_by_article, lambda s: (s["article_id"], s["sentence_index"]) in kept) == selective
    unparsed = [from_conllu(r["conllu"]) for r in selective if not r["parsed"]]
    assert all(without_parse(s) == s for s in unparsed)
