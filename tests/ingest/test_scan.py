"""scan_inbox: every input gets exactly one outcome with the right reason; identity; metadata."""

from __future__ import annotations

import codecs
import json
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from peristiwa.ingest import (
    IngestLimits,
    article_id_for,
    articles_frame,
    outcomes_frame,
    scan_inbox,
)

from .texts import ENGLISH, HTML_PAGE, ID_BANJIR, ID_CP1252, ID_DIPLOMASI, ID_PEMILU, MALAY

SMALL_LIMITS = IngestLimits(max_article_bytes=20_000)


def _line(text: str | None = None, **fields: object) -> str:
    obj = dict(fields)
    if text is not None:
        obj["text"] = text
    return json.dumps(obj, ensure_ascii=False)


def _scan(inbox: Path, **kwargs):
    kwargs.setdefault("known_article_ids", set())
    kwargs.setdefault("known_files", {})
    kwargs.setdefault("limits", SMALL_LIMITS)
    return scan_inbox(inbox, **kwargs)


def _by_item(result) -> dict[tuple[str, int | None], object]:
    keys = [(o.source_path, o.line_no) for o in result.outcomes]
    assert len(keys) == len(set(keys)), "an item got more than one outcome"
    return dict(zip(keys, result.outcomes, strict=True))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    return path


