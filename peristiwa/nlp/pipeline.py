"""Load an Indonesian Stanza pipeline without ever touching the network, and annotate batches of texts.

Each processor's model is resolved in this order:
  1. a path configured in ``NlpSettings.model_paths`` (an error if it does not exist: a typo must not
     silently fall back to another model);
  2. the official Stanza Indonesian model in ``stanza_resources_dir`` (what ``stanza.download("id")`` writes;
     Stanza has no Indonesian NER, so ner normally comes from 3.);
  3. the model bundled in this package (``peristiwa/nlp/models/id``), trained by ``peristiwa models train``.
Every model path is passed to Stanza explicitly and Stanza gets an empty ``resources.json``, so with
``download_method=None`` it has nothing to look up or fetch.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import hashlib
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from peristiwa.nlp import (
    ner_decoding,
    ner_input,
    padded_tensor,
    tokenizer_decoding,
    tokenizer_output,
    tree_decoding,
)
from peristiwa.nlp.tokenizer_repair import default_repair, tokenizing

# Stanza (and torch beneath it, about 180 MB) is imported where a pipeline is built or a document made, not
# when this module is: a run's main process reads the settings and signatures here but hands the annotation
# to worker processes, and carried torch through the whole run for nothing.
if TYPE_CHECKING:
    import stanza
    from stanza.models.common.doc import Document

log = logging.getLogger(__name__)

MODELS_ROOT = Path(__file__).parent / "models"
BUNDLED_DIR = MODELS_ROOT / "id"
# Stanza insists on reading <dir>/resources.json even with download_method=None; this one is empty ({}).
EMPTY_RESOURCES_DIR = MODELS_ROOT
DEFAULT_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
# Bundled file per processor; pos, depparse and ner share one pretrain (word vectors).
BUNDLED_FILES = {
    "tokenize": "id_tokenizer.pt",
    "mwt": "id_mwt.pt",
    "pos": "id_pos.pt",
    "lemma": "id_lemma.pt",
    "depparse": "id_depparse.pt",
    "ner": "id_ner.pt",
    "pretrain": "id_pretrain.pt",
}
USES_PRETRAIN = ("pos", "depparse", "ner")


class ModelNotFoundError(FileNotFoundError):
    """No model could be found for a requested processor (message names the processor and where it looked)."""


@dataclass(frozen=True)
class NlpSettings:
    """How to build the pipeline. Frozen and hashable: one pipeline is cached per distinct settings value.

    ``model_paths`` maps a processor (or ``pretrain``, or ``<processor>_pretrain``) to a model file; a dict
    is accepted and stored as sorted pairs so the settings stay hashable.
    """

    processors: str = DEFAULT_PROCESSORS
    model_paths: Mapping[str, str] | tuple[tuple[str, str], ...] = field(default_factory=tuple)
    stanza_resources_dir: str | None = None
    bundled_dir: str | None = None
    threads: int | None = None
    tokenize_batch_size: int | None = None
    pos_batch_size: int | None = None
    lemma_batch_size: int | None = None
    depparse_batch_size: int | None = None
    ner_batch_size: int | None = None
    docs_per_batch: int = 64
    tokenize_pretokenized: bool = False
    # tokenizer repairs (title abbreviations, lexical -nya words): see nlp/tokenizer_repair.py
    repair_tokens: bool = True
    # in annotate(): a line break always ends a sentence (cleaned text has one paragraph or heading per line)
    split_lines: bool = True
    # a line longer than this is broken at whitespace before Stanza sees it, so that no "sentence" (e.g.
    # 100,000 characters without punctuation) costs more than a bounded amount of time and memory (the
    # parser is quadratic in sentence length); 0 = never
    max_line_chars: int = 2000

    def __post_init__(self) -> None:
        pairs = self.model_paths.items() if isinstance(self.model_paths, Mapping) else self.model_paths
        object.__setattr__(self, "model_paths", tuple(sorted((str(k), str(v)) for k, v in pairs)))

    @property
    def processor_list(self) -> list[str]:
        return [p.strip() for p in self.processors.split(",") if p.strip()]

    def configured(self) -> dict[str, str]:
        return dict(self.model_paths)

    @property
    def uses_tokenizer_repair(self) -> bool:
        """Whether Stanza's tokenizer runs here with the repair as its post-processor."""
        return self.repair_tokens and not self.tokenize_pretokenized and "tokenize" in self.processor_list


