"""Pass 1, triggers: find the dictionary's word families and phrases in the sentence.

Fixed non-event expressions block their words first ("konferensi pers", "perang dagang"); then phrases,
longest first, so "serangan udara" (195) beats "serangan" (190); then single words by surface form (the word
family's generated forms) or lemma. Verb + object entries (`requires_object`) fire only when one of their
object words stands in the trigger's clause, on either side (active "menarik duta besar", passive "duta besar
... ditarik"). A trigger the clause says someone was allowed or prevented to do is not an act ("tidak akan
membiarkan teroris membahayakan ...").
"""

from __future__ import annotations

from ..dictionary import Trigger, TriggerDictionary
from ..morphology import guess_category
from .model import Candidate, SentenceState, rule, switch
from .view import CLAUSE_END, SentenceView, base_rel

OBJECT_WINDOW = 8
# Verbs whose complement is an act somebody else may or may not do.
PERMISSION_VERBS = frozenset(
    {"membiarkan", "mengizinkan", "memungkinkan", "mencegah", "menghalangi", "melarang", "mengizinkannya"}
)
EXISTENTIALS = frozenset({"ada", "terjadi"})


def _category(v: SentenceView, pos: int, trigger: Trigger, matched_surface: bool) -> str:
    """The matched form's category: known for a word family's forms; for a listed word or a lemma match, the
    tagger's POS first ("dialog" is a noun, not a di- passive), then the word's shape."""
    word = v.texts[pos]
    if matched_surface and word in trigger.family_forms:
        return trigger.categories[word]
    upos = v.tokens[pos].upos or ""
    if upos in ("NOUN", "PROPN"):
        return "noun"
    shape = guess_category(word)
    if upos == "VERB":
        return shape if shape in ("active", "passive") else "active"
    return shape


switch(
    "lemma_needs_same_form",
    "triggers",
    "breadth",
    """A lemma match counts only when the word's own form is one the entry has: "sambutannya" (a speech)
       has the lemma of "menyambut" (to welcome) but is a noun, and the entry lists no noun. Active and
       passive
       verb forms stand for each other.""",
)


def _lemma_form_fits(state: SentenceState, word: str, trigger: Trigger) -> bool:
    if not state.on("lemma_needs_same_form"):
        return True
    # Only verb inflections match by lemma (di- passives stand for meN- actives and the other way round);
    # a derived noun must be one of the entry's forms: "penyerang" (an attacker) is not "serang".
    verbal = {"active", "passive"}
    return guess_category(word) in verbal and bool(set(trigger.categories.values()) & verbal)


def _phrase_category(v: SentenceView, start: int, end: int, head: int) -> str:
    """A multi-word trigger is verbal when one of its words has a verb's affixes ("bekerja sama", "menolak
    berkomentar", "tidak boleh menginjakkan kaki"), else nominal ("kerja sama", "gencatan senjata"). A phrase
    the parser heads with a noun is nominal whatever its modifiers look like: "serangan pesawat tak berawak"
    (11 in the shared corpora) is an attack, though "berawak" has the shape of a ber- verb."""
    if v.parsed and v.tokens[head].upos == "NOUN":
        return "noun"
    shapes = [guess_category(w) for w in v.texts[start:end]]
    return next((s for s in shapes if s in ("active", "passive")), "noun")


def _object_words(
    v: SentenceView, start: int, end: int, head: int, either_side: bool, complement: bool = False
) -> set[str]:
    words = v.clause_words(start, end, OBJECT_WINDOW)
    if either_side:
        words |= v.clause_words(start, end, OBJECT_WINDOW, before=True)
    if v.parsed:
        for c in v.subtree(head, ("acl", "ccomp", "advcl", "parataxis", "conj")):
            words.add(v.texts[c])
    if complement:
        words |= _complement_words(v, end, head)
    return words


def _complement_words(v: SentenceView, end: int, head: int) -> set[str]:
    """The words of a verb's "bahwa" complement clause (an entry's `object_in_clause`: "memperingatkan AS
    bahwa Teheran siap berperang", the consequence stands in the clause). Parsed: the subtree of its ccomp;
    unparsed: the words after a "bahwa" behind the verb's named addressee ("memperingatkan Venezuela bahwa
    ..."), up to the sentence's end; with no addressee, word order cannot tell a warning about a war in a
    state ("memperingatkan bahwa perang di Venezuela ...") from one to it."""
    words: set[str] = set()
    if v.parsed:
        for k in v.kids(head, "ccomp"):
            words.update(v.texts[c] for c in v.subtree(k, ()))
        return words
    j = next((k for k in range(end, min(len(v), end + 6)) if v.texts[k] == "bahwa"), None)
    if j is not None and any(k in v.actor_at for k in range(end, j)):
        for k in range(j + 1, min(len(v), j + 1 + 2 * OBJECT_WINDOW)):
            if v.texts[k] in (".", ";", "!", "?"):
                break
            words.add(v.texts[k])
    return words


