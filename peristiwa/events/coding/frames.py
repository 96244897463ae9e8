"""Pass 2, frames: who speaks, which acts are only the content of another act, and which statements are acts.

* `reported_speaker`: the speaker of reported speech ("kata X", "X mengatakan bahwa", "menurut X"; "ujarnya"
  after a quote continues the last speaker).
* `frame_complement`: an act in the complement of a verbal frame (appeal, agree, demand, reject, threaten,
  deny, criticise; the topics of talks) is that frame's content, not an event of its own: "mendesak Iran untuk
  berhenti memasok drone" is one demand, not a supply. With `adjunct_not_complement` on, only a complement
  counts (object, xcomp/ccomp, a purpose clause with untuk/agar/supaya): an act in an adverbial or relative
  clause ("..., setelah Israel menyerang ...", "... mahasiswa yang ditahan otoritas Mesir") is its own event.
* `reported_claim`: an act inside the complement of a reporting verb whose source is another state than the
  speaker's is the speaker's claim, not an asserted act (modality `reported`).
* `quote_speech_act`: what a reported clause says can be the act: "Menlu Estonia mengatakan Moskow telah
  menyebarkan disinformasi" is 112 EST->RUS. Cues and codes are data (data/speech_acts.yaml).
* `obligation_demand`: a speaker saying another state must do something demands it ("kontingen Prancis wajib
  meninggalkan negara itu" is 1056).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..dictionary import Trigger, TriggerDictionary
from ..protocols import MentionLike
from .model import Candidate, SentenceState, rule, switch
from .view import CLAUSE_END, NON_AGENT_CASES, NOT_ONLY, TARGET_CASES, SentenceView, base_rel

ANAPHORS = frozenset({"itu", "tersebut", "ini"})

# Verbal frames whose complement is folded into their own code (statements, appeals, agreements, support,
# demands, criticism, rejections, threats): "mendukung upaya Korsel untuk memulai dialog" is support, not
# talks.
FRAME_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
# Discussion topics and what is mediated are not events of their own ("membahas kerja sama, perdagangan, ...",
# "menjadi mediator dialog antara ...").
TOPIC_FRAMES = frozenset({"negotiate", "mediate"})
CONTRAST = frozenset({"tetapi", "tapi", "namun", "sedangkan", "melainkan", "padahal"})
PURPOSE = frozenset({"untuk", "agar", "supaya", "guna", "demi"})
# The path from an act up to a frame passes through its complement: clauses (xcomp, ccomp), the object and the
# phrases inside it (nmod, obl, conj: "membahas perkembangan di Afghanistan dan kerja sama ..."), and clauses
# inside those.
COMPLEMENT_RELS = ("xcomp", "ccomp", "obj", "conj", "nmod", "obl")
# An adverbial clause attached to the frame itself, and a relative clause anywhere on the way, is an adjunct,
# not the frame's content (unless it is a purpose clause: "mendesak ... untuk/agar ...").
LOOSE_RELS = ("advcl", "acl")
# "berbicara melalui sambungan telepon dengan X", "membahas ... lewat konferensi video": the phrase after
# these is how the act is done, not what it is about.
MEANS_CASES = frozenset({"melalui", "lewat", "via"})
QUOTES = frozenset({"“", "”", '"'})
NEGATORS = frozenset({"tidak", "tak", "bukan", "belum", "tanpa"})
OBLIGATION = frozenset({"wajib", "harus", "mesti", "diwajibkan", "semestinya", "seharusnya", "mestinya"})
# Refinements of an obligation demand by the obliged act.
OBLIGATION_CODES = {
    "meninggalkan": "1056",
    "mundur": "1056",
    "menarik": "1056",
    "hengkang": "1056",
    "keluar": "1056",
    "membebaskan": "1053",
    "melepaskan": "1053",
    "akses": "1055",
    "berunding": "106",
    "dialog": "106",
    "bernegosiasi": "106",
    "mencabut": "105",
    "menghentikan": "1056",
    "menghormati": "1042",
    "mematuhi": "1042",
}
SPEAKER_PRONOUN_TOKENS = frozenset({"dia", "ia", "beliau", "nya"})

switch(
    "adjunct_not_complement",
    "frames",
    "frames",
    """Only a complement (object, xcomp/ccomp, conjoined complement, purpose clause) is a verbal frame's
       content; an act in an adverbial or relative clause stays an event of its own.""",
)


def _is_frame(c: Candidate) -> bool:
    return (c.trigger.verbal and c.trigger.code[:2] in FRAME_ROOTS) or c.trigger.id in TOPIC_FRAMES


def _purpose_marked(v: SentenceView, pos: int) -> bool:
    marks = {v.texts[k] for k in v.kids(pos, "mark", "case")}
    return bool(marks & PURPOSE) or (pos > 0 and v.texts[pos - 1] in PURPOSE)


def in_complement(state: SentenceState, inner_head: int, outer_head: int, outer_end: int) -> bool | None:
    """Whether the token inner_head sits in the complement of the verb/noun at outer_head: True/False from the
    parse, None when the parse does not connect them."""
    v = state.view
    strict = state.on("adjunct_not_complement")
    cur: int | None = inner_head
    for step in range(6):
        if cur is None:
            return None
        if cur == outer_head:
            return True
        rel = v.rel(cur)
        # A verb conjoined to the frame itself is a second act of the same subject ("meminta ... dan
        # mengundang
        # Abdollahian untuk berunding"), not its complement.
        if step == 0 and rel == "conj" and v.head_pos(cur) == outer_head:
            return False
        if rel in LOOSE_RELS and strict and v.head_pos(cur) == outer_head and not _purpose_marked(v, cur):
            return False  # an adverbial or relative clause of the frame itself is an adjunct, not its content
        if (
            rel == "acl"
            and strict
            and not _purpose_marked(v, cur)
            and not _content_of_object(v, cur, outer_head)
        ):
            return False  # "mengecam Brasil yang menyerang Venezuela": a relative clause tells its own event
        if rel not in COMPLEMENT_RELS + LOOSE_RELS:
            return None
        if rel in ("obl", "nmod") and state.on("means_not_content") and v.case_of(cur) in MEANS_CASES:
            return False
        cur = v.head_pos(cur)
    return None


def _content_of_object(v: SentenceView, verb: int, outer_head: int) -> bool:
    """A bare verb right after the frame's object noun, hanging on it, says what the noun is: "membahas
    langkah-langkah mendorong Korea Utara ...", "mendiskusikan upaya meredakan ketegangan" discuss ways, they
    do not push or ease. A relative clause (yang) is no such content."""
    noun = v.head_pos(verb)
    return (
        noun is not None
        and verb == noun + 1
        and v.tokens[verb].deprel == "acl"
        and v.head_pos(noun) == outer_head
        and v.rel(noun) == "obj"
    )


def _embedded(state: SentenceState, inner: Candidate, outer: Candidate) -> bool:
    """True if `inner` is in the complement of the verbal frame `outer` (same clause, after it)."""
    v = state.view
    if not _is_frame(outer) or inner is outer or inner.start <= outer.start:
        return False
    gap = v.texts[outer.end : inner.start]
    # A contrast starts a new assertion, whatever the parse attached it to; so does a line break.
    if any(w in CONTRAST for w in gap) or "\n" in v.text_between(outer.end, inner.start):
        return False
    if v.parsed:
        linked = in_complement(state, inner.head, outer.head, outer.end)
        if linked is not None:
            return linked
    if gap and gap[-1] in ("dan", "serta") and inner.category in ("active", "passive"):
        return False
    if state.on("adjunct_not_complement") and any(w == "yang" or w in ADJUNCT_MARKERS for w in gap):
        return False  # without a parse: a relative or adverbial clause between them
    commas = 3 if outer.trigger.id in TOPIC_FRAMES else 0
    return (
        len(gap) <= 8 + 4 * commas
        and not any(w in CLAUSE_END or w in QUOTES for w in gap)
        and gap.count(",") <= commas
    )


ACCUSATION_ROOTS = ("112",)
DENIAL = ("016",)


switch(
    "means_not_content",
    "frames",
    "frames",
    """An act named in a phrase after melalui/lewat/via is how the frame's act is done, not its content:
       "berbicara melalui sambungan telepon dengan Perdana Menteri Inggris" is a phone call (041), not the
       topic of talks.""",
)


switch(
    "accusation_scope",
    "frames",
    "frames",
    """An act named after an accusation or a denial in the same sentence, with no contrast in between, is what
       is alleged or denied, whatever the parse attached it to ("menuding AS mengeskalasi ketegangan, dengan
       melakukan latihan militer ...").""",
)


