"""Native Indonesian "who did what to whom" coder: sentences + resolved actors -> CAMEO event mentions.

Pipeline per sentence: find triggers (dictionary words/phrases, light verbs pass the code to their object
noun, fixed non-event expressions block their words,
verb + object patterns), drop triggers embedded in a verbal frame ("mendesak Iran untuk berhenti memasok
drone"
is one demand, not a supply), refine the code with modifiers, extract arguments (arguments.py), resolve
speaker
pronouns and "kedua negara" from context, classify modality/polarity (modality.py), recode future acts to
intent
codes, attach the event date (peristiwa.dates) and emit one EventMention per directed dyad. Reciprocal
predicates (and any act marked "saling" / "masing-masing") emit A->B and B->A sharing a pair_id.

Robustness to parser and splitter errors and to context (each rule only fires where the parse gave nothing):
a verb conjoined to a verbal frame, or after "tetapi"/a line break, is not the frame's complement; a second
verb of the same entry reuses the first one's object (ellipsis); the speaker is the subject of the reporting
verb or of the verb it is conjoined to, and is the source of first-person acts ("pihaknya telah …"); a
denial/rejection with no counterpart answers the latest accusation aimed at its source (`responds_to`); a
characterisation ("Israel menjadi ancaman", "diplomat X tidak boleh masuk") is the speaker's act on its
subject (`predicative`); the subject of a receiving verb ("menerima kunjungan X") is the target; a country in
the object phrase of a verbal act is its target; a matrix negation does not reach a means adjunct ("melalui
kerja sama …, kami tidak akan membiarkan …"); a heading line glued to a body sentence flags only itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from peristiwa.dates import ArticleDates, article_dates, resolve_dates

from .arguments import (
    LOCATION_CASES,
    SPEAKER_PRONOUNS,
    TARGET_CASES,
    Arguments,
    SentenceView,
    _subject_pos,
    base_rel,
    extract,
    mentions_both,
)
from .cameo import CameoTable
from .dictionary import Trigger, TriggerDictionary
from .modality import CLAUSE_BREAK, NEGATION, classify
from .protocols import MentionLike, SentenceLike

# Outer verbal frames whose complement is folded into their own code
# (appeal/agree/demand/reject/threaten/deny).
FRAME_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
# Modalities counted in aggregates (negated, hypothetical, reported/rumour, future and generic are kept,
# not counted).
COUNTED_MODALITIES = frozenset({"asserted", "historical", "intent"})
# An event dated more than a week before the story's date is historical background.
HISTORICAL_DAYS = 7
MATERIAL_CONFLICT_ROOTS = frozenset({"17", "18", "19", "20"})
ANAPHORS = frozenset({"tersebut", "itu", "ini"})
POSSESSIVE_CLITICS = frozenset({"nya", "-nya"})
EMBEDDING_VERBS = frozenset(
    {"membiarkan", "mengizinkan", "memungkinkan", "mencegah", "menghalangi", "melarang"}
)
DEMONSTRATIVE_HEADS = frozenset({"negara", "pemerintah", "pihak", "militer", "tentara"})
FRONTED_SUBORDINATORS = frozenset(
    {"sejak", "setelah", "sebelum", "usai", "seusai", "ketika", "saat", "sesudah", "selepas"}
)
# Receiving verbs: their subject is the target of the nominal act they take ("menerima kunjungan").
RECEPTIVE_VERBS = frozenset({"menerima", "mendapat", "mendapatkan", "memperoleh", "kedatangan"})
RECEPTIVE_LEMMAS = frozenset({"terima", "dapat", "peroleh"})
# How many sentences back a denial/rejection looks for the act it answers.
RESPONSE_WINDOW = 3
NON_AGENT_CASES = TARGET_CASES | LOCATION_CASES
CONTRAST = frozenset({"tetapi", "tapi", "namun", "sedangkan", "melainkan", "padahal"})
RETALIATION = frozenset({"balasan", "balik", "balasannya"})
# Discussion topics are not events of their own ("membahas kerja sama, perdagangan, …").
FRAME_TRIGGERS = frozenset({"negotiate"})


@dataclass
class EventMention:
    article_id: str
    sentence_index: int
    mention_id: str
    pair_id: str | None
    trigger_text: str
    trigger_start: int
    trigger_end: int
    source_text: str | None
    source_start: int | None
    source_end: int | None
    source_iso3: str | None
    source_sector: str | None
    source_actor_id: str | None
    target_text: str | None
    target_start: int | None
    target_end: int | None
    target_iso3: str | None
    target_sector: str | None
    target_actor_id: str | None
    cameo_code: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover_category: str | None
    modality: str
    polarity: str
    confidence: float
    date_text: str | None
    event_date: dt.date | None
    date_min: dt.date | None
    date_max: dt.date | None
    date_precision: str
    date_basis: str
    sentence_flags: str  # comma-joined sorted flags ('' for body text)
    dictionary_version: str
    rule: str
    sentence_text: str = ""
    published_date: dt.date | None = None

    @property
    def counted(self) -> bool:
        return (
            self.modality in COUNTED_MODALITIES
            and self.polarity == "positive"
            and bool(self.source_iso3)
            and bool(self.target_iso3)
            and self.source_iso3 != self.target_iso3
        )


@dataclass
class _Match:
    trigger: Trigger
    start: int  # token positions [start, end)
    end: int
    head: int  # position whose arguments/modality are read
    governor: int | None = None  # light verb / existential the noun trigger is the object of
    antecedent: _Match | None = None  # earlier trigger of the same entry whose object this one elides


def _low(s: str | None) -> str:
    return (s or "").casefold()


def find_triggers(v: SentenceView, d: TriggerDictionary) -> list[_Match]:
    toks = v.tokens
    texts = [_low(t.text) for t in toks]
    lemmas = [_low(t.lemma) for t in toks]
    taken: set[int] = set()
    found: list[_Match] = []
    # Fixed expressions that only look like events ("konferensi pers", "perang dagang") block their words.
    for phrase in d.non_events:
        n = len(phrase)
        for i in range(len(toks) - n + 1):
            if tuple(texts[i : i + n]) == phrase:
                taken.update(range(i, i + n))
    # Phrases first, longest first, so "serangan udara" (195) beats "serangan" (190).
    phrases = sorted(((p, t) for t in d.triggers for p in t.phrases), key=lambda x: -len(x[0]))
    for phrase, trig in phrases:
        n = len(phrase)
        for i in range(len(toks) - n + 1):
            if any(k in taken for k in range(i, i + n)):
                continue
            if tuple(texts[i : i + n]) == phrase or tuple(lemmas[i : i + n]) == phrase:
                m = _Match(trig, i, i + n, _phrase_head(v, i, i + n))
                # A phrase's required words may stand on either side ("menggunakan senjata kimia", "diplomat
                # Iran tidak boleh menginjakkan kaki").
                if trig.requires_object and not (
                    (_context_words(v, m, 8) | _words_before(v, m, 8)) & trig.requires_object
                ):
                    continue
                found.append(m)
                taken.update(range(i, i + n))
    by_word = d.by_word()
    for i, tok in enumerate(toks):
        if i in taken or i in v.actor_at:
            continue
        cands = by_word.get(texts[i], []) + [t for t in by_word.get(lemmas[i], []) if lemmas[i] != texts[i]]
        # Verb + object patterns first (menarik + duta besar -> 161 before menarik + pasukan -> 087); an entry
        # with required objects fires only when one follows in the clause or depends on the trigger.
        for trig in sorted(cands, key=lambda t: not t.requires_object):
            if trig.pos and (tok.upos or "") not in trig.pos:
                continue
            m = _Match(trig, i, i + 1, i)
            required = _context_words(v, m, 8) | (_words_before(v, m, 8) if trig.predicative else set())
            if trig.requires_object and not (required & trig.requires_object):
                # Ellipsis: "membantah memasok drone ke Rusia tetapi mengatakan telah menyediakan sejumlah
                # kecil": a second verb of the same entry reuses the object named with the first.
                antecedent = next((o for o in reversed(found) if o.trigger.id == trig.id), None)
                if antecedent is None:
                    continue
                m.antecedent = antecedent
            found.append(m)
            taken.add(i)
            break
    # Acts someone else is allowed/prevented to do are not the subject's acts ("tidak akan membiarkan teroris
    # membahayakan dan mengancam…").
    kept = []
    for m in found:
        before = [_low(t.text) for t in toks[max(0, m.start - 5) : m.start]]
        if any(w in EMBEDDING_VERBS for w in before) and "," not in before:
            continue
        kept.append(m)
    for m in kept:
        m.governor = _light_governor(v, m.head, d)
    return sorted(kept, key=lambda m: m.start)


def _context_words(v: SentenceView, m: _Match, window: int) -> set[str]:
    """Words after the trigger in its clause plus its dependents (for object patterns and modifiers)."""
    words: set[str] = set()
    for j in range(m.end, min(len(v.tokens), m.end + window)):
        w = _low(v.tokens[j].text)
        if w in {";", ":", "“", "”", '"', "bahwa", "sehingga", "namun", "tetapi"}:
            break
        words.add(w)
        words.add(_low(v.tokens[j].lemma))
    if v.parsed:
        for c in v.subtree(m.head, ("acl", "ccomp", "advcl", "parataxis", "conj")):
            words.add(_low(v.tokens[c].text))
    return words


def _words_before(v: SentenceView, m: _Match, window: int) -> set[str]:
    """Words before the trigger in its clause (for patterns whose required word is the subject)."""
    words: set[str] = set()
    for j in range(m.start - 1, max(-1, m.start - 1 - window), -1):
        w = _low(v.tokens[j].text)
        if w in {";", ":", "“", "”", '"', "bahwa", "sehingga", "namun", "tetapi", "."}:
            break
        words.add(w)
        words.add(_low(v.tokens[j].lemma))
    return words


def _phrase_head(v: SentenceView, start: int, end: int) -> int:
    """The syntactic head of a multi-token trigger: its first token whose head lies outside the span
    ("tidak bisa menginjakkan kaki" -> menginjakkan); the first token without a parse."""
    if v.parsed:
        for j in range(start, end):
            h = v.head_pos(j)
            if h is None or not start <= h < end:
                return j
    return start


def _behind_target_case(v: SentenceView, pos: int, top: int) -> bool:
    """True if a phrase on the path from pos up to top is introduced by a target preposition."""
    cur: int | None = pos
    for _ in range(8):
        if cur is None or cur == top:
            return False
        if v.case_of(cur) in TARGET_CASES:
            return True
        cur = v.head_pos(cur)
    return False


def _predicate_subjects(v: SentenceView, m: _Match) -> list[MentionLike]:
    """Who a characterising predicate is about: its own subject; for a complement with no subject of its
    own ("menyatakan pegawai kedutaan Iran tidak bisa …") the object of the verb it completes; else the
    nearest actor before it in the clause."""
    if v.parsed:
        for c in v.kids(m.head, "nsubj"):
            if acts := v.phrase_actors(c):
                return acts
        h = v.head_pos(m.head)
        if h is not None and base_rel(v.tokens[m.head]) in ("ccomp", "xcomp"):
            for c in v.kids(h, "obj"):
                if acts := v.phrase_actors(c):
                    return acts
    for j in range(m.start - 1, max(-1, m.start - 10), -1):
        if _low(v.tokens[j].text) in CLAUSE_BREAK - {"dan", "serta"} or v.tokens[j].text in (".", "!", "?"):
            break
        if (a := v.actor_at.get(j)) is not None and v.preposition_before(j) not in NON_AGENT_CASES:
            return [a]
    return []


def _light_governor(v: SentenceView, pos: int, d: TriggerDictionary) -> int | None:
    """The light verb (or any verb) a nominal trigger is the object of; linear: a light verb just before
    it."""
    if (
        v.parsed
        and base_rel(v.tokens[pos]) in ("obj", "xcomp", "nsubj:pass", "obl")
        and (h := v.head_pos(pos)) is not None
        and v.tokens[h].upos in ("VERB", "AUX", "ADJ")
    ):
        return h
    for j in range(pos - 1, max(-1, pos - 3), -1):
        w, lem = _low(v.tokens[j].text), _low(v.tokens[j].lemma)
        if w in d.light_verbs or lem in d.light_verbs or w in ("ada", "terjadi"):
            return j
        if w in CLAUSE_BREAK:
            break
    return None


def _reciprocal_marked(v: SentenceView, m: _Match) -> bool:
    """A reciprocity marker in the trigger's clause: "saling" just before it, "masing-masing" / "satu sama
    lain" after it."""
    before = [_low(t.text) for t in v.tokens[max(0, m.start - 2) : m.start]]
    if "saling" in before:
        return True
    after = []
    for t in v.tokens[m.end : m.end + 8]:
        w = _low(t.text)
        if w in CLAUSE_BREAK - {"dan", "serta"} or w in (".", "!", "?"):
            break
        after.append(w)
    text = " ".join(after)
    return "masing-masing" in after or "satu sama lain" in text


