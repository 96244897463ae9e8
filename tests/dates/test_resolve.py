"""Event-date resolution from Indonesian text."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.dates import article_dates, resolve_dates, weekday_consistent

D = dt.date


def _resolve(article: str, sentence: str, published: dt.date | None):
    ctx = article_dates(article, published)
    start = article.index(sentence)
    return resolve_dates(sentence, ctx, published, start)


def test_explicit_weekday_date():
    r = _resolve(
        "Iran dan Pakistan pada Senin (29/1/2024) sepakat.",
        "Iran dan Pakistan pada Senin (29/1/2024) sepakat.",
        None,
    )
    assert (r.event_date, r.date_precision, r.date_basis, r.weekday_consistent) == (
        D(2024, 1, 29),
        "day",
        "explicit",
        True,
    )


def test_weekday_mismatch_is_flagged():
    r = _resolve("Pada Selasa (29/1/2024) Iran menyerang.", "Pada Selasa (29/1/2024) Iran menyerang.", None)
    assert r.weekday_consistent is False and "weekday-mismatch" in r.date_basis
    assert weekday_consistent(D(2024, 1, 29), "Senin") is True


def test_year_inferred_from_weekday_and_article_years():
    art = "Latihan AZIREX2024 digelar. Iran menggelar latihan pada Senin (4/11)."
    r = _resolve(art, "Iran menggelar latihan pada Senin (4/11).", None)
    assert r.event_date == D(2024, 11, 4) and r.date_basis.startswith("explicit-year-inferred")


def test_a_year_less_date_weeks_ahead_is_still_to_come_and_one_months_ahead_is_last_years():
    published = D(2019, 9, 11)
    cases = {
        "Presiden terpilih akan dilantik pada 20 Oktober.": D(2019, 10, 20),  # 39 days ahead: upcoming
        "Kunjungan raja ke Indonesia pada 1 - 9 November diupayakan lancar.": D(2019, 11, 9),
        "Kedua negara bertemu pada 20 Desember.": D(2018, 12, 20),  # 100 days ahead: last December
        "Kedua negara bertemu pada 5 September.": D(2019, 9, 5),
    }
    for sentence, expected in cases.items():
        # the year is read off the article's dates; an upcoming date is then no event date (next test)
        found = [r.event_date for _, r in article_dates(sentence, published).explicit]
        assert found and found[-1] == expected, sentence


def test_day_month_without_year_uses_publication():
    r = _resolve(
        "Teheran pada 17 Januari melancarkan serangan.",
        "Teheran pada 17 Januari melancarkan serangan.",
        D(2024, 1, 30),
    )
    assert r.event_date == D(2024, 1, 17)


def test_dua_hari_kemudian_anchors_on_nearest_explicit_date_not_publication():
    art = (
        "Iran dan Pakistan pada Senin (29/1/2024) sepakat. Teheran pada 17 Januari melancarkan serangan. "
        "Dua hari kemudian, Islamabad melancarkan serangan udara."
    )
    r = _resolve(art, "Dua hari kemudian, Islamabad melancarkan serangan udara.", D(2024, 1, 30))
    assert (r.event_date, r.date_precision, r.date_basis) == (D(2024, 1, 19), "day", "relative-narrative")


def test_sebulan_kemudian_keeps_month_precision():
    art = "Pada April 2023, Azerbaijan mengusir diplomat. Sebulan kemudian Iran membalas."
    r = _resolve(art, "Sebulan kemudian Iran membalas.", None)
    assert (r.event_date, r.date_min, r.date_max, r.date_precision) == (
        D(2023, 5, 1),
        D(2023, 5, 1),
        D(2023, 5, 31),
        "month",
    )


def test_bulan_lalu_and_pekan_lalu_from_publication():
    r = _resolve(
        "Azerbaijan merebut wilayah itu bulan lalu.",
        "Azerbaijan merebut wilayah itu bulan lalu.",
        D(2023, 10, 24),
    )
    assert (r.date_min, r.date_max, r.date_precision) == (D(2023, 9, 1), D(2023, 9, 30), "month")
    r = _resolve("Iran menyerang pekan lalu.", "Iran menyerang pekan lalu.", D(2023, 10, 24))
    assert r.date_precision == "range" and r.date_max < D(2023, 10, 24)


def test_month_year_and_bare_month():
    r = _resolve("Pada Januari 2023 kedutaan diserang.", "Pada Januari 2023 kedutaan diserang.", None)
    assert (r.date_min, r.date_max, r.date_precision) == (D(2023, 1, 1), D(2023, 1, 31), "month")
    r = _resolve("Kedutaan dibuka pada bulan Juli.", "Kedutaan dibuka pada bulan Juli.", D(2024, 11, 4))
    assert r.event_date == D(2024, 7, 1) and r.date_precision == "month"


def test_bare_weekday_reuses_the_explicit_date_with_that_weekday():
    art = (
        "Iran pada Senin (29/1/2024) sepakat. Teheran pada 17 Januari menyerang. Pada Senin, menteri bertemu."
    )
    r = _resolve(art, "Pada Senin, menteri bertemu.", D(2024, 1, 30))
    assert r.event_date == D(2024, 1, 29)


def test_undated_sentence_inherits_the_narrative_date():
    art = "Iran pada Senin (29/1/2024) sepakat. Menteri itu menambahkan sesuatu."
    r = _resolve(art, "Menteri itu menambahkan sesuatu.", D(2024, 1, 30))
    assert (r.event_date, r.date_basis, r.date_max) == (D(2024, 1, 29), "inherited", D(2024, 1, 30))


def test_no_basis_at_all():
    r = _resolve("Iran mengecam Israel.", "Iran mengecam Israel.", None)
    assert r.event_date is None and r.date_precision == "none"


# --- undated articles (published_date None): absolute dates resolve, time-of-writing ones do not -----------

UNDATED = (
    "Iran dan Pakistan pada Senin (29/1/2024) sepakat memulihkan hubungan. "
    "Dua hari kemudian duta besar kembali. "
    "Tiga hari lalu Iran menyerang. "
    "Bulan lalu kedua negara bertemu. "
    "Kemarin menteri itu berbicara. "
    "Baru-baru ini Pakistan mengecam Iran. "
    "Menteri itu menambahkan sesuatu. "
    "Pada 17 Januari Iran menembakkan rudal. "
    "Pada Maret 2023 kedutaan dibuka kembali."
)


def _undated(sentence: str):
    return _resolve(UNDATED, sentence, None)


def test_undated_article_keeps_absolute_and_narrative_dates():
    explicit = _undated("Iran dan Pakistan pada Senin (29/1/2024) sepakat memulihkan hubungan.")
    assert (explicit.event_date, explicit.date_precision) == (D(2024, 1, 29), "day")
    later = _undated("Dua hari kemudian duta besar kembali.")
    assert (later.event_date, later.date_basis) == (D(2024, 1, 31), "relative-narrative")
    # A year-less date takes the year the article mentions.
    year_less = _undated("Pada 17 Januari Iran menembakkan rudal.")
    assert (year_less.event_date, year_less.date_basis) == (D(2024, 1, 17), "explicit-year-inferred")
    month = _undated("Pada Maret 2023 kedutaan dibuka kembali.")
    assert (month.date_min, month.date_max, month.date_precision) == (D(2023, 3, 1), D(2023, 3, 31), "month")


def test_undated_article_leaves_time_of_writing_expressions_undated():
    for sentence in (
        "Tiga hari lalu Iran menyerang.",
        "Bulan lalu kedua negara bertemu.",
        "Kemarin menteri itu berbicara.",
        "Baru-baru ini Pakistan mengecam Iran.",
    ):
        r = _undated(sentence)
        # Not "three days before 29 January": the writing time is unknown, so no date at all.
        got = (r.event_date, r.date_min, r.date_max, r.date_precision)
        assert got == (None, None, None, "unknown"), sentence
        assert r.date_text and r.date_text.casefold() in sentence.casefold()


def test_undated_sentence_of_an_undated_article_has_an_open_end():
    r = _undated("Menteri itu menambahkan sesuatu.")
    # The narrative anchor is the last explicit date before it (relative dates are not anchors).
    assert (r.event_date, r.date_min, r.date_max, r.date_basis) == (
        D(2024, 1, 29),
        D(2024, 1, 29),
        None,
        "inherited",
    )


def test_nothing_to_count_from_gives_no_date():
    art = "Dua hari kemudian Iran membalas. Pada Senin, menteri bertemu."
    assert _resolve(art, "Dua hari kemudian Iran membalas.", None).event_date is None
    # "Pada Senin" needs a date to find that Monday from.
    assert _resolve(art, "Pada Senin, menteri bertemu.", None).event_date is None


def test_tokenised_sources_space_the_slashes():
    # IndoSum and other tokenised feeds write "Senin (5 / 6)" and "Kamis (30 / 11 / 2017)".
    art = (
        "Arab Saudi memutus hubungan dengan Qatar pada Senin (5 / 6). Trump, Kamis (30 / 11 / 2017), menulis."
    )
    first = _resolve(art, "Arab Saudi memutus hubungan dengan Qatar pada Senin (5 / 6).", D(2017, 6, 7))
    assert (first.event_date, first.date_precision, first.weekday_consistent) == (D(2017, 6, 5), "day", True)
    second = _resolve(art, "Trump, Kamis (30 / 11 / 2017), menulis.", D(2017, 12, 2))
    assert second.event_date == D(2017, 11, 30)


def test_parts_of_a_month_are_thirds_of_it():
    art = "Korea Utara meluncurkan rudal pada akhir Juli lalu."
    r = _resolve(art, art, D(2017, 8, 8))
    assert (r.date_min, r.date_max, r.date_precision) == (D(2017, 7, 21), D(2017, 7, 31), "range")
    early = _resolve("Pertemuan digelar awal Maret.", "Pertemuan digelar awal Maret.", D(2024, 3, 20))
    assert (early.date_min, early.date_max) == (D(2024, 3, 1), D(2024, 3, 10))


def test_background_years_are_not_inherited_by_later_sentences():
    art = "Pasukan China memasuki Tibet pada 1950. Kunjungan itu dikecam oleh China."
    r = _resolve(art, "Kunjungan itu dikecam oleh China.", D(2016, 11, 24))
    # Not 1950: a sentence without a date of its own is about the story's time, not its history.
    assert (r.event_date, r.date_max, r.date_basis) == (D(2016, 11, 24), D(2016, 11, 24), "publication")
    recent = "Menlu bertemu pada Senin (21/11/2016). Kedua menteri membahas perdagangan."
    near = _resolve(recent, "Kedua menteri membahas perdagangan.", D(2016, 11, 24))
    assert (near.event_date, near.date_basis) == (D(2016, 11, 21), "inherited")


def test_a_date_after_the_report_is_no_event_date():
    # the planned meeting's month dates the plan's announcement only as far as the report: its publication
    art = "Indonesia dan Arab Saudi akan membahas kuota haji pada November 2019."
    r = _resolve(art, art, D(2019, 9, 11))
    assert (r.event_date, r.date_basis) == (D(2019, 9, 11), "publication")
    # a date of the report's day or the day after still counts (a metadata date can be a day early)
    art = "Menlu Inggris menyampaikan duka pada Kamis (12/9/2019)."
    assert _resolve(art, art, D(2019, 9, 11)).event_date == D(2019, 9, 12)


def test_the_end_of_a_future_period_is_not_inherited_by_the_next_sentences():
    art = (
        "China membebaskan 16 produk AS dari tarif pada Rabu (11/9/2019). "
        "Pengecualian itu berlaku selama satu tahun hingga 16 September 2020. "
        "Washington dan Beijing telah memberlakukan tarif terhadap produk satu sama lain."
    )
    r = _resolve(art, "Washington dan Beijing telah memberlakukan tarif terhadap produk satu sama lain.",
                 D(2019, 9, 11))
    assert r.event_date == D(2019, 9, 11) and r.event_date <= D(2019, 9, 11)


def test_a_four_digit_number_before_a_unit_is_no_count():
    # a phone model and a year, not 3,310 years or 2,019 weeks back (the first crashed: year -1291)
    for sentence in ("Ponsel Nokia 3310 tahun lalu sangat populer.", "Serangan itu terjadi 2019 pekan lalu."):
        r = _resolve(sentence, sentence, D(2019, 9, 16))
        assert (r.event_date, r.date_precision) == (None, "unknown")
    counted = "Serangan itu terjadi tiga hari lalu."
    assert _resolve(counted, counted, D(2019, 9, 16)).event_date == D(2019, 9, 13)


def test_a_named_conflict_with_its_year_dates_the_act():
    sentence = "Israel menduduki Dataran Tinggi Golan dalam perang Timur Tengah 1967."
    r = _resolve(sentence, sentence, D(2019, 9, 11))
    assert (r.event_date.year, r.date_basis) == (1967, "explicit")
    named = "Israel melanggar Perjanjian Oslo 1993 kemarin."
    assert _resolve(named, named, D(2019, 9, 11)).event_date.year == 2019, "a treaty's year is its name"


def test_saat_itu_points_back_to_the_time_just_named_however_old():
    art = "Keduanya bertemu di DMZ pada Juni 2019. Saat itu, keduanya bersepakat. Mereka pulang."
    ctx = article_dates(art, D(2019, 9, 16))
    then = resolve_dates("Saat itu, keduanya bersepakat.", ctx, D(2019, 9, 16), art.index("Saat itu"))
    assert (then.date_min, then.date_max, then.date_basis) == (D(2019, 6, 1), D(2019, 6, 30), "inherited")
    later = resolve_dates("Mereka pulang.", ctx, D(2019, 9, 16), art.index("Mereka"))
    assert later.date_basis == "publication", "a sentence that does not point back is about the story's time"


@pytest.mark.parametrize(("sentence", "published", "month"), [
    ("Presiden Nauru berkunjung ke Indonesia, Desember lalu, kata dia.", D(2018, 1, 26), D(2017, 12, 1)),
    ("Kedua menteri bertemu Januari lalu di Bali.", D(2018, 1, 26), D(2018, 1, 1)),
    ("Kapal perang itu dikirim Agustus silam.", D(2019, 10, 2), D(2019, 8, 1)),
])
def test_a_bare_month_with_its_direction_is_that_month(sentence, published, month):
    """Without "pada" or "bulan" before it, a month followed by lalu/silam or mendatang/depan is still the
    event's month: the last such month up to publication, or the next one from it."""
    r = _resolve(sentence, sentence, published)
    assert (r.date_min, r.date_precision) == (month, "month")


