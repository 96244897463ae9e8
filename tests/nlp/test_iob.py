from __future__ import annotations

from pathlib import Path

import pytest

from peristiwa.nlp.evaluate import score_entities
from peristiwa.nlp.iob import map_tag, read_iob, repair_iob, spans


@pytest.mark.parametrize(
    ("raw", "mapped"),
    [
        ("B-PERSON", "B-PER"), ("I-PPL", "I-PER"), ("B-ORGANIZATION", "B-ORG"), ("I-ORGANISATION", "I-ORG"),
        ("B-IND", "B-ORG"), ("B-LOCATION", "B-LOC"), ("I-PLACE", "I-LOC"), ("B-PLC", "B-LOC"),
        ("B-GPE", "B-LOC"), ("B-EVT", "O"), ("I-FNB", "O"), ("O", "O"), ("S-PER", "B-PER"),
        ("E-LOC", "I-LOC"), ("B-MISC", "O"),
    ],
)
def test_map_tag(raw: str, mapped: str) -> None:
    assert map_tag(raw) == mapped


def test_repair_iob_starts_entities_at_stray_inside_tags() -> None:
    assert repair_iob(["O", "I-PER", "I-PER", "I-LOC", "O"]) == ["O", "B-PER", "I-PER", "B-LOC", "O"]


def test_read_iob_tab_and_space_separated(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(
        "Joko\tPROPN\tB-PERSON\nWidodo PROPN I-PERSON\nke\tO\nJakarta\tB-PLACE\n\n"
        "kpk\tB-IND\nrapat\tB-EVT\n\n\n",
        encoding="utf-8",
    )
    sents = read_iob(f)
    assert sents == [
        [("Joko", "B-PER"), ("Widodo", "I-PER"), ("ke", "O"), ("Jakarta", "B-LOC")],
        [("kpk", "B-ORG"), ("rapat", "O")],
    ]


def test_spans_iob_and_bioes() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")}
    assert spans(["S-LOC", "B-ORG", "E-ORG", "O"]) == {(0, 1, "LOC"), (1, 3, "ORG")}


def test_score_entities_exact_match() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "B-LOC"]]  # PER boundary wrong, one spurious LOC
    s = score_entities(gold, pred)
    assert s["precision"] == pytest.approx(2 / 4)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert s["PER_f1"] == 0.0
    assert s["ORG_f1"] == 1.0
    assert s["LOC_precision"] == 0.5 and s["LOC_recall"] == 1.0