def _between(v: SentenceView, a: _Match, b: _Match) -> str:
    """The sentence text between the end of match a and the start of match b."""
    base = v.sentence.start_char
    return v.sentence.text[v.tokens[a.end - 1].end_char - base : v.tokens[b.start].start_char - base]


def _receptive(tok: Any) -> bool:
    return _low(tok.text) in RECEPTIVE_VERBS or (tok.upos == "VERB" and _low(tok.lemma) in RECEPTIVE_LEMMAS)


def _is_light(tok: Any, d: TriggerDictionary) -> bool:
    w, lem = _low(tok.text), _low(tok.lemma)
    return w in d.light_verbs or lem in d.light_verbs or w in ("ada", "terjadi")


def _embedded(v: SentenceView, inner: _Match, outer: _Match) -> bool:
    """True if `inner` sits in the complement of the verbal frame `outer` (same clause, after it)."""
    is_frame = outer.trigger.code[:2] in FRAME_ROOTS or outer.trigger.id in FRAME_TRIGGERS
    if not is_frame or inner is outer or inner.start <= outer.start:
        return False
    gap = [_low(t.text) for t in v.tokens[outer.end : inner.start]]
    # "membantah memasok drone … tetapi kemudian mengatakan telah menyediakan …": a contrast starts a new
    # assertion, whatever the parse attached it to; so does a line break (a heading glued to the body).
    if any(w in CONTRAST for w in gap) or "\n" in _between(v, outer, inner):
        return False
    if v.parsed:
        cur: int | None = inner.head
        for step in range(6):
            if cur is None:
                break
            if cur == outer.head:
                return True
            # A verb conjoined to the frame itself is a second act of the same subject ("meminta … dan
            # mengundang Abdollahian untuk berunding"), not its complement.
            if step == 0 and base_rel(v.tokens[cur]) == "conj" and v.head_pos(cur) == outer.head:
                return False
            if base_rel(v.tokens[cur]) not in (
                "xcomp",
                "ccomp",
                "obj",
                "advcl",
                "conj",
                "acl",
                "nmod",
                "obl",
            ):
                break
            cur = v.head_pos(cur)
    if gap and gap[-1] in ("dan", "serta") and _verb_like(v.tokens[inner.start]):
        return False  # a conjoined verb is a second act of the same subject, not a complement
    # Topics of talks come as lists ("membahas kerja sama, perdagangan, perang melawan terorisme").
    commas = 3 if outer.trigger.id in FRAME_TRIGGERS else 0
    return (
        len(gap) <= 8 + 4 * commas
        and not any(w in {";", ":", "“", "”", '"', ".", "namun", "tetapi", "sedangkan"} for w in gap)
        and gap.count(",") <= commas
    )


