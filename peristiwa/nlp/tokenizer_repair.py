"""Repairs to the bundled tokenizer's output, run as Stanza's ``tokenize_postprocessor``.

Stanza calls the post-processor with the draft sentences as lists of words (``str``, or ``(str, True)`` for a
token the tokenizer wants the MWT model to split) and rebuilds offsets from what it returns. Joining two lists
joins two sentences; returning a plain ``str`` keeps a token one word. The lists are data
(``data/tokenizer_repairs.yaml``, schema there).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

REPAIRS_FILE = Path(__file__).parent / "data" / "tokenizer_repairs.yaml"

Word = str | tuple[str, bool]

# The text Stanza is tokenizing, when the caller says (see ``tokenizing``). Stanza hands the post-processor
# words only; with the text, a join never crosses a line break, or a document boundary when several
# documents go through one bulk call (Stanza joins them with blank lines).
_TEXT: ContextVar[str | None] = ContextVar("peristiwa_tokenizing_text", default=None)


@contextmanager
def tokenizing(text: str) -> Iterator[None]:
    """Tell the repair which text the tokenizer is about to see."""
    token = _TEXT.set(text)
    try:
        yield
    finally:
        _TEXT.reset(token)


def _text(word: Word) -> str:
    return word[0] if isinstance(word, tuple) else word


def _line_break_before(sentences: list[list[Word]], text: str) -> list[bool] | None:
    """Per sentence, whether a line break separates it from the one before; None if the words cannot be
    found in ``text`` in order (then nothing is joined)."""
    out: list[bool] = []
    cursor, prev_end = 0, None
    for sent in sentences:
        start = None
        for word in sent:
            at = text.find(_text(word), cursor)
            if at < 0:
                return None
            start = at if start is None else start
            cursor = at + len(_text(word))
        out.append(start is not None and prev_end is not None and "\n" in text[prev_end:start])
        prev_end = cursor
    return out


@dataclass(frozen=True)
class TokenizerRepair:
    """Joins a sentence ending in a title abbreviation to the next; keeps lexical words from being split."""

    before_name: frozenset[str]
    initials: bool = True
    clitics: tuple[str, ...] = ()
    lexicalised: frozenset[str] = frozenset()
    version: str = ""

    @classmethod
    def from_file(cls, path: Path = REPAIRS_FILE) -> TokenizerRepair:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("before_name"), list):
            raise ValueError(f"{path}: expected a mapping with a 'before_name' list (schema at the top of "
                             f"{REPAIRS_FILE.name})")
        return cls(
            before_name=frozenset(str(a) for a in data["before_name"]),
            initials=bool(data.get("initials", True)),
            clitics=tuple(str(c).lower() for c in data.get("clitics") or ()),
            lexicalised=frozenset(
                str(w).lower() for key in ("lexicalised_nya", "lexicalised") for w in data.get(key) or ()
            ),
            version=str(data.get("version", "")),
        )

    def _abbreviation(self, stem: str, previous: str | None) -> bool:
        if stem in self.before_name:
            return True
        return (self.initials and len(stem) == 1 and stem.isupper() and previous is not None
                and previous[:1].isupper())

    def ends_in_abbreviation(self, words: list[str]) -> bool:
        """True when the sentence's last word(s) are a known abbreviation and its full stop."""
        if not words:
            return False
        last = words[-1]
        if last == "." and len(words) >= 2:
            return self._abbreviation(words[-2], words[-3] if len(words) >= 3 else None)
        if last.endswith(".") and len(last) > 1:
            return self._abbreviation(last[:-1], words[-2] if len(words) >= 2 else None)
        return False

    def splittable(self, token: str) -> bool:
        """Whether a token the tokenizer marked multi-word may really be word + clitic."""
        low = token.lower()
        if low in self.lexicalised or low.rsplit("-", 1)[-1] in self.lexicalised:
            return False
        return not self.clitics or any(low.endswith(c) and len(low) > len(c) for c in self.clitics)

    def _word(self, word: Word) -> Word:
        if isinstance(word, tuple) and word[1] is True and not self.splittable(word[0]):
            return word[0]
        return word

    def __call__(self, sentences: Iterable[list[Word]]) -> list[list[Word]]:
        sentences = list(sentences)
        text = _TEXT.get()
        breaks = _line_break_before(sentences, text) if text is not None else [False] * len(sentences)
        out: list[list[Word]] = []
        carry = False
        for i, sent in enumerate(sentences):
            words = [self._word(w) for w in sent]
            if carry and out and breaks is not None and not breaks[i]:
                out[-1] = out[-1] + words
            else:
                out.append(words)
            carry = self.ends_in_abbreviation([_text(w) for w in out[-1]])
        return out


@cache
def default_repair() -> TokenizerRepair:
    return TokenizerRepair.from_file()
