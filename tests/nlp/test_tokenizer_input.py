"""The tokenizer's model input and the decoding of its predictions are exactly what Stanza's code makes."""

from __future__ import annotations

import copy
import random

import numpy as np
import pytest
from stanza.models.tokenization import data as stanza_data
from stanza.models.tokenization import utils
from stanza.pipeline import tokenize_processor

from peristiwa.nlp import tokenizer_decoding, tokenizer_input

# Stanza's own code, kept before any pipeline load swaps it
STANZA_DATASET = stanza_data.TokenizationDataset
STANZA_DECODE = utils.decode_predictions

# whitespace of every kind Stanza treats specially (blank lines with control characters between them, C1
# controls, no-break and ideographic spaces, line separators), digits that are and are not \d, capitals that
# are and are not upper case, characters the vocabulary does not know, URLs and e-mail addresses
TEXTS = [
    "",
    "   \n\n \t ",
    "Menlu Iran  bertemu\n\ndengannya di Baku. Ia berkata.",
    "  Rusia dan Iran sepakat, katanya.\n",
    "Baris satu\nbaris dua\r\nbaris tiga\n \u0085\u0097 \nparagraf baru\u0097kata\u00a0 \u3000x",
    "Harga Rp 10.000,50 naik 1.234.567 atau 12,5% (١٢٣ dan x² ³) pada 2024-01-05 pukul 07.30 WIB.",
    "Lihat https://www.kompas.com/berita/2024/01/05/abc?x=1&y=2, www.detik.com atau tim@kpu.go.id sekarang!",
    "ÉCOLE Ñandú ǅemal ÀÖ straße İstanbul 😀 \ud83d émoji « kutip » — “kutipan” ‘satu’ …",
    "Tab\tdan\u00a0spasi .\u2028baru\u2029lagi\x0bv\x0cf\x1c\x1d\x1e\x1f",
    "A" * 1500 + " " + "b." * 700,
    "Dr. H. M. Jusuf Kalla, S.E., tiba di Jl. Merdeka No. 1 pukul 10.00 WIB; ia (JK) berkata: \"Ya!\"",
]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = list("aAbBzZ09.,;:!?'\"()-/ ") + [" ", " ", "\n", "\n\n", "\t", "\u00a0", "\u0085", "é", "١",
                                                "😀"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))) for _ in range(count)]


def _config(nlp) -> dict:
    return nlp.processors["tokenize"].config


def _vocab(nlp):
    return nlp.processors["tokenize"].vocab


def _dataset(nlp, text: str, evaluation: bool, cls=tokenizer_input.TokenizationDataset):
    return cls(_config(nlp), input_text=text, vocab=_vocab(nlp), evaluation=evaluation)


def _same_arrays(ours: np.ndarray, theirs: np.ndarray) -> None:
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    assert np.array_equal(ours, theirs)


@pytest.mark.parametrize("text", TEXTS + _random_texts(60, 5))
def test_model_input_equals_stanzas(nlp, text: str) -> None:
    assert STANZA_DATASET.__module__ == stanza_data.__name__
    ours = _dataset(nlp, text, True)
    theirs = STANZA_DATASET(_config(nlp), input_text=text, vocab=_vocab(nlp), evaluation=True)
    assert ours.data == theirs.data
    for para in theirs.data:
        (got,), (want,) = ours.para_to_sentences(para), theirs.para_to_sentences(para)
        for a, b in zip(got[:3], want[:3], strict=True):
            _same_arrays(a, b)
        assert got[3] == want[3]


def test_training_data_runs_stanzas_code(nlp) -> None:
    text = "Menlu Iran  bertemu.\n\nIa  berkata."
    ours = _dataset(nlp, text, False)
    assert not hasattr(ours, "_feature_funcs")
    assert ours.data == _dataset(nlp, text, False, STANZA_DATASET).data


def _raw_and_random_preds(nlp, text: str, rng: random.Random, force_end: bool):
    dataset = tokenizer_input.TokenizationDataset(_config(nlp), input_text=text, vocab=_vocab(nlp),
                                                  evaluation=True)
    all_raw = [[unit for unit, _ in para] for para in dataset.data]
    all_preds = []
    for raw in all_raw:
        weights = rng.choice([(8, 3, 1, 1, 1), (1, 1, 1, 0, 0), (20, 2, 1, 0, 0), (0, 1, 0, 0, 0)])
        pred = np.array(rng.choices(range(5), weights=weights, k=len(raw)), dtype=np.int64)
        if force_end and pred[-1] < 2:
            pred[-1] = 2  # what Stanza's predict does with a paragraph's last character
        all_preds.append(pred)
    return all_raw, all_preds


@pytest.mark.parametrize("no_ssplit", [False, True])
def test_decoding_equals_stanzas(nlp, no_ssplit: bool) -> None:
    assert STANZA_DECODE.__module__ == utils.__name__
    rng = random.Random(17)
    for text in TEXTS + _random_texts(150, 6):
        for _ in range(3):
            all_raw, all_preds = _raw_and_random_preds(nlp, text, rng, force_end=True)
            args = (_vocab(nlp), None, text, all_raw, all_preds, no_ssplit, False, False)
            theirs = STANZA_DECODE(*copy.deepcopy(args))
            assert tokenizer_decoding.decode_predictions(*args) == theirs


def test_decoding_errors_are_stanzas(nlp) -> None:
    rng = random.Random(3)
    all_raw, all_preds = _raw_and_random_preds(nlp, "Iran dan Rusia. Turki", rng, force_end=True)
    with pytest.raises(ValueError, match="Could not find"):
        tokenizer_decoding.decode_predictions(_vocab(nlp), None, "Iran dan Turki", all_raw, all_preds,
                                              False, False, False)
    all_preds[-1][-1] = 0  # the last token never ends
    with pytest.raises(ValueError, match="still text left"):
        STANZA_DECODE(_vocab(nlp), None, "Iran dan Rusia. Turki", all_raw, all_preds, False, False, False)
    with pytest.raises(ValueError, match="still text left"):
        tokenizer_decoding.decode_predictions(_vocab(nlp), None, "Iran dan Rusia. Turki", all_raw, all_preds,
                                              False, False, False)


def test_the_loaded_tokenizer_uses_them_and_tokenizes_as_stanzas_code_does(nlp) -> None:
    text = ("Dubes RI untuk Iran , Ronny P. Yuliantoro, mengatakan hal itu kepada wartawan.\n\n"
            "Kunjungannya  ke Teheran berlangsung dua hari; ia bertemu Menlu Iran.\nLihat www.kompas.com, "
            "Rp 10.000,50\u00a0naik\t12,5%.\n \u0085\n" + TEXTS[7] + "\n\n" + TEXTS[9])
    # the pipeline load installed them
    assert tokenize_processor.TokenizationDataset is tokenizer_input.TokenizationDataset
    assert utils.decode_predictions is tokenizer_decoding.decode_predictions
    ours = nlp(text)
    try:
        tokenize_processor.TokenizationDataset = STANZA_DATASET
        utils.decode_predictions = STANZA_DECODE
        theirs = nlp(copy.copy(text))
    finally:
        tokenizer_input.install()
        tokenizer_decoding.install()
    assert ours.to_dict() == theirs.to_dict()
    assert [(t.spaces_before, t.spaces_after) for s in ours.sentences for t in s.tokens] == [
        (t.spaces_before, t.spaces_after) for s in theirs.sentences for t in s.tokens]