def _verb_like(tok: Any) -> bool:
    if tok.upos in ("VERB", "AUX"):
        return True
    w = _low(tok.text)
    return not tok.upos or tok.upos in ("X", "_") and w.startswith(("me", "ber", "di", "ter")) and len(w) > 5


def _nonstate_opponent(v: SentenceView, m: _Match) -> bool:
    """True when the trigger names its opponent right after it with melawan/terhadap/atas and no actor or
    place follows in the rest of that phrase ("perang melawan terorisme"; but "serangan terhadap militan di
    wilayah Pakistan" still has a territory state)."""
    j = m.end
    if j >= len(v.tokens) or _low(v.tokens[j].text) not in ("melawan", "terhadap", "atas", "kepada"):
        return False
    phrase = []
    for k in range(j + 1, min(len(v.tokens), j + 10)):
        w = _low(v.tokens[k].text)
        if w in CLAUSE_BREAK or w in (".", "!", "?"):
            break
        phrase.append(k)
    return bool(phrase) and not any(k in v.actor_at or k in v.venue_at for k in phrase)


def _extra_codes(v: SentenceView, m: _Match, first: str) -> list[str]:
    """'sepakat untuk memerangi terorisme … dan membentuk sistem konsultasi': one agreement per conjoined
    complement, each coded by its own modifiers (0312 and 036)."""
    out: list[str] = []
    j = m.end
    limit = min(len(v.tokens), m.end + 30)
    while j < limit:
        w = _low(v.tokens[j].text)
        if w in {";", ":", "“", "”", '"', ".", "namun", "tetapi"}:
            break
        if w in ("dan", "serta") and j + 1 < limit and _verb_like(v.tokens[j + 1]):
            seg = _Match(m.trigger, j, j + 1, j)
            code, _ = _refine(v, seg, window=6)
            if code != first and code != m.trigger.code and code not in out:
                out.append(code)
        j += 1
    return out


