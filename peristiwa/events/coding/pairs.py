"""Pass 5, pairs: turn each act's sources and targets into directed dyads.

Coordinated lists give one dyad per member ("Arab Saudi, Bahrain dan Mesir memutus hubungan dengan Qatar"); a
host meets each participant, never participant x participant ("Kamboja menjadi tuan rumah pertemuan menteri
Laos, Thailand dan Vietnam"); a reciprocal act gives both directions (the converse code for the host of a
visit); any other act gives source x target. Self-dyads are never emitted, and `CoderConfig.max_dyads` bounds
the dyads of one trigger so that a sentence listing thousands of countries costs no more than a normal one.
"""

from __future__ import annotations

from ..protocols import MentionLike
from .actors import actor_code, actor_type
from .model import Candidate, SentenceState, rule
from .view import SentenceView

LIST_JOINERS = frozenset(
    {",", "dan", "serta", "maupun", "juga", "bahkan", "seperti", "yakni", "yaitu", "termasuk"}
)
HOST_WORDS = ("tuan", "rumah")


def _same(a: MentionLike, b: MentionLike) -> bool:
    ca, cb = actor_code(a), actor_code(b)
    return a is b or (bool(ca) and ca == cb)


def _list_members(v: SentenceView, m: MentionLike, limit: int = 40) -> list[MentionLike]:
    """The actors coordinated with m in a list that starts at m: "A, B, C dan D" (linear, commas and
    dan/serta; "seperti"/"yakni" introduce the members of a group)."""
    first, last = v.actor_span(m)
    if first < 0:
        return [m]
    out = [m]
    j = last + 1
    # "A, B dan C": after the last "dan" the list ends at the next comma (also when C itself is the start)
    closed = first > 0 and v.texts[first - 1] in ("dan", "serta")
    while j < len(v) and len(out) < limit:
        k = j
        while k < len(v) and v.texts[k] in LIST_JOINERS:
            k += 1
        if k == j or k >= len(v) or (closed and "," in v.texts[j:k]):
            break
        closed = closed or any(w in ("dan", "serta") for w in v.texts[j:k])
        nxt = v.actor_at.get(k)
        if nxt is None or any(nxt is o for o in out):
            break
        out.append(nxt)
        _, end = v.actor_span(nxt)
        j = end + 1
    return out


@rule("coordinated_lists", "pairs", "dyads")
def coordinated_lists(c: Candidate, state: SentenceState) -> None:
    """Every member of a coordinated list of actors takes part: one dyad per state."""
    v = state.view
    for side, other in ((c.sources, c.targets), (c.targets, c.sources)):
        if not side or c.closed and side is c.sources:
            continue
        expanded = list(side)
        for m in side:
            for x in _list_members(v, m):
                if all(x is not e for e in expanded) and all(not _same(x, o) for o in other):
                    expanded.append(x)
        if len(expanded) > len(side):
            side[:] = expanded
            c.fired("list")


@rule("host_participants", "pairs", "dyads")
def host_participants(c: Candidate, state: SentenceState) -> None:
    """ "X menjadi tuan rumah pertemuan A, B dan C": the host meets each participant; participants among
    themselves are no dyad."""
    v = state.view
    k = next(
        (j for j in range(max(0, c.start - 4), c.start) if tuple(v.texts[j : j + 2]) == HOST_WORDS), None
    )
    if k is None or not c.symmetric:
        return
    host = next((v.actor_at[j] for j in range(k - 1, max(-1, k - 8), -1) if j in v.actor_at), None)
    if host is None:
        return
    participants = [m for m in c.sources + c.targets if not _same(m, host)]
    for j in range(c.end, min(len(v), c.end + 10)):
        if (first := v.actor_at.get(j)) is None:
            continue
        for x in _list_members(v, first):
            if not _same(x, host) and all(x is not p for p in participants):
                participants.append(x)
        break
    if participants:
        c.sources[:] = [host]
        c.targets[:] = participants
        c.host = host
        c.fired("host-participants")


def _add_dyad(c: Candidate, a: MentionLike, b: MentionLike, code: str) -> None:
    if not _same(a, b):
        c.dyads.append((a, b, code))


# Parties of a reciprocal act paired with each other: two or three ("Rusia, Iran dan Turki bertemu"); more,
# with several on the subject side, is a multilateral gathering (one state meeting several is still
# bilateral with each).
MAX_CONJOINED_PARTIES = 3


# Words after a fighting verb that begin no object: "saling memerangi selama bertahun-tahun"
NOT_AN_OBJECT = frozenset(
    {"di", "ke", "dari", "dengan", "sejak", "selama", "hingga", "sampai", "pada", "dalam", "lagi", "kembali",
     "secara", "satu", "sama", "untuk", "karena", "akibat", "atas", "antara", "keduanya", "mereka"}
)