@dataclass(frozen=True)
class ModelSource:
    processor: str
    source: str  # "configured" | "official" | "bundled"
    path: str
    extra: tuple[tuple[str, str], ...] = ()  # pretrain / charlm paths as Stanza config keys


def _official(resources_dir: Path | None, proc: str) -> ModelSource | None:
    """The default official Indonesian package for ``proc`` if it and its dependencies are on disk."""
    if resources_dir is None:
        return None
    res_file = resources_dir / "resources.json"
    if not res_file.exists():
        return None
    try:
        lang = json.loads(res_file.read_text(encoding="utf-8")).get("id") or {}
    except (OSError, json.JSONDecodeError):
        log.warning("unreadable %s; ignoring official models", res_file)
        return None
    package = (lang.get("default_processors") or {}).get(proc)
    if not package:
        return None
    path = resources_dir / "id" / proc / f"{package}.pt"
    if not path.exists():
        return None
    extra = []
    for dep in (lang.get(proc, {}).get(package, {}) or {}).get("dependencies", []) or []:
        dep_path = resources_dir / "id" / dep["model"] / f"{dep['package']}.pt"
        if not dep_path.exists():
            return None
        extra.append((f"{proc}_{dep['model']}_path", str(dep_path)))
    return ModelSource(proc, "official", str(path), tuple(extra))


def resolve_models(settings: NlpSettings) -> dict[str, ModelSource]:
    """Which file each requested processor will load, following the documented order."""
    conf = settings.configured()
    official_dir = Path(settings.stanza_resources_dir) if settings.stanza_resources_dir else None
    bundled = Path(settings.bundled_dir) if settings.bundled_dir else BUNDLED_DIR
    out: dict[str, ModelSource] = {}
    missing: list[str] = []
    for proc in settings.processor_list:
        if proc in conf:
            path = Path(conf[proc])
            if not path.exists():
                raise ModelNotFoundError(f"model for '{proc}' configured as {path} does not exist")
            extra = ()
            if proc in USES_PRETRAIN:
                default_pre = str(bundled / BUNDLED_FILES["pretrain"])
                pre = conf.get(f"{proc}_pretrain") or conf.get("pretrain") or default_pre
                if not Path(pre).exists():
                    raise ModelNotFoundError(f"pretrain (word vectors) for '{proc}' not found: {pre}")
                extra = ((f"{proc}_pretrain_path", pre),)
            out[proc] = ModelSource(proc, "configured", str(path), extra)
            continue
        official = _official(official_dir, proc)
        if official is not None:
            out[proc] = official
            continue
        path = bundled / BUNDLED_FILES.get(proc, f"id_{proc}.pt")
        pre = bundled / BUNDLED_FILES["pretrain"]
        if path.exists() and (proc not in USES_PRETRAIN or pre.exists()):
            extra = ((f"{proc}_pretrain_path", str(pre)),) if proc in USES_PRETRAIN else ()
            out[proc] = ModelSource(proc, "bundled", str(path), extra)
            continue
        missing.append(proc)
    if missing:
        where = [
            "configured paths (NlpSettings.model_paths): none for these",
            f"official Stanza models in STANZA_RESOURCES_DIR={official_dir or '(not set)'}: none "
            "(with internet: python -c \"import stanza; stanza.download('id')\")",
            f"bundled models in {bundled}: "
            + ", ".join(str(bundled / BUNDLED_FILES.get(p, f'id_{p}.pt')) for p in missing) + " missing"
            + (" (or the pretrain)" if any(p in USES_PRETRAIN for p in missing) else ""),
        ]
        raise ModelNotFoundError(
            f"no Indonesian Stanza model for processor(s) {', '.join(missing)}; looked in: "
            + "; ".join(where)
            + ". Rebuild the bundled models with `peristiwa models train`."
        )
    return out


def model_sources(settings: NlpSettings) -> dict[str, str]:
    """``{processor: "<source> <path>"}`` for logging which model each processor uses."""
    return {p: f"{m.source} {m.path}" for p, m in resolve_models(settings).items()}


