"""Dagster-free cleaning core: raw article text -> cleaned body + metadata + per-article audit.

Rules are versioned data (rules.yaml, documented in RULES.md); this package only interprets them.
"""

from .clean import clean_article
from .frame import AUDIT_SCHEMA, CLEAN_SCHEMA, clean_frame
from .model import ArticleInput, CleanArticle, Removal, Span
from .rules import DEFAULT_RULES_PATH, CleaningRules, Rule, RulesError, load_rules, residue_patterns

__all__ = [
    "AUDIT_SCHEMA",
    "CLEAN_SCHEMA",
    "DEFAULT_RULES_PATH",
    "ArticleInput",
    "CleanArticle",
    "CleaningRules",
    "Removal",
    "Rule",
    "RulesError",
    "Span",
    "clean_article",
    "clean_frame",
    "load_rules",
    "residue_patterns",
]
