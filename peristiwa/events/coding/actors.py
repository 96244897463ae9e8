"""Pass 4, actors: complete the arguments from the article context and decide what kind of actor each is.

Context rules fill a side only where the sentence itself named nobody: the speaker of reported speech,
pronouns (ia/dia, clitic -nya, "mereka"), "kedua negara"/"keduanya", demonstratives ("negara itu", "langkah
tersebut"), re-mentions of an earlier event ("pertemuan tersebut"), retaliation and responses, the counterpart
of a bilateral act, the state of the previous sentence for acts that always have one. Actor rules drop a state
or IGO named as a venue, make citizens the patients of coercion, and type every participant (state / igo /
nationals / nonstate, see `actor_type`). `python -m peristiwa.events.rules` lists them.
"""

from __future__ import annotations

from ..protocols import MentionLike
from .arguments import (
    ANAPHORS,
    BOTH_HEADS,
    BOTH_WORDS,
    DEMONSTRATIVE_HEADS,
    RESPONSE_WINDOW,
    RETALIATION,
    TOPIC_TRIGGERS,
    _modifies_another_noun,
    first_bare_actor,
    mentions_both,
    non_actor,
    object_phrase_target,
)
from .frames import SUBJECT_PRONOUNS, latest_act_of_noun
from .model import Candidate, SentenceState, rule, run_rules, switch
from .view import SentenceView

# The kinds of actor a mention can be, as recorded on event mentions (source_actor_type / target_actor_type).
ACTOR_TYPES = ("state", "igo", "nationals", "nonstate")
# Sectors of non-state actors (PLOVER): an iso3 on them is a nationality, not the state.
NONSTATE_SECTORS = frozenset(
    {
        "BUS",
        "JRN",
        "EDU",
        "REB",
        "CRM",
        "REL",
        "SOC",
        "LAB",
        "AGR",
        "MED",
        "REF",
        "OPP",
        "PTY",
        "UNK",
        "NGO",
        "ELI",
        "UAF",
    }
)
NATIONALS_SECTORS = frozenset({"CVL", "BUS"})
# IGO codes (dev gold convention): UN and its organs UNO, EU EUR, ASEAN ASN, NATO, OIC, Arab League ARL, GCC,
# African Union AFU; any other IGO is IGO.
IGO_CODES = frozenset({"UNO", "EUR", "ASN", "NATO", "OIC", "ARL", "GCC", "AFU", "IGO"})
# Nouns naming a gathering: an IGO or state right after one is where it happens, not who acts.
VENUE_NOUNS = frozenset(
    {
        "forum",
        "ktt",
        "konferensi",
        "sidang",
        "pertemuan",
        "sela",
        "sela-sela",
        "acara",
        "simposium",
        "kongres",
        "summit",
        "rapat",
        "markas",
        "kantor",
        "gedung",
        "majelis",
    }
)
PERSON_KINDS = frozenset({"person"})


def actor_type(m: MentionLike) -> str:
    """state | igo | nationals | nonstate for one resolved mention."""
    if m.actor_kind == "igo" or (not m.iso3 and (m.sector or "") in IGO_CODES | {"IGO"}):
        return "igo"
    if not m.iso3:
        return "nonstate"
    sector = m.sector or ""
    if sector in NATIONALS_SECTORS:
        return "nationals"
    if sector in NONSTATE_SECTORS:
        return "nonstate"
    return "state"


def actor_code(m: MentionLike) -> str:
    """The code a dyad is keyed on: the ISO3 of a state, the IGO code of an IGO ('' when neither)."""
    if m.iso3:
        return m.iso3
    if actor_type(m) == "igo":
        return m.sector if (m.sector or "") in IGO_CODES else "IGO"
    return ""


def _person_official(m: MentionLike) -> bool:
    return m.actor_kind in PERSON_KINDS and bool(m.iso3 or actor_type(m) == "igo")


@rule("speaker_source", "actors", "core")
def speaker_source(c: Candidate, state: SentenceState) -> None:
    """The speaker of reported speech is the source of a verbal act with no usable subject, and of any act
    whose subject is first person ("pihaknya telah menyediakan ...", "kami akan ...")."""
    speaker = state.speaker or (state.ctx.speaker if c.pronoun else None)
    if speaker is None:
        return
    if state.speaker is None and _third_person(c) and _nonstate_person_named_last(state):
        return
    if c.is_noun and c.governor is not None and not c.pronoun and "light-verb" not in c.rules:
        return  # "menghadapi ancaman", "membalas kecaman": the speaker neither threatened nor criticised
    if state.on("doer_in_sentence") and not c.pronoun and _agent_not_in_context(c, state):
        return  # "Penolakan ini datangnya dari maskapai Emirates": told before, or done by someone named
    if c.pronoun and c.is_noun and c.sources and "possessor" in c.rules:
        return  # "pihaknya tidak puas atas pertemuan Wong dengan Maas": Wong met Maas, not the speaker
    first_person = c.pronoun == "kami"
    if (
        c.trigger.verbal
        and (not c.sources or c.pronoun)
        or first_person
        and all(speaker.iso3 != t.iso3 for t in c.targets)
    ):
        c.sources[:] = [speaker]
        c.fired("speaker")


