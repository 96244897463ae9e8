"""`raw_articles`: scan the inbox, account for every input item, publish the new articles that pass.

The records (`ingest_log`, `quarantine`) are published on every run. A systemic failure of a blocking
check holds back the articles, and leaves the batch's files unrecorded in `inbox_files`, so the next run
judges the same batch again until its cause is removed or the batch is accepted (accept_failed_checks).
"""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from assets.gating import GateDecision, decide
from checks import raw as raw_checks
from peristiwa.ingest import articles_frame, outcomes_frame, scan_inbox
from pipelines.resources import WRITER_POOL, InboxResource, QualityGates, WarehouseResource
from warehouse.publish import publish_ingest, write_staging

_LAST_VERSION_SQL = """
UPDATE staging.articles_raw AS s SET
    version = 1 + (SELECT count(*) FROM main.articles_raw m
                   WHERE m.source_path = s.source_path AND m.line_no IS NOT DISTINCT FROM s.line_no),
    supersedes = (SELECT m.article_id FROM main.articles_raw m
                  WHERE m.source_path = s.source_path AND m.line_no IS NOT DISTINCT FROM s.line_no
                  ORDER BY m.version DESC LIMIT 1)
"""


# The latest processed version of each file; with `retry_quarantined`, versions that had quarantined
# items do not count, so those files are read again.
_KNOWN_FILES_SQL = """
SELECT f.source_path, arg_max(f.file_sha256, f.processed_at) FROM main.inbox_files f
WHERE NOT ($retry AND EXISTS (
    SELECT 1 FROM main.quarantine q WHERE q.source_path = f.source_path AND q.file_sha256 = f.file_sha256
    AND coalesce(q.stage, 'ingest') = 'ingest'))
GROUP BY ALL
"""


class RawConfig(dg.Config):
    accept_failed_checks: list[str] = []
    """Blocking checks of this stage to accept on purpose for this run (e.g. ["raw_inbox_accounting"]):
    the batch is published anyway and dq_results.override records it."""
    retry_quarantined: bool = False
    """Read again the files that had quarantined items, even though they did not change."""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def batch_frames(result, run_id: str) -> dict[str, pl.DataFrame]:
    """The four staging tables of one ingest batch."""
    now = _now()
    outcomes = outcomes_frame(result)
    articles = articles_frame(result).with_columns(
        pl.lit(1, dtype=pl.Int32).alias("version"),
        pl.lit(None, dtype=pl.String).alias("supersedes"),
        pl.lit(run_id).alias("run_id"),
        pl.lit(now).alias("ingested_at"),
    )
    log = outcomes.select(
        pl.lit(run_id).alias("run_id"), "source_path", "line_no", "file_sha256", "outcome", "article_id",
        "reason", pl.lit(now).alias("logged_at"),
    )
    quarantine = outcomes.filter(pl.col("outcome") == "quarantined").select(
        "source_path", "line_no", "file_sha256", "reason", "message", pl.col("excerpt"),
        pl.lit(run_id).alias("run_id"), pl.lit(now).alias("quarantined_at"),
        pl.lit("ingest").alias("stage"), pl.lit(None, dtype=pl.String).alias("article_id"),
    )
    files = (
        outcomes.group_by("source_path", "file_sha256", maintain_order=True)
        .agg(pl.len().cast(pl.Int32).alias("n_items"))
        .with_columns(pl.lit(run_id).alias("run_id"), pl.lit(now).alias("processed_at"))
    )
    return {"articles_raw": articles, "ingest_log": log, "quarantine": quarantine, "inbox_files": files}


@dg.asset(
    group_name="ingest",
    pool=WRITER_POOL,
    check_specs=raw_checks.SPECS,
    kinds={"duckdb", "polars"},
    description="Articles from the inbox (.txt files, .jsonl lines), identified by content hash. "
    "Every input item is recorded in ingest_log as ingested, duplicate or quarantined; bad items are "
    "quarantined one by one and the rest flows on.",
)
def raw_articles(
    context: dg.AssetExecutionContext,
    config: RawConfig,
    inbox: InboxResource,
    warehouse: WarehouseResource,
    gates: QualityGates,
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    unknown = sorted(set(config.accept_failed_checks) - set(raw_checks.CHECK_NAMES))
    if unknown:
        raise dg.Failure(f"accept_failed_checks names {unknown}, not checks of raw_articles "
                         f"(its checks: {list(raw_checks.CHECK_NAMES)})")
    wh = warehouse.get()
    with wh.writer(warehouse.lock_timeout_s) as con:
        known_ids = {row[0] for row in con.execute("SELECT article_id FROM main.articles_raw").fetchall()}
        known_files = dict(con.execute(_KNOWN_FILES_SQL, {"retry": config.retry_quarantined}).fetchall())
        context.log.info(f"scanning inbox {inbox.path} ({len(known_ids)} articles already published)")
        result = scan_inbox(Path(inbox.path), known_article_ids=known_ids, known_files=known_files,
                            limits=inbox.limits(), link_roots=[Path(p) for p in inbox.symlink_roots])
        frames = batch_frames(result, context.run.run_id)
        for table, frame in frames.items():
            write_staging(con, table, frame)
        con.execute(_LAST_VERSION_SQL)
        outcomes = [
            raw_checks.validate_articles(frames["articles_raw"], gates, inbox.min_text_chars,
                                         inbox.max_article_bytes),
            raw_checks.validate_accounting(frames["ingest_log"], gates),
            raw_checks.validate_quarantine_rate(frames["ingest_log"], gates),
        ]
        decision = decide(con, context.run.run_id, "raw_articles", outcomes,
                          accepted=config.accept_failed_checks)
        published = publish_ingest(con, publish_articles=decision.passed)
        n_published = con.execute("SELECT count(*) FROM main.articles_raw").fetchall()[0][0]
    counts = result.counts()
    decision = GateDecision(decision.asset, decision.outcomes, published)
    yield from decision.check_results()
    if not decision.passed:
        context.log.warning(
            f"records published ({published}); {counts.get('ingested', 0)} new articles held back in "
            "staging.articles_raw until the batch passes or is accepted (accept_failed_checks)"
        )
    decision.raise_if_failed()
    context.log.info(f"ingest counts: {counts}")
    yield dg.MaterializeResult(
        metadata={
            "ingested": counts.get("ingested", 0),
            "duplicate": counts.get("duplicate", 0),
            "quarantined": counts.get("quarantined", 0),
            "unchanged_files": counts.get("unchanged_files", 0),
            "outcomes": dg.MetadataValue.json(counts),
            "articles_published_total": n_published,
            "no_new_input": counts.get("ingested", 0) + counts.get("duplicate", 0)
            + counts.get("quarantined", 0) == 0,
        }
    )
