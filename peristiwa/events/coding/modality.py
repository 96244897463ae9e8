"""Pass 6, modality and polarity, scoped to the trigger's own clause.

Why clause-scoped: "kami tidak akan membiarkan teroris ..." negates *membiarkan*, not the cooperation named
before it, and "Jika Israel menyerang, Iran akan membalas" makes only the attack hypothetical. A cue counts
only when it precedes the trigger inside the same clause with nothing but auxiliaries/adverbs in between
(negation), opens the trigger's clause (hypothetical, rumour), or is a dependent of the trigger or of its
light verb. Beyond the cue lists below: negations that are the act itself (`negated_code`), planned acts, what
lasts for years, what a state merely has, what one actor wants another to do, and claims the speaker makes
about another state.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..protocols import TokenLike
from .actors import actor_code
from .model import COUNTED_MODALITIES, Candidate, SentenceState, rule
from .triggers import is_light
from .view import NOT_ONLY, SentenceView

NEGATION = frozenset({"tidak", "tak", "bukan", "belum", "jangan", "tanpa", "enggak", "nggak", "gak", "tiada"})
FUTURE = frozenset(
    {
        "akan",
        "bakal",
        "hendak",
        "berencana",
        "rencananya",
        "berniat",
        "bermaksud",  # "kedua belah pihak bermaksud untuk memperluas kerja sama" (86 before a verb or untuk)
        "merencanakan",
        "nanti",
        "nantinya",
        "ingin",
        "dijadwalkan",
        "terjadwal",
        # expected or estimated: "Ia juga diharapkan untuk bertemu dengan Trump" (draw 12), "diperkirakan
        # bertemu" (about 80 before a meeting, visit, signing or attack verb in the shared corpora)
        "diharapkan",
        "diperkirakan",
        "direncanakan",
        "siap",
        "bersiap",
        "bersedia",
        "mau",  # "pihaknya hanya mau berdiskusi dengan AS secara multilateral"
        "terbuka",  # "terbuka untuk bertemu": open to meeting is an intent
        # an attempt is not the act: "berupaya menjalin hubungan dekat dengan Taiwan", "berusaha menghubungi
        # Filipina" (~200 "berupaya/berusaha/mencoba + verb" before act verbs in the shared corpora)
        "berupaya",
        "berusaha",
        "mencoba",
        "mengupayakan",
    }
)
HYPOTHETICAL = frozenset(
    {
        "jika",
        "apabila",
        "seandainya",
        "andai",
        "kalau",
        "bila",
        "andaikan",
        "jikalau",
        "kemungkinan",
        "mungkin",
        "tidaknya",  # "jadi tidaknya aksi militer Amerika tergantung ...": whether it happens at all
        # an embedded question: "ketika ditanya apakah Kim telah mengundangnya ke Korea Utara"
        "apakah",
        "entah",
        "bisa-bisa",
        # deontic: what an actor should or must do is not what it did
        "seharusnya",
        "semestinya",
        "sepatutnya",
        "sebaiknya",
        "hendaknya",
        "mesti",
        "harus",
        "wajib",
        "perlu",
        # a need is no act: "Malaysia membutuhkan kerja sama dari negara tetangga"
        "membutuhkan",
        "memerlukan",
        "butuh",
        "agar",
        "supaya",
    }
)
RUMOUR = frozenset(
    {
        "disebut-sebut",
        "dikabarkan",
        "kabarnya",
        "konon",
        "santer",
        "diduga",
        "rumor",
        "spekulasi",
        "desas-desus",
        "diisukan",
        "dilaporkan",
    }
)
GENERIC = frozenset({"kerap", "sering", "seringkali", "biasanya", "selalu", "acap", "setiap", "tiap"})
# Words allowed between a negation and its trigger ("tidak akan pernah menyerang", "tidak pernah ada perang").
BRIDGE = frozenset(
    {
        "usah",  # "nggak usah bahas": no need to
        "akan",
        "pernah",
        "bisa",
        "dapat",
        "mau",
        "ingin",
        "ada",
        "lagi",
        "juga",
        "pula",
        "sempat",
        "boleh",
        "perlu",
        "harus",
        "segera",
        "sedang",
        "sudah",
        "telah",
        "lah",
        "pun",
        "mungkin",
        "secara",
        "langsung",
        "terjadi",
        "melakukan",
        "melancarkan",
        "menggelar",
        "mengadakan",
        "sama",
        "sekali",
        "berniat",
        "berencana",
        "bersedia",
    }
)
CLAUSE_BREAK = frozenset(
    {
        ",",
        ";",
        ":",
        "“",
        "”",
        '"',
        "(",
        ")",
        "bahwa",
        "yang",
        "karena",
        "sehingga",
        "namun",
        "tetapi",
        "tapi",
        "sedangkan",
        "padahal",
        "dan",
        "serta",
        "lalu",
        "kemudian",
        "setelah",
        "sebelum",
        "ketika",
        "saat",
        "sementara",
        "untuk",
        "meski",
        "meskipun",
        "walaupun",
        "-",
        "–",
        "—",
    }
)
# Where an event noun's phrase ends ("dan" joins nouns there: "Negosiasi Korea Utara dan AS ...").
PHRASE_BREAK = (CLAUSE_BREAK - {"dan", "serta"}) | {"."}
# Possibility: "AS bisa menyerang", "kita dapat berdialog" says what could happen, not what did.
POSSIBILITY = frozenset(
    {"bisa", "dapat", "mampu", "boleh", "sanggup", "berpeluang", "berpotensi", "berkesempatan"}
)
# An embedded question asks whether the act happens: no threat is made by asking.
QUESTIONS = frozenset({"apakah", "entah", "kah"})  # "apakah" may come split: "apa|kah"
# "Ketika/Jika kondisinya tepat, maka ...": the main clause after maka is conditional too.
CONDITIONAL_OPENERS = frozenset({"ketika", "jika", "bila", "apabila", "kalau", "jikalau", "seandainya"})
# "selama 62 tahun": an act that lasts for years is a state of affairs, not an event.
DURATION_UNITS = frozenset({"tahun", "dekade", "abad", "bulan"})
# Subordinators opening a purpose clause make it irrealis only when they open the trigger's own clause.
PURPOSE = frozenset({"agar", "supaya"})
NEG_DEPRELS = ("advmod", "aux", "mark", "cop", "det")
# "jadwal pertemuan", "jadwal kunjungan": a scheduled meeting (11 in the shared corpora) is still to come
# a wish or resolve is a plan too: "menyatakan keinginannya untuk mencaplok wilayah Tepi Barat" (about 14
# "keinginan/tekad/ambisi(nya) (untuk) + act verb" in the shared corpora)
PLAN_NOUNS = frozenset(
    {"rencana", "agenda", "rencananya", "janji", "janjinya", "niat", "niatnya", "wacana",
     "jadwal", "jadwalnya", "keinginan", "keinginannya", "tekad", "tekadnya", "ambisi", "ambisinya"}
)
PLANNED = frozenset({"direncanakan", "dijadwalkan", "akan"})


def _low(t: TokenLike) -> str:
    return t.text.casefold()


def clause_before(tokens: Sequence[TokenLike], idx: int, max_back: int = 12) -> list[TokenLike]:
    """Tokens before position idx in the same clause, nearest first (linear, robust to parse errors)."""
    out: list[TokenLike] = []
    for j in range(idx - 1, max(-1, idx - 1 - max_back), -1):
        if _low(tokens[j]) in CLAUSE_BREAK:
            break
        out.append(tokens[j])
    return out


def _not_only(tokens: Sequence[TokenLike], k: int) -> bool:
    """The negator at k is the "tidak" of "tidak hanya" (not only)."""
    return k + 1 < len(tokens) and _low(tokens[k + 1]) in NOT_ONLY


def negated(
    tokens: Sequence[TokenLike], idx: int, governors: Sequence[int] = (), lexical: bool = False
) -> bool:
    """Negation of the trigger at idx (or of its light verb / existential governor). `lexical`: the trigger
    phrase holds its own negation ("tidak boleh masuk"), so only a negation before the phrase counts."""
    for pos in (idx, *governors):
        tok = tokens[pos]
        if tok.feats and "Polarity=Neg" in tok.feats and not (lexical and pos == idx):
            return True
        # clause_before gives the tokens at pos-1, pos-2, ... (nearest first)
        for back, t in enumerate(clause_before(tokens, pos, 5), start=1):
            w = _low(t)
            if w in NEGATION and not _not_only(tokens, pos - back):
                return True
            if w not in BRIDGE:
                break
        if lexical and pos == idx:
            continue
        for k, t in enumerate(tokens):
            if (
                t.head == tok.id
                and _low(t) in NEGATION
                and (t.deprel or "").split(":")[0] in NEG_DEPRELS
                and not _not_only(tokens, k)
            ):
                return True
    return False


def classify(
    tokens: Sequence[TokenLike],
    idx: int,
    governors: Sequence[int] = (),
    negation_governors: Sequence[int] | None = None,
    lexical_negation: bool = False,
) -> tuple[str, str]:
    """(modality, polarity) for the trigger at idx: asserted | future | hypothetical | reported | generic, or
    ('negated', 'negative'). `negation_governors` (default `governors`) are the governors whose negation
    scopes over the trigger: a light verb's does ("tidak melancarkan serangan"), a matrix verb's does not
    reach a means adjunct ("Melalui kerja sama ..., kami tidak akan membiarkan ...")."""
    scope = governors if negation_governors is None else negation_governors
    if negated(tokens, idx, scope, lexical_negation):
        return "negated", "negative"
    before: list[TokenLike] = []
    for pos in (idx, *governors):
        before += clause_before(tokens, pos, 12)
    words = {_low(t) for t in before}
    head: list[str] = []
    for t in tokens[:idx]:
        if _low(t) in {",", ";"}:
            head = []
            continue
        head.append(_low(t))
    # clitics the tokenizer splits off: "tidak|nya", "apa|kah"
    opening = set(head) | {a + b for a, b in zip(head, head[1:], strict=False) if b in ("nya", "kah")}
    # the modal next to the trigger, or next to the verb it hangs on ("kedua negara dapat mengambil langkah
    # lebih besar dalam kerja sama")
    near = [_low(t) for pos in (idx, *governors) for t in clause_before(tokens, pos, 3)]
    conditional_main = "maka" in {_low(t) for t in tokens[:idx]} and bool(
        {_low(t) for t in tokens[:idx]} & CONDITIONAL_OPENERS
    )
    if (opening - PURPOSE) & HYPOTHETICAL or (words & PURPOSE) or set(near) & POSSIBILITY or conditional_main:
        return "hypothetical", "positive"
    if (words | opening) & RUMOUR:
        return "reported", "positive"
    # the governor itself can be the plan: "Trump bersiap untuk bertemu", "Iran ingin membeli"
    if (words | {_low(tokens[g]) for g in governors}) & FUTURE:
        return "future", "positive"
    if words & GENERIC:
        return "generic", "positive"
    return "asserted", "positive"


@rule("clause_modality", "modality", "modality")
def clause_modality(c: Candidate, state: SentenceState) -> None:
    """Negation, hypothetical/deontic, rumour, future and generic cues in the trigger's clause."""
    v = state.view
    governors = [c.governor] if c.governor is not None else []
    # A nominal in an oblique adjunct of a full verb ("melalui kerja sama ...") is outside the verb's
    # negation.
    neg_governors = [
        g
        for g in governors
        if not (v.parsed and v.rel(c.head) == "obl" and v.head_pos(c.head) == g and not is_light(state, g))
    ]
    lexical = any(w in NEGATION for w in v.texts[c.start : c.end])
    if lexical:
        c.modality, c.polarity = classify(v.tokens, c.start, [], [], lexical_negation=True)
    else:
        c.modality, c.polarity = classify(v.tokens, c.head, governors, neg_governors)
    if c.modality == "asserted":
        _purpose_modality(c, v)


