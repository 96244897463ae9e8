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
        ('- {id: x, code: "190"}', "needs 'root' \\+ 'forms', 'words' or 'phrases'"),
        ('- {id: x, code: "190", root: serang}', "'root' and 'forms' go together"),
        ('- {id: x, code: "190", forms: [meN]}', "'root' and 'forms' go together"),
        ('- {id: x, code: "190", root: serang, forms: [meN-xyz]}', "unknown affix pattern 'meN-xyz'"),
        ('- {id: x, code: "190", root: "serang dua", forms: [meN]}', "a root is one word of letters"),
        ('- {id: x, code: "190", root: serang, forms: meN}', "expected a list of affix patterns"),
        (
            '- {id: x, code: "019", words: [a], negated_code: 111}',
            "negated_code: CAMEO code must be a quoted",
        ),
        ('- {id: x, code: "019", words: [a], negated_code: "999"}', "negated_code: unknown CAMEO code"),
        ('- {id: x, code: "190", words: [a], examples: "A menyerang B."}', "examples: expected a list"),
        ('- {id: x, code: "190", words: [a], examples: [{expect: []}]}', r"examples\[0\]: expected \{text"),
        (
            '- {id: x, code: "190", words: [a], examples: [{text: t, expect: ["IRN ISR 190"]}]}',
            "want 'SRC->TGT CODE'",
        ),
        (
            '- {id: x, code: "190", words: [a], examples: [{text: t, colour: red}]}',
            r"examples\[0\]: expected",
        ),
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


def _load(tmp_path, entry):
    path = tmp_path / "t.yaml"
    path.write_text(f'version: "t"\ntriggers:\n  - {entry}\n')
    return load_dictionary(path, load_cameo())


def test_family_expands_as_documented(tmp_path):
    """root + forms give every affixed form (nasal assimilation, clitics) with its category."""
    (t,) = _load(tmp_path, '{id: v, code: "042", root: kunjung, forms: [ber, meN-i, di-i, -an]}').triggers
    assert {"berkunjung", "mengunjungi", "dikunjungi", "kunjungan", "kunjungannya"} <= t.words
    assert "kunjung" not in t.words and "pengunjung" not in t.words
    assert [t.category(w) for w in ("berkunjung", "mengunjungi", "dikunjungi", "kunjungan")] == [
        "active",
        "active",
        "passive",
        "noun",
    ]
    assert t.roots == ("kunjung",) and t.forms == ("ber", "meN-i", "di-i", "-an")


@pytest.mark.parametrize(
    ("root", "forms", "expected"),
    [
        ("pasok", "[meN, di, -an]", {"memasok", "dipasok", "pasokan"}),
        ("kirim", "[meN-kan, peN-an]", {"mengirimkan", "pengiriman"}),
        ("tuduh", "[meN]", {"menuduh"}),
        ("serang", "[meN, peN-an]", {"menyerang", "penyerangan"}),
        ("kritik", "[meN]", {"mengkritik", "mengritik"}),
        ("bom", "[meN]", {"membom", "mengebom"}),
        ("runding", "[ber, per-an]", {"berunding", "perundingan"}),
        ("ingat", "[memper-kan, per-an]", {"memperingatkan", "peringatan"}),
        ("tandatangan", "[meN-i, peN-an]", {"menandatangani", "penandatanganan"}),
    ],
)
def test_nasal_assimilation_and_prefix_rules(tmp_path, root, forms, expected):
    (t,) = _load(tmp_path, f'{{id: x, code: "190", root: {root}, forms: {forms}}}').triggers
    assert expected <= t.words


def test_several_roots_share_the_patterns_and_words_add_irregulars(tmp_path):
    (t,) = _load(
        tmp_path, '{id: x, code: "016", root: [bantah, sangkal], forms: [meN, -an], words: [menepis]}'
    ).triggers
    assert {"membantah", "bantahan", "menyangkal", "sangkalan", "menepis"} <= t.words
    assert t.category("menepis") == "active"


