"""Word vectors for the Stanza models: gensim word2vec on the project's Indonesian text -> Stanza pretrain.

Stanza's pos/depparse/ner look up ``word.lower()`` in the pretrain, so the text is lower-cased here.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

# CLICK-ID's scraper joined paragraphs (and the gaps left by dropped link text) with a bare comma:
# "membuat,khawatir".
# A comma glued to a following letter is never Indonesian punctuation, so it is a boundary.
_GLUED_COMMA = re.compile(r",(?=[^\W\d_])")
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'“(A-Z0-9])|\n+")
# Roughly UD-style tokens: words with inner hyphens/apostrophes ("kerja-sama", "Jum'at"), numbers,
# single symbols.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")


def tokenize_text(text: str) -> Iterator[list[str]]:
    text = _GLUED_COMMA.sub("\n", text)
    for sent in _SENT_SPLIT.split(text):
        toks = [t.lower() for t in _TOKEN.findall(sent)]
        if len(toks) >= 3:
            yield toks


def corpus_sentences(corpus_dir: Path, limit_articles: int | None = None) -> Iterator[list[str]]:
    """Sentences of CLICK-ID and IndoSum (title + text), lower-cased and tokenized."""
    for name in ("clickid", "indosum"):
        path = corpus_dir / name / "articles.jsonl"
        if not path.exists():
            log.warning("vector corpus file missing, skipped: %s", path)
            continue
        with path.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if limit_articles is not None and i >= limit_articles:
                    break
                art = json.loads(line)
                for field in ("title", "text"):
                    if art.get(field):
                        yield from tokenize_text(art[field])


def conllu_sentences(paths: Iterable[Path]) -> Iterator[list[str]]:
    """Word forms of CoNLL-U files (the UD *training* split only: held-out text must not shape vectors)."""
    for path in paths:
        words: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if words:
                    yield words
                words = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    words.append(cols[1].lower())
        if words:
            yield words


def train_word2vec(
    sentences: list[list[str]], dim: int, epochs: int, min_count: int, seed: int, workers: int
):  # -> gensim KeyedVectors
    from gensim.models import Word2Vec  # training-only dependency

    t0 = time.time()
    model = Word2Vec(
        sentences=sentences, vector_size=dim, window=5, min_count=min_count, sg=1, negative=10,
        epochs=epochs, seed=seed, workers=workers,
    )
    log.info("word2vec: %d sentences, vocab %d, %.0fs", len(sentences), len(model.wv), time.time() - t0)
    return model.wv


def write_pretrain(wv, out_pt: Path, max_vocab: int) -> int:
    """Write the ``max_vocab`` most frequent words as a Stanza pretrain (.pt); returns the vocabulary size.

    The cap keeps the shipped file small: shared by pos, depparse and ner, it is still the largest file.
    """
    from stanza.models.common.pretrain import Pretrain

    words = wv.index_to_key[:max_vocab]  # gensim sorts by descending frequency
    vec_path = out_pt.with_suffix(".vec")
    with vec_path.open("w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {wv.vector_size}\n")
        for w in words:
            fh.write(w + " " + " ".join(f"{x:.5f}" for x in wv[w]) + "\n")
    out_pt.parent.mkdir(parents=True, exist_ok=True)
    if out_pt.exists():
        out_pt.unlink()
    pt = Pretrain(str(out_pt), str(vec_path), max_vocab=-1, save_to_file=True)
    pt.load()
    vec_path.unlink()
    return len(words)
