"""The ``EntityMention`` record: one row of the ``entity_mentions`` table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class EntityMention:
    article_id: str
    sentence_index: int  # -1 = headline (offsets into the title), else offsets into the cleaned body
    start_char: int
    end_char: int
    text: str  # == cleaned_text[start_char:end_char] (title for the headline)
    ner_type: str  # PER/ORG/LOC/MISC from Stanza, '' for a dictionary-only match
    iso3: str  # ISO 3166-1 alpha-3, '' when none (IGO, region, unknown)
    sector: str  # PLOVER sector (GOV, MIL, ...) or IGO, '' when unknown
    actor_id: str  # 'IRN', 'IRN_MIL', 'PERSON:masoud_pezeshkian', 'IGO:UN', 'REGION:WST', 'PLACE:ashgabat'
    actor_kind: str  # state/state_organ/igo/person/location/region/unknown
    role: str  # actor/venue/unknown
    method: str
    confidence: float
    resolved_for_date: dt.date | None
