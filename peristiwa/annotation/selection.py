"""Selective parsing: which sentences of an article need POS, lemmas and a dependency parse.

Every sentence keeps its tokens and NER tags (entity mentions stay complete); the parse, about three
quarters of Stanza's time, only goes where an event mention can come from. The coder needs an event cue in
the sentence (``parse_cues``: a trigger word or phrase of the dictionary, in form or lemma, a speech-act cue
such as "disinformasi" or "tidak berdasar", an obligation or wish word), and actors in the sentence or from
context (a recent actor, "kedua negara", "ia", a bare title). A light or reporting verb alone is no event
cue. So a sentence is parsed when it holds an event cue and an actor candidate (a gazetteer name of a state,
capital, organ, IGO or office holder), an anaphora cue, or an actor candidate within ``window`` sentences
before it; the sentences those actors come from are parsed too, so the parse that decides their role is the
same as under a full parse. A sentence with a reporting verb and an actor candidate is parsed as well: it
names the speaker later sentences' "katanya" and "ia" go back to. An article with no foreign state or IGO
candidate at all is not parsed.

Lemmas are not known before the parse, so a word counts as a cue when its form, or one of the stems a
conservative affix stripper proposes for it, is a cue word (``dikunjungi`` -> ``kunjung``); proposing too many
stems only parses a sentence more.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from peristiwa.annotation.records import Sentence
from peristiwa.events.coding.speech import QUOTE_MARKS

# Bump when the selection rules change: it is part of every selectively annotated article's signature.
SELECTION_VERSION = "3"
PARSE_SCOPES = ("selective", "all")
HOME_ISO3 = "IDN"

# Words that refer to an actor named elsewhere (pronouns, "his side", "both"); "kedua negara" and the other
# both-states phrases come from the actor knowledge (rules.yaml: both_states), titles from titles.yaml.
ANAPHORA_WORDS = frozenset({"ia", "dia", "beliau", "mereka", "pihaknya", "keduanya", "kami", "kita",
                            "negaranya", "pemerintahnya", "sang"})
_VOWELS = frozenset("aiueo")
# Inflectional and derivational suffixes, longest first; particles and possessive clitics come off first.
_PARTICLES = ("nya", "lah", "kah", "pun", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
# Prefix -> what the stem may start with after it (nasal assimilation: menyerang -> serang, memukul -> pukul,
# menembak -> tembak, mengirim -> kirim / kirim, mengadakan -> adakan).
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)), ("diper", ("",)), ("menge", ("",)), ("penge", ("",)),
    ("meng", ("", "k")), ("meny", ("s",)), ("mem", ("", "p")), ("men", ("", "t")), ("me", ("",)),
    ("peng", ("", "k")), ("peny", ("s",)), ("pem", ("", "p")), ("pen", ("", "t")), ("per", ("",)),
    ("pe", ("",)), ("ber", ("",)), ("be", ("",)), ("ter", ("",)), ("te", ("",)), ("di", ("",)),
    ("ke", ("",)), ("se", ("",)),
)


def _strip_prefixes(word: str, depth: int = 2) -> set[str]:
    out = {word}
    if depth == 0:
        return out
    for prefix, restores in _PREFIXES:
        if not word.startswith(prefix) or len(word) - len(prefix) < 3:
            continue
        rest = word[len(prefix):]
        for restore in restores:
            if restore and rest[0] not in _VOWELS:
                continue
            out |= _strip_prefixes(restore + rest, depth - 1)
    return out


@lru_cache(maxsize=200_000)
def stems(word: str) -> frozenset[str]:
    """The word (lower-cased) and every stem the affix stripper proposes for it."""
    word = word.casefold()
    if "-" in word.strip("-"):  # reduplication (serangan-serangan) and compounds: the first part too
        return frozenset(_stems(word) | _stems(word.strip("-").split("-", 1)[0]))
    return frozenset(_stems(word))


def _stems(word: str) -> set[str]:
    bases = {word}
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 3:
            bases.add(word[: -len(particle)])
    for base in list(bases):
        for suffix in _SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                bases.add(base[: -len(suffix)])
    out: set[str] = set()
    for base in bases:
        out |= _strip_prefixes(base)
    return out


def has_cue(
    sentence: Sentence, cue_words: frozenset[str], cue_phrases: frozenset[tuple[str, ...]] = frozenset()
) -> bool:
    """A cue word (in form or affix-stripped stem) or a whole cue phrase (surface forms; quotation marks are
    skipped, as the speech-act matcher skips them) in the sentence."""
    if any(not stems(t.text).isdisjoint(cue_words) for t in sentence.tokens):
        return True
    words = [t.text.casefold() for t in sentence.tokens if t.text not in QUOTE_MARKS]
    for phrase in cue_phrases:
        n = len(phrase)
        if phrase[0] in words and any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1)):
            return True
    return False


@dataclass(frozen=True)
class ActorCandidate:
    """A place in an article where an actor may be named: its sentence, and whether it may be foreign (another
    state than ``home_iso3``, an IGO, a person holding a foreign office)."""

    sentence_index: int
    foreign: bool


def _anaphora(sentence: Sentence, phrases: frozenset[tuple[str, ...]], titles: frozenset[str]) -> bool:
    words = [t.text.casefold() for t in sentence.tokens]
    if any(w in ANAPHORA_WORDS or w in titles for w in words):
        return True
    for phrase in phrases:
        n = len(phrase)
        if any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1)):
            return True
    return False


@dataclass(frozen=True)
class ParseSelector:
    """Chooses the sentences to parse. ``both_states`` and ``titles`` are the anaphora cues taken from the
    actor knowledge; ``resolve`` turns an article's (unparsed) sentences into entity mentions."""

    cue_words: frozenset[str]
    both_states: frozenset[tuple[str, ...]]
    titles: frozenset[str]
    window: int = 1
    cue_phrases: frozenset[tuple[str, ...]] = frozenset()
    home_iso3: str = HOME_ISO3
    scanner: ActorScanner | None = None
    # reporting verbs: a sentence with one and an actor names the speaker whom later sentences' "katanya",
    # "ia" and quotes go back to, so it is parsed even when it holds no event cue
    speaker_cues: frozenset[str] = frozenset()

    def select(self, sentences: Sequence[Sentence], candidates: Iterable[ActorCandidate]) -> frozenset[int]:
        """Indexes (``Sentence.index``, headline -1 included) of the sentences to parse."""
        candidates = list(candidates)
        if not any(c.foreign for c in candidates):
            return frozenset()
        ordered = sorted(sentences, key=lambda s: s.index)
        position = {s.index: i for i, s in enumerate(ordered)}
        with_actor = {position[c.sentence_index] for c in candidates if c.sentence_index in position}
        chosen: set[int] = set()
        for i, sentence in enumerate(ordered):
            if not has_cue(sentence, self.cue_words, self.cue_phrases):
                if i in with_actor and has_cue(sentence, self.speaker_cues):
                    chosen.add(i)
                continue
            context = {j for j in range(max(0, i - self.window), i) if j in with_actor}
            if i in with_actor or context or _anaphora(sentence, self.both_states, self.titles):
                chosen.add(i)
                chosen |= context
        return frozenset(ordered[i].index for i in chosen)