def _accusation_scope(state: SentenceState, inner: Candidate, outer: Candidate) -> bool:
    """See the `accusation_scope` switch."""
    if not state.on("accusation_scope"):
        return False
    if not (outer.trigger.code.startswith(ACCUSATION_ROOTS) or outer.trigger.code in DENIAL):
        return False
    if inner.start <= outer.start or inner is outer:
        return False
    v = state.view
    if _conjoined_to(v, inner, outer):
        return False
    gap = v.texts[outer.end : inner.start]
    return not any(w in CONTRAST or w in (";", ".") for w in gap) and "\n" not in v.text_between(
        outer.end, inner.start
    )


def _conjoined_to(v: SentenceView, inner: Candidate, outer: Candidate) -> bool:
    """A verb conjoined to the accusation or denial itself is a second act of its subject, as it is for any
    frame (`in_complement`): "Qatar membantah tudingan itu dan menolak tuntutan Saudi" rejects, "Iran
    membantahnya dan memperingatkan Washington" warns. A verb conjoined inside the alleged clause
    ("menuduh Rusia meretas dan mencuri data") hangs on that clause's verb, not on the accusation."""
    return (
        v.parsed
        and inner.category in ("active", "passive")
        and v.rel(inner.head) == "conj"
        and v.head_pos(inner.head) == outer.head
    )


switch(
    "vowed_threat",
    "frames",
    "frames",
    """A vow or promise whose content is a threat ("bersumpah akan membalasnya", "berjanji membalas serangan
       itu") is that threat: the threat entry codes it with its own object and subcode, and the pledge (03x)
       goes.""",
)


@rule("frame_complement", "frames", "frames")
def frame_complement(state: SentenceState) -> None:
    """An act in the complement of a verbal frame is the frame's content, not an event of its own."""
    cands = state.candidates
    for inner in cands:
        for outer in cands:
            if outer.dropped is None and (
                _embedded(state, inner, outer) or _accusation_scope(state, inner, outer)
            ):
                if _vowed_threat(state, inner, outer):
                    outer.drop("vowed_threat")
                    continue
                inner.embedded_in = outer
                inner.drop("frame_complement")
                _promised_harm_is_a_threat(state, inner, outer)
                break