def _refine(v: SentenceView, m: _Match, window: int = 8) -> tuple[str, bool]:
    """Code and symmetric flag after modifiers (serangan + udara -> 195; latihan + gabungan -> 062,
    reciprocal)."""
    code, symmetric = m.trigger.code, m.trigger.symmetric
    if not m.trigger.modifiers:
        return code, symmetric
    words = _context_words(v, m, window)
    # The nearest modifier after the trigger wins; dependents count too.
    ordered = [_low(v.tokens[j].text) for j in range(m.end, min(len(v.tokens), m.end + window))]
    for w in ordered + sorted(words - set(ordered)):
        mod = m.trigger.modifiers.get(w)
        if mod is not None:
            return mod.code, symmetric if mod.symmetric is None else mod.symmetric
    return code, symmetric


@dataclass
class _Context:
    """Article state carried across sentences: recent actors (for "kedua negara") and the last speaker."""

    recent: list[MentionLike]
    speaker: MentionLike | None = None
    last_by_root: dict[str, list[tuple[MentionLike, MentionLike]]] = field(default_factory=dict)
    last_source: MentionLike | None = None
    # (sentence index, CAMEO root, source, target) of every coded dyad, in text order.
    history: list[tuple[int, str, MentionLike, MentionLike]] = field(default_factory=list)

    def pair(self) -> list[MentionLike]:
        """The article's main dyad so far: the two most frequent countries among actor mentions (ties: the
        most recent). News stories are about one pair, so this beats "the last two names" for "kedua
        negara"."""
        counts: dict[str, int] = {}
        last: dict[str, tuple[int, MentionLike]] = {}
        for i, m in enumerate(self.recent):
            if m.iso3:
                counts[m.iso3] = counts.get(m.iso3, 0) + 1
                last[m.iso3] = (i, m)
        top = sorted(counts, key=lambda k: (-counts[k], -last[k][0]))[:2]
        return [last[k][1] for k in top] if len(top) == 2 else []


def _speaker(v: SentenceView, d: TriggerDictionary) -> MentionLike | None:
    """The speaker of reported speech in this sentence: "kata X", "ujar X", "menurut X", "X mengatakan
    bahwa"."""
    toks = v.tokens
    for i, t in enumerate(toks):
        w, lem = _low(t.text), _low(t.lemma)
        if w not in d.reporting_verbs and lem not in d.reporting_verbs:
            continue
        if v.parsed:
            # The subject of the reporting verb, or of the verb it is conjoined to ("Iran membantah … tetapi
            # kemudian mengatakan …").
            subj, passive = _subject_pos(v, i)
            if subj is not None and not passive and (acts := v.phrase_actors(subj)):
                return acts[0]
        # "kata Jilani" / "menurut Kiev": the actor right after (not past "bahwa": "mengatakan bahwa Israel"
        # names the topic); "Jilani mengatakan bahwa": the actor before (not one introduced by a preposition:
        # "memasok drone ke Rusia tetapi mengatakan"). A me- verb is SVO, so its subject comes first.
        after = None
        for j in range(i + 1, min(len(toks), i + 4)):
            if _low(toks[j].text) in CLAUSE_BREAK | {".", "“", "”", '"'}:
                break
            if (after := v.actor_at.get(j)) is not None:
                break
        before = None
        for j in range(i - 1, max(-1, i - 6), -1):
            if (m := v.actor_at.get(j)) is not None and v.preposition_before(j) not in NON_AGENT_CASES:
                before = m
                break
            if _low(toks[j].text) in {",", ".", "“", "”", '"'} | CONTRAST:
                break
        found = (before, after) if w.startswith("me") and w != "menurut" else (after, before)
        if (who := found[0] or found[1]) is not None:
            return who
    return None


