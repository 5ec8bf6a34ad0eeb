"""Every way a command can fail, through the real `pass-tui` process: exit 2 (1 for "not
found"), one line ``pass-tui : <the problem>``, no traceback, nothing created, and a store
that still reads afterwards.

Real mechanisms throughout: a small tmpfs filled up for a full disk, a tmpfs remounted
read-only, and file modes. Root ignores file modes, so as root the child process runs
without the capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, dropped with
`setpriv`): modes bite as they do for everyone else. Without root, the full disk is
injected (fsync reports ENOSPC) in the same CLI process, and the mounts are not needed.
"""

from __future__ import annotations

import ast
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from http_server import Reply, scripted_server

from pass_tui.data.errors import ImportFailed
from pass_tui.data.sources.fetch import Fetcher
from pass_tui.data.store import Database, atomic_write
from pass_tui.i18n import ENGLISH

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
RSS = (FIXTURES / "pass-offres.xml").read_bytes()
ROOT = os.geteuid() == 0
# As root, run the CLI without the capabilities that bypass file modes.
UNPRIVILEGED = (
    [
        "setpriv",
        "--bounding-set",
        "-dac_override,-dac_read_search",
        "--inh-caps",
        "-dac_override,-dac_read_search",
        "--",
    ]
    if ROOT
    else []
)


