"""Event dates from Indonesian news text.

Explicit dates ("Senin (29/1/2024)", "17 Januari", "(4/11)", "April 2023", "pada bulan Juli") and relative
ones
("dua hari kemudian", "sebulan kemudian", "bulan lalu", "pekan lalu", "kemarin", "baru-baru ini") become a
DateResolution (date_text, event_date, date_min, date_max, date_precision, date_basis).

Anchoring (why): "kemudian" counts forward from the story's own narrative anchor, the nearest explicit date
before it ("17 Januari" + "Dua hari kemudian" = 19 Jan even when the publication date is later); "lalu",
"kemarin" and "baru-baru ini" count back from the time of writing, the publication date. Year-less dates take
the year that makes the stated weekday true, else the year that puts them on or before publication, else the
year the article itself mentions most recently (e.g. "AZIREX2024").

Undated articles (published_date None, a normal input): the time of writing is unknown, so expressions
relative to it ("tiga hari lalu", "kemarin", "baru-baru ini") resolve to no date (precision 'unknown') rather
than to a guess from some other date in the story; "kemudian" still counts from an explicit date before it;
absolute dates resolve as usual; and a sentence without a date of its own inherits the narrative date with an
open end (no publication closes the interval).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

CALENDAR_YAML = Path(__file__).parent / "data" / "calendar.yaml"
# Parts of a month news names ("akhir Juli lalu"): first and last day.
MONTH_PARTS = {"awal": (1, 10), "pertengahan": (11, 20), "akhir": (21, 31)}
# Words after a bare month name that place it before (-1) or after (+1) the time of writing.
MONTH_DIRECTIONS = {"lalu": -1, "kemarin": -1, "silam": -1, "mendatang": 1, "depan": 1, "nanti": 1}
# A sentence without a date of its own inherits the story's narrative date only when that date is this close
# to
# publication; older dates ("pada 1950", "sejak tahun 1967") are background the story returns from.
INHERIT_WINDOW_DAYS = 45
# No event is dated after the report that tells it: a later date ("pada November 2019" in a September
# article, "hingga 16 September 2020") is the time of a planned act or the end of a period, and an announced
# act is coded when it is announced. One day of slack: a metadata date can be a day early.
REPORT_SLACK_DAYS = 1


@dataclass(frozen=True, eq=False)  # hashed by identity: patterns are cached per loaded calendar
class Calendar:
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, dict[str, Any]]
    directions: dict[str, int]
    deictic: dict[str, int]
    vague: dict[str, int]


@functools.cache
def load_calendar(path: Path = CALENDAR_YAML) -> Calendar:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Calendar(
        **{
            k: {str(a).casefold(): b for a, b in raw[k].items()}
            for k in ("weekdays", "months", "numbers", "units", "directions", "deictic", "vague")
        }
    )


@dataclass(frozen=True)
class DateResolution:
    date_text: str | None
    event_date: dt.date | None
    date_min: dt.date | None
    date_max: dt.date | None
    date_precision: str  # day / month / range / approx / unknown / none
    # explicit / explicit-year-inferred / relative-narrative / relative-publication / inherited /
    # publication / none
    date_basis: str
    start: int | None = None  # char offsets of date_text within the text it was found in
    end: int | None = None
    weekday_consistent: bool | None = None


NO_DATE = DateResolution(None, None, None, None, "none", "none")


def weekday_consistent(date: dt.date, weekday_name: str, cal: Calendar | None = None) -> bool | None:
    """True/False if the weekday name is known and (dis)agrees with the date; None if the name is unknown."""
    cal = cal or load_calendar()
    wd = cal.weekdays.get(weekday_name.casefold())
    return None if wd is None else wd == date.isoweekday()


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns(cal: Calendar) -> dict[str, re.Pattern[str]]:
    wd, mo, num = _alt(list(cal.weekdays)), _alt(list(cal.months)), _alt(list(cal.numbers))
    units, dirs = _alt(list(cal.units)), _alt(list(cal.directions))
    weekday = rf"(?:(?P<weekday>{wd})\s*,?\s*)?"
    return {
        "dmy": re.compile(
            rf"(?i)\b{weekday}\(?(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})\s*/\s*(?P<year>\d{{4}}|\d{{2}})\)?"
        ),
        # "(29/1)" and, in tokenised sources, "( 29 / 1 )"
        "dm": re.compile(rf"(?i)\b{weekday}\(\s*(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})\s*\)"),
        "d_month_y": re.compile(
            rf"(?i)\b{weekday}(?P<day>\d{{1,2}})\s+(?P<month>{mo})\.?(?:\s+(?P<year>\d{{4}}))?\b"
        ),
        "month_y": re.compile(rf"(?i)\b(?P<month>{mo})\s+(?P<year>\d{{4}})\b"),
        "month": re.compile(
            rf"(?i)\b(?P<part>bulan|pada|sejak|hingga|akhir|awal|pertengahan)\s+(?:bulan\s+)?(?P<month>{mo})\b"
            r"(?!\s+\d)"
        ),
        # a month named by its direction from the time of writing, with no cue word before it: "kunjungan
        # ... ke Indonesia, Desember lalu", "Agustus mendatang" (about 250 such sentences in the shared
        # corpora); full names only, an abbreviation such as "Mar" or "Des" is too often something else
        "month_dir": re.compile(
            rf"(?i)\b(?P<month>{_alt([m for m in cal.months if len(m) > 3])})\s+"
            rf"(?P<mdir>{_alt(list(MONTH_DIRECTIONS))})\b"
        ),
        "year": re.compile(r"(?i)\b(?:tahun|pada|sejak)\s+(?P<year>(?:19|20)\d{2})\b"),
        # a named conflict with its year as a time adjunct: "dalam perang Timur Tengah 1967", "selama krisis
        # Teluk 1990-91" (about 30 in the shared corpora)
        "event_year": re.compile(
            r"(?i)\b(?:dalam|pada|selama|saat|ketika|sejak)\s+(?:perang|konflik|krisis|invasi|revolusi|kudeta"
            r"|tragedi|peristiwa)\b(?:\s+[^\s.,;:0-9]+){0,4}\s+(?P<year>(?:19|20)\d{2})\b"
        ),
        "relative": re.compile(
            rf"(?i)\b(?:(?P<num>\d+|{num})\s+(?P<unit>{units})|se(?P<seunit>{units}))"
            rf"\s+(?P<dir>{dirs})\b"
        ),
        "unit_lalu": re.compile(rf"(?i)\b(?P<unit>{units}|tahun)\s+(?P<dir>lalu|kemarin)\b"),
        "deictic": re.compile(rf"(?i)\b(?P<word>{_alt(list(cal.deictic))})\b"),
        "vague": re.compile(rf"(?i)\b(?P<word>{_alt(list(cal.vague))})"),
        "weekday_only": re.compile(rf"(?i)\b(?:pada|hari|sejak)\s+(?P<weekday>{wd})\b(?!\s*[,]?\s*\(?\d)"),
        "years_any": re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)"),
    }


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


@dataclass(frozen=True)
class ArticleDates:
    """Article-level context: every explicit date (with its char offset) and the years the article
    mentions."""

    published: dt.date | None
    explicit: tuple[tuple[int, DateResolution], ...]  # (article char offset, resolution) in text order
    years: tuple[int, ...]

    def first_anchor(self, keep: Callable[[DateResolution], bool]) -> DateResolution | None:
        """The article's first explicit date that `keep` accepts."""
        return next((res for _, res in self.explicit if keep(res)), None)

    def anchor_before(
        self, offset: int, keep: Callable[[DateResolution], bool] | None = None
    ) -> DateResolution | None:
        """Nearest explicit date at or before `offset` (the narrative anchor), among those `keep` accepts."""
        best = None
        for pos, res in self.explicit:
            if pos <= offset and (keep is None or keep(res)):
                best = res
        return best


