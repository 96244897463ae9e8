"""`peristiwa models ...` and `peristiwa eval ...`: train/inspect the Indonesian Stanza models and score them.

Thin wrappers over peristiwa.nlp; environment variables are read here, not in the library.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import click

REPO_ROOT = Path(__file__).resolve().parents[1]


def _shared_dir(value: str | None) -> Path:
    if value:
        return Path(value)
    return Path(os.environ.get("PERISTIWA_SHARED") or REPO_ROOT.parent / "shared")


def _settings(processors: str | None = None, threads: int | None = None, **kw):
    from peristiwa.nlp.pipeline import DEFAULT_PROCESSORS, NlpSettings

    return NlpSettings(
        processors=processors or DEFAULT_PROCESSORS,
        stanza_resources_dir=os.environ.get("STANZA_RESOURCES_DIR"),
        threads=threads,
        **kw,
    )


@click.group("models")
def models_group() -> None:
    """Train and inspect the Indonesian Stanza models."""


@models_group.command("train")
@click.option("--quick", is_flag=True,
              help="Tiny data, a few steps per processor (CI smoke run; scores meaningless).")
@click.option("--shared", "shared", default=None,
              help="Shared data dir (default $PERISTIWA_SHARED or ../shared).")
@click.option("--out", "out", default=None,
              help="Where the finished models go (default: the bundled dir; a temp dir for --quick).")
@click.option("--work", "work", default=None,
              help="Work dir for data and checkpoints (default data/training/run).")
@click.option("--threads", default=1, show_default=True, type=int, help="Torch threads per trainer.")
@click.option("--only", default=None,
              help="Comma-separated subset of pretrain,tokenize,mwt,pos,lemma,depparse,ner.")
def train_cmd(quick: bool, shared: str | None, out: str | None, work: str | None, threads: int,
              only: str | None) -> None:
    """Train the bundled models with Stanza's own training scripts (seeded, offline)."""
    import tempfile

    from peristiwa.nlp.pipeline import BUNDLED_DIR
    from peristiwa.nlp.training import train

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    shared_dir = _shared_dir(shared)
    if not (shared_dir / "data" / "ud").is_dir():
        raise click.ClickException(
            f"training data not found under {shared_dir}/data (set --shared or PERISTIWA_SHARED)")
    if out is None:
        out = tempfile.mkdtemp(prefix="peristiwa-quick-models-") if quick else str(BUNDLED_DIR)
    work_dir = Path(work) if work else REPO_ROOT / "data" / "training" / ("quick" if quick else "run")
    procs = [p.strip() for p in only.split(",")] if only else None
    summary = train(shared_dir, Path(out), work_dir, quick=quick, processors=procs, threads=threads)
    click.echo(json.dumps(summary, indent=2))
    click.echo(f"models written to {out}")


@models_group.command("info")
@click.option("--processors", default=None, help="Processors to resolve (default: all).")
@click.option("--models-dir", default=None, help="Look for bundled models in this dir instead.")
def info_cmd(processors: str | None, models_dir: str | None) -> None:
    """Print which model file each processor loads, and from where (configured / official / bundled)."""
    from peristiwa.nlp.pipeline import ModelNotFoundError, model_sources

    try:
        for proc, src in model_sources(_settings(processors, bundled_dir=models_dir)).items():
            click.echo(f"{proc}: {src}")
    except ModelNotFoundError as e:
        raise click.ClickException(str(e)) from e


@click.group("eval")
def eval_group() -> None:
    """Score the loaded Indonesian pipeline on held-out data."""


@eval_group.command("ud")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--threads", default=None, type=int, help="Torch threads (default: torch's default).")
@click.option("--models-dir", default=None, help="Use models from this dir instead of the bundled ones.")
def eval_ud_cmd(file: str, threads: int | None, models_dir: str | None) -> None:
    """Parse FILE's raw text and score it with the CoNLL 2018 shared-task evaluator."""
    from peristiwa.nlp.evaluate import evaluate_ud
    from peristiwa.nlp.pipeline import load_pipeline

    nlp = load_pipeline(_settings("tokenize,mwt,pos,lemma,depparse", threads, bundled_dir=models_dir))
    for name, value in evaluate_ud(file, nlp).items():
        click.echo(f"{name}: {value:.4f}")


@eval_group.command("ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--threads", default=None, type=int, help="Torch threads (default: torch's default).")
@click.option("--models-dir", default=None, help="Use models from this dir instead of the bundled ones.")
def eval_ner_cmd(file: str, threads: int | None, models_dir: str | None) -> None:
    """Entity-level exact-match precision/recall/F1 of the NER model on FILE's gold tokens."""
    from peristiwa.nlp.evaluate import evaluate_ner
    from peristiwa.nlp.pipeline import load_pipeline

    nlp = load_pipeline(_settings("tokenize,ner", threads, bundled_dir=models_dir))
    for name, value in evaluate_ner(file, nlp).items():
        click.echo(f"{name}: {value:.4f}")