@rule("pronoun_subject", "actors", "actors")
def pronoun_subject(c: Candidate, state: SentenceState) -> None:
    """A pronoun subject is the last fitting actor: ia/dia/beliau the last state official named (the current
    speaker first), negaranya/"negara itu" the last state."""
    if c.sources or not _third_person(c):
        return
    ctx = state.ctx
    who = state.speaker if state.speaker is not None and _person_official(state.speaker) else None
    if who is None and _nonstate_person_named_last(state):
        return  # "... kata pemimpin al-Qaeda Ayman al-Zawahri. Ia menyerukan ...": he is no state official
    who = who or ctx.last_actor(_person_official) or ctx.speaker
    if who is not None and all(who is not t and (not who.iso3 or who.iso3 != t.iso3) for t in c.targets):
        c.sources.append(who)
        c.fired("pronoun")


@rule("speaker_object_phrase", "actors", "speech_acts")
def speaker_object_phrase(c: Candidate, state: SentenceState) -> None:
    """ "Ia juga mengutuk agresi Israel terhadap Iran", '"Kami mengecam serangan Israel ...," kata Araghchi':
    a verbal act whose source is the speaker or a pronoun gets that source only in this pass, after the
    arguments pass looked for the state inside its object phrase; the object phrase is read again now, as it
    is for a named subject ("Dar juga mengutuk agresi Israel")."""
    if c.targets or not c.sources or not any(r in c.rules for r in ("speaker", "pronoun")):
        return
    if state.on("object_phrase_target"):
        object_phrase_target(c, state)


def _third_person(c: Candidate) -> bool:
    return c.pronoun in SUBJECT_PRONOUNS


def _nonstate_person_named_last(state: SentenceState) -> bool:
    """The person the last sentence naming persons is about (the first it names) is no state official: a
    militant, an analyst, anyone the NER found and no dictionary knows."""
    last = state.ctx.last_person
    return state.on("nearest_person") and last is not None and not _person_official(last)


switch(
    "nearest_person",
    "actors",
    "actors",
    """ia/dia/beliau is the person the sentence before was about (the first person it names): when that
       person holds no state office (a militant leader, an analyst, anyone the NER finds that no dictionary
       knows), the pronoun names no state, and no earlier official is taken in their place.""",
)


@rule("both_states", "actors", "core")
def both_states(c: Candidate, state: SentenceState) -> None:
    """ "kedua negara", "keduanya", "mereka", "kedua menteri" as the subject, or a bilateral act with nobody
    named (`pair_from_context`): the article's main pair of states."""
    if c.sources or _modifies_another_noun(state, c):
        return  # "mereka belum mengetahui dalang serangan ...": they are the clause's, not the attack's
    if c.passive and c.code[:2] in ("17", "18", "19", "20"):
        return  # "kondisi di mana mereka ditahan": those held undergo the act, they do not do it
    v = state.view
    before = [v.texts[j] for j in sorted(v.linear_window(c.head, -1, 6))]
    if "mereka" in before and not mentions_both([w for w in before if w != "mereka"]):
        # "Sinyal ... yang bisa diberikan Korea Utara bahwa mereka siap berdialog": they are the state just
        # named
        named = [a for j, a in sorted(v.actor_at.items()) if j < c.start and _countable(a)]
        if len({actor_code(a) for a in named}) == 1 and all(named[0] is not t for t in c.targets):
            c.sources.append(named[0])
            c.fired("mereka")
            return
    if _names_non_state_counterpart(c, state):
        return  # "Mereka juga melakukan pertemuan dengan kelompok masyarakat": not with each other
    if state.on("doer_in_sentence") and _agent_not_in_context(c, state):
        return  # "Mereka disambut suka cita oleh konsumen": the welcome was the customers', not a state's
    if c.both or mentions_both(before) or (c.trigger.pair_from_context and not c.targets):
        persons = {"keduanya", "kedua pemimpin", "kedua menteri", "kedua presiden", "kedua kepala"}
        pair = []
        joined = " ".join(before).replace("kedua nya", "keduanya")
        # "keduanya" and bare "mereka" are the article's pair of states only when two states were just named
        # (this sentence or the two before): after two tennis players or a club, they are those
        recent = [a for a in v.actor_at.values() if a.start_char < v.tokens[c.start].start_char]
        recent += [a for _, actors in state.ctx.sentences_actors[-2:] for a in actors]
        two_states = len({actor_code(a) for a in recent if _countable(a)}) >= 2
        bare_mereka = "mereka" in before and not mentions_both([w for w in before if w != "mereka"])
        if any(p in joined for p in persons):
            pair = state.ctx.last_two_persons(state.sentence.index)
            pair = pair or (state.ctx.pair() if two_states else [])
        elif bare_mereka or "keduanya" in joined or not (c.both or mentions_both(before)):
            # a bilateral act with nobody named takes the pair only in a passage about them ("meredakan
            # ketegangan otot" in a health article is not Indonesia and Malaysia easing tensions)
            pair = state.ctx.pair() if two_states else []
        else:
            pair = state.ctx.pair()
        if pair:
            c.sources[:] = [p for p in pair if all(p is not t for t in c.targets)]
            c.fired("both")


def _names_non_state_counterpart(c: Candidate, state: SentenceState) -> bool:
    """A reciprocal act whose counterpart after dengan/antara is a common noun and no actor."""
    v = state.view
    if not c.symmetric or c.targets:
        return False
    for j in range(c.end, min(len(v), c.end + 3)):
        if v.texts[j] in ("dengan", "bersama"):
            k = j + 1
            return (
                k < len(v) and k not in v.actor_at and v.texts[k] not in BOTH_WORDS and v.texts[k].isalpha()
            )
    return False