# A year-less date up to this many days after publication is this year's, still to come ("pelantikan presiden
# pada 20 Oktober" in a September article); a later one is last year's. Of 19 coded mentions in IndoSum and
# CLICK-ID whose year-less date fell 8-90 days after publication, the 18 within 60 days were all this year's
# (inaugurations, deadlines, scheduled talks and visits), and the one past event ("sejak Desember") lay 80
# days ahead. The earlier cut at 7 days put all 18 a year back.
UPCOMING_DAYS = 60


def _infer_year(
    month: int,
    day: int | None,
    weekday: str | None,
    published: dt.date | None,
    years: tuple[int, ...],
    cal: Calendar,
) -> tuple[int | None, bool | None]:
    """Pick a year for a year-less date; returns (year, weekday_consistent)."""
    cands: list[int] = []
    if published:
        cands += [published.year, published.year - 1]
    # Without a publication date the latest year the article mentions stands in for "now".
    cands += [y for y in sorted(set(years), reverse=True) if y not in cands]
    if not cands:
        return None, None
    if weekday and day:
        ok = [y for y in cands if (d := _safe(y, month, day)) and weekday_consistent(d, weekday, cal)]
        if ok:
            # Several years can share a weekday; prefer the one on/before publication, then the article's
            # years.
            return ok[0], True
    if published:
        d = _safe(published.year, month, day or 1)
        upcoming = published + dt.timedelta(days=UPCOMING_DAYS)
        year = published.year if d is None or d <= upcoming else published.year - 1
    else:
        year = cands[0]
    cons = None
    if weekday and day and (d := _safe(year, month, day)):
        cons = weekday_consistent(d, weekday, cal)
    return year, cons


