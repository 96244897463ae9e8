"""`peristiwa run|sql` as a user calls them: separate processes, real files."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_INBOX

PERISTIWA = str(Path(sys.executable).with_name("peristiwa"))


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PERISTIWA_", "DAGSTER_HOME"))}
    env.update({"PERISTIWA_HOME": str(home), **extra})
    return env


def _peristiwa(*args: str, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([PERISTIWA, *args], env=env, capture_output=True, text=True, timeout=timeout)


def _sql_csv(query: str, env: dict[str, str]) -> list[list[str]]:
    proc = _peristiwa("sql", query, "--csv", env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return list(csv.reader(io.StringIO(proc.stdout)))


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """`peristiwa run --sample` in a fresh home, once for the tests below: its home and its process."""
    home = tmp_path_factory.mktemp("sample_home")
    return home, _peristiwa("run", "--sample", env=_env(home))


def test_run_sample_prints_summary_then_sql_reads_it(sample_run, tmp_path):
    built, proc = sample_run
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "raw_articles: materialized" in proc.stdout
    assert "articles_clean: materialized" in proc.stdout
    assert "check raw_articles_valid: PASSED" in proc.stdout
    assert f"warehouse: {built / 'warehouse.duckdb'}" in proc.stdout

    # this test runs again: its own copy of the home (warehouse, inbox and Dagster run history; times kept)
    home = tmp_path / "home"
    shutil.copytree(built, home, symlinks=True)
    env = _env(home)
    rows = _sql_csv("SELECT count(*) AS n FROM articles_clean", env)
    assert rows[0] == ["n"] and int(rows[1][0]) >= 5

    table = _peristiwa("sql", "SELECT title FROM articles_clean ORDER BY title LIMIT 2", env=env)
    assert table.returncode == 0 and "(2 rows)" in table.stdout

    # a second run finds nothing new and says so (the default scope named explicitly changes nothing)
    again = _peristiwa("run", "--parse-scope", "selective", "--workers", "1", env=env)
    assert again.returncode == 0, again.stderr
    assert "no_new_input=True" in again.stdout
    assert "reannotated_for_models=0" in again.stdout


def test_sql_is_read_only_and_errors_are_clear(sample_run, tmp_path):
    missing = _peristiwa("sql", "SELECT 1", env=_env(tmp_path), timeout=60)  # a home with no run yet
    assert missing.returncode != 0 and "peristiwa run" in missing.stderr
    home, run = sample_run  # only read from here on
    assert run.returncode == 0
    env = _env(home)
    write = _peristiwa("sql", "DELETE FROM articles_raw", env=env, timeout=60)
    assert write.returncode != 0 and "read-only" in write.stderr.lower()
    bad = _peristiwa("sql", "SELECT nope FROM articles_raw", env=env, timeout=60)
    assert bad.returncode != 0 and "query failed" in bad.stderr


@pytest.mark.slow  # four `peristiwa run` processes: CI-only (`-m slow`)
def test_run_exits_nonzero_when_a_blocking_check_fails_and_accept_overrides_it(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "scraper").mkdir(parents=True)
    for i in range(3):  # a few bad files are quarantined one by one: not a reason to stop
        (inbox / f"en{i}.txt").write_text(
            "This is an English news story about a meeting between two ministers who discussed trade, "
            f"security and migration at length in the capital on Monday, number {i}.", encoding="utf-8")
    env = _env(tmp_path)
    assert _peristiwa("run", "--job", "ingest_clean_job", env=env).returncode == 0
    for i in range(21):  # a scraper that saves whole pages is systemic
        (inbox / "scraper" / f"{i}.txt").write_text(
            f"<!DOCTYPE html><html><body><p>Halaman {i}</p></body></html>", encoding="utf-8")
    proc = _peristiwa("run", "--job", "ingest_clean_job", env=env)
    assert proc.returncode == 1
    assert "check raw_inbox_accounting: FAILED" in proc.stdout
    assert "| scraper/0.txt |  |  | html |" in proc.stdout  # the offending items are named
    assert "articles_clean: not run" in proc.stdout

    bad = _peristiwa("run", "--accept", "no_such_check", env=env, timeout=60)
    assert bad.returncode == 2 and "raw_inbox_accounting" in bad.stderr
    accepted = _peristiwa("run", "--job", "ingest_clean_job", "--accept", "raw_inbox_accounting", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "check raw_inbox_accounting: FAILED, ACCEPTED" in accepted.stdout
    rows = _sql_csv("SELECT check_name FROM dq_results WHERE override IS NOT NULL", env)
    assert {r[0] for r in rows[1:]} == {"raw_inbox_accounting"}


@pytest.mark.corpus
@pytest.mark.slow  # a writer process over 400 articles polled by reader processes: CI-only (`-m slow`)
def test_concurrent_sql_readers_never_fail_or_see_partial_state(shared, tmp_path):
    env = _env(tmp_path)
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox / "samples", ignore=shutil.ignore_patterns("*.md"))
    assert _peristiwa("run", "--job", "ingest_clean_job", env=env).returncode == 0
    base_raw, base_clean = map(int, _sql_csv(
        "SELECT (SELECT count(*) FROM articles_raw), (SELECT count(*) FROM articles_clean)", env)[1])

    with (shared / "corpus" / "clickid" / "articles.jsonl").open(encoding="utf-8") as lines:
        (inbox / "clickid.jsonl").write_text("".join(next(lines) for _ in range(400)), encoding="utf-8")
    writer = subprocess.Popen([PERISTIWA, "run", "--job", "ingest_clean_job"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    query = ("SELECT (SELECT count(*) FROM articles_raw), (SELECT count(*) FROM articles_clean), "
             "(SELECT count(*) FROM articles_clean c ANTI JOIN articles_raw r USING (article_id)), "
             "(SELECT count(*) FROM ingest_log) - (SELECT count(*) FROM articles_raw) "
             "- (SELECT count(*) FROM ingest_log WHERE outcome <> 'ingested')")
    seen, failures = [], []
    deadline = time.monotonic() + 240
    while writer.poll() is None and time.monotonic() < deadline:
        proc = _peristiwa("sql", query, "--csv", env=env, timeout=60)
        if proc.returncode != 0:
            failures.append(proc.stderr)
        else:
            seen.append(tuple(map(int, list(csv.reader(io.StringIO(proc.stdout)))[1])))
    out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, out + err
    assert failures == []
    assert len(seen) >= 3
    final_raw, final_clean = map(int, _sql_csv(
        "SELECT (SELECT count(*) FROM articles_raw), (SELECT count(*) FROM articles_clean)", env)[1])
    for raw, clean, orphans, unaccounted in seen:
        assert raw in (base_raw, final_raw)  # a stage's batch appears whole or not at all
        assert clean in (base_clean, final_clean)
        assert orphans == 0 and unaccounted == 0
    assert final_raw > base_raw