def _purpose_modality(c: Candidate, v: SentenceView) -> None:
    """An asserted act that is the "untuk" clause of another word takes that word's reading: an expectation or
    a plan, a trip still to come, an urging of another party, a negated word."""
    # "kedua negara sudah merencanakan untuk menggelar perundingan": the light verb is the "untuk" clause
    heads = [c.head] if c.governor is None else [c.head, c.governor]
    purposes = [(h, g) for h in heads if (g := _purpose_governor(v, h)) is not None]
    if any(_purpose_of_future_word(v, h, g) for h, g in purposes):
        c.modality = "future"
        c.fired("expected")
    elif planned := _purpose_of_planned_act(v, purposes):
        c.modality = planned
        c.fired("purpose-of-plan")
    elif any(_urged_on_another(v, g) for _, g in purposes) or any(_urged_by_noun(v, h) for h in heads):
        c.modality = "hypothetical"
        c.fired("urged")
    elif any(_purpose_of_negated_word(v, g) for _, g in purposes):
        c.modality, c.polarity = "negated", "negative"
        c.fired("negated-purpose")
    elif any(v.texts[g].lower() in ORDERING for _, g in purposes):
        c.modality = "future"
        c.fired("ordered")


def _purpose_governor(v: SentenceView, head: int) -> int | None:
    """The word an "untuk" clause headed at `head` hangs on ("diharapkan untuk bertemu", "tidak terburu-buru
    untuk berperang"), which the clause scan stops before."""
    if not v.parsed or v.rel(head) not in ("advcl", "xcomp") or (gov := v.head_pos(head)) is None:
        return None
    return gov if any(v.texts[k] == "untuk" for k in v.kids(head, "mark")) else None


def _purpose_of_future_word(v: SentenceView, head: int, gov: int) -> bool:
    """ "Abbas juga diharapkan untuk bertemu dengan Trump": an act the expectation or plan word is for."""
    return v.rel(head) == "advcl" and v.texts[gov].lower() in FUTURE