def _month_interval(
    text: str, d: dt.date, basis: str, start: int, end: int, lo: dt.date | None = None
) -> DateResolution:
    """The whole calendar month of `d`, dated to its first day; `lo` (if given) moves the interval's start
    earlier (a year-less month that may be the previous year's)."""
    first = dt.date(d.year, d.month, 1)
    return DateResolution(text, first, lo or first, _month_end(d.year, d.month), "month", basis, start, end)


def _named_month(
    m: re.Match[str], year: int, month: int, basis: str, lo: dt.date | None = None
) -> DateResolution:
    """The month a match names ("April 2023", "Desember lalu"), as a month-wide resolution of the match."""
    return _month_interval(m.group(0).strip(), dt.date(year, month, 1), basis, m.start(), m.end(), lo)


def _year_interval(text: str, year: int, basis: str, start: int, end: int) -> DateResolution:
    """The whole calendar year, dated to its middle."""
    return DateResolution(
        text, dt.date(year, 7, 1), dt.date(year, 1, 1), dt.date(year, 12, 31), "range", basis, start, end
    )


def _explicit_day(
    m: re.Match[str], published: dt.date | None, years: tuple[int, ...], cal: Calendar
) -> DateResolution | None:
    """A day and month, with or without a year ("Senin (29/1/2024)", "(4/11)", "17 Januari")."""
    g = m.groupdict()
    weekday = g.get("weekday")
    month = int(g["month"]) if g["month"].isdigit() else cal.months[g["month"].casefold()]
    day = int(g["day"])
    basis = "explicit"
    if g.get("year"):
        year = int(g["year"])
        year += 2000 if year < 100 else 0
        cons = weekday_consistent(d, weekday, cal) if weekday and (d := _safe(year, month, day)) else None
    else:
        year, cons = _infer_year(month, day, weekday, published, years, cal)
        basis = "explicit-year-inferred"
    d = _safe(year, month, day) if year else None
    if d is None:
        return None
    if cons is False:
        basis += ";weekday-mismatch"
    return DateResolution(m.group(0).strip(), d, d, d, "day", basis, m.start(), m.end(), cons)