def _vowed_threat(state: SentenceState, inner: Candidate, outer: Candidate) -> bool:
    """See the `vowed_threat` switch."""
    return (
        state.on("vowed_threat")
        and outer.code[:2] == "03"
        and not outer.symmetric
        and inner.code[:2] == "13"
        and inner.dropped is None
    )


# Roots of the acts that hurt the other side (14 protest ... 20 mass violence).
HOSTILE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def _promised_harm_is_a_threat(state: SentenceState, inner: Candidate, outer: Candidate) -> None:
    """Promising, offering or being ready to do harm is threatening it: "menjanjikan akan mencaplok Tepi
    Barat" is 138 (the future code of the promised act's root), not a pledge of cooperation (03x). The object
    of a verb entry is no act of its own ("sanksi" in "mempertimbangkan pelonggaran sanksi", an intent to ease
    them): it promises no harm."""
    if inner.dropped == "object_of_verb_entry":
        return
    if outer.code[:2] == "03" and not outer.symmetric and inner.code[:2] in HOSTILE_ROOTS:
        if _aimed_at_a_thing(state.view, inner):
            return  # "menawarkan bantuan untuk memerangi kebakaran hutan": a fire is fought, not a state
        if _time_anchor(state.view, inner):
            return  # "siap membantu Arab Saudi, setelah serangan terhadap ...": when, not what is promised
        # applied once the pledge has a target (pairs pass): "bertekad memerangi terorisme" threatens nobody
        outer.threat_code = state.dictionary.future_codes.get(inner.code[:2])


def _common_word(v: SentenceView, k: int) -> bool:
    """A common noun; the tagger calls some abstract nouns adjectives ("memerangi terorisme"), so a
    lower-case adjective counts too."""
    return v.tokens[k].upos == "NOUN" or (v.tokens[k].upos == "ADJ" and v.texts[k].islower())


def _time_anchor(v: SentenceView, c: Candidate) -> bool:
    """The hostile act is named right after a temporal subordinator ("setelah serangan", "pasca-kabar
    serangan"): it dates the clause, as in the subject rule's "Segera setelah serangan, ...". """
    from .arguments import TEMPORAL_SUBORDINATORS

    before = [v.texts[k].casefold() for k in range(max(0, c.start - 2), c.start)]
    return any(w in TEMPORAL_SUBORDINATORS or w.split("-", 1)[0] in TEMPORAL_SUBORDINATORS for w in before)


def _aimed_at_a_thing(v: SentenceView, c: Candidate) -> bool:
    """The hostile act's object, right after it, is a common noun that is no actor (kebakaran, narkoba), and
    no actor follows within two words: "mencaplok sebagian Tepi Barat", "menyerang wilayah Israel" are aimed
    at a state's land."""
    k = c.end
    if k >= len(v) or k in v.actor_at or not _common_word(v, k):
        return False
    return not any(j in v.actor_at for j in range(k + 1, min(len(v), k + 3)))


# -- the speaker
# -----------------------------------------------------------------------------------------------
def _subject_actor(v: SentenceView, pos: int) -> MentionLike | None:
    from .arguments import subject_of

    subj, passive = subject_of(v, pos)
    if subj is not None and not passive and (acts := v.subject_actors(subj)):
        return acts[0]
    return None


def is_reporting(v: SentenceView, d: TriggerDictionary, pos: int) -> bool:
    """A reporting verb, also with a pronoun clitic ("urainya", "paparnya" -> urai, papar)."""
    frames = d.speech_acts.frames if d.speech_acts else frozenset()
    # Surface forms only: lemmas conflate "menambahkan" (add, say) with "menambah sanksi" (add sanctions).
    words = {v.texts[pos]}
    if v.texts[pos].endswith("nya") and len(v.texts[pos]) > 5:
        words.add(v.texts[pos][:-3])
    return bool(words & (d.reporting_verbs | frames))


def _is_reporting(state: SentenceState, pos: int) -> bool:
    return is_reporting(state.view, state.dictionary, pos)


def speaker_at(v: SentenceView, i: int) -> MentionLike | None:
    """The speaker of the reporting verb at position i: its subject, else the actor right after it ("kata X",
    "menurut X"), else the actor before it ("X mengatakan")."""
    if v.parsed and (who := _subject_actor(v, i)) is not None:
        return who
    # "kata Jilani" / "menurut Kiev": the actor right after (not past "bahwa"); "Jilani mengatakan bahwa": the
    # actor before, not one introduced by a preposition. A me- verb is SVO, so its subject comes first.
    after = None
    for j in range(i + 1, min(len(v), i + 4)):
        if v.texts[j] in CLAUSE_END | QUOTES or v.texts[j] == "bahwa":
            break
        if (after := v.actor_at.get(j)) is not None:
            break
    before = None
    for j in range(i - 1, max(-1, i - 6), -1):
        if (m := v.actor_at.get(j)) is not None and v.preposition_before(j) not in NON_AGENT_CASES:
            before = m
            break
        if v.texts[j] in {",", "."} | QUOTES | CONTRAST:
            break
    w = v.texts[i]
    if w.startswith("me") and w != "menurut":
        # "Bachelet mengatakan dia mendesak India": an actor after a me- verb is in what was said, unless the
        # verb follows the quote it reports ('"...," menegaskan Menlu Iran'). A comma with no quote before it
        # closes an appositive ("Richard Roe, direktur sebuah lembaga kajian, mengatakan Iran ..."): the actor
        # after the verb is then what the analyst talks about, not the speaker.
        inverted = i > 0 and (
            v.texts[i - 1] in QUOTES or (v.texts[i - 1] == "," and i > 1 and v.texts[i - 2] in QUOTES)
        )
        return before or (after if inverted else None)
    return after or before


