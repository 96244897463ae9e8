"""Load and validate the cleaning rules (rules.yaml) into compiled, immutable objects.

All knowledge (patterns, vocabularies, publisher names) lives in the YAML; this module only checks its
shape and compiles it, so a bad edit fails loudly at load time instead of silently cleaning less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DEFAULT_RULES_PATH = Path(__file__).with_name("rules.yaml")

# kind -> scope it must declare. Keeping this table here (not in YAML) is deliberate: it is the schema.
KINDS: dict[str, str] = {
    "replace": "line",
    "footer": "line",
    "drop_line": "line",
    "strip": "line",
    "timestamp": "head",
    "dateline": "head",
    "span": "line",
    "date": "body",
    "glue": "line",
    "builtin": "article",  # an algorithmic step (no pattern); declared so every audit rule_id is in YAML
}
DATE_BASES = ("text_timestamp", "text_weekday_date")
_FLAGS = {"IGNORECASE": re.IGNORECASE, "MULTILINE": re.MULTILINE}
_REQUIRED = ("id", "kind", "scope", "reason", "description")


class RulesError(ValueError):
    """rules.yaml is malformed; the message names the file, the rule and the problem."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    scope: str
    reason: str
    description: str
    regex: re.Pattern[str]
    replacement: str = ""
    publisher: str | None = None  # a footer/drop_line that identifies the site
    span_kind: str | None = None
    basis: str | None = None


@dataclass(frozen=True)
class Publisher:
    name: str
    aliases: tuple[str, ...]
    hosts: tuple[str, ...]


@dataclass(frozen=True)
class CleaningRules:
    version: str
    rules: tuple[Rule, ...]
    weekdays: dict[str, int]
    months: dict[str, int]
    publishers: tuple[Publisher, ...]
    publisher_lookup: dict[str, str]  # casefolded alias/host/name -> canonical name
    glue_prefixes: tuple[str, ...]
    glue_exceptions: frozenset[str]
    glue_keep_suffixes: frozenset[str]
    glue_domain: re.Pattern[str] | None  # matches right after a token that is part of a domain name
    head_lines: int
    headline_max_words: int
    terminal_punctuation: str
    caption_bullets: str
    residue: dict[str, str]  # name -> regex source, placeholders expanded
    normal_form: str
    source_path: str

    def of_kind(self, kind: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind == kind)


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    # Longest first so "Oktober" wins over "Okt" in an alternation.
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _fail(path: Path, where: str, msg: str) -> RulesError:
    return RulesError(f"{path}: {where}: {msg}")


def _expand(pattern: str, placeholders: dict[str, str]) -> str:
    # str.format would choke on regex quantifiers like {1,2}; replace only the known placeholders.
    for name, alt in placeholders.items():
        pattern = pattern.replace("{" + name + "}", alt)
    return pattern


def _str_list(path: Path, where: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, where, "expected a list of non-empty strings")
    return value


