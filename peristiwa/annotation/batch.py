"""Annotate cleaned articles with Stanza: sentences (headline included) and a per-article ledger.

Every sentence gets tokens and NER. Which sentences also get POS, lemmas and a dependency parse is the parse
scope: ``all``, or ``selective`` (peristiwa.annotation.selection). Work can be spread over worker processes,
each with its own Stanza pipeline (``AnnotationPool``); the result does not depend on how many.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from peristiwa.annotation.conllu import from_conllu
from peristiwa.annotation.frame import SENTENCES_SCHEMA, sentences_frame
from peristiwa.annotation.records import Sentence
from peristiwa.annotation.selection import (
    PARSE_SCOPES,
    SELECTION_VERSION,
    parse_cues,
    select_article,
    selection_digest,
    selector_from,
)
from peristiwa.annotation.stanza_convert import sentences_from_stanza, stanza_input, with_parse, without_parse
from peristiwa.nlp.pipeline import NlpSettings, annotation_signature, parse, tokenize_and_tag

LEDGER_SCHEMA = {
    "article_id": pl.String(),
    "text_sha256": pl.String(),
    "models": pl.String(),
    "n_sentences": pl.Int32(),
    "n_tokens": pl.Int32(),
    "parse_scope": pl.String(),
    "n_parsed": pl.Int32(),
    # what the selection of a selective annotation was computed from (selection.selection_digest); None for
    # parse scope all
    "selection_digest": pl.String(),
}


@dataclass(frozen=True)
class AnnotationConfig:
    """Everything that decides an annotation, picklable so that worker processes can rebuild it."""

    settings: NlpSettings = NlpSettings()
    parse_scope: str = "selective"
    # where the selection's cue words and actor candidates come from (None = the packaged files)
    actors_dir: str | None = None
    dictionary_path: str | None = None
    cameo_path: str | None = None

    def __post_init__(self) -> None:
        if self.parse_scope not in PARSE_SCOPES:
            raise ValueError(f"parse_scope must be one of {', '.join(PARSE_SCOPES)}, "
                             f"got {self.parse_scope!r}")


def annotation_signature_json(settings: NlpSettings, parse_scope: str = "all") -> str:
    """The ledger's ``models`` value: which models, tokenizer repairs and parse scope produced an article's
    sentences; a different value means the article is annotated again."""
    signature = annotation_signature(settings)
    signature["parse_scope"] = parse_scope if parse_scope == "all" else f"{parse_scope}/{SELECTION_VERSION}"
    return json.dumps(signature, sort_keys=True)


def _selection_files(config: AnnotationConfig) -> list[Path]:
    """The files ``config``'s selection is built from: the trigger dictionary and its speech acts (the file
    beside it, or the packaged one), the CAMEO table and every file of the actor knowledge directory."""
    from peristiwa.actors.knowledge import DATA_DIR
    from peristiwa.events.cameo import CAMEO_CSV
    from peristiwa.events.coding.speech import SPEECH_ACTS_YAML
    from peristiwa.events.dictionary import TRIGGERS_YAML

    dictionary = Path(config.dictionary_path) if config.dictionary_path else TRIGGERS_YAML
    actors = Path(config.actors_dir) if config.actors_dir else DATA_DIR
    files = [dictionary, dictionary.parent / "speech_acts.yaml", SPEECH_ACTS_YAML,
             Path(config.cameo_path) if config.cameo_path else CAMEO_CSV,
             *(sorted(p for p in actors.iterdir() if p.is_file()) if actors.is_dir() else [])]
    # with the packaged dictionary the speech acts beside it are the packaged ones: read them once
    return list(dict.fromkeys(files))


def _content_identity(paths: Sequence[Path]) -> tuple[tuple[str, str | None], ...]:
    """Each path with a digest of its content (None where there is no such file). Content, not path nor
    modification time: a file edited in place, even twice within the file system's clock tick, is noticed."""
    identity = []
    for path in paths:
        try:
            digest: str | None = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:
            digest = None
        identity.append((str(path), digest))
    return tuple(identity)


