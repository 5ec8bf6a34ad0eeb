"""The store under real concurrent processes and real crashes (SIGKILL)."""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from filelock import FileLock

from pass_tui.data.candidates.store import AccountRecords, AccountStore
from pass_tui.data.catalogue import Catalogue
from pass_tui.data.catalogue.index import scan_lines
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.paths import DataPaths, make_data_dir
from pass_tui.data.services import Services
from pass_tui.data.store import Database, StoreError, remove_stale_temps, serialise

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 26)

# Writes into one candidate's account.json, the file every candidate write goes to.
WRITER = """
import sys
from pathlib import Path
from pass_tui.data.candidates.store import AccountStore
from pass_tui.data.paths import DataPaths
records = AccountStore(DataPaths(Path(sys.argv[1])).candidates).get(sys.argv[4])
proc, count = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()  # start together
for i in range(count):
    with records.db.transaction() as tx:
        tx.table("events").insert({"proc": proc, "i": i})
    print(i, flush=True)  # acknowledged: the write returned
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    return env


def _account(data_dir: Path, email: str = "a@exemple.fr") -> AccountRecords:
    """The candidate account the writers write to (created on first use)."""
    store = AccountStore(DataPaths(data_dir).candidates)
    return store.find(email) or store.create(email)


def _events(records: AccountRecords) -> list[dict]:
    return [dict(doc) for doc in records.db.table("events").all()]


def _insert(records: AccountRecords, doc: dict) -> None:
    with records.db.transaction() as tx:
        tx.table("events").insert(doc)


def _writer(data_dir: Path, proc: str, count: int) -> subprocess.Popen[str]:
    account_id = _account(data_dir).account_id
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), proc, str(count), account_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def test_serialised_file_is_plain_tinydb_json() -> None:
    payload, offsets = serialise({"t": {"1": {"a": "é"}, "2": {"b": [1, 2]}}})
    assert json.loads(payload) == {"t": {"1": {"a": "é"}, "2": {"b": [1, 2]}}}
    start, length = offsets["t"]["2"]
    assert json.loads(payload[start : start + length]) == {"b": [1, 2]}


@pytest.mark.slow
def test_four_processes_hundred_writes_each_lose_nothing(data_dir: Path) -> None:
    writers = [_writer(data_dir, f"p{n}", 100) for n in range(4)]
    for child in writers:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in writers:
        child.wait(timeout=120)
        assert child.returncode == 0
    records = _events(_account(data_dir))
    assert len(records) == 400
    assert {(r["proc"], r["i"]) for r in records} == {
        (f"p{n}", i) for n in range(4) for i in range(100)
    }


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_write(data_dir: Path) -> None:
    rng = random.Random(2026)
    acknowledged: set[tuple[str, int]] = set()
    for run in range(50):
        child = _writer(data_dir, f"run{run}", 10_000)
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        for _ in range(rng.randint(1, 8)):
            line = child.stdout.readline()
            acknowledged.add((f"run{run}", int(line)))
        time.sleep(rng.random() * 0.02)  # kill somewhere inside the next writes
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        # acks already in the pipe were acknowledged before the kill too
        for line in child.stdout.read().split():
            acknowledged.add((f"run{run}", int(line)))
        content = _account(data_dir).db.path.read_bytes()
        stored = json.loads(content)["events"]  # always parses
        present = {(d["proc"], d["i"]) for d in stored.values()}
        missing = acknowledged - present
        assert not missing, f"run {run}: acknowledged writes lost: {sorted(missing)[:5]}"


def test_a_process_sees_writes_made_by_another(data_dir: Path) -> None:
    ours = _account(data_dir)
    _insert(ours, {"proc": "here", "i": 0})
    child = _writer(data_dir, "there", 3)
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    child.wait(timeout=30)
    assert sorted(r["proc"] for r in _events(ours)) == ["here", "there", "there", "there"]
    # and ids never collide although our table objects existed before the other inserts
    _insert(ours, {"proc": "here", "i": 1})
    assert len(_events(ours)) == 5


def test_failed_transaction_writes_nothing(data_dir: Path) -> None:
    db = Database(data_dir / "account.json")
    with db.transaction() as tx:
        tx.table("t").insert({"n": 1})
    before = (data_dir / "account.json").read_bytes()
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.table("t").insert({"n": 2})
        tx.table("t").insert({"n": 3})
        raise RuntimeError("boom")
    assert (data_dir / "account.json").read_bytes() == before
    assert [d["n"] for d in db.table("t").all()] == [1]


def test_candidate_writes_never_rewrite_the_catalogue_nor_another_account(
    data_dir: Path,
) -> None:
    (data_dir / "catalogue.json").write_text('{"offers": {}}')
    other = _account(data_dir, "b@exemple.fr").db.path
    watched = [data_dir / "catalogue.json", other]
    before = [os.stat(path) for path in watched]
    _insert(_account(data_dir), {"i": 1})
    after = [os.stat(path) for path in watched]
    assert [(s.st_ino, s.st_mtime_ns) for s in before] == [(s.st_ino, s.st_mtime_ns) for s in after]


def test_database_files_are_private(data_dir: Path) -> None:
    records = _account(data_dir)
    _insert(records, {"i": 1})
    assert records.db.path.stat().st_mode & 0o077 == 0
    assert records.folder.stat().st_mode & 0o077 == 0
    assert records.files.stat().st_mode & 0o077 == 0


# -- errors: corrupt files, reads that can't write, leftovers, first start -------------------
def _offers(n: int) -> list:
    from pass_tui.data.catalogue.demo import demo_offers

    return demo_offers(TODAY)[:n]


def test_a_truncated_file_is_one_store_error_naming_it(data_dir: Path) -> None:
    records = _account(data_dir)
    _insert(records, {"i": 1})
    path = records.db.path
    path.write_bytes(path.read_bytes()[:-3])
    with pytest.raises(StoreError, match=f"^{path} : fichier de données illisible ou tronqué"):
        _events(records)
    with pytest.raises(StoreError):
        _insert(records, {"i": 2})
    assert path.read_bytes().endswith(b"}")  # left as it was: nothing overwrote it


def test_scan_lines_refuses_a_truncated_catalogue() -> None:
    payload, offsets = serialise({"offers": {"1": {"a": 1}, "2": {"b": 2}}, "other": {}})
    docs, found = scan_lines(payload)
    assert docs == {"1": {"a": 1}, "2": {"b": 2}} and found == offsets["offers"]
    for cut in (len(payload) - 3, payload.index(b"\n", 20) + 1, 12):
        assert scan_lines(payload[:cut]) == (None, {}), cut


def test_catalogue_reads_without_writing_when_saving_the_index_fails(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = DataPaths(data_dir)
    Catalogue(paths).upsert(_offers(5))
    paths.catalogue_index.unlink()

    def full_disk(path: Path, raw: dict) -> None:
        raise StoreError(f"{path} : écriture impossible (disque plein)")

    monkeypatch.setattr("pass_tui.data.catalogue.catalogue.save_index", full_disk)
    reader = Catalogue(paths, today=lambda: TODAY)
    assert reader.search(SearchCriteria()).count == 5
    assert not paths.catalogue_index.exists()
    # and a write whose index can't be saved is committed and read back
    reader.upsert(_offers(7))
    assert Catalogue(paths, today=lambda: TODAY).search(SearchCriteria()).count == 7


def test_a_catalogue_in_another_layout_is_served_from_memory_while_locked(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = DataPaths(data_dir)
    docs = {str(i): o.model_dump(mode="json") for i, o in enumerate(_offers(3), 1)}
    stock = json.dumps({"offers": docs}).encode()  # stock TinyDB: all on one line
    paths.catalogue.write_bytes(stock)
    held = FileLock(str(paths.catalogue) + ".lock")
    with held:  # another process is writing: no rewrite now
        catalogue = Catalogue(paths, today=lambda: TODAY)
        result = catalogue.search(SearchCriteria())
        assert [o.reference for o in result.offers()] == [
            o.reference for o in sorted(_offers(3), key=lambda o: o.published, reverse=True)
        ]
    assert paths.catalogue.read_bytes() == stock
    # no room for the rewritten catalogue, room for an index: the in-memory index (its
    # offsets are those of the normalised content, not the file's) is never saved
    monkeypatch.setattr(Catalogue, "_rewrite", lambda self, data, sig: None)
    assert Catalogue(paths, today=lambda: TODAY).search(SearchCriteria()).count == 3
    assert not paths.catalogue_index.exists()
    monkeypatch.undo()
    Catalogue(paths).search(SearchCriteria())  # lock free: normalised in place
    assert paths.catalogue.read_bytes() != stock
    assert json.loads(paths.catalogue.read_bytes()) == {"offers": docs}


def test_remove_stale_temps_keeps_live_recent_and_foreign_files(tmp_path: Path) -> None:
    target = tmp_path / "catalogue.json"
    old = time.time() - 60

    def leftover(name: str, age: float | None = old) -> Path:
        path = tmp_path / name
        path.write_bytes(b"x")
        if age is not None:
            os.utime(path, (age, age))
        return path

    dead = leftover(".catalogue.json.abcd1234.tmp")
    live = leftover(".catalogue.json.live1234.tmp")
    recent = leftover(".catalogue.json.new01234.tmp", None)
    foreign = leftover(".catalogue.json.bak.abcd1234.tmp")
    other = leftover("catalogue.json.abcd1234.tmp")
    fd = os.open(live, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a writer at work
    try:
        assert remove_stale_temps(target) == 1
    finally:
        os.close(fd)
    assert not dead.exists()
    assert live.exists() and recent.exists() and foreign.exists() and other.exists()
    assert remove_stale_temps(target) == 1  # its writer is gone
    assert not live.exists()


def test_make_data_dir_reports_what_it_created(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c"
    assert make_data_dir(target) == [tmp_path / "a", tmp_path / "a" / "b", target]
    assert make_data_dir(target) == []
    (tmp_path / "f").write_text("")
    with pytest.raises(StoreError, match="f : ce n'est pas un dossier"):
        make_data_dir(tmp_path / "f" / "x")


def test_undo_first_start_removes_only_what_is_unchanged(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh" / "data"
    services = Services.open(fresh)
    assert services.first_start.directories == [tmp_path / "fresh", fresh]
    services.undo_first_start()
    assert not (tmp_path / "fresh").exists()

    kept = tmp_path / "kept"
    services = Services.open(kept)
    changed = _offers(1)[0].model_copy(update={"title": "changed since"})
    Catalogue(DataPaths(kept)).upsert([changed])
    services.undo_first_start()  # the catalogue changed since: everything stays
    assert (kept / "catalogue.json").exists()

    used = tmp_path / "used"
    services = Services.open(used)
    AccountStore(DataPaths(used).candidates).create("a@exemple.fr")
    services.undo_first_start()  # the data dir is in use: the demo catalogue stays
    assert (used / "catalogue.json").exists()

    configured = tmp_path / "configured"
    configured.mkdir()
    (configured / "config.toml").write_text('language = "fr"\n')
    services = Services.open(configured)
    services.undo_first_start()  # what was there before is no reason to keep the demo
    assert sorted(p.name for p in configured.iterdir()) == ["config.toml"]

    busy = tmp_path / "busy"
    services = Services.open(busy)
    with FileLock(str(busy / "catalogue.json") + ".lock"):
        services.undo_first_start()  # another process is at work: nothing removed
    assert (busy / "catalogue.json").exists()
