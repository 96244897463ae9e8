"""Dictionary + rule resolution of actor mentions over annotated sentences (no Stanza needed).

Steps per sentence: build *units* (tokens; hyphen-split pieces merged back, "Iran-Rusia" split when a
piece is
a
country), match the lexicon longest-first, then apply the rules in order: TITLE [mods] [COUNTRY] [,] [rank]
NAME;
PREFIX + COUNTRY (+ coordinated countries); named organs, IGOs, regions; country names; capitals (metonym vs
venue); known persons (dated roles). Leftover NER spans become 'ner_only' mentions. Coreference runs last.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from peristiwa.annotation.records import Sentence

from .knowledge import IGO_SECTORS, Entry, Knowledge, Role, norm
from .mention import EntityMention

# the compass word that can end a geographic name ("Laut China Selatan")
COMPASS = frozenset({"selatan", "utara", "timur", "barat", "tengah"})
PLACE_KINDS = ("country", "capital")
KIND_PRIORITY = (
    "person",
    "igo",
    "organ",
    "country",
    "capital",
    "region",
    "title",
    "prefix",
    "modifier",
    "both",
)


@dataclass
class Unit:
    text: str
    start: int
    end: int
    token: int  # index of the (first) token in the sentence
    ner: str
    deprel: str
    hyphen_prefix: str = ""  # "anti" for the "Azerbaijan" piece of "anti-Azerbaijan"

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Match:
    i: int  # first unit
    j: int  # one past the last unit
    entries: list[Entry]

    def first(self, *kinds: str) -> Entry | None:
        return next((e for e in self.entries if e.kind in kinds), None)


def _units(sentence: Sentence, k: Knowledge) -> list[Unit]:
    toks = sentence.tokens
    merged: list[Unit] = []
    for idx, t in enumerate(toks):
        prev = merged[-1] if merged else None
        # Re-join "Amir" "-" "Saeed" when the tokenizer split a hyphen word (no spaces between the pieces),
        # also as "Rusia" "-Saudi" (the hyphen on the second piece: "hubungan Rusia-Saudi" lost Saudi).
        if prev is not None and prev.end == t.start_char and (
            t.text.startswith("-") or prev.text.endswith("-")
        ):
            prev.text += t.text
            prev.end = t.end_char
            continue
        merged.append(Unit(t.text, t.start_char, t.end_char, idx, t.ner or "O", t.deprel))
    out: list[Unit] = []
    for u in merged:
        parts = u.text.split("-")
        if len(parts) > 1 and (norm(u.text),) not in k.lexicon and all(parts):
            placey = [any(e.kind in PLACE_KINDS for e in k.lexicon.get((norm(p),), [])) for p in parts]
            if any(placey):
                pos = u.start
                for p, is_place in zip(parts, placey, strict=True):
                    prefix = norm(parts[0]) if is_place and parts[0] != p else ""
                    out.append(Unit(p, pos, pos + len(p), u.token, u.ner, u.deprel, prefix))
                    pos += len(p) + 1
                continue
        out.append(u)
    return out


def _surface_ok(entry: Entry, units: list[Unit]) -> bool:
    surface = " ".join(u.text for u in units)
    if entry.case_sensitive:
        return surface.replace(" ", "") == entry.surface.replace(" ", "")
    if entry.kind == "person" and len(surface) <= 3 and surface.isupper() and not entry.surface.isupper():
        return False  # "Komisi XI" (101 in the shared corpora) is a numeral, not Xi Jinping
    if entry.kind in ("country", "capital", "igo", "organ", "person") or (
        entry.kind == "region" and entry.surface[:1].isupper()
    ):
        return units[0].capitalised or units[0].text[:1].isdigit()
    return True


_FIRST_WORDS: dict[int, tuple[Knowledge, int, frozenset[str]]] = {}


def _first_words(k: Knowledge) -> frozenset[str]:
    """Every lexicon key's first word (rebuilt when keys are added): no match can start anywhere else."""
    cached = _FIRST_WORDS.get(id(k))
    if cached is None or cached[0] is not k or cached[1] != len(k.lexicon):
        cached = _FIRST_WORDS[id(k)] = (k, len(k.lexicon), frozenset(key[0] for key in k.lexicon if key))
    return cached[2]


def _match(units: list[Unit], k: Knowledge) -> list[Match | None]:
    """Longest match at each position (greedy, left to right). Returns one slot per unit."""
    slots: list[Match | None] = [None] * len(units)
    normed = [norm(u.text) for u in units]
    firsts = _first_words(k)
    i = 0
    while i < len(units):
        if normed[i] not in firsts:
            i += 1
            continue
        for n in range(min(k.max_len, len(units) - i), 0, -1):
            entries = k.lexicon.get(tuple(normed[i : i + n]))
            if not entries:
                continue
            ok = [e for e in entries if _surface_ok(e, units[i : i + n])]
            ok = [e for e in ok if not (e.guarded and i > 0 and units[i - 1].capitalised)]
            if ok:
                ok.sort(key=lambda e: KIND_PRIORITY.index(e.kind))
                slots[i] = Match(i, i + n, ok)
                i += n
                break
        else:
            i += 1
    return slots


def _person_fields(pid: str, iso3: str, sector: str, method: str, confidence: float) -> dict[str, object]:
    """The mention fields of a known person (actor id PERSON:<pid>), as resolve_person gives them."""
    return dict(
        iso3=iso3,
        sector=sector,
        actor_id=f"PERSON:{pid}",
        actor_kind="person",
        role="actor",
        method=method,
        confidence=confidence,
    )


@dataclass
class _Office:
    """What rule_title has read of an office title so far."""

    title: Entry
    sector: str
    end: int  # where the title phrase read so far ends
    override: str | None = None  # a sector the qualifiers force ("mantan": ELI)
    former: Entry | None = None  # a modifier right before the title
    numbered: bool = False  # an ordinal follows ("Presiden ke-3")
    iso3: str = ""
    org: str = ""  # an IGO the office belongs to ("Sekjen PBB")
    org_sector: str = ""
    igo_at: int = 0


