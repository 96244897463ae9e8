"""Mine the shared corpora for the predicates Indonesian news uses between countries.

For every sentence that names at least two distinct countries (at least one of them foreign, i.e. not
Indonesia), count each word under its affix-stripped root, and print per root: how many such sentences
use it, how much more often it appears there than in all sentences (lift), its surface forms with counts,
and a couple of example sentences. This is the evidence behind the trigger dictionary
(peristiwa/events/data/triggers.yaml): which word families carry interstate acts in real text.

Countries come from the project's actor knowledge (country names, aliases, state-metonym capitals and named
state organs, each with its ISO3 code). The tokenizer is a regex and the root finder is a heuristic
(strip clitic, suffix and prefix, undo nasal assimilation, keep the candidate root that occurs most often on
its own in the corpus): no Stanza, so the whole corpus runs in a minute or two.

The development articles (../shared/corpus/dev and ../shared/gold/dev_events.csv) are the evaluation set:
their ids are excluded, so nothing is mined from them.

    python scripts/mine_triggers.py                          # top roots, both corpora
    python scripts/mine_triggers.py --shared /path/to/shared --top 300 --examples 2
    python scripts/mine_triggers.py --root kunjung --root tangguh   # only these roots
    python scripts/mine_triggers.py --near beku --near tangguh      # what these verbs take as objects
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from peristiwa.actors import load_knowledge  # noqa: E402
from peristiwa.actors.knowledge import Knowledge, norm  # noqa: E402

CORPORA = ("corpus/indosum/articles.jsonl", "corpus/clickid/articles.jsonl")
HOME = "IDN"
TOKEN = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*|\d+")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“A-Z])|\n+")
CLITICS = ("nya", "lah", "kah", "pun")
SUFFIXES = ("kan", "an", "i")
# Function words and the reporting/structural vocabulary every sentence has: never a trigger by themselves.
_STOP_TEXT = """
yang dan di ke dari dengan untuk pada dalam ini itu tersebut akan telah sudah juga tidak tak bukan
belum ada adalah ialah merupakan oleh sebagai bahwa karena atau serta namun tetapi tapi para sebuah
seorang satu dua tiga empat lima hal saat ketika setelah sebelum hingga sampai bagi kepada terhadap
atas antara tahun bulan hari senin selasa rabu kamis jumat sabtu minggu januari februari maret april
mei juni juli agustus september oktober november desember lalu kini masih lebih sangat banyak semua
beberapa sejumlah pun lagi jika bila kalau agar supaya sehingga maka pula hanya bisa dapat harus ingin
mau perlu kita kami mereka ia dia saya anda kata ujar tutur menurut mengatakan menyatakan sebut
menyebutkan katanya ujarnya tuturnya jelas menjelaskan tambah menambahkan negara pemerintah presiden
menteri luar negeri perdana kepala juru bicara pihak warga the of rp persen dollar dolar as
"""
STOP = frozenset(_STOP_TEXT.split())


@dataclass
class RootStats:
    sentences: int = 0  # pair sentences using the root
    both_foreign: int = 0  # ... where no country is Indonesia
    overall: int = 0  # all sentences using the root
    forms: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


def excluded_ids(shared: Path) -> set[str]:
    """Ids of the evaluation articles (dev folder and dev gold): never mined."""
    ids = {p.stem for p in (shared / "corpus" / "dev").glob("*.jsonl")}
    gold = shared / "gold" / "dev_events.csv"
    if gold.exists():
        with gold.open(encoding="utf-8") as fh:
            ids |= {row["article_id"] for row in csv.DictReader(fh) if row.get("article_id")}
    return ids


def articles(shared: Path, corpora: Iterable[str], skip: set[str]) -> Iterator[dict]:
    for rel in corpora:
        path = shared / rel
        if not path.exists():
            raise SystemExit(f"corpus file not found: {path} (set --shared)")
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                if art.get("id") not in skip and art.get("text"):
                    yield art


def sentences(text: str) -> list[str]:
    text = text.replace(".,", ". ").replace("\r", "")
    return [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) > 20]


class Gazetteer:
    """Country mentions from the actor knowledge: names, aliases, metonym capitals, organs with a state."""

    def __init__(self, k: Knowledge) -> None:
        self.entries: dict[tuple[str, ...], tuple[str, bool]] = {}
        # Words that show a state acts in the sentence (titles, state organs, office holders): with
        # --state-cue (the default) a sentence needs one, which keeps match reports and sports scores out.
        self.cues: set[tuple[str, ...]] = set()
        for key, entries in k.lexicon.items():
            for e in entries:
                usable = e.kind == "country" or (e.kind == "capital" and e.metonym) or e.kind == "organ"
                if usable and e.iso3:
                    self.entries.setdefault(key, (e.iso3, e.case_sensitive and e.surface))
                if e.kind in ("title", "prefix", "person") or (e.kind == "organ" and e.sector != "JRN"):
                    self.cues.add(key)
        self.max_len = max(len(k) for k in self.entries)
        self.cue_len = max(len(k) for k in self.cues)

    def has_state_cue(self, tokens: list[str]) -> bool:
        low = [norm(t) for t in tokens]
        return any(
            tuple(low[i : i + n]) in self.cues
            for i in range(len(low))
            for n in range(1, min(self.cue_len, len(low) - i) + 1)
        )

    def countries(self, tokens: list[str]) -> tuple[set[int], set[str]]:
        """(positions covered by country names, ISO3 codes named)."""
        covered: set[int] = set()
        found: set[str] = set()
        i = 0
        while i < len(tokens):
            hit = None
            if tokens[i][:1].isupper():  # names are capitalised; lower-case homographs are ordinary words
                for n in range(min(self.max_len, len(tokens) - i), 0, -1):
                    key = tuple(norm(t) for t in tokens[i : i + n])
                    entry = self.entries.get(key)
                    if entry and (not entry[1] or " ".join(tokens[i : i + n]) == entry[1]):
                        hit = (n, entry[0])
                        break
            if hit:
                covered.update(range(i, i + hit[0]))
                found.add(hit[1])
                i += hit[0]
            else:
                i += 1
        return covered, found


def _strip_clitic(w: str) -> str:
    for c in CLITICS:
        if w.endswith(c) and len(w) - len(c) >= 4:
            return w[: -len(c)]
    return w


def _prefix_candidates(w: str) -> set[str]:
    """Roots a prefixed word may come from (nasal assimilation undone both ways)."""
    out = {w}
    for p in ("memper", "diper", "per", "ber", "be", "ter", "di", "ke", "se"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            rest = w[len(p) :]
            out.add(rest)  # "berunding" also yields "runding" through the be- prefix
    for p in ("me", "pe"):
        if not w.startswith(p):
            continue
        rest = w[2:]
        if rest.startswith("nge") and len(rest) > 5:
            out.add(rest[3:])  # mengebom
        if rest.startswith("ng"):
            out.update({rest[2:], "k" + rest[2:]})
        elif rest.startswith("ny"):
            out.add("s" + rest[2:])
        elif rest.startswith("m"):
            out.update({rest[1:], "p" + rest[1:], rest})
        elif rest.startswith("n"):
            out.update({rest[1:], "t" + rest[1:], rest})
        else:
            out.add(rest)  # melihat, merebut, mewujudkan
    return {c for c in out if len(c) >= 4 or c == w}


def root_candidates(word: str) -> set[str]:
    w = _strip_clitic(word.lower())
    stems = {w}
    for s in SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            stems.add(w[: -len(s)])
    out: set[str] = {w}
    for s in stems:
        out |= _prefix_candidates(s)
    return {c for c in out if len(c) >= 4 or c == w}


class Rooter:
    """Picks, for each word, the candidate root that the most distinct corpus words reduce to (a real root
    has a family: tuduh <- menuduh, dituduh, tuduhan; a spurious strip such as "ang" from "perang" has
    none), then the one most frequent as a word of its own."""

    def __init__(self, vocabulary: Counter) -> None:
        self.bare = vocabulary
        self.support: Counter = Counter()
        for word, n in vocabulary.items():
            if n >= 2 and word.isalpha():
                self.support.update(root_candidates(word))
        self.cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        w = word.lower()
        if w not in self.cache:
            cands = root_candidates(w)
            self.cache[w] = max(
                cands, key=lambda c: (self.support.get(c, 0), self.bare.get(c, 0), c == w, -len(c))
            )
        return self.cache[w]


def mine(
    shared: Path,
    corpora: Iterable[str],
    k: Knowledge,
    examples: int,
    near: set[str],
    state_cue: bool = True,
    window: int = 6,
) -> tuple[dict[str, RootStats], dict[str, Counter], dict[str, int]]:
    gaz = Gazetteer(k)
    skip = excluded_ids(shared)
    docs = list(articles(shared, corpora, skip))
    counts = {"articles": len(docs), "excluded_ids": len(skip), "sentences": 0, "pair_sentences": 0}
    counts["state_cue"] = int(state_cue)
    split = [[TOKEN.findall(s) for s in sentences(d["text"])] for d in docs]
    texts = [sentences(d["text"]) for d in docs]
    vocabulary: Counter = Counter(t.lower() for doc in split for sent in doc for t in sent)
    rooter = Rooter(vocabulary)
    stats: dict[str, RootStats] = defaultdict(RootStats)
    neighbours: dict[str, Counter] = defaultdict(Counter)
    for doc_tokens, doc_texts in zip(split, texts, strict=True):
        for tokens, text in zip(doc_tokens, doc_texts, strict=True):
            counts["sentences"] += 1
            covered, iso = gaz.countries(tokens)
            is_pair = len(iso) >= 2 and bool(iso - {HOME}) and (not state_cue or gaz.has_state_cue(tokens))
            counts["pair_sentences"] += is_pair
            seen: set[str] = set()
            for i, tok in enumerate(tokens):
                low = tok.lower()
                if i in covered or low in STOP or tok.isdigit() or len(low) < 4:
                    continue
                root = rooter(low)
                if root in STOP or root in seen:
                    continue
                seen.add(root)
                st = stats[root]
                st.overall += 1
                if not is_pair:
                    continue
                st.sentences += 1
                st.both_foreign += HOME not in iso
                st.forms[low] += 1
                if len(st.examples) < examples and len(text) < 260:
                    st.examples.append(text)
                if root in near:
                    for j in range(i + 1, min(len(tokens), i + 1 + window)):
                        if j not in covered and tokens[j].lower() not in STOP:
                            neighbours[root][rooter(tokens[j].lower())] += 1
    return stats, neighbours, counts


def report(
    stats: dict[str, RootStats],
    neighbours: dict[str, Counter],
    counts: dict[str, int],
    top: int,
    min_count: int,
    roots: set[str],
) -> None:
    pair_share = counts["pair_sentences"] / max(1, counts["sentences"])
    print(
        f"# {counts['articles']} articles ({counts['excluded_ids']} evaluation ids excluded), "
        f"{counts['sentences']} sentences, {counts['pair_sentences']} with >= 2 countries incl. a foreign one"
        + (" and a state actor word" if counts.get("state_cue") else "")
    )
    print("# root  pair_sentences  both_foreign  lift(pair share / base share)  forms...  then examples")
    ranked = sorted(stats.items(), key=lambda kv: -kv[1].sentences)
    shown = 0
    for root, st in ranked:
        if roots and root not in roots:
            continue
        if not roots and (st.sentences < min_count or shown >= top):
            continue
        lift = (st.sentences / max(1, st.overall)) / pair_share
        forms = ", ".join(f"{f} {n}" for f, n in st.forms.most_common(8))
        print(f"{root}\t{st.sentences}\t{st.both_foreign}\t{lift:.1f}\t{forms}")
        for ex in st.examples:
            print(f"    | {ex}")
        if root in neighbours:
            objs = ", ".join(f"{w} {n}" for w, n in neighbours[root].most_common(25))
            print(f"    > next words: {objs}")
        shown += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared")
    ap.add_argument("--corpus", action="append", help=f"corpus file under --shared (default: {CORPORA})")
    ap.add_argument("--top", type=int, default=400, help="roots to print (ranked by pair sentences)")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--examples", type=int, default=2, help="example sentences per root")
    ap.add_argument("--root", action="append", default=[], help="print only these roots")
    ap.add_argument("--near", action="append", default=[], help="also list the words that follow these roots")
    ap.add_argument(
        "--any-sentence",
        action="store_true",
        help="count every sentence with two countries, not only those that name a state actor",
    )
    args = ap.parse_args(argv)
    k = load_knowledge(None)
    stats, neighbours, counts = mine(
        args.shared.resolve(), args.corpus or CORPORA, k, args.examples, set(args.near), not args.any_sentence
    )
    report(stats, neighbours, counts, args.top, args.min_count, set(args.root) | set(args.near))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
