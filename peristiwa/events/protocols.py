"""The shapes the coder reads, as Protocols.

The concrete records live in `peristiwa.annotation.records` (Token, Sentence) and `peristiwa.actors`
(EntityMention), owned by other modules; the coder only reads these attributes, so any object with them works
(tests use small dataclasses built from hand-written CoNLL-U).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class TokenLike(Protocol):
    id: int  # 1-based within the sentence
    text: str
    lemma: str | None
    upos: str | None
    feats: str | None
    head: int  # 0 = root
    deprel: str | None
    ner: str | None
    start_char: int  # offsets into the cleaned article text
    end_char: int


class SentenceLike(Protocol):
    article_id: str
    index: int
    start_char: int
    end_char: int
    text: str
    tokens: Sequence[TokenLike]
    flags: frozenset[str] | set[str] | Sequence[str]


class MentionLike(Protocol):
    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str
    ner_type: str | None
    iso3: str | None
    sector: str | None
    actor_id: str | None
    actor_kind: str | None
    role: str  # 'actor' | 'venue' | 'unknown'
