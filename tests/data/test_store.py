"""The store under real concurrent processes and real crashes (SIGKILL)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pass_tui.data.candidates import CandidateStore
from pass_tui.data.paths import DataPaths
from pass_tui.data.store import Database, serialise

REPO = Path(__file__).resolve().parents[2]

WRITER = """
import sys
from pathlib import Path
from pass_tui.data.candidates import CandidateStore
from pass_tui.data.paths import DataPaths
store = CandidateStore(DataPaths(Path(sys.argv[1])))
proc, count = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()  # start together
for i in range(count):
    store.insert("events", {"proc": proc, "i": i})
    print(i, flush=True)  # acknowledged: the write returned
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    return env


def _writer(data_dir: Path, proc: str, count: int) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), proc, str(count)],
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
    records = CandidateStore(DataPaths(data_dir)).all("events")
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
        content = (data_dir / "candidates.json").read_bytes()
        stored = json.loads(content)["events"]  # always parses
        present = {(d["proc"], d["i"]) for d in stored.values()}
        missing = acknowledged - present
        assert not missing, f"run {run}: acknowledged writes lost: {sorted(missing)[:5]}"


def test_a_process_sees_writes_made_by_another(data_dir: Path) -> None:
    ours = CandidateStore(DataPaths(data_dir))
    ours.insert("events", {"proc": "here", "i": 0})
    child = _writer(data_dir, "there", 3)
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    child.wait(timeout=30)
    assert sorted(r["proc"] for r in ours.all("events")) == ["here", "there", "there", "there"]
    # and ids never collide although our table objects existed before the other inserts
    ours.insert("events", {"proc": "here", "i": 1})
    assert len(ours.all("events")) == 5


def test_failed_transaction_writes_nothing(data_dir: Path) -> None:
    db = Database(data_dir / "candidates.json")
    with db.transaction() as tx:
        tx.table("t").insert({"n": 1})
    before = (data_dir / "candidates.json").read_bytes()
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.table("t").insert({"n": 2})
        tx.table("t").insert({"n": 3})
        raise RuntimeError("boom")
    assert (data_dir / "candidates.json").read_bytes() == before
    assert [d["n"] for d in db.table("t").all()] == [1]


def test_candidate_writes_never_rewrite_the_catalogue(data_dir: Path) -> None:
    (data_dir / "catalogue.json").write_text('{"offers": {}}')
    before = os.stat(data_dir / "catalogue.json")
    CandidateStore(DataPaths(data_dir)).insert("events", {"i": 1})
    after = os.stat(data_dir / "catalogue.json")
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_database_files_are_private(data_dir: Path) -> None:
    CandidateStore(DataPaths(data_dir)).insert("events", {"i": 1})
    assert (data_dir / "candidates.json").stat().st_mode & 0o077 == 0
