"""Blocking GX checks gating `sentences` and `entity_mentions`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import dagster as dg
import polars as pl

from checks.gx import SuiteOutcome, combine, merge_chunks, run_suite, skipped
from peristiwa.actors import Knowledge
from pipelines.resources import QualityGates

SENTENCES_CHECK = "sentences_valid"
MENTIONS_CHECK = "entity_mentions_valid"

SENTENCE_SPECS = [
    dg.AssetCheckSpec(
        SENTENCES_CHECK, asset="sentences", blocking=True,
        description="Every annotated article has sentences; sentence offsets are in bounds and match "
        "the text.",
    ),
]
MENTION_SPECS = [
    dg.AssetCheckSpec(
        MENTIONS_CHECK, asset="entity_mentions", blocking=True,
        description="Mention offsets match the text, every iso3 is valid, no person outside their role's "
        "dates, and foreign-affairs articles resolve at least one state (share judged from "
        "gates.min_systemic_items such articles).",
    ),
]


def _offsets_match() -> pl.Expr:
    """True where `text` equals the article text (title for sentence -1) at [start_char, end_char)."""
    source = pl.when(pl.col("sentence_index") < 0).then(pl.col("title")).otherwise(pl.col("body"))
    length = pl.col("end_char") - pl.col("start_char")
    return (
        (pl.col("start_char") >= 0)
        & (length > 0)
        & (pl.col("end_char") <= source.str.len_chars())
        & (source.str.slice(pl.col("start_char"), length) == pl.col("text"))
    ).fill_null(False)


def _with_source(rows: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    texts = articles.select("article_id", pl.col("text").alias("body"), pl.col("title").fill_null(""))
    joined = rows.join(texts, on="article_id", how="left")
    return joined.with_columns(_offsets_match().alias("offsets_match"))


def validate_sentences(sentences: pl.DataFrame, ledger: pl.DataFrame, articles: pl.DataFrame) -> SuiteOutcome:
    if ledger.height == 0:
        return skipped(SENTENCES_CHECK, "no new or changed articles to annotate")
    frame = _with_source(sentences, articles).select(
        "article_id", "sentence_index", "offsets_match", "conllu"
    )
    per_article = ledger.select("article_id", "n_sentences")

    def build(gxe):
        return [
            gxe.ExpectColumnValuesToBeInSet(column="offsets_match", value_set=[True]),
            gxe.ExpectColumnValuesToNotBeNull(column="conllu"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["article_id", "sentence_index"]),
        ]

    coverage = run_suite(
        SENTENCES_CHECK, per_article,
        lambda gxe: [gxe.ExpectColumnValuesToBeBetween(column="n_sentences", min_value=1)],
    )
    return combine(SENTENCES_CHECK, [run_suite(SENTENCES_CHECK, frame, build), coverage])


def combine_chunks(outcomes: list[SuiteOutcome]) -> SuiteOutcome:
    """The check result of a stage published in chunks: passed if every chunk passed; the expectations shown
    are those of the first failing chunk (else of the last one), the row count is the total."""
    if not outcomes:
        return skipped(SENTENCES_CHECK, "no new or changed articles to publish")
    failing = [o for o in outcomes if not o.passed]
    shown = failing[0] if failing else outcomes[-1]
    note = shown.note if len(outcomes) == 1 else f"{len(outcomes)} chunks validated, {len(failing)} failed"
    return SuiteOutcome(shown.check_name, not failing, sum(o.batch_rows for o in outcomes),
                        shown.expectations, note)


def _person_in_role(mentions: pl.DataFrame, knowledge: Knowledge) -> list[bool]:
    ok = []
    for method, actor_id, date in mentions.select("method", "actor_id", "resolved_for_date").iter_rows():
        if method != "dated_person" or not actor_id.startswith("PERSON:"):
            ok.append(True)
            continue
        on: dt.date | None = date
        ok.append(on is not None and bool(knowledge.roles_at(actor_id.removeprefix("PERSON:"), on)))
    return ok


def _foreign_affairs_coverage(
    summary: pl.DataFrame, articles: pl.DataFrame, knowledge: Knowledge
) -> pl.DataFrame:
    cues = sorted(knowledge.rules["foreign_affairs_cues"])
    pattern = r"(?i)\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b"
    texts = articles.select("article_id", pl.col("text").str.contains(pattern).alias("foreign_affairs"))
    return (
        summary.join(texts, on="article_id", how="left")
        .filter(pl.col("foreign_affairs"))
        .select("article_id", (pl.col("n_states") > 0).cast(pl.Int8).alias("has_state"))
    )


def _mention_rows_suite(mentions: pl.DataFrame, articles: pl.DataFrame, knowledge: Knowledge) -> SuiteOutcome:
    """The expectations about single mentions (offsets, iso3, person in role), over one chunk's mentions."""
    frame = _with_source(mentions, articles).with_columns(
        pl.Series("person_in_role", _person_in_role(mentions, knowledge), dtype=pl.Boolean)
    ).select("article_id", "text", "iso3", "offsets_match", "person_in_role")
    valid_iso3 = sorted(knowledge.iso3) + [""]
    return run_suite(MENTIONS_CHECK, frame, lambda gxe: [
        gxe.ExpectColumnValuesToBeInSet(column="offsets_match", value_set=[True]),
        gxe.ExpectColumnValuesToBeInSet(column="iso3", value_set=valid_iso3),
        gxe.ExpectColumnValuesToBeInSet(column="person_in_role", value_set=[True]),
    ])