def test_a_month_ahead_dates_the_intent_when_it_is_stated():
    """ "Februari mendatang" lies after publication: an announced act is dated when it was announced."""
    sentence = "Latihan gabungan digelar Februari mendatang."
    r = _resolve(sentence, sentence, D(2018, 11, 26))
    assert (r.date_max, r.date_basis) == (D(2018, 11, 26), "publication")


def test_after_a_flashback_an_undated_sentence_is_back_in_the_story_present():
    """A sentence with no date after "Juni lalu, ..." takes the latest recent date named before the flashback,
    not the flashback's month and not the publication date."""
    article = ("Menlu mengatakan pada Jumat (11/8/2017) bahwa akses belum diberikan. "
               "Juni lalu, empat mahasiswa ditangkap di Samanud. "
               "Kedutaan juga meminta para pelajar berhati-hati.")
    r = _resolve(article, "Kedutaan juga meminta para pelajar berhati-hati.", D(2017, 8, 12))
    assert (r.event_date, r.date_basis) == (D(2017, 8, 11), "inherited")
    flashback = _resolve(article, "Juni lalu, empat mahasiswa ditangkap di Samanud.", D(2017, 8, 12))
    assert flashback.date_min == D(2017, 6, 1)


def test_a_lead_sentence_takes_the_date_the_story_names_further_down():
    """News tells the event first and dates it later ("..., kata Tillerson, Senin (7/8)"): a sentence before
    any date takes the story's first recent date, not the day of publication."""
    article = ("Menlu AS membuka kemungkinan berunding dengan Korea Utara. "
               "Hal itu disampaikan Tillerson di Manila, Senin (7/8/2017).")
    r = _resolve(article, "Menlu AS membuka kemungkinan berunding dengan Korea Utara.", D(2017, 8, 8))
    assert (r.event_date, r.date_max, r.date_basis) == (D(2017, 8, 7), D(2017, 8, 8), "inherited")


def test_a_lead_sentence_ignores_a_flashback_further_down():
    article = ("Kedua negara sepakat memperkuat kerja sama. "
               "Kesepakatan serupa pernah diteken pada Maret 2015.")
    r = _resolve(article, "Kedua negara sepakat memperkuat kerja sama.", D(2017, 8, 8))
    assert (r.event_date, r.date_basis) == (D(2017, 8, 8), "publication")


def test_a_part_of_a_month_with_its_direction_keeps_its_part_after_older_years():
    """ "akhir Juli lalu" is the end of the last July, even when the story named an older year before."""
    article = ("Program nuklir itu dimulai sejak 2006. "
               "Atas peluncuran rudal akhir Juli lalu, PBB menjatuhkan sanksi.")
    r = _resolve(article, "Atas peluncuran rudal akhir Juli lalu, PBB menjatuhkan sanksi.", D(2017, 8, 8))
    assert (r.date_min, r.date_max, r.date_precision) == (D(2017, 7, 21), D(2017, 7, 31), "range")
