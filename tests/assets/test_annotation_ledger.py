"""Which articles the annotation step takes up again: the ledger query of `sentences_parquet`."""

from __future__ import annotations

import duckdb

from assets.entities import _TO_ANNOTATE_SQL

NOW = '{"pos": "bundled id_pos.pt sha256:0214f0cb43664578", "parse_scope": "selective/2"}'


def _ledger(stored_models: str) -> list[str]:
    con = duckdb.connect()
    con.execute("CREATE TABLE articles_clean (article_id VARCHAR, title VARCHAR, text VARCHAR)")
    con.execute("INSERT INTO articles_clean VALUES ('a1', 'Judul', 'Isi berita.')")
    con.execute(
        "CREATE TABLE annotations AS SELECT article_id, sha256(title || chr(10) || text) AS text_sha256, "
        "? AS models FROM articles_clean",
        [stored_models],
    )
    return [r[0] for r in con.execute(_TO_ANNOTATE_SQL, {"models": NOW}).fetchall()]


def test_a_signature_stored_with_the_models_directory_is_the_same_annotation():
    old = '{"pos": "bundled /work/main/peristiwa/nlp/models/id/id_pos.pt sha256:0214f0cb43664578", ' \
          '"parse_scope": "selective/2"}'
    assert _ledger(old) == []


def test_another_model_digest_means_annotating_again():
    other = NOW.replace("0214f0cb43664578", "ffffffffffffffff")
    assert _ledger(other) == ["a1"]