def _purpose_of_planned_act(v: SentenceView, purposes: Sequence[tuple[int, int]]) -> str | None:
    """ "Pompeo akan tiba di Jeddah pada hari Rabu untuk bertemu dengan Putra Mahkota": the purpose of a
    trip that is itself still to come (or only possible) is no more real than the trip."""
    for head, gov in purposes:
        if v.rel(head) != "advcl":
            continue
        modality, polarity = classify(v.tokens, gov)
        if polarity == "positive" and modality in ("future", "hypothetical"):
            return modality
    return None


# Verbs and nouns of urging or persuading: "Cina melakukan pendekatan ke Kepulauan Solomon untuk memutus
# hubungan diplomatik dengan Taiwan", "AS menekan Turki untuk membatalkan pembelian" (about 430 such verb +
# name + untuk/agar + verb in the shared corpora; "agar/supaya" were already irrealis). Advising is urging
# too: "China menganjurkan AS untuk menghentikan penjualan senjata ke Taiwan" (menyarankan 69, menghimbau 17,
# menganjurkan 7 verb + name + untuk/agar/supaya)
URGING = frozenset(
    {"membujuk", "merayu", "melobi", "menekan", "mendorong", "mengajak", "meyakinkan", "mendesak", "meminta",
     "menyerukan", "memaksa", "menuntut", "mengimbau", "menghimbau", "menyarankan", "menganjurkan"}
)
URGING_NOUNS = frozenset({"pendekatan", "lobi", "tekanan", "desakan", "permintaan", "seruan", "imbauan"})


def _urged_on_another(v: SentenceView, gov: int) -> bool:
    """The act is what the word `gov` urges or persuades a named party to do ("untuk" after the urged
    party): wanted, not done."""
    urging = v.texts[gov].lower() in URGING or any(
        v.texts[k].lower() in URGING_NOUNS for k in v.kids(gov, "obj")
    )
    # the urged party is named ("menekan Turki untuk ..."): "menekan pemungutan suara ... untuk menerapkan
    # sanksi" pushes the act itself
    return urging and any(v.phrase_actors(k) for k in v.kids(gov, "obj", "obl", "iobj"))


# An ordered act is still to be carried out: "Trump telah memerintahkan Departemen Keuangan AS untuk
# meningkatkan sanksi terhadap Iran" (sanctions announced for the next days). 161 memerintahkan/
# menginstruksikan ... untuk/agar/supaya + meN-/ber- verb in the shared corpora; 8 of 10 random ones an act
# not yet done when reported ("menginstruksikan kepada Balai Jalan untuk meningkatkan peran penilik jalan").
ORDERING = frozenset({"memerintahkan", "menginstruksikan", "menugaskan", "menugasi"})


# "Pendekatan China ke Kepulauan Solomon untuk memutus hubungan dengan Taiwan", "desakan AS kepada Turki untuk
# membatalkan pembelian": an urging noun with the urged party after ke/kepada; the parser hangs the "untuk"
# clause on the noun (acl) or on the main verb, so this is read by word order. About 40 urging noun + ke/
# kepada/terhadap/pada/bagi + name + untuk/agar/supaya in the shared corpora; in 12 of 12 random ones the act
# is what the urged party is asked to do ("imbauan kepada perbankan untuk menghitung kerugian").
URGED_CASES = frozenset({"ke", "kepada", "terhadap", "pada", "bagi"})


def _urged_by_noun(v: SentenceView, pos: int) -> bool:
    """The act at `pos` is the "untuk" clause of an urging noun whose urged party is named before it."""
    j = pos - 1
    if j < 1 or v.texts[j].lower() != "untuk":
        return False
    named = False
    for k in range(j - 1, max(-1, j - 9), -1):
        w = v.texts[k].lower()
        if w in CLAUSE_BREAK or v.tokens[k].upos in ("VERB", "AUX"):
            return False
        named = named or k in v.actor_at
        if w in URGED_CASES:
            return named and any(v.texts[m].lower() in URGING_NOUNS for m in range(max(0, k - 5), k))
    return False


def _purpose_of_negated_word(v: SentenceView, gov: int) -> bool:
    """ "AS tidak terburu-buru untuk berperang dengan Iran": an act a negated word is for did not happen."""
    return any(v.texts[k].lower() in NEGATION for k in v.kids(gov, "advmod"))


@rule("shared_future", "modality", "modality")
def shared_future(c: Candidate, state: SentenceState) -> None:
    """A verb coordinated with a planned verb of the same subject, or serial to it without a subordinator, is
    part of the plan: "Pihak UEA akan berkunjung ke Indonesia bulan depan, bertemu dengan Kementerian
    Keuangan" is one future visit, its meeting no more asserted than the visit (the future word stays behind
    the comma). So is a verb coordinated with the first act of a readiness or plan word: "siap untuk duduk
    bersama AS dan berdiskusi"."""
    v = state.view
    if c.modality != "asserted" or not v.parsed or v.rel(c.head) not in ("conj", "parataxis", "advcl"):
        return
    first = v.head_pos(c.head)
    if first is None or v.tokens[first].upos != "VERB" or v.kids(c.head, "nsubj", "nsubj:pass", "mark"):
        return  # its own subject, or a subordinator ("setelah bertemu") that places it in time itself
    modality, polarity = classify(v.tokens, first)
    if modality == "asserted" and (_plans_an_earlier_act(v, first, c.head) or _planned_by_governor(v, first)):
        modality = "future"
    if polarity == "positive" and modality in ("future", "hypothetical"):
        c.modality = modality
        c.fired("shared-future")


# "tidak A atau B" denies both: "tidak menandatangani maupun meratifikasi", "tidak punya rencana untuk
# mengusir atau memanggil duta besar". About 40 negation + verb + atau/maupun/ataupun + verb in the shared
# corpora (9 of 12 random read both denied; the others were a lexicalised "tidak menyenangkan" and a second
# clause). "dan" is left out: "tidak mencari konflik dengan Iran dan meminta Teheran ..." asserts the second.
DISJUNCTION = frozenset({"atau", "maupun", "ataupun"})


@rule("negated_disjunct", "modality", "modality")
def negated_disjunct(c: Candidate, state: SentenceState) -> None:
    """A verb joined by "atau/maupun" to a negated verb, or to the "untuk" clause of a negated word, is
    denied with it: "AS tidak mengambil tindakan untuk menghukum atau menegur Israel" reprimands nobody."""
    v = state.view
    if c.polarity != "positive" or not v.parsed:
        return
    for h in (c.head,) if c.governor is None else (c.head, c.governor):
        if v.rel(h) != "conj" or (first := v.head_pos(h)) is None:
            continue
        if not any(v.texts[k].lower() in DISJUNCTION for k in v.kids(h, "cc")):
            continue
        if v.kids(h, "nsubj", "nsubj:pass", "mark"):
            continue  # a clause of its own ("atau Iran akan membalas")
        gov = _purpose_governor(v, first)
        denied = gov is not None and _purpose_of_negated_word(v, gov)
        if denied or classify(v.tokens, first)[1] == "negative":
            c.modality, c.polarity = "negated", "negative"
            c.fired("negated-disjunct")
            return


