"""The issue's "must show" on the shared seeds, and the bundled sample articles cleaning without residue."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import polars as pl
import pytest

from peristiwa.cleaning import ArticleInput, clean_article, clean_frame, residue_patterns

SAMPLES = Path(__file__).resolve().parents[2] / "peristiwa" / "sample_data" / "inbox"

# Publication dates the seeds state (see ../shared/gold/seeds_events_README.md); 000 states no year.
SEED_DATES = {
    "000": (None, "none"),
    "001": (dt.date(2024, 10, 14), "text_weekday_date"),
    "002": (dt.date(2021, 10, 19), "text_timestamp"),
    "003": (dt.date(2023, 10, 24), "text_weekday_date"),
    "004": (dt.date(2024, 1, 29), "text_weekday_date"),
}


def _residue(text: str, rules) -> dict[str, int]:
    return {
        name: len(re.findall(p, text)) for name, p in residue_patterns(rules).items() if re.search(p, text)
    }


@pytest.fixture(scope="module")
def seeds(shared_dir, rules):
    seed_dir = shared_dir / "corpus" / "seeds"
    files = sorted(seed_dir.glob("*.txt"))
    if not files:
        pytest.skip(f"seed corpus not found at {seed_dir} (set PERISTIWA_SHARED to the shared checkout)")
    return {
        p.name[:3]: clean_article(ArticleInput(p.stem, p.read_text(encoding="utf-8")), rules) for p in files
    }


def test_five_seeds_cleaned_without_residue(seeds, rules):
    assert sorted(seeds) == sorted(SEED_DATES)
    for key, art in seeds.items():
        assert art.text.strip(), key
        assert _residue(art.text, rules) == {}, key
        for bad in ("Baca Juga", "Exit mobile version", "Editor:", "Verified Writer", "(blq/rds)", "(RM)"):
            assert bad not in art.text, (key, bad)
        assert not re.search(r"\bIRNA[A-Za-z]", art.text), key


def test_seed_publication_dates(seeds):
    for key, (date, basis) in SEED_DATES.items():
        assert (seeds[key].published_date, seeds[key].published_date_basis) == (date, basis), key


def test_seed_metadata_and_structure(seeds):
    assert (seeds["000"].dateline_place, seeds["000"].publisher) == ("Jakarta", "Pahami.id")
    assert (seeds["003"].dateline_place, seeds["003"].publisher) == ("Moskow", "Republika")
    assert seeds["004"].title == "Sempat Ribut, Kini Iran-Pakistan Sepakati Kerja Sama Keamanan"
    assert seeds["004"].title not in seeds["004"].text
    assert "IRNA Diberitakan" in seeds["000"].text and "IRNA dua kapal" in seeds["000"].text
    caption = (
        "Pertemuan antara Jenderal Valery Gerasimov (kiri) dan Mayor Jenderal Mohammad Bagheri di Moskow."
    )
    assert seeds["002"].text.count(caption) == 1
    assert [s.kind for s in seeds["002"].spans] == ["caption"]
    assert [s.kind for s in seeds["004"].spans] == ["subheading"] * 3


def _sample_frame() -> pl.DataFrame:
    rows = [
        {"article_id": p.stem, "text": p.read_text(encoding="utf-8"), "source_path": str(p)}
        for p in sorted(SAMPLES.glob("*.txt"))
    ]
    for p in sorted(SAMPLES.glob("*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            rows.append(
                {
                    "article_id": r["id"],
                    "text": r["text"],
                    "title": r["title"],
                    "source": r["source"],
                    "url": r["url"],
                    "published": r["published"],
                    "source_path": str(p),
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            c: pl.String for c in ("article_id", "text", "title", "source", "url", "published", "source_path")
        },
    )


def test_sample_articles_clean_without_residue(rules):
    raw = _sample_frame()
    assert raw.height == 8
    clean, audit = clean_frame(raw, rules)
    assert clean.height == 8 and clean["article_id"].to_list() == raw["article_id"].to_list()
    assert clean.schema["published_date"] == pl.Date
    for row in clean.iter_rows(named=True):
        assert _residue(row["text"], rules) == {}, row["article_id"]
        assert row["published_date"] is not None, row["article_id"]
        assert len(row["text"].split()) > 60, row["article_id"]
    # every audit row points at a rule that exists in rules.yaml
    assert set(audit["rule_id"]) <= {r.id for r in rules.rules}
    assert {"read_also", "byline", "dateline", "glue_repair", "duplicate_caption", "initials"} <= set(
        audit["reason"]
    )
