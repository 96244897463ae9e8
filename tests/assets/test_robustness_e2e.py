"""Real-world input never blocks the pipeline (issue 11): bad items are quarantined one by one and the
rest flows on; only systemic failures block, and then the records still land and the check names the
items. Real Dagster runs, a real DuckDB file, real GX validations, real Stanza for the whole chain."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from pipelines.cli_events import evaluate_events
from pipelines.resources import CleaningResource
from tests.assets.texts import ENGLISH, article, html_page, jsonl_line
from tests.chain import check_outcomes, in_process_nlp, materialized, run_chain, served, stage_metadata
from tests.conftest import SAMPLE_INBOX

# input item -> (outcome, reason) for the bad-input matrix; every good article is ingested.
MATRIX = {
    ("binary.txt", None): ("quarantined", "binary"),
    ("empty.txt", None): ("quarantined", "empty"),
    ("english.txt", None): ("quarantined", "not_indonesian"),
    ("nul-bytes.txt", None): ("quarantined", "binary"),
    ("page.txt", None): ("quarantined", "html"),
    ("report.pdf", None): ("quarantined", "unsupported_type"),
    ("archive.jsonl", None): ("quarantined", "binary"),
    ("three-mb.txt", None): ("quarantined", "too_large"),
    ("passwd.txt", None): ("quarantined", "outside_inbox"),
    ("lines.jsonl", 1): ("ingested", None),
    ("lines.jsonl", 2): ("quarantined", "too_large"),
    ("lines.jsonl", 3): ("quarantined", "malformed_json"),
    ("lines.jsonl", 4): ("quarantined", "malformed_json"),
    ("lines.jsonl", 5): ("quarantined", "missing_text"),
    ("lines.jsonl", 6): ("quarantined", "empty"),
    ("lines.jsonl", 7): ("quarantined", "empty"),
    ("lines.jsonl", 8): ("ingested", None),
}


def _write_matrix(inbox: Path) -> None:
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (inbox / "nul-bytes.txt").write_bytes(article(1).encode().replace(b"kerja sama", b"kerja\x00sama"))
    (inbox / "page.txt").write_text(html_page(2), encoding="utf-8")
    (inbox / "report.pdf").write_bytes(b"%PDF-1.7\n" + bytes(200))
    (inbox / "archive.jsonl").write_bytes(gzip.compress((jsonl_line(3) + "\n").encode()))
    (inbox / "three-mb.txt").write_text(article(4) * (3_000_000 // len(article(4)) + 1), encoding="utf-8")
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    lines = [
        jsonl_line(5),
        jsonl_line(6, text="x" * 2_100_000),  # a 2 MB JSONL line
        '{"id": "broken", "text": "tanpa penutup',
        "[1, 2, 3]",
        json.dumps({"id": "null-text", "text": None}),
        "",
        "   ",
        jsonl_line(7, published=None),  # undated: normal input
    ]
    (inbox / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_bad_input_matrix_with_good_articles_in_one_inbox(inbox, warehouse_path, dagster_instance):
    shutil.copytree(SAMPLE_INBOX, inbox / "samples", ignore=shutil.ignore_patterns("*.md"))
    _write_matrix(inbox)
    n_samples = 5 + sum(1 for line in (SAMPLE_INBOX / "samples.jsonl").read_text().splitlines() if line)

    first = run_chain(inbox, warehouse_path, dagster_instance, job="chain_job")
    assert first.success, check_outcomes(first)
    assert all(passed for name, passed in check_outcomes(first).items() if name != "raw_quarantine_rate")

    log = served(warehouse_path, "SELECT source_path, line_no, outcome, reason FROM ingest_log")
    by_item = {(p, n): (o, r) for p, n, o, r in log}
    assert len(log) == len(by_item) == len(MATRIX) + n_samples  # every item exactly once
    assert {k: v for k, v in by_item.items() if not k[0].startswith("samples/")} == MATRIX
    assert all(v == ("ingested", None) for k, v in by_item.items() if k[0].startswith("samples/"))
    messages = dict(served(warehouse_path,
                           "SELECT source_path, message FROM quarantine WHERE line_no IS NULL"))
    assert "gzip" in messages["archive.jsonl"] and "/etc/passwd" in messages["passwd.txt"]

    # the good articles went through every stage, the undated JSONL line included
    (n_raw,) = served(warehouse_path, "SELECT count(*) FROM articles_raw")[0]
    assert n_raw == n_samples + 2
    coded = served(warehouse_path,
                   "SELECT count(*) FROM event_codings c JOIN articles_raw r USING (article_id)")
    assert coded == [(n_raw,)]
    assert served(warehouse_path, "SELECT count(*) > 0 FROM events") == [(True,)]
    undated = served(warehouse_path, """SELECT c.published_date_basis FROM articles_clean c
        JOIN articles_raw r USING (article_id) WHERE r.source_id = 'art-7'""")
    assert undated == [("none",)]

    # a second run does no work: nothing re-read, nothing re-logged, nothing re-processed
    second = run_chain(inbox, warehouse_path, dagster_instance, job="chain_job")
    assert second.success
    raw_meta = stage_metadata(second, "raw_articles")
    n_files = sum(1 for path in inbox.rglob("*") if path.is_symlink() or path.is_file())
    assert raw_meta["no_new_input"] is True and raw_meta["unchanged_files"] == n_files == 16
    for asset in ("articles_clean", "event_mentions", "events"):
        assert stage_metadata(second, asset)["no_new_input"] is True, asset
    assert len(served(warehouse_path, "SELECT * FROM ingest_log")) == len(log)


def test_undated_txt_folder_runs_end_to_end_and_eval_works(tmp_path):
    folder = tmp_path / "undated"
    folder.mkdir()
    for i in range(6):
        (folder / f"berita-{i}.txt").write_text(article(i, dated=False), encoding="utf-8")
    gold = tmp_path / "gold.csv"
    header = ("article_id,event_id,cluster_id,expected_extract,interstate,source_actor,source_iso3,"
              "source_sector,target_actor,target_iso3,target_sector,cameo_code,cameo_label,goldstein,"
              "quad_class,plover_category,trigger_id,date_text,event_date,date_min,date_max,"
              "date_precision,modality,confidence,alt_codes,notes")
    gold.write_text(header + "\nberita-0,G1,G1,yes,1,Menlu Indonesia,IDN,GOV,Menlu Malaysia,MYS,GOV,"
                    "040,Consult,1.0,1,CONSULT,bertemu dengan Menteri Luar Negeri Malaysia,,,,,,asserted,"
                    "high,043,\n", encoding="utf-8")

    workdir = tmp_path / "work"
    workdir.mkdir()
    metrics = evaluate_events(gold, folder, workdir, resources=in_process_nlp())
    assert metrics["gold_yes"] == 1 and metrics["predicted_mentions"] >= 1
    assert metrics["root_recall"] == 1.0  # the undated article's meeting was coded and matched

    wh = workdir / "warehouse.duckdb"
    bases = served(wh, "SELECT DISTINCT published_date_basis FROM articles_clean")
    assert bases == [("none",)]
    assert served(wh, "SELECT count(*) FROM event_codings") == [(6,)]
    assert served(wh, "SELECT count(*) > 0 FROM event_mentions") == [(True,)]


def _broken_rules(tmp_path: Path) -> str:
    """A rules file that forgets the "Baca juga" teasers: cleaning leaves that boilerplate in."""
    from peristiwa.cleaning import DEFAULT_RULES_PATH

    broken = tmp_path / "rules.yaml"
    broken.write_text(Path(DEFAULT_RULES_PATH).read_text(encoding="utf-8").replace("Baca", "Bxca"),
                      encoding="utf-8")
    return str(broken)


def test_systemic_boilerplate_blocks_names_the_articles_and_can_be_accepted(
    inbox, warehouse_path, dagster_instance, tmp_path
):
    scraper = inbox / "scraper"
    scraper.mkdir()
    for i in range(50):
        (scraper / f"a{i:02d}.txt").write_text(
            article(i, debris=f"Baca juga: Berita lain nomor {i}"), encoding="utf-8")
    resources = {"cleaning": CleaningResource(rules_path=_broken_rules(tmp_path))}

    held = run_chain(inbox, warehouse_path, dagster_instance, resources=resources)
    assert not held.success
    assert check_outcomes(held)["articles_clean_valid"] is False
    assert "articles_clean" not in materialized(held)
    assert served(warehouse_path, "SELECT count(*) FROM articles_clean") == [(0,)]
    evaluation = next(e.event_specific_data for e in held.all_events
                      if e.event_type_value == "ASSET_CHECK_EVALUATION"
                      and e.event_specific_data.check_name == "articles_clean_valid")
    table = evaluation.metadata["offending_items"].value
    assert all(f"scraper/a{i:02d}.txt" in table for i in range(50))
    assert "boilerplate left: read_also" in table
    (items,) = served(warehouse_path,
                      "SELECT items FROM dq_results WHERE NOT passed AND items IS NOT NULL")[0]
    assert len(json.loads(items)) == 50

    # the documented override publishes the batch and leaves a record of having done so
    accepted = run_chain(inbox, warehouse_path, dagster_instance, resources=resources,
                         accept=["articles_clean_valid"])
    assert accepted.success
    assert served(warehouse_path, "SELECT count(*) FROM articles_clean") == [(50,)]
    overrides = served(warehouse_path, "SELECT DISTINCT check_name, override FROM dq_results "
                       "WHERE override IS NOT NULL AND run_id = ?", [accepted.run_id])
    assert [name for name, _ in overrides] == ["articles_clean_valid"] and "on purpose" in overrides[0][1]


def test_one_leftover_teaser_in_twenty_articles_does_not_block(inbox, warehouse_path, dagster_instance,
                                                               tmp_path):
    for i in range(20):
        debris = "Baca juga: Presiden tiba di Kuala Lumpur" if i == 7 else ""
        (inbox / f"a{i:02d}.txt").write_text(article(i, debris=debris), encoding="utf-8")
    (inbox / "CNN.txt").write_text(
        article(30).replace("di gedung kementerian.", "di gedung kementerian, kata juru bicara kepada "
                            "CNNIndonesia.com."), encoding="utf-8")
    result = run_chain(inbox, warehouse_path, dagster_instance,
                       resources={"cleaning": CleaningResource(rules_path=_broken_rules(tmp_path))})
    assert result.success, check_outcomes(result)
    assert stage_metadata(result, "articles_clean")["with_residue"] == 1  # the teaser, not the site name
    texts = served(warehouse_path, "SELECT text FROM articles_clean WHERE text LIKE '%CNNIndonesia.com%'")
    assert len(texts) == 1


def test_html_scraper_holds_the_batch_but_records_land(inbox, warehouse_path, dagster_instance):
    assert run_chain(inbox, warehouse_path, dagster_instance).success  # empty inbox: nothing to do
    scraper = inbox / "scraper"
    scraper.mkdir()
    for i in range(24):
        (scraper / f"p{i:02d}.txt").write_text(html_page(i), encoding="utf-8")
    (scraper / "good.txt").write_text(article(40), encoding="utf-8")
    (inbox / "other.txt").write_text(article(41), encoding="utf-8")

    held = run_chain(inbox, warehouse_path, dagster_instance)
    assert not held.success
    assert check_outcomes(held)["raw_inbox_accounting"] is False
    assert "articles_clean" not in materialized(held)
    # the records land even though the gate failed; the articles wait in staging
    assert served(warehouse_path, "SELECT outcome, reason, count(*) FROM ingest_log GROUP BY ALL") == [
        ("quarantined", "html", 24)]
    assert served(warehouse_path, "SELECT count(*) FROM quarantine WHERE reason = 'html'") == [(24,)]
    assert served(warehouse_path, "SELECT count(*) FROM articles_raw") == [(0,)]
    assert served(warehouse_path, "SELECT count(*) FROM staging.articles_raw") == [(2,)]
    evaluation = next(e.event_specific_data for e in held.all_events
                      if e.event_type_value == "ASSET_CHECK_EVALUATION"
                      and e.event_specific_data.check_name == "raw_inbox_accounting")
    table = evaluation.metadata["offending_items"].value
    assert all(f"scraper/p{i:02d}.txt" in table for i in range(24)) and "| html |" in table

    # still held on the next run (the cause is still there), but nothing is logged twice
    again = run_chain(inbox, warehouse_path, dagster_instance)
    assert not again.success
    assert served(warehouse_path, "SELECT count(*) FROM ingest_log") == [(24,)]

    accepted = run_chain(inbox, warehouse_path, dagster_instance, accept=["raw_inbox_accounting"])
    assert accepted.success
    assert served(warehouse_path, "SELECT count(*) FROM articles_clean") == [(2,)]
    assert served(warehouse_path, "SELECT outcome, count(*) FROM ingest_log GROUP BY ALL ORDER BY 1") == [
        ("ingested", 2), ("quarantined", 24)]
    quiet = run_chain(inbox, warehouse_path, dagster_instance)
    assert quiet.success and stage_metadata(quiet, "raw_articles")["no_new_input"] is True


def test_quarantined_file_is_not_retried_unless_changed_or_asked(inbox, warehouse_path, dagster_instance):
    bad = inbox / "short.txt"
    bad.write_text("Terlalu pendek.", encoding="utf-8")
    (inbox / "good.txt").write_text(article(1), encoding="utf-8")
    assert run_chain(inbox, warehouse_path, dagster_instance).success
    assert stage_metadata(run_chain(inbox, warehouse_path, dagster_instance), "raw_articles")[
        "unchanged_files"] == 2

    retried = run_chain(inbox, warehouse_path, dagster_instance, retry_quarantined=True)
    assert retried.success
    assert stage_metadata(retried, "raw_articles")["quarantined"] == 1  # read again ...
    assert served(warehouse_path, "SELECT count(*) FROM ingest_log WHERE source_path = 'short.txt'") == [(1,)]

    bad.write_text(article(2), encoding="utf-8")  # ... and a changed file is a new version
    assert run_chain(inbox, warehouse_path, dagster_instance).success
    assert served(warehouse_path, "SELECT outcome FROM ingest_log WHERE source_path = 'short.txt' "
                  "ORDER BY logged_at") == [("quarantined",), ("ingested",)]


def test_article_that_cleaning_empties_is_set_aside_and_the_rest_flows(inbox, warehouse_path,
                                                                       dagster_instance):
    teasers = "\n".join(f"Baca juga: Judul berita lain yang cukup panjang nomor {i}" for i in range(8))
    (inbox / "teasers.txt").write_text("Daftar Bacaan\n" + teasers + "\nSelesai.\n", encoding="utf-8")
    (inbox / "good.txt").write_text(article(3), encoding="utf-8")
    result = run_chain(inbox, warehouse_path, dagster_instance)
    assert result.success, check_outcomes(result)
    assert stage_metadata(result, "articles_clean")["set_aside"] == 1
    assert served(warehouse_path, "SELECT source_path FROM articles_clean") == [("good.txt",)]
    (row,) = served(warehouse_path, "SELECT stage, reason, article_id IS NOT NULL, message FROM quarantine")
    assert row[:3] == ("clean", "cleaned_too_short", True) and "min_clean_chars" in row[3]
    again = run_chain(inbox, warehouse_path, dagster_instance)
    assert stage_metadata(again, "articles_clean")["cleaned"] == 0  # not cleaned again


def test_date_bases_are_recorded_per_article(inbox, warehouse_path, dagster_instance):
    import os

    (inbox / "text-date.txt").write_text(article(5), encoding="utf-8")
    undated = inbox / "undated.txt"
    undated.write_text(article(6, dated=False), encoding="utf-8")
    os.utime(undated, (1_700_000_000, 1_700_000_000))  # 2023-11-14 UTC
    (inbox / "meta.jsonl").write_text(jsonl_line(7) + "\n", encoding="utf-8")
    result = run_chain(inbox, warehouse_path, dagster_instance,
                       resources={"cleaning": CleaningResource(date_from_file_mtime=True)})
    assert result.success
    rows = dict((p, (str(d), b)) for p, d, b in served(
        warehouse_path, "SELECT source_path, published_date, published_date_basis FROM articles_clean"))
    assert rows["meta.jsonl"] == ("2024-02-12", "metadata")
    assert rows["text-date.txt"][1] == "text_weekday_date"
    assert rows["undated.txt"] == ("2023-11-14", "file_mtime")


@pytest.mark.corpus
def test_dev_corpus_passes_the_gates_with_default_settings(shared, inbox, warehouse_path, dagster_instance):
    result = run_chain(shared / "corpus" / "dev", warehouse_path, dagster_instance)
    assert result.success, check_outcomes(result)
    assert served(warehouse_path, "SELECT count(*) FROM articles_clean") == [(30,)]
    repaired = served(warehouse_path, "SELECT text FROM cleaning_audit WHERE rule_id = 'unicode-mojibake'")
    assert any("â€" in text for (text,) in repaired)
    assert served(warehouse_path, "SELECT count(*) FROM articles_clean WHERE text LIKE '%â€%'") == [(0,)]
