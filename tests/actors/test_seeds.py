"""Seeds: every gold source/target iso3 of expected_extract=yes rows is resolved in the article (regex
tokens).


Until the Stanza models are in, sentences come from a regex tokenizer (no NER, no parse)
inside this test only.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pytest

from peristiwa.actors import load_knowledge, resolve_article
from peristiwa.annotation import regex_sentences

SHARED = Path(os.environ.get("PERISTIWA_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
# 000 has no publication date in its text; the gold README dates it 2024-11-04.
DATE_FALLBACK = {"000_d8e77fd429578957": dt.date(2024, 11, 4)}


@pytest.mark.skipif(
    not (SHARED / "gold" / "seeds_events.csv").is_file(), reason=f"shared data not found at {SHARED}"
)
def test_seed_recall_and_person_dates():
    from peristiwa.cleaning import ArticleInput, clean_article, load_rules

    k, rules = load_knowledge(), load_rules()
    gold: dict[str, set[str]] = {}
    with (SHARED / "gold" / "seeds_events.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["expected_extract"] == "yes":
                gold.setdefault(r["article_id"], set()).update(
                    x for x in (r["source_iso3"], r["target_iso3"]) if x
                )
    wanted = found = 0
    for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):
        art = clean_article(ArticleInput(article_id=path.stem, text=path.read_text(encoding="utf-8")), rules)
        date = art.published_date or DATE_FALLBACK[path.stem]
        mentions = resolve_article(regex_sentences(path.stem, art.text, art.spans), date, k)
        for m in mentions:
            assert art.text[m.start_char : m.end_char] == m.text
            assert m.iso3 == "" or m.iso3 in k.iso3
            if m.method == "dated_person":
                assert any(r.iso3 == m.iso3 for r in k.roles_at(m.actor_id.removeprefix("PERSON:"), date))
        resolved = {m.iso3 for m in mentions if m.iso3}
        wanted += len(gold.get(path.stem, set()))
        found += len(gold.get(path.stem, set()) & resolved)
    assert found / wanted >= 0.95
