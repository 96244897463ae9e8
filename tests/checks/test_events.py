"""The event-mention suite (real GX): a date far from publication is history, a batch of them is a bug."""

from __future__ import annotations

import datetime as dt

import polars as pl

from checks.events import validate_mentions
from peristiwa.events import load_cameo
from pipelines.resources import QualityGates

PUBLISHED = dt.date(2017, 8, 16)


def _batch(n: int, n_old: int) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    cameo = load_cameo()
    goldstein = cameo.codes["042"].goldstein
    rows = [{
        "mention_id": f"m{i}", "article_id": "a1", "sentence_index": i, "cameo_code": "042",
        "goldstein": goldstein, "sentence_text": f"Kalimat {i}.",
        "event_date": dt.date(1960, 7, 1) if i < n_old else PUBLISHED, "published_date": PUBLISHED,
        **{f"{p}_{f}": None for p in ("trigger", "source", "target") for f in ("start", "end")},
        **{f"{p}_text": None for p in ("trigger", "source", "target")},
    } for i in range(n)]
    spans = ("trigger", "source", "target")
    types = {f"{p}_{f}": pl.Int64 for p in spans for f in ("start", "end")}
    mentions = pl.DataFrame(rows, schema_overrides=types | {f"{p}_text": pl.String for p in spans})
    summary = pl.DataFrame({"article_id": ["a1"]})
    articles = pl.DataFrame({"article_id": ["a1"], "title": ["Judul"], "text": ["Teks."]})
    return mentions, summary, articles


def test_a_historical_date_or_two_passes_but_a_systematic_shift_fails():
    gates = QualityGates()
    few_old = validate_mentions(*_batch(40, 1), load_cameo(), gates)
    assert few_old.passed
    many_old = validate_mentions(*_batch(40, 20), load_cameo(), gates)
    assert not many_old.passed
    assert [e.column for e in many_old.expectations if not e.passed] == ["date_in_window"]
