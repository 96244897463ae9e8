"""Within-article coreference: surnames after a resolved full name, and "kedua negara" after two named
states."""

from __future__ import annotations

from dataclasses import replace

from .knowledge import IGO_SECTORS, Knowledge, name_word_starts, norm, split_name
from .mention import EntityMention


def _name_keys(text: str, k: Knowledge) -> set[str]:
    """Keys a later short mention may use: the full name without titles, and each name word of > 2 letters."""
    words = [w for w in split_name(text) if w[:1].isupper() and w.isalpha() or "-" in w]
    keys = set()
    for w in words:
        entries = k.lexicon.get((norm(w),), [])
        if any(e.kind in ("title", "country", "capital", "igo", "modifier", "prefix") for e in entries):
            continue
        # two-letter family names count too ("Xi", "Li", "Ja"): they are capitalised and no lexicon word
        if len(w) >= 2:
            keys.add(norm(w))
        # "al-Sisi" is later "Sisi": a name after an Arabic article particle is a key of its own
        particle, _, rest = w.partition("-")
        if rest and particle.casefold() in k.rules["name_particles"] and len(rest) >= 2:
            keys.add(norm(rest))
    return keys


def link_names(
    mentions: list[EntityMention], candidates: list[tuple[int, int, int, str]], k: Knowledge
) -> list[EntityMention]:
    """candidates: (sentence_index, start, end, text) of unresolved capitalised runs / NER-only spans.

    A candidate whose words are all keys of ONE earlier resolved person gets that person's actor.
    Ambiguous keys (shared by two persons) are dropped rather than guessed.
    """
    persons = [
        m
        for m in mentions
        if m.actor_kind == "person" and (m.iso3 or m.sector in IGO_SECTORS) and m.method != "coref_name"
    ]
    out = [m for m in mentions]
    by_span = {(m.sentence_index, m.start_char, m.end_char): idx for idx, m in enumerate(out)}
    extra = [
        (m.sentence_index, m.start_char, m.end_char, m.text) for m in mentions if m.method == "title_only"
    ]
    for s_idx, start, end, text in list(candidates) + extra:
        earlier = [p for p in persons if (p.sentence_index, p.start_char) < (s_idx, start)]
        hits: dict[str, EntityMention] = {}
        # A capitalised run may start with a sentence-initial word ("Kata Wiranto"): try its suffixes too.
        spans = name_word_starts(text)
        parts = [w for _, w in spans]
        for cut in range(len(parts)):
            words = _name_keys(" ".join(parts[cut:]), k)
            if not words:
                continue
            hits = {p.actor_id: p for p in earlier if words <= _name_keys(p.text, k)}
            if hits:
                first = next((i for i in range(cut, len(parts)) if parts[i][:1].isalnum()), cut)
                if first:
                    offset = spans[first][0]
                    start, text = start + offset, text[offset:]
                    end = start + len(text)
                break
        if len(hits) != 1:
            continue
        src = next(iter(hits.values()))
        if src.start_char == start and src.sentence_index == s_idx:
            continue
        new = replace(
            src,
            sentence_index=s_idx,
            start_char=start,
            end_char=end,
            text=text,
            method="coref_name",
            confidence=round(src.confidence * 0.9, 3),
            ner_type=out[by_span[(s_idx, start, end)]].ner_type if (s_idx, start, end) in by_span else "",
        )
        if (s_idx, start, end) in by_span:
            out[by_span[(s_idx, start, end)]] = new
        else:
            out.append(new)
    return out


def _coordinated_pair(same: list[EntityMention], text_between) -> list[str]:
    """Two states joined only by a coordinator in the phrase's own sentence.

    E.g. "Iran dan Pakistan ... kedua negara".
    """
    for a, b in zip(same[-2::-1], same[:0:-1], strict=False):
        if a.iso3 != b.iso3 and text_between(a, b).strip().lower() in (
            "dan",
            "-",
            "maupun",
            "serta",
            ",",
            "&",
        ):
            return [a.iso3, b.iso3]
    return []


# Sectors whose country is a nationality or a base, not the state: "kedua pihak" after "Washington dan
# Taliban" are no two states.
NOT_THE_STATE = frozenset(
    {"REB", "CRM", "NGO", "BUS", "JRN", "REL", "OPP", "PTY", "CVL", "EDU", "ELI", "SOC"}
)


def resolve_both_states(
    mentions: list[EntityMention], window: int, texts: dict[int, tuple[int, str]] | None = None
) -> list[EntityMention]:
    """Replace each pending "kedua negara" by two mentions (one per state).

    In the phrase's own sentence only a coordinated pair counts
    ("AS khawatir dengan hubungan kedua negara itu":
    AS is the observer, not one of the two); otherwise the two most recent distinct states of the previous
    ``window`` sentences, where an earlier resolved "kedua negara" contributes its pair.
    """
    texts = texts or {}

    def between(a: EntityMention, b: EntityMention) -> str:
        start, text = texts.get(a.sentence_index, (0, ""))
        return text[a.end_char - start : b.start_char - start] if text else ""

    ordered = sorted(mentions, key=lambda m: (m.sentence_index, m.start_char))
    out: list[EntityMention] = []
    for m in ordered:
        if m.method != "both_states_pending":
            out.append(m)
            continue
        states = [p for p in out if p.iso3 and p.role == "actor" and p.sector not in NOT_THE_STATE]
        same = [p for p in states if p.sentence_index == m.sentence_index and p.method != "coref_both_states"]
        seen = _coordinated_pair(same, between)
        if not seen:
            for prev in reversed(states):
                if prev.sentence_index == m.sentence_index:
                    continue
                if prev.sentence_index < m.sentence_index - window or len(seen) == 2:
                    break
                if prev.iso3 not in seen:
                    seen.append(prev.iso3)
        if len(seen) < 2:
            out.append(replace(m, method="both_states_unresolved", role="unknown"))
            continue
        for iso3 in sorted(seen):
            out.append(
                replace(
                    m,
                    iso3=iso3,
                    actor_id=iso3,
                    actor_kind="state",
                    method="coref_both_states",
                    confidence=0.75,
                )
            )
    return out
