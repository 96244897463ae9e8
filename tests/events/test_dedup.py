"""Clustering mentions into events, within and across articles."""

from __future__ import annotations

import datetime as dt

import polars as pl

from peristiwa.events import cluster_events, code_article, mentions_frame
from peristiwa.events.frame import EVENT_SCHEMA, MENTION_SCHEMA

from .helpers import code
from .ud import actors, plain


def _article(aid, sentences, cameo, dictionary, published):
    sents, ments, off = [], [], 0
    for i, (text, flags) in enumerate(sentences):
        s = plain(text, article_id=aid, index=i, offset=off, flags=frozenset(flags))
        sents.append(s)
        ments += actors(s, {"Iran": ("IRN", "GOV"), "Israel": ("ISR", "GOV"), "Pakistan": ("PAK", "GOV")})
        off += len(text) + 1
    return code_article(sents, ments, published, dictionary, cameo)


def test_frames_have_documented_schema(cameo, dictionary):
    evs = code(plain("Israel menyerang Iran pada 26 Oktober 2024."), cameo, dictionary)
    fr = mentions_frame(evs)
    assert fr.schema == pl.Schema(MENTION_SCHEMA)
    assert cluster_events(fr).schema == pl.Schema(EVENT_SCHEMA)
    assert cluster_events(mentions_frame([])).height == 0


def test_headline_and_body_mentions_merge_within_article(cameo, dictionary):
    ms = _article(
        "a",
        [("Israel Serang Iran", {"headline"}), ("Israel menyerang Iran pada 26 Oktober 2024.", ())],
        cameo,
        dictionary,
        dt.date(2024, 10, 27),
    )
    ev = cluster_events(mentions_frame(ms))
    assert ev.height == 1
    row = ev.row(0, named=True)
    assert (
        row["num_mentions"] == 2
        and row["counted_in_aggregates"]
        and row["event_date"] == dt.date(2024, 10, 26)
    )


def test_headline_only_event_is_not_counted(cameo, dictionary):
    ms = _article("a", [("Israel Serang Iran", {"headline"})], cameo, dictionary, dt.date(2024, 10, 27))
    assert not cluster_events(mentions_frame(ms))["counted_in_aggregates"].any()


def test_two_dated_strikes_in_one_article_stay_apart(cameo, dictionary):
    ms = _article(
        "a",
        [
            ("Iran menyerang Pakistan pada 17 Januari 2024.", ()),
            ("Iran menyerang Pakistan lagi pada 20 Maret 2024.", ()),
        ],
        cameo,
        dictionary,
        dt.date(2024, 3, 30),
    )
    assert cluster_events(mentions_frame(ms)).height == 2


def test_cross_article_merge_counts_articles_and_dates(cameo, dictionary):
    a = _article(
        "a", [("Israel menyerang Iran pada 26 Oktober 2024.", ())], cameo, dictionary, dt.date(2024, 10, 26)
    )
    b = _article(
        "b",
        [("Israel menyerang Iran pada Sabtu (26/10/2024).", ())],
        cameo,
        dictionary,
        dt.date(2024, 10, 28),
    )
    c = _article(
        "c", [("Israel menyerang Iran pada 1 Januari 2024.", ())], cameo, dictionary, dt.date(2024, 1, 2)
    )
    ev = cluster_events(mentions_frame(a + b + c)).sort("num_mentions", descending=True)
    assert ev.height == 2
    top = ev.row(0, named=True)
    assert (top["num_articles"], top["num_sources"], top["first_seen"], top["last_seen"]) == (
        2,
        2,
        dt.date(2024, 10, 26),
        dt.date(2024, 10, 28),
    )
    assert top["dedup_method"] == "cross-article"


def test_negated_event_kept_but_not_counted(cameo, dictionary):
    ms = _article(
        "a",
        [("Tidak pernah ada perang antara Iran dan Pakistan.", ())],
        cameo,
        dictionary,
        dt.date(2024, 1, 30),
    )
    ev = cluster_events(mentions_frame(ms))
    assert ev.height >= 1 and not ev["counted_in_aggregates"].any()


def test_actor_taken_from_the_headline_keeps_no_body_offsets(cameo, dictionary):
    """Offsets index the body, or the title for the headline (sentence_index < 0): a body sentence whose
    source comes from the headline ("Negara itu" -> Rusia) must not point its offsets into the body."""
    title, body = "Rusia Kecam Ukraina", "Negara itu juga menjatuhkan sanksi terhadap Ukraina."
    head = plain(title, article_id="a", index=-1, flags=frozenset({"headline"}))
    first = plain(body, article_id="a", index=0)
    spec = {"Rusia": ("RUS", "GOV"), "Ukraina": ("UKR", "GOV")}
    ms = code_article([head, first], actors(head, spec) + actors(first, spec), dt.date(2024, 1, 2),
                      dictionary, cameo, text=body)
    body_mentions = [m for m in ms if m.sentence_index == 0]
    assert any(m.source_text == "Rusia" for m in body_mentions)
    for m in ms:
        text = title if m.sentence_index < 0 else body
        for side in ("trigger", "source", "target"):
            start, end = getattr(m, f"{side}_start"), getattr(m, f"{side}_end")
            if start is not None:
                assert text[start:end] == getattr(m, f"{side}_text"), (side, m)
