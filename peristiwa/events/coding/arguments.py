"""Pass 3, arguments: the source and target mentions of each act, from the UD parse first and the word order
when the parse gives nothing (UniversalPETRARCH's rules, adapted to Indonesian).

Every rule only fills what is still missing. The parse rules come first (subject, objects and prepositional
phrases, passive voice, relative and adverbial clauses, receiving and light verbs, "dari X"), then the
word-order fallbacks (possessor, nearest actor left and right, the clause's first actor), then the rules that
complete an act from the rest of the sentence (ellipsis, conjoined verbs, the first object of a verbal act,
provoked reactions, characterisations, the territory of a strike, the destination of a visit, hosts). Each is
registered by name; `python -m peristiwa.events.rules` lists them with what they do.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..protocols import MentionLike
from .model import RULES, Candidate, NonActor, SentenceState, rule, switch
from .view import (
    CLAUSE_END,
    LOCATION_CASES,
    NON_AGENT_CASES,
    SOURCE_CASES,
    TARGET_CASES,
    WHERE_RELATIVES,
    SentenceView,
    base_rel,
)

SPEAKER_PRONOUNS = frozenset(
    {"kami", "kita", "ia", "dia", "beliau", "pihaknya", "saya", "aku", "-nya", "nya"}
)
FIRST_PERSON = frozenset({"kami", "kita", "saya", "aku", "pihaknya"})
# "mereka" (they) is the pair of states only when the sentence names no single state it could refer to (see
# actors.both_states).
BOTH_WORDS = frozenset({"keduanya", "mereka", "bilateral", "sama-sama", "bersama-sama"})
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
RAISING = frozenset(
    {
        "dijadwalkan",
        "terjadwal",
        "dikabarkan",
        "disebut",
        "diperkirakan",
        "direncanakan",
        "berencana",
        "siap",
        "bersiap",
        "hendak",
        "ingin",
        "berharap",
        "berniat",
        "bertekad",
        "diharapkan",
        "akan",
        "mulai",
        "terus",
        "kembali",
        "sempat",
        "telah",
        "sudah",
        "juga",
        "berupaya",
        "berusaha",
        "mencoba",
        "bersedia",
        "enggan",
        "menolak",
        "setuju",
        "sepakat",
        "memutuskan",
    }
)
ADVERBIAL = frozenset(
    {
        "setelah",
        "sesudah",
        "usai",
        "seusai",
        "selepas",
        "sebelum",
        "ketika",
        "saat",
        "sambil",
        "sejak",
        "selama",
        "dalam",
    }
)
RECEPTIVE_VERBS = frozenset({"menerima", "mendapat", "mendapatkan", "memperoleh", "kedatangan", "menyambut"})
RECEPTIVE_LEMMAS = frozenset({"terima", "dapat", "peroleh"})
DEMONSTRATIVE_HEADS = frozenset({"negara", "pemerintah", "pihak", "militer", "tentara"})
ANAPHORS = frozenset({"tersebut", "itu", "ini"})
FRONTED = frozenset({"sejak", "setelah", "sebelum", "usai", "seusai", "ketika", "saat", "sesudah", "selepas"})
MATERIAL_CONFLICT_ROOTS = frozenset({"17", "18", "19", "20"})
# A strike on a place hits its state; an arrest or a charge "di Afghanistan" is made there, on a person.
TERRITORY_ROOTS = frozenset({"18", "19", "20"})
RETALIATION = frozenset({"balasan", "balik", "balasannya"})
RESPONSE_WINDOW = 3
# Talks: the counterpart comes with "dengan/bersama" or "antara"; anything else in the clause is the topic.
TOPIC_TRIGGERS = frozenset({"negotiate"})
# Verbs by which an act provokes a reaction ("memicu kecaman", "menuai protes").
PROVOKING = frozenset({"memicu", "menuai", "mengundang", "menimbulkan", "menyulut", "memancing", "membuat"})


def mentions_both(words: Sequence[str]) -> bool:
    """True for "keduanya", "mereka", "kedua negara", "kedua menteri"… in a word sequence (lower case)."""
    return (
        any(w in BOTH_WORDS for w in words)
        or any(
            a == "kedua" and (b in BOTH_HEADS or b in ("nya", "-nya"))  # the tokenizer splits "kedua|nya"
            for a, b in zip(words, words[1:], strict=False)
        )
    )


# Reporting verbs that follow the quote they report ('"...," kata Retno usai bertemu Menlu Jepang').
REPORTING_AFTER_QUOTE = frozenset(
    {"kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas", "imbuh", "tambah", "papar", "terang"}
)


def _reporting_verb_between(v: SentenceView, head: int | None, adverbial: int) -> int | None:
    """A reporting verb of `head` that stands between it and the adverbial clause at `adverbial`: the parse
    hangs '"Dia setuju ...," kata Yeo usai bertemu Mahathir' on the quote's verb, but what comes after the
    reporter is the reporter's (about 170 'kata/ujar X ... usai/setelah/saat bertemu/menerima/...' in the
    shared corpora)."""
    if head is None:
        return None
    reporters = (k for k in v.kids(head) if head < k < adverbial and v.texts[k] in REPORTING_AFTER_QUOTE)
    return next(reporters, None)


def subject_of(v: SentenceView, pos: int) -> tuple[int | None, bool]:
    """(position of the subject of the clause headed at pos, passive?) climbing conj/xcomp/obj chains."""
    cur: int | None = pos
    for _ in range(6):
        if cur is None:
            return None, False
        for rel in ("nsubj:pass", "nsubj", "csubj"):
            subj = [
                c
                for c in v.kids(cur)
                if v.tokens[c].deprel == rel or (rel == "nsubj" and v.rel(c) == "nsubj")
            ]
            if subj:
                return subj[0], v.tokens[subj[0]].deprel == "nsubj:pass"
        rel = v.rel(cur)
        if rel == "advcl" and (reporter := _reporting_verb_between(v, v.head_pos(cur), cur)) is not None:
            cur = reporter
            continue
        if rel in ("conj", "xcomp", "obj", "ccomp", "advcl", "nmod", "compound", "flat") or (
            rel == "obl" and v.tokens[cur].upos == "NOUN"
        ):
            cur = v.head_pos(cur)
            continue
        return None, False
    return None, False


# "pihaknya", "negaranya", "pemerintahnya", "pemerintahannya": the side, state or government of the one
# speaking (reported speech: "Zarif mengatakan negaranya siap berperang jika diserang"), like "kami".
# "pemerintahannya" after a reporting verb: 4 corpus sentences, all the speaker's own government.
OWN_SIDE_HEADS = frozenset({"pihak", "negara", "pemerintah", "pemerintahan", "negeri"})


def _first_person(v: SentenceView, pos: int) -> bool:
    if v.texts[pos] in FIRST_PERSON:
        return True
    return v.texts[pos] in OWN_SIDE_HEADS and any(v.texts[c] in ("nya", "-nya") for c in v.kids(pos))


def _add(lst: list[MentionLike], ms: Sequence[MentionLike], exclude: Sequence[MentionLike] = ()) -> bool:
    added = False
    for m in ms:
        if all(m is not x for x in lst) and all(m is not x for x in exclude):
            lst.append(m)
            added = True
    return added


def _not_sources(c: Candidate, ms: Sequence[MentionLike]) -> list[MentionLike]:
    return [m for m in ms if all(m is not s and not (m.iso3 and m.iso3 == s.iso3) for s in c.sources)]


# An event noun right after one of these dates the clause ("setelah serangan"); it is not the subject's act
# (before/ahead of: see frames.time_reference_is_no_event).
# Words of a time adverbial or an indefinite article that may stand between a subordinator and its noun.
TIME_FILLERS = frozenset(
    {"pada", "awal", "akhir", "pertengahan", "pekan", "minggu", "bulan", "hari", "tahun", "lalu", "kemarin",
     "malam", "pagi", "siang", "sore", "dini", "sebuah", "suatu", "serangkaian", "senin", "selasa", "rabu",
     "kamis", "jumat", "sabtu"}
)
TEMPORAL_SUBORDINATORS = frozenset(
    {"setelah", "sesudah", "usai", "seusai", "pasca", "sejak", "selama", "menyusul"}
)
# "tewas akibat serangan", "karena sanksi": a conflict act named as the cause of the clause happened to its
# subject, it is not the subject's act.
CAUSE_MARKERS = frozenset({"akibat", "karena", "lantaran", "imbas", "dampak", "gara-gara", "buntut"})
# "setelah terjadi serangan", "pasca terjadinya serangan": the marker one word further back.
EXISTENTIAL_WORDS = frozenset({"terjadi", "terjadinya", "ada", "adanya", "berlangsungnya"})
# "sebagai tanggapan atas serangan", "balasan terhadap sanksi": what the clause responds to.
RESPONSE_NOUNS = frozenset({"tanggapan", "respons", "respon", "balasan", "reaksi", "jawaban"})
# "angkat bicara soal tudingan itu", "berkomentar tentang serangan": what is talked about is somebody's act,
# not the speaker's.
TOPIC_MARKERS = frozenset(
    {"soal", "tentang", "mengenai", "terkait", "perihal", "seputar", "menyangkut", "hal"}  # hal: "dalam hal"
)
# "merilis bukti serangan", "menayangkan video serangan": an act shown or told of by its record.
RECORD_NOUNS = frozenset(
    {"bukti", "laporan", "video", "foto", "rekaman", "kabar", "berita", "isu", "rumor", "dokumen", "gambar"}
)


# -- parse rules ---------------------------------------------------------------------------------------------
# Nouns that count or group the act they head ("serangkaian serangan", "gelombang serangan udara"): the act
# is theirs, and keeps the clause subject.
QUANTITY_HEADS = frozenset(
    {"serangkaian", "rangkaian", "sejumlah", "gelombang", "serentetan", "rentetan", "puluhan", "ratusan",
     "beberapa", "aksi", "operasi", "kampanye"}
)
switch(
    "modifier_noun_no_subject",
    "arguments",
    "actors",
    """A conflict act named by a noun that modifies another noun ("dalang serangan", "korban serangan",
       "pelaku penembakan") takes no subject from the clause: what the clause says is about the other noun
       ("Indonesia tidak mengomentari dalang serangan terhadap kilang Arab Saudi": no Indonesian attack).""",
)
switch(
    "nonactor_subject",
    "arguments",
    "actors",
    """A subject the parse attaches to the trigger that is a common noun and no actor ("Berbagai kelompok HAM
       menuduh China ...") is the act's (non-state) source: no rule borrows a state for it.""",
)


def _subject_is_not_the_agent(c: Candidate, state: SentenceState, subj: int, governor: int | None) -> bool:
    """The clause subject found by climbing from the trigger did not do the act: the trigger is an event noun
    the clause reacts to, counts as a time, talks about or modifies another noun with."""
    v = state.view
    climbed = v.head_pos(subj) != c.head
    if (
        c.category in ("noun", "bare")
        and climbed
        and governor is not None
        and v.rel(c.head) in ("obj", "obl")
        and state.on("only_light_verbs_lend_subjects")
        and not _lends_subject(state, c, governor)
    ):
        return True  # "Presiden Ukraina menghadapi ancaman": the subject of a full verb did not threaten
    if climbed and _modifies_another_noun(state, c):
        return True  # "Indonesia tidak mengomentari dalang serangan ...": the attack modifies another noun
    if (
        c.category in ("noun", "bare")
        and climbed
        and c.start > 0
        and v.texts[c.start - 1] in TEMPORAL_SUBORDINATORS
    ):
        # "Segera setelah serangan, Pompeo menyalahkan Iran": the attack is a time, not Pompeo's act
        return True
    # "Mahathir angkat bicara soal tudingan tersebut": the speaker did not accuse
    return climbed and _talked_about(state, c)