def _month_part(m: re.Match[str], year: int, month: int, part: str, basis: str) -> DateResolution:
    """ "akhir Juli": the last third of the month, "awal Juli" the first, "pertengahan" the middle."""
    first, last = MONTH_PARTS[part]
    last = min(last, _month_end(year, month).day)
    return DateResolution(
        m.group(0).strip(),
        dt.date(year, month, (first + last) // 2),
        dt.date(year, month, first),
        dt.date(year, month, last),
        "range",
        basis,
        m.start(),
        m.end(),
    )


def _explicit_month(
    m: re.Match[str],
    published: dt.date | None,
    years: tuple[int, ...],
    cal: Calendar,
    anchor: DateResolution | None,
) -> DateResolution | None:
    """A month with or without a year ("April 2023", "pada bulan Juli", "akhir Juli")."""
    g = m.groupdict()
    month = cal.months[g["month"].casefold()]
    if g.get("year"):
        year, basis = int(g["year"]), "explicit"
        lo = dt.date(year, month, 1)
    else:
        # Year-less month: news leaves out the current year, but narrative order may point to the previous
        # one, so the interval covers both readings and the estimate uses publication.
        direction = _direction_after(m)
        if direction and published:
            # "akhir Juli lalu": the direction settles the year, whatever years the story named before
            year = _directed_year(month, published, direction)
        else:
            year, _ = _infer_year(month, None, None, published, years, cal)
        if year is None:
            return None
        basis = "explicit-year-inferred"
        lo = dt.date(year, month, 1)
        if not direction and anchor and anchor.event_date and anchor.event_date.year < year:
            lo = dt.date(anchor.event_date.year, month, 1)
    part = (g.get("part") or "").casefold()
    if part in MONTH_PARTS and lo.year == year:  # a part of one month, not of a two-year interval
        return _month_part(m, year, month, part, basis)
    return _named_month(m, year, month, basis, lo)


def _direction_after(m: re.Match[str]) -> int:
    """-1 or +1 when a direction word (lalu, mendatang ...) follows the match, else 0."""
    following = m.string[m.end():m.end() + 12].split()
    return MONTH_DIRECTIONS.get(following[0].casefold().strip(",."), 0) if following else 0


def _directed_year(month: int, published: dt.date, direction: int) -> int:
    """The year of the last such month up to publication (direction -1) or the next one from it (+1)."""
    if direction < 0 and month > published.month:
        return published.year - 1
    if direction > 0 and month < published.month:
        return published.year + 1
    return published.year


def _directed_month(
    m: re.Match[str], published: dt.date | None, years: tuple[int, ...], cal: Calendar
) -> DateResolution | None:
    """ "Desember lalu" is the last December up to the time of writing, "Februari mendatang" the next
    February from it (the month of writing itself either way)."""
    month = cal.months[m["month"].casefold()]
    if published is None:
        if not years:
            return None
        year = max(years)
    else:
        year = _directed_year(month, published, MONTH_DIRECTIONS[m["mdir"].casefold()])
    return _named_month(m, year, month, "explicit-year-inferred")


def _explicit_weekday(
    m: re.Match[str], published: dt.date | None, cal: Calendar, anchor: DateResolution | None
) -> DateResolution | None:
    """ "Pada Senin": the latest such weekday on/before the narrative anchor or the publication date."""
    ref = (anchor.event_date if anchor and anchor.date_precision == "day" else None) or published
    if ref is None:
        return None
    weekday = m["weekday"]
    wd = cal.weekdays[weekday.casefold()] if weekday else None
    if wd is None:
        return None
    d = ref - dt.timedelta(days=(ref.isoweekday() - wd) % 7)
    return DateResolution(m.group(0).strip(), d, d, d, "day", "weekday-anchored", m.start(), m.end(), True)


def _explicit_one(
    kind: str,
    m: re.Match[str],
    published: dt.date | None,
    years: tuple[int, ...],
    cal: Calendar,
    anchor: DateResolution | None,
) -> DateResolution | None:
    """Resolve one match of the pattern `kind`."""
    if kind in ("dmy", "dm", "d_month_y"):
        return _explicit_day(m, published, years, cal)
    if kind in ("month_y", "month"):
        return _explicit_month(m, published, years, cal, anchor)
    if kind == "month_dir":
        return _directed_month(m, published, years, cal)
    if kind in ("year", "event_year"):
        return _year_interval(m.group(0).strip(), int(m["year"]), "explicit", m.start(), m.end())
    return _explicit_weekday(m, published, cal, anchor)


def _explicit_in(
    text: str,
    published: dt.date | None,
    years: tuple[int, ...],
    cal: Calendar,
    anchor: DateResolution | None = None,
) -> list[DateResolution]:
    """All explicit date expressions in `text`, each resolved (overlapping matches keep the first, longest
    kind)."""
    pats = _patterns(cal)
    found: list[DateResolution] = []
    taken: list[tuple[int, int]] = []
    kinds = ("dmy", "dm", "d_month_y", "month_y", "month", "month_dir", "event_year", "year", "weekday_only")
    for kind in kinds:
        for m in pats[kind].finditer(text):
            if any(m.start() < b and m.end() > a for a, b in taken):
                continue
            res = _explicit_one(kind, m, published, years, cal, anchor)
            if res is not None:
                found.append(res)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda r: r.start or 0)


