"""Pass 7, code: the final CAMEO code of every dyad, its date and the event mention rows.

conjoined_aims      "sepakat untuk memerangi terorisme ... dan membentuk sistem konsultasi": one agreement
                    per conjoined complement, each coded by its own modifiers (0312 and 036)
future_intent       an announced or planned act is coded as the intent to do it (CAMEO): "akan mengunjungi"
                    042 -> 036, an announced strike 19x -> 138 (dictionary `future_codes`); the host of an
                    announced visit has hosted nothing yet
historical_date     an act dated more than a week before publication is historical background
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from peristiwa.dates import ArticleDates, DateResolution, resolve_dates

from ..cameo import CameoTable
from ..protocols import MentionLike, SentenceLike
from .actors import actor_code, actor_type
from .model import COUNTED_MODALITIES, Candidate, SentenceState, rule, switch
from .triggers import refine
from .view import SentenceView

# An event dated more than a week before the story's date is historical background.
HISTORICAL_DAYS = 7
HEADING_FLAGS = frozenset({"headline", "subheading"})
TERMINAL = (".", "!", "?", '."', ".”", '?"', "?”", '!"', "!”")
# Scored actor types: both sides must be one of these for a mention to count (states, IGOs, and nationals of a
# state as the target of a state's act).
COUNTED_SOURCE_TYPES = frozenset({"state", "igo"})
COUNTED_TARGET_TYPES = frozenset({"state", "igo", "nationals"})
# Nationals undergo material acts (aid, release, threats, force, sanctions, arrests, attacks); what a state
# says to or agrees with a tourist, a singer or a firm is no act between states.
NATIONALS_TARGET_ROOTS = frozenset({"07", "08", "13", "15", "16", "17", "18", "19", "20"})


def nationals_target_counts(cameo_code: str) -> bool:
    """Whether an act with another state's nationals as its target counts for that state."""
    return (cameo_code or "")[:2] in NATIONALS_TARGET_ROOTS


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
    source_actor_type: str = ""  # state | igo | nationals | nonstate
    target_actor_type: str = ""

    @property
    def counted(self) -> bool:
        """Counted in the country-pair panels: asserted (or historical / intent), positive, a state on both
        sides (a state's act on another state's nationals counts for that state), and two different states."""
        return (
            self.modality in COUNTED_MODALITIES
            and self.polarity == "positive"
            and self.source_actor_type == "state"
            and (
                self.target_actor_type == "state"
                or (self.target_actor_type == "nationals" and nationals_target_counts(self.cameo_code))
            )
            and bool(self.source_iso3)
            and bool(self.target_iso3)
            and self.source_iso3 != self.target_iso3
        )


