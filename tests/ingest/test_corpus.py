"""Corpus sample: ~500 real CLICK-ID lines, every line accounted for. Needs ../shared (skips without)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from peristiwa.ingest import IngestLimits, articles_frame, outcomes_frame, scan_inbox

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_LINES = 500


def _clickid() -> Path:
    shared = Path(os.environ.get("PERISTIWA_SHARED") or REPO_ROOT.parent / "shared")
    path = shared / "corpus" / "clickid" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"CLICK-ID corpus not found at {path} (set PERISTIWA_SHARED to the shared data folder)")
    return path


@pytest.mark.corpus
def test_clickid_sample_every_line_accounted_for(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # Lines spread over the file (every 44th) so all 9 publishers are represented.
    with _clickid().open("rb") as src:
        sample = list(itertools.islice(itertools.islice(src, 0, None, 44), SAMPLE_LINES))
    (inbox / "clickid.jsonl").write_bytes(b"".join(sample))

    result = scan_inbox(inbox, known_article_ids=set(), known_files={}, limits=IngestLimits())
    outcomes = outcomes_frame(result)
    assert outcomes.height == len(sample)
    assert sorted(outcomes["line_no"].to_list()) == list(range(1, len(sample) + 1))
    counts = result.counts()
    assert counts["ingested"] + counts["duplicate"] + counts["quarantined"] == len(sample)
    # Measured on the full corpus: ~99% ingested; quarantine is scraper stubs (too_short/missing_text).
    assert counts["ingested"] >= 0.97 * len(sample)
    articles = articles_frame(result)
    assert articles["source_id"].str.starts_with("clickid-").all()
    assert articles["language"].is_in(["id", "ms"]).all()
    assert articles["encoding"].unique().to_list() == ["utf-8"]
    assert articles["article_id"].n_unique() == articles.height