def article_dates(text: str, published: dt.date | None, cal: Calendar | None = None) -> ArticleDates:
    """Scan the whole article once: explicit dates in order (each anchored on the previous) and mentioned
    years."""
    cal = cal or load_calendar()
    years = tuple(int(y) for y in _patterns(cal)["years_any"].findall(text))
    years = tuple(y for y in years if 1945 <= y <= (published.year + 1 if published else 2100))
    explicit: list[tuple[int, DateResolution]] = []
    for res in _explicit_in(text, published, years, cal):
        if res.date_basis == "weekday-anchored" and res.event_date:
            # "Pada Senin" after "Senin (29/1/2024)" is that Monday: reuse the latest explicit date on
            # the same weekday; otherwise keep the latest such weekday on/before publication.
            same = [
                r
                for _, r in explicit
                if r.date_precision == "day"
                and r.event_date
                and r.date_basis.startswith("explicit")
                and r.event_date.isoweekday() == res.event_date.isoweekday()
            ]
            if same:
                d = same[-1].event_date
                res = DateResolution(
                    res.date_text, d, d, d, "day", "weekday-anchored", res.start, res.end, True
                )
        explicit.append((res.start or 0, res))
    return ArticleDates(published, tuple(explicit), years)


def _count(m: re.Match[str], cal: Calendar) -> tuple[int, str]:
    """(n, unit) of "<n> <unit>" or "se<unit>" ("dua hari", "sebulan")."""
    if m["seunit"]:
        return 1, m["seunit"].casefold()
    raw = m["num"].casefold()
    return (int(raw) if raw.isdigit() else cal.numbers[raw]), m["unit"].casefold()


def _count_base(sign: int, at: int, ctx: ArticleDates) -> tuple[dt.date | None, str, str]:
    """(date counted from, basis, precision of that date): forward from the narrative anchor before article
    offset `at`, else publication; back from publication."""
    if sign <= 0:
        return ctx.published, "relative-publication", "day"
    anchor = ctx.anchor_before(at)
    if anchor and anchor.event_date:
        return anchor.event_date, "relative-narrative", anchor.date_precision
    return ctx.published, "relative-publication", anchor.date_precision if anchor else "day"


# A number of four digits before a unit is no count: "Nokia 3310 tahun lalu" (a model), "2019 pekan lalu" (a
# year); read as counts they put events centuries back or crashed the date arithmetic (year -1291).
MAX_COUNT = 1000


def _counted(m: re.Match[str], offset: int, ctx: ArticleDates, cal: Calendar) -> DateResolution:
    """ "dua hari kemudian", "sebulan kemudian", "tiga hari lalu": n units from the base date, at the unit's
    precision (month precision when counted from a month)."""
    n, unit = _count(m, cal)
    if n >= MAX_COUNT:
        return _unresolved(m)
    sign = cal.directions[m["dir"].casefold()]
    spec = cal.units[unit]
    base, basis, prec_anchor = _count_base(sign, offset + m.start(), ctx)
    if base is None:
        return _unresolved(m)
    try:
        if "months" in spec:
            d = _add_months(base, sign * n * spec["months"])
        else:
            d = base + dt.timedelta(days=sign * n * spec["days"])
    except (OverflowError, ValueError):  # before year 1 or after 9999: no calendar date
        return _unresolved(m)
    precision = spec["precision"]
    if prec_anchor == "month" or precision == "month":
        return _month_interval(m.group(0), d, basis, m.start(), m.end())
    if precision == "range":
        span = dt.timedelta(days=spec.get("days", 30 * spec.get("months", 1)))
        return DateResolution(m.group(0), d, d - span / 2, d + span / 2, "range", basis, m.start(), m.end())
    return DateResolution(m.group(0), d, d, d, "day", basis, m.start(), m.end())


