"""`articles_clean`: clean new (or re-clean stale) articles with the versioned rules, publish what passes.

Item level: an article whose cleaned text is out of bounds is set aside (quarantine, stage 'clean')
and the rest flows on. Batch level: `articles_clean_valid` blocks only a systemic failure of a source
against its own history (see checks/cleaned.py).
"""


from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from assets.gating import GateDecision, decide
from assets.raw import raw_articles
from checks import cleaned as clean_checks
from peristiwa.cleaning import CleaningRules, clean_frame, load_rules, residue_patterns
from peristiwa.cleaning.quality import residue_hits, set_aside, source_key
from pipelines.resources import WRITER_POOL, CleaningResource, QualityGates, WarehouseResource
from warehouse.publish import publish_clean, write_staging

PROGRESS_CHUNK = 2_000
SET_ASIDE_RULE = "clean-set-aside"

# Articles whose published cleaning is missing or was made by other rules (a rules bump re-cleans all);
# an article cleaning set aside under the current rules is not cleaned again.
_TODO_SQL = """
SELECT r.article_id, r.text, r.title, r.source, r.url, r.published, r.source_path, r.line_no,
       r.file_sha256, r.file_mtime
FROM main.articles_raw r
LEFT JOIN main.articles_clean c USING (article_id)
WHERE $reprocess_all OR c.rules_version <> $rules_version OR (c.article_id IS NULL AND NOT EXISTS (
    SELECT 1 FROM main.cleaning_audit a
    WHERE a.article_id = r.article_id AND a.rule_id = $set_aside_rule AND a.rules_version = $rules_version))
ORDER BY r.article_id
"""

# Published articles of the batch's sources, newest first: each source's recent history.
_HISTORY_SQL = """
SELECT c.article_id, c.publisher, c.source_path, c.published_date IS NOT NULL AS dated, c.text
FROM main.articles_clean c ANTI JOIN _todo t USING (article_id)
ORDER BY c.cleaned_at DESC, c.article_id
"""


class CleanConfig(dg.Config):
    reprocess_all: bool = False
    """Re-clean every published article even if its cleaning is current (a full backfill of this stage)."""
    accept_failed_checks: list[str] = []
    """Blocking checks of this stage to accept on purpose for this run (e.g. ["articles_clean_valid"]):
    the batch is published anyway and dq_results.override records it."""


def clean_in_chunks(todo: pl.DataFrame, rules, log, date_from_file_mtime: bool = False
                    ) -> tuple[pl.DataFrame, pl.DataFrame]:
    cleaned, audits = [], []
    for offset in range(0, todo.height, PROGRESS_CHUNK):
        clean, audit = clean_frame(todo.slice(offset, PROGRESS_CHUNK), rules,
                                   date_from_file_mtime=date_from_file_mtime)
        cleaned.append(clean)
        audits.append(audit)
        log(f"cleaned {min(offset + PROGRESS_CHUNK, todo.height)}/{todo.height} articles")
    return pl.concat(cleaned, how="vertical_relaxed"), pl.concat(audits, how="vertical_relaxed")


def with_quality(clean: pl.DataFrame, residue: dict[str, str]) -> pl.DataFrame:
    """Source, dated and residue columns the systemic checks need (also for history rows)."""
    return clean.with_columns(
        source_key(pl.col("publisher"), pl.col("source_path")).alias("source"),
        pl.Series("residue", residue_hits(clean["text"].to_list(), residue), dtype=pl.List(pl.String)),
    ).with_columns(pl.col("residue").list.len().gt(0).alias("has_residue"))


