"""Faster decoding of the tokenizer model's predictions into words and sentences, with the same output.

Stanza's ``tokenization.utils.decode_predictions`` walks every character of every paragraph in Python: it
adds the character to the current token, looks it up in the vocabulary to count unknown characters, and
compares the character's numpy label with ``>=``, ``==`` several times; ``process_sentence`` compares the
labels again per word. On IndoSum that was about a sixth of the tokenizer's time.

``decode_predictions`` here does the same per token: the token ends are the characters labelled 1 or more
(``numpy.flatnonzero``), each token is a slice of the paragraph's characters joined once, and from there every
step is Stanza's own, in its order: ``Vocab.normalize_token``, skipping a token that normalises to nothing
(with its sentence end), finding each space-separated part of the token in the text after the previous one
to get the offsets, ending a sentence on label 2 or 4, and writing each word's id, text, offsets and
``MWT=Yes`` for labels 3 and 4. Unknown characters are counted per distinct character. The unusual cases run
Stanza's own function: no vocabulary or text (pretokenized input), ``skip_newline``, the la_ittb hack, an MWT
dictionary, or a paragraph whose units are not single characters. ``install`` swaps it in for the running
process.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

_original: Any = None
# whitespace other than the plain space: where a paragraph has none, ``Vocab.normalize_token`` (``lstrip``,
# then every whitespace character to a space) is just ``lstrip``
_OTHER_SPACE_RE = re.compile(r"[^\S ]")


def _stanzas() -> Any:
    if _original is not None:
        return _original
    from stanza.models.tokenization import utils

    return utils.decode_predictions


def _not_found(part: str, char_offset: int, text: str) -> ValueError:
    sub = text[max(0, char_offset - 20):min(len(text), char_offset + 20)]
    return ValueError(f"Could not find |{part}| starting from char_offset {char_offset}.  "
                      f"Surrounding text: |{sub}|")


def _needs_stanzas(vocab: Any, mwt_dict: Any, orig_text: str | None, all_raw: list[list[str]],
                   joined: list[str], skip_newline: bool, use_la_ittb_shorthand: bool) -> bool:
    """The unusual cases only Stanza's own function handles: no vocabulary or text (pretokenized input), an
    MWT dictionary, ``skip_newline``, the la_ittb hack, or units that are not single characters."""
    return (vocab is None or orig_text is None or mwt_dict is not None or skip_newline
            or use_la_ittb_shorthand
            or any(len(j) != len(raw) for j, raw in zip(joined, all_raw, strict=True)))


def _unknown_chars(chars: str, vocab: Any, unk_id: int, unknown: dict[str, bool]) -> int:
    """How many characters of the paragraph the vocabulary does not know; `unknown` caches the answer per
    distinct character across paragraphs, so each is looked up once."""
    count = 0
    for char in set(chars):
        if char not in unknown:
            unknown[char] = vocab.unit2id(char) == unk_id
        if unknown[char]:
            count += chars.count(char)
    return count


def _locate(current: str, text: str, char_offset: int, split: Any) -> tuple[int, int]:
    """(start, end) of the token `current` in `text`, each space-separated part (`split`: Stanza's
    SPACE_SPLIT_RE.split, passed in so that no token pays for an import) found after the previous one from
    `char_offset` on, as Stanza finds them (the end is the next search's start)."""
    st = -1
    for part in (current,) if " " not in current.lstrip(" ") else split(current):
        if not part:
            continue
        try:
            st0 = text.index(part, char_offset) - char_offset
        except ValueError as e:
            raise _not_found(part, char_offset, text) from e
        if st < 0:
            st = char_offset + st0 + (len(part) - len(part.lstrip()))
        char_offset += st0 + len(part)
    return st, char_offset


def _decode_paragraph(chars: str, labels: Any, normalize: Any, text: str, char_offset: int,
                      no_ssplit: bool) -> tuple[list[list[dict]], int]:
    """The sentences of one paragraph (token ends are the characters labelled 1 or more) and the offset in
    `text` where the next paragraph's search starts."""
    from stanza.models.common.doc import END_CHAR, ID, MISC, START_CHAR, TEXT
    from stanza.models.tokenization.utils import SPACE_SPLIT_RE

    split = SPACE_SPLIT_RE.split
    sentences: list[list[dict]] = []
    ends = np.flatnonzero(labels >= 1)
    sentence: list[dict] = []
    word_id = 0
    start = 0
    for end, label in zip(ends.tolist(), labels[ends].tolist(), strict=True):
        current = chars[start:end + 1]
        start = end + 1
        token = normalize(current)
        if len(token) <= 0:
            continue  # Stanza skips it, and the sentence end it may carry
        st, char_offset = _locate(current, text, char_offset, split)
        word_id += 1
        word = {ID: (word_id,), TEXT: token, START_CHAR: st, END_CHAR: char_offset}
        if label == 3 or label == 4:
            word[MISC] = "MWT=Yes"
        sentence.append(word)
        if (label == 2 or label == 4) and not no_ssplit:
            sentences.append(sentence)
            sentence = []
            word_id = 0
    if start < len(chars):
        raise ValueError("Finished processing tokens, but there is still text left!")
    if sentence:
        sentences.append(sentence)
    return sentences, char_offset


def decode_predictions(
    vocab: Any,
    mwt_dict: Any,
    orig_text: str | None,
    all_raw: list[list[str]],
    all_preds: list[Any],
    no_ssplit: bool,
    skip_newline: bool,
    use_la_ittb_shorthand: bool,
) -> tuple[int, int, list[list[dict]]]:
    """Stanza's ``tokenization.utils.decode_predictions`` (stanza 1.x), per token instead of per character."""
    from stanza.models.tokenization.data import WHITESPACE_RE
    from stanza.models.tokenization.vocab import Vocab

    joined = ["".join(raw) for raw in all_raw]
    if _needs_stanzas(vocab, mwt_dict, orig_text, all_raw, joined, skip_newline, use_la_ittb_shorthand):
        return _stanzas()(vocab, mwt_dict, orig_text, all_raw, all_preds, no_ssplit, skip_newline,
                          use_la_ittb_shorthand)
    text = WHITESPACE_RE.sub(" ", orig_text)
    unk_id = vocab.unit2id("<UNK>")
    plain_vocab = type(vocab).normalize_token is Vocab.normalize_token and not vocab.lang_replaces_spaces
    unknown: dict[str, bool] = {}
    offset = oov_count = char_offset = 0
    doc: list[list[dict]] = []
    for chars, pred in zip(joined, all_preds, strict=True):
        oov_count += _unknown_chars(chars, vocab, unk_id, unknown)
        offset += len(chars)
        labels = np.asarray(pred)[:len(chars)]
        normalize = str.lstrip if plain_vocab and not _OTHER_SPACE_RE.search(chars) else vocab.normalize_token
        sentences, char_offset = _decode_paragraph(chars, labels, normalize, text, char_offset, no_ssplit)
        doc.extend(sentences)
    return oov_count, offset, doc


def install() -> None:
    """Use ``decode_predictions`` in Stanza's tokenizer for the rest of this process (idempotent)."""
    global _original
    from stanza.models.tokenization import utils

    if _original is None:
        _original = utils.decode_predictions
    utils.decode_predictions = decode_predictions