def pronoun_speaker(v: SentenceView, i: int) -> bool:
    """ "ujarnya", "katanya", "kata dia", "tambah ia": the reporting verb's speaker is a pronoun."""
    if v.texts[i].endswith("nya") and len(v.texts[i]) > 4:
        return True
    return i + 1 < len(v) and v.texts[i + 1] in SPEAKER_PRONOUN_TOKENS


switch(
    "pronoun_subject_speaker",
    "frames",
    "speech_acts",
    """A pronoun subject before the reporting verb ("Ia mengatakan ...", "Dia juga menyebut ...") is the
       article's last speaker, as a pronoun after it is ("ujarnya", "kata dia"): what the clause says is that
       speaker's act.""",
)

SUBJECT_PRONOUNS = SPEAKER_PRONOUN_TOKENS - {"nya"}  # ia, dia, beliau
# Adverbs that may stand between the pronoun and the reporting verb ("Ia juga mengatakan").
SPEAKER_ADVERBS = frozenset(
    {"juga", "pun", "kemudian", "lalu", "lantas", "bahkan", "sempat", "telah", "sudah", "kembali",
     "selanjutnya"}
)


def _pronoun_subject(v: SentenceView, i: int) -> bool:
    """The reporting verb at i has a singular pronoun right before it, past adverbs: "Ia juga mengatakan"."""
    j = i - 1
    while j >= 0 and v.texts[j].lower() in SPEAKER_ADVERBS:
        j -= 1
    return j >= 0 and v.texts[j].lower() in SUBJECT_PRONOUNS


STATEMENT_NOUNS = frozenset({"pernyataan", "keterangan", "laporan", "surat", "komunike", "siaran", "pesan"})


def _statement_subject(v: SentenceView, i: int) -> bool:
    """ "Pernyataan itu menyebutkan bahwa ...", "bunyi pernyataan tersebut": the statement the article is
    quoting speaks for whoever issued it, the article's last speaker."""
    window = v.texts[max(0, i - 3) : i + 3]
    return any(a in STATEMENT_NOUNS and b in ANAPHORS for a, b in zip(window, window[1:], strict=False))


switch(
    "unresolved_speaker",
    "frames",
    "core",
    "A reporting verb whose subject is a name no actor resolves (an activist, a private person: \"Veronica "
    "Koman dalam sebuah pernyataan mengatakan\") makes that name the article's speaker: a \"katanya\" after "
    "it no longer reaches back to the state spokesperson quoted before.",
)


def _names_unresolved_speaker(v: SentenceView, i: int) -> bool:
    """The parse subject of the reporting verb at i is a proper name with no actor in its phrase."""
    if not v.parsed:
        return False
    return any(
        v.tokens[k].upos == "PROPN" and not v.actors_in(v.subtree(k))
        for k in v.kids(i, "nsubj")
    )


@rule("reported_speaker", "frames", "core")
def reported_speaker(state: SentenceState) -> None:
    """The speaker of reported speech: "kata X", "X mengatakan bahwa", "menurut X"; "ujarnya", "kata dia"
    continue the article's last speaker."""
    v = state.view
    for i in range(len(v)):
        if not _is_reporting(state, i):
            continue
        if (who := speaker_at(v, i)) is not None:
            state.speaker = who
            return
        if state.on("unresolved_speaker") and _names_unresolved_speaker(v, i):
            state.ctx.speaker = None  # "katanya" in the next sentences is this speaker, not an earlier one
            return
        pronoun_subject = state.on("pronoun_subject_speaker") and _pronoun_subject(v, i)
        continues = pronoun_speaker(v, i) or pronoun_subject or _statement_subject(v, i)
        if continues and state.ctx.speaker is not None:
            state.speaker = state.ctx.speaker
            return
    # A sentence inside a quotation that runs over several sentences: the quote's speaker.
    if state.on("quote_speakers") and state.sentence.index in state.ctx.quote_speakers:
        state.speaker = state.ctx.quote_speakers[state.sentence.index]


# -- claims and statements
# ---------------------------------------------------------------------------------------
def reporting_frames(state: SentenceState) -> list[int]:
    return [i for i in range(len(state.view)) if _is_reporting(state, i)]


def complement_span(state: SentenceState, frame: int) -> tuple[int, int]:
    """Token positions [start, end) of what the reporting verb at `frame` reports: the words after it (past
    "bahwa") to the clause's end, or, for a quote-first sentence ('"...," kata X'), the quote before it."""
    v = state.view
    if frame > 0 and any(v.texts[j] in QUOTES for j in range(max(0, frame - 3), frame)):
        start = 0
        while start < frame and v.texts[start] in QUOTES:
            start += 1
        return start, max(start, frame - 1)
    start = frame + 1
    while start < len(v) and (
        v.texts[start] in {"bahwa", ",", ":"} | QUOTES
        or start in v.actor_at
        and start < frame + 4
        and v.texts[frame] in ("kata", "ujar", "tutur", "menurut")
    ):
        start += 1
    # A quotation the frame opens ends at its closing mark; scare quotes inside a reported clause
    # ('membayar "harga yang pantas"') do not end it.
    quoted = any(v.texts[j] in QUOTES for j in range(frame + 1, start))
    end = start
    while (
        end < len(v)
        and v.texts[end] not in {";", "."}
        and not (quoted and v.texts[end] in QUOTES and end > start)
    ):
        end += 1
    return start, end


