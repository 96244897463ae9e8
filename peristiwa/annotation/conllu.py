"""Portable per-sentence storage: one CoNLL-U block per sentence, lossless for ``Sentence``.

Sentence metadata go in comment lines; NER and offsets go in MISC (``NER=B-PER|start_char=0|end_char=5``),
the same keys Stanza's own CoNLL-U writer uses, so the text can be read by ordinary CoNLL-U tools.
Tabs and newlines never occur inside tokens (Stanza and our tokenisers split on whitespace).
"""

from __future__ import annotations

import re

from .records import Sentence, Token


def _field(value: str) -> str:
    return value if value else "_"


def _unfield(value: str) -> str:
    return "" if value == "_" else value


def to_conllu(sentence: Sentence) -> str:
    lines = [
        f"# article_id = {sentence.article_id}",
        f"# sent_index = {sentence.index}",
        f"# start_char = {sentence.start_char}",
        f"# end_char = {sentence.end_char}",
        f"# flags = {','.join(sorted(sentence.flags))}",
        # Newlines inside a sentence's text would break the format; they are escaped and restored.
        "# text = " + sentence.text.replace("\\", "\\\\").replace("\n", "\\n"),
    ]
    for t in sentence.tokens:
        misc = f"NER={t.ner or 'O'}|start_char={t.start_char}|end_char={t.end_char}"
        head = "_" if t.head < 0 else str(t.head)
        lines.append(
            "\t".join(
                [
                    str(t.id),
                    t.text,
                    _field(t.lemma),
                    _field(t.upos),
                    "_",
                    _field(t.feats),
                    head,
                    _field(t.deprel),
                    "_",
                    misc,
                ]
            )
        )
    return "\n".join(lines) + "\n"


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def from_conllu(text: str) -> Sentence:
    meta: dict[str, str] = {}
    tokens: list[Token] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            meta[key.strip()] = value[1:] if value.startswith(" ") else value
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"CoNLL-U line has {len(cols)} columns, expected 10: {line!r}")
        if "-" in cols[0] or "." in cols[0]:
            continue  # MWT ranges / empty nodes: not produced by to_conllu
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        tokens.append(
            Token(
                id=int(cols[0]),
                text=cols[1],
                lemma=_unfield(cols[2]),
                upos=_unfield(cols[3]),
                feats=_unfield(cols[5]),
                head=-1 if cols[6] == "_" else int(cols[6]),
                deprel=_unfield(cols[7]),
                ner=misc.get("NER", "O"),
                start_char=int(misc["start_char"]),
                end_char=int(misc["end_char"]),
            )
        )
    flags = frozenset(f for f in meta.get("flags", "").split(",") if f)
    return Sentence(
        article_id=meta["article_id"],
        index=int(meta["sent_index"]),
        start_char=int(meta["start_char"]),
        end_char=int(meta["end_char"]),
        text=_unescape(meta.get("text", "")),
        tokens=tuple(tokens),
        flags=flags,
    )
