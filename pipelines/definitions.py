"""Assembles the Dagster code location: assets, checks, job, schedule, sensor, resources."""

from __future__ import annotations

import dagster as dg

from assets.aggregates import dyad_panels
from assets.cleaned import articles_clean
from assets.entities import entity_mentions, sentences, sentences_parquet
from assets.events import event_mentions, events
from assets.raw import raw_articles
from pipelines.jobs import chain_job, ingest_clean_job, nlp_job
from pipelines.resources import (
    ActorsResource,
    AggregatesResource,
    CleaningResource,
    EventCodingResource,
    InboxResource,
    NlpResource,
    QualityGates,
    WarehouseResource,
)
from pipelines.schedules import daily_chain
from pipelines.sensors import inbox_sensor
from pipelines.settings import Settings


def build_resources(settings: Settings) -> dict[str, dg.ConfigurableResource]:
    return {
        "inbox": InboxResource(path=str(settings.inbox)),
        "warehouse": WarehouseResource(path=str(settings.warehouse),
                                       duckdb_memory_limit=settings.duckdb_memory_limit),
        "cleaning": CleaningResource(),
        "gates": QualityGates(),
        "nlp": NlpResource(stanza_resources_dir=settings.stanza_resources_dir, workers=settings.nlp_workers),
        "actors": ActorsResource(),
        "coding": EventCodingResource(),
        "aggregates": AggregatesResource(),
    }


def build_definitions(settings: Settings, resources: dict | None = None) -> dg.Definitions:
    return dg.Definitions(
        assets=[
            raw_articles, articles_clean, sentences_parquet, sentences, entity_mentions, event_mentions,
            events, dyad_panels,
        ],
        jobs=[chain_job, ingest_clean_job, nlp_job],
        schedules=[daily_chain],
        sensors=[inbox_sensor],
        resources={**build_resources(settings), **(resources or {})},
        # GX costs ~5 s to import; one process per run pays it once (see shared design notes).
        executor=dg.in_process_executor,
    )


defs = build_definitions(Settings.from_env())