@rule("reported_claim", "frames", "speech_acts")
def reported_claim(state: SentenceState) -> None:
    """An act inside what a speaker reports is the speaker's claim when its source turns out to be another
    state than the speaker's (checked in the modality pass): it is kept with modality `reported`, not
    counted."""
    if state.speaker is None:
        return
    frames = reporting_frames(state)
    for c in state.live():
        for f in frames:
            if f >= c.start:
                continue
            start, end = complement_span(state, f)
            if start <= c.start < end:
                linked = in_complement(state, c.head, f, f + 1) if state.view.parsed else None
                if linked is False or _adjunct_between(state.view, f + 1, c.start):
                    continue
                c.speaker = state.speaker
                c.fired("reported_claim")
                break


ADJUNCT_MARKERS = frozenset(
    {
        "setelah",
        "sesudah",
        "sebelum",
        "ketika",
        "saat",
        "karena",
        "usai",
        "seusai",
        "sejak",
        "sementara",
        "meskipun",
        "meski",
        "walaupun",
        "sambil",
    }
)


def _adjunct_between(v: SentenceView, start: int, end: int) -> bool:
    """An adverbial clause opens between the reporting verb and the act ("memperingatkan May ... setelah May
    mengecamnya"): the act is told by the narrator, not reported by the speaker."""
    return any(v.texts[k] in ADJUNCT_MARKERS for k in range(start, end))


def _evaluated_actor(state: SentenceState, start: int, end: int, cue: int) -> MentionLike | None:
    """The state or IGO a statement is about: the first actor in the reported clause that is not the speaker's
    own state and not behind a target or location preposition ("ancaman bagi AS" names the victim)."""
    v, speaker = state.view, state.speaker
    for j in range(start, end):
        m = v.actor_at.get(j)
        if m is None or not (m.iso3 or m.actor_kind == "igo"):
            continue
        if speaker is not None and _same_state(m, speaker):
            continue
        if v.preposition_before(j) in TARGET_CASES | NON_AGENT_CASES:
            continue
        if _named_in_a_document(v, j):
            continue
        return m
    return None


# "pelanggaran mencolok Piagam PBB", "bertentangan dengan resolusi Dewan Keamanan PBB": a charter, resolution
# or convention named after an organisation or state is the norm broken, not the party blamed. 32
# "resolusi/piagam/konvensi/putusan/mandat (Dewan Keamanan) PBB" in the shared corpora, 10 of 10 random ones
# the document ("melanggar hukum internasional dan resolusi PBB" said of Israel's annexation plan).
DOCUMENT_NOUNS = frozenset(
    {"resolusi", "resolusi-resolusi", "piagam", "konvensi", "mandat", "putusan", "statuta", "hukum"}
)


def _named_in_a_document(v: SentenceView, j: int) -> bool:
    """The actor at j names the document before it ("Piagam PBB", "resolusi Dewan Keamanan PBB")."""
    k = j - 1
    while k >= 0 and v.texts[k].lower() in ("dewan", "keamanan", "majelis", "umum", "dk"):
        k -= 1
    return k >= 0 and v.texts[k].lower() in DOCUMENT_NOUNS


def latest_act_of_noun(state: SentenceState, noun: str) -> tuple[bool, MentionLike | None]:
    """Whether `noun` names an act of the dictionary ("serangan", "pengakuan"), and the source of the latest
    coded act of its CAMEO root (None when the article coded none)."""
    triggers = state.dictionary.by_word().get(noun, [])
    for t in triggers:
        if dyads := state.ctx.last_by_root.get(t.code[:2]):
            return True, dyads[0][0]
    return bool(triggers), None


def anaphoric_source(state: SentenceState, start: int, end: int) -> MentionLike | None:
    """ "pengakuan itu", "langkah tersebut", "ini" in a clause: the source of the act it refers to. An event
    noun of the dictionary ("pengakuan" = recognise) refers to the latest act of its CAMEO root; anything else
    to the article's latest coded act."""
    from .actors import PARTICIPANT_NOUNS

    v, ctx = state.view, state.ctx
    for j in range(max(start, 1), end):
        if v.texts[j] not in ANAPHORS:
            continue
        if v.texts[j - 1].lower() in PARTICIPANT_NOUNS:
            # "setelah kelompok itu mengklaim ...", "bahwa negara itu bukan pihak ...": a party re-mentioned,
            # not an act whose doer is blamed (10 of 10 random "<participant noun> itu/tersebut" in reported
            # clauses of the shared corpora named the party: the hate group, the protesters, Iran itself)
            continue
        # an event noun of the dictionary ("serangan itu") refers to the latest act of its root and to nobody
        # when the article coded none: "London menyebut serangan itu pelanggaran serius" blames the attacker,
        # not whoever acted last (as actors._source_of_act_named)
        names_an_act, source = latest_act_of_noun(state, v.texts[j - 1])
        return source if names_an_act else ctx.last_source
    if any(w in ("ini", "demikian") for w in v.texts[start:end]):
        return ctx.last_source
    return None


