"""What flows through the coder's passes, and the registry of named rules.

A sentence is coded by a pipeline of passes (pipeline.py): triggers -> frames -> arguments -> actors -> pairs
-> modality -> code. Each pass is a sequence of small named rules. A rule fires on a `Candidate` (one trigger
occurrence) and records its name in `Candidate.rules`, which ends up in `event_mentions.rule`, so every coded
dyad says which rules made it. Any rule can be switched off with `CoderConfig(disabled=...)`, which is how a
rule is tested on its own and how its worth is measured on the gold sets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..dictionary import Trigger, TriggerDictionary
from ..protocols import MentionLike, SentenceLike
from .view import SentenceView

# Modalities counted in aggregates (negated, hypothetical, reported, future and generic are kept, not
# counted).
COUNTED_MODALITIES = frozenset({"asserted", "historical", "intent"})
# Passes in the order they run.
STAGES = ("triggers", "frames", "arguments", "actors", "pairs", "modality", "code")
# The error classes of issue 10, so that a rule says which class of cases justifies it.
ERROR_CLASSES = (
    "breadth",
    "arguments",
    "dyads",
    "speech_acts",
    "modality",
    "igo",
    "actors",
    "frames",
    "core",
)


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    error_class: str
    doc: str
    fn: Callable[..., Any]


RULES: dict[str, Rule] = {}


def rule(name: str, stage: str, error_class: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a rule function under `name` (its docstring is its documentation)."""
    if stage not in STAGES or error_class not in ERROR_CLASSES:
        raise ValueError(f"rule {name}: unknown stage {stage!r} or error class {error_class!r}")

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        if name in RULES:
            raise ValueError(f"rule {name} registered twice")
        RULES[name] = Rule(name, stage, error_class, (fn.__doc__ or "").strip(), fn)
        return fn

    return register


def switch(name: str, stage: str, error_class: str, doc: str) -> str:
    """Register a rule that is a condition other code consults (`state.on(name)`) rather than a function."""
    rule(name, stage, error_class)(_Switch(doc))
    return name


class _Switch:
    def __init__(self, doc: str) -> None:
        self.__doc__ = doc

    def __call__(self, *_: Any) -> None:
        raise TypeError("a switch rule is consulted with state.on(name), not called")


@dataclass(frozen=True)
class CoderConfig:
    """Coder switches. `disabled`: names of rules that do not run (see `RULES`); `max_dyads`: the most
    directed dyads one trigger may give (a list of 5,000 countries must not explode into millions of
    pairs)."""

    disabled: frozenset[str] = frozenset()
    max_dyads: int = 12

    def __post_init__(self) -> None:
        if unknown := set(self.disabled) - set(RULES):
            raise ValueError(f"unknown coder rule(s) {sorted(unknown)}; known: {sorted(RULES)}")

    def on(self, name: str) -> bool:
        return name not in self.disabled


@dataclass(frozen=True, eq=False)
class NonActor:
    """A participant the text names that is no resolved actor ("milisi yang didukung Iran", "kelompok HAM
    menuduh ..."): it fills its side so that no rule borrows a state from elsewhere, and makes the dyad a
    non-state one (kept, never counted)."""

    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str
    ner_type: str | None = None
    iso3: str | None = ""
    sector: str | None = ""
    actor_id: str | None = ""
    actor_kind: str | None = "nonactor"
    role: str = "actor"