def _last_unit(m: re.Match[str], published: dt.date) -> DateResolution | None:
    """ "bulan lalu", "tahun lalu", "pekan lalu": the calendar unit before the one of publication ("hari
    lalu" names none)."""
    unit, basis = m["unit"].casefold(), "relative-publication"
    if unit == "bulan":
        return _month_interval(m.group(0), _add_months(published, -1), basis, m.start(), m.end())
    if unit == "tahun":
        return _year_interval(m.group(0), published.year - 1, basis, m.start(), m.end())
    if unit in ("pekan", "minggu"):
        return DateResolution(
            m.group(0),
            published - dt.timedelta(days=7),
            published - dt.timedelta(days=13),
            published - dt.timedelta(days=1),
            "range",
            basis,
            m.start(),
            m.end(),
        )
    return None


def _relative(text: str, offset: int, ctx: ArticleDates, cal: Calendar) -> DateResolution | None:
    """The first relative date expression in `text`, by kind: counted units, the last unit, a fixed relative
    word, vague recency. Undated articles: those counted from the time of writing are unresolved."""
    pats = _patterns(cal)
    p = ctx.published
    if m := pats["relative"].search(text):
        return _counted(m, offset, ctx, cal)
    if m := pats["unit_lalu"].search(text):
        return _unresolved(m) if p is None else _last_unit(m, p)
    if m := pats["deictic"].search(text):
        if p is None:
            return _unresolved(m)
        d = p + dt.timedelta(days=cal.deictic[m["word"].casefold()])
        return DateResolution(m.group(0), d, d, d, "day", "relative-publication", m.start(), m.end())
    if m := pats["vague"].search(text):
        if p is None:
            return _unresolved(m)
        lo = p - dt.timedelta(days=cal.vague[m["word"].casefold()])
        return DateResolution(m.group(0), p, lo, p, "approx", "relative-publication", m.start(), m.end())
    return None


def _unresolved(m: re.Match[str]) -> DateResolution:
    """A relative expression without the date it counts from (an undated article): no date, but the span is
    kept so that it still names the event's time and no other date in the sentence stands in for it."""
    return DateResolution(m.group(0), None, None, None, "unknown", "none", m.start(), m.end())


def _after_report(r: DateResolution, published: dt.date | None) -> bool:
    """The whole interval lies after the publication date (plus the slack)."""
    if published is None or r.event_date is None:
        return False
    return (r.date_min or r.event_date) > published + dt.timedelta(days=REPORT_SLACK_DAYS)


# A sentence that opens by pointing back to the time just named ("Saat itu, ...", "Ketika itu", "Kala itu"):
# about 640 "Saat/Ketika/Waktu/Pada saat itu," in the shared corpora.
POINTING_BACK = re.compile(r"(?i)^\W*(?:pada\s+)?(?:saat|ketika|waktu|kala|masa)\s+itu\b")


def _points_back(sentence_text: str) -> bool:
    return bool(POINTING_BACK.match(sentence_text))


def _recent(anchor: DateResolution, published: dt.date | None) -> bool:
    """Whether a date named earlier in the story can still be the time of an undated sentence: not long
    before publication, and not after it."""
    return (
        anchor.event_date is not None
        and (published is None or anchor.event_date >= published - dt.timedelta(days=INHERIT_WINDOW_DAYS))
        and not _after_report(anchor, published)
    )


def _with_published(ctx: ArticleDates, published_date: dt.date | None) -> ArticleDates:
    # A caller-supplied publication date fills in for a context built without one.
    if published_date is not None and ctx.published is None:
        return ArticleDates(published_date, ctx.explicit, ctx.years)
    return ctx


def _reuse_article_scan(
    explicit: list[DateResolution], ctx: ArticleDates, sentence_start: int
) -> list[DateResolution]:
    # The article-level scan already resolved these spans with the whole story in view ("Pada Senin" ->
    # the Monday the story named); reuse it, keeping sentence-relative offsets.
    known = {pos: r for pos, r in ctx.explicit}
    return [
        DateResolution(
            k.date_text,
            k.event_date,
            k.date_min,
            k.date_max,
            k.date_precision,
            k.date_basis,
            r.start,
            r.end,
            k.weekday_consistent,
        )
        if (k := known.get(sentence_start + (r.start or 0))) is not None
        and k.date_text == r.date_text
        and k.date_basis == "weekday-anchored"
        else r
        for r in explicit
    ]