def test_bad_input_matrix_every_input_accounted_for(inbox: Path) -> None:
    files: dict[str, bytes] = {
        "ok/utf8.txt": ID_DIPLOMASI.encode("utf-8"),
        "ok/utf8_bom.txt": codecs.BOM_UTF8 + ID_PEMILU.encode("utf-8"),
        "ok/utf16.txt": ID_BANJIR.encode("utf-16"),  # Python writes a BOM for "utf-16"
        "ok/cp1252.txt": ID_CP1252.encode("cp1252"),
        "bad/binary.txt": bytes(range(256)) * 8,
        "bad/empty.txt": b"",
        "bad/blank.txt": b"  \n\t\n",
        "bad/huge.txt": (ID_DIPLOMASI + "\n").encode() * 100,  # ~50 KB > 20 KB limit
        "bad/english.txt": ENGLISH.encode(),
        "bad/malay.txt": MALAY.encode(),
        "bad/page.txt": HTML_PAGE.encode(),
        "bad/headline.txt": b"KPU Tetapkan Hasil Pemilu 2019",
        "bad/cyrillic_cp1251.txt": ("Министр иностранных дел встретился с коллегой. " * 8).encode("cp1251"),
        "bad/article.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "bad/.hidden.txt": ID_PEMILU.encode(),
        "bad/download.jsonl.part": b'{"text": "setengah',
    }
    jsonl_lines = [
        _line(ID_DIPLOMASI + " Satu.", id="a1", url="https://contoh.id/1"),  # 1 ok
        '{"id": "a2", "text": "Presiden bertemu, "url": broken}',  # 2 malformed
        _line(id="a3", url="https://contoh.id/3"),  # 3 no text
        _line(ENGLISH, id="a4"),  # 4 English
        "",  # 5 blank line
        _line(ID_PEMILU + " Dua.", id="a6"),  # 6 ok
        '["not", "an", "object"]',  # 7 JSON but not an object
        json.dumps({"id": "a8", "text": None}),  # 8 text null
    ]
    files["batch/articles.jsonl"] = ("\n".join(jsonl_lines) + "\n").encode("utf-8")
    for rel, data in files.items():
        (inbox / rel).parent.mkdir(parents=True, exist_ok=True)
        (inbox / rel).write_bytes(data)

    result = _scan(inbox)
    outcomes = _by_item(result)

    expected = {
        ("ok/utf8.txt", None): ("ingested", None),
        ("ok/utf8_bom.txt", None): ("ingested", None),
        ("ok/utf16.txt", None): ("ingested", None),
        ("ok/cp1252.txt", None): ("ingested", None),
        ("bad/binary.txt", None): ("quarantined", "binary"),
        ("bad/empty.txt", None): ("quarantined", "empty"),
        ("bad/blank.txt", None): ("quarantined", "empty"),
        ("bad/huge.txt", None): ("quarantined", "too_large"),
        ("bad/english.txt", None): ("quarantined", "not_indonesian"),
        ("bad/malay.txt", None): ("quarantined", "not_indonesian"),
        ("bad/page.txt", None): ("quarantined", "html"),
        ("bad/headline.txt", None): ("quarantined", "too_short"),
        ("bad/cyrillic_cp1251.txt", None): ("quarantined", "undecodable"),
        ("bad/article.pdf", None): ("quarantined", "unsupported_type"),
        ("bad/.hidden.txt", None): ("quarantined", "hidden"),
        ("bad/download.jsonl.part", None): ("quarantined", "partial_download"),
        ("batch/articles.jsonl", 1): ("ingested", None),
        ("batch/articles.jsonl", 2): ("quarantined", "malformed_json"),
        ("batch/articles.jsonl", 3): ("quarantined", "missing_text"),
        ("batch/articles.jsonl", 4): ("quarantined", "not_indonesian"),
        ("batch/articles.jsonl", 5): ("quarantined", "empty"),
        ("batch/articles.jsonl", 6): ("ingested", None),
        ("batch/articles.jsonl", 7): ("quarantined", "malformed_json"),
        ("batch/articles.jsonl", 8): ("quarantined", "missing_text"),
    }
    assert {k: (o.outcome, o.reason) for k, o in outcomes.items()} == expected
    for outcome in result.outcomes:
        if outcome.outcome == "quarantined":
            assert outcome.message, outcome
            assert outcome.article_id is None
        else:
            assert outcome.article_id and outcome.reason is None and outcome.message is None
        assert outcome.file_sha256 and len(outcome.file_sha256) == 64

    # Messages say what is wrong and where.
    malformed = outcomes[("batch/articles.jsonl", 2)]
    assert malformed.message.startswith("line 2 is not valid JSON: Expecting ',' delimiter at column")
    assert "a2" in malformed.excerpt
    assert "not an object" in outcomes[("batch/articles.jsonl", 7)].message
    assert "'text': null" in outcomes[("batch/articles.jsonl", 8)].message
    assert "Malay" in outcomes[("bad/malay.txt", None)].message
    assert "20,000" in outcomes[("bad/huge.txt", None)].message
    assert outcomes[("bad/page.txt", None)].excerpt.startswith("<!DOCTYPE html>")

    # Converted encodings are recorded on the article.
    by_path = {a.source_path: a for a in result.articles}
    assert (by_path["ok/utf8.txt"].encoding, by_path["ok/utf8.txt"].encoding_converted) == ("utf-8", False)
    assert (by_path["ok/utf8_bom.txt"].encoding, by_path["ok/utf8_bom.txt"].encoding_converted) == (
        "utf-8-sig",
        False,
    )
    assert (by_path["ok/utf16.txt"].encoding, by_path["ok/utf16.txt"].encoding_converted) == ("utf-16", True)
    assert (by_path["ok/cp1252.txt"].encoding, by_path["ok/cp1252.txt"].encoding_converted) == (
        "cp1252",
        True,
    )
    assert by_path["ok/cp1252.txt"].text == ID_CP1252  # smart quotes, en dash and é survive
    assert by_path["ok/utf16.txt"].text == ID_BANJIR
    assert not by_path["ok/utf8_bom.txt"].text.startswith("\ufeff")
    assert all(a.language in {"id", "ms"} and a.language_score > 0.5 for a in result.articles)

    counts = result.counts()
    assert counts["ingested"] == 6 and counts["duplicate"] == 0 and counts["quarantined"] == 18
    assert counts["quarantined:not_indonesian"] == 3 and counts["quarantined:malformed_json"] == 2
    assert counts["unchanged_files"] == 0