class _Builder:
    def __init__(self, sentence: Sentence, date: dt.date | None, k: Knowledge) -> None:
        self.s, self.date, self.k = sentence, date, k
        self.units = _units(sentence, k)
        self.slots = _match(self.units, k)
        self.out: list[EntityMention] = []
        self.name_candidates: list[tuple[int, int]] = []  # unresolved capitalised runs, for coreference

    # -- helpers ------------------------------------------------------------------------------------
    def text(self, i: int, j: int) -> str:
        return self.s.text[
            self.units[i].start - self.s.start_char : self.units[j - 1].end - self.s.start_char
        ]

    def ner_type(self, i: int, j: int) -> str:
        for u in self.units[i:j]:
            if u.ner and u.ner != "O":
                return u.ner.split("-", 1)[-1]
        return ""

    def emit(self, i: int, j: int, **kw: object) -> EntityMention:
        m = EntityMention(
            article_id=self.s.article_id,
            sentence_index=self.s.index,
            start_char=self.units[i].start,
            end_char=self.units[j - 1].end,
            text=self.text(i, j),
            ner_type=self.ner_type(i, j),
            resolved_for_date=self.date,
            **kw,  # type: ignore[arg-type]
        )
        self.out.append(m)
        return m

    def prev_word(self, i: int) -> str:
        return norm(self.units[i - 1].text) if i > 0 else ""

    def match_at(self, i: int) -> Match | None:
        return self.slots[i] if 0 <= i < len(self.slots) else None

    def place_at(self, i: int) -> tuple[Match, Entry] | None:
        m = self.match_at(i)
        if m is None:
            return None
        e = m.first("country", "capital")
        if e is None or (m.first("person", "igo", "organ") is not None):
            return None
        return m, e

    def name_run(self, i: int) -> int:
        """End of a person-name run starting at unit i (capitalised words, particles inside), or i if none."""
        particles = self.k.rules["name_particles"]
        if (
            i < len(self.units)
            and self.units[i].ner[:2] in ("B-", "S-")
            and self.units[i].ner.endswith("PER")
        ):
            j = i + 1
            while j < len(self.units) and self.units[j].ner[:2] in ("I-", "E-"):
                j += 1
            return j
        j = i
        while j < len(self.units) and j - i < 5:
            u = self.units[j]
            m = self.match_at(j)
            if (
                m is not None
                and m.first("person") is None
                and m.first("title", "country", "capital", "igo", "organ", "region", "prefix")
            ):
                break
            if u.capitalised and re.match(r"\w", u.text):
                j = m.j if m is not None else j + 1
            elif (
                norm(u.text) in particles
                and j > i
                and j + 1 < len(self.units)
                and self.units[j + 1].capitalised
            ):
                j += 1
            else:
                break
        return j

    def word_before_person(self, i: int) -> bool:
        """A capitalised word right before a known person starts no name run (the run swallowed the
        person, who stayed unresolved) when it is a form of address ("Pak Jokowi", "Bu Retno"), or when the
        NER took it for no part of a name and it opens the sentence ("Menurut Retno", "Kata Jokowi") or the
        person is named in full ("Menteri Kelautan dan Perikanan Susi Pudjiastuti"). Mid-sentence, a one-word
        name after such a word stays in the run: "RSS Gallant" is a ship and "Hal Herzog" a psychologist."""
        nxt = self.match_at(i + 1)
        if nxt is None or nxt.first("person") is None or self.match_at(i) is not None or self.s.is_headline:
            return False
        if norm(self.units[i].text) in self.k.rules["forms_of_address"]:
            return True
        if self.units[i].ner not in ("", "O"):
            return False
        first_word = next((k for k, u in enumerate(self.units) if re.match(r"\w", u.text)), None)
        return i == first_word or nxt.j - nxt.i >= 2

    def ordinal_end(self, i: int) -> int | None:
        """End of an ordinal at unit i ("ke-44", "ke - 3", "ketiga", "pertama"), else None."""
        if i >= len(self.units):
            return None
        word = norm(self.units[i].text)
        if word in self.k.rules["office_ordinals"] or re.fullmatch(r"ke-?\d+", word):
            return i + 1
        rest = [norm(u.text) for u in self.units[i + 1 : i + 3]]
        if word == "ke" and rest[:1] and rest[0].isdigit():
            return i + 2
        if word == "ke" and len(rest) == 2 and rest[0] == "-" and rest[1].isdigit():
            return i + 3
        return None

    def holds_office(self, i: int, j: int) -> bool:
        """Whether the person named by units i..j holds some office at the article date (persons table)."""
        pid = self.person_id_for(i, j) if j > i else None
        return bool(pid and self.date and self.k.roles_at(pid, self.date))

    # -- persons ------------------------------------------------------------------------------------
    def person_id_for(self, i: int, j: int) -> str | None:
        entries = self.k.lexicon.get(tuple(norm(u.text) for u in self.units[i:j]), [])
        e = next((e for e in entries if e.kind == "person"), None)
        if e is None and j - i > 1:
            # "Mohammad Bagheri" inside "Mayor Jenderal Mohammad Bagheri": try known sub-spans.
            for a, b in [(i, j - 1), (i + 1, j)]:
                e = next(
                    (
                        x
                        for x in self.k.lexicon.get(tuple(norm(u.text) for u in self.units[a:b]), [])
                        if x.kind == "person"
                    ),
                    None,
                )
                if e is not None:
                    break
        return e.ident if e else None

    def resolve_person(
        self, pid: str, iso3: str = "", office: str = "", title_sector: str = "", override: str | None = None
    ) -> dict[str, object]:
        """A known person's state and sector: the role held at the article date, else what we know of them."""
        roles = self.k.roles.get(pid, [])
        if self.date is None:
            latest = roles[-1]
            return _person_fields(pid, latest.iso3, latest.sector, "person_undated", 0.5)
        held = self.roles_held(pid, self.date, iso3, office)
        if held and override is None:
            return _person_fields(pid, held[0].iso3, held[0].sector, "dated_person", 0.95)
        return self.person_out_of_office(pid, roles, self.date, iso3, title_sector, override)

    def roles_held(self, pid: str, date: dt.date, iso3: str, office: str) -> list[Role]:
        """The person's roles on `date`, for the state the text names and with the office it names first."""
        held = self.k.roles_at(pid, date)
        if iso3:
            held = [r for r in held if r.iso3 == iso3]
        if office:
            held = sorted(held, key=lambda r: r.office != office)
        return held

    def person_out_of_office(
        self, pid: str, roles: list[Role], date: dt.date, iso3: str, title_sector: str, override: str | None
    ) -> dict[str, object]:
        """No role of this person covers the article date: never give the office; a former or future official
        (Trump as a candidate in 2016) is ELI, no state."""
        countries = {r.iso3 for r in roles if r.iso3}
        nationality = iso3 or (next(iter(countries)) if len(countries) == 1 else "")
        former = any(r.valid_to and r.valid_to < date for r in roles)
        future = bool(roles) and all(r.valid_from and r.valid_from > date for r in roles)
        sector = override if override is not None else ("ELI" if former or future else "")
        if override is None and iso3 and title_sector:
            # The text itself names the office and country ("Presiden Iran X") but our dates disagree.
            return _person_fields(pid, iso3, title_sector, "title_person", 0.6)
        return _person_fields(pid, nationality, sector, "person_no_role", 0.5)

    # -- rules --------------------------------------------------------------------------------------
    def rule_title(self, i: int) -> int | None:
        """An office title at unit i with the state or IGO it serves, and the holder's name where one follows
        ("Menteri Luar Negeri Iran Mohammad Javad Zarif", "Presiden AS", "Sekjen PBB"); None when no state or
        name makes it an actor."""
        m = self.slots[i]
        assert m is not None
        title = m.first("title")
        if title is None:
            return None
        office = _Office(title=title, sector=title.sector, end=m.j)
        self.title_qualifiers(i, office)
        if not self.title_place(office):
            return None
        k = self.holder_start(office.end)
        name_end = self.name_run(k)
        self.title_override(office, k, name_end)
        if name_end > k:
            self.emit(i, name_end, **self.title_holder(office, k, name_end))
            if office.org:
                self.emit_igo(office.igo_at)
            return name_end
        if office.iso3 or office.org:
            self.emit(i, office.end, **self.title_office(office))
            return office.end
        return None

    def title_qualifiers(self, i: int, office: _Office) -> None:
        """Modifiers, further titles and an ordinal after the title ("menteri luar negeri sementara",
        "Presiden ke-3"); a modifier just before it ("mantan Presiden AS Barack Obama") describes a named
        holder."""
        before = self.slots[i - 1] if i > 0 else None
        office.former = before.first("modifier") if before is not None else None
        j = office.end
        while (n := self.match_at(j)) is not None and n.first("modifier", "title") and not n.first("country"):
            e = n.first("modifier", "title")
            assert e is not None
            if e.kind == "modifier" and e.sector:
                office.override = e.sector
            j = n.j
        numbered_end = self.ordinal_end(j)
        office.numbered = numbered_end is not None
        office.end = numbered_end or j

    def title_place(self, office: _Office) -> bool:
        """The state or IGO the title serves, right after it or after one or two words; False when those words
        are a posting ("duta besarnya untuk Teheran": where the holder serves, not whom they represent; the
        place is left to the other rules)."""
        j = office.end
        for filler in (1, 2):
            if self.place_at(j + filler) is not None and all(
                self.match_at(x) is None and self.units[x].text[:1].isalpha() for x in range(j, j + filler)
            ):
                postings = self.k.rules["posting_prepositions"]
                if any(norm(self.units[x].text) in postings for x in range(j, j + filler)):
                    return False
                j += filler
                break
        place, at = self.place_at(j), self.match_at(j)
        igo = at.first("igo") if at is not None else None
        if place is not None and self.name_continues(place[0].j):
            return False  # "Kolonel Turki al-Maliki", "Pangeran Turki al-Faisal": a given name, not Turkey
        if place is not None:
            office.iso3, office.end = place[1].iso3, place[0].j
        elif igo is not None:
            assert at is not None
            office.org, office.org_sector, office.igo_at, office.end = igo.ident, igo.sector, j, at.j
        else:
            office.end = j
        return True

    def name_continues(self, j: int) -> bool:
        """A person's name goes on at unit j: a name particle, alone or hyphenated ("al-Maliki", "bin
        Salman"), so a country name just before it is a given name (Turki, about 20 "Kolonel Turki al-Maliki"
        in the shared corpora)."""
        if j >= len(self.units):
            return False
        word = norm(self.units[j].text)
        particle = word.split("-", 1)[0]
        return particle in self.k.rules["name_particles"] and (word != particle or j + 1 < len(self.units))

    def holder_start(self, k: int) -> int:
        """Where the holder's name may start after the office: past modifiers, a comma and a rank ("...Iran,
        Mayor Jenderal Mohammad Bagheri")."""
        while (n := self.match_at(k)) is not None and n.first("modifier"):
            k = n.j
        if k < len(self.units) and self.units[k].text == ",":
            k += 1
        while (n := self.match_at(k)) is not None and n.first("title") and not n.first("person", "country"):
            k = n.j
        return k

    def title_override(self, office: _Office, k: int, name_end: int) -> None:
        """The sector that the qualifiers force: a former holder, or one of a numbered series ("Presiden ke-3
        RI", "presiden ke-44 AS ini") who does not hold office now, is ELI."""
        if office.former is not None and office.former.sector and name_end > k:
            office.override = office.former.sector
        if office.numbered and office.override is None and not self.holds_office(k, name_end):
            office.override = "ELI"
        if office.override == "ELI":
            office.sector = "ELI"

    def name_slug(self, i: int, j: int) -> str:
        """The id part of a person named by units i..j that no dictionary knows ("turki_al_maliki")."""
        return re.sub(r"\W+", "_", norm(self.text(i, j))).strip("_")

    def title_holder(self, office: _Office, k: int, name_end: int) -> dict[str, object]:
        """The named holder: a known person, or a new one under the office's state or IGO (or neither)."""
        pid = self.person_id_for(k, name_end)
        if pid is not None:
            return self.resolve_person(pid, office.iso3, office.title.office, office.sector, office.override)
        slug = self.name_slug(k, name_end)
        if office.iso3 or office.org:
            sector = office.org_sector if office.org and not office.iso3 else office.sector
            return dict(iso3=office.iso3, sector=sector, actor_id=f"PERSON:{slug}", actor_kind="person",
                        role="actor", method="title_person", confidence=0.8)
        return dict(iso3="", sector=office.sector, actor_id=f"PERSON:{slug}", actor_kind="person",
                    role="actor", method="title_only", confidence=0.4)

    def title_office(self, office: _Office) -> dict[str, object]:
        """An office with no name: its one holder at the article date, else the state organ or IGO."""
        iso3, title = office.iso3, office.title
        if office.former is not None and office.former.sector and iso3 and not self.epithet_at(office.end):
            # "mantan diplomat Inggris", "mantan Menlu Jepang": a former holder with no name is no state
            # organ (ELI, as a named former holder); see organ_pattern_former for the counts
            sector = office.former.sector
            return dict(iso3=iso3, sector=sector, actor_id=f"{iso3}_{sector}", actor_kind="person",
                        role="actor", method="title_former", confidence=0.8)
        # an office a state fills many times at once (ambassadors) names no one holder
        one_holder = title.office and title.office not in self.k.rules["shared_offices"]
        dated = self.date is not None and iso3 and one_holder
        holders = self.k.office_holders(iso3, title.office, self.date) if dated else []
        if len(holders) == 1 and office.override is None and title.title_kind == "office":
            actor, method = f"PERSON:{holders[0].person_id}", "title_office"
        else:
            actor, method = (f"{iso3}_{office.sector}" if iso3 else f"IGO:{office.org}"), "title_country"
        return dict(iso3=iso3, sector=office.sector if iso3 else office.org_sector, actor_id=actor,
                    actor_kind="person" if actor.startswith("PERSON:") else "state_organ", role="actor",
                    method=method, confidence=0.85)

    def prefix_place(self, m: Match, prefix: Entry) -> tuple[Match, Entry] | None:
        """The country an organ prefix belongs to: right after it, behind an origin preposition, or (for
        non-state groups and the sectors that allow a gap) behind modifiers."""
        place = self.place_or_origin_at(m.j)
        if place is None and self.origin_preposition_at(m.j, prefix.sector):
            place = self.place_at(m.j + 1)
        gap_allowed = prefix.non_state or norm(prefix.sector) in self.k.rules["modifier_gap_sectors"]
        if place is None and gap_allowed:
            place = self.place_after_modifiers(m.j)
        return place

    def emit_nonstate_group(self, i: int, m: Match, pm: Match) -> None:
        """A non-state prefix with its place names a group of its own, not the place's state."""
        self.emit(
            i,
            pm.j,
            iso3="",
            sector="",
            actor_id=f"GROUP:{norm(self.text(m.j, pm.j))}",
            actor_kind="unknown",
            role="actor",
            method="organ_pattern_nonstate",
            confidence=0.7,
        )

    def emit_coordinated_organs(self, end: int, sector: str) -> int:
        """The coordinated state shares the organ ("tentara Iran dan Azerbaijan"); returns where it ends."""
        while end < len(self.units) and norm(self.units[end].text) in self.k.rules["coordinators"]:
            nxt = self.place_at(end + 1)
            if nxt is None:
                break
            self.emit(
                end + 1,
                nxt[0].j,
                iso3=nxt[1].iso3,
                sector=sector,
                actor_id=f"{nxt[1].iso3}_{sector}" if sector else nxt[1].iso3,
                actor_kind="state_organ",
                role="actor",
                method="organ_pattern_coord",
                confidence=0.8,
            )
            end = nxt[0].j
        return end

    def rule_prefix(self, i: int) -> int | None:
        m = self.slots[i]
        assert m is not None
        prefix = m.first("prefix")
        if prefix is None:
            return None
        place = self.prefix_place(m, prefix)
        if place is None:
            return None
        pm, pe = place
        if prefix.non_state:
            self.emit_nonstate_group(i, m, pm)
            return pm.j
        sector = prefix.sector
        former = self.former_before(i) if not self.epithet_at(pm.j) else None
        if former is not None:
            # "mantan diplomat Inggris", "mantan kontraktor badan intelijen AS": a former official or employee
            # of an organ speaks for no state (ELI, as a former office holder). 12 "mantan (kontraktor|
            # pegawai ...)? diplomat/pejabat/dubes/agen/perwira/... <country>" in the shared corpora, 10 of 10
            # read no longer serving ("mantan perwira angkatan laut India yang dituduh Pakistan sebagai ...").
            self.emit(i, pm.j, iso3=pe.iso3, sector=former, actor_id=f"{pe.iso3}_{former}",
                      actor_kind="person", role="actor", method="organ_pattern_former", confidence=0.8)
            return pm.j
        self.emit(
            i,
            pm.j,
            iso3=pe.iso3,
            sector=sector,
            actor_id=f"{pe.iso3}_{sector}" if sector else pe.iso3,
            actor_kind="state_organ",
            role="actor",
            method="organ_pattern",
            confidence=0.9,
        )
        return self.emit_coordinated_organs(pm.j, sector)

    def epithet_at(self, j: int) -> bool:
        """A demonstrative right after a former office ("Eks duta besar RI di Belanda itu", "Mantan Panglima
        ABRI itu"): an epithet re-mentioning someone the article named, who mostly holds another office now
        (the foreign minister, a coordinating minister; 10 of 10 random "mantan <office> ... itu/tersebut" in
        the shared corpora). Left to what the title alone says."""
        k = j
        if k < len(self.units) and norm(self.units[k].text) in ("di", "untuk", "pada", "bagi"):
            # the posting may stand between: "Eks duta besar RI di Belanda itu"
            k += 1
            while k < min(len(self.units), j + 4) and self.units[k].capitalised:
                k += 1
        return k < len(self.units) and norm(self.units[k].text) in ("itu", "tersebut", "ini")

    def former_before(self, i: int) -> str | None:
        """The sector a "mantan/eks/bekas" modifier forces on the organ prefix at unit i, right before it or
        before up to two plain or organ words ("mantan kontraktor badan intelijen", "mantan pejabat
        intelijen")."""
        for back in (1, 2, 3):
            k = i - back
            if k < 0:
                return None
            m = self.slots[k]
            if m is not None and (e := m.first("modifier")) is not None:
                return e.sector or None
            if m is None and not self.units[k].text.isalpha():
                return None
            if m is not None and not m.first("prefix", "title"):
                return None  # "pejabat intelijen": a further organ word may stand between
        return None

    def place_or_origin_at(self, i: int) -> tuple[Match, Entry] | None:
        """A place at unit i, or right after an origin marker there ("perusahaan asal Indonesia": the
        prefix's sector and country)."""
        place = self.place_at(i)
        origin = i < len(self.units) and norm(self.units[i].text) in self.k.rules["origin_markers"]
        return self.place_at(i + 1) if place is None and origin else place

    def origin_preposition_at(self, i: int, sector: str) -> bool:
        """ "turis dari Jepang", "investor dari China": after people or firms, "dari" names where they come
        from (rules.yaml `origin_prepositions`, for the sectors in `origin_preposition_sectors`)."""
        return (
            i < len(self.units)
            and norm(self.units[i].text) in self.k.rules["origin_prepositions"]
            and norm(sector) in self.k.rules["origin_preposition_sectors"]
        )

    def place_after_modifiers(self, i: int) -> tuple[Match, Entry] | None:
        """A place after one or two modifiers of a prefix noun ("perusahaan investasi [asal] Jepang"):
        lower-case words that are no function words and do not start like a verb."""
        stop = self.k.rules["modifier_gap_stopwords"]
        for k in range(i, min(i + 2, len(self.units))):
            word = norm(self.units[k].text)
            if not word.isalpha() or self.units[k].capitalised or word in stop or _VERB_LIKE.match(word):
                return None
            if (place := self.place_or_origin_at(k + 1)) is not None:
                return place
        return None

    def names_a_body(self, i: int) -> bool:
        """The place at unit i ends a name whose earlier words name a non-state body (rules.yaml
        `nonstate_body_words`: universitas, yayasan, network ...): inside one NER organisation span, or,
        where NER split or missed the name, at most three capitalised words before it ("University College
        London", "Universitas Al Azhar Kairo")."""
        body_words = self.k.rules["nonstate_body_words"]
        if self.units[i].ner.split("-")[0] in ("I", "E"):
            k = i - 1
            while k >= 0 and self.units[k].ner.split("-")[0] in ("B", "I"):
                if norm(self.units[k].text) in body_words:
                    return True
                if self.units[k].ner.startswith("B"):
                    break
                k -= 1
        for k in range(i - 1, max(-1, i - 5), -1):
            # a known name or title ends the body name
            if not self.units[k].capitalised or self.slots[k] is not None:
                return False
            if norm(self.units[k].text) in body_words:
                return True
        return False

    def brand_before_place(self, i: int) -> bool:
        """The place at unit i ends a two-word NER organisation name whose first word is a capitalised name no
        gazetteer knows and no state body's ("Garuda Indonesia", "Grab Indonesia", "Prudential Indonesia",
        "Toyota Thailand", "Accor Malaysia": a firm's national branch). Longer names are often state offices
        the gazetteer lacks ("Penasihat Keamanan Nasional Myanmar"); rules.yaml `state_body_words` keeps
        "Ombudsman RI" and "Kemendag RI" the state's."""
        if i < 1 or not self.units[i].ner.startswith(("I-", "E-")) or not self.units[i].ner.endswith("ORG"):
            return False
        brand = self.units[i - 1]
        return (
            brand.ner.startswith("B-")
            and brand.capitalised
            and self.slots[i - 1] is None
            and norm(brand.text) not in self.k.rules["state_body_words"]
        )

    def country_name_end(self, i: int, j: int, entry: Entry) -> int | None:
        """Where a firm's name that a country starts ends, or None: "Saudi Aramco", "Singapore Airlines",
        "Indonesia Power": the country opens one NER organisation span and capitalised words no gazetteer
        knows continue it. Not in a headline, whose words are all capitalised."""
        if entry.kind != "country" or self.s.is_headline or not self.units[i].ner.startswith("B-"):
            return None
        end = j
        while end < len(self.units):
            u = self.units[end]
            if not (u.ner.startswith(("I-", "E-")) and u.capitalised and self.slots[end] is None):
                break
            end += 1
        return end if end > j and self.units[i].ner.endswith("ORG") else None

    def geographic_name_start(self, i: int) -> int | None:
        """Where a geographic name ending in the country at unit i starts: a capitalised feature word right
        before it (rules.yaml `geographic_feature_words`), not the "Laut" of "Angkatan Laut"."""
        if i == 0 or not self.units[i - 1].capitalised:
            return None
        if self.prev_word(i) not in self.k.rules["geographic_feature_words"]:
            return None
        return None if self.prev_word(i - 1) == "angkatan" else i - 1

    def emit_place_name(self, i: int, end: int, *, method: str, role: str) -> None:
        """A name that starts or ends with a place but names no state body: no iso3, an ORG id of its text."""
        self.emit(
            i,
            end,
            iso3="",
            sector="",
            actor_id=f"ORG:{norm(self.text(i, end))}",
            actor_kind="unknown",
            role=role,
            method=method,
            confidence=0.6,
        )

    def sports_name_end(self, i: int, j: int) -> int | None:
        """Where a tournament or club name that starts with the place at units i..j ends, or None
        (rules.yaml `tournament_suffixes`, `club_prefix_aliases`). "China Open", "Australia Terbuka" and
        "Indonesia Masters" are tournaments; "AS Roma" is a club. Only a capitalised suffix counts
        ("Iran terbuka untuk dialog" is the state), and not in a headline, whose words are all capitalised."""
        rules = self.k.rules
        if j < len(self.units) and not self.s.is_headline:
            nxt = self.units[j]
            if nxt.capitalised and norm(nxt.text) in rules["tournament_suffixes"]:
                return j + 1
        alias = self.text(i, j)
        if alias.isupper() and norm(alias) in rules["club_prefix_aliases"] and j < len(self.units):
            after = self.slots[j]
            # a space, not a hyphen: "AS Roma" is a club, "AS-China" (27 in the shared corpora) two states
            adjacent = self.units[j].start == self.units[j - 1].end + 1 and not self.units[j].hyphen_prefix
            if after is not None and after.i == j and adjacent and after.first("country", "capital"):
                return after.j
        return None

    def capital_name_end(self, i: int, j: int, entry: Entry) -> int | None:
        """Where the longer name that a capital starts ends, or None: "Paris Saint-Germain", "Santiago
        Bernabeu", "Tehran Times", "Istanbul Basaksehir", "Astana Giribangun" (a cemetery in Java) name a
        club, a paper, a stadium or another place, not the state. The capital must be directly followed (no
        comma) by capitalised words that no gazetteer knows and that are no compass point ("Yerusalem Timur"),
        weekday or month (a dateline); not in a headline, whose words are all capitalised."""
        if entry.kind != "capital" or self.s.is_headline or self.after_posting(i):
            return None
        end = j
        while end < len(self.units):
            u, before = self.units[end], self.units[end - 1]
            word = norm(u.text)
            name_like = u.capitalised and u.text[1:2].islower() and u.start == before.end + 1
            known = self.slots[end] is not None or word in COMPASS or word in self.k.rules["calendar_words"]
            # the NER starts another entity there: "di Moskow Jose Tavares" is a place, then a person
            new_entity = u.ner.startswith(("B-", "S-"))
            if not name_like or known or new_entity:
                break
            end += 1
        return end if end > j else None

    def names_a_treaty(self, i: int, j: int, entry: Entry) -> bool:
        """ "Perjanjian Paris", "Konvensi Wina", "Proses Astana": a capital right after a capitalised treaty
        word (rules.yaml `treaty_words`) names the treaty after the city, unless a second place is coordinated
        with it ("Kesepakatan Moskow dan Ankara", "Format Moskow-Teheran" name the parties)."""
        if entry.kind != "capital" or i == 0 or not self.units[i - 1].capitalised:
            return False
        if self.prev_word(i) not in self.k.rules["treaty_words"]:
            return False
        if j < len(self.units):
            nxt = self.units[j]
            if norm(nxt.text) in self.k.rules["coordinators"] or nxt.text in ("-", "–") or nxt.hyphen_prefix:
                return False
        return True

    def after_posting(self, i: int) -> bool:
        """The place at unit i is where the mission or envoy named just before serves ("Konsul Jenderal
        Republik Indonesia di Jeddah", "Duta Besar RI untuk Rusia", "KBRI Tokyo")."""
        if self.after_mission_acronym(i):
            return True
        if i < 2 or self.prev_word(i) not in self.k.rules["posting_prepositions"] or not self.out:
            return False
        mission = self.out[-1]
        words = norm(mission.text).split()
        return mission.end_char == self.units[i - 2].end and bool(words) and (
            words[0] in self.k.rules["posting_titles"]
        )

    def after_mission_acronym(self, i: int) -> bool:
        """The place at unit i directly follows a mission named by an acronym ("KBRI Tokyo", "KJRI Jeddah",
        "KDEI Taipei": rules.yaml `posting_acronyms`) or an international organisation ("UNESCO Jakarta",
        "FAO Indonesia": its office there): the posting, with no preposition."""
        if i < 1 or not self.out:
            return False
        mission = self.out[-1]
        # the acronym may close a parenthesis: "Panitia Penyelenggara Ibadah Haji (PPIH) Arab Saudi"
        before = i - 2 if i >= 2 and self.units[i - 1].text == ")" else i - 1
        return mission.end_char == self.units[before].end and (
            norm(mission.text) in self.k.rules["posting_acronyms"] or mission.actor_kind == "igo"
        )

    def place_role(self, i: int, j: int, entry: Entry) -> str:
        rules = self.k.rules
        if self.names_a_posting(i, entry) or self.after_mission_acronym(i):
            return "venue"
        deprel = next((u.deprel for u in self.units[i:j] if u.deprel), "")
        if deprel in rules["actor_deprels"]:
            return "actor"
        prev = self.prev_word(i)
        if self.units[i].hyphen_prefix in rules["non_actor_prefixes"]:
            return "unknown"
        in_list = prev in rules["coordinators"] or (i > 0 and self.units[i - 1].text == ",")
        if in_list and self.out and self.out[-1].end_char <= self.units[i].start:
            last = self.out[-1]
            # a list continues the role of its previous member: "di Suriah, Yaman, dan Afghanistan"
            before = i
            while before > 0 and (
                self.units[before - 1].text == ","
                or norm(self.units[before - 1].text) in rules["coordinators"]
            ):
                before -= 1
            adjacent = before > 0 and self.units[before - 1].end == last.end_char
            if adjacent and last.actor_kind in ("state", "location"):
                return last.role
        if entry.kind == "capital":
            if not entry.metonym:
                return "venue"
            if prev in rules["actor_cues"]:
                return "actor"
            return "venue" if prev in rules["venue_prepositions"] else "actor"
        return "venue" if prev in rules["country_venue_prepositions"] else "actor"

    def names_a_posting(self, i: int, entry: Entry) -> bool:
        """ "Kedutaan Besar Denmark untuk Indonesia", "Duta Besar Jepang untuk RI": a country after a mission
        or envoy of another country and "untuk" is where it serves, not a party (rules.yaml
        `posting_titles`)."""
        if self.prev_word(i) != "untuk" or not self.after_posting(i):
            return False
        mission = self.out[-1]
        return bool(mission.iso3) and mission.iso3 != entry.iso3

    def emit_igo(self, i: int) -> int:
        m = self.slots[i]
        assert m is not None
        e = m.first("igo")
        assert e is not None
        self.emit(
            i,
            m.j,
            iso3="",
            sector=e.sector,
            actor_id=f"IGO:{e.ident}",
            actor_kind="igo",
            role="actor",
            method="igo",
            confidence=0.95,
        )
        return m.j

    def run(self) -> list[EntityMention]:
        i = 0
        while i < len(self.units):
            m = self.slots[i]
            if m is None:
                opens_run = self.units[i].capitalised and not self.word_before_person(i)
                end = self.name_run(i) if opens_run else i
                if end > i:
                    self.name_candidates.append((i, end))
                    i = end
                else:
                    i += 1
                continue
            nxt = self.rule_title(i) if m.first("title") and not m.first("person", "country") else None
            if (
                nxt is None
                and m.first("prefix")
                and not m.first("person", "igo", "organ", "country", "capital")
            ):
                nxt = self.rule_prefix(i)
            if nxt is None:
                nxt = self.rule_simple(m)
            i = max(nxt, i + 1)
        return self.out

    def rule_simple(self, m: Match) -> int:
        """The first dictionary entry at m on its own, by its kind; returns where the mention ends."""
        e = m.entries[0]
        if e.kind == "person":
            return self.simple_person(m, e)
        if e.kind == "igo":
            return self.emit_igo(m.i)
        if e.kind in ("country", "capital"):
            return self.simple_place(m, e)
        if e.kind == "organ":
            self.emit(m.i, m.j, iso3=e.iso3, sector=e.sector, actor_id=e.ident, actor_kind="state_organ",
                      role="actor", method="named_organ", confidence=0.9)
        elif e.kind == "region":
            self.emit(m.i, m.j, iso3="", sector="", actor_id=f"REGION:{e.ident}", actor_kind="region",
                      role="actor", method="region", confidence=0.8)
        elif e.kind == "both" and self.names_no_pair(m):
            # a party of its own, like an unresolved name: it takes part, and it is no state named before
            self.emit(m.i, m.j, iso3="", sector="", actor_id="", actor_kind="unknown", role="actor",
                      method="both_states_generic", confidence=0.0)
        elif e.kind == "both":
            # "kedua negara": resolved later from the article's states (coref)
            self.emit(m.i, m.j, iso3="", sector="", actor_id="", actor_kind="unknown", role="actor",
                      method="both_states_pending", confidence=0.0)
        return m.j

    def names_no_pair(self, m: Match) -> bool:
        """"dua negara" that refers to no two states named before: a policy's name ("solusi (damai) dua
        negara", the two-state solution) or new states ("dua negara lain", "di dua negara berbeda")."""
        before = {self.prev_word(m.i), self.prev_word(m.i - 1)}  # prev_word is "" before the start
        after = norm(self.units[m.j].text) if m.j < len(self.units) else ""
        return bool(before & self.k.rules["both_states_generic_before"]) or (
            after in self.k.rules["both_states_generic_after"]
        )

    def simple_person(self, m: Match, e: Entry) -> int:
        """A known person, with the longer name run when it still names the same person."""
        end = self.name_run(m.i)
        if any(norm(u.text) in self.k.rules["generational_suffixes"] for u in self.units[m.j:end]):
            self.name_candidates.append((m.i, end))  # "Donald Trump Jr": the son, no known person
            return end
        end = end if end >= m.j and self.person_id_for(m.i, end) == e.ident else m.j
        self.emit(m.i, end, **self.resolve_person(e.ident))
        return end

    def simple_place(self, m: Match, e: Entry) -> int:
        """A country or capital name: a citizen origin, a name of something else, the state, or a venue."""
        i, j = m.i, m.j
        if e.kind == "country" and self.prev_word(i) in self.k.rules["origin_markers"]:
            self.emit(i, j, iso3=e.iso3, sector="CVL", actor_id=f"{e.iso3}_CVL", actor_kind="state_organ",
                      role="actor", method="origin", confidence=0.8)
            return j
        if self.name_continues(j) and not self.s.is_headline:
            return self.emit_given_name(i, j)
        if (end := self.emit_named_after_place(i, j, e)) is not None:
            return end
        self.emit_state_or_place(i, j, e)
        return j

    def emit_given_name(self, i: int, j: int) -> int:
        """ "Kolonel Turki al-Maliki": a given name that is also a country; a person of no known state."""
        end = j + 1
        while end < len(self.units) and (self.units[end].capitalised or self.name_continues(end)):
            end += 1
        self.emit(i, end, iso3="", sector="", actor_id=f"PERSON:{self.name_slug(i, end)}",
                  actor_kind="person", role="actor", method="given_name", confidence=0.4)
        return end

    def emit_named_after_place(self, i: int, j: int, e: Entry) -> int | None:
        """A tournament, club, treaty, sea or organisation named after the place at i..j: emitted, and where
        its name ends; None when the place stands for itself."""
        if (end := self.sports_name_end(i, j)) is not None:
            # "China Open", "Australia Terbuka", "AS Roma": a tournament or club named after a place
            self.emit_place_name(i, end, method="sports_name", role="unknown")
            return end
        if (end := self.capital_name_end(i, j, e)) is not None:
            self.emit_place_name(i, end, method="capital_in_name", role="unknown")
            return end
        if self.names_a_treaty(i, j, e):
            self.emit_place_name(i - 1, j, method="treaty_name", role="unknown")
            return j
        if (end := self.country_name_end(i, j, e)) is not None:
            self.emit_place_name(i, end, method="country_in_name", role="unknown")
            return end
        if (start := self.geographic_name_start(i)) is not None:
            # "Laut China Selatan", "Selat Taiwan", "Lembah Yordania": a sea, strait or valley named after a
            # country is a place, not the state
            end = j + 1 if j < len(self.units) and norm(self.units[j].text) in COMPASS else j
            self.emit_place_name(start, end, method="geographic_name", role="venue")
            return end
        if self.names_a_body(i) or (e.kind == "country" and self.brand_before_place(i)):
            # "Universitas Indonesia", "University College London": an organisation named after a place, of a
            # kind that is no state body
            self.emit_place_name(i, j, method="org_name", role="actor")
            return j
        return None

    def emit_state_or_place(self, i: int, j: int, e: Entry) -> None:
        """The country or capital as itself: the state acting (a capital as its government) or a venue."""
        role = self.place_role(i, j, e)
        if e.kind == "country":
            self.emit(i, j, iso3=e.iso3, sector="", actor_id=e.iso3, actor_kind="state", role=role,
                      method="country_name", confidence=0.95 if role == "actor" else 0.8)
        elif role == "actor":
            self.emit(i, j, iso3=e.iso3, sector="GOV", actor_id=e.iso3, actor_kind="state", role="actor",
                      method="capital_metonym", confidence=0.85)
        else:
            self.emit(i, j, iso3=e.iso3, sector="", actor_id=f"PLACE:{e.ident}", actor_kind="location",
                      role=role, method="capital_venue" if e.metonym else "place", confidence=0.8)


