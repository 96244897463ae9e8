"""`sentences` (Stanza annotation) and `entity_mentions` (actors resolved at the article date)."""

import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from assets.cleaned import articles_clean
from assets.gating import GateDecision, decide, publish_or_fail, quarantine_failed_articles
from checks import entities as entity_checks
from peristiwa.actors import load_knowledge
from peristiwa.actors.batch import knowledge_version, resolve_frame
from peristiwa.annotation.batch import (
    AnnotationConfig,
    AnnotationPool,
    annotation_signature_json,
    config_selection_digest,
    frames,
    reparse_rows,
    selector_of,
)
from peristiwa.annotation.conllu import from_conllu
from peristiwa.annotation.selection import reselect
from pipelines.partitions import SHARD_KEYS, nlp_shards, shard_of
from pipelines.resources import (
    WRITER_POOL,
    ActorsResource,
    EventCodingResource,
    NlpResource,
    QualityGates,
    WarehouseResource,
)
from warehouse.batches import article_chunks
from warehouse.publish import (
    append_staging,
    clear_staging,
    publish_chunks,
    release_arrow_memory,
    write_staging,
)
from warehouse.spool import StagedInput, list_chunks, spooled_ledger, stage_input, write_chunk

# Articles never annotated, whose title/text changed since (e.g. re-cleaned under new rules), or annotated
# by other models, tokenizer repairs or parse scope than the ones configured now (the ledger's `models`).
_TO_ANNOTATE_SQL = """
WITH current AS (
    SELECT article_id, sha256(coalesce(title, '') || chr(10) || text) AS text_sha256
    FROM main.articles_clean
)
SELECT c.article_id, c.text_sha256,
       a.article_id IS NOT NULL AND a.text_sha256 = c.text_sha256 AS only_models_changed
FROM current c LEFT JOIN main.annotations a USING (article_id)
WHERE a.article_id IS NULL OR a.text_sha256 <> c.text_sha256
   -- signatures stored before 2026-12-05 name each model by its absolute path: compare by file name only
   OR regexp_replace(a.models, '(configured|official|bundled) [^ "]*/', '\\1 ', 'g') <> $models
ORDER BY c.article_id
"""

# Articles annotated selectively as now (same text, models and selection rules), whose selection was computed
# from other cue words or actor knowledge than the current ones, or before the digest was recorded: their
# selection is computed again from their stored tokens and NER.
_TO_RESELECT_SQL = """
WITH current AS (
    SELECT article_id, sha256(coalesce(title, '') || chr(10) || text) AS text_sha256
    FROM main.articles_clean
)
SELECT a.article_id, a.text_sha256
FROM current c JOIN main.annotations a USING (article_id)
WHERE a.text_sha256 = c.text_sha256 AND a.parse_scope = 'selective'
  AND regexp_replace(a.models, '(configured|official|bundled) [^ "]*/', '\\1 ', 'g') = $models
  AND a.selection_digest IS DISTINCT FROM $digest
ORDER BY a.article_id
"""

# the stored sentences of the articles to reselect, one row per article, in sentence order
_RESELECT_INPUT_SQL = """
SELECT t.article_id, any_value(t.text_sha256) AS text_sha256,
       coalesce(list(s.sentence_index ORDER BY s.sentence_index) FILTER (s.article_id IS NOT NULL), [])
           AS sentence_index,
       coalesce(list(s.conllu ORDER BY s.sentence_index) FILTER (s.article_id IS NOT NULL), []) AS conllu
FROM _reselect t LEFT JOIN main.sentences s USING (article_id)
GROUP BY t.article_id ORDER BY t.article_id
"""

_ARTICLES_SQL = """
SELECT c.article_id, c.title, c.text, c.spans_json, c.published_date, t.text_sha256
FROM main.articles_clean c JOIN _todo t USING (article_id)
ORDER BY c.article_id
"""

