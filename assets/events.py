"""`event_mentions` (who did what to whom, per sentence) and `events` (deduplicated real-world events)."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from assets.entities import entity_mentions
from assets.gating import GateDecision, publish_or_fail, quarantine_failed_articles
from checks import events as event_checks
from checks.gx import skipped
from peristiwa.events import cluster_events, load_cameo, load_dictionary
from peristiwa.events.batch import code_frame
from pipelines.resources import WRITER_POOL, EventCodingResource, QualityGates, WarehouseResource
from warehouse.batches import article_chunks, concat_parts
from warehouse.publish import write_staging

# Articles whose entity mentions changed since they were coded, or coded with another dictionary.
_TO_CODE_SQL = """
SELECT r.article_id, r.run_id AS resolution_run_id, c.title, c.text, c.published_date
FROM main.entity_resolutions r JOIN main.articles_clean c USING (article_id)
LEFT JOIN main.event_codings e USING (article_id)
WHERE e.article_id IS NULL OR e.resolution_run_id <> r.run_id OR e.dictionary_version <> $version
ORDER BY r.article_id
"""


# Every mention belongs to exactly one event: equal digests mean the events are up to date.
_DIGESTS_SQL = """
SELECT (SELECT md5(coalesce(string_agg(mention_id, ',' ORDER BY mention_id), '')) FROM main.event_mentions),
       (SELECT md5(coalesce(string_agg(m, ',' ORDER BY m), ''))
        FROM (SELECT unnest(mention_ids) AS m FROM main.events))
"""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


_SENTENCES_OF_CHUNK = """SELECT article_id, conllu FROM main.sentences JOIN _chunk USING (article_id)
                         ORDER BY article_id, sentence_index"""
# in the resolver's order (resolve_article sorts them so)
_MENTIONS_OF_CHUNK = """SELECT * FROM main.entity_mentions JOIN _chunk USING (article_id)
                        ORDER BY article_id, sentence_index, start_char, end_char, iso3"""


def _code_in_chunks(con, todo: pl.DataFrame, dictionary, cameo) -> tuple[pl.DataFrame, ...]:
    """code_frame over `todo`, one chunk of articles per read: (mentions, summary, failures)."""
    return concat_parts([
        code_frame(chunk, sentence_rows, mention_rows, dictionary, cameo)
        for chunk, (sentence_rows, mention_rows) in article_chunks(
            con, todo, [_SENTENCES_OF_CHUNK, _MENTIONS_OF_CHUNK])
    ])


@dg.asset(
    group_name="events",
    deps=[entity_mentions],
    pool=WRITER_POOL,
    check_specs=event_checks.MENTION_SPECS,
    kinds={"duckdb", "polars"},
    description="CAMEO-coded event mentions from the UD parses and resolved actors, with modality, "
    "polarity and event dates. Incremental.",
)
def event_mentions(
    context: dg.AssetExecutionContext, coding: EventCodingResource, warehouse: WarehouseResource,
    gates: QualityGates,
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    run_id = context.run.run_id
    cameo = load_cameo(Path(coding.cameo_path) if coding.cameo_path else None)
    dictionary = load_dictionary(Path(coding.dictionary_path) if coding.dictionary_path else None, cameo)
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:
        todo = con.sql(_TO_CODE_SQL, params={"version": dictionary.version}).pl()
        n_total = con.execute("SELECT count(*) FROM main.entity_resolutions").fetchall()[0][0]
        context.log.info(f"{todo.height} of {n_total} articles need event coding")
        coded, summary, failed = _code_in_chunks(con, todo, dictionary, cameo)
        n_failed = quarantine_failed_articles(context, con, failed, "events")
        todo = todo.filter(~pl.col("article_id").is_in(failed["article_id"].implode()))
        coded = coded.with_columns(pl.lit(run_id).alias("run_id"))
        ledger = summary.join(todo.select("article_id", "resolution_run_id"), on="article_id").with_columns(
            pl.lit(dictionary.version).alias("dictionary_version"), pl.lit(run_id).alias("run_id"),
            pl.lit(_now()).alias("coded_at"),
        )
        write_staging(con, "event_mentions", coded)
        write_staging(con, "event_codings", ledger)
        outcomes = [event_checks.validate_mentions(coded, summary, todo, cameo, gates)]
        decision = publish_or_fail(
            con, run_id, "event_mentions", outcomes,
            replace=[("event_mentions", "article_id", "event_codings"),
                     ("event_codings", "article_id", "event_codings")],
        )
    yield from decision.check_results()
    decision.raise_if_failed()
    yield dg.MaterializeResult(metadata={
        "coded_articles": todo.height,
        "failed_articles": failed.height,
        "newly_quarantined": n_failed,
        "unchanged": n_total - todo.height,
        "event_mentions": coded.height,
        "roots": dg.MetadataValue.json(
            dict(coded.group_by("cameo_root").len().sort("cameo_root").iter_rows()) if coded.height else {}
        ),
        "dictionary_version": dictionary.version,
        "no_new_input": todo.height == 0,
    })


@dg.asset(
    group_name="events",
    deps=[event_mentions],
    pool=WRITER_POOL,
    check_specs=event_checks.EVENT_SPECS,
    kinds={"duckdb", "polars"},
    description="Deduplicated real-world events (within and across articles) with mention, article and "
    "source counts and whether each counts in country-pair aggregates. Rebuilt when mentions change.",
)
def events(
    context: dg.AssetExecutionContext, coding: EventCodingResource, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    run_id = context.run.run_id
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:
        current = con.execute(_DIGESTS_SQL).fetchall()[0]
        if current[0] == current[1]:
            n_events = con.execute("SELECT count(*) FROM main.events").fetchall()[0][0]
            yield from GateDecision("events", [skipped(event_checks.EVENTS_CHECK, "mentions unchanged")],
                                    {}).check_results()
            yield dg.MaterializeResult(metadata={"events": n_events, "no_new_input": True})
            return
        mentions = con.sql(
            "SELECT m.*, c.publisher FROM main.event_mentions m JOIN main.articles_clean c USING (article_id)"
        ).pl()
        # Cross-article dedup needs every mention; it is cheap next to annotation, so rebuild whole.
        clustered = cluster_events(mentions, window_days=coding.dedup_window_days).with_columns(
            pl.lit(run_id).alias("run_id")
        )
        write_staging(con, "events", clustered)
        outcomes = [event_checks.validate_events(clustered)]
        decision = publish_or_fail(con, run_id, "events", outcomes, overwrite=["events"])
    yield from decision.check_results()
    decision.raise_if_failed()
    counted = clustered.filter(pl.col("counted_in_aggregates")) if clustered.height else clustered
    yield dg.MaterializeResult(metadata={
        "events": clustered.height,
        "counted_in_aggregates": counted.height,
        "mentions": mentions.height,
        "no_new_input": False,
    })