def _raised_passive(c: Candidate, v: SentenceView, subj: int, governor: int | None, passive: bool) -> bool:
    """Whether a passive subject is still the target once raising verbs are seen through: "X dijadwalkan
    bertemu ...": the passive raising verb's subject is the active trigger's agent; but "Iran dijatuhi
    sanksi": the subject of the passive verb whose object the event noun is undergoes it."""
    undergoes = (
        c.category in ("noun", "bare")
        and governor is not None
        and v.head_pos(subj) == governor
        and v.texts[governor].startswith("di")
    )
    return passive and (c.passive or v.head_pos(subj) == c.head or undergoes)


def _nonactor_subject_fits(c: Candidate, state: SentenceState, subj: int) -> bool:
    """The trigger's own subject is a common noun that no actor, pronoun or other trigger accounts for, so it
    may stand as the act's non-state party (switch `nonactor_subject`)."""
    v = state.view
    return (
        v.head_pos(subj) == c.head
        and _common_noun(v, subj)
        and not c.both
        and not c.pronoun
        and v.texts[subj] not in BOTH_HEADS
        and not any(o.start <= subj < o.end for o in state.all_candidates)
        and not any(v.texts[k] in ANAPHORS for k in v.kids(subj))
        and not (subj + 1 < len(v) and v.texts[subj + 1] in ANAPHORS)
        # a parse error often makes a fronted word the subject: trust it only right before the verb
        and subj < c.start
        and not any(k in v.actor_at or v.texts[k] == "," for k in range(subj + 1, c.start))
    )


@rule("parse_subject", "arguments", "core")
def parse_subject(c: Candidate, state: SentenceState) -> None:
    """nsubj of the trigger (climbing conj/xcomp/obj chains) is the source; nsubj:pass is the target."""
    v = state.view
    if not v.parsed or any(r in c.rules for r in NAMED_DOER):
        return
    subj, passive = subject_of(v, c.head)
    if subj is None:
        return
    governor = v.head_pos(c.head)
    if _subject_is_not_the_agent(c, state, subj, governor):
        return
    if state.on("raising_subject"):
        passive = _raised_passive(c, v, subj, governor, passive)
    acts = v.subject_actors(subj) if state.on("subject_excludes_counterparts") else v.phrase_actors(subj)
    c.both = c.both or (mentions_both([v.texts[p] for p in v.subtree(subj)]) and not acts)
    if v.texts[subj] in SPEAKER_PRONOUNS or _first_person(v, subj):
        c.pronoun = v.texts[subj] if not _first_person(v, subj) else "kami"
    passive = passive or c.passive
    if not acts:
        if state.on("nonactor_subject") and _nonactor_subject_fits(c, state, subj):
            (c.targets if passive else c.sources).append(non_actor(state, subj))
            c.fired("nonactor_subject")
        return
    if passive:
        _add(c.targets, acts)
    else:
        _add(c.sources, acts)
        if v.head_pos(subj) != c.head:
            c.fired("climbed")
    c.fired("passive" if passive else "nsubj")


def _common_noun(v: SentenceView, pos: int) -> bool:
    """A common noun, also when a sentence starts with it and the tagger calls it a name for its capital
    ("Demonstran meminta Presiden AS ...": no named entity there)."""
    tok = v.tokens[pos]
    return tok.upos == "NOUN" or (pos == 0 and tok.upos == "PROPN" and (tok.ner or "O") == "O")


def _talked_about(state: SentenceState, c: Candidate) -> bool:
    """The event noun is what its clause talks about or shows (switch `topic_noun_no_subject`), or what the
    clause dates itself by, suffers from or responds to (switch `stimulus_noun_no_subject`), so the clause
    subject is not its agent."""
    if c.category not in ("noun", "bare"):
        return False
    v = state.view
    return (state.on("topic_noun_no_subject") and _topic_or_record(v, c)) or (
        state.on("stimulus_noun_no_subject") and _time_cause_or_stimulus(v, c)
    )


def _time_cause_or_stimulus(v: SentenceView, c: Candidate) -> bool:
    """A conflict act as a time ("pasca serangan", "menyusul serangan"), a cause ("akibat serangan", "karena
    sanksi") or a stimulus ("sebagai tanggapan atas serangan"). Cooperation stays with the subject: "Lavrov
    ke Teheran setelah kunjungan ke Cina" is one traveller, "berhasil karena kerja sama" a shared act."""
    if c.start == 0 or c.code[:2] < "10":
        return False
    k = c.start - 1
    if k > 0 and v.texts[k].lower() in EXISTENTIAL_WORDS:
        k -= 1  # "setelah terjadi serangan", "akibat adanya serangan"
    # "setelah pada awal pekan lalu sebuah serangan bom": a time and an article between marker and noun
    while k > 0 and c.start - k < 9 and (v.texts[k].lower() in TIME_FILLERS or v.texts[k].isdigit()):
        k -= 1
    marker = v.texts[k].lower()
    if marker in TEMPORAL_SUBORDINATORS | CAUSE_MARKERS:
        return True
    return marker in ("atas", "terhadap") and bool(
        {w.lower() for w in v.texts[max(0, c.start - 3) : c.start - 1]} & RESPONSE_NOUNS
    )


def _topic_or_record(v: SentenceView, c: Candidate) -> bool:
    """The event noun is what a clause talks about ("soal tudingan tersebut") or shows ("bukti serangan")."""
    before = v.texts[max(0, c.start - 2) : c.start]
    if set(before) & TOPIC_MARKERS or v.case_of(c.head) in TOPIC_MARKERS:
        return True
    head = v.head_pos(c.head)
    return bool(before and before[-1] in RECORD_NOUNS) or (
        head is not None and v.texts[head] in RECORD_NOUNS and v.rel(c.head) in ("nmod", "compound")
    )


def _possessor_ok(c: Candidate, state: SentenceState, child: int, acts: list[MentionLike]) -> bool:
    return c.is_noun and v_rel(state.view, child) in ("nmod", "compound", "flat", "amod", "appos")


def _verb_between(v: SentenceView, start: int, end: int) -> bool:
    """A verb (by tag or by its di-/me-/ber- shape) stands between positions start and end."""
    from ..morphology import guess_category

    return any(
        v.tokens[k].upos in ("VERB", "AUX") or guess_category(v.texts[k]) in ("active", "passive")
        for k in range(start, min(end, len(v)))
    )


def _opens_coordinated_predicate(v: SentenceView, pos: int) -> bool:
    """"dan/serta" at pos followed by a verb: a second predicate of the same subject begins; or followed by
    the subject of a clause of its own ("gagal menangani serangan seperti itu dan orang Houthi sekarang
    memiliki kemampuan mencapai Riyadh")."""
    from ..morphology import guess_category

    if v.texts[pos] not in ("dan", "serta") or pos + 1 >= len(v):
        return False
    nxt = v.tokens[pos + 1]
    if v.parsed and (nxt.deprel or "").startswith("nsubj") and v.head_pos(pos + 1) == v.head_pos(pos):
        return True
    return nxt.upos == "VERB" or (
        nxt.upos not in ("PROPN", "NOUN") and guess_category(v.texts[pos + 1]) in ("active", "passive")
    )


def v_rel(v: SentenceView, pos: int) -> str:
    return base_rel(v.tokens[pos])


switch(
    "complement_subject_is_addressee",
    "arguments",
    "arguments",
    """A complement clause with a subject that is no actor names who is asked or urged: "DPR meminta
       pemerintah menunda rencana impor gas dari Singapura" asks the government, not Singapore (202 "meminta/
       mendesak/mengimbau pemerintah|presiden|menteri ..." in the shared corpora).""",
)


# Who can be asked: bodies and office holders named without their country ("meminta pemerintah ...").
ADDRESSEE_NOUNS = frozenset(
    {"pemerintah", "pemerintahan", "presiden", "menteri", "kementerian", "parlemen", "dewan", "lembaga",
     "badan", "polisi", "kepolisian", "aparat", "petugas", "tentara", "militer", "pejabat", "otoritas",
     "pihak", "masyarakat", "warga", "rakyat"}
)


# "atas permintaan/perintah/desakan X": at X's request or order; X is who asked, not the party the act is done
# to (87 such phrases in the shared corpora). Not "atas undangan X": the inviter hosts a visit.
BEHEST_NOUNS = frozenset({"permintaan", "perintah", "desakan", "usulan", "prakarsa", "inisiatif"})

switch(
    "behest_is_no_target",
    "arguments",
    "arguments",
    """The state at whose request or order an act is done is not its target: "Kepolisian Prancis
       menangkap mantan perdana menteri Kosovo atas permintaan Serbia" arrested no Serbian.""",
)


switch(
    "phrase_preposition",
    "arguments",
    "arguments",
    """A preposition that ends the trigger phrase belongs to the trigger, not to a participant: what follows
       "keluar dari", "menarik diri dari", "mundur dari" is the agreement left, and the state named in it
       ("perjanjian nuklir Iran", "perjanjian ... dengan Amerika Serikat") is the counterpart, not the source
       that "dari" marks elsewhere.""",
)


def _case_in_trigger(v: SentenceView, c: Candidate, child: int) -> bool:
    """The preposition introducing the phrase at `child` is the last word of the trigger phrase."""
    if c.end - c.start < 2:
        return False
    cases = v.kids(child, "case") or ([child - 1] if child > 0 else [])
    return any(k == c.end - 1 and v.texts[k] in SOURCE_CASES for k in cases)


def _at_behest(v: SentenceView, j: int) -> bool:
    """The actor at j is inside an "atas permintaan/perintah/... X" phrase."""
    k = j - 1
    while k >= 0 and k >= j - 4 and v.texts[k] not in BEHEST_NOUNS:
        k -= 1
    return k >= 1 and v.texts[k] in BEHEST_NOUNS and v.texts[k - 1] == "atas"


def _non_actor_subject(v: SentenceView, clause: int) -> bool:
    """The complement's subject is a body or office holder that is no resolved actor (not "rencana
    Polandia menutup ...": a plan is what is judged, not who is asked)."""
    return any(
        k not in v.actor_at and v.texts[k].casefold() in ADDRESSEE_NOUNS for k in v.kids(clause, "nsubj")
    )


def _dependent_actors(state: SentenceState, child: int) -> list[MentionLike]:
    """The actors in the phrase at `child`, less those at whose behest the act is done."""
    v = state.view
    acts = v.phrase_actors(child)
    if state.on("behest_is_no_target"):
        acts = [a for a in acts if not _at_behest(v, v.actor_span(a)[0])]
    return acts


def _attach_source_phrase(
    c: Candidate, state: SentenceState, child: int, case: str, acts: list[MentionLike]
) -> None:
    """An oleh/dari phrase: the counterpart when the preposition ends the trigger phrase ("keluar dari"),
    nobody when a nearer verb owns it, else the source."""
    v = state.view
    if state.on("phrase_preposition") and _case_in_trigger(v, c, child):
        _add(c.targets, acts)
        c.fired("obj/obl")
        return
    if (c.is_noun or case == "oleh") and _verb_between(v, c.end, child):
        # "Kunjungan X ke Mongolia pun dikecam oleh China", "bertemu UNHCR, Retno dihubungi oleh Menlu
        # Inggris": oleh/dari belong to the nearer verb
        return
    c.sources[:0] = [a for a in acts if all(a is not s for s in c.sources)]
    c.fired("passive" if c.passive else "possessor")


def _attach_object(c: Candidate, case: str | None, rel: str, acts: list[MentionLike]) -> None:
    """An object or a target-marked phrase is the target, except the bare object of a passive verb."""
    if c.passive and case is None and rel == "obj" and not c.sources:
        # "dikunjungi Menlu Ekuador": the actor after a passive verb is its agent
        _add(c.sources, acts)
        c.fired("passive")
        return
    _add(c.targets, acts)
    c.fired("obj/obl")


