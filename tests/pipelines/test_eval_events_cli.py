"""`peristiwa eval events` part selection: which articles run and are scored, and clear errors first."""

from __future__ import annotations

import csv

from click.testing import CliRunner

from pipelines.cli_events import _inbox_of, eval_events

GOLD_COLS = ["article_id", "event_id", "cluster_id", "expected_extract", "source_iso3", "target_iso3",
             "cameo_code", "trigger_id"]


def _gold(tmp_path, name="gold.csv", articles=("a", "b")):
    path = tmp_path / name
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=GOLD_COLS)
        w.writeheader()
        for i, a in enumerate(articles):
            w.writerow(dict(article_id=a, event_id=str(i), cluster_id=f"C{i}", expected_extract="yes",
                            source_iso3="IRN", target_iso3="PAK", cameo_code="190", trigger_id="serangan"))
    return path


def test_a_part_runs_the_pipeline_on_its_own_files_only(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("a.jsonl", "b.txt", "c.txt", "notes.md"):
        (articles / name).write_text("x", encoding="utf-8")
    inbox = _inbox_of(articles, ["b", "c"], tmp_path / "work")
    assert sorted(p.name for p in inbox.iterdir()) == ["b.txt", "c.txt"]
    assert _inbox_of(articles, None, tmp_path / "work2") == articles  # the whole folder: no copy


def test_frozen_without_a_split_is_a_usage_error(tmp_path):
    (tmp_path / "articles").mkdir()
    res = CliRunner().invoke(eval_events, ["--gold", str(_gold(tmp_path)), "--articles",
                                           str(tmp_path / "articles"), "--frozen"])
    assert res.exit_code == 2 and "--split" in res.output


def test_a_split_of_another_gold_set_is_refused_before_any_work(tmp_path):
    (tmp_path / "articles").mkdir()
    split = tmp_path / "split.yaml"
    split.write_text("frozen_articles: [z]\n", encoding="utf-8")
    res = CliRunner().invoke(eval_events, ["--gold", str(_gold(tmp_path)), "--articles",
                                           str(tmp_path / "articles"), "--split", str(split), "--tuning"])
    assert res.exit_code == 1 and "not in the gold file" in res.output


def test_the_dev_gold_uses_the_repository_split_by_default(tmp_path):
    # A gold file named dev_events.csv that lacks the frozen articles: the default split is what is refused.
    (tmp_path / "articles").mkdir()
    res = CliRunner().invoke(eval_events, ["--gold", str(_gold(tmp_path, "dev_events.csv")), "--articles",
                                           str(tmp_path / "articles"), "--frozen"])
    assert res.exit_code == 1 and "dev_frozen.yaml" in res.output