def _negated_before(words: list[str], i: int) -> bool:
    """A negator in the two words before the cue, not the "tidak" of "tidak hanya" (not only)."""
    return any(
        words[k] in NEGATORS and words[k + 1] not in NOT_ONLY  # k + 1 <= i, the cue itself at most
        for k in range(max(0, i - 2), i)
    )


# "berisiko menjadi konflik nuklir kecuali kekuatan asing campur tangan": a cue in a condition or an exception
# says what might be, and accuses nobody
CONDITIONS = frozenset({"kecuali", "jika", "jikalau", "apabila", "bila", "kalau", "seandainya", "andaikan"})


def _conditioned_before(words: list[str], i: int) -> bool:
    for w in reversed(words[max(0, i - 5) : i]):
        if w in (",", ";"):
            return False
        if w.lower() in CONDITIONS:
            return True
    return False


def _same_state(a: MentionLike, b: MentionLike) -> bool:
    return bool(a.iso3) and a.iso3 == b.iso3 or (not a.iso3 and not b.iso3 and a.actor_id == b.actor_id)


def _statement(
    state: SentenceState, code: str, act_id: str, frame: int, target: MentionLike, name: str
) -> None:
    trig = Trigger(id=f"speech:{act_id}", code=code, verbal=True)
    cand = Candidate(trig, frame, frame + 1, frame, "active", code, False)
    cand.sources = [state.speaker]  # type: ignore[list-item]
    cand.targets = [target]
    cand.fired(name)
    state.candidates.append(cand)
    state.all_candidates.append(cand)


def _explicit_act_by(
    state: SentenceState, speaker: MentionLike, spans: list[tuple[int, int, int]] = ()
) -> bool:
    """The speaker's act is explicit: a verbal trigger (criticise, accuse, deny, threaten, demand) outside
    what the speaker is reported to say."""
    if speaker is None:
        return True
    return any(
        c.trigger.verbal
        and c.trigger.code[:2] in ("01", "10", "11", "12", "13")
        and not any(start <= c.start < end for _, start, end in spans)
        for c in state.live()
    )


@rule("quote_speech_act", "frames", "speech_acts")
def quote_speech_act(state: SentenceState) -> None:
    """What the speaker's reported clause says is the act: an accusation, criticism, threat or denial aimed at
    the state the clause is about (cues in data/speech_acts.yaml)."""
    acts = state.dictionary.speech_acts
    speaker = state.speaker
    v = state.view
    spans = [(f, *complement_span(state, f)) for f in reporting_frames(state)]
    if not spans and state.sentence.index in state.ctx.quote_speakers:
        spans = [(0, 0, len(v))]  # a sentence inside a quotation is all the speaker's words
    if acts is None or speaker is None or _explicit_act_by(state, speaker, spans):
        return
    for f, start, end in spans:
        words = v.texts[start:end]
        found = acts.match(words)
        if found is None or _negated_before(words, found[1]) or _conditioned_before(words, found[1]):
            continue
        act, at = found
        if act.actor_before:
            target = _actor_right_before(state, start, start + at)
        else:
            target = _evaluated_actor(state, start, end, start + at) or anaphoric_source(state, start, end)
        if target is None or _same_state(target, speaker):
            continue
        _statement(state, act.code, act.id, f, target, "quote_speech_act")
        return


# Words that may stand between a state and the role it is given: "Iran (adalah|sebagai) dalang".
COPULA_WORDS = frozenset({"adalah", "ialah", "sebagai", "merupakan", "menjadi", "yang", "justru", "memang"})


def _actor_right_before(state: SentenceState, start: int, cue: int) -> MentionLike | None:
    """The state or IGO right before a role cue, past copula words only; not the speaker's own state."""
    v, speaker = state.view, state.speaker
    k = cue - 1
    while k >= start and v.texts[k].lower() in COPULA_WORDS:
        k -= 1
    m = v.actor_at.get(k) if k >= start else None
    if m is None or not (m.iso3 or m.actor_kind == "igo"):
        return None
    first, _ = v.actor_span(m)
    if first > 0 and (v.texts[first - 1].lower() == "oleh" or _passive_verb(v, first - 1)):
        return None  # "setelah dituduh AS sebagai dalang serangan": the accuser, not the one accused
    return None if speaker is not None and _same_state(m, speaker) else m


def _passive_verb(v: SentenceView, k: int) -> bool:
    w = v.texts[k].lower()
    return w.startswith("di") and len(w) > 4 and v.tokens[k].upos in ("VERB", "", None)


WISH_VERBS = frozenset({"ingin", "menginginkan", "berharap", "mengharapkan", "menghendaki"})
# Words that make a reported clause an event without a trigger word (obligation_demand, wish_appeal):
# selective parsing treats them as cues, like the dictionary's cue words.
CLAUSE_CUES = OBLIGATION | WISH_VERBS


