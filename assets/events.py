"""`event_mentions` (who did what to whom, per sentence) and `events` (deduplicated real-world events)."""

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from assets.entities import entity_mentions
from assets.gating import GateDecision, decide, publish_or_fail, quarantine_failed_articles
from checks import events as event_checks
from checks.gx import skipped
from peristiwa.events import cluster_events, load_cameo, load_dictionary
from peristiwa.events.batch import code_frame
from pipelines.resources import WRITER_POOL, EventCodingResource, QualityGates, WarehouseResource
from warehouse.batches import article_chunks
from warehouse.publish import append_staging, clear_staging, publish_chunks, write_staging

# Articles whose entity mentions changed since they were coded, or coded with another dictionary.
_TO_CODE_SQL = """
SELECT r.article_id, r.run_id AS resolution_run_id
FROM main.entity_resolutions r JOIN main.articles_clean c USING (article_id)
LEFT JOIN main.event_codings e USING (article_id)
WHERE e.article_id IS NULL OR e.resolution_run_id <> r.run_id OR e.dictionary_version <> $version
ORDER BY r.article_id
"""


# The events are up to date when they were built from the mentions there are now, in content and not only
# in ids: a coder release may change a mention's modality, dyad or date and keep its id (a talk declared dead
# becomes negated), and the events it belongs to must follow. The run that coded a mention is no content; one
# md5 per mention keeps the aggregated string at 33 bytes a mention, whatever the sentences' length.
_MENTIONS_DIGEST_SQL = """
SELECT md5(coalesce(string_agg(md5(CAST(m AS VARCHAR)), ',' ORDER BY m.mention_id), '')), count(*)
FROM (SELECT * EXCLUDE (run_id) FROM main.event_mentions) m
"""
_BUILT_FROM_SQL = "SELECT count(*), min(mentions_digest) FROM main.events"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


_ARTICLES_OF_CHUNK = """SELECT article_id, title, text, published_date FROM main.articles_clean
                        JOIN _chunk USING (article_id) ORDER BY article_id"""
_SENTENCES_OF_CHUNK = """SELECT article_id, conllu FROM main.sentences JOIN _chunk USING (article_id)
                         ORDER BY article_id, sentence_index"""
# in the resolver's order (resolve_article sorts them so)
_MENTIONS_OF_CHUNK = """SELECT * FROM main.entity_mentions JOIN _chunk USING (article_id)
                        ORDER BY article_id, sentence_index, start_char, end_char, iso3"""
# each chunk replaces its articles' event mentions together with their ledger rows, in one transaction
_MENTION_TABLES = [("event_mentions", "article_id", "event_codings"),
                   ("event_codings", "article_id", "event_codings")]


@dg.asset(
    group_name="events",
    deps=[entity_mentions],
    pool=WRITER_POOL,
    check_specs=event_checks.MENTION_SPECS,
    kinds={"duckdb", "polars"},
    description="CAMEO-coded event mentions from the UD parses and resolved actors, with modality, "
    "polarity and event dates. Incremental. Coded, validated and staged one chunk of articles at a time, "
    "then (if the whole batch passed) published chunk by chunk.",
)
def event_mentions(
    context: dg.AssetExecutionContext, coding: EventCodingResource, warehouse: WarehouseResource,
    gates: QualityGates,
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    run_id = context.run.run_id
    cameo = load_cameo(Path(coding.cameo_path) if coding.cameo_path else None)
    dictionary = load_dictionary(Path(coding.dictionary_path) if coding.dictionary_path else None, cameo)
    gate = event_checks.MentionGate(cameo, gates)
    roots: Counter[str] = Counter()
    n_coded = n_failed = n_new_failed = 0
    ranges: list[tuple[str, str]] = []
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:
        todo = con.sql(_TO_CODE_SQL, params={"version": dictionary.version}).pl()
        n_total = con.execute("SELECT count(*) FROM main.entity_resolutions").fetchall()[0][0]
        context.log.info(f"{todo.height} of {n_total} articles need event coding")
        clear_staging(con, "event_mentions", "event_codings")
        # one chunk of articles at a time: code, validate row by row, stage; nothing held grows with todo
        for chunk, (articles, sentence_rows, mention_rows) in article_chunks(
                con, todo, [_ARTICLES_OF_CHUNK, _SENTENCES_OF_CHUNK, _MENTIONS_OF_CHUNK]):
            coded, summary, failed = code_frame(articles, sentence_rows, mention_rows, dictionary, cameo)
            n_new_failed += quarantine_failed_articles(context, con, failed, "events")
            n_failed += failed.height
            articles = articles.filter(~pl.col("article_id").is_in(failed["article_id"].implode()))
            coded = coded.with_columns(pl.lit(run_id).alias("run_id"))
            ledger = summary.join(chunk.select("article_id", "resolution_run_id"), on="article_id")
            ledger = ledger.with_columns(
                pl.lit(dictionary.version).alias("dictionary_version"), pl.lit(run_id).alias("run_id"),
                pl.lit(_now()).alias("coded_at"),
            )
            append_staging(con, "event_mentions", coded)
            append_staging(con, "event_codings", ledger)
            gate.add(coded, summary, articles)
            if ledger.height:
                ranges.append((ledger["article_id"].min(), ledger["article_id"].max()))
            roots.update(coded["cameo_root"].to_list())
            n_coded += coded.height
        decision = decide(con, run_id, "event_mentions", [gate.outcome()])
        if decision.passed:
            publish_chunks(con, _MENTION_TABLES, ranges, lambda k, rows: context.log.info(
                f"published chunk {k}/{len(ranges)}: {rows['event_codings']} articles, "
                f"{rows['event_mentions']} event mentions"))
    yield from decision.check_results()
    decision.raise_if_failed()
    yield dg.MaterializeResult(metadata={
        "coded_articles": todo.height - n_failed,
        "failed_articles": n_failed,
        "newly_quarantined": n_new_failed,
        "unchanged": n_total - todo.height,
        "event_mentions": n_coded,
        "roots": dg.MetadataValue.json(dict(sorted(roots.items()))),
        "chunks": len(ranges),
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
        digest, n_mentions = con.execute(_MENTIONS_DIGEST_SQL).fetchall()[0]
        n_events, built_from = con.execute(_BUILT_FROM_SQL).fetchall()[0]
        if built_from == digest or n_events == n_mentions == 0:
            yield from GateDecision("events", [skipped(event_checks.EVENTS_CHECK, "mentions unchanged")],
                                    {}).check_results()
            yield dg.MaterializeResult(metadata={"events": n_events, "no_new_input": True})
            return
        mentions = con.sql(
            "SELECT m.*, c.publisher FROM main.event_mentions m JOIN main.articles_clean c USING (article_id)"
        ).pl()
        # Cross-article dedup needs every mention; it is cheap next to annotation, so rebuild whole.
        clustered = cluster_events(mentions, window_days=coding.dedup_window_days).with_columns(
            pl.lit(run_id).alias("run_id"), pl.lit(digest).alias("mentions_digest")
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