class _Selection:
    """The selector and the actor knowledge, loaded once per process and again when a file they are built
    from changes (a long-lived process, such as a code server, must not keep the digest of an edited
    dictionary: reading ~200 kB to find out costs a few milliseconds, the rebuild about a second)."""

    # per configuration: the content identity of its files when it was built, and the selection
    _cache: dict[AnnotationConfig, tuple[tuple, _Selection]] = {}

    def __init__(self, config: AnnotationConfig) -> None:
        from peristiwa.actors import load_knowledge
        from peristiwa.events import load_cameo, load_dictionary

        cameo = load_cameo(Path(config.cameo_path) if config.cameo_path else None)
        dictionary = load_dictionary(Path(config.dictionary_path) if config.dictionary_path else None, cameo)
        cues = parse_cues(dictionary)
        self.selector = selector_from(cues.words, load_knowledge(config.actors_dir), cue_phrases=cues.phrases,
                                      speaker_cues=cues.speaker_words)
        self.digest = selection_digest(self.selector)

    @classmethod
    def get(cls, config: AnnotationConfig) -> _Selection:
        identity = _content_identity(_selection_files(config))
        cached = cls._cache.get(config)
        if cached is None or cached[0] != identity:
            cached = cls._cache[config] = (identity, cls(config))
        return cached[1]


def config_selection_digest(config: AnnotationConfig) -> str | None:
    """The selection digest an article annotated under ``config`` records (None for parse scope all): built
    once per process and again when the dictionary or actor files change, about a second (the dictionary and
    the actor knowledge are loaded)."""
    return None if config.parse_scope == "all" else _Selection.get(config).digest


def selector_of(config: AnnotationConfig):
    """The selector (selection.ParseSelector) of ``config``'s cue words and actor knowledge, built once per
    process and again when the dictionary or actor files change."""
    return _Selection.get(config).selector


def _as_sentences(row: dict, body: Any, title: Any | None) -> list[Sentence]:
    spans = json.loads(row["spans_json"] or "[]")
    found = sentences_from_stanza(row["article_id"], body, spans, text=row["text"])
    if title is not None:
        found = sentences_from_stanza(row["article_id"], title, headline=True, text=row["title"]) + found
    return found


def _stanza_sentences(body: Any, title: Any | None) -> dict[int, list]:
    """Stanza sentences by the index their record gets (headline -1: a title's sentences are merged)."""
    out: dict[int, list] = {i: [s] for i, s in enumerate(s for s in body.sentences if s.tokens)}
    if title is not None and any(s.tokens for s in title.sentences):
        out[-1] = [s for s in title.sentences if s.tokens]
    return out


def annotate_rows(rows: Sequence[dict], config: AnnotationConfig) -> tuple[list[dict], list[dict]]:
    """Sentence rows and ledger rows for articles (dicts with article_id, title, text, spans_json,
    text_sha256)."""
    settings = config.settings
    models = annotation_signature_json(settings, config.parse_scope)
    digest = config_selection_digest(config)
    bodies = tokenize_and_tag([r["text"] for r in rows], settings)
    titled = [r for r in rows if (r["title"] or "").strip()]
    titles = dict(zip((r["article_id"] for r in titled),
                      tokenize_and_tag([r["title"] for r in titled], settings), strict=True))
    to_parse: list = []
    for row, body in zip(rows, bodies, strict=True):
        title = titles.get(row["article_id"])
        by_index = _stanza_sentences(body, title)
        if config.parse_scope == "all":
            chosen = by_index.keys()
        else:
            selection = _Selection.get(config)
            records = _as_sentences(row, body, title)
            chosen = select_article(selection.selector, records)
        to_parse.extend(s for i in chosen for s in by_index.get(i, []))
    parse(to_parse, settings)
    sentence_rows: list[Sentence] = []
    ledger = []
    for row, body in zip(rows, bodies, strict=True):
        found = _as_sentences(row, body, titles.get(row["article_id"]))
        sentence_rows.extend(found)
        ledger.append(_ledger_row(row, found, models, config.parse_scope, digest))
    return sentences_frame(sentence_rows).to_dicts(), ledger


