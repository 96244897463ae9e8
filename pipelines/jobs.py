"""The one job that runs the whole chain; its blocking checks gate each stage inside the run."""

import dagster as dg

chain_job = dg.define_asset_job(
    "chain_job",
    selection=dg.AssetSelection.all(),
    description="Ingest the inbox, clean, and publish every stage whose checks pass.",
)
