"""Per-article quality facts of a cleaned batch: what is set aside, what still looks like boilerplate,
and which source each article belongs to (systemic checks compare a source with its own history).

Item-level problems never block a batch: an article whose cleaned text is out of bounds is set aside
(quarantined, reason ``cleaned_too_short`` / ``cleaned_too_long``) and the rest flows on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import polars as pl

from peristiwa.ingest.frames import delivery

SET_ASIDE_REASONS = ("cleaned_too_short", "cleaned_too_long")


def source_key(publisher: pl.Expr, source_path: pl.Expr) -> pl.Expr:
    """The publisher when cleaning found one, else the delivery the article came in."""
    return pl.coalesce(publisher, pl.lit("file:") + delivery(source_path))


def residue_hits(texts: list[str], residue: Mapping[str, str]) -> list[list[str]]:
    """Names of the residue patterns (rules.yaml `residue`) each cleaned text still matches.

    Python's `re`, not polars: the patterns use lookbehinds and possessive quantifiers.
    """
    compiled = [(name, re.compile(pattern)) for name, pattern in sorted(residue.items())]
    return [[name for name, regex in compiled if regex.search(text or "")] for text in texts]


def set_aside(clean: pl.DataFrame, min_chars: int, max_chars: int, rules_version: str) -> pl.DataFrame:
    """Reason and message for every cleaned article whose text length is out of bounds (others: null)."""
    n = pl.col("n_chars")
    return clean.with_columns(
        pl.when(n < min_chars).then(pl.lit("cleaned_too_short"))
        .when(n > max_chars).then(pl.lit("cleaned_too_long"))
        .otherwise(None).alias("set_aside_reason"),
        pl.when(n < min_chars).then(
            pl.format(f"after cleaning (rules {rules_version}) {{}} characters remain, fewer than "
                      f"min_clean_chars={min_chars}; cleaning_audit shows what was removed", n)
        ).when(n > max_chars).then(
            pl.format(f"after cleaning the text has {{}} characters, more than max_clean_chars={max_chars}; "
                      "split it into articles or raise the limit", n)
        ).otherwise(None).alias("set_aside_message"),
    )
