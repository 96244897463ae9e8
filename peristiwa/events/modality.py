"""Modality and polarity of a trigger, scoped to the trigger's own clause.

Why clause-scoped: "kami tidak akan membiarkan teroris ..." negates *membiarkan*, not the cooperation named
before it, and "Jika Israel menyerang, Iran akan membalas" makes only the attack hypothetical. A cue counts
only
when it precedes the trigger inside the same clause with nothing but auxiliaries/adverbs in between
(negation),
or opens the trigger's clause (hypothetical, rumour), or is a dependent of the trigger / of its light verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from .protocols import TokenLike

NEGATION = frozenset({"tidak", "tak", "bukan", "belum", "jangan", "tanpa", "enggak", "nggak", "gak", "tiada"})
FUTURE = frozenset({"akan", "bakal", "hendak", "berencana", "rencananya", "berniat", "merencanakan"})
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
        # deontic: what an actor should do is not what it did
        "seharusnya",
        "semestinya",
        "sepatutnya",
        "sebaiknya",
        "hendaknya",
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
    }
)
GENERIC = frozenset({"kerap", "sering", "seringkali", "biasanya", "selalu", "acap"})
# Words allowed between a negation and its trigger ("tidak akan pernah menyerang", "tidak pernah ada perang").
BRIDGE = frozenset(
    {
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
        "agar",
        "supaya",
        "untuk",
        "meski",
        "meskipun",
        "walaupun",
        "-",
        "–",
        "—",
    }
)
# Subordinators that open a hypothetical clause reach across the clause up to its comma.
NEG_DEPRELS = ("advmod", "aux", "mark", "cop", "det")


def _low(t: TokenLike) -> str:
    return t.text.casefold()


def clause_before(tokens: Sequence[TokenLike], idx: int, max_back: int = 12) -> list[TokenLike]:
    """Tokens before position idx in the same clause, nearest first (linear, robust to parse errors)."""
    out: list[TokenLike] = []
    for j in range(idx - 1, max(-1, idx - 1 - max_back), -1):
        w = _low(tokens[j])
        if w in CLAUSE_BREAK:
            break
        out.append(tokens[j])
    return out


def negated(
    tokens: Sequence[TokenLike], idx: int, governors: Sequence[int] = (), lexical_negation: bool = False
) -> bool:
    """Negation of the trigger at position idx (or of its light verb / existential governor at positions
    governors). `lexical_negation`: the trigger phrase starting at idx contains its own negation ("tidak
    boleh masuk"), so only a negation before the phrase counts."""
    for pos in (idx, *governors):
        tok = tokens[pos]
        if tok.feats and "Polarity=Neg" in tok.feats and not (lexical_negation and pos == idx):
            return True
        for t in clause_before(tokens, pos, 5):
            w = _low(t)
            if w in NEGATION:
                return True
            if w not in BRIDGE:
                break
        # Dependents of the trigger itself that are negators (UD v2: advmod + Polarity=Neg).
        if lexical_negation and pos == idx:
            continue
        for t in tokens:
            if t.head == tok.id and _low(t) in NEGATION and (t.deprel or "").split(":")[0] in NEG_DEPRELS:
                return True
    return False


def classify(
    tokens: Sequence[TokenLike],
    idx: int,
    governors: Sequence[int] = (),
    negation_governors: Sequence[int] | None = None,
    lexical_negation: bool = False,
) -> tuple[str, str]:
    """(modality, polarity) for the trigger at idx. Modality: asserted | future | hypothetical | reported |
    generic | negated-carrying modalities are reported through polarity='negative' plus modality 'negated'.
    `negation_governors` (default: `governors`) are the governors whose negation scopes over the trigger: a
    light verb's does ("tidak melancarkan serangan"), a matrix verb's does not reach a means adjunct
    ("Melalui kerja sama …, kami tidak akan membiarkan teroris …" keeps the cooperation positive)."""
    scope = governors if negation_governors is None else negation_governors
    if negated(tokens, idx, scope, lexical_negation):
        return "negated", "negative"
    before: list[TokenLike] = []
    for pos in (idx, *governors):
        before += clause_before(tokens, pos, 12)
    words = {_low(t) for t in before}
    # Hypothetical/rumour cues may sit at the start of the clause or the sentence (before the first comma).
    head = []
    for t in tokens[:idx]:
        if _low(t) in {",", ";"}:
            head = []
            continue
        head.append(_low(t))
    opening = set(head)
    if opening & HYPOTHETICAL:
        return "hypothetical", "positive"
    if (words | opening) & RUMOUR:
        return "reported", "positive"
    if words & FUTURE:
        return "future", "positive"
    if words & GENERIC:
        return "generic", "positive"
    return "asserted", "positive"
