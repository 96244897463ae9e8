"""`articles_clean`: clean new (or re-clean stale) articles with the versioned rules, publish what passes."""


from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from assets.gating import publish_or_fail
from assets.raw import raw_articles
from checks import cleaned as clean_checks
from peristiwa.cleaning import clean_frame, load_rules, residue_patterns
from pipelines.resources import WRITER_POOL, CleaningResource, QualityGates, WarehouseResource
from warehouse.publish import write_staging

PROGRESS_CHUNK = 2_000

# Articles whose published cleaning is missing or was made by other rules (a rules bump re-cleans all).
_TODO_SQL = """
SELECT r.article_id, r.text, r.title, r.source, r.url, r.published, r.source_path
FROM main.articles_raw r
LEFT JOIN main.articles_clean c USING (article_id)
WHERE $reprocess_all OR c.article_id IS NULL OR c.rules_version <> $rules_version
ORDER BY r.article_id
"""


class CleanConfig(dg.Config):
    reprocess_all: bool = False
    """Re-clean every published article even if its cleaning is current (a full backfill of this stage)."""


def clean_in_chunks(todo: pl.DataFrame, rules, log) -> tuple[pl.DataFrame, pl.DataFrame]:
    cleaned, audits = [], []
    for offset in range(0, todo.height, PROGRESS_CHUNK):
        clean, audit = clean_frame(todo.slice(offset, PROGRESS_CHUNK), rules)
        cleaned.append(clean)
        audits.append(audit)
        log(f"cleaned {min(offset + PROGRESS_CHUNK, todo.height)}/{todo.height} articles")
    return pl.concat(cleaned, how="vertical_relaxed"), pl.concat(audits, how="vertical_relaxed")


@dg.asset(
    group_name="clean",
    deps=[raw_articles],
    pool=WRITER_POOL,
    check_specs=clean_checks.SPECS,
    kinds={"duckdb", "polars"},
    description="Cleaned article text with title, publisher, dateline place and publication date; "
    "what was removed is audited in cleaning_audit. Only new or stale articles are processed.",
)
def articles_clean(
    context: dg.AssetExecutionContext,
    config: CleanConfig,
    cleaning: CleaningResource,
    warehouse: WarehouseResource,
    gates: QualityGates,
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    rules = load_rules(Path(cleaning.rules_path) if cleaning.rules_path else None)
    wh = warehouse.get()
    with wh.writer(warehouse.lock_timeout_s) as con:
        todo = con.sql(
            _TODO_SQL, params={"reprocess_all": config.reprocess_all, "rules_version": rules.version}
        ).pl()
        n_total = con.execute("SELECT count(*) FROM main.articles_raw").fetchall()[0][0]
        context.log.info(f"{todo.height} of {n_total} articles need cleaning (rules {rules.version})")
        run_id = context.run.run_id
        clean = audit = pl.DataFrame()
        if todo.height:
            clean, audit = clean_in_chunks(todo, rules, context.log.info)
            clean = clean.join(todo.select("article_id", "source_path"), on="article_id").with_columns(
                pl.col("text").str.len_chars().cast(pl.Int32).alias("n_chars"),
                pl.lit(run_id).alias("run_id"),
                pl.lit(datetime.now(UTC).replace(tzinfo=None)).alias("cleaned_at"),
            )
            audit = audit.with_columns(
                pl.lit(rules.version).alias("rules_version"), pl.lit(run_id).alias("run_id")
            )
        write_staging(con, "articles_clean", clean)
        write_staging(con, "cleaning_audit", audit)
        outcomes = [clean_checks.validate_clean(clean, residue_patterns(rules), gates)]
        decision = publish_or_fail(
            con, run_id, "articles_clean", outcomes,
            replace=[("articles_clean", "article_id", "articles_clean"),
                     ("cleaning_audit", "article_id", "articles_clean")],
        )
    yield from decision.check_results()
    decision.raise_if_failed()
    yield dg.MaterializeResult(
        metadata={
            "cleaned": todo.height,
            "unchanged": n_total - todo.height,
            "removals": audit.height,
            "rules_version": rules.version,
            "no_new_input": todo.height == 0,
        }
    )