def _fights_a_common_noun(v: SentenceView, c: Candidate) -> bool:
    """A fighting verb (18-20) whose object is a common noun and no actor: its subjects fight that, not each
    other."""
    j = c.end
    return (
        c.category == "active"
        and v.texts[c.start].startswith("me")  # a transitive meN- verb: "berperang dua kali" has no object
        and c.code[:2] in ("18", "19", "20")
        and not c.targets
        and j < len(v)
        and j not in v.actor_at
        and v.texts[j].isalpha()
        and v.texts[j] not in NOT_AN_OBJECT
    )


@rule("reciprocal_pairs", "pairs", "dyads")
def reciprocal_pairs(c: Candidate, state: SentenceState) -> None:
    """A reciprocal act: sources x targets both ways; with no target the conjoined sources pair among
    themselves. The converse code (043 host) needs a host that acts (a sector), not a bare place."""
    if not c.symmetric or c.dyads:
        return
    parties = {actor_code(a) or a.text for a in c.sources + c.targets}
    if len(parties) > MAX_CONJOINED_PARTIES and len(c.sources) > 1:
        # "dihadiri delegasi dari Mesir, UEA, Bahrain, Afghanistan, ...": a multilateral gathering is no
        # meeting of each attendee with each other one
        pairs = []
        c.fired("multilateral")
    elif c.sources and c.targets:
        pairs = [(a, b) for a in c.sources for b in c.targets]
    elif "nonstate-opponent" in c.rules or _fights_a_common_noun(state.view, c):
        # "Kedua negara tetangga itu memerangi sejumlah faksi militan": they fight the militants, not each
        # other
        pairs = []
    else:
        pairs = [(a, b) for i, a in enumerate(c.sources) for b in c.sources[i + 1 :]]
    for a, b in pairs:
        if _same(a, b):
            continue
        if "nationals" in (actor_type(a), actor_type(b)):
            # "wisatawan Yordania berkunjung ke Indonesia": tourists, students and firms' people meet and
            # visit, their state does not; a reciprocal act needs two parties that act for themselves
            c.fired("nationals-not-reciprocal")
            continue
        _add_dyad(c, a, b, c.code)
        if not c.trigger.converse or b.sector:
            _add_dyad(c, b, a, c.trigger.converse or c.code)


@rule("directed_pairs", "pairs", "core")
def directed_pairs(c: Candidate, state: SentenceState) -> None:
    """Any other act: each source x each target; guests at the occasion an article reports are received
    by its host country (the converse code, 043)."""
    if c.symmetric or c.dyads:
        return
    if (
        not c.targets
        and c.code[:2] == "03"
        and c.trigger.verbal
        and len(c.sources) > 1
        and "possessor" not in c.rules
        and not _names_its_object(state, c)
    ):
        # "Iran dan Rusia bertekad ...", "Mereka berjanji ...": a pledge made together is made to each other
        for i, a in enumerate(c.sources):
            for b in c.sources[i + 1 :]:
                _add_dyad(c, a, b, c.code)
                _add_dyad(c, b, a, c.code)
        c.fired("joint_pledge")
        return
    for s in c.sources:
        for t in c.targets:
            _add_dyad(c, s, t, c.code)
            if c.trigger.converse and "occasion" in c.rules:
                _add_dyad(c, t, s, c.trigger.converse)


def _names_its_object(state: SentenceState, c: Candidate) -> bool:
    """The verb has an object of its own that is no actor: "Mereka mengundang talenta-talenta top dunia" is
    an invitation to that talent, not of the two states to each other."""
    v = state.view
    return v.parsed and any(k not in v.actor_at for k in v.kids(c.head, "obj"))


def dedupe(ms: list[MentionLike]) -> list[MentionLike]:
    out: list[MentionLike] = []
    for m in ms:
        key = actor_code(m) or m.actor_id or m.text
        if all((actor_code(o) or o.actor_id or o.text) != key for o in out):
            out.append(m)
    return out


def build_pairs(c: Candidate, state: SentenceState) -> None:
    """Pass 5, for one candidate."""
    from .model import run_rules

    if True:
        if c.threat_code and c.targets:
            c.code = c.threat_code  # a promised harm to a named party is a threat
            c.fired("promised_harm")
        if not c.dyads:
            c.sources[:] = dedupe(c.sources)
            c.targets[:] = dedupe(c.targets)
        run_rules(("coordinated_lists", "host_participants", "reciprocal_pairs", "directed_pairs"), c, state)
        if len(c.dyads) > state.config.max_dyads:
            c.dyads = c.dyads[: state.config.max_dyads]
            c.fired("max_dyads")
        if not c.dyads:
            c.drop("no_dyad")
