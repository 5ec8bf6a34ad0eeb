"""AttachmentService on a real account folder: limits, defaults, rename/replace/delete,
save_copy, 0600 files under random names, and nothing stored when a document is refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pass_tui.data.candidates.attachments import (
    AttachmentInfo,
    AttachmentService,
    describe,
)
from pass_tui.data.candidates.browse import FileBrowser
from pass_tui.data.candidates.store import AccountRecords, AccountStore
from pass_tui.data.config import Settings
from pass_tui.data.errors import AttachmentRefused, BadInput, LimitReached, NotFound, StoreError
from pass_tui.i18n import set_language
from tests.data import sample_documents as samples
from tests.data.http_server import Reply, scripted_server


def records_in(folder: Path, email: str = "camille@example.org") -> AccountRecords:
    """A new account in a real AccountStore under ``folder``."""
    return AccountStore(folder / "candidates").create(email)


@pytest.fixture(autouse=True)
def _french():
    set_language("fr")
    yield
    set_language("fr")


@pytest.fixture
def account(tmp_path: Path) -> AccountRecords:
    return records_in(tmp_path)


@pytest.fixture
def service(account: AccountRecords) -> AttachmentService:
    return AttachmentService(account, Settings())


def stored_files(account: AccountRecords) -> list[str]:
    files = account.folder / "files"  # not account.files: that creates the folder
    return sorted(os.listdir(files)) if files.exists() else []


def rows(account: AccountRecords) -> list[dict]:
    return [dict(doc) for doc in account.db.table("attachments").all()]


def assert_nothing_stored(account: AccountRecords) -> None:
    assert stored_files(account) == []
    assert rows(account) == []


# -- adding -----------------------------------------------------------------------------------


def test_add_stores_the_content_0600_under_a_random_name(
    service: AttachmentService, account: AccountRecords
) -> None:
    data = samples.sample("pdf")
    info = service.add("cv", "Mon CV.pdf", data)
    assert (info.kind, info.name, info.size, info.is_default) == (
        "cv",
        "Mon CV.pdf",
        len(data),
        True,
    )
    [stored] = stored_files(account)
    assert len(stored) == 32 and all(c in "0123456789abcdef" for c in stored)
    assert "cv" not in stored.lower()
    path = account.files / stored
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(account.files.stat().st_mode) == 0o700
    assert path.read_bytes() == data
    assert service.read(info.id) == data
    [row] = rows(account)
    assert row["file"] == stored and row["type"] == "pdf" and row["name"] == "Mon CV.pdf"
    assert stat.S_IMODE(account.db.path.stat().st_mode) == 0o600


def test_each_document_gets_its_own_random_name(
    service: AttachmentService, account: AccountRecords
) -> None:
    data = samples.sample("rtf")
    for n in range(3):
        service.add("other", f"doc{n}.rtf", data)
    names = stored_files(account)
    assert len(set(names)) == 3


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("photo.pdf", samples.png),
        ("setup.docx", samples.exe),
        ("notes.docx", samples.plain_zip),
        ("cv.docx", samples.docx_with_macro),
        ("cv.docx", samples.docm_renamed),
        ("lettre.odt", samples.odt_with_basic),
        ("cv.doc", samples.doc_with_macros),
        ("cv.docx", lambda: samples.zip_bomb(size=200 * 1024 * 1024)),
        (samples.climb("x.pdf"), lambda: samples.sample("pdf")),
        ("cv.exe", lambda: samples.sample("pdf")),
    ],
)
def test_hostile_documents_leave_nothing(
    service: AttachmentService, account: AccountRecords, name: str, make
) -> None:
    with pytest.raises(AttachmentRefused) as caught:
        service.add("cv", name, make())
    assert str(caught.value).startswith(name.replace("\x00", "") + " : ")
    assert_nothing_stored(account)
    assert not (account.folder.parent / "x.pdf").exists()
    assert not (account.folder / "x.pdf").exists()


def test_1001_ko_refused_and_the_setting_counts(account: AccountRecords) -> None:
    pdf = samples.sample("pdf")
    big = pdf + b"0" * (1001 * 1024 - len(pdf))
    with pytest.raises(AttachmentRefused, match="1\u00a0001 Ko, au plus 1\u00a0000 Ko"):
        AttachmentService(account, Settings()).add("cv", "cv.pdf", big)
    assert_nothing_stored(account)
    info = AttachmentService(account, Settings(attachment_max_kb=2000)).add("cv", "cv.pdf", big)
    assert info.size == len(big)


def test_limits(service: AttachmentService, account: AccountRecords) -> None:
    pdf = samples.sample("pdf")
    for n in range(5):
        service.add("cv", f"cv{n}.pdf", pdf)
        service.add("letter", f"lettre{n}.pdf", pdf)
    for n in range(3):
        service.add("other", f"autre{n}.pdf", pdf)
    before = stored_files(account)
    with pytest.raises(LimitReached) as caught:
        service.add("cv", "cv6.pdf", pdf)
    assert str(caught.value) == "Vous avez déjà 5 CV : supprimez-en un d'abord."
    with pytest.raises(LimitReached, match="5 lettres de motivation : supprimez-en une"):
        service.add("letter", "l6.pdf", pdf)
    with pytest.raises(LimitReached, match="3 autres documents"):
        service.add("other", "a4.pdf", pdf)
    assert stored_files(account) == before
    assert len(rows(account)) == 13
    # a slot freed is a slot usable again
    service.delete(service.list("cv")[0].id)
    service.add("cv", "cv6.pdf", pdf)
    assert len(service.list("cv")) == 5


def test_limit_is_checked_inside_the_transaction(account: AccountRecords) -> None:
    # Two services on the same account (two processes' view): the later one must see the
    # rows the earlier wrote, not a stale count.
    first = AttachmentService(account, Settings())
    second = AttachmentService(AccountRecords(account.account_id, account.folder), Settings())
    pdf = samples.sample("pdf")
    for n in range(3):
        first.add("other", f"a{n}.pdf", pdf)
    with pytest.raises(LimitReached):
        second.add("other", "a3.pdf", pdf)
    assert len(stored_files(account)) == 3


def test_unknown_kind(service: AttachmentService, account: AccountRecords) -> None:
    with pytest.raises(BadInput, match="Type de pièce jointe inconnu : photo"):
        service.add("photo", "cv.pdf", samples.sample("pdf"))  # type: ignore[arg-type]
    assert_nothing_stored(account)


# -- defaults ---------------------------------------------------------------------------------


def defaults(service: AttachmentService, kind: str) -> list[str]:
    return [info.name for info in service.list(kind) if info.is_default]  # type: ignore[arg-type]


def test_first_cv_and_first_letter_become_default(service: AttachmentService) -> None:
    pdf = samples.sample("pdf")
    service.add("cv", "a.pdf", pdf)
    service.add("cv", "b.pdf", pdf)
    service.add("letter", "l.pdf", pdf)
    other = service.add("other", "o.pdf", pdf)
    assert defaults(service, "cv") == ["a.pdf"]
    assert defaults(service, "letter") == ["l.pdf"]
    assert not other.is_default


def test_set_default_is_a_radio(service: AttachmentService) -> None:
    pdf = samples.sample("pdf")
    a = service.add("cv", "a.pdf", pdf)
    b = service.add("cv", "b.pdf", pdf)
    letter = service.add("letter", "l.pdf", pdf)
    service.set_default(b.id)
    assert defaults(service, "cv") == ["b.pdf"]
    assert defaults(service, "letter") == ["l.pdf"]
    service.set_default(a.id)
    assert defaults(service, "cv") == ["a.pdf"]
    assert letter.is_default


def test_other_documents_have_no_default(service: AttachmentService) -> None:
    other = service.add("other", "o.pdf", samples.sample("pdf"))
    with pytest.raises(BadInput, match="Seuls les CV et les lettres"):
        service.set_default(other.id)


def test_deleting_the_default_makes_the_oldest_remaining_default(
    service: AttachmentService, account: AccountRecords
) -> None:
    pdf = samples.sample("pdf")
    a = service.add("cv", "a.pdf", pdf)
    service.add("cv", "b.pdf", pdf)
    c = service.add("cv", "c.pdf", pdf)
    service.set_default(c.id)
    service.delete(c.id)
    assert defaults(service, "cv") == ["a.pdf"]
    service.delete(a.id)
    assert defaults(service, "cv") == ["b.pdf"]
    assert len(stored_files(account)) == 1


# -- rename, replace, delete, save a copy -----------------------------------------------------


def test_rename_keeps_the_extension_of_the_content(service: AttachmentService) -> None:
    info = service.add("cv", "cv.pdf", samples.sample("pdf"))
    assert service.rename(info.id, "Mon CV 2026").name == "Mon CV 2026.pdf"
    assert service.rename(info.id, "CV final.PDF").name == "CV final.PDF"
    with pytest.raises(AttachmentRefused, match=r"cv\.docx : l'extension doit rester \.pdf"):
        service.rename(info.id, "cv.docx")
    with pytest.raises(AttachmentRefused, match="ni dossier ni chemin"):
        service.rename(info.id, samples.climb("cv.pdf"))
    assert service.list()[0].name == "CV final.PDF"


def test_replace_keeps_id_and_default_and_swaps_content(
    service: AttachmentService, account: AccountRecords
) -> None:
    first = service.add("cv", "cv.pdf", samples.sample("pdf"))
    [old_file] = stored_files(account)
    odt = samples.sample("odt")
    new = service.replace(first.id, "cv v2.odt", odt)
    assert (new.id, new.is_default, new.name, new.size) == (first.id, True, "cv v2.odt", len(odt))
    [new_file] = stored_files(account)
    assert new_file != old_file
    assert service.read(first.id) == odt
    assert stat.S_IMODE((account.files / new_file).stat().st_mode) == 0o600


def test_refused_replacement_changes_nothing(
    service: AttachmentService, account: AccountRecords
) -> None:
    first = service.add("cv", "cv.pdf", samples.sample("pdf"))
    before = (stored_files(account), rows(account))
    with pytest.raises(AttachmentRefused, match="macros"):
        service.replace(first.id, "cv.docx", samples.docx_with_macro())
    assert (stored_files(account), rows(account)) == before


def test_delete_removes_row_and_file(service: AttachmentService, account: AccountRecords) -> None:
    info = service.add("letter", "l.rtf", samples.sample("rtf"))
    service.delete(info.id)
    assert_nothing_stored(account)
    with pytest.raises(NotFound):
        service.delete(info.id)
    with pytest.raises(NotFound):
        service.read(info.id)


def test_save_copy(service: AttachmentService, tmp_path: Path) -> None:
    data = samples.sample("docx")
    info = service.add("cv", "Mon CV.docx", data)
    out = tmp_path / "out"
    out.mkdir()
    written = service.save_copy(info.id, out)
    assert written == out / "Mon CV.docx"
    assert written.read_bytes() == data
    chosen = service.save_copy(info.id, out / "copie.docx")
    assert chosen.read_bytes() == data
    with pytest.raises(AttachmentRefused, match="ce fichier existe déjà"):
        service.save_copy(info.id, out / "copie.docx")
    assert chosen.read_bytes() == data
    assert sorted(os.listdir(out)) == ["Mon CV.docx", "copie.docx"]  # no temp file left


def test_save_copy_in_kiosk_stays_in_the_allowed_folders(
    account: AccountRecords, tmp_path: Path
) -> None:
    allowed = tmp_path / "usb"
    allowed.mkdir()
    service = AttachmentService(account, Settings(kiosk=True, kiosk_folders=[str(allowed)]))
    info = service.add("cv", "cv.pdf", samples.sample("pdf"))
    assert service.save_copy(info.id, allowed / "cv.pdf").exists()
    with pytest.raises(AttachmentRefused, match="en dehors des dossiers autorisés"):
        service.save_copy(info.id, tmp_path / "cv.pdf")
    assert not (tmp_path / "cv.pdf").exists()


def test_describe() -> None:
    from datetime import UTC, datetime

    info = AttachmentInfo("x", "cv", "MON CV.DOCX", 11 * 1024, True, datetime.now(UTC))
    assert describe(info) == "MON CV.DOCX (Par défaut) (11 Ko)"
    small = AttachmentInfo("y", "other", "note.pdf", 100, False, datetime.now(UTC))
    assert describe(small) == "note.pdf (1 Ko)"
    set_language("en")
    assert describe(info) == "MON CV.DOCX (Default) (11 KB)"


def test_list_by_kind_oldest_first(service: AttachmentService) -> None:
    pdf = samples.sample("pdf")
    service.add("cv", "a.pdf", pdf)
    service.add("letter", "l.pdf", pdf)
    service.add("cv", "b.pdf", pdf)
    assert [i.name for i in service.list("cv")] == ["a.pdf", "b.pdf"]
    assert [i.name for i in service.list()] == ["a.pdf", "l.pdf", "b.pdf"]


def test_accounts_do_not_share_attachments(tmp_path: Path) -> None:
    a = records_in(tmp_path, "a@example.org")
    b = records_in(tmp_path, "b@example.org")
    mine = AttachmentService(a, Settings()).add("cv", "cv.pdf", samples.sample("pdf"))
    theirs = AttachmentService(b, Settings())
    assert theirs.list() == []
    for call in (theirs.read, theirs.delete, theirs.set_default):
        with pytest.raises(NotFound):
            call(mine.id)
    with pytest.raises(NotFound):
        theirs.rename(mine.id, "x.pdf")


# -- from a file, from an address --------------------------------------------------------------


def test_add_file_and_replace_file(service: AttachmentService, tmp_path: Path) -> None:
    doc = tmp_path / "Lettre.odt"
    doc.write_bytes(samples.sample("odt"))
    info = service.add_file("letter", doc)
    assert (info.name, info.is_default) == ("Lettre.odt", True)
    renamed = service.add_file("letter", doc, name="Autre lettre.odt")
    assert renamed.name == "Autre lettre.odt"
    rtf = tmp_path / "v2.rtf"
    rtf.write_bytes(samples.sample("rtf"))
    assert service.replace_file(info.id, rtf).name == "v2.rtf"


def test_50_mb_file_refused_without_a_trace(
    service: AttachmentService, account: AccountRecords, tmp_path: Path
) -> None:
    big = tmp_path / "enorme.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with pytest.raises(AttachmentRefused, match=r"enorme\.pdf : trop volumineux \(51\u00a0200 Ko"):
        service.add_file("cv", big)
    assert_nothing_stored(account)


def test_symlink_out_of_the_kiosk_folders(account: AccountRecords, tmp_path: Path) -> None:
    allowed = tmp_path / "usb"
    allowed.mkdir()
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(samples.sample("pdf"))
    (allowed / "cv.pdf").symlink_to(secret)
    service = AttachmentService(account, Settings(kiosk=True, kiosk_folders=[str(allowed)]))
    with pytest.raises(AttachmentRefused, match="en dehors des dossiers autorisés"):
        service.add_file("cv", allowed / "cv.pdf")
    assert_nothing_stored(account)


def test_url_to_loopback_in_kiosk_mode(account: AccountRecords) -> None:
    with scripted_server() as server:
        server.routes["/cv.pdf"] = [Reply(body=samples.sample("pdf"))]
        kiosk = AttachmentService(account, Settings(kiosk=True))
        with pytest.raises(AttachmentRefused, match=r"127\.0\.0\.1 : réseau local ou réservé"):
            kiosk.add_url("cv", server.url("/cv.pdf"))
        assert server.count("/cv.pdf") == 0
        assert_nothing_stored(account)
        home = AttachmentService(account, Settings())
        info = home.add_url("cv", server.url("/cv.pdf"))
        assert (info.name, info.size) == ("cv.pdf", len(samples.sample("pdf")))
        allowed = AttachmentService(account, Settings(kiosk=True, kiosk_allow_private_urls=True))
        assert allowed.add_url("cv", server.url("/cv.pdf")).name == "cv.pdf"


def test_hostile_download_leaves_nothing(account: AccountRecords) -> None:
    with scripted_server() as server:
        server.routes["/photo.pdf"] = [Reply(body=samples.png())]
        with pytest.raises(AttachmentRefused, match=r"photo\.pdf : le contenu n'est pas un PDF"):
            AttachmentService(account, Settings()).add_url("cv", server.url("/photo.pdf"))
    assert_nothing_stored(account)


def test_browser_for_settings() -> None:
    assert FileBrowser.for_settings(Settings()).roots is None
    assert not FileBrowser.for_settings(Settings(kiosk=True)).enabled


# -- through the real services: sessions and accounts ---------------------------------------------


def test_through_services_scoped_to_the_session(data_dir: Path) -> None:
    from pass_tui.data.errors import SessionEnded
    from pass_tui.data.services import Services

    services = Services(data_dir, settings=Settings())
    password = "pelouse-verte-42"
    for email in ("camille@example.org", "dominique@example.org"):
        services.accounts.signup(email, email, password, password)
    camille = services.accounts.login("camille@example.org", password)
    dominique = services.accounts.login("dominique@example.org", password)
    mine = services.space(camille).attachments.add("cv", "cv.pdf", samples.sample("pdf"))
    theirs = services.space(dominique).attachments
    assert theirs.list() == []
    with pytest.raises(NotFound):
        theirs.read(mine.id)
    held = services.space(camille).attachments  # a screen keeps it
    services.accounts.logout(camille)
    with pytest.raises(SessionEnded):
        services.space(camille)
    with pytest.raises(SessionEnded):
        held.list()
    # A service kept past the end of its session: the check it was given says so.
    kept = AttachmentService(
        services.accounts.records(dominique),
        Settings(),
        check=lambda: services.accounts.records(dominique),
    )
    assert kept.list() == []
    services.accounts.logout(dominique)
    for call in (kept.list, lambda: kept.add("cv", "cv.pdf", samples.sample("pdf"))):
        with pytest.raises(SessionEnded):
            call()


def test_save_copy_without_hard_links(
    service: AttachmentService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A FAT USB stick refuses hard links (EPERM): the copy is then created exclusively.
    import errno

    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    data = samples.sample("pdf")
    info = service.add("cv", "cv.pdf", data)
    monkeypatch.setattr(os, "link", no_links)
    written = service.save_copy(info.id, tmp_path / "cv.pdf")
    assert written.read_bytes() == data
    with pytest.raises(AttachmentRefused, match="ce fichier existe déjà"):
        service.save_copy(info.id, tmp_path / "cv.pdf")
    assert sorted(os.listdir(tmp_path)) == ["candidates", "cv.pdf"]


def test_a_forged_row_cannot_point_outside_the_files_folder(
    service: AttachmentService, account: AccountRecords
) -> None:
    from pass_tui.data.candidates.attachments import AttachmentRow

    info = service.add("cv", "cv.pdf", samples.sample("pdf"))
    row = rows(account)[0]
    with pytest.raises(ValueError):
        AttachmentRow.model_validate(row | {"file": samples.climb("account.json", levels=1)})
    assert service.read(info.id) == samples.sample("pdf")
    with account.db.transaction() as tx:  # a forged row on disk: a store error, not a path
        tx.table("attachments").update({"file": samples.climb("account.json", levels=1)})
    with pytest.raises(StoreError, match="pièce jointe mal enregistrée"):
        service.delete(info.id)
    assert (account.folder / "account.json").exists()
