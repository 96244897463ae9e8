"""Unit tests: bytes -> text decisions, HTML detection, the language rule."""

from __future__ import annotations

import codecs

import pytest

from peristiwa.ingest.decode import decode_bytes, printable_excerpt
from peristiwa.ingest.language import classify_language
from peristiwa.ingest.markup import html_reason

from .texts import ENGLISH, HTML_PAGE, ID_CP1252, ID_DIPLOMASI, ID_PEMILU, ID_WITH_LYRICS, MALAY


@pytest.mark.parametrize(
    ("data", "encoding", "converted"),
    [
        (ID_CP1252.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + ID_CP1252.encode("utf-8"), "utf-8-sig", False),
        (ID_CP1252.encode("utf-16"), "utf-16", True),
        (codecs.BOM_UTF16_BE + ID_CP1252.encode("utf-16-be"), "utf-16", True),
        (ID_CP1252.encode("utf-32"), "utf-32", True),
        (ID_CP1252.encode("cp1252"), "cp1252", True),
        (ID_PEMILU.encode("utf-16-le"), "utf-16-le", True),  # no BOM: NUL in every other byte
    ],
)
def test_decodes_and_records_encoding(data: bytes, encoding: str, converted: bool) -> None:
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.converted, decoded.reason) == (encoding, converted, None)
    assert decoded.text in (ID_CP1252, ID_PEMILU)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"abc\x01\x02\x03\x04" * 50, "binary"),  # control characters, no NUL
        (("Министр встретился с коллегой. " * 10).encode("cp1251"), "undecodable"),  # not safely cp1252
        (b"Presiden \x81\x8d bertemu", "undecodable"),  # bytes undefined in cp1252
        (codecs.BOM_UTF8 + b"caf\xe9 " * 10, "undecodable"),  # claims UTF-8 but is not
    ],
)
def test_refuses_what_is_not_safely_text(data: bytes, reason: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text is None and decoded.reason == reason and decoded.message


def test_printable_excerpt_masks_control_bytes() -> None:
    excerpt = printable_excerpt(b"ab\x00c\nd" + b"x" * 500)
    assert excerpt is not None and excerpt.startswith("ab\ufffdc d") and len(excerpt) == 200


def test_html_detection() -> None:
    assert html_reason(HTML_PAGE)
    assert html_reason("<div><p>" + ID_PEMILU + "</p></div>" * 30)  # a page fragment, no doctype
    assert html_reason(ID_PEMILU) is None
    # Prose with a couple of inline tags is an article, not a page.
    assert html_reason(ID_PEMILU.replace("KPU", "<b>KPU</b>", 1) + "<br>" + ID_DIPLOMASI) is None


def test_language_rule() -> None:
    assert classify_language(ID_DIPLOMASI).accepted
    assert classify_language(ID_PEMILU).language == "id"
    english = classify_language(ENGLISH)
    assert (english.language, english.accepted) == ("en", False)
    malay = classify_language(MALAY)
    assert (malay.language, malay.accepted) == ("ms", False) and "Malay" in malay.message
    # Lede rule: Indonesian lede, English lyrics after it.
    lyrics = classify_language(ID_WITH_LYRICS)
    assert lyrics.accepted and "lede" in lyrics.message
    # Non-Latin quotations (an Arabic verse) do not tip Indonesian prose into another language.
    verse = "إِنَّ عِدَّةَ الشُّهُورِ عِنْدَ اللَّهِ اثْنَا عَشَرَ شَهْراً فِي كِتَابِ اللَّهِ "
    assert classify_language(ID_PEMILU[:200] + verse * 4 + ID_DIPLOMASI).accepted
    # A text mostly in another script is still identified as that language.
    assert not classify_language("Президент Индонезии встретился с министром иностранных дел. " * 5).accepted
    assert classify_language("12345 67890 ,,,, ---").language == "und"
