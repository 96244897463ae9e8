"""Annotate cleaned articles with Stanza: sentences (headline included) and a per-article ledger."""

from __future__ import annotations

import json
from collections.abc import Callable

import polars as pl

from peristiwa.annotation.frame import SENTENCES_SCHEMA, sentences_frame
from peristiwa.annotation.records import Sentence
from peristiwa.annotation.stanza_convert import sentences_from_stanza
from peristiwa.nlp.pipeline import NlpSettings, annotate, annotation_signature

LEDGER_SCHEMA = {
    "article_id": pl.String(),
    "text_sha256": pl.String(),
    "models": pl.String(),
    "n_sentences": pl.Int32(),
    "n_tokens": pl.Int32(),
}


def annotation_signature_json(settings: NlpSettings) -> str:
    """The ledger's ``models`` value: which models (and repairs) produced an article's sentences."""
    return json.dumps(annotation_signature(settings), sort_keys=True)


def annotate_articles(
    articles: pl.DataFrame,
    settings: NlpSettings,
    chunk: int = 64,
    progress: Callable[[str], None] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sentences and ledger rows for `articles` (article_id, title, text, spans_json, text_sha256).

    Bodies and titles are sent to Stanza in chunks so each processor batches across documents; the
    headline becomes sentence -1 with offsets into the title.
    """
    models = annotation_signature_json(settings)
    sentences: list[Sentence] = []
    ledger = []
    rows = articles.to_dicts()
    for offset in range(0, len(rows), chunk):
        part = rows[offset:offset + chunk]
        bodies = annotate([r["text"] for r in part], settings)
        titled = [r for r in part if (r["title"] or "").strip()]
        titles = dict(zip((r["article_id"] for r in titled), annotate([r["title"] for r in titled], settings),
                          strict=True))
        for row, doc in zip(part, bodies, strict=True):
            spans = json.loads(row["spans_json"] or "[]")
            found = sentences_from_stanza(row["article_id"], doc, spans, text=row["text"])
            if row["article_id"] in titles:
                found = sentences_from_stanza(row["article_id"], titles[row["article_id"]], headline=True,
                                              text=row["title"]) + found
            sentences.extend(found)
            ledger.append({
                "article_id": row["article_id"],
                "text_sha256": row["text_sha256"],
                "models": models,
                "n_sentences": len(found),
                "n_tokens": sum(len(s.tokens) for s in found),
            })
        if progress:
            progress(f"annotated {min(offset + chunk, len(rows))}/{len(rows)} articles")
    frame = sentences_frame(sentences) if sentences else pl.DataFrame(schema=SENTENCES_SCHEMA)
    return frame, pl.DataFrame(ledger, schema=LEDGER_SCHEMA)