def _planned_by_governor(v: SentenceView, first: int) -> bool:
    """ "Korea Utara siap untuk duduk bersama dan berdiskusi": the first act is the complement of a readiness
    or plan word (which the clause scan does not see past "untuk")."""
    gov = v.head_pos(first)
    return gov is not None and v.rel(first) in ("xcomp", "advcl") and _low(v.tokens[gov]) in FUTURE


def _plans_an_earlier_act(v: SentenceView, first: int, head: int) -> bool:
    """ "mereka siap untuk duduk bersama AS dan berdiskusi": the parser hangs the second act on the readiness
    word itself, whose first act comes before it."""
    return _low(v.tokens[first]) in FUTURE and any(k < head for k in v.kids(first, "advcl", "xcomp"))


@rule("durative_state", "modality", "modality")
def durative_state(c: Candidate, state: SentenceState) -> None:
    """"Kedua negara telah menjalin hubungan yang baik selama 62 tahun": what has lasted for years is a state
    of affairs (generic), not an event of the day; so are acts counted over a span ("telah bertemu tiga kali
    sejak Juni tahun lalu")."""
    v = state.view
    if c.modality != "asserted":
        return
    before = v.texts[max(0, c.start - 5) : c.start]
    # "kedua negara selama ini telah saling mendukung": what has gone on all along (about 17 "selama ini
    # (telah) + act verb" in the shared corpora)
    so_far = [k for k in range(len(before) - 1) if before[k] == "selama" and before[k + 1] == "ini"]
    if so_far and not set(before[so_far[-1] :]) & CLAUSE_BREAK:
        c.modality = "generic"
        c.fired("durative")
        return
    after = v.texts[c.end : c.end + 10]
    if _counted_over_a_span(after):
        c.modality = "generic"
        c.fired("durative")
        return
    for k, w in enumerate(after[:-2]):
        if w in (".", ";", ","):
            return
        if w == "yang" and v.tokens[c.end + k + 1].upos == "VERB":
            # "meneken perjanjian ... yang berlaku selama 20 tahun": the treaty lasts, the signing is of a day
            # ("hubungan yang baik selama 62 tahun" goes on: an adjective is no predicate of its own)
            return
        counted = after[k + 1].isdigit() or after[k + 1] in ("bertahun-tahun", "puluhan", "beberapa")
        lasting = any(u in DURATION_UNITS or u == "bertahun-tahun" for u in after[k + 1 : k + 3])
        if w == "selama" and counted and lasting:
            c.modality = "generic"
            c.fired("durative")
            return


SPAN_WORDS = frozenset({"sejak", "dalam", "selama"})
NUMBER_WORDS = frozenset({"dua", "tiga", "empat", "lima", "enam", "beberapa", "berkali-kali", "puluhan"})


def _counted_over_a_span(after: Sequence[str]) -> bool:
    """ "telah berperang tiga kali dalam dekade terakhir", "telah bertemu tiga kali sejak Juni tahun lalu":
    acts counted over a span are the record of a relationship, not one event of the day."""
    for k, w in enumerate(after):
        if w in (".", ";", ","):
            return False
        if w.lower() == "kali" and k > 0 and k + 1 < len(after):
            counted = after[k - 1].isdigit() or after[k - 1].lower() in NUMBER_WORDS
            return counted and any(x.lower() in SPAN_WORDS for x in after[k + 1 : k + 3])
    return False

POSSESSION = frozenset({"memiliki", "mempunyai", "punya", "miliki"})
# "Kawasan Industri Kendal, buah kerja sama antara Indonesia dan Singapura": a product named by the
# cooperation that made it is a state of affairs (about 70 "hasil/buah (dari) kerja sama/kolaborasi" in the
# shared corpora). Not talks: "hasil perundingan" reports what the talks just gave.
PRODUCT_NOUNS = frozenset({"hasil", "buah"})
WISH = frozenset(
    {"ingin", "menginginkan", "berharap", "mengharapkan", "menghendaki", "mau", "meminta", "mendesak"}
)


# "Tepi Barat yang diduduki Israel", "bagian yang sepenuhnya dikuasai oleh Israel": occupation named in a
# relative clause describes a territory (77 "yang (masih|sepenuhnya|telah)? dikuasai/diduduki/dicaplok/
# dijajah" in the shared corpora)
STATE_ADVERBS = frozenset({"sepenuhnya", "masih", "telah", "sudah", "kini", "secara", "ilegal"})


@rule("occupied_territory", "modality", "modality")
def occupied_territory(c: Candidate, state: SentenceState) -> None:
    """A territory "yang diduduki/dikuasai X" is under X's occupation, a state of affairs (generic): no
    occupation took place that day."""
    if c.modality != "asserted" or not c.passive or c.code != "192":
        return
    j = c.start - 1
    while j >= 0 and state.view.texts[j].lower() in STATE_ADVERBS:
        j -= 1
    if j >= 0 and state.view.texts[j].lower() == "yang":
        c.modality = "generic"
        c.fired("occupied_territory")


@rule("possession_is_state", "modality", "modality")
def possession_is_state(c: Candidate, state: SentenceState) -> None:
    """"Jakarta dan Kuala Lumpur telah memiliki mekanisme kerja sama": cooperation a state has, or whose
    product something is ("buah kerja sama antara ..."), is a state of affairs (generic), not an act of the
    day."""
    v = state.view
    if c.modality != "asserted" or not c.is_noun or c.code[:2] not in ("04", "05", "06", "07"):
        return
    if any(w in POSSESSION for w in v.texts[max(0, c.start - 3) : c.start]):
        c.modality = "generic"
        c.fired("possession")
        return
    before = [w.lower() for w in v.texts[max(0, c.start - 2) : c.start] if w != "dari"]
    if before and before[-1] in PRODUCT_NOUNS and c.code[:2] != "04":
        c.modality = "generic"
        c.fired("product_of_cooperation")


@rule("wish_for_another", "modality", "modality")
def wish_for_another(c: Candidate, state: SentenceState) -> None:
    """"AS ingin Dewan Keamanan PBB menerapkan embargo": what one actor wants another to do has not happened
    (it is the first actor's appeal, see frames)."""
    v = state.view
    if c.modality not in ("asserted", "future"):
        return
    for j in range(c.start - 1, max(-1, c.start - 8), -1):
        if v.texts[j] in CLAUSE_BREAK - {"untuk"}:
            return
        if v.texts[j] in WISH and any(k in v.actor_at for k in range(j + 1, c.start)):
            c.modality = "hypothetical"
            c.fired("wished")
            return


@rule("negated_act", "modality", "modality")
def negated_act(c: Candidate, state: SentenceState) -> None:
    """A negation that is itself the act: the entry's `negated_code`, asserted ("tidak sependapat" -> 111)."""
    if c.polarity == "negative" and c.trigger.negated_code:
        c.code = c.trigger.negated_code
        c.modality, c.polarity = "asserted", "positive"
        c.fired("negated-act")