@dataclass(frozen=True)
class ActorScanner:
    """Actor candidates straight from the gazetteer, cheaply: every n-gram of a sentence's (normalised) tokens
    looked up once. It finds what the resolver could make a state, IGO or person of, but applies none of its
    other rules (venue prepositions, dates of office, coreference): more candidates than it, never fewer."""

    keys: dict[tuple[str, ...], bool]  # n-gram that may name an actor -> whether it may be a foreign one
    max_len: int
    norm: Callable[[str], str]
    # Count any NER entity as an actor candidate too. Off: on 400 IndoSum articles it raised the parsed share
    # of tokens from 28% to 43% and found no event mention more (benchmarks/parse_scope.py, the report).
    ner_actors: bool = False

    def candidates(self, sentences: Sequence[Sentence]) -> list[ActorCandidate]:
        out = []
        for sentence in sentences:
            words: list[str] = []
            capital: list[bool] = []  # the gazetteer names actors with a capital (or a digit) first
            if self.ner_actors and any(t.ner not in ("", "O") for t in sentence.tokens):
                out.append(ActorCandidate(sentence.index, False))  # a name the gazetteer may not know
            for token in sentence.tokens:
                key = self.norm(token.text)
                parts = [p for p in key.split("-") if p] if "-" in key.strip("-") else []
                for word in [key, *parts]:  # "Iran-Pakistan": each part may name a state
                    words.append(word)
                    capital.append(token.text[:1].isupper() or token.text[:1].isdigit())
            for i in range(len(words)):
                if not capital[i]:
                    continue
                for n in range(1, min(self.max_len, len(words) - i) + 1):
                    foreign = self.keys.get(tuple(words[i:i + n]))
                    if foreign is not None:
                        out.append(ActorCandidate(sentence.index, foreign))
        return out


def _entry_iso3s(entry, knowledge) -> set[str]:
    if entry.kind == "person":
        return {r.iso3 for r in knowledge.roles.get(entry.ident, []) if r.iso3} or {""}
    return {entry.iso3}


def scanner_from(knowledge, home_iso3: str = HOME_ISO3) -> ActorScanner:
    """Gazetteer n-grams of ``knowledge`` (peristiwa.actors.Knowledge) that can name an actor, and whether
    they can name a foreign one (another state, an IGO, a person holding a foreign office)."""
    from peristiwa.actors.knowledge import norm

    keys: dict[tuple[str, ...], bool] = {}
    for key, entries in knowledge.lexicon.items():
        actor = foreign = False
        for entry in entries:
            if entry.kind == "igo":
                actor = foreign = True
            elif entry.kind in ("country", "capital", "organ", "person"):
                iso3s = _entry_iso3s(entry, knowledge)
                actor = True
                foreign = foreign or any(i and i != home_iso3 for i in iso3s)
        if actor:
            keys[key] = foreign
    return ActorScanner(keys, knowledge.max_len, lru_cache(maxsize=200_000)(norm))


