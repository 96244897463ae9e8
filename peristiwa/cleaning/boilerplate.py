"""Line-level boilerplate handling: replacements, footers, whole-line and inline removals, captions.

Every function takes the working list of lines and an Audit, and returns the new list; what a rule
removes or changes is recorded, so the audit can answer "why is this text not in the article?".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import AUDIT_TEXT_MAX, Removal
from .normalize import normal_form, repair_mojibake
from .rules import CleaningRules, Rule


@dataclass
class Line:
    line_no: int  # 1-based line of the raw text this paragraph came from
    text: str
    caption: bool = False


@dataclass
class Audit:
    """Collects removals. Frequent mechanical edits (unicode, scraper joins) are aggregated per rule so a
    22k-article corpus does not produce millions of audit rows; the count is kept in the text."""

    items: list[Removal] = field(default_factory=list)
    _agg: dict[str, list] = field(default_factory=dict)  # rule_id -> [reason, first_text, line_no, count]

    def add(self, rule_id: str, reason: str, text: str, line_no: int | None) -> None:
        self.items.append(Removal(rule_id, reason, text[:AUDIT_TEXT_MAX], line_no))

    def count(self, rule_id: str, reason: str, text: str, line_no: int | None, n: int) -> None:
        entry = self._agg.get(rule_id)
        if entry is None:
            self._agg[rule_id] = [reason, text, line_no, n]
        else:
            entry[3] += n

    def removals(self) -> tuple[Removal, ...]:
        agg = [
            Removal(rule_id, reason, (f"{text!r} x{n}" if n > 1 else repr(text))[:AUDIT_TEXT_MAX], line_no)
            for rule_id, (reason, text, line_no, n) in self._agg.items()
        ]
        return tuple(agg + self.items)


def normalise_lines(raw: str, rules: CleaningRules, audit: Audit) -> list[Line]:
    """Split raw text into lines, repair Unicode and apply `replace` rules (which may split lines)."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    replace_rules = rules.of_kind("replace")
    out: list[Line] = []
    for line_no, text in enumerate(raw.split("\n"), start=1):
        if not text.strip():
            continue
        text, repair = repair_mojibake(text)
        if repair:
            audit.add("unicode-mojibake", "unicode", repair, line_no)
        text, changed = normal_form(text, rules.normal_form)
        if changed:
            audit.count(f"unicode-{rules.normal_form.lower()}", "unicode", "", line_no, 1)
        pieces = [text]
        for rule in replace_rules:
            pieces = _apply_replace(rule, pieces, line_no, audit)
        out.extend(Line(line_no, p.strip()) for p in pieces if p.strip())
    return out


def _apply_replace(rule: Rule, pieces: list[str], line_no: int, audit: Audit) -> list[str]:
    result: list[str] = []
    for piece in pieces:
        new, n = rule.regex.subn(rule.replacement, piece)
        if n:
            m = rule.regex.search(piece)
            audit.count(rule.id, rule.reason, m.group(0) if m else "", line_no, n)
            result.extend(new.split("\n"))
        else:
            result.append(piece)
    return result


def cut_footer(lines: list[Line], rules: CleaningRules, audit: Audit) -> list[Line]:
    """Drop the first footer line found after the first line, and everything after it."""
    footers = rules.of_kind("footer")
    for i in range(1, len(lines)):
        for rule in footers:
            if rule.regex.search(lines[i].text):
                for line in lines[i:]:
                    audit.add(rule.id, rule.reason, line.text, line.line_no)
                return lines[:i]
    return lines


def drop_lines(lines: list[Line], rules: CleaningRules, audit: Audit) -> list[Line]:
    """Remove whole lines matching a drop_line rule, then inline `strip` matches."""
    drop_rules, strip_rules = rules.of_kind("drop_line"), rules.of_kind("strip")
    kept: list[Line] = []
    for line in lines:
        rule = next((r for r in drop_rules if r.regex.search(line.text)), None)
        if rule is not None:
            audit.add(rule.id, rule.reason, line.text, line.line_no)
            continue
        for rule in strip_rules:
            m = rule.regex.search(line.text)
            if m:
                audit.add(rule.id, rule.reason, m.group(0).strip(), line.line_no)
                line.text = (line.text[: m.start()] + " " + line.text[m.end() :]).strip()
        if line.text:
            kept.append(line)
    return kept


def dedupe_captions(lines: list[Line], rules: CleaningRules, audit: Audit) -> list[Line]:
    """A photo caption is printed twice (once with a bullet): keep one copy and mark it as a caption."""
    bullets = rules.caption_bullets
    kept: list[Line] = []
    for line in lines:
        bare = line.text.lstrip(bullets).strip()
        if bare != line.text:  # a bullet-led line at this point is a caption, not prose
            line.text, line.caption = bare, True
        prev = kept[-1] if kept else None
        if prev is not None and bare and prev.text == bare and (prev.caption or line.caption):
            prev.caption = True
            audit.add("duplicate-caption", "duplicate_caption", line.text, line.line_no)
            continue
        if line.text:
            kept.append(line)
    return kept
