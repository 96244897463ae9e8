"""`eval ud` / `eval ner` on tiny files written by the test, through the CLI commands."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from peristiwa.nlp.evaluate import UD_METRICS, evaluate_ner, evaluate_ud, raw_text

CONLLU = """# newdoc id = a
# sent_id = 1
# text = Polisi menangkap dua tersangka.
1	Polisi	polisi	NOUN	_	_	2	nsubj	_	_
2	menangkap	tangkap	VERB	_	_	0	root	_	_
3	dua	dua	NUM	_	_	4	nummod	_	_
4	tersangka	sangka	NOUN	_	_	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	_	_	2	punct	_	_

# sent_id = 2
1-2	Rumahnya	_	_	_	_	_	_	_	_
1	Rumah	rumah	NOUN	_	_	3	nsubj	_	_
2	nya	nya	PRON	_	_	1	nmod:poss	_	_
3	besar	besar	ADJ	_	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	_	_	3	punct	_	_

"""

IOB = "Joko\tB-PERSON\nWidodo\tI-PERSON\ntiba\tO\ndi\tO\nJakarta\tB-LOCATION\n.\tO\n\n"


def test_raw_text_uses_text_comment_or_rebuilds_it() -> None:
    assert raw_text(CONLLU) == "Polisi menangkap dua tersangka. Rumahnya besar."


def test_evaluate_ud_values_in_unit_interval(tmp_path: Path, nlp) -> None:
    f = tmp_path / "tiny.conllu"
    f.write_text(CONLLU, encoding="utf-8")
    scores = evaluate_ud(f, nlp)
    assert list(scores) == list(UD_METRICS)
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert scores["Tokens"] > 0.9


def test_evaluate_ner_on_gold_tokens(tmp_path: Path, nlp) -> None:
    f = tmp_path / "tiny.iob"
    f.write_text(IOB, encoding="utf-8")
    scores = evaluate_ner(f, nlp)
    assert scores["f1"] == 1.0, scores


def test_cli_prints_name_value_lines(tmp_path: Path) -> None:
    from pipelines.cli_nlp import eval_group

    ud, ner = tmp_path / "t.conllu", tmp_path / "t.iob"
    ud.write_text(CONLLU, encoding="utf-8")
    ner.write_text(IOB, encoding="utf-8")
    res = CliRunner().invoke(eval_group, ["ud", str(ud), "--threads", "1"])
    assert res.exit_code == 0, res.output
    lines = dict(line.split(": ") for line in res.output.strip().splitlines())
    assert list(lines) == list(UD_METRICS)
    assert all(0.0 <= float(v) <= 1.0 for v in lines.values())
    res = CliRunner().invoke(eval_group, ["ner", str(ner), "--threads", "1"])
    assert res.exit_code == 0, res.output
    names = [line.split(": ")[0] for line in res.output.strip().splitlines()]
    assert names[:3] == ["precision", "recall", "f1"] and "PER_f1" in names
