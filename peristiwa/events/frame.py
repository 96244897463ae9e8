"""Polars frames for the `event_mentions` and `events` tables. Every column is documented here.

event_mentions (one row per coded mention; a reciprocal predicate gives two rows sharing pair_id):
  article_id, sentence_index        where the mention is (sentence index within the cleaned article)
  mention_id                        stable hash of article, sentence, trigger position, direction and code
  pair_id                           shared by the two directions of a reciprocal event (null otherwise)
  trigger_text/_start/_end          trigger span; char offsets into the cleaned article text
  source_*/target_*                 actor span text + offsets, ISO3, sector, actor_id (from actor resolution)
  cameo_code, cameo_root            CAMEO code (string, leading zeros) and its 2-digit root
  goldstein, quad_class             GDELT Goldstein weight and GDELT QuadClass (1-4), looked up in
                                    data/cameo_event_codes.csv (see cameo.GOLDSTEIN_CONVENTION)
  plover_category                   CAMEO2PLOVER-2021 category ('dropped' for roots 01/02)
  modality                          asserted | historical | intent | future | hypothetical | reported |
  generic |
                                    negated (clause-scoped; see modality.py)
  polarity                          positive | negative
  confidence                        0..1 heuristic: parse-based arguments 0.8, linear fallback lower
  date_text, event_date, date_min,  event date from the text (peristiwa.dates): best estimate, interval,
  date_max, date_precision,         precision (day/month/range/approx/unknown/none) and basis (explicit,
  date_basis                        explicit-year-inferred, relative-narrative, relative-publication,
  inherited…)
  sentence_flags                    comma-joined sentence flags (headline, caption, subheading) or ''
  dictionary_version                triggers.yaml +speech +rules version that produced the mention
  rule                              '<trigger id>:<argument rules>' (nsubj, obj/obl, passive, possessor,
                                    linear, light-verb, speaker, both, antara, venue, territory, reciprocal,
                                    receiver, ellipsis, responds, object-phrase, predicate, anaphor,
                                    reciprocal-marker, nonstate-opponent)
  sentence_text                     the sentence (for error analysis and diffs)
  published_date                    the article's publication date (for first_seen/last_seen)
  source_actor_type, target_actor_type   state | igo | nationals | nonstate (an IGO has no ISO3; its code,
                                    UNO/EUR/ASN/NATO/..., is in *_sector)

events (deduplicated real-world events; dedup.py):
  event_id                          stable hash of the member mention ids
  cameo_code, cameo_root, goldstein, quad_class, plover_category   of the representative mention
  source_iso3, target_iso3, source_sector, target_sector, source_actor_id, target_actor_id
  pair_id                           pair_id of the representative mention (links the two directions)
  event_date, date_min, date_max, date_precision   narrowest interval among the mentions
  modality, polarity                of the representative (best counted, else most confident) mention
  num_mentions, num_articles, num_sources          over all member mentions (sources = publishers when a
                                    `publisher` column is present, else articles)
  first_seen, last_seen             min/max publication date of the member mentions
  mention_ids                       list of member mention ids
  counted_in_aggregates             see dedup.py (positive, asserted/historical/intent, both sides have a
                                    country, no self-dyad, at least one body-text mention)
  dedup_method                      within-article | cross-article
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields

import polars as pl

from .coding.codes import EventMention

MENTION_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "sentence_index": pl.Int64(),
    "mention_id": pl.String(),
    "pair_id": pl.String(),
    "trigger_text": pl.String(),
    "trigger_start": pl.Int64(),
    "trigger_end": pl.Int64(),
    "source_text": pl.String(),
    "source_start": pl.Int64(),
    "source_end": pl.Int64(),
    "source_iso3": pl.String(),
    "source_sector": pl.String(),
    "source_actor_id": pl.String(),
    "target_text": pl.String(),
    "target_start": pl.Int64(),
    "target_end": pl.Int64(),
    "target_iso3": pl.String(),
    "target_sector": pl.String(),
    "target_actor_id": pl.String(),
    "cameo_code": pl.String(),
    "cameo_root": pl.String(),
    "goldstein": pl.Float64(),
    "quad_class": pl.Int64(),
    "plover_category": pl.String(),
    "modality": pl.String(),
    "polarity": pl.String(),
    "confidence": pl.Float64(),
    "date_text": pl.String(),
    "event_date": pl.Date(),
    "date_min": pl.Date(),
    "date_max": pl.Date(),
    "date_precision": pl.String(),
    "date_basis": pl.String(),
    "sentence_flags": pl.String(),
    "dictionary_version": pl.String(),
    "rule": pl.String(),
    "sentence_text": pl.String(),
    "published_date": pl.Date(),
    "source_actor_type": pl.String(),
    "target_actor_type": pl.String(),
}

EVENT_SCHEMA: dict[str, pl.DataType] = {
    "event_id": pl.String(),
    "cameo_code": pl.String(),
    "cameo_root": pl.String(),
    "goldstein": pl.Float64(),
    "quad_class": pl.Int64(),
    "plover_category": pl.String(),
    "source_iso3": pl.String(),
    "target_iso3": pl.String(),
    "source_sector": pl.String(),
    "target_sector": pl.String(),
    "source_actor_id": pl.String(),
    "target_actor_id": pl.String(),
    "pair_id": pl.String(),
    "event_date": pl.Date(),
    "date_min": pl.Date(),
    "date_max": pl.Date(),
    "date_precision": pl.String(),
    "modality": pl.String(),
    "polarity": pl.String(),
    "num_mentions": pl.Int64(),
    "num_articles": pl.Int64(),
    "num_sources": pl.Int64(),
    "first_seen": pl.Date(),
    "last_seen": pl.Date(),
    "mention_ids": pl.List(pl.String()),
    "counted_in_aggregates": pl.Boolean(),
    "dedup_method": pl.String(),
}

assert [f.name for f in fields(EventMention)] == list(MENTION_SCHEMA), "MENTION_SCHEMA out of sync"


def mentions_frame(mentions: Sequence[EventMention]) -> pl.DataFrame:
    return (
        pl.DataFrame([asdict(m) for m in mentions], schema=MENTION_SCHEMA, orient="row")
        if mentions
        else (pl.DataFrame(schema=MENTION_SCHEMA))
    )
