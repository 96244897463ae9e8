"""Native Indonesian "who did what to whom" coder: sentences + resolved actors -> CAMEO event mentions.

A sentence goes through seven passes, each a sequence of small named rules (peristiwa/events/coding/):

  triggers   word families and phrases of the dictionary, verb + object patterns, light verbs, modifiers
  frames     the speaker; acts that are only the content of another act; statements that are acts
  arguments  source and target from the UD parse, then word order (passives, raising, relative clauses ...)
  actors     the article context (speaker, pronouns, "kedua negara", anaphora) and which mentions are venues
  pairs      directed dyads: coordinated lists, hosts and participants, reciprocal and directed acts
  modality   negation (and negations that are the act), hypothetical, rumour, future, plans
  code       announced acts as intents, historical dates, event mention rows

Every rule is registered in `coding.model.RULES` with its stage, the error class it answers and its doc; the
names of the rules that fired are stored in `event_mentions.rule`, and `CoderConfig(disabled=...)` switches
any of them off (`python -m peristiwa.events.rules` lists them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peristiwa.dates import ArticleDates, article_dates

from .cameo import CameoTable
from .coding.actors import resolve_actors
from .coding.arguments import extract_arguments
from .coding.codes import EventMention, conjoined_aims, emit
from .coding.frames import resolve_frames
from .coding.modality import classify_modality
from .coding.model import COUNTED_MODALITIES, RULES, ArticleContext, Candidate, CoderConfig, SentenceState
from .coding.pairs import build_pairs
from .coding.quotes import quote_speakers
from .coding.triggers import find_triggers
from .coding.view import SentenceView
from .dictionary import TriggerDictionary
from .protocols import MentionLike, SentenceLike

__all__ = ["COUNTED_MODALITIES", "RULES", "CoderConfig", "EventMention", "code_article", "code_sentence"]

# Passes over the whole sentence, then passes over each trigger in text order (a later trigger sees the dyads
# of the earlier ones: "Serangan Iran terhadap Israel ... menyebabkan serangan balasan dari Israel").
SENTENCE_PASSES = (find_triggers, resolve_frames)
CANDIDATE_PASSES = (extract_arguments, resolve_actors, build_pairs, classify_modality)


def _remember_dyads(c: Candidate, state: SentenceState) -> None:
    ctx = state.ctx
    if "anaphor" not in c.rules:
        ctx.last_by_root[c.code[:2]] = [(a, b) for a, b, _ in c.dyads]
        ctx.last_source = c.dyads[0][0]
    ctx.history += [(state.sentence.index, code[:2], a, b, c.modality) for a, b, code in c.dyads]


def _remember_sentence(state: SentenceState) -> None:
    """Carry the sentence's actors and speaker into the article context."""
    ctx, v = state.ctx, state.view
    actors = sorted({id(x): x for x in v.actor_at.values()}.values(), key=lambda x: x.start_char)
    ctx.recent.extend(actors)
    ctx.previous = actors
    ctx.sentences_actors.append((state.sentence.index, actors))
    ctx.places.extend(m for _, m in sorted(v.venue_at.items()) if m.iso3 and m not in ctx.places)
    persons = [m for m in v.mentions if m.actor_kind == "person" or getattr(m, "ner_type", "") == "PER"]
    if persons:
        ctx.last_person = min(persons, key=lambda m: m.start_char)
    if state.speaker is not None:
        ctx.speaker = state.speaker
    elif (
        first := next((a for _, a in sorted(v.actor_at.items())), None)
    ) is not None and first.actor_kind == "person":
        ctx.speaker = first  # the person a sentence is about is whom "ujarnya" in the next one refers to


def code_sentence(
    sentence: SentenceLike,
    mentions: Sequence[MentionLike],
    published_date: dt.date | None,
    dictionary: TriggerDictionary,
    cameo: CameoTable,
    dates: ArticleDates,
    ctx: ArticleContext | None = None,
    config: CoderConfig | None = None,
) -> list[EventMention]:
    """Event mentions of one sentence (`ctx` carries the article so far and is updated)."""
    ctx = ctx or ArticleContext(published_date)
    state = SentenceState(
        SentenceView(sentence, mentions), sentence, dictionary, config or CoderConfig(), ctx
    )
    for sentence_pass in SENTENCE_PASSES:
        sentence_pass(state)
    out: list[EventMention] = []
    for c in list(state.candidates):
        for candidate_pass in CANDIDATE_PASSES:
            if c.dropped is not None:
                break
            candidate_pass(c, state)
        if c.dropped is not None:
            continue
        _remember_dyads(c, state)
        if state.on("conjoined_aims"):
            conjoined_aims(c, state)
        out += emit(c, state, cameo, dates, published_date)
    _remember_sentence(state)
    return out


def code_article(
    sentences: Sequence[SentenceLike],
    mentions: Sequence[MentionLike],
    published_date: dt.date | None,
    dictionary: TriggerDictionary,
    cameo: CameoTable,
    text: str | None = None,
    config: CoderConfig | None = None,
) -> list[EventMention]:
    """Code every sentence of one article. `text` (the cleaned article) anchors relative dates; without it the
    sentences are joined at their offsets."""
    if text is None:
        size = max((s.end_char for s in sentences), default=0)
        buf = [" "] * size
        for s in sentences:
            buf[s.start_char : s.start_char + len(s.text)] = list(s.text)
        text = "".join(buf)
    dates = article_dates(text, published_date)
    words = {t.text.casefold() for s in sentences for t in s.tokens}
    if dictionary.non_political_domain(words):
        # teams, players' nationalities, tours and film markets, not states: only officials and state organs
        # stay actors
        mentions = [m for m in mentions if m.actor_kind != "state"]
    by_sentence: dict[int, list[MentionLike]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    ctx = ArticleContext(published_date, quote_speakers=quote_speakers(sentences, by_sentence, dictionary))
    out: list[EventMention] = []
    for s in sorted(sentences, key=lambda s: s.index):
        out += code_sentence(
            s, by_sentence.get(s.index, []), published_date, dictionary, cameo, dates, ctx, config
        )
    return out


def sentence_text_slice(sentence: SentenceLike, start: int, end: int) -> str:
    return sentence.text[start - sentence.start_char : end - sentence.start_char]
