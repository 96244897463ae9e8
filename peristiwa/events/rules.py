"""The coder's named rules: which pass runs them, which class of errors they answer, what they do.

    python -m peristiwa.events.rules            # a table, pass by pass
    python -m peristiwa.events.rules --markdown # the same as a Markdown table (for the docs)

Switch any of them off with `CoderConfig(disabled=frozenset({...}))` (tests do, one rule at a time).
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence

from .coder import RULES
from .coding.model import STAGES


def rule_table() -> list[tuple[str, str, str, str]]:
    """(stage, name, error class, one-paragraph doc) for every registered rule, in pass order."""
    rows = [(r.stage, r.name, r.error_class, " ".join(r.doc.split())) for r in RULES.values()]
    return sorted(rows, key=lambda r: (STAGES.index(r[0]), r[1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    rows = rule_table()
    if args.markdown:
        print("| pass | rule | error class | what it does |\n|---|---|---|---|")
        for stage, name, cls, doc in rows:
            print(f"| {stage} | `{name}` | {cls} | {doc.replace('|', '/')} |")
        return 0
    for stage, name, cls, doc in rows:
        print(f"{stage:10s} {name:32s} [{cls}]")
        print(textwrap.indent(textwrap.fill(doc, 100), " " * 11))
    print(f"{len(rows)} rules")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