def source_history(con, todo: pl.DataFrame, sources: list[str], residue: dict[str, str], per_source: int
                   ) -> pl.DataFrame:
    """The latest `per_source` published articles of each of `sources`, with their quality columns."""
    if not sources:
        return pl.DataFrame(schema={"source": pl.String, "dated": pl.Boolean, "has_residue": pl.Boolean})
    con.register("_todo", todo.select("article_id").to_arrow())
    try:
        recent = con.sql(_HISTORY_SQL).pl()
    finally:
        con.unregister("_todo")
    recent = recent.with_columns(source_key(pl.col("publisher"), pl.col("source_path")).alias("source"))
    recent = recent.filter(pl.col("source").is_in(sources)).group_by("source", maintain_order=True).head(
        per_source)
    return with_quality(recent, residue).select("source", "dated", "has_residue")


def set_aside_records(rejected: pl.DataFrame, todo: pl.DataFrame, rules_version: str, run_id: str,
                      now: datetime) -> tuple[pl.DataFrame, pl.DataFrame]:
    """quarantine rows (stage 'clean') and the audit rows that keep them from being cleaned again."""
    rows = rejected.join(todo.select("article_id", "line_no", "file_sha256"), on="article_id")
    quarantine = rows.select(
        "source_path", pl.col("line_no").cast(pl.Int32), "file_sha256",
        pl.col("set_aside_reason").alias("reason"), pl.col("set_aside_message").alias("message"),
        pl.col("text").str.slice(0, 200).alias("excerpt"), pl.lit(run_id).alias("run_id"),
        pl.lit(now).alias("quarantined_at"), pl.lit("clean").alias("stage"), "article_id",
    )
    audit = rows.select(
        "article_id", pl.lit(SET_ASIDE_RULE).alias("rule_id"), pl.lit("quarantined").alias("reason"),
        pl.format("{}: {}", pl.col("set_aside_reason"), pl.col("set_aside_message")).alias("text"),
        pl.lit(None, dtype=pl.Int64).alias("line_no"), pl.lit(rules_version).alias("rules_version"),
        pl.lit(run_id).alias("run_id"),
    )
    return quarantine, audit


@dataclass
class _CleanedBatch:
    """One run's cleaning, before publication; empty when no article needs cleaning."""

    clean: pl.DataFrame = field(default_factory=pl.DataFrame)  # articles that pass
    audit: pl.DataFrame = field(default_factory=pl.DataFrame)  # removals, plus the set-aside records
    quarantine: pl.DataFrame = field(default_factory=pl.DataFrame)  # articles set aside
    batch: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema={"article_id": pl.String}))
    history: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(
        schema={"source": pl.String, "dated": pl.Boolean, "has_residue": pl.Boolean}))


def _refuse_unknown_checks(accepted: list[str]) -> None:
    # Fail before any work: a misspelt check name would otherwise silently accept nothing.
    unknown = sorted(set(accepted) - set(clean_checks.CHECK_NAMES))
    if unknown:
        raise dg.Failure(f"accept_failed_checks names {unknown}, not checks of articles_clean "
                         f"(its checks: {list(clean_checks.CHECK_NAMES)})")


def _articles_to_clean(con, config: CleanConfig, rules_version: str) -> pl.DataFrame:
    return con.sql(
        _TODO_SQL, params={"reprocess_all": config.reprocess_all, "rules_version": rules_version,
                           "set_aside_rule": SET_ASIDE_RULE}
    ).pl()


def _stamped(clean: pl.DataFrame, todo: pl.DataFrame, run_id: str, now: datetime) -> pl.DataFrame:
    return clean.join(todo.select("article_id", "source_path"), on="article_id").with_columns(
        pl.col("text").str.len_chars().cast(pl.Int32).alias("n_chars"),
        pl.lit(run_id).alias("run_id"),
        pl.lit(now).alias("cleaned_at"),
    )


