"""Mes pièces jointes: the lists read as the service describes them, every action by key
and by button, every limit and refusal said in place with nothing lost (real services,
real files on tmp_path, a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pass_tui.app import PassApp
from pass_tui.data.candidates.accounts import CandidateSession
from pass_tui.data.candidates.attachments import AttachmentService
from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from pass_tui.dialogs.confirm import ConfirmDialog
from pass_tui.dialogs.file_picker import FilePickerDialog
from pass_tui.dialogs.rename import PromptDialog, RenameDialog
from pass_tui.screens.space.attachments import AttachmentsScreen, DocumentList
from pass_tui.widgets.notice import Notice
from tests.tui.forms_helpers import candidate, show
from tests.tui.helpers import (
    SIZE,
    assert_no_decoration,
    press,
    retype,
    screen_text,
    settle,
    until,
)

DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
PDF_KO = 22  # tests/fixtures/documents/cv.pdf: 22 122 bytes


@pytest.fixture
def session(services: Services) -> CandidateSession:
    return candidate(services)


@pytest.fixture
def attachments(services: Services, session: CandidateSession) -> AttachmentService:
    return services.space(session).attachments


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of real documents, and of documents that must be refused."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("cv.pdf", "cv.docx", "cv.odt"):
        shutil.copy(DOCUMENTS / name, docs / name)
    shutil.copy(DOCUMENTS / "photo.png", docs / "photo.pdf")  # a PNG named .pdf
    pdf = (DOCUMENTS / "cv.pdf").read_bytes()
    (docs / "gros.pdf").write_bytes(pdf + b"\n" * (1001 * 1024 - len(pdf)))  # 1001 Ko
    return docs


async def open_attachments(pilot: Pilot, session: CandidateSession) -> AttachmentsScreen:
    screen = AttachmentsScreen(session)
    await show(pilot, screen)
    return screen


def lines(app: PassApp, kind: str) -> list[str]:
    return list(app.screen.query_one(f"#{kind}", DocumentList).lines)


async def said(pilot: Pilot, text: str) -> None:
    """Wait until the current screen's (or dialog's) notice shows ``text``."""
    app = pilot.app

    def shown() -> bool:
        return any(text in str(n.content) for n in app.screen.query(Notice))

    await until(pilot, shown, f"the notice says {text!r}")


async def pick(pilot: Pilot, path: Path) -> None:
    """In the file picker: type ``path`` in the path field and press Enter."""
    assert isinstance(pilot.app.screen, FilePickerDialog)
    await retype(pilot, str(path), "enter")


async def test_the_lists_read_as_described_with_their_limits(
    make_app: Callable[..., PassApp], session: CandidateSession, attachments: AttachmentService
) -> None:
    pdf = (DOCUMENTS / "cv.pdf").read_bytes()
    attachments.add("cv", "MON CV.PDF", pdf)
    attachments.add("cv", "cv anglais.pdf", pdf)
    attachments.add("letter", "lettre.docx", (DOCUMENTS / "cv.docx").read_bytes())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        assert lines(app, "cv") == [
            f"MON CV.PDF (Par défaut) ({PDF_KO} Ko)",
            f"cv anglais.pdf ({PDF_KO} Ko)",
        ]
        assert lines(app, "letter") == ["lettre.docx (Par défaut) (6 Ko)"]
        assert lines(app, "other") == ["Aucun autre document."]
        text = screen_text(app)
        assert "Mes CV (2 sur 5)" in text
        assert "Mes lettres de motivation (1 sur 5)" in text
        assert "Formats acceptés : doc, docx, rtf, pdf, odt ; 1\u00a0000 Ko au plus" in text
        # focus on the CV list, the cursor on its heading first, then on the rows
        cv = app.screen.query_one("#cv", DocumentList)
        assert app.screen.focused is cv
        assert app.cursor_position == app.screen.query_one("#cv-label").content_region.offset
        await press(pilot, "down")
        assert app.cursor_position == cv.content_region.offset
        await press(pilot, "down")
        assert app.cursor_position.y == cv.content_region.y + 1
        assert_no_decoration(app)


async def test_add_a_cv_with_the_file_picker(
    make_app: Callable[..., PassApp], session: CandidateSession, folder: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "a")
        assert isinstance(app.screen, FilePickerDialog)
        await pick(pilot, folder / "cv.pdf")
        assert isinstance(app.screen, AttachmentsScreen)
        assert lines(app, "cv") == [f"cv.pdf (Par défaut) ({PDF_KO} Ko)"]
        await said(pilot, "Document ajouté : cv.pdf.")
        assert "Mes CV (1 sur 5)" in screen_text(app)


async def test_the_add_button_of_each_section(
    make_app: Callable[..., PassApp], session: CandidateSession, folder: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        app.screen.query_one("#add-other").focus()
        await press(pilot, "enter")
        await pick(pilot, folder / "cv.odt")
        assert lines(app, "other") == ["cv.odt (12 Ko)"]  # no default among other documents
        assert lines(app, "cv") == ["Aucun CV."]


@pytest.mark.parametrize(
    ("name", "refusal"),
    [
        ("gros.pdf", "1\u00a0001 Ko"),
        ("photo.pdf", "photo.pdf"),
    ],
    ids=["1001-ko", "wrong-type"],
)
async def test_a_refused_file_is_said_in_the_picker_and_nothing_is_lost(
    make_app: Callable[..., PassApp],
    session: CandidateSession,
    attachments: AttachmentService,
    folder: Path,
    name: str,
    refusal: str,
) -> None:
    attachments.add("cv", "premier.pdf", (DOCUMENTS / "cv.pdf").read_bytes())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "a")
        await pick(pilot, folder / name)
        # still in the picker, the refusal said there, the typed path kept
        assert isinstance(app.screen, FilePickerDialog)
        await said(pilot, "Erreur : ")
        notice = app.screen.query_one(Notice)
        assert refusal in notice.text and notice.has_class("-error")
        assert app.screen.query_one("#path", Input).value == str(folder / name)
        # another choice works at once
        await pick(pilot, folder / "cv.docx")
        assert isinstance(app.screen, AttachmentsScreen)
        assert lines(app, "cv") == [
            f"premier.pdf (Par défaut) ({PDF_KO} Ko)",
            "cv.docx (6 Ko)",
        ]
    assert len(attachments.list("cv")) == 2


async def test_a_sixth_cv_is_refused_in_place(
    make_app: Callable[..., PassApp],
    session: CandidateSession,
    attachments: AttachmentService,
    folder: Path,
) -> None:
    pdf = (DOCUMENTS / "cv.pdf").read_bytes()
    for n in range(5):
        attachments.add("cv", f"cv{n}.pdf", pdf)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        assert "Mes CV (5 sur 5)" in screen_text(app)
        # Refused before a file is chosen: no picker, no web address asked for.
        for key in ("a", "i"):
            await press(pilot, key)
            await said(pilot, "Erreur : Vous avez déjà 5 CV : supprimez-en un d'abord.")
            assert isinstance(app.screen, AttachmentsScreen)
            app.screen.query_one(Notice).announce("")
        # Still refused if the 5th arrived while the picker was open (another session).
        attachments.delete(attachments.list("cv")[0].id)
        await press(pilot, "a")
        await until(pilot, lambda: isinstance(app.screen, FilePickerDialog), "the picker")
        attachments.add("cv", "cv5.pdf", pdf)
        await pick(pilot, folder / "cv.pdf")
        await said(pilot, "Erreur : Vous avez déjà 5 CV : supprimez-en un d'abord.")
        assert isinstance(app.screen, FilePickerDialog)
        await press(pilot, "escape")
    assert len(attachments.list("cv")) == 5


async def test_rename(
    make_app: Callable[..., PassApp], session: CandidateSession, attachments: AttachmentService
) -> None:
    attachments.add("cv", "cv.pdf", (DOCUMENTS / "cv.pdf").read_bytes())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "r")
        assert isinstance(app.screen, RenameDialog)
        field = app.screen.query_one("#value", Input)
        assert field.value == "cv.pdf" and app.screen.focused is field
        assert "Nouveau nom :" in screen_text(app)
        await press(pilot, "ctrl+u", *"MON CV.PDF", "enter")
        assert isinstance(app.screen, AttachmentsScreen)
        assert lines(app, "cv") == [f"MON CV.PDF (Par défaut) ({PDF_KO} Ko)"]
        await said(pilot, "Document renommé : MON CV.PDF.")


async def test_an_empty_name_is_refused_in_the_rename_dialog(
    make_app: Callable[..., PassApp], session: CandidateSession, attachments: AttachmentService
) -> None:
    attachments.add("cv", "cv.pdf", (DOCUMENTS / "cv.pdf").read_bytes())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "r", "ctrl+u", "enter")
        assert isinstance(app.screen, RenameDialog)
        await said(pilot, "Erreur : ")
        await press(pilot, "escape")
    assert [i.name for i in attachments.list("cv")] == ["cv.pdf"]


async def test_replace(
    make_app: Callable[..., PassApp],
    session: CandidateSession,
    attachments: AttachmentService,
    folder: Path,
) -> None:
    first = attachments.add("cv", "cv.pdf", (DOCUMENTS / "cv.pdf").read_bytes())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "e")
        assert isinstance(app.screen, FilePickerDialog)
        assert "Remplacer « cv.pdf » par un autre fichier" in screen_text(app)
        await pick(pilot, folder / "cv.docx")
        assert lines(app, "cv") == ["cv.docx (Par défaut) (6 Ko)"]
        await said(pilot, "Document remplacé : cv.docx.")
    (info,) = attachments.list("cv")
    assert info.id == first.id and info.is_default


async def test_delete_asks_first_with_annuler_focused(
    make_app: Callable[..., PassApp], session: CandidateSession, attachments: AttachmentService
) -> None:
    attachments.add("letter", "lettre.pdf", (DOCUMENTS / "cv.pdf").read_bytes())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        app.screen.query_one("#letter").focus()
        await settle(pilot)
        await press(pilot, "delete")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Supprimer « lettre.pdf » ?" in screen_text(app)
        assert app.screen.focused is not None and app.screen.focused.id == "no"
        await press(pilot, "enter")  # Annuler
        assert lines(app, "letter") == [f"lettre.pdf (Par défaut) ({PDF_KO} Ko)"]
        await said(pilot, "Rien n'a été supprimé.")
        # the Supprimer button, then the dialog's Supprimer
        app.screen.query_one("#delete").focus()
        await press(pilot, "enter")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "tab", "enter")
        assert lines(app, "letter") == ["Aucune lettre de motivation."]
        await said(pilot, "Document supprimé : lettre.pdf.")
    assert attachments.list("letter") == []


async def test_the_default_moves_like_a_radio_button(
    make_app: Callable[..., PassApp], session: CandidateSession, attachments: AttachmentService
) -> None:
    pdf = (DOCUMENTS / "cv.pdf").read_bytes()
    attachments.add("cv", "a.pdf", pdf)
    attachments.add("cv", "b.pdf", pdf)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "down", "down", "d")
        assert lines(app, "cv") == [f"a.pdf ({PDF_KO} Ko)", f"b.pdf (Par défaut) ({PDF_KO} Ko)"]
        await said(pilot, "Document par défaut : b.pdf.")
        # the highlight stayed on the document
        assert app.screen.query_one("#cv", DocumentList).highlighted == 1


async def test_other_documents_have_no_default(
    make_app: Callable[..., PassApp], session: CandidateSession, attachments: AttachmentService
) -> None:
    attachments.add("other", "a.pdf", (DOCUMENTS / "cv.pdf").read_bytes())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        app.screen.query_one("#other").focus()
        await press(pilot, "d")
        await said(pilot, "Erreur : seuls un CV et une lettre peuvent être par défaut.")


async def test_save_a_copy(
    make_app: Callable[..., PassApp],
    session: CandidateSession,
    attachments: AttachmentService,
    tmp_path: Path,
) -> None:
    attachments.add("cv", "cv.pdf", (DOCUMENTS / "cv.pdf").read_bytes())
    target = tmp_path / "copie.pdf"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "c")
        assert isinstance(app.screen, PromptDialog)
        assert app.screen.query_one("#value", Input).value.endswith("/cv.pdf")
        assert "Chemin de la copie :" in screen_text(app)
        await retype(pilot, str(target), "enter")
        assert isinstance(app.screen, AttachmentsScreen)
        await said(pilot, f"Copie enregistrée : {target}.")
        assert target.read_bytes() == (DOCUMENTS / "cv.pdf").read_bytes()
        # the same path again: refused in the dialog (never overwritten)
        await press(pilot, "c")
        await retype(pilot, str(target), "enter")
        assert isinstance(app.screen, PromptDialog)
        await said(pilot, "existe déjà")


async def test_an_action_without_a_document_says_so(
    make_app: Callable[..., PassApp], session: CandidateSession
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        for key in ("r", "e", "delete", "d", "c"):
            await press(pilot, key)
            assert isinstance(app.screen, AttachmentsScreen)
            await said(pilot, "Erreur : choisissez d'abord un document dans une liste.")


async def test_kiosk_picker_opens_in_its_folder_and_refuses_others(
    data_dir: Path, tmp_path: Path, folder: Path
) -> None:
    allowed = tmp_path / "cle-usb"
    allowed.mkdir()
    shutil.copy(DOCUMENTS / "cv.pdf", allowed / "cv.pdf")
    services = Services(data_dir, settings=Settings(kiosk=True, kiosk_folders=[str(allowed)]))
    session = candidate(services)
    app = PassApp(services, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "a")
        assert app.screen.query_one("#path", Input).value == f"{allowed}/"
        await pick(pilot, folder / "cv.pdf")
        await said(pilot, "en dehors des dossiers autorisés")
        await pick(pilot, allowed / "cv.pdf")
        assert lines(app, "cv") == [f"cv.pdf (Par défaut) ({PDF_KO} Ko)"]


async def test_kiosk_without_folders_says_so(data_dir: Path) -> None:
    services = Services(data_dir, settings=Settings(kiosk=True, kiosk_folders=[]))
    session = candidate(services)
    app = PassApp(services, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_attachments(pilot, session)
        await press(pilot, "a")
        assert isinstance(app.screen, AttachmentsScreen)
        await said(pilot, "Erreur : ")


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_control_is_reachable_in_a_small_terminal(
    make_app: Callable[..., PassApp], session: CandidateSession, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_attachments(pilot, session)
        seen = []
        for _ in range(20):
            focused = app.screen.focused
            assert focused is not None
            seen.append(focused.id)
            assert app.screen.region.contains_point(app.cursor_position), focused
            await press(pilot, "tab")
        assert seen[:16] == [
            "cv",
            "add-cv",
            "url-cv",
            "letter",
            "add-letter",
            "url-letter",
            "other",
            "add-other",
            "url-other",
            "rename",
            "replace",
            "delete",
            "default",
            "copy",
            "back",
            "logout",
        ]
