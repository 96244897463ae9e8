"""Faster reading of the text into the tokenizer's model input, with the same input.

Stanza's tokenize processor reads its text through ``tokenization.data.TokenizationDataset``: the constructor
cuts the text into paragraphs at blank lines and keeps each paragraph as a list of ``(character, label)``
pairs, running a regular expression over every single character; ``para_to_sentences`` then gives the model
each paragraph as arrays of character ids and features, calling ``Vocab.unit2id`` and three small feature
functions (space, capital letter, digit) on every character and building the feature array from a Python
list per character. On IndoSum that was about a fifth of the tokenizer's time, the network's forward pass
about a third.

``TokenizationDataset`` here is a subclass that does the same per paragraph, not per character:

- the whitespace substitution runs over the whole paragraph (the expression matches single characters, so
  substituting in the string or character by character is the same), and a run of spaces becomes one space,
  which is what ``filter_consecutive_whitespaces`` keeps (the labels are all 0 when there is no label file);
- each distinct character's id and features are computed once, with Stanza's own ``Vocab.unit2id`` and
  feature functions, and every character's row is taken from that table; the end- and start-of-paragraph
  columns are set on the last and first row, as Stanza appends them after the per-character ones.

Only the inference case is taken over (text given as a string, no label file, evaluation, no dictionary
features, no window-based features, ``skip_newline`` off, only the feature functions named above); anything
else runs Stanza's own code. ``install`` puts the subclass in the tokenize processor for the running
process.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from stanza.models.tokenization import data as stanza_data

_SPACE_RUN_RE = re.compile(" {2,}")
_POSITION_FEATURES = ("end_of_para", "start_of_para")  # appended in this order by Stanza, after the others


class TokenizationDataset(stanza_data.TokenizationDataset):
    """Stanza's ``TokenizationDataset`` (stanza 1.x), faster for a string tokenized at inference time."""

    def __init__(
        self,
        tokenizer_args: dict,
        input_files: dict | None = None,
        input_text: str | None = None,
        vocab: Any = None,
        evaluation: bool = False,
        dictionary: Any = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        files = input_files if input_files is not None else {"txt": None, "label": None}
        if (input_text is None or files.get("label") is not None or not evaluation or args or kwargs
                or tokenizer_args.get("skip_newline", False)):
            super().__init__(tokenizer_args, files, input_text, vocab, evaluation, dictionary, *args,
                             **kwargs)
            return
        self.args = tokenizer_args
        self.eval = evaluation
        self.dictionary = dictionary
        self.vocab = vocab
        chunks = (chunk.rstrip() for chunk in stanza_data.NEWLINE_WHITESPACE_RE.split(input_text))
        self.data = [
            [(char, 0) for char in _SPACE_RUN_RE.sub(" ", stanza_data.WHITESPACE_RE.sub(" ", chunk))]
            for chunk in chunks if chunk
        ]
        self._feature_funcs = self._plain_feature_funcs()
        self._rows: dict[str, int] = {}
        self._row_ids: list[int] = []
        self._row_feats: list[list[int]] = []

    def _plain_feature_funcs(self) -> list | None:
        """Stanza's per-character feature functions in its order, or None where its own code must run."""
        names = self.args.get("feat_funcs", [])
        if self.args.get("use_dictionary") or any(
            name not in stanza_data.PER_CHAR_FEAT_FUNCS and name not in _POSITION_FEATURES for name in names
        ):
            return None
        per_char = stanza_data.PER_CHAR_FEAT_FUNCS
        funcs = [per_char[name] for name in names if name in per_char]
        if not funcs and not any(name in _POSITION_FEATURES for name in names):
            return None  # no feature at all: Stanza's array would be empty, not integer
        return funcs

    def _row(self, char: str) -> int:
        """The table row of ``char``: its id and per-character features, computed on first sight."""
        row = self._rows.get(char)
        if row is None:
            row = self._rows[char] = len(self._row_ids)
            self._row_ids.append(self.vocab.unit2id(char))
            self._row_feats.append([func(char) for func in self._feature_funcs])
        return row

    def para_to_sentences(self, para: list) -> list:
        funcs = getattr(self, "_feature_funcs", None)
        if funcs is None or not para:
            return super().para_to_sentences(para)
        units = [unit for unit, _ in para]
        rows = np.array([self._row(unit) for unit in units], dtype=np.int64)
        ids = np.array(self._row_ids, dtype=np.int64)[rows]
        per_char = np.array(self._row_feats, dtype=np.int64).reshape(len(self._row_ids), len(funcs))[rows]
        names = self.args["feat_funcs"]
        columns = [per_char]
        if "end_of_para" in names:
            end = np.zeros((len(units), 1), dtype=np.int64)
            end[-1] = 1
            columns.append(end)
        if "start_of_para" in names:
            start = np.zeros((len(units), 1), dtype=np.int64)
            start[0] = 1
            columns.append(start)
        feats = np.concatenate(columns, axis=1) if len(columns) > 1 else per_char
        labels = np.array([label for _, label in para])
        return [(ids, labels, feats, units)]


def install() -> None:
    """Use the faster dataset in Stanza's tokenize processor for the rest of this process (idempotent)."""
    from stanza.pipeline import tokenize_processor

    tokenize_processor.TokenizationDataset = TokenizationDataset
