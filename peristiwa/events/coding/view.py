"""An index over one parsed sentence and its resolved actor mentions: the tree, the actors by token, and the
linear helpers every pass falls back on when the parse is wrong (LAS is about 0.7)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..protocols import MentionLike, SentenceLike, TokenLike

TARGET_CASES = frozenset({"terhadap", "ke", "kepada", "dengan", "atas", "bagi", "untuk", "melawan", "pada"})
SOURCE_CASES = frozenset({"oleh", "dari"})
LOCATION_CASES = frozenset({"di", "dalam"})
NON_AGENT_CASES = TARGET_CASES | LOCATION_CASES
# Inside a noun phrase these introduce where an official serves or where something is, not a participant.
POSTING_CASES = frozenset({"untuk", "di", "bagi"})
# Inside a subject these introduce whom the subject's act was aimed at ("Sanksi terhadap Iran membuat ...",
# "Serangan pada fasilitas minyak Saudi mendorong ..."): no part of who acts. ("bersama dengan X" is.)
COUNTERPART_CASES = frozenset({"terhadap", "ke", "kepada", "atas", "melawan", "pada"})
SETTING_CASES = frozenset({"dalam", "di"})
# A relative "where" ("dimana", "di mana") opens a clause with parties of its own: "operasi militer di
# Hodeidah, dimana Amerika Serikat ... membangun sebuah koalisi" (about 775 ", dimana/di mana <Name>" in the
# shared corpora)
WHERE_RELATIVES = frozenset({"dimana", "mana"})
# Where a clause ends for the linear helpers.
LINEAR_BREAK = frozenset(
    {
        ";",
        ":",
        "“",
        "”",
        '"',
        "bahwa",
        "karena",
        "sehingga",
        "namun",
        "tetapi",
        "tapi",
        "sedangkan",
        "padahal",
        "ketika",
        "sementara",
        "setelah",
        "sebelum",
        "yang",
    }
) | WHERE_RELATIVES
CLAUSE_END = frozenset(
    {";", ":", "“", "”", '"', ".", "!", "?", "namun", "tetapi", "sedangkan", "bahwa", "sehingga"}
)
TERMINAL = frozenset({".", "!", "?"})
# "tidak hanya mengecam ... tetapi juga ...", "tak sekadar bertemu": after a negator, "not only"; the act is
# asserted. 876 "tidak/tak + hanya/cuma/sekadar + verb" in the shared corpora; 10 of 10 random ones assert the
# verb. Both negation checks (modality.negated, frames' speech-act cues) use it.
NOT_ONLY = frozenset({"hanya", "cuma", "sekadar", "semata", "semata-mata"})


def low(s: str | None) -> str:
    return (s or "").casefold()


def base_rel(tok: TokenLike) -> str:
    return (tok.deprel or "").split(":")[0]


@dataclass
class SentenceView:
    """Tokens, tree and actors of one sentence. `actor_at` maps a token position to the actor mention covering
    it, `venue_at` to the place mention (a venue is never an argument unless a rule says so)."""

    sentence: SentenceLike
    mentions: Sequence[MentionLike]
    tokens: list[TokenLike] = field(init=False)
    texts: list[str] = field(init=False)  # lower-cased token texts
    lemmas: list[str] = field(init=False)
    pos_of: dict[int, int] = field(init=False)
    children: dict[int, list[int]] = field(init=False)
    actor_at: dict[int, MentionLike] = field(init=False)
    venue_at: dict[int, MentionLike] = field(init=False)
    same_span: dict[tuple[int, int], list[MentionLike]] = field(init=False)
    parsed: bool = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = list(self.sentence.tokens)
        self.texts = [low(t.text) for t in self.tokens]
        self.lemmas = [low(t.lemma) for t in self.tokens]
        self.pos_of = {t.id: i for i, t in enumerate(self.tokens)}
        self.children = {}
        for i, t in enumerate(self.tokens):
            self.children.setdefault(t.head, []).append(i)
        self.actor_at, self.venue_at, self.same_span = {}, {}, {}
        for m in self.mentions:
            if m.role != "venue":
                self.same_span.setdefault((m.start_char, m.end_char), []).append(m)
        for m in self.mentions:
            if m.role not in ("actor", "venue") and not (m.iso3 or m.actor_id):
                continue
            index = self.venue_at if m.role == "venue" else self.actor_at
            for i, t in enumerate(self.tokens):
                if t.start_char < m.end_char and t.end_char > m.start_char:
                    index.setdefault(i, m)
        # A sentence whose every head is 0 (or without deprels) carries no usable parse.
        self.parsed = any((t.head or 0) > 0 for t in self.tokens) and any(t.deprel for t in self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    # -- tree ----------------------------------------------------------------------------------------------
    def kids(self, pos: int, *rels: str) -> list[int]:
        out = self.children.get(self.tokens[pos].id, [])
        return [
            c for c in out if not rels or base_rel(self.tokens[c]) in rels or self.tokens[c].deprel in rels
        ]

    def head_pos(self, pos: int) -> int | None:
        h = self.tokens[pos].head
        return self.pos_of.get(h) if h else None

    def rel(self, pos: int) -> str:
        return base_rel(self.tokens[pos])

    def ancestors(self, pos: int, limit: int = 8) -> list[int]:
        out, cur = [], self.head_pos(pos)
        while cur is not None and len(out) < limit and cur not in out:
            out.append(cur)
            cur = self.head_pos(cur)
        return out

    def subtree(
        self, pos: int, stop_rels: tuple[str, ...] = ("acl", "ccomp", "advcl", "parataxis")
    ) -> list[int]:
        out, stack, seen = [], [pos], {pos}
        while stack:
            p = stack.pop()
            out.append(p)
            for c in self.children.get(self.tokens[p].id, []):
                if c not in seen and base_rel(self.tokens[c]) not in stop_rels:
                    seen.add(c)
                    stack.append(c)
        return sorted(out)

    def case_of(self, pos: int) -> str | None:
        """The preposition introducing the phrase headed at pos (UD case child, else the word before it)."""
        for c in self.kids(pos, "case"):
            return self.texts[c]
        if pos > 0 and self.texts[pos - 1] in TARGET_CASES | SOURCE_CASES | LOCATION_CASES:
            return self.texts[pos - 1]
        return None

    # -- actors --------------------------------------------------------------------------------------------
    def expand(self, ms: Sequence[MentionLike]) -> list[MentionLike]:
        """Each mention plus the other mentions resolved on the same span ("kedua negara" -> two states)."""
        out: list[MentionLike] = []
        for m in ms:
            for x in self.same_span.get((m.start_char, m.end_char), [m]):
                if all(x is not o for o in out):
                    out.append(x)
        return out

    def actors_in(self, positions: Sequence[int]) -> list[MentionLike]:
        seen: list[MentionLike] = []
        for p in positions:
            m = self.actor_at.get(p)
            if m is not None and all(m is not s for s in seen):
                seen.append(m)
        return seen

    def phrase_actors(self, pos: int) -> list[MentionLike]:
        """Actors of the phrase headed at pos with its conjuncts ("Iran dan Rusia"), not nested clauses and
        not a posting or place inside it ("Dubes Korut untuk PBB": PBB is where the ambassador serves)."""
        inside = self.subtree(pos, ("acl", "ccomp", "advcl", "parataxis", "obl"))
        out = []
        for p in inside:
            if p != pos and self.rel(p) == "nmod" and self.case_of(p) in POSTING_CASES:
                continue
            if any(
                q != pos and q in inside and self.rel(q) == "nmod" and self.case_of(q) in POSTING_CASES
                for q in self.ancestors(p, 4)
                if q != pos
            ):
                continue
            out.append(p)
        return self.actors_in(out)

    def subject_actors(self, pos: int) -> list[MentionLike]:
        """Actors of the subject phrase headed at pos, without those its head noun is aimed at ("Sanksi
        terhadap Iran") or set in ("Sekutu Iran dalam perang saudara Yaman", "pasukan AS di Suriah")."""
        aimed_at = {
            q
            for p in self.subtree(pos)
            if p != pos and self.rel(p) == "nmod" and self.case_of(p) in COUNTERPART_CASES | SETTING_CASES
            for q in self.subtree(p)
        }
        acts = self.phrase_actors(pos)
        return [m for m in acts if not aimed_at.issuperset(self._positions(m))]

    def _positions(self, m: MentionLike) -> set[int]:
        return {i for i, a in self.actor_at.items() if a is m} or {-1}

    def actor_span(self, m: MentionLike) -> tuple[int, int]:
        """Token positions [first, last] covered by an actor mention."""
        pos = [i for i, a in self.actor_at.items() if a is m] or [
            i for i, a in self.venue_at.items() if a is m
        ]
        return (min(pos), max(pos)) if pos else (-1, -1)

    # -- linear --------------------------------------------------------------------------------------------
    def linear_window(self, pos: int, direction: int, limit: int = 10) -> list[int]:
        out, j = [], pos + direction
        while 0 <= j < len(self.tokens) and len(out) < limit:
            w = self.texts[j]
            if w in LINEAR_BREAK or (w == "," and direction < 0 and out):
                break
            out.append(j)
            j += direction
        return out

    def clause_words(self, start: int, end: int, window: int, before: bool = False) -> set[str]:
        """Words (texts and lemmas) within `window` tokens after `end` (or before `start`), up to a clause
        end."""
        words: set[str] = set()
        rng = (
            range(start - 1, max(-1, start - 1 - window), -1)
            if before
            else range(end, min(len(self), end + window))
        )
        for j in rng:
            if self.texts[j] in CLAUSE_END:
                break
            words.add(self.texts[j])
            words.add(self.lemmas[j])
        return words

    def preposition_before(self, pos: int) -> str | None:
        """The nearest preposition before the actor at pos, skipping its own words and title words glued in
        front of the name ("kepada Menteri Luar Negeri Iran")."""
        m = self.actor_at.get(pos) or self.venue_at.get(pos)
        j = pos - 1
        while j >= 0 and m is not None and (self.actor_at.get(j) is m or self.venue_at.get(j) is m):
            j -= 1
        steps = 0
        while j >= 0 and steps < 4:
            w = self.texts[j]
            if w in TARGET_CASES | SOURCE_CASES | LOCATION_CASES | {"antara"}:
                return w
            if (
                self.tokens[j].upos in ("VERB", "PUNCT", "ADP", "SCONJ", "CCONJ")
                or not any(ch.isalnum() for ch in w)
                or (w.startswith(("me", "ber", "di")) and len(w) > 5)
            ):
                return None
            j -= 1
            steps += 1
        return None

    def text_between(self, a_end: int, b_start: int) -> str:
        """The sentence text between token a_end-1 and token b_start."""
        base = self.sentence.start_char
        return self.sentence.text[
            self.tokens[a_end - 1].end_char - base : self.tokens[b_start].start_char - base
        ]