@rule("demonstrative_subject", "actors", "actors")
def demonstrative_subject(c: Candidate, state: SentenceState) -> None:
    """ "Negara itu juga membatalkan ...": a demonstrative state subject is the last act's source."""
    v = state.view
    if c.sources or state.ctx.last_source is None:
        return
    left = v.texts[max(0, c.start - 4) : c.start]
    if any(a in DEMONSTRATIVE_HEADS and b in ANAPHORS for a, b in zip(left, left[1:], strict=False)):
        c.sources.append(state.ctx.last_source)
        c.fired("demonstrative")


@rule("retaliation_target", "actors", "core")
def retaliation_target(c: Candidate, state: SentenceState) -> None:
    """ "serangan balasan dari Israel": a retaliation with no named target answers the last event of its root
    aimed at its source."""
    v = state.view
    if c.targets or not c.sources or not any(w in RETALIATION for w in v.texts[c.end : c.end + 2]):
        return
    for a, b in state.ctx.last_by_root.get(c.code[:2], []):
        if b.iso3 and any(b.iso3 == x.iso3 for x in c.sources) and a.iso3:
            c.targets.append(a)
            c.fired("retaliation")
            return


@rule("responds_to_target", "actors", "core")
def responds_to_target(c: Candidate, state: SentenceState) -> None:
    """A response with no named counterpart answers the latest act of the roots it responds to that was aimed
    at its source: "Iran membantah ..." denies the accusation Ukraine made a sentence earlier."""
    if c.targets or not c.sources or not c.trigger.responds_to:
        return
    index = state.sentence.index
    for k, root, a, b, _ in reversed(state.ctx.history):
        if index - k > RESPONSE_WINDOW:
            return
        if root in c.trigger.responds_to and b.iso3 and any(b.iso3 == x.iso3 for x in c.sources):
            if a.iso3 and all(a.iso3 != x.iso3 for x in c.sources):
                c.targets.append(a)
                c.fired("responds")
            return


# Material conflict is one family for anaphora: "penyerangan tersebut" can name an earlier raid (18) or
# strike.
ANAPHORA_FAMILIES = ({"17", "18", "19", "20"},)


def _recent_dyads(
    state: SentenceState, root: str
) -> tuple[list[tuple[MentionLike, MentionLike]], str | None]:
    """The dyads of the latest act of `root` (or its family) coded within the last few sentences, and that
    act's modality."""
    roots = next((f for f in ANAPHORA_FAMILIES if root in f), {root})
    index = state.sentence.index
    latest = [
        (k, a, b, m) for k, r, a, b, m in state.ctx.history if r in roots and index - k <= RESPONSE_WINDOW
    ]
    if not latest:
        return [], None
    last, modality = latest[-1][0], latest[-1][3]
    return [(a, b) for k, a, b, _ in latest if k == last], modality


@rule("anaphoric_event", "actors", "core")
def anaphoric_event(c: Candidate, state: SentenceState) -> None:
    """ "Pertemuan tersebut membahas ...": an event noun with a demonstrative, or with a possessive clitic in
    a sentence that names nobody ("Salah satu serangannya ..."), re-mentions the last event of its root."""
    v = state.view
    nxt = v.texts[c.end] if c.end < len(v) else ""
    # a perpetrator the clause names ("serangan itu dilakukan oleh sekelompok orang Yaman") keeps the act
    named = ("nsubj", "obj/obl", "possessor")
    if c.code[:2] >= "14":
        named += ("passive_agent", "oleh-agent")
    remention_rule = state.on("remention_keeps_no_borrowed_subject")
    borrowed = remention_rule and _subject_borrowed(c, state)
    strong = nxt in ANAPHORS and c.is_noun and (borrowed or not any(r in c.rules for r in named))
    if (c.sources or c.targets) and not strong:
        return
    anaphor = nxt in ANAPHORS or (nxt in ("nya", "-nya") and not v.actor_at and c.is_noun)
    anaphor = anaphor or any(v.texts[j] in ANAPHORS for j in range(max(0, c.head - 2), c.head))
    if not anaphor:
        return
    dyads: list = []
    modality = None
    for o in state.candidates:
        if o is not c and o.end <= c.head + 3 and o.start >= c.start - 3:
            dyads, modality = _recent_dyads(state, o.trigger.code[:2])
            if dyads:
                break
    if not dyads:
        dyads, modality = _recent_dyads(state, c.code[:2])
    if dyads:
        c.referent_modality = modality
        # "Desakan ini juga menjadi agenda Trump": the demonstrative event noun is the earlier demand, whoever
        # the word order found around it
        c.sources.clear()
        c.targets.clear()
        c.dyads = [(a, b, c.code) for a, b in dyads]
        c.fired("anaphor")
    elif strong and remention_rule and (borrowed or _only_word_order(c)):
        # a re-mention of an act the article coded with no states: who talks about it did not do it
        c.drop("remention_keeps_no_borrowed_subject")


switch(
    "remention_keeps_no_borrowed_subject",
    "actors",
    "arguments",
    """An event noun with a demonstrative ("serangan itu") re-mentions an act told before. The subject of the
       clause that talks about it ("Para pejabat Saudi memperlihatkan puing rudal yang digunakan dalam
       serangan itu", "Washington yakin serangan itu berasal dari Iran") is not its doer, unless a light verb
       lends it ("Israel melancarkan serangan itu"). With no earlier coded act to take the dyad from, such a
       re-mention, argued only by a borrowed subject or by word order, is no event.""",
)

# Rules that read an act's own arguments off the parse.
PARSED_ARGUMENTS = ("nsubj", "obj/obl", "possessor", "passive", "passive_agent", "oleh-agent")


def _subject_borrowed(c: Candidate, state: SentenceState) -> bool:
    """The source came from the subject of a full verb the event noun hangs from, not from a light verb."""
    from .triggers import is_light

    return "climbed" in c.rules and (c.governor is None or not is_light(state, c.governor))


