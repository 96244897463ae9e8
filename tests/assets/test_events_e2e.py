"""Event mentions and events through a real Dagster run, scored against the seed gold."""

from __future__ import annotations

import csv
import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.chain import check_outcomes, run_chain, served, stage_metadata

PERISTIWA = str(Path(sys.executable).with_name("peristiwa"))


def _metrics(stdout: str) -> dict[str, float]:
    pairs = (line.split(": ", 1) for line in stdout.splitlines() if ": " in line)
    return {k: float(v) for k, v in pairs if v.replace(".", "", 1).replace("-", "", 1).isdigit()}


def test_eval_events_on_the_seeds_meets_the_targets(shared, tmp_path):
    diff = tmp_path / "diff.csv"
    proc = subprocess.run(
        [PERISTIWA, "eval", "events", "--gold", str(shared / "gold" / "seeds_events.csv"),
         "--articles", str(shared / "corpus" / "seeds"), "--diff", str(diff)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    metrics = _metrics(proc.stdout)
    assert metrics["root_precision"] >= 0.85, proc.stdout
    assert metrics["root_recall"] >= 0.80, proc.stdout
    assert metrics["negative_control_fp"] == 0, proc.stdout
    header = diff.read_text(encoding="utf-8").splitlines()[0]
    assert "outcome" in header and "sentence" in header


def test_eval_events_frozen_part_runs_and_scores_only_the_frozen_articles(shared, tmp_path):
    seeds = shared / "corpus" / "seeds"
    frozen = "003_0d93ca158cde6499"  # the shortest seed article
    split = tmp_path / "split.yaml"
    split.write_text(f"frozen_articles: [{frozen}]\n", encoding="utf-8")
    diff = tmp_path / "diff.csv"
    proc = subprocess.run(
        [PERISTIWA, "eval", "events", "--gold", str(shared / "gold" / "seeds_events.csv"),
         "--articles", str(seeds), "--split", str(split), "--frozen", "--diff", str(diff)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "part: frozen" in proc.stdout and "articles_scored: 1\n" in proc.stdout
    metrics = _metrics(proc.stdout)
    assert metrics["root_recall"] > 0 and metrics["articles_not_ingested"] == 0
    with diff.open(encoding="utf-8", newline="") as fh:
        articles = {row["article_id"] for row in csv.DictReader(fh)}
    assert articles == {frozen}


def test_events_are_coded_checked_and_rerun_is_a_noop(seeds_chain, tmp_path, dagster_instance, monkeypatch):
    inbox, warehouse_path = seeds_chain.copy(tmp_path)  # the session's run over the seeds
    first = seeds_chain.result
    assert first.success, check_outcomes(first)
    assert check_outcomes(first)["event_mentions_valid"] and check_outcomes(first)["events_valid"]
    assert stage_metadata(first, "event_mentions")["event_mentions"] > 20

    counted = served(warehouse_path, """
        SELECT DISTINCT source_iso3, target_iso3, quad_class, strftime(event_date, '%Y-%m')
        FROM events WHERE counted_in_aggregates""")
    assert ("IRN", "PAK", 4, "2024-01") in counted
    assert ("PAK", "IRN", 4, "2024-01") in counted
    assert not [row for row in counted if row[0] == row[1]]
    # every event is traceable to its sentences and source file
    untraceable = served(warehouse_path, """
        SELECT count(*) FROM events e WHERE NOT EXISTS (
            SELECT 1 FROM v_event_sentences v WHERE v.event_id = e.event_id)""")
    assert untraceable == [(0,)]

    events_before = served(warehouse_path, "SELECT * FROM events ORDER BY event_id")
    second = run_chain(inbox, warehouse_path, dagster_instance, job="chain_job")
    assert second.success
    assert stage_metadata(second, "event_mentions")["no_new_input"] is True
    assert stage_metadata(second, "events")["no_new_input"] is True
    assert served(warehouse_path, "SELECT * FROM events ORDER BY event_id") == events_before

    # a release with new coder rules re-codes every article, without annotating anything again
    monkeypatch.setattr("peristiwa.events.dictionary.CODER_RULES_VERSION", "test-next")
    third = run_chain(inbox, warehouse_path, dagster_instance, job="chain_job")
    assert third.success
    assert stage_metadata(third, "sentences_parquet")["no_new_input"] is True
    assert stage_metadata(third, "event_mentions")["coded_articles"] == 5
    assert served(warehouse_path, "SELECT DISTINCT dictionary_version FROM event_mentions")[0][0].endswith(
        "+rulestest-next")

    # a release that changes what mentions say and keeps their ids (here: every strike read as denied) must
    # rebuild the events, or the panels keep counting the strikes
    from peristiwa.events import batch

    real_code_article = batch.code_article

    def strikes_denied(sentences, mentions, date, dictionary, cameo, text=""):
        coded = real_code_article(sentences, mentions, date, dictionary, cameo, text=text)
        return [dataclasses.replace(m, modality="negated", polarity="negative")
                if m.cameo_code.startswith("19") else m for m in coded]

    strikes = "SELECT count(*) FROM events WHERE cameo_root = '19' AND counted_in_aggregates"
    assert served(warehouse_path, strikes)[0][0] > 0
    monkeypatch.setattr(batch, "code_article", strikes_denied)
    monkeypatch.setattr("peristiwa.events.dictionary.CODER_RULES_VERSION", "test-denied")
    fourth = run_chain(inbox, warehouse_path, dagster_instance, job="chain_job")
    assert fourth.success
    assert stage_metadata(fourth, "events")["no_new_input"] is False
    assert served(warehouse_path, strikes) == [(0,)]


@pytest.mark.slow  # annotates the seeds again for a failure path: CI-only (`-m slow`)
def test_an_article_the_coder_raises_on_is_quarantined_and_the_rest_flows(
        seeds_dir, inbox, warehouse_path, dagster_instance, monkeypatch):
    """A coder bug on one article must not stop the batch: the article gets a quarantine record with the
    error (failure path: the coder is made to raise on purpose) and is tried again on the next run."""
    from peristiwa.events import batch

    shutil.copytree(seeds_dir, inbox / "seeds")
    real_code_article = batch.code_article
    calls = []

    def code_article_failing_on_the_first(sentences, mentions, date, dictionary, cameo, text=""):
        calls.append(text[:40])
        if len(calls) == 1:
            raise RuntimeError("boom")
        return real_code_article(sentences, mentions, date, dictionary, cameo, text=text)

    monkeypatch.setattr(batch, "code_article", code_article_failing_on_the_first)
    first = run_chain(inbox, warehouse_path, dagster_instance, job="chain_job")
    assert first.success, check_outcomes(first)
    assert stage_metadata(first, "event_mentions")["failed_articles"] == 1
    quarantined = served(warehouse_path,
                         "SELECT stage, reason, message FROM quarantine WHERE stage = 'events'")
    assert len(quarantined) == 1 and quarantined[0][1] == "processing_error"
    assert "RuntimeError: boom" in quarantined[0][2]
    assert served(warehouse_path, "SELECT count(*) FROM event_codings") == [(4,)]
    assert served(warehouse_path, "SELECT count(*) FROM events WHERE counted_in_aggregates")[0][0] > 0

    monkeypatch.setattr(batch, "code_article", real_code_article)
    second = run_chain(inbox, warehouse_path, dagster_instance, job="chain_job")
    assert second.success
    assert stage_metadata(second, "event_mentions")["coded_articles"] == 1  # only the failed one again
    assert served(warehouse_path, "SELECT count(*) FROM event_codings") == [(5,)]
    # the record stays (it is what happened in the first run), and is not written twice
    assert served(warehouse_path, "SELECT count(*) FROM quarantine WHERE stage = 'events'") == [(1,)]
