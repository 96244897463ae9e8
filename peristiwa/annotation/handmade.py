"""Build ``Sentence`` records without Stanza: for unit tests, fixtures and a no-model fallback.

``sentence_from_markup`` takes text with bracketed NER spans, e.g. ``"[Presiden Iran]ORG tiba di
[Moskow]LOC"``,
tokenises on words/punctuation (hyphenated words stay one token, as Stanza's Indonesian tokenizer does) and
lets the caller set lemmas, UPOS or (head, deprel) per token
position.
``regex_sentences`` splits a whole cleaned text into sentences (on . ! ? and newlines)
with the same tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .records import Sentence, Token

TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
MARKUP_RE = re.compile(r"\[([^\]]+)\](PER|ORG|LOC|MISC)")
SENT_RE = re.compile(r"[^\n]+?(?:[.!?](?=\s|$|[\"”’)])[\"”’)]?|$)", re.UNICODE)


def tokenize(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(text)]


def _bioes(n: int, label: str) -> list[str]:
    if n == 1:
        return [f"S-{label}"]
    return [f"B-{label}"] + [f"I-{label}"] * (n - 2) + [f"E-{label}"]


def sentence_from_markup(
    markup: str,
    *,
    article_id: str = "t",
    index: int = 0,
    offset: int = 0,
    lemmas: Mapping[int, str] | None = None,
    upos: Mapping[int, str] | None = None,
    deps: Mapping[int, tuple[int, str]] | None = None,
    flags: frozenset[str] = frozenset(),
) -> Sentence:
    """Sentence from marked-up text; token positions in ``lemmas``/``upos``/``deps`` are 0-based."""
    text_parts: list[str] = []
    ner_spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in MARKUP_RE.finditer(markup):
        before = markup[pos : m.start()]
        text_parts.append(before)
        length += len(before)
        ner_spans.append((length, length + len(m.group(1)), m.group(2)))
        text_parts.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    text_parts.append(markup[pos:])
    text = "".join(text_parts)
    raw = tokenize(text)
    tags = ["O"] * len(raw)
    for s, e, label in ner_spans:
        idx = [i for i, (_, ts, te) in enumerate(raw) if ts >= s and te <= e]
        for i, tag in zip(idx, _bioes(len(idx), label), strict=True):
            tags[i] = tag
    lemmas, upos, deps = lemmas or {}, upos or {}, deps or {}
    tokens = tuple(
        Token(
            id=i + 1,
            text=t,
            lemma=lemmas.get(i, t.lower()),
            upos=upos.get(i, "PUNCT" if not t[0].isalnum() else ""),
            feats="",
            head=deps[i][0] if i in deps else -1,
            deprel=deps[i][1] if i in deps else "",
            ner=tags[i],
            start_char=s + offset,
            end_char=e + offset,
        )
        for i, (t, s, e) in enumerate(raw)
    )
    return Sentence(article_id, index, offset, offset + len(text), text, tokens, flags)


def regex_sentences(article_id: str, text: str, spans: tuple = ()) -> list[Sentence]:
    """Naive sentence split + tokenisation of a cleaned text (no lemmas, no parse, no NER)."""
    from .stanza_convert import flags_for

    out: list[Sentence] = []
    for m in SENT_RE.finditer(text):
        chunk = m.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if not chunk:
            continue
        start = m.start() + lead
        toks = tuple(
            Token(i + 1, t, t.lower(), "", "", -1, "", "O", ts, te)
            for i, (t, ts, te) in enumerate(tokenize(chunk, start))
        )
        out.append(
            Sentence(
                article_id,
                len(out),
                start,
                start + len(chunk),
                chunk,
                toks,
                flags_for(start, start + len(chunk), spans),
            )
        )
    return out
