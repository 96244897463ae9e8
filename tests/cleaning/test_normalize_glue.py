"""Unicode normalisation and glued-word repair."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u201cKami siap,\u201d katanya.", '"Kami siap," katanya.'),
        ("Itu \u2018resmi\u2019 kata dia.", "Itu 'resmi' kata dia."),
        ("Iran\u2013Rusia \u2014 dan lainnya.", "Iran-Rusia - dan lainnya."),
        ("Harga\u00a0naik\u200b tajam.", "Harga naik tajam."),
        ("Tu\u0308rkiye menolak.", "T\u00fcrkiye menolak."),  # NFC composes u + combining diaeresis
        ("Ia tiba\u2026 lalu pergi.", "Ia tiba... lalu pergi."),
        (
            "\u201a\u00c4\u00faKami siap,\u201a\u00c4\u00f9 katanya.",
            '"Kami siap," katanya.',
        ),  # MacRoman mojibake
        ("Harga\u00ac\u2020naik.", "Harga naik."),  # mojibake NBSP
    ],
)
def test_unicode_normalisation(clean, raw, expected):
    art = clean(raw)
    assert art.text == expected
    assert any(r.reason == "unicode" for r in art.removals)


def test_real_accents_survive(clean):
    text = "Pok\u00e9mon dan T\u00fcrkiye tetap utuh."
    assert clean(text).text == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("media Iran, IRNADiberitakan, latihan digelar.", "media Iran, IRNA Diberitakan, latihan digelar."),
        ("Menurut IRNAdua kapal dikerahkan.", "Menurut IRNA dua kapal dikerahkan."),
        ("dikutip AFPpada Senin.", "dikutip AFP pada Senin."),
        ("Laporan ReutersMenyebutkan hal itu.", "Laporan Reuters Menyebutkan hal itu."),
        ("Menurut CNNIndonesia kemarin.", "Menurut CNN Indonesia kemarin."),
    ],
)
def test_glue_repair_positive(clean, raw, expected):
    art = clean(raw)
    assert art.text == expected
    assert any(r.reason == "glue_repair" for r in art.removals)


@pytest.mark.parametrize(
    "text",
    [
        "Ia makan di McDonald bersama iPhone barunya.",
        "Anggota DPRD menonton YouTube dan bermain PlayStation.",
        "Ketua KPKnya hadir, begitu pula AFPI dan SINDOnews.",
        "Gaya OOTDnya dipuji di JIExpo.",
    ],
)
def test_glue_repair_negative(clean, text):
    art = clean(text)
    assert art.text == text
    assert not any(r.reason == "glue_repair" for r in art.removals)
