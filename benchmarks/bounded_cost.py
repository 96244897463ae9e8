"""Benchmark: cost of one pathological article through the whole chain (issue 11, "bounded cost").

    .venv/bin/python benchmarks/bounded_cost.py                 # every case, each in its own process
    .venv/bin/python benchmarks/bounded_cost.py --case overlong_sentence --max-rss-mb 6000

Cases (one article each, in a fresh inbox and warehouse, real Dagster/DuckDB/GX/Stanza):
  overlong_sentence  100,000 characters of Indonesian words without any punctuation
  two_mb_article     a 1,990,000-byte article of ordinary paragraphs (just under the 2 MB ingest limit)
  country_names      5,000 country names, ten per sentence
  comma_run          a 200,000-character run of commas inside an article (regex backtracking bait)

For each case: what happened to the article (processed, or quarantined with which reason at which
stage), wall seconds per stage, and the peak resident memory of the run's process. Each case runs in a
child process that is killed if it goes over --max-rss-mb or --timeout-s (reported as such), so a
runaway case cannot take the machine down. The load average is printed with the numbers: the machine
is shared, so compare runs made under similar load.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "pemerintah", "indonesia", "menyatakan", "bahwa", "kerja", "sama", "antara", "kedua", "negara",
    "akan", "terus", "diperkuat", "dalam", "bidang", "ekonomi", "keamanan", "kawasan", "perdagangan",
    "dan", "pendidikan", "menurut", "menteri", "luar", "negeri", "yang", "hadir", "di", "jakarta",
    "bersama", "para", "duta", "besar"
)
COUNTRIES = (
    "Indonesia", "Malaysia", "Singapura", "Thailand", "Filipina", "Vietnam", "Kamboja", "Laos",
    "Myanmar", "Brunei", "Jepang", "Tiongkok", "India", "Pakistan", "Iran", "Irak", "Turki", "Mesir",
    "Rusia", "Prancis", "Jerman", "Inggris", "Italia", "Spanyol", "Brasil", "Argentina", "Meksiko",
    "Kanada", "Australia", "Selandia"
)
CASES = ("overlong_sentence", "two_mb_article", "country_names", "comma_run")


def _words(n_chars: int, rng: random.Random) -> str:
    out, size = [], 0
    while size < n_chars:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:n_chars].strip()


def make_article(case: str) -> str:
    rng = random.Random(11)
    lede = ("Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Malaysia di Jakarta untuk "
            "membahas kerja sama perbatasan kedua negara.\n")
    if case == "overlong_sentence":
        return _words(100_000, rng)
    if case == "two_mb_article":
        paragraphs, size = [], 0
        while size < 1_990_000 - 400:
            paragraph = _words(rng.randint(300, 700), rng).capitalize() + "."
            paragraphs.append(paragraph)
            size += len(paragraph) + 1
        return lede + "\n".join(paragraphs)
    if case == "country_names":
        sentences = []
        for i in range(500):
            names = [COUNTRIES[(i * 10 + k) % len(COUNTRIES)] for k in range(10)]
            sentences.append(f"Menteri dari {', '.join(names[:-1])} dan {names[-1]} hadir dalam sidang itu.")
        return lede + "\n".join(" ".join(sentences[i:i + 5]) for i in range(0, 500, 5))
    if case == "comma_run":
        return lede + "Kedua menteri " + "," * 200_000 + " sepakat.\n" + lede
    raise ValueError(case)


def core_cost(case: str) -> dict:
    """Ingest + clean of the article with the Dagster-free core: seconds and traced peak memory."""
    import tracemalloc

    from peristiwa.cleaning import clean_frame, load_rules
    from peristiwa.ingest import articles_frame, scan_inbox

    rules = load_rules()
    with tempfile.TemporaryDirectory(prefix=f"peristiwa-core-{case}-") as tmp:
        inbox = Path(tmp)
        (inbox / f"{case}.txt").write_text(make_article(case), encoding="utf-8")
        tracemalloc.start()
        started = time.perf_counter()
        result = scan_inbox(inbox, known_article_ids=set(), known_files={})
        scanned = time.perf_counter()
        clean_frame(articles_frame(result), rules)
        cleaned = time.perf_counter()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return {"case": case, "outcome": [(o.outcome, o.reason) for o in result.outcomes],
            "scan_s": round(scanned - started, 2), "clean_s": round(cleaned - scanned, 2),
            "traced_peak_mb": round(peak / 2**20, 1)}


def run_case(case: str) -> dict:
    """Child mode: the whole chain on one article; prints one JSON line."""
    import resource

    import dagster as dg
    import duckdb

    from pipelines.definitions import build_definitions
    from pipelines.settings import REPO_ROOT, Settings

    with tempfile.TemporaryDirectory(prefix=f"peristiwa-cost-{case}-") as tmp:
        root = Path(tmp)
        inbox = root / "inbox"
        inbox.mkdir()
        text = make_article(case)
        (inbox / f"{case}.txt").write_text(text, encoding="utf-8")
        settings = Settings(data_dir=root, inbox=inbox, warehouse=root / "warehouse.duckdb",
                            shared_dir=REPO_ROOT.parent / "shared", dagster_home=root / "dagster_home")
        job = build_definitions(settings).resolve_job_def("chain_job")
        started = time.perf_counter()
        steps: dict[str, float] = {}
        with dg.instance_for_test() as instance:
            result = job.execute_in_process(instance=instance, raise_on_error=False)
            wall = time.perf_counter() - started
            begun: dict[str, float] = {}
            for entry in instance.all_logs(result.run_id):
                event = entry.dagster_event
                if event is None:
                    continue
                if event.event_type_value == "STEP_START":
                    begun[event.step_key] = entry.timestamp
                elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE") and event.step_key in begun:
                    steps[event.step_key] = round(entry.timestamp - begun[event.step_key], 1)
        with duckdb.connect(str(settings.warehouse), read_only=True) as con:
            def one(sql: str):
                return con.execute(sql).fetchall()

            facts = {
                "ingest": one("SELECT outcome, reason FROM ingest_log"),
                "quarantine": one("SELECT stage, reason, message FROM quarantine"),
                "clean_chars": one("SELECT n_chars FROM articles_clean"),
                "sentences": one("SELECT count(*), max(end_char - start_char) FROM sentences")[0],
                "tokens": one("SELECT sum(n_tokens) FROM annotations")[0][0],
                "entity_mentions": one("SELECT count(*) FROM entity_mentions")[0][0],
                "event_mentions": one("SELECT count(*) FROM event_mentions")[0][0],
            }
    return {
        "case": case, "chars": len(text), "bytes": len(text.encode()), "success": result.success,
        "wall_s": round(wall, 1), "steps_s": steps, **facts,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def supervise(case: str, max_rss_mb: float, timeout_s: float) -> dict:
    """Run one case in a child process, killing it past the memory or time limit."""
    child = subprocess.Popen([sys.executable, __file__, "--child", case], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, cwd=Path(__file__).resolve().parent.parent)
    started, peak, verdict = time.monotonic(), 0.0, None
    while child.poll() is None:
        peak = max(peak, _rss_mb(child.pid))
        if peak > max_rss_mb:
            verdict = f"killed: resident memory over {max_rss_mb:.0f} MB"
        elif time.monotonic() - started > timeout_s:
            verdict = f"killed: over {timeout_s:.0f} s"
        if verdict:
            child.kill()
            break
        time.sleep(0.5)
    out, _ = child.communicate()
    elapsed = round(time.monotonic() - started, 1)
    if verdict:
        return {"case": case, "verdict": verdict, "elapsed_s": elapsed, "sampled_peak_rss_mb": round(peak)}
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if not lines:
        return {"case": case, "verdict": f"child exited {child.returncode} without a result"}
    return {**json.loads(lines[-1]), "elapsed_s": elapsed}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=CASES, action="append", help="run only these cases")
    parser.add_argument("--max-rss-mb", type=float, default=8000)
    parser.add_argument("--timeout-s", type=float, default=1800)
    parser.add_argument("--core-only", action="store_true", help="only ingest + clean, no Dagster run")
    parser.add_argument("--child", choices=CASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child), default=str), flush=True)
        return 0
    print(f"load average at start: {os.getloadavg()}")
    for case in args.case or CASES:
        print(json.dumps(core_cost(case)), flush=True)
    if args.core_only:
        return 0
    for case in args.case or CASES:
        result = supervise(case, args.max_rss_mb, args.timeout_s)
        print(json.dumps(result, default=str), flush=True)
    print(f"load average at end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