# Saying one will not meet or talk is refusing the talks: "Teheran tidak akan bernegosiasi dengan Washington",
# "tidak akan melakukan pembicaraan dengan AS", "tidak mau bertemu". About 25 "tidak akan|mau|ingin + talks
# verb" in the shared corpora; the dozen between two states are all refusals but one conditional ("Jika pihak
# Amerika tidak mau bernegosiasi"), which stays negated.
WILLING = frozenset({"akan", "mau", "ingin", "bersedia", "sudi", "bakal", "hendak"})
UNWILLING = frozenset({"enggan", "ogah", "emoh"})
REFUSAL_BRIDGE = frozenset({"pernah", "lagi", "juga", "pula", "untuk"})
REFUSED_CODE = "125"
EXISTENTIAL = frozenset({"ada", "terjadi"})


def _refusal_before(texts: Sequence[str], pos: int) -> bool:
    """ "tidak akan (pernah) X", "tak mau lagi X", "enggan (untuk) X" right before position pos."""
    j = pos - 1
    while j >= 0 and texts[j].lower() in REFUSAL_BRIDGE:
        j -= 1
    if j >= 0 and texts[j].lower() in UNWILLING:
        return True
    if j < 1 or texts[j].lower() not in WILLING:
        return False
    j -= 1
    while j >= 0 and texts[j].lower() in REFUSAL_BRIDGE:
        j -= 1
    return j >= 0 and texts[j].lower() in NEGATION - {"bukan", "belum", "tanpa", "jangan"}


@rule("refused_talks", "modality", "modality")
def refused_talks(c: Candidate, state: SentenceState) -> None:
    """Refusing to meet or negotiate is an act of its own, 125 (reject proposal to meet, discuss or
    negotiate), by the refusing side only: "Korut tidak akan pernah menegosiasikan program nuklirnya dengan
    AS" is PRK->USA 125, no negated 046 both ways. A refusal under a condition's opener ("Jika ... tidak mau
    berunding") stays what it was."""
    v = state.view
    if c.code[:2] != "04" or c.modality not in ("negated", "asserted", "future"):
        return
    pos = c.governor if c.governor is not None and c.governor < c.start else c.start
    if not _refusal_before(v.texts, pos):
        return
    if {w.lower() for w in v.texts[max(0, pos - 12) : pos]} & CONDITIONAL_OPENERS:
        return
    if v.texts[pos] in EXISTENTIAL:
        # "Iran mengatakan tidak akan ada pertemuan antara Rouhani dan Trump": who says there will be none
        # refuses it, if that is one of the parties
        own = actor_code(c.speaker) if c.speaker is not None else None
        refusers = [d for d in c.dyads if own and actor_code(d[0]) == own]
        if not refusers:
            return
    else:
        refusers = [d for d in c.dyads if any(d[0] is s for s in c.sources)] or c.dyads
    c.dyads = [(s, t, REFUSED_CODE) for s, t, _ in refusers]
    c.code, c.modality, c.polarity = REFUSED_CODE, "asserted", "positive"
    c.fired("refused")


# An act that failed, was stopped, averted or nearly happened did not happen: "gagal menyepakati", "hampir
# mencapai kesepakatan", "menggagalkan upaya pembunuhan", "menghindari bentrokan", "berusaha menghubungi
# Filipina belum berhasil", "penyaluran bantuan masih terganjal".
FAILED_BEFORE = frozenset(
    {"gagal", "menggagalkan", "digagalkan", "batal", "urung", "membatalkan", "hampir", "nyaris",
     # not reached: "di ambang kesepakatan", "masih jauh dari kata sepakat", "tampak mendekati kesepakatan"
     "ambang", "jauh", "mendekati",
     # stalled, named before the act: "di tengah macet|nya dialog antar-Korea" (the clitic is split off)
     "macet", "mandek", "buntu", "terhenti", "kebuntuan",
     # collapsed: "di tengah kolapsnya pembicaraan denuklirisasi"
     "kolaps", "runtuh", "runtuhnya", "ambruk",
     # averted: "bekerja untuk menghindari bentrokan", "mencegah terjadinya perang" (about 30 avoided or
     # prevented conflicts in the shared corpora: menghindari konflik 8, serangan 5, mencegah serangan 4)
     "menghindari", "mencegah", "menghindarkan", "hindari", "cegah"}
)
FAILED_AFTER = frozenset(
    {"gagal", "terganjal", "terhambat", "tertunda", "kandas", "batal", "urung", "digagalkan",
     # stalled: "Negosiasi dua negara mengalami kebuntuan", "perundingan itu mandek"
     "kebuntuan", "buntu", "mandek", "macet", "terhenti", "kolaps", "runtuh", "ambruk"}
)
UNSUCCESSFUL = frozenset({"berhasil", "sukses"})
FAILED_BRIDGE = frozenset(
    {"upaya", "usaha", "rencana", "untuk", "dalam", "masih", "juga", "sempat", "mencapai", "rahasia", "nya",
     "dari", "kata", "terjadinya", "adanya"}
)
# Talks or an agreement declared dead ("Pembicaraan Damai dengan Taliban Telah 'Mati'"): said of talks only,
# as "mati" after an attack counts the dead.
DEAD_TALKS = frozenset({"mati"})
QUOTE_MARKS = frozenset({'"', "“", "”", "'"})


def _fails_at(word: str, talks: bool) -> bool:
    return word in FAILED_AFTER or (talks and word in DEAD_TALKS)


@rule("failed_act", "modality", "modality")
def failed_act(c: Candidate, state: SentenceState) -> None:
    """An act reported as failed, thwarted or held up is negated: a failure word just before the trigger
    (with upaya/rencana/untuk between), or after it in its clause ("masih terganjal", "belum berhasil")."""
    v = state.view
    if c.modality not in ("asserted", "future"):
        return
    j = c.start - 1
    while j >= 0 and c.start - j <= 3 and v.texts[j] in FAILED_BRIDGE:
        j -= 1
    # up to three bridge words: "membatalkan rencana|nya untuk bertemu" (the clitic is a token of its own)
    failed = j >= 0 and c.start - j <= 4 and v.texts[j] in FAILED_BEFORE
    # near, so not (yet) reached: "Israel kini lebih dekat dengan operasi militer di Gaza" (with hampir/
    # nyaris/ambang/mendekati, 7 nearness words before an act in the shared corpora, 7 of 7 not yet happened)
    failed = failed or (j >= 1 and v.texts[j] in ("dengan", "ke") and v.texts[j - 1].lower() == "dekat")
    # a noun's phrase may coordinate its parties ("Negosiasi Korea Utara dan AS mengalami kebuntuan")
    breaks = PHRASE_BREAK if c.category in ("noun", "bare") else CLAUSE_BREAK
    talks = c.code[:2] in ("03", "04")
    for k in range(c.end, min(len(v), c.end + 10)):
        # a quote mark right before the failure word is the writer's ("telah 'mati'"), not a clause end
        quoted = v.texts[k] in QUOTE_MARKS and k + 1 < len(v) and _fails_at(v.texts[k + 1], talks)
        if failed or (v.texts[k] in breaks and not quoted) or v.texts[k] in (",", ".", ";"):
            break
        failed = _fails_at(v.texts[k], talks) or (
            v.texts[k] in UNSUCCESSFUL and v.texts[k - 1] in NEGATION
        )
    if failed:
        c.modality, c.polarity = "negated", "negative"
        c.fired("failed")


