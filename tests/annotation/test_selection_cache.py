"""The selector and digest a process builds once are built again when a file they come from is edited in
place: a long-lived process (a code server, a worker) records the digest of the dictionary as it is now."""

from __future__ import annotations

import shutil

from peristiwa.annotation.batch import AnnotationConfig, config_selection_digest, selector_of
from peristiwa.events.dictionary import TRIGGERS_YAML


def test_a_dictionary_edited_in_place_gives_a_new_digest_and_selector(tmp_path):
    dictionary = tmp_path / "triggers.yaml"
    shutil.copyfile(TRIGGERS_YAML, dictionary)
    config = AnnotationConfig(dictionary_path=str(dictionary))
    before = config_selection_digest(config)
    assert config_selection_digest(config) == before  # unchanged files: the same (cached) selection
    assert "berseloroh" not in selector_of(config).speaker_cues

    # the same path, the same configuration: only the file's content says it changed
    text = dictionary.read_text(encoding="utf-8")
    assert "reporting_verbs: [kata," in text
    dictionary.write_text(text.replace("reporting_verbs: [kata,", "reporting_verbs: [berseloroh, kata,"),
                          encoding="utf-8")
    after = config_selection_digest(config)
    assert after != before
    assert "berseloroh" in selector_of(config).speaker_cues

    dictionary.write_text(text, encoding="utf-8")  # edited back: the first digest again
    assert config_selection_digest(config) == before


def test_an_actor_file_edited_in_place_gives_a_new_digest(tmp_path):
    from peristiwa.actors.knowledge import DATA_DIR

    actors = tmp_path / "actors"
    shutil.copytree(DATA_DIR, actors)
    config = AnnotationConfig(actors_dir=str(actors))
    before = config_selection_digest(config)
    rules = actors / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    old = 'both_states: ["kedua negara",'
    assert old in text
    rules.write_text(text.replace(old, 'both_states: ["kedua negeri", "kedua negara",'), encoding="utf-8")
    assert config_selection_digest(config) != before
