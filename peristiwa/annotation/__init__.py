"""Dagster-free annotation records: Stanza output -> Sentence/Token records -> CoNLL-U and polars frames."""

from .conllu import from_conllu, to_conllu
from .frame import ENTITY_MENTIONS_SCHEMA, SENTENCES_SCHEMA, entity_mentions_frame, sentences_frame
from .handmade import regex_sentences, sentence_from_markup
from .records import HEADLINE_INDEX, SENTENCE_FLAGS, Sentence, Token
from .stanza_convert import flags_for, sentences_from_stanza

__all__ = [
    "ENTITY_MENTIONS_SCHEMA",
    "HEADLINE_INDEX",
    "SENTENCES_SCHEMA",
    "SENTENCE_FLAGS",
    "Sentence",
    "Token",
    "entity_mentions_frame",
    "flags_for",
    "from_conllu",
    "regex_sentences",
    "sentence_from_markup",
    "sentences_frame",
    "sentences_from_stanza",
    "to_conllu",
]
