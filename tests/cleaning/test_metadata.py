"""Title, publisher and publication date, each with its basis."""

from __future__ import annotations

import datetime as dt

import pytest

BODY = "Kedua menteri membahas kerja sama energi dan perdagangan di ibu kota."


def test_title_from_metadata_removes_printed_headline(clean):
    art = clean(f"Iran dan Rusia Bertemu\n{BODY}", title="Iran dan Rusia Bertemu")
    assert (art.title, art.title_basis) == ("Iran dan Rusia Bertemu", "metadata")
    assert art.text == BODY


def test_title_from_first_line_with_deck(clean):
    art = clean(f"Iran dan Rusia Bertemu\n\nKedua negara bahas energi\n\nJakarta, KabarContoh.id - {BODY}")
    assert (art.title, art.title_basis) == ("Iran dan Rusia Bertemu", "first_line")
    assert art.text == BODY
    assert [r.reason for r in art.removals].count("headline") == 2


def test_no_title_when_first_line_is_prose(clean):
    art = clean(f"{BODY}\n{BODY}")
    assert (art.title, art.title_basis) == (None, "none")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2019-07-31T12:38", dt.date(2019, 7, 31)),
        ("2017-03-28", dt.date(2017, 3, 28)),
        ("2019-09-10T17:01 WIB", dt.date(2019, 9, 10)),
    ],
)
def test_date_from_metadata(clean, published, expected):
    art = clean(f"{BODY} Senin (14/10/2024).", published=published)
    assert (art.published_date, art.published_date_basis) == (expected, "metadata")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Okt 19, 2021 10:36 Asia/Jakarta", dt.date(2021, 10, 19)),
        ("Agu 5, 2023", dt.date(2023, 8, 5)),
        ("Senin, 14 Oktober 2024 10:36 WIB", dt.date(2024, 10, 14)),
        ("3 Mei 2022", dt.date(2022, 5, 3)),
    ],
)
def test_date_from_header_timestamp(clean, header, expected):
    art = clean(f"{header}\n{BODY}")
    assert (art.published_date, art.published_date_basis, art.published_date_text) == (
        expected,
        "text_timestamp",
        header,
    )
    assert art.text == BODY


def test_weekday_date_picks_latest_consistent(clean):
    art = clean("Mereka bertemu Jumat (11/10/2024). Pernyataan itu dikutip Senin (14/10/2024).")
    assert art.published_date == dt.date(2024, 10, 14)
    assert art.published_date_basis == "text_weekday_date"
    assert art.published_date_text == "Senin (14/10/2024)"


def test_weekday_long_form(clean):
    art = clean("Ia wafat pada Rabu, 11 September 2019 pukul 18.05.")
    assert art.published_date == dt.date(2019, 9, 11)


def test_weekday_mismatch_and_missing_year_give_none(clean):
    # 14/10/2024 is a Monday, not a Tuesday; "Senin (4/11)" has no year.
    art = clean("Rapat digelar Selasa (14/10/2024) dan Senin (4/11).")
    assert (art.published_date, art.published_date_basis, art.published_date_text) == (None, "none", None)


def test_publisher_bases(clean):
    art = clean(BODY, source="Kompas.com")
    assert (art.publisher, art.publisher_basis) == ("Kompas", "metadata")
    art = clean(BODY, url="https://internasional.republika.co.id/berita/x")
    assert (art.publisher, art.publisher_basis) == ("Republika", "url")
    art = clean(BODY)
    assert (art.publisher, art.publisher_basis) == (None, "none")