# -- helpers ----------------------------------------------------------------------------------
def run(
    *args: str, prefix: list[str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "pass_tui", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def one_line_error(
    out: subprocess.CompletedProcess[str],
    *expected: str,
    code: int = 2,
    prefix: str = "pass-tui : ",
) -> str:
    """The single stderr line of a failed command, checked: exit code, no traceback, the
    ``pass-tui :`` prefix and every ``expected`` fragment."""
    assert out.returncode == code, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith(prefix), lines[0]
    for fragment in expected:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def listing(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under ``root`` with its identity: equal listings mean nothing was written."""
    found = {}
    for path in sorted(root.rglob("*")):
        st = path.lstat()
        found[str(path.relative_to(root))] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return found


def search_count(data_dir: Path, prefix: list[str] | None = None) -> int:
    """The store still reads: a search succeeds; returns its count."""
    out = run(
        "search", "--format", "json", "--limit", "1", "--data-dir", str(data_dir), prefix=prefix
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    return json.loads(out.stdout)["count"]


def first_reference(data_dir: Path) -> str:
    out = run("search", "--format", "json", "--limit", "1", "--data-dir", str(data_dir))
    return json.loads(out.stdout)["offers"][0]["reference"]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir where the demo catalogue was loaded (by a first search)."""
    path = tmp_path_factory.mktemp("seeded") / "data"
    assert run("search", "--limit", "0", "--data-dir", str(path)).returncode == 0
    return path


@pytest.fixture
def store(seeded: Path, tmp_path: Path) -> Path:
    """A copy of the seeded data dir (new inodes: its saved index is stale)."""
    path = tmp_path / "store"
    shutil.copytree(seeded, path)
    return path


@pytest.fixture
def home() -> Path:
    """PASS_TUI_HOME (set by conftest): a refused command must not touch it either."""
    return Path(os.environ["PASS_TUI_HOME"])


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def free_bytes(path: Path) -> int:
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


def fill(fs: Path, leave: int) -> Path:
    """Fill the file system at ``fs`` until exactly ``leave`` bytes stay free."""
    filler = fs / "filler"
    with open(filler, "ab") as fh:
        fh.write(b"\0" * (free_bytes(fs) - leave))
    assert free_bytes(fs) == leave
    return filler


# -- the data dir -----------------------------------------------------------------------------
def test_data_dir_naming_a_file(tmp_path: Path, home: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a directory")
    for target in (afile, afile / "sub"):
        out = run("search", "--data-dir", str(target))
        one_line_error(out, str(afile), "ce n'est pas un dossier")
    assert afile.read_text() == "not a directory"
    assert not home.exists()


def test_empty_data_dir_is_refused_not_the_default(home: Path) -> None:
    out = run("search", "--limit", "0", "--data-dir", "")
    one_line_error(out, "--data-dir", "vide")
    assert not home.exists()


@pytest.mark.parametrize("how", ["mode", "mount"] if ROOT else ["mode"])
def test_data_dir_under_an_unwritable_parent(tmp_path: Path, how: str) -> None:
    if how == "mode":
        parent = tmp_path / "locked"
        parent.mkdir()
        parent.chmod(0o555)
        try:
            out = run("search", "--data-dir", str(parent / "a" / "b"), prefix=UNPRIVILEGED)
        finally:
            parent.chmod(0o755)
        one_line_error(out, str(parent / "a" / "b"), "permission refusée")
        assert list(parent.iterdir()) == []
        return
    with tmpfs(tmp_path / "ro", "64k") as fs:
        subprocess.run(["mount", "-o", "remount,ro", str(fs)], check=True)
        out = run("search", "--data-dir", str(fs / "data"))
        one_line_error(out, str(fs / "data"), "système de fichiers en lecture seule")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["offer", "Z-0000-0"], 1),
        (["import", "/nonexistent/offres.xml"], 2),
        (["feeds", "serve", "--port", "99999"], 2),
        (["feeds", "serve", "--port", "-1"], 2),
        (["feeds", "serve", "--host", ""], 2),
    ],
)
def test_a_failed_command_creates_nothing(
    tmp_path: Path, home: Path, args: list[str], code: int
) -> None:
    new = tmp_path / "new"
    out = run(*args, "--data-dir", str(new / "data"))
    one_line_error(out, code=code)
    assert not new.exists()
    assert not home.exists()


def test_a_failed_command_on_an_empty_dir_leaves_it_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    one_line_error(run("offer", "Z-0000-0", "--data-dir", str(empty)), "Z-0000-0", code=1)
    assert list(empty.iterdir()) == []
    # and a command that succeeds still loads the demo catalogue there
    assert search_count(empty) > 100


def test_ctrl_c_during_an_import_is_one_line_and_creates_nothing(
    tmp_path: Path, home: Path
) -> None:
    new = tmp_path / "new"
    with scripted_server() as server:
        server.routes["/slow"] = [Reply(200, RSS, delay=60)]
        args = ["import", server.url("/slow"), "--data-dir", str(new / "data")]
        child = subprocess.Popen(
            [sys.executable, "-m", "pass_tui", *args],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(1200):  # until the import waits on the server (at most a minute)
            if server.count("/slow") or child.poll() is not None:
                break
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 130
    assert stderr.splitlines() == ["pass-tui : interrompu"]
    assert stdout == ""
    assert not new.exists()
    assert not home.exists()


def test_feeds_serve_port_and_host_are_named(tmp_path: Path) -> None:
    line = one_line_error(
        run("feeds", "serve", "--port", "99999", "--data-dir", str(tmp_path / "d"))
    )
    assert "--port" in line and "65535" in line and "99999" in line
    one_line_error(run("feeds", "serve", "--host", "", "--data-dir", str(tmp_path / "d")), "--host")


def test_messages_follow_the_interface_language(tmp_path: Path) -> None:
    out = run("--lang", "en", "import", str(tmp_path), "--data-dir", str(tmp_path / "d"))
    line = one_line_error(out, prefix="pass-tui: ")
    assert line == (
        f"pass-tui: import refused, nothing imported: {tmp_path}: this is a directory, not a file"
    )
    out = run(
        "--lang", "en", "feeds", "serve", "--port", "70000", "--data-dir", str(tmp_path / "d")
    )
    assert one_line_error(out, prefix="pass-tui: ") == (
        "pass-tui: --port must be between 0 and 65535 (got 70000)"
    )


def test_every_error_message_has_an_english_translation() -> None:
    files = [
        REPO / "pass_tui" / "data" / name
        for name in (
            "store.py",
            "paths.py",
            "services.py",
            "catalogue/catalogue.py",
            "sources/fetch.py",
            "sources/imports.py",
        )
    ]
    messages: set[str] = set()
    for path in files:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                messages.add(node.args[0].value)
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "_REASONS":
                messages |= {v.value for v in node.value.values}  # type: ignore[attr-defined]
    assert len(messages) > 30
    assert sorted(m for m in messages if m not in ENGLISH) == []


# -- a truncated or corrupt catalogue ---------------------------------------------------------
@pytest.mark.parametrize("cut", ["mid-line", "line-boundary"])
def test_a_truncated_catalogue_is_named_by_every_command_and_never_overwritten(
    store: Path, cut: str
) -> None:
    ref = first_reference(store)
    catalogue = store / "catalogue.json"
    content = catalogue.read_bytes()
    end = 3000 if cut == "mid-line" else content.index(b"\n", 3000) + 1
    catalogue.write_bytes(content[:end])
    before = listing(store)
    feed = store.parent / "flux.xml"
    feed.write_bytes(RSS)
    for args in (
        ["search"],
        ["search", "--format", "rss"],
        ["offer", ref],
        ["import", str(feed)],
        ["feeds", "serve", "--port", "0"],
    ):
        out = run(*args, "--data-dir", str(store))
        one_line_error(out, str(catalogue), "illisible ou tronqué")
        assert out.stdout == ""
    assert listing(store) == before
    assert catalogue.read_bytes() == content[:end]


# -- import sources ---------------------------------------------------------------------------
def test_local_sources_that_are_not_files_are_named(store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    before = listing(store)
    try:
        cases = [
            (tmp_path, "c'est un dossier, pas un fichier"),
            (fifo, "c'est un tube nommé (FIFO), pas un fichier"),  # and never blocks
            (Path("/dev/null"), "c'est un périphérique, pas un fichier"),
            (sock_path, "c'est une socket, pas un fichier"),
            (tmp_path / "missing.xml", "fichier introuvable"),
        ]
        for source, problem in cases:
            out = run("import", str(source), "--data-dir", str(store), timeout=60)
            one_line_error(out, f"rien importé : {source} : {problem}")
    finally:
        sock.close()
    assert listing(store) == before
    assert search_count(store) > 0


def test_an_unreadable_source_file(store: Path, tmp_path: Path) -> None:
    feed = tmp_path / "flux.xml"
    feed.write_bytes(RSS)
    feed.chmod(0)
    before = listing(store)
    out = run("import", str(feed), "--data-dir", str(store), prefix=UNPRIVILEGED)
    one_line_error(out, str(feed), "lecture impossible (permission refusée)")
    assert listing(store) == before


@pytest.mark.parametrize("name", ["catalogue.json", "config.toml"])
def test_an_unreadable_data_file(store: Path, name: str) -> None:
    path = store / name
    path.touch()
    path.chmod(0)
    before = listing(store)
    for args in (["search"], ["import", str(FIXTURES / "pass-offres.xml")]):
        out = run(*args, "--data-dir", str(store), prefix=UNPRIVILEGED)
        one_line_error(out, f"{path} : lecture impossible (permission refusée)")
    assert listing(store) == before


@pytest.mark.parametrize("mode", [0o300, 0o600])  # cannot be listed; cannot be searched
def test_a_data_dir_that_cannot_be_read(store: Path, mode: int) -> None:
    before = listing(store)
    store.chmod(mode)
    try:
        out = run("search", "--data-dir", str(store), prefix=UNPRIVILEGED)
    finally:
        store.chmod(0o755)
    one_line_error(out, f"{store} : dossier de données illisible (permission refusée)")
    assert listing(store) == before


def test_a_local_file_over_the_cap_is_refused_without_reading_it_all(
    store: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(20 * 1024 * 1024 + 1)  # sparse: costs no disk
    out = run("import", str(big), "--data-dir", str(store))
    one_line_error(out, str(big), "source trop volumineuse (plus de 20 Mo)")


def test_json_nested_100000_deep(store: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    before = listing(store)
    out = run("import", str(deep), "--data-dir", str(store))
    one_line_error(out, str(deep), "JSON trop imbriqué")
    assert listing(store) == before


def test_gzip_encoded_junk(store: Path) -> None:
    before = listing(store)
    with scripted_server() as server:
        server.routes["/gz"] = [Reply(200, b"this is not gzip", {"Content-Encoding": "gzip"})]
        out = run("import", server.url("/gz"), "--data-dir", str(store))
        assert server.count("/gz") == 1  # not retried: it would not get better
    one_line_error(out, "/gz", "contenu compressé illisible (Content-Encoding : gzip)")
    assert listing(store) == before
    assert search_count(store) > 0


def test_a_non_ascii_etag_never_breaks_later_imports(store: Path) -> None:
    def feed(handler: BaseHTTPRequestHandler) -> Reply:
        return Reply(
            200, RSS, {"ETag": '"café"', "Last-Modified": "hier", "Content-Type": "text/xml"}
        )

    with scripted_server() as server:
        server.routes["/flux"] = feed
        url = server.url("/flux")
        first = run("import", url, "--data-dir", str(store))
        assert first.returncode == 0, first.stderr
        second = run("import", url, "--data-dir", str(store))
        assert second.returncode == 0, second.stderr
        assert "2 inchangée(s)" in second.stdout
        sent = [headers for _, headers in server.requests]
    assert all("If-None-Match" not in h and "If-Modified-Since" not in h for h in sent)
    kept = json.loads((store / "imports.json").read_text())["sources"]
    assert [(d["etag"], d["last_modified"]) for d in kept.values()] == [("", "")]


def test_bad_validators_already_kept_are_ignored(store: Path) -> None:
    with scripted_server() as server:
        server.routes["/flux"] = [Reply(200, RSS)]
        url = server.url("/flux")
        db = Database(store / "imports.json")
        with db.transaction() as tx:
            tx.table("sources").insert(
                {"url": url, "etag": '"é\r\nX: y"', "last_modified": "naïf", "imported_at": ""}
            )
        out = run("import", url, "--data-dir", str(store))
        assert out.returncode == 0, out.stderr
        assert "2 ajoutée(s)" in out.stdout
        ((_, headers),) = server.requests
    assert "If-None-Match" not in headers and "If-Modified-Since" not in headers


def test_import_all_goes_on_past_failing_sources_and_names_each(store: Path) -> None:
    with scripted_server() as server:
        server.routes["/junk"] = [Reply(200, b"junk", {"Content-Encoding": "gzip"})]
        server.routes["/good"] = [Reply(200, RSS)]
        (store / "config.toml").write_text(
            "".join(
                f'[[sources]]\nurl = "{server.url(path)}"\n\n'
                for path in ("/junk", "/good", "/missing")
            )
        )
        out = run("import", "--all", "--data-dir", str(store))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    (report,) = out.stdout.splitlines()
    assert "/good" in report and "2 ajoutée(s)" in report
    junk, missing = out.stderr.splitlines()
    assert "/junk : contenu compressé illisible" in junk
    assert "/missing : le serveur a répondu 404" in missing


class _Drip(BaseHTTPRequestHandler):
    """Announces 1000 bytes, then sends one every 0.2 s: each read comes within the read
    timeout, so only a total deadline stops it."""

    served: list[str] = []

    def do_GET(self) -> None:
        _Drip.served.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(1000):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


def test_one_deadline_covers_a_dripping_source() -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    _Drip.served.clear()
    try:
        fetcher = Fetcher(timeout=1.0, deadline=1.5, attempts=3, backoff=0.01)
        url = f"http://127.0.0.1:{httpd.server_address[1]}/drip"
        with pytest.raises(
            ImportFailed, match=r"téléchargement trop long \(plus de 1.5 s au total\)"
        ):
            fetcher.get(url)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
    assert _Drip.served == ["/drip"]  # the deadline is spent: no second attempt


def test_the_deadline_includes_the_pauses_between_attempts() -> None:
    with scripted_server() as server:
        server.routes["/busy"] = [Reply(503, b"busy")]
        fetcher = Fetcher(timeout=1.0, deadline=3.0, attempts=5, backoff=1.0)
        # attempt 1, pause 1 s, attempt 2, then a 2 s pause would end past the deadline
        with pytest.raises(
            ImportFailed, match=r"503 Service Unavailable ; abandon après 3 s au total"
        ):
            fetcher.get(server.url("/busy"))
        assert server.count("/busy") == 2


# -- a read-only data dir ---------------------------------------------------------------------
@contextmanager
def read_only(store: Path, how: str, tmp_path: Path) -> Iterator[tuple[Path, list[str], str]]:
    """``store`` made read-only: (its path now, the command prefix, the expected reason)."""
    if how == "mode":
        store.chmod(0o555)
        try:
            yield store, UNPRIVILEGED, "permission refusée"
        finally:
            store.chmod(0o755)
        return
    with tmpfs(tmp_path / "ro", "4m") as fs:
        shutil.copytree(store, fs / "data")
        subprocess.run(["mount", "-o", "remount,ro", str(fs)], check=True)
        yield fs / "data", [], "système de fichiers en lecture seule"


READ_ONLY = ["mode", "mount"] if ROOT else ["mode"]


@pytest.mark.parametrize("how", READ_ONLY)
def test_a_read_only_data_dir_still_reads(store: Path, tmp_path: Path, how: str) -> None:
    ref = first_reference(store)
    (store / ".catalogue.index").unlink()  # reads must rebuild it, and can't save it
    feed = tmp_path / "flux.xml"
    feed.write_bytes(RSS)
    with read_only(store, how, tmp_path) as (data, prefix, reason):
        before = listing(data)
        assert search_count(data, prefix) > 100
        out = run("offer", ref, "--data-dir", str(data), prefix=prefix)
        assert out.returncode == 0 and out.stderr == "" and ref in out.stdout
        out = run("import", str(feed), "--data-dir", str(data), prefix=prefix)
        one_line_error(out, str(data / "catalogue.json"), f"écriture impossible ({reason})")
        assert listing(data) == before


# -- a full disk ------------------------------------------------------------------------------
# Real: a small tmpfs, filled up (needs root, as in CI). Elsewhere, the same CLI in a child
# process whose fsync reports ENOSPC for the chosen files (what a full disk looks like on
# file systems that allocate late).
FAKE_FULL_DISK = """
import errno, os, sys
real_fsync = os.fsync
full_for = sys.argv[1]  # "all" or "index"
def fsync(fd):
    name = os.readlink(f"/proc/self/fd/{fd}")
    if name.endswith(".tmp") and (full_for == "all" or ".catalogue.index." in name):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_fsync(fd)
os.fsync = fsync
from pass_tui.cli import main
sys.exit(main(sys.argv[2:]))
"""

FULL_DISK = ["tmpfs", "injected"] if ROOT else ["injected"]


def run_full(how: str, full_for: str, *args: str) -> subprocess.CompletedProcess[str]:
    if how == "tmpfs":
        return run(*args)
    return subprocess.run(
        [sys.executable, "-c", FAKE_FULL_DISK, full_for, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def export(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo catalogue exported as JSON (250 open offers): a source to import."""
    out = run("search", "--format", "json", "--data-dir", str(seeded))
    path = tmp_path_factory.mktemp("export") / "offres.json"
    path.write_text(out.stdout)
    assert json.loads(out.stdout)["count"] == 250
    return path


@pytest.fixture
def small_store(tmp_path: Path, export: Path) -> Iterator[Path]:
    """A data dir with a one-offer catalogue: on a 4 MB tmpfs as root, else in tmp_path."""
    one = tmp_path / "one.json"
    one.write_text(json.dumps(json.loads(export.read_text())["offers"][:1]))
    if ROOT:
        with tmpfs(tmp_path / "fs", "4m") as fs:
            yield _one_offer_store(fs / "data", one)
    else:
        yield _one_offer_store(tmp_path / "data", one)


def _one_offer_store(path: Path, source: Path) -> Path:
    path.mkdir()
    (path / "catalogue.json").write_text("{}")  # not empty: no demo catalogue
    out = run("import", str(source), "--data-dir", str(path))
    assert out.returncode == 0, out.stderr
    return path


@pytest.mark.parametrize("how", FULL_DISK)
def test_a_full_disk_refuses_the_import_and_still_reads(
    small_store: Path, export: Path, how: str
) -> None:
    if how == "tmpfs":
        fill(small_store.parent, 0)
    before = listing(small_store)
    out = run_full(how, "all", "import", str(export), "--data-dir", str(small_store))
    one_line_error(out, "rien importé", str(small_store / "catalogue.json"), "disque plein")
    assert listing(small_store) == before  # no temporary file left either
    assert search_count(small_store) == 1


@pytest.mark.parametrize("how", FULL_DISK)
def test_catalogue_committed_but_no_room_for_its_index(
    small_store: Path, export: Path, tmp_path: Path, how: str
) -> None:
    index = small_store / ".catalogue.index"
    old_index = index.read_bytes()
    if how == "tmpfs":
        # Learn the new catalogue's size on a scratch copy, then leave room for it alone:
        # the old catalogue's page, freed by the rename, is too small for the new index.
        scratch = tmp_path / "scratch"
        shutil.copytree(small_store, scratch)
        assert run("import", str(export), "--data-dir", str(scratch)).returncode == 0
        pages = math.ceil((scratch / "catalogue.json").stat().st_size / 4096)
        assert (scratch / ".catalogue.index").stat().st_size > 2 * 4096
        fill(small_store.parent, pages * 4096)
    out = run_full(how, "index", "import", str(export), "--data-dir", str(small_store))
    assert out.returncode == 0, out.stderr
    assert "249 ajoutée(s)" in out.stdout
    assert index.read_bytes() == old_index  # stale: it describes the previous catalogue
    assert not [p for p in small_store.iterdir() if p.name.endswith(".tmp")]
    # every later read works, on the still-full disk: the index is rebuilt in memory
    if how == "tmpfs":
        assert search_count(small_store) == 250
    else:
        out = run_full(how, "index", "search", "--limit", "0", "--data-dir", str(small_store))
        assert out.returncode == 0, out.stderr
        assert out.stdout.startswith("Nombre de résultats : 250 offres")
    assert index.read_bytes() == old_index
    # with room again, the next read saves it
    if how == "tmpfs":
        (small_store.parent / "filler").unlink()
    assert search_count(small_store) == 250
    assert index.read_bytes() != old_index


# -- leftovers of a killed write --------------------------------------------------------------
HOLDER = """
import fcntl, sys, tempfile, time
fd, name = tempfile.mkstemp(prefix=".catalogue.json.", suffix=".tmp", dir=sys.argv[1])
fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
print(name, flush=True)
time.sleep(600)
"""


def test_the_next_writer_removes_what_a_killed_write_left(store: Path, tmp_path: Path) -> None:
    # a writer killed mid-write: its temporary file stays, and nobody holds it any more
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    held = Path(child.stdout.readline().strip())
    old = time.time() - 60
    os.utime(held, (old, old))
    fresh = store / ".catalogue.json.fresh000.tmp"  # just created by a live writer
    fresh.write_bytes(b"{")
    index_leftover = store / "..catalogue.index.abcdefgh.tmp"
    index_leftover.write_bytes(b"x")
    os.utime(index_leftover, (old, old))
    unrelated = store / ".notes.txt.abcdefgh.tmp"
    unrelated.write_bytes(b"x")
    os.utime(unrelated, (old, old))
    feed = tmp_path / "flux.xml"
    feed.write_bytes(RSS)
    try:
        assert run("import", str(feed), "--data-dir", str(store)).returncode == 0
        assert held.exists()  # its writer is alive and holds it
        assert not index_leftover.exists()
        assert fresh.exists() and unrelated.exists()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    feed.write_bytes(RSS.replace(b"audiovisuel", b"vid\xc3\xa9o"))
    assert run("import", str(feed), "--data-dir", str(store)).returncode == 0
    assert not held.exists()  # killed: gone at the next write
    assert fresh.exists()  # too recent to be a leftover, yet
    assert unrelated.exists()  # not one of ours


def test_atomic_write_leaves_nothing_when_it_fails(tmp_path: Path) -> None:
    target = tmp_path / "ro" / "file.json"
    target.parent.mkdir()
    target.write_bytes(b"old")
    target.parent.chmod(0o555)
    try:
        if ROOT:
            code = (
                "import sys\nfrom pathlib import Path\nfrom pass_tui.data.store import atomic_write\n"
                "from pass_tui.data.errors import StoreError\n"
                "try:\n    atomic_write(Path(sys.argv[1]), b'new')\n"
                "except StoreError as exc:\n    print(exc)\n"
            )
            out = subprocess.run(
                [*UNPRIVILEGED, sys.executable, "-c", code, str(target)],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=True,
            )
            message = out.stdout.strip()
        else:
            with pytest.raises(Exception) as info:
                atomic_write(target, b"new")
            message = str(info.value)
    finally:
        target.parent.chmod(0o755)
    assert message == f"{target} : écriture impossible (permission refusée)"
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]
