"""Faster rebuilding of the tokenizer's output after the repair, with the same output.

With a ``tokenize_postprocessor`` (our repair, ``tokenizer_repair.py``), Stanza turns the draft sentences
into word lists, calls the repair, and rebuilds the sentences with ``reassemble_doc_from_tokens``: it finds
each word's offsets in the text, builds a whole ``Document`` from them, expands manual multi-word tokens and
dumps the document back to dictionaries, which the tokenize processor then turns into the real ``Document``.
That round trip through a ``Document`` that is thrown away was about a quarter of the tokenizer's time.

``reassemble`` writes the same dictionaries directly when no word carries a manual expansion (our repair
never gives one): each word's id, text and offsets, ``MWT=Yes`` for a word the MWT model is to split, and the
whitespace after each word (and before the first) in the escaped form Stanza's ``to_dict`` writes. Anything
else goes to Stanza's own function. ``install`` swaps it in for the running process.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_original: Any = None


def _join_misc(parts: list[str]) -> str | None:
    parts = [p for p in parts if p]
    if not parts:
        return None
    return "|".join(sorted(parts)) if len(parts) > 1 else parts[0]


def _offsets(tokens: Sequence[Sequence[str]], raw_text: str) -> list[tuple[int, int]] | None:
    """Start and end of every word, each found after the one before (None when one is not found)."""
    spans, cursor = [], 0
    for word in (w for sent in tokens for w in sent):
        start = raw_text.find(word, cursor)
        if start < 0:
            return None
        cursor = start + len(word)
        spans.append((start, cursor))
    return spans


def _entry(word: str, word_id: int, span: tuple[int, int], mwt: bool, before: str, after: str) -> dict:
    """One word as ``Document.to_dict`` writes it after Stanza's rebuild."""
    from stanza.models.common.utils import space_after_to_misc, space_before_to_misc

    misc = ["MWT=Yes" if mwt else "", space_after_to_misc(after)]
    if before:
        misc.append(space_before_to_misc(before))
    entry: dict[str, Any] = {"id": word_id, "text": word, "start_char": span[0], "end_char": span[1]}
    joined = _join_misc(misc)
    if joined is not None:
        entry["misc"] = joined
    return entry


def reassemble(
    tokens: Sequence[Sequence[str]],
    mwts: Sequence[Sequence[bool]],
    expansions: Sequence[Sequence[Any]],
    raw_text: str,
) -> list[list[dict]]:
    """Stanza's ``tokenization.utils.reassemble_doc_from_tokens``, without the intermediate ``Document``."""
    spans = _offsets(tokens, raw_text)
    if spans is None or any(e for sent in expansions for e in sent) or any(not sent for sent in tokens):
        return _stanzas()(tokens, mwts, expansions, raw_text)  # Stanza's own path (and its error message)
    next_starts = [start for start, _ in spans[1:]] + [None]
    out: list[list[dict]] = []
    position = 0
    for sent_words, sent_mwts in zip(tokens, mwts, strict=True):
        sentence = []
        for index, (word, mwt) in enumerate(zip(sent_words, sent_mwts, strict=True)):
            start, end = spans[position]
            before = raw_text[:start] if position == 0 else ""  # only the document's first word has one
            after = raw_text[end:next_starts[position]]
            sentence.append(_entry(word, index + 1, (start, end), mwt, before, after))
            position += 1
        out.append(sentence)
    return out


def _stanzas() -> Any:
    if _original is not None:
        return _original
    from stanza.models.tokenization import utils

    return utils.reassemble_doc_from_tokens


def install() -> None:
    """Use ``reassemble`` in Stanza's tokenizer for the rest of this process (idempotent)."""
    global _original
    from stanza.models.tokenization import utils

    if _original is None:
        _original = utils.reassemble_doc_from_tokens
    utils.reassemble_doc_from_tokens = reassemble
