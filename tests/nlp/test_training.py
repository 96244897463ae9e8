"""End-to-end --quick training of every processor (minutes): keeps the recipes from rotting.

Marked ``training``; run with ``pytest -m training tests/nlp``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peristiwa.nlp.pipeline import BUNDLED_FILES, NlpSettings, load_pipeline, model_sources


@pytest.mark.training
def test_quick_training_all_processors_then_load(tmp_path: Path, shared_dir: Path) -> None:
    pytest.importorskip("gensim", reason="training needs the 'train' extra (gensim)")
    from peristiwa.nlp.training import ALL_PROCESSORS, train

    out = tmp_path / "models"
    summary = train(shared_dir, out, tmp_path / "work", quick=True, processors=None, threads=1)
    assert set(summary["processors"]) == set(ALL_PROCESSORS)
    assert all((out / f).exists() for f in BUNDLED_FILES.values())
    assert not list(out.glob("*checkpoint*"))

    settings = NlpSettings(bundled_dir=str(out), threads=1)
    assert all(src.startswith("bundled") for src in model_sources(settings).values())
    doc = load_pipeline(settings)("Presiden menggelar rapat di Jakarta.")
    assert doc.sentences and all(w.upos for s in doc.sentences for w in s.words)
