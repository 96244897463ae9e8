"""Token/tag IOB files: reading, mapping the corpora's tag sets to PER/ORG/LOC, and entity spans."""

from __future__ import annotations

from pathlib import Path

# Every NER corpus the project uses names the three classes differently; everything else (EVT, FNB, ...) is O.
TYPE_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "IND": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC", "GPE": "LOC",
}

Sentence = list[tuple[str, str]]


def map_tag(tag: str) -> str:
    """Map one IOB/BIOES tag to B-/I- PER/ORG/LOC or O (S- -> B-, E- -> I-)."""
    tag = tag.strip()
    if not tag or tag == "O" or "-" not in tag:
        return "O"
    prefix, _, etype = tag.partition("-")
    mapped = TYPE_MAP.get(etype.upper())
    if mapped is None:
        return "O"
    prefix = prefix.upper()
    return ("B-" if prefix in ("B", "S") else "I-") + mapped


def repair_iob(tags: list[str]) -> list[str]:
    """IOB2: an I- that does not continue an entity of the same type starts one (annotators and the mapping
    of dropped types both leave such I- tags)."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def read_iob(path: Path | str) -> list[Sentence]:
    """Read a token/tag file (tab- or space-separated, tag in the last column, blank line between sentences)
    into sentences of (token, mapped IOB2 tag)."""
    sents: list[Sentence] = []
    cur: list[tuple[str, str]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t") if "\t" in line else line.split()
        cols = [c for c in cols if c.strip()]
        if not cols or line.startswith("-DOCSTART-"):
            if cur:
                sents.append(cur)
            cur = []
            continue
        token, tag = (cols[0], cols[-1]) if len(cols) > 1 else (cols[0], "O")
        cur.append((token.strip(), map_tag(tag)))
    if cur:
        sents.append(cur)
    return [list(zip([t for t, _ in s], repair_iob([g for _, g in s]), strict=True)) for s in sents]


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) of an IOB2 (or BIOES) tag sequence."""
    out: set[tuple[int, int, str]] = set()
    start, etype = None, None
    for i, raw in enumerate([*tags, "O"]):
        t = map_tag(raw) if raw != "O" else "O"
        begins = t.startswith("B-") or (t.startswith("I-") and t[2:] != etype)
        if start is not None and (t == "O" or begins):
            out.add((start, i, etype))
            start, etype = None, None
        if begins:
            start, etype = i, t[2:]
        if raw.startswith(("S-", "E-")) and start is not None:
            out.add((start, i + 1, etype))
            start, etype = None, None
    return out
