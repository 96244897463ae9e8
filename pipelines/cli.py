"""`peristiwa` console script: run | sql | ui | models | eval.

Heavy imports (dagster, great_expectations, stanza) happen inside the commands that need them, so that
`peristiwa sql` starts fast and can be called in a loop.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipelines.cli_events import eval_events
from pipelines.cli_nlp import eval_group, models_group
from pipelines.settings import REPO_ROOT, Settings

if TYPE_CHECKING:  # imported lazily at run time, so that `peristiwa sql` starts fast
    import dagster as dg

SAMPLE_INBOX = REPO_ROOT / "peristiwa" / "sample_data" / "inbox"
# Blocking checks `run --accept` can override (the gates on input: ingest and cleaning). Kept here as
# names so the CLI needs no Dagster import to parse its options; tests pin them to the check modules.
RAW_CHECKS = ("raw_articles_valid", "raw_inbox_accounting")
CLEAN_CHECKS = ("articles_clean_valid",)
ACCEPTABLE_CHECKS = RAW_CHECKS + CLEAN_CHECKS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """peristiwa: Indonesian news -> events -> country-pair aggregates, in DuckDB."""


def _copy_samples(inbox: Path) -> int:
    target = inbox / "samples"
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for source in sorted(SAMPLE_INBOX.iterdir()):
        if source.suffix not in (".txt", ".jsonl"):
            continue
        destination = target / source.name
        if not destination.exists() or destination.read_bytes() != source.read_bytes():
            shutil.copyfile(source, destination)
            copied += 1
    return copied


@main.command()
@click.option("--inbox", type=click.Path(path_type=Path), help="Inbox folder (default: $PERISTIWA_INBOX).")
@click.option("--warehouse", type=click.Path(path_type=Path),
              help="Served warehouse file (default: $PERISTIWA_WAREHOUSE).")
@click.option("--sample", is_flag=True, help="Copy the bundled sample articles into the inbox first.")
@click.option("--reprocess-all", is_flag=True, help="Re-clean every published article (backfill).")
@click.option("--job", "job_name", default="chain_job", show_default=True,
              type=click.Choice(["chain_job", "ingest_clean_job"]),
              help="ingest_clean_job stops after cleaning (no NLP).")
@click.option("--accept", "accept", multiple=True, metavar="CHECK",
              help="Accept this failed blocking check on purpose for this run (repeatable): the batch is "
              "published anyway and dq_results.override records it. Checks: "
              + ", ".join(ACCEPTABLE_CHECKS) + ".")
@click.option("--retry-quarantined", is_flag=True,
              help="Read again the inbox files that had quarantined items, even if unchanged.")
@click.option("--parse-scope", type=click.Choice(["selective", "all"]), default=None,
              help="Which sentences get a dependency parse (default: the nlp resource's, selective). "
              "A change of scope re-annotates every article.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="NLP worker processes (default: the nlp resource's, one per CPU core up to 4).")
def run(inbox: Path | None, warehouse: Path | None, sample: bool, reprocess_all: bool, job_name: str,
        accept: tuple[str, ...], retry_quarantined: bool, parse_scope: str | None,
        workers: int | None) -> None:
    """Materialise the whole chain in-process and print per-stage counts and check outcomes.

    Exits 1 when a blocking check fails (nothing downstream of it runs; the batch is held back, while
    the records of quarantined items are published).
    """
    _refuse_unknown_accepts(accept)
    settings = _run_settings(inbox, warehouse)
    _prepare_inbox(settings, sample)

    from pipelines.instance import ensure_dagster_home

    # DagsterInstance.get() finds the instance (run storage, pool limits: dagster.yaml) through DAGSTER_HOME.
    os.environ["DAGSTER_HOME"] = str(ensure_dagster_home(settings.dagster_home))
    from pipelines.summary import format_summary, summarize

    click.echo(f"inbox: {settings.inbox}\nwarehouse: {settings.warehouse}", err=True)
    job = _job(settings, job_name, parse_scope, workers)
    result = _execute(job, _run_config(accept, retry_quarantined, reprocess_all))
    stages = summarize(result, [key.to_user_string() for key in job.asset_layer.selected_asset_keys])
    click.echo(f"\nrun {result.run_id}: {'SUCCESS' if result.success else 'FAILURE'}")
    click.echo(format_summary(stages, str(settings.warehouse)))
    if not result.success:
        sys.exit(1)


def _refuse_unknown_accepts(accept: tuple[str, ...]) -> None:
    unknown = sorted(set(accept) - set(ACCEPTABLE_CHECKS))
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}: not one of {', '.join(ACCEPTABLE_CHECKS)}",
                                 param_hint="--accept")


def _run_settings(inbox: Path | None, warehouse: Path | None) -> Settings:
    """The environment's settings, with the --inbox and --warehouse given on the command line."""
    settings = Settings.from_env()
    overrides = {}
    if inbox:
        overrides["inbox"] = inbox.resolve()
    if warehouse:
        overrides["warehouse"] = warehouse.resolve()
    return Settings(**{**settings.__dict__, **overrides})


