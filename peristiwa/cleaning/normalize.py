"""Unicode repair: mojibake re-decoding (with ftfy) and normal-form composition.

Character-level replacements (quotes, dashes, NBSP, zero-width) are ordinary `replace` rules in
rules.yaml; only the two steps that need an algorithm rather than a pattern live here.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Mojibake of U+2000-U+203F (curly quotes, dashes, ellipsis): the UTF-8 bytes E2 80 xx read as cp1252
# give "â€" plus one character for xx. Corpora that were word-tokenised after the damage split that
# character off ("Peopleâ€ ™ s"), and the undefined cp1252 byte 0x9D of a closing quote is often lost
# altogether ("akan.â€ Dia"). ftfy cannot see either, so the sequence is first made whole again.
_CP1252_CONTINUATION = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00a0-\u00bf"
_SPLIT_SEQUENCE = re.compile(f"â€\\s+(?=[{_CP1252_CONTINUATION}])")
_LOST_CLOSING_QUOTE = re.compile(f"â€(?![{_CP1252_CONTINUATION}\\x80-\\x9f])")
_EXCERPT = 40


def _excerpt(text: str, start: int) -> str:
    return text[max(0, start - 10) : start + _EXCERPT]


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Re-decode text that is UTF-8 mis-decoded as cp1252, Latin-1 or MacRoman.

    Returns (text, description of the first repair, or None when nothing changed). ftfy only changes
    text that is very unlikely to be correct, so real accented prose ("Türkiye", "“kata”") is kept.
    """
    if text.isascii():
        return text, None
    whole = _LOST_CLOSING_QUOTE.sub("â€\x9d", _SPLIT_SEQUENCE.sub("â€", text))
    fixed = ftfy.fix_encoding(whole)
    if "\x9d" in fixed and "\x9d" not in text:  # the guessed quote byte did not decode: no guessing
        fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text, None
    first = next((i for i, (a, b) in enumerate(zip(text, fixed, strict=False)) if a != b), 0)
    return fixed, f"{_excerpt(text, first)!r} -> {_excerpt(fixed, first)!r}"


def normal_form(text: str, form: str) -> tuple[str, bool]:
    """Apply a Unicode normal form; returns (text, changed)."""
    if text.isascii():
        return text, False
    out = unicodedata.normalize(form, text)  # type: ignore[arg-type]
    return out, out != text
