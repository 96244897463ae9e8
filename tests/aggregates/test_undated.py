"""An undated article (no publication date) through the domain core into the panels: events take their dates
from the text where it gives absolute ones, and are otherwise unplaced with reason no_date."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.aggregates.dyads import placement_totals, refresh_dyads

from .helpers import insert, warehouse

UNDATED = (
    "Pasukan Iran menyerang Pakistan pada Senin (29/1/2024). "
    "Kemarin, Pakistan mengecam Iran. "
    "Baru-baru ini Presiden Rusia bertemu Presiden Iran di Moskow."
)


@pytest.fixture(scope="module")
def panels():
    from peristiwa.actors import load_knowledge, resolve_article
    from peristiwa.annotation.handmade import regex_sentences
    from peristiwa.events import cluster_events, code_article, load_cameo, load_dictionary, mentions_frame

    cameo = load_cameo()
    sentences = regex_sentences("undated", UNDATED)
    actors = resolve_article(sentences, None, load_knowledge())
    mentions = mentions_frame(
        code_article(sentences, actors, None, load_dictionary(cameo=cameo), cameo, text=UNDATED)
    )
    events = cluster_events(mentions)
    con = warehouse()
    insert(con, "event_mentions", [dict(m, run_id="r") for m in mentions.to_dicts()])
    insert(con, "events", [dict(e, run_id="r") for e in events.to_dicts()])
    insert(con, "articles_clean", [{"article_id": "undated", "published_date": None}])
    refresh_dyads(con, schema="main")
    return con


def test_events_with_an_absolute_date_in_the_text_are_placed(panels):
    assert panels.execute(
        "SELECT src_iso3, tgt_iso3, day, n_material_conflict FROM dyad_day"
    ).fetchall() == [("IRN", "PAK", dt.date(2024, 1, 29), 1)]


def test_events_dated_only_relative_to_the_unknown_writing_time_are_unplaced_no_date(panels):
    unplaced = panels.execute(
        "SELECT src_iso3, tgt_iso3, reason, event_date FROM v_dyad_unplaced_events ORDER BY ALL"
    ).fetchall()
    # "Kemarin" and "Baru-baru ini" count back from a publication date the article does not have.
    assert ("PAK", "IRN", "no_date", None) in unplaced
    assert {r[2] for r in unplaced} == {"no_date"} and len(unplaced) >= 2
    totals = placement_totals(panels)
    placed = panels.execute("SELECT sum(n_events) FROM dyad_month").fetchall()[0][0]
    assert placed + totals["no_date"] + totals["invalid_dyad"] == totals["counted"]
