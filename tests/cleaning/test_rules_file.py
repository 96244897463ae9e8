"""rules.yaml loads, is versioned, and bad files fail with a message naming the problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from peristiwa.cleaning import DEFAULT_RULES_PATH, RulesError, load_rules, residue_patterns


def test_packaged_rules_load_with_version(rules):
    assert rules.version
    assert len({r.id for r in rules.rules}) == len(rules.rules)
    assert all(r.reason and r.description for r in rules.rules)


def test_residue_patterns_compile_and_cover_key_boilerplate(rules):
    pats = residue_patterns(rules)
    assert {"read_also", "exit_mobile_version", "glued_agency"} <= set(pats)
    assert re.search(pats["read_also"], "teks\nBaca Juga: Judul lain")
    assert re.search(pats["glued_agency"], "media Iran, IRNADiberitakan,")
    assert not re.search(pats["glued_agency"], "media Iran, IRNA Diberitakan,")


def _write(tmp_path: Path, doc: dict) -> Path:
    p = tmp_path / "rules.yaml"
    p.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return p


@pytest.fixture
def base_doc() -> dict:
    return yaml.safe_load(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))


def test_bad_regex_names_rule(tmp_path, base_doc):
    base_doc["rules"][0]["pattern"] = "([unclosed"
    base_doc["rules"][0].pop("literal", None)
    with pytest.raises(RulesError, match=r"unicode-zero-width.*invalid regex"):
        load_rules(_write(tmp_path, base_doc))


def test_missing_version_is_an_error(tmp_path, base_doc):
    del base_doc["version"]
    with pytest.raises(RulesError, match="version"):
        load_rules(_write(tmp_path, base_doc))


def test_unknown_kind_and_missing_reason(tmp_path, base_doc):
    base_doc["rules"][0]["kind"] = "nuke"
    with pytest.raises(RulesError, match="unknown kind 'nuke'"):
        load_rules(_write(tmp_path, base_doc))
    base_doc["rules"][0]["kind"] = "replace"
    del base_doc["rules"][0]["reason"]
    with pytest.raises(RulesError, match="reason"):
        load_rules(_write(tmp_path, base_doc))


def test_not_yaml(tmp_path):
    p = tmp_path / "rules.yaml"
    p.write_text("rules: [\n  - id: x: y", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid YAML"):
        load_rules(p)