@dataclass(frozen=True)
class ParseCues:
    """What makes a sentence worth parsing, from the trigger dictionary: ``words`` and ``phrases`` can make
    an event mention; ``speaker_words`` (reporting verbs) name the speaker later sentences refer to."""

    words: frozenset[str]
    phrases: frozenset[tuple[str, ...]]
    speaker_words: frozenset[str]


def parse_cues(dictionary) -> ParseCues:
    """The cues of a trigger dictionary (peristiwa.events.TriggerDictionary): its cue words and phrases with
    the words the coder's clause rules act on without a trigger (obligation and wish words), and its
    reporting verbs and speech-act frames as speaker cues."""
    from peristiwa.events.coding.frames import CLAUSE_CUES

    frames = dictionary.speech_acts.frames if dictionary.speech_acts is not None else frozenset()
    return ParseCues(
        words=dictionary.cue_words() | CLAUSE_CUES,
        phrases=dictionary.cue_phrases(),
        speaker_words=frozenset(w.casefold() for w in dictionary.reporting_verbs | frames),
    )


def selector_from(
    cue_words: frozenset[str],
    knowledge,
    window: int = 1,
    cue_phrases: frozenset[tuple[str, ...]] = frozenset(),
    speaker_cues: frozenset[str] = frozenset(),
) -> ParseSelector:
    """A selector with the anaphora cues of ``knowledge`` (peristiwa.actors.Knowledge)."""
    phrases = frozenset(tuple(p.casefold().split()) for p in knowledge.rules.get("both_states", ()))
    titles = frozenset(
        key[0] for key, entries in knowledge.lexicon.items()
        if len(key) == 1 and any(e.kind == "title" for e in entries)
    )
    return ParseSelector(cue_words=cue_words, both_states=phrases, titles=titles, window=window,
                         scanner=scanner_from(knowledge), cue_phrases=cue_phrases, speaker_cues=speaker_cues)


def select_article(selector: ParseSelector, sentences: Sequence[Sentence]) -> frozenset[int]:
    """The sentences of one article to parse, from its unparsed sentences (tokens and NER)."""
    assert selector.scanner is not None, "build the selector with selector_from(cue_words, knowledge)"
    return selector.select(sentences, selector.scanner.candidates(sentences))


def selection_digest(selector: ParseSelector) -> str:
    """What a selective annotation's choice of sentences was computed from, as a digest stored with every
    selectively annotated article (``annotations.selection_digest``): the selection rules' version, the cue
    words and phrases, the speaker cues, the anaphora cues and every gazetteer n-gram the actor scanner knows
    (with whether it may name a foreign actor). A dictionary or actor-knowledge update that changes any of
    them changes the digest, and the next run recomputes the articles' selection from their stored tokens
    (``reselect``); one that changes none of them (a new code for a known word, a date of office) does not.
    Sorted JSON, so the same inputs give the same digest in every process and run."""
    scanner = selector.scanner
    inputs = {
        "selection_version": SELECTION_VERSION,
        "window": selector.window,
        "home_iso3": selector.home_iso3,
        "cue_words": sorted(selector.cue_words),
        "cue_phrases": sorted(" ".join(p) for p in selector.cue_phrases),
        "speaker_cues": sorted(selector.speaker_cues),
        "both_states": sorted(" ".join(p) for p in selector.both_states),
        "titles": sorted(selector.titles),
        "actor_keys": None if scanner is None else sorted(
            [" ".join(key), foreign] for key, foreign in scanner.keys.items()),
        "actor_max_len": None if scanner is None else scanner.max_len,
        "ner_actors": None if scanner is None else scanner.ner_actors,
    }
    payload = json.dumps(inputs, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Reselection:
    """An article's new selection against what its stored sentences have: ``parse`` the sentences that need a
    parse they lack (NLP), ``unparse`` the parsed ones the new selection leaves out (a fresh annotation would
    not have parsed them; no NLP)."""

    selected: frozenset[int]
    parse: frozenset[int]
    unparse: frozenset[int]

    @property
    def unchanged(self) -> bool:
        return not self.parse and not self.unparse


def reselect(selector: ParseSelector, sentences: Sequence[Sentence]) -> Reselection:
    """The selection of an already annotated article under ``selector``, from its stored sentences (their
    tokens and NER; the selection reads nothing a parse adds), compared with which of them are parsed."""
    selected = select_article(selector, sentences)
    parsed = frozenset(s.index for s in sentences if s.is_parsed)
    return Reselection(selected, selected - parsed, parsed - selected)
