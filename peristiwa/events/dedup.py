"""Cluster event mentions into deduplicated real-world events (within and across articles).

Key: (source, target, CAMEO root), source/target = ISO3, else actor_id. Mentions with the same key merge
  * within an article (headline, caption, quote and paraphrase, re-mention) unless both carry explicit dates
    whose intervals do not overlap (two different strikes in one story stay apart);
  * across articles when their date intervals, widened by `window_days`, overlap (Phoenix's one-a-day key,
    generalised to intervals). Undated mentions never merge across articles.
Counts (num_mentions, num_articles, num_sources, first_seen, last_seen) are over *all* member mentions, unlike
GDELT's first-15-minutes counts.

counted_in_aggregates (decision): an event counts when its representative mention is positive, its modality is
asserted, historical or intent (a stated promise/agreement is itself an act: CAMEO 03x), the source is a state
and the target a state or another state's nationals (source_actor_type / target_actor_type: companies, media,
experts and armed groups carry a country but are not states; IGOs have no country), the two countries differ,
and at least one member mention is body text (a headline or caption alone is a
repeat, not evidence). Negated, hypothetical, rumoured, future and generic events are kept but not counted.
Sector is not used: CAMEO/GDELT code state-vs-rebel strikes at country level (IRN -> PAK for strikes on
militants).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import polars as pl

from .coder import COUNTED_MODALITIES
from .coding.codes import nationals_target_counts
from .frame import EVENT_SCHEMA

PRECISION_RANK = {"day": 0, "month": 1, "range": 2, "approx": 3, "unknown": 4, "none": 5}
EXPLICIT_BASES = ("explicit", "relative", "weekday")


def _interval(r: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    d = r.get("event_date")
    if d is None:
        return None
    return (r.get("date_min") or d, r.get("date_max") or d)


def _explicit(r: dict[str, Any]) -> bool:
    return str(r.get("date_basis") or "").startswith(EXPLICIT_BASES)


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date], window: int) -> bool:
    w = dt.timedelta(days=window)
    return a[0] - w <= b[1] and b[0] - w <= a[1]


def _mention_counted(r: dict[str, Any]) -> bool:
    # Actor types (coder 2026.12+): a state source, and a state target or another state's nationals undergoing
    # a material act. Mentions coded before actor types were recorded have none and fall back to "both sides
    # have a country".
    source_type, target_type = r.get("source_actor_type"), r.get("target_actor_type")
    typed = (source_type in (None, "", "state")) and (
        target_type in (None, "", "state")
        or (target_type == "nationals" and nationals_target_counts(r["cameo_code"]))
    )
    return (
        r["modality"] in COUNTED_MODALITIES
        and r["polarity"] == "positive"
        and typed
        and bool(r["source_iso3"])
        and bool(r["target_iso3"])
        and r["source_iso3"] != r["target_iso3"]
    )


# Columns an event takes from its representative mention (what happened and between whom).
_REP_COLUMNS = (
    "cameo_code",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover_category",
    "source_iso3",
    "target_iso3",
    "source_sector",
    "target_sector",
    "source_actor_id",
    "target_actor_id",
    "pair_id",
    "modality",
    "polarity",
)
# Columns an event takes from its most precisely dated mention (when it happened).
_DATE_COLUMNS = ("event_date", "date_min", "date_max", "date_precision")


class _UnionFind:
    """Disjoint sets over mention indices, with path halving."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(j)] = self.find(i)


def _merge_key(r: dict[str, Any]) -> tuple[str, str, str]:
    # Countries first, so that mentions naming the same state through different actors still merge.
    return (
        r["source_iso3"] or r["source_actor_id"] or r["source_text"] or "?",
        r["target_iso3"] or r["target_actor_id"] or r["target_text"] or "?",
        r["cameo_root"],
    )


def _groups_by_key(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], list[int]]:
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault(_merge_key(r), []).append(i)
    return groups


