"""`sentences` (Stanza annotation) and `entity_mentions` (actors resolved at the article date)."""

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import dagster as dg
import polars as pl

from assets.cleaned import articles_clean
from assets.gating import GateDecision, decide, publish_or_fail, quarantine_failed_articles
from checks import entities as entity_checks
from peristiwa.actors import Knowledge, load_knowledge
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
from peristiwa.annotation.selection import ParseSelector, reselect
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
from warehouse.spool import (
    SpoolChunk,
    StagedInput,
    list_chunks,
    spooled_ledger,
    stage_input,
    write_chunk,
)

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
        reused = _spooled(list_chunks(spool), _wanted_keys(todo, again), models, digest)
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


@dataclass(frozen=True)
class _AnnotationPlan:
    """How much `sentences_parquet` has to do in this run, and with how many chunks and workers."""

    n_articles: int  # staged to annotate
    n_again: int  # staged to select again
    n_reused: int  # found annotated in the spool
    n_models: int  # to annotate because the models, tokenizer repairs or parse scope changed
    size: int  # articles a chunk
    n_chunks: int
    workers: int


def _plan(nlp: NlpResource, staged: StagedInput, staged_again: StagedInput, todo: pl.DataFrame,
          reused: pl.DataFrame) -> _AnnotationPlan:
    n_articles = staged.count()
    size = max(1, nlp.chunk_articles)
    return _AnnotationPlan(
        n_articles=n_articles,
        n_again=staged_again.count(),
        n_reused=reused.height,
        n_models=int(todo["only_models_changed"].sum()) if todo.height else 0,
        size=size,
        n_chunks=-(-n_articles // size),
        workers=min(nlp.worker_count(), max(1, n_articles)),
    )


def _log_plan(context: dg.AssetExecutionContext, plan: _AnnotationPlan, parse_scope: str, n_total: int,
              n_shards: int) -> None:
    context.log.info(
        f"{plan.n_articles + plan.n_reused} of {n_total} cleaned articles in {n_shards} shard(s) need "
        f"annotation ({plan.n_models} because the NLP models, tokenizer repairs or parse scope changed); "
        f"{plan.n_reused} already annotated in the spool, annotating {plan.n_articles} in {plan.n_chunks} "
        f"chunk(s) of {plan.size} with {plan.workers} worker(s), parse scope {parse_scope}; "
        f"{plan.n_again} to select again (cue words or actor knowledge changed)"
    )


@dataclass(frozen=True)
class _ChunkSpool:
    """Writes this run's chunks to the spool with what `sentences` needs to publish them: the run, each
    article's shard, when it was annotated and, for an article selected again, what its new selection
    changed (``reselection``: digest, unparsed or reparsed; None for a fresh annotation)."""

    path: Path
    run_id: str
    shards: pl.DataFrame  # article_id, shard of every article this run annotates or selects again

    def write(self, frame: pl.DataFrame, ledger: pl.DataFrame, reselection: str | None) -> None:
        frame = frame.with_columns(pl.lit(self.run_id).alias("run_id"))
        ledger = ledger.join(self.shards, on="article_id").with_columns(
            pl.lit(self.run_id).alias("run_id"), pl.lit(_now()).alias("annotated_at"),
            pl.lit(reselection, dtype=pl.String()).alias("reselection"))
        write_chunk(self.path, frame, ledger)


@dataclass
class _AnnotationTally:
    """What the chunks of one `sentences_parquet` run produced, for its metadata."""

    tokens: int = 0
    sentences: int = 0
    parsed: int = 0
    reparsed: int = 0  # articles selected again with a sentence newly selected
    unparsed: int = 0  # articles selected again whose sentences only lose a parse
    newly_parsed: int = 0  # sentences parsed because they are newly selected


def _annotate_staged(
    context: dg.AssetExecutionContext, nlp: NlpResource, config: AnnotationConfig, spool: Path,
    staged: StagedInput, staged_again: StagedInput, todo: pl.DataFrame, again: pl.DataFrame,
    reused: pl.DataFrame, n_total: int, n_shards: int,
) -> dg.MaterializeResult:
    """Annotate the staged articles chunk by chunk in the worker pool and spool each chunk; then select again
    the articles whose selection inputs changed, and parse what they newly select."""
    plan = _plan(nlp, staged, staged_again, todo, reused)
    _log_plan(context, plan, config.parse_scope, n_total, n_shards)
    shards = pl.concat([todo.select("article_id", "shard"), again.select("article_id", "shard")])
    chunk_spool = _ChunkSpool(spool, context.run.run_id, shards)
    tally = _AnnotationTally()
    started = time.perf_counter()
    with AnnotationPool(config, plan.workers, nlp.chunks_per_worker) as pool:
        _annotate_chunks(context, pool, staged, plan, chunk_spool, tally)
        _reselect_chunks(context, pool, config, staged_again, plan, chunk_spool, tally)
    seconds = time.perf_counter() - started
    if plan.n_again:
        context.log.info(f"selected {plan.n_again} articles again for changed cue words or actor knowledge: "
                         f"reselected={plan.n_again}, reparsed_for_cues={tally.reparsed} "
                         f"({tally.newly_parsed} sentences parsed), unparsed_for_cues={tally.unparsed}")
    return dg.MaterializeResult(metadata=_annotation_metadata(plan, tally, config.parse_scope, seconds))


def _annotate_chunks(context: dg.AssetExecutionContext, pool: AnnotationPool, staged: StagedInput,
                     plan: _AnnotationPlan, chunk_spool: _ChunkSpool, tally: _AnnotationTally) -> None:
    """Annotate the staged articles a chunk at a time and spool each chunk."""
    for k, offset in enumerate(range(0, plan.n_articles, plan.size), 1):
        frame, ledger = pool.annotate(staged.rows(offset, plan.size))
        chunk_spool.write(frame, ledger, None)
        tally.tokens += int(ledger["n_tokens"].sum())
        tally.sentences += frame.height
        tally.parsed += int(ledger["n_parsed"].sum())
        context.log.info(f"annotated chunk {k}/{plan.n_chunks}: {ledger.height} articles, "
                         f"{frame.height} sentences ({int(ledger['n_parsed'].sum())} parsed)")


class _Reselected(NamedTuple):
    """One chunk of articles selected again, sorted by what their new selection changes."""

    kept: list[dict]  # the same sentences: only the digest is new
    unparse: list[dict]  # sentences only lose a parse
    reparse: list[dict]  # a sentence is newly selected and must be parsed
    n_newly_parsed: int  # the sentences newly selected, over all articles


def _reselect_chunks(context: dg.AssetExecutionContext, pool: AnnotationPool, config: AnnotationConfig,
                     staged_again: StagedInput, plan: _AnnotationPlan, chunk_spool: _ChunkSpool,
                     tally: _AnnotationTally) -> None:
    """Select the staged annotated articles again from their stored sentences a chunk at a time, and spool
    what changes."""
    if not plan.n_again:
        return
    selector = selector_of(config)  # only when needed: it loads the dictionary and the actor knowledge
    models = annotation_signature_json(config.settings, config.parse_scope)
    digest = config_selection_digest(config)
    for k, offset in enumerate(range(0, plan.n_again, plan.size), 1):
        rows = staged_again.rows(offset, plan.size)
        chunk = _reselect_rows(selector, rows)
        _spool_reselected(pool, config, models, digest, chunk, chunk_spool)
        tally.reparsed += len(chunk.reparse)
        tally.unparsed += len(chunk.unparse)
        tally.newly_parsed += chunk.n_newly_parsed
        context.log.info(f"selected again chunk {k}: {len(rows)} articles, {len(chunk.kept)} unchanged, "
                         f"{len(chunk.unparse)} with parses dropped, {len(chunk.reparse)} parsed again")


def _reselect_rows(selector: ParseSelector, rows: list[dict]) -> _Reselected:
    """Each article's selection computed again from its stored sentences (written to its ``selected``)."""
    kept, unparse, reparse = [], [], []
    n_newly_parsed = 0
    for row in rows:
        found = reselect(selector, [from_conllu(c) for c in row["conllu"]])
        row["selected"] = sorted(found.selected)
        (kept if found.unchanged else reparse if found.parse else unparse).append(row)
        n_newly_parsed += len(found.parse)
    return _Reselected(kept, unparse, reparse, n_newly_parsed)


def _spool_reselected(pool: AnnotationPool, config: AnnotationConfig, models: str, digest: str | None,
                      chunk: _Reselected, chunk_spool: _ChunkSpool) -> None:
    """Spool one chunk of articles selected again: a ledger row with the new digest for those whose selection
    is unchanged, and new sentences (parses dropped, or newly selected sentences parsed) for the others."""
    # the selection did not change: only the digest is new (published without touching the sentences)
    if chunk.kept:
        ledger_rows = [{"article_id": r["article_id"], "text_sha256": r["text_sha256"], "models": models,
                        "parse_scope": config.parse_scope, "selection_digest": digest} for r in chunk.kept]
        chunk_spool.write(*frames([], ledger_rows), "digest")
    # sentences only lose a parse: no NLP, here
    if chunk.unparse:
        chunk_spool.write(*frames(*reparse_rows(chunk.unparse, config)), "unparsed")
    if chunk.reparse:
        frame, ledger = pool.reparse(chunk.reparse)
        chunk_spool.write(frame, ledger, "reparsed")


def _annotation_metadata(plan: _AnnotationPlan, tally: _AnnotationTally, parse_scope: str,
                         seconds: float) -> dict:
    return {
        "annotated": plan.n_articles,
        "reused_from_spool": plan.n_reused,
        "reannotated_for_models": plan.n_models,
        "reselected": plan.n_again,
        "reparsed_for_cues": tally.reparsed,
        "sentences_reparsed_for_cues": tally.newly_parsed,
        "unparsed_for_cues": tally.unparsed,
        "chunks": plan.n_chunks,
        "workers": plan.workers,
        "parse_scope": parse_scope,
        "sentences": tally.sentences,
        "parsed_sentences": tally.parsed,
        "tokens": tally.tokens,
        "seconds": round(seconds, 1),
        "tokens_per_second": round(tally.tokens / seconds, 1) if seconds and tally.tokens else 0.0,
        "no_new_input": plan.n_articles + plan.n_again + plan.n_reused == 0,
    }


def _publish_groups(pending: pl.DataFrame, size: int) -> list[pl.DataFrame]:
    """Pending ledger rows in chunk order, in groups of at most `size` articles (one transaction each)."""
    return [pending.slice(i, size) for i in range(0, pending.height, size)]


@dataclass
class _PublishTally:
    """What `sentences` published, counted chunk by chunk, for its checks and metadata."""

    articles: int = 0
    rows: int = 0
    tokens: int = 0
    parsed: int = 0
    for_models: int = 0  # articles annotated again because the models changed
    digests: int = 0  # articles selected again as they are: only their digest was recorded
    reselections: Counter[str] = field(default_factory=Counter)  # published articles by `reselection`
    outcomes: list = field(default_factory=list)  # one validation outcome per chunk

    def add(self, frame: pl.DataFrame, ledger: pl.DataFrame, group: pl.DataFrame, todo: pl.DataFrame) -> None:
        self.articles += ledger.height
        self.rows += frame.height
        self.tokens += int(ledger["n_tokens"].sum())
        self.parsed += int(ledger["n_parsed"].sum())
        published = todo.join(ledger.select("article_id"), on="article_id")
        self.for_models += int(published["only_models_changed"].sum())
        self.reselections.update(r for r in group["reselection"].to_list() if r)


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
    config = nlp.annotation_config(actors, coding)
    models = annotation_signature_json(config.settings, config.parse_scope)
    shards = set(context.partition_keys)
    spool = warehouse.spool("sentences")
    # the selection digest only when there is something to publish (it loads the dictionary and the actors)
    digest = config_selection_digest(config) if list_chunks(spool) else None
    if list_chunks(spool):  # something may be published and validated: import GX first, not while holding
        import great_expectations  # noqa: F401  the writer (its first import takes seconds)

    tally = _PublishTally()
    started = time.perf_counter()
    # a new snapshot is served only if something gets published (the writer sees whether the file changed)
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:
        todo = _todo(con, models, shards)
        wanted = _wanted_keys(todo, _to_reselect(con, models, digest, shards))
        n_total = con.execute("SELECT count(*) FROM main.articles_clean").fetchall()[0][0]
        chunks = {c.name: c for c in list_chunks(spool)}
        spooled = _spooled(chunks.values(), wanted, models, digest)
        pending = _record_unchanged_selections(context, con, spooled, digest, tally)
        groups = _publish_groups(pending, max(1, nlp.chunk_articles))
        context.log.info(f"publishing {pending.height} spooled articles of {len(shards)} shard(s) in "
                         f"{len(groups)} chunk(s)")
        _publish_spooled(context, con, chunks, groups, todo, tally)
        _remove_finished_chunks(con, chunks, models, digest)
    seconds = time.perf_counter() - started
    decision = GateDecision("sentences", [entity_checks.combine_chunks(tally.outcomes)], {})
    yield from decision.check_results()
    decision.raise_if_failed()
    yield dg.MaterializeResult(metadata=_publish_metadata(
        tally, n_unchanged=n_total - todo.height, n_chunks=len(groups), seconds=seconds,
        parse_scope=nlp.parse_scope, n_pending=pending.height))


def _publish_metadata(tally: _PublishTally, n_unchanged: int, n_chunks: int, seconds: float, parse_scope: str,
                      n_pending: int) -> dict:
    return {
        "annotated": tally.articles,
        "reannotated_for_models": tally.for_models,
        "reselected": tally.digests + tally.reselections["reparsed"] + tally.reselections["unparsed"],
        "reparsed_for_cues": tally.reselections["reparsed"],
        "unparsed_for_cues": tally.reselections["unparsed"],
        "unchanged": n_unchanged,
        "sentences": tally.rows,
        "parsed_sentences": tally.parsed,
        "tokens": tally.tokens,
        "chunks": n_chunks,
        "publish_seconds": round(seconds, 2),
        "parse_scope": parse_scope,
        "no_new_input": n_pending == 0 and tally.digests == 0,
    }


def _wanted_keys(todo: pl.DataFrame, again: pl.DataFrame) -> pl.DataFrame:
    """article_id and text_sha256 of the articles to annotate and of those to select again."""
    return pl.concat([todo.select("article_id", "text_sha256"), again.select("article_id", "text_sha256")])


def _record_unchanged_selections(context: dg.AssetExecutionContext, con, pending: pl.DataFrame,
                                 digest: str | None, tally: _PublishTally) -> pl.DataFrame:
    """Record the new digest of the pending articles whose new selection is what they have (no sentence
    changes); returns the pending rows that still have sentences to publish."""
    only_digest = pl.col("reselection").eq_missing(pl.lit("digest"))
    unchanged = pending.filter(only_digest)
    if unchanged.height:
        tally.digests = _update_digests(con, unchanged, digest)
        context.log.info(f"{tally.digests} articles selected again as they are: new selection digest only")
    return pending.filter(~only_digest)


def _publish_spooled(context: dg.AssetExecutionContext, con, chunks: dict[str, SpoolChunk],
                     groups: list[pl.DataFrame], todo: pl.DataFrame, tally: _PublishTally) -> None:
    """Validate and publish the spooled articles one group (transaction) at a time, stopping at the first
    group that fails its checks."""
    for k, group in enumerate(groups, 1):
        frame, ledger = _read_group(chunks, group)
        outcome, passed = _validate_and_publish(con, context.run.run_id, frame, ledger)
        tally.outcomes.append(outcome)
        if not passed:
            # the rejected batch stays inspectable in staging; its spool files go, so that a fixed
            # configuration or model annotates these articles afresh instead of failing on them again
            for name in group["chunk"].unique():
                chunks.pop(name).remove()
            break
        tally.add(frame, ledger, group, todo)
        context.log.info(f"published chunk {k}/{len(groups)}: {ledger.height} articles, {frame.height} "
                         "sentences")


def _read_group(chunks: dict[str, SpoolChunk], group: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The spooled sentences and ledger rows of a group's articles, from whichever chunks hold them."""
    sentence_parts, ledger_parts = [], []
    for name, part in group.group_by("chunk", maintain_order=True):
        ids = part["article_id"].to_list()
        sentence_parts.append(chunks[name[0]].sentences(ids))
        ledger_parts.append(chunks[name[0]].ledger().filter(pl.col("article_id").is_in(ids)))
    return (pl.concat(sentence_parts, how="vertical_relaxed"),
            pl.concat(ledger_parts, how="vertical_relaxed").drop("shard"))


def _validate_and_publish(con, run_id: str, frame: pl.DataFrame, ledger: pl.DataFrame) -> tuple[object, bool]:
    """Stage one group's sentences and ledger, validate them against their articles' texts and publish them
    if they pass (in one transaction). Returns the validation outcome and whether it was published."""
    con.register("_todo", ledger.select("article_id").to_arrow())
    articles = con.sql("SELECT article_id, title, text FROM main.articles_clean JOIN _todo "
                       "USING (article_id)").pl()
    con.unregister("_todo")
    write_staging(con, "sentences", frame)
    write_staging(con, "annotations", ledger)
    outcome = entity_checks.validate_sentences(frame, ledger, articles)
    decision = publish_or_fail(
        con, run_id, "sentences", [outcome],
        replace=[("sentences", "article_id", "annotations"),
                 ("annotations", "article_id", "annotations")],
    )
    return outcome, decision.passed


def _remove_finished_chunks(con, chunks: dict[str, SpoolChunk], models: str, digest: str | None) -> None:
    """Spooled files whose articles are all published (or stale, in any shard) are done."""
    everywhere = _wanted_keys(_todo(con, models, set(SHARD_KEYS)),
                              _to_reselect(con, models, digest, set(SHARD_KEYS)))
    still_wanted = set(_spooled(chunks.values(), everywhere, models, digest)["chunk"])
    for name, chunk in chunks.items():
        if name not in still_wanted:
            chunk.remove()


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
    tally = _ResolveTally()
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:  # served only if it changed
        todo = con.sql(_TO_RESOLVE_SQL, params={"version": version}).pl()
        n_total = con.execute("SELECT count(*) FROM main.annotations").fetchall()[0][0]
        context.log.info(f"{todo.height} of {n_total} annotated articles need actor resolution")
        clear_staging(con, "entity_mentions", "entity_resolutions")
        # one chunk of articles at a time: resolve, validate row by row, stage; nothing held grows with todo
        for chunk, (rows, articles) in article_chunks(con, todo, [_SENTENCES_OF_CHUNK, _TEXTS_OF_CHUNK]):
            _resolve_chunk(context, con, chunk, rows, articles, knowledge, version, gate, tally)
        decision = decide(con, run_id, "entity_mentions", [gate.outcome()])
        if decision.passed:
            ranges = tally.ranges
            publish_chunks(con, _MENTION_TABLES, ranges, lambda k, rows: context.log.info(
                f"published chunk {k}/{len(ranges)}: {rows['entity_resolutions']} articles, "
                f"{rows['entity_mentions']} mentions"))
    yield from decision.check_results()
    decision.raise_if_failed()
    yield dg.MaterializeResult(metadata=_resolution_metadata(tally, todo.height, n_total, version))


@dataclass
class _ResolveTally:
    """What `entity_mentions` resolved, counted chunk by chunk, for its metadata and publication."""

    countries: Counter[str] = field(default_factory=Counter)  # actor mentions resolved to a country
    mentions: int = 0
    states: int = 0
    failed: int = 0
    new_failed: int = 0  # failed articles not quarantined before
    ranges: list[tuple[str, str]] = field(default_factory=list)  # (first, last) article id of each chunk

    def add(self, mentions: pl.DataFrame, ledger: pl.DataFrame) -> None:
        if ledger.height:
            self.ranges.append((ledger["article_id"].min(), ledger["article_id"].max()))
        resolved = mentions.filter((pl.col("iso3") != "") & (pl.col("role") == "actor"))
        self.countries.update(dict(resolved.group_by("iso3").len().iter_rows()))
        self.mentions += mentions.height
        self.states += resolved.height


def _resolve_chunk(context: dg.AssetExecutionContext, con, chunk: pl.DataFrame, rows: pl.DataFrame,
                   articles: pl.DataFrame, knowledge: Knowledge, version: str,
                   gate: entity_checks.MentionGate, tally: _ResolveTally) -> None:
    """Resolve one chunk's actors, set aside the articles that fail, stage the rest and feed the gate."""
    run_id = context.run.run_id
    dates = dict(chunk.select("article_id", "published_date").iter_rows())
    mentions, summary, failed = resolve_frame(rows, dates, knowledge)
    tally.new_failed += quarantine_failed_articles(context, con, failed, "entities")
    tally.failed += failed.height
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
    tally.add(mentions, ledger)


def _resolution_metadata(tally: _ResolveTally, n_todo: int, n_total: int, version: str) -> dict:
    return {
        "resolved_articles": n_todo - tally.failed,
        "failed_articles": tally.failed,
        "newly_quarantined": tally.new_failed,
        "unchanged": n_total - n_todo,
        "mentions": tally.mentions,
        "state_mentions": tally.states,
        "countries": dg.MetadataValue.json(dict(tally.countries.most_common(15))),
        "chunks": len(tally.ranges),
        "knowledge_version": version,
        "no_new_input": n_todo == 0,
    }
