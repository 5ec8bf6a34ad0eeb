"""Benchmark: pass-tui's catalogue index against naive TinyDB and SQLite FTS5, same data.

    python bench/run.py --offers 100000 --json bench/results.json

Builds a catalogue with the deterministic demo generator, then measures each engine in a
fresh child process (so load time and peak RSS are that engine's alone):

* pass-tui: catalogue load (index read), search latency p50/p95 over a fixed mix of 20
  queries (keywords, filters, both, a reference, all offers) including facet counts and
  the first page of 20 rows, caches cleared before every round;
* naive TinyDB: ``table.search(Query...)`` with the same semantics, on the same file;
* SQLite FTS5 (stdlib sqlite3): an FTS5 table over the same folded text, filters as
  columns, facets as GROUP BY queries;
* candidate write latency (one ``CandidateStore.insert``) next to a 1k and a 100k catalogue.

Ratios are against the engines measured in the same run; nothing here is a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pass_tui.data.catalogue import FACETS, Catalogue  # noqa: E402
from pass_tui.data.criteria import SearchCriteria  # noqa: E402
from pass_tui.data.paths import DataPaths  # noqa: E402
from pass_tui.data.text import STOP_WORDS, fold, tokens  # noqa: E402

TODAY = date(2026, 11, 26)
ROUNDS = 5


def queries(reference: str) -> list[dict]:
    """The fixed mix: 6 keyword, 6 filter, 5 combined, 1 reference, 2 all-offers."""
    return [
        {"keywords": "ressources humaines"},
        {"keywords": "developpeur"},
        {"keywords": "cybersecurite"},
        {"keywords": "comptabilite gestion"},
        {"keywords": "apprenti"},
        {"keywords": "jardinier espaces verts"},
        {"natures": ["Apprentissage"]},
        {"levels": [3]},
        {"regions": ["53"]},
        {"departments": ["75"]},
        {"domains": ["Numérique, digital", "Achats"]},
        {"natures": ["Stage"], "levels": [6, 7]},
        {"keywords": "stagiaire", "regions": ["11"]},
        {"keywords": "assistant", "natures": ["Apprentissage"], "levels": [4]},
        {"keywords": "informatique", "departments": ["69"], "natures": ["Stage"]},
        {"keywords": "communication", "domains": ["Communication, multimédia"]},
        {"keywords": "hopital", "regions": ["84"], "levels": [5]},
        {"keywords": reference},
        {},
        {"natures": ["Apprentissage", "Stage"]},
    ]


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: on Linux ru_maxrss carries the
    parent's high-water mark across fork+exec, and the parent built the catalogue."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- building --------------------------------------------------------------------------------
def build(data_dir: Path, n: int) -> float:
    from pass_tui.data.catalogue.demo import generate_offers

    start = time.perf_counter()
    Catalogue(DataPaths(data_dir), today=lambda: TODAY).upsert(
        generate_offers(n, seed=2026, today=TODAY)
    )
    return time.perf_counter() - start


# -- engines (each run in a child process) ---------------------------------------------------
def measure_passtui(data_dir: Path, reference: str) -> dict:
    start = time.perf_counter()
    cat = Catalogue(DataPaths(data_dir), today=lambda: TODAY)
    n = len(cat)  # loads the index
    load_s = time.perf_counter() - start
    samples: list[float] = []
    counts: list[int] = []
    for _ in range(ROUNDS):
        index = cat._current()
        index._word_cache.clear()
        index._open = None
        for q in queries(reference):
            t0 = time.perf_counter()
            result = cat.search(SearchCriteria(**q))
            result.summaries(0, 20)
            samples.append((time.perf_counter() - t0) * 1000)
            counts.append(result.count)
    return {
        "offers": n,
        "load_s": load_s,
        "search_p50_ms": statistics.median(samples),
        "search_p95_ms": pct(samples, 0.95),
        "peak_rss_mb": peak_rss_mb(),
        "counts": counts[: len(queries(reference))],
    }


def _naive_match(doc: dict, q: dict) -> bool:
    if doc.get("closing") and doc["closing"] < TODAY.isoformat():
        return False
    for crit, fld in FACETS.items():
        values = q.get(crit)
        if values and str(doc.get(fld)) not in {str(v) for v in values}:
            return False
    text = q.get("keywords", "")
    if text:
        if fold(doc["reference"]) == fold(text):
            return True
        words = set(
            tokens(
                " ".join(
                    doc.get(f) or ""
                    for f in ("title", "description", "profile", "employer", "organisation", "city")
                )
            )
        )
        for w in tokens(text):
            if w not in STOP_WORDS and not any(t.startswith(w) for t in words):
                return False
    return True


def measure_naive(data_dir: Path, reference: str) -> dict:
    from tinydb import TinyDB

    start = time.perf_counter()
    db = TinyDB(data_dir / "catalogue.json")
    table = db.table("offers")
    len(table)
    load_s = time.perf_counter() - start
    samples: list[float] = []
    counts: list[int] = []
    for q in queries(reference):
        t0 = time.perf_counter()
        docs = table.search(lambda doc, q=q: _naive_match(doc, q))  # a QueryLike callable
        docs.sort(key=lambda d: (d["published"], d["reference"]), reverse=True)
        samples.append((time.perf_counter() - t0) * 1000)
        counts.append(len(docs))
    return {
        "load_s": load_s,
        "search_p50_ms": statistics.median(samples),
        "search_p95_ms": pct(samples, 0.95),
        "peak_rss_mb": peak_rss_mb(),
        "counts": counts,
    }


def measure_sqlite(data_dir: Path, reference: str) -> dict:
    docs = json.loads((data_dir / "catalogue.json").read_bytes())["offers"].values()
    start = time.perf_counter()
    con = sqlite3.connect(":memory:")
    con.execute(
        "CREATE TABLE offers(id INTEGER PRIMARY KEY, reference, published, closing, "
        "nature, domain, organisation, level, region, department, title)"
    )
    con.execute("CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='unicode61')")
    for i, d in enumerate(docs, 1):
        con.execute(
            "INSERT INTO offers VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                i,
                d["reference"],
                d["published"],
                d.get("closing"),
                d["nature"],
                d.get("domain"),
                d.get("organisation"),
                d.get("level"),
                d.get("region"),
                d.get("department"),
                d["title"],
            ),
        )
        body = " ".join(
            d.get(f) or ""
            for f in ("title", "description", "profile", "employer", "organisation", "city")
        )
        con.execute("INSERT INTO fts(rowid, body) VALUES (?, ?)", (i, fold(body)))
    con.execute("CREATE INDEX by_date ON offers(published DESC, reference DESC)")
    con.commit()
    build_s = time.perf_counter() - start
    samples: list[float] = []
    counts: list[int] = []
    for q in queries(reference):
        t0 = time.perf_counter()
        where = ["(closing IS NULL OR closing >= ?)"]
        params: list = [TODAY.isoformat()]
        for crit, fld in FACETS.items():
            if q.get(crit):
                where.append(f"{fld} IN ({','.join('?' * len(q[crit]))})")
                params += list(q[crit])
        text = q.get("keywords", "")
        if text:
            words = [w for w in tokens(text) if w not in STOP_WORDS]
            where.append("(reference = ? OR id IN (SELECT rowid FROM fts WHERE fts MATCH ?))")
            params += [text, " AND ".join(f'"{w}"*' for w in words) or '""']
        sql_where = " AND ".join(where)
        rows = con.execute(
            f"SELECT reference, title FROM offers WHERE {sql_where} "
            "ORDER BY published DESC, reference DESC",
            params,
        ).fetchall()
        for fld in FACETS.values():  # facet counts, as pass-tui computes them
            con.execute(
                f"SELECT {fld}, count(*) FROM offers WHERE {sql_where} GROUP BY {fld}", params
            ).fetchall()
        samples.append((time.perf_counter() - t0) * 1000)
        counts.append(len(rows))
    return {
        "build_s": build_s,
        "search_p50_ms": statistics.median(samples),
        "search_p95_ms": pct(samples, 0.95),
        "counts": counts,
    }


def measure_writes(data_dir: Path, count: int = 200) -> dict:
    from pass_tui.data.candidates import CandidateStore

    store = CandidateStore(DataPaths(data_dir))
    samples = []
    for i in range(count):
        t0 = time.perf_counter()
        store.insert("bench", {"i": i, "email": f"candidat{i}@exemple.fr", "offer": "A-1"})
        samples.append((time.perf_counter() - t0) * 1000)
    return {"write_p50_ms": statistics.median(samples), "write_p95_ms": pct(samples, 0.95)}


ENGINES = {
    "passtui": measure_passtui,
    "naive": measure_naive,
    "sqlite": measure_sqlite,
}


def child(engine: str, data_dir: Path, reference: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(data_dir), reference],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=100_000)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--skip-naive", action="store_true", help="naive TinyDB is slow")
    parser.add_argument(
        "--child", nargs=3, metavar=("ENGINE", "DIR", "REF"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        engine, data_dir, reference = args.child
        if engine == "writes":
            print(json.dumps(measure_writes(Path(data_dir))))
        else:
            print(json.dumps(ENGINES[engine](Path(data_dir), reference)))
        return 0

    with tempfile.TemporaryDirectory(prefix="pass-bench-") as tmp:
        big, small = Path(tmp, "big"), Path(tmp, "small")
        big.mkdir()
        small.mkdir()
        print(f"building {args.offers} offers…", file=sys.stderr)
        build_s = build(big, args.offers)
        build(small, 1000)
        reference = (
            Catalogue(DataPaths(big), today=lambda: TODAY)
            .search(SearchCriteria())
            .reference_at(args.offers // 2)
        )
        ours = child("passtui", big, reference)
        print(f"pass-tui: {ours}", file=sys.stderr)
        sqlite = child("sqlite", big, reference)
        print(f"sqlite: {sqlite}", file=sys.stderr)
        naive = None if args.skip_naive else child("naive", big, reference)
        print(f"naive: {naive}", file=sys.stderr)
        w1k = child("writes", small, reference)
        w100k = child("writes", big, reference)
        size_mb = (big / "catalogue.json").stat().st_size / 1e6
        index_mb = (big / ".catalogue.index").stat().st_size / 1e6

    for other, name in ((sqlite, "sqlite"), (naive, "naive")):
        if other is not None and other["counts"] != ours["counts"]:
            print(
                f"WARNING: {name} result counts differ: {other['counts']} vs {ours['counts']}",
                file=sys.stderr,
            )
    results = {
        "offers": args.offers,
        "catalogue_mb": round(size_mb, 1),
        "index_mb": round(index_mb, 1),
        "build_s": round(build_s, 2),
        "load_s": round(ours["load_s"], 3),
        "search_p50_ms": round(ours["search_p50_ms"], 2),
        "search_p95_ms": round(ours["search_p95_ms"], 2),
        "peak_rss_mb": round(ours["peak_rss_mb"], 1),
        "write_p50_ms_1k": round(w1k["write_p50_ms"], 2),
        "write_p50_ms_100k": round(w100k["write_p50_ms"], 2),
        "write_ratio_100k_1k": round(w100k["write_p50_ms"] / w1k["write_p50_ms"], 2),
        "sqlite_fts5_search_p50_ms": round(sqlite["search_p50_ms"], 2),
        "sqlite_fts5_search_p95_ms": round(sqlite["search_p95_ms"], 2),
        "ratio_sqlite_over_passtui_p50": round(sqlite["search_p50_ms"] / ours["search_p50_ms"], 1),
        "result_counts_match": {
            "sqlite": sqlite["counts"] == ours["counts"],
            "naive": None if naive is None else naive["counts"] == ours["counts"],
        },
    }
    if naive is not None:
        results |= {
            "naive_tinydb_load_s": round(naive["load_s"], 3),
            "naive_tinydb_search_p50_ms": round(naive["search_p50_ms"], 1),
            "naive_tinydb_peak_rss_mb": round(naive["peak_rss_mb"], 1),
            "ratio_naive_over_passtui_p50": round(
                naive["search_p50_ms"] / ours["search_p50_ms"], 1
            ),
        }
    text = json.dumps(results, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
