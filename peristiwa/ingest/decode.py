"""Bytes -> text, converting only what is safely convertible and saying what was done.

Order: BOM (UTF-32, UTF-8, UTF-16) -> NUL bytes (binary, unless the NUL pattern is BOM-less UTF-16)
-> strict UTF-8 -> cp1252 fallback. The fallback is taken only when the bytes are not valid UTF-8
and the cp1252 reading looks like Latin text (few non-ASCII characters, no control characters):
Indonesian prose saved by Windows tools is mostly ASCII with the odd smart quote or "é", whereas
Cyrillic/Asian legacy encodings read as cp1252 come out as mostly-accented gibberish, which we
refuse (`undecodable`) rather than store as mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# C0 controls except TAB, LF, VT, FF, CR, plus DEL and the C1 range: never in real prose.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Above this share of control characters the content is binary, not text with a stray byte.
MAX_CONTROL_RATIO = 0.01
# Above this share of non-ASCII characters a cp1252 reading is not trusted (see module docstring).
MAX_CP1252_NON_ASCII_RATIO = 0.10

# UTF-32 first: its little-endian BOM starts with the UTF-16 little-endian one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


# Container formats that are sometimes saved under a .txt/.jsonl name: named, so the user knows what to do.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip-compressed data; decompress it first"),
    (b"BZh", "bzip2-compressed data; decompress it first"),
    (b"\xfd7zXZ\x00", "xz-compressed data; decompress it first"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data; decompress it first"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); extract the articles as text first"),
    (b"%PDF-", "a PDF document; export its text first"),
)


def sniff_container(head: bytes) -> str | None:
    """What a file is when its first bytes are a known compressed/container signature, else None."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return None


@dataclass(frozen=True)
class Decoded:
    """Result of `decode_bytes`: either ``text`` or a quarantine ``reason`` with a ``message``."""

    text: str | None
    encoding: str | None  # label recorded on the article ('utf-8', 'utf-8-sig', 'utf-16', 'cp1252', ...)
    converted: bool  # characters were transcoded from a non-UTF-8 encoding
    reason: str | None = None  # 'empty' | 'binary' | 'undecodable'
    message: str | None = None


def detect_bom(data: bytes) -> tuple[int, str, str] | None:
    """(BOM length, Python codec, recorded label) when `data` starts with a Unicode BOM."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return len(bom), codec, label
    return None


def control_ratio(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def check_text(text: str) -> tuple[str, str] | None:
    """(reason, message) when already-decoded text is not storable prose, else None.

    Used for decoded bytes and for JSON string values alike (JSON can escape NULs and lone
    surrogates that would break the warehouse later).
    """
    if not text.strip():
        return "empty", "the content is empty or whitespace only"
    ratio = control_ratio(text)
    if ratio > MAX_CONTROL_RATIO:
        return "binary", f"{ratio:.1%} of characters are control characters: binary content, not text"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return "undecodable", f"text holds an unpaired surrogate at character {exc.start}; cannot be stored"
    return None


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in ASCII-range UTF-16."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls > 0.7 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _finish(text: str, encoding: str, converted: bool) -> Decoded:
    problem = check_text(text)
    if problem is not None:
        return Decoded(None, encoding, converted, *problem)
    return Decoded(text, encoding, converted)


def _decode_after_bom(data: bytes, bom: tuple[int, str, str]) -> Decoded:
    """Decode with the codec a byte-order mark names; the mark is trusted, so failing it is undecodable."""
    size, codec, label = bom
    try:
        text = data[size:].decode(codec)
    except UnicodeDecodeError as exc:
        return Decoded(
            None,
            label,
            False,
            "undecodable",
            f"starts with a {label} byte-order mark but is not valid {label} "
            f"(byte {exc.start + size}: {exc.reason})",
        )
    # A UTF-8 BOM is only stripped, nothing is transcoded.
    return _finish(text, label, converted=label != "utf-8-sig")


def _decode_with_nuls(data: bytes) -> Decoded:
    """Bytes with NULs are UTF-16 without a BOM when they look like it, else binary."""
    utf16 = _looks_like_bomless_utf16(data)
    if utf16 is not None:
        try:
            return _finish(data.decode(utf16), utf16, converted=True)
        except UnicodeDecodeError:
            pass
    return Decoded(None, None, False, "binary", "contains NUL bytes: binary content, not text")


def _decode_cp1252(data: bytes, first_bad: int) -> Decoded:
    """The legacy fallback for bytes that are not UTF-8 (first bad byte at `first_bad`): cp1252, unless the
    result is mostly control characters (binary) or mostly non-ASCII (another legacy encoding)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        return Decoded(
            None,
            None,
            False,
            "undecodable",
            f"not valid UTF-8 (first bad byte at offset {first_bad}) and not cp1252 either "
            f"(byte 0x{data[exc.start]:02x} at offset {exc.start} is undefined); re-save it as UTF-8",
        )
    ratio = control_ratio(text)
    if ratio > MAX_CONTROL_RATIO:
        return Decoded(
            None,
            None,
            False,
            "binary",
            f"not valid UTF-8 and {ratio:.1%} control characters: binary content, not text",
        )
    non_ascii = len(_NON_ASCII.findall(text)) / len(text)
    if non_ascii > MAX_CP1252_NON_ASCII_RATIO:
        return Decoded(
            None,
            None,
            False,
            "undecodable",
            f"not valid UTF-8 (first bad byte at offset {first_bad}); read as cp1252 it would be "
            f"{non_ascii:.0%} non-ASCII, so it is probably another legacy encoding; re-save it as UTF-8",
        )
    return _finish(text, "cp1252", converted=True)


def decode_bytes(data: bytes) -> Decoded:
    """Decode one article's bytes (a whole .txt file or one JSONL line)."""
    if not data.strip():
        return Decoded(None, None, False, "empty", "the content is empty or whitespace only")
    bom = detect_bom(data)
    if bom is not None:
        return _decode_after_bom(data, bom)
    if b"\x00" in data:
        return _decode_with_nuls(data)
    try:
        return _finish(data.decode("utf-8"), "utf-8", converted=False)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    return _decode_cp1252(data, first_bad)


def printable_excerpt(content: str | bytes | None, limit: int = 200) -> str | None:
    """First `limit` characters with line breaks as spaces and other unprintables as U+FFFD."""
    if content is None:
        return None
    if isinstance(content, bytes):
        # Bytes that failed to decode: show what we can, each bad byte as U+FFFD.
        content = content[: limit * 4].decode("utf-8", errors="replace")
    head = content[:limit]
    return "".join(ch if ch.isprintable() else (" " if ch in "\t\n\r\x0b\x0c" else "\ufffd") for ch in head)
