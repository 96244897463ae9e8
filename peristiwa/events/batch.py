"""Code the events of many articles at once, from stored sentences (CoNLL-U) and resolved mentions."""

from __future__ import annotations

import datetime as dt

import polars as pl

from peristiwa.actors.mention import EntityMention
from peristiwa.annotation.conllu import from_conllu
from peristiwa.events.cameo import CameoTable
from peristiwa.events.coder import code_article
from peristiwa.events.dictionary import TriggerDictionary
from peristiwa.events.frame import MENTION_SCHEMA, mentions_frame

SUMMARY_SCHEMA = {"article_id": pl.String(), "n_mentions": pl.Int32()}
FAILURE_SCHEMA = {"article_id": pl.String(), "error": pl.String()}
_MENTION_FIELDS = list(EntityMention.__dataclass_fields__)


def code_frame(
    articles: pl.DataFrame,
    sentences: pl.DataFrame,
    mentions: pl.DataFrame,
    dictionary: TriggerDictionary,
    cameo: CameoTable,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(event_mentions rows, one summary row per coded article, one failure row per article the coder
    raised on: article_id and the error). One article's failure never stops the others.

    articles: article_id, text, published_date; sentences: article_id, conllu;
    mentions: the entity_mentions columns.
    """
    parsed: dict[str, list] = {}
    for article_id, conllu in sentences.select("article_id", "conllu").iter_rows():
        parsed.setdefault(article_id, []).append(from_conllu(conllu))
    resolved: dict[str, list[EntityMention]] = {}
    for row in mentions.select(_MENTION_FIELDS).iter_rows(named=True):
        resolved.setdefault(row["article_id"], []).append(EntityMention(**row))
    coded, summary, failures = [], [], []
    for article_id, text, published in articles.select("article_id", "text", "published_date").iter_rows():
        date: dt.date | None = published
        try:
            found = code_article(
                parsed.get(article_id, []), resolved.get(article_id, []), date, dictionary, cameo, text=text
            )
        except Exception as exc:  # a coder bug on one article is recorded, not allowed to stop the batch
            failures.append({"article_id": article_id, "error": f"{type(exc).__name__}: {exc}"})
            continue
        coded.extend(found)
        summary.append({"article_id": article_id, "n_mentions": len(found)})
    frame = mentions_frame(coded) if coded else pl.DataFrame(schema=MENTION_SCHEMA)
    return (frame, pl.DataFrame(summary, schema=SUMMARY_SCHEMA),
            pl.DataFrame(failures, schema=FAILURE_SCHEMA))
