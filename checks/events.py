"""Blocking GX checks gating `event_mentions` and `events`."""

from __future__ import annotations

import dagster as dg
import polars as pl

from checks.gx import SuiteOutcome, merge_chunks, run_suite, skipped
from peristiwa.events import CameoTable
from pipelines.resources import QualityGates

MENTIONS_CHECK = "event_mentions_valid"
EVENTS_CHECK = "events_valid"

MENTION_SPECS = [
    dg.AssetCheckSpec(
        MENTIONS_CHECK, asset="event_mentions", blocking=True,
        description="Codes exist in the CAMEO table, Goldstein equals the table's value, offsets match the "
        "text, event dates lie in a sane window around publication.",
    ),
]
EVENT_SPECS = [
    dg.AssetCheckSpec(
        EVENTS_CHECK, asset="events", blocking=True,
        description="Unique event ids, Goldstein within [-10, 10], no self-dyads among counted events.",
    ),
]


def _span_ok(prefix: str) -> pl.Expr:
    """The mention's span text equals the article text (title for the headline) at its offsets."""
    source = pl.when(pl.col("sentence_index") < 0).then(pl.col("title")).otherwise(pl.col("body"))
    start, end = pl.col(f"{prefix}_start"), pl.col(f"{prefix}_end")
    matches = source.str.slice(start, end - start) == pl.col(f"{prefix}_text")
    return pl.when(start.is_null()).then(True).otherwise(matches.fill_null(False))


def _mention_frame(mentions: pl.DataFrame, articles: pl.DataFrame, table: dict[str, float],
                   gates: QualityGates) -> pl.DataFrame:
    texts = articles.select("article_id", pl.col("text").alias("body"), pl.col("title").fill_null(""))
    window = pl.duration(days=gates.event_date_window_days)
    return mentions.join(texts, on="article_id", how="left").with_columns(
        (pl.col("goldstein") == pl.col("cameo_code").replace_strict(table, default=None)).fill_null(False)
        .alias("goldstein_matches_table"),
        (_span_ok("trigger") & _span_ok("source") & _span_ok("target")).alias("offsets_match"),
        pl.when(pl.col("event_date").is_null() | pl.col("published_date").is_null()).then(True)
        .otherwise(pl.col("event_date").is_between(pl.col("published_date") - window,
                                                   pl.col("published_date") + pl.duration(days=31)))
        .alias("date_in_window"),
    ).select("mention_id", "cameo_code", "goldstein", "goldstein_matches_table", "offsets_match",
             "date_in_window", "sentence_text")


class MentionGate:
    """`event_mentions_valid` over a batch coded in chunks, without holding the batch: `add` validates a
    chunk's mentions row by row (GX, on that chunk) and keeps only each mention's id and whether its date is
    in the window; `outcome` merges the chunks and judges uniqueness and the in-window share over the whole
    batch. The verdict and the counts are those of validating the batch at once."""

    def __init__(self, cameo: CameoTable, gates: QualityGates) -> None:
        self.gates = gates
        self.table = {code: entry.goldstein for code, entry in cameo.codes.items()}
        self.n_articles = 0
        self._rows: list[SuiteOutcome] = []
        self._whole: list[pl.DataFrame] = []

    def add(self, mentions: pl.DataFrame, summary: pl.DataFrame, articles: pl.DataFrame) -> None:
        """One chunk: its event mentions, its summary (one row per coded article), its articles' texts."""
        self.n_articles += summary.height
        if mentions.height == 0:
            return
        frame = _mention_frame(mentions, articles, self.table, self.gates)
        self._whole.append(frame.select("mention_id", "date_in_window"))
        self._rows.append(run_suite(MENTIONS_CHECK, frame, lambda gxe: [
            gxe.ExpectColumnValuesToBeInSet(column="cameo_code", value_set=sorted(self.table)),
            gxe.ExpectColumnValuesToBeBetween(column="goldstein", min_value=-10, max_value=10),
            gxe.ExpectColumnValuesToBeInSet(column="goldstein_matches_table", value_set=[True]),
            gxe.ExpectColumnValuesToBeInSet(column="offsets_match", value_set=[True]),
        ]))

    def outcome(self) -> SuiteOutcome:
        if self.n_articles == 0:
            return skipped(MENTIONS_CHECK, "no new or re-resolved articles to code")
        if not self._rows:
            return skipped(MENTIONS_CHECK, f"{self.n_articles} articles coded, no event mentions found")
        rows = merge_chunks(self._rows)
        whole = run_suite(MENTIONS_CHECK, pl.concat(self._whole), lambda gxe: [
            gxe.ExpectColumnValuesToBeUnique(column="mention_id"),
            # news cites history ("sejak 1960"): only a systematic share outside the window is a date bug
            gxe.ExpectColumnValuesToBeInSet(column="date_in_window", value_set=[True],
                                            mostly=self.gates.min_event_date_in_window_share),
        ])
        unique, in_window = whole.expectations
        return SuiteOutcome(MENTIONS_CHECK, rows.passed and whole.passed, rows.batch_rows,
                            [unique, *rows.expectations, in_window])


def validate_mentions(mentions: pl.DataFrame, summary: pl.DataFrame, articles: pl.DataFrame,
                      cameo: CameoTable, gates: QualityGates) -> SuiteOutcome:
    """`event_mentions_valid` over a batch held whole (one chunk)."""
    gate = MentionGate(cameo, gates)
    gate.add(mentions, summary, articles)
    return gate.outcome()


def validate_events(events: pl.DataFrame) -> SuiteOutcome:
    if events.height == 0:
        return skipped(EVENTS_CHECK, "no events")
    frame = events.select(
        "event_id", "goldstein", "num_mentions",
        (pl.col("counted_in_aggregates") & (pl.col("source_iso3") == pl.col("target_iso3")))
        .fill_null(False).alias("counted_self_dyad"),
    )
    return run_suite(EVENTS_CHECK, frame, lambda gxe: [
        gxe.ExpectColumnValuesToBeUnique(column="event_id"),
        gxe.ExpectColumnValuesToBeBetween(column="goldstein", min_value=-10, max_value=10),
        gxe.ExpectColumnValuesToBeBetween(column="num_mentions", min_value=1),
        gxe.ExpectColumnValuesToBeInSet(column="counted_self_dyad", value_set=[False]),
    ])
