"""Score predicted event mentions against any gold CSV in the seed-gold format
(../shared/gold/seeds_events.csv).

Matching, per article. A prediction is compared to gold rows with the same (source_iso3, target_iso3) whose
code
is accepted at the level being scored: the same CAMEO root (root level) or the exact code (code level),
where a
row's `alt_codes` are accepted too. Text-aware first: a gold row "text-matches" when a fragment of its
`trigger_id` (split on ';' and '...') occurs in the prediction's sentence.
  1. text-matched unclaimed `yes` row         -> hit (the row is claimed)
  2. text-matched `optional` row              -> neutral (neither a miss nor a false positive)
  3. text-matched `no` row (negative control) -> false positive and negative_control_fp
  4. text-matched `yes` row already claimed   -> neutral duplicate (a re-mention of a scored event)
  5. key-only: unclaimed `yes` row            -> hit; optional or claimed `yes` -> neutral
  6. otherwise                                -> false positive
Unclaimed `yes` rows are misses. Cluster level: a gold cluster with `yes` rows is recalled when any of its
`yes`
rows is hit; predictions are grouped per (article, source, target, root) and a group is a true positive
when any
member hit a row, neutral when all members are neutral, else a false positive.

Which predictions are scored (scope='counted', the default): what the system asserts — positive polarity,
modality asserted/historical/intent/future, both countries known and different, not a headline/subheading.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

SCORED_MODALITIES = frozenset({"asserted", "historical", "intent", "future"})
EXCLUDED_FLAGS = frozenset({"headline", "subheading"})


@dataclass
class GoldRow:
    article_id: str
    event_id: str
    cluster_id: str
    extract: str
    source_iso3: str
    target_iso3: str
    code: str
    codes: frozenset[str]
    quad_class: int | None
    fragments: tuple[str, ...]
    date_min: dt.date | None
    date_max: dt.date | None
    raw: dict[str, str] = field(repr=False, default_factory=dict)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[“”\"'’‘]", "", s.casefold())).strip()


def _gold_date(value: str, end: bool) -> dt.date | None:
    value = (value or "").strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m[1]), int(m[2])
        if not end:
            return dt.date(y, mo, 1)
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return None


def read_gold(path: Path | str) -> list[GoldRow]:
    rows = []
    with Path(path).open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = (r.get("cameo_code") or "").strip()
            alts = [a.strip() for a in (r.get("alt_codes") or "").split(";") if a.strip()]
            frags = []
            for part in re.split(r";|\.\.\.|…", r.get("trigger_id") or ""):
                part = _norm(part)
                if len(part) >= 4:
                    frags.append(part[:40])
            lo = _gold_date(r.get("date_min", ""), False) or _gold_date(r.get("event_date", ""), False)
            hi = _gold_date(r.get("date_max", ""), True) or _gold_date(r.get("event_date", ""), True)
            quad = (r.get("quad_class") or "").strip()
            rows.append(
                GoldRow(
                    article_id=r["article_id"].strip(),
                    event_id=r.get("event_id", ""),
                    cluster_id=r.get("cluster_id", ""),
                    extract=(r.get("expected_extract") or "yes").strip().casefold(),
                    source_iso3=(r.get("source_iso3") or "").strip(),
                    target_iso3=(r.get("target_iso3") or "").strip(),
                    code=code,
                    codes=frozenset([code, *alts]),
                    quad_class=int(quad) if quad.isdigit() else None,
                    fragments=tuple(frags),
                    date_min=lo,
                    date_max=hi,
                    raw=r,
                )
            )
    return rows


def _as_dicts(predicted: pl.DataFrame | Sequence[Any]) -> list[dict[str, Any]]:
    if isinstance(predicted, pl.DataFrame):
        return predicted.to_dicts()
    return [p if isinstance(p, dict) else asdict(p) for p in predicted]


def scored(p: dict[str, Any]) -> bool:
    flags = set(filter(None, str(p.get("sentence_flags") or "").split(",")))
    return (
        p.get("polarity") == "positive"
        and p.get("modality") in SCORED_MODALITIES
        and bool(p.get("source_iso3"))
        and bool(p.get("target_iso3"))
        and p.get("source_iso3") != p.get("target_iso3")
        and not flags & EXCLUDED_FLAGS
    )


def _accept(g: GoldRow, p: dict[str, Any], level: str, directed: bool = True) -> bool:
    if directed:
        if (g.source_iso3, g.target_iso3) != (p["source_iso3"], p["target_iso3"]):
            return False
    elif {g.source_iso3, g.target_iso3} != {p["source_iso3"], p["target_iso3"]}:
        return False
    if level == "root":
        return p["cameo_code"][:2] in {c[:2] for c in g.codes}
    return p["cameo_code"] in g.codes


def _text_match(g: GoldRow, p: dict[str, Any]) -> bool:
    sent = _norm(p.get("sentence_text") or "")
    return bool(sent) and any(f in sent for f in g.fragments)


def _match(
    preds: list[dict[str, Any]], gold: list[GoldRow], level: str, directed: bool = True
) -> tuple[list[tuple[str, dict[str, Any], GoldRow | None]], set[int]]:
    """Returns ([(outcome, prediction, gold row)], claimed gold indices). Outcomes: hit, optional,
    duplicate, nc_fp, fp."""
    claimed: set[int] = set()
    results = []
    order = sorted(range(len(preds)), key=lambda i: -(preds[i].get("confidence") or 0))
    for i in order:
        p = preds[i]
        cands = [
            (k, g)
            for k, g in enumerate(gold)
            if g.article_id == p["article_id"] and _accept(g, p, level, directed)
        ]
        text = [(k, g) for k, g in cands if _text_match(g, p)]
        outcome: tuple[str, GoldRow | None] | None = None
        for pool in (text, cands):
            free_yes = sorted(
                [(k, g) for k, g in pool if g.extract == "yes" and k not in claimed],
                key=lambda kg: kg[1].code != p["cameo_code"],
            )
            if free_yes:
                claimed.add(free_yes[0][0])
                outcome = ("hit", free_yes[0][1])
            elif opt := [g for _, g in pool if g.extract == "optional"]:
                outcome = ("optional", opt[0])
            elif pool is text and (neg := [g for _, g in pool if g.extract == "no"]):
                outcome = ("nc_fp", neg[0])
            elif dup := [g for _, g in pool if g.extract == "yes"]:
                outcome = ("duplicate", dup[0])
            if outcome:
                break
        kind, row = outcome or ("fp", None)
        results.append((kind, p, row))
    return results, claimed


def _prf(tp: int, fp: int, n_gold: int) -> tuple[float, float, float]:
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return round(prec, 4), round(rec, 4), round(f1, 4)


def score(
    predicted_mentions: pl.DataFrame | Sequence[Any],
    gold_csv_path: Path | str,
    scope: str = "counted",
    articles: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Metrics dict (plus '_diff' rows for write_diff). `articles` limits gold to those article ids
    (default: the
    gold articles)."""
    gold = read_gold(gold_csv_path)
    if articles is not None:
        keep = set(articles)
        gold = [g for g in gold if g.article_id in keep]
    gold_articles = {g.article_id for g in gold}
    preds = [p for p in _as_dicts(predicted_mentions) if p["article_id"] in gold_articles]
    if scope == "counted":
        preds = [p for p in preds if scored(p)]
    yes = [k for k, g in enumerate(gold) if g.extract == "yes"]
    out: dict[str, Any] = {
        "gold_yes": len(yes),
        "gold_optional": sum(g.extract == "optional" for g in gold),
        "gold_negative_controls": sum(g.extract == "no" for g in gold),
        "predicted_mentions": len(preds),
    }
    diff: list[dict[str, Any]] = []
    for level in ("root", "code"):
        results, claimed = _match(preds, gold, level)
        tp = sum(r[0] == "hit" for r in results)
        fp = sum(r[0] in ("fp", "nc_fp") for r in results)
        p_, r_, f_ = _prf(tp, fp, len(yes))
        out.update({f"{level}_precision": p_, f"{level}_recall": r_, f"{level}_f1": f_})
        # Cluster level.
        yes_clusters = {(g.article_id, g.cluster_id) for g in gold if g.extract == "yes"}
        hit_clusters = {(gold[k].article_id, gold[k].cluster_id) for k in claimed}
        groups: dict[tuple[str, str, str, str], list[str]] = {}
        for outcome, p, _ in results:
            groups.setdefault(
                (p["article_id"], p["source_iso3"], p["target_iso3"], p["cameo_code"][:2]), []
            ).append(outcome)
        ctp = sum(any(o == "hit" for o in os) for os in groups.values())
        cfp = sum(all(o in ("fp", "nc_fp") for o in os) for os in groups.values())
        cprec = ctp / (ctp + cfp) if ctp + cfp else 0.0
        crec = len(hit_clusters) / len(yes_clusters) if yes_clusters else 0.0
        out.update(
            {
                f"cluster_{level}_precision": round(cprec, 4),
                f"cluster_{level}_recall": round(crec, 4),
                f"cluster_{level}_f1": round(2 * cprec * crec / (cprec + crec), 4) if cprec + crec else 0.0,
            }
        )
        if level == "root":
            out["negative_control_fp"] = sum(r[0] == "nc_fp" for r in results)
            hits = [(p, g) for o, p, g in results if o == "hit" and g is not None]
            quad = [p["quad_class"] == g.quad_class for p, g in hits if g.quad_class is not None]
            out["quad_accuracy"] = round(sum(quad) / len(quad), 4) if quad else 0.0
            dated = [(p, g) for p, g in hits if g.date_min or g.date_max]
            within = [
                p.get("event_date") is not None
                and (g.date_min is None or p["event_date"] >= g.date_min)
                and (g.date_max is None or p["event_date"] <= g.date_max)
                for p, g in dated
            ]
            out["date_within_interval"] = round(sum(within) / len(within), 4) if within else 0.0
            # Of the gold rows found when direction is ignored, the share also found with the right direction.
            _, und_claimed = _match(preds, gold, "root", directed=False)
            right = [k in claimed for k in und_claimed]
            out["direction_accuracy"] = round(sum(right) / len(right), 4) if right else 0.0
            for o, p, g in results:
                diff.append(_diff_row(o, p, g))
            for k in yes:
                if k not in claimed:
                    diff.append(_diff_row("miss", None, gold[k]))
    out["_diff"] = diff
    return out


