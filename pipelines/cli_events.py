"""`peristiwa eval events`: run the real pipeline on a folder of articles and score it against gold events."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click


def evaluate_events(gold: Path, articles: Path, workdir: Path, resources: dict | None = None,
                    parse_scope: str | None = None) -> dict:
    """Materialise the whole chain on `articles` in a throwaway warehouse and score its event mentions.

    Gold rows name articles by file stem (e.g. ``004_7c8e4773e9e8f53f``); predictions are keyed the same way.
    """
    import dagster as dg
    import duckdb
    import polars as pl

    from peristiwa.events.evaluate import score
    from pipelines.definitions import build_definitions, build_resources
    from pipelines.partitions import all_shards_tags
    from pipelines.settings import Settings

    base = Settings.from_env()
    settings = Settings(data_dir=workdir, inbox=articles, warehouse=workdir / "warehouse.duckdb",
                        shared_dir=base.shared_dir, dagster_home=workdir / "dagster_home",
                        stanza_resources_dir=base.stanza_resources_dir)
    resources = dict(resources or {})
    if parse_scope:
        nlp = resources.get("nlp") or build_resources(settings)["nlp"]
        resources["nlp"] = nlp.but(parse_scope=parse_scope)
    job = build_definitions(settings, resources=resources).resolve_job_def("chain_job")
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False, tags=all_shards_tags())
    if not result.success:
        raise click.ClickException(
            f"the pipeline failed on {articles}; `peristiwa run --inbox {articles}` shows which check failed"
        )
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        predicted = con.sql("""
            SELECT m.* EXCLUDE (article_id, run_id),
                   regexp_extract(r.source_path, '([^/]+?)(\\.[^./]*)?$', 1) AS article_id
            FROM event_mentions m JOIN articles_raw r USING (article_id)
        """).pl()
        stems = [row[0] for row in con.execute(
            "SELECT regexp_extract(source_path, '([^/]+?)(\\.[^./]*)?$', 1) FROM articles_raw").fetchall()]
    return score(predicted.select(pl.all()), gold, articles=stems)


@click.command("events")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold CSV in the seed-gold format (../shared/gold/seeds_events.csv).")
@click.option("--articles", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of articles (.txt named by the gold article_id, or .jsonl).")
@click.option("--diff", "diff_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("events_diff.csv"), show_default=True,
              help="Where to write the per-row diff (hits, misses, false positives with sentences).")
@click.option("--parse-scope", type=click.Choice(["selective", "all"]), default=None,
              help="Which sentences get a dependency parse (default: the nlp resource's, selective).")
def eval_events(gold: Path, articles: Path, diff_path: Path, parse_scope: str | None) -> None:
    """Score event coding against gold events: one `name: value` per line."""
    from peristiwa.events.evaluate import format_metrics, write_diff

    with tempfile.TemporaryDirectory(prefix="peristiwa-eval-") as tmp:
        result = evaluate_events(gold, articles.resolve(), Path(tmp), parse_scope=parse_scope)
    click.echo(format_metrics(result))
    click.echo(f"diff: {write_diff(result, diff_path)}", err=True)