def _compile_rule(path: Path, idx: int, raw: Any, placeholders: dict[str, str]) -> Rule:
    where = f"rules[{idx}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "each rule must be a mapping")
    where = f"rules[{idx}] (id={raw.get('id', '?')!r})"
    missing = [k for k in _REQUIRED if not isinstance(raw.get(k), str) or not raw.get(k)]
    if missing:
        raise _fail(path, where, f"missing or empty required field(s): {', '.join(missing)}")
    kind, scope = raw["kind"], raw["scope"]
    if kind not in KINDS:
        raise _fail(path, where, f"unknown kind {kind!r}; expected one of {sorted(KINDS)}")
    if scope != KINDS[kind]:
        raise _fail(path, where, f"kind {kind!r} must have scope {KINDS[kind]!r}, not {scope!r}")
    has_pattern, has_literal = "pattern" in raw, "literal" in raw
    if kind == "builtin":
        if has_pattern or has_literal:
            raise _fail(path, where, "kind 'builtin' takes no pattern")
        return Rule(raw["id"], kind, scope, raw["reason"], raw["description"], re.compile(r"(?!)"))
    if has_pattern == has_literal:
        raise _fail(path, where, "give exactly one of 'pattern' (regex) or 'literal'")
    flags = 0
    for flag in raw.get("flags", []) or []:
        if flag not in _FLAGS:
            raise _fail(path, where, f"unknown flag {flag!r}; expected one of {sorted(_FLAGS)}")
        flags |= _FLAGS[flag]
    source = re.escape(raw["literal"]) if has_literal else _expand(str(raw["pattern"]), placeholders)
    try:
        regex = re.compile(source, flags)
    except re.error as exc:
        raise _fail(path, where, f"invalid regex: {exc}") from exc
    if kind == "replace" and not isinstance(raw.get("replacement"), str):
        raise _fail(path, where, "kind 'replace' needs a string 'replacement' ('' to delete)")
    if kind == "glue" and not {"head", "tail"} <= set(regex.groupindex):
        raise _fail(path, where, "kind 'glue' needs named groups (?P<head>...) and (?P<tail>...)")
    if kind in ("timestamp", "date") and not {"day", "month", "year"} <= set(regex.groupindex):
        raise _fail(path, where, f"kind {kind!r} needs named groups day, month, year")
    if kind == "dateline" and not set(regex.groupindex) <= {"place", "publisher"}:
        raise _fail(path, where, "kind 'dateline' may only use named groups place and publisher")
    if kind == "date" and raw.get("basis") not in DATE_BASES:
        raise _fail(path, where, f"kind 'date' needs basis one of {DATE_BASES}")
    if kind == "span" and not raw.get("span_kind"):
        raise _fail(path, where, "kind 'span' needs 'span_kind'")
    return Rule(
        id=raw["id"],
        kind=kind,
        scope=scope,
        reason=raw["reason"],
        description=raw["description"],
        regex=regex,
        replacement=raw.get("replacement", ""),
        publisher=raw.get("publisher"),
        span_kind=raw.get("span_kind"),
        basis=raw.get("basis"),
    )


def _read_doc(path: Path) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError(f"{path}: cannot read rules file: {exc}") from exc
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise _fail(path, "top level", "expected a mapping")
    return doc


def _version(path: Path, doc: dict[str, Any]) -> str:
    version = doc.get("version")
    if not isinstance(version, str) or not version.strip():
        raise _fail(path, "version", 'a non-empty string is required (quote it: version: "1.0")')
    return version


def _vocab(path: Path, doc: dict[str, Any]) -> tuple[dict[str, int], dict[str, int]]:
    """(weekday name -> 1..7, month name -> 1..12), as written."""
    vocab = doc.get("vocab") or {}
    weekdays, months = vocab.get("weekdays"), vocab.get("months")
    for name, table in (("vocab.weekdays", weekdays), ("vocab.months", months)):
        if not isinstance(table, dict) or not table or not all(isinstance(v, int) for v in table.values()):
            raise _fail(path, name, "expected a non-empty mapping of name -> integer")
    if not all(1 <= v <= 7 for v in weekdays.values()):
        raise _fail(path, "vocab.weekdays", "weekday numbers must be 1..7 (Monday = 1)")
    if not all(1 <= v <= 12 for v in months.values()):
        raise _fail(path, "vocab.months", "month numbers must be 1..12")
    return weekdays, months


def _glue(path: Path, doc: dict[str, Any]) -> tuple[list[str], list[str], list[str], list[str]]:
    """(prefixes, exceptions, keep_suffixes, domain_suffixes) of the glue repair."""
    glue = doc.get("glue") or {}
    prefixes = _str_list(path, "glue.prefixes", glue.get("prefixes"))
    exceptions = _str_list(path, "glue.exceptions", glue.get("exceptions", []))
    suffixes = _str_list(path, "glue.keep_suffixes", glue.get("keep_suffixes", []))
    domains = (
        _str_list(path, "glue.domain_suffixes", glue["domain_suffixes"]) if "domain_suffixes" in glue else []
    )
    return prefixes, exceptions, suffixes, domains


def _publishers(path: Path, doc: dict[str, Any]) -> tuple[tuple[Publisher, ...], dict[str, str]]:
    """The publishers, and casefolded name/alias/host -> publisher name."""
    publishers: list[Publisher] = []
    lookup: dict[str, str] = {}
    for i, raw in enumerate(doc.get("publishers") or []):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise _fail(path, f"publishers[{i}]", "each publisher needs a 'name'")
        pub = Publisher(
            name=raw["name"],
            aliases=tuple(_str_list(path, f"publishers[{i}].aliases", raw.get("aliases", []))),
            hosts=tuple(_str_list(path, f"publishers[{i}].hosts", raw.get("hosts", []))),
        )
        publishers.append(pub)
        for key in (pub.name, *pub.aliases, *pub.hosts):
            lookup[key.casefold()] = pub.name
    return tuple(publishers), lookup