def _dedupe(ms: Iterable[MentionLike]) -> list[MentionLike]:
    out: list[MentionLike] = []
    for m in ms:
        key = m.iso3 or m.actor_id or m.text
        if all((o.iso3 or o.actor_id or o.text) != key for o in out):
            out.append(m)
    return out


HEADING_FLAGS = frozenset({"headline", "subheading"})
TERMINAL = (".", "!", "?", '."', ".”", '?"', "?”", '!"', "!”")


def _line_flags(sentence: SentenceLike, char_pos: int) -> str:
    """Sentence flags for the line holding char_pos. The sentence splitter may glue a heading line (no final
    period) to the body sentence that follows it ("Kedua negara sepakat …\nSebagai bagian dari …, Jilani
    mengatakan …."): a line that ends like prose (final punctuation) is body text, whatever the sentence's
    heading flags say. Single-line sentences keep their flags."""
    flags = set(sentence.flags or ())
    text = sentence.text
    if not flags & HEADING_FLAGS or "\n" not in text.strip():
        return ",".join(sorted(flags))
    offset = char_pos - sentence.start_char
    start = text.rfind("\n", 0, max(0, offset)) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].strip()
    if line.endswith(TERMINAL) and len(line.split()) >= 4:
        flags -= HEADING_FLAGS
    return ",".join(sorted(flags))


