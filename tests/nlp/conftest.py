from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = Path(os.environ.get("PERISTIWA_SHARED") or REPO_ROOT.parent / "shared")
    if not (path / "data" / "ud").is_dir():
        pytest.skip(f"needs the shared data dir ({path}/data/ud absent; set PERISTIWA_SHARED)")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The full bundled pipeline, loaded once (with no network and no STANZA_RESOURCES_DIR)."""
    from peristiwa.nlp.pipeline import NlpSettings, load_pipeline

    return load_pipeline(NlpSettings(threads=1))
