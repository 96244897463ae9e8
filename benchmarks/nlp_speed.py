"""Inference speed of the Indonesian Stanza pipeline on CPU: tokens/s, whole pipeline and per processor,
batched (all documents in one call) vs one document at a time.

    python benchmarks/nlp_speed.py [--threads 2] [--indosum 20] [--repeat 3] [--shared ../shared]

Texts: the 5 seed articles plus the first N IndoSum articles. Not a test; prints a small report.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from stanza.models.common.doc import Document

from peristiwa.nlp.pipeline import NlpSettings, load_pipeline, model_sources

ORDER = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")


def load_texts(shared: Path, n_indosum: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    with (shared / "corpus" / "indosum" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line, _ in zip(fh, range(n_indosum), strict=False):
            texts.append(json.loads(line)["text"])
    return texts


def per_processor(nlp, texts: list[str]) -> tuple[dict[str, float], int]:
    """Seconds per processor over all documents in bulk mode (what Pipeline.process does, timed per step)."""
    docs = [Document([], text=t) for t in texts]
    secs: dict[str, float] = {}
    for name in ORDER:
        proc = nlp.processors.get(name)
        if proc is None:
            continue
        t0 = time.perf_counter()
        docs = proc.bulk_process(docs)
        secs[name] = time.perf_counter() - t0
    return secs, sum(d.num_tokens for d in docs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--indosum", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    repo = Path(__file__).resolve().parents[1]
    default_shared = os.environ.get("PERISTIWA_SHARED") or repo.parent / "shared"
    ap.add_argument("--shared", type=Path, default=Path(default_shared))
    args = ap.parse_args()

    texts = load_texts(args.shared, args.indosum)
    settings = NlpSettings(threads=args.threads)
    t0 = time.perf_counter()
    nlp = load_pipeline(settings)
    load_s = time.perf_counter() - t0
    for proc, src in model_sources(settings).items():
        print(f"# {proc}: {src}")
    nlp(texts[0])  # warm-up

    best: dict[str, float] = {}
    tokens = 0
    for _ in range(args.repeat):
        secs, tokens = per_processor(nlp, texts)
        for k, v in secs.items():
            best[k] = min(best.get(k, v), v)
    print(f"threads={args.threads} load={load_s:.1f}s docs={len(texts)} tokens={tokens}")
    for name, s in best.items():
        print(f"  {name:9s} {s:7.2f}s {tokens / s:9.0f} tok/s")
    total = sum(best.values())
    print(f"  {'sum':9s} {total:7.2f}s {tokens / total:9.0f} tok/s")

    batched = single = float("inf")
    for _ in range(args.repeat):  # best of N: the 2 cores are usually shared
        t0 = time.perf_counter()
        nlp([Document([], text=t) for t in texts])
        batched = min(batched, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in texts:
            nlp(t)
        single = min(single, time.perf_counter() - t0)
    print(f"whole pipeline, batched (one call): {batched:.2f}s {tokens / batched:.0f} tok/s")
    print(f"whole pipeline, one document at a time: {single:.2f}s {tokens / single:.0f} tok/s")


if __name__ == "__main__":
    main()