def test_identity_duplicates_and_versions(inbox: Path) -> None:
    (inbox / "a.txt").write_text(ID_PEMILU, encoding="utf-8")
    # Same content, different file and surrounding whitespace: same identity.
    (inbox / "b.txt").write_text("\n  " + ID_PEMILU + "\n\n", encoding="utf-8")
    first = _scan(inbox)
    assert [(o.source_path, o.outcome) for o in first.outcomes] == [
        ("a.txt", "ingested"),
        ("b.txt", "duplicate"),
    ]
    article_id = article_id_for(ID_PEMILU)
    assert len(article_id) == 32
    assert [a.article_id for a in first.articles] == [article_id]
    assert first.outcomes[1].article_id == article_id  # the duplicate names what it duplicates

    # Rescan with the content known but the files not (e.g. a new copy): duplicates only.
    again = _scan(inbox, known_article_ids={article_id})
    assert [o.outcome for o in again.outcomes] == ["duplicate", "duplicate"] and not again.articles

    # Rescan with the files known: skipped whole, nothing re-read.
    known_files = {o.source_path: o.file_sha256 for o in first.outcomes}
    unchanged = _scan(inbox, known_article_ids={article_id}, known_files=known_files)
    assert not unchanged.outcomes and not unchanged.articles
    assert sorted(p for p, _ in unchanged.unchanged_files) == ["a.txt", "b.txt"]
    assert unchanged.counts() == {"ingested": 0, "duplicate": 0, "quarantined": 0, "unchanged_files": 2}

    # A changed file is a new version with a new article id; the untouched one stays skipped.
    (inbox / "a.txt").write_text(ID_PEMILU + " Pembaruan: KPU menambah satu catatan.", encoding="utf-8")
    changed = _scan(inbox, known_article_ids={article_id}, known_files=known_files)
    assert [(o.source_path, o.outcome) for o in changed.outcomes] == [("a.txt", "ingested")]
    assert changed.articles[0].article_id != article_id
    assert changed.unchanged_files == [("b.txt", known_files["b.txt"])]


def test_changed_jsonl_only_new_lines_ingested(inbox: Path) -> None:
    batch = inbox / "batch.jsonl"
    batch.write_text(_line(ID_DIPLOMASI, id="1") + "\n" + _line(ID_PEMILU, id="2") + "\n", encoding="utf-8")
    first = _scan(inbox)
    assert [o.outcome for o in first.outcomes] == ["ingested", "ingested"]
    with batch.open("a", encoding="utf-8") as fh:
        fh.write(_line(ID_BANJIR, id="3") + "\n")
    second = _scan(
        inbox,
        known_article_ids={a.article_id for a in first.articles},
        known_files={"batch.jsonl": first.outcomes[0].file_sha256},
    )
    assert [(o.line_no, o.outcome) for o in second.outcomes] == [
        (1, "duplicate"),
        (2, "duplicate"),
        (3, "ingested"),
    ]
    assert second.outcomes[0].file_sha256 != first.outcomes[0].file_sha256


def test_jsonl_fields_and_metadata(inbox: Path) -> None:
    (inbox / "b.jsonl").write_text(
        _line(
            ID_DIPLOMASI,
            id="x-1",
            url="https://contoh.id/x",
            source="contoh.id",
            published="2019-03-12T10:00",
            title="Retno bertemu Menlu Iran",
            section="Politik",
            author="Redaksi",
            tags=["diplomasi", "Iran"],
            word_count=87,
        )
        + "\n",
        encoding="utf-8",
    )
    (article,) = _scan(inbox).articles
    assert (
        article.source_id,
        article.url,
        article.source,
        article.published,
        article.title,
        article.section,
    ) == (
        "x-1",
        "https://contoh.id/x",
        "contoh.id",
        "2019-03-12T10:00",
        "Retno bertemu Menlu Iran",
        "Politik",
    )
    assert json.loads(article.metadata_json) == {
        "author": "Redaksi",
        "tags": ["diplomasi", "Iran"],
        "word_count": 87,
    }
    assert article.text == ID_DIPLOMASI and article.line_no == 1 and article.source_path == "b.jsonl"
    assert article.byte_size == len(
        _line(
            ID_DIPLOMASI,
            id="x-1",
            url="https://contoh.id/x",
            source="contoh.id",
            published="2019-03-12T10:00",
            title="Retno bertemu Menlu Iran",
            section="Politik",
            author="Redaksi",
            tags=["diplomasi", "Iran"],
            word_count=87,
        ).encode()
    )
    (txt_article,) = _scan(_write(inbox / "t", "a.txt", ID_PEMILU)).articles
    assert txt_article.metadata_json == "{}" and txt_article.source_id is None and txt_article.line_no is None


