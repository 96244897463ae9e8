"""Tokenizer repairs with the real bundled tokenizer: no sentence ends at a title's full stop, lexical -nya
words and words that merely end in "-nye" stay one word, real clitics are still split."""

from __future__ import annotations

import pytest

from peristiwa.nlp.pipeline import NlpSettings, load_pipeline
from peristiwa.nlp.tokenizer_repair import TokenizerRepair, default_repair

TEXT = (
    "Kepala Sekolah pada waktu itu adalah Drs. AS Setiadi. "
    "Acara dimulai dengan pidato Ketua Fakultas Prof. Ir. CGJ Vreedenburgh. "
    "Dewan menerima laporan dari Prijo S. Parwoto. Rapat ditutup pukul 10."
)
TOKENS = "Akhirnya negara lainnya memulai kampanye itu, dan presidennya biasanya hadir."


def _settings() -> NlpSettings:
    return NlpSettings(processors="tokenize,mwt", threads=1)


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        (["adalah", "Drs", "."], True),       # UD splits "Drs" "."
        (["pidato", "Ir."], True),            # or keeps it whole
        (["Prijo", "S", "."], True),          # a name initial
        (["vitamin", "C", "."], False),       # a capital letter after a common noun ends a sentence
        (["rapat", "selesai", "."], False),
        (["Setiadi", "SH", "."], False),      # a degree after a name is not listed: it often ends sentences
        ([], False),
    ],
)
def test_ends_in_abbreviation(words: list[str], joined: bool) -> None:
    assert default_repair().ends_in_abbreviation(words) is joined


@pytest.mark.parametrize(
    ("token", "splittable"),
    [("presidennya", True), ("Bukunya", True), ("apakah", True), ("Akhirnya", False), ("lainnya", False),
     ("kampanye", False), ("nya", False), ("Langkah", False), ("langkah-langkah", False), ("bukanlah", True)],
)
def test_splittable(token: str, splittable: bool) -> None:
    assert default_repair().splittable(token) is splittable


def test_repair_keeps_multiword_tokens_and_joins_chains() -> None:
    repair = TokenizerRepair(frozenset({"Prof", "Ir"}), clitics=("nya",), lexicalised=frozenset({"lainnya"}))
    sents = [["oleh", "Prof", "."], ["Ir."], [("bukunya", True), ("lainnya", True), "."], ["Baru", "."]]
    assert repair(sents) == [["oleh", "Prof", ".", "Ir.", ("bukunya", True), "lainnya", "."], ["Baru", "."]]


def test_malformed_repairs_file_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "repairs.yaml"
    bad.write_text("version: x\nbefore_name: Dr\n", encoding="utf-8")
    with pytest.raises(ValueError, match="before_name"):
        TokenizerRepair.from_file(bad)


def test_pretokenized_settings_do_not_use_the_repair() -> None:
    assert NlpSettings().uses_tokenizer_repair
    assert not NlpSettings(tokenize_pretokenized=True).uses_tokenizer_repair
    assert not NlpSettings(repair_tokens=False).uses_tokenizer_repair
    assert not NlpSettings(processors="pos").uses_tokenizer_repair


def test_pipeline_does_not_split_after_titles() -> None:
    sentences = [s.text for s in load_pipeline(_settings())(TEXT).sentences]
    assert sentences == [
        "Kepala Sekolah pada waktu itu adalah Drs. AS Setiadi.",
        "Acara dimulai dengan pidato Ketua Fakultas Prof. Ir. CGJ Vreedenburgh.",
        "Dewan menerima laporan dari Prijo S. Parwoto.",
        "Rapat ditutup pukul 10.",
    ]


def test_pipeline_words_of_lexical_nya_and_clitics() -> None:
    words = [w.text for s in load_pipeline(_settings())(TOKENS).sentences for w in s.words]
    assert {"Akhirnya", "lainnya", "kampanye", "biasanya"} <= set(words)
    assert "nya" in words and "presiden" in words  # a possessive clitic is still its own word


def test_pipeline_keeps_lexical_kah_words_whole() -> None:
    # the bundled tokenizer marks "Langkah" and "tingkah" as word + "-kah"; a question's "-kah" still splits
    text = "Langkah Israel itu dikecam Iran. Apakah tingkah itu disengaja?"
    words = [w.text for s in load_pipeline(_settings())(text).sentences for w in s.words]
    assert "Langkah" in words and "tingkah" in words and "Lang" not in words
    assert words[words.index("Apa") + 1] == "kah"


def test_annotate_never_joins_across_documents_or_lines() -> None:
    from peristiwa.nlp.pipeline import annotate

    first = "Foto kiriman Prijo S."  # ends like a name initial
    second = "Iran mengecam serangan itu.\nKepala Sekolah Drs.\nAS Setiadi hadir."
    docs = annotate([first, second], _settings())
    assert [s.text for s in docs[0].sentences] == ["Foto kiriman Prijo S."]
    spans = [second[s.tokens[0].start_char:s.tokens[-1].end_char] for s in docs[1].sentences]
    assert spans == ["Iran mengecam serangan itu.", "Kepala Sekolah Drs.", "AS Setiadi hadir."]
    for text, doc in zip([first, second], docs, strict=True):
        assert all(text[t.start_char:t.end_char] == t.text for s in doc.sentences for t in s.tokens)
