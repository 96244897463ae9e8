"""Check the dictionary's own example sentences end to end: Stanza -> actors -> coder.

Every trigger entry documents what it covers with `examples: [{text, expect}]`; `expect` lists the "SRC->TGT
CODE" dyads the sentence must give (empty: it must give none for that entry's root). Running them through the
real models is what keeps an entry honest: a word family that never fires in a parsed sentence, or fires with
the wrong actors, shows up here.

    python -m peristiwa.events.examples            # report, one line per example
    python -m peristiwa.events.examples --failing  # only the ones that do not code as expected
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from peristiwa.actors import load_knowledge, resolve_article
from peristiwa.actors.knowledge import Knowledge
from peristiwa.annotation.stanza_convert import sentences_from_stanza
from peristiwa.nlp.pipeline import NlpSettings, annotate

from .cameo import CameoTable, load_cameo
from .coder import CoderConfig, EventMention, code_article
from .dictionary import TriggerDictionary, load_dictionary
from .evaluate import SCORED_MODALITIES

# Examples are dated news sentences; this is the publication date they are coded at.
EXAMPLE_DATE = dt.date(2024, 6, 14)


@dataclass(frozen=True)
class ExampleOutcome:
    trigger_id: str
    text: str
    expected: tuple[str, ...]
    got: tuple[str, ...]  # counted dyads "SRC->TGT CODE" of the entry's root
    missing: tuple[str, ...]
    unexpected: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unexpected


@dataclass(frozen=True)
class AnnotatedText:
    """A text annotated once (sentences and resolved actors), ready to be coded under any coder config."""

    text: str
    sentences: list
    mentions: list
    published: dt.date


def annotate_texts(
    texts: Sequence[str],
    knowledge: Knowledge,
    settings: NlpSettings | None = None,
    published: dt.date = EXAMPLE_DATE,
) -> list[AnnotatedText]:
    """Each text as a one-paragraph article published on `published`: Stanza sentences and actors."""
    docs = annotate(list(texts), settings)
    out = []
    for i, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        sentences = sentences_from_stanza(f"example-{i}", doc, text=text)
        out.append(
            AnnotatedText(text, sentences, resolve_article(sentences, published, knowledge), published)
        )
    return out


def code_annotated(
    annotated: Sequence[AnnotatedText],
    dictionary: TriggerDictionary,
    cameo: CameoTable,
    config: CoderConfig | None = None,
) -> list[list[EventMention]]:
    return [
        code_article(a.sentences, a.mentions, a.published, dictionary, cameo, text=a.text, config=config)
        for a in annotated
    ]


def code_texts(
    texts: Sequence[str],
    dictionary: TriggerDictionary,
    cameo: CameoTable,
    knowledge: Knowledge,
    settings: NlpSettings | None = None,
    published: dt.date = EXAMPLE_DATE,
    config: CoderConfig | None = None,
) -> list[list[EventMention]]:
    """Event mentions of each text, coded as a one-paragraph article published on `published`."""
    return code_annotated(annotate_texts(texts, knowledge, settings, published), dictionary, cameo, config)


def _dyad(m: EventMention) -> str:
    return f"{m.source_iso3 or m.source_sector}->{m.target_iso3 or m.target_sector} {m.cameo_code}"


def _asserted(m: EventMention) -> bool:
    return m.polarity == "positive" and m.modality in SCORED_MODALITIES


def check_examples(
    dictionary: TriggerDictionary,
    cameo: CameoTable,
    knowledge: Knowledge,
    settings: NlpSettings | None = None,
) -> list[ExampleOutcome]:
    """One outcome per example of every entry. An example passes when every expected dyad is coded (exact
    code) and no other asserted dyad of the entry's CAMEO roots (its code's and its expected codes') is."""
    cases = [(t, ex) for t in dictionary.triggers for ex in t.examples]
    coded = code_texts([ex.text for _, ex in cases], dictionary, cameo, knowledge, settings)
    outcomes = []
    for (trigger, ex), mentions in zip(cases, coded, strict=True):
        roots = {trigger.code[:2]} | {e.rsplit(" ", 1)[1][:2] for e in ex.expect}
        # dyads with a state or IGO on both sides (a non-state participant is no dyad of the panels)
        keyed = [
            m
            for m in mentions
            if (m.source_iso3 or m.source_actor_type == "igo")
            and (m.target_iso3 or m.target_actor_type == "igo")
        ]
        got = tuple(sorted({_dyad(m) for m in keyed if _asserted(m) and m.cameo_code[:2] in roots}))
        missing = tuple(e for e in ex.expect if e not in got)
        unexpected = tuple(g for g in got if g not in ex.expect)
        outcomes.append(ExampleOutcome(trigger.id, ex.text, ex.expect, got, missing, unexpected))
    return outcomes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--failing", action="store_true", help="show only examples that fail")
    args = parser.parse_args(argv)
    cameo = load_cameo()
    outcomes = check_examples(load_dictionary(cameo=cameo), cameo, load_knowledge(None))
    for o in outcomes:
        if args.failing and o.ok:
            continue
        mark = "ok  " if o.ok else "FAIL"
        print(f"{mark} {o.trigger_id}: {o.text}\n     expected {list(o.expected)} got {list(o.got)}")
    n_ok = sum(o.ok for o in outcomes)
    print(f"{n_ok}/{len(outcomes)} examples code as expected")
    return 0 if n_ok == len(outcomes) else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
