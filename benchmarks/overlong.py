"""Benchmark: bounded annotation cost for pathological items: a 100,000-character "sentence" without any
punctuation, and a 2 MB article; time and peak memory with every sentence parsed (scope all, the worst case).

    .venv/bin/python benchmarks/overlong.py [--chars 100000] [--megabytes 2]

Long lines are broken at whitespace every `nlp.max_line_chars` (2,000) characters before Stanza, so the cost
grows with the length of the text and no piece is longer than the limit. Resident memory is that of this
process after the models are loaded (the baseline) and its peak during each item.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

from rss import PeakRss

from peristiwa.annotation.batch import AnnotationConfig, annotate_rows
from peristiwa.nlp.pipeline import NlpSettings, load_pipeline
from pipelines.settings import REPO_ROOT


def row(text: str) -> dict:
    return {"article_id": "x" * 32, "title": None, "text": text, "spans_json": "[]", "text_sha256": "x"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--scope", choices=("all", "selective"), default="all")
    args = parser.parse_args()
    with (args.shared / "corpus" / "indosum" / "articles.jsonl").open(encoding="utf-8") as handle:
        news = [json.loads(line)["text"] for _, line in zip(range(400), handle, strict=False)]
    words = re.sub(r"[^\w\s]", " ", " ".join(news)).split()
    no_punctuation = " ".join(words)[: args.chars]
    big, size = [], 0
    for text in news * 20:
        if size >= args.megabytes * 1_000_000:
            break
        big.append(text)
        size += len(text.encode("utf-8")) + 1
    two_mb = "\n".join(big)
    config = AnnotationConfig(settings=NlpSettings(threads=2), parse_scope=args.scope)
    load_pipeline(config.settings)
    annotate_rows([row("Pemanasan model.")], config)
    with PeakRss() as baseline:
        pass
    print(f"models loaded: {baseline.peak_bytes / 1e9:.2f} GB resident; scope {args.scope}, "
          f"max_line_chars {config.settings.max_line_chars}, load {os.getloadavg()[0]:.2f}")
    for label, text in ((f"{len(no_punctuation):,} characters, no punctuation", no_punctuation),
                        (f"{len(two_mb.encode('utf-8')) / 1e6:.2f} MB article ({len(two_mb):,} characters)",
                         two_mb)):
        with PeakRss() as rss:
            started = time.perf_counter()
            sentences, ledger = annotate_rows([row(text)], config)
            seconds = time.perf_counter() - started
        longest = max(s["end_char"] - s["start_char"] for s in sentences)
        print(f"{label}: {seconds:.1f}s, {ledger[0]['n_sentences']} sentences (longest {longest} chars), "
              f"{ledger[0]['n_tokens']} tokens, peak RSS {rss.peak_bytes / 1e9:.2f} GB "
              f"(+{(rss.peak_bytes - baseline.peak_bytes) / 1e9:.2f}), load {os.getloadavg()[0]:.2f}",
              flush=True)


if __name__ == "__main__":
    main()
