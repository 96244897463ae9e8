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
    wanted = ALL_PROCESSORS if not processors else [p for p in ALL_PROCESSORS if p in processors]
    unknown = set(processors or []) - set(ALL_PROCESSORS)
    if unknown:
        raise ValueError(f"unknown processors {sorted(unknown)}; choose from {ALL_PROCESSORS}")
    work_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    (work_dir / "stanza_resources").mkdir(exist_ok=True)
    (work_dir / "stanza_resources" / "resources.json").write_text("{}")
    run = Runner(work_dir, threads)
    summary: dict = {"quick": quick, "threads": threads, "seed": SEED, "processors": {}}
    tb = ud_data.TREEBANK

    splits = ud_data.make_splits(shared_dir / "data" / "ud", seed=SEED, gsd_repeat=hp.gsd_repeat, quick=quick,
                                 pos_gsd_repeat=hp.pos_gsd_repeat, pos_gsd_conventions=hp.pos_gsd_conventions)
    ud_paths = ud_data.write_treebank(splits, work_dir / "ud")
    summary["ud_splits"] = {k: len(getattr(splits, k)) for k in ("train", "dev", "test", "test2")}
    summary["ud_files"] = {k: str(v) for k, v in ud_paths.items()}
    pretrain = out_dir / MODEL_FILES["pretrain"]
    models = work_dir / "models"

    def done(proc: str, seconds: float, shipped: Path) -> None:
        summary["processors"][proc] = {"seconds": round(seconds, 1), "path": str(shipped),
                                       "mb": round(shipped.stat().st_size / 1e6, 2)}
        log.info("[%s] done in %.0fs -> %s", proc, seconds, shipped)

    if "pretrain" in wanted:
        from peristiwa.nlp.training import vectors

        t0 = time.time()
        sents = list(vectors.corpus_sentences(shared_dir / "corpus", limit_articles=hp.w2v_articles))
        sents += ud_data.train_forms(splits)
        wv = vectors.train_word2vec(sents, hp.w2v_dim, hp.w2v_epochs, hp.w2v_min_count, SEED, workers=threads)
        vocab = vectors.write_pretrain(wv, pretrain, hp.w2v_max_vocab)
        summary["pretrain"] = {"sentences": len(sents), "tokens": sum(map(len, sents)), "vocab": vocab}
        done("pretrain", time.time() - t0, pretrain)

    def need(path: Path, what: str) -> None:
        if not path.exists():
            raise TrainingError(f"{what} needs {path}; train it first (or leave it out of --only)")

    common = ["--seed", str(SEED)]
    for proc in wanted:
        # Stanza's parser silently resumes from a checkpoint left in its save dir: start clean
        shutil.rmtree(models / proc, ignore_errors=True)
    if "tokenize" in wanted:
        t = run("prepare_tokenize", "stanza.utils.datasets.prepare_tokenizer_treebank", tb)
        t += run("tokenize", "stanza.utils.training.run_tokenizer", tb, "--no_charlm", "--force",
                 "--save_dir", str(models / "tokenize"), *hp.tokenize, *common)
        done("tokenize", t, ship(_find_model(models / "tokenize"), out_dir / MODEL_FILES["tokenize"]))
    if "mwt" in wanted:
        t = run("prepare_mwt", "stanza.utils.datasets.prepare_mwt_treebank", tb)
        t += run("mwt", "stanza.utils.training.run_mwt", tb, "--force",
                 "--save_dir", str(models / "mwt"), *hp.mwt, *common)
        done("mwt", t, ship(_find_model(models / "mwt"), out_dir / MODEL_FILES["mwt"]))
    if "pos" in wanted:
        need(pretrain, "pos")
        # own treebank when the tagger sees GSD weighted or tagged differently from the other processors
        own = hp.pos_gsd_repeat != hp.gsd_repeat or hp.pos_gsd_conventions
        ptb = ud_data.POS_TREEBANK if own else tb
        t = run("prepare_pos", "stanza.utils.datasets.prepare_pos_treebank", ptb)
        t += run("pos", "stanza.utils.training.run_pos", ptb, "--no_charlm", "--force",
                 "--wordvec_pretrain_file", str(pretrain), "--save_dir", str(models / "pos"),
                 *hp.pos, *common)
        done("pos", t, ship(_find_model(models / "pos"), out_dir / MODEL_FILES["pos"]))
    # lemma and depparse train on predicted tags (what they see at inference), from our own tagger
    retag = ["--predicted", "--tagger_model", str(out_dir / MODEL_FILES["pos"]),
             "--wordvec_pretrain_file", str(pretrain), "--no_charlm", "--no_download_tagger"]
    if "lemma" in wanted:
        need(out_dir / MODEL_FILES["pos"], "lemma")
        ltb = ud_data.LEMMA_TREEBANK  # same sentences, lemmas in GSD's conventions (see ud_data)
        t = run("prepare_lemma", "stanza.utils.datasets.prepare_lemma_treebank", ltb, *retag,
                "--no_lemma_classifier")
        t += run("lemma", "stanza.utils.training.run_lemma", ltb, "--no_charlm", "--force",
                 "--save_dir", str(models / "lemma"), *hp.lemma, *common)
        done("lemma", t, ship(_find_model(models / "lemma"), out_dir / MODEL_FILES["lemma"]))
    if "depparse" in wanted:
        need(out_dir / MODEL_FILES["pos"], "depparse")
        # GSD's compound/nmod and lemma conventions (see ud_data.gsd_deprels), unless switched off
        dtb = ud_data.DEP_TREEBANK if hp.parser_gsd_conventions else tb
        t = run("prepare_depparse", "stanza.utils.datasets.prepare_depparse_treebank", dtb, *retag)
        t += run("depparse", "stanza.utils.training.run_depparse", dtb, "--no_charlm", "--force",
                 "--wordvec_pretrain_file", str(pretrain), "--save_dir", str(models / "depparse"),
                 *hp.depparse, *common)
        done("depparse", t, ship(_find_model(models / "depparse"), out_dir / MODEL_FILES["depparse"]))
    if "ner" in wanted:
        need(pretrain, "ner")
        ns = ner_data.make_splits(shared_dir / "data" / "ner", seed=SEED, quick=quick)
        ner_dir = work_dir / "stanza" / "ner"
        ner_data.write_stanza_json(ns.train, ner_dir / f"{NER_SHORT}.train.json")
        ner_data.write_stanza_json(ns.dev, ner_dir / f"{NER_SHORT}.dev.json")
        ner_data.write_stanza_json(ns.tests["idner_test"], ner_dir / f"{NER_SHORT}.test.json")
        for name, sents in ns.tests.items():
            ner_data.write_iob(sents, work_dir / "ner_heldout" / f"{name}.iob")
        summary["ner_splits"] = ns.stats
        t = run("ner", "stanza.utils.training.run_ner", NER_SHORT, "--no_charlm", "--force",
                "--wordvec_pretrain_file", str(pretrain), "--save_dir", str(models / "ner"), *hp.ner, *common)
        done("ner", t, ship(_find_model(models / "ner"), out_dir / MODEL_FILES["ner"]))

    (work_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    return summary


