"""Cleaning real-world input: mojibake repaired and audited, site names kept whole, undated articles
normal, and no pattern that turns a long run of one character into minutes of backtracking."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from peristiwa.cleaning import ArticleInput, clean_article, residue_patterns

BODY = ("Menteri Luar Negeri Korea Selatan bertemu dengan Menteri Luar Negeri Jepang di Seoul untuk "
        "membahas kerja sama keamanan kawasan dan perdagangan kedua negara.")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("nama resmi Korea Utara, Democratic Peopleâ€™s Republic of Korea.",
         "nama resmi Korea Utara, Democratic People's Republic of Korea."),
        # a word tokenizer split the mis-decoded sequence (as in IndoSum)
        ("nama resmi Korea Utara, Democratic Peopleâ€ ™ s Republic of Korea.",
         "nama resmi Korea Utara, Democratic People' s Republic of Korea."),
        ("â€œKami siap,â€\x9d kata menteri itu.", '"Kami siap," kata menteri itu.'),
        ("â€œKami siap,â€ kata menteri itu.", '"Kami siap," kata menteri itu.'),  # 0x9D byte lost
        ("Menlu TÃ¼rkiye tiba di Ankara.", "Menlu Türkiye tiba di Ankara."),
    ],
)
def test_mojibake_is_repaired_and_audited(clean, raw, expected):
    article = clean(raw)
    assert article.text == expected
    (repair,) = [r for r in article.removals if r.rule_id == "unicode-mojibake"]
    assert repair.reason == "unicode" and " -> " in repair.text and repair.line_no == 1


def test_real_accents_and_curly_quotes_are_not_mojibake(clean):
    article = clean("Menlu Türkiye berkata “kami siap” di Café Ankara.")
    assert not [r for r in article.removals if r.rule_id == "unicode-mojibake"]
    assert "Türkiye" in article.text and "Café" in article.text


def test_site_names_in_domains_are_kept_whole_and_are_not_residue(clean, rules):
    article = clean(f"{BODY} Hal itu dikatakan juru bicara kepada CNNIndonesia.com, Selasa. "
                    "Laporan lengkap ada di IDNTimes.com. Menurut IRNADiberitakan itu benar.")
    assert "CNNIndonesia.com" in article.text and "IDNTimes.com" in article.text
    assert "IRNA Diberitakan" in article.text  # a real glue is still repaired
    glued = re.compile(residue_patterns(rules)["glued_agency"])
    assert glued.search("kepada CNNIndonesia.com, Selasa") is None
    assert glued.search("menurut IRNAdiberitakan") is not None


def test_date_bases_in_order_and_undated_is_normal(rules):
    mtime = dt.datetime(2023, 11, 14, 22, 13, 20)
    undated = ArticleInput("u", BODY, file_mtime=mtime)
    plain = clean_article(undated, rules)
    assert (plain.published_date, plain.published_date_basis) == (None, "none")
    opted = clean_article(undated, rules, date_from_file_mtime=True)
    assert (opted.published_date, opted.published_date_basis) == (dt.date(2023, 11, 14), "file_mtime")
    assert opted.published_date_text == "2023-11-14 22:13:20"
    in_text = clean_article(ArticleInput("t", BODY.replace("di Seoul", "di Seoul pada Senin (12/2/2024)"),
                                         file_mtime=mtime), rules, date_from_file_mtime=True)
    assert in_text.published_date_basis == "text_weekday_date"
    meta = clean_article(ArticleInput("m", BODY, published="2024-02-13", file_mtime=mtime), rules,
                         date_from_file_mtime=True)
    assert (meta.published_date, meta.published_date_basis) == (dt.date(2024, 2, 13), "metadata")


# Long runs of one character or short unit. Each used to take seconds to minutes in some pattern
# (quadratic backtracking); with linear patterns the whole article cleans in well under a second.
# This is a behaviour test (it completes and cleans correctly); timings are in benchmarks/bounded_cost.py.
RUNS = [",", " ", "\t", ", ", "Baca juga: ", "\n", "A", "(", "•"]


@pytest.mark.parametrize("unit", RUNS)
def test_long_runs_clean_without_backtracking_blowup(clean, unit):
    run = unit * (60_000 // len(unit))
    article = clean(f"{BODY}\nKalimat {run} kedua.\n{BODY}")
    assert BODY in article.text
