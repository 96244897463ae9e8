"""The tokenizer's output is rebuilt after the repair exactly as Stanza's own function rebuilds it."""

from __future__ import annotations

import copy

import pytest
from stanza.models.tokenization import utils

from peristiwa.nlp.tokenizer_output import reassemble

# Stanza's own function, kept before any pipeline load swaps it
STANZA_REASSEMBLE = utils.reassemble_doc_from_tokens


def _no_expansions(tokens: list[list[str]]) -> list[list[None]]:
    return [[None] * len(s) for s in tokens]


@pytest.mark.parametrize(
    ("raw", "tokens", "mwt"),
    [
        # runs of spaces and a blank line between words, a word followed by its full stop, end of text
        ("Menlu Iran  bertemu\n\ndengannya di Baku. Ia berkata.",
         [["Menlu", "Iran", "bertemu", "dengannya", "di", "Baku", "."], ["Ia", "berkata", "."]],
         {(0, 3)}),
        # whitespace before the first word and after the last; a multi-word token followed by no space
        ("  Rusia dan Iran sepakat, katanya.\n",
         [["Rusia", "dan", "Iran", "sepakat", ",", "katanya", "."]], {(0, 3), (0, 5)}),
        ("Tab\tdan\u00a0spasi .", [["Tab", "dan", "spasi", "."]], set()),
    ],
)
def test_rebuilt_words_equal_stanzas(raw: str, tokens: list[list[str]], mwt: set[tuple[int, int]]) -> None:
    assert STANZA_REASSEMBLE.__module__ == utils.__name__
    mwts = [[(i, j) in mwt for j in range(len(s))] for i, s in enumerate(tokens)]
    ours = reassemble(tokens, mwts, _no_expansions(tokens), raw)
    assert ours == STANZA_REASSEMBLE(tokens, mwts, _no_expansions(tokens), raw)


def test_a_word_not_in_the_text_raises_stanzas_error() -> None:
    with pytest.raises(ValueError, match="Could not find word"):
        reassemble([["Iran", "Rusia"]], [[False, False]], [[None, None]], "Iran dan Turki")


def test_the_loaded_tokenizer_tokenizes_as_stanzas_code_does(nlp) -> None:
    text = ("Dubes RI untuk Iran , Ronny P. Yuliantoro, mengatakan hal itu kepada wartawan.\n\n"
            "Kunjungannya  ke Teheran berlangsung dua hari; ia bertemu Menlu Iran.")
    assert utils.reassemble_doc_from_tokens is reassemble  # the pipeline load installed it
    ours = nlp(text)
    try:
        utils.reassemble_doc_from_tokens = STANZA_REASSEMBLE
        theirs = nlp(copy.copy(text))
    finally:
        utils.reassemble_doc_from_tokens = reassemble
    assert ours.to_dict() == theirs.to_dict()
    assert [t.spaces_after for s in ours.sentences for t in s.tokens] == [
        t.spaces_after for s in theirs.sentences for t in s.tokens]