# meN-, di- and ber- verbs ("mengunjungi", "dijual", "berbasis"), not "media" or "digital"
_VERB_LIKE = re.compile(r"^(?:me(?:m|n|ng|ny|l|r|w|y)|ber|di(?!gital))[a-z]{2,}")
_POSTING_GAP = re.compile(r"^\s*(?:(?:untuk|di|bagi)\s+[^,]{1,60})?\s*,?\s*$")


def _office_before(mentions: list[EntityMention], sentence: Sentence, start: int) -> EntityMention | None:
    """A state organ or office (title + country) ending right before `start`; a comma and a posting ("Duta
    Besar Korut untuk PBB, Ja Song Nam") may stand between."""
    for m in mentions:
        if m.actor_kind not in ("state_organ",) or not (m.iso3 or m.sector in IGO_SECTORS):
            continue
        gap = sentence.text[m.end_char - sentence.start_char : start - sentence.start_char]
        if m.end_char <= start and _POSTING_GAP.match(gap):
            return m
    return None


def _country_after(mentions: list[EntityMention], sentence: Sentence, end: int) -> EntityMention | None:
    """A country named right after a person with "dari" ("Presiden Laurentino Cortizo dari Panama")."""
    for m in mentions:
        gap = sentence.text[end - sentence.start_char : m.start_char - sentence.start_char]
        if m.start_char >= end and m.actor_kind == "state" and m.iso3 and gap.strip() == "dari":
            return m
    return None