def _diff_row(outcome: str, p: dict[str, Any] | None, g: GoldRow | None) -> dict[str, Any]:
    p = p or {}
    return {
        "outcome": outcome,
        "article_id": p.get("article_id") or (g.article_id if g else ""),
        "gold_event_id": g.event_id if g else "",
        "gold_cluster": g.cluster_id if g else "",
        "gold_extract": g.extract if g else "",
        "gold_dyad": f"{g.source_iso3}->{g.target_iso3}" if g else "",
        "gold_code": g.code if g else "",
        "gold_trigger": g.raw.get("trigger_id", "") if g else "",
        "pred_dyad": f"{p.get('source_iso3')}->{p.get('target_iso3')}" if p else "",
        "pred_code": p.get("cameo_code", ""),
        "pred_modality": p.get("modality", ""),
        "pred_date": str(p.get("event_date") or ""),
        "pred_trigger": p.get("trigger_text", ""),
        "pred_rule": p.get("rule", ""),
        "sentence": p.get("sentence_text", ""),
    }


def write_diff(result: dict[str, Any], path: Path | str) -> Path:
    """Per-row diff (hits, misses, false positives with their sentences) as CSV, misses and FPs first."""
    rows = sorted(
        result.get("_diff", []),
        key=lambda r: (
            {"miss": 0, "nc_fp": 1, "fp": 2, "hit": 3, "optional": 4, "duplicate": 5}.get(r["outcome"], 9),
            r["article_id"],
            r["gold_event_id"],
        ),
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = list(_diff_row("fp", None, None))
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(rows)
    return path


def format_metrics(result: dict[str, Any]) -> str:
    """One `name: value` per line (the CLI prints this)."""
    return "\n".join(f"{k}: {v}" for k, v in result.items() if not k.startswith("_"))
