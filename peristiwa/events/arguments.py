"""Source/target extraction from a UD parse (re-implemented from UniversalPETRARCH's rules, adapted to
Indonesian).

Rules (names are stored in event_mentions.rule):
  nsubj          nsubj of the trigger (or of the light verb / governing verb it is the object of) -> source
  obj/obl        obj, or obl/nmod introduced by terhadap, ke, kepada, dengan, atas, bagi, untuk -> target
  passive        di-VERB ... oleh X: source from the oleh oblique, target from nsubj:pass (or the noun a
                 "yang di-..." relative clause modifies)
  possessor      nominal trigger: nmod/possessor ("Serangan Iran terhadap Israel") or "dari/oleh X" -> source;
                 it beats a subject borrowed from the surrounding clause; for acts whose object belongs to the
                 target ("pengusiran diplomat India") a possessor holding the object noun is the target
  inherit        conj/xcomp/advcl verbs without a subject take their governor's subject
  linear         parse gave nothing: nearest resolved actor left (source) / right (target) within the clause
The parse is noisy (LAS ~0.7), so every rule only proposes; the coder falls back to the linear rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .protocols import MentionLike, SentenceLike, TokenLike

TARGET_CASES = frozenset({"terhadap", "ke", "kepada", "dengan", "atas", "bagi", "untuk", "melawan"})
SOURCE_CASES = frozenset({"oleh", "dari"})
LOCATION_CASES = frozenset({"di", "dalam"})
# Subjects that need resolving from context: speaker pronouns and "both countries".
SPEAKER_PRONOUNS = frozenset(
    {"kami", "kita", "ia", "dia", "beliau", "pihaknya", "saya", "aku", "-nya", "nya"}
)
# First-person subjects (and "pihaknya", "his side") in a quote are the speaker whatever the act.
FIRST_PERSON = frozenset({"kami", "kita", "saya", "aku", "pihaknya"})
BOTH_WORDS = frozenset({"keduanya", "mereka", "bilateral", "sama-sama", "bersama-sama"})
# "kedua" alone is any pair ("kedua pasangan" in sports); "kedua negara/pihak/menteri…" is the state pair.
BOTH_HEADS = frozenset(
    {
        "negara",
        "pihak",
        "pemerintah",
        "menteri",
        "pemimpin",
        "presiden",
        "delegasi",
        "belah",
        "kepala",
        "menlu",
    }
)


def mentions_both(words: Sequence[str]) -> bool:
    """True for "keduanya", "mereka", "kedua negara", "kedua menteri"… in a word sequence (lower case)."""
    return any(w in BOTH_WORDS for w in words) or any(
        a == "kedua" and b in BOTH_HEADS for a, b in zip(words, words[1:], strict=False)
    )


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
)


def _looks_nominal(tok: TokenLike) -> bool:
    """Without a POS tag: pe(N)-...-an / ke-...-an / -an nouns (serangan, kunjungan, pertemuan, invasi)."""
    if tok.upos in ("NOUN", "PROPN"):
        return True
    if tok.upos not in (None, "", "X", "_"):
        return False
    w = tok.text.casefold()
    return w.endswith("an") and not w.startswith(("me", "di", "ber", "ter")) or w.startswith("invasi")


def base_rel(tok: TokenLike) -> str:
    return (tok.deprel or "").split(":")[0]


@dataclass
class SentenceView:
    """Index over one parsed sentence and its resolved actor mentions."""

    sentence: SentenceLike
    mentions: Sequence[MentionLike]
    tokens: list[TokenLike] = field(init=False)
    pos_of: dict[int, int] = field(init=False)  # token id -> list position
    children: dict[int, list[int]] = field(init=False)  # token id -> child positions
    actor_at: dict[int, MentionLike] = field(init=False)  # token position -> actor mention
    venue_at: dict[int, MentionLike] = field(init=False)
    parsed: bool = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = list(self.sentence.tokens)
        self.pos_of = {t.id: i for i, t in enumerate(self.tokens)}
        self.children = {}
        for i, t in enumerate(self.tokens):
            self.children.setdefault(t.head, []).append(i)
        self.actor_at, self.venue_at = {}, {}
        # The actor resolver may give one span several mentions ("kedua negara" -> IRN and PAK).
        self.same_span: dict[tuple[int, int], list[MentionLike]] = {}
        for m in self.mentions:
            if m.role != "venue":
                self.same_span.setdefault((m.start_char, m.end_char), []).append(m)
        for m in self.mentions:
            target = self.venue_at if m.role == "venue" else self.actor_at
            if m.role not in ("actor", "venue") and not (m.iso3 or m.actor_id):
                continue
            for i, t in enumerate(self.tokens):
                if t.start_char < m.end_char and t.end_char > m.start_char:
                    target.setdefault(i, m)
        # A sentence whose every head is 0 (or missing deprels) carries no usable parse.
        self.parsed = any((t.head or 0) > 0 for t in self.tokens) and any(t.deprel for t in self.tokens)

    # -- tree helpers --------------------------------------------------------------------------------
    def kids(self, pos: int, *rels: str) -> list[int]:
        out = self.children.get(self.tokens[pos].id, [])
        return [
            c for c in out if not rels or base_rel(self.tokens[c]) in rels or self.tokens[c].deprel in rels
        ]

    def head_pos(self, pos: int) -> int | None:
        h = self.tokens[pos].head
        return self.pos_of.get(h) if h else None

    def subtree(
        self, pos: int, stop_rels: tuple[str, ...] = ("acl", "ccomp", "advcl", "parataxis")
    ) -> list[int]:
        out, stack = [], [pos]
        while stack:
            p = stack.pop()
            out.append(p)
            for c in self.children.get(self.tokens[p].id, []):
                if base_rel(self.tokens[c]) not in stop_rels:
                    stack.append(c)
        return sorted(out)

    def case_of(self, pos: int) -> str | None:
        """The preposition introducing the phrase headed at pos (UD case child, else the word before it)."""
        for c in self.kids(pos, "case"):
            return self.tokens[c].text.casefold()
        if pos > 0 and self.tokens[pos - 1].text.casefold() in TARGET_CASES | SOURCE_CASES | LOCATION_CASES:
            return self.tokens[pos - 1].text.casefold()
        return None

    def expand(self, ms: Sequence[MentionLike]) -> list[MentionLike]:
        """Each mention plus the other mentions resolved on the same span."""
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
        """Actors of the phrase headed at pos, with its conjuncts ("Iran dan Rusia") but not nested
        clauses."""
        return self.actors_in(self.subtree(pos, ("acl", "ccomp", "advcl", "parataxis", "obl")))

    # -- linear helpers ------------------------------------------------------------------------------
    def linear_window(self, pos: int, direction: int, limit: int = 10) -> list[int]:
        out, j = [], pos + direction
        while 0 <= j < len(self.tokens) and len(out) < limit:
            w = self.tokens[j].text.casefold()
            if w in LINEAR_BREAK or (w == "," and direction < 0 and out):
                break
            out.append(j)
            j += direction
        return out

    def preposition_before(self, pos: int) -> str | None:
        """The nearest preposition before an actor at pos, skipping its own words (for linear case checks)."""
        m = self.actor_at.get(pos)
        j = pos - 1
        while j >= 0 and m is not None and self.actor_at.get(j) is m:
            j -= 1
        # Skip title words glued in front of the name ("Menteri Luar Negeri Iran").
        steps = 0
        while j >= 0 and steps < 4:
            w = self.tokens[j].text.casefold()
            if w in TARGET_CASES | SOURCE_CASES | LOCATION_CASES | {"antara"}:
                return w
            if (
                self.tokens[j].upos in ("VERB", "PUNCT", "ADP", "SCONJ", "CCONJ")
                or not any(ch.isalnum() for ch in w)
                or w.startswith(("me", "ber", "di"))
                and len(w) > 5
            ):
                return None
            j -= 1
            steps += 1
        return None


@dataclass
class Arguments:
    sources: list[MentionLike]
    targets: list[MentionLike]
    rule: str
    both_words: bool = False  # "kedua negara" / "keduanya": resolve the pair from context
    speaker_pronoun: bool = False  # subject is kami/ia/pihaknya: resolve from reported speech
    first_person: bool = False  # subject is kami/kita/saya/pihaknya: the speaker, for any act


def _first_person(v: SentenceView, pos: int) -> bool:
    """kami/kita/saya/pihaknya at pos (the tokenizer may split "pihaknya" into pihak + nya)."""
    w = v.tokens[pos].text.casefold()
    if w in FIRST_PERSON:
        return True
    return w == "pihak" and any(v.tokens[c].text.casefold() in ("nya", "-nya") for c in v.kids(pos))


def _subject_pos(v: SentenceView, pos: int) -> tuple[int | None, bool]:
    """(position of the subject of the clause headed at pos, passive?) climbing conj/xcomp/advcl/obj
    chains."""
    cur: int | None = pos
    for _ in range(6):
        if cur is None:
            return None, False
        for rel in ("nsubj:pass", "nsubj", "csubj"):
            subj = [
                c
                for c in v.kids(cur)
                if v.tokens[c].deprel == rel or (rel == "nsubj" and base_rel(v.tokens[c]) == "nsubj")
            ]
            if subj:
                return subj[0], v.tokens[subj[0]].deprel == "nsubj:pass"
        rel = base_rel(v.tokens[cur])
        if rel in ("conj", "xcomp", "obj", "ccomp", "advcl", "nmod", "compound", "flat") or (
            rel == "obl" and v.tokens[cur].upos == "NOUN"
        ):
            cur = v.head_pos(cur)
            continue
        return None, False
    return None, False


def extract(
    v: SentenceView, pos: int, is_noun: bool, object_words: frozenset[str] = frozenset()
) -> Arguments:
    """Source and target actors of the trigger at position pos. `object_words`: for acts whose object
    belongs to the target (trigger field object_is_target), the required object nouns: a possessor phrase
    holding one is the object of the nominalised act ("pengusiran diplomat India": India's diplomats are
    expelled), so it is a target, not the source."""
    tok = v.tokens[pos]
    sources: list[MentionLike] = []
    targets: list[MentionLike] = []
    rules: list[str] = []
    both = False
    pronoun = False
    first = False
    climbed = False  # the source is the subject of a clause around the trigger, not its own
    passive = tok.text.casefold().startswith("di") and tok.upos == "VERB"
    if v.parsed:
        subj, subj_passive = _subject_pos(v, pos)
        passive = passive or subj_passive
        if subj is not None:
            both = mentions_both(
                [v.tokens[p].text.casefold() for p in v.subtree(subj)]
            ) and not v.phrase_actors(subj)
            pronoun = v.tokens[subj].text.casefold() in SPEAKER_PRONOUNS
            first = _first_person(v, subj)
            subj_actors = v.phrase_actors(subj)
            climbed = bool(subj_actors) and not passive and v.head_pos(subj) != pos
            if passive:
                targets += subj_actors
            else:
                sources += subj_actors
            if subj_actors:
                rules.append("passive" if passive else "nsubj")
        # Dependents of the trigger: objects, prepositional phrases, possessors.
        for c in v.kids(pos):
            rel = base_rel(v.tokens[c])
            if rel in ("punct", "case", "cc", "advmod", "aux", "mark", "det", "nsubj", "csubj"):
                continue
            case = v.case_of(c)
            acts = v.phrase_actors(c)
            if not acts:
                continue
            if case in SOURCE_CASES:
                sources[:0] = acts
                rules.append("passive" if passive else "possessor")
            elif case in TARGET_CASES or rel in ("obj", "iobj"):
                targets += acts
                rules.append("obj/obl")
            elif case in LOCATION_CASES:
                continue
            elif (
                is_noun
                and rel in ("nmod", "compound", "flat", "amod", "appos")
                and object_words
                and {v.tokens[j].text.casefold() for j in v.subtree(c)} & object_words
            ):
                targets += acts
                rules.append("obj/obl")
            elif (
                is_noun
                and rel in ("nmod", "compound", "flat", "amod", "appos")
                and (not sources or (climbed and c in v.actor_at))
                and all(a is not t for a in acts for t in targets)
            ):
                # The possessor of an event noun beats a subject borrowed from the clause around it ("Teheran
                # … membela hak rakyat Yaman untuk melindungi diri dari serangan Arab Saudi"), if it is the
                # actor itself, not a thing the actor owns ("serangan fasilitas minyak milik Saudi").
                if climbed:
                    sources, climbed = [], False
                    rules = [r for r in rules if r != "nsubj"]
                sources += acts
                rules.append("possessor")
            elif rel in ("xcomp", "ccomp"):
                targets += acts[:1]
                rules.append("obj/obl")
        # "yang di-... oleh X": the relative clause modifies its target.
        if passive and base_rel(tok) == "acl" and (h := v.head_pos(pos)) is not None and not targets:
            targets += v.actors_in([h])
    # Linear nominal rule: "Serangan Iran terhadap Israel", "serangan udara Israel": an actor right after a
    # nominal trigger with no preposition in between is its possessor (the source).
    if not sources and (is_noun or _looks_nominal(tok)):
        for j in range(pos + 1, min(len(v.tokens), pos + 3)):
            # A capital right after the noun is a metonym possessor ("serangan Moskow"), even if resolved
            # as a place.
            m = v.actor_at.get(j) or v.venue_at.get(j)
            if m is not None:
                if all(m is not t for t in targets):
                    sources.append(m)
                    # conjoined possessors: "hubungan erat Pakistan dan Iran"
                    k = j + 1
                    while k < len(v.tokens) and (v.actor_at.get(k) or v.venue_at.get(k)) is m:
                        k += 1
                    if (
                        k + 1 < len(v.tokens)
                        and v.tokens[k].text.casefold() in ("dan", "serta")
                        and (m2 := v.actor_at.get(k + 1) or v.venue_at.get(k + 1)) is not None
                    ):
                        sources.append(m2)
                    rules.append("possessor")
                break
            if v.tokens[j].upos in ("ADP", "PUNCT", "VERB") or v.tokens[j].text.casefold() in TARGET_CASES:
                break
    # Linear fallback: nearest actor left for a missing source, right for a missing target.
    if not sources and not pronoun and not both:
        for j in v.linear_window(pos, -1, 15):
            if (
                (m := v.actor_at.get(j)) is not None
                and v.preposition_before(j) not in (TARGET_CASES | LOCATION_CASES)
                and all(m is not t for t in targets)
            ):
                sources.append(m)
                # conjoined sources just before ("Iran dan Pakistan sepakat")
                k = j - 1
                while k >= 0 and v.actor_at.get(k) is m:
                    k -= 1
                if (
                    k >= 1
                    and v.tokens[k].text.casefold() in ("dan", "serta", ",", "maupun")
                    and (m2 := v.actor_at.get(k - 1)) is not None
                    and m2 is not m
                ):
                    sources.insert(0, m2)
                rules.append("linear")
                break
        if not sources:
            near = [v.tokens[j].text.casefold() for j in sorted(v.linear_window(pos, -1, 4))]
            pronoun = bool(set(near) & SPEAKER_PRONOUNS)
            first = bool(set(near) & FIRST_PERSON) or any(
                a == "pihak" and b in ("nya", "-nya") for a, b in zip(near, near[1:], strict=False)
            )
            both = both or mentions_both(near)
    if not targets or not sources:
        for j in v.linear_window(pos, 1, 12):
            m = v.actor_at.get(j)
            if m is None or any(m is s for s in sources) or any(m is t for t in targets):
                continue
            prep = v.preposition_before(j)
            if prep in LOCATION_CASES:
                continue
            if prep in SOURCE_CASES and not sources:
                sources.append(m)
                rules.append("passive" if passive else "possessor")
                continue
            if prep in SOURCE_CASES and prep == "oleh" and not targets:
                # "perundingan … yang diselenggarakan oleh Iran": the agent of a relative clause is the host.
                targets.append(m)
                rules.append("host")
                continue
            if not targets:
                targets.append(m)
                # conjoined targets right after ("ke Cina dan Korea Utara")
                k = j + 1
                while k < len(v.tokens) and v.actor_at.get(k) is m:
                    k += 1
                if (
                    k + 1 < len(v.tokens)
                    and v.tokens[k].text.casefold() in ("dan", "serta", ",")
                    and (m2 := v.actor_at.get(k + 1)) is not None
                    and m2 is not m
                ):
                    targets.append(m2)
                rules.append("linear")
            if sources and targets:
                break
    # Main-clause subject for a nominal trigger with no possessor ("Lavrov berkunjung ke Teheran tidak lama
    # setelah kunjungan ke Cina"): the first actor of the sentence not introduced by a preposition.
    if not sources and not both and not pronoun and (is_noun or _looks_nominal(tok)):
        for j in range(0, pos):
            m = v.actor_at.get(j)
            if m is not None and v.preposition_before(j) is None and all(m is not t for t in targets):
                sources.append(m)
                rules.append("clause-subject")
                break
    rule = "+".join(dict.fromkeys(rules)) or "none"
    return Arguments(v.expand(sources), v.expand(targets), rule, both, pronoun, first)