def _attach_possessor(c: Candidate, acts: list[MentionLike]) -> None:
    """The possessor of an event noun is its source unless it is already a target."""
    if all(a is not t for a in acts for t in c.targets):
        # The possessor of an event noun beats a subject borrowed from the clause around it.
        if "climbed" in c.rules:
            c.sources.clear()
            c.rules.remove("climbed")
        _add(c.sources, acts)
        c.fired("possessor")


def _attach_dependent(
    c: Candidate, state: SentenceState, child: int, acts: list[MentionLike], object_words: frozenset[str]
) -> None:
    """Give the actors of one dependent of the trigger their side, by its preposition or relation."""
    v = state.view
    rel = v.rel(child)
    case = v.case_of(child)
    if case in SOURCE_CASES:
        _attach_source_phrase(c, state, child, case, acts)
    elif c.trigger.id in TOPIC_TRIGGERS and case not in ("dengan", "bersama"):
        return  # what is discussed is no participant in the talks
    elif case in TARGET_CASES or rel in ("obj", "iobj"):
        _attach_object(c, case, rel, acts)
    elif case in LOCATION_CASES:
        return
    elif (
        _possessor_ok(c, state, child, acts)
        and object_words
        and {v.texts[j] for j in v.subtree(child)} & object_words
    ):
        _add(c.targets, acts)
        c.fired("obj/obl")
    elif _possessor_ok(c, state, child, acts) and (
        not c.sources or ("climbed" in c.rules and child in v.actor_at)
    ):
        _attach_possessor(c, acts)
    elif rel in ("xcomp", "ccomp"):
        if state.on("complement_subject_is_addressee") and _non_actor_subject(v, child):
            return
        _add(c.targets, acts[:1])
        c.fired("obj/obl")


@rule("parse_dependents", "arguments", "core")
def parse_dependents(c: Candidate, state: SentenceState) -> None:
    """Objects and prepositional phrases of the trigger: behind oleh/dari -> source; behind terhadap, ke,
    kepada, dengan, atas, bagi, untuk, pada or as obj/iobj -> target; a nominal trigger's possessor -> source
    (or target when the possessed noun is the act's object: "pengusiran diplomat India")."""
    v = state.view
    if not v.parsed:
        return
    object_words = c.trigger.requires_object if c.trigger.object_is_target else frozenset()
    for child in v.kids(c.head):
        if v.rel(child) in ("punct", "case", "cc", "advmod", "aux", "mark", "det", "nsubj", "csubj"):
            continue
        acts = _dependent_actors(state, child)
        if acts:
            _attach_dependent(c, state, child, acts, object_words)
    # "yang di-... oleh X": the relative clause modifies its target.
    if c.passive and v.rel(c.head) == "acl" and (h := v.head_pos(c.head)) is not None and not c.targets:
        _add(c.targets, v.actors_in([h]))


@rule("passive_voice", "arguments", "arguments")
def passive_voice(c: Candidate, state: SentenceState) -> None:
    """A di-/ter- form: its grammatical subject undergoes the act and the agent does it: "oleh X", or the
    actor right after the verb ("Retno dihubungi Menlu Belanda"), whatever the parser labelled them."""
    if not c.passive:
        return
    v = state.view
    agent = None
    j = c.end
    if j < len(v) and v.texts[j] == "oleh":
        j += 1
    if j < len(v):
        agent = v.actor_at.get(j)
    if agent is not None and all(agent is not s for s in c.sources):
        c.targets[:] = [t for t in c.targets if t is not agent]
        c.sources.insert(0, agent)
        c.fired("passive_voice")
    # The subject before a passive verb undergoes it: move it from sources to targets.
    before = [s for s in c.sources if s.start_char < v.tokens[c.start].start_char]
    if before and c.sources and c.sources[0] is agent or before and agent is None and not c.targets:
        for s in before:
            c.sources.remove(s)
            _add(c.targets, [s])
        c.fired("passive_voice")


switch(
    "raising_subject",
    "arguments",
    "arguments",
    """"X dijadwalkan/dikabarkan/disebut bertemu ...": the subject of a passive raising verb is the agent of
       the active trigger it governs, not its patient.""",
)


def non_actor(state: SentenceState, pos: int) -> NonActor:
    """The noun at `pos` as a non-actor participant. Its text is the surface span: a word split off a
    multi-word token ("dita" of "ditanya") spans the whole token."""
    tok, s = state.view.tokens[pos], state.sentence
    surface = s.text[tok.start_char - s.start_char : tok.end_char - s.start_char]
    return NonActor(s.article_id, s.index, tok.start_char, tok.end_char, surface or tok.text)


NAMING = frozenset({"yakni", "yaitu", "ialah", "adalah", "seperti", "termasuk"})


def _named_after(v: SentenceView, end: int) -> list[MentionLike]:
    """The actors listed right after a naming word that follows the clause ("... yakni Malaysia, Laos dan
    Vietnam")."""
    j = end
    while j < len(v) and j - end < 3 and v.texts[j] not in NAMING:
        if v.texts[j] in (",", ".", ";"):
            return []
        j += 1
    if j >= len(v) or v.texts[j] not in NAMING:
        return []
    out: list[MentionLike] = []
    k = j + 1
    while k < len(v) and (k in v.actor_at or v.texts[k] in (",", "dan", "serta")):
        m = v.actor_at.get(k)
        if m is not None and all(m is not o for o in out):
            out.append(m)
        k += 1
    return out


# "negara yang masih mendukung Taiwan" (9 "yang masih/terus + act verb" in the shared corpora)
RELATIVE_SKIP = (
    frozenset(
        {"telah", "sudah", "akan", "juga", "pernah", "sedang", "tidak", "belum", "tak", "masih", "terus"}
    )
    | RAISING
)


@rule("relative_light_verb", "arguments", "arguments")
def relative_light_verb(c: Candidate, state: SentenceState) -> None:
    """ "serangan yang dilancarkan Israel", "sanksi yang diberlakukan Amerika Serikat pada Iran", "latihan
    yang digelar Rusia dan Iran": the agent of a passive light verb in a yang-clause on an event noun does the
    act, and an actor behind a target preposition in that clause is its target (the mirror of a light verb's
    object: "Israel melancarkan serangan")."""
    if c.sources or not _looks_nominal(c, state):
        return
    v = state.view
    verb = _relative_light_verb_at(state, c.end)
    if verb is None:
        return
    j = verb + 1
    if j < len(v) and v.texts[j] == "oleh":
        j += 1
    agent = v.actor_at.get(j)
    if agent is None:
        return
    from .pairs import _list_members

    agents = _list_members(v, agent)
    c.targets[:] = [t for t in c.targets if all(t is not a for a in agents)]
    _add(c.sources, agents)
    c.fired("relative_light_verb")
    if c.targets or c.symmetric:
        return
    for k in range(v.actor_span(agents[-1])[1] + 1, min(len(v), verb + 12)):
        if v.texts[k] in CLAUSE_END or v.texts[k] == "," or v.tokens[k].upos == "VERB":
            return
        m = v.actor_at.get(k)
        if m is not None and v.preposition_before(k) in TARGET_CASES - {"dengan"}:
            _add(c.targets, [m], c.sources)
            return


def _relative_light_verb_at(state: SentenceState, pos: int) -> int | None:
    """Position of a passive light verb opening a yang-clause at `pos` ("yang telah dilancarkan"), or after at
    most three modifiers of the event noun that are no actors ("latihan militer gabungan yang digelar")."""
    v = state.view
    for _ in range(3):
        if pos < len(v) and pos not in v.actor_at and v.tokens[pos].upos in ("NOUN", "ADJ"):
            pos += 1
    if pos >= len(v) or v.texts[pos] != "yang":
        return None
    k = pos + 1
    while k < len(v) and v.texts[k] in RELATIVE_SKIP:
        k += 1
    if k >= len(v) or not v.texts[k].startswith("di"):
        return None
    light = state.dictionary.light_verbs
    stem = v.texts[k][2:]
    return k if stem in light or stem.removesuffix("kan") in light or v.lemmas[k] in light else None


@rule("relative_clause_head", "arguments", "arguments")
def relative_clause_head(c: Candidate, state: SentenceState) -> None:
    """ "negara yang mengakui Yerusalem", "bantuan yang dikirim Argentina": the noun a yang-clause modifies is
    the clause's subject (active verb) or its object (passive verb). A noun that is no actor ("milisi yang
    didukung Iran") takes that place as a non-actor, so no state is borrowed for it."""
    v = state.view
    if c.category not in ("active", "passive"):
        return
    first = c.start
    # "entitas yang bertanggung jawab atas ... dan mendukung ...": a conjoined verb shares the first's yang
    while v.parsed and v.rel(first) == "conj" and (h := v.head_pos(first)) is not None and h < first:
        first = h
    j = first - 1
    while j >= 0 and v.texts[j] in RELATIVE_SKIP:
        j -= 1
    if j < 1 or v.texts[j] != "yang":
        return
    if v.texts[j - 1] in ("nya", "-nya") and j >= 2:
        j -= 1  # "kekejaman|nya yang ...": the noun before the clitic
    head = v.actor_at.get(j - 1)
    # "Negara yang sudah dihubunginya yakni Malaysia, Laos, Vietnam dan Singapura": the members named after
    # yakni/yaitu/seperti are the head noun.
    named = _named_after(v, c.end)
    if head is None and named and (c.targets if c.passive else c.sources) == []:
        (c.targets if c.passive else c.sources).extend(named)
        c.fired("relative_clause_head")
        return
    if (
        head is None
        and v.tokens[j - 1].upos in ("NOUN", "PROPN")
        and (c.targets if c.passive else c.sources) == []
    ):
        (c.targets if c.passive else c.sources).append(non_actor(state, j - 1))
        c.fired("relative_clause_head")
        return
    if head is None:
        return
    if c.passive:
        if not c.targets and _add(c.targets, [head], c.sources):
            c.fired("relative_clause_head")
    elif not c.sources and _add(c.sources, [head], c.targets):
        c.fired("relative_clause_head")


@rule("adverbial_subject", "arguments", "arguments")
def adverbial_subject(c: Candidate, state: SentenceState) -> None:
    """ "Setelah bertemu Putin, Erdogan mengatakan ...": a subjectless adverbial clause (setelah, ketika, usai
    ...) takes the subject of the main clause it is attached to."""
    if c.sources:
        return
    v = state.view
    first = c.start
    # "setelah kembali ke Yangoon dan bertemu UNHCR": a verb conjoined inside the adverbial clause
    while v.parsed and v.rel(first) == "conj" and (h := v.head_pos(first)) is not None and h < first:
        first = h
    j = first - 1
    while j >= 0 and v.texts[j] in ("telah", "sudah", "akan", "juga", "kembali", "lagi", "pun"):
        j -= 1
    if j < 0 or v.texts[j] not in ADVERBIAL:
        # without a usable parse: an adverbial word opening the clause the trigger is in ("setelah kembali ke
        # Yangoon dan bertemu UNHCR, Retno ...")
        j = next(
            (
                k
                for k in range(c.start - 1, max(-1, c.start - 9), -1)
                if v.texts[k] in ADVERBIAL or v.texts[k] in (",", ".", ";")
            ),
            -1,
        )
        if j < 0 or v.texts[j] not in ADVERBIAL:
            return
    main = None
    if v.parsed and v.rel(first) == "advcl" and (h := v.head_pos(first)) is not None:
        subj, passive = subject_of(v, h)
        if subj is not None and not passive:
            acts = v.subject_actors(subj)
            main = acts[0] if acts else None
    if main is None:
        # After the adverbial clause's comma: "Setelah bertemu X, Y ...".
        comma = next((k for k in range(c.end, len(v)) if v.texts[k] == ","), None)
        if comma is not None and comma + 1 < len(v):
            main = v.actor_at.get(comma + 1)
    if main is not None and all(main is not t for t in c.targets):
        _add(c.sources, [main])
        c.fired("adverbial_subject")


