"""Which articles the entities gate treats as foreign affairs (and so expects to name a state)."""

from __future__ import annotations

import polars as pl

from checks.entities import _foreign_affairs_coverage
from peristiwa.actors import load_knowledge


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
