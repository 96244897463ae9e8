"""The parser's faster tree decoding gives exactly the trees Stanza's own decoder gives."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from stanza.models.common import chuliu_edmonds
from stanza.models.depparse import model as depparse_model

from peristiwa.nlp.tree_decoding import decode_one_root, find_cycles, greedy_tree

# Stanza's own functions, kept before any pipeline load swaps them
STANZA_TARJAN = chuliu_edmonds.tarjan
STANZA_DECODE = chuliu_edmonds.chuliu_edmonds_one_root


def _random_heads(rng: np.random.Generator, n: int) -> np.ndarray:
    heads = rng.integers(0, n, size=n)
    heads[0] = 0
    return heads


def test_cycles_come_out_as_stanzas_tarjan_finds_them() -> None:
    assert {STANZA_TARJAN.__module__, STANZA_DECODE.__module__} == {chuliu_edmonds.__name__}
    rng = np.random.default_rng(7)
    for _ in range(3000):
        heads = _random_heads(rng, int(rng.integers(2, 70)))
        ours, theirs = find_cycles(heads), STANZA_TARJAN(heads.copy())
        assert len(ours) == len(theirs)
        assert all((a == b).all() for a, b in zip(ours, theirs, strict=True))


def test_a_chain_deeper_than_the_recursion_limit_is_walked_without_recursion() -> None:
    heads = np.arange(-1, 4999)  # node i hangs from i - 1
    heads[0] = 0
    heads[1] = 0
    assert find_cycles(heads) == []
    heads[1] = 4999  # close the chain into one cycle of nodes 1..4999
    (cycle,) = find_cycles(heads)
    assert cycle[1:].all() and not cycle[0]


def _planted(rng: np.random.Generator, n: int) -> np.ndarray:
    """Scores whose best heads form a single-root tree (every word's head is an earlier word or the root)."""
    scores = rng.normal(size=(n, n))
    for dep in range(1, n):
        scores[dep, int(rng.integers(1, dep)) if dep > 1 else 0] += 10
    return scores.astype(np.float32)


def test_the_greedy_tree_is_taken_only_when_it_is_a_single_rooted_tree() -> None:
    rng = np.random.default_rng(11)
    scores = _planted(rng, 12)
    tree = greedy_tree(scores)
    assert tree is not None and (tree[1:] == 0).sum() == 1 and find_cycles(tree) == []
    two_roots = scores.copy()
    two_roots[5, 0] += 100
    assert greedy_tree(two_roots) is None
    cycle = scores.copy()
    cycle[3, 4] += 100
    cycle[4, 3] += 100
    assert greedy_tree(cycle) is None


@pytest.mark.parametrize("planted", [True, False])
def test_decoded_trees_equal_stanzas(planted: bool) -> None:
    rng = np.random.default_rng(3 if planted else 5)
    for _ in range(400):
        n = int(rng.integers(3, 60))
        scores = _planted(rng, n) if planted else rng.normal(size=(n, n)).astype(np.float32)
        assert (decode_one_root(scores.copy()) == STANZA_DECODE(scores.copy())).all()


def test_the_loaded_parser_parses_as_stanzas_decoder_does(nlp) -> None:
    text = ("Menteri Luar Negeri Indonesia Retno Marsudi bertemu dengan Menlu Iran di Teheran pada Senin. "
            "Kedua negara sepakat memperkuat kerja sama ekonomi, dan Iran mengecam serangan Israel yang "
            "menewaskan puluhan warga sipil di Gaza, sementara Amerika Serikat menjatuhkan sanksi baru.")
    assert depparse_model.chuliu_edmonds_one_root is decode_one_root  # the pipeline load installed it
    ours = nlp(text)
    try:
        depparse_model.chuliu_edmonds_one_root = STANZA_DECODE
        chuliu_edmonds.tarjan = STANZA_TARJAN
        theirs = nlp(copy.copy(text))
    finally:
        depparse_model.chuliu_edmonds_one_root = decode_one_root
        chuliu_edmonds.tarjan = find_cycles
    heads = [[(w.head, w.deprel) for w in s.words] for s in ours.sentences]
    assert heads == [[(w.head, w.deprel) for w in s.words] for s in theirs.sentences]