CLAUSE_OPENERS = frozenset({"bahwa", "jika", "kalau", "bila"})


def _takes_a_clause(v: SentenceView, i: int) -> bool:
    """The verb at i has a complement clause and no object: "mengakui bahwa ...", "mengakui ucapan Trump
    terus mempengaruhi ekonomi" (the parser's ccomp)."""
    if i + 1 < len(v) and v.texts[i + 1].lower() in CLAUSE_OPENERS:
        return True
    return v.parsed and bool(v.kids(i, "ccomp")) and not v.kids(i, "obj")


def _phrase_head(v: SentenceView, start: int, end: int) -> int:
    """A multi-token trigger's head: its first token whose head lies outside the span."""
    if v.parsed:
        for j in range(start, end):
            h = v.head_pos(j)
            if h is None or not start <= h < end:
                return j
    return start


_NON_EVENT_INDEX: dict[int, tuple[TriggerDictionary, dict[str, list[tuple[str, ...]]]]] = {}


def _non_event_index(d: TriggerDictionary) -> dict[str, list[tuple[str, ...]]]:
    """Non-event phrases by first word (built once per dictionary): a sentence is scanned once, not once
    per phrase."""
    cached = _NON_EVENT_INDEX.get(id(d))
    if cached is None or cached[0] is not d:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in d.non_events:
            index.setdefault(phrase[0], []).append(phrase)
        cached = _NON_EVENT_INDEX[id(d)] = (d, index)
    return cached[1]


def _blocked(state: SentenceState) -> set[int]:
    v, taken = state.view, set()
    if state.on("non_event_phrases"):
        index = _non_event_index(state.dictionary)
        for i, word in enumerate(v.texts):
            for phrase in index.get(word, ()):
                if tuple(v.texts[i : i + len(phrase)]) == phrase:
                    taken.update(range(i, i + len(phrase)))
    return taken


switch(
    "non_event_phrases",
    "triggers",
    "breadth",
    """Fixed expressions that contain a trigger word but report no interaction ("konferensi pers", "perang
       dagang", "serangan jantung") block their words.""",
)
switch(
    "object_either_side",
    "triggers",
    "breadth",
    """A verb + object entry's object word may stand before the trigger in its clause (passives, fronted
       objects: "diplomat Iran diusir"), not only after it.""",
)
switch(
    "object_ellipsis",
    "triggers",
    "core",
    """A second verb of the same entry reuses the object named with the first ("membantah memasok drone ...
       tetapi mengatakan telah menyediakan sejumlah kecil").""",
)


_PHRASE_INDEX: dict[int, tuple[TriggerDictionary, dict[str, list[tuple[int, tuple[str, ...], Trigger]]]]] = {}


def _phrase_index(d: TriggerDictionary) -> dict[str, list[tuple[int, tuple[str, ...], Trigger]]]:
    """Phrases by first word, each with its rank in longest-first order (built once per dictionary)."""
    cached = _PHRASE_INDEX.get(id(d))
    if cached is None or cached[0] is not d:
        ranked = sorted(((p, t) for t in d.triggers for p in t.phrases), key=lambda x: -len(x[0]))
        index: dict[str, list[tuple[int, tuple[str, ...], Trigger]]] = {}
        for rank, (phrase, trig) in enumerate(ranked):
            index.setdefault(phrase[0], []).append((rank, phrase, trig))
        cached = _PHRASE_INDEX[id(d)] = (d, index)
    return cached[1]


def _phrase_matches(v: SentenceView, d: TriggerDictionary) -> list[tuple[int, int, tuple[str, ...], Trigger]]:
    """(rank, position, phrase, trigger) of every phrase occurring in surface forms or lemmas, in the order
    longest phrase first, then left to right."""
    index, out = _phrase_index(d), {}
    for i in range(len(v)):
        for word in {v.texts[i], v.lemmas[i]}:
            for rank, phrase, trig in index.get(word, ()):
                n = len(phrase)
                if tuple(v.texts[i : i + n]) == phrase or tuple(v.lemmas[i : i + n]) == phrase:
                    out[rank, i] = (rank, i, phrase, trig)
    return [out[k] for k in sorted(out)]


