"""The one job that runs the whole chain; its blocking checks gate each stage inside the run."""

import dagster as dg

chain_job = dg.define_asset_job(
    "chain_job",
    selection=dg.AssetSelection.all(),
    description="Ingest, clean, annotate, resolve actors, code events, build country-pair panels; "
    "publish each stage whose checks pass.",
)

ingest_clean_job = dg.define_asset_job(
    "ingest_clean_job",
    selection=dg.AssetSelection.assets("raw_articles", "articles_clean"),
    description="Only ingest and clean (no NLP): fast, for large backfills of raw text.",
)
