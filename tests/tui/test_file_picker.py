"""The keyboard file picker: a path field that completes with Right (Tab still moves on),
the folder's entries one per line with sizes in words, folders opened with Enter, the
parent folder, kiosk roots refused in place (real files on tmp_path)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from pass_tui.app import PassApp
from pass_tui.data.candidates.browse import FileBrowser
from pass_tui.dialogs.file_picker import FilePickerDialog
from pass_tui.widgets.line_list import LineList
from pass_tui.widgets.notice import Notice
from tests.tui.helpers import (
    SIZE,
    assert_no_decoration,
    press,
    retype,
    screen_text,
    settle,
    until,
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/ with two folders, a 12 Ko document and a hidden file."""
    root = tmp_path / "racine"
    (root / "Documents" / "Lettres").mkdir(parents=True)
    (root / "Images").mkdir()
    (root / "lettre.pdf").write_bytes(b"%PDF-" + b"x" * (12 * 1024 - 5))
    (root / ".cache").write_text("caché")
    (root / "Documents" / "cv-2026.pdf").write_bytes(b"%PDF-1.7")
    (root / "Documents" / "cv-2025.pdf").write_bytes(b"%PDF-1.7")
    return root


class Picked:
    """What the dialog closed with."""

    def __init__(self) -> None:
        self.results: list[Any] = []

    def __call__(self, result: Any) -> None:
        self.results.append(result)


async def open_picker(
    pilot: Pilot,
    browser: FileBrowser,
    accept: Callable[[Path], Any] | None = None,
) -> Picked:
    picked = Picked()
    await settle(pilot)
    pilot.app.push_screen(
        FilePickerDialog(browser, question="Choisir un document", accept=accept), picked
    )
    await settle(pilot)
    return picked


def entries(app: PassApp) -> list[str]:
    return list(app.screen.query_one("#entries", LineList).lines)


def path_field(app: PassApp) -> Input:
    return app.screen.query_one("#path", Input)


async def said(pilot: Pilot, text: str) -> None:
    notice = pilot.app.screen.query_one(Notice)
    await until(pilot, lambda: text in str(notice.content), f"the picker says {text!r}")


async def test_the_folder_reads_folders_first_then_documents_with_their_size(
    make_app: Callable[..., PassApp], tree: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot, FileBrowser([tree]))
        assert path_field(app).value == f"{tree}{os.sep}"
        assert app.screen.focused is path_field(app)
        assert entries(app) == ["Documents : dossier", "Images : dossier", "lettre.pdf : 12 Ko"]
        text = screen_text(app)
        assert "Chemin du fichier :" in text
        folder = str(app.screen.query_one("#folder", Static).content)
        assert folder == f"Dossier : {tree} (3 éléments)"
        assert "Contenu du dossier :" in text
        assert_no_decoration(app)
        # Tab moves on (it does not complete): to the entries, the cursor on their heading
        await press(pilot, "tab")
        assert app.screen.focused is app.screen.query_one("#entries")
        heading = app.screen.query_one("Label.field-label")
        assert app.cursor_position == heading.content_region.offset
        await press(pilot, "down")
        assert app.cursor_position == app.screen.query_one("#entries").content_region.offset


