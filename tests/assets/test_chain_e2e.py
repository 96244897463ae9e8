"""The whole chain as users run it: real Dagster runs, a real DuckDB file, real GX validations."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipelines.resources import CleaningResource
from tests.chain import (
    CONTRACT_TABLES,
    check_outcomes,
    materialized,
    run_chain,
    served,
    stage_metadata,
    table_snapshot,
)

RESIDUE = ("Baca Juga", "Exit mobile version", "IRNADiberitakan", "IRNAseperti", "IRNAdua")

INDONESIAN = (
    "Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Malaysia di Jakarta pada Senin "
    "(12/2/2024) untuk membahas kerja sama perbatasan. Kedua menteri sepakat memperkuat patroli bersama di "
    "Selat Malaka dan meningkatkan pertukaran informasi intelijen untuk memerangi penyelundupan manusia. "
    "Pertemuan itu juga membahas rencana kunjungan kenegaraan presiden ke Kuala Lumpur bulan depan."
)
ENGLISH = (
    "The foreign ministers of both countries met in Jakarta on Monday to discuss border cooperation. "
    "They agreed to strengthen joint patrols in the Strait of Malacca and to share more intelligence "
    "in order to fight human smuggling, according to a statement released after the meeting."
)


def test_seeds_end_to_end(seeds_dir, inbox, warehouse_path, dagster_instance):
    shutil.copytree(seeds_dir, inbox / "seeds")
    result = run_chain(inbox, warehouse_path, dagster_instance)
    assert result.success
    assert materialized(result) == {"raw_articles", "articles_clean"}
    assert all(check_outcomes(result).values())

    rows = served(warehouse_path, "SELECT source_path, text, published_date FROM articles_clean ORDER BY 1")
    assert len(rows) == 5
    for path, text, _ in rows:
        for residue in RESIDUE:
            assert residue not in text, f"{residue!r} left in {path}"
    dated = {Path(p).stem[:3]: d for p, _, d in rows}
    # every seed that states a publication date has one (000 states no year anywhere)
    assert all(dated[s] is not None for s in ("001", "002", "003", "004"))
    assert str(dated["004"]) == "2024-01-29"

    dq = served(warehouse_path, "SELECT DISTINCT asset, check_name, passed FROM dq_results ORDER BY ALL")
    assert {(a, p) for a, _, p in dq} == {("raw_articles", True), ("articles_clean", True)}
    audit = served(warehouse_path, "SELECT DISTINCT reason FROM cleaning_audit")
    assert {"read_also"} <= {r for (r,) in audit}


def test_samples_ship_with_the_repo_and_run_clean(sample_inbox, warehouse_path, dagster_instance):
    result = run_chain(sample_inbox, warehouse_path, dagster_instance)
    assert result.success, check_outcomes(result)
    n_items = sum(
        1 if p.suffix == ".txt" else sum(1 for line in p.read_text().splitlines() if line.strip())
        for p in (sample_inbox / "samples").iterdir()
    )
    (n_raw,) = served(warehouse_path, "SELECT count(*) FROM articles_raw")[0]
    (n_clean,) = served(warehouse_path, "SELECT count(*) FROM articles_clean")[0]
    assert n_raw == n_clean == n_items >= 5


def test_failed_raw_check_stops_downstream_and_keeps_published_data(
    sample_inbox, warehouse_path, dagster_instance
):
    assert run_chain(sample_inbox, warehouse_path, dagster_instance).success
    before = {t: table_snapshot(warehouse_path, t) for t in CONTRACT_TABLES}

    # a scraper that suddenly saves whole pages: a systemic failure of its delivery (folder)
    batch = sample_inbox / "bad-batch"
    batch.mkdir()
    for i in range(24):
        page = f"<!DOCTYPE html><html><body><p>{INDONESIAN} {i}</p></body></html>"
        (batch / f"page-{i}.txt").write_text(page, encoding="utf-8")
    (batch / "one-good.txt").write_text(INDONESIAN, encoding="utf-8")

    result = run_chain(sample_inbox, warehouse_path, dagster_instance)
    assert not result.success
    assert check_outcomes(result)["raw_inbox_accounting"] is False
    assert "articles_clean" not in materialized(result)
    assert "raw_articles" not in materialized(result)
    after = {t: table_snapshot(warehouse_path, t) for t in CONTRACT_TABLES}
    records = ("ingest_log", "quarantine")
    # published data untouched, including the one good article of the bad batch ...
    assert {t: v for t, v in after.items() if t not in records} == {
        t: v for t, v in before.items() if t not in records}
    # ... while the records of the quarantined pages always land
    new_log = served(warehouse_path, "SELECT outcome, reason, count(*) FROM ingest_log WHERE run_id = ? "
                     "GROUP BY ALL", [result.run_id])
    assert new_log == [("quarantined", "html", 24)]

    failures = served(
        warehouse_path,
        "SELECT check_name, expectation, column_name FROM dq_results WHERE NOT passed AND run_id = ?",
        [result.run_id],
    )
    assert sorted(failures) == [
        ("raw_inbox_accounting", "expect_column_values_to_be_between", "html_share"),
        ("raw_quarantine_rate", "expect_column_values_to_be_between", "quarantine_share"),  # advisory
    ]
    # the held batch stays inspectable in staging
    assert served(warehouse_path, "SELECT source_path FROM staging.articles_raw") == [
        ("bad-batch/one-good.txt",)]


def test_failed_clean_check_stops_the_chain(sample_inbox, warehouse_path, dagster_instance, tmp_path):
    from peristiwa.cleaning import DEFAULT_RULES_PATH

    assert run_chain(sample_inbox, warehouse_path, dagster_instance).success
    published = table_snapshot(warehouse_path, "articles_clean")
    # a rules file that forgets how to remove "Baca Juga" teasers, on a source whose every article has one
    text = Path(DEFAULT_RULES_PATH).read_text(encoding="utf-8")
    broken = tmp_path / "rules.yaml"
    broken.write_text(text.replace("Baca", "Bxca"), encoding="utf-8")
    scraper = sample_inbox / "scraper"
    scraper.mkdir()
    for i in range(25):
        (scraper / f"{i}.txt").write_text(f"{INDONESIAN} Nomor {i}.\nBaca Juga: Judul lain {i}\n",
                                          encoding="utf-8")
    result = run_chain(sample_inbox, warehouse_path, dagster_instance,
                       resources={"cleaning": CleaningResource(rules_path=str(broken))})
    assert not result.success
    assert check_outcomes(result)["articles_clean_valid"] is False
    assert table_snapshot(warehouse_path, "articles_clean") == published
    failed = served(warehouse_path, "SELECT items FROM dq_results WHERE NOT passed")
    assert any("scraper/0.txt" in (s or "") for (s,) in failed)


def test_bad_input_matrix_every_item_accounted_for(inbox, warehouse_path, dagster_instance):
    good = INDONESIAN
    (inbox / "good.txt").write_text(good, encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "utf16.txt").write_bytes(("\ufeff" + good.replace("Senin", "Selasa")).encode("utf-16-le"))
    cp1252_text = "\u201cKami siap,\u201d kata caf\u00e9 itu. " + good[:-1] + "!"
    (inbox / "cp1252.txt").write_bytes(cp1252_text.encode("cp1252"))
    (inbox / "huge.txt").write_bytes((good + "\n").encode() * 12_000)
    (inbox / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (inbox / "page.txt").write_text(
        "<!DOCTYPE html><html><head><title>Berita</title></head><body><div class='nav'>"
        "<a href='/'>Beranda</a></div><p>" + good + "</p><script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    (inbox / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    lines = [
        json.dumps({"id": "a1", "url": "https://contoh.id/1", "source": "contoh.id",
                    "published": "2024-02-12", "title": "Menlu bertemu", "section": "dunia",
                    "text": good + " Versi JSONL.", "editor": "X"}),
        '{"id": "a2", "text": "tanpa penutup',
        json.dumps({"id": "a3", "title": "Tanpa teks"}),
        json.dumps({"id": "a4", "text": good + " Versi JSONL."}),  # same content as a1: duplicate
    ]
    (inbox / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # two thirds of this batch are bad, item by item: quarantined, and the good articles flow on
    result = run_chain(inbox, warehouse_path, dagster_instance)
    assert result.success, check_outcomes(result)

    log = served(warehouse_path, "SELECT source_path, line_no, outcome, reason FROM ingest_log ORDER BY ALL")
    by_item = {(p, n): (o, r) for p, n, o, r in log}
    assert len(log) == len(by_item) == 13  # 9 files + 4 JSONL lines, each exactly once
    assert by_item[("good.txt", None)] == ("ingested", None)
    assert by_item[("utf16.txt", None)] == ("ingested", None)
    assert by_item[("cp1252.txt", None)] == ("ingested", None)
    assert by_item[("empty.txt", None)] == ("quarantined", "empty")
    assert by_item[("binary.txt", None)] == ("quarantined", "binary")
    assert by_item[("huge.txt", None)] == ("quarantined", "too_large")
    assert by_item[("english.txt", None)] == ("quarantined", "not_indonesian")
    assert by_item[("page.txt", None)] == ("quarantined", "html")
    assert by_item[("photo.png", None)] == ("quarantined", "unsupported_type")
    assert by_item[("batch.jsonl", 1)] == ("ingested", None)
    assert by_item[("batch.jsonl", 2)] == ("quarantined", "malformed_json")
    assert by_item[("batch.jsonl", 3)] == ("quarantined", "missing_text")
    assert by_item[("batch.jsonl", 4)] == ("duplicate", None)

    encodings = dict(served(warehouse_path, "SELECT source_path, encoding FROM articles_raw"))
    assert encodings["utf16.txt"].startswith("utf-16") and encodings["cp1252.txt"] == "cp1252"
    converted = served(warehouse_path, "SELECT count(*) FROM articles_raw WHERE encoding_converted")
    assert converted == [(2,)]
    quarantine = served(warehouse_path, "SELECT reason, message FROM quarantine")
    assert len(quarantine) == 8 and all(message for _, message in quarantine)
    meta = served(warehouse_path, "SELECT metadata_json FROM articles_raw WHERE source_id = 'a1'")
    assert json.loads(meta[0][0]) == {"editor": "X"}


def test_rerun_is_a_noop_and_rebuild_is_identical(sample_inbox, warehouse_path, tmp_path, dagster_instance):
    assert run_chain(sample_inbox, warehouse_path, dagster_instance).success
    first = {t: table_snapshot(warehouse_path, t) for t in CONTRACT_TABLES}
    snapshot = warehouse_path.stat().st_ino, warehouse_path.stat().st_ctime_ns

    second_run = run_chain(sample_inbox, warehouse_path, dagster_instance)
    assert second_run.success
    assert {t: table_snapshot(warehouse_path, t) for t in CONTRACT_TABLES} == first
    # nothing was published, so the served file was not copied again (a new snapshot is a new file)
    assert (warehouse_path.stat().st_ino, warehouse_path.stat().st_ctime_ns) == snapshot
    assert stage_metadata(second_run, "raw_articles")["no_new_input"] is True
    assert stage_metadata(second_run, "articles_clean")["cleaned"] == 0

    # a fresh warehouse built from the same inbox holds the same data (ids are content hashes)
    other = tmp_path / "other" / "warehouse.duckdb"
    assert run_chain(sample_inbox, other, dagster_instance).success
    volatile = ("run_id", "ingested_at", "logged_at", "quarantined_at", "processed_at", "cleaned_at")
    for table in CONTRACT_TABLES:
        rebuilt = table_snapshot(other, table, volatile)
        assert rebuilt == table_snapshot(warehouse_path, table, volatile), table
    for table in ("articles_raw", "articles_clean"):
        (dupes,) = served(warehouse_path, f"SELECT count(*) - count(DISTINCT article_id) FROM {table}")[0]
        assert dupes == 0


def test_only_new_and_changed_articles_are_processed(sample_inbox, warehouse_path, dagster_instance):
    assert run_chain(sample_inbox, warehouse_path, dagster_instance).success
    (n_before,) = served(warehouse_path, "SELECT count(*) FROM articles_clean")[0]
    snapshot = warehouse_path.stat().st_ino, warehouse_path.stat().st_ctime_ns
    target = sample_inbox / "later.txt"
    target.write_text(INDONESIAN, encoding="utf-8")
    result = run_chain(sample_inbox, warehouse_path, dagster_instance)
    assert result.success
    assert (warehouse_path.stat().st_ino, warehouse_path.stat().st_ctime_ns) != snapshot  # served anew
    assert served(warehouse_path, "SELECT count(*) FROM articles_clean")[0] == (n_before + 1,)
    clean_meta = stage_metadata(result, "articles_clean")
    assert clean_meta["cleaned"] == 1 and clean_meta["unchanged"] == n_before

    # the same file changed: a new version that supersedes the old one
    target.write_text(INDONESIAN + " Pembaruan: pertemuan diperpanjang satu hari.", encoding="utf-8")
    assert run_chain(sample_inbox, warehouse_path, dagster_instance).success
    versions = served(warehouse_path, "SELECT version, supersedes IS NOT NULL FROM articles_raw "
                      "WHERE source_path = 'later.txt' ORDER BY version")
    assert versions == [(1, False), (2, True)]


def test_reprocess_all_recleans_everything(sample_inbox, warehouse_path, dagster_instance):
    assert run_chain(sample_inbox, warehouse_path, dagster_instance).success
    (n,) = served(warehouse_path, "SELECT count(*) FROM articles_clean")[0]
    result = run_chain(sample_inbox, warehouse_path, dagster_instance, reprocess_all=True)
    assert result.success
    assert served(warehouse_path, "SELECT count(DISTINCT run_id) FROM articles_clean") == [(1,)]
    assert served(warehouse_path, "SELECT count(*) FROM articles_clean") == [(n,)]
    assert served(warehouse_path, "SELECT any_value(run_id) FROM articles_clean") == [(result.run_id,)]


@pytest.mark.corpus
def test_clickid_slice_of_500(shared, inbox, warehouse_path, dagster_instance):
    source = shared / "corpus" / "clickid" / "articles.jsonl"
    with source.open(encoding="utf-8") as lines:
        head = [next(lines) for _ in range(500)]
    (inbox / "clickid-500.jsonl").write_text("".join(head), encoding="utf-8")
    result = run_chain(inbox, warehouse_path, dagster_instance)
    assert result.success, check_outcomes(result)
    (n_log,) = served(warehouse_path, "SELECT count(*) FROM ingest_log")[0]
    assert n_log == 500
    (n_raw, n_clean) = served(
        warehouse_path, "SELECT (SELECT count(*) FROM articles_raw), (SELECT count(*) FROM articles_clean)"
    )[0]
    assert n_raw == n_clean > 450
    (with_date,) = served(warehouse_path, "SELECT count(published_date) FROM articles_clean")[0]
    assert with_date == n_clean  # CLICK-ID gives every article a publication timestamp
