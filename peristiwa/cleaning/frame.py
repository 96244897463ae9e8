"""Polars wrapper: clean a frame of raw articles into (clean, audit) frames."""

from __future__ import annotations

import json

import polars as pl

from .clean import clean_article
from .model import ArticleInput
from .rules import CleaningRules

CLEAN_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "title": pl.String(),
    "title_basis": pl.String(),
    "publisher": pl.String(),
    "publisher_basis": pl.String(),
    "dateline_place": pl.String(),
    "published_date": pl.Date(),
    "published_date_basis": pl.String(),
    "published_date_text": pl.String(),
    "text": pl.String(),
    "spans_json": pl.String(),
    "n_removals": pl.Int64(),
    "rules_version": pl.String(),
}
AUDIT_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "rule_id": pl.String(),
    "reason": pl.String(),
    "text": pl.String(),
    "line_no": pl.Int64(),
}
RAW_COLUMNS = ("article_id", "text", "title", "source", "url", "published", "source_path", "file_mtime")


def clean_frame(
    raw: pl.DataFrame, rules: CleaningRules, *, date_from_file_mtime: bool = False
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One clean row per input row, one audit row per Removal. Missing optional columns count as null."""
    missing = [c for c in ("article_id", "text") if c not in raw.columns]
    if missing:
        raise ValueError(f"clean_frame: raw frame lacks required column(s) {missing}")
    cols = {c: (raw[c].to_list() if c in raw.columns else [None] * raw.height) for c in RAW_COLUMNS}
    clean_cols: dict[str, list] = {name: [] for name in CLEAN_SCHEMA}
    audit_cols: dict[str, list] = {name: [] for name in AUDIT_SCHEMA}
    for i in range(raw.height):
        art = ArticleInput(
            article_id=str(cols["article_id"][i]),
            text=cols["text"][i] or "",
            title=cols["title"][i],
            source=cols["source"][i],
            url=cols["url"][i],
            published=cols["published"][i],
            source_path=cols["source_path"][i] or "",
            file_mtime=cols["file_mtime"][i],
        )
        c = clean_article(art, rules, date_from_file_mtime=date_from_file_mtime)
        for name in (
            "article_id",
            "title",
            "title_basis",
            "publisher",
            "publisher_basis",
            "dateline_place",
            "published_date",
            "published_date_basis",
            "published_date_text",
            "text",
            "rules_version",
        ):
            clean_cols[name].append(getattr(c, name))
        clean_cols["spans_json"].append(
            json.dumps([{"kind": s.kind, "start": s.start, "end": s.end} for s in c.spans])
        )
        clean_cols["n_removals"].append(len(c.removals))
        for r in c.removals:
            audit_cols["article_id"].append(c.article_id)
            audit_cols["rule_id"].append(r.rule_id)
            audit_cols["reason"].append(r.reason)
            audit_cols["text"].append(r.text)
            audit_cols["line_no"].append(r.line_no)
    return pl.DataFrame(clean_cols, schema=CLEAN_SCHEMA), pl.DataFrame(audit_cols, schema=AUDIT_SCHEMA)