def _only_word_order(c: Candidate) -> bool:
    """No argument of the act was read off the parse: only the word-order fallbacks found them."""
    return not any(r in c.rules for r in PARSED_ARGUMENTS)


def _venue_noun_before(state: SentenceState, first: int) -> int | None:
    """Position of the gathering noun that the actor starting at token `first` follows, if it is named as
    where something happens ("Forum APEC", "KTT ASEAN", "di sela Sidang Majelis Umum PBB", "Forum Regional
    ASEAN")."""
    v = state.view
    j = first - 1
    while j >= 0 and v.texts[j] in (
        "regional",
        "tingkat",
        "tinggi",
        "umum",
        "luar",
        "biasa",
        "darurat",
        "ke",
    ):
        j -= 1
    return j if j >= 0 and v.texts[j] in VENUE_NOUNS else None


@rule("venue_actors_out", "actors", "actors")
def venue_actors_out(c: Candidate, state: SentenceState) -> None:
    """A state or IGO named as the venue of a gathering is no participant ("bertemu di sela Forum APEC di
    Bangkok", "kata Tillerson dalam Forum Regional ASEAN di Manila"). When the gathering noun is the trigger
    itself, a state or its official after it is who meets ("Pertemuan Presiden Iran dan Rusia digelar ...");
    an IGO there still names the occasion ("pertemuan ASEAN")."""
    v = state.view
    for side in (c.sources, c.targets):
        for m in list(side):
            first, _ = v.actor_span(m)
            venue = _venue_noun_before(state, first) if first >= 0 else None
            if venue is None or "venue" in c.rules or (c.start <= venue < c.end and m.iso3):
                continue
            side.remove(m)
            c.fired("venue_actors_out")


def _antara_at(v: SentenceView, c: Candidate) -> int | None:
    """Position of an "antara" within the three words after the trigger."""
    return next((k for k in range(c.end, min(len(v), c.end + 4)) if v.texts[k] == "antara"), None)


def _antara_actors(v: SentenceView, k: int) -> list[MentionLike]:
    """The actors named in "antara A dan B" (the "antara" at k)."""
    named: list[MentionLike] = []
    closing = False  # past the "dan" of "A dan B": the list ends with B's name
    for j in range(k + 1, min(len(v), k + 16)):
        if v.texts[j] in (".", ";", ":", "yang", "untuk", "bahwa") or (
            v.texts[j] == ","
            and named
            and j + 1 < len(v)
            and v.texts[j + 1] not in ("dan",)
            and j + 1 not in v.actor_at
        ):
            break
        m = v.actor_at.get(j)
        if closing and m is None and v.texts[j - 1] not in ("dan", "serta") and (j - 1) in v.actor_at:
            break  # "antara Rusia dan Taliban terjadi tidak lama setelah Presiden AS ...": B's name is over
        if v.texts[j] in ("dan", "serta"):
            closing = True
        if m is not None and all(m is not x for x in named):
            named.append(m)
    return named


# Words that open what an act is about: "antara A dan B" after one belongs to the topic, not to the act
# ("berbicara tentang|soal|mengenai|terkait ...": about 430 in the shared corpora).
TOPIC_MARKERS = frozenset({"tentang", "mengenai", "soal", "terkait", "perihal"})


@rule("antara_closes_pair", "actors", "dyads")
def antara_closes_pair(c: Candidate, state: SentenceState) -> None:
    """ "kerja sama antara A dan B": for a reciprocal act the participants are A and B, and nobody else."""
    v = state.view
    if not c.symmetric or (k := _antara_at(v, c)) is None:
        return
    between = v.texts[c.end : k]
    if set(between) & TOPIC_MARKERS:
        return  # "Berbicara tentang potensi rekonsiliasi antara AS dan Iran": the pair is the topic's
    if c.trigger.id == "negotiate" and c.category == "active" and between:
        # "Menlu Jepang membahas hubungan antara Iran dan AS dengan Menlu Inggris": what is discussed names
        # the pair, the discussants are the subject and the "dengan" party (13 "membahas ... antara" in the
        # shared corpora)
        return
    named = _antara_actors(v, k)
    if len(named) >= 2:
        c.sources[:] = named
        c.targets.clear()
        c.closed = True
        c.fired("antara")
    elif len(named) == 1 and (other := _common_noun_partner(v, c, k)) is not None:
        # "pertemuan antara PPIH dan mitra kerjanya": the other party is no actor, and nobody else joins
        c.sources[:] = named
        c.targets[:] = [non_actor(state, other)]
        c.closed = True
        c.fired("antara-nonactor")
    elif len(named) == 1 and all(named[0] is not s for s in c.sources):
        c.targets[:] = named
        c.fired("antara")


def _common_noun_partner(v: SentenceView, c: Candidate, k: int) -> int | None:
    """Position of the word after the "dan" of "antara A dan <word>" when it names no actor: a common noun
    ("mitra kerjanya") or a group no dictionary resolves ("Pembicaraan antara Rusia dan Taliban"). Not for a
    host: "tuan rumah pertemuan antara delegasi Jepang dan mitra kerjanya" names its guests."""
    if c.trigger.parties_as_targets:
        return None
    for j in range(k + 2, min(len(v) - 1, k + 12)):
        if v.texts[j] in (".", ";", ",", "yang"):
            return None
        if v.texts[j] in ("dan", "serta"):
            nxt = j + 1
            while nxt < len(v) and v.texts[nxt] in ("para", "pihak", "sejumlah", "beberapa"):
                nxt += 1
            word = v.texts[nxt] if nxt < len(v) else ""
            if nxt in v.actor_at or not word.isalpha() or word.lower() in BOTH_WORDS | BOTH_HEADS:
                return None
            return nxt
    return None