def mention_id(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


@rule("conjoined_aims", "code", "breadth")
def conjoined_aims(c: Candidate, state: SentenceState) -> None:
    """An agreement with conjoined aims gives one code per aim (each refined by its own modifiers)."""
    if c.code[:2] != "03" or not c.trigger.modifiers:
        return
    v = state.view
    j, limit = c.end, min(len(v), c.end + 30)
    while j < limit:
        if v.texts[j] in {";", ":", "“", "”", '"', ".", "namun", "tetapi"}:
            break
        if v.texts[j] in ("dan", "serta") and j + 1 < limit and _verb_like(v, j + 1):
            code, _ = refine(v, c, j, j + 1, j, window=6)
            if code not in (c.code, c.trigger.code) and code not in c.extra_codes:
                c.extra_codes.append(code)
        j += 1
    if c.extra_codes:
        c.dyads += [(a, b, extra) for extra in c.extra_codes for a, b, _ in list(c.dyads) if _ == c.code]
        c.fired("conjoined-aims")


def _verb_like(v: SentenceView, pos: int) -> bool:
    tok = v.tokens[pos]
    if tok.upos in ("VERB", "AUX"):
        return True
    w = v.texts[pos]
    return not tok.upos or tok.upos in ("X", "_") and w.startswith(("me", "ber", "di", "ter")) and len(w) > 5


def line_flags(sentence: SentenceLike, char_pos: int) -> str:
    """Sentence flags for the line holding char_pos: a line that ends like prose inside a heading-flagged
    sentence is body text (the splitter may glue a heading line to the body sentence after it)."""
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


def _confidence(rules: str) -> float:
    conf = 0.8 if any(r in rules for r in ("nsubj", "obj", "passive", "possessor")) else 0.55
    conf -= 0.15 if "linear" in rules else 0.0
    return round(max(0.1, conf), 2)


def _side(m: MentionLike, sentence_index: int) -> dict:
    """One side of a dyad. Offsets index the body, or the title for headline sentences (index < 0): an actor
    taken from the headline into a body sentence (or back) keeps its text but no offsets."""
    kind = actor_type(m)
    same_text = (getattr(m, "sentence_index", sentence_index) < 0) == (sentence_index < 0)
    return {
        "text": m.text,
        "start": m.start_char if same_text else None,
        "end": m.end_char if same_text else None,
        "iso3": m.iso3 or "",
        "sector": actor_code(m) if kind == "igo" else m.sector,
        "actor_id": m.actor_id,
        "type": kind,
    }


switch(
    "date_in_own_clause",
    "code",
    "core",
    """A date inside a relative clause, a quotation or a clause of what came before or after (setelah,
       sebelum, menyusul, usai, pasca) that the trigger is not in dates something else: "... bagian Tepi
       Barat, yang diduduki Israel pada tahun 1967, jika terpilih" does not date the threatened annexation,
       '"pernah bertemu di 2016," kata Jokowi saat menyambut ...' not the welcome, "Kunjungan itu terjadi dua
       minggu setelah Iran menyerang wilayah Pakistan pada Selasa (16/1)" not the visit.""",
)

# Subordinators of a clause that tells what came before or after the main clause's act. Not "ketika/saat"
# (the same time) nor "sejak" (since: "bertempur sejak Senin" dates the fighting).
SEQUENCE_SUBORDINATORS = frozenset({"setelah", "sesudah", "sebelum", "menyusul", "usai", "seusai", "pasca"})

RELATIVE_END = frozenset({",", ";", ":", "“", "”", '"', "(", ")"})
QUOTE_MARKS = frozenset({"“", "”", '"'})


def _foreign_date_spans(state: SentenceState, c: Candidate) -> list[tuple[int, int]]:
    """Sentence-offset spans of the relative clauses, sequence clauses and quotations that do not contain the
    trigger."""
    v, base = state.view, state.sentence.start_char
    spans: list[tuple[int, int]] = []
    n = len(v)
    for i in range(n):
        if v.texts[i] != "yang":
            continue
        j = next((k for k in range(i + 1, n) if _ends_relative(v, k)), n)
        if i <= c.start < j or _modifies_trigger(v, c, i):
            continue
        spans.append((v.tokens[i].start_char - base, v.tokens[j - 1].end_char - base))
    for i in range(n):
        if v.texts[i].lower() not in SEQUENCE_SUBORDINATORS:
            continue
        j = next((k for k in range(i + 1, n) if v.texts[k] in RELATIVE_END), n)
        if not i <= c.start < j:
            spans.append((v.tokens[i].start_char - base, v.tokens[j - 1].end_char - base))
    quotes = [k for k in range(n) if v.texts[k] in QUOTE_MARKS]
    for a, b in zip(quotes[::2], quotes[1::2], strict=False):
        if not a < c.start < b:
            spans.append((v.tokens[a].start_char - base, v.tokens[b].end_char - base))
    return spans


def _ends_relative(v, k: int) -> bool:
    """A relative clause ends at a comma or quote, not at the comma of a place apposition ("di North
    Carolina, Amerika Serikat pada 2014")."""
    if v.texts[k] != ",":
        return v.texts[k] in RELATIVE_END
    return not (k + 1 < len(v) and (k + 1 in v.actor_at or k + 1 in v.venue_at))


# Verbs by which a relative clause after a comma still tells when the act named before it took place:
# "pengakuan Trump atas Dataran Tinggi Golan sebagai wilayah Israel, yang diumumkan pada 25 Maret lalu"
# (about 23 ", yang diumumkan/terjadi/digelar/... pada|sejak|<date>" in the shared corpora)
DATING_RELATIVE_VERBS = frozenset(
    {"diumumkan", "terjadi", "digelar", "berlangsung", "dilakukan", "dilancarkan", "ditandatangani",
     "diadakan", "dilaksanakan", "diluncurkan"}
)


def _modifies_trigger(v, c: Candidate, yang: int) -> bool:
    """ "Serangan Iran terhadap Israel yang terjadi pada 1 Oktober": the relative clause follows the trigger's
    own phrase (no verb or comma in between; a comma only right before a dating verb's "yang"), so its date
    is the event's."""
    if c.end > yang:
        return False
    end = yang
    if yang - 1 >= c.end and v.texts[yang - 1] == "," and yang + 1 < len(v):
        if v.texts[yang + 1].lower() not in DATING_RELATIVE_VERBS:
            return False
        end = yang - 1
    return not any(
        v.texts[k] in RELATIVE_END or v.tokens[k].upos in ("VERB", "AUX") for k in range(c.end, end)
    )


def emit(
    c: Candidate, state: SentenceState, cameo: CameoTable, dates: ArticleDates, published: dt.date | None
) -> list[EventMention]:
    """The event mention rows of one candidate (recoding announced acts, dating and flagging them)."""
    v, sentence = state.view, state.sentence
    foreign = _foreign_date_spans(state, c) if state.on("date_in_own_clause") else []
    date = resolve_dates(
        sentence.text, dates, published, sentence.start_char, v.tokens[c.start].start_char, foreign
    )
    modality = _dated_modality(c, state, date, dates)
    reciprocal = c.symmetric and len(c.dyads) > 1
    pair_id = mention_id(sentence.article_id, sentence.index, c.start, "pair") if reciprocal else None
    rule_text = (
        f"{c.trigger.id}:" + ("+".join(r for r in c.rules) or "none") + ("+reciprocal" if c.symmetric else "")
    )
    out = []
    for k, (s, t, code) in enumerate(c.dyads):
        announced = _announced(c, state, modality, k, code)
        if announced is None:
            continue  # an announced visit is the visitor's intent; the host has hosted nothing yet
        code, mod = announced
        row = _Row(k, s, t, code, mod, date, rule_text, pair_id)
        out.append(_mention(c, state, cameo, row, published))
    return out


def _dated_modality(c: Candidate, state: SentenceState, date: DateResolution, dates: ArticleDates) -> str:
    """An asserted act dated well before the report (or the story's last date) is historical."""
    ref = dates.published or (dates.explicit[-1][1].event_date if dates.explicit else None)
    if (
        state.on("historical_date")
        and c.modality == "asserted"
        and date.event_date
        and ref
        and date.date_basis != "inherited"
        and (date.date_max or date.event_date) < ref - dt.timedelta(days=HISTORICAL_DAYS)
    ):
        c.fired("historical")
        return "historical"
    return c.modality


def _announced(
    c: Candidate, state: SentenceState, modality: str, k: int, code: str
) -> tuple[str, str] | None:
    """(code, modality) of the k-th dyad: an announced or planned act becomes the intent to do it (None:
    the host's side of an announced visit, which has not happened)."""
    if not (state.on("future_intent") and modality in ("future", "reported") and c.polarity == "positive"):
        return code, modality
    d = state.dictionary
    own = c.trigger.intent_code if code == c.code else None
    recoded = own or d.future_codes.get(code[:2])
    if not recoded:
        return code, modality
    if k % 2 == 1 and c.symmetric and c.trigger.converse:
        return None
    return recoded, "intent" if modality == "future" else modality


@dataclass(frozen=True)
class _Row:
    """What differs between the rows of one candidate."""

    k: int
    source: MentionLike
    target: MentionLike
    code: str
    modality: str
    date: DateResolution
    rule_text: str
    pair_id: str | None


def _mention(
    c: Candidate, state: SentenceState, cameo: CameoTable, row: _Row, published: dt.date | None
) -> EventMention:
    """One event mention row: the candidate's trigger and sentence, one dyad's sides, code, modality, date."""
    sentence, d = state.sentence, state.dictionary
    tok0, tok1 = state.view.tokens[c.start], state.view.tokens[c.end - 1]
    info = cameo.get(row.code)
    src, tgt = _side(row.source, sentence.index), _side(row.target, sentence.index)
    date = row.date
    return EventMention(
        article_id=sentence.article_id,
        sentence_index=sentence.index,
        mention_id=mention_id(sentence.article_id, sentence.index, c.start, row.k, row.code),
        pair_id=row.pair_id,
        trigger_text=sentence.text[
            tok0.start_char - sentence.start_char : tok1.end_char - sentence.start_char
        ],
        trigger_start=tok0.start_char,
        trigger_end=tok1.end_char,
        source_text=src["text"],
        source_start=src["start"],
        source_end=src["end"],
        source_iso3=src["iso3"],
        source_sector=src["sector"],
        source_actor_id=src["actor_id"],
        target_text=tgt["text"],
        target_start=tgt["start"],
        target_end=tgt["end"],
        target_iso3=tgt["iso3"],
        target_sector=tgt["sector"],
        target_actor_id=tgt["actor_id"],
        cameo_code=row.code,
        cameo_root=info.root,
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        plover_category=info.plover_category,
        modality=row.modality,
        polarity=c.polarity,
        confidence=_confidence(row.rule_text),
        date_text=date.date_text,
        event_date=date.event_date,
        date_min=date.date_min,
        date_max=date.date_max,
        date_precision=date.date_precision,
        date_basis=date.date_basis,
        sentence_flags=line_flags(sentence, tok0.start_char),
        dictionary_version=d.version,
        rule=row.rule_text,
        sentence_text=sentence.text,
        published_date=published,
        source_actor_type=src["type"],
        target_actor_type=tgt["type"],
    )


switch(
    "future_intent",
    "code",
    "modality",
    """An announced or planned act is coded as the intent to do it (dictionary `future_codes`: 042 -> 036,
       19x -> 138); the host of an announced visit has hosted nothing yet.""",
)
switch(
    "historical_date",
    "code",
    "modality",
    """An asserted act dated more than a week before publication is `historical` background.""",
)
