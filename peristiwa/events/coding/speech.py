"""Load the speech-act cues (data/speech_acts.yaml): what a reported clause must say to be an accusation, a
criticism, a threat or a denial by the speaker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..cameo import CameoTable
from ..dictionary import DictionaryError

SPEECH_ACTS_YAML = Path(__file__).resolve().parent.parent / "data" / "speech_acts.yaml"


QUOTE_MARKS = frozenset({'"', "'", "“", "”", "‘", "’", "``", "''"})


@dataclass(frozen=True)
class SpeechAct:
    id: str
    code: str
    cues: tuple[tuple[str, ...], ...]  # each cue as a token sequence
    gloss: str = ""
    # the state the cue is said of must stand right before it ("Iran dalang serangan", "Iran sebagai
    # pelakunya"): a cue that names a role, not an act, says nothing of a state named elsewhere
    actor_before: bool = False


@dataclass(frozen=True)
class SpeechActs:
    version: str
    frames: frozenset[str]
    acts: tuple[SpeechAct, ...]

    def match(self, words: list[str]) -> tuple[SpeechAct, int] | None:
        """The first act (in file order) with a cue in `words` (lower-cased tokens), and the cue's
        position."""
        # quotation marks inside a cue ('membayar "harga yang pantas"') do not break it
        kept = [(i, w) for i, w in enumerate(words) if w not in QUOTE_MARKS]
        bare = [w for _, w in kept]
        for act in self.acts:
            for cue in act.cues:
                n = len(cue)
                for i in range(len(bare) - n + 1):
                    if tuple(bare[i : i + n]) == cue:
                        return act, kept[i][0]
        return None


def _strings(path: Path, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"{path}: {where}: expected a list of non-empty strings")
    return [v.strip().casefold() for v in value]


def load_speech_acts(path: Path | None = None, cameo: CameoTable | None = None) -> SpeechActs:
    path = path or SPEECH_ACTS_YAML
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("version"), str):
        raise DictionaryError(f"{path}: expected a mapping with a 'version' string")
    acts = []
    for i, item in enumerate(raw.get("acts") or []):
        where = f"acts[{i}] ({item.get('id') if isinstance(item, dict) else '?'})"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise DictionaryError(f"{path}: {where}: expected a mapping with an 'id'")
        code = item.get("code")
        if not isinstance(code, str) or (cameo is not None and code not in cameo):
            raise DictionaryError(f"{path}: {where}.code: a quoted CAMEO code is required, got {code!r}")
        cues = tuple(tuple(c.split()) for c in _strings(path, f"{where}.cues", item.get("cues")))
        actor_before = item.get("actor_before", False)
        if not isinstance(actor_before, bool):
            raise DictionaryError(f"{path}: {where}.actor_before: expected true or false")
        acts.append(SpeechAct(item["id"], code, cues, str(item.get("gloss") or ""), actor_before))
    return SpeechActs(raw["version"], frozenset(_strings(path, "frames", raw.get("frames"))), tuple(acts))
