"""Convert a Stanza ``Document`` into ``Sentence`` records with offsets into the cleaned text and span
flags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .records import HEADLINE_INDEX, Sentence, Token


def _span_kind(span: Any) -> tuple[str, int, int]:
    # Accept both the cleaner's Span dataclass and the dicts of articles_clean.spans_json.
    if isinstance(span, Mapping):
        return str(span["kind"]), int(span["start"]), int(span["end"])
    return str(span.kind), int(span.start), int(span.end)


def flags_for(start: int, end: int, spans: Iterable[Any]) -> frozenset[str]:
    """Flags of the cleaner's spans that overlap the sentence [start, end) (caption/subheading)."""
    flags = set()
    for span in spans:
        kind, s, e = _span_kind(span)
        if kind in ("caption", "subheading") and s < end and start < e:
            flags.add(kind)
    return frozenset(flags)


def sentences_from_stanza(
    article_id: str,
    doc: Any,
    spans: Sequence[Any] = (),
    *,
    headline: bool = False,
    text: str | None = None,
) -> list[Sentence]:
    """Sentences of a Stanza document. ``headline=True`` marks a document built from the title alone.

    Stanza tokens carry ``start_char``/``end_char`` into the string it was given. Multi-word tokens (MWT) are
    flattened: each syntactic word becomes a record with the *token's* span (Stanza gives words no offsets),
    so an MWT's words share offsets. IDs are renumbered 1..n over words, heads refer to those ids.
    """
    source = text if text is not None else getattr(doc, "text", None)
    out: list[Sentence] = []
    for sent in doc.sentences:
        tokens: list[Token] = []
        # a sentence left unparsed by selective parsing has no lemmas either: keep them empty, not the form
        parsed = any(word.head is not None for tok in sent.tokens for word in tok.words)
        for tok in sent.tokens:
            ner = getattr(tok, "ner", None) or "O"
            for word in tok.words:
                tokens.append(
                    Token(
                        id=int(word.id),
                        text=word.text if len(tok.words) > 1 else tok.text,
                        lemma=word.lemma or (word.text if parsed else ""),
                        upos=word.upos or "",
                        feats=word.feats or "",
                        head=int(word.head) if word.head is not None else -1,
                        deprel=word.deprel or "",
                        ner=ner,
                        start_char=int(tok.start_char),
                        end_char=int(tok.end_char),
                    )
                )
        if not tokens:
            continue
        start, end = tokens[0].start_char, tokens[-1].end_char
        sent_text = source[start:end] if source is not None else sent.text
        if headline:
            out.append(
                Sentence(
                    article_id, HEADLINE_INDEX, start, end, sent_text, tuple(tokens), frozenset({"headline"})
                )
            )
            continue
        out.append(
            Sentence(article_id, len(out), start, end, sent_text, tuple(tokens), flags_for(start, end, spans))
        )
    if headline and len(out) > 1:
        # A multi-sentence title is rare; keep one headline record per article by merging its tokens.
        merged = tuple(t for s in out for t in s.tokens)
        start, end = merged[0].start_char, merged[-1].end_char
        text_ = source[start:end] if source is not None else " ".join(s.text for s in out)
        out = [Sentence(article_id, HEADLINE_INDEX, start, end, text_, merged, frozenset({"headline"}))]
    return out
