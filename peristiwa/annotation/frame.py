"""Polars frames for the ``sentences`` and ``entity_mentions`` tables (schemas are the storage contract)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING

import polars as pl

from .conllu import to_conllu
from .records import Sentence

if TYPE_CHECKING:
    from peristiwa.actors.mention import EntityMention

SENTENCES_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "sentence_index": pl.Int32(),  # -1 = headline (offsets into the title), 0.. = body
    "start_char": pl.Int32(),
    "end_char": pl.Int32(),
    "text": pl.String(),
    "flags": pl.List(pl.String()),  # subset of headline/caption/subheading
    "conllu": pl.String(),  # to_conllu(sentence): tokens, lemma, UPOS, feats, head, deprel, NER, offsets
    "parsed": pl.Boolean(),  # POS, lemmas and dependency parse present (else tokens and NER only)
}

ENTITY_MENTIONS_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "sentence_index": pl.Int32(),
    "start_char": pl.Int32(),
    "end_char": pl.Int32(),
    "text": pl.String(),
    "ner_type": pl.String(),  # PER/ORG/LOC/MISC, '' = dictionary-only match
    "iso3": pl.String(),  # ISO 3166-1 alpha-3, '' = none (IGO, region, unknown)
    "sector": pl.String(),  # PLOVER sector code or IGO, '' = unknown
    "actor_id": pl.String(),
    "actor_kind": pl.String(),  # state/state_organ/igo/person/location/region/unknown
    "role": pl.String(),  # actor/venue/unknown
    "method": pl.String(),
    "confidence": pl.Float64(),
    "resolved_for_date": pl.Date(),
}


def sentences_frame(sentences: Iterable[Sentence]) -> pl.DataFrame:
    rows = [
        {
            "article_id": s.article_id,
            "sentence_index": s.index,
            "start_char": s.start_char,
            "end_char": s.end_char,
            "text": s.text,
            "flags": sorted(s.flags),
            "conllu": to_conllu(s),
            "parsed": s.is_parsed,
        }
        for s in sentences
    ]
    return pl.DataFrame(rows, schema=SENTENCES_SCHEMA)


def entity_mentions_frame(mentions: Iterable[EntityMention]) -> pl.DataFrame:
    rows = [asdict(m) for m in mentions]
    return pl.DataFrame(rows, schema=ENTITY_MENTIONS_SCHEMA).select(list(ENTITY_MENTIONS_SCHEMA))