@rule("parties_between", "actors", "arguments")
def parties_between(c: Candidate, state: SentenceState) -> None:
    """ "Turki menjadi penengah antara Rusia dan Ukraina": for a trigger whose parties are its targets
    (mediation), "antara A dan B" names the targets and the clause's subject is the source (27 "menjadi
    penengah" / "mediator ... antara" in the shared corpora)."""
    v = state.view
    if not c.trigger.parties_as_targets or (k := _antara_at(v, c)) is None:
        return
    # "menjadi penengah antara kedua negara": the span resolved to two states names both parties
    named = v.expand(_antara_actors(v, k))
    if len(named) < 2:
        return
    c.targets[:] = named
    c.sources[:] = [s for s in c.sources if all(s is not n for n in named)]
    if not c.sources and (j := first_bare_actor(v, c.start, named)) is not None:
        c.sources.append(v.actor_at[j])
    c.closed = True
    c.fired("parties_between")


@rule("reciprocal_marker", "actors", "dyads")
def reciprocal_marker(c: Candidate, state: SentenceState) -> None:
    """ "saling menyerang", "ke wilayah masing-masing", "satu sama lain": a reciprocal act; conjoined actors
    the parser took for patients of a ter- verb are its subjects ("Iran dan Israel terlibat ...")."""
    v = state.view
    before = v.texts[max(0, c.start - 2) : c.start]
    after = []
    for w in v.texts[c.end : c.end + 8]:
        if w in (",", ";", ".", "!", "?", "yang", "bahwa", "karena"):
            break
        after.append(w)
    if "saling" in before or "masing-masing" in after or "satu sama lain" in " ".join(after):
        c.symmetric = True
        c.fired("reciprocal")
        if not c.sources and len(c.targets) >= 2:
            c.sources, c.targets = list(c.targets), []
            c.fired("reciprocal-marker")


@rule("conjoined_reciprocal_pair", "actors", "dyads")
def conjoined_reciprocal_pair(c: Candidate, state: SentenceState) -> None:
    """ "Presiden AS dan Presiden Korsel lewat panggilan telepon ... dalam menghadapi Korut": a reciprocal act
    with conjoined subjects is between them; a state the word order picked up further on is no participant."""
    if not c.symmetric or len({actor_code(s) or s.text for s in c.sources}) < 2 or not c.targets:
        return
    v = state.view
    kept = [t for t in c.targets if _counterpart_marked(v, c, t)]
    if len(kept) < len(c.targets):
        c.targets[:] = kept
        c.fired("conjoined-pair")


def _counterpart_marked(v, c: Candidate, t: MentionLike) -> bool:
    """The target is marked as the act's counterpart: behind dengan/bersama/antara, or the trigger's
    object."""
    first, _ = v.actor_span(t)
    if first < 0:
        return False
    if v.preposition_before(first) in ("dengan", "bersama", "antara"):
        return True
    return v.parsed and v.rel(first) == "obj" and v.head_pos(first) == c.head


@rule("nationals_are_patients", "actors", "actors")
def nationals_are_patients(c: Candidate, state: SentenceState) -> None:
    """Citizens of a state ("mahasiswa Indonesia", "pelajar RI", "warga Cina") undergo coercion rather than do
    it: taken as the source of a material conflict act, they are its target; the state where it happens ("di
    Mesir") is then the source."""
    if c.code[:2] not in ("16", "17", "18") or not c.sources:
        return
    nationals = [s for s in c.sources if actor_type(s) == "nationals"]
    if not nationals:
        return
    for n in nationals:
        c.sources.remove(n)
        if all(n is not t for t in c.targets):
            c.targets.append(n)
    v = state.view
    # "Penangkapan warga Filipina di Malaysia": the place taken as the territory of the act is the arrester
    for t in [t for t in c.targets if actor_type(t) != "nationals" and "territory" in c.rules]:
        c.targets.remove(t)
        c.sources.append(t)
    if not c.sources:
        for j in range(c.end, min(len(v), c.end + 12)):
            if v.texts[j] in (".", ";", ",") and j > c.end + 6:
                break
            m = v.actor_at.get(j) or v.venue_at.get(j)
            if (
                m is not None
                and m.iso3
                and v.preposition_before(j) == "di"
                and all(m.iso3 != t.iso3 for t in c.targets)
            ):
                c.sources.append(m)
                c.fired("place-of-coercion")
                break
    c.fired("nationals-patients")


ANAPHORIC_OBJECTS = frozenset(
    {
        "tindakan",
        "langkah",
        "keputusan",
        "kebijakan",
        "hal",
        "sanksi",
        "pengumuman",
        "pernyataan",
        "resolusi",
        "aksi",
        "serangan",
        "tuduhan",
        "tudingan",
        "klaim",
        "pengakuan",
        "rencana",
        "sikap",
        "ancaman",
        "kecaman",
        "uji",
        "peluncuran",
    }
)