@rule("conditional_threat", "modality", "modality")
def conditional_threat(c: Candidate, state: SentenceState) -> None:
    """A threat is conditional by nature: "Kalau AS mendorong resolusi itu, DPRK harus memastikan AS membayar
    harga" threatens now. A 13x act made hypothetical by a condition or an obligation is asserted (one made
    merely possible, "mungkin mengancam", is not)."""
    v = state.view
    if c.code[:2] != "13" or c.modality != "hypothetical":
        return
    if set(v.texts[max(0, c.start - 3) : c.start]) & POSSIBILITY:
        return
    if set(v.texts[max(0, c.start - 8) : c.start]) & QUESTIONS:
        return  # "Belum jelas apakah Rusia akan menyerang Ukraina": asked about, not threatened
    c.modality = "asserted"
    c.fired("conditional_threat")


@rule("plan_noun", "modality", "modality")
def plan_noun(c: Candidate, state: SentenceState) -> None:
    """"Rencana kunjungan Presiden Mongolia ke Seoul", "pertemuan yang dijadwalkan": a planned act is
    future."""
    v = state.view
    if c.modality == "asserted" and (_planned_act(v.texts, c.start) or _plan_of_named_owner(v, c.start)):
        c.modality = "future"
        c.fired("plan")
        return
    if c.modality != "asserted" or not c.is_noun:
        return
    before = v.texts[max(0, c.start - 2) : c.start]
    after = v.texts[c.end : c.end + 3]
    if set(before) & PLAN_NOUNS or (after[:1] == ["yang"] and set(after[1:]) & PLANNED):
        c.modality = "future"
        c.fired("plan")


def _planned_act(texts: Sequence[str], start: int) -> bool:
    """ "rencana Netanyahu untuk mencaplok", "janji Trump untuk menarik pasukan": a plan or promise noun, its
    owner, then untuk right before the act; or the noun right before it ("mengumumkan rencana mencaplok",
    "rencana menggelar latihan": about 140 pairs of a plan noun and a meN- verb in the shared corpora)."""
    if start >= 1 and texts[start - 1].lower() in PLAN_NOUNS:
        return True
    if start < 2 or texts[start - 1] != "untuk":
        return False
    for j in range(start - 2, max(-1, start - 8), -1):
        if texts[j].lower() in PLAN_NOUNS:
            return True
        if texts[j] in CLAUSE_BREAK:
            return False
    return False


def _plan_of_named_owner(v: SentenceView, start: int) -> bool:
    """ "rencana Perdana Menteri Israel, Benjamin Netanyahu mencaplok sebagian Tepi Barat": a plan noun, the
    actor who owns it, then the act with no "untuk" (about 30 "rencana/janji/niat + name + meN-/ber- verb" in
    the shared corpora), the owner's title and name perhaps apart."""
    owner = v.actor_at.get(start - 1) if start >= 1 else None
    if owner is None:
        return False
    first, _ = v.actor_span(owner)
    # the owner's title may stand apart from the name: "rencana Perdana Menteri (PM) Israel Benjamin ..."
    j = first - 1
    while j >= max(0, first - 8) and (v.texts[j] in "()" or v.tokens[j].upos == "PROPN" or j in v.actor_at):
        j -= 1
    return j >= 0 and v.texts[j].lower() in PLAN_NOUNS


# An event noun whose own predicate says it is yet to happen or merely possible: "pertemuan AS dan Iran bisa
# berlangsung", "penandatanganan akan dilakukan", "pertemuan seperti itu tidak akan terjadi".
REALISING_VERBS = frozenset(
    {"dilakukan", "digelar", "diadakan", "dilaksanakan", "diselenggarakan", "terlaksana", "berlangsung",
     "terjadi", "terwujud", "diwujudkan", "direalisasikan", "dimulai", "ditandatangani", "diteken",
     "dilanjutkan"}
)
PREDICATE_FUTURE = frozenset({"akan", "bakal", "dijadwalkan", "direncanakan", "diharapkan", "rencananya"})
# "dijadwalkan untuk dilanjutkan": "untuk" joins a plan word to the realising verb
PREDICATE_FILLERS = frozenset(
    {"segera", "kembali", "juga", "pun", "masih", "baru", "sekaligus", "bisa", "dapat", "untuk"}
)


def _opens_other_predicate(token: TokenLike, word: str) -> bool:
    """A verb between the event noun and the modal has the modal to itself ("kesepakatan itu menyebutkan
    latihan akan dimulai"). Without a parse there is no telling, and the scan goes on."""
    return token.upos == "VERB" and word not in REALISING_VERBS


def _predicate_modality(tokens: Sequence[TokenLike], end: int) -> str | None:
    """Modality carried by the predicate after an event noun: the rest of its noun phrase ("dan"
    joins nouns here; at most 14 words), then modal words leading to a realising verb."""
    modals: list[str] = []
    for k in range(end, min(len(tokens), end + 14)):
        w = _low(tokens[k])
        if w in REALISING_VERBS:
            break
        if w in NEGATION or w in PREDICATE_FUTURE or w in POSSIBILITY or w == "mungkin":
            modals.append(w)
        elif modals:
            if w not in PREDICATE_FILLERS:
                return None  # the modal words were not the noun's predicate
        elif w in PHRASE_BREAK or _opens_other_predicate(tokens[k], w):
            return None
    else:
        return None
    if set(modals) & NEGATION:
        return "negated"
    if set(modals) & (POSSIBILITY | {"mungkin"}):
        return "hypothetical"
    return "future" if set(modals) & PREDICATE_FUTURE else None


@rule("noun_predicate_modality", "modality", "modality")
def noun_predicate_modality(c: Candidate, state: SentenceState) -> None:
    """An event noun is as real as its predicate: "Pertemuan kedua menteri bisa dilakukan bulan depan" is a
    possibility, "penandatanganan akan dilakukan" a plan, "pembicaraan itu tidak akan berlangsung" negated."""
    if c.modality != "asserted" or not c.is_noun or c.governor is not None:
        return
    found = _predicate_modality(state.view.tokens, c.end)
    if found is None:
        return
    c.modality, c.polarity = found, "negative" if found == "negated" else "positive"
    c.fired("noun_predicate_modality")


# "Perang Yaman dipandang sebagai perang antara Arab Saudi dan Iran", "serangan itu merupakan aksi perang": a
# noun that characterises something names no act of its own.
CHARACTERISING = frozenset(
    {"dipandang", "dianggap", "disebut", "dinilai", "dicap", "digambarkan", "dikategorikan", "disebut-sebut",
     "dijuluki", "menyebutnya", "menganggapnya", "menilainya", "menggambarkannya"}
)
COPULAS = frozenset({"merupakan", "adalah", "ialah"})
KIND_NOUNS = frozenset({"aksi", "bentuk", "tindakan", "wujud", "sebuah", "suatu", "semacam", "jenis"})


