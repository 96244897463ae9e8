"""CAMEO reference table (codes, Goldstein, QuadClass, PLOVER) loaded from data/cameo_event_codes.csv.

Convention: Goldstein and QuadClass follow GDELT (`goldstein_gdelt`, `quad_class_gdelt`), because the seed
gold and GDELT comparisons use them. See data/CAMEO_SOURCE.md for provenance and licences.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

CAMEO_CSV = Path(__file__).parent / "data" / "cameo_event_codes.csv"
GOLDSTEIN_CONVENTION = "gdelt"
QUAD_CONVENTION = "gdelt"


class CameoError(ValueError):
    """The CAMEO table is malformed or a code is unknown."""


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_category: str | None


class CameoTable:
    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self.codes = codes

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise CameoError(f"unknown CAMEO code {code!r} (codes are strings with leading zeros)") from None

    @property
    def roots(self) -> list[str]:
        return sorted({c.root for c in self.codes.values()})


def load_cameo(path: Path | None = None) -> CameoTable:
    path = path or CAMEO_CSV
    codes: dict[str, CameoCode] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            if not (row.get(f"goldstein_{GOLDSTEIN_CONVENTION}") or "").strip():
                # ICEWS-only codes (1213) have no GDELT weight: the coder never emits them.
                continue
            try:
                code = row["cameo_code"].strip()
                codes[code] = CameoCode(
                    code=code,
                    root=row["root_code"].strip(),
                    name=row["name"].strip(),
                    goldstein=float(row[f"goldstein_{GOLDSTEIN_CONVENTION}"]),
                    quad_class=int(row[f"quad_class_{QUAD_CONVENTION}"]),
                    plover_category=(row.get("plover_category") or "").strip() or None,
                )
            except (KeyError, ValueError, AttributeError) as exc:
                raise CameoError(f"{path}:{i}: bad row ({exc})") from exc
    if not codes:
        raise CameoError(f"{path}: no codes")
    return CameoTable(codes)