def _prepare_inbox(settings: Settings, sample: bool) -> None:
    if sample:
        n = _copy_samples(settings.inbox)
        click.echo(f"sample articles: {n} copied into {settings.inbox / 'samples'}", err=True)
    if not settings.inbox.is_dir():
        raise click.ClickException(
            f"inbox {settings.inbox} does not exist: create it and put .txt/.jsonl articles in it, "
            "or run `peristiwa run --sample`"
        )


def _job(settings: Settings, job_name: str, parse_scope: str | None, workers: int | None) -> dg.JobDefinition:
    from pipelines.definitions import build_definitions, build_resources

    nlp = build_resources(settings)["nlp"]
    nlp = nlp.but(parse_scope=parse_scope, workers=workers)
    defs = build_definitions(settings, resources={"nlp": nlp})
    return defs.resolve_job_def(job_name)


def _run_config(accept: tuple[str, ...], retry_quarantined: bool, reprocess_all: bool) -> dict:
    # Each accepted check goes to the asset whose gate it is.
    return {
        "loggers": {"console": {"config": {"log_level": "INFO"}}},
        "ops": {
            "raw_articles": {"config": {"retry_quarantined": retry_quarantined,
                                        "accept_failed_checks": [c for c in accept if c in RAW_CHECKS]}},
            "articles_clean": {"config": {"reprocess_all": reprocess_all,
                                          "accept_failed_checks": [c for c in accept if c in CLEAN_CHECKS]}},
        },
    }


def _execute(job: dg.JobDefinition, run_config: dict) -> dg.ExecuteInProcessResult:
    """Run the job on the persistent instance, first freeing pool slots that dead CLI runs still hold."""
    import dagster as dg

    from pipelines.instance import cli_run_tags, reap_orphaned_cli_runs
    from pipelines.partitions import all_shards_tags

    with dg.DagsterInstance.get() as instance:
        for run_id in reap_orphaned_cli_runs(instance):
            click.echo(f"released the writer pool slot of dead run {run_id}", err=True)
        tags = {**cli_run_tags(), **(all_shards_tags() if job.partitions_def else {})}
        return job.execute_in_process(instance=instance, run_config=run_config, raise_on_error=False,
                                      tags=tags)


def _served_reader(warehouse: Path | None):
    """A read-only connection to the served warehouse (--warehouse, else the configured one)."""
    from warehouse.connection import Warehouse, WarehouseMissingError

    path = warehouse.resolve() if warehouse else Settings.from_env().warehouse
    try:
        return Warehouse(path).reader()
    except WarehouseMissingError as error:
        raise click.ClickException(str(error)) from None


