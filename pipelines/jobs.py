"""The job that runs the whole chain (its blocking checks gate each stage inside the run), and the jobs that
run parts of it: ingest + clean only, and the partitioned NLP stage alone (for backfills that scale out)."""

import dagster as dg

chain_job = dg.define_asset_job(
    "chain_job",
    selection=dg.AssetSelection.all(),
    description="Ingest, clean, annotate, resolve actors, code events, build country-pair panels; "
    "publish each stage whose checks pass. Launch it over every NLP shard in one run (the tags of "
    "`pipelines.partitions.all_shards_tags()`; the CLI, schedule and sensor do).",
)

ingest_clean_job = dg.define_asset_job(
    "ingest_clean_job",
    selection=dg.AssetSelection.assets("raw_articles", "articles_clean"),
    description="Only ingest and clean (no NLP): fast, for large backfills of raw text.",
)

nlp_job = dg.define_asset_job(
    "nlp_job",
    selection=dg.AssetSelection.assets("sentences_parquet", "sentences"),
    description="Annotate (without the warehouse writer) and publish the articles of one NLP shard. A "
    "backfill over the shards launches one run per shard; the run queue limits how many run at once "
    "(`concurrency.runs.max_concurrent_runs`, or the `peristiwa/stage: nlp` tag limit). Run `chain_job` "
    "afterwards to resolve actors, code events and aggregate.",
    tags={"peristiwa/stage": "nlp"},
)