@rule("wish_appeal", "frames", "speech_acts")
def wish_appeal(state: SentenceState) -> None:
    """ "AS ingin Dewan Keamanan PBB menerapkan embargo ...": wanting another state or organisation to act is
    an appeal to it (020) by whoever wants it."""
    v = state.view
    for w in range(len(v)):
        if v.texts[w] not in WISH_VERBS:
            continue
        k = w + 1
        while k < len(v) and v.texts[k] in ("agar", "supaya", "supaya", "bahwa"):
            k += 1
        target = v.actor_at.get(k)
        wisher = next((v.actor_at[j] for j in range(w - 1, max(-1, w - 8), -1) if j in v.actor_at), None)
        if (
            target is None
            or wisher is None
            or _same_state(target, wisher)
            or not (target.iso3 or target.actor_kind == "igo")
        ):
            continue
        _, end = v.actor_span(target)
        if end + 1 >= len(v) or v.tokens[end + 1].upos not in ("VERB", "AUX"):
            continue
        trig = Trigger(id="speech:wish", code="020", verbal=True)
        cand = Candidate(trig, w, w + 1, w, "active", "020", False)
        cand.sources, cand.targets = [wisher], [target]
        cand.fired("wish_appeal")
        state.candidates.append(cand)
        state.all_candidates.append(cand)
        return


@rule("obligation_demand", "frames", "speech_acts")
def obligation_demand(state: SentenceState) -> None:
    """A speaker saying another state must do something ("wajib/harus/mesti meninggalkan") demands it (10x,
    refined by the obliged act); not when the speaker's own state is among the obliged."""
    speaker = state.speaker
    if speaker is None or _explicit_act_by(state, speaker):
        return
    v = state.view
    spans = [(f, *complement_span(state, f)) for f in reporting_frames(state)]
    if not spans and state.sentence.index in state.ctx.quote_speakers:
        spans = [(0, 0, len(v))]
    for f, start, end in spans:
        for k in range(start, end):
            if v.texts[k] not in OBLIGATION or _negated_before(v.texts, k) or _first_person_duty(v.texts, k):
                continue
            obliged = [
                v.actor_at[j]
                for j in range(k - 1, start - 1, -1)
                if j in v.actor_at and v.preposition_before(j) not in TARGET_CASES | NON_AGENT_CASES
            ]
            subject = obliged[0] if obliged else None
            if (
                subject is None
                # "Indonesia dan Yordania ... harus dapat menyuarakan": a duty the speaker's state shares is a
                # joint call, not a demand on the other
                or any(_same_state(o, speaker) for o in obliged)
                or not (subject.iso3 or subject.actor_kind == "igo")
            ):
                continue
            after = v.texts[k + 1 : min(end, k + 6)]
            refined = next((OBLIGATION_CODES[w] for w in after if w in OBLIGATION_CODES), "100")
            code = "112" if _blamed(after) else refined
            _statement(state, code, "obligation", f, subject, "obligation_demand")
            return


def _blamed(after: Sequence[str]) -> bool:
    """ "Iran harus disalahkan atas serangan tersebut", "Iran harus bertanggung jawab atas serangan itu": who
    must be blamed or answer for an act is accused of it (112), not asked to do something (about 8
    "harus/patut disalahkan" and "harus bertanggung jawab atas <act>" in the shared corpora)."""
    words = [w.lower() for w in after]
    if words[:1] in (["disalahkan"], ["dipersalahkan"]):
        return True
    return words[:2] == ["bertanggung", "jawab"] and "atas" in words[2:3]


FIRST_PERSON_WORDS = frozenset({"kita", "kami", "saya", "aku"})
MODAL_FILLERS = frozenset({"juga", "pun", "tetap", "tentu", "masih", "memang"})


def _first_person_duty(texts: Sequence[str], k: int) -> bool:
    """ "Mereka (Vietnam) punya yang kita harus akui": the duty is the speaker's side's own ("kita harus")."""
    j = k - 1
    while j >= 0 and texts[j].lower() in MODAL_FILLERS:
        j -= 1
    return j >= 0 and texts[j].lower() in FIRST_PERSON_WORDS


SETTING_PREPOSITIONS = frozenset({"dalam", "pada", "di"})
COUNTERPART_WORDS = frozenset({"dengan", "antara", "ke", "bersama"})


TIME_REFERENCE = frozenset({"sebelum", "menjelang", "jelang", "jelangnya"})


@rule("time_reference_is_no_event", "frames", "frames")
def time_reference_is_no_event(state: SentenceState) -> None:
    """ "Keduanya bertemu di Jerman sebelum Konferensi Tingkat Tinggi G-20", "menjelang kunjungan ...": an
    event noun after before/ahead-of dates the clause; it has not happened and is not the clause's act."""
    v = state.view
    for c in state.candidates:
        if c.dropped or c.category not in ("noun", "bare") or c.start == 0:
            continue
        if v.texts[c.start - 1] in TIME_REFERENCE:
            c.drop("time_reference_is_no_event")


@rule("setting_is_no_event", "frames", "frames")
def setting_is_no_event(state: SentenceState) -> None:
    """ "Duta Besar AS, dalam pertemuan di Dewan Keamanan, mengatakan ...": a meeting named as the setting
    of a statement (an adjunct set off by a comma or opening the sentence), with no counterpart of its own (no
    dengan/antara/ke X, no possessor), is no event."""
    v = state.view
    for c in state.candidates:
        if c.dropped or c.trigger.code[:2] != "04" or c.category not in ("noun", "bare"):
            continue
        j = c.start - 1
        while j >= 0 and v.texts[j] in ("sela", "sela-sela", "sebuah", "acara"):
            j -= 1
        if j < 0 or v.texts[j] not in SETTING_PREPOSITIONS:
            continue
        # An adjunct set off by a comma or opening the sentence ("X, dalam pertemuan di DK, mengatakan"), not
        # the object of a verb ("berpartisipasi dalam perundingan").
        if j > 0 and v.texts[j - 1] not in (",", "(", "-", "–"):
            continue
        after = range(c.end, min(len(v), c.end + 4))
        if any(v.texts[k] in COUNTERPART_WORDS for k in after) or any(
            k in v.actor_at and v.preposition_before(k) not in ("di", "dalam") for k in after
        ):
            continue
        c.drop("setting_is_no_event")


