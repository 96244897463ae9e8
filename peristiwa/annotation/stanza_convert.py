"""Convert a Stanza ``Document`` into ``Sentence`` records with offsets into the cleaned text and span
flags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
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


def _parse_fields(word: Any, parsed: bool) -> dict[str, Any]:
    """What the parse (POS, lemma, depparse) gives a word; a sentence left unparsed by selective parsing has
    no lemmas either: they stay empty, not the form."""
    return {
        "lemma": word.lemma or (word.text if parsed else ""),
        "upos": word.upos or "",
        "feats": word.feats or "",
        "head": int(word.head) if word.head is not None else -1,
        "deprel": word.deprel or "",
    }


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
                        ner=ner,
                        start_char=int(tok.start_char),
                        end_char=int(tok.end_char),
                        **_parse_fields(word, parsed),
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


def _parts(sentence: Sentence) -> list[list[Token]]:
    """The tokens of each Stanza sentence a record was made from: one, or several for a headline merged from a
    multi-sentence title (word ids start at 1 again in each)."""
    parts: list[list[Token]] = []
    for token in sentence.tokens:
        if token.id == 1 or not parts:
            parts.append([])
        parts[-1].append(token)
    return parts


def stanza_input(sentence: Sentence) -> list[list[dict]]:
    """The Stanza sentence(s), as CoNLL dicts for ``stanza.models.common.doc.Document``, that tokenization
    and NER made this record from: the same words in the same tokens (a multi-word token's words share its
    offsets), which is all that POS, lemmas and the parser read. Parsing them gives the parse the record
    would have had, had it been parsed when it was annotated."""
    out = []
    for part in _parts(sentence):
        rows: list[dict] = []
        i = 0
        while i < len(part):
            j = i
            span = (part[i].start_char, part[i].end_char)
            while j + 1 < len(part) and (part[j + 1].start_char, part[j + 1].end_char) == span:
                j += 1
            if j > i:  # a multi-word token: its text from the sentence's, its words as stored
                start = span[0] - sentence.start_char
                rows.append({"id": (part[i].id, part[j].id),
                             "text": sentence.text[start:start + span[1] - span[0]]})
            rows.extend({"id": (t.id,), "text": t.text} for t in part[i:j + 1])
            i = j + 1
        out.append(rows)
    return out


def with_parse(sentence: Sentence, parsed: Sequence[Any]) -> Sentence:
    """The record with the POS, lemmas, features, heads and deprels of ``parsed``: the Stanza sentences of
    ``stanza_input(sentence)`` after the parse, in order."""
    words = [(word, any(w.head is not None for w in sent.words)) for sent in parsed for word in sent.words]
    if len(words) != len(sentence.tokens):
        raise ValueError(f"{sentence.article_id} sentence {sentence.index}: {len(words)} parsed words for "
                         f"{len(sentence.tokens)} tokens")
    pairs = zip(sentence.tokens, words, strict=True)
    tokens = tuple(replace(t, **_parse_fields(word, parsed)) for t, (word, parsed) in pairs)
    return replace(sentence, tokens=tokens)


def without_parse(sentence: Sentence) -> Sentence:
    """The record as an annotation that does not parse it has it: tokens and NER only."""
    tokens = tuple(replace(t, lemma="", upos="", feats="", head=-1, deprel="") for t in sentence.tokens)
    return replace(sentence, tokens=tokens)
