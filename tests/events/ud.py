"""Tiny CoNLL-U reader and actor-mention builder for hand-written test sentences (no Stanza needed)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Tok:
    id: int
    text: str
    lemma: str | None
    upos: str | None
    feats: str | None
    head: int
    deprel: str | None
    ner: str | None
    start_char: int
    end_char: int


@dataclass
class Sent:
    article_id: str
    index: int
    start_char: int
    end_char: int
    text: str
    tokens: list[Tok]
    flags: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Ment:
    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str
    ner_type: str | None
    iso3: str | None
    sector: str | None
    actor_id: str | None
    actor_kind: str | None
    role: str
    method: str = "test"
    confidence: float = 1.0
    resolved_for_date: object = None


def parse_conllu(
    block: str, article_id: str = "a1", index: int = 0, offset: int = 0, flags: frozenset[str] = frozenset()
) -> Sent:
    """CoNLL-U with a '# text = ...' line; offsets are found by scanning the text for each form."""
    text, rows = None, []
    for line in block.strip().splitlines():
        line = line.strip()
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif line and not line.startswith("#"):
            cols = re.split(r"\t| {2,}", line)
            rows.append(cols)
    if text is None:
        text = " ".join(c[1] for c in rows)
    toks, pos = [], 0
    for c in rows:
        form = c[1]
        start = text.find(form, pos)
        if start < 0:
            raise ValueError(f"token {form!r} not found in text")
        pos = start + len(form)
        toks.append(
            Tok(
                int(c[0]),
                form,
                c[2],
                c[3],
                None if c[5] == "_" else c[5],
                int(c[6]),
                c[7],
                None,
                offset + start,
                offset + pos,
            )
        )
    return Sent(article_id, index, offset, offset + len(text), text, toks, flags)


def plain(
    text: str, article_id: str = "a1", index: int = 0, offset: int = 0, flags: frozenset[str] = frozenset()
) -> Sent:
    """An unparsed sentence (every head 0): exercises the linear fallback."""
    toks = []
    for i, m in enumerate(re.finditer(r"[\w'-]+|[^\w\s]", text), start=1):
        toks.append(
            Tok(
                i,
                m.group(0),
                m.group(0).lower(),
                "X",
                None,
                0,
                None,
                None,
                offset + m.start(),
                offset + m.end(),
            )
        )
    return Sent(article_id, index, offset, offset + len(text), text, toks, flags)


def actors(
    sent: Sent, spec: dict[str, tuple[str | None, str | None]], venues: tuple[str, ...] = ()
) -> list[Ment]:
    """Mentions for each surface string in spec (all occurrences): text -> (iso3, sector)."""
    out = []
    for surface, (iso3, sector) in spec.items():
        for m in re.finditer(re.escape(surface), sent.text):
            role = "venue" if surface in venues else "actor"
            out.append(
                Ment(
                    sent.article_id,
                    sent.index,
                    sent.start_char + m.start(),
                    sent.start_char + m.end(),
                    surface,
                    "LOC",
                    iso3,
                    sector,
                    f"{iso3}:{sector}",
                    "country",
                    role,
                )
            )
    return out