def _phrase_candidates(state: SentenceState, taken: set[int]) -> list[Candidate]:
    v, found = state.view, []
    for _, i, phrase, trig in _phrase_matches(v, state.dictionary):
        n = len(phrase)
        if any(k in taken for k in range(i, i + n)):
            continue
        head = _phrase_head(v, i, i + n)
        if trig.requires_object and not (_object_words(v, i, i + n, head, True) & trig.requires_object):
            continue
        cat = _phrase_category(v, i, i + n, head) if n > 1 else _category(v, i, trig, True)
        found.append(Candidate(trig, i, i + n, head, cat, trig.code, trig.symmetric))
        taken.update(range(i, i + n))
    return found


def _reduplicated(v: SentenceView, i: int) -> bool:
    """The second half of a plural the tokenizer split ("sanksi - sanksi"): one mention, not two."""
    return i >= 2 and v.texts[i - 1] in ("-", "–") and v.texts[i - 2] == v.texts[i]


def _headline_verbs(state: SentenceState) -> dict[str, tuple[Trigger, ...]]:
    """In a headline or subheading, the dictionary's bare headline verbs ("Jokowi Minta China ...")."""
    flags = set(state.sentence.flags or ())
    if not flags & {"headline", "subheading"} or not state.on("headline_verbs"):
        return {}
    return state.dictionary.headline_verbs


switch(
    "headline_verbs",
    "triggers",
    "breadth",
    """A headline writes a meN- verb without its prefix ("Jokowi Minta China Beli ...", "Iran Desak
       Pakistan ...", "Presiden Iran Temui Putin"); the dictionary's `headline_verbs` match there, and only
       there (in body text "tolak" is also "tolak ukur").""",
)


def _inside_a_name(state: SentenceState, i: int) -> bool:
    """A capitalised word inside a name the NER found, in body text: "pabrik Cikande Serang, Indonesia" (the
    town of Serang, 17 "Serang, Banten/Indonesia" in the shared corpora), "Park Bom". Headlines capitalise
    every word, so there the test is off."""
    tok = state.view.tokens[i]
    if i == 0 or state.sentence.flags & {"headline", "subheading"} or not tok.text[:1].isupper():
        return False
    return (tok.ner or "O")[2:] in ("LOC", "PER", "ORG")


def _word_candidates(state: SentenceState, taken: set[int], found: list[Candidate]) -> list[Candidate]:
    v = state.view
    by_word = state.dictionary.by_word()
    headline = _headline_verbs(state)
    either = state.on("object_either_side")
    for i in range(len(v)):
        if i in taken or i in v.actor_at or _reduplicated(v, i) or _inside_a_name(state, i):
            continue
        surface = by_word.get(v.texts[i], []) or list(headline.get(v.texts[i], ()))
        by_lemma = [
            t
            for t in by_word.get(v.lemmas[i], [])
            if v.lemmas[i] != v.texts[i] and t not in surface and _lemma_form_fits(state, v.texts[i], t)
        ]
        # Verb + object patterns first (menarik + duta besar -> 161 before menarik + pasukan -> 087).
        for trig in sorted(surface + by_lemma, key=lambda t: not t.requires_object):
            if trig.pos and (v.tokens[i].upos or "") not in trig.pos:
                continue
            category = "active" if v.texts[i] in headline else _category(v, i, trig, trig in surface)
            if trig.not_before_clause and _takes_a_clause(v, i):
                continue
            cand = Candidate(trig, i, i + 1, i, category, trig.code, trig.symmetric)
            words = _object_words(v, i, i + 1, i, either or trig.predicative, trig.object_in_clause)
            if trig.requires_object and not (words & trig.requires_object):
                antecedent = next((o for o in reversed(found) if o.trigger.id == trig.id), None)
                if antecedent is None or not state.on("object_ellipsis"):
                    continue
                cand.antecedent = antecedent
                cand.fired("object_ellipsis")
            found.append(cand)
            taken.add(i)
            break
    return found


@rule("permitted_acts_are_not_acts", "triggers", "frames")
def permitted_acts_are_not_acts(state: SentenceState) -> None:
    """An act that a permission or prevention verb just before it lets or stops someone else do is not the
    subject's act ("kami tidak akan membiarkan teroris membahayakan ...")."""
    v = state.view
    for c in state.candidates:
        before = v.texts[max(0, c.start - 5) : c.start]
        if any(w in PERMISSION_VERBS for w in before) and "," not in before:
            c.drop("permitted_acts_are_not_acts")


def is_light(state: SentenceState, pos: int) -> bool:
    v, d = state.view, state.dictionary
    return v.texts[pos] in d.light_verbs or v.lemmas[pos] in d.light_verbs or v.texts[pos] in EXISTENTIALS


