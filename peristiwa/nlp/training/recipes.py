"""Training recipes for the bundled Indonesian Stanza models, run through Stanza's own entry points.

Every trainer runs as a subprocess (``python -m stanza.utils.training.run_*``) so that torch's thread count is
set before torch starts (OMP_NUM_THREADS) and a crash in one trainer leaves a log instead of a dead CLI.
Offline workarounds (notes §7): ``--no_charlm`` everywhere, our own ``--wordvec_pretrain_file`` always,
``--tagger_model`` for the lemma/depparse retagging, an explicit seed for every trainer.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from peristiwa.nlp.pipeline import BUNDLED_FILES
from peristiwa.nlp.training import ner_data, ud_data

log = logging.getLogger(__name__)

SEED = 1234
ALL_PROCESSORS = ["pretrain", "tokenize", "mwt", "pos", "lemma", "depparse", "ner"]
NER_SHORT = "id_news"

# Shipped file names: the ones peristiwa.nlp.pipeline looks for in the bundled model directory.
MODEL_FILES = BUNDLED_FILES


@dataclass(frozen=True)
class Hyper:
    """Per-processor hyperparameters. Full values take about 2.5 CPU-hours in total (model card)."""

    gsd_repeat: int = 2
    parser_gsd_conventions: bool = True
    pos_gsd_repeat: int = 2  # 4 was tried: dev AllTags 0.8749 vs 0.8721 at step 750, within noise
    pos_gsd_conventions: bool = True  # CSUI/PUD function-word UPOS in GSD's convention (ud_data.gsd_upos_map)
    w2v_dim: int = 100
    w2v_epochs: int = 5
    w2v_min_count: int = 3
    w2v_max_vocab: int = 60000
    w2v_articles: int | None = None
    tokenize: tuple[str, ...] = ("--steps", "2000", "--eval_steps", "250", "--max_seqlen", "300")
    mwt: tuple[str, ...] = ("--num_epoch", "30")
    pos: tuple[str, ...] = (
        "--batch_size", "32", "--max_steps", "4000", "--eval_interval", "250", "--fix_eval_interval",
        "--max_steps_before_stop", "1500", "--hidden_dim", "128", "--char_hidden_dim", "128",
        "--deep_biaff_hidden_dim", "128", "--composite_deep_biaff_hidden_dim", "32",
    )
    lemma: tuple[str, ...] = ("--num_epoch", "4", "--batch_size", "100")
    depparse: tuple[str, ...] = (
        "--batch_size", "1500", "--max_steps", "2200", "--eval_interval", "100",
        "--max_steps_before_stop", "800",
        "--optim", "adam", "--lr", "3e-3", "--beta2", "0.95", "--no_second_optim",
        "--hidden_dim", "200", "--char_hidden_dim", "128", "--deep_biaff_hidden_dim", "200",
    )
    ner: tuple[str, ...] = (
        "--max_steps", "2500", "--eval_interval", "250", "--hidden_dim", "128", "--char_hidden_dim", "64",
    )


FULL = Hyper()
# --quick: same code path, a few steps each, so CI notices when a recipe rots (minutes, not scores).
QUICK = Hyper(
    w2v_dim=20, w2v_epochs=1, w2v_min_count=2, w2v_max_vocab=3000, w2v_articles=300,
    tokenize=("--steps", "20", "--eval_steps", "10", "--max_seqlen", "100"),
    mwt=("--num_epoch", "1"),
    pos=("--batch_size", "16", "--max_steps", "10", "--eval_interval", "5", "--fix_eval_interval",
         "--hidden_dim", "16", "--char_hidden_dim", "16", "--deep_biaff_hidden_dim", "16",
         "--composite_deep_biaff_hidden_dim", "8", "--word_emb_dim", "16", "--tag_emb_dim", "8",
         "--transformed_dim", "16", "--char_emb_dim", "16"),
    lemma=("--num_epoch", "1", "--batch_size", "50", "--hidden_dim", "16", "--emb_dim", "16",
           "--pos_dim", "16"),
    depparse=("--batch_size", "500", "--max_steps", "10", "--eval_interval", "5",
              "--optim", "adam", "--lr", "3e-3", "--beta2", "0.95", "--no_second_optim",
              "--hidden_dim", "16", "--char_hidden_dim", "16", "--deep_biaff_hidden_dim", "16",
              "--word_emb_dim", "16", "--tag_emb_dim", "8", "--transformed_dim", "16",
              "--char_emb_dim", "16"),
    ner=("--max_steps", "10", "--eval_interval", "5", "--hidden_dim", "16", "--char_hidden_dim", "16",
         "--word_emb_dim", "20"),
)


class TrainingError(RuntimeError):
    pass


class Runner:
    """Runs Stanza's scripts with the data layout they expect and logs each to work/logs/<name>.log."""

    def __init__(self, work_dir: Path, threads: int):
        self.work = work_dir
        self.logs = work_dir / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.env = dict(os.environ)
        self.env.update({
            "UDBASE": str(work_dir / "ud"),
            "DATA_ROOT": str(work_dir / "stanza"),
            "STANZA_RESOURCES_DIR": str(work_dir / "stanza_resources"),
            "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads),
            "PYTHONHASHSEED": str(SEED),
        })

    def __call__(self, name: str, module: str, *args: str) -> float:
        t0 = time.time()
        logf = self.logs / f"{name}.log"
        cmd = [sys.executable, "-m", module, *args]
        log.info("[%s] %s (log: %s)", name, " ".join(cmd[2:]), logf)
        with logf.open("a", encoding="utf-8") as fh:
            fh.write("$ " + " ".join(cmd[2:]) + "\n")
            fh.flush()
            proc = subprocess.run(cmd, cwd=self.work, env=self.env, stdout=fh, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            raise TrainingError(f"{name} failed (exit {proc.returncode}); see {logf}")
        return time.time() - t0


def _find_model(save_dir: Path) -> Path:
    found = [p for p in save_dir.glob("*.pt") if "checkpoint" not in p.name]
    if len(found) != 1:
        raise TrainingError(f"expected one model in {save_dir}, found {[p.name for p in found]}")
    return found[0]


def ship(model: Path, dest: Path, half: bool = True) -> Path:
    """Copy a trained model without optimizer state; float weights stored as float16.

    Stanza loads state dicts with ``load_state_dict``, which copies into its float32 parameters, so the
    half-precision file is transparent to the loader and halves the size (the scores in the model card are
    measured on the shipped files).
    """
    import torch

    ckpt = torch.load(model, map_location="cpu", weights_only=False)
    for key in ("optimizer", "scheduler"):
        ckpt.pop(key, None)
    if half:
        for sub in _state_dicts(ckpt):
            for k, v in list(sub.items()):
                if torch.is_tensor(v) and v.is_floating_point():
                    sub[k] = v.half()
    dest.parent.mkdir(parents=True, exist_ok=True)
    torch.save(ckpt, dest)
    return dest


def _state_dicts(ckpt: dict) -> list[dict]:
    out = []
    for key in ("model",):
        val = ckpt.get(key)
        if isinstance(val, dict):
            # mwt/lemma keep several sub-models as dicts of state dicts
            if all(isinstance(v, dict) for v in val.values()) and val:
                out.extend(val.values())
            else:
                out.append(val)
    return out


def train(
    shared_dir: Path,
    out_dir: Path,
    work_dir: Path,
    quick: bool = False,
    processors: list[str] | None = None,
    threads: int = 1,
    hyper: Hyper | None = None,
) -> dict:
    """Train the requested processors (all by default) and write the shipped files to ``out_dir``.

    Returns a summary: per processor the wall seconds and the shipped path, plus the data split statistics.
    Processors later in the chain need earlier ones (pos needs the pretrain; lemma and depparse need pos for
    retagging); those are taken from ``out_dir`` when not retrained in this call.
    """
    hp = hyper or (QUICK if quick else FULL)
    wanted = _wanted_processors(processors)
    _prepare_dirs(work_dir, out_dir)
    run = Runner(work_dir, threads)
    summary: dict = {"quick": quick, "threads": threads, "seed": SEED, "processors": {}}
    splits = _write_ud_treebank(shared_dir, work_dir, hp, quick, summary)
    recipe = _Recipe(shared_dir, out_dir, work_dir, quick, threads, hp, run, summary)
    if "pretrain" in wanted:
        recipe.train_pretrain(splits)
    for proc in wanted:
        # Stanza's parser silently resumes from a checkpoint left in its save dir: start clean
        shutil.rmtree(recipe.models / proc, ignore_errors=True)
    trainers = {"tokenize": recipe.train_tokenize, "mwt": recipe.train_mwt, "pos": recipe.train_pos,
                "lemma": recipe.train_lemma, "depparse": recipe.train_depparse, "ner": recipe.train_ner}
    for proc in wanted:
        if proc != "pretrain":
            trainers[proc]()
    (work_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    return summary


def _wanted_processors(processors: list[str] | None) -> list[str]:
    """The processors to train, in chain order (all when none are named)."""
    wanted = ALL_PROCESSORS if not processors else [p for p in ALL_PROCESSORS if p in processors]
    unknown = set(processors or []) - set(ALL_PROCESSORS)
    if unknown:
        raise ValueError(f"unknown processors {sorted(unknown)}; choose from {ALL_PROCESSORS}")
    return wanted


def _prepare_dirs(work_dir: Path, out_dir: Path) -> None:
    """The work and output folders, and the Stanza resources folder the trainers are pointed at with an
    empty resources.json."""
    work_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    (work_dir / "stanza_resources").mkdir(exist_ok=True)
    (work_dir / "stanza_resources" / "resources.json").write_text("{}")


def _write_ud_treebank(
    shared_dir: Path, work_dir: Path, hp: Hyper, quick: bool, summary: dict
) -> ud_data.UdSplits:
    """Split the UD treebanks and write them where Stanza's scripts look (UDBASE); sizes and files go to the
    summary."""
    splits = ud_data.make_splits(shared_dir / "data" / "ud", seed=SEED, gsd_repeat=hp.gsd_repeat, quick=quick,
                                 pos_gsd_repeat=hp.pos_gsd_repeat, pos_gsd_conventions=hp.pos_gsd_conventions)
    ud_paths = ud_data.write_treebank(splits, work_dir / "ud")
    summary["ud_splits"] = {k: len(getattr(splits, k)) for k in ("train", "dev", "test", "test2")}
    summary["ud_files"] = {k: str(v) for k, v in ud_paths.items()}
    return splits


def _need(path: Path, what: str) -> None:
    if not path.exists():
        raise TrainingError(f"{what} needs {path}; train it first (or leave it out of --only)")


_SEED_ARGS = ("--seed", str(SEED))


@dataclass
class _Recipe:
    """One train() call: where things go, the hyperparameters, and the summary each step adds to."""

    shared_dir: Path
    out_dir: Path
    work_dir: Path
    quick: bool
    threads: int
    hp: Hyper
    run: Runner
    summary: dict

    @property
    def pretrain_file(self) -> Path:
        return self.out_dir / MODEL_FILES["pretrain"]

    @property
    def models(self) -> Path:
        return self.work_dir / "models"

    def done(self, proc: str, seconds: float, shipped: Path) -> None:
        self.summary["processors"][proc] = {"seconds": round(seconds, 1), "path": str(shipped),
                                            "mb": round(shipped.stat().st_size / 1e6, 2)}
        log.info("[%s] done in %.0fs -> %s", proc, seconds, shipped)

    def ship_trained(self, proc: str, seconds: float) -> None:
        self.done(proc, seconds, ship(_find_model(self.models / proc), self.out_dir / MODEL_FILES[proc]))

    def train_pretrain(self, splits: ud_data.UdSplits) -> None:
        from peristiwa.nlp.training import vectors

        hp = self.hp
        t0 = time.time()
        sents = list(vectors.corpus_sentences(self.shared_dir / "corpus", limit_articles=hp.w2v_articles))
        sents += ud_data.train_forms(splits)
        wv = vectors.train_word2vec(sents, hp.w2v_dim, hp.w2v_epochs, hp.w2v_min_count, SEED,
                                    workers=self.threads)
        vocab = vectors.write_pretrain(wv, self.pretrain_file, hp.w2v_max_vocab)
        self.summary["pretrain"] = {"sentences": len(sents), "tokens": sum(map(len, sents)), "vocab": vocab}
        self.done("pretrain", time.time() - t0, self.pretrain_file)

    def train_tokenize(self) -> None:
        tb = ud_data.TREEBANK
        t = self.run("prepare_tokenize", "stanza.utils.datasets.prepare_tokenizer_treebank", tb)
        t += self.run("tokenize", "stanza.utils.training.run_tokenizer", tb, "--no_charlm", "--force",
                      "--save_dir", str(self.models / "tokenize"), *self.hp.tokenize, *_SEED_ARGS)
        self.ship_trained("tokenize", t)

    def train_mwt(self) -> None:
        tb = ud_data.TREEBANK
        t = self.run("prepare_mwt", "stanza.utils.datasets.prepare_mwt_treebank", tb)
        t += self.run("mwt", "stanza.utils.training.run_mwt", tb, "--force",
                      "--save_dir", str(self.models / "mwt"), *self.hp.mwt, *_SEED_ARGS)
        self.ship_trained("mwt", t)

    def train_pos(self) -> None:
        _need(self.pretrain_file, "pos")
        hp = self.hp
        # own treebank when the tagger sees GSD weighted or tagged differently from the other processors
        own = hp.pos_gsd_repeat != hp.gsd_repeat or hp.pos_gsd_conventions
        ptb = ud_data.POS_TREEBANK if own else ud_data.TREEBANK
        t = self.run("prepare_pos", "stanza.utils.datasets.prepare_pos_treebank", ptb)
        t += self.run("pos", "stanza.utils.training.run_pos", ptb, "--no_charlm", "--force",
                      "--wordvec_pretrain_file", str(self.pretrain_file),
                      "--save_dir", str(self.models / "pos"), *hp.pos, *_SEED_ARGS)
        self.ship_trained("pos", t)

    def retag_args(self) -> list[str]:
        # lemma and depparse train on predicted tags (what they see at inference), from our own tagger
        return ["--predicted", "--tagger_model", str(self.out_dir / MODEL_FILES["pos"]),
                "--wordvec_pretrain_file", str(self.pretrain_file), "--no_charlm", "--no_download_tagger"]

    def train_lemma(self) -> None:
        _need(self.out_dir / MODEL_FILES["pos"], "lemma")
        ltb = ud_data.LEMMA_TREEBANK  # same sentences, lemmas in GSD's conventions (see ud_data)
        t = self.run("prepare_lemma", "stanza.utils.datasets.prepare_lemma_treebank", ltb, *self.retag_args(),
                     "--no_lemma_classifier")
        t += self.run("lemma", "stanza.utils.training.run_lemma", ltb, "--no_charlm", "--force",
                      "--save_dir", str(self.models / "lemma"), *self.hp.lemma, *_SEED_ARGS)
        self.ship_trained("lemma", t)

    def train_depparse(self) -> None:
        _need(self.out_dir / MODEL_FILES["pos"], "depparse")
        # GSD's compound/nmod and lemma conventions (see ud_data.gsd_deprels), unless switched off
        dtb = ud_data.DEP_TREEBANK if self.hp.parser_gsd_conventions else ud_data.TREEBANK
        t = self.run("prepare_depparse", "stanza.utils.datasets.prepare_depparse_treebank", dtb,
                     *self.retag_args())
        t += self.run("depparse", "stanza.utils.training.run_depparse", dtb, "--no_charlm", "--force",
                      "--wordvec_pretrain_file", str(self.pretrain_file), "--save_dir",
                      str(self.models / "depparse"), *self.hp.depparse, *_SEED_ARGS)
        self.ship_trained("depparse", t)

    def train_ner(self) -> None:
        _need(self.pretrain_file, "ner")
        self.write_ner_data()
        t = self.run("ner", "stanza.utils.training.run_ner", NER_SHORT, "--no_charlm", "--force",
                     "--wordvec_pretrain_file", str(self.pretrain_file),
                     "--save_dir", str(self.models / "ner"), *self.hp.ner, *_SEED_ARGS)
        self.ship_trained("ner", t)

    def write_ner_data(self) -> None:
        """NER splits in Stanza's JSON where run_ner looks, and each held-out test set as IOB for scoring."""
        ns = ner_data.make_splits(self.shared_dir / "data" / "ner", seed=SEED, quick=self.quick)
        ner_dir = self.work_dir / "stanza" / "ner"
        ner_data.write_stanza_json(ns.train, ner_dir / f"{NER_SHORT}.train.json")
        ner_data.write_stanza_json(ns.dev, ner_dir / f"{NER_SHORT}.dev.json")
        ner_data.write_stanza_json(ns.tests["idner_test"], ner_dir / f"{NER_SHORT}.test.json")
        for name, sents in ns.tests.items():
            ner_data.write_iob(sents, self.work_dir / "ner_heldout" / f"{name}.iob")
        self.summary["ner_splits"] = ns.stats
