"""Partitions of the NLP stage: articles fall into a fixed number of shards by their id (a content hash).

Shards rather than months or ingest batches: they are equal in size whatever the dates (undated articles
included), stable (an article never moves), and they cover re-annotation after a model change as well as new
articles. One run can cover every shard (`peristiwa run`: `chain_job` over the whole range) or one shard
(a Dagster backfill of `nlp_job` launches one run per shard; the run queue decides how many run at once).
"""

from __future__ import annotations

import dagster as dg

NLP_SHARD_COUNT = 32
SHARD_KEYS = [f"shard-{i:02d}" for i in range(NLP_SHARD_COUNT)]
nlp_shards = dg.StaticPartitionsDefinition(SHARD_KEYS)


def shard_of(article_id: str) -> str:
    """The shard an article belongs to (article ids are hex digests: their first 8 digits spread evenly)."""
    try:
        value = int(article_id[:8], 16)
    except ValueError:
        value = sum(article_id.encode("utf-8"))
    return SHARD_KEYS[value % NLP_SHARD_COUNT]


def all_shards_tags() -> dict[str, str]:
    """Run tags that make one run cover every shard (what `peristiwa run` and the schedule do)."""
    return {
        "dagster/asset_partition_range_start": SHARD_KEYS[0],
        "dagster/asset_partition_range_end": SHARD_KEYS[-1],
    }