@functools.cache
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def annotation_signature(settings: NlpSettings) -> dict[str, str]:
    """What decides an annotation's content: each processor's model (source, path and a content digest, so a
    retrained file at the same path counts as a different model), the tokenizer repairs' version and the
    line-break rule. Stored with every annotated article; a different signature means re-annotate. The
    model is named by its file name and digest, not its directory: the same models in another checkout
    (a second clone, a container, CI) annotate the same way."""
    sig = {}
    for proc, src in resolve_models(settings).items():
        stat = Path(src.path).stat()
        digest = _file_digest(src.path, stat.st_size, stat.st_mtime_ns)
        sig[proc] = f"{src.source} {Path(src.path).name} sha256:{digest}"
    if settings.uses_tokenizer_repair:
        sig["tokenizer_repairs"] = default_repair().version
    sig["split_lines"] = str(settings.split_lines)
    if settings.max_line_chars:
        sig["max_line_chars"] = str(settings.max_line_chars)
    return sig


def _pipeline_kwargs(settings: NlpSettings) -> dict:
    kwargs: dict = {}
    for proc, src in resolve_models(settings).items():
        kwargs[f"{proc}_model_path"] = src.path
        kwargs.update(dict(src.extra))
    for proc in ("tokenize", "pos", "lemma", "depparse", "ner"):
        size = getattr(settings, f"{proc}_batch_size")
        if size is not None:
            kwargs[f"{proc}_batch_size"] = size
    if settings.tokenize_pretokenized:
        kwargs["tokenize_pretokenized"] = True
    if settings.uses_tokenizer_repair:
        kwargs["tokenize_postprocessor"] = default_repair()
    return kwargs


@functools.cache
def _load(settings: NlpSettings) -> stanza.Pipeline:
    if settings.threads:
        import torch

        # process-wide: torch has one intra-op pool; set before the first forward pass
        torch.set_num_threads(settings.threads)
    import stanza

    kwargs = _pipeline_kwargs(settings)
    # same output as Stanza's own code, faster (each module says how; tests/nlp compare them)
    tree_decoding.install()
    ner_decoding.install()
    tokenizer_output.install()
    tokenizer_decoding.install()
    padded_tensor.install()
    ner_input.install()
    # subclasses Stanza's tokenizer dataset, so it imports Stanza (and torch): imported here, not at the top
    from peristiwa.nlp import tokenizer_input

    tokenizer_input.install()
    return stanza.Pipeline(
        "id",
        processors=settings.processors,
        dir=str(EMPTY_RESOURCES_DIR),
        download_method=None,
        allow_unknown_language=True,  # the empty resources.json does not list Indonesian
        use_gpu=False,
        # ERROR, not WARN: Stanza warns "unsupported language: id" for every load because the empty
        # resources.json (our guard against downloads) does not list Indonesian; that is by design.
        logging_level="ERROR",
        **kwargs,
    )


def load_pipeline(settings: NlpSettings | None = None) -> stanza.Pipeline:
    """The Stanza pipeline for ``settings``, built once per process and reused."""
    return _load(settings or NlpSettings())


PARSE_PROCESSORS = ("pos", "lemma", "depparse")


