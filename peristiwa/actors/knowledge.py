"""Load and validate the actor knowledge files (data/*.yaml, data/*.csv) into one lookup structure.

Country names come from CLDR via babel (``Locale('id').territories``, alpha-2 keys) mapped to alpha-3 with
data/iso3166.csv; everything CLDR lacks is in the data files. Nothing about actors is hard-coded here.
Every problem is reported as ``KnowledgeError`` naming the file and the entry.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

DATA_DIR = Path(__file__).parent / "data"
# IGO codes: the UN and its organs UNO, the EU EUR (PLOVER's non-state country codes), ASEAN ASN, NATO, the
# OIC,
# the Arab League ARL, the GCC, the African Union AFU; any other international organisation IGO.
IGO_SECTORS = frozenset({"IGO", "UNO", "EUR", "ASN", "NATO", "OIC", "ARL", "GCC", "AFU"})
# Every PLOVER sector (shared/data/cameo/plover_sector_codes.csv) plus the IGO codes.
SECTORS = IGO_SECTORS | frozenset(
    [
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "JRN",
        "LAB",
        "MED",
        "REF",
        "OPP",
        "PRE",
        "REL",
        "SOC",
        "NGO",
    ]
)
_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]", re.UNICODE)


class KnowledgeError(ValueError):
    """A knowledge file is missing, malformed or inconsistent (the message names file and entry)."""


@lru_cache(maxsize=262_144)
def norm(text: str) -> str:
    """Matching key of one word: accents folded, lower case, typographic apostrophes/dashes unified (cached:
    the resolver asks for the same words millions of times)."""
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("‑", "-")
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return folded.lower()


def split_name(text: str) -> list[str]:
    """Split a dictionary name into words the way the resolver's units are built (hyphen words kept whole)."""
    return [m.group(0) for m in _TOKEN_RE.finditer(text)]


def name_word_starts(text: str) -> list[tuple[int, str]]:
    """(offset, word) of each unit `split_name` gives, so that a suffix of the name can be cut out of the text
    whatever stands between its words ("Kata(Rouhani", "Abe,Trump")."""
    return [(m.start(), m.group(0)) for m in _TOKEN_RE.finditer(text)]


def key_of(text: str) -> tuple[str, ...]:
    return tuple(norm(w) for w in split_name(text))


@dataclass(frozen=True)
class Entry:
    """One surface form in the lexicon. ``kind`` decides which resolver rule uses it."""

    kind: str  # country, capital, region, igo, organ, prefix, title, modifier, person
    surface: str
    case_sensitive: bool = False
    iso3: str = ""
    sector: str = ""
    ident: str = ""  # person_id / igo id / organ id / region code
    office: str = ""
    title_kind: str = ""  # office/rank/honorific
    metonym: bool = True
    guarded: bool = False  # only after a non-capitalised word (regions such as "Barat")
    non_state: bool = False  # prefix with iso3_policy none


@dataclass(frozen=True)
class Role:
    person_id: str
    iso3: str
    org: str
    sector: str
    office: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str
    note: str

    def valid_on(self, date: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_to is None or date <= self.valid_to
        )


@dataclass
class Knowledge:
    lexicon: dict[tuple[str, ...], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    max_len: int = 1
    iso3: frozenset[str] = frozenset()
    alpha2_to_alpha3: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # iso3 -> preferred Indonesian name
    sovereign_of: dict[str, str] = field(default_factory=dict)  # dependent territory iso3 -> sovereign iso3
    roles: dict[str, list[Role]] = field(default_factory=lambda: defaultdict(list))
    person_names: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, entry: Entry) -> None:
        key = key_of(name)
        if not key:
            return
        if entry not in self.lexicon[key]:
            self.lexicon[key].append(entry)
        self.max_len = max(self.max_len, len(key))

    def roles_at(self, person_id: str, date: dt.date) -> list[Role]:
        return [r for r in self.roles.get(person_id, []) if r.valid_on(date)]

    def office_holders(self, iso3: str, office: str, date: dt.date) -> list[Role]:
        return [
            r
            for rs in self.roles.values()
            for r in rs
            if r.iso3 == iso3 and r.office == office and r.valid_on(date)
        ]


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise KnowledgeError(f"{path}: knowledge file missing")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict) or "version" not in data:
        raise KnowledgeError(f"{path}: expected a mapping with a 'version' key")
    return data