def _characterises(texts: Sequence[str], start: int, end: int) -> bool:
    """The noun at [start, end) is what a characterisation calls something, or what it is said of ("Perang
    Yaman dipandang sebagai ...": within four words of the noun)."""
    j = start - 1
    kinds = 0
    while j >= 0 and texts[j] in KIND_NOUNS:
        j, kinds = j - 1, kinds + 1
    if j >= 1 and texts[j] == "sebagai" and texts[j - 1] in CHARACTERISING:
        return True
    if kinds > 0 and j >= 0 and texts[j] in COPULAS:
        return True
    after = texts[end : end + 5]
    return any(w in CHARACTERISING and nxt == "sebagai" for w, nxt in zip(after, after[1:], strict=False))


@rule("characterisation", "modality", "modality")
def characterisation(c: Candidate, state: SentenceState) -> None:
    """An event noun that characterises something ("dipandang sebagai perang antara A dan B", "disebut
    sebagai agresi", "merupakan aksi perang"), or that a characterisation is about ("Perang Yaman dipandang
    sebagai ..."), is a judgement, not a report of an act: generic. A copula alone ("merupakan kunjungan
    pertama ...") still reports the act."""
    if c.modality != "asserted" or c.category not in ("noun", "bare"):
        return
    if not _characterises(state.view.texts, c.start, c.end):
        return
    c.modality = "generic"
    c.fired("characterisation")


# "tokoh besar dalam memperkuat kerja sama Indonesia dan Jerman", "berperan penting dalam perundingan": what a
# person or state is known for is a profile, not an act of the day.
ROLE_NOUNS = frozenset(
    {"peran", "perannya", "berperan", "tokoh", "jasa", "jasanya", "kontribusi", "kontribusinya", "andil",
     "sumbangsih", "pelopor", "penggagas", "arsitek"}
)


CAUSATIVES = frozenset({"membuat", "menjadikan", "bikin", "membikin", "menyebabkan"})


@rule("caused_feeling", "modality", "modality")
def caused_feeling(c: Candidate, state: SentenceState) -> None:
    """A feeling an act causes ("memancing kemarahan dan membuat khawatir Beijing", "membuat Jepang kecewa")
    is nobody's statement: the causer voiced nothing and the experiencer said nothing either (179 "membuat ...
    khawatir/marah/kecewa/cemas" in the shared corpora)."""
    if c.modality not in COUNTED_MODALITIES or c.category != "bare":
        return
    if set(state.view.texts[max(0, c.start - 3) : c.start]) & CAUSATIVES:
        c.modality = "generic"
        c.fired("caused_feeling")


@rule("role_description", "modality", "modality")
def role_description(c: Candidate, state: SentenceState) -> None:
    """An act named as someone's role or merit ("tokoh besar dalam memperkuat hubungan dan kerja sama
    bilateral Indonesia dan Jerman", "peran Norwegia dalam perundingan damai") describes them: generic."""
    v = state.view
    if c.modality != "asserted":
        return
    for j in range(c.start - 1, max(-1, c.start - 9), -1):
        if v.texts[j] in (".", ";", ":", '"', "“", "”"):
            return
        if v.texts[j] == "dalam":
            if set(v.texts[max(0, j - 4) : j]) & ROLE_NOUNS:
                c.modality = "generic"
                c.fired("role_description")
            return


SCHEDULED = frozenset({"dijadwalkan", "direncanakan", "rencananya", "terjadwal"})


@rule("one_sided_intent", "modality", "dyads")
def one_sided_intent(c: Candidate, state: SentenceState) -> None:
    """An intent to do a reciprocal act is the intent of whoever states it: "Trump siap bertemu dengan pejabat
    Iran" and "Libya akan bekerja kooperatif dengan Inggris" are USA->IRN and LBY->GBR only (gold dev
    convention). Intents stated together ("Iran dan Rusia akan bekerja sama", "kedua negara") and scheduled
    acts ("dijadwalkan bertemu") stay mutual."""
    if not c.symmetric or c.modality != "future" or c.both or not c.sources or not c.targets:
        return
    if set(state.view.texts[max(0, c.start - 6) : c.start]) & SCHEDULED:
        return  # "Trump dijadwalkan bertemu dengan Presiden Moon": a meeting both sides arranged
    own = {actor_code(s) for s in c.sources if actor_code(s)}
    kept = [d for d in c.dyads if actor_code(d[0]) in own]
    if kept and len(kept) < len(c.dyads):
        c.dyads = kept
        c.fired("one_sided_intent")


# What could happen: "terbuka peluang untuk menjalin hubungan", "harapan bahwa ... akan meningkatkan
# hubungan", "daerah rawan bentrok" name a prospect, not an act; so does an act said to be "(masih) terbuka
# (lebar)", and an idea of one ("menyukai ide untuk berkunjung ke AS"; ide/gagasan before a verb or an act
# noun about 125 times in the shared corpora).
PROSPECT_NOUNS = frozenset(
    {"peluang", "kesempatan", "potensi", "prospek", "harapan", "rawan", "pertanda", "berpotensi", "impian",
     "ide", "gagasan"}
)
# what could come about, wished by nobody in particular: "rawan bentrok", "potensi konflik"; and what things
# move towards: "perkembangan positif menuju pembicaraan dagang", "jalan menuju perdamaian"
POTENTIAL = frozenset({"rawan", "potensi", "berpotensi", "prospek", "menuju"})
PROSPECT_BRIDGE = frozenset({"untuk", "bagi", "bahwa", "agar", "akan", "bakal", "bisa", "dapat", "terjadinya",
                             "adanya", "menjadi", "besar", "baru", "juga"})
# What is forbidden is not done: "larangan berkunjung", "dilarang masuk", "melarang warganya bepergian".
PROHIBITIONS = frozenset({"larangan", "dilarang", "melarang", "pelarangan", "terlarang"})


def _scope_words_before(texts: Sequence[str], start: int, bridge: frozenset[str], limit: int) -> list[str]:
    """Words before `start`, nearest first, as far back as the bridge words allow (one non-bridge word
    ends the scan after it is returned)."""
    out: list[str] = []
    for j in range(start - 1, max(-1, start - 1 - limit), -1):
        w = texts[j]
        if w in (",", ";", ".", ":", '"', "“", "”"):
            break
        out.append(w)
        if w not in bridge:
            break
    return out


def _verb_before(v: SentenceView, start: int) -> int | None:
    """Position of a verb right before `start`, or before one adverb that follows it ("menghidupkan
    kembali")."""
    for j in (start - 1, start - 2):
        if j < 0:
            return None
        if v.tokens[j].upos == "VERB":
            return j
        if v.texts[j].lower() not in ("kembali", "lagi", "lebih", "secara"):
            return None
    return None