# Articles whose sentences changed since their mentions were resolved, or resolved with other knowledge.
_TO_RESOLVE_SQL = """
SELECT a.article_id, a.run_id AS annotation_run_id, c.published_date
FROM main.annotations a JOIN main.articles_clean c USING (article_id)
LEFT JOIN main.entity_resolutions r USING (article_id)
WHERE r.article_id IS NULL OR r.annotation_run_id <> a.run_id OR r.knowledge_version <> $version
ORDER BY a.article_id
"""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _todo(con, models: str, shards: set[str]) -> pl.DataFrame:
    """Articles of `shards` that need annotation: article_id, text_sha256, only_models_changed, shard."""
    todo = con.sql(_TO_ANNOTATE_SQL, params={"models": models}).pl()
    shard = pl.col("article_id").map_elements(shard_of, return_dtype=pl.String)
    todo = todo.with_columns(shard.alias("shard"))
    return todo.filter(pl.col("shard").is_in(sorted(shards)))


def _to_reselect(con, models: str, digest: str | None, shards: set[str]) -> pl.DataFrame:
    """Articles of `shards` whose selection must be computed again: article_id, text_sha256, shard (none
    under parse scope all, whose annotations have no selection)."""
    if digest is None:
        return pl.DataFrame(schema={"article_id": pl.String(), "text_sha256": pl.String(),
                                    "shard": pl.String()})
    todo = con.sql(_TO_RESELECT_SQL, params={"models": models, "digest": digest}).pl()
    shard = pl.col("article_id").map_elements(shard_of, return_dtype=pl.String)
    todo = todo.with_columns(shard.alias("shard"))
    return todo.filter(pl.col("shard").is_in(sorted(shards)))


def _spooled(chunks, todo: pl.DataFrame, models: str, digest: str | None) -> pl.DataFrame:
    """Spooled ledger rows that are still wanted: the article still needs exactly this annotation (same
    models and, under selective parsing, the same selection digest)."""
    ledger = spooled_ledger(chunks)
    if ledger.height == 0 or todo.height == 0:
        return pl.DataFrame(schema={"article_id": pl.String(), "chunk": pl.String(),
                                    "reselection": pl.String()})
    for column in ("selection_digest", "reselection"):  # absent from chunks spooled before they were
        if column not in ledger.columns:
            ledger = ledger.with_columns(pl.lit(None, dtype=pl.String()).alias(column))
    wanted = ledger.filter(
        (pl.col("models") == models) & pl.col("selection_digest").eq_missing(pl.lit(digest, pl.String()))
    ).join(todo.select("article_id", "text_sha256"), on=["article_id", "text_sha256"], how="semi")
    # an article spooled twice (a rerun before the first publish): the newest chunk wins
    return wanted.sort("chunk").unique("article_id", keep="last", maintain_order=True)


@dg.asset(
    group_name="entities",
    deps=[articles_clean],
    partitions_def=nlp_shards,
    kinds={"parquet", "stanza"},
    description="Stanza annotation of the cleaned articles that need it (new, re-cleaned, or annotated by "
    "other models or another parse scope), computed in chunks in worker processes without holding the "
    "warehouse writer and spooled as Parquet; `sentences` publishes them. Under selective parsing, articles "
    "whose selection was computed from other cue words or actor knowledge are selected again from their "
    "stored tokens, and only newly selected sentences are parsed. Partitioned by article shard.",
)
def sentences_parquet(
    context: dg.AssetExecutionContext, nlp: NlpResource, actors: ActorsResource, coding: EventCodingResource,
    warehouse: WarehouseResource,
) -> dg.MaterializeResult:
    config = nlp.annotation_config(actors, coding)
    models = annotation_signature_json(config.settings, config.parse_scope)
    digest = config_selection_digest(config)
    shards = set(context.partition_keys)
    spool = warehouse.spool("sentences")
    with warehouse.get().writer(warehouse.lock_timeout_s, serve=False) as con:  # a short read, no publish
        todo = _todo(con, models, shards)
        again = _to_reselect(con, models, digest, shards)
        n_total = con.execute("SELECT count(*) FROM main.articles_clean").fetchall()[0][0]
        reused = _spooled(list_chunks(spool), pl.concat([todo.select("article_id", "text_sha256"),
                                                         again.select("article_id", "text_sha256")]),
                          models, digest)
        todo = todo.join(reused.select("article_id"), on="article_id", how="anti")
        again = again.join(reused.select("article_id"), on="article_id", how="anti")
        con.register("_todo", todo.select("article_id", "text_sha256").to_arrow())
        # staged, not held: every article's text in this process would grow with the corpus
        staged = stage_input(con.sql(_ARTICLES_SQL), spool, context.run.run_id)
        con.unregister("_todo")
        con.register("_reselect", again.select("article_id", "text_sha256").to_arrow())
        staged_again = stage_input(con.sql(_RESELECT_INPUT_SQL), spool, f"{context.run.run_id}-reselect")
        con.unregister("_reselect")
    release_arrow_memory()
    try:
        return _annotate_staged(context, nlp, config, spool, staged, staged_again, todo, again, reused,
                                n_total, len(shards))
    finally:
        staged.remove()
        staged_again.remove()