@rule("anaphoric_object_target", "actors", "arguments")
def anaphoric_object_target(c: Candidate, state: SentenceState) -> None:
    """ "Pyongyang mengecam tindakan tersebut", "Iran menolak tuduhan itu": a reaction to an act named only by
    a demonstrative ("tindakan/langkah/keputusan ... tersebut/itu/ini") is aimed at that act's source, the
    source of the article's latest coded act."""
    if c.targets or not c.sources or not c.trigger.verbal or state.ctx.last_source is None:
        return
    v = state.view
    if c.symmetric or c.category not in ("active", "bare"):
        return
    window = list(range(c.end, min(len(v), c.end + 4)))
    nouns = [
        v.texts[a]
        for a, b in zip(window, window[1:], strict=False)
        if v.texts[b] in ANAPHORS and _names_an_act(v, a)
    ]
    if not nouns:
        return
    if c.code == DENIAL and _names_a_deed(state, nouns[0]):
        # "Iran membantah terlibat dalam serangan itu": who did the attack is not who is answered
        if (accuser := _accuser_of(state, c.sources)) is not None:
            c.targets.append(accuser)
            c.fired("accuser")
        return
    last = _source_of_act_named(state, nouns[0])
    if last is None:
        return
    if all(last is not s and not (actor_code(last) and actor_code(last) == actor_code(s)) for s in c.sources):
        c.targets.append(last)
        c.fired("anaphoric-object")


DENIAL = "016"
# Roots of what is said rather than done: a denial of "tuduhan itu" answers that accusation's source.
SAID_ROOTS = frozenset({"01", "10", "11", "12", "13"})


def _names_a_deed(state: SentenceState, noun: str) -> bool:
    """The noun is a dictionary act that is done, not said: "serangan", "peluncuran", "sanksi"."""
    return any(t.code[:2] not in SAID_ROOTS for t in state.dictionary.by_word().get(noun, []))


def _accuser_of(state: SentenceState, denier: list[MentionLike]) -> MentionLike | None:
    """The state that last accused or blamed (root 11) the denier anywhere earlier in the article: a denial
    of a deed answers the accusation ("CAMEO 016 targets the accuser", dev gold conventions)."""
    own = {x.iso3 for x in denier if x.iso3}
    for _, root, a, b, _ in reversed(state.ctx.history):
        if root == "11" and b.iso3 in own and a.iso3 and a.iso3 not in own:
            return a
    return None


def _names_an_act(v: SentenceView, pos: int) -> bool:
    word = v.texts[pos]
    return word in ANAPHORIC_OBJECTS or (v.tokens[pos].upos == "NOUN" and word not in PARTICIPANT_NOUNS)


def _source_of_act_named(state: SentenceState, noun: str) -> MentionLike | None:
    """The source of the act "<noun> itu/tersebut" refers to: an event noun of the dictionary ("serangan",
    "sanksi") the latest act of its CAMEO root, and none when the article coded no such act ("mengutuk keras
    serangan tersebut" after a phone call about an attack by nobody named); any other noun ("tindakan",
    "langkah") the article's latest coded act."""
    names_an_act, source = latest_act_of_noun(state, noun)
    return source if names_an_act else state.ctx.last_source


CLITIC_PRONOUNS = ("nya",)
# "negara itu", "pihak tersebut" name participants, not acts.
PARTICIPANT_NOUNS = frozenset(
    {
        "negara",
        "pihak",
        "pemerintah",
        "pemimpin",
        "menteri",
        "presiden",
        "delegasi",
        "kelompok",
        "orang",
        "warga",
        "rezim",
        "militer",
        "tentara",
    }
)


@rule("clitic_pronoun", "actors", "actors")
def clitic_pronoun(c: Candidate, state: SentenceState) -> None:
    """ "Menlu Iran meneleponnya" (-nya is the object), "Negara yang sudah dihubunginya" (-nya is the agent of
    a di- verb): the clitic is the last state official named, the article's current speaker first."""
    v = state.view
    word = v.texts[c.end - 1]
    glued = word.endswith(CLITIC_PRONOUNS) and len(word) > 5
    split = c.end < len(v) and v.texts[c.end] in ("nya", "-nya")  # the tokenizer splits "menelepon|nya"
    if not (glued or split) or c.category not in ("active", "passive"):
        return
    if c.trigger.id in TOPIC_TRIGGERS:
        return  # "mendiskusikannya dengan sekutu kami": -nya is what is discussed, not who discusses it
    side = c.sources if c.passive else c.targets
    if side:
        return
    other = c.targets if c.passive else c.sources
    ctx = state.ctx
    # "Trump ... setelah May mengecamnya": the official named earlier in the sentence, else the speaker, else
    # the
    # last official of the article
    earlier = [a for j, a in sorted(v.actor_at.items()) if j < c.start and _person_official(a)]
    earlier = [a for a in earlier if all(a is not o and actor_code(a) != actor_code(o) for o in other)]
    who = earlier[-1] if earlier else None
    who = who or (ctx.speaker if ctx.speaker is not None and _person_official(ctx.speaker) else None)
    who = who or ctx.last_actor(_person_official)
    if who is not None and all(
        not (actor_code(who) and actor_code(who) == actor_code(o)) and who is not o for o in other
    ):
        side.append(who)
        c.fired("clitic")


# Acts that always have a counterpart: appeals, demands, criticism, rejection, threats, protests, sanctions
# and
# coercion. With none in the sentence, it is the state the story just named.
COUNTERPART_ROOTS = frozenset({"02", "10", "11", "12", "13", "14", "16", "17"})


def _countable(m: MentionLike) -> bool:
    return actor_type(m) in ("state", "igo")


