"""Run the coder on one hand-made sentence."""

from __future__ import annotations

import datetime as dt

from peristiwa.events import code_article

from .ud import Sent, actors

COUNTRIES = {
    "Iran": ("IRN", "GOV"),
    "Teheran": ("IRN", "GOV"),
    "Pakistan": ("PAK", "GOV"),
    "Islamabad": ("PAK", "GOV"),
    "Israel": ("ISR", "GOV"),
    "Rusia": ("RUS", "GOV"),
    "Azerbaijan": ("AZE", "GOV"),
    "Ukraina": ("UKR", "GOV"),
    "Amerika Serikat": ("USA", "GOV"),
    "Menlu Iran": ("IRN", "GOV"),
    "Presiden Iran": ("IRN", "GOV"),
    "Cina": ("CHN", ""),
    "Korea Utara": ("PRK", ""),
}


def code(sent: Sent, cameo, dictionary, published=dt.date(2024, 1, 30), venues=(), extra=None):
    spec = {k: v for k, v in COUNTRIES.items() if k in sent.text}
    spec.update(extra or {})
    ments = longest_mentions(actors(sent, spec, venues))
    return code_article([sent], ments, published, dictionary, cameo)


def longest_mentions(ments):
    """Longer names win over names they contain ("Menlu Iran" over "Iran")."""
    return [
        m
        for m in ments
        if not any(
            o is not m
            and o.start_char <= m.start_char
            and m.end_char <= o.end_char
            and (o.end_char - o.start_char) > (m.end_char - m.start_char)
            for o in ments
        )
    ]


def dyads(events):
    return {(e.source_iso3, e.target_iso3, e.cameo_code) for e in events}
