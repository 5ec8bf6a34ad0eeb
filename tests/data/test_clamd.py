"""The virus scan against a REAL clamd, started here on a signature database this test
writes (the EICAR test string), listening on a unix socket and on TCP."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pass_tui.data.candidates.attachments import AttachmentService
from pass_tui.data.candidates.documents import AttachmentRefused
from pass_tui.data.candidates.scan import ClamdScanner
from pass_tui.data.config import Settings
from pass_tui.i18n import set_language
from tests.data import sample_documents as samples
from tests.data.test_attachments import assert_nothing_stored, records_in

SIGNATURE = "Pass-Tui-Test-EICAR"


@dataclass
class Clamd:
    socket: str  # unix socket path
    tcp: str  # "127.0.0.1:port"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def clamd() -> Iterator[Clamd]:
    binary = shutil.which("clamd") or "/usr/sbin/clamd"
    assert Path(binary).exists(), "clamd missing: apt-get install clamav-daemon (see .ci/run)"
    # A short folder: a unix socket path must fit in 108 bytes.
    folder = Path(tempfile.mkdtemp(prefix="clamd-", dir="/tmp"))
    (folder / "db").mkdir()
    # A body signature (.ndb: name:target:offset:hex): EICAR anywhere in any file.
    (folder / "db" / "test.ndb").write_text(f"{SIGNATURE}:0:*:{samples.eicar().hex()}\n")
    # And the whole-file hash, as clamd's own databases carry it.
    digest = hashlib.md5(samples.eicar()).hexdigest()
    (folder / "db" / "test.hdb").write_text(f"{digest}:{len(samples.eicar())}:{SIGNATURE}-File\n")
    port = _free_port()
    lines = [
        f"LocalSocket {folder}/clamd.sock",
        f"TCPSocket {port}",
        "TCPAddr 127.0.0.1",
        f"DatabaseDirectory {folder}/db",
        f"TemporaryDirectory {folder}",
        "Foreground yes",
        f"LogFile {folder}/clamd.log",
        "StreamMaxLength 2M",
    ]
    if os.geteuid() == 0:
        lines.append("User root")  # clamd drops privileges to User when started as root
    (folder / "clamd.conf").write_text("\n".join(lines) + "\n")
    process = subprocess.Popen(
        [binary, "-c", str(folder / "clamd.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        scanner = ClamdScanner(str(folder / "clamd.sock"), timeout=5)
        deadline = time.monotonic() + 60
        while not scanner.ping():
            if process.poll() is not None or time.monotonic() > deadline:
                log = (folder / "clamd.log").read_text() if (folder / "clamd.log").exists() else ""
                pytest.fail(f"clamd did not start: {process.stderr.read().decode()} {log}")  # type: ignore[union-attr]
            time.sleep(0.1)
        yield Clamd(str(folder / "clamd.sock"), f"127.0.0.1:{port}")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _french():
    set_language("fr")
    yield
    set_language("fr")


@pytest.mark.parametrize("where", ["socket", "tcp"])
def test_scanner_finds_eicar_and_passes_clean_documents(clamd: Clamd, where: str) -> None:
    scanner = ClamdScanner(getattr(clamd, where))
    assert scanner.scan(samples.eicar()) in (
        f"{SIGNATURE}.UNOFFICIAL",
        f"{SIGNATURE}-File.UNOFFICIAL",
    )
    assert scanner.scan(samples.sample("pdf")) is None
    assert scanner.scan(samples.sample("docx")) is None
    # bigger than one INSTREAM chunk, the signature at the end
    assert (
        scanner.scan(b"%PDF-1.4\n" + b"0" * 200_000 + samples.eicar()) == f"{SIGNATURE}.UNOFFICIAL"
    )


def test_infected_upload_refused_clean_accepted(clamd: Clamd, tmp_path: Path) -> None:
    account = records_in(tmp_path / "account")
    service = AttachmentService(account, Settings(clamd_socket=clamd.socket))
    infected = samples.sample("pdf") + b"\n" + samples.eicar()
    with pytest.raises(AttachmentRefused) as caught:
        service.add("cv", "cv.pdf", infected)
    assert str(caught.value) == (
        f"cv.pdf : virus détecté ({SIGNATURE}.UNOFFICIAL) : document refusé"
    )
    assert_nothing_stored(account)
    info = service.add("cv", "cv.pdf", samples.sample("pdf"))
    assert service.read(info.id) == samples.sample("pdf")
    # a replacement is scanned too
    with pytest.raises(AttachmentRefused, match="virus détecté"):
        service.replace(info.id, "cv2.pdf", infected)
    assert service.read(info.id) == samples.sample("pdf")


def test_clamd_over_tcp_from_settings(clamd: Clamd, tmp_path: Path) -> None:
    account = records_in(tmp_path / "account")
    service = AttachmentService(account, Settings(clamd_socket=clamd.tcp))
    with pytest.raises(AttachmentRefused, match="virus détecté"):
        service.add("letter", "l.rtf", samples.sample("rtf") + samples.eicar())
    assert service.add("letter", "l.rtf", samples.sample("rtf")).is_default


def test_over_clamd_stream_limit_is_refused_not_passed(clamd: Clamd) -> None:
    with pytest.raises(AttachmentRefused, match="analyse antivirus impossible"):
        ClamdScanner(clamd.socket).scan(b"%PDF-" + b"0" * (3 * 1024 * 1024), name="gros.pdf")


def test_clamd_unreachable_is_refused(tmp_path: Path) -> None:
    account = records_in(tmp_path / "account")
    service = AttachmentService(account, Settings(clamd_socket=str(tmp_path / "absent.sock")))
    with pytest.raises(AttachmentRefused) as caught:
        service.add("cv", "cv.pdf", samples.sample("pdf"))
    assert str(caught.value).startswith(
        "cv.pdf : analyse antivirus impossible (clamd injoignable : "
    )
    assert_nothing_stored(account)
    tcp = AttachmentService(account, Settings(clamd_socket=f"127.0.0.1:{_free_port()}"))
    with pytest.raises(AttachmentRefused, match="analyse antivirus impossible"):
        tcp.add("cv", "cv.pdf", samples.sample("pdf"))
    assert_nothing_stored(account)
