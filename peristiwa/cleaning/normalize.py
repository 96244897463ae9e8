"""Unicode repair: mojibake re-decoding and normal-form composition.

Character-level replacements (quotes, dashes, NBSP, zero-width) are ordinary `replace` rules in
rules.yaml; only the two steps that need an algorithm rather than a pattern live here.
"""

from __future__ import annotations

import re
import unicodedata

# Candidate mojibake: two or more adjacent non-ASCII characters (a UTF-8 multi-byte sequence always
# decodes to at least two legacy characters).
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def repair_mojibake(text: str, codecs: tuple[str, ...]) -> tuple[str, int, str | None]:
    """Re-decode runs that are UTF-8 bytes mis-decoded with a legacy codec.

    Returns (text, number of runs repaired, first repaired run). A run is only replaced when its bytes
    are valid strict UTF-8, which real accented prose ("Türkiye", "“kata”") never is.
    """
    if text.isascii() or not codecs:
        return text, 0, None
    count = 0
    first: str | None = None

    def fix(m: re.Match[str]) -> str:
        nonlocal count, first
        run = m.group(0)
        for codec in codecs:
            try:
                fixed = run.encode(codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if fixed != run:
                count += 1
                first = first or run
                return fixed
        return run

    return _NON_ASCII_RUN.sub(fix, text), count, first


def normal_form(text: str, form: str) -> tuple[str, bool]:
    """Apply a Unicode normal form; returns (text, changed)."""
    if text.isascii():
        return text, False
    out = unicodedata.normalize(form, text)  # type: ignore[arg-type]
    return out, out != text
