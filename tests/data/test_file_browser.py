"""FileBrowser: listing, resolving and completing paths within the allowed folders; reading
only regular files, within the size limit, without blocking on FIFOs or devices."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pass_tui.data.candidates.browse import Entry, FileBrowser, fresh_start
from pass_tui.data.candidates.documents import AttachmentRefused
from pass_tui.i18n import set_language
from tests.data import sample_documents as samples

MAX = 1000 * 1024


@pytest.fixture(autouse=True)
def _french():
    set_language("fr")
    yield
    set_language("fr")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """usb/ (allowed): Documents/, CV.pdf, lettre.odt, .cache/, .hidden.pdf, link-out.pdf → secret.pdf beside usb/,
    link-in.pdf → CV.pdf; secret.pdf beside usb/."""
    usb = tmp_path / "usb"
    (usb / "Documents" / "Anciens").mkdir(parents=True)
    (usb / ".cache").mkdir()
    (usb / "CV.pdf").write_bytes(samples.sample("pdf"))
    (usb / "lettre.odt").write_bytes(samples.sample("odt"))
    (usb / ".hidden.pdf").write_bytes(samples.sample("pdf"))
    (usb / "Documents" / "cv-2025.docx").write_bytes(samples.sample("docx"))
    (tmp_path / "secret.pdf").write_bytes(samples.sample("pdf"))
    (usb / "link-out.pdf").symlink_to(tmp_path / "secret.pdf")
    (usb / "link-in.pdf").symlink_to(usb / "CV.pdf")
    (usb / "dir-out").symlink_to(tmp_path)
    return usb


def test_lists_folders_first_then_files_with_sizes_hidden_skipped(tree: Path) -> None:
    browser = FileBrowser([tree])
    entries = browser.list(tree)
    assert [(e.name, e.is_dir) for e in entries] == [
        ("Documents", True),
        ("CV.pdf", False),
        ("lettre.odt", False),
        ("link-in.pdf", False),
    ]
    assert entries[1] == Entry("CV.pdf", tree / "CV.pdf", False, len(samples.sample("pdf")))
    assert entries[0].size is None


def test_without_roots_everything_is_listed(tree: Path) -> None:
    names = [e.name for e in FileBrowser(None).list(tree)]
    assert names == ["dir-out", "Documents", "CV.pdf", "lettre.odt", "link-in.pdf", "link-out.pdf"]


def test_start(tree: Path) -> None:
    assert FileBrowser([tree]).start() == tree
    assert FileBrowser(None).start() == Path.home().resolve()
    with pytest.raises(AttachmentRefused, match="pas disponible sur ce poste"):
        FileBrowser([]).start()
    assert not FileBrowser([]).enabled


@pytest.mark.parametrize(
    "typed",
    [
        samples.climb("secret.pdf", levels=1),
        "link-out.pdf",
        "dir-out/secret.pdf",
        "Documents/" + samples.climb("secret.pdf"),
        "/etc/passwd",
        "~",
    ],
)
def test_paths_leaving_the_roots_are_refused(tree: Path, typed: str) -> None:
    browser = FileBrowser([tree])
    with pytest.raises(AttachmentRefused) as caught:
        browser.resolve(typed, tree)
    assert str(caught.value) == f"{typed} : en dehors des dossiers autorisés sur ce poste"
    with pytest.raises(AttachmentRefused):
        browser.read_document(typed if typed.startswith(("/", "~")) else tree / typed, MAX)


def test_paths_inside_the_roots(tree: Path) -> None:
    browser = FileBrowser([tree])
    assert browser.resolve("Documents/cv-2025.docx", tree) == tree / "Documents" / "cv-2025.docx"
    assert browser.resolve("Documents/..", tree) == tree
    assert browser.resolve(str(tree / "link-in.pdf")) == tree / "CV.pdf"
    assert browser.resolve("CV.pdf") == tree / "CV.pdf"  # relative to the start folder


def test_listing_outside_is_refused(tree: Path) -> None:
    with pytest.raises(AttachmentRefused, match="en dehors des dossiers autorisés"):
        FileBrowser([tree]).list(tree.parent)


def test_complete(tree: Path) -> None:
    browser = FileBrowser([tree])
    assert browser.complete("Doc", tree) == ["Documents/"]
    assert browser.complete("Documents/", tree) == ["Documents/Anciens/", "Documents/cv-2025.docx"]
    assert browser.complete("c", tree) == ["CV.pdf"]
    assert browser.complete("l", tree) == ["lettre.odt", "link-in.pdf"]
    assert browser.complete(samples.climb("", levels=1), tree) == []
    assert browser.complete(str(tree) + "/le") == [str(tree) + "/lettre.odt"]
    assert browser.complete("zzz", tree) == []


def test_read_document(tree: Path) -> None:
    name, data = FileBrowser([tree]).read_document(tree / "CV.pdf", MAX)
    assert (name, data) == ("CV.pdf", samples.sample("pdf"))
    name, _data = FileBrowser([tree]).read_document(tree / "link-in.pdf", MAX)
    assert name == "CV.pdf"  # the real file's name


def test_fifo_is_refused_without_blocking(tree: Path) -> None:
    fifo = tree / "tube.pdf"
    os.mkfifo(fifo)
    with pytest.raises(AttachmentRefused, match=r"tube\.pdf : ce n'est pas un fichier ordinaire"):
        FileBrowser([tree]).read_document(fifo, MAX)


def test_device_is_refused() -> None:
    with pytest.raises(AttachmentRefused, match="ce n'est pas un fichier ordinaire"):
        FileBrowser(None).read_document("/dev/zero", MAX)


def test_folder_is_refused(tree: Path) -> None:
    with pytest.raises(AttachmentRefused, match="Documents : c'est un dossier, pas un document"):
        FileBrowser([tree]).read_document(tree / "Documents", MAX)


def test_big_file_refused_from_its_size(tree: Path) -> None:
    big = tree / "enorme.pdf"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(
        AttachmentRefused, match=r"trop volumineux \(51\u00a0200 Ko, au plus 1\u00a0000 Ko\)"
    ):
        FileBrowser([tree]).read_document(big, MAX)


def test_unreadable_file(tree: Path) -> None:
    missing = tree / "absent.pdf"
    with pytest.raises(AttachmentRefused, match=r"absent\.pdf : introuvable"):
        FileBrowser([tree]).read_document(missing, MAX)


@pytest.mark.parametrize(
    ("typed", "path"),
    [
        ("/home/ana/", "/home/ana/"),
        ("/home/ana//tmp/cv.pdf", "/tmp/cv.pdf"),
        ("/home/ana/~/cv.pdf", "~/cv.pdf"),
        ("/home/ana/~", "~"),
        ("/a//b//c.pdf", "/c.pdf"),
        ("cv.pdf", "cv.pdf"),
        ("/home/ana/~bob/cv.pdf", "/home/ana/~bob/cv.pdf"),
        ("", ""),
    ],
)
def test_a_path_typed_after_the_folder_starts_afresh(typed: str, path: str) -> None:
    assert fresh_start(typed) == path


def test_resolve_and_complete_start_afresh_but_stay_in_the_roots(tree: Path) -> None:
    browser = FileBrowser([tree])
    documents = tree / "Documents"
    # The field held "<tree>/Documents/"; the candidate typed an absolute path after it.
    assert browser.resolve(f"{documents}/{tree}/CV.pdf") == tree / "CV.pdf"
    assert browser.complete(f"{documents}/{tree}/le") == [f"{tree}/lettre.odt"]
    with pytest.raises(AttachmentRefused, match="en dehors des dossiers autorisés"):
        browser.resolve(f"{documents}/{tree.parent}/secret.pdf")