def _write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


def test_jsonl_edge_cases(inbox: Path) -> None:
    huge = _line(ID_BANJIR * 100, id="big")  # ~45 KB line > 20 KB limit, read without holding it whole
    lines = [
        _line(ID_DIPLOMASI, id="1"),
        huge,
        _line(ID_PEMILU, id="3"),
        _line(ID_DIPLOMASI, id="4"),
        _line(42),
        '{"text": "\\ud800 ' + "kata " * 60 + '"}',
        _line("kata\x00" * 100),
    ]
    # CRLF endings, cp1252 bytes in one line, no newline at the end.
    data = "\r\n".join(lines).encode("utf-8") + b"\r\n" + _line(ID_CP1252, id="8").encode("cp1252")
    (inbox / "edge.jsonl").write_bytes(data)
    (inbox / "nothing.jsonl").write_bytes(b"")
    result = _scan(inbox)
    got = {(o.source_path, o.line_no): (o.outcome, o.reason) for o in result.outcomes}
    assert got == {
        ("edge.jsonl", 1): ("ingested", None),
        ("edge.jsonl", 2): ("quarantined", "too_large"),
        ("edge.jsonl", 3): ("ingested", None),
        ("edge.jsonl", 4): ("duplicate", None),  # same text as line 1
        ("edge.jsonl", 5): ("quarantined", "missing_text"),  # text is a number
        ("edge.jsonl", 6): ("quarantined", "undecodable"),  # lone surrogate escape
        ("edge.jsonl", 7): ("quarantined", "binary"),  # NULs via JSON escapes
        ("edge.jsonl", 8): ("ingested", None),
        ("nothing.jsonl", None): ("quarantined", "empty"),
    }
    big = next(o for o in result.outcomes if o.line_no == 2)
    assert f"{len(huge.encode()):,} bytes" in big.message and big.excerpt.startswith('{"id": "big"')
    cp = next(a for a in result.articles if a.line_no == 8)
    assert (cp.encoding, cp.encoding_converted, cp.text) == ("cp1252", True, ID_CP1252)


def test_utf16_jsonl_file(inbox: Path) -> None:
    body = _line(ID_DIPLOMASI, id="1") + "\n" + "{oops\n" + _line(ID_PEMILU, id="3") + "\n"
    (inbox / "wide.jsonl").write_bytes(body.encode("utf-16"))
    result = _scan(inbox)
    assert [(o.line_no, o.outcome, o.reason) for o in result.outcomes] == [
        (1, "ingested", None),
        (2, "quarantined", "malformed_json"),
        (3, "ingested", None),
    ]
    assert {(a.encoding, a.encoding_converted) for a in result.articles} == {("utf-16", True)}


def test_walk_is_recursive_sorted_and_stays_inside_the_inbox(inbox: Path, tmp_path: Path) -> None:
    _write(inbox / "z", "2.txt", ID_PEMILU)
    _write(inbox / "a" / "deep", "1.txt", ID_DIPLOMASI)
    _write(inbox / ".git", "config", "[core]\n")
    outside = _write(tmp_path / "elsewhere", "3.TXT", ID_BANJIR)
    (inbox / "linked").symlink_to(outside, target_is_directory=True)
    (inbox / "loop").symlink_to(inbox, target_is_directory=True)  # a cycle must not hang or double count
    (inbox / "dangling.txt").symlink_to(inbox / "missing.txt")
    (inbox / "gone.txt").symlink_to(tmp_path / "missing.txt")
    result = _scan(inbox)
    assert [(o.source_path, o.outcome, o.reason) for o in result.outcomes] == [
        (".git/config", "quarantined", "hidden"),
        ("a/deep/1.txt", "ingested", None),
        ("dangling.txt", "quarantined", "unreadable"),
        ("gone.txt", "quarantined", "outside_inbox"),
        ("linked", "quarantined", "outside_inbox"),
        ("z/2.txt", "ingested", None),
    ]
    linked = next(o for o in result.outcomes if o.source_path == "linked")
    assert str(outside.resolve()) in linked.message and "not followed" in linked.message

    # a corpus linked in on purpose is followed once its folder is allowed
    allowed = _scan(inbox, link_roots=[tmp_path / "elsewhere"])
    assert ("linked/3.TXT", "ingested") in {(o.source_path, o.outcome) for o in allowed.outcomes}


