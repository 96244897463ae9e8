"""Event coding: Indonesian trigger dictionary + UD argument extraction -> CAMEO event mentions and events."""

from .cameo import CameoTable, load_cameo
from .coder import EventMention, code_article
from .dedup import cluster_events
from .dictionary import DictionaryError, TriggerDictionary, load_dictionary
from .frame import mentions_frame

__all__ = [
    "CameoTable",
    "DictionaryError",
    "EventMention",
    "TriggerDictionary",
    "cluster_events",
    "code_article",
    "load_cameo",
    "load_dictionary",
    "mentions_frame",
]
