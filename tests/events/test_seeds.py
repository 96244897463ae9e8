"""Seed articles end to end without Stanza (regex sentences, no parse: the coder's linear fallback), scored
against ../shared/gold/seeds_events.csv. With trained models the pipeline gives parses and this path is the
floor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("PERISTIWA_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds_events.csv"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def seed_mentions(cameo, dictionary):
    if not (SEEDS.is_dir() and GOLD.exists()):
        pytest.skip(f"needs {SEEDS} and {GOLD} (set PERISTIWA_SHARED)")
    try:
        from peristiwa.actors import load_knowledge, resolve_article
        from peristiwa.annotation.handmade import regex_sentences
        from peristiwa.cleaning.clean import clean_article
        from peristiwa.cleaning.model import ArticleInput
        from peristiwa.cleaning.rules import load_rules
    except ImportError as exc:  # other modules of the pipeline not present in this checkout
        pytest.skip(f"cleaning/annotation/actors modules unavailable: {exc}")
    from peristiwa.events import code_article, mentions_frame

    rules, knowledge = load_rules(), load_knowledge()
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        art = clean_article(ArticleInput(f.stem, f.read_text(encoding="utf-8")), rules)
        sents = regex_sentences(f.stem, art.text, art.spans)
        ments = resolve_article(sents, art.published_date, knowledge)
        out += code_article(sents, ments, art.published_date, dictionary, cameo, text=art.text)
    return mentions_frame(out)


def test_seed_scores(seed_mentions, tmp_path):
    from peristiwa.events.evaluate import score, write_diff

    res = score(seed_mentions, GOLD)
    write_diff(res, tmp_path / "diff.csv")
    assert res["root_precision"] >= 0.85, res
    assert res["root_recall"] >= 0.80, res
    assert res["negative_control_fp"] == 0, res


def test_seed_events_checks(seed_mentions, cameo):
    from peristiwa.events import cluster_events

    ev = cluster_events(seed_mentions)
    counted = ev.filter(ev["counted_in_aggregates"])
    assert counted.height > 0
    assert (counted["source_iso3"] != counted["target_iso3"]).all()
    for row in seed_mentions.iter_rows(named=True):
        assert row["goldstein"] == cameo.get(row["cameo_code"]).goldstein
        assert 0 <= row["trigger_start"] < row["trigger_end"]
