"""One test per boilerplate rule family, on sentences written for these tests."""

from __future__ import annotations

import pytest

BODY = "Menteri luar negeri kedua negara bertemu di Ankara untuk membahas kerja sama ekonomi."


def reasons(article) -> list[str]:
    return [r.reason for r in article.removals]


@pytest.mark.parametrize(
    ("head", "place", "publisher"),
    [
        ("Jakarta, Pahami.id \u2014 ", "Jakarta", "Pahami.id"),
        ("Jakarta, IDN Times - ", "Jakarta", "IDN Times"),
        ("REPUBLIKA.CO.ID, MOSKOW -- ", "Moskow", "Republika"),
        ("TEMPO.CO, Jakarta - ", "Jakarta", "Tempo"),
        ("BANDUNG - ", "Bandung", None),
        ("Jakarta (ANTARA News) - ", "Jakarta", "Antara"),
        ("Sukabumi, Jawa Barat (ANTARA News) - ", "Sukabumi, Jawa Barat", "Antara"),
        ("JAKARTA (Pos Kota) -", "Jakarta", "Pos Kota"),
        ("JAKARTA -", "Jakarta", None),
        ("ITALIA- ", "Italia", None),
        ("Jeddah, Saudi Arabia, 27 / 11 (Antara) - ", "Jeddah", "Antara"),
        ("New York, Boston, (ANTARA News) - ", "New York", "Antara"),
        ("Suara.com - ", None, "Suara"),
        ("KOMPAS.com - ", None, "Kompas"),
        ("JUARA.NET - ", None, "Juara"),
    ],
)
def test_dateline_forms(clean, head, place, publisher):
    art = clean(head + BODY)
    assert art.text == BODY
    assert art.dateline_place == place
    assert art.publisher == publisher
    assert art.publisher_basis == ("dateline" if publisher else "none")
    assert "dateline" in reasons(art)


def test_dateline_alone_on_first_line(clean):
    art = clean("Surabaya, KabarContoh.id \u2014\n" + BODY)
    assert art.text == BODY and art.dateline_place == "Surabaya"


@pytest.mark.parametrize(
    "first", ["NATO-Rusia sepakat memperpanjang dialog.", "Undang-Undang itu disahkan DPR."]
)
def test_compound_with_a_dash_is_not_a_dateline(clean, first):
    art = clean(first + "\n" + BODY)
    assert art.dateline_place is None and art.text.startswith(first)


def test_site_name_as_subject_is_not_a_dateline(clean):
    text = "Detik.com melaporkan kedua menteri bertemu.\n" + BODY
    art = clean(text)
    assert art.text.startswith("Detik.com melaporkan") and art.publisher is None


def test_body_sentence_with_comma_is_not_a_dateline(clean):
    text = "Menurut Jakarta, kesepakatan itu penting.\n" + BODY
    assert clean(text).dateline_place is None


def test_byline_and_exit_mobile_version(clean):
    art = clean(f"{BODY}\n\nEditor: Budi\n\nExit mobile version")
    assert art.text == BODY
    assert {"byline", "site_chrome"} <= set(reasons(art))


def test_read_also_line_removed_body_kept(clean):
    art = clean(f"{BODY}\nBaca Juga: Harga Cabai Naik di Pasar Induk\nKedua pihak sepakat bertemu lagi.")
    assert "Baca Juga" not in art.text
    assert art.text.endswith("Kedua pihak sepakat bertemu lagi.")
    assert "read_also" in reasons(art)


def test_tags_footer_cuts_tag_list(clean):
    art = clean(f"{BODY}\nTags\nIran\nRusia")
    assert art.text == BODY
    assert [r.text for r in art.removals if r.reason == "tags"] == ["Tags", "Iran", "Rusia"]


@pytest.mark.parametrize("tail", ["\n(blq/rds)", " (RM)", "\n(dkw)"])
def test_initials_removed(clean, tail):
    art = clean(BODY + tail)
    assert art.text == BODY
    assert "initials" in reasons(art)


def test_acronym_in_prose_is_not_initials(clean):
    text = "Dukungan datang dari Amerika Serikat (AS) dan sekutunya."
    assert clean(text).text == text


def test_duplicate_caption_kept_once_as_span(clean):
    cap = "Kedua menteri berjabat tangan di Ankara."
    art = clean(f"  \u2022 {cap}\n    {cap}\n\n{BODY}")
    assert art.text.count(cap) == 1
    assert [(s.kind, art.text[s.start : s.end]) for s in art.spans] == [("caption", cap)]
    assert "duplicate_caption" in reasons(art)


def test_numbered_subheading_is_a_span(clean):
    sub = "1. Kedua negara sepakat memperkuat kerja sama"
    art = clean(f"{BODY}\n{sub}\n{BODY}")
    assert [art.text[s.start : s.end] for s in art.spans if s.kind == "subheading"] == [sub]


def test_idn_writer_footer_cuts_bio(clean):
    art = clean(f"{BODY}\nRina Photo Verified Writer Rina\nSuka menulis\nIDN Times Community adalah media x.")
    assert art.text == BODY
    assert art.publisher == "IDN Times" and art.publisher_basis == "text"


def test_scraper_comma_joins_repaired(clean):
    art = clean(' , - Presiden tiba di Ankara.,Ia disambut menteri,,,,"Kami senang," katanya,Senin.,')
    assert art.text.split("\n") == [
        "Presiden tiba di Ankara.",
        "Ia disambut menteri",
        '"Kami senang," katanya Senin.',
    ]


def test_orphan_comma_from_dropped_link(clean):
    assert clean("Liburan ke India kali ini, , tidak mengajak istri.").text == (
        "Liburan ke India kali ini, tidak mengajak istri."
    )
    assert clean("Baru-baru ini , tengah berlibur.").text == "Baru-baru ini tengah berlibur."


def test_joined_read_also_keeps_following_body(clean):
    art = clean("Bantuan tiba.,Baca juga: Harga Beras Turun,Sudan dilanda konflik.,")
    assert art.text == "Bantuan tiba.\nSudan dilanda konflik."


def test_audit_records_line_numbers(clean):
    art = clean(f"{BODY}\n\nBaca Juga: Judul Lain\n{BODY}")
    (ra,) = [r for r in art.removals if r.reason == "read_also"]
    assert ra.line_no == 3 and ra.rule_id == "read-also" and ra.text == "Baca Juga: Judul Lain"


@pytest.mark.parametrize(
    "teaser",
    [
        "Baca: Israel Serang Iran",
        "Pilihan Editor: Israel Serang Iran",
        "Video: Israel Serang Iran",
        'Simak Video "Israel Serang Iran"',
        "[Gambas:Video CNN]",
    ],
)
def test_teaser_and_video_lines_leave_the_body(clean, teaser):
    art = clean(f"{BODY}\n{teaser}\nKedua pihak sepakat bertemu lagi.")
    assert art.text == f"{BODY}\nKedua pihak sepakat bertemu lagi."
    assert {"read_also", "site_chrome"} & set(reasons(art))


def test_a_body_sentence_that_mentions_a_video_stays(clean):
    text = f"{BODY}\nVideo itu menunjukkan kapal Iran di Selat Hormuz."
    assert clean(text).text == text
