"""Choosing a file from the keyboard: a path field that completes, and the folder's
entries one per line ("Documents : dossier", "cv.pdf : 11 Ko")."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.worker import Worker, WorkerState

from pass_tui.data.candidates.browse import fresh_start
from pass_tui.data.errors import PassError
from pass_tui.i18n import _, _n, number
from pass_tui.screens.base import PassModal, button, error_text, task
from pass_tui.widgets.line_list import LineList
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.text_field import LabelledField, TextField

if TYPE_CHECKING:
    from pass_tui.data.candidates.attachments import FileBrowser

__all__ = ["FilePickerDialog", "size_words"]


def size_words(size: int) -> str:
    """A file size as people say it: "11 Ko" (a started kilobyte counts)."""
    from pass_tui.data.candidates.documents import kilobytes

    return _("{size} Ko", size=number(kilobytes(size)))


class PathField(TextField):
    """The path field: Right at the end of the text (or Ctrl+Space) completes it; Tab
    still moves the focus."""

    BINDINGS = [
        Binding(
            "ctrl+space,ctrl+@",
            "complete",
            "Compléter le chemin",
            show=False,
            id="picker.complete",
        ),
    ]

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.cursor_position >= len(self.value):
            self.action_complete()
        else:
            super().action_cursor_right(select)

    def action_complete(self) -> None:
        dialog = self.screen
        if isinstance(dialog, FilePickerDialog):
            dialog.complete()


class FilePickerDialog(PassModal[Any]):
    """Choose a file: type its path (Right completes it) or move in the folder's entries
    (Enter opens a folder or chooses a file, Backspace goes to the parent folder).

    In kiosk mode the browser only reaches its configured folders: anything else is
    refused in place. With ``accept``, the chosen path is handed to it in a thread and
    its result closes the dialog; a refusal (wrong type, too large, limit reached) is
    said in the dialog, which stays open for another choice. Without it, the dialog
    closes with the path. Escape or "Annuler" closes with None.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Annuler", show=False, id="picker.cancel"),
    ]

    DEFAULT_CSS = """
    FilePickerDialog .dialog { width: 76; }
    FilePickerDialog #entries { max-height: 8; }
    """

    def __init__(
        self,
        browser: FileBrowser,
        *,
        question: str,
        accept: Callable[[Path], Any] | None = None,
        action: str | None = None,
    ) -> None:
        super().__init__(id="file-picker")
        self.browser = browser
        self.question = question
        self.accept = accept
        self.action_label = action or _("Choisir ce fichier")
        self.folder: Path = browser.start()
        self._entries: list[Any] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question", markup=False)
            yield LabelledField(
                _("Chemin du fichier :"),
                PathField(self._typed(self.folder), id="path", select_on_focus=False),
            )
            yield Static("", id="folder", classes="hint", markup=False)
            yield Notice(id="picker-notice", reserve=False)
            heading = Label(_("Contenu du dossier :"), classes="field-label", markup=False)
            yield heading
            entries = LineList(id="entries")
            entries.heading = heading
            yield entries
            with Vertical(classes="buttons"):
                yield button(self.action_label, "pick", primary=True)
                yield button(_("Dossier parent"), "parent")
                yield button(_("Annuler"), "cancel")

    def on_mount(self) -> None:
        self.show_folder(self.folder, announce=False)
        field = self.path_field
        field.focus()
        # The end of a long path in view (and the cursor with it) once the field has a width.
        self.call_after_refresh(self._path_end)

    def _path_end(self) -> None:
        field = self.path_field
        field.cursor_position = 0
        field.action_end()

    @staticmethod
    def _typed(folder: Path) -> str:
        text = str(folder)
        return text if text.endswith(os.sep) else text + os.sep

    @property
    def notice(self) -> Notice:
        return self.query_one("#picker-notice", Notice)

    @property
    def path_field(self) -> Input:
        return self.query_one("#path", Input)

    # -- the folder ---------------------------------------------------------------------------
    def show_folder(self, folder: Path, *, announce: bool = True) -> bool:
        """List ``folder``'s entries (folders first); False, said in place, if refused."""
        try:
            entries = self.browser.list(folder)
        except (PassError, OSError) as error:
            self.notice.announce(error_text(error), error=True)
            return False
        self.folder = folder
        self._entries = list(entries)
        lines = [
            _("{name} : dossier", name=entry.name)
            if entry.is_dir
            else _("{name} : {size}", name=entry.name, size=size_words(entry.size or 0))
            for entry in self._entries
        ]
        listing = self.query_one("#entries", LineList)
        listing.set_lines(lines or [_("Dossier vide.")])
        listing.highlighted = 0 if lines else None
        count = _n("{count} élément", "{count} éléments", len(lines), count=len(lines))
        self.query_one("#folder", Static).update(
            _("Dossier : {folder} ({count})", folder=str(folder), count=count)
        )
        if announce:
            self.notice.announce(_("Dossier ouvert : {folder}", folder=str(folder)))
        return True

    def _typed_path(self) -> str:
        """The path in the field, from where it starts afresh (an absolute path typed
        after the folder already there): the field is set to it, so what is heard and seen
        is the path that will be used."""
        field = self.path_field
        typed = fresh_start(field.value)
        if typed != field.value.strip():
            field.value = typed
            field.cursor_position = len(typed)
        return typed

    def open_typed(self) -> None:
        """Enter in the path field: open the folder typed, or choose the file typed."""
        typed = self._typed_path()
        if not typed:
            self.notice.announce(_("Erreur : indiquez le chemin d'un fichier."), error=True)
            return
        try:
            path = self.browser.resolve(typed, self.folder)
        except (PassError, OSError) as error:
            self.notice.announce(error_text(error), error=True)
            return
        if path.is_dir():
            if self.show_folder(path):
                self.path_field.value = self._typed(path)
                self.path_field.cursor_position = len(self.path_field.value)
        elif path.exists():
            self.choose(path)
        else:
            self.notice.announce(
                _("Erreur : aucun fichier ou dossier à cet endroit : {path}", path=typed),
                error=True,
            )

    def complete(self) -> None:
        """Complete the typed path as far as it is unambiguous; list the possibilities."""
        field = self.path_field
        typed = self._typed_path()
        try:
            candidates = self.browser.complete(typed, self.folder)
        except (PassError, OSError) as error:
            self.notice.announce(error_text(error), error=True)
            return
        if not candidates:
            self.notice.announce(_("Aucune possibilité pour ce chemin."), error=True)
            return
        common = os.path.commonprefix(candidates)  # noqa: RUF071 (characters, as a shell)
        if len(common) > len(typed):
            field.value = common
            field.cursor_position = len(common)
        if len(candidates) == 1:
            if candidates[0].endswith("/"):
                try:
                    folder = self.browser.resolve(candidates[0], self.folder)
                except (PassError, OSError):
                    return
                self.show_folder(folder, announce=False)
            return
        names = [Path(c.rstrip(os.sep)).name for c in candidates]
        self.notice.announce(
            _(
                "{count} possibilités : {names}",
                count=len(candidates),
                names=_(", ").join(names[:10]) + (" …" if len(names) > 10 else ""),
            )
        )

    # -- choosing -----------------------------------------------------------------------------
    def choose(self, path: Path) -> None:
        """Hand ``path`` to ``accept`` (in a thread), or close with it."""
        if self.accept is None:
            self.dismiss(path)
            return
        self.notice.announce(_("Envoi de « {name} » en cours…", name=path.name))
        self._accept(path)

    @task(exclusive=True, group="picker", thread=True)
    def _accept(self, path: Path) -> Any:
        assert self.accept is not None
        return self.accept(path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Textual also runs PassScreenMixin's handler (every class's handler in the MRO
        # runs): it says a failure in this dialog's notice, or hands an ended session to
        # the app. Calling it here as well did both twice.
        if event.worker.group == "picker" and event.state is WorkerState.SUCCESS:
            self.dismiss(event.worker.result)

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#pick")
    def _pick(self, event: Input.Submitted | Button.Pressed) -> None:
        if isinstance(event, Button.Pressed) and self._entries:
            # "Choisir" with a file highlighted in the list (and the path at its folder).
            typed = self.path_field.value.strip()
            if typed.rstrip(os.sep) == str(self.folder).rstrip(os.sep):
                entry = self._highlighted_entry()
                if entry is not None and not entry.is_dir:
                    self.choose(entry.path)
                    return
        self.open_typed()

    def _highlighted_entry(self) -> Any:
        index = self.query_one("#entries", LineList).highlighted
        if index is None or not 0 <= index < len(self._entries):
            return None
        return self._entries[index]

    @on(OptionList.OptionSelected, "#entries")
    def _entry_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._highlighted_entry()
        if entry is None:
            return
        if entry.is_dir:
            if self.show_folder(entry.path):
                self.path_field.value = self._typed(entry.path)
                listing = self.query_one("#entries", LineList)
                listing.reader_cursor_moved()
        else:
            self.path_field.value = str(entry.path)
            self.choose(entry.path)

    def on_key(self, event: Any) -> None:
        # Backspace in the list goes up one folder (in the field it deletes a character).
        if event.key == "backspace" and isinstance(self.focused, LineList):
            event.stop()
            self.action_parent()

    @on(Button.Pressed, "#parent")
    def action_parent(self) -> None:
        parent = self.folder.parent
        if parent == self.folder:
            self.notice.announce(_("Vous êtes déjà à la racine."))
            return
        if self.show_folder(parent):
            self.path_field.value = self._typed(parent)
            self.path_field.cursor_position = len(self.path_field.value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
