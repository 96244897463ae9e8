"""The NER tagger's batched decoding gives exactly the tags Stanza's own decoding gives."""

from __future__ import annotations

import copy

import numpy as np
from stanza.models.common.crf import viterbi_decode
from stanza.models.common.vocab import CompositeVocab
from stanza.models.ner.trainer import Trainer

from peristiwa.nlp.ner_decoding import viterbi_batch

# Stanza's own functions, kept before any pipeline load swaps them
STANZA_PREDICT = Trainer.predict
STANZA_UNIT2ID = CompositeVocab.unit2id


def test_batched_viterbi_equals_stanzas_per_sentence_search() -> None:
    assert STANZA_PREDICT.__module__ == "stanza.models.ner.trainer"
    rng = np.random.default_rng(11)
    for _ in range(200):
        batch, tags = int(rng.integers(1, 12)), int(rng.integers(2, 20))
        lengths = rng.integers(1, 40, size=batch)
        scores = rng.normal(size=(batch, int(lengths.max()), tags)).astype(np.float32)
        transitions = rng.normal(size=(tags, tags)).astype(np.float32)
        ours = viterbi_batch(scores, lengths, transitions)
        for i, n in enumerate(lengths):
            assert ours[i] == [int(t) for t in viterbi_decode(scores[i, :n], transitions)[0]]


def test_ties_break_as_stanzas_do() -> None:
    # whole-number scores tie often: the first best previous tag must win, as in numpy's argmax
    rng = np.random.default_rng(12)
    for _ in range(300):
        lengths = rng.integers(1, 15, size=4)
        scores = rng.integers(0, 3, size=(4, int(lengths.max()), 5)).astype(np.float32)
        transitions = rng.integers(0, 2, size=(5, 5)).astype(np.float32)
        ours = viterbi_batch(scores, lengths, transitions)
        for i, n in enumerate(lengths):
            assert ours[i] == [int(t) for t in viterbi_decode(scores[i, :n], transitions)[0]]


def test_the_loaded_tagger_tags_as_stanzas_code_does(nlp) -> None:
    text = ("Menteri Luar Negeri Iran Mohammad Javad Zarif bertemu Sergei Lavrov di Moskow pada Senin, "
            "sehari setelah Presiden Azerbaijan Ilham Aliyev mengunjungi Teheran. PBB dan Uni Eropa "
            "menyambut baik pertemuan itu, kata juru bicara Kementerian Luar Negeri Pakistan.")
    assert Trainer.predict is not STANZA_PREDICT  # the pipeline load installed the batched decoding
    ours, installed = nlp(text), (Trainer.predict, CompositeVocab.unit2id)
    try:
        Trainer.predict, CompositeVocab.unit2id = STANZA_PREDICT, STANZA_UNIT2ID
        theirs = nlp(copy.copy(text))
    finally:
        Trainer.predict, CompositeVocab.unit2id = installed
    tags = [[t.ner for t in s.tokens] for s in ours.sentences]
    assert tags == [[t.ner for t in s.tokens] for s in theirs.sentences]
    assert any(tag != "O" for sentence in tags for tag in sentence)