class MentionGate:
    """`entity_mentions_valid` over a batch resolved in chunks, without holding the batch: `add` validates a
    chunk's mentions row by row (GX, on that chunk) and keeps only one number per foreign-affairs article;
    `outcome` merges the chunks and judges the share of foreign-affairs articles that resolve a state over
    the whole batch. The verdict, the counts and the share are those of validating the batch at once."""

    def __init__(self, knowledge: Knowledge, gates: QualityGates) -> None:
        self.knowledge, self.gates = knowledge, gates
        self.n_articles = 0
        self._rows: list[SuiteOutcome] = []
        self._has_state: list[pl.Series] = []

    def add(self, mentions: pl.DataFrame, summary: pl.DataFrame, articles: pl.DataFrame) -> None:
        """One chunk: its mentions, its summary (one row per resolved article), its articles' texts."""
        self.n_articles += summary.height
        if mentions.height:
            self._rows.append(_mention_rows_suite(mentions, articles, self.knowledge))
        coverage = _foreign_affairs_coverage(summary, articles, self.knowledge)
        if coverage.height:
            self._has_state.append(coverage["has_state"])

    def outcome(self) -> SuiteOutcome:
        if self.n_articles == 0:
            return skipped(MENTIONS_CHECK, "no new or re-annotated articles to resolve")
        outcomes = [merge_chunks(self._rows)] if self._rows else []
        coverage = pl.concat(self._has_state).to_frame() if self._has_state else pl.DataFrame()
        # The share is a systemic signal (broken dictionaries or NER), so like the other blocking shares it
        # is judged only on enough articles: in a small batch one stray cue word would stop the chain.
        share_judged = coverage.height >= self.gates.min_systemic_items
        if share_judged:
            outcomes.append(run_suite(MENTIONS_CHECK, coverage, lambda gxe: [
                gxe.ExpectColumnMeanToBeBetween(
                    column="has_state", min_value=self.gates.min_state_share_foreign_affairs, max_value=1.0
                ),
            ]))
        unjudged = (f"state share not judged: {coverage.height} foreign-affairs articles, fewer than "
                    f"gates.min_systemic_items ({self.gates.min_systemic_items})")
        if not outcomes:
            return skipped(MENTIONS_CHECK, f"no mentions; {unjudged}")
        combined = combine(MENTIONS_CHECK, outcomes)
        return combined if share_judged else replace(combined, note=unjudged)


def validate_mentions(mentions: pl.DataFrame, summary: pl.DataFrame, articles: pl.DataFrame,
                      knowledge: Knowledge, gates: QualityGates) -> SuiteOutcome:
    """`entity_mentions_valid` over a batch held whole (one chunk)."""
    gate = MentionGate(knowledge, gates)
    gate.add(mentions, summary, articles)
    return gate.outcome()
