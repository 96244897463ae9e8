"""`sentences` (Stanza annotation) and `entity_mentions` (actors resolved at the article date)."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from assets.cleaned import articles_clean
from assets.gating import publish_or_fail
from checks import entities as entity_checks
from peristiwa.actors import load_knowledge
from peristiwa.actors.batch import knowledge_version, resolve_frame
from peristiwa.annotation.batch import annotate_articles, annotation_signature_json
from pipelines.resources import WRITER_POOL, ActorsResource, NlpResource, QualityGates, WarehouseResource
from warehouse.publish import write_staging

# Articles never annotated, whose title/text changed since (e.g. re-cleaned under new rules), or annotated
# by other models or tokenizer repairs than the ones configured now (the ledger's `models`).
_TO_ANNOTATE_SQL = """
WITH current AS (
    SELECT article_id, title, text, spans_json,
           sha256(coalesce(title, '') || chr(10) || text) AS text_sha256
    FROM main.articles_clean
)
SELECT c.*, a.article_id IS NOT NULL AND a.text_sha256 = c.text_sha256 AS only_models_changed
FROM current c LEFT JOIN main.annotations a USING (article_id)
WHERE a.article_id IS NULL OR a.text_sha256 <> c.text_sha256 OR a.models <> $models
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


@dg.asset(
    group_name="entities",
    deps=[articles_clean],
    pool=WRITER_POOL,
    check_specs=entity_checks.SENTENCE_SPECS,
    kinds={"duckdb", "stanza"},
    description="Sentences of every cleaned article (headline = sentence -1) with tokens, lemmas, UPOS, "
    "features, heads, deprels and NER tags as CoNLL-U, offsets into the cleaned text. Incremental.",
)
def sentences(
    context: dg.AssetExecutionContext, nlp: NlpResource, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    run_id = context.run.run_id
    settings = nlp.settings()
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:
        todo = con.sql(_TO_ANNOTATE_SQL, params={"models": annotation_signature_json(settings)}).pl()
        n_total = con.execute("SELECT count(*) FROM main.articles_clean").fetchall()[0][0]
        n_models = int(todo["only_models_changed"].sum()) if todo.height else 0
        todo = todo.drop("only_models_changed")
        context.log.info(f"{todo.height} of {n_total} cleaned articles need annotation "
                         f"({n_models} because the NLP models or tokenizer repairs changed)")
        started = _now()
        frame, ledger = annotate_articles(todo, settings, chunk=nlp.docs_per_batch, progress=context.log.info)
        seconds = (_now() - started).total_seconds()
        frame = frame.with_columns(pl.lit(run_id).alias("run_id"))
        ledger = ledger.with_columns(pl.lit(run_id).alias("run_id"), pl.lit(_now()).alias("annotated_at"))
        write_staging(con, "sentences", frame)
        write_staging(con, "annotations", ledger)
        articles = todo.select("article_id", "title", "text")
        outcomes = [entity_checks.validate_sentences(frame, ledger, articles)]
        decision = publish_or_fail(
            con, run_id, "sentences", outcomes,
            replace=[("sentences", "article_id", "annotations"),
                     ("annotations", "article_id", "annotations")],
        )
    yield from decision.check_results()
    decision.raise_if_failed()
    n_tokens = int(ledger["n_tokens"].sum()) if ledger.height else 0
    yield dg.MaterializeResult(metadata={
        "annotated": todo.height,
        "reannotated_for_models": n_models,
        "unchanged": n_total - todo.height,
        "sentences": frame.height,
        "tokens": n_tokens,
        "tokens_per_second": round(n_tokens / seconds, 1) if seconds and n_tokens else 0.0,
        "no_new_input": todo.height == 0,
    })


@dg.asset(
    group_name="entities",
    deps=[sentences],
    pool=WRITER_POOL,
    check_specs=entity_checks.MENTION_SPECS,
    kinds={"duckdb", "polars"},
    description="Named-entity spans and dictionary matches resolved to country (iso3), sector and actor "
    "at the article date, with within-article name coreference. Incremental.",
)
def entity_mentions(
    context: dg.AssetExecutionContext, actors: ActorsResource, warehouse: WarehouseResource,
    gates: QualityGates,
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    run_id = context.run.run_id
    knowledge = load_knowledge(Path(actors.data_dir) if actors.data_dir else None)
    version = knowledge_version(knowledge)
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:
        todo = con.sql(_TO_RESOLVE_SQL, params={"version": version}).pl()
        n_total = con.execute("SELECT count(*) FROM main.annotations").fetchall()[0][0]
        context.log.info(f"{todo.height} of {n_total} annotated articles need actor resolution")
        con.register("_todo", todo.select("article_id").to_arrow())
        sentence_rows = con.sql(
            "SELECT article_id, sentence_index, conllu FROM main.sentences JOIN _todo USING (article_id)"
        ).pl()
        articles = con.sql(
            "SELECT article_id, title, text FROM main.articles_clean JOIN _todo USING (article_id)"
        ).pl()
        con.unregister("_todo")
        dates = dict(todo.select("article_id", "published_date").iter_rows())
        mentions, summary = resolve_frame(sentence_rows, dates, knowledge)
        mentions = mentions.with_columns(pl.lit(run_id).alias("run_id"))
        ledger = summary.join(todo.select("article_id", "annotation_run_id"), on="article_id").with_columns(
            pl.lit(version).alias("knowledge_version"), pl.lit(run_id).alias("run_id"),
            pl.lit(_now()).alias("resolved_at"),
        )
        write_staging(con, "entity_mentions", mentions)
        write_staging(con, "entity_resolutions", ledger)
        outcomes = [entity_checks.validate_mentions(mentions, summary, articles, knowledge, gates)]
        decision = publish_or_fail(
            con, run_id, "entity_mentions", outcomes,
            replace=[("entity_mentions", "article_id", "entity_resolutions"),
                     ("entity_resolutions", "article_id", "entity_resolutions")],
        )
    yield from decision.check_results()
    decision.raise_if_failed()
    resolved = mentions.filter((pl.col("iso3") != "") & (pl.col("role") == "actor"))
    yield dg.MaterializeResult(metadata={
        "resolved_articles": todo.height,
        "unchanged": n_total - todo.height,
        "mentions": mentions.height,
        "state_mentions": resolved.height,
        "countries": dg.MetadataValue.json(
            dict(resolved.group_by("iso3").len().sort("len", descending=True).head(15).iter_rows())
        ),
        "knowledge_version": version,
        "no_new_input": todo.height == 0,
    })
