"""`peristiwa eval events`: run the real pipeline on a folder of articles and score it against gold events."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

# How gold rows name an article: the JSONL "id" when the line has one, else the file stem
# (``004_7c8e4773e9e8f53f.txt`` -> ``004_7c8e4773e9e8f53f``), so a .jsonl file may hold many articles.
_ARTICLE_KEY = "coalesce(r.source_id, regexp_extract(r.source_path, '([^/]+?)(\\.[^./]*)?$', 1))"


def _failed_checks(result) -> list[str]:
    return sorted({
        e.event_specific_data.check_name for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.event_specific_data.passed
    })


def evaluate_events(gold: Path, articles: Path, workdir: Path) -> dict:
    """Materialise the whole chain on `articles` in a throwaway warehouse and score its event mentions.

    Any folder of `.txt`/`.jsonl` articles works, dated or not: bad files are quarantined (listed on
    stderr), the rest is scored. Gold rows name articles by JSONL id or file stem.
    """
    import dagster as dg
    import duckdb
    import polars as pl

    from peristiwa.events.evaluate import score
    from pipelines.definitions import build_definitions
    from pipelines.settings import Settings

    base = Settings.from_env()
    settings = Settings(data_dir=workdir, inbox=articles, warehouse=workdir / "warehouse.duckdb",
                        shared_dir=base.shared_dir, dagster_home=workdir / "dagster_home",
                        stanza_resources_dir=base.stanza_resources_dir)
    job = build_definitions(settings).resolve_job_def("chain_job")
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False)
    if not result.success:
        failed = ", ".join(_failed_checks(result)) or "a step error (see the log above)"
        raise click.ClickException(
            f"the pipeline failed on {articles}: {failed}; `peristiwa run --inbox {articles}` shows the "
            "offending items"
        )
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        predicted = con.sql(f"""
            SELECT m.* EXCLUDE (article_id, run_id), {_ARTICLE_KEY} AS article_id
            FROM event_mentions m JOIN articles_raw r USING (article_id)
        """).pl()
        keys = [row[0] for row in con.execute(f"SELECT {_ARTICLE_KEY} FROM articles_raw r").fetchall()]
        quarantined = con.execute(
            "SELECT source_path, line_no, reason FROM quarantine ORDER BY ALL").fetchall()
    for path, line_no, reason in quarantined:
        where = path if line_no is None else f"{path}:{line_no}"
        click.echo(f"quarantined (not scored): {where} ({reason})", err=True)
    return score(predicted.select(pl.all()), gold, articles=keys)


@click.command("events")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold CSV in the seed-gold format (../shared/gold/seeds_events.csv).")
@click.option("--articles", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of articles (.txt named by the gold article_id, or .jsonl).")
@click.option("--diff", "diff_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("events_diff.csv"), show_default=True,
              help="Where to write the per-row diff (hits, misses, false positives with sentences).")
def eval_events(gold: Path, articles: Path, diff_path: Path) -> None:
    """Score event coding against gold events: one `name: value` per line."""
    from peristiwa.events.evaluate import format_metrics, write_diff

    with tempfile.TemporaryDirectory(prefix="peristiwa-eval-") as tmp:
        result = evaluate_events(gold, articles.resolve(), Path(tmp))
    click.echo(format_metrics(result))
    click.echo(f"diff: {write_diff(result, diff_path)}", err=True)
