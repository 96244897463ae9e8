"""Offline training recipes for the bundled Indonesian Stanza models (needs the ``train`` extra: gensim)."""

from peristiwa.nlp.training.recipes import ALL_PROCESSORS, MODEL_FILES, train

__all__ = ["ALL_PROCESSORS", "MODEL_FILES", "train"]
