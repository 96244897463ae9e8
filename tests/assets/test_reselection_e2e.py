"""A dictionary update on an existing warehouse: articles are selected again from their stored tokens, only
the newly selected sentence is parsed and coded, and the sentences end as a fresh annotation with the new
dictionary gives them (real Dagster, DuckDB and Stanza)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from peristiwa.annotation.batch import annotate_rows
from peristiwa.events.dictionary import TRIGGERS_YAML
from pipelines.resources import ActorsResource
from tests.chain import check_outcomes, run_chain, served, stage_metadata
from tests.conftest import SAMPLE_INBOX

SENTENCE = "Turki dan Yunani telah lama berselisih soal batas wilayah laut dan ruang udara."


def _inbox(path: Path) -> Path:
    """Two sample articles: the one with SENTENCE (unparsed under the shipped dictionary: "berselisih" is no
    event cue) and another one."""
    path.mkdir(parents=True)
    lines = (SAMPLE_INBOX / "samples.jsonl").read_text(encoding="utf-8").splitlines()
    (path / "one.jsonl").write_text(next(ln for ln in lines if "berselisih" in ln) + "\n", encoding="utf-8")
    shutil.copy(SAMPLE_INBOX / "002_iran_pakistan_damai.txt", path)
    return path


def _dictionary_with_a_new_cue(folder: Path) -> Path:
    """The shipped trigger dictionary plus an entry whose word is in SENTENCE (a release that adds a cue)."""
    raw = yaml.safe_load(TRIGGERS_YAML.read_text(encoding="utf-8"))
    raw["version"] = f"{raw['version']}-test-quarrel"
    raw["triggers"].append({"id": "test_quarrel", "code": "111", "words": ["berselisih"], "symmetric": True})
    folder.mkdir()
    path = folder / "triggers.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _resources(dictionary: Path | None = None) -> dict:
    from pipelines.resources import EventCodingResource, NlpResource

    out = {"nlp": NlpResource(workers=1)}  # two articles: no worker processes to start
    if dictionary is not None:
        out["coding"] = EventCodingResource(dictionary_path=str(dictionary))
    return out


_SENTENCE_PARSED = "SELECT parsed FROM sentences WHERE text = ?"
_SENTENCE_EVENTS = """SELECT source_iso3, target_iso3, cameo_code FROM event_mentions m
                      JOIN sentences s USING (article_id, sentence_index) WHERE s.text = ? ORDER BY ALL"""


def test_a_new_cue_word_parses_only_the_sentence_it_selects_and_ends_as_a_fresh_annotation(
        tmp_path, dagster_instance):
    inbox = _inbox(tmp_path / "inbox")
    warehouse = tmp_path / "wh" / "warehouse.duckdb"
    first = run_chain(inbox, warehouse, dagster_instance, job="chain_job", resources=_resources())
    assert first.success, check_outcomes(first)
    assert served(warehouse, _SENTENCE_PARSED, [SENTENCE]) == [(False,)]
    assert served(warehouse, _SENTENCE_EVENTS, [SENTENCE]) == []
    before = dict(served(warehouse, "SELECT article_id, run_id FROM annotations"))
    assert len(before) == 2

    dictionary = _dictionary_with_a_new_cue(tmp_path / "dictionary")
    second = run_chain(inbox, warehouse, dagster_instance, job="chain_job", resources=_resources(dictionary))
    assert second.success, check_outcomes(second)
    meta = stage_metadata(second, "sentences_parquet")
    assert (meta["annotated"], meta["reselected"], meta["reparsed_for_cues"],
            meta["sentences_reparsed_for_cues"]) == (0, 2, 1, 1)
    assert stage_metadata(second, "sentences")["reparsed_for_cues"] == 1
    assert served(warehouse, _SENTENCE_PARSED, [SENTENCE]) == [(True,)]
    assert served(warehouse, _SENTENCE_EVENTS, [SENTENCE]) == [("GRC", "TUR", "111"), ("TUR", "GRC", "111")]
    after = dict(served(warehouse, "SELECT article_id, run_id FROM annotations"))
    changed = {a for a in after if after[a] != before[a]}
    assert len(changed) == 1  # the other article only got the new digest: its sentences and run stay
    assert stage_metadata(second, "entity_mentions")["resolved_articles"] == 1
    assert len(set(served(warehouse, "SELECT selection_digest FROM annotations"))) == 1

    # nothing changed since: no NLP, no reselection, nothing to code
    third = run_chain(inbox, warehouse, dagster_instance, job="chain_job", resources=_resources(dictionary))
    assert third.success, check_outcomes(third)
    assert stage_metadata(third, "sentences_parquet")["no_new_input"] is True
    assert stage_metadata(third, "sentences_parquet")["reselected"] == 0
    assert stage_metadata(third, "sentences")["no_new_input"] is True
    assert stage_metadata(third, "event_mentions")["no_new_input"] is True

    # the sentences are what a fresh selective annotation with the new dictionary gives (parses included;
    # a whole fresh warehouse, event mentions included, is compared in the README's benchmark)
    rows = [dict(zip(("article_id", "title", "text", "spans_json", "text_sha256"), r, strict=True))
            for r in served(warehouse, """SELECT article_id, title, text, spans_json,
                                          sha256(coalesce(title, '') || chr(10) || text)
                                          FROM articles_clean ORDER BY article_id""")]
    resources = _resources(dictionary)
    config = resources["nlp"].annotation_config(ActorsResource(), resources["coding"])
    fresh, ledger = annotate_rows(rows, config)
    stored = served(warehouse, "SELECT article_id, sentence_index, conllu, parsed FROM sentences "
                               "ORDER BY ALL")
    assert stored == sorted((r["article_id"], r["sentence_index"], r["conllu"], r["parsed"]) for r in fresh)
    digests = served(warehouse, "SELECT DISTINCT selection_digest FROM annotations")
    assert digests == [(ledger[0]["selection_digest"],)]
