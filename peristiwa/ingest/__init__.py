"""Ingest core (Dagster-free): inbox files -> `RawArticle`s plus exactly one outcome per item.

Entry points: `scan_inbox`, `articles_frame`, `outcomes_frame`. Limits come in as `IngestLimits`;
nothing here reads the environment. Reason codes are documented in `peristiwa.ingest.records`.
"""

from peristiwa.ingest.frames import articles_frame, outcomes_frame
from peristiwa.ingest.records import OUTCOMES, REASONS, IngestLimits, IngestResult, ItemOutcome, RawArticle
from peristiwa.ingest.scan import article_id_for, scan_inbox

__all__ = [
    "OUTCOMES",
    "REASONS",
    "IngestLimits",
    "IngestResult",
    "ItemOutcome",
    "RawArticle",
    "article_id_for",
    "articles_frame",
    "outcomes_frame",
    "scan_inbox",
]
