"""The bundled models load offline and annotate Indonesian; model resolution order and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peristiwa.nlp.pipeline import (
    BUNDLED_DIR,
    BUNDLED_FILES,
    ModelNotFoundError,
    NlpSettings,
    _collector_paused,
    _prepare,
    annotate,
    annotation_signature,
    load_pipeline,
    parse,
    resolve_models,
    tokenize_and_tag,
)

SENTENCE = (
    "Presiden Joko Widodo menggelar rapat terbatas dengan para menteri di Istana Merdeka, Jakarta, "
    "pada Senin."
)


def test_bundled_models_are_shipped() -> None:
    missing = [f for f in BUNDLED_FILES.values() if not (BUNDLED_DIR / f).exists()]
    assert not missing, f"bundled model files missing from {BUNDLED_DIR}: {missing}"
    total = sum((BUNDLED_DIR / f).stat().st_size for f in BUNDLED_FILES.values())
    assert total <= 60_000_000


def test_bundled_pipeline_annotates_indonesian(nlp) -> None:
    doc = nlp(SENTENCE)
    words = [w for s in doc.sentences for w in s.words]
    lemmas = {w.text: w.lemma for w in words}
    assert lemmas["menggelar"] == "gelar"
    assert sum(1 for w in words if w.head == 0) == len(doc.sentences)
    assert all(w.deprel for w in words)
    types = {e.type for e in doc.ents}
    assert "PER" in types and "LOC" in types
    assert any(e.type == "PER" and "Joko Widodo" in e.text for e in doc.ents)


def test_annotate_batches_and_keeps_alignment() -> None:
    settings = NlpSettings(threads=1)
    docs = annotate(["Polisi menangkap dua tersangka di Bandung.", "", SENTENCE], settings)
    assert len(docs) == 3
    assert docs[1].sentences == []
    assert docs[0].sentences[0].words[1].lemma == "tangkap"
    assert load_pipeline(settings) is load_pipeline(NlpSettings(threads=1))  # cached per settings


def _token_view(doc) -> list:
    return [[(t.text, t.start_char, t.end_char, t.spaces_after, tuple(w.text for w in t.words), t.ner)
             for t in s.tokens] for s in doc.sentences]


def test_texts_tokenized_together_come_out_as_each_would_alone() -> None:
    # tokenize_and_tag sends a whole batch through one tokenizer call: no text may see its neighbours
    texts = [
        "Menlu Retno bertemu Dr. Hassan Wirajuda di Jakarta, Senin.\nKedua negara membahas kerja samanya.",
        "  Iran mengecam serangan Israel.  ",
        "Presiden Joko Widodo menerima kunjungan PM Malaysia.\n\nPertemuan berlangsung tertutup.",
    ]
    settings = NlpSettings(threads=1)
    together = tokenize_and_tag(texts, settings)
    alone = [tokenize_and_tag([t], settings)[0] for t in texts]
    assert [_token_view(d) for d in together] == [_token_view(d) for d in alone]


def test_annotate_ends_sentences_at_line_breaks_with_offsets_into_the_text() -> None:
    text = ("Iran dan Rusia menggelar latihan bersama di Laut Kaspia.\nKerja Sama Pertahanan\n"
            "Kedua negara menandatangani perjanjian baru.\n\nBaca juga: Iran kecam Israel\n"
            "Menteri luar negeri Iran mengatakan hal itu")
    doc = annotate([text], NlpSettings(threads=1))[0]
    spans = [text[s.tokens[0].start_char:s.tokens[-1].end_char] for s in doc.sentences]
    assert spans == text.replace("\n\n", "\n").split("\n")
    assert all(text[t.start_char:t.end_char] == t.text for s in doc.sentences for t in s.tokens)
    assert doc.text == text
    assert {text[e.start_char:e.end_char] for e in doc.ents} >= {"Iran", "Israel"}
    heading = doc.sentences[1]
    assert all(w.head == 0 or 1 <= w.head <= len(heading.words) for w in heading.words)


@pytest.mark.parametrize("text", [
    "satu dua tiga " * 40,                      # one long line of words, no punctuation
    "x" * 130 + " kata " + "y" * 300,           # runs longer than the limit with no whitespace at all
    "pendek\n" + "kata " * 60 + "\nakhir",    # a long line between short ones
])
def test_overlong_lines_are_broken_and_offsets_map_back(text: str) -> None:
    prepared, inserted = _prepare(text, split_lines=True, max_line_chars=100)
    assert max(len(line) for line in prepared.split("\n")) <= 100
    kept = [c for i, c in enumerate(prepared) if i not in set(inserted)]
    assert "".join(kept) == text  # removing the inserted characters gives the text back


def test_a_long_sentence_without_punctuation_is_annotated_in_bounded_pieces() -> None:
    words = ["Pemerintah", "Iran", "dan", "Rusia", "membahas", "kerja", "sama", "energi", "di", "Moskow"]
    text = " ".join(words[i % len(words)] for i in range(3000))  # ~20,000 characters, no full stop
    settings = NlpSettings(threads=1, max_line_chars=500)
    doc = tokenize_and_tag([text], settings)[0]
    assert len(doc.sentences) >= len(text) // 500
    assert max(s.tokens[-1].end_char - s.tokens[0].start_char for s in doc.sentences) <= 500
    assert all(text[t.start_char:t.end_char] == t.text for s in doc.sentences for t in s.tokens)
    assert all(w.upos is None for s in doc.sentences for w in s.words)  # tokens and NER only so far
    parse(doc.sentences[:2], settings)
    assert all(w.head is not None for s in doc.sentences[:2] for w in s.words)
    assert all(w.head is None for w in doc.sentences[2].words)


def _touch(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    return str(path)


def _fake_official(root: Path) -> Path:
    """A STANZA_RESOURCES_DIR as stanza.download('id') lays it out, with pos and tokenize only."""
    (root / "resources.json").parent.mkdir(parents=True, exist_ok=True)
    (root / "resources.json").write_text(json.dumps({
        "id": {
            "default_processors": {"tokenize": "gsd", "pos": "gsd_charlm"},
            "tokenize": {"gsd": {}},
            "pos": {"gsd_charlm": {"dependencies": [{"model": "pretrain", "package": "conll17"},
                                                    {"model": "forward_charlm", "package": "oscar"}]}},
        }
    }))
    _touch(root / "id" / "tokenize" / "gsd.pt")
    _touch(root / "id" / "pos" / "gsd_charlm.pt")
    _touch(root / "id" / "pretrain" / "conll17.pt")
    _touch(root / "id" / "forward_charlm" / "oscar.pt")
    return root


def _fake_bundled(root: Path) -> Path:
    for f in BUNDLED_FILES.values():
        _touch(root / f)
    return root


def test_resolution_order(tmp_path: Path) -> None:
    official = _fake_official(tmp_path / "official")
    bundled = _fake_bundled(tmp_path / "bundled")
    mine = _touch(tmp_path / "mine" / "tok.pt")
    settings = NlpSettings(
        processors="tokenize,pos,ner",
        model_paths={"tokenize": mine},
        stanza_resources_dir=str(official),
        bundled_dir=str(bundled),
    )
    got = resolve_models(settings)
    assert (got["tokenize"].source, got["tokenize"].path) == ("configured", mine)
    assert got["pos"].source == "official"
    assert got["pos"].path == str(official / "id" / "pos" / "gsd_charlm.pt")
    assert dict(got["pos"].extra) == {
        "pos_pretrain_path": str(official / "id" / "pretrain" / "conll17.pt"),
        "pos_forward_charlm_path": str(official / "id" / "forward_charlm" / "oscar.pt"),
    }
    assert got["ner"].source == "bundled"  # Stanza has no official Indonesian NER
    assert dict(got["ner"].extra) == {"ner_pretrain_path": str(bundled / BUNDLED_FILES["pretrain"])}


def test_official_model_with_missing_dependency_falls_back(tmp_path: Path) -> None:
    official = _fake_official(tmp_path / "official")
    (official / "id" / "pretrain" / "conll17.pt").unlink()
    bundled = _fake_bundled(tmp_path / "bundled")
    settings = NlpSettings(processors="pos", stanza_resources_dir=str(official), bundled_dir=str(bundled))
    got = resolve_models(settings)
    assert got["pos"].source == "bundled"


def test_configured_path_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    settings = NlpSettings(processors="pos", model_paths={"pos": str(tmp_path / "nope.pt")})
    with pytest.raises(ModelNotFoundError, match="pos.*nope.pt"):
        resolve_models(settings)


def test_clear_error_when_nothing_found(tmp_path: Path) -> None:
    settings = NlpSettings(processors="tokenize,ner", stanza_resources_dir=str(tmp_path / "empty"),
                           bundled_dir=str(tmp_path / "no-bundle"))
    with pytest.raises(ModelNotFoundError) as err:
        resolve_models(settings)
    msg = str(err.value)
    assert "tokenize, ner" in msg
    assert "STANZA_RESOURCES_DIR" in msg and "stanza.download('id')" in msg
    assert str(tmp_path / "no-bundle" / "id_ner.pt") in msg


def test_settings_are_hashable_with_dict_paths() -> None:
    a = NlpSettings(model_paths={"pos": "/a", "ner": "/b"})
    b = NlpSettings(model_paths={"ner": "/b", "pos": "/a"})
    assert a == b and hash(a) == hash(b)
    assert a.configured() == {"pos": "/a", "ner": "/b"}


def test_the_same_models_in_another_directory_give_the_same_signature(tmp_path: Path) -> None:
    """A second clone, a container or CI must not re-annotate a corpus because the checkout moved."""
    first = _fake_bundled(tmp_path / "clone-a")
    second = _fake_bundled(tmp_path / "clone-b")
    settings = [NlpSettings(processors="tokenize,pos", bundled_dir=str(d)) for d in (first, second)]
    a, b = (annotation_signature(x) for x in settings)
    assert a == b
    assert not any(str(tmp_path) in v for v in a.values())


def test_the_parser_batch_size_changes_no_parse() -> None:
    # the resource parses in batches of 200 words to bound a worker's memory; Stanza's default is 1,500
    texts = [
        "Menteri Luar Negeri Iran bertemu dengan Duta Besar Rusia di Teheran untuk membahas kerja sama "
        "pertahanan kedua negara, termasuk pasokan sistem rudal dan latihan militer gabungan di Laut Kaspia.",
        "Pakistan mengecam serangan itu.\nAzerbaijan dan Israel menandatangani perjanjian dagang baru.",
        SENTENCE,
    ] * 4

    def parses(batch_size: int | None) -> list:
        docs = annotate(texts, NlpSettings(threads=1, depparse_batch_size=batch_size))
        return [[(w.head, w.deprel) for w in s.words] for d in docs for s in d.sentences]

    assert parses(None) == parses(30)


def test_the_collector_is_paused_and_restored() -> None:
    import gc

    assert gc.isenabled()
    with _collector_paused():
        assert not gc.isenabled()
        with _collector_paused():  # nested: the inner one leaves it off
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), _collector_paused():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with _collector_paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()