@rule("context_target", "actors", "arguments")
def context_target(c: Candidate, state: SentenceState) -> None:
    """ "Korut terus melakukan uji coba rudal. ... PBB pun kembali menjatuhkan sanksi.": an act that always
    has a counterpart (appeal, demand, criticism, rejection, threat, sanction, coercion) and names none in a
    sentence that names no other state takes the state the previous sentence was about."""
    if (
        c.targets
        or len(c.sources) != 1
        or c.code[:2] not in COUNTERPART_ROOTS
        or not _countable(c.sources[0])
    ):
        return
    v = state.view
    if any(a is not c.sources[0] and _countable(a) for a in v.actor_at.values()):
        return
    named_object = [
        k
        for k in (v.kids(c.head, "obj", "nmod", "obl", "ccomp", "xcomp", "compound") if v.parsed else [])
        if v.case_of(k) not in ("dari", "oleh")
        and not v.phrase_actors(k)
        and (v.tokens[k].upos in ("NOUN", "PROPN") or v.rel(k) in ("ccomp", "xcomp"))
    ]
    if named_object:
        return  # "mengutuk penyerangan tersebut", "ancaman terorisme": the act names its object
    if any(
        o is not c and o.is_noun and c.end < o.start <= c.end + 4 and v.texts[o.start - 1] in ACT_OBJECT_CASES
        for o in state.candidates
    ):
        return  # "kecaman keras atas serangan terhadap kilang Saudi": at an act whose doer is not named
    src = actor_code(c.sources[0])
    for m in state.ctx.previous:
        if _countable(m) and actor_code(m) != src:
            c.targets.append(m)
            c.fired("context-target")
            return


# "kecaman atas serangan", "protes terhadap penangkapan": the case that names the act a reaction is about.
ACT_OBJECT_CASES = frozenset({"atas", "terhadap", "soal", "tentang", "mengenai", "terkait"})


@rule("context_source", "actors", "arguments")
def context_source(c: Candidate, state: SentenceState) -> None:
    """ "Belanda memberikan dukungan ... Mendukung upaya yang dilakukan Indonesia.": an act with a counterpart
    but no source, in a sentence that names no other state and has no subject of its own, was done by the
    state the previous sentence was about."""
    if c.sources or c.pronoun or c.both or not c.targets or "nonactor_subject" in c.rules or c.symmetric:
        return  # (a reciprocal act names both its sides in the sentence)
    v = state.view
    if any(a not in c.targets and _countable(a) for a in v.actor_at.values()):
        return
    if _has_own_subject(c, state):
        return  # "Martinus menyebut serangan di Filipina", "Chen dituduh ...": someone else is named
    if state.on("doer_in_sentence") and _agent_not_in_context(c, state):
        return
    if len({actor_code(t) for t in c.targets}) > 2:
        return  # "peluang menjalin hubungan dengan negara seperti AS, China, ...": a list is no story's act
    conflict = c.code[:2] >= "10" and c.category in ("noun", "bare", "passive")
    if conflict and state.on("no_context_doer_of_conflict"):
        return  # the doer of an agentless conflict act is left open, not the previous sentence's state
    tgt = {actor_code(t) for t in c.targets}
    for m in state.ctx.previous:
        if _countable(m) and actor_code(m) not in tgt:
            c.sources.append(m)
            c.fired("context-source")
            return


switch(
    "no_context_doer_of_conflict",
    "actors",
    "arguments",
    """The previous sentence's state is not the doer of a conflict act (roots 10-20) named by a noun or an
       agentless passive ("Kritik senada juga disampaikan Komisi IV DPR", "dua fasilitas kilang minyak Saudi
       diserang"): news names who attacked or criticised, or leaves it open on purpose. In two fresh CLICK-ID
       samples every such context doer (4 of 4) was wrong; on the dev set no hit used one.""",
)


# Person nouns an event noun describes ("pelaku serangan", "korban penangkapan"): the act is theirs or done to
# them, never the previous sentence's state's.
EVENT_PERSON_NOUNS = frozenset({"pelaku", "tersangka", "dalang", "korban", "penyintas", "terdakwa"})
EVENT_ANAPHORS = frozenset({"ini", "itu", "tersebut"})
# Organs named without their country ("ditangkap oleh polisi"): the state of the story is theirs.
BARE_ORGANS = frozenset(
    {"polisi", "kepolisian", "aparat", "petugas", "tentara", "militer", "pasukan", "pemerintah", "otoritas",
     "imigrasi", "pihak", "pejabat", "jaksa", "pengadilan", "hakim"}
)
TIME_NAMES = frozenset(
    {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret", "april",
     "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember", "kemarin", "pagi",
     "siang", "sore", "malam", "tadi", "hari", "pekan", "bulan", "tahun", "pukul"}
)
# Prepositions that make an event noun a manner or a charge ("dengan tuduhan membunuh").
MANNER_CASES = frozenset({"dengan"})


switch(
    "doer_in_sentence",
    "actors",
    "actors",
    """No source from context, from the article's pair of states or from the speaker when the sentence names
       the doer as no state or the act was told before: a passive verb with its own agent ("yang ditahan
       Nazi", "Mereka disambut suka cita oleh konsumen"), an event noun of a person noun ("pelaku serangan")
       or of a charge ("dengan tuduhan membunuh"), or one that points back ("Penyerangan ini", "Penolakan ini
       datangnya dari maskapai Emirates").""",
)