@rule("prospect", "modality", "modality")
def prospect(c: Candidate, state: SentenceState) -> None:
    """A prospect is not an act: a trigger governed by an opportunity or hope noun ("peluang untuk menjalin",
    "harapan bahwa ... akan meningkatkan") or said to be "masih terbuka (lebar)" is an intent (future); one
    something is prone to, holds the potential of or moves towards ("rawan bentrok", "potensi menghidupkan
    kembali negosiasi", "langkah menuju kesepakatan") is hypothetical. One verb may stand between the noun
    and the act ("peluang memperluas kerja sama")."""
    v = state.view
    if c.modality not in ("asserted", "future"):
        return
    before = _scope_words_before(v.texts, c.start, PROSPECT_BRIDGE, 5)
    hop = _verb_before(v, c.start)
    if hop is not None and not set(before) & (PROSPECT_NOUNS | POTENTIAL):
        # the prospect of the act a verb does to it: "potensi menghidupkan kembali negosiasi", "peluang
        # memperluas kerja sama"
        before = _scope_words_before(v.texts, hop, PROSPECT_BRIDGE, 3)
    after = v.texts[c.end : c.end + 5]
    open_after = any(
        w == "terbuka" and all(x not in (",", ".", ";") for x in after[:k]) for k, w in enumerate(after)
    )
    if set(before) & POTENTIAL:
        c.modality = "hypothetical"  # proneness or potential is nobody's intent
        c.fired("prospect")
    elif set(before) & PROSPECT_NOUNS or open_after:
        c.modality = "future"  # a hope or an opening is an intent (gold: "dialog masih terbuka" is 036)
        c.fired("prospect")


# A goal named as what a visit or programme is for: "Fokus utama kunjungan Menlu Retno ke Polandia adalah
# meningkatkan kerja sama ekonomi", "tujuan pertemuan itu untuk memperkuat kemitraan". The act is the aim, not
# done (about 45 goal noun + adalah/yaitu/untuk + verb in the shared corpora). Not "agenda": a meeting's
# agenda is what it discussed.
GOAL_NOUNS = frozenset({"tujuan", "tujuannya", "fokus", "fokusnya", "sasaran", "misi", "target", "maksud"})
GOAL_COPULAS = frozenset({"adalah", "ialah", "yakni", "yaitu", "untuk", "agar", "supaya"})


def _stated_goal(texts: Sequence[str], start: int) -> bool:
    """The words before `start` are "<goal noun> ... <copula> [untuk] [one verb]" within one clause."""
    for j in range(start - 1, max(-1, start - 4), -1):
        if texts[j] in (",", ";", ".", ":"):
            return False
        if texts[j].lower() not in GOAL_COPULAS:
            continue
        for k in range(j - 1, max(-1, j - 11), -1):
            w = texts[k].lower()
            if w in (",", ";", ".", ":", '"', "“", "”"):
                return False
            if w in GOAL_NOUNS:
                return True
        return False
    return False


@rule("stated_goal", "modality", "modality")
def stated_goal(c: Candidate, state: SentenceState) -> None:
    """An act named as the goal of a visit, meeting or programme is an intent (future), not an act."""
    if c.modality == "asserted" and _stated_goal(state.view.texts, c.start):
        c.modality = "future"
        c.fired("goal")


@rule("prohibited_act", "modality", "modality")
def prohibited_act(c: Candidate, state: SentenceState) -> None:
    """What is forbidden is not done: a trigger right after a prohibition ("larangan berkunjung", "dilarang
    bertemu") is negated; the ban itself is its own entry (16x)."""
    v = state.view
    if c.modality not in ("asserted", "future"):
        return
    if c.start > 0 and v.texts[c.start - 1] in PROHIBITIONS:
        c.modality, c.polarity = "negated", "negative"
        c.fired("prohibited")


@rule("attributed_act", "modality", "modality")
def attributed_act(c: Candidate, state: SentenceState) -> None:
    """A conflict act named as what someone is behind is claimed (reported), not asserted: "Teheran berada di
    balik hampir 100 serangan terhadap Arab Saudi" is an attribution, not a report that Iran attacked (about
    70 "(berada) di balik ... serangan/ledakan/aksi" in the shared corpora)."""
    v = state.view
    if c.modality != "asserted" or c.code[:2] < "14":
        return
    before = [w.lower() for w in v.texts[max(0, c.start - 4) : c.start]]
    pairs = zip(["", *before], before, strict=False)
    if any(w == "dibalik" or (w == "balik" and prev == "di") for prev, w in pairs):
        c.modality = "reported"
        c.fired("attributed")


@rule("reported_claim_modality", "modality", "speech_acts")
def reported_claim_modality(c: Candidate, state: SentenceState) -> None:
    """An act the speaker reports of another state is the speaker's claim: modality `reported`."""
    if c.speaker is None or "reported_claim" not in c.rules or c.modality != "asserted":
        return
    own = actor_code(c.speaker)
    if any(actor_code(s) and actor_code(s) != own for s in c.sources) and not any(
        actor_code(s) == own for s in c.sources
    ):
        c.modality = "reported"
        c.fired("claimed")


@rule("anaphor_keeps_modality", "modality", "modality")
def anaphor_keeps_modality(c: Candidate, state: SentenceState) -> None:
    """ "Perang Yaman dipandang sebagai perang antara Arab Saudi dan Iran. Hingga kini, perang tersebut telah
    memakan puluhan ribu korban": a re-mention of a generic, hypothetical or negated act is no more real than
    the act it re-mentions."""
    if (
        c.referent_modality is not None
        and c.referent_modality not in COUNTED_MODALITIES
        and c.modality in COUNTED_MODALITIES
    ):
        c.modality = c.referent_modality
        c.fired("anaphor_modality")


@rule("evaluated_remention", "modality", "speech_acts")
def evaluated_remention(c: Candidate, state: SentenceState) -> None:
    """ "London juga menyebut serangan itu adalah pelanggaran serius": a conflict act re-mentioned by a
    demonstrative inside someone's statement is what the statement is about, not a new act; the act was
    coded where it was first told (its copy here only repeated that dyad, or a wrong one)."""
    from .frames import reporting_frames

    if c.modality not in COUNTED_MODALITIES or "anaphor" not in c.rules or c.code[:2] < "14":
        return
    if any(f < c.start for f in reporting_frames(state)):
        c.modality = "reported"
        c.fired("evaluated_remention")


def classify_modality(c: Candidate, state: SentenceState) -> None:
    """Pass 6, for one candidate."""
    from .model import run_rules

    run_rules(
        (
            "clause_modality",
            "shared_future",
            "negated_disjunct",
            "durative_state",
            "possession_is_state",
            "occupied_territory",
            "wish_for_another",
            "negated_act",
            "refused_talks",
            "failed_act",
            "prospect",
            "stated_goal",
            "prohibited_act",
            "conditional_threat",
            "plan_noun",
            "noun_predicate_modality",
            "characterisation",
            "role_description",
            "caused_feeling",
            "one_sided_intent",
            "attributed_act",
            "reported_claim_modality",
            "anaphor_keeps_modality",
            "evaluated_remention",
        ),
        c,
        state,
    )
