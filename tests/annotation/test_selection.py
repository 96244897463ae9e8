"""Selective parsing: which sentences get a parse, from cue words, actor candidates and anaphora cues."""

from __future__ import annotations

import pytest

from peristiwa.annotation import sentence_from_markup
from peristiwa.annotation.selection import (
    ParseSelector,
    has_cue,
    parse_cues,
    select_article,
    selector_from,
    stems,
)


@pytest.fixture(scope="module")
def knowledge():
    from peristiwa.actors import load_knowledge

    return load_knowledge()


@pytest.fixture(scope="module")
def selector(knowledge):
    from peristiwa.events import load_dictionary

    cues = parse_cues(load_dictionary())
    return selector_from(cues.words, knowledge, cue_phrases=cues.phrases, speaker_cues=cues.speaker_words)


def _article(*markups: str):
    return [sentence_from_markup(m, article_id="a", index=i) for i, m in enumerate(markups)]


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("dikunjungi", "kunjung"), ("menyerang", "serang"), ("menyepakati", "sepakat"), ("memukul", "pukul"),
     ("mengirimkan", "kirim"), ("penandatanganan", "tandatangan"), ("serangan-serangan", "serang"),
     ("bertemu", "temu"), ("kecamannya", "kecam")],
)
def test_affix_stripper_proposes_the_lemma(form, lemma):
    assert lemma in stems(form)


def test_every_dictionary_lemma_is_reachable_from_forms_the_tagger_lemmatises_to_it(selector):
    # a word is a cue if its form or a proposed stem is a cue word
    sentence = sentence_from_markup("Pasukan itu dikirimkan kemarin .")
    assert has_cue(sentence, frozenset({"kirim"}))
    assert not has_cue(sentence_from_markup("Cuaca cerah sepanjang hari ."), selector.cue_words)


@pytest.mark.parametrize(
    ("markup", "parsed"),
    [
        ("Ia mengatakan bahwa cuaca di ibu kota cerah .", False),
        ("[Menteri Luar Negeri Iran]ORG melakukan perjalanan pada pagi hari .", False),
        ("Ia mengatakan [Amerika Serikat]LOC melakukan propaganda .", True),
        ("Ia mengatakan berita itu \" tidak \" berdasar .", True),
        ("Ia mengatakan [Amerika Serikat]LOC harus bersikap lebih hati-hati .", True),
        ("Ia berharap [Rusia]LOC memahami posisi itu .", True),
        # no event cue, but it names the speaker that a later "katanya" or "ia" refers to
        ("[Menteri Luar Negeri Iran]ORG mengatakan bahwa cuaca di [Teheran]LOC cerah .", True),
    ],
)
def test_a_bare_reporting_or_light_verb_is_no_event_cue_but_what_the_reported_clause_says_is(
    selector, markup, parsed
):
    # "mengatakan" or "melakukan" alone make no event; an accusation, a denial, a demand or a wish in what
    # is said does (speech-act cues, quotation marks inside a cue phrase skipped; obligation and wish words)
    article = _article("[Iran]LOC .", "Hujan turun .", "Hujan reda .", markup)
    assert select_article(selector, article) == ({3} if parsed else frozenset())


def test_article_without_foreign_actor_is_not_parsed(selector, knowledge):
    sentences = _article("[Presiden Joko Widodo]PER meresmikan jalan tol di [Jawa Tengah]LOC .",
                         "Ia mengatakan pembangunan akan dilanjutkan .")
    assert select_article(selector, sentences) == frozenset()


def test_event_sentences_and_their_context_are_parsed(selector, knowledge):
    sentences = _article(
        "[Menteri Luar Negeri Iran]ORG berada di [Moskow]LOC pada Senin .",      # 0 actors, no trigger
        "Cuaca di ibu kota cerah dan hangat sepanjang hari .",                   # 1 neither
        "[Rusia]LOC dan [Iran]LOC sepakat memperkuat kerja sama militer .",      # 2 actors + trigger
        "Harga minyak dunia naik dua persen pekan ini .",                        # 3 neither
        "Kedua negara juga membahas situasi di kawasan .",                       # 4 anaphora + trigger
        "Pertandingan sepak bola itu berakhir imbang .",                         # 5 neither
        "Sementara itu , banjir melanda sejumlah desa .",                        # 6 neither
        "Sebuah komite dibentuk untuk membahas anggaran .",                      # 7 trigger, no actor near
    )
    chosen = select_article(selector, sentences)
    assert {2, 4} <= chosen
    assert 0 not in chosen and 1 not in chosen  # ... but no actor in the sentence just before: not parsed
    assert not chosen & {3, 5, 6, 7}


def test_window_decides_how_far_back_context_reaches(knowledge):
    from peristiwa.events import load_dictionary

    cues = load_dictionary().cue_words()
    sentences = _article("[Presiden Iran]ORG hadir .", "Hujan turun .", "Hujan reda .",
                         "Pembicaraan berlangsung dua jam .")
    near = selector_from(cues, knowledge, window=3)
    far = selector_from(cues, knowledge, window=1)
    assert select_article(near, sentences) == {0, 3}
    assert select_article(far, sentences) == frozenset()


def test_selector_is_plain_data():
    selector = ParseSelector(cue_words=frozenset({"serang"}), both_states=frozenset(), titles=frozenset())
    assert selector.window == 1 and selector.home_iso3 == "IDN" and selector.scanner is None