def _agent_not_in_context(c: Candidate, state: SentenceState) -> bool:
    """The act's doer is in the sentence, but is no state, or the act was told before: a passive verb with its
    own agent ("yang ditahan Nazi", "disambut ... oleh konsumen"), an event noun of a person noun ("pelaku
    serangan") or of a charge ("dengan tuduhan membunuh"), or an event noun that points back ("Penyerangan
    ini")."""
    v = state.view
    if c.passive:
        window = v.texts[c.end : c.end + 6]
        k = c.end + window.index("oleh") + 1 if "oleh" in window else c.end
        agent = v.tokens[k] if k < len(v) else None
        if (
            agent is not None
            and (agent.upos == "PROPN" or (k > c.end and agent.upos == "NOUN"))
            and agent.text.casefold() not in BARE_ORGANS | TIME_NAMES
        ):
            return True
    if not c.is_noun:
        return False
    before = v.texts[c.start - 1] if c.start > 0 else ""
    after = v.texts[c.end] if c.end < len(v) else ""
    return before in EVENT_PERSON_NOUNS or before in MANNER_CASES or after in EVENT_ANAPHORS


def _has_own_subject(c: Candidate, state: SentenceState) -> bool:
    """The sentence names a party the act may be about that is no state: an unresolved name, or a parse
    subject of the trigger's clause that is a name or a common noun (not a pronoun or a bare title)."""
    v = state.view
    if any(a.actor_kind == "unknown" for a in v.actor_at.values()):
        return True
    if not v.parsed:
        return False
    from .arguments import subject_of

    subj, _ = subject_of(v, c.head)
    return subj is not None and v.tokens[subj].upos in ("PROPN", "NOUN") and subj not in v.actor_at


@rule("coercion_by_host_state", "actors", "actors")
def coercion_by_host_state(c: Candidate, state: SentenceState) -> None:
    """ "Empat mahasiswa Indonesia juga ditangkap di Samanud": citizens of one state arrested, detained or
    deported with nobody named as doing it were coerced by the state they were in: the foreign state named as
    the place of the story (the latest place of another country in the article)."""
    if (
        c.sources
        or c.code[:2] != "17"
        or not c.targets
        or any(actor_type(t) != "nationals" for t in c.targets)
    ):
        return
    own = {actor_code(t) for t in c.targets}
    host = next((p for p in reversed(state.ctx.places) if actor_code(p) not in own), None)
    if host is not None:
        c.sources.append(host)
        c.fired("host-state")


@rule("bilateral_counterpart", "actors", "dyads")
def bilateral_counterpart(c: Candidate, state: SentenceState) -> None:
    """ "usai melakukan pertemuan bilateral", "kerja sama bilateral": a bilateral act with one side named has
    the other side the story is about: the other state named in the sentence, else the article's pair."""
    v = state.view
    if c.targets or len(c.sources) != 1 or "bilateral" not in v.texts[c.start : c.end + 3]:
        return
    src = actor_code(c.sources[0])
    others = [a for a in v.actor_at.values() if _countable(a) and actor_code(a) != src]
    pair = [p for p in state.ctx.pair() if actor_code(p) != src]
    other = others[0] if len({actor_code(a) for a in others}) == 1 else (pair[0] if pair else None)
    if other is not None:
        c.targets.append(other)
        c.fired("bilateral")


@rule("addressee_target", "actors", "speech_acts")
def addressee_target(c: Candidate, state: SentenceState) -> None:
    """ "Xi mengatakan kepada Presiden Korea Selatan Moon bahwa negaranya berkomitmen ...": the speaker's own
    act in what is said has the addressee of the saying as its counterpart."""
    v = state.view
    if (
        c.targets
        or not c.sources
        or state.speaker is None
        or actor_code(c.sources[0]) != actor_code(state.speaker)
    ):
        return
    for f in range(0, c.start):
        if v.texts[f] in ("kepada", "pada") and f > 0:
            m = v.actor_at.get(f + 1)
            prev = f - 1
            while prev >= 0 and prev in v.actor_at:
                prev -= 1
            from .frames import is_reporting

            if (
                m is not None
                and _countable(m)
                and actor_code(m) != actor_code(c.sources[0])
                and (is_reporting(v, state.dictionary, prev) or is_reporting(v, state.dictionary, f - 1))
            ):
                c.targets.append(m)
                c.symmetric = False  # what one side says it will do is its own act, not the listener's
                c.fired("addressee")
                return


TERROR_WORDS = frozenset({"teror", "teroris", "terorisme"})


@rule("terror_is_nonstate", "actors", "actors")
def terror_is_nonstate(c: Candidate, state: SentenceState) -> None:
    """ "insiden serangan teror bom di Jakarta": a terror attack is done by a non-state group, whatever state
    the sentence or the article names; its source is the attackers, no state."""
    v = state.view
    if c.code[:2] not in ("18", "19", "20"):
        return
    near = range(c.end, min(len(v), c.end + 2))
    pos = next((k for k in near if v.texts[k] in TERROR_WORDS), None)
    if pos is None:
        return
    from .arguments import non_actor

    c.sources[:] = [non_actor(state, pos)]
    c.fired("terror")


CONTEXT_RULES = (
    "reciprocal_marker",
    "speaker_source",
    "pronoun_subject",
    "speaker_object_phrase",
    "antara_closes_pair",
    "parties_between",
    "both_states",
    "demonstrative_subject",
    "retaliation_target",
    "responds_to_target",
    "anaphoric_event",
    "venue_actors_out",
    "conjoined_reciprocal_pair",
    "nationals_are_patients",
    "anaphoric_object_target",
    "clitic_pronoun",
    "coercion_by_host_state",
    "bilateral_counterpart",
    "addressee_target",
    "context_target",
    "context_source",
    "terror_is_nonstate",
)


def resolve_actors(c: Candidate, state: SentenceState) -> None:
    """Pass 4, for one candidate."""
    if any(r in c.rules for r in ("quote_speech_act", "obligation_demand", "wish_appeal")):
        return
    run_rules(CONTEXT_RULES, c, state)