def _link_pair(ri: dict[str, Any], rj: dict[str, Any], window_days: int) -> str | None:
    """How two same-key mentions merge: "within", "cross" (article), or None when they stay apart."""
    ii, ij = _interval(ri), _interval(rj)
    if ri["article_id"] == rj["article_id"]:
        # Within a story only two explicit, disjoint dates prove two different events.
        if ii and ij and _explicit(ri) and _explicit(rj) and not _overlap(ii, ij, 0):
            return None
        return "within"
    # Across stories the dates must meet; undated mentions never merge.
    if not (ii and ij and _overlap(ii, ij, window_days)):
        return None
    return "cross"


def _link_mentions(rows: list[dict[str, Any]], window_days: int) -> tuple[_UnionFind, set[int]]:
    """Union same-key mentions that may be one event; also return the roots joined across articles."""
    uf = _UnionFind(len(rows))
    find = uf.find
    cross: set[int] = set()
    for idx in _groups_by_key(rows).values():
        for a_pos, i in enumerate(idx):
            for j in idx[a_pos + 1 :]:
                link = _link_pair(rows[i], rows[j], window_days)
                if link is None:
                    continue
                if link == "cross":
                    cross.add(find(i))
                    cross.add(find(j))
                uf.union(i, j)
    return uf, cross


def _clusters(uf: _UnionFind, n: int) -> list[list[int]]:
    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(uf.find(i), []).append(i)
    return list(clusters.values())


def _representative(ms: list[dict[str, Any]]) -> dict[str, Any]:
    # Prefer a countable, body-text, confident mention with the most specific code.
    return min(
        ms,
        key=lambda r: (
            not _mention_counted(r),
            bool(r["sentence_flags"]),
            -(r["confidence"] or 0),
            -len(r["cameo_code"]),
        ),
    )


def _best_dated(ms: list[dict[str, Any]], rep: dict[str, Any]) -> dict[str, Any]:
    dated = [r for r in ms if r["event_date"] is not None]
    if not dated:
        return rep
    return min(dated, key=lambda r: (PRECISION_RANK.get(r["date_precision"], 9), not _explicit(r)))


def _event_row(ms: list[dict[str, Any]], has_publisher: bool, cross_linked: bool) -> dict[str, Any]:
    rep = _representative(ms)
    best_date = _best_dated(ms, rep)
    pubs = [r["published_date"] for r in ms if r.get("published_date")]
    # A headline or caption alone repeats a story; only body text is evidence.
    body = any(not r["sentence_flags"] for r in ms)
    articles = {r["article_id"] for r in ms}
    mids = sorted(r["mention_id"] for r in ms)
    return {
        "event_id": hashlib.sha1("|".join(mids).encode()).hexdigest()[:16],
        **{k: rep[k] for k in _REP_COLUMNS},
        **{k: best_date[k] for k in _DATE_COLUMNS},
        "num_mentions": len(ms),
        "num_articles": len(articles),
        "num_sources": len({r["publisher"] for r in ms}) if has_publisher else len(articles),
        "first_seen": min(pubs) if pubs else None,
        "last_seen": max(pubs) if pubs else None,
        "mention_ids": mids,
        "counted_in_aggregates": _mention_counted(rep) and body,
        "dedup_method": "cross-article" if cross_linked and len(articles) > 1 else "within-article",
    }


def cluster_events(mentions: pl.DataFrame, window_days: int = 1) -> pl.DataFrame:
    if mentions.is_empty():
        return pl.DataFrame(schema=EVENT_SCHEMA)
    rows = mentions.to_dicts()
    uf, cross = _link_mentions(rows, window_days)
    has_publisher = "publisher" in mentions.columns
    out = [
        _event_row([rows[i] for i in members], has_publisher, uf.find(members[0]) in cross)
        for members in _clusters(uf, len(rows))
    ]
    return pl.DataFrame(out, schema=EVENT_SCHEMA, orient="row").sort("event_id")