def _id(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def code_sentence(
    sentence: SentenceLike,
    mentions: Sequence[MentionLike],
    published_date: dt.date | None,
    dictionary: TriggerDictionary,
    cameo: CameoTable,
    dates: ArticleDates,
    ctx: _Context | None = None,
) -> list[EventMention]:
    ctx = ctx or _Context([])
    v = SentenceView(sentence, mentions)
    speaker = _speaker(v, dictionary)
    all_matches = find_triggers(v, dictionary)
    matches = [m for m in all_matches if not any(_embedded(v, m, o) for o in all_matches)]
    out: list[EventMention] = []
    previous: dict[str, Any] = {}
    for m in matches:
        code, symmetric = _refine(v, m)
        # "saling menyerang", "serangan ke wilayah masing-masing", "satu sama lain": a reciprocal act.
        reciprocal = _reciprocal_marked(v, m)
        symmetric = symmetric or reciprocal
        is_noun = (v.tokens[m.head].upos or "") in ("NOUN", "PROPN") or (
            m.governor is not None and not v.parsed
        )
        args: Arguments = extract(
            v, m.head, is_noun, m.trigger.requires_object if m.trigger.object_is_target else frozenset()
        )
        if m.governor is not None and _receptive(v.tokens[m.governor]):
            # "Menlu Iran menerima kunjungan Menlu Rusia", "X mendapat serangan dari Y": the subject of a
            # receiving verb undergoes the act; the possessor / "dari" phrase does it.
            gov = extract(v, m.governor, False)
            recipients = [a for a in gov.sources if all(a is not x for x in args.sources)]
            if recipients:
                args = Arguments(
                    [a for a in args.sources if all(a.iso3 != r.iso3 for r in recipients)],
                    recipients,
                    args.rule + "+receiver",
                    args.both_words,
                    False,
                    False,
                )
        if not args.sources and m.governor is not None:
            gov_args = extract(v, m.governor, False)
            args = Arguments(
                gov_args.sources,
                args.targets or gov_args.targets,
                gov_args.rule + "+light-verb",
                gov_args.both_words,
                gov_args.speaker_pronoun,
                gov_args.first_person,
            )
        sources, targets, rule = list(args.sources), list(args.targets), args.rule
        # A target of the source's own country ("menyalahkan kampanye anti-Azerbaijan" by Azerbaijan) gives
        # no dyad: for a verbal act, drop it so that the object phrase is searched for the counterpart.
        if m.trigger.verbal:
            targets = [t for t in targets if not (t.iso3 and any(t.iso3 == x.iso3 for x in sources))]
        if m.trigger.predicative:
            # A characterisation ("X mengatakan bahwa Israel menjadi ancaman …", "Azerbaijan menyatakan
            # pegawai kedutaan Iran tidak bisa menginjakkan kaki …") is the speaker's act on the one
            # characterised. No speaker in the sentence, no event: a narrator's description is not an act.
            targets = [
                t
                for t in _predicate_subjects(v, m)
                if speaker is not None and (not t.iso3 or t.iso3 != speaker.iso3)
            ]
            if speaker is None or not targets:
                continue
            sources, rule = [speaker], "speaker+predicate"
        if not targets and m.antecedent is not None:
            ante = extract(v, m.antecedent.head, False)
            targets = [t for t in ante.targets if all(t.iso3 != x.iso3 for x in sources)]
            if targets:
                rule += "+ellipsis"
        if m.trigger.code[:2] in FRAME_ROOTS or m.trigger.id in FRAME_TRIGGERS:
            # A verbal frame's complement belongs to the embedded act: "membantah memasok drone ke Rusia" has
            # no target Rusia (the target of a denial is the accuser).
            inner = [o.start for o in all_matches if o.start >= m.end and _embedded(v, o, m)]
            if inner:
                targets = [t for t in targets if t.start_char < v.tokens[min(inner)].start_char]
        # Conjoined verbs share their subject ("Azerbaijan mengkritik Iran … dan menyalahkan …"): in linear
        # mode the nearest actor on the left would be the previous verb's object.
        prev = previous.get("match")
        if (
            not v.parsed
            and prev is not None
            and previous.get("sources")
            and m.start - prev.end <= 12
            and any(_low(t.text) in ("dan", "serta") for t in v.tokens[max(prev.end, m.start - 3) : m.start])
        ):
            sources = list(previous["sources"])
            targets = [t for t in targets if all(t.iso3 != x.iso3 for x in sources)] or [
                t for t in previous["targets"] if all(t.iso3 != x.iso3 for x in sources)
            ]
            rule += "+conj"
        # "Negara itu juga membatalkan …": a demonstrative country subject is the last event's source.
        left = [_low(t.text) for t in v.tokens[max(0, m.start - 4) : m.start]]
        if (
            not sources
            and ctx.last_source is not None
            and any(a in DEMONSTRATIVE_HEADS and b in ANAPHORS for a, b in zip(left, left[1:], strict=False))
        ):
            sources = [ctx.last_source]
            rule += "+demonstrative"
        # "Sejak melancarkan invasi … ke Ukraina pada Februari 2022, Rusia berupaya …": a fronted adverbial
        # clause takes the main-clause subject after its comma.
        if not sources and v.tokens and _low(v.tokens[0].text) in FRONTED_SUBORDINATORS:
            comma = next((j for j in range(m.end, len(v.tokens)) if v.tokens[j].text == ","), None)
            if (
                comma is not None
                and comma + 1 < len(v.tokens)
                and (a := v.actor_at.get(comma + 1)) is not None
                and all(a.iso3 != t.iso3 for t in targets)
            ):
                sources = [a]
                rule += "+fronted-clause"
        # "perang melawan terorisme": the opponent is named and is not a state, so there is no territory
        # state to fall back to and the conjoined subjects are allies.
        nonstate = not targets and code[:2] in MATERIAL_CONFLICT_ROOTS and _nonstate_opponent(v, m)
        if nonstate:
            rule += "+nonstate-opponent"
        if not targets and code[:2] in MATERIAL_CONFLICT_ROOTS and not nonstate:
            # Cross-border strikes: the territory state is the target ("serangan ... di provinsi Balochistan,
            # barat daya Pakistan"), so look past relative clauses and locations for the first country.
            for j in range(m.end, min(len(v.tokens), m.end + 18)):
                if _low(v.tokens[j].text) in {";", ".", "“", "”", "namun", "tetapi", "sedangkan"}:
                    break
                cand = v.actor_at.get(j) or v.venue_at.get(j)
                if cand is not None and cand.iso3 and all(cand.iso3 != x.iso3 for x in sources):
                    targets.append(cand)
                    rule += "+territory"
                    break
        if m.trigger.venue_as_target and not targets:
            # "berkunjung ke Teheran", "duta besarnya untuk Teheran", "kedutaan Azerbaijan di Teheran
            # kembali…"
            venues = [
                v.venue_at[j]
                for j in v.linear_window(m.head, 1, 8) + v.linear_window(m.head, -1, 6)
                if j in v.venue_at and all(v.venue_at[j].iso3 != x.iso3 for x in sources)
            ]
            if venues:
                targets += venues[:1]
                rule += "+venue"
        if not targets and sources and m.trigger.verbal and v.parsed:
            # "menyalahkan kampanye anti-Azerbaijan di Iran": the country named inside the object phrase of a
            # verbal act (as an actor or a place) is its target.
            for c in v.kids(m.head, "obj"):
                # not behind terhadap/ke/…: "mengecam serangan terhadap fasilitas minyak Arab Saudi" is not
                # aimed at Arab Saudi
                cands = [
                    v.actor_at.get(j) or v.venue_at.get(j)
                    for j in v.subtree(c, ("acl", "ccomp", "advcl", "parataxis", "conj"))
                    if j > m.head and not _behind_target_case(v, j, c)
                ]
                hits = [
                    a for a in cands if a is not None and a.iso3 and all(a.iso3 != x.iso3 for x in sources)
                ]
                if hits:
                    targets.append(hits[0])
                    rule += "+object-phrase"
                    break
        if not targets and m.trigger.requires_object:
            # "menyoroti kekejaman Israel": the possessor of the required object is the target.
            for j in range(m.end, min(len(v.tokens), m.end + 9)):
                if _low(v.tokens[j].text) in m.trigger.requires_object:
                    for k in range(j + 1, min(len(v.tokens), j + 3)):
                        if (a := v.actor_at.get(k)) is not None and all(a is not x for x in sources):
                            targets.append(a)
                            rule += "+object-possessor"
                            break
                    break
        if not targets and sources and symmetric:
            # "perundingan regional yang diselenggarakan oleh Iran": the host of the talks is the counterpart.
            for j in range(m.end, min(len(v.tokens), m.end + 8)):
                if (
                    _low(v.tokens[j].text) == "oleh"
                    and j + 1 < len(v.tokens)
                    and (a := v.actor_at.get(j + 1) or v.venue_at.get(j + 1)) is not None
                ):
                    if all(a.iso3 != x.iso3 for x in sources):
                        targets.append(a)
                        rule += "+host"
                    break
        # Retaliation with no named target answers the last event of its root: "serangan balasan dari Israel".
        if not targets and sources and any(_low(t.text) in RETALIATION for t in v.tokens[m.end : m.end + 2]):
            for a, b in ctx.last_by_root.get(code[:2], []):
                if b.iso3 and any(b.iso3 == x.iso3 for x in sources) and a.iso3:
                    targets.append(a)
                    rule += "+retaliation"
                    break
        # A response with no named counterpart answers the latest act of the roots it responds to that was
        # aimed at its source: "Iran membantah …" denies the accusation Ukraine made a sentence earlier.
        if not targets and sources and m.trigger.responds_to:
            for k, root, a, b in reversed(ctx.history):
                if sentence.index - k > RESPONSE_WINDOW:
                    break
                if root in m.trigger.responds_to and b.iso3 and any(b.iso3 == x.iso3 for x in sources):
                    if a.iso3 and all(a.iso3 != x.iso3 for x in sources):
                        targets.append(a)
                        rule += "+responds"
                    break
        # "kedua negara" / "keduanya" / "mereka": the article's main pair of countries.
        words_before = [_low(v.tokens[j].text) for j in sorted(v.linear_window(m.head, -1, 6))]
        if not sources and (
            args.both_words or mentions_both(words_before) or (m.trigger.pair_from_context and not targets)
        ):
            sources = ctx.pair()
            rule += "+both"
        # "Pertemuan tersebut membahas…": an anaphoric event noun re-mentions the last event of its root; so
        # does a possessive pronoun when the sentence names no actor at all ("Salah satu serangannya …").
        anaphor = m.end < len(v.tokens) and (
            _low(v.tokens[m.end].text) in ANAPHORS
            or (_low(v.tokens[m.end].text) in POSSESSIVE_CLITICS and not v.actor_at and is_noun)
        )
        anaphoric_dyads: list[tuple[MentionLike, MentionLike]] = []
        if (
            not sources
            and not targets
            and (
                anaphor
                or any(_low(v.tokens[j].text) in ANAPHORS for j in range(m.head - 2, m.head) if j >= 0)
            )
        ):
            for o in matches:
                if o is not m and o.end <= m.head + 3 and o.start >= m.start - 3:
                    anaphoric_dyads = ctx.last_by_root.get(o.trigger.code[:2], [])
                    if anaphoric_dyads:
                        break
            anaphoric_dyads = anaphoric_dyads or ctx.last_by_root.get(code[:2], [])
            if anaphoric_dyads:
                rule += "+anaphor"
        # Reported speech: the speaker is the source of verbal events ("…," kata Jilani; menurut Kiev …), and
        # a first-person subject ("pihaknya telah menyediakan …", "kami akan …") is the speaker for any act.
        if m.trigger.verbal and (
            not sources or args.speaker_pronoun or _low(v.tokens[m.head].text) in SPEAKER_PRONOUNS
        ):
            who = speaker or (ctx.speaker if args.speaker_pronoun or not sources else None)
            if who is not None and (not sources or args.speaker_pronoun):
                sources = [who]
                rule += "+speaker"
        elif args.first_person and speaker is not None and all(speaker.iso3 != t.iso3 for t in targets):
            sources = [speaker]
            rule += "+speaker"
        if "antara" in {_low(t.text) for t in v.tokens[m.end : m.end + 4]} and symmetric:
            sources = _dedupe(sources + targets)
            targets = []
            rule += "+antara"
        sources, targets = _dedupe(sources), _dedupe(targets)
        if reciprocal and not sources and len(targets) >= 2:
            # the parser took the conjoined subject of a ter- verb for a patient ("Iran dan Israel terlibat")
            sources, targets = targets, []
            rule += "+reciprocal-marker"
        dyads: list[tuple[MentionLike, MentionLike, str]] = []
        if anaphoric_dyads:
            dyads = [(a, b, code) for a, b in anaphoric_dyads]
        elif symmetric:
            # Sources x targets both ways; with no target, the conjoined sources pair among themselves
            # ("Iran dan Rusia sepakat"). Without a source, two targets are not a pair ("kunjungan ke Cina dan
            # Korea Utara"). The converse code (043 host) needs a host that acts (has a sector), not a place.
            if targets and sources:
                pairs = [(a, b) for a in sources for b in targets]
            elif nonstate:
                pairs = []
            else:
                pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
            for a, b in pairs:
                if a is b or (a.iso3 and a.iso3 == b.iso3):
                    continue
                dyads.append((a, b, code))
                if not m.trigger.converse or b.sector:
                    dyads.append((b, a, m.trigger.converse or code))
        else:
            dyads = [
                (s, t, code)
                for s in sources
                for t in targets
                if s is not t and not (s.iso3 and s.iso3 == t.iso3)
            ]
        if not dyads:
            continue
        if code[:2] == "03" and m.trigger.modifiers:
            base = list(dyads)
            for extra in _extra_codes(v, m, code):
                dyads += [(a, b, extra) for a, b, _ in base]
        governors = [m.governor] if m.governor is not None else []
        # A nominal in an oblique adjunct of a full verb ("melalui kerja sama …") is outside the verb's
        # negation; the object of a light verb or existential is not.
        neg_governors = [
            g
            for g in governors
            if not (
                v.parsed
                and base_rel(v.tokens[m.head]) == "obl"
                and v.head_pos(m.head) == g
                and not _is_light(v.tokens[g], dictionary)
            )
        ]
        # A negation inside the trigger phrase is part of its meaning ("tidak boleh menginjakkan kaki").
        lexical_neg = any(_low(t.text) in NEGATION for t in v.tokens[m.start : m.end])
        if lexical_neg:
            modality, polarity = classify(v.tokens, m.start, [], [], lexical_negation=True)
        else:
            modality, polarity = classify(v.tokens, m.head, governors, neg_governors)
        tok0, tok1 = v.tokens[m.start], v.tokens[m.end - 1]
        date = resolve_dates(sentence.text, dates, published_date, sentence.start_char, tok0.start_char)
        ref = dates.published or (dates.explicit[-1][1].event_date if dates.explicit else None)
        if (
            modality == "asserted"
            and date.event_date
            and ref
            and date.date_basis != "inherited"
            and ((date.date_max or date.event_date) < ref - dt.timedelta(days=HISTORICAL_DAYS))
        ):
            modality = "historical"
        previous.update(match=m, sources=sources, targets=targets)
        if not anaphoric_dyads:
            ctx.last_by_root[code[:2]] = [(a, b) for a, b, _ in dyads]
            ctx.last_source = dyads[0][0]
        ctx.history += [(sentence.index, c[:2], a, b) for a, b, c in dyads]
        pair_id = (
            _id(sentence.article_id, sentence.index, m.start, "pair")
            if len(dyads) > 1 and symmetric
            else None
        )
        for k, (s, t, c) in enumerate(dyads):
            mod = modality
            if modality in ("future", "reported") and polarity == "positive":
                recoded = dictionary.future_codes.get(c[:2])
                if recoded:
                    if k % 2 == 1 and symmetric and m.trigger.converse:
                        # an announced visit is the visitor's intent; the host has hosted nothing yet
                        continue
                    c = recoded
                    mod = "intent" if modality == "future" else modality
            info = cameo.get(c)
            conf = (
                0.8
                if ("nsubj" in rule or "obj" in rule or "passive" in rule or "possessor" in rule)
                else 0.55
            )
            conf = conf - 0.15 if "linear" in rule else conf
            out.append(
                EventMention(
                    article_id=sentence.article_id,
                    sentence_index=sentence.index,
                    mention_id=_id(sentence.article_id, sentence.index, m.start, k, c),
                    pair_id=pair_id,
                    trigger_text=sentence_text_slice(sentence, tok0.start_char, tok1.end_char),
                    trigger_start=tok0.start_char,
                    trigger_end=tok1.end_char,
                    source_text=s.text,
                    source_start=s.start_char,
                    source_end=s.end_char,
                    source_iso3=s.iso3,
                    source_sector=s.sector,
                    source_actor_id=s.actor_id,
                    target_text=t.text,
                    target_start=t.start_char,
                    target_end=t.end_char,
                    target_iso3=t.iso3,
                    target_sector=t.sector,
                    target_actor_id=t.actor_id,
                    cameo_code=c,
                    cameo_root=info.root,
                    goldstein=info.goldstein,
                    quad_class=info.quad_class,
                    plover_category=info.plover_category,
                    modality=mod,
                    polarity=polarity,
                    confidence=round(max(0.1, conf), 2),
                    date_text=date.date_text,
                    event_date=date.event_date,
                    date_min=date.date_min,
                    date_max=date.date_max,
                    date_precision=date.date_precision,
                    date_basis=date.date_basis,
                    sentence_flags=_line_flags(sentence, tok0.start_char),
                    dictionary_version=dictionary.version,
                    rule=f"{m.trigger.id}:{rule}" + ("+reciprocal" if symmetric else ""),
                    sentence_text=sentence.text,
                    published_date=published_date,
                )
            )
    # Update the article context: actors in order, and the speaker for the next quote ("ujarnya", "tambah
    # dia").
    ctx.recent.extend(sorted({id(x): x for x in v.actor_at.values()}.values(), key=lambda x: x.start_char))
    if speaker is not None:
        ctx.speaker = speaker
    elif (subj_actor := next((a for p, a in sorted(v.actor_at.items())), None)) is not None:
        ctx.speaker = subj_actor
    return out


def sentence_text_slice(sentence: SentenceLike, start: int, end: int) -> str:
    return sentence.text[start - sentence.start_char : end - sentence.start_char]


def code_article(
    sentences: Sequence[SentenceLike],
    mentions: Sequence[MentionLike],
    published_date: dt.date | None,
    dictionary: TriggerDictionary,
    cameo: CameoTable,
    text: str | None = None,
) -> list[EventMention]:
    """Code every sentence of one article. `text` (the cleaned article) improves date anchoring; without it
    the
    sentences are joined at their offsets."""
    if text is None:
        size = max((s.end_char for s in sentences), default=0)
        buf = [" "] * size
        for s in sentences:
            buf[s.start_char : s.start_char + len(s.text)] = list(s.text)
        text = "".join(buf)
    dates = article_dates(text, published_date)
    by_sentence: dict[int, list[MentionLike]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    ctx = _Context([])
    out: list[EventMention] = []
    for s in sorted(sentences, key=lambda s: s.index):
        out += code_sentence(s, by_sentence.get(s.index, []), published_date, dictionary, cameo, dates, ctx)
    return out