def test_new_fields_v2_load(tmp_path):
    (t,) = _load(
        tmp_path,
        '{id: x, code: "019", words: [sependapat], negated_code: "111", gloss: "accord",'
        ' examples: [{text: "Jerman tidak sependapat dengan Polandia.", expect: ["DEU->POL 111"]},'
        ' {text: "Jerman sependapat.", expect: []}, {text: "A.", expect: "DEU->POL 019"}]}',
    ).triggers
    assert t.negated_code == "111" and t.gloss == "accord"
    assert [e.expect for e in t.examples] == [("DEU->POL 111",), (), ("DEU->POL 019",)]


# ---- the shipped dictionary -------------------------------------------------------------------------------


def test_every_entry_is_documented_with_an_example(dictionary, cameo):
    for t in dictionary.triggers:
        assert t.gloss.strip(), f"{t.id}: no gloss"
        assert t.examples, f"{t.id}: no example sentence"
        for ex in t.examples:
            for e in ex.expect:
                assert e.rsplit(" ", 1)[1] in cameo, f"{t.id}: {e}"


def test_every_root_has_entries_and_forms(dictionary):
    cov = dictionary.coverage()
    assert sorted(cov) == [f"{i:02d}" for i in range(1, 21)]
    # the roots the unseen articles showed thin (02, 09, 10, 12, 13) have several entries and forms now
    for root in ("02", "09", "10", "12", "13"):
        entries, forms = cov[root]
        assert entries >= 3 and forms >= 15, (root, cov[root])


def test_reversing_cooperation_is_reduce_relations(dictionary):
    """Suspend/freeze/postpone/cancel/leave + a cooperation noun is 16x: each verb family has an entry per
    object class, and the object decides the subcode."""
    entries = {t.id: t for t in dictionary.triggers}
    for tid, objects in {
        "suspend_cooperation": {"kerja", "program", "latihan", "perjanjian"},
        "stop_aid": {"bantuan"},
        "halt_talks": {"perundingan", "negosiasi"},
        "cancel_visit": {"kunjungan", "pertemuan"},
        "cut_ties": {"hubungan"},
        "suspend_trade": {"impor", "aset"},
    }.items():
        t = entries[tid]
        assert t.code.startswith("16") and objects <= t.requires_object, tid
        assert {"membekukan", "menangguhkan", "menghentikan"} & t.words or "menunda" in t.words, tid
    assert entries["suspend_cooperation"].modifiers["militer"].code == "1622"
    assert {p for p in entries["leave_agreement"].phrases} >= {
        ("keluar", "dari"),
        ("menarik", "diri", "dari"),
    }


def test_negation_that_is_the_act(dictionary):
    entries = {t.id: t for t in dictionary.triggers}
    assert entries["concur"].negated_code == "111"
    assert entries["willing_supply"].negated_code == "122"
    assert ("tidak", "setuju", "dengan") in entries["disagree"].phrases
    assert ("tak", "lagi", "bersedia") in entries["unwilling"].phrases


def test_homographs_are_not_bare_triggers(dictionary):
    """Words that are mostly not political acts never trigger alone: the spokesperson's "bicara", prices,
    fighter jets, sitting, visitors, attackers; and the risky verbs only fire with their object."""
    words = dictionary.by_word()
    for w in (
        "bicara",
        "harga",
        "tempur",
        "duduk",
        "pengunjung",
        "penyerang",
        "pelatih",
        "pendukung",
        "tahanan",
        "pertahanan",
        "bertolak",
        "terancam",
        "penyelidik",
    ):
        assert w not in words, f"{w!r} triggers {[t.id for t in words[w]]}"
    for w in (
        "menekan",
        "menjamu",
        "memperingatkan",
        "menempatkan",
        "melanggar",
        "mengusir",
        "menarik",
        "membekukan",
        "menguasai",
        "melepaskan",
    ):
        assert words[w] and all(t.requires_object for t in words[w]), w
    blocked = {" ".join(p) for p in dictionary.non_events}
    assert {"serangan jantung", "kapal perang", "menduduki peringkat", "penyerang"} <= blocked