def _receptive(state: SentenceState, pos: int) -> bool:
    v = state.view
    return v.texts[pos] in RECEPTIVE_VERBS or (
        v.tokens[pos].upos == "VERB" and v.lemmas[pos] in RECEPTIVE_LEMMAS
    )


@rule("receiver", "arguments", "core")
def receiver(c: Candidate, state: SentenceState) -> None:
    """ "Menlu Iran menerima kunjungan Menlu Rusia", "X mendapat serangan dari Y": the subject of a receiving
    verb undergoes the nominal act; the possessor or "dari" phrase does it."""
    if c.governor is None or not _receptive(state, c.governor):
        return
    gov = extract_at(state, c, c.governor, "active").sources
    # a subject the noun borrowed by climbing to the receiving verb is the recipient, not the doer
    borrowed = "climbed" in c.rules
    recipients = [a for a in gov if borrowed or all(a is not x for x in c.sources)]
    if recipients:
        c.sources[:] = [a for a in c.sources if all(a.iso3 != r.iso3 for r in recipients)]
        c.targets[:] = recipients
        c.fired("receiver")


switch(
    "topic_noun_no_subject",
    "arguments",
    "arguments",
    """An event noun that a clause talks about ("Mahathir angkat bicara soal tudingan tersebut", after soal,
       tentang, mengenai, terkait ...) or shows by its record ("Riyadh merilis bukti serangan", after bukti,
       laporan, video ...) takes no source from the clause subject: the speaker or publisher did not do
       it.""",
)

switch(
    "subject_excludes_counterparts",
    "arguments",
    "arguments",
    """An actor the subject's head noun is aimed at ("Sanksi terhadap Iran membuat Jepang menghentikan impor",
       "Serangan pada fasilitas Saudi mendorong Korsel ...", after terhadap, ke, kepada, atas, melawan, pada)
       is no part of the subject: it does not act.""",
)

switch(
    "stimulus_noun_no_subject",
    "arguments",
    "arguments",
    """An event noun that dates its clause ("harga minyak melonjak pasca serangan", "menyusul serangan"),
       causes what happens to the clause subject (conflict acts: "dua tentara tewas akibat serangan", "karena
       sanksi") or is what the clause responds to ("Pentagon menyiapkan opsi sebagai tanggapan atas serangan")
       takes no source from the clause subject or the governing verb.""",
)


switch(
    "only_light_verbs_lend_subjects",
    "arguments",
    "arguments",
    """Only a light verb (melancarkan, menggelar, mengadakan, memberikan ...), an existential or a raising
       verb lends its subject to the event noun it takes (any verb to an event noun in its oblique adjunct):
       whoever replies to, faces or rejects criticism ("membalas kecaman", "menghadapi ancaman") did not
       criticise or threaten.""",
)


# Verbs whose subject reacts to, undergoes or witnesses the event noun it takes: "membalas kecaman",
# "menghadapi ancaman", "mengalami serangan". Any other verb's subject is the event noun's agent
# ("meningkatkan kerja sama", "mengumumkan sanksi", "menjadi mediator").
# Verbs that name and judge an act ("menyebut penyitaan itu sebagai pembajakan", "menilai serangan itu
# sebagai ..."): their subject judges a conflict act, it did not do it.
CHARACTERISING_VERBS = frozenset(
    {"menyebut", "menilai", "menganggap", "menggambarkan", "memandang", "menjuluki", "mengategorikan",
     "mengkategorikan", "menamakan"}
)
REACTING_VERBS = frozenset(
    {
        "menghadapi",
        "membalas",
        "menanggapi",
        "merespons",
        "merespon",
        "mengalami",
        "menderita",
        "menyaksikan",
        "mengamati",
        "memantau",
        "menghindari",
        "mewaspadai",
        "mengkhawatirkan",
        "menyesalkan",
        "mengutuk",
        "mengecam",
        "menolak",
        "membantah",
        "menepis",
        "menampik",
        "menyayangkan",
        "menyambut",
        "meredam",
        # verbs of investigating, handling or commenting on an act: "AS menyelidiki serangan", "Militer AS
        # mengatasi serangan" (not verbs of characterising: "Retno menyebut kunjungannya ... sebagai ..." is
        # her own visit)
        "menyelidiki",
        "mengusut",
        "menginvestigasi",
        "mengatasi",
        "menangani",
        "melaporkan",
        "memberitakan",
        "mempertanyakan",
        "mengomentari",
        "menyinggung",
        # verbs of warding off: "membangun koalisi untuk menangkis ancaman", "melawan agresi AS" (about 35
        # before a threat or an attack in the shared corpora): the subject defends against the act
        "menangkis",
        "menghalau",
        "menangkal",
        "membendung",
        "mencegat",
        "mengantisipasi",
        "melawan",
        # verbs of resulting: "Kunjungan itu berujung pada pembatalan penerbangan" names a cause, not an agent
        "berujung",
        "berakhir",
        "berbuntut",
        "menyebabkan",
        "mengakibatkan",
    }
)


def _lends_subject(state: SentenceState, c: Candidate, pos: int) -> bool:
    """Whether the verb at pos lends its subject to the event noun c: not a verb of reacting to, undergoing or
    witnessing it ("membalas kecaman", "menghadapi ancaman"), nor of characterising somebody else's conflict
    act ("Iran menyebut penyitaan itu sebagai pembajakan"; "serangannya" is the subject's own)."""
    v = state.view
    if v.texts[pos] in REACTING_VERBS | PROVOKING:
        return False
    if (
        v.texts[pos] in CHARACTERISING_VERBS
        and c.code[:2] >= "10"
        and not v.texts[c.head].endswith("nya")
        and not (c.end < len(v) and v.texts[c.end] in ("nya", "-nya"))
    ):
        return False
    return v.lemmas[pos] not in {w[2:] for w in REACTING_VERBS}


# Nouns an attack modifies whatever the parse says: its mastermind, perpetrator, target, place, victims or
# effect ("dalang serangan" 35, "pelaku serangan" 19, "sasaran/target serangan" 20 in the shared corpora).
ACT_MODIFIED_HEADS = frozenset(
    {"dalang", "pelaku", "otak", "sasaran", "target", "lokasi", "korban", "tersangka", "dampak"}
)


def _modifies_another_noun(state: SentenceState, c: Candidate) -> bool:
    """A conflict act named by a noun that modifies another noun ("dalang serangan"), not one that counts it
    ("serangkaian serangan"): switch `modifier_noun_no_subject`."""
    v = state.view
    if not (
        state.on("modifier_noun_no_subject")
        and c.category in ("noun", "bare")
        and c.code[:2] in MATERIAL_CONFLICT_ROOTS
    ):
        return False
    if c.start > 0 and v.texts[c.start - 1].lower() in ACT_MODIFIED_HEADS:
        return True  # also where the parse is a headline's run of proper nouns: "Dalang Serangan Kilang ..."
    head = v.head_pos(c.head) if v.parsed else None
    return (
        head is not None
        and v.rel(c.head) in ("compound", "nmod")
        and v.tokens[head].upos == "NOUN"
        and v.texts[head] not in QUANTITY_HEADS
    )


def _borrows_no_subject(state: SentenceState, c: Candidate) -> bool:
    """The event noun's governor reacts to it or provokes it, or the clause talks about it or shows its
    record, or the noun modifies another noun: the clause subject is not its agent."""
    if _talked_about(state, c) or _modifies_another_noun(state, c):
        return True
    return (
        c.governor is not None
        and c.category in ("noun", "bare")
        and state.on("only_light_verbs_lend_subjects")
        and not _lends_subject(state, c, c.governor)
    )


@rule("light_verb_subject", "arguments", "core")
def light_verb_subject(c: Candidate, state: SentenceState) -> None:
    """The subject of the light verb (melancarkan, menggelar, mengadakan) is its nominal object's source."""
    if c.sources or c.governor is None or "receiver" in c.rules:
        return
    if state.view.texts[c.governor] in PROVOKING:
        return  # "langkah AS memicu kecaman": the provoker is the target (provoked_reaction)
    if state.on("only_light_verbs_lend_subjects") and not _lends_subject(state, c, c.governor):
        return  # "Trump membalas kecaman": who replies to criticism did not criticise
    if _talked_about(state, c):
        return  # "Menlu Malaysia berkomentar tentang serangan ...": the commenter did not attack
    probe = extract_at(state, c, c.governor, "active")
    if _add(c.sources, probe.sources, c.targets):
        c.fired("light-verb")
    elif probe.pronoun or probe.both:
        # "Melalui kerja sama dengan Pakistan, kami ...": the governor's pronoun subject is the act's too.
        c.pronoun, c.both = c.pronoun or probe.pronoun, c.both or probe.both
        c.fired("light-verb")


# Passive verbs of reacting to or perceiving an act: their agent condemns, answers or detects it, and did not
# do it ("Pendudukan Israel di Tepi Barat dikecam Indonesia", "Tembakan ... terdeteksi militer Korea
# Selatan"; about 11 conflict or meeting nouns with one of these and a named agent in the shared corpora).
PASSIVE_REACTING = frozenset(
    {"dikecam", "dikutuk", "ditentang", "dibalas", "ditanggapi", "direspons", "direspon", "dihadapi",
     "dialami", "disaksikan", "diamati", "dipantau", "dihindari", "diwaspadai", "disesalkan", "ditolak",
     "dibantah", "ditepis", "ditampik", "disayangkan", "disambut", "diselidiki", "diusut", "diinvestigasi",
     "dilaporkan", "diberitakan", "dipertanyakan", "dikomentari", "dikritik", "ditangkis", "dihalau",
     "ditangkal", "dicegat", "dilawan", "terdeteksi", "dideteksi", "terpantau", "dikhawatirkan"}
)


# Codes of reactions to another's act: disapprove (11), reject (12), protest (14), deny (016). A passive verb
# the dictionary codes so ("diprotes", "diboikot", "dicela") reacts to its subject, like PASSIVE_REACTING.
REACTION_ROOTS = ("11", "12", "14")


def _reaction_trigger_at(state: SentenceState, pos: int) -> bool:
    return any(
        o.start <= pos < o.end and (o.code[:2] in REACTION_ROOTS or o.code == "016") for o in state.candidates
    )


@rule("passive_governor_agent", "arguments", "arguments")
def passive_governor_agent(c: Candidate, state: SentenceState) -> None:
    """ "serangan itu dilakukan oleh Iran", "bantuan pangan untuk Kenya dikirim oleh Oxfam": the agent of the
    passive verb an event noun is the subject of did the act, state or not. (Reciprocal acts: the agent
    of "diselenggarakan oleh" hosts them, see host_by_oleh.)"""
    if c.sources or c.symmetric or not _looks_nominal(c, state):
        return
    v = state.view
    verb = _passive_governor(v, c)
    if verb is None or v.texts[verb] in PASSIVE_REACTING or _reaction_trigger_at(state, verb):
        return
    if (agent := v.actor_at.get(verb + 1)) is not None and all(agent is not t for t in c.targets):
        # "Bantuan itu diberikan Jepang kepada Indonesia": the agent right after the di- verb, without oleh
        _add(c.sources, [agent])
        c.fired("passive_agent")
        return
    for j in range(verb + 1, min(len(v), verb + 4)):
        if v.texts[j] in CLAUSE_END or v.texts[j] == ",":
            return
        if v.texts[j] == "oleh" and j + 1 < len(v):
            agent = v.actor_at.get(j + 1)
            if agent is not None:
                _add(c.sources, [agent], c.targets)
            elif v.tokens[j + 1].upos in ("PROPN", "NOUN"):
                c.sources.append(non_actor(state, j + 1))
            else:
                return
            c.fired("passive_agent")
            return