@rule("event_subject_is_cause", "frames", "frames")
def event_subject_is_cause(state: SentenceState) -> None:
    """A verbal trigger whose subject is itself an event ("Serangan Iran mendorong Pakistan menarik duta
    besarnya") reads as cause and effect: the event prompted the act, nobody appealed for it. The verb is
    dropped, so the act in its complement is the object's own."""
    v = state.view
    if not v.parsed:
        return
    heads = {o.head: o for o in state.candidates}
    for c in state.candidates:
        if c.dropped or not c.trigger.verbal or c.category != "active":
            continue
        subjects = [k for k in v.kids(c.head) if v.rel(k) == "nsubj"]
        if subjects and (cause := heads.get(subjects[0])) is not None and cause is not c:
            c.drop("event_subject_is_cause")


@rule("relationship_noun_needs_a_verb", "frames", "frames")
def relationship_noun_needs_a_verb(state: SentenceState) -> None:
    """A relationship noun (`noun_needs_verb`: "kerja sama") that is no verb's object or complement is no act:
    "proyek kerja sama China - Indonesia", "kerja sama Tehran dan Moskow telah memainkan peran", and as the
    subject of a passive "Kerja sama Indonesia dan Yordania diyakini berpotensi". Governed, it is: "menjalin
    kerja sama", "sepakat meningkatkan kerja sama". Parsed sentences only: without a parse the governor is
    known only after a light verb, and "melalui kerja sama antara A dan B, kami ..." would be lost."""
    v = state.view
    if not v.parsed:
        return
    for c in state.candidates:
        if c.dropped is not None or not c.trigger.noun_needs_verb or c.category not in ("noun", "bare"):
            continue
        if c.governor is None or base_rel(v.tokens[c.head]) == "nsubj:pass":
            c.drop("relationship_noun_needs_a_verb")


# "memutuskan" is "to decide" far more often than "to cut off": in the shared corpora about 1,000 times before
# untuk, a verb, bahwa or apakah, and 19 times before hubungan.
DECIDE_FORMS = frozenset({"memutuskan", "diputuskan", "putuskan"})


@rule("deciding_is_no_cut", "frames", "frames")
def deciding_is_no_cut(state: SentenceState) -> None:
    """ "Indonesia memutuskan untuk menghentikan kerja sama" decides; it cuts nothing itself (the act is
    "menghentikan"). A cut-off verb of the putus family counts only with its required object right after it:
    "memutuskan hubungan diplomatik"."""
    v = state.view
    for c in state.candidates:
        if c.dropped or v.texts[c.start] not in DECIDE_FORMS or not c.trigger.requires_object:
            continue
        if c.end >= len(v) or v.texts[c.end] not in c.trigger.requires_object:
            c.drop("deciding_is_no_cut")


@rule("object_of_verb_entry", "frames", "frames")
def object_of_verb_entry(state: SentenceState) -> None:
    """The object word a verb + object entry needs is not an act of its own: "membatalkan kunjungan" (161)
    reports no visit, "mencabut sanksi" no sanction, "membekukan kerja sama militer" no cooperation."""
    v = state.view
    verbs = [o for o in state.candidates if o.trigger.requires_object and not o.dropped]
    for c in state.candidates:
        if c.dropped or c.trigger.requires_object:
            continue
        for o in verbs:
            after = 0 <= c.start - o.end <= 4 and c.start >= o.end
            before = o.category == "passive" and 0 <= o.start - c.end <= 3
            span = range(o.end, c.start) if after else range(c.end, o.start)
            if (after or before) and v.texts[c.start] in o.trigger.requires_object and not any(
                v.texts[k] in CLAUSE_END for k in span
            ):
                c.drop("object_of_verb_entry")
                break


def resolve_frames(state: SentenceState) -> None:
    """Pass 2."""
    for name in (
        "reported_speaker",
        "setting_is_no_event",
        "time_reference_is_no_event",
        "event_subject_is_cause",
        "relationship_noun_needs_a_verb",
        "deciding_is_no_cut",
        "object_of_verb_entry",
        "frame_complement",
        "reported_claim",
        "wish_appeal",
        "quote_speech_act",
        "obligation_demand",
    ):
        if state.on(name):
            FRAME_RULES[name](state)


FRAME_RULES = {
    "reported_speaker": reported_speaker,
    "setting_is_no_event": setting_is_no_event,
    "time_reference_is_no_event": time_reference_is_no_event,
    "event_subject_is_cause": event_subject_is_cause,
    "relationship_noun_needs_a_verb": relationship_noun_needs_a_verb,
    "deciding_is_no_cut": deciding_is_no_cut,
    "object_of_verb_entry": object_of_verb_entry,
    "wish_appeal": wish_appeal,
    "frame_complement": frame_complement,
    "reported_claim": reported_claim,
    "quote_speech_act": quote_speech_act,
    "obligation_demand": obligation_demand,
}

__all__ = ["base_rel", "in_complement", "resolve_frames"]
