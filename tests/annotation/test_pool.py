"""The annotation pool: worker processes give what one process gives, and are replaced after
`chunks_per_worker` chunks so that a long run's workers do not keep growing."""

from __future__ import annotations

import hashlib
import multiprocessing

import pytest

from peristiwa.annotation.batch import AnnotationConfig, AnnotationPool, annotate_rows
from peristiwa.nlp.pipeline import NlpSettings

TEXTS = [
    "Menteri Luar Negeri Iran bertemu Duta Besar Rusia di Teheran.\nKedua negara membahas kerja sama.",
    "Pakistan mengecam serangan udara itu dan memanggil duta besar Iran.",
    "Hujan deras turun di Bandung sejak pagi.",
    "Azerbaijan dan Israel menandatangani perjanjian pasokan senjata.",
]


def _rows() -> list[dict]:
    return [{"article_id": f"a{i}", "title": "", "text": t, "spans_json": "[]",
             "text_sha256": hashlib.sha256(t.encode()).hexdigest()} for i, t in enumerate(TEXTS)]


@pytest.mark.slow  # starts six worker processes, each loading Stanza: CI-only (`-m slow`)
def test_workers_are_replaced_after_their_chunks_and_give_what_one_process_gives():
    config = AnnotationConfig(settings=NlpSettings(threads=1), parse_scope="all")
    rows = _rows()
    expected, _ = annotate_rows(rows, config)
    with AnnotationPool(config, workers=2, chunks_per_worker=1) as pool:
        first, _ = pool.annotate(rows[:2])
        assert multiprocessing.active_children() == []  # ended after their one chunk
        second, _ = pool.annotate(rows[2:])
    got = first.to_dicts() + second.to_dicts()
    assert [r["conllu"] for r in got] == [r["conllu"] for r in expected]
    with AnnotationPool(config, workers=2) as pool:
        pool.annotate(rows[:2])
        assert len(multiprocessing.active_children()) == 2  # kept for the next chunk


def test_a_one_article_chunk_goes_to_a_worker_not_into_this_process():
    from peristiwa.nlp.pipeline import _load

    config = AnnotationConfig(settings=NlpSettings(threads=1), parse_scope="all")
    loaded_here = _load.cache_info().currsize
    with AnnotationPool(config, workers=2) as pool:
        sentences, _ = pool.annotate(_rows()[:1])
        assert len(multiprocessing.active_children()) >= 1
    assert sentences.height == 2
    assert _load.cache_info().currsize == loaded_here  # no Stanza pipeline built in the calling process