def _passive_governor(v: SentenceView, c: Candidate) -> int | None:
    """The di- verb the event noun is the passive subject of: by the parse, or unparsed, the first di- word
    within three words after the noun's phrase."""
    if v.parsed:
        head = v.head_pos(c.head)
        if head is not None and v.rel(c.head) == "nsubj" and v.tokens[c.head].deprel == "nsubj:pass":
            return head
        return None
    for j in range(c.end, min(len(v), c.end + 4)):
        if v.texts[j].startswith("di") and len(v.texts[j]) > 4 and v.tokens[j].upos in ("VERB", "X", "_", ""):
            return j
        if v.texts[j] in CLAUSE_END or v.texts[j] == ",":
            return None
    return None


@rule("dari_source", "arguments", "arguments")
def dari_source(c: Candidate, state: SentenceState) -> None:
    """ "dukungan penuh dari Libya", "telepon dari Menlu Iran", "kecaman dari Indonesia": an actor behind dari
    right after the trigger (within its phrase) is the source, also over a subject borrowed from the clause
    ("Pejabat AS memperingatkan agar berhati-hati menerima pinjaman dari Cina")."""
    if c.sources and not ("climbed" in c.rules and c.is_noun):
        return
    v = state.view
    for j in range(c.end, min(len(v), c.end + 6)):
        if v.texts[j] in (",", ".", ";") or v.texts[j] in ("yang", "bahwa"):
            return
        if _verb_between(v, j, j + 1):
            # another predicate: "meminta Rusia menarik pasukannya dari Ukraina" names where Russia leaves,
            # not who asks (about 15 appeals to withdraw "dari" a state in the shared corpora)
            return
        if v.texts[j] == "dari" and j + 1 < len(v):
            # "dari Libya", "dari Menlu Iran", "dari seluruh negara di dunia termasuk Indonesia"
            m = None
            for k in range(j + 1, min(len(v), j + 9)):
                if v.texts[k] in (",", ".", ";", "yang", "bahwa", "untuk", "agar"):
                    break
                if (m := v.actor_at.get(k)) is not None:
                    break
            if m is not None and all(m is not t for t in c.targets):
                c.sources[:] = [m]
                c.fired("dari_source")
            return


def _looks_nominal(c: Candidate, state: SentenceState) -> bool:
    """A nominal event: a noun form, or a bare word the tagger calls a noun; untagged, a -an / invasi
    shape."""
    if c.category == "noun":
        return True
    if c.category != "bare":
        return False
    upos = state.view.tokens[c.head].upos
    if upos in ("NOUN", "PROPN"):
        return True
    w = state.view.texts[c.head]
    return upos in ("X", "_", "", None) and (
        w.endswith("an") and not w.startswith(("me", "di", "ber", "ter")) or w.startswith("invasi")
    )


# "invasi yang dipimpin Arab Saudi ke Yaman", "serangan udara koalisi pimpinan Saudi": whoever leads the
# act (or the force doing it) does it
LEADING = ("pimpinan", "dipimpin")
FORCE_NOUNS = frozenset({"koalisi", "pasukan", "militer", "aliansi", "udara", "darat"})


@rule("led_by", "arguments", "arguments")
def led_by(c: Candidate, state: SentenceState) -> None:
    """An act, or the force doing it, "yang dipimpin (oleh) X" / "pimpinan X" is X's: the leader is the
    source, not a party found elsewhere in the sentence or in the context (about 35 "koalisi/serangan/invasi
    ... (yang dipimpin|pimpinan) <state>" in the shared corpora)."""
    if c.symmetric or not _looks_nominal(c, state):
        return
    v = state.view
    j = c.end
    while j < len(v) and j < c.end + 2 and v.texts[j].lower() in FORCE_NOUNS:
        j += 1
    if j < len(v) and v.texts[j].lower() == "yang":
        j += 1
    if j >= len(v) or v.texts[j].lower() not in LEADING:
        return
    j += 1
    if j < len(v) and v.texts[j].lower() == "oleh":
        j += 1
    if (leader := v.actor_at.get(j)) is not None:
        _name_doer(c, leader, "led_by")


def _name_doer(c: Candidate, doer: MentionLike, rule_tag: str) -> None:
    """The act's own phrase names who does it: that actor is the only source, and no target."""
    c.sources[:] = [doer]
    c.targets[:] = [t for t in c.targets if t is not doer]
    c.fired(rule_tag)


# Rules that name the doer of an act in its own phrase, beyond any subject the clause lends it.
NAMED_DOER = ("led_by", "origin", "appraised")
# Verbs that praise, thank, blame or regret what another party did: "Palestina menghargai reaksi cepat Arab
# Saudi dalam mengutuk serangan Israel", "Menlu Jepang memuji upaya Indonesia dalam membantu pengungsi". The
# act in the "dalam/karena/atas" clause is the appraised party's (about 50 such verb + object + dalam/karena/
# atas + meN- verb in the shared corpora; in 14 of 14 random ones the doer was the object's owner: "kinerja
# pemerintah dalam membangun", "berterima kasih kepada penggemarnya karena menyambutnya").
APPRAISING_VERBS = frozenset(
    {"menghargai", "memuji", "mengapresiasi", "menyambut", "berterima", "mengecam", "mengkritik",
     "menyesalkan", "menyayangkan", "menyalahkan", "mengritik"}
)
APPRAISED_MARKS = frozenset({"dalam", "karena", "atas"})


@rule("appraised_doer", "arguments", "arguments")
def appraised_doer(c: Candidate, state: SentenceState) -> None:
    """An act in the "dalam/karena/atas" clause of a verb that praises, thanks or blames someone is the act
    of the one appraised, not of the appraiser: the praiser of Saudi Arabia's condemnation of Israel did not
    condemn."""
    v = state.view
    if not v.parsed:
        return
    cur = c.head if c.governor is None else c.governor
    for _ in range(3):
        gov = v.head_pos(cur)
        if gov is None:
            return
        if v.rel(cur) == "advcl":
            marks = {v.texts[k].lower() for k in v.kids(cur, "mark", "case")}
            if not marks & APPRAISED_MARKS or v.texts[gov].lower() not in APPRAISING_VERBS:
                return
            # "berterima kasih kepada Qatar": the thanked party hangs on "kasih"
            objects = v.kids(gov, "obj", "obl", "iobj") + [
                k for x in v.kids(gov, "xcomp") if x < cur for k in v.kids(x, "obj", "obl")
            ]
            appraised = [
                a
                for k in objects
                if k < cur
                for a in v.phrase_actors(k)
                if all(a is not t for t in c.targets)
            ]
            if appraised:
                c.sources[:] = appraised
                c.fired("appraised")
            return
        if v.rel(cur) not in ("conj", "xcomp"):
            return
        cur = gov


# "serangan ... berasal dari Iran", "rudal yang diluncurkan dari Korea Utara": where a strike came from
ORIGIN_VERBS = frozenset({"berasal", "diluncurkan", "ditembakkan", "dilancarkan", "datang"})


@rule("strike_origin", "arguments", "arguments")
def strike_origin(c: Candidate, state: SentenceState) -> None:
    """A strike said to come from a state ("serangan yang melumpuhkan fasilitas minyak Arab Saudi ...
    berasal dari Iran") is that state's, whoever claims so (about 30 strike noun ... berasal/diluncurkan dari
    <state> in the shared corpora)."""
    if c.code[:2] not in MATERIAL_CONFLICT_ROOTS or not _looks_nominal(c, state):
        return
    v = state.view
    for j in range(c.end, min(len(v) - 2, c.end + 16)):
        if v.texts[j] in CLAUSE_END:
            return
        if v.texts[j].lower() in ORIGIN_VERBS and v.texts[j + 1] == "dari":
            k = j + 2 + (v.texts[j + 2].lower() == "wilayah")
            origin = v.actor_at.get(k) if k < len(v) else None
            if origin is not None and origin.iso3:
                _name_doer(c, origin, "origin")
            return


@rule("linear_possessor", "arguments", "core")
def linear_possessor(c: Candidate, state: SentenceState) -> None:
    """ "Serangan Iran terhadap Israel", "serangan udara Israel": an actor right after a nominal trigger with
    no preposition in between is its possessor, the source (conjoined possessors too)."""
    if c.sources or not _looks_nominal(c, state):
        return
    v = state.view
    nxt = c.end
    if (
        nxt < len(v)
        and nxt not in v.actor_at
        and nxt not in v.venue_at
        and (v.tokens[nxt].ner or "O")[2:] in ("PER", "ORG")
    ):
        # "Kunjungan Dalai Lama ke Mongolia": a named possessor that is no actor is the (non-state) source
        c.sources.append(non_actor(state, nxt))
        c.fired("possessor")
        return
    for j in range(c.end, min(len(v), c.end + 3)):
        m = v.actor_at.get(j) or v.venue_at.get(j)
        if m is not None:
            if all(m is not t for t in c.targets):
                c.sources.append(m)
                k = j + 1
                while k < len(v) and (v.actor_at.get(k) or v.venue_at.get(k)) is m:
                    k += 1
                if (
                    k + 1 < len(v)
                    and v.texts[k] in ("dan", "serta")
                    and (m2 := v.actor_at.get(k + 1) or v.venue_at.get(k + 1)) is not None
                ):
                    c.sources.append(m2)
                c.fired("possessor")
            return
        if v.tokens[j].upos in ("ADP", "PUNCT", "VERB") or v.texts[j] in TARGET_CASES:
            return


switch(
    "reporter_is_not_the_actor",
    "arguments",
    "arguments",
    """The word-order fallback for a source does not reach past a reporting verb: the speaker of "X
       menuturkan meskipun serangan perompakan di Somalia ..." is not the attacker; nor past the colon of a
       title's speaker ("Pentagon: Serangan terhadap Fasilitas Minyak Saudi Sangat Canggih").""",
)


@rule("linear_source", "arguments", "core")
def linear_source(c: Candidate, state: SentenceState) -> None:
    """The parse gave no source: the nearest actor to the left in the clause, not behind a target or location
    preposition (with a conjoined actor just before it: "Iran dan Pakistan sepakat")."""
    if c.sources or c.pronoun or c.both:
        return
    v = state.view
    if _borrows_no_subject(state, c):
        return
    from .frames import is_reporting

    for j in v.linear_window(c.head, -1, 15):
        if state.on("reporter_is_not_the_actor") and is_reporting(v, state.dictionary, j):
            # "Panglima ini menuturkan meskipun serangan perompakan ...": the reporter did not attack, and
            # neither did a pronoun reporting it ("Dia lalu mengatakan, serangan terhadap ... kilang minyak
            # Saudi memiliki implikasi serius"); aid or talks a president reports are often his state's own
            if _looks_nominal(c, state) and c.code[:2] in MATERIAL_CONFLICT_ROOTS:
                return
            break
        m = v.actor_at.get(j)
        if (
            m is None
            or v.preposition_before(j) in (TARGET_CASES | LOCATION_CASES)
            or any(m is t for t in c.targets)
        ):
            continue
        _take_linear_actor(c, v, j, m)
        return
    _pronoun_or_both_near(c, v)


def _take_linear_actor(c: Candidate, v: SentenceView, j: int, m: MentionLike) -> None:
    """The actor m at j, left of the trigger, is its source."""
    if c.passive:
        # the actor before a passive verb is its patient
        if not c.targets:
            c.targets.append(m)
            c.fired("linear")
        return
    c.sources.append(m)
    if (m2 := _conjoined_before(v, j, m)) is not None:
        c.sources.insert(0, m2)
    c.fired("linear")