def _sentence_dates(
    sentence_text: str,
    ctx: ArticleDates,
    cal: Calendar,
    anchor: DateResolution | None,
    sentence_start: int,
    foreign_spans: Sequence[tuple[int, int]],
) -> list[DateResolution]:
    """The sentence's own date expressions that may date the event, in text order (relative one last)."""
    explicit = _explicit_in(sentence_text, ctx.published, ctx.years, cal, anchor)
    explicit = _reuse_article_scan(explicit, ctx, sentence_start)
    rel = _relative(sentence_text, sentence_start, ctx, cal)
    return [
        r
        for r in explicit + ([rel] if rel else [])
        if not any(a <= (r.start or 0) < b for a, b in foreign_spans) and not _after_report(r, ctx.published)
    ]


def _nearest_to_trigger(
    cands: list[DateResolution], sentence_start: int, trigger_offset: int | None
) -> DateResolution:
    if trigger_offset is None:
        return cands[0]
    local = trigger_offset - sentence_start
    return min(cands, key=lambda r: abs((r.start or 0) - local))


def _inherit(anchor: DateResolution, published: dt.date | None) -> DateResolution:
    """The anchor's date as an interval that runs to publication (undated article: left open)."""
    lo = anchor.date_min
    if published is None:
        hi = None
    elif published >= (anchor.date_max or anchor.event_date):
        hi = published
    else:
        hi = anchor.date_max
    return DateResolution(anchor.date_text, anchor.event_date, lo, hi, "approx", "inherited")


def _undated_sentence_date(
    sentence_text: str, ctx: ArticleDates, sentence_start: int, anchor: DateResolution | None
) -> DateResolution:
    # No date in the sentence: the story's current narrative date, else publication (upper bound only).
    # Undated article: nothing closes the interval (the event may come any time after the anchor).
    if anchor and anchor.event_date and not _recent(anchor, ctx.published):
        if _points_back(sentence_text):
            # "Saat itu, Trump dan Kim bersepakat ...": the time just named, however long ago
            return replace(anchor, start=None, end=None, date_basis="inherited")
        # After a flashback ("Juni lalu, ..."), an undated sentence is back in the story's present: the
        # latest recent date named before the flashback, if any.
        anchor = ctx.anchor_before(sentence_start - 1, lambda a: _recent(a, ctx.published))
    if anchor is None:
        # A lead sentence before any date: news dates the reported event further down ("- Menlu AS membuka
        # kemungkinan berunding ..." ... "kata Tillerson, Senin (7/8)"): the story's first recent date.
        anchor = ctx.first_anchor(lambda a: _recent(a, ctx.published))
    if anchor and anchor.event_date:
        return _inherit(anchor, ctx.published)
    if ctx.published:
        return DateResolution(None, ctx.published, None, ctx.published, "approx", "publication")
    return NO_DATE


def resolve_dates(
    sentence_text: str,
    article_context: ArticleDates,
    published_date: dt.date | None = None,
    sentence_start: int = 0,
    trigger_offset: int | None = None,
    foreign_spans: Sequence[tuple[int, int]] = (),
) -> DateResolution:
    """The date of an event mentioned in a sentence.

    `sentence_start` is the sentence's offset in the article (to find the narrative anchor); `trigger_offset`
    (article offset) picks the date expression nearest the trigger when the sentence has several.
    `foreign_spans` (sentence offsets) are parts of the sentence that date something else (a relative clause
    or a quotation the trigger is not in): a date expression starting there is not the event's.
    """
    cal = load_calendar()
    ctx = _with_published(article_context, published_date)
    anchor = ctx.anchor_before(sentence_start - 1)
    cands = _sentence_dates(sentence_text, ctx, cal, anchor, sentence_start, foreign_spans)
    if cands:
        return _nearest_to_trigger(cands, sentence_start, trigger_offset)
    return _undated_sentence_date(sentence_text, ctx, sentence_start, anchor)
