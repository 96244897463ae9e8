"""Faster padding of id lists into one tensor for Stanza's models, with the same tensor.

Stanza's ``common.data.get_long_tensor`` fills a padded ``LongTensor`` one row at a time, each row through a
``torch.LongTensor`` of its own. For the character ids of every word of a batch (the NER tagger's and the
parser's ``wordchars``: thousands of rows, a few ids each) that was about an eighth of the NER tagger's time
on IndoSum, more than its decoding. ``get_long_tensor`` here pads a list of id lists in numpy in one step: a
table of ``batch_size`` rows by the longest list, filled with the pad id, each list's ids written at the start
of its row in order, returned as an int64 tensor over that table. Anything but a non-empty list of lists of
integers that numpy reads as one int64 vector (deeper nesting, no ids at all, more lists than rows, floats,
booleans alone, integers out of range) goes to Stanza's own function. ``install`` swaps it in, in every
Stanza module that imported it, for the running process.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# the Stanza modules that bind get_long_tensor at import (the processors this package runs)
MODULES = (
    "stanza.models.common.data",
    "stanza.models.ner.data",
    "stanza.models.ner.model",
    "stanza.models.pos.data",
    "stanza.models.depparse.data",
    "stanza.models.lemma.data",
    "stanza.models.mwt.data",
)

_original: Any = None


def _stanzas() -> Any:
    if _original is not None:
        return _original
    from stanza.models.common import data

    return data.get_long_tensor


def get_long_tensor(tokens_list: Any, batch_size: int, pad_id: int = 0) -> Any:
    """Stanza's ``common.data.get_long_tensor`` (stanza 1.x), padding a list of id lists in one step."""
    import torch

    if not tokens_list or not isinstance(tokens_list[0], list) or batch_size < len(tokens_list):
        return _stanzas()(tokens_list, batch_size, pad_id)
    flat = [unit for row in tokens_list for unit in row]
    if not flat or type(pad_id) is not int:
        return _stanzas()(tokens_list, batch_size, pad_id)
    try:
        values = np.array(flat)  # Python integers (in int64's range) and nothing else make an int64 vector
    except (ValueError, TypeError, OverflowError):
        return _stanzas()(tokens_list, batch_size, pad_id)
    if values.dtype != np.int64 or values.ndim != 1:
        return _stanzas()(tokens_list, batch_size, pad_id)
    lengths = np.fromiter((len(row) for row in tokens_list), dtype=np.int64, count=len(tokens_list))
    table = np.full((batch_size, int(lengths.max())), pad_id, dtype=np.int64)
    table[:len(tokens_list)][np.arange(table.shape[1]) < lengths[:, None]] = values
    return torch.from_numpy(table)


def install() -> None:
    """Use ``get_long_tensor`` in Stanza's data loading for the rest of this process (idempotent)."""
    global _original
    import importlib

    from stanza.models.common import data

    if _original is None:
        _original = data.get_long_tensor
    for name in MODULES:
        module = importlib.import_module(name)
        if getattr(module, "get_long_tensor", None) is _original:
            module.get_long_tensor = get_long_tensor