def _limits(path: Path, doc: dict[str, Any]) -> dict[str, Any]:
    limits = doc.get("limits") or {}
    for key in ("head_lines", "headline_max_words"):
        if not isinstance(limits.get(key), int) or limits[key] < 1:
            raise _fail(path, f"limits.{key}", "a positive integer is required")
    return limits


def _placeholders(
    weekdays: dict[str, int], months: dict[str, int], prefixes: list[str], exceptions: list[str],
    domains: list[str],
) -> dict[str, str]:
    """What `{name}` in a rule or residue pattern expands to."""
    return {
        "weekdays": _alternation(list(weekdays)),
        "months": _alternation(list(months)),
        "glue_prefixes": _alternation(prefixes),
        # (?!) never matches: an empty list must not turn into an empty alternation that always does
        "glue_exceptions": _alternation(exceptions) or "(?!)",
        "domain_suffixes": _alternation(domains) or "(?!)",
    }


def _rules(path: Path, doc: dict[str, Any], placeholders: dict[str, str]) -> tuple[Rule, ...]:
    raw_rules = doc.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _fail(path, "rules", "a non-empty list of rules is required")
    rules = tuple(_compile_rule(path, i, r, placeholders) for i, r in enumerate(raw_rules))
    # Removals are audited by rule id, so an id must name one rule.
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise _fail(path, f"rule {r.id!r}", "duplicate rule id")
        seen.add(r.id)
    return rules


def _residue(path: Path, doc: dict[str, Any], placeholders: dict[str, str]) -> dict[str, str]:
    """name -> expanded regex; compiled here only to fail early on a bad pattern."""
    residue: dict[str, str] = {}
    for name, pattern in (doc.get("residue") or {}).items():
        source = _expand(str(pattern), placeholders)
        try:
            re.compile(source)
        except re.error as exc:
            raise _fail(path, f"residue.{name}", f"invalid regex: {exc}") from exc
        residue[str(name)] = source
    return residue


def _normal_form(path: Path, doc: dict[str, Any]) -> str:
    normal_form = (doc.get("unicode") or {}).get("normal_form", "NFC")
    if normal_form not in ("NFC", "NFKC", "NFD", "NFKD"):
        raise _fail(path, "unicode.normal_form", "expected one of NFC, NFKC, NFD, NFKD")
    return normal_form


def load_rules(path: Path | None = None) -> CleaningRules:
    """Load rules.yaml (default: the packaged one), validate it and compile every pattern."""
    path = Path(path) if path is not None else DEFAULT_RULES_PATH
    doc = _read_doc(path)
    version = _version(path, doc)
    weekdays, months = _vocab(path, doc)
    prefixes, exceptions, suffixes, domains = _glue(path, doc)
    publishers, lookup = _publishers(path, doc)
    limits = _limits(path, doc)
    placeholders = _placeholders(weekdays, months, prefixes, exceptions, domains)
    rules = _rules(path, doc, placeholders)
    residue = _residue(path, doc, placeholders)
    normal_form = _normal_form(path, doc)
    return CleaningRules(
        version=version.strip(),
        rules=rules,
        weekdays={k.casefold(): v for k, v in weekdays.items()},
        months={k.casefold(): v for k, v in months.items()},
        publishers=publishers,
        publisher_lookup=lookup,
        glue_prefixes=tuple(prefixes),
        glue_exceptions=frozenset(exceptions),
        glue_keep_suffixes=frozenset(s.casefold() for s in suffixes),
        glue_domain=re.compile(
            rf"\.(?:{placeholders['domain_suffixes']})\b", re.IGNORECASE
        ) if domains else None,
        head_lines=limits["head_lines"],
        headline_max_words=limits["headline_max_words"],
        terminal_punctuation=str(limits.get("terminal_punctuation", '.!?"')),
        caption_bullets=str(limits.get("caption_bullets", "•")),
        residue=residue,
        source_path=str(path),
        normal_form=normal_form,
    )


def residue_patterns(rules: CleaningRules) -> dict[str, str]:
    """name -> regex that must not match cleaned text; the quality checks and the tests share it."""
    return dict(rules.residue)