def _conjoined_before(v: SentenceView, j: int, m: MentionLike) -> MentionLike | None:
    """An actor joined to m by "dan", "serta", a comma or "maupun" right before it ("Iran dan Pakistan")."""
    k = j - 1
    while k >= 0 and v.actor_at.get(k) is m:
        k -= 1
    if (
        k >= 1
        and v.texts[k] in ("dan", "serta", ",", "maupun")
        and (m2 := v.actor_at.get(k - 1)) is not None
        and m2 is not m
    ):
        return m2
    return None


def _pronoun_or_both_near(c: Candidate, v: SentenceView) -> None:
    """No actor to the left: a speaker pronoun or a mention of both parties just before the trigger stands in
    for the source (resolved later)."""
    near = [v.texts[j] for j in sorted(v.linear_window(c.head, -1, 4))]
    # a free pronoun, not a clitic: "setelah ada|nya kekhawatiran" has no subject
    if set(near) & (SPEAKER_PRONOUNS - {"nya", "-nya"}):
        c.pronoun = next(w for w in near if w in SPEAKER_PRONOUNS - {"nya", "-nya"})
    if set(near) & FIRST_PERSON or any(
        a == "pihak" and b in ("nya", "-nya") for a, b in zip(near, near[1:], strict=False)
    ):
        c.pronoun = "kami"
    c.both = c.both or mentions_both(near)


def _place_apposition(v: SentenceView, j: int) -> bool:
    """ "di Penjara Teluk Guantanamo, Kuba": the country after the comma of a place phrase is where, not
    whom."""
    if j < 2 or v.texts[j - 1] != ",":
        return False
    for k in range(j - 2, max(-1, j - 7), -1):
        if v.texts[k] in LOCATION_CASES:
            return True
        if v.tokens[k].upos in ("VERB", "PUNCT", "ADP", "SCONJ", "CCONJ") or k in v.actor_at:
            return False
    return False


# Verbs of going somewhere: a "ke X" after one is where someone goes, not a party to another trigger's act.
JOURNEY_VERBS = frozenset(
    {"berangkat", "pergi", "datang", "kembali", "pulang", "terbang", "tiba", "masuk", "bepergian", "berlayar",
     "mudik", "pindah", "berpindah", "kabur", "melarikan", "mengungsi", "menuju", "melancong", "berlibur"}
)

switch(
    "journey_destination_is_no_party",
    "arguments",
    "arguments",
    """The word-order fallback for a target skips "ke X" after a verb of going that is not the trigger:
       in "Presiden meminta dirinya tidak berangkat ke Amerika Serikat" the US is where he was not to go,
       not whom the president asked. Triggers that take their venue as target (visits) keep it.""",
)


switch(
    "target_not_in_another_subjects_clause",
    "arguments",
    "arguments",
    """The word-order fallback for a target skips an actor in the clause of another verb with a subject of
       its own, or that subject: in "Dia menyambangi rumah bos Emtek, Obama bertemu dengan Presiden Joko
       Widodo" Jokowi is whom Obama met, not whom "dia" visited; in "Menlu Indonesia memuji langkah itu, Menlu
       Australia mengecam Malaysia" Australia is not whom Indonesia praised.""",
)


def _in_another_subjects_clause(v: SentenceView, c: Candidate, j: int) -> bool:
    """The nearest verb above position j is not the trigger's and has a subject other than j; or j is the
    subject of a verb that does not govern the trigger (a main clause's subject may still be the party:
    "Meskipun Malaysia sudah meminta maaf, Dadang mengatakan ...")."""
    if not v.parsed:
        return False
    own = {*range(c.start, c.end), c.head, *([c.governor] if c.governor is not None else [])}
    for a in v.ancestors(j):
        if a in own:
            return False
        if v.tokens[a].upos == "VERB":
            # the trigger as the patient of a passive verb leaves it the trigger's clause ("Bantuan itu
            # diberikan Jepang kepada Indonesia"); as an active verb's subject it does not ("kesepakatan itu
            # akan membutuhkan persetujuan pemerintahan Trump")
            subjects = [
                k for k in v.kids(a, "nsubj") if not (k in own and v.tokens[k].deprel == "nsubj:pass")
            ]
            governs_trigger = a in v.ancestors(c.head, limit=20)
            return any(k != j for k in subjects) or (bool(subjects) and not governs_trigger)
    return False


def _continues_list_of(v: SentenceView, j: int, members: Sequence[MentionLike]) -> bool:
    """The actor at j is a later member of a comma/dan list that one of `members` belongs to."""
    k = j - 1
    while k >= 0:
        if v.texts[k] in (",", "dan", "serta"):
            k -= 1
            continue
        a = v.actor_at.get(k)
        if a is None:
            return False
        if any(a is m for m in members):
            return True
        first, _ = v.actor_span(a)
        k = first - 1
    return False


def _journey_destination(v: SentenceView, c: Candidate, j: int) -> bool:
    return (
        v.preposition_before(j) == "ke"
        and not c.trigger.venue_as_target
        and any(v.texts[k].lower() in JOURNEY_VERBS for k in range(c.end, j))
    )


def _opens_purpose_clause(v: SentenceView, j: int) -> bool:
    """ "guna" opens a clause of purpose whose parties are its own. Not "untuk" before a verb: in "mengimbau
    agar aksi massal digelar untuk menentang pengumuman Presiden AS" its object is the appeal's target."""
    return v.texts[j].lower() == "guna" and j + 1 < len(v) and v.tokens[j + 1].upos == "VERB"


def _predicate_of_subject(v: SentenceView, c: Candidate) -> int | None:
    """The active verb an event noun is the subject of, when it follows the noun (a passive one names the
    act's own parties: "Bantuan itu diberikan Jepang kepada Indonesia")."""
    if not v.parsed or v.tokens[c.head].deprel != "nsubj" or (pred := v.head_pos(c.head)) is None:
        return None
    return pred if pred >= c.end and v.tokens[pred].upos == "VERB" else None


def _window_closes(v: SentenceView, c: Candidate, j: int, predicate: int | None) -> bool:
    """Position j begins what is no longer the trigger's clause: actors from there on are other acts'
    parties."""
    if j > c.end and _opens_coordinated_predicate(v, j):
        # "mengunjungi Prakash ... dan bekerja sama dengan pihak Turki": the next verb's own party
        return True
    if predicate is not None and j > predicate:
        # "tuduhan semacam itu bertujuan membuat Saudi ...": the predicate's parties, not the act's
        return True
    if j > c.end and _opens_purpose_clause(v, j):
        return True  # "menghadiri pertemuan di Ankara guna membahas ... krisis Suriah": the purpose's topic
    # "Pendudukan Israel di Tepi Barat dikecam Indonesia": who condemns it is no party to it
    return j > c.end and v.texts[j] in PASSIVE_REACTING


def _no_linear_party(state: SentenceState, c: Candidate, j: int, prep: str | None) -> bool:
    """The actor at j, behind the preposition `prep`, is a place, an addressee of somebody else, another
    clause's party or a topic of talks: the word order does not make it the act's party."""
    v = state.view
    if _continues_list_of(v, j, c.sources):
        return True  # "kecaman juga disampaikan oleh Turki, Arab Saudi, Yordania ...": more condemners
    if prep in LOCATION_CASES or _place_apposition(v, j):
        return True
    if state.on("journey_destination_is_no_party") and _journey_destination(v, c, j):
        return True
    if state.on("behest_is_no_target") and _at_behest(v, j):
        return True
    if state.on("target_not_in_another_subjects_clause") and _in_another_subjects_clause(v, c, j):
        return True
    if prep in SOURCE_CASES and _verb_between(v, c.end, j - 1):
        return True  # "Kunjungan X ke Mongolia pun dikecam oleh China": oleh belongs to dikecam
    if c.trigger.id in TOPIC_TRIGGERS and prep not in ("dengan", "bersama", None) and not c.sources:
        return True
    # "membahas respons atas keputusan AS": the topic's possessor is no participant
    return c.trigger.id in TOPIC_TRIGGERS and prep not in ("dengan", "bersama") and bool(c.sources)


def _take_agent(c: Candidate, m: MentionLike, prep: str | None) -> bool:
    """Whether the actor m behind oleh/dari was taken as the source (or a relative clause's host)."""
    if prep in SOURCE_CASES and not c.sources:
        c.sources.append(m)
        c.fired("passive" if c.passive else "possessor")
        return True
    if prep == "oleh" and c.symmetric and not c.targets:
        # "perundingan ... yang diselenggarakan oleh Iran": the agent of a relative clause is the host.
        c.targets.append(m)
        c.fired("host")
        return True
    if prep == "oleh":
        # "unjuk rasa ... oleh warga Palestina": the agent, whatever the word order suggested
        c.sources[:] = [m]
        c.fired("oleh-agent")
        return True
    return False


def _take_linear_targets(c: Candidate, v: SentenceView, j: int, m: MentionLike) -> None:
    """The actor m at j is the target, and so is the actor conjoined right after it ("ke Cina dan Korea
    Utara")."""
    c.targets.append(m)
    c.fired("linear_target")
    k = j + 1
    while k < len(v) and v.actor_at.get(k) is m:
        k += 1
    if (
        k + 1 < len(v)
        and v.texts[k] in ("dan", "serta", ",")
        and (m2 := v.actor_at.get(k + 1)) is not None
        and m2 is not m
    ):
        c.targets.append(m2)
    c.fired("linear")


@rule("linear_target", "arguments", "core")
def linear_target(c: Candidate, state: SentenceState) -> None:
    """The parse gave no target: the nearest actor to the right in the clause not behind a location
    preposition (conjoined targets too: "ke Cina dan Korea Utara"); behind oleh/dari it is the source."""
    if c.targets and c.sources:
        return
    v = state.view
    predicate = _predicate_of_subject(v, c) if _looks_nominal(c, state) else None
    for j in v.linear_window(c.head, 1, 12):
        if _window_closes(v, c, j, predicate):
            break
        m = v.actor_at.get(j)
        if m is None or any(m is s for s in c.sources) or any(m is t for t in c.targets):
            continue
        prep = v.preposition_before(j)
        if _no_linear_party(state, c, j, prep) or _take_agent(c, m, prep):
            # an agent taken here leaves the loop looking on: a later "oleh X" still overrides the source
            continue
        if not c.targets:
            _take_linear_targets(c, v, j, m)
        if c.sources and c.targets:
            return


# "tidak menarik kesimpulan mengenai siapa yang melakukan serangan terhadap fasilitas minyak Arab Saudi",
# "belum tahu siapa yang menyerang kapal tanker itu": the doer is what is asked, so the clause subject (the
# one asking) must not be lent to the act. 9 "siapa (yang) + doing verb" in the shared corpora, 9 of 9 an
# unknown or generic doer ("barang siapa yang melakukan pelanggaran").
ASKED_BRIDGE = frozenset(
    {"yang", "sebenarnya", "sesungguhnya", "sebetulnya", "melakukan", "melancarkan", "meluncurkan", "berada",
     "di", "balik", "dibalik", "bertanggung", "jawab", "atas", "mendalangi"}
)


@rule("asked_doer", "arguments", "arguments")
def asked_doer(c: Candidate, state: SentenceState) -> None:
    """An act whose doer is "siapa" (an embedded question or "barang siapa") has no doer in the sentence: it
    is dropped rather than given the subject of the clause that asks."""
    v = state.view
    for j in range(c.start - 1, max(-1, c.start - 7), -1):
        w = v.texts[j].lower()
        if w == "siapa":
            c.drop("asked_doer")
            return
        if w not in ASKED_BRIDGE:
            return