def _read_csv(path: Path) -> tuple[list[dict[str, str]], str]:
    if not path.is_file():
        raise KnowledgeError(f"{path}: knowledge file missing")
    lines = path.read_text(encoding="utf-8").splitlines()
    version = ""
    for line in lines:
        m = re.match(r"#.*version:\s*(\S+)", line)
        if m:
            version = m.group(1)
    body = [(i + 1, line) for i, line in enumerate(lines) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader([line for _, line in body])
    rows = []
    for (line_no, _), row in zip(body[1:], reader, strict=True):
        if None in row or any(v is None for v in row.values()):
            raise KnowledgeError(f"{path}:{line_no}: wrong number of columns")
        row["_line"] = str(line_no)
        rows.append(row)
    return rows, version


STATELESS_SECTORS = frozenset({"REB", "CRM", "NGO", "BUS", "JRN", "REL", "OPP", "PTY"})


def _check_iso3(k: Knowledge, code: str, where: str, allow_empty: bool = False) -> None:
    if code == "" and allow_empty:
        return
    if code not in k.iso3:
        raise KnowledgeError(f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code")


def _check_sector(sector: str, where: str) -> None:
    if sector and sector not in SECTORS:
        raise KnowledgeError(f"{where}: unknown sector {sector!r} (allowed: {', '.join(sorted(SECTORS))})")


def parse_bound(text: str, upper: bool, where: str) -> dt.date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY; partial dates are lenient (a lower bound at the period's start, an upper
    bound at its end), so an imprecise date never excludes a day it might include."""
    text = text.strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = map(int, text.split("-"))
            if not upper:
                return dt.date(y, m, 1)
            return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 12, 31) if upper else dt.date(int(text), 1, 1)
    except ValueError as exc:
        raise KnowledgeError(f"{where}: invalid date {text!r}: {exc}") from exc
    raise KnowledgeError(f"{where}: invalid date {text!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")


def _names(item: dict[str, Any], where: str) -> list[str]:
    names = item.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise KnowledgeError(f"{where}: 'names' must be a non-empty list of strings")
    return names


def _load_iso(k: Knowledge, data_dir: Path) -> None:
    rows, _ = _read_csv(data_dir / "iso3166.csv")
    k.alpha2_to_alpha3 = {r["alpha2"]: r["alpha3"] for r in rows}
    k.iso3 = frozenset(k.alpha2_to_alpha3.values())
    if len(k.iso3) < 240:
        raise KnowledgeError(
            f"{data_dir / 'iso3166.csv'}: only {len(k.iso3)} codes; the full ISO list is expected"
        )


def _load_countries(k: Knowledge, data_dir: Path) -> None:
    path = data_dir / "countries_extra.yaml"
    data = _read_yaml(path)
    k.versions["countries_extra"] = str(data["version"])
    drop = set(data.get("drop_babel_names") or [])
    skip = set(data.get("skip_babel_codes") or [])
    k.sovereign_of = _dependent_territories(k, data, path)
    n_babel = 0
    for code, name in Locale("id").territories.items():
        if not (len(code) == 2 and code.isalpha()) or code in skip or name in drop:
            continue
        iso3 = k.alpha2_to_alpha3.get(code)
        if iso3 is None:
            continue  # CLDR-only codes (e.g. AC, IC, EA): not ISO 3166-1 states
        k.country_names.setdefault(iso3, name)
        k.add(name, Entry("country", name, iso3=k.sovereign_of.get(iso3, iso3), ident=iso3))
        n_babel += 1
    n_alias = 0
    for i, item in enumerate(data.get("aliases") or []):
        where = f"{path}: aliases[{i}]"
        iso3 = item.get("iso3", "")
        _check_iso3(k, iso3, where)
        exact = set(item.get("case_sensitive_names") or [])
        for name in _names(item, where):
            sovereign = k.sovereign_of.get(iso3, iso3)
            k.add(name, Entry("country", name, case_sensitive=name in exact, iso3=sovereign, ident=iso3))
            n_alias += 1
    k.counts.update(babel_country_names=n_babel, country_aliases=n_alias)


def _dependent_territories(k: Knowledge, data: dict[str, Any], path: Path) -> dict[str, str]:
    """Territory iso3 -> the iso3 of the state that conducts its foreign relations."""
    out: dict[str, str] = {}
    for sovereign, territories in (data.get("dependent_territories") or {}).items():
        where = f"{path}: dependent_territories.{sovereign}"
        _check_iso3(k, sovereign, where)
        for territory in territories or []:
            _check_iso3(k, territory, where)
            if territory in out or territory == sovereign:
                raise KnowledgeError(f"{where}: {territory} is listed twice or under itself")
            out[territory] = sovereign
    return out


def _load_capitals(k: Knowledge, data_dir: Path) -> None:
    path = data_dir / "capitals.csv"
    rows, version = _read_csv(path)
    k.versions["capitals"] = version
    for row in rows:
        where = f"{path}:{row['_line']}"
        _check_iso3(k, row["iso3"], where)
        if row["metonym"] not in ("yes", "no"):
            raise KnowledgeError(f"{where}: metonym must be yes or no")
        name = row["name"].strip()
        k.add(
            name,
            Entry(
                "capital",
                name,
                iso3=row["iso3"],
                ident=norm(name).replace(" ", "_"),
                office=row["kind"],
                metonym=row["metonym"] == "yes",
            ),
        )
    k.counts["capitals"] = len(rows)


def _load_regions(k: Knowledge, data_dir: Path) -> None:
    path = data_dir / "regions.yaml"
    data = _read_yaml(path)
    k.versions["regions"] = str(data["version"])
    for i, item in enumerate(data.get("regions") or []):
        where = f"{path}: regions[{i}]"
        guarded = set(item.get("guarded") or [])
        for name in _names(item, where):
            k.add(name, Entry("region", name, ident=str(item["code"]), guarded=name in guarded))
    k.counts["regions"] = len(data.get("regions") or [])


def _load_organs(k: Knowledge, data_dir: Path) -> None:
    path = data_dir / "organs.yaml"
    data = _read_yaml(path)
    k.versions["organs"] = str(data["version"])
    n_prefix = 0
    for i, item in enumerate(data.get("prefixes") or []):
        where = f"{path}: prefixes[{i}]"
        sector = item.get("sector", "")
        _check_sector(sector, where)
        policy = item.get("iso3_policy", "country")
        if policy not in ("country", "none"):
            raise KnowledgeError(f"{where}: iso3_policy must be 'country' or 'none'")
        for name in _names(item, where):
            k.add(name, Entry("prefix", name, sector=sector, non_state=policy == "none"))
            n_prefix += 1
    seen: set[str] = set()
    fixed = data.get("fixed") or []
    for i, item in enumerate(fixed):
        where = f"{path}: fixed[{i}]"
        ident = item.get("id") or ""
        if not ident or ident in seen:
            raise KnowledgeError(f"{where}: missing or duplicate id {ident!r}")
        seen.add(ident)
        # a transnational non-state group (ISIS, Al Qaeda) belongs to no state
        stateless = item.get("sector", "") in STATELESS_SECTORS
        _check_iso3(k, item.get("iso3", ""), where, allow_empty=stateless)
        _check_sector(item.get("sector", ""), where)
        for name in _names(item, where):
            k.add(
                name,
                Entry(
                    "organ",
                    name,
                    case_sensitive=bool(item.get("case_sensitive")),
                    iso3=item["iso3"],
                    sector=item.get("sector", ""),
                    ident=ident,
                ),
            )
    k.counts.update(organ_prefixes=n_prefix, named_organs=len(fixed))


def _load_igos(k: Knowledge, data_dir: Path) -> None:
    path = data_dir / "igos.yaml"
    data = _read_yaml(path)
    k.versions["igos"] = str(data["version"])
    items = data.get("igos") or []
    ids = {item.get("id") for item in items}
    own = {item.get("id"): item.get("sector") for item in items}
    for i, item in enumerate(items):
        where = f"{path}: igos[{i}]"
        if not item.get("id"):
            raise KnowledgeError(f"{where}: missing id")
        if item.get("parent") and item["parent"] not in ids:
            raise KnowledgeError(f"{where}: unknown parent {item['parent']!r}")
        # An organ takes its parent's code (the Security Council is UNO) unless it names its own.
        sector = item.get("sector") or own.get(item.get("parent")) or "IGO"
        _check_sector(sector, where)
        for name in _names(item, where):
            # IGO acronyms collide with words in lower case ("oki", "who"): acronyms match case-sensitively.
            exact = name.isupper() or any(c.isdigit() for c in name)
            k.add(name, Entry("igo", name, case_sensitive=exact, sector=sector, ident=item["id"]))
    k.counts["igos"] = len(items)


def _load_titles(k: Knowledge, data_dir: Path) -> None:
    path = data_dir / "titles.yaml"
    data = _read_yaml(path)
    k.versions["titles"] = str(data["version"])
    n = 0
    for i, item in enumerate(data.get("titles") or []):
        where = f"{path}: titles[{i}]"
        _check_sector(item.get("sector", ""), where)
        if item.get("kind") not in ("office", "rank", "honorific"):
            raise KnowledgeError(f"{where}: kind must be office, rank or honorific")
        exact = set(item.get("case_sensitive_names") or [])
        for name in _names(item, where):
            k.add(
                name,
                Entry(
                    "title",
                    name,
                    case_sensitive=name in exact,
                    sector=item.get("sector", ""),
                    office=item.get("office", ""),
                    title_kind=item["kind"],
                ),
            )
            n += 1
    for i, item in enumerate(data.get("modifiers") or []):
        where = f"{path}: modifiers[{i}]"
        _check_sector(item.get("sector_override", ""), where)
        for name in _names(item, where):
            k.add(name, Entry("modifier", name, sector=item.get("sector_override", "")))
    k.counts["titles"] = n


def _load_persons(k: Knowledge, data_dir: Path) -> None:
    path = data_dir / "persons.csv"
    rows, version = _read_csv(path)
    k.versions["persons"] = version
    for row in rows:
        where = f"{path}:{row['_line']}"
        pid = row["person_id"].strip()
        if not re.fullmatch(r"[a-z0-9_]+", pid):
            raise KnowledgeError(f"{where}: person_id must be lower_snake_case, got {pid!r}")
        _check_iso3(k, row["iso3"], where, allow_empty=bool(row["org"]))
        _check_sector(row["sector"], where)
        if not row["sector"]:
            raise KnowledgeError(f"{where}: sector is required")
        start = parse_bound(row["valid_from"], False, where)
        end = parse_bound(row["valid_to"], True, where)
        if start and end and start > end:
            raise KnowledgeError(f"{where}: valid_from {start} is after valid_to {end}")
        names = [n.strip() for n in row["names"].split(";") if n.strip()]
        if not names:
            raise KnowledgeError(f"{where}: no names")
        role = Role(
            pid, row["iso3"], row["org"], row["sector"], row["office"], start, end, row["source"], row["note"]
        )
        k.roles[pid].append(role)
        known = k.person_names.setdefault(pid, [])
        for name in names:
            if name not in known:
                known.append(name)
                k.add(name, Entry("person", name, ident=pid))
    k.counts.update(persons=len(k.roles), person_roles=sum(len(r) for r in k.roles.values()))


def _load_rules(k: Knowledge, data_dir: Path) -> None:
    path = data_dir / "rules.yaml"
    data = _read_yaml(path)
    k.versions["rules"] = str(data["version"])
    required = (
        "venue_prepositions",
        "country_venue_prepositions",
        "actor_deprels",
        "actor_cues",
        "coordinators",
        "non_actor_prefixes",
        "both_states",
        "both_states_window",
        "both_states_generic_before",
        "both_states_generic_after",
        "geographic_feature_words",
        "posting_titles",
        "posting_acronyms",
        "name_particles",
        "generational_suffixes",
        "forms_of_address",
        "shared_offices",
        "calendar_words",
        "foreign_affairs_cues",
        "posting_prepositions",
        "origin_markers",
        "origin_prepositions",
        "origin_preposition_sectors",
        "nonstate_body_words",
        "state_body_words",
        "modifier_gap_sectors",
        "modifier_gap_stopwords",
        "office_ordinals",
        "tournament_suffixes",
        "club_prefix_aliases",
        "treaty_words",
    )
    for key in required:
        if key not in data:
            raise KnowledgeError(f"{path}: missing key {key!r}")
    k.rules = {key: data[key] for key in required}
    for key in required:
        if isinstance(k.rules[key], list):
            k.rules[key] = frozenset(norm(str(v)) for v in k.rules[key])
    for phrase in data["both_states"]:
        k.add(phrase, Entry("both", phrase))


def load_knowledge(path: str | Path | None = None) -> Knowledge:
    """Load every knowledge file from ``path`` (default: the package's data/ directory)."""
    data_dir = Path(path) if path is not None else DATA_DIR
    k = Knowledge()
    _load_iso(k, data_dir)
    _load_countries(k, data_dir)
    _load_capitals(k, data_dir)
    _load_regions(k, data_dir)
    _load_organs(k, data_dir)
    _load_igos(k, data_dir)
    _load_titles(k, data_dir)
    _load_persons(k, data_dir)
    _load_rules(k, data_dir)
    return k
