"""Held-out evaluation: UD parsing from raw text (CoNLL 2018 shared-task scorer) and entity-level NER."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import stanza
from stanza.models.common.doc import Document
from stanza.models.common.utils import ud_scores
from stanza.utils.conll import CoNLL

from peristiwa.nlp.iob import Sentence, read_iob, spans

__all__ = ["UD_METRICS", "evaluate_ner", "evaluate_ud", "raw_text", "read_iob", "score_entities"]

UD_METRICS = ("Tokens", "Sentences", "Words", "UPOS", "Lemmas", "UAS", "LAS")


def _sentences(conllu: str) -> list[list[str]]:
    return [b.split("\n") for b in re.split(r"\n\s*\n", conllu.strip()) if b.strip()]


def raw_text(conllu: str) -> str:
    """The raw text of a CoNLL-U file: ``# text`` of each sentence (rebuilt from tokens and SpaceAfter=No
    when missing), sentences joined by a space, documents (``# newdoc``) by a blank line."""
    parts: list[str] = []
    for lines in _sentences(conllu):
        text = next((ln[len("# text = "):] for ln in lines if ln.startswith("# text = ")), None)
        if text is None:
            pieces = []
            skip_until = 0
            for ln in lines:
                cols = ln.split("\t")
                if ln.startswith("#") or len(cols) != 10 or "." in cols[0]:
                    continue
                if "-" in cols[0]:
                    skip_until = int(cols[0].split("-")[1])
                elif int(cols[0]) <= skip_until:
                    continue
                pieces.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
            text = "".join(pieces).strip()
        if parts and any(ln.startswith("# newdoc") for ln in lines):
            parts.append("\n\n")
        elif parts:
            parts.append(" ")
        parts.append(text)
    return "".join(parts)


def evaluate_ud(conllu_path: Path | str, nlp: stanza.Pipeline) -> dict[str, float]:
    """Parse the raw text of ``conllu_path`` with ``nlp`` and score it against the file (F1 per metric)."""
    gold_text = Path(conllu_path).read_text(encoding="utf-8")
    doc = nlp(raw_text(gold_text))
    system = io.StringIO()
    CoNLL.write_doc2conll(doc, system)
    system.seek(0)
    # stanza's wrapper around the CoNLL 2018 shared-task evaluator (udtools.udeval in stanza 1.15)
    scores = ud_scores(io.StringIO(gold_text), system)
    return {m: float(scores[m].f1) for m in UD_METRICS}


def score_entities(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    """Exact-match entity precision/recall/F1, overall and per type (``PER_f1`` ...), from tag sequences."""
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g, p = spans(g_tags), spans(p_tags)
        for s in g:
            n_gold[s[2]] += 1
        for s in p:
            n_pred[s[2]] += 1
        for s in g & p:
            tp[s[2]] += 1

    def prf(t: int, ng: int, np_: int) -> tuple[float, float, float]:
        prec = t / np_ if np_ else 0.0
        rec = t / ng if ng else 0.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    out: dict[str, float] = {}
    totals = sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())
    out["precision"], out["recall"], out["f1"] = prf(*totals)
    for etype in sorted(set(n_gold) | set(n_pred)):
        p, r, f = prf(tp[etype], n_gold[etype], n_pred[etype])
        out[f"{etype}_precision"], out[f"{etype}_recall"], out[f"{etype}_f1"] = p, r, f
    return out


def predict_entities(sentences: list[Sentence], nlp: stanza.Pipeline) -> list[list[str]]:
    """Run only the pipeline's NER processor over gold tokens (no tokenizer in the way of the comparison)."""
    if "ner" not in nlp.processors:
        raise ValueError("the pipeline has no ner processor")
    doc = Document([[{"id": (i + 1,), "text": tok} for i, (tok, _) in enumerate(s)] for s in sentences])
    doc = nlp.processors["ner"].process(doc)
    return [[tok.ner or "O" for tok in sent.tokens] for sent in doc.sentences]


def evaluate_ner(path: Path | str, nlp: stanza.Pipeline) -> dict[str, float]:
    """Entity-level exact-match scores of ``nlp``'s NER on an IOB file (tags mapped to PER/ORG/LOC)."""
    sentences = read_iob(path)
    pred = predict_entities(sentences, nlp)
    gold = [[tag for _, tag in s] for s in sentences]
    return score_entities(gold, pred)
