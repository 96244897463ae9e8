"""Score predicted event mentions against any gold CSV in the seed-gold format
(../shared/gold/seeds_events.csv, ../shared/gold/dev_events.csv).

Actors (sides). A side is keyed by its country (`*_iso3`) or, when `*_iso3` is empty, by its IGO code in
`*_sector` (EUR, UNO, ASN, NATO, OIC, ARL, GCC, AFU, IGO: see ../shared/gold/dev_events_README.md).
Predictions carry IGOs the same way (`*_iso3` NULL or '', the code in `*_sector`); where they also carry
`source_actor_type`/`target_actor_type` (state / igo / nonstate) those decide, and an IGO code outside the
gold's list is scored as the catch-all IGO. Any other side has no key: groups of states ("negara-negara
Teluk": iso3 empty, sector GOV or WST), non-state actors (REB, CVL, UNK, ...). A gold row with an unkeyed side
is never matched by a prediction (such rows are `optional` by convention), and a prediction with an
unkeyed side is out of scope.

Scope (which predictions are scored; scope='counted', the default): what the system asserts: positive
polarity, modality asserted/historical/intent/future, not a headline/subheading, both sides keyed and
different. `actors` narrows it:
  * 'all'   (default) state<->state, state<->IGO and IGO<->IGO predictions, against every gold row;
  * 'state' state<->state only, and the gold rows with an IGO side are left out on both sides. This is the
            scope of releases before IGO scoring, minus their unscorable IGO `yes` rows (which they counted as
            misses), so it is the number to compare with earlier releases.
scope='all' scores every prediction with two different keyed sides whatever its modality or polarity.

Matching, per article. A prediction is compared to gold rows with the same (source key, target key) whose
code is accepted at the level being scored: the same CAMEO root (root level) or the exact code (code level),
where a row's `alt_codes` are accepted too. Text-aware first: a gold row "text-matches" when a fragment of
its `trigger_id` (split on ';' and '...') occurs in the prediction's sentence.
  1. text-matched unclaimed `yes` row         -> hit (the row is claimed)
  2. text-matched `optional` row              -> neutral (neither a miss nor a false positive)
  3. text-matched `no` row (negative control) -> false positive and negative_control_fp
  4. text-matched `yes` row already claimed   -> neutral duplicate (a re-mention of a scored event)
  5. key-only: unclaimed `yes` row            -> hit; optional or claimed `yes` -> neutral
  6. otherwise                                -> false positive
Unclaimed `yes` rows are misses. Cluster level: a gold cluster with `yes` rows is recalled when any of its
`yes` rows is hit; predictions are grouped per (article, source, target, root) and a group is a true
positive when any member hit a row, neutral when all members are neutral, else a false positive.

Splits. A split file (YAML, `frozen_articles: [article ids]`) divides a gold set into a frozen part, scored
only to report, and a tuning part (every other article). dev_events.csv has one fixed in the repository:
peristiwa/events/data/dev_frozen.yaml.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from .coding.codes import nationals_target_counts

SCORED_MODALITIES = frozenset({"asserted", "historical", "intent", "future"})
EXCLUDED_FLAGS = frozenset({"headline", "subheading"})
# IGO codes of the gold format (dev_events_README.md); 'IGO' is "any other IGO".
IGO_CODES = frozenset({"EUR", "UNO", "ASN", "NATO", "OIC", "ARL", "GCC", "AFU", "IGO"})
ACTOR_SCOPES = ("all", "state")
PARTS = ("all", "frozen", "tuning")
DEV_FROZEN_SPLIT = Path(__file__).parent / "data" / "dev_frozen.yaml"
# Gold files with a split fixed in the repository (file name -> split file).
DEFAULT_SPLITS = {"dev_events.csv": DEV_FROZEN_SPLIT}
# The headline numbers repeated for the state-only scope by `with_state_only`.
STATE_ONLY_KEYS = (
    "gold_yes",
    "predicted_mentions",
    "root_precision",
    "root_recall",
    "root_f1",
    "code_precision",
    "code_recall",
    "code_f1",
    "cluster_root_precision",
    "cluster_root_recall",
    "cluster_root_f1",
    "negative_control_fp",
)


def side_key(
    iso3: str | None, sector: str | None, actor_type: str | None = None, side: str = "target"
) -> str | None:
    """The key a side is matched on: its ISO3, else its IGO code, else None (group of states, non-state).

    With actor types (coder 2026.12+) the scored scope is what the coder counts: a non-state participant
    (company, media, expert, armed group) has no key even with a country, and citizens of a state are keyed
    only as the target of an act (a state acting against another state's nationals)."""
    iso3, sector = (iso3 or "").strip(), (sector or "").strip().upper()
    if actor_type == "nonstate" or (actor_type == "nationals" and side == "source"):
        return None
    if iso3:
        return iso3
    if actor_type:
        return (sector if sector in IGO_CODES else "IGO") if actor_type == "igo" else None
    return sector if sector in IGO_CODES else None


def _is_state(key: str | None, iso3: str | None) -> bool:
    return key is not None and key == (iso3 or "").strip()


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
    source_key: str | None = None
    target_key: str | None = None

    @property
    def keyed(self) -> bool:
        return self.source_key is not None and self.target_key is not None

    @property
    def state_dyad(self) -> bool:
        """Both sides are countries (the only rows kept by actors='state', besides unkeyed ones)."""
        return bool(self.source_iso3) and bool(self.target_iso3)

    @property
    def dyad(self) -> str:
        """SRC->TGT for people: the key, else the sector, else '?'."""
        src = self.source_key or self.raw.get("source_sector") or "?"
        tgt = self.target_key or self.raw.get("target_sector") or "?"
        return f"{src}->{tgt}"


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
            src_iso3 = (r.get("source_iso3") or "").strip()
            tgt_iso3 = (r.get("target_iso3") or "").strip()
            rows.append(
                GoldRow(
                    article_id=r["article_id"].strip(),
                    event_id=r.get("event_id", ""),
                    cluster_id=r.get("cluster_id", ""),
                    extract=(r.get("expected_extract") or "yes").strip().casefold(),
                    source_iso3=src_iso3,
                    target_iso3=tgt_iso3,
                    code=code,
                    codes=frozenset([code, *alts]),
                    quad_class=int(quad) if quad.isdigit() else None,
                    fragments=tuple(frags),
                    date_min=lo,
                    date_max=hi,
                    raw=r,
                    source_key=side_key(src_iso3, r.get("source_sector")),
                    target_key=side_key(tgt_iso3, r.get("target_sector")),
                )
            )
    return rows


def _as_dicts(predicted: pl.DataFrame | Sequence[Any]) -> list[dict[str, Any]]:
    if isinstance(predicted, pl.DataFrame):
        rows = predicted.to_dicts()
    else:
        rows = [dict(p) if isinstance(p, dict) else asdict(p) for p in predicted]
    for p in rows:  # copies: the caller's rows are left as they were
        p["_src"] = side_key(
            p.get("source_iso3"), p.get("source_sector"), p.get("source_actor_type"), "source"
        )
        p["_tgt"] = _target_key(p)
    return rows


def _target_key(p: dict[str, Any]) -> str | None:
    # nationals are a target only of a material act, as in the panels (coding.codes.nationals_target_counts)
    if p.get("target_actor_type") == "nationals" and not nationals_target_counts(p.get("cameo_code") or ""):
        return None
    return side_key(p.get("target_iso3"), p.get("target_sector"), p.get("target_actor_type"))


def _keyed(p: dict[str, Any]) -> tuple[str | None, str | None]:
    if "_src" in p:
        return p["_src"], p["_tgt"]
    return (
        side_key(p.get("source_iso3"), p.get("source_sector"), p.get("source_actor_type"), "source"),
        _target_key(p),
    )


def in_actor_scope(p: dict[str, Any], actors: str = "all") -> bool:
    """Both sides keyed and different; with actors='state', both sides are countries."""
    src, tgt = _keyed(p)
    if src is None or tgt is None or src == tgt:
        return False
    if actors == "state":
        return _is_state(src, p.get("source_iso3")) and _is_state(tgt, p.get("target_iso3"))
    return True


def scored(p: dict[str, Any], actors: str = "all") -> bool:
    """In the 'counted' scope: what the system asserts, between two keyed sides (see the module doc)."""
    flags = set(filter(None, str(p.get("sentence_flags") or "").split(",")))
    return (
        p.get("polarity") == "positive"
        and p.get("modality") in SCORED_MODALITIES
        and in_actor_scope(p, actors)
        and not flags & EXCLUDED_FLAGS
    )


def _accept(g: GoldRow, p: dict[str, Any], level: str, directed: bool = True) -> bool:
    if not g.keyed:
        return False
    if directed:
        if (g.source_key, g.target_key) != (p["_src"], p["_tgt"]):
            return False
    elif {g.source_key, g.target_key} != {p["_src"], p["_tgt"]}:
        return False
    if level == "root":
        return p["cameo_code"][:2] in {c[:2] for c in g.codes}
    return p["cameo_code"] in g.codes


def _text_match(g: GoldRow, sentence: str | None) -> bool:
    sent = _norm(sentence or "")
    return bool(sent) and any(f in sent for f in g.fragments)


# (outcome, prediction, gold row) per scored prediction, as _match returns them.
_Results = list[tuple[str, dict[str, Any], GoldRow | None]]


def _match(
    preds: list[dict[str, Any]], gold: list[GoldRow], level: str, directed: bool = True
) -> tuple[_Results, set[int]]:
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
        text = [(k, g) for k, g in cands if _text_match(g, p.get("sentence_text"))]
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


def _share(flags: Sequence[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def _gold_in_scope(gold_csv_path: Path | str, articles: Collection[str] | None, actors: str) -> list[GoldRow]:
    gold = read_gold(gold_csv_path)
    if articles is not None:
        keep = set(articles)
        gold = [g for g in gold if g.article_id in keep]
    if actors == "state":
        # Only rows with an IGO side go, so the numbers compare with releases before IGO scoring.
        gold = [g for g in gold if g.state_dyad or not g.keyed]
    return gold


def _predictions_in_scope(
    predicted_mentions: pl.DataFrame | Sequence[Any], gold_articles: set[str], scope: str, actors: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(every prediction of the gold articles, those scored): the diff shows the unscored ones too."""
    every = [p for p in _as_dicts(predicted_mentions) if p["article_id"] in gold_articles]
    if scope == "counted":
        preds = [p for p in every if scored(p, actors)]
    else:
        preds = [p for p in every if in_actor_scope(p, actors)]
    return every, preds


def _counts(
    actors: str, gold: list[GoldRow], yes: list[int], gold_articles: set[str], preds: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "actors": actors,
        "articles_scored": len(gold_articles),
        "gold_yes": len(yes),
        "gold_yes_igo": sum(not gold[k].state_dyad and gold[k].keyed for k in yes),
        "gold_yes_unkeyed": sum(not gold[k].keyed for k in yes),
        "gold_optional": sum(g.extract == "optional" for g in gold),
        "gold_negative_controls": sum(g.extract == "no" for g in gold),
        "predicted_mentions": len(preds),
        "predicted_igo_mentions": sum(
            not (_is_state(p["_src"], p.get("source_iso3")) and _is_state(p["_tgt"], p.get("target_iso3")))
            for p in preds
        ),
    }


def _mention_metrics(results: _Results, n_yes: int, level: str) -> dict[str, Any]:
    tp = sum(r[0] == "hit" for r in results)
    fp = sum(r[0] in ("fp", "nc_fp") for r in results)
    p_, r_, f_ = _prf(tp, fp, n_yes)
    return {f"{level}_precision": p_, f"{level}_recall": r_, f"{level}_f1": f_}


def _cluster_metrics(
    results: _Results, gold: list[GoldRow], claimed: set[int], level: str
) -> dict[str, Any]:
    yes_clusters = {(g.article_id, g.cluster_id) for g in gold if g.extract == "yes"}
    hit_clusters = {(gold[k].article_id, gold[k].cluster_id) for k in claimed}
    # Re-mentions of one event (same article, sides and root) count once on the prediction side.
    groups: dict[tuple[str, str, str, str], list[str]] = {}
    for outcome, p, _ in results:
        key = (p["article_id"], p["_src"], p["_tgt"], p["cameo_code"][:2])
        groups.setdefault(key, []).append(outcome)
    ctp = sum(any(o == "hit" for o in os) for os in groups.values())
    cfp = sum(all(o in ("fp", "nc_fp") for o in os) for os in groups.values())
    cprec = ctp / (ctp + cfp) if ctp + cfp else 0.0
    crec = len(hit_clusters) / len(yes_clusters) if yes_clusters else 0.0
    return {
        f"cluster_{level}_precision": round(cprec, 4),
        f"cluster_{level}_recall": round(crec, 4),
        f"cluster_{level}_f1": round(2 * cprec * crec / (cprec + crec), 4) if cprec + crec else 0.0,
    }


def _root_hit_metrics(
    results: _Results,
    claimed: set[int],
    preds: list[dict[str, Any]],
    gold: list[GoldRow],
) -> dict[str, Any]:
    """What the root-level hits got right beyond the code: quad class, date and direction."""
    hits = [(p, g) for o, p, g in results if o == "hit" and g is not None]
    quad = [p["quad_class"] == g.quad_class for p, g in hits if g.quad_class is not None]
    dated = [(p, g) for p, g in hits if g.date_min or g.date_max]
    within = [
        p.get("event_date") is not None
        and (g.date_min is None or p["event_date"] >= g.date_min)
        and (g.date_max is None or p["event_date"] <= g.date_max)
        for p, g in dated
    ]
    # Of the gold rows found when direction is ignored, the share also found with the right direction.
    _, und_claimed = _match(preds, gold, "root", directed=False)
    right = [k in claimed for k in und_claimed]
    return {
        "negative_control_fp": sum(r[0] == "nc_fp" for r in results),
        "quad_accuracy": _share(quad),
        "date_within_interval": _share(within),
        "direction_accuracy": _share(right),
    }


def _diff_rows(
    results: _Results,
    yes: list[int],
    claimed: set[int],
    context: _DiffContext,
) -> list[dict[str, Any]]:
    diff = [_diff_row(o, p, g, context) for o, p, g in results]
    diff += [_diff_row("miss", None, context.gold[k], context) for k in yes if k not in claimed]
    return diff


def score(
    predicted_mentions: pl.DataFrame | Sequence[Any],
    gold_csv_path: Path | str,
    scope: str = "counted",
    articles: Collection[str] | None = None,
    actors: str = "all",
    sentences: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """Metrics dict (plus '_diff' rows for write_diff).

    `articles` limits gold and predictions to those article ids (default: the gold articles); `actors` is
    'all' (state and IGO sides) or 'state' (see the module doc). `sentences` (article id -> its sentence
    texts) lets the diff show the sentence of each missed gold row.
    """
    if actors not in ACTOR_SCOPES:
        raise ValueError(f"actors must be one of {ACTOR_SCOPES}, not {actors!r}")
    gold = _gold_in_scope(gold_csv_path, articles, actors)
    gold_articles = {g.article_id for g in gold}
    every, preds = _predictions_in_scope(predicted_mentions, gold_articles, scope, actors)
    yes = [k for k, g in enumerate(gold) if g.extract == "yes"]
    out = _counts(actors, gold, yes, gold_articles, preds)
    diff: list[dict[str, Any]] = []
    for level in ("root", "code"):
        results, claimed = _match(preds, gold, level)
        out.update(_mention_metrics(results, len(yes), level))
        out.update(_cluster_metrics(results, gold, claimed, level))
        if level == "root":  # the diff and the hit details are of the root level
            out.update(_root_hit_metrics(results, claimed, preds, gold))
            diff = _diff_rows(results, yes, claimed, _DiffContext(gold, every, sentences or {}))
    out["_diff"] = diff
    return out


def with_state_only(result: dict[str, Any], state_only: dict[str, Any]) -> dict[str, Any]:
    """`result` (actors='all') plus the headline numbers of `state_only` (actors='state'), prefixed
    `state_only_`."""
    return {**result, **{f"state_only_{k}": state_only[k] for k in STATE_ONLY_KEYS}}


@dataclass
class _DiffContext:
    """What the diff shows around a row: the other gold rows and predictions of the same sentence."""

    gold: list[GoldRow]
    predictions: list[dict[str, Any]]  # every prediction of the scored articles, in scope or not
    sentences: Mapping[str, Sequence[str]]

    def sentence_of(self, g: GoldRow) -> str:
        return next((s for s in self.sentences.get(g.article_id, ()) if _text_match(g, s)), "")

    def gold_in(self, article_id: str, sentence: str) -> str:
        return "; ".join(
            f"{g.event_id} {g.extract} {g.dyad} {g.code}"
            for g in self.gold
            if g.article_id == article_id and _text_match(g, sentence)
        )

    def predictions_for(self, g: GoldRow) -> str:
        """What the coder said in the sentences of a gold row (also what the scope left out)."""
        return "; ".join(
            f"{p['_src'] or p.get('source_sector') or '?'}->{p['_tgt'] or p.get('target_sector') or '?'} "
            f"{p.get('cameo_code')} {p.get('modality')}/{p.get('polarity')}"
            + ("" if scored(p) else " (not scored)")
            for p in self.predictions
            if p["article_id"] == g.article_id and _text_match(g, p.get("sentence_text"))
        )


def _actors(p: dict[str, Any]) -> str:
    return f"{p.get('source_text') or ''} -> {p.get('target_text') or ''}" if p else ""


def _diff_row(
    outcome: str, p: dict[str, Any] | None, g: GoldRow | None, context: _DiffContext | None = None
) -> dict[str, Any]:
    p = p or {}
    raw = g.raw if g else {}
    sentence = p.get("sentence_text") or (context.sentence_of(g) if context and g else "")
    article = p.get("article_id") or (g.article_id if g else "")
    return {
        "outcome": outcome,
        "article_id": article,
        "gold_event_id": g.event_id if g else "",
        "gold_cluster": g.cluster_id if g else "",
        "gold_extract": g.extract if g else "",
        "gold_dyad": g.dyad if g else "",
        "gold_code": g.code if g else "",
        "gold_trigger": raw.get("trigger_id", ""),
        "pred_dyad": f"{p.get('_src') or p.get('source_iso3')}->{p.get('_tgt') or p.get('target_iso3')}"
        if p
        else "",
        "pred_code": p.get("cameo_code", ""),
        "pred_modality": p.get("modality", ""),
        "pred_date": str(p.get("event_date") or ""),
        "pred_trigger": p.get("trigger_text", ""),
        "pred_rule": p.get("rule", ""),
        "sentence": sentence,
        "gold_actors": f"{raw.get('source_actor', '')} -> {raw.get('target_actor', '')}" if g else "",
        "gold_alt_codes": raw.get("alt_codes", ""),
        "gold_modality": raw.get("modality", ""),
        "gold_notes": raw.get("notes", ""),
        "pred_actors": _actors(p),
        "pred_actor_types": f"{p.get('source_actor_type') or ''}->{p.get('target_actor_type') or ''}"
        if p.get("source_actor_type") or p.get("target_actor_type")
        else "",
        "pred_polarity": p.get("polarity", ""),
        # For a prediction: every gold row of its sentence (what the coder should have said there).
        "gold_in_sentence": context.gold_in(article, sentence) if context and p and sentence else "",
        # For a miss: what the coder did say in that sentence, scored or not.
        "predicted_in_sentence": context.predictions_for(g) if context and g and not p else "",
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


# --- splits -----------------------------------------------------------------------------------------------


class SplitError(ValueError):
    """A split file that cannot be used with the gold file (the message says why)."""


@dataclass(frozen=True)
class Split:
    """A gold set divided into a frozen part (scored only to report) and a tuning part (the rest)."""

    path: Path
    frozen: frozenset[str]

    def articles(self, gold_articles: Collection[str], part: str) -> list[str]:
        """The gold articles of `part` ('all', 'frozen' or 'tuning'), sorted."""
        if part not in PARTS:
            raise SplitError(f"part must be one of {PARTS}, not {part!r}")
        missing = sorted(self.frozen - set(gold_articles))
        if missing:
            raise SplitError(
                f"{self.path}: {len(missing)} frozen article(s) are not in the gold file, e.g. {missing[0]} "
                "(is this the split of another gold set?)"
            )
        keep = {
            "all": lambda a: True,
            "frozen": lambda a: a in self.frozen,
            "tuning": lambda a: a not in self.frozen,
        }[part]
        return sorted(a for a in set(gold_articles) if keep(a))


def load_split(path: Path | str) -> Split:
    """Read a split file: YAML with `frozen_articles`, a non-empty list of article ids."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SplitError(f"{path}: cannot read the split file: {exc}") from exc
    ids = data.get("frozen_articles") if isinstance(data, dict) else None
    if not isinstance(ids, list) or not ids or not all(isinstance(a, str) and a.strip() for a in ids):
        raise SplitError(f"{path}: needs `frozen_articles:`, a non-empty list of article ids")
    return Split(path, frozenset(a.strip() for a in ids))


def default_split(gold_csv_path: Path | str) -> Path | None:
    """The split fixed in the repository for this gold file (by file name), if any."""
    return DEFAULT_SPLITS.get(Path(gold_csv_path).name)


def gold_articles(gold_csv_path: Path | str) -> list[str]:
    """Article ids of a gold file, sorted."""
    return sorted({g.article_id for g in read_gold(gold_csv_path)})