@main.command()
@click.argument("query")
@click.option("--csv", "as_csv", is_flag=True, help="Print a header line then rows, as CSV.")
@click.option("--warehouse", type=click.Path(path_type=Path), help="Served warehouse file.")
def sql(query: str, as_csv: bool, warehouse: Path | None) -> None:
    """Run a read-only SQL query against the served warehouse."""
    import duckdb

    con = _served_reader(warehouse)
    try:
        cursor = con.execute(query)
        header = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall() if header else []
    except duckdb.Error as error:
        raise click.ClickException(f"query failed: {error}") from None
    finally:
        con.close()
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return
    _print_table(header, rows)


@main.command()
@click.option("--pair", required=True, metavar="A,B", help="Two ISO3 country codes, e.g. IRN,PAK.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="PNG to write (default: dyad_A_B.png in the current folder).")
@click.option("--warehouse", type=click.Path(path_type=Path), help="Served warehouse file.")
def plot(pair: str, out: Path | None, warehouse: Path | None) -> None:
    """Write a PNG of a country pair's monthly events (both directions) and net Goldstein."""
    from peristiwa.aggregates.plots import plot_pair

    codes = [c.strip().upper() for c in pair.split(",")]
    if len(codes) != 2 or not all(len(c) == 3 and c.isalpha() for c in codes) or codes[0] == codes[1]:
        raise click.BadParameter("expected two different ISO3 codes, e.g. IRN,PAK", param_hint="--pair")
    con = _served_reader(warehouse)
    try:
        n_events = con.execute(
            "SELECT coalesce(sum(n_events), 0) FROM dyad_month "
            "WHERE (src_iso3 = $a AND tgt_iso3 = $b) OR (src_iso3 = $b AND tgt_iso3 = $a)",
            {"a": codes[0], "b": codes[1]},
        ).fetchall()[0][0]
        png = plot_pair(con, codes[0], codes[1])
    finally:
        con.close()
    target = out or Path(f"dyad_{codes[0]}_{codes[1]}.png")
    target.write_bytes(png)
    click.echo(f"wrote {target} ({n_events} counted events between {codes[0]} and {codes[1]})")


def _print_table(header: list[str], rows: list[tuple]) -> None:
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [min(60, max([len(h)] + [len(r[i]) for r in cells])) for i, h in enumerate(header)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)))
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


@main.command()
@click.option("--port", default=3000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def ui(port: int, host: str) -> None:
    """Start the Dagster UI (webserver + daemon) with a persistent DAGSTER_HOME under the data dir."""
    from pipelines.instance import ensure_dagster_home

    settings = Settings.from_env()
    os.environ["DAGSTER_HOME"] = str(ensure_dagster_home(settings.dagster_home))
    os.environ.setdefault("PERISTIWA_INBOX", str(settings.inbox))
    os.environ.setdefault("PERISTIWA_WAREHOUSE", str(settings.warehouse))
    dagster = Path(sys.executable).with_name("dagster")
    command = [str(dagster), "dev", "-w", str(REPO_ROOT / "workspace.yaml"), "-h", host, "-p", str(port)]
    click.echo(f"Dagster UI on http://{host}:{port} (DAGSTER_HOME={os.environ['DAGSTER_HOME']})", err=True)
    # A shell that starts us in the background ignores SIGINT, and `dagster dev` maps SIGTERM onto the SIGINT
    # handler: restore default dispositions so Ctrl-C and SIGTERM both stop the whole process tree.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.chdir(REPO_ROOT)
    os.execv(command[0], command)


eval_group.add_command(eval_events, "events")
main.add_command(models_group, "models")
main.add_command(eval_group, "eval")

def entrypoint() -> None:
    """The `peristiwa` console script: `main`, then exit without interpreter teardown.

    DuckDB 2.0's nanobind bindings print dozens of spurious "leaked instance" lines to stderr while the
    interpreter tears down once Dagster is loaded; every connection is closed by then, so skip teardown.
    """
    try:
        main()
    except SystemExit as exit_:
        code = exit_.code
    else:
        code = 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))


if __name__ == "__main__":
    entrypoint()