@rule("clause_subject", "arguments", "core")
def clause_subject(c: Candidate, state: SentenceState) -> None:
    """A nominal trigger with no possessor ("Lavrov berkunjung ke Teheran tidak lama setelah kunjungan ke
    Cina"): the first actor of the sentence not introduced by a preposition."""
    if c.sources or c.both or c.pronoun or not _looks_nominal(c, state) or _borrows_no_subject(state, c):
        return
    v = state.view
    if c.start > 0 and v.texts[c.start - 1] in ("ada", "adanya", "terjadi", "terjadinya", "nya"):
        return  # "setelah adanya kekhawatiran ...": an existential noun has no agent in the clause
    from .frames import is_reporting

    j = first_bare_actor(v, c.head, c.targets)
    if j is None:
        return
    if any(v.texts[k].lower() in WHERE_RELATIVES for k in range(j + 1, c.start)):
        return  # "perang dagang AS-China di mana pemboman ... di kilang minyak Arab Saudi": its own clause
    if state.on("reporter_is_not_the_actor") and any(
        is_reporting(v, state.dictionary, k) for k in range(j + 1, c.start)
    ):
        return  # "Ja menulis, 'Pengerahan ... membuat perang nuklir ...'": the writer fought no war
    if state.on("reporter_is_not_the_actor") and ":" in v.texts[j + 1 : c.start]:
        return  # "Pentagon: Serangan terhadap Fasilitas Minyak Saudi Sangat Canggih": a title's speaker
    c.sources.append(v.actor_at[j])
    c.fired("clause-subject")


def first_bare_actor(v: SentenceView, end: int, exclude: Sequence[MentionLike]) -> int | None:
    """Position of the first actor before `end` that no preposition introduces and is not in `exclude`: the
    clause's subject by word order."""
    for j in range(end):
        m = v.actor_at.get(j)
        if m is not None and v.preposition_before(j) is None and all(m is not x for x in exclude):
            return j
    return None


PARSE_AND_LINEAR = (
    "asked_doer",
    "led_by",
    "strike_origin",
    "appraised_doer",
    "passive_governor_agent",
    "parse_subject",
    "parse_dependents",
    "passive_voice",
    "relative_clause_head",
    "relative_light_verb",
    "adverbial_subject",
    "receiver",
    "dari_source",
    "light_verb_subject",
    "linear_possessor",
    "linear_source",
    "linear_target",
    "clause_subject",
)


def extract_at(state: SentenceState, c: Candidate, pos: int, category: str) -> Candidate:
    """The parse and linear arguments of another word of the clause (a light or receiving verb, an elided
    antecedent), as a throwaway candidate."""
    probe = Candidate(c.trigger, pos, pos + 1, pos, category, c.code, c.symmetric)
    for name in PARSE_AND_LINEAR:
        if name not in ("receiver", "light_verb_subject") and state.on(name):
            RULES[name].fn(probe, state)
    probe.sources[:] = state.view.expand(probe.sources)
    probe.targets[:] = state.view.expand(probe.targets)
    return probe


@rule("light_verb_targets", "arguments", "core")
def light_verb_targets(c: Candidate, state: SentenceState) -> None:
    """A nominal act without a target of its own takes the light verb's ("melancarkan serangan ke Israel")."""
    if c.targets or c.governor is None or "receiver" in c.rules or "light-verb" not in c.rules:
        return
    probe = extract_at(state, c, c.governor, "active")
    if _add(c.targets, _not_sources(c, probe.targets)):
        c.fired("light-verb")


@rule("verbal_own_country", "arguments", "core")
def verbal_own_country(c: Candidate, state: SentenceState) -> None:
    """A verbal act aimed at the source's own country ("menyalahkan kampanye anti-Azerbaijan" by Azerbaijan)
    has no dyad there: drop that target so that the object phrase is searched for the counterpart."""
    if c.trigger.verbal:
        c.targets[:] = [t for t in c.targets if not (t.iso3 and any(t.iso3 == x.iso3 for x in c.sources))]


def _predicate_subjects(c: Candidate, state: SentenceState) -> list[MentionLike]:
    v = state.view
    if v.parsed:
        for k in v.kids(c.head, "nsubj"):
            if acts := v.phrase_actors(k):
                return acts
        h = v.head_pos(c.head)
        if h is not None and v.rel(c.head) in ("ccomp", "xcomp"):
            for k in v.kids(h, "obj"):
                if acts := v.phrase_actors(k):
                    return acts
    for j in range(c.start - 1, max(-1, c.start - 10), -1):
        if v.texts[j] in (",", ";", ":", ".", "!", "?", "bahwa", "karena", "namun", "tetapi"):
            break
        if (a := v.actor_at.get(j)) is not None and v.preposition_before(j) not in NON_AGENT_CASES:
            return [a]
    return []


@rule("predicative", "arguments", "core")
def predicative(c: Candidate, state: SentenceState) -> None:
    """A characterisation ("X mengatakan bahwa Israel menjadi ancaman", "pegawai kedutaan Iran tidak boleh
    menginjakkan kaki") is the speaker's act on the one characterised; without a speaker it is no event."""
    if not c.trigger.predicative:
        return
    speaker = state.speaker
    targets = [
        t
        for t in _predicate_subjects(c, state)
        if speaker is not None and (not t.iso3 or t.iso3 != speaker.iso3)
    ]
    if speaker is None or not targets:
        c.drop("predicative")
        return
    c.sources[:] = [speaker]
    c.targets[:] = targets
    c.fired("speaker+predicate")


@rule("ellipsis_target", "arguments", "core")
def ellipsis_target(c: Candidate, state: SentenceState) -> None:
    """A verb that elides its object takes the target named with the first verb of its entry."""
    if c.targets or c.antecedent is None:
        return
    probe = extract_at(state, c, c.antecedent.head, c.antecedent.category)
    if _add(c.targets, _not_sources(c, probe.targets)):
        c.fired("ellipsis")


@rule("frame_targets_stop_at_content", "arguments", "frames")
def frame_targets_stop_at_content(c: Candidate, state: SentenceState) -> None:
    """A verbal frame's complement belongs to the embedded act: "membantah memasok drone ke Rusia" has no
    target Rusia (the target of a denial is the accuser)."""
    if c.trigger.id in ("mediate",):
        return  # what is mediated names the parties: they are the mediator's targets
    inner = [o.start for o in state.all_candidates if o.embedded_in is c]
    if inner:
        first = state.view.tokens[min(inner)].start_char
        before = [t for t in c.targets if t.start_char < first]
        if before or not _shares_content_target(c):
            c.targets[:] = before
        elif c.targets:
            c.fired("content_target")


@rule("appeal_to_group", "arguments", "core")
def appeal_to_group(c: Candidate, state: SentenceState) -> None:
    """ "AS meminta semua negara untuk mengutuk serangan Iran": an appeal addressed, right after its verb, to
    a group that is no state (the dictionary's generic_addressees) has no state target; the state named in
    what is asked is not the one asked."""
    if c.code[:2] != "02" or not c.targets:
        return
    words = [w.casefold() for w in state.view.texts[c.end : c.end + 5]]
    if words[:1] == ["kepada"]:
        words = words[1:]
    if any(tuple(words[: len(p)]) == p for p in state.dictionary.generic_addressees):
        c.targets.clear()
        c.fired("group_addressee")


def _shares_content_target(c: Candidate) -> bool:
    """Appeals, offers, promises, threats and considering an option are about what they name: the
    complement's counterpart is theirs ("menawarkan bantuan kepada Sudan", "mempertimbangkan sanksi terhadap
    Korea Utara"). Denials, accusations, rejections and demands answer someone other than the one their
    content names."""
    return c.code[:2] in ("02", "03", "13") or c.code.startswith("014")


@rule("conjoined_verbs_share_subject", "arguments", "core")
def conjoined_verbs_share_subject(c: Candidate, state: SentenceState) -> None:
    """Without a parse, a verb conjoined to the previous trigger ("Azerbaijan mengkritik Iran ... dan
    menyalahkan ...") shares its subject; the nearest actor on its left is the previous verb's object."""
    v = state.view
    if v.parsed:
        return
    live = [o for o in state.candidates if o.end <= c.start and o.sources]
    if not live:
        return
    prev = live[-1]
    if c.start - prev.end <= 12 and any(
        v.texts[k] in ("dan", "serta") for k in range(max(prev.end, c.start - 3), c.start)
    ):
        c.sources[:] = list(prev.sources)
        c.targets[:] = _not_sources(c, c.targets) or _not_sources(c, prev.targets)
        c.fired("conj")


def nonstate_opponent(c: Candidate, state: SentenceState) -> bool:
    """The trigger names its opponent right after it with melawan/terhadap/atas and no actor or place follows
    in that phrase ("perang melawan terorisme")."""
    v = state.view
    j = c.end
    if j >= len(v) or v.texts[j] not in ("melawan", "terhadap", "atas", "kepada"):
        return False
    phrase = []
    for k in range(j + 1, min(len(v), j + 10)):
        if v.texts[k] in (",", ";", ":", ".", "!", "?", "dan", "serta", "yang", "bahwa", "namun", "tetapi"):
            break
        phrase.append(k)
    return bool(phrase) and not any(k in v.actor_at or k in v.venue_at for k in phrase)


# Where the search for a struck country ends: the sentence or a quote, and a clause that opens a contrast,
# a concession or a question ("Serangan udara Rusia terus berlanjut meskipun ada gencatan senjata antara
# Ankara dan Moskow", "... untuk menentukan apakah drone itu berasal dari Iran": the strike was not on Turkey
# or on Iran).
TERRITORY_SCAN_ENDS = frozenset(
    {";", ".", "“", "”", '"', "namun", "tetapi", "sedangkan", "meskipun", "walaupun", "meski", "padahal",
     "apakah"}
) | WHERE_RELATIVES


@rule("territory_target", "arguments", "core")
def territory_target(c: Candidate, state: SentenceState) -> None:
    """Cross-border strikes: with no target, the first country after the trigger (as an actor or a place) is
    the target ("serangan ... di provinsi Balochistan, barat daya Pakistan"), unless the trigger names a
    non-state opponent ("perang melawan terorisme")."""
    if c.targets or c.code[:2] not in TERRITORY_ROOTS:
        return
    if nonstate_opponent(c, state):
        c.fired("nonstate-opponent")
        return
    if c.symmetric:
        return  # "perang Yaman" is a war in Yemen, not against the next country named
    v = state.view
    for j in range(c.end, min(len(v), c.end + 18)):
        if v.texts[j] in TERRITORY_SCAN_ENDS or v.texts[j] in PASSIVE_REACTING:
            return
        cand = v.actor_at.get(j) or v.venue_at.get(j)
        if cand is not None and v.texts[j - 1] in ("oleh", "dari"):
            # "serangan ini dilakukan oleh Iran": the agent; "drone itu berasal dari Iran": where it came
            # from. Neither is where the strike landed.
            continue
        if cand is not None and cand.iso3 and all(cand.iso3 != x.iso3 for x in c.sources):
            c.targets.append(cand)
            c.fired("territory")
            return


PREPOSITIONS = frozenset(
    {"ke", "di", "dari", "dengan", "untuk", "kepada", "terhadap", "oleh", "bagi", "pada", "antara", "dalam"}
)
# "acara tersebut", "Pada kesempatan itu": the occasion the article reports, held at the article's place.
OCCASIONS = frozenset(
    {
        "acara",
        "kesempatan",
        "upacara",
        "pertemuan",
        "forum",
        "konferensi",
        "kegiatan",
        "peringatan",
        "resepsi",
    }
)


