"""Every example sentence of the shipped trigger dictionary, end to end: the bundled Stanza models, actor
resolution and the coder (peristiwa.events.examples.check_examples), run once for the module. The examples
the coder does not yet get right are listed with their reason in data/example_known_failures.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from peristiwa.actors import load_knowledge
from peristiwa.events.examples import ExampleOutcome, check_examples

KNOWN = Path(__file__).parent / "data" / "example_known_failures.yaml"


@pytest.fixture(scope="module")
def outcomes(dictionary, cameo) -> list[ExampleOutcome]:
    return check_examples(dictionary, cameo, load_knowledge(None))


@pytest.fixture(scope="module")
def known_failures() -> dict[str, str]:
    listed = yaml.safe_load(KNOWN.read_text(encoding="utf-8"))["known_failures"]
    return {k["text"]: k["reason"] for k in listed}


def _report(failing: list[ExampleOutcome]) -> str:
    return "\n".join(
        f"{o.trigger_id}: {o.text}\n    expected {list(o.expected)} got {list(o.got)}" for o in failing
    )


def test_every_example_is_checked(outcomes, dictionary):
    assert len(outcomes) == sum(len(t.examples) for t in dictionary.triggers) > 0
    by_id = {t.id: t for t in dictionary.triggers}
    for o in outcomes:
        assert o.trigger_id in by_id
        assert o.ok == (not o.missing and not o.unexpected)
        assert set(o.missing) <= set(o.expected) and not set(o.unexpected) & set(o.expected)


def test_every_example_codes_as_expected_but_the_known_failures(outcomes, known_failures):
    failing = [o for o in outcomes if not o.ok and o.text not in known_failures]
    assert not failing, f"{len(failing)}/{len(outcomes)} examples fail:\n{_report(failing)}"


def test_known_failures_are_examples_that_still_fail(outcomes, known_failures):
    by_text = {o.text: o for o in outcomes}
    assert set(known_failures) <= set(by_text), "a known failure is no longer a dictionary example"
    fixed = [t for t in known_failures if by_text[t].ok]
    assert not fixed, "these now pass; take them off data/example_known_failures.yaml:\n" + "\n".join(fixed)
    assert len(known_failures) <= len(outcomes) // 5  # the list is the exception, not the rule