def _ledger_row(
    row: dict, found: Sequence[Sentence], models: str, parse_scope: str, digest: str | None
) -> dict:
    """The ledger row of one annotated article."""
    return {
        "article_id": row["article_id"],
        "text_sha256": row["text_sha256"],
        "models": models,
        "n_sentences": len(found),
        "n_tokens": sum(len(s.tokens) for s in found),
        "parse_scope": parse_scope,
        "n_parsed": sum(1 for s in found if s.is_parsed),
        "selection_digest": digest,
    }


def reparse_rows(rows: Sequence[dict], config: AnnotationConfig) -> tuple[list[dict], list[dict]]:
    """Sentence rows and ledger rows for articles already annotated under ``config``'s models, whose selection
    changed (dicts with article_id, text_sha256, ``conllu``: every stored sentence, and ``selected``: the
    sentence indexes the selection picks now). A selected sentence without a parse is parsed, from its stored
    words: the parse of a sentence reads only its own words (``peristiwa.nlp.pipeline.parse``), and tokens and
    NER are what this annotation gave them, so it gets the parse a fresh annotation would give it. A parsed
    sentence no longer selected loses its parse, as a fresh annotation would not have parsed it. The other
    sentences stay as stored. The result is the fresh selective annotation of the article (tested against
    one)."""
    models = annotation_signature_json(config.settings, config.parse_scope)
    digest = config_selection_digest(config)
    articles: list[list[Sentence]] = []
    to_parse: list[tuple[int, int, list]] = []  # (article, sentence position, its Stanza sentences)
    for n, row in enumerate(rows):
        found = [from_conllu(c) for c in row["conllu"]]
        selected = set(row["selected"])
        for k, sentence in enumerate(found):
            if sentence.index in selected and not sentence.is_parsed:
                from stanza.models.common.doc import Document  # Stanza only where something is parsed

                to_parse.append((n, k, Document(stanza_input(sentence)).sentences))
            elif sentence.index not in selected and sentence.is_parsed:
                found[k] = without_parse(sentence)
        articles.append(found)
    if to_parse:
        parse([s for _, _, parts in to_parse for s in parts], config.settings)
    for n, k, parts in to_parse:
        articles[n][k] = with_parse(articles[n][k], parts)
    ledger = [_ledger_row(row, found, models, config.parse_scope, digest)
              for row, found in zip(rows, articles, strict=True)]
    return sentences_frame(s for found in articles for s in found).to_dicts(), ledger