@dataclass(eq=False)
class Candidate:
    """One trigger occurrence on its way to event mentions."""

    trigger: Trigger
    start: int  # token positions [start, end)
    end: int
    head: int  # the token whose arguments and modality are read
    category: str  # active | passive | noun | bare (the matched word form)
    code: str
    symmetric: bool
    governor: int | None = None  # light verb / existential / receiving verb the noun is the object of
    antecedent: Candidate | None = None  # earlier trigger of the same entry whose object this one elides
    sources: list[MentionLike] = field(default_factory=list)
    targets: list[MentionLike] = field(default_factory=list)
    closed: bool = False  # "antara A dan B": the participant set is complete; context adds nobody
    speaker: MentionLike | None = None  # who reports the act (reported speech)
    both: bool = False  # subject is "kedua negara" / "keduanya" / "mereka"
    pronoun: str | None = None  # unresolved pronoun subject (ia, dia, kami, pihaknya, negaranya, ...)
    embedded_in: Candidate | None = None  # the verbal frame whose complement this act is
    threat_code: str | None = None  # a promised harm: the threat code it becomes once it has a target
    claimed: bool = False  # content of an accusation or denial: not an act the source is said to do
    modality: str = "asserted"
    referent_modality: str | None = None  # an anaphoric re-mention: the modality of the act it re-mentions
    polarity: str = "positive"
    extra_codes: list[str] = field(default_factory=list)  # further codes on the same dyads (conjoined aims)
    host: MentionLike | None = None  # the host of a gathering ("dihadiri oleh X": X visits the host)
    dyads: list[tuple[MentionLike, MentionLike, str]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    dropped: str | None = None  # name of the rule that dropped the candidate

    def fired(self, name: str) -> None:
        if name not in self.rules:
            self.rules.append(name)

    def drop(self, name: str) -> None:
        self.dropped = self.dropped or name
        self.fired(name)

    @property
    def is_noun(self) -> bool:
        return self.category == "noun"

    @property
    def passive(self) -> bool:
        return self.category == "passive"


@dataclass
class ArticleContext:
    """What the passes carry across sentences of one article."""

    published: dt.date | None
    recent: list[MentionLike] = field(default_factory=list)  # actor mentions in text order
    speaker: MentionLike | None = None  # the last speaker (for "ujarnya", quotes over several sentences)
    in_quote: bool = False  # an opening quote mark is not yet closed
    last_by_root: dict[str, list[tuple[MentionLike, MentionLike]]] = field(default_factory=dict)
    last_source: MentionLike | None = None
    history: list[tuple[int, str, MentionLike, MentionLike, str]] = field(default_factory=list)
    quote_speakers: dict[int, MentionLike] = field(default_factory=dict)  # sentence index -> quote's speaker
    previous: list[MentionLike] = field(default_factory=list)  # the previous sentence's actors, in text order
    sentences_actors: list[tuple[int, list[MentionLike]]] = field(default_factory=list)  # (index, actors)
    places: list[MentionLike] = field(default_factory=list)  # venue mentions with a country, in text order
    # the first person named in the last sentence that names one, state official or not (NER persons too)
    last_person: MentionLike | None = None

    def pair(self) -> list[MentionLike]:
        """The article's main dyad so far: the two most frequent states among actor mentions (ties: the most
        recent). News stories are about one pair, which beats "the last two names" for "kedua negara"."""
        counts: dict[str, int] = {}
        last: dict[str, tuple[int, MentionLike]] = {}
        for i, m in enumerate(self.recent):
            if m.iso3:
                counts[m.iso3] = counts.get(m.iso3, 0) + 1
                last[m.iso3] = (i, m)
        top = sorted(counts, key=lambda k: (-counts[k], -last[k][0]))[:2]
        return [last[k][1] for k in top] if len(top) == 2 else []

    def last_two_persons(self, index: int, window: int = 3) -> list[MentionLike]:
        """The two officials of different states a recent sentence named together ("Presiden China Xi Jinping
        mengatakan kepada Presiden Korea Selatan Moon ..." -> "Keduanya bertemu ...")."""
        for k, actors in reversed(self.sentences_actors):
            if index - k > window:
                break
            persons = {m.iso3: m for m in actors if m.actor_kind == "person" and m.iso3}
            if len(persons) == 2:
                return list(persons.values())
        return []

    def last_actor(self, accept: Callable[[MentionLike], bool]) -> MentionLike | None:
        for m in reversed(self.recent):
            if accept(m):
                return m
        return None


@dataclass
class SentenceState:
    """One sentence under coding: its view, its candidates and the article around it."""

    view: SentenceView
    sentence: SentenceLike
    dictionary: TriggerDictionary
    config: CoderConfig
    ctx: ArticleContext
    candidates: list[Candidate] = field(default_factory=list)
    all_candidates: list[Candidate] = field(default_factory=list)  # including dropped ones (frames need them)
    speaker: MentionLike | None = None

    def live(self) -> list[Candidate]:
        return [c for c in self.candidates if c.dropped is None]

    def on(self, name: str) -> bool:
        return self.config.on(name)


def run_rules(names: Iterable[str], cand: Candidate, state: SentenceState) -> None:
    """Run the enabled rules `names` on one candidate, in order (each rule decides whether it applies)."""
    for name in names:
        if cand.dropped is not None:
            return
        if state.on(name):
            RULES[name].fn(cand, state)
