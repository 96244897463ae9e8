"""Generate data/iso3166.csv (ISO 3166-1 alpha-2, alpha-3, numeric, English name) once; the output is
committed.

Run: ``PYTHONPATH=<dir with pycountry> python -m peristiwa.actors.build_iso``. pycountry is only a build-time
tool (it is not a runtime dependency): babel gives Indonesian names keyed by alpha-2 but no alpha-3 codes,
so the alpha-2 -> alpha-3 table comes from pycountry's copy of the ISO 3166-1 list.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).parent / "data" / "iso3166.csv"


def main() -> None:
    import pycountry  # noqa: PLC0415 - build-time only

    rows = sorted(
        (c.alpha_2, c.alpha_3, c.numeric, c.name)
        for c in pycountry.countries  # type: ignore[attr-defined]
    )
    with OUT.open("w", newline="", encoding="utf-8") as f:
        f.write(
            f"# ISO 3166-1 from pycountry {getattr(pycountry, '__version__', '')}"
            " via peristiwa/actors/build_iso.py; do not edit by hand\n"
        )
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alpha2", "alpha3", "numeric", "name_en"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
