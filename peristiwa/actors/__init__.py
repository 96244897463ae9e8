"""Actor knowledge (versioned data files) and resolution of mentions to (iso3, sector, actor) at a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peristiwa.annotation.records import Sentence

from .coref import link_names, resolve_both_states
from .knowledge import DATA_DIR, Knowledge, KnowledgeError, load_knowledge
from .mention import EntityMention
from .resolver import resolve_sentence

__all__ = [
    "DATA_DIR",
    "EntityMention",
    "Knowledge",
    "KnowledgeError",
    "load_knowledge",
    "resolve_article",
]


def resolve_article(
    sentences: Iterable[Sentence], article_date: dt.date | None, knowledge: Knowledge
) -> list[EntityMention]:
    """All mentions of one article's sentences (headline = index -1 first), in text order."""
    mentions: list[EntityMention] = []
    candidates: list[tuple[int, int, int, str]] = []
    texts: dict[int, tuple[int, str]] = {}
    for s in sorted(sentences, key=lambda s: s.index):
        found, cands = resolve_sentence(s, article_date, knowledge)
        texts[s.index] = (s.start_char, s.text)
        mentions.extend(found)
        candidates.extend((s.index, a, b, t) for a, b, t in cands)
    mentions = link_names(mentions, candidates, knowledge)
    mentions = resolve_both_states(mentions, int(knowledge.rules["both_states_window"]), texts)
    return sorted(mentions, key=lambda m: (m.sentence_index, m.start_char, m.end_char, m.iso3))
