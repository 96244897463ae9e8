"""Load and validate the trigger dictionary (data/triggers.yaml; schema in data/TRIGGERS.md)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .cameo import CameoTable, load_cameo
from .morphology import CLITICS, MorphologyError, family, guess_category, with_clitics

# The coder's rules (peristiwa/events/coding/) decide what the same entries code, so their version is part of
# the version stored on every mention: bump it with any rule change, and the next run re-codes every article.
CODER_RULES_VERSION = "2026.12.177"

TRIGGERS_YAML = Path(__file__).parent / "data" / "triggers.yaml"
# The yes/no fields of an entry, all false when left out.
_FLAG_KEYS = (
    "symmetric",
    "verbal",
    "venue_as_target",
    "pair_from_context",
    "predicative",
    "object_is_target",
    "parties_as_targets",
    "noun_needs_verb",
    "not_before_clause",
    "object_in_clause",
)
_ENTRY_KEYS = {
    "id",
    "code",
    "words",
    "phrases",
    "pos",
    "requires_object",
    "modifiers",
    "converse",
    "responds_to",
    "root",
    "forms",
    "negated_code",
    "intent_code",
    "gloss",
    "examples",
    *_FLAG_KEYS,
}
_EXPECT = re.compile(r"^(?P<src>[A-Z]{3})->(?P<tgt>[A-Z]{3}) (?P<code>\d{2,4})$")


class DictionaryError(ValueError):
    """The trigger dictionary is malformed (message names the file, entry and field)."""


@dataclass(frozen=True)
class Modifier:
    code: str
    symmetric: bool | None = None


@dataclass(frozen=True)
class Example:
    """A sentence the entry must code (`expect`: "SRC->TGT CODE" dyads; empty = must code nothing here)."""

    text: str
    expect: tuple[str, ...] = ()


@dataclass(frozen=True)
class Trigger:
    id: str
    code: str
    words: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    pos: frozenset[str] = frozenset()
    requires_object: frozenset[str] = frozenset()
    modifiers: dict[str, Modifier] = field(default_factory=dict)
    symmetric: bool = False
    converse: str | None = None
    verbal: bool = False
    venue_as_target: bool = False
    responds_to: frozenset[str] = frozenset()  # CAMEO roots this act answers (denial -> accusation)
    pair_from_context: bool = False  # bilateral by meaning: no actor named -> the article's main pair
    predicative: bool = False  # a characterisation: speaker/declarer -> the one characterised
    object_is_target: bool = False  # the required object belongs to the target (expelled diplomats)
    parties_as_targets: bool = False  # "antara A dan B" names the targets (a mediator's parties)
    noun_needs_verb: bool = False  # its noun names a relationship, an act only when a verb governs it
    not_before_clause: bool = False  # a complement clause makes it another verb ("mengakui bahwa": admit)
    object_in_clause: bool = False  # the required word may stand in its "bahwa" complement clause
    categories: dict[str, str] = field(default_factory=dict)  # surface form -> active/passive/noun/bare
    family_forms: frozenset[str] = frozenset()  # forms generated from root + forms (their category is known)
    roots: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    negated_code: str | None = None  # a negation that is itself the act ("tidak sependapat" -> 111)
    intent_code: str | None = None  # the code of the announced act, instead of its root's `future_codes`
    gloss: str = ""
    examples: tuple[Example, ...] = ()

    def category(self, word: str) -> str:
        """active | passive | noun | bare for a matched surface form (bare when unknown, e.g. a lemma)."""
        return self.categories.get(word.casefold(), "bare")


@dataclass(frozen=True)
class TriggerDictionary:
    version: str
    triggers: tuple[Trigger, ...]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    future_codes: dict[str, str]
    non_events: tuple[tuple[str, ...], ...] = ()  # phrases whose words trigger nothing ("konferensi pers")
    # addressees that are no state ("meminta semua negara untuk ..."): an appeal to them has no state target
    generic_addressees: tuple[tuple[str, ...], ...] = ()
    # headline verb -> the entries whose meN- verb it is without its prefix ("Jokowi Minta China ...")
    headline_verbs: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)
    speech_acts: Any = None  # coding.speech.SpeechActs from speech_acts.yaml beside the triggers file
    # sports_report / entertainment_report: (name, words, min_distinct) of the domains whose articles use bare
    # country names for teams, tours and markets, not states
    domain_reports: tuple[tuple[str, frozenset[str], int], ...] = ()
    # nouns of a message ("surat", "pesan"): an act noun modifying one is governed by the verb that sends it
    message_nouns: frozenset[str] = frozenset()

    def non_political_domain(self, words: Iterable[str]) -> str | None:
        """The domain (sports, entertainment) an article's lower-cased words place it in: at least
        `min_distinct` distinct words of that domain; None for any other article."""
        present = set(words)
        for name, domain_words, min_distinct in self.domain_reports:
            if min_distinct > 0 and len(domain_words & present) >= min_distinct:
                return name
        return None

    def by_word(self) -> dict[str, list[Trigger]]:
        """Entries by surface word (built once: the coder asks for every sentence)."""
        return self._by_word

    @cached_property
    def _by_word(self) -> dict[str, list[Trigger]]:
        out: dict[str, list[Trigger]] = {}
        for t in self.triggers:
            for w in t.words:
                out.setdefault(w, []).append(t)
        return out

    def cue_words(self) -> frozenset[str]:
        """Every lower-cased single word that can make a sentence yield an event mention: trigger words,
        one-word phrases, headline verbs and the one-word cues of the speech acts (a reported clause that
        says "disinformasi" is an accusation). With `cue_phrases()` it tells which sentences selective
        parsing parses. Light and reporting verbs are no cues by themselves: they make an event only with a
        trigger or a speech-act cue in the same sentence (on 1,000 IndoSum articles and eight coded draws of
        CLICK-ID, every one of 1,851 sentences with an event mention had such a cue). The words of a longer
        phrase are not cues alone either: "sama", "hari", "menjadi" would select half of all sentences."""
        words = set(self.headline_verbs)
        for trigger in self.triggers:
            words.update(trigger.words)
            words.update(p[0] for p in trigger.phrases if len(p) == 1)
        words.update(cue[0] for cue in self._speech_cues() if len(cue) == 1)
        return frozenset(w.casefold() for w in words)

    def cue_phrases(self) -> frozenset[tuple[str, ...]]:
        """The trigger phrases and speech-act cues of two or more words, lower-cased, as the word sequences
        that must occur."""
        phrases = [p for t in self.triggers for p in t.phrases if len(p) > 1]
        phrases += [cue for cue in self._speech_cues() if len(cue) > 1]
        return frozenset(tuple(w.casefold() for w in p) for p in phrases)

    def _speech_cues(self) -> list[tuple[str, ...]]:
        return [] if self.speech_acts is None else [cue for act in self.speech_acts.acts for cue in act.cues]

    def per_root(self) -> dict[str, int]:
        return dict(sorted(Counter(t.code[:2] for t in self.triggers).items()))

    def coverage(self) -> dict[str, tuple[int, int]]:
        """Per CAMEO root of the entries' codes: (entries, distinct surface forms). Clitic variants
        ("kunjungannya") are not counted apart from their form; a phrase counts once."""
        entries: Counter[str] = Counter()
        forms: dict[str, set[str]] = {}
        for t in self.triggers:
            root = t.code[:2]
            entries[root] += 1
            bag = forms.setdefault(root, set())
            bag.update(w for w in t.words if not _is_clitic_variant(w, t.words))
            bag.update(" ".join(p) for p in t.phrases)
        return {r: (entries[r], len(forms[r])) for r in sorted(entries)}


def _is_clitic_variant(word: str, words: frozenset[str]) -> bool:
    return any(word.endswith(c) and word[: -len(c)] in words for c in CLITICS)


def _words(path: Path, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"{path}: {where}: expected a list of non-empty strings")
    return [v.strip().casefold() for v in value]


def _code(path: Path, where: str, value: Any, cameo: CameoTable) -> str:
    if not isinstance(value, str):
        raise DictionaryError(
            f"{path}: {where}: CAMEO code must be a quoted string (got {value!r}); "
            "unquoted codes lose their leading zero"
        )
    if value not in cameo:
        raise DictionaryError(f"{path}: {where}: unknown CAMEO code {value!r}")
    return value


def _entry_id(path: Path, idx: int, raw: Any) -> tuple[str, str]:
    """(id, where) of an entry that is a mapping with an id and only known fields; `where` names it in
    every error message about it."""
    if not isinstance(raw, dict):
        raise DictionaryError(f"{path}: triggers[{idx}]: expected a mapping")
    tid = raw.get("id")
    where = f"triggers[{idx}] ({tid or 'no id'})"
    if not isinstance(tid, str) or not tid:
        raise DictionaryError(f"{path}: {where}: missing 'id'")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise DictionaryError(f"{path}: {where}: unknown field(s) {sorted(unknown)}")
    return tid, where


def _modifiers(path: Path, where: str, raw_mods: Any, cameo: CameoTable) -> dict[str, Modifier]:
    """word -> Modifier, from "word: code" or "word: {code, symmetric}"."""
    mods: dict[str, Modifier] = {}
    if not isinstance(raw_mods, dict):
        raise DictionaryError(f"{path}: {where}.modifiers: expected a mapping word -> code")
    for word, val in raw_mods.items():
        mwhere = f"{where}.modifiers.{word}"
        if isinstance(val, dict):
            mods[str(word).casefold()] = Modifier(
                _code(path, mwhere, val.get("code"), cameo),
                bool(val["symmetric"]) if "symmetric" in val else None,
            )
        else:
            mods[str(word).casefold()] = Modifier(_code(path, mwhere, val, cameo))
    return mods


def _responds_to(path: Path, where: str, raw: dict[str, Any]) -> list[str]:
    responds = _words(path, f"{where}.responds_to", raw.get("responds_to"))
    if bad := [r for r in responds if not (len(r) == 2 and r.isdigit())]:
        raise DictionaryError(f"{path}: {where}.responds_to: expected 2-digit CAMEO roots, got {bad}")
    return responds


def _entry(path: Path, idx: int, raw: Any, cameo: CameoTable) -> Trigger:
    tid, where = _entry_id(path, idx, raw)
    code = _code(path, f"{where}.code", raw.get("code"), cameo)
    listed = _words(path, f"{where}.words", raw.get("words"))
    phrases = [tuple(p.split()) for p in _words(path, f"{where}.phrases", raw.get("phrases"))]
    roots, forms, categories = _families(path, where, raw)
    family_forms = frozenset(categories)
    for w in with_clitics(listed):
        categories.setdefault(w, guess_category(w))
    words = sorted(categories)
    if not words and not phrases:
        raise DictionaryError(f"{path}: {where}: needs 'root' + 'forms', 'words' or 'phrases'")
    mods = _modifiers(path, where, raw.get("modifiers") or {}, cameo)
    converse = raw.get("converse")
    responds = _responds_to(path, where, raw)
    # The checked fields keep the order they are validated in, so a bad entry reports the same field first.
    return Trigger(
        id=tid,
        code=code,
        words=frozenset(words),
        phrases=tuple(phrases),
        pos=frozenset(p.upper() for p in _words(path, f"{where}.pos", raw.get("pos"))),
        requires_object=frozenset(_words(path, f"{where}.requires_object", raw.get("requires_object"))),
        modifiers=mods,
        converse=_code(path, f"{where}.converse", converse, cameo) if converse is not None else None,
        responds_to=frozenset(responds),
        categories=categories,
        family_forms=family_forms,
        roots=roots,
        forms=forms,
        negated_code=(
            _code(path, f"{where}.negated_code", raw["negated_code"], cameo)
            if "negated_code" in raw
            else None
        ),
        intent_code=(
            _code(path, f"{where}.intent_code", raw["intent_code"], cameo) if "intent_code" in raw else None
        ),
        gloss=str(raw.get("gloss") or ""),
        examples=_examples(path, where, raw.get("examples")),
        **{key: bool(raw.get(key, False)) for key in _FLAG_KEYS},
    )


def _families(path: Path, where: str, raw: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...], dict]:
    """(roots, affix patterns, {surface form: category}) of an entry's word families."""
    root = raw.get("root")
    roots = [root] if isinstance(root, str) else root
    roots = _words(path, f"{where}.root", roots)
    forms = raw.get("forms") or []
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        raise DictionaryError(
            f"{path}: {where}.forms: expected a list of affix patterns (meN-i, di-i, -an, ...)"
        )
    if bool(roots) != bool(forms):
        raise DictionaryError(f"{path}: {where}: 'root' and 'forms' go together")
    categories: dict[str, str] = {}
    try:
        for r in roots:
            categories.update(family(r, forms))
    except MorphologyError as exc:
        raise DictionaryError(f"{path}: {where}: {exc}") from exc
    return tuple(roots), tuple(forms), categories


