"""The raw and clean gates (real GX): item problems never block, systemic ones do, from a minimum size."""

from __future__ import annotations

import polars as pl

from checks.cleaned import validate_clean
from checks.raw import validate_accounting, validate_quarantine_rate
from pipelines.cli import CLEAN_CHECKS, RAW_CHECKS
from pipelines.resources import QualityGates

GATES = QualityGates()


def _outcomes(rows: list[tuple[str, int | None, str, str | None, str | None]]) -> pl.DataFrame:
    """(source_path, line_no, outcome, reason, article_id) -> the ingest_log frame the checks read."""
    return pl.DataFrame(
        [{"source_path": p, "line_no": n, "file_sha256": "sha-" + p, "outcome": o, "reason": r,
          "article_id": a} for p, n, o, r, a in rows],
        schema={"source_path": pl.String, "line_no": pl.Int64, "file_sha256": pl.String,
                "outcome": pl.String, "reason": pl.String, "article_id": pl.String},
    )


def test_a_few_html_pages_are_item_problems_a_delivery_of_them_is_systemic():
    few = _outcomes([(f"scraper/{i}.txt", None, "quarantined", "html", None) for i in range(5)])
    assert validate_accounting(few, GATES).passed  # 5 files never look systemic

    many = _outcomes([(f"scraper/{i}.txt", None, "quarantined", "html", None) for i in range(20)]
                     + [(f"good/{i}.txt", None, "ingested", None, f"a{i}") for i in range(50)])
    outcome = validate_accounting(many, GATES)
    assert not outcome.passed
    (failed,) = [e for e in outcome.expectations if not e.passed]
    assert failed.column == "html_share"
    assert {i["source_path"] for i in failed.items} == {f"scraper/{i}.txt" for i in range(20)}
    assert {i["reason"] for i in failed.items} == {"html"}


def test_a_batch_mostly_copies_of_itself_is_systemic_duplicates_of_old_articles_are_not():
    copies = _outcomes([("feed.jsonl", 1, "ingested", None, "a1")]
                       + [("feed.jsonl", n, "duplicate", None, "a1") for n in range(2, 30)])
    outcome = validate_accounting(copies, GATES)
    assert not outcome.passed
    (failed,) = [e for e in outcome.expectations if not e.passed]
    assert failed.column == "self_duplicate_share" and len(failed.items) == 28
    assert failed.items[0]["reason"] == "copy of feed.jsonl"

    redelivered = _outcomes([("feed.jsonl", n, "duplicate", None, f"old{n}") for n in range(1, 30)])
    assert validate_accounting(redelivered, GATES).passed


def test_quarantine_rate_is_advisory():
    bad = _outcomes([(f"x/{i}.txt", None, "quarantined", "too_short", None) for i in range(25)])
    outcome = validate_quarantine_rate(bad, GATES)
    assert not outcome.passed and not outcome.blocks and len(outcome.expectations[0].items) == 25


def _clean_batch(source: str, n: int, *, dated: int, residue: int) -> pl.DataFrame:
    return pl.DataFrame({
        "article_id": [f"{source}-{i}" for i in range(n)],
        "text": ["Teks bersih yang cukup panjang. " * 5] * n,
        "n_chars": [160] * n,
        "published_date_basis": ["text_weekday_date" if i < dated else "none" for i in range(n)],
        "source": [source] * n,
        "dated": [i < dated for i in range(n)],
        "residue": [["read_also"] if i < residue else [] for i in range(n)],
        "has_residue": [i < residue for i in range(n)],
        "source_path": [f"{source}/{i}.txt" for i in range(n)],
        "line_no": [None] * n,
    }, schema_overrides={"residue": pl.List(pl.String), "line_no": pl.Int64})


def _history(source: str, n: int, *, dated: int) -> pl.DataFrame:
    return pl.DataFrame({"source": [source] * n, "dated": [i < dated for i in range(n)],
                         "has_residue": [False] * n},
                        schema={"source": pl.String, "dated": pl.Boolean, "has_residue": pl.Boolean})


def test_undated_articles_are_normal_but_a_source_that_stops_yielding_dates_is_not():
    no_history = _history("x", 0, dated=0)
    assert validate_clean(_clean_batch("Baru", 30, dated=0, residue=0), no_history, GATES).passed
    undated_source = _history("Blog", 100, dated=3)
    assert validate_clean(_clean_batch("Blog", 30, dated=0, residue=0), undated_source, GATES).passed

    usually_dated = _history("Kompas", 100, dated=99)
    broken = validate_clean(_clean_batch("Kompas", 30, dated=5, residue=0), usually_dated, GATES)
    assert not broken.passed
    (failed,) = [e for e in broken.expectations if not e.passed]
    assert failed.column == "date_share_drop" and len(failed.items) == 25
    assert "usually dated: 99%" in failed.items[0]["reason"]
    # too few articles in the batch to judge a collapse
    assert validate_clean(_clean_batch("Kompas", 10, dated=0, residue=0), usually_dated, GATES).passed


def test_residue_in_one_article_of_twenty_passes_in_most_of_a_source_fails():
    history = _history("x", 0, dated=0)
    assert validate_clean(_clean_batch("Situs", 20, dated=20, residue=1), history, GATES).passed
    outcome = validate_clean(_clean_batch("Situs", 50, dated=50, residue=50), history, GATES)
    assert not outcome.passed
    (failed,) = [e for e in outcome.expectations if not e.passed]
    assert failed.column == "residue_share_rise" and len(failed.items) == 50
    assert failed.items[0] == {"source_path": "Situs/0.txt", "line_no": None, "article_id": "Situs-0",
                               "reason": "boilerplate left: read_also"}


def test_the_cli_knows_every_blocking_input_check():
    from checks import cleaned, raw

    blocking = {spec.name for spec in raw.SPECS + cleaned.SPECS if spec.blocking}
    assert set(RAW_CHECKS + CLEAN_CHECKS) == blocking
