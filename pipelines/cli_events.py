"""`peristiwa eval events`: run the real pipeline on a folder of articles and score it against gold events."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

if TYPE_CHECKING:  # imported lazily at run time, to keep the CLI quick to start
    import polars as pl

    from pipelines.settings import Settings

# Gates relaxed by the hidden --relax-gates option: every blocking ratio check lets the batch through, so an
# evaluation measures the coder even on a folder a production gate would stop (e.g. leftover "Baca juga"
# lines in a small batch). Internal: for measurements, never for loading a warehouse.
_RELAXED_GATES = dict(
    max_quarantine_share=1.0, min_indonesian_share=0.0, max_residue_share=1.0, max_date_share_drop=1.0,
    max_html_share=1.0, max_self_duplicate_share=1.0, min_state_share_foreign_affairs=0.0,
    min_event_date_in_window_share=0.0,
)

# How gold rows name an article: the JSONL "id" when the line has one, else the file stem
# (``004_7c8e4773e9e8f53f.txt`` -> ``004_7c8e4773e9e8f53f``), so a .jsonl file may hold many articles.
_ARTICLE_KEY = "coalesce(r.source_id, regexp_extract(r.source_path, '([^/]+?)(\\.[^./]*)?$', 1))"


def _failed_checks(result) -> list[str]:
    return sorted({
        e.event_specific_data.check_name for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.event_specific_data.passed
    })


def _inbox_of(articles: Path, only: Collection[str] | None, workdir: Path) -> Path:
    """`articles` itself, or a copy holding only the files whose stem is in `only` (the part being scored)."""
    if only is None:
        return articles
    inbox = workdir / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    for f in sorted(articles.iterdir()):
        if f.is_file() and f.stem in only:
            shutil.copy2(f, inbox / f.name)
    return inbox


class _Warehouse(NamedTuple):
    """What an evaluation reads back from its throwaway warehouse, keyed the way gold rows name articles."""

    predicted: pl.DataFrame  # event mentions
    keys: list[str]  # every ingested article
    sentences: dict[str, list[str]]  # article -> its sentence texts, in order
    quarantined: list[tuple[str, int | None, str]]  # (source path, line, reason)


def _eval_settings(articles: Path, only: Collection[str] | None, workdir: Path) -> Settings:
    from pipelines.settings import Settings

    base = Settings.from_env()
    inbox = _inbox_of(articles, only, workdir)
    return Settings(data_dir=workdir, inbox=inbox, warehouse=workdir / "warehouse.duckdb",
                    shared_dir=base.shared_dir, dagster_home=workdir / "dagster_home",
                    stanza_resources_dir=base.stanza_resources_dir)


def _eval_resources(settings: Settings, resources: dict | None, relax_gates: bool,
                    parse_scope: str | None) -> dict:
    from pipelines.definitions import build_resources
    from pipelines.resources import QualityGates

    resources = dict(resources or {})  # a copy: the caller's overrides are left as they were
    if relax_gates:
        resources["gates"] = QualityGates(**_RELAXED_GATES)
    if parse_scope:
        nlp = resources.get("nlp") or build_resources(settings)["nlp"]
        resources["nlp"] = nlp.but(parse_scope=parse_scope)
    return resources


def _run_chain(settings: Settings, resources: dict, articles: Path) -> None:
    """Materialise the whole chain; a failed run is a CLI error naming the failed checks."""
    import dagster as dg

    from pipelines.definitions import build_definitions
    from pipelines.partitions import all_shards_tags

    job = build_definitions(settings, resources=resources).resolve_job_def("chain_job")
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False, tags=all_shards_tags())
    if not result.success:
        failed = ", ".join(_failed_checks(result)) or "a step error (see the log above)"
        raise click.ClickException(
            f"the pipeline failed on {articles}: {failed}; `peristiwa run --inbox {articles}` shows the "
            "offending items"
        )


def _read_warehouse(warehouse: Path) -> _Warehouse:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        predicted = con.sql(f"""
            SELECT m.* EXCLUDE (article_id, run_id), {_ARTICLE_KEY} AS article_id
            FROM event_mentions m JOIN articles_raw r USING (article_id)
        """).pl()
        keys = [row[0] for row in con.execute(f"SELECT {_ARTICLE_KEY} FROM articles_raw r").fetchall()]
        sentences: dict[str, list[str]] = {}
        for article_id, text in con.execute(f"""
                SELECT {_ARTICLE_KEY}, s.text FROM sentences s JOIN articles_raw r USING (article_id)
                ORDER BY 1, s.sentence_index""").fetchall():
            sentences.setdefault(article_id, []).append(text)
        quarantined = con.execute(
            "SELECT source_path, line_no, reason FROM quarantine ORDER BY ALL").fetchall()
    return _Warehouse(predicted, keys, sentences, quarantined)


def _report_quarantined(quarantined: list[tuple[str, int | None, str]]) -> None:
    for path, line_no, reason in quarantined:
        where = path if line_no is None else f"{path}:{line_no}"
        click.echo(f"quarantined (not scored): {where} ({reason})", err=True)


def _score_run(gold: Path, run: _Warehouse, only: Collection[str] | None) -> dict:
    """The with-IGO score plus the state-only headline numbers, and the gold articles never ingested."""
    import polars as pl

    from peristiwa.events.evaluate import read_gold, score, with_state_only

    scored_articles = [k for k in run.keys if only is None or k in only]
    predicted = run.predicted.select(pl.all())
    both = {actors: score(predicted, gold, articles=scored_articles, actors=actors, sentences=run.sentences)
            for actors in ("all", "state")}
    wanted = set(only) if only is not None else {g.article_id for g in read_gold(gold)}
    missing = sorted(wanted - set(run.keys))
    return with_state_only(both["all"], both["state"]) | {"articles_not_ingested": len(missing),
                                                          "_not_ingested": missing}


def evaluate_events(
    gold: Path,
    articles: Path,
    workdir: Path,
    *,
    only: Collection[str] | None = None,
    relax_gates: bool = False,
    resources: dict | None = None,
    parse_scope: str | None = None,
) -> dict:
    """Materialise the whole chain on `articles` in a throwaway warehouse and score its event mentions.

    Any folder of `.txt`/`.jsonl` articles works, dated or not: bad files are quarantined (listed on
    stderr), the rest is scored. Gold rows name articles by JSONL id or file stem; predictions are keyed the
    same way. `only` (article keys) runs the pipeline on those files alone and scores those articles. The
    result is the with-IGO score plus the state-only headline numbers (`state_only_*`).
    """
    settings = _eval_settings(articles, only, workdir)
    _run_chain(settings, _eval_resources(settings, resources, relax_gates, parse_scope), articles)
    run = _read_warehouse(settings.warehouse)
    _report_quarantined(run.quarantined)
    return _score_run(gold, run, only)


@click.command("events")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold CSV in the seed-gold format (../shared/gold/seeds_events.csv).")
@click.option("--articles", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of articles (.txt named by the gold article_id, or .jsonl).")
@click.option("--diff", "diff_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("events_diff.csv"), show_default=True,
              help="Where to write the per-row diff (hits, misses, false positives with sentences).")
@click.option("--frozen", "part", flag_value="frozen",
              help="Score only the split's frozen articles (the pipeline runs on those files only).")
@click.option("--tuning", "part", flag_value="tuning",
              help="Score only the articles the split does not freeze.")
@click.option("--split", "split_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML split file with `frozen_articles:` [ids]. Default: the repository's split for "
              "dev_events.csv (peristiwa/events/data/dev_frozen.yaml); none for other gold files.")
@click.option("--relax-gates", is_flag=True, hidden=True,
              help="Internal: let every blocking ratio gate pass (measurements only).")
@click.option("--parse-scope", type=click.Choice(["selective", "all"]), default=None,
              help="Which sentences get a dependency parse (default: the nlp resource's, selective).")
def eval_events(gold: Path, articles: Path, diff_path: Path, part: str | None, split_path: Path | None,
                relax_gates: bool, parse_scope: str | None) -> None:
    """Score event coding against gold events: one `name: value` per line.

    The main numbers score state and IGO actors; `state_only_*` repeat them for state x state (the scope
    of earlier releases).
    """
    from peristiwa.events.evaluate import (
        SplitError,
        default_split,
        format_metrics,
        gold_articles,
        load_split,
        write_diff,
    )

    part = part or "all"
    split_path = split_path or default_split(gold)
    only = None
    if part != "all":
        if split_path is None:
            raise click.UsageError(f"--{part} needs a split: give --split FILE for {gold.name}")
        try:
            only = load_split(split_path).articles(gold_articles(gold), part)
        except SplitError as exc:
            raise click.ClickException(str(exc)) from exc
    with tempfile.TemporaryDirectory(prefix="peristiwa-eval-") as tmp:
        result = evaluate_events(gold, articles.resolve(), Path(tmp), only=only, relax_gates=relax_gates,
                                 parse_scope=parse_scope)
    click.echo(format_metrics({"part": part, **({"split": str(split_path)} if only else {}), **result}))
    if result["_not_ingested"]:
        click.echo(f"warning: {len(result['_not_ingested'])} gold article(s) have no ingested file in "
                   f"{articles} and are not scored: {', '.join(result['_not_ingested'][:5])}", err=True)
    click.echo(f"diff: {write_diff(result, diff_path)}", err=True)