@rule("inverted_subject", "arguments", "core")
def inverted_subject(c: Candidate, state: SentenceState) -> None:
    """ "Turut hadir Presiden Afghanistan ...": with verbs of coming and attending the subject often
    follows the verb; actors right after such a trigger with no subject before it are its sources."""
    v = state.view
    if c.sources or c.passive or not c.trigger.venue_as_target or not c.targets:
        return
    # the actor right after the trigger, or after one non-preposition word ("turut hadir Presiden X");
    # "berkunjung ke Botswana, Angola" names destinations
    if not (c.end in v.actor_at or (c.end + 1 in v.actor_at and v.texts[c.end] not in PREPOSITIONS)):
        return
    if any(k in v.actor_at for k in range(max(0, c.start - 4), c.start)):
        return
    c.sources[:], c.targets[:] = list(c.targets), []
    c.fired("inverted_subject")


@rule("venue_as_target", "arguments", "core")
def venue_as_target(c: Candidate, state: SentenceState) -> None:
    """A visit's destination is its counterpart: "berkunjung ke Teheran" -> host IRN (entries with
    venue_as_target only; a place is otherwise never an argument). Attending "the occasion" the article
    reports ("acara tersebut dihadiri ...") is attending it at the article's first place."""
    if not c.trigger.venue_as_target or c.targets:
        return
    v = state.view
    window = v.linear_window(c.head, 1, 8) + v.linear_window(c.head, -1, 6)
    venues = [
        v.venue_at[j]
        for j in window
        if j in v.venue_at and all(v.venue_at[j].iso3 != x.iso3 for x in c.sources)
    ]
    if not venues and _names_the_occasion(v, c) and state.ctx.places:
        venues = [p for p in state.ctx.places[:1] if any(p.iso3 != x.iso3 for x in c.sources)]
        if venues:
            c.fired("occasion")
    if venues:
        c.targets.append(venues[0])
        c.fired("venue")


def _names_the_occasion(v: SentenceView, c: Candidate) -> bool:
    span = range(max(0, c.start - 6), c.start)
    return any(
        v.texts[j] in OCCASIONS and j + 1 < len(v) and v.texts[j + 1] in ("tersebut", "itu", "ini")
        for j in span
    )


def _behind_target_case(v: SentenceView, pos: int, top: int) -> bool:
    cur: int | None = pos
    for _ in range(8):
        if cur is None or cur == top:
            return False
        if v.case_of(cur) in TARGET_CASES:
            return True
        cur = v.head_pos(cur)
    return False


SPEECH_OBJECT_CASES = frozenset({"atas", "terhadap", "soal", "tentang", "mengenai", "terkait"})


@rule("object_phrase_target", "arguments", "core")
def object_phrase_target(c: Candidate, state: SentenceState) -> None:
    """ "menyalahkan kampanye anti-Azerbaijan di Iran": the country named inside the object phrase of a verbal
    act is its target (not one behind terhadap/ke: "mengecam serangan terhadap fasilitas Arab Saudi"). A
    verbal noun's object phrase is its atas/terhadap/soal phrase ("kecaman atas serangan Israel")."""
    v = state.view
    if c.targets or not c.sources or not c.trigger.verbal or not v.parsed:
        return
    objects = v.kids(c.head, "obj")
    if c.category in ("noun", "bare"):
        # "melayangkan kecaman atas serangan Israel", "protes atas penangkapan nelayan oleh Malaysia": the
        # noun's object is its atas/terhadap/soal phrase
        objects = [k for k in v.kids(c.head, "nmod") if v.case_of(k) in SPEECH_OBJECT_CASES]
    for k in objects:
        cands = [
            v.actor_at.get(j) or v.venue_at.get(j)
            for j in v.subtree(k, ("acl", "ccomp", "advcl", "parataxis", "conj"))
            if j > c.head and not _behind_target_case(v, j, k)
        ]
        hits = [a for a in cands if a is not None and a.iso3 and all(a.iso3 != x.iso3 for x in c.sources)]
        if hits:
            c.targets.append(hits[0])
            c.fired("object-phrase")
            return


# passives whose agent undergoes or receives ("serangan yang dialami Palestina", "perlakuan yang diterima
# Malaysia"): that party is no author
EXPERIENCER_PASSIVES = frozenset({"dialami", "diderita", "dirasakan", "diterima", "dihadapi", "dialaminya"})


@rule("relative_agent_target", "arguments", "core")
def relative_agent_target(c: Candidate, state: SentenceState) -> None:
    """ "menyanggah tuduhan yang dilayangkan AS", "menolak usulan yang diajukan Mesir": the agent of a passive
    relative clause on a verbal act's object is the object's author, the act's target (the counterpart a
    denial, rejection or criticism answers)."""
    v = state.view
    if c.targets or not c.sources or not c.trigger.verbal or not v.parsed or c.category in ("noun", "bare"):
        return
    for k in v.kids(c.head, "obj"):
        for r in v.kids(k, "acl"):
            if (
                not v.texts[r].startswith("di")
                or v.texts[r] in EXPERIENCER_PASSIVES
                or r < k
                or not any(v.texts[y] == "yang" for y in v.kids(r))
            ):
                continue
            for j in v.kids(r, "obl", "obj"):
                if j <= r or (v.case_of(j) not in (None, "oleh")):
                    continue
                a = v.actor_at.get(j)
                if a is not None and a.iso3 and all(a.iso3 != x.iso3 for x in c.sources):
                    c.targets.append(a)
                    c.fired("relative-agent")
                    return


@rule("object_possessor_target", "arguments", "core")
def object_possessor_target(c: Candidate, state: SentenceState) -> None:
    """ "menyoroti kekejaman Israel": the possessor of the entry's required object is the target."""
    if c.targets or not c.trigger.requires_object:
        return
    v = state.view
    for j in range(c.end, min(len(v), c.end + 9)):
        if v.texts[j] in c.trigger.requires_object:
            for k in range(j + 1, min(len(v), j + 3)):
                if (a := v.actor_at.get(k)) is not None and all(a is not x for x in c.sources):
                    c.targets.append(a)
                    c.fired("object-possessor")
                    return
            return


@rule("host_by_oleh", "arguments", "core")
def host_by_oleh(c: Candidate, state: SentenceState) -> None:
    """ "perundingan regional yang diselenggarakan oleh Iran": the host of reciprocal talks is the
    counterpart."""
    if c.targets or not c.sources or not c.symmetric:
        return
    v = state.view
    for j in range(c.end, min(len(v), c.end + 8)):
        if (
            v.texts[j] == "oleh"
            and j + 1 < len(v)
            and (a := v.actor_at.get(j + 1) or v.venue_at.get(j + 1)) is not None
        ):
            if all(a.iso3 != x.iso3 for x in c.sources):
                c.targets.append(a)
                c.fired("host")
            return


OBJECT_NP_WORDS = frozenset(
    {
        "sebuah",
        "seorang",
        "para",
        "pihak",
        "pemerintah",
        "rezim",
        "bank",
        "perusahaan",
        "upaya",
        "langkah",
        "rencana",
        "keputusan",
        "kebijakan",
        "usaha",
        "sikap",
        "tindakan",
        "posisi",
        "otoritas",
        "kelompok",
        "dua",
        "tiga",
        "semua",
        "seluruh",
        "negara",
        "warga",
    }
)


@rule("verbal_first_object", "arguments", "arguments")
def verbal_first_object(c: Candidate, state: SentenceState) -> None:
    """ "AS menuduh sebuah bank China melakukan ... untuk Pyongyang", "Dia mendorong China ... menenangkan
    Pyongyang": the target of a verbal act is the actor at the head of its object phrase, right after the
    verb, not one deeper in the clause it introduces."""
    if not c.trigger.verbal or c.category not in ("active", "bare"):
        return
    v = state.view
    j = c.end
    while (
        j < len(v)
        and j - c.end < 4
        and j not in v.actor_at
        and v.texts[j] in OBJECT_NP_WORDS | {"kepada", "terhadap"}
    ):
        j += 1
    m = v.actor_at.get(j)
    if m is None or any(m is s or (m.iso3 and m.iso3 == s.iso3) for s in c.sources):
        return
    # "menyerukan kedua pihak untuk menahan diri": "kedua pihak" is two states on one span, and both are
    # addressed, as they both take part as a subject
    first = _not_sources(c, v.expand([m]))
    if c.targets != first:
        c.targets[:] = first
        c.fired("first-object")


@rule("provoked_reaction", "arguments", "arguments")
def provoked_reaction(c: Candidate, state: SentenceState) -> None:
    """ "Hal itu memicu kecaman dari seluruh negara termasuk Indonesia", "langkah AS menuai protes dari X": a
    reaction that an act provokes is aimed at whoever did that act (the provoking verb's subject, or for "hal
    itu / langkah tersebut" the source of the article's latest act)."""
    v = state.view
    if c.targets or c.governor is None or v.texts[c.governor] not in PROVOKING or not c.sources:
        return
    provoker = None
    if v.parsed:
        subj, passive = subject_of(v, c.governor)
        if subj is not None and not passive:
            acts = v.subject_actors(subj)
            provoker = acts[0] if acts else None
            if provoker is None and (
                v.texts[subj] in ANAPHORS or any(v.texts[k] in ANAPHORS for k in v.kids(subj))
            ):
                provoker = state.ctx.last_source
    if provoker is None and any(w in ANAPHORS for w in v.texts[max(0, c.governor - 3) : c.governor]):
        provoker = state.ctx.last_source
    if provoker is not None and all(
        provoker is not s and not (provoker.iso3 and provoker.iso3 == s.iso3) for s in c.sources
    ):
        c.targets.append(provoker)
        c.fired("provoked")


@rule("time_clause_noun", "arguments", "arguments")
def time_clause_noun(c: Candidate, state: SentenceState) -> None:
    """ "Segera setelah serangan, Pompeo menyalahkan Iran": a bare conflict noun right after a temporal
    subordinator dates the main clause, whose parties (past the comma) react to it, not do it."""
    v = state.view
    if not c.is_noun or c.start == 0 or v.texts[c.start - 1] not in TEMPORAL_SUBORDINATORS:
        return
    if c.code[:2] < "10":
        return  # "Usai pertemuan, kedua menteri ...": who met or visited is the one who goes on
    comma = next((k for k in range(c.end, len(v)) if v.texts[k] in (",", ";")), None)
    if comma is None:
        return
    cut = v.tokens[comma].start_char
    kept_sources = [m for m in c.sources if m.start_char < cut]
    kept_targets = [m for m in c.targets if m.start_char < cut]
    if len(kept_sources) < len(c.sources) or len(kept_targets) < len(c.targets):
        c.sources[:] = kept_sources
        c.targets[:] = kept_targets
        c.fired("time_clause")


COMPLETION = (
    "light_verb_targets",
    "verbal_own_country",
    "verbal_first_object",
    "provoked_reaction",
    "predicative",
    "ellipsis_target",
    "frame_targets_stop_at_content",
    "conjoined_verbs_share_subject",
    "territory_target",
    "inverted_subject",
    "venue_as_target",
    "object_phrase_target",
    "relative_agent_target",
    "object_possessor_target",
    "host_by_oleh",
    "time_clause_noun",
    "appeal_to_group",
)


def extract_arguments(c: Candidate, state: SentenceState) -> None:
    """Pass 3, for one candidate."""
    from .model import run_rules

    if any(r in c.rules for r in ("quote_speech_act", "obligation_demand", "wish_appeal")):
        return  # a statement's speaker and target were found by the frames pass
    run_rules(PARSE_AND_LINEAR, c, state)
    # "kedua negara" resolved to two states on one span: both take part.
    c.sources[:] = state.view.expand(c.sources)
    c.targets[:] = state.view.expand(c.targets)
    run_rules(COMPLETION, c, state)