def test_cue_words_and_phrases_are_triggers_and_speech_act_cues_not_bare_light_or_reporting_verbs(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(
        'version: "t"\nlight_verbs: [Melancarkan]\nreporting_verbs: [kata]\ntriggers:\n'
        '  - {id: a, code: "190", words: [Serangan, serang]}\n'
        '  - {id: b, code: "050", phrases: ["kerja sama", "Kolaborasi"], modifiers: {militer: "062"}}\n'
    )
    d = load_dictionary(path, load_cameo())
    cues = d.cue_words()
    assert {"serangan", "serang", "kolaborasi"} <= cues
    # a light or reporting verb makes an event only with a trigger or a speech-act cue beside it
    assert "melancarkan" not in cues and "kata" not in cues and not d.speech_acts.frames & cues
    # what a reported clause says can make it an accusation or a denial (speech_acts.yaml beside the file)
    assert {"disinformasi", "hoaks"} <= cues
    assert {("kerja", "sama"), ("tidak", "berdasar")} <= d.cue_phrases()
    assert "militer" not in cues  # a modifier only refines a trigger; alone it triggers nothing
    assert "sama" not in cues and "kerja" not in cues  # a word of a longer phrase is no cue alone


def test_shipped_cues_include_every_trigger_and_speech_act_cue(dictionary):
    cues, phrases = dictionary.cue_words(), dictionary.cue_phrases()
    for trigger in dictionary.triggers:
        assert trigger.words <= cues, trigger.id
        assert all(p in phrases or (len(p) == 1 and p[0] in cues) for p in trigger.phrases), trigger.id
    for cue in (cue for act in dictionary.speech_acts.acts for cue in act.cues):
        assert cue in phrases or (len(cue) == 1 and cue[0] in cues), cue
    assert all(w == w.casefold() and " " not in w for w in cues)


def test_headline_verbs_are_the_bare_meN_verbs_of_entries(tmp_path):
    path = tmp_path / "t.yaml"
    entries = ('  - {id: meet, code: "040", root: temu, forms: [ber, meN-i]}\n'
               '  - {id: ask, code: "020", root: minta, forms: [meN, di]}\n')
    path.write_text(f'version: "t"\nheadline_verbs: [temui, Minta]\ntriggers:\n{entries}')
    d = load_dictionary(path, load_cameo())
    owners = {w: [t.id for t in ts] for w, ts in d.headline_verbs.items()}
    assert owners == {"temui": ["meet"], "minta": ["ask"]}
    # "temu" is the root, but no meN- verb of the entry drops its prefix to it
    path.write_text(f'version: "t"\nheadline_verbs: [temu]\ntriggers:\n{entries}')
    with pytest.raises(DictionaryError, match="headline_verbs: 'temu' is no entry's root"):
        load_dictionary(path, load_cameo())


def test_headline_verbs_are_cue_words_so_selective_parsing_parses_their_headlines():
    d = load_dictionary()
    assert d.headline_verbs and set(d.headline_verbs) <= d.cue_words()


def test_speech_act_actor_before_loads_and_a_bad_value_is_a_clear_error(tmp_path, cameo):
    from peristiwa.events.coding.speech import load_speech_acts

    shipped = {a.id: a for a in load_speech_acts(cameo=cameo).acts}
    assert shipped["name_culprit"].actor_before and not shipped["blame"].actor_before
    bad = tmp_path / "speech_acts.yaml"
    bad.write_text('version: "t"\nframes: [mengatakan]\n'
                   'acts:\n  - {id: x, code: "112", cues: [dalang], actor_before: "yes"}\n', encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"acts\[0\] \(x\)\.actor_before: expected true or false"):
        load_speech_acts(bad, cameo)
