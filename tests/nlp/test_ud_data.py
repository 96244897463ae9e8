"""Treebank harmonisation for the tagger: only type-level convention conflicts take GSD's tag."""

from __future__ import annotations

from peristiwa.nlp.training.ud_data import gsd_upos_map, retag


def _block(*rows: tuple[str, str]) -> str:
    return "\n".join(["# text = x"] + [f"{i}\t{form}\t{form.lower()}\t{upos}\t_\t_\t0\troot\t_\t_"
                                       for i, (form, upos) in enumerate(rows, 1)])


GSD = [
    _block(("sekitar", "ADP"), ("itu", "DET"), ("karena", "SCONJ")),
    _block(("Sekitar", "ADP"), ("itu", "DET"), ("karena", "SCONJ")),
    _block(("sekitar", "ADP"), ("itu", "DET"), ("karena", "ADP"), ("rumah", "NOUN")),
    _block(("rumah", "NOUN"), ("rumah", "NOUN"), ("rumah", "NOUN")),
]


def test_map_takes_only_conflicts_gsd_never_shows() -> None:
    m = gsd_upos_map(GSD)
    assert m[("sekitar", "ADV")] == "ADP"
    assert m[("itu", "PRON")] == "DET"
    assert ("karena", "ADP") not in m  # GSD itself uses ADP and SCONJ for karena: context, not convention
    assert ("karena", "SCONJ") not in m
    assert not any(form == "rumah" for form, _ in m)  # open-class words keep their tags


def test_retag_rewrites_upos_only() -> None:
    other = _block(("Sekitar", "ADV"), ("itu", "PRON"), ("karena", "ADP"))
    out = retag(other, gsd_upos_map(GSD))
    rows = [ln.split("\t") for ln in out.split("\n")[1:]]
    assert [r[3] for r in rows] == ["ADP", "DET", "ADP"]
    assert [r[1] for r in rows] == ["Sekitar", "itu", "karena"]
    assert out.split("\n")[0] == "# text = x"