def _examples(path: Path, where: str, value: Any) -> tuple[Example, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DictionaryError(f"{path}: {where}.examples: expected a list of {{text, expect}}")
    out = []
    for i, ex in enumerate(value):
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or set(ex) - {"text", "expect"}:
            raise DictionaryError(f"{path}: {where}.examples[{i}]: expected {{text: str, expect: [..]}}")
        expect = ex.get("expect") or []
        expect = [expect] if isinstance(expect, str) else expect
        if bad := [e for e in expect if not isinstance(e, str) or not _EXPECT.match(e)]:
            raise DictionaryError(f"{path}: {where}.examples[{i}].expect: want 'SRC->TGT CODE', got {bad}")
        out.append(Example(ex["text"], tuple(expect)))
    return tuple(out)


DOMAIN_REPORT_KEYS = ("sports_report", "entertainment_report")


def _domain_report(path: Path, raw: dict[str, Any], key: str) -> tuple[str, frozenset[str], int]:
    section = raw.get(key) or {}
    if not isinstance(section, dict) or not isinstance(section.get("min_distinct", 0), int):
        raise DictionaryError(f"{path}: '{key}' must map min_distinct (int) and words (list)")
    words = frozenset(_words(path, f"{key}.words", section.get("words")))
    return key.removesuffix("_report"), words, section.get("min_distinct", 0)


def load_dictionary(path: Path | None = None, cameo: CameoTable | None = None) -> TriggerDictionary:
    path = path or TRIGGERS_YAML
    cameo = cameo or load_cameo()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise DictionaryError(f"{path}: expected a mapping at the top level")
    version = raw.get("version")
    if not isinstance(version, str) or not version:
        raise DictionaryError(f"{path}: 'version' must be a non-empty string")
    entries = raw.get("triggers")
    if not isinstance(entries, list) or not entries:
        raise DictionaryError(f"{path}: 'triggers' must be a non-empty list")
    triggers = tuple(_entry(path, i, e, cameo) for i, e in enumerate(entries))
    ids = Counter(t.id for t in triggers)
    if dups := [k for k, n in ids.items() if n > 1]:
        raise DictionaryError(f"{path}: duplicate trigger id(s) {dups}")
    future = raw.get("future_codes") or {}
    if not isinstance(future, dict):
        raise DictionaryError(f"{path}: 'future_codes' must map a root to a code")
    future_codes = {str(k): _code(path, f"future_codes.{k}", v, cameo) for k, v in future.items()}
    domain_reports = tuple(_domain_report(path, raw, key) for key in DOMAIN_REPORT_KEYS)
    from .coding.speech import SPEECH_ACTS_YAML, load_speech_acts

    speech_path = path.parent / "speech_acts.yaml"
    speech = load_speech_acts(speech_path if speech_path.exists() else SPEECH_ACTS_YAML, cameo)
    return TriggerDictionary(
        version=f"{version}+speech{speech.version}+rules{CODER_RULES_VERSION}",
        speech_acts=speech,
        domain_reports=domain_reports,
        triggers=triggers,
        light_verbs=frozenset(_words(path, "light_verbs", raw.get("light_verbs"))),
        message_nouns=frozenset(_words(path, "message_nouns", raw.get("message_nouns"))),
        reporting_verbs=frozenset(_words(path, "reporting_verbs", raw.get("reporting_verbs"))),
        future_codes=future_codes,
        non_events=tuple(tuple(p.split()) for p in _words(path, "non_events", raw.get("non_events"))),
        generic_addressees=tuple(
            tuple(p.split()) for p in _words(path, "generic_addressees", raw.get("generic_addressees"))
        ),
        headline_verbs=_headline_verbs(
            path, _words(path, "headline_verbs", raw.get("headline_verbs")), triggers
        ),
    )


# The meN- patterns whose verb a headline writes without its prefix: memint|a -> "Minta", mendesakkan ->
# "Desakkan", menemui -> "Temui".
_HEADLINE_SUFFIX = {"meN": "", "meN-kan": "kan", "meN-i": "i"}


def _headline_verbs(path: Path, words: list[str], triggers: list[Trigger]) -> dict[str, tuple[Trigger, ...]]:
    """Each listed headline verb with the entries it is the bare verb of (a root under a meN- pattern)."""
    out: dict[str, tuple[Trigger, ...]] = {}
    for word in words:
        w = word.casefold()
        owners = tuple(
            t for t in triggers
            if any(r + _HEADLINE_SUFFIX[f] == w for r in t.roots for f in t.forms if f in _HEADLINE_SUFFIX)
        )
        if not owners:
            raise DictionaryError(
                f"{path}: headline_verbs: {word!r} is no entry's root under meN, meN-kan or meN-i"
            )
        out[w] = owners
    return out


if __name__ == "__main__":  # pragma: no cover - a quick coverage report
    d = load_dictionary()
    cov = d.coverage()
    print(f"version {d.version}: {len(d.triggers)} entries, {sum(f for _, f in cov.values())} surface forms")
    print("  root  entries  surface forms")
    for root, (n, forms) in cov.items():
        print(f"  {root}    {n:7d}  {forms:13d}")
