"""Who speaks in a quotation that runs over several sentences.

News quotes one person for several sentences and names the speaker only where the quote opens ('Retno
mengatakan: "...') or closes ('..., " beber Retno.', '..." ujarnya.'). The sentences in between have no
reporting verb of their own, yet their first-person subjects ("saya bicara dengan ...", "kami mendukung ...")
are that speaker. This pre-pass over the article maps every sentence inside such a quotation to its speaker
(rule `quote_speakers`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..dictionary import TriggerDictionary
from ..protocols import MentionLike, SentenceLike
from .frames import is_reporting, pronoun_speaker, speaker_at
from .model import switch
from .view import SentenceView

OPEN_QUOTES = frozenset({"“", '"'})
CLOSE_QUOTES = frozenset({"”", '"'})

switch(
    "quote_speakers",
    "frames",
    "speech_acts",
    """A sentence inside a quotation that runs over several sentences is said by the speaker named where the
       quotation opens or closes ('..., " beber Retno').""",
)


def _toggles(text: str) -> int:
    """How many quote marks the sentence has (an odd number leaves a quotation open or closes one)."""
    return sum(text.count(q) for q in ("“", "”", '"'))


def _speaker(v: SentenceView, d: TriggerDictionary, last_person: MentionLike | None) -> MentionLike | None:
    for i in range(len(v)):
        if not is_reporting(v, d, i):
            continue
        if (who := speaker_at(v, i)) is not None:
            return who
        if pronoun_speaker(v, i):
            return last_person
    return None


def quote_speakers(
    sentences: Sequence[SentenceLike],
    mentions: Mapping[int, Sequence[MentionLike]],
    dictionary: TriggerDictionary,
) -> dict[int, MentionLike]:
    """{sentence index: speaker} for the sentences of multi-sentence quotations whose speaker is named."""
    out: dict[int, MentionLike] = {}
    open_since: list[int] = []
    opener: MentionLike | None = None
    last_person: MentionLike | None = None
    for s in sorted(sentences, key=lambda s: s.index):
        v = SentenceView(s, mentions.get(s.index, []))
        who = _speaker(v, dictionary, last_person)
        if who is not None and who.actor_kind == "person":
            last_person = who
        marks = _toggles(s.text)
        inside = bool(open_since)
        if inside:
            open_since.append(s.index)
            if marks % 2 == 1:  # the quotation closes here
                speaker = who or opener
                if speaker is not None:
                    for k in open_since:
                        out[k] = speaker
                open_since, opener = [], None
        elif marks % 2 == 1:  # a quotation opens and runs on
            open_since, opener = [s.index], who
    return out