def test_symlink_to_a_system_file_is_never_read(inbox: Path, tmp_path: Path) -> None:
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    (inbox / "inner.txt").symlink_to(_write(inbox / "real", "a.txt", ID_PEMILU) / "a.txt")
    result = _scan(inbox)
    by_path = {o.source_path: o for o in result.outcomes}
    link = by_path["passwd.txt"]
    assert (link.outcome, link.reason, link.excerpt) == ("quarantined", "outside_inbox", None)
    assert "/etc/passwd" in link.message
    # a link that stays inside is an ordinary file (here: the same text twice -> one duplicate)
    assert {by_path["inner.txt"].outcome, by_path["real/a.txt"].outcome} == {"ingested", "duplicate"}

    # the link is remembered like a file: unchanged on the next scan, new when it points elsewhere
    known = {link.source_path: link.file_sha256}
    again = _scan(inbox, known_files=known)
    assert ("passwd.txt", link.file_sha256) in again.unchanged_files
    (inbox / "passwd.txt").unlink()
    (inbox / "passwd.txt").symlink_to("/etc/hostname")
    moved = _scan(inbox, known_files=known)
    assert "passwd.txt" in {o.source_path for o in moved.outcomes}


def test_missing_inbox_raises_with_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-inbox"
    with pytest.raises(FileNotFoundError, match="no-such-inbox"):
        _scan(missing)


def test_frames_have_fixed_schema_even_when_empty(inbox: Path) -> None:
    empty = _scan(inbox)
    assert articles_frame(empty).height == 0 and outcomes_frame(empty).height == 0
    _write(inbox, "a.txt", ID_PEMILU)
    _write(inbox, "b.txt", "pendek")
    result = _scan(inbox)
    articles, outcomes = articles_frame(result), outcomes_frame(result)
    assert articles.schema == articles_frame(empty).schema
    assert articles.schema["line_no"] == pl.Int64 and articles.schema["encoding_converted"] == pl.Boolean
    assert articles.columns[0] == "article_id" and articles.height == 1
    assert outcomes.height == 2
    assert Counter(outcomes["outcome"].to_list()) == {"ingested": 1, "quarantined": 1}
    assert outcomes.filter(pl.col("outcome") == "quarantined")["reason"].to_list() == ["too_short"]


def test_literal_tab_in_json_string_is_tolerated(inbox: Path) -> None:
    line = '{"id": "t", "text": "' + ID_BANJIR.replace(". ", ".\t", 1) + '"}'
    (inbox / "tabs.jsonl").write_text(line + "\n", encoding="utf-8")
    (article,) = _scan(inbox).articles
    assert "\t" in article.text


def test_utf16_jsonl_with_broken_tail_is_accounted_for(inbox: Path) -> None:
    body = (_line(ID_DIPLOMASI, id="1") + "\n").encode(
        "utf-16"
    ) + b"\x00\xd8\x41"  # lone surrogate + odd byte
    (inbox / "broken.jsonl").write_bytes(body)
    result = _scan(inbox)
    assert result.outcomes, "the broken file must still have outcomes"
    last = result.outcomes[-1]
    assert (last.outcome, last.reason) == ("quarantined", "undecodable") and "onward" in last.message
