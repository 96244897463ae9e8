"""Padded id tensors are exactly the ones Stanza's own function makes."""

from __future__ import annotations

import copy
import random

import pytest
import torch
from stanza.models.common import data as common_data

from peristiwa.nlp import padded_tensor

# Stanza's own functions, kept before any pipeline load swaps them
STANZA_GET_LONG_TENSOR = common_data.get_long_tensor


def _same_tensors(ours: torch.Tensor, theirs: torch.Tensor) -> None:
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape and ours.stride() == theirs.stride()
    assert torch.equal(ours, theirs)


def test_padded_tensor_equals_stanzas_on_random_lists() -> None:
    assert STANZA_GET_LONG_TENSOR.__module__ == common_data.__name__
    rng = random.Random(23)
    for _ in range(300):
        rows = [[rng.randint(0, 10**rng.randint(1, 12)) for _ in range(rng.choice([0, 1, 2, 5, 17]))]
                for _ in range(rng.randint(1, 40))]
        if not any(rows):
            rows[0].append(1)
        batch_size = len(rows) + rng.choice([0, 0, 3])
        pad_id = rng.choice([0, 1, 5])
        _same_tensors(padded_tensor.get_long_tensor(rows, batch_size, pad_id),
                      STANZA_GET_LONG_TENSOR(rows, batch_size, pad_id))
        _same_tensors(padded_tensor.get_long_tensor(rows, batch_size),
                      STANZA_GET_LONG_TENSOR(rows, batch_size))


@pytest.mark.parametrize(
    "rows",
    [
        [[[1, 2], [3, 4]], [[5, 6]]],  # three levels (composite tags): Stanza's own function
        [[1, 2], (3,), [4, 5, 6]],  # a tuple row
        [[1, 2.0], [3]],  # not all integers
        [[True, 2], [3]],
    ],
)
def test_unusual_lists_give_stanzas_tensor(rows: list) -> None:
    _same_tensors(padded_tensor.get_long_tensor(rows, len(rows)), STANZA_GET_LONG_TENSOR(rows, len(rows)))


@pytest.mark.parametrize("rows", [[[]], [[], []], [[1, 2], [3]]])
def test_stanzas_errors_stay(rows: list) -> None:
    batch_size = 1 if len(rows) > 1 and any(rows) else len(rows)  # fewer rows than lists, or no ids at all
    with pytest.raises((IndexError, RuntimeError)) as theirs:
        STANZA_GET_LONG_TENSOR(rows, batch_size)
    with pytest.raises(theirs.type):
        padded_tensor.get_long_tensor(rows, batch_size)


def test_the_loaded_pipeline_uses_the_padded_tensor(nlp) -> None:
    for name in padded_tensor.MODULES:
        module = __import__(name, fromlist=["get_long_tensor"])
        assert module.get_long_tensor is padded_tensor.get_long_tensor, name


def test_the_loaded_pipeline_annotates_as_with_stanzas_function(nlp) -> None:
    text = ("Menlu Iran Hossein Amir-Abdollahian bertemu Menlu Rusia Sergey Lavrov di Baku, Azerbaijan.\n\n"
            "Presiden Joko Widodo menerima Dubes AS di Istana Merdeka; bukunya dibaca 1.234 orang.")
    ours = nlp(text)
    try:
        for name in padded_tensor.MODULES:
            __import__(name, fromlist=["get_long_tensor"]).get_long_tensor = STANZA_GET_LONG_TENSOR
        theirs = nlp(copy.copy(text))
    finally:
        padded_tensor.install()
    assert ours.to_dict() == theirs.to_dict()  # tokens, words, lemmas, POS, heads, relations, NER tags
