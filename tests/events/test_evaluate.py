"""Scorer on tiny gold CSVs in the seed-gold format."""

from __future__ import annotations

import csv
import datetime as dt

from peristiwa.events.evaluate import format_metrics, read_gold, score, write_diff

COLS = [
    "article_id",
    "event_id",
    "cluster_id",
    "expected_extract",
    "interstate",
    "source_actor",
    "source_iso3",
    "source_sector",
    "target_actor",
    "target_iso3",
    "target_sector",
    "cameo_code",
    "cameo_label",
    "goldstein",
    "quad_class",
    "plover_category",
    "trigger_id",
    "date_text",
    "event_date",
    "date_min",
    "date_max",
    "date_precision",
    "modality",
    "confidence",
    "alt_codes",
    "notes",
]


def _gold(tmp_path, rows):
    path = tmp_path / "gold.csv"
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLS)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in COLS})
    return path


def _row(eid, cluster, extract, src, tgt, code, trigger, quad="4", alt="", dmin="", dmax=""):
    return dict(
        article_id="a",
        event_id=eid,
        cluster_id=cluster,
        expected_extract=extract,
        source_iso3=src,
        target_iso3=tgt,
        cameo_code=code,
        quad_class=quad,
        trigger_id=trigger,
        alt_codes=alt,
        date_min=dmin,
        date_max=dmax,
    )


def _pred(src, tgt, code, sentence, quad=4, date=None, modality="asserted"):
    return dict(
        article_id="a",
        source_iso3=src,
        target_iso3=tgt,
        cameo_code=code,
        quad_class=quad,
        sentence_text=sentence,
        modality=modality,
        polarity="positive",
        sentence_flags="",
        confidence=0.8,
        event_date=date,
        trigger_text="x",
        rule="r",
    )


def test_hits_misses_optional_alt_codes_and_negative_controls(tmp_path):
    gold = _gold(
        tmp_path,
        [
            _row(
                "1",
                "C1",
                "yes",
                "IRN",
                "PAK",
                "195",
                "melancarkan serangan sepihak",
                alt="190",
                dmin="2024-01-17",
                dmax="2024-01-17",
            ),
            _row("2", "C2", "yes", "PAK", "IRN", "161", "menarik kembali duta besarnya"),
            _row("3", "C3", "optional", "USA", "IRN", "163", "sanksi terberat AS"),
            _row("4", "X1", "no", "IRN", "PAK", "190", "tidak pernah ada perang"),
        ],
    )
    preds = [
        _pred(
            "IRN",
            "PAK",
            "190",
            "Teheran melancarkan serangan sepihak ke Pakistan.",
            date=dt.date(2024, 1, 17),
        ),
        _pred("USA", "IRN", "163", "Iran berada di bawah sanksi terberat AS."),  # optional: neutral
        _pred("IRN", "PAK", "190", "Tidak pernah ada perang antara Iran dan Pakistan."),  # negative control
        _pred("RUS", "UKR", "192", "Rusia menginvasi Ukraina."),  # plain false positive
    ]
    res = score(preds, gold)
    assert res["root_recall"] == 0.5 and res["root_precision"] == round(1 / 3, 4)
    assert res["code_recall"] == 0.5  # 190 is in alt_codes
    assert res["negative_control_fp"] == 1
    assert res["date_within_interval"] == 1.0 and res["quad_accuracy"] == 1.0
    assert res["cluster_root_recall"] == 0.5
    text = format_metrics(res)
    for name in (
        "root_precision",
        "root_recall",
        "root_f1",
        "code_precision",
        "code_recall",
        "negative_control_fp",
    ):
        assert f"\n{name}: " in "\n" + text
    out = write_diff(res, tmp_path / "diff.csv")
    kinds = [r["outcome"] for r in csv.DictReader(out.open())]
    assert kinds.count("miss") == 1 and "nc_fp" in kinds and "optional" in kinds and "hit" in kinds


def test_direction_and_unscored_modalities(tmp_path):
    gold = _gold(tmp_path, [_row("1", "C1", "yes", "ISR", "IRN", "190", "serangan")])
    res = score(
        [_pred("IRN", "ISR", "190", "serangan"), _pred("ISR", "IRN", "190", "serangan", modality="negated")],
        gold,
    )
    assert res["root_recall"] == 0.0 and res["direction_accuracy"] == 0.0


def test_read_gold_month_dates(tmp_path):
    gold = _gold(tmp_path, [dict(_row("1", "C1", "yes", "AZE", "IRN", "161", "x"), event_date="2023-05")])
    (g,) = read_gold(gold)
    assert (g.date_min, g.date_max) == (dt.date(2023, 5, 1), dt.date(2023, 5, 31))
