"""Scorer on tiny gold CSVs in the seed-gold format."""

from __future__ import annotations

import csv
import datetime as dt
import random

import pytest

from peristiwa.events.evaluate import (
    DEV_FROZEN_SPLIT,
    SplitError,
    default_split,
    format_metrics,
    gold_articles,
    load_split,
    read_gold,
    score,
    with_state_only,
    write_diff,
)

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


# --- IGO actors, groups of states, actor scopes -----------------------------------------------------


def _side_row(eid, cluster, extract, src, src_sector, tgt, tgt_sector, code, trigger, notes=""):
    return dict(
        _row(eid, cluster, extract, src, tgt, code, trigger),
        source_sector=src_sector,
        target_sector=tgt_sector,
        notes=notes,
        source_actor=f"actor {src or src_sector}",
        target_actor=f"actor {tgt or tgt_sector}",
    )


def _igo_pred(src, src_sector, tgt, tgt_sector, code, sentence, **types):
    p = _pred(src, tgt, code, sentence)
    p.update(source_sector=src_sector, target_sector=tgt_sector, **types)
    return p


def test_igo_sides_are_keyed_by_their_sector_code(tmp_path):
    gold = _gold(
        tmp_path,
        [
            _side_row("1", "C1", "yes", "", "UNO", "PRK", "GOV", "163", "Dewan Keamanan PBB menjatuhkan"),
            _side_row("2", "C2", "yes", "USA", "GOV", "", "EUR", "036", "bertemu pejabat Uni Eropa"),
            _side_row("3", "C3", "yes", "", "IGO", "SYR", "GOV", "112", "OPCW menuduh Suriah"),
        ],
    )
    preds = [
        # iso3 NULL and the IGO code in the sector, as the coder emits them; no actor-type columns.
        _igo_pred(None, "UNO", "PRK", "GOV", "163", "Dewan Keamanan PBB menjatuhkan sanksi baru."),
        # with actor types: '' iso3 and a gold code
        _igo_pred("USA", "GOV", "", "EUR", "036", "AS akan bertemu pejabat Uni Eropa.",
                  source_actor_type="state", target_actor_type="igo"),
        # an IGO code outside the gold list is the catch-all IGO
        _igo_pred("", "OPCW", "SYR", "GOV", "112", "OPCW menuduh Suriah memakai gas sarin.",
                  source_actor_type="igo", target_actor_type="state"),
    ]
    res = score(preds, gold)
    assert (res["root_recall"], res["root_precision"], res["code_recall"]) == (1.0, 1.0, 1.0)
    assert res["gold_yes_igo"] == 3 and res["predicted_igo_mentions"] == 3
    # The state-only scope (earlier releases) leaves IGO rows and IGO predictions out on both sides.
    state = score(preds, gold, actors="state")
    assert (state["gold_yes"], state["predicted_mentions"]) == (0, 0)


def test_igo_direction_and_wrong_igo_are_errors(tmp_path):
    gold = _gold(tmp_path, [_side_row("1", "C1", "yes", "", "EUR", "RUS", "GOV", "163", "menjatuhkan")])
    preds = [
        _igo_pred("RUS", "GOV", None, "EUR", "163", "Uni Eropa menjatuhkan sanksi kepada Rusia."),
        _igo_pred(None, "NATO", "RUS", "GOV", "163", "Uni Eropa menjatuhkan sanksi kepada Rusia."),
    ]
    res = score(preds, gold)
    assert res["root_recall"] == 0.0 and res["root_precision"] == 0.0 and res["direction_accuracy"] == 0.0


def test_nonstate_actor_type_is_never_an_igo(tmp_path):
    gold = _gold(tmp_path, [_side_row("1", "C1", "yes", "", "UNO", "SYR", "GOV", "112", "menuduh Suriah")])
    pred = _igo_pred(None, "UNO", "SYR", "GOV", "112", "Aktivis menuduh Suriah.",
                     source_actor_type="nonstate", target_actor_type="state")
    res = score([pred], gold)
    assert res["predicted_mentions"] == 0 and res["root_recall"] == 0.0


def test_group_of_states_rows_are_never_key_matched(tmp_path):
    sentence = "Negara-negara Teluk memutus hubungan diplomatik dengan Qatar."
    gold = _gold(
        tmp_path,
        [
            _side_row("1", "C1", "optional", "", "GOV", "QAT", "GOV", "161", "memutus hubungan diplomatik"),
            _side_row("2", "C2", "optional", "", "WST", "IRN", "GOV", "163", "Barat menjatuhkan sanksi"),
            _side_row("3", "C3", "yes", "SAU", "GOV", "QAT", "GOV", "161", "Arab Saudi memutus hubungan"),
        ],
    )
    preds = [
        # A group side in the prediction is out of scope: neither matched nor a false positive.
        _igo_pred("", "GOV", "QAT", "GOV", "161", sentence,
                  source_actor_type="state", target_actor_type="state"),
        _igo_pred("", "WST", "IRN", "GOV", "163", "Barat menjatuhkan sanksi kepada Iran."),
        # A state the text does not name here: the group row does not absorb it (a false positive).
        _pred("ARE", "QAT", "161", sentence),
    ]
    res = score(preds, gold)
    assert res["predicted_mentions"] == 1
    assert res["root_precision"] == 0.0 and res["root_recall"] == 0.0
    assert res["gold_yes_unkeyed"] == 0


def test_unknown_actor_scope_is_an_error(tmp_path):
    gold = _gold(tmp_path, [_row("1", "C1", "yes", "IRN", "PAK", "190", "x")])
    with pytest.raises(ValueError, match="actors"):
        score([], gold, actors="igo")