def _annotate_staged(
    context: dg.AssetExecutionContext, nlp: NlpResource, config: AnnotationConfig, spool: Path,
    staged: StagedInput, staged_again: StagedInput, todo: pl.DataFrame, again: pl.DataFrame,
    reused: pl.DataFrame, n_total: int, n_shards: int,
) -> dg.MaterializeResult:
    """Annotate the staged articles chunk by chunk in the worker pool and spool each chunk; then select again
    the articles whose selection inputs changed, and parse what they newly select."""
    models = annotation_signature_json(config.settings, config.parse_scope)
    digest = config_selection_digest(config)
    n_articles = staged.count()
    n_again = staged_again.count()
    n_models = int(todo["only_models_changed"].sum()) if todo.height else 0
    size = max(1, nlp.chunk_articles)
    n_chunks = -(-n_articles // size)
    workers = min(nlp.worker_count(), max(1, n_articles))
    context.log.info(
        f"{n_articles + reused.height} of {n_total} cleaned articles in {n_shards} shard(s) need "
        f"annotation ({n_models} because the NLP models, tokenizer repairs or parse scope changed); "
        f"{reused.height} already annotated in the spool, annotating {n_articles} in {n_chunks} "
        f"chunk(s) of {size} with {workers} worker(s), parse scope {config.parse_scope}; "
        f"{n_again} to select again (cue words or actor knowledge changed)"
    )
    shard_frame = pl.concat([todo.select("article_id", "shard"), again.select("article_id", "shard")])

    def spool_chunk(frame: pl.DataFrame, ledger: pl.DataFrame, reselection: str | None) -> None:
        frame = frame.with_columns(pl.lit(context.run.run_id).alias("run_id"))
        ledger = ledger.join(shard_frame, on="article_id").with_columns(
            pl.lit(context.run.run_id).alias("run_id"), pl.lit(_now()).alias("annotated_at"),
            pl.lit(reselection, dtype=pl.String()).alias("reselection"))
        write_chunk(spool, frame, ledger)

    started = time.perf_counter()
    n_tokens = n_sentences = n_parsed = 0
    n_reparsed = n_unparsed = n_newly_parsed = 0
    with AnnotationPool(config, workers, nlp.chunks_per_worker) as pool:
        for k, offset in enumerate(range(0, n_articles, size), 1):
            frame, ledger = pool.annotate(staged.rows(offset, size))
            spool_chunk(frame, ledger, None)
            n_tokens += int(ledger["n_tokens"].sum())
            n_sentences += frame.height
            n_parsed += int(ledger["n_parsed"].sum())
            context.log.info(f"annotated chunk {k}/{n_chunks}: {ledger.height} articles, "
                             f"{frame.height} sentences ({int(ledger['n_parsed'].sum())} parsed)")
        if n_again:
            selector = selector_of(config)
        for k, offset in enumerate(range(0, n_again, size), 1):
            rows = staged_again.rows(offset, size)
            kept, unparse, reparse = [], [], []
            for row in rows:
                found = reselect(selector, [from_conllu(c) for c in row["conllu"]])
                row["selected"] = sorted(found.selected)
                (kept if found.unchanged else reparse if found.parse else unparse).append(row)
                n_newly_parsed += len(found.parse)
            # the selection did not change: only the digest is new (published without touching the sentences)
            if kept:
                spool_chunk(*frames([], [{"article_id": r["article_id"], "text_sha256": r["text_sha256"],
                                          "models": models, "parse_scope": config.parse_scope,
                                          "selection_digest": digest} for r in kept]), "digest")
            # sentences only lose a parse: no NLP, here
            if unparse:
                spool_chunk(*frames(*reparse_rows(unparse, config)), "unparsed")
            if reparse:
                frame, ledger = pool.reparse(reparse)
                spool_chunk(frame, ledger, "reparsed")
            n_reparsed += len(reparse)
            n_unparsed += len(unparse)
            context.log.info(f"selected again chunk {k}: {len(rows)} articles, {len(kept)} unchanged, "
                             f"{len(unparse)} with parses dropped, {len(reparse)} parsed again")
    seconds = time.perf_counter() - started
    if n_again:
        context.log.info(f"selected {n_again} articles again for changed cue words or actor knowledge: "
                         f"reselected={n_again}, reparsed_for_cues={n_reparsed} ({n_newly_parsed} sentences "
                         f"parsed), unparsed_for_cues={n_unparsed}")
    return dg.MaterializeResult(metadata={
        "annotated": n_articles,
        "reused_from_spool": reused.height,
        "reannotated_for_models": n_models,
        "reselected": n_again,
        "reparsed_for_cues": n_reparsed,
        "sentences_reparsed_for_cues": n_newly_parsed,
        "unparsed_for_cues": n_unparsed,
        "chunks": n_chunks,
        "workers": workers,
        "parse_scope": config.parse_scope,
        "sentences": n_sentences,
        "parsed_sentences": n_parsed,
        "tokens": n_tokens,
        "seconds": round(seconds, 1),
        "tokens_per_second": round(n_tokens / seconds, 1) if seconds and n_tokens else 0.0,
        "no_new_input": n_articles + n_again + reused.height == 0,
    })


def _publish_groups(pending: pl.DataFrame, size: int) -> list[pl.DataFrame]:
    """Pending ledger rows in chunk order, in groups of at most `size` articles (one transaction each)."""
    return [pending.slice(i, size) for i in range(0, pending.height, size)]


@dg.asset(
    group_name="entities",
    deps=[sentences_parquet],
    partitions_def=nlp_shards,
    pool=WRITER_POOL,
    check_specs=entity_checks.SENTENCE_SPECS,
    kinds={"duckdb"},
    description="Sentences of every cleaned article (headline = sentence -1) with tokens and NER tags and, "
    "where parsed, lemmas, UPOS, features, heads and deprels, as CoNLL-U with offsets into the cleaned text. "
    "Publishes the spooled annotation in chunks, each validated and committed on its own.",
)
def sentences(
    context: dg.AssetExecutionContext, nlp: NlpResource, actors: ActorsResource, coding: EventCodingResource,
    warehouse: WarehouseResource,
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    run_id = context.run.run_id
    config = nlp.annotation_config(actors, coding)
    models = annotation_signature_json(config.settings, config.parse_scope)
    shards = set(context.partition_keys)
    spool = warehouse.spool("sentences")
    outcomes = []
    n_articles = n_rows = n_tokens = n_parsed = n_models = 0
    n_digests = 0
    reselections: Counter[str] = Counter()
    # the selection digest only when there is something to publish (it loads the dictionary and the actors)
    digest = config_selection_digest(config) if list_chunks(spool) else None
    if list_chunks(spool):  # something may be published and validated: import GX first, not while holding
        import great_expectations  # noqa: F401  the writer (its first import takes seconds)

    started = time.perf_counter()
    # a new snapshot is served only if something gets published (the writer sees whether the file changed)
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:
        everywhere = _todo(con, models, set(SHARD_KEYS))
        todo = everywhere.filter(pl.col("shard").is_in(sorted(shards)))
        wanted = pl.concat([todo.select("article_id", "text_sha256"),
                            _to_reselect(con, models, digest, shards).select("article_id", "text_sha256")])
        n_total = con.execute("SELECT count(*) FROM main.articles_clean").fetchall()[0][0]
        chunks = {c.name: c for c in list_chunks(spool)}
        pending = _spooled(chunks.values(), wanted, models, digest)
        # an article whose new selection is what it has: only its recorded digest changes, no sentence
        only_digest = pending.filter(pl.col("reselection").eq_missing(pl.lit("digest")))
        if only_digest.height:
            n_digests = _update_digests(con, only_digest, digest)
            context.log.info(f"{n_digests} articles selected again as they are: new selection digest only")
        pending = pending.filter(~pl.col("reselection").eq_missing(pl.lit("digest")))
        groups = _publish_groups(pending, max(1, nlp.chunk_articles))
        context.log.info(f"publishing {pending.height} spooled articles of {len(shards)} shard(s) in "
                         f"{len(groups)} chunk(s)")
        for k, group in enumerate(groups, 1):
            frames, ledgers = [], []
            for name, part in group.group_by("chunk", maintain_order=True):
                ids = part["article_id"].to_list()
                frames.append(chunks[name[0]].sentences(ids))
                ledgers.append(chunks[name[0]].ledger().filter(pl.col("article_id").is_in(ids)))
            frame = pl.concat(frames, how="vertical_relaxed")
            ledger = pl.concat(ledgers, how="vertical_relaxed").drop("shard")
            con.register("_todo", ledger.select("article_id").to_arrow())
            articles = con.sql("SELECT article_id, title, text FROM main.articles_clean JOIN _todo "
                               "USING (article_id)").pl()
            con.unregister("_todo")
            write_staging(con, "sentences", frame)
            write_staging(con, "annotations", ledger)
            outcome = entity_checks.validate_sentences(frame, ledger, articles)
            outcomes.append(outcome)
            decision = publish_or_fail(
                con, run_id, "sentences", [outcome],
                replace=[("sentences", "article_id", "annotations"),
                         ("annotations", "article_id", "annotations")],
            )
            if not decision.passed:
                # the rejected batch stays inspectable in staging; its spool files go, so that a fixed
                # configuration or model annotates these articles afresh instead of failing on them again
                for name in group["chunk"].unique():
                    chunks.pop(name).remove()
                break
            n_articles += ledger.height
            n_rows += frame.height
            n_tokens += int(ledger["n_tokens"].sum())
            n_parsed += int(ledger["n_parsed"].sum())
            published = todo.join(ledger.select("article_id"), on="article_id")
            n_models += int(published["only_models_changed"].sum())
            reselections.update(r for r in group["reselection"].to_list() if r)
            context.log.info(f"published chunk {k}/{len(groups)}: {ledger.height} articles, {frame.height} "
                             "sentences")
        # spooled files whose articles are all published (or stale) are done
        everywhere = pl.concat([
            _todo(con, models, set(SHARD_KEYS)).select("article_id", "text_sha256"),
            _to_reselect(con, models, digest, set(SHARD_KEYS)).select("article_id", "text_sha256")])
        still_wanted = set(_spooled(chunks.values(), everywhere, models, digest)["chunk"])
        for name, chunk in chunks.items():
            if name not in still_wanted:
                chunk.remove()
    seconds = time.perf_counter() - started
    decision = GateDecision("sentences", [entity_checks.combine_chunks(outcomes)], {})
    yield from decision.check_results()
    decision.raise_if_failed()
    yield dg.MaterializeResult(metadata={
        "annotated": n_articles,
        "reannotated_for_models": n_models,
        "reselected": n_digests + reselections["reparsed"] + reselections["unparsed"],
        "reparsed_for_cues": reselections["reparsed"],
        "unparsed_for_cues": reselections["unparsed"],
        "unchanged": n_total - todo.height,
        "sentences": n_rows,
        "parsed_sentences": n_parsed,
        "tokens": n_tokens,
        "chunks": len(groups),
        "publish_seconds": round(seconds, 2),
        "parse_scope": nlp.parse_scope,
        "no_new_input": pending.height == 0 and n_digests == 0,
    })


def _update_digests(con, rows: pl.DataFrame, digest: str | None) -> int:
    """Record the new selection digest of articles whose sentences stay as they are (one transaction); an
    article re-cleaned since is left alone (it is annotated again). Returns the number updated."""
    con.register("_digests", rows.select("article_id", "text_sha256").to_arrow())
    try:
        con.execute("BEGIN TRANSACTION")
        n = con.execute(
            "UPDATE main.annotations AS a SET selection_digest = $digest FROM _digests d "
            "WHERE a.article_id = d.article_id AND a.text_sha256 = d.text_sha256",
            {"digest": digest}).fetchall()[0][0]
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_digests")
    return n


_SENTENCES_OF_CHUNK = """SELECT article_id, sentence_index, conllu FROM main.sentences
                         JOIN _chunk USING (article_id) ORDER BY article_id, sentence_index"""
_TEXTS_OF_CHUNK = """SELECT article_id, title, text FROM main.articles_clean JOIN _chunk USING (article_id)
                     ORDER BY article_id"""
# each chunk replaces its articles' mentions together with their ledger rows, in one transaction
_MENTION_TABLES = [("entity_mentions", "article_id", "entity_resolutions"),
                   ("entity_resolutions", "article_id", "entity_resolutions")]


@dg.asset(
    group_name="entities",
    deps=[sentences],
    pool=WRITER_POOL,
    check_specs=entity_checks.MENTION_SPECS,
    kinds={"duckdb", "polars"},
    description="Named-entity spans and dictionary matches resolved to country (iso3), sector and actor "
    "at the article date, with within-article name coreference. Incremental. Resolved, validated and "
    "staged one chunk of articles at a time, then (if the whole batch passed) published chunk by chunk.",
)
def entity_mentions(
    context: dg.AssetExecutionContext, actors: ActorsResource, warehouse: WarehouseResource,
    gates: QualityGates,
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    run_id = context.run.run_id
    knowledge = load_knowledge(Path(actors.data_dir) if actors.data_dir else None)
    version = knowledge_version(knowledge)
    gate = entity_checks.MentionGate(knowledge, gates)
    countries: Counter[str] = Counter()
    n_mentions = n_states = n_failed = n_new_failed = 0
    ranges: list[tuple[str, str]] = []
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:  # served only if it changed
        todo = con.sql(_TO_RESOLVE_SQL, params={"version": version}).pl()
        n_total = con.execute("SELECT count(*) FROM main.annotations").fetchall()[0][0]
        context.log.info(f"{todo.height} of {n_total} annotated articles need actor resolution")
        clear_staging(con, "entity_mentions", "entity_resolutions")
        # one chunk of articles at a time: resolve, validate row by row, stage; nothing held grows with todo
        for chunk, (rows, articles) in article_chunks(con, todo, [_SENTENCES_OF_CHUNK, _TEXTS_OF_CHUNK]):
            dates = dict(chunk.select("article_id", "published_date").iter_rows())
            mentions, summary, failed = resolve_frame(rows, dates, knowledge)
            n_new_failed += quarantine_failed_articles(context, con, failed, "entities")
            n_failed += failed.height
            articles = articles.filter(~pl.col("article_id").is_in(failed["article_id"].implode()))
            mentions = mentions.with_columns(pl.lit(run_id).alias("run_id"))
            ledger = summary.join(chunk.select("article_id", "annotation_run_id"), on="article_id")
            ledger = ledger.with_columns(
                pl.lit(version).alias("knowledge_version"), pl.lit(run_id).alias("run_id"),
                pl.lit(_now()).alias("resolved_at"),
            )
            append_staging(con, "entity_mentions", mentions)
            append_staging(con, "entity_resolutions", ledger)
            gate.add(mentions, summary, articles)
            if ledger.height:
                ranges.append((ledger["article_id"].min(), ledger["article_id"].max()))
            resolved = mentions.filter((pl.col("iso3") != "") & (pl.col("role") == "actor"))
            countries.update(dict(resolved.group_by("iso3").len().iter_rows()))
            n_mentions += mentions.height
            n_states += resolved.height
        decision = decide(con, run_id, "entity_mentions", [gate.outcome()])
        if decision.passed:
            publish_chunks(con, _MENTION_TABLES, ranges, lambda k, rows: context.log.info(
                f"published chunk {k}/{len(ranges)}: {rows['entity_resolutions']} articles, "
                f"{rows['entity_mentions']} mentions"))
    yield from decision.check_results()
    decision.raise_if_failed()
    yield dg.MaterializeResult(metadata={
        "resolved_articles": todo.height - n_failed,
        "failed_articles": n_failed,
        "newly_quarantined": n_new_failed,
        "unchanged": n_total - todo.height,
        "mentions": n_mentions,
        "state_mentions": n_states,
        "countries": dg.MetadataValue.json(dict(countries.most_common(15))),
        "chunks": len(ranges),
        "knowledge_version": version,
        "no_new_input": todo.height == 0,
    })
