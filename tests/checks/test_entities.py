"""Which articles the entities gate treats as foreign affairs (and so expects to name a state)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from checks.entities import MentionGate, _foreign_affairs_coverage, validate_mentions
from peristiwa.actors import load_knowledge
from peristiwa.actors.batch import SUMMARY_SCHEMA
from peristiwa.annotation.frame import ENTITY_MENTIONS_SCHEMA
from pipelines.resources import QualityGates


def test_contracts_and_scripture_are_not_foreign_affairs():
    articles = pl.DataFrame({
        "article_id": ["drama", "bible", "envoy"],
        "text": [
            "Yoo Chan menandatangani perjanjian dengan perusahaan Taesan.",
            "Injil Yohanes adalah bagian dari Kitab Perjanjian Baru; klub itu dijatuhi sanksi.",
            "Duta besar itu dipanggil Kementerian Luar Negeri.",
        ],
    })
    summary = pl.DataFrame({"article_id": ["drama", "bible", "envoy"], "n_states": [0, 0, 0]})
    coverage = _foreign_affairs_coverage(summary, articles, load_knowledge())
    assert coverage["article_id"].to_list() == ["envoy"]


def test_pbb_alone_is_not_foreign_affairs():
    # "PBB" is also property tax, a party and a football club's company (all seen on CLICK-ID)
    articles = pl.DataFrame({
        "article_id": ["tax", "party", "club", "council"],
        "text": [
            "Warga diminta melunasi pembayaran PBB-P2 sebelum akhir bulan.",
            "Ketua Umum Partai Bulan Bintang (PBB) Yusril Ihza Mahendra hadir.",
            "Direktur PT Persib Bandung Bermartabat (PBB) Teddy Tjahyono menjelaskan.",
            "Dewan Keamanan PBB menggelar sidang darurat.",
        ],
    })
    summary = pl.DataFrame({"article_id": ["tax", "party", "club", "council"], "n_states": [0, 0, 0, 0]})
    coverage = _foreign_affairs_coverage(summary, articles, load_knowledge())
    assert coverage["article_id"].to_list() == ["council"]


# --- a batch validated in chunks (issue 12: memory bounded by the chunk, not the batch) ---

ENVOY = "Duta besar Jepang dipanggil Kementerian Luar Negeri."  # foreign affairs; 'Jepang' at 11..17


def _article(i: int, with_state: bool, bad_iso3: bool = False) -> tuple[dict, list[dict], dict]:
    article_id = f"a{i:02d}"
    article = {"article_id": article_id, "title": "Judul", "text": ENVOY}
    mentions = [{
        "article_id": article_id, "sentence_index": 0, "start_char": 11, "end_char": 17, "text": "Jepang",
        "ner_type": "LOC", "iso3": "XXX" if bad_iso3 else "JPN", "sector": "", "actor_id": "STATE:JPN",
        "actor_kind": "state", "role": "actor", "method": "gazetteer", "confidence": 1.0,
        "resolved_for_date": dt.date(2024, 1, 1),
    }] if with_state else []
    summary = {"article_id": article_id, "n_mentions": len(mentions), "n_states": int(with_state)}
    return article, mentions, summary


def _frames(parts: list[tuple[dict, list[dict], dict]]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    mentions = pl.DataFrame([m for _, ms, _ in parts for m in ms], schema=ENTITY_MENTIONS_SCHEMA)
    summary = pl.DataFrame([s for _, _, s in parts], schema=SUMMARY_SCHEMA)
    articles = pl.DataFrame([a for a, _, _ in parts])
    return mentions, summary, articles


def _in_chunks(parts, size: int, gates: QualityGates):
    gate = MentionGate(load_knowledge(), gates)
    for start in range(0, len(parts), size):
        gate.add(*_frames(parts[start:start + size]))
    return gate.outcome()


def _verdicts(outcome):
    return [(e.expectation, e.column, e.passed, e.unexpected_count, e.observed) for e in outcome.expectations]


def test_a_batch_validated_in_chunks_gets_the_verdict_and_counts_of_the_whole_batch():
    gates = QualityGates(min_state_share_foreign_affairs=0.5, min_systemic_items=10)
    # 12 foreign-affairs articles, 9 resolving a state (share 0.75), two mentions with an unknown iso3
    parts = [_article(i, with_state=i % 4 != 0, bad_iso3=i in (3, 9)) for i in range(12)]
    whole = validate_mentions(*_frames(parts), load_knowledge(), gates)
    chunked = _in_chunks(parts, 5, gates)
    assert not whole.passed and not chunked.passed
    assert _verdicts(chunked) == _verdicts(whole)
    assert chunked.batch_rows == whole.batch_rows
    iso3 = next(e for e in chunked.expectations if e.column == "iso3")
    assert iso3.unexpected_count == 2 and iso3.sample == ["XXX", "XXX"]


def test_the_state_share_is_judged_over_the_batch_not_per_chunk():
    gates = QualityGates(min_state_share_foreign_affairs=0.6, min_systemic_items=5)
    # the first chunk alone has a share of 0.2 (below the gate); the batch has 0.6 (at the gate)
    parts = [_article(i, with_state=i >= 4) for i in range(10)]
    assert _in_chunks(parts, 5, gates).passed
    assert validate_mentions(*_frames(parts), load_knowledge(), gates).passed
    assert not validate_mentions(*_frames(parts[:5]), load_knowledge(), gates).passed
    # and a batch below the gate fails however it is chunked
    low = [_article(i, with_state=i >= 5) for i in range(10)]
    assert not _in_chunks(low, 3, gates).passed


def test_the_state_share_is_not_judged_on_fewer_articles_than_a_systemic_problem_needs():
    # 4 foreign-affairs articles of 6 without a state: one stray cue word each, not broken dictionaries
    few = [_article(i, with_state=i < 2) for i in range(6)]
    outcome = validate_mentions(*_frames(few), load_knowledge(), QualityGates(min_systemic_items=20))
    assert outcome.passed and "state share not judged: 6 foreign-affairs articles" in outcome.note
    assert not any(e.column == "has_state" for e in outcome.expectations)
    # the same share over enough articles is systemic and stops the chain
    many = [_article(i, with_state=i % 3 == 0) for i in range(21)]
    assert not validate_mentions(*_frames(many), load_knowledge(), QualityGates(min_systemic_items=20)).passed
