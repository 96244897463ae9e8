"""The NER tagger's input is exactly what Stanza's own code makes."""

from __future__ import annotations

import copy

import pytest
from stanza.models.common import data as common_data
from stanza.models.ner import data as ner_data
from stanza.models.ner.data import DataLoader

from peristiwa.nlp import ner_input, padded_tensor

# Stanza's own functions, kept before any pipeline load swaps them
STANZA_GET_LONG_TENSOR = common_data.get_long_tensor
STANZA_PREPROCESS = DataLoader.preprocess


@pytest.mark.parametrize("char_lowercase", [False, True])
def test_ner_input_equals_stanzas(nlp, char_lowercase: bool) -> None:
    assert STANZA_PREPROCESS.__module__ == ner_data.__name__
    tagger = nlp.processors["ner"]
    vocab = tagger.trainer.vocab if hasattr(tagger, "trainer") else tagger._trainer.vocab
    text = ("Menlu Iran bertemu Menlu Rusia di Baku. Menlu Iran berkata: Iran dan Rusia sepakat. "
            "İSTANBUL Straße ÉCOLE 😀 \ud83d Rp 10.000 www.kompas.com Menlu")
    doc = nlp.process(text, processors="tokenize,mwt")
    tags = [("O",), ("B-PER",), ("I-ORG",), ("E-LOC",), ("S-GPE",)]
    data = [[[token.text, tags[i % len(tags)]] for i, token in enumerate(sentence.tokens)]
            for sentence in doc.sentences]
    args = {"char_lowercase": char_lowercase}
    ours = ner_input.preprocess(None, copy.deepcopy(data), vocab, args)
    theirs = STANZA_PREPROCESS(None, copy.deepcopy(data), vocab, args)
    assert ours == theirs
    # every occurrence has its own list, as in Stanza's
    char_lists = [ids for sent in ours for ids in sent[1]]
    assert len({id(ids) for ids in char_lists}) == len(char_lists)


def test_the_loaded_tagger_tags_as_stanzas_code_does(nlp) -> None:
    text = ("Menlu Iran Hossein Amir-Abdollahian bertemu Menlu Rusia Sergey Lavrov di Baku, Azerbaijan.\n\n"
            "Presiden Joko Widodo dan Wapres Ma'ruf Amin menerima Dubes AS di Istana Merdeka, Jakarta.")
    assert DataLoader.preprocess is ner_input.preprocess  # the pipeline load installed them
    ours = nlp(text)
    try:
        DataLoader.preprocess = STANZA_PREPROCESS
        for name in padded_tensor.MODULES:
            __import__(name, fromlist=["get_long_tensor"]).get_long_tensor = STANZA_GET_LONG_TENSOR
        theirs = nlp(copy.copy(text))
    finally:
        ner_input.install()
        padded_tensor.install()
    assert ours.to_dict() == theirs.to_dict()
    assert [(e.text, e.type, e.start_char) for e in ours.ents] == [
        (e.text, e.type, e.start_char) for e in theirs.ents]
    assert ours.ents  # the text has names: the check compares some tags
