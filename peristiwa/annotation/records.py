"""Plain records for annotated sentences: the contract between Stanza (or a hand-built test) and the
resolvers.


Offsets are character offsets into the CLEANED article text (``articles_clean.text``),
never into the raw text,
so ``cleaned_text[token.start_char:token.end_char] == token.text`` holds for every token.


Headline convention: the title is stored apart from the body (``articles_clean.title``), so it gets its own
sentence with ``index = -1``, flag ``'headline'`` and offsets into the title string (not the body).
Consumers that
check offsets against the body must skip ``index < 0``. Body sentences are numbered 0, 1, 2… in text order.
"""

from __future__ import annotations

from dataclasses import dataclass

SENTENCE_FLAGS = frozenset({"headline", "caption", "subheading"})
HEADLINE_INDEX = -1


@dataclass(frozen=True)
class Token:
    id: int  # 1-based position in the sentence (CoNLL-U ID); MWT words are flattened to their token span
    text: str
    lemma: str
    upos: str
    feats: str  # CoNLL-U FEATS string ('' when none)
    head: int  # 0 = root; -1 when no parse is available
    deprel: str  # '' when no parse is available
    ner: str  # BIOES tag, e.g. 'B-PER', 'S-LOC', 'O'
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int  # -1 for the headline, then 0.. in body order
    start_char: int
    end_char: int
    text: str
    tokens: tuple[Token, ...]
    flags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = set(self.flags) - SENTENCE_FLAGS
        if unknown:
            raise ValueError(f"unknown sentence flags {sorted(unknown)}; allowed {sorted(SENTENCE_FLAGS)}")

    @property
    def is_headline(self) -> bool:
        return "headline" in self.flags

    @property
    def is_parsed(self) -> bool:
        """Whether the sentence has POS, lemmas and a dependency parse (selective parsing leaves sentences
        that cannot yield an event with tokens and NER only: no lemma, UPOS or head)."""
        return any(t.head >= 0 for t in self.tokens)
