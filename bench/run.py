"""Benchmark: pass-tui's catalogue index against naive TinyDB and SQLite FTS5, same data.

    python bench/run.py --offers 100000 --json bench/results.json
    python bench/run.py --accounts 100000 --json bench/measured-accounts-100k.json

Builds a catalogue with the deterministic demo generator, then measures each engine in a
fresh child process (so load time and peak RSS are that engine's alone):

* pass-tui: catalogue load (index read), search latency p50/p95 over a fixed mix of 20
  queries (keywords, filters, both, a reference, all offers) including facet counts and
  the first page of 20 rows, caches cleared before every round;
* naive TinyDB: ``table.search(Query...)`` with the same semantics, on the same file;
* SQLite FTS5 (stdlib sqlite3): an FTS5 table over the same folded text, filters as
  columns, facets as GROUP BY queries;
* with ``--accounts N``: the candidate store's part of sign-up, login and a profile save
  at 1 000 and N accounts (seeded with one precomputed password hash), and one argon2id
  password check apart. ``--accounts`` alone skips the catalogue.

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


# -- candidate accounts ------------------------------------------------------------------------
BENCH_PASSWORD = "lapin bleu mange du foin"
OPS = 200


def seed_accounts(root: Path, n: int) -> float:
    """Write ``n`` accounts straight to disk as the store lays them out (account folder,
    account.json, e-mail index entry), all with ONE precomputed argon2 hash: the store's
    cost, not 100 000 argon2 runs. One sync at the end, not one per file (a seed, not
    100 000 commits). Returns seconds."""
    from pass_tui.data.candidates.passwords import hash_secret
    from pass_tui.data.candidates.store import address_key
    from pass_tui.data.store import serialise

    start = time.perf_counter()
    password_hash = hash_secret(BENCH_PASSWORD)
    accounts, emails = root / "accounts", root / "emails"
    emails.mkdir(parents=True, mode=0o700)
    accounts.mkdir(mode=0o700)
    for shard in range(256):
        (accounts / f"{shard:02x}").mkdir(mode=0o700)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    for i in range(n):
        account_id = f"{i:08x}" + os.urandom(12).hex()
        email = f"candidat{i}@exemple.fr"
        folder = accounts / account_id[:2] / account_id
        folder.mkdir(mode=0o700)
        doc = {"email": email, "created": "2026-11-27T00:00:00+00:00"}
        doc |= {"password_hash": password_hash, "confirmed": True}
        payload, _offsets = serialise({"account": {"1": doc}})
        fd = os.open(folder / "account.json", flags, 0o600)
        os.write(fd, payload)
        os.close(fd)
        fd = os.open(emails / address_key(email), flags, 0o600)
        os.write(fd, account_id.encode() + b"\n")
        os.close(fd)
    # Written back now, so the timed fsyncs do not pay for the seed's pending writes (in
    # ext4's ordered mode a journal commit first writes out the data of earlier writes).
    os.sync()
    return time.perf_counter() - start


def measure_accounts(data_dir: Path, n: int, round_: int = 0) -> dict:
    """The store's part of sign-up, login and a profile save, p50 over OPS each, on a data
    dir holding ``n`` accounts. Password and code hashing are excluded (argon2 is timed
    apart): sign-up = account created + index entry + code stored; login = throttle file
    locked and cleared + address looked up + account read + session stored; profile save
    = the fiche checked and written."""
    from pass_tui.data.candidates.models import CodeDoc, SessionDoc
    from pass_tui.data.candidates.profile import Profile, ProfileService
    from pass_tui.data.candidates.repositories import AccountRepository
    from pass_tui.data.candidates.store import AccountStore
    from pass_tui.data.candidates.throttle import LoginThrottle
    from pass_tui.data.refdata import refdata

    store = AccountStore(DataPaths(data_dir).candidates)
    throttle = LoginThrottle(store.throttle, time.time)
    seeded = store.find("candidat0@exemple.fr")
    assert seeded is not None, "no seeded account"
    password_hash = AccountRepository(seeded).account().password_hash
    code_hash = password_hash  # any argon2 string: its length is what the write costs
    rng = __import__("random").Random(n * 100 + round_)
    signup, login, profile_save = [], [], []
    for i in range(OPS):
        t0 = time.perf_counter()
        email = f"nouveau{round_}.{i}@exemple.fr"
        records = store.create(email, {"password_hash": password_hash})
        AccountRepository(records).put_code(
            CodeDoc(purpose="signup", nonce="n", code_hash=code_hash, expires=time.time() + 900)
        )
        signup.append((time.perf_counter() - t0) * 1000)
    domain = refdata().domains[0]
    for i in range(OPS):
        email = f"candidat{rng.randrange(n)}@exemple.fr"
        t0 = time.perf_counter()
        with throttle.attempt(email) as attempt:
            found = store.find(email)
            assert found is not None
            repo = AccountRepository(found)
            repo.account()
            attempt.succeeded()
        now = time.time()
        repo.add_session(
            SessionDoc(token_hash=os.urandom(32).hex(), created=now, expires=now + 86400), now
        )
        login.append((time.perf_counter() - t0) * 1000)
        profile = Profile(
            civility="madame",
            last_name="Martin",
            first_name=f"Camille {i}",
            phone="06 12 34 56 78",
            address="12 rue de la Paix, 75002 Paris",
            main_domain=domain.name,
            jobs=list(domain.metiers[:3]),
            regions=["11", "84"],
            departments=["75", "69"],
            seeking="les deux",
            terms_accepted=True,
        )
        t0 = time.perf_counter()
        ProfileService(found).submit(profile)
        profile_save.append((time.perf_counter() - t0) * 1000)
    return {
        "accounts": store.count(),
        "signup_p50_ms": statistics.median(signup),
        "login_p50_ms": statistics.median(login),
        "profile_save_p50_ms": statistics.median(profile_save),
        "signup_p95_ms": pct(signup, 0.95),
        "login_p95_ms": pct(login, 0.95),
        "profile_save_p95_ms": pct(profile_save, 0.95),
    }


def measure_argon2(rounds: int = 20) -> float:
    """One password check (argon2id, the parameters in use), p50 in ms."""
    from pass_tui.data.candidates.passwords import hash_secret, verify_secret

    stored = hash_secret(BENCH_PASSWORD)
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        assert verify_secret(stored, BENCH_PASSWORD)
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def size_label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


ACCOUNT_ROUNDS = 3


def run_accounts(n: int, tmp: Path) -> dict:
    """Seed 1 000 and ``n`` accounts; measure them in turn, each time in a fresh child
    process, ACCOUNT_ROUNDS times: the figures are the medians of the rounds (the disk is
    shared, and one round can catch another process's writes)."""
    sizes = sorted({1000, n})
    dirs: dict[int, Path] = {}
    results: dict = {}
    for size in sizes:
        dirs[size] = tmp / f"accounts-{size}"
        dirs[size].mkdir()
        print(f"seeding {size} accounts…", file=sys.stderr)
        seed_s = seed_accounts(DataPaths(dirs[size]).candidates, size)
        print(f"seeded in {seed_s:.1f} s", file=sys.stderr)
        results[f"seed_s_{size_label(size)}_accounts"] = round(seed_s, 1)
    rounds: dict[int, list[dict]] = {size: [] for size in sizes}
    for round_ in range(ACCOUNT_ROUNDS):
        for size in sizes:
            out = child("accounts", dirs[size], f"{size}:{round_}")
            print(f"{size} accounts, round {round_}: {out}", file=sys.stderr)
            rounds[size].append(out)
    for size in sizes:
        label = f"{size_label(size)}_accounts"
        for key in ("signup", "login", "profile_save"):
            for stat in ("p50", "p95"):
                values = [out[f"{key}_{stat}_ms"] for out in rounds[size]]
                results[f"{key}_{stat}_ms_{label}"] = round(statistics.median(values), 2)
    results["argon2_ms"] = round(measure_argon2(), 1)
    big, small = size_label(n), "1k"
    for key in ("signup", "login", "profile_save"):
        results[f"{key}_ratio_{big}_{small}"] = round(
            results[f"{key}_p50_ms_{big}_accounts"] / results[f"{key}_p50_ms_{small}_accounts"],
            2,
        )
    return {"accounts": n} | dict(sorted(results.items()))


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
    parser.add_argument(
        "--offers",
        type=int,
        default=None,
        help="catalogue size (default 100000 without --accounts)",
    )
    parser.add_argument(
        "--accounts", type=int, default=None, help="also measure the candidate store at N accounts"
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--skip-naive", action="store_true", help="naive TinyDB is slow")
    parser.add_argument(
        "--child", nargs=3, metavar=("ENGINE", "DIR", "REF"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        engine, data_dir, reference = args.child
        if engine == "accounts":
            size, round_ = reference.split(":")
            print(json.dumps(measure_accounts(Path(data_dir), int(size), int(round_))))
        else:
            print(json.dumps(ENGINES[engine](Path(data_dir), reference)))
        return 0
    if args.offers is None and args.accounts is None:
        args.offers = 100_000
    results: dict = {}
    if args.offers is not None:
        results |= run_offers(args)
    if args.accounts is not None:
        with tempfile.TemporaryDirectory(prefix="pass-bench-") as tmp:
            results |= run_accounts(args.accounts, Path(tmp))
    text = json.dumps(results, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


def run_offers(args: argparse.Namespace) -> dict:
    """The catalogue: pass-tui's index against SQLite FTS5 and naive TinyDB."""
    with tempfile.TemporaryDirectory(prefix="pass-bench-") as tmp:
        big = Path(tmp, "big")
        big.mkdir()
        print(f"building {args.offers} offers…", file=sys.stderr)
        build_s = build(big, args.offers)
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
    return results


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
