from __future__ import annotations

import os
from pathlib import Path

import pytest

from peristiwa.cleaning import ArticleInput, CleanArticle, CleaningRules, clean_article, load_rules

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def rules() -> CleaningRules:
    return load_rules()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return Path(os.environ.get("PERISTIWA_SHARED", REPO.parent / "shared"))


@pytest.fixture
def clean(rules: CleaningRules):
    def _clean(text: str, **meta) -> CleanArticle:
        return clean_article(ArticleInput(article_id=meta.pop("article_id", "t"), text=text, **meta), rules)

    return _clean