def test_state_only_numbers_sit_beside_the_igo_scope(tmp_path):
    gold = _gold(
        tmp_path,
        [
            _row("1", "C1", "yes", "IRN", "PAK", "190", "melancarkan serangan"),
            _side_row("2", "C2", "yes", "", "UNO", "IRN", "GOV", "020", "PBB menyerukan"),
        ],
    )
    preds = [_pred("IRN", "PAK", "190", "Iran melancarkan serangan ke Pakistan.")]
    both = with_state_only(score(preds, gold), score(preds, gold, actors="state"))
    assert both["root_recall"] == 0.5 and both["state_only_root_recall"] == 1.0
    assert "state_only_root_precision: 1.0" in format_metrics(both)


# --- the diff: what a reader needs to classify errors ---------------------------------------------


def test_diff_shows_sentence_actors_notes_and_the_other_side(tmp_path):
    gold = _gold(
        tmp_path,
        [
            _side_row("1", "C1", "yes", "PER", "GOV", "ECU", "GOV", "040", "Kedua negara sepakat",
                      notes="Venue THA is not a participant."),
            _side_row("2", "X1", "no", "PER", "GOV", "THA", "GOV", "040", "bertemu di sela Forum APEC",
                      notes="Bangkok is the venue."),
        ],
    )
    fp = _pred("PER", "THA", "042", "Presiden Peru bertemu di sela Forum APEC di Bangkok, Thailand.")
    fp.update(source_text="Presiden Peru", target_text="Thailand", trigger_text="bertemu")
    negated = _pred("PER", "ECU", "040", "Kedua negara sepakat untuk tidak bertemu lagi.", modality="negated")
    sentences = {"a": ["Presiden Peru bertemu di sela Forum APEC di Bangkok, Thailand.",
                       "Kedua negara sepakat untuk tidak bertemu lagi."]}
    res = score([fp, negated], gold, sentences=sentences)
    rows = {r["outcome"]: r for r in csv.DictReader(write_diff(res, tmp_path / "d.csv").open())}
    miss, nc = rows["miss"], rows["nc_fp"]
    assert miss["sentence"] == sentences["a"][1]
    assert miss["gold_notes"] == "Venue THA is not a participant."
    assert miss["gold_actors"] == "actor PER -> actor ECU" and miss["gold_dyad"] == "PER->ECU"
    assert miss["predicted_in_sentence"] == "PER->ECU 040 negated/positive (not scored)"
    assert nc["pred_actors"] == "Presiden Peru -> Thailand" and nc["pred_trigger"] == "bertemu"
    assert nc["pred_modality"] == "asserted" and nc["pred_code"] == "042"
    assert nc["gold_notes"] == "Bangkok is the venue."
    assert nc["gold_in_sentence"] == "2 no PER->THA 040"


# --- splits ---------------------------------------------------------------------------------------


def _split(tmp_path, text):
    path = tmp_path / "split.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_split_selects_the_frozen_or_the_tuning_articles(tmp_path):
    split = load_split(_split(tmp_path, "frozen_articles: [b, c]\n"))
    assert split.articles(["a", "b", "c", "d"], "frozen") == ["b", "c"]
    assert split.articles(["a", "b", "c", "d"], "tuning") == ["a", "d"]
    assert split.articles(["a", "b", "c", "d"], "all") == ["a", "b", "c", "d"]
    with pytest.raises(SplitError, match="not in the gold"):
        split.articles(["a", "b"], "frozen")


def test_scoring_a_part_leaves_the_other_articles_out(tmp_path):
    rows = [dict(_row("1", "C1", "yes", "IRN", "PAK", "190", "serangan"), article_id="a"),
            dict(_row("2", "C2", "yes", "PAK", "IRN", "190", "serangan"), article_id="b")]
    gold = _gold(tmp_path, rows)
    preds = [dict(_pred("IRN", "PAK", "190", "serangan"), article_id="a"),
             dict(_pred("USA", "RUS", "190", "serangan"), article_id="b")]
    split = load_split(_split(tmp_path, "frozen_articles: [b]\n"))
    tuning = score(preds, gold, articles=split.articles(gold_articles(gold), "tuning"))
    frozen = score(preds, gold, articles=split.articles(gold_articles(gold), "frozen"))
    assert (tuning["articles_scored"], tuning["root_precision"], tuning["root_recall"]) == (1, 1.0, 1.0)
    assert (frozen["articles_scored"], frozen["root_precision"], frozen["root_recall"]) == (1, 0.0, 0.0)


@pytest.mark.parametrize(
    "text",
    ["frozen_articles: []\n", "frozen: [a]\n", "[a, b]\n", "frozen_articles: [1]\n", "frozen_articles: [a\n"],
)
def test_malformed_split_files_are_clear_errors(tmp_path, text):
    with pytest.raises(SplitError, match="split.yaml"):
        load_split(_split(tmp_path, text))


def test_dev_set_has_its_frozen_split_in_the_repository():
    assert default_split("../shared/gold/dev_events.csv") == DEV_FROZEN_SPLIT
    assert default_split("../shared/gold/seeds_events.csv") is None
    split = load_split(DEV_FROZEN_SPLIT)
    assert len(split.frozen) == 10


def test_frozen_split_is_the_documented_seeded_draw(shared):
    """The frozen third is fixed: the draw the split file documents, over the dev corpus, gives it back."""
    stems = sorted(p.stem for p in (shared / "corpus" / "dev").glob("*.jsonl"))
    assert len(stems) == 30
    drawn = random.Random(20261204).sample(stems, 10)
    assert load_split(DEV_FROZEN_SPLIT).frozen == set(drawn)
    assert set(drawn) <= set(gold_articles(shared / "gold" / "dev_events.csv"))