def _clean_batch(con, todo: pl.DataFrame, rules: CleaningRules, residue: dict[str, str],
                 cleaning: CleaningResource, gates: QualityGates, run_id: str, now: datetime,
                 log: Callable[[str], None]) -> _CleanedBatch:
    """Clean `todo`, set aside the out-of-bounds articles, and gather what the systemic check compares."""
    clean, audit = clean_in_chunks(todo, rules, log, cleaning.date_from_file_mtime)
    judged = set_aside(_stamped(clean, todo, run_id, now), gates.min_clean_chars, gates.max_clean_chars,
                       rules.version)
    rejected = judged.filter(pl.col("set_aside_reason").is_not_null())
    clean = judged.filter(pl.col("set_aside_reason").is_null()).drop(
        "set_aside_reason", "set_aside_message")
    quarantine, aside_audit = set_aside_records(rejected, todo, rules.version, run_id, now)
    audit = pl.concat([
        audit.with_columns(pl.lit(rules.version).alias("rules_version"),
                           pl.lit(run_id).alias("run_id")),
        aside_audit,
    ], how="vertical_relaxed")
    batch = with_quality(clean, residue).join(todo.select("article_id", "line_no"), on="article_id")
    batch = batch.with_columns(pl.col("published_date").is_not_null().alias("dated"))
    # Only sources with enough articles in this batch are judged against their own history.
    sources = batch.group_by("source").len().filter(pl.col("len") >= gates.min_systemic_items)
    history = source_history(con, todo, sources["source"].to_list(), residue,
                             gates.source_history_articles)
    return _CleanedBatch(clean, audit, quarantine, batch, history)


def _metadata(todo: pl.DataFrame, n_total: int, run: _CleanedBatch, rules_version: str) -> dict:
    batch = run.batch
    n_dated = int(batch["dated"].sum()) if "dated" in batch.columns else 0
    return {
        "cleaned": todo.height,
        "unchanged": n_total - todo.height,
        "set_aside": run.quarantine.height,
        "undated": run.clean.height - n_dated,
        "with_residue": int(batch["has_residue"].sum()) if "has_residue" in batch.columns else 0,
        "removals": run.audit.height,
        "rules_version": rules_version,
        "no_new_input": todo.height == 0,
    }


@dg.asset(
    group_name="clean",
    deps=[raw_articles],
    pool=WRITER_POOL,
    check_specs=clean_checks.SPECS,
    kinds={"duckdb", "polars"},
    description="Cleaned article text with title, publisher, dateline place and publication date (and "
    "its basis; undated articles are normal); what was removed is audited in cleaning_audit. Articles "
    "whose cleaned text is out of bounds are quarantined (stage clean). Only new or stale articles are "
    "processed.",
)
def articles_clean(
    context: dg.AssetExecutionContext,
    config: CleanConfig,
    cleaning: CleaningResource,
    warehouse: WarehouseResource,
    gates: QualityGates,
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    _refuse_unknown_checks(config.accept_failed_checks)
    rules = load_rules(Path(cleaning.rules_path) if cleaning.rules_path else None)
    residue = residue_patterns(rules)
    wh = warehouse.get()
    with wh.writer(warehouse.lock_timeout_s) as con:
        todo = _articles_to_clean(con, config, rules.version)
        n_total = con.execute("SELECT count(*) FROM main.articles_raw").fetchall()[0][0]
        context.log.info(f"{todo.height} of {n_total} articles need cleaning (rules {rules.version})")
        run_id, now = context.run.run_id, datetime.now(UTC).replace(tzinfo=None)
        run = _CleanedBatch()
        if todo.height:
            run = _clean_batch(con, todo, rules, residue, cleaning, gates, run_id, now, context.log.info)
        write_staging(con, "articles_clean", run.clean)
        write_staging(con, "cleaning_audit", run.audit)
        write_staging(con, "quarantine", run.quarantine)
        outcomes = [clean_checks.validate_clean(run.batch, run.history, gates)]
        decision = decide(con, run_id, "articles_clean", outcomes, accepted=config.accept_failed_checks)
        published = publish_clean(con, publish_articles=decision.passed)
    decision = GateDecision(decision.asset, decision.outcomes, published)
    yield from decision.check_results()
    decision.raise_if_failed()
    yield dg.MaterializeResult(metadata=_metadata(todo, n_total, run, rules.version))