def _break_points(text: str, split_lines: bool, max_line_chars: int) -> list[tuple[int, str]]:
    """Where to put an extra paragraph break: (position in ``text``, what to insert there).

    After every line break (a doubled line break always ends a Stanza sentence), and inside any line longer
    than ``max_line_chars``: after the last whitespace within the limit, or, in a run without whitespace, at
    the limit itself (two line breaks, so the run is cut into tokens that still index the text)."""
    points: list[tuple[int, str]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        pos = start
        while max_line_chars and end - pos > max_line_chars:
            window = text[pos:pos + max_line_chars + 1]
            cut = max(window.rfind(" "), window.rfind("\t"))
            if cut > 0:
                points.append((pos + cut + 1, "\n\n"))
                pos += cut + 1
            else:
                points.append((pos + max_line_chars, "\n\n"))
                pos += max_line_chars
        if split_lines and end < len(text):
            points.append((end + 1, "\n"))
        start = end + 1
    return points


def _prepare(text: str, split_lines: bool, max_line_chars: int) -> tuple[str, list[int]]:
    """``text`` with the extra breaks inserted, and the positions of the inserted characters in the new text
    (to map offsets back: an offset moves back by the number of inserted characters before it)."""
    parts: list[str] = []
    inserted: list[int] = []
    last = length = 0
    for pos, insert in _break_points(text, split_lines, max_line_chars):
        parts.append(text[last:pos])
        length += pos - last
        inserted.extend(range(length, length + len(insert)))
        parts.append(insert)
        length += len(insert)
        last = pos
    parts.append(text[last:])
    return "".join(parts), inserted


def _restore_offsets(doc: Document, original: str, inserted: list[int]) -> None:
    """Map token, word and entity offsets from the prepared text back to ``original``."""
    def back(pos: int | None) -> int | None:
        return None if pos is None else pos - bisect.bisect_left(inserted, pos)

    for sent in doc.sentences:
        for tok in sent.tokens:
            # Stanza's Token has no offset setters (Word has); the attributes are the ones its properties read
            tok._start_char, tok._end_char = back(tok.start_char), back(tok.end_char)
            for word in tok.words:
                if word.start_char is not None:
                    word.start_char, word.end_char = back(word.start_char), back(word.end_char)
    for ent in doc.ents:
        ent.start_char, ent.end_char = back(ent.start_char), back(ent.end_char)
    doc.text = original


def _tokenize_together(nlp: stanza.Pipeline, texts: list[str]) -> list[Document]:
    """One bulk tokenizer call for many texts: Stanza joins them with blank lines, tokenizes the whole and
    splits it back with each text's own offsets, filling its batches across documents (about 1.6x faster than
    one call per text, with identical tokens, words and offsets). The repair is told the joined text, so
    none of its joins crosses the blank line between two documents."""
    from stanza.models.common.doc import Document

    if not texts:
        return []
    with tokenizing("\n\n".join(texts)):
        return nlp.process([Document([], text=t) for t in texts], processors="tokenize")


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while Stanza builds, tags or parses documents, and back on (if it
    was on) after.

    Stanza makes a Token and a Word object per token, and the collector's full passes walk every live object:
    on 200 IndoSum articles they took about 2 s of 13 s CPU of tokenizing and tagging. Pausing it changes only
    when unreachable cycles are freed (at the next collection after the pause), never what is computed."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def tokenize_and_tag(texts: list[str], settings: NlpSettings | None = None) -> list[Document]:
    """Sentences, tokens and NER tags (no POS, lemmas or parse) for many texts, in batches of documents.

    Token offsets index into the given texts. With ``settings.split_lines`` no sentence spans a line break:
    cleaned articles keep one paragraph or heading per line, and a heading without a full stop would
    otherwise become the subject of the next paragraph's first sentence. Lines longer than
    ``settings.max_line_chars`` are broken at whitespace first (bounded cost per sentence).
    """
    from stanza.models.common.doc import Document

    settings = settings or NlpSettings()
    nlp = load_pipeline(settings)
    out: list[Document] = []
    step = max(1, settings.docs_per_batch)
    for i in range(0, len(texts), step):
        chunk = texts[i:i + step]
        todo = [t for t in chunk if t and t.strip()]
        prepared = [_prepare(t, settings.split_lines, settings.max_line_chars) for t in todo]
        with _collector_paused():
            docs = _tokenize_together(nlp, [p for p, _ in prepared])
            if docs and "ner" in settings.processor_list:
                docs = nlp.process(docs, processors="ner")
        for doc, original, (_, inserted) in zip(docs, todo, prepared, strict=True):
            if inserted:
                _restore_offsets(doc, original, inserted)
        done = iter(docs)
        # empty texts get an empty Document rather than being dropped, so outputs align with inputs
        out.extend(next(done) if t and t.strip() else Document([], text=t or "") for t in chunk)
    return out


def parse(sentences: list, settings: NlpSettings | None = None) -> None:
    """POS, lemmas and dependency parse for the given Stanza sentences, in place, batched across them (the
    sentences may come from many documents; each is parsed on its own, so which others share the batch does
    not matter)."""
    settings = settings or NlpSettings()
    procs = [p for p in PARSE_PROCESSORS if p in settings.processor_list]
    if not sentences or not procs:
        return
    from stanza.models.common.doc import Document

    nlp = load_pipeline(settings)
    combined = Document([])
    combined.sentences = list(sentences)
    combined.num_tokens = sum(len(s.tokens) for s in sentences)
    combined.num_words = sum(len(s.words) for s in sentences)
    with _collector_paused():
        for name in procs:
            nlp.processors[name].process(combined)


def annotate(texts: list[str], settings: NlpSettings | None = None) -> list[Document]:
    """Annotate many texts with every configured processor: ``tokenize_and_tag`` then ``parse`` of every
    sentence. Token offsets index into the given texts."""
    settings = settings or NlpSettings()
    docs = tokenize_and_tag(texts, settings)
    step = max(1, settings.docs_per_batch)
    for i in range(0, len(docs), step):
        parse([s for doc in docs[i:i + step] for s in doc.sentences], settings)
    return docs
