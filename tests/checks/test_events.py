"""The event-mention suite (real GX): a date far from publication is history, a batch of them is a bug."""

from __future__ import annotations

import datetime as dt

import polars as pl

from checks.events import MentionGate, validate_mentions
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


def _chunked(mentions: pl.DataFrame, articles: pl.DataFrame, size: int, gates: QualityGates):
    gate = MentionGate(load_cameo(), gates)
    for start in range(0, mentions.height, size):
        gate.add(mentions.slice(start, size), pl.DataFrame({"article_id": ["a1"]}), articles)
    return gate.outcome()


def _verdicts(outcome):
    return [(e.expectation, e.column, e.passed, e.unexpected_count) for e in outcome.expectations]


def test_a_batch_validated_in_chunks_gets_the_verdict_and_counts_of_the_whole_batch():
    gates = QualityGates()
    mentions, summary, articles = _batch(40, 4)
    mentions = mentions.with_columns(  # two codes not in the CAMEO table, in different chunks
        pl.when(pl.col("sentence_index").is_in([5, 33])).then(pl.lit("999")).otherwise(pl.col("cameo_code"))
        .alias("cameo_code"))
    whole = validate_mentions(mentions, summary, articles, load_cameo(), gates)
    chunked = _chunked(mentions, articles, 7, gates)
    assert not whole.passed and not chunked.passed
    assert _verdicts(chunked) == _verdicts(whole)
    assert chunked.batch_rows == whole.batch_rows == 40
    code = next(e for e in chunked.expectations if e.column == "cameo_code")
    assert code.unexpected_count == 2


def test_the_in_window_share_and_uniqueness_are_judged_over_the_batch_not_per_chunk():
    gates = QualityGates()
    # all 4 historical dates in the first chunk of 5 (0.2 in window alone); 0.9 of the batch is in window
    mentions, _, articles = _batch(40, 4)
    assert _chunked(mentions, articles, 5, gates).passed
    assert not validate_mentions(mentions.head(5), pl.DataFrame({"article_id": ["a1"]}), articles,
                                 load_cameo(), gates).passed
    # a mention id repeated in another chunk is a duplicate of the batch
    repeated = mentions.with_columns(
        pl.when(pl.col("sentence_index") == 30).then(pl.lit("m2")).otherwise(pl.col("mention_id"))
        .alias("mention_id"))
    outcome = _chunked(repeated, articles, 5, gates)
    assert not outcome.passed
    assert [e.column for e in outcome.expectations if not e.passed] == ["mention_id"]