@rule("light_verb_governor", "triggers", "core")
def light_verb_governor(state: SentenceState) -> None:
    """A nominal trigger that is the object of a light verb (melancarkan serangan, menggelar latihan,
    mengadakan pertemuan) or of any verb takes that verb as its governor: the governor's subject is the
    event's source and its modality scopes over the event."""
    v = state.view
    for c in state.candidates:
        if (
            v.parsed
            and base_rel(v.tokens[c.head]) in ("obj", "xcomp", "nsubj:pass", "obl")
            and (h := v.head_pos(c.head)) is not None
            and v.tokens[h].upos in ("VERB", "AUX", "ADJ")
        ):
            c.governor = h
            continue
        if v.parsed and state.on("message_noun_governor") and (h := _sending_verb(state, c.head)) is not None:
            c.governor = h
            continue
        for j in range(c.start - 1, max(-1, c.start - 3), -1):
            if is_light(state, j):
                c.governor = j
                break
            if v.texts[j] in CLAUSE_END or v.texts[j] == ",":
                break


switch(
    "message_noun_governor",
    "triggers",
    "arguments",
    """An act noun that modifies a message noun ("mengirimkan surat protes kepada Malaysia", "pesan
       belasungkawa kepada Presiden Mesir", "surat tanda belasungkawa") is governed by the verb whose object
       the message is: that verb's subject and its "kepada X" are the act's parties.""",
)


def _sending_verb(state: SentenceState, head: int) -> int | None:
    """The verb whose object is the message noun that the act noun at `head` modifies (through at most one
    more noun: "surat tanda belasungkawa")."""
    v = state.view
    cur = head
    for _ in range(2):
        if base_rel(v.tokens[cur]) != "compound" or (noun := v.head_pos(cur)) is None:
            return None
        if v.tokens[noun].upos != "NOUN":
            return None
        verb = v.head_pos(noun)
        if (
            v.texts[noun].casefold() in state.dictionary.message_nouns
            and base_rel(v.tokens[noun]) == "obj"
            and verb is not None
            and v.tokens[verb].upos == "VERB"
        ):
            return verb
        cur = noun
    return None


def find_triggers(state: SentenceState) -> None:
    """Pass 1: fill `state.candidates` with the sentence's trigger occurrences, in text order."""
    taken = _blocked(state)
    found = _phrase_candidates(state, taken)
    found = _word_candidates(state, taken, found)
    state.candidates = sorted(found, key=lambda c: c.start)
    for name in ("permitted_acts_are_not_acts", "light_verb_governor", "modifiers"):
        if state.on(name):
            RULE_FUNCS[name](state)
    state.all_candidates = list(state.candidates)


RULE_FUNCS = {
    "permitted_acts_are_not_acts": permitted_acts_are_not_acts,
    "light_verb_governor": light_verb_governor,
}


def refine(
    v: SentenceView, c: Candidate, start: int, end: int, head: int, window: int = 8
) -> tuple[str, bool]:
    """Code and symmetric flag of the trigger after its modifiers: the nearest modifier word after the trigger
    wins, then its dependents (serangan + udara -> 195; latihan + gabungan -> 062, reciprocal). A later
    modifier that refines the winner's code further takes over (bantuan 023 + pangan 0233)."""
    code, symmetric = c.trigger.code, c.trigger.symmetric
    mods = c.trigger.modifiers
    if not mods:
        return code, symmetric
    ordered = [v.texts[j] for j in range(end, min(len(v), end + window))]
    stop = next((k for k, w in enumerate(ordered) if w in CLAUSE_END), len(ordered))
    ordered = ordered[:stop]
    deps = _object_words(v, start, end, head, False) - set(ordered)
    words = ordered + sorted(deps)
    for k, w in enumerate(words):
        mod = mods.get(w)
        if mod is not None:
            later = (m for m in map(mods.get, words[k + 1 :]) if m is not None)
            finer = [m for m in later if m.code.startswith(mod.code)]
            mod = max(finer, key=lambda m: len(m.code), default=mod)
            return mod.code, symmetric if mod.symmetric is None else mod.symmetric
    return code, symmetric


@rule("modifiers", "triggers", "breadth")
def modifiers(state: SentenceState) -> None:
    """Refine each trigger's code with its entry's modifiers (serangan + udara -> 195, latihan + gabungan ->
    062 reciprocal, bantuan + kemanusiaan -> 073)."""
    v = state.view
    for c in state.candidates:
        c.code, c.symmetric = refine(v, c, c.start, c.end, c.head)


RULE_FUNCS["modifiers"] = modifiers
