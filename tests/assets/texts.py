"""Hand-written Indonesian foreign-affairs articles for whole-chain tests, generated from templates so a
test can ask for 50 distinct articles of one source, with or without a date, with or without debris."""

from __future__ import annotations

import datetime as dt
import json

PAIRS = (
    ("Indonesia", "Malaysia", "Jakarta"), ("Iran", "Pakistan", "Teheran"), ("Rusia", "Iran", "Moskow"),
    ("Jepang", "Korea Selatan", "Tokyo"), ("Turki", "Yunani", "Ankara"), ("Mesir", "Sudan", "Kairo"),
    ("India", "Bangladesh", "New Delhi"), ("Prancis", "Jerman", "Paris"),
)
_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
TOPICS = ("kerja sama perbatasan", "perdagangan bilateral", "keamanan maritim", "energi dan investasi",
          "penanganan pengungsi", "latihan militer gabungan")


def article(i: int, *, dated: bool = True, debris: str = "") -> str:
    """A distinct article about two states meeting (number `i` varies names, places and numbers).

    `dated` adds a weekday-qualified date ("Senin (12/2/2024)") that cleaning reads as the publication
    date; `debris` is a line appended after the first paragraph (e.g. a "Baca juga:" teaser).
    """
    a, b, city = PAIRS[i % len(PAIRS)]
    topic = TOPICS[i % len(TOPICS)]
    day = 1 + i % 27
    when = f" pada {_WEEKDAYS[dt.date(2024, 2, day).weekday()]} ({day}/2/2024)" if dated else ""
    first = (
        f"Menteri Luar Negeri {a} bertemu dengan Menteri Luar Negeri {b} di {city}{when} untuk membahas "
        f"{topic}. Pertemuan itu merupakan pertemuan ke-{i + 2} kedua menteri tahun ini dan berlangsung "
        f"selama {2 + i % 5} jam di gedung kementerian."
    )
    second = (
        f"Kedua menteri sepakat memperkuat kerja sama dan meningkatkan pertukaran informasi. Pemerintah {a} "
        f"juga mengecam serangan terhadap kapal dagang di perairan internasional dan meminta semua pihak "
        f"menahan diri. Sebanyak {100 + 7 * i} pejabat dari kedua negara hadir dalam pertemuan tersebut."
    )
    lines = [f"Menlu {a} dan {b} Bahas {topic.title()}", first]
    if debris:
        lines.append(debris)
    lines.append(second)
    return "\n\n".join(lines) + "\n"


def jsonl_line(i: int, **fields: object) -> str:
    """One JSONL article line (the interchange format): `fields` override id/source/published/text."""
    record = {"id": f"art-{i}", "url": f"https://kabarcontoh.example/{i}", "source": "kabarcontoh.example",
              "published": "2024-02-12", "title": None, "section": "dunia", "text": article(i, dated=False)}
    record.update(fields)
    return json.dumps(record, ensure_ascii=False)


ENGLISH = (
    "The foreign ministers of both countries met in Jakarta on Monday to discuss border cooperation. "
    "They agreed to strengthen joint patrols in the Strait of Malacca and to share more intelligence "
    "in order to fight human smuggling, according to a statement released after the meeting."
)


def html_page(i: int) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Berita</title></head><body><div class='nav'>"
        f"<a href='/'>Beranda</a></div><p>{article(i)}</p><script>var x = {i};</script></body></html>"
    )