def _persons_of_countries(mentions: list[EntityMention], sentence: Sentence) -> list[EntityMention]:
    """A title with a name but no country takes the country named right after it with "dari"."""
    out = []
    for m in mentions:
        country = _country_after(mentions, sentence, m.end_char) if m.method == "title_only" else None
        out.append(replace(m, iso3=country.iso3, method="title_person_from") if country else m)
    return out


def _ner_span_end(units: list[Unit], i: int) -> int:
    """Where the NER span opened at unit i ends: a B- tag runs on through its I-/E- units."""
    tag = units[i].ner
    j = i + 1
    while tag[:2] == "B-" and j < len(units) and units[j].ner[:2] in ("I-", "E-"):
        j += 1
    return j


def _keep_ner_span(b: _Builder, sentence: Sentence, covered: list[tuple[int, int]], i: int, j: int) -> None:
    """A NER span no rule resolved: the holder of the office right before it, else kept with an empty actor
    (later steps may still resolve it) and offered to coreference; nothing when a mention covers it."""
    units = b.units
    s, e = units[i].start, units[j - 1].end
    if any(a < e and s < z for a, z in covered):
        return
    holder = _office_before(b.out, sentence, s) if units[i].ner.endswith("PER") else None
    if holder is not None:
        # "Ketua Komisi 1 DPR RI Abdul Kharis", "Menteri Keuangan AS Steven Mnuchin": the person named
        # right after an office of a state holds it (later mentions of the name corefer).
        b.emit(i, j, iso3=holder.iso3, sector=holder.sector, actor_id=f"PERSON:{b.name_slug(i, j)}",
               actor_kind="person", role="actor", method="office_person", confidence=0.75)
    else:
        b.emit(i, j, iso3="", sector="", actor_id="", actor_kind="unknown", role="unknown", method="ner_only",
               confidence=0.3)
        b.name_candidates.append((i, j))


def resolve_sentence(
    sentence: Sentence, article_date: dt.date | None, k: Knowledge
) -> tuple[list[EntityMention], list[tuple[int, int, str]]]:
    """Mentions of one sentence, plus unresolved capitalised runs (start, end, text) for coreference."""
    b = _Builder(sentence, article_date, k)
    mentions = b.run()
    # NER spans that matched nothing are kept with an empty actor (later steps may still resolve them); what
    # the rules resolved is all that covers them, not the spans kept here.
    covered = [(m.start_char, m.end_char) for m in mentions]
    i = 0
    units = b.units
    while i < len(units):
        if units[i].ner[:2] in ("B-", "S-"):
            j = _ner_span_end(units, i)
            _keep_ner_span(b, sentence, covered, i, j)
            i = j
        else:
            i += 1
    cands = [(units[a].start, units[z - 1].end, b.text(a, z)) for a, z in b.name_candidates]
    return _persons_of_countries(mentions, sentence), cands
