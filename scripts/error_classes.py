"""Sort the misses and false positives of an event diff (`peristiwa eval events --diff FILE`) into the error
classes of issue 10, by fixed rules, and print the counts per class:

    .venv/bin/python scripts/error_classes.py DIFF.csv [MORE.csv ...]

A miss with an IGO side is class 6; a miss whose gold sentence has no mention is class 1 (dictionary
breadth), or 4 (speech acts) when the gold trigger is a reporting verb and the code is 01, 10, 11, 12 or 13;
a miss with only non-asserted mentions in its sentence is class 5; one with a mention sharing a side is
class 2, else 7. False positives: speech acts 4, reciprocal lists 3, negative controls 5, sources from
context, pronouns or anaphors 7, anything else 2. Class 8 (frame embedding) cannot be told apart by these
rules and lands in 1 or 2.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

import polars as pl

IGO = {"UNO", "EUR", "ASN", "NATO", "OIC", "ARL", "GCC", "AFU", "IGO"}
SPEECH_ROOTS = {"01", "10", "11", "12", "13"}
REPORTING = re.compile(
    r"\b(mengatakan|menyatakan|kata|ujar|menyebut|menegaskan|menurut|pernyataan|menilai|memperingatkan|menuturkan)\b",
    re.I,
)
CLASSES = {
    "1": "dictionary breadth", "2": "argument extraction", "3": "dyad over-generation", "4": "speech acts",
    "5": "modality and polarity", "6": "IGO actors", "7": "actor resolution",
}


def _miss_class(row: dict) -> str:
    root = (row["gold_code"] or "").zfill(3)[:2]
    if any(side in IGO for side in (row["gold_dyad"] or "").split("->")):
        return "6"
    in_sentence = (row.get("predicted_in_sentence") or "").strip()
    if not in_sentence:
        return "4" if root in SPEECH_ROOTS and REPORTING.search(row["gold_trigger"] or "") else "1"
    scored = [p for p in in_sentence.split("; ") if "(not scored)" not in p]
    if not scored:
        return "5"
    sides = set((row["gold_dyad"] or "").split("->"))
    return "2" if any(set(p.split(" ")[0].split("->")) & sides for p in scored) else "7"


def _fp_class(row: dict) -> str:
    rule = row["pred_rule"] or ""
    if "speech:" in rule:
        return "4"
    if "reciprocal" in rule and any(k in rule for k in ("list", "conjoined", "both")):
        return "3"
    if row["outcome"] == "nc_fp":
        return "5"
    if any(k in rule for k in ("context", "pronoun", "both", "anaphor", "demonstrative", "speaker")):
        return "7"
    return "2"


def classify(path: str) -> tuple[Counter, Counter]:
    rows = pl.read_csv(path, infer_schema_length=0).iter_rows(named=True)
    misses, fps = Counter(), Counter()
    for row in rows:
        if row["outcome"] == "miss":
            misses[_miss_class(row)] += 1
        elif row["outcome"] in ("fp", "nc_fp"):
            fps[_fp_class(row)] += 1
    return misses, fps


def main() -> None:
    for path in sys.argv[1:]:
        misses, fps = classify(path)
        print(f"{path}\n| class | misses | false positives |\n|---|---|---|")
        for key, name in CLASSES.items():
            print(f"| {key} {name} | {misses[key]} | {fps[key]} |")


if __name__ == "__main__":
    main()
