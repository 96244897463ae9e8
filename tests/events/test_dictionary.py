"""The trigger dictionary and the CAMEO table."""

from __future__ import annotations

import pytest

from peristiwa.events.cameo import GOLDSTEIN_CONVENTION, load_cameo
from peristiwa.events.dictionary import TRIGGERS_YAML, DictionaryError, load_dictionary


def test_cameo_table(cameo):
    assert len(cameo.codes) >= 300 and cameo.roots == [f"{i:02d}" for i in range(1, 21)]
    assert cameo.get("195").goldstein == -10.0 and cameo.get("062").quad_class == 2
    assert all(-10 <= c.goldstein <= 10 for c in cameo.codes.values())
    assert GOLDSTEIN_CONVENTION == "gdelt"


def test_every_root_has_several_triggers(dictionary):
    words = {}
    for t in dictionary.triggers:
        words[t.code[:2]] = words.get(t.code[:2], 0) + len(t.words) + len(t.phrases)
    assert sorted(words) == [f"{i:02d}" for i in range(1, 21)]
    assert all(n >= 3 for n in words.values()), words
    assert dictionary.version


def test_all_codes_exist(dictionary, cameo):
    for t in dictionary.triggers:
        assert t.code in cameo
        assert all(m.code in cameo for m in t.modifiers.values())


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("- {id: x, code: 190, words: [a]}", "quoted string"),
        ('- {id: x, code: "999", words: [a]}', "unknown CAMEO code"),
        ('- {id: x, code: "190"}', "needs 'words' or 'phrases'"),
        ('- {id: x, code: "190", words: [a], colour: red}', "unknown field"),
        ('- {id: x, code: "016", words: [a], responds_to: ["1"]}', "2-digit CAMEO roots"),
    ],
)
def test_clear_errors(tmp_path, snippet, message):
    path = tmp_path / "t.yaml"
    path.write_text(f'version: "t"\ntriggers:\n  {snippet}\n')
    with pytest.raises(DictionaryError, match=message):
        load_dictionary(path, load_cameo())


def test_shipped_file_loads():
    assert TRIGGERS_YAML.exists()
    assert load_dictionary().triggers


def test_new_fields_load(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(
        'version: "t"\nnon_events: ["konferensi pers"]\ntriggers:\n'
        '  - {id: x, code: "016", words: [a], responds_to: ["11"], predicative: true,'
        " pair_from_context: true, object_is_target: true}\n"
    )
    d = load_dictionary(path, load_cameo())
    (t,) = d.triggers
    assert t.responds_to == frozenset({"11"}) and t.predicative and t.pair_from_context and t.object_is_target
    assert d.non_events == (("konferensi", "pers"),)


def test_cue_words_cover_every_trigger_word_phrase_light_and_reporting_verb(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(
        'version: "t"\nlight_verbs: [Melancarkan]\nreporting_verbs: [kata]\ntriggers:\n'
        '  - {id: a, code: "190", words: [Serangan, serang]}\n'
        '  - {id: b, code: "050", phrases: ["kerja sama"], modifiers: {militer: "062"}}\n'
    )
    cues = load_dictionary(path, load_cameo()).cue_words()
    assert cues == frozenset({"melancarkan", "kata", "serangan", "serang", "kerja", "sama"})
    assert "militer" not in cues  # a modifier only refines a trigger; alone it triggers nothing


def test_shipped_cue_words_include_every_trigger(dictionary):
    cues = dictionary.cue_words()
    for trigger in dictionary.triggers:
        assert trigger.words <= cues, trigger.id
        assert all(set(phrase) <= cues for phrase in trigger.phrases), trigger.id
    assert dictionary.light_verbs <= cues and dictionary.reporting_verbs <= cues
    assert all(w == w.casefold() and " " not in w for w in cues)
