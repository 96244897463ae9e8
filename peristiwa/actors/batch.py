"""Resolve the mentions of many annotated articles (sentences stored as CoNLL-U) at their article dates."""

from __future__ import annotations

import datetime as dt

import polars as pl

from peristiwa.actors import Knowledge, resolve_article
from peristiwa.annotation.conllu import from_conllu
from peristiwa.annotation.frame import ENTITY_MENTIONS_SCHEMA, entity_mentions_frame

SUMMARY_SCHEMA = {"article_id": pl.String(), "n_mentions": pl.Int32(), "n_states": pl.Int32()}
FAILURE_SCHEMA = {"article_id": pl.String(), "error": pl.String()}


def knowledge_version(knowledge: Knowledge) -> str:
    return ",".join(f"{name}={version}" for name, version in sorted(knowledge.versions.items()))


def resolve_frame(
    sentences: pl.DataFrame, article_dates: dict[str, dt.date | None], knowledge: Knowledge
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(entity_mentions rows, one summary row per resolved article in `article_dates`, mentions or not, one
    failure row per article the resolver raised on: article_id and the error). One article's failure never
    stops the others."""
    by_article: dict[str, list] = {article_id: [] for article_id in article_dates}
    for article_id, conllu in sentences.select("article_id", "conllu").iter_rows():
        by_article.setdefault(article_id, []).append(from_conllu(conllu))
    mentions, summary, failures = [], [], []
    for article_id, parsed in by_article.items():
        try:
            found = resolve_article(parsed, article_dates.get(article_id), knowledge)
        except Exception as exc:  # a resolver bug on one article is recorded, not allowed to stop the batch
            failures.append({"article_id": article_id, "error": f"{type(exc).__name__}: {exc}"})
            continue
        mentions.extend(found)
        states = {m.iso3 for m in found if m.iso3 and m.role == "actor"}
        summary.append({"article_id": article_id, "n_mentions": len(found), "n_states": len(states)})
    frame = entity_mentions_frame(mentions) if mentions else pl.DataFrame(schema=ENTITY_MENTIONS_SCHEMA)
    return (frame, pl.DataFrame(summary, schema=SUMMARY_SCHEMA),
            pl.DataFrame(failures, schema=FAILURE_SCHEMA))