def frames(sentence_rows: list[dict], ledger_rows: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    return (pl.DataFrame(sentence_rows, schema=SENTENCES_SCHEMA),
            pl.DataFrame(ledger_rows, schema=LEDGER_SCHEMA))


def _worker_init(config: AnnotationConfig) -> None:
    # Die with the parent: a killed run must not leave Stanza workers behind (Linux; elsewhere they notice
    # the broken pipe and exit on their own).
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    from peristiwa.nlp.pipeline import load_pipeline

    load_pipeline(config.settings)


def _worker_annotate(rows: list[dict], config: AnnotationConfig) -> tuple[list[dict], list[dict]]:
    return annotate_rows(rows, config)


def _worker_reparse(rows: list[dict], config: AnnotationConfig) -> tuple[list[dict], list[dict]]:
    return reparse_rows(rows, config)


def _text_size(row: dict) -> int:
    return len(row["text"] or "") + len(row["title"] or "")


def _reparse_size(row: dict) -> int:
    """The words a reparse row gives the parser (about: stored sentences that are selected)."""
    selected = set(row["selected"])
    rows = zip(row["sentence_index"], row["conllu"], strict=True)
    return sum(c.count("\n") for i, c in rows if i in selected)


def _split_evenly(
    rows: Sequence[dict], parts: int, size: Callable[[dict], int] = _text_size
) -> list[list[int]]:
    """Row positions split into ``parts`` groups of about equal ``size`` (text length; largest first,
    greedy)."""
    groups: list[list[int]] = [[] for _ in range(parts)]
    sizes = [0] * parts
    for i in sorted(range(len(rows)), key=lambda i: -size(rows[i])):
        k = sizes.index(min(sizes))
        groups[k].append(i)
        sizes[k] += size(rows[i])
    return [sorted(g) for g in groups if g]


class AnnotationPool:
    """Annotates chunks of articles in ``workers`` processes (each its own Stanza pipeline with
    ``settings.threads`` threads), or in this process when ``workers`` is 1. The workers are replaced by fresh
    ones after ``chunks_per_worker`` chunks (0 = never): a worker's memory grows over a long run (0.6 GB after
    loading, 0.9 GB after 109 CLICK-ID chunks), and new ones cost a model load of a few seconds. The pool is
    shut down and started again rather than using ``max_tasks_per_child``, which can stop replacing workers
    and hang on Python 3.11 (cpython gh-115634)."""

    def __init__(self, config: AnnotationConfig, workers: int = 1, chunks_per_worker: int = 0) -> None:
        self.config = config
        self.workers = max(1, workers)
        self.chunks_per_worker = max(0, chunks_per_worker)
        self._executor: ProcessPoolExecutor | None = None
        self._chunks_done = 0

    def __enter__(self) -> AnnotationPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self._end_workers(cancel_futures=True)

    def _end_workers(self, cancel_futures: bool = False) -> None:
        """Shut the workers down; the next chunk, if any, starts fresh ones."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=cancel_futures)
            self._executor = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn: a fork of a process that already runs torch threads (or Dagster's) can deadlock
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_init,
                                                 initargs=(self.config,))
        return self._executor

    def annotate(self, rows: Sequence[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Sentences and ledger of ``rows``, in the order of ``rows``."""
        return self._run(rows, annotate_rows, _worker_annotate, _text_size)

    def reparse(self, rows: Sequence[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Sentences and ledger of already annotated articles whose selection changed (``reparse_rows``), in
        the order of ``rows``."""
        return self._run(rows, reparse_rows, _worker_reparse, _reparse_size)

    def _run(self, rows: Sequence[dict], here: Callable, worker: Callable,
             size: Callable[[dict], int]) -> tuple[pl.DataFrame, pl.DataFrame]:
        rows = list(rows)
        if not rows:
            return frames([], [])
        if self.workers == 1:
            return frames(*here(rows, self.config))
        # a chunk of one article goes to a worker too: annotated here, it would load a second set of models
        # (about 0.5 GB) into this process for the rest of the run
        groups = _split_evenly(rows, self.workers, size)
        futures = [self._pool().submit(worker, [rows[i] for i in g], self.config) for g in groups]
        results = [f.result() for f in futures]
        self._chunks_done += 1
        if self.chunks_per_worker and self._chunks_done % self.chunks_per_worker == 0:
            self._end_workers()
        order = {row["article_id"]: n for n, row in enumerate(rows)}
        sentence_rows = sorted((r for s, _ in results for r in s),
                               key=lambda r: (order[r["article_id"]], r["sentence_index"]))
        ledger_rows = sorted((r for _, led in results for r in led), key=lambda r: order[r["article_id"]])
        return frames(sentence_rows, ledger_rows)


def annotate_articles(
    articles: pl.DataFrame,
    settings: NlpSettings,
    chunk: int = 64,
    progress: Callable[[str], None] | None = None,
    parse_scope: str = "all",
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sentences and ledger rows for `articles` (article_id, title, text, spans_json, text_sha256), in this
    process, ``chunk`` articles per Stanza batch."""
    config = AnnotationConfig(settings=settings, parse_scope=parse_scope)
    rows = articles.to_dicts()
    parts = []
    for offset in range(0, len(rows), chunk):
        parts.append(frames(*annotate_rows(rows[offset:offset + chunk], config)))
        if progress:
            progress(f"annotated {min(offset + chunk, len(rows))}/{len(rows)} articles")
    if not parts:
        return frames([], [])
    return (pl.concat([p[0] for p in parts]), pl.concat([p[1] for p in parts]))


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