async def test_enter_opens_a_folder_backspace_goes_back_and_enter_picks_a_file(
    make_app: Callable[..., PassApp], tree: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        picked = await open_picker(pilot, FileBrowser([tree]))
        await press(pilot, "tab", "down", "enter")  # Documents
        assert entries(app) == ["Lettres : dossier", "cv-2025.pdf : 1 Ko", "cv-2026.pdf : 1 Ko"]
        assert path_field(app).value == f"{tree / 'Documents'}{os.sep}"
        await said(pilot, f"Dossier ouvert : {tree / 'Documents'}")
        await press(pilot, "backspace")
        assert entries(app)[0] == "Documents : dossier"
        await press(pilot, "down", "down", "enter")  # lettre.pdf
        assert picked.results == [tree / "lettre.pdf"]


async def test_typing_a_path_and_enter(make_app: Callable[..., PassApp], tree: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        picked = await open_picker(pilot, FileBrowser(None))
        await retype(pilot, str(tree / "Images"), "enter")
        assert entries(app) == ["Dossier vide."]
        await retype(pilot, str(tree / "absent.pdf"), "enter")
        await said(pilot, "Erreur : aucun fichier ou dossier à cet endroit")
        assert picked.results == []
        await retype(pilot, str(tree / "lettre.pdf"), "enter")
        assert picked.results == [tree / "lettre.pdf"]


async def test_a_path_typed_after_the_folder_in_the_field_starts_afresh(
    make_app: Callable[..., PassApp], tree: Path
) -> None:
    """The field opens with the folder's path in it; a candidate who types an absolute
    path straight away (no Ctrl+U) gets that path, not "<folder>//<path>"."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        picked = await open_picker(pilot, FileBrowser([tree]))
        start = path_field(app).value
        assert start == f"{tree}/"
        await press(pilot, "end", "/")
        pilot.app.focused.post_message(events.Paste(f"{tree}/Doc"[1:]))  # type: ignore[union-attr]
        await press(pilot, "right")
        assert path_field(app).value == f"{tree}/Documents/"
        await press(pilot, *"~/", "enter")
        await said(pilot, "en dehors des dossiers autorisés")  # ~ is not in the kiosk roots
        assert path_field(app).value == "~/"
        await retype(pilot, f"{tree}/Documents/", "/")
        pilot.app.focused.post_message(events.Paste(f"{tree}/lettre.pdf"[1:]))  # type: ignore[union-attr]
        await press(pilot, "enter")
        assert picked.results == [tree / "lettre.pdf"]


async def test_right_completes_the_path_and_lists_the_possibilities(
    make_app: Callable[..., PassApp], tree: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot, FileBrowser([tree]))
        await retype(pilot, f"{tree}/Doc", "right")
        assert path_field(app).value == f"{tree}/Documents/"
        assert entries(app)[0] == "Lettres : dossier"  # the one folder it can be: shown
        await press(pilot, *"cv", "right")
        assert path_field(app).value == f"{tree}/Documents/cv-202"
        await said(pilot, "2 possibilités : cv-2025.pdf, cv-2026.pdf")
        await press(pilot, "5", "right")
        assert path_field(app).value == f"{tree}/Documents/cv-2025.pdf"
        await press(pilot, *"zz", "right")
        await said(pilot, "Aucune possibilité pour ce chemin.")
        # Right inside the text moves the cursor, as always
        await press(pilot, "home", "right")
        assert path_field(app).cursor_position == 1


async def test_kiosk_roots_are_kept_and_refusals_said_in_place(
    make_app: Callable[..., PassApp], tree: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(b"%PDF-1.7")
    (tree / "lien").symlink_to(outside)  # a link out of the allowed folder: not listed
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        picked = await open_picker(pilot, FileBrowser([tree]))
        assert "lien : dossier" not in entries(app)
        app.screen.query_one("#parent").focus()
        await press(pilot, "enter")
        await said(pilot, "en dehors des dossiers autorisés")
        assert entries(app)[0] == "Documents : dossier"
        for typed in (str(outside / "secret.pdf"), f"{tree}/lien/secret.pdf", "/etc/passwd"):
            path_field(app).focus()
            await retype(pilot, typed, "enter")
            await said(pilot, "en dehors des dossiers autorisés")
        assert picked.results == []


async def test_accept_refusal_keeps_the_dialog_open_then_its_result_closes_it(
    make_app: Callable[..., PassApp], tree: Path
) -> None:
    from pass_tui.data.errors import AttachmentRefused

    def accept(path: Path) -> str:
        if path.name == "lettre.pdf":
            raise AttachmentRefused("lettre.pdf : refusé pour l'essai")
        return f"reçu {path.name}"

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        picked = await open_picker(pilot, FileBrowser([tree]), accept)
        await retype(pilot, str(tree / "lettre.pdf"), "enter")
        await said(pilot, "Erreur : lettre.pdf : refusé pour l'essai")
        assert isinstance(app.screen, FilePickerDialog)
        await retype(pilot, str(tree / "Documents" / "cv-2025.pdf"), "enter")
        assert picked.results == ["reçu cv-2025.pdf"]


async def test_annuler_and_escape_close_with_nothing(
    make_app: Callable[..., PassApp], tree: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        picked = await open_picker(pilot, FileBrowser([tree]))
        await press(pilot, "escape")
        assert picked.results == [None]
        picked = await open_picker(pilot, FileBrowser([tree]))
        app.screen.query_one("#cancel").focus()
        await press(pilot, "enter")
        assert picked.results == [None]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_control_fits_a_small_terminal(
    make_app: Callable[..., PassApp], tree: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_picker(pilot, FileBrowser([tree]))
        order = []
        for _ in range(5):
            focused = app.screen.focused
            assert focused is not None
            order.append(focused.id)
            assert app.screen.region.contains_point(app.cursor_position)
            await press(pilot, "tab")
        assert order == ["path", "entries", "pick", "parent", "cancel"]
        for button in ("pick", "parent", "cancel"):
            widget = app.screen.query_one(f"#{button}")
            assert app.screen.region.contains_region(widget.region), button
