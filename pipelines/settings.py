"""Project settings, read from the environment once, at the edge (CLI / Definitions load).

| variable               | default                              | meaning                                   |
|------------------------|--------------------------------------|-------------------------------------------|
| PERISTIWA_HOME         | <repo>/data                          | data dir: inbox, warehouse, Dagster home  |
| PERISTIWA_INBOX        | $PERISTIWA_HOME/inbox                | folder of .txt / .jsonl articles          |
| PERISTIWA_WAREHOUSE    | $PERISTIWA_HOME/warehouse.duckdb     | served (read-only) DuckDB warehouse       |
| PERISTIWA_SHARED       | <repo>/../shared                     | shared corpora / training data (optional) |
| DAGSTER_HOME           | $PERISTIWA_HOME/dagster_home         | Dagster instance (run history, UI state)  |
| STANZA_RESOURCES_DIR   | (unset)                              | official Stanza models, used if present   |
| PERISTIWA_NLP_WORKERS  | 0 (one per CPU core, at most 4)      | NLP worker processes per run              |
| PERISTIWA_DUCKDB_MEMORY_LIMIT | 1GB ('' = DuckDB's default)   | memory cap of the warehouse writer        |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from warehouse.connection import WRITER_MEMORY_LIMIT

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    inbox: Path
    warehouse: Path
    shared_dir: Path
    dagster_home: Path
    stanza_resources_dir: str = ""
    nlp_workers: int = 0
    duckdb_memory_limit: str = WRITER_MEMORY_LIMIT

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ

        def path(variable: str, default: Path) -> Path:
            return Path(env.get(variable) or default).expanduser().resolve()

        data_dir = path("PERISTIWA_HOME", REPO_ROOT / "data")
        return cls(
            data_dir=data_dir,
            inbox=path("PERISTIWA_INBOX", data_dir / "inbox"),
            warehouse=path("PERISTIWA_WAREHOUSE", data_dir / "warehouse.duckdb"),
            shared_dir=path("PERISTIWA_SHARED", REPO_ROOT.parent / "shared"),
            dagster_home=path("DAGSTER_HOME", data_dir / "dagster_home"),
            stanza_resources_dir=env.get("STANZA_RESOURCES_DIR", ""),
            nlp_workers=int(env.get("PERISTIWA_NLP_WORKERS") or 0),
            duckdb_memory_limit=env.get("PERISTIWA_DUCKDB_MEMORY_LIMIT", WRITER_MEMORY_LIMIT),
        )
