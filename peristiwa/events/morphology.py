"""Indonesian word families: the surface forms of a root under the affix patterns news verbs and event nouns
use.

A dictionary entry names a root and the affix patterns that make it a trigger (`root: kunjung`, `forms:
[meN-i, di-i, ber, -an]` -> mengunjungi, dikunjungi, berkunjung, kunjungan), instead of listing every surface
form. The generator knows the nasal assimilation of meN-/peN- (k, p, t, s drop after the nasal: kirim ->
mengirim, pasok -> memasok, tuduh -> menuduh, serang -> menyerang; clusters and loans keep it: kritik ->
mengkritik, protes -> memprotes), ber-/ter-/per- before r (runding -> berunding, perundingan), menge- before
one-syllable roots (bom -> mengebom) and the clitics news attaches (-nya, -lah, -pun). It over-generates on
purpose: a non-word such as "mentuduh" can never match, and the family stays one line of data.

Each pattern has a category, which is what the coder needs to know about the matched word:
  active   meN-, memper-, ber- forms: the subject acts (menyerang, memperingatkan, bertemu)
  passive  di-, diper-, ter- forms: the subject undergoes the act, the agent follows (diserang oleh X)
  noun     -an, peN-an, per-an, pe-an, ke-an: a nominal event whose possessor or "dari/oleh X" is the actor
  bare     the root itself or root + -kan/-i (headlines, object-fronted passives: "kami kirimkan")
"""

from __future__ import annotations

from collections.abc import Iterable

VOWELS = frozenset("aeiou")
# Pattern name -> (prefix kind, suffix, category). Prefix kinds: "meN", "peN" (nasal assimilation), "ber",
# "ter",
# "per" (r-initial roots lose the prefix's r), or a literal prefix.
PATTERNS: dict[str, tuple[str, str, str]] = {
    "meN": ("meN", "", "active"),
    "meN-kan": ("meN", "kan", "active"),
    "meN-i": ("meN", "i", "active"),
    "memper": ("memper", "", "active"),
    "memper-kan": ("memper", "kan", "active"),
    "memper-i": ("memper", "i", "active"),
    "ber": ("ber", "", "active"),
    "ber-kan": ("ber", "kan", "active"),
    "ber-an": ("ber", "an", "active"),
    "di": ("di", "", "passive"),
    "di-kan": ("di", "kan", "passive"),
    "di-i": ("di", "i", "passive"),
    "diper": ("diper", "", "passive"),
    "diper-kan": ("diper", "kan", "passive"),
    "diper-i": ("diper", "i", "passive"),
    "ter": ("ter", "", "passive"),
    "ter-kan": ("ter", "kan", "passive"),
    "-an": ("", "an", "noun"),
    "peN-an": ("peN", "an", "noun"),
    "per-an": ("per", "an", "noun"),
    "pe-an": ("pe", "an", "noun"),
    "ke-an": ("ke", "an", "noun"),
    "root": ("", "", "bare"),
    "-kan": ("", "kan", "bare"),
    "-i": ("", "i", "bare"),
}
CATEGORIES = frozenset(c for _, _, c in PATTERNS.values())
# Clitics news attaches to a form ("kunjungannya", "diserangnya", "menolaknya", "itulah").
CLITICS = ("nya", "lah", "pun", "kah")


class MorphologyError(ValueError):
    """An unknown affix pattern or an unusable root."""


def _nasal(root: str, nasal_prefix: str) -> set[str]:
    """meN-/peN- + root: the assimilated forms (both variants where a loan may keep its first consonant)."""
    base = nasal_prefix  # "me" or "pe"
    first, rest = root[0], root[1:]
    cluster = len(root) > 1 and root[1] not in VOWELS  # kritik, protes, transfer, sponsor
    out: set[str] = set()
    if first in VOWELS:
        out.add(base + "ng" + root)
    elif first == "k":
        out.add(base + "ng" + rest)
        if cluster:
            out.add(base + "ng" + root)
    elif first in "gh" or root.startswith("kh"):
        out.add(base + "ng" + root)
    elif first == "p":
        out.add(base + "m" + rest)
        if cluster:
            out.add(base + "m" + root)
    elif first in "bfv":
        out.add(base + "m" + root)
    elif first == "t":
        out.add(base + "n" + rest)
        if cluster:
            out.add(base + "n" + root)
    elif first in "dcjz":
        out.add(base + "n" + root)
    elif first == "s":
        out.add(base + "ny" + rest)
        if cluster or root.startswith("sy"):
            out.add(base + "n" + root)
    else:  # l m n r w y (and ng/ny): no nasal
        out.add(base + root)
    # One-syllable roots take menge-/penge- (bom -> mengebom, tes -> mengetes).
    if sum(ch in VOWELS for ch in root) == 1:
        out.add(base + "nge" + root)
    return out


def _prefixed(kind: str, root: str) -> set[str]:
    if kind == "meN":
        return _nasal(root, "me")
    if kind == "peN":
        return _nasal(root, "pe")
    if kind in ("ber", "ter", "per", "memper", "diper"):
        # r-initial roots drop the prefix's r: runding -> berunding, perundingan; temu -> pertemuan stays.
        stem = kind[:-1] if root.startswith("r") else kind
        forms = {stem + root}
        if kind == "ber" and root.startswith("ker"):
            forms.add("be" + root)  # bekerja (the one common be- form)
        return forms
    return {kind + root}


def surface_forms(root: str, pattern: str) -> set[str]:
    """All surface forms of `root` under the affix `pattern` (lower case), without clitics."""
    if pattern not in PATTERNS:
        raise MorphologyError(f"unknown affix pattern {pattern!r} (known: {', '.join(PATTERNS)})")
    root = root.strip().casefold()
    if not root or " " in root or not root.replace("-", "").isalpha():
        raise MorphologyError(f"a root is one word of letters, got {root!r}")
    kind, suffix, _ = PATTERNS[pattern]
    stems = _prefixed(kind, root) if kind else {root}
    return {s + suffix for s in stems}


def category(pattern: str) -> str:
    """active | passive | noun | bare."""
    if pattern not in PATTERNS:
        raise MorphologyError(f"unknown affix pattern {pattern!r}")
    return PATTERNS[pattern][2]


def with_clitics(forms: Iterable[str]) -> set[str]:
    """The forms plus each form with a clitic attached ("kunjungannya")."""
    out = set(forms)
    for f in list(out):
        out.update(f + c for c in CLITICS)
    return out


def family(root: str, patterns: Iterable[str]) -> dict[str, str]:
    """{surface form (with clitic variants): category} for a root under several patterns. Where two patterns
    give the same string, the first one listed wins."""
    out: dict[str, str] = {}
    for p in patterns:
        cat = category(p)
        for form in with_clitics(surface_forms(root, p)):
            out.setdefault(form, cat)
    return out


def guess_category(word: str) -> str:
    """Category of a listed surface word (no root given), from its shape: di-/ter- passive, me-/ber-/memper-
    active, pe-/per-/ke- ...-an or -an nouns; anything else bare."""
    w = word.casefold()
    for c in CLITICS:
        if w.endswith(c) and len(w) - len(c) > 4:
            w = w[: -len(c)]
            break
    if w.startswith("di") and len(w) > 5:
        return "passive"
    if w.startswith("ter") and len(w) > 6:
        return "passive"
    if (w.startswith(("me", "ber")) or w.startswith("bekerja")) and len(w) > 5:
        return "active"
    if w.endswith("an") and len(w) > 5:
        return "noun"
    return "bare"
