"""Mes pièces jointes: CVs, cover letters and other documents, each line read as
"MON CV.PDF (Par défaut) (11 Ko)", and what can be done with them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from pass_tui.data.candidates.attachments import LIMITS, describe
from pass_tui.data.errors import PassError, SessionEnded
from pass_tui.dialogs.confirm import ConfirmDialog
from pass_tui.dialogs.file_picker import FilePickerDialog
from pass_tui.dialogs.rename import PromptDialog, RenameDialog
from pass_tui.dialogs.url_import import UrlImportDialog
from pass_tui.i18n import _, number
from pass_tui.screens.base import CandidateScreen, button, error_text, logout_button
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.line_list import LineList
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import ReaderScroll

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import CandidateSession
    from pass_tui.data.candidates.attachments import AttachmentInfo, AttachmentService
    from pass_tui.data.candidates.browse import FileBrowser

__all__ = ["KINDS", "AttachmentsScreen"]

KINDS = ("cv", "letter", "other")


def heading(kind: str, count: int) -> str:
    limit = LIMITS[kind]
    if kind == "cv":
        return _("Mes CV ({count} sur {limit})", count=count, limit=limit)
    if kind == "letter":
        return _("Mes lettres de motivation ({count} sur {limit})", count=count, limit=limit)
    return _("Autres documents ({count} sur {limit})", count=count, limit=limit)


def empty_line(kind: str) -> str:
    return {
        "cv": _("Aucun CV."),
        "letter": _("Aucune lettre de motivation."),
        "other": _("Aucun autre document."),
    }[kind]


def add_label(kind: str) -> str:
    return {
        "cv": _("Ajouter un CV"),
        "letter": _("Ajouter une lettre de motivation"),
        "other": _("Ajouter un autre document"),
    }[kind]


def url_label(kind: str) -> str:
    return {
        "cv": _("Importer un CV depuis une adresse web"),
        "letter": _("Importer une lettre depuis une adresse web"),
        "other": _("Importer un document depuis une adresse web"),
    }[kind]


class DocumentList(LineList):
    """The documents of one kind, one per line, as :func:`describe` says them."""

    def __init__(self, kind: str) -> None:
        super().__init__(id=kind, classes="documents")
        self.kind = kind
        self.documents: list[AttachmentInfo] = []

    @property
    def current(self) -> AttachmentInfo | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.documents):
            return None
        return self.documents[index]


class AttachmentsScreen(CandidateScreen[Any]):
    """Three lists (CVs, letters, other documents) with their limits, an "Ajouter" and an
    "Importer depuis une adresse web" button under each, then the actions on the document
    last highlighted in a list: Renommer, Remplacer, Supprimer, Par défaut, Enregistrer
    une copie (as buttons, and as keys in the lists). Every refusal is said in place;
    nothing already stored is touched by a refused change."""

    AUTO_FOCUS = ""  # focused in on_mount, once laid out

    BINDINGS = [
        Binding("a", "add", "Ajouter un document", id="attachments.add"),
        Binding("i", "import_url", "Importer depuis une adresse web", id="attachments.url"),
        Binding("r", "rename", "Renommer", id="attachments.rename"),
        Binding("e", "replace", "Remplacer", id="attachments.replace"),
        Binding("delete,s", "delete", "Supprimer", id="attachments.delete"),
        Binding("d", "make_default", "Par défaut", id="attachments.default"),
        Binding("c", "save_copy", "Enregistrer une copie", id="attachments.copy"),
        Binding(
            "escape",
            "back",
            "Retour",
            show=False,
            tooltip="Revenir à mon espace",
            id="attachments.back",
        ),
    ]

    DEFAULT_CSS = """
    AttachmentsScreen #attachments-body { padding: 0 1; }
    AttachmentsScreen .documents { max-height: 6; }
    AttachmentsScreen .buttons { margin: 0; }
    """

    def __init__(self, session: CandidateSession) -> None:
        super().__init__(session, id="attachments")
        self._service: AttachmentService | None = None
        self._kind = "cv"
        """The list the document actions apply to: the one last focused."""

    @property
    def service(self) -> AttachmentService:
        if self._service is None:
            self._service = self.pass_app.services.space(self.session).attachments
        return self._service

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        settings = self.pass_app.services.settings
        yield from self.compose_title(_("Mes pièces jointes"))
        yield Notice(id="notice")
        with ReaderScroll(id="attachments-body", can_focus=False):
            yield Static(
                _(
                    "Formats acceptés : doc, docx, rtf, pdf, odt ; {size} Ko au plus par document.",
                    size=number(settings.attachment_max_kb),
                ),
                classes="hint",
                markup=False,
            )
            for kind in KINDS:
                label = Label(
                    heading(kind, 0), id=f"{kind}-label", classes="field-label", markup=False
                )
                yield label
                documents = DocumentList(kind)
                documents.heading = label
                yield documents
                with Vertical(classes="buttons"):
                    yield button(add_label(kind), f"add-{kind}")
                    yield button(url_label(kind), f"url-{kind}")
            yield Label(
                _("Sur le document choisi dans une liste :"),
                classes="field-label",
                markup=False,
            )
            with Vertical(classes="buttons"):
                yield button(_("Renommer"), "rename")
                yield button(_("Remplacer"), "replace")
                yield button(_("Supprimer"), "delete")
                yield button(_("Par défaut"), "default")
                yield button(_("Enregistrer une copie"), "copy")
            with Vertical(classes="buttons"):
                yield button(_("Retour"), "back")
                yield logout_button()
        yield PassFooter()

    def on_mount(self) -> None:
        self.refresh_lists()
        self.call_after_refresh(self.query_one("#cv", DocumentList).focus)

    def scroll_to_center(self, widget: Widget, *args: Any, **kwargs: Any) -> None:
        """Bring the focused widget into view by the shortest scroll, not to the middle:
        a screen reader reads every line a scroll changes, and a list's heading above it
        must stay in view (Textual centres a focused widget it thinks is out of view)."""
        widget.scroll_visible(animate=False)

    def failed(self, error: PassError) -> None:
        """Say what went wrong; a session that ended hands over to the app (login)."""
        if isinstance(error, SessionEnded):
            self.pass_app.session_ended()
        else:
            self.show_error(error_text(error))

    def documents(self, kind: str) -> DocumentList:
        return self.query_one(f"#{kind}", DocumentList)

    def refresh_lists(self, keep: str | None = None) -> None:
        """Read the documents again; the highlight stays on ``keep`` (a document id)."""
        try:
            every = self.service.list()
        except PassError as error:
            self.failed(error)
            return
        for kind in KINDS:
            listing = self.documents(kind)
            mine = [info for info in every if info.kind == kind]
            listing.documents = mine
            listing.set_lines([describe(info) for info in mine] or [empty_line(kind)])
            ids = [info.id for info in mine]
            if keep in ids:
                listing.highlighted = ids.index(keep)
            label = self.query_one(f"#{kind}-label", Label)
            text = heading(kind, len(mine))
            if str(label.content) != text:
                label.update(text)

    @on(LineList.OptionHighlighted, ".documents")
    def _list_used(self, event: LineList.OptionHighlighted) -> None:
        if isinstance(event.option_list, DocumentList):
            self._kind = event.option_list.kind

    def on_descendant_focus(self, event: Any) -> None:
        widget = event.widget
        if isinstance(widget, DocumentList):
            self._kind = widget.kind
        elif isinstance(widget, Button) and widget.id and "-" in widget.id:
            kind = widget.id.split("-", 1)[1]
            if kind in KINDS:
                self._kind = kind

    @property
    def current(self) -> AttachmentInfo | None:
        """The document the actions apply to: the highlighted one of the list last used."""
        return self.documents(self._kind).current

    def _need_current(self) -> AttachmentInfo | None:
        info = self.current
        if info is None:
            self.show_error(_("Erreur : choisissez d'abord un document dans une liste."))
        return info

    def _done(self, message: str, keep: str | None = None) -> None:
        self.refresh_lists(keep)
        self.query_one(Notice).announce(message)

    # -- adding -------------------------------------------------------------------------------
    @on(Button.Pressed, "#add-cv, #add-letter, #add-other, #url-cv, #url-letter, #url-other")
    def _section_button(self, event: Button.Pressed) -> None:
        action, _sep, kind = (event.button.id or "").partition("-")
        self._kind = kind
        if action == "add":
            self.action_add()
        else:
            self.action_import_url()

    def _browser(self) -> FileBrowser | None:
        """The file picker's data side; None (said in place) when no folder is allowed."""
        browser = self.pass_app.services.file_browser()
        try:
            browser.start()
        except PassError as error:
            self.failed(error)
            return None
        return browser

    def _room_for(self, kind: str) -> bool:
        """False, said in place, when the list is full: refused before the candidate
        spends time choosing a file."""
        try:
            self.service.check_room(kind)  # type: ignore[arg-type]
        except PassError as error:
            self.failed(error)
            return False
        return True

    def action_add(self) -> None:
        """Choose a file to add to the current list."""
        kind = self._kind
        service = self.service
        if not self._room_for(kind):
            return
        browser = self._browser()
        if browser is None:
            return

        def accept(path: Path) -> AttachmentInfo:
            return service.add_file(kind, path)

        self.open(
            FilePickerDialog(
                browser,
                question=add_label(kind),
                accept=accept,
                action=_("Ajouter ce fichier"),
            ),
            self._added,
        )

    def _added(self, info: AttachmentInfo | None) -> None:
        if info is None:
            return
        self._kind = info.kind
        self._done(_("Document ajouté : {name}.", name=info.name), info.id)
        self.documents(info.kind).focus()

    def action_import_url(self) -> None:
        kind = self._kind
        service = self.service
        if not self._room_for(kind):
            return

        def run(url: str) -> AttachmentInfo:
            return service.add_url(kind, url)

        self.open(UrlImportDialog(url_label(kind), run), self._added)

    # -- the current document -----------------------------------------------------------------
    @on(Button.Pressed, "#rename")
    def action_rename(self) -> None:
        info = self._need_current()
        if info is None:
            return
        service = self.service

        def run(name: str) -> AttachmentInfo:
            return service.rename(info.id, name)

        self.open(RenameDialog(info.name, run), self._renamed)

    def _renamed(self, info: AttachmentInfo | None) -> None:
        if info is not None:
            self._done(_("Document renommé : {name}.", name=info.name), info.id)

    @on(Button.Pressed, "#replace")
    def action_replace(self) -> None:
        info = self._need_current()
        if info is None:
            return
        service = self.service
        browser = self._browser()
        if browser is None:
            return

        def accept(path: Path) -> AttachmentInfo:
            return service.replace_file(info.id, path)

        self.open(
            FilePickerDialog(
                browser,
                question=_("Remplacer « {name} » par un autre fichier", name=info.name),
                accept=accept,
                action=_("Remplacer par ce fichier"),
            ),
            self._replaced,
        )

    def _replaced(self, info: AttachmentInfo | None) -> None:
        if info is not None:
            self._done(_("Document remplacé : {name}.", name=info.name), info.id)

    @on(Button.Pressed, "#delete")
    def action_delete(self) -> None:
        info = self._need_current()
        if info is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                self.query_one(Notice).announce(_("Rien n'a été supprimé."))
                return
            try:
                self.service.delete(info.id)
            except PassError as error:
                self.failed(error)
                return
            self._done(_("Document supprimé : {name}.", name=info.name))

        self.open(
            ConfirmDialog(_("Supprimer « {name} » ?", name=info.name), _("Supprimer")),
            answered,
        )

    @on(Button.Pressed, "#default")
    def action_make_default(self) -> None:
        info = self._need_current()
        if info is None:
            return
        if info.kind == "other":
            self.show_error(_("Erreur : seuls un CV et une lettre peuvent être par défaut."))
            return
        try:
            self.service.set_default(info.id)
        except PassError as error:
            self.failed(error)
            return
        self._done(_("Document par défaut : {name}.", name=info.name), info.id)

    @on(Button.Pressed, "#copy")
    def action_save_copy(self) -> None:
        info = self._need_current()
        if info is None:
            return
        service = self.service
        browser = self._browser()
        if browser is None:
            return
        start = browser.start()

        def run(typed: str) -> Path:
            return service.save_copy(info.id, Path(typed).expanduser())

        self.open(
            PromptDialog(
                _("Enregistrer une copie de « {name} »", name=info.name),
                _("Chemin de la copie :"),
                run,
                value=str(start / info.name),
                action=_("Enregistrer"),
                id="copy-dialog",
            ),
            self._copied,
        )

    def _copied(self, path: Path | None) -> None:
        if path is not None:
            self.query_one(Notice).announce(_("Copie enregistrée : {path}.", path=str(path)))

    # -- leaving ------------------------------------------------------------------------------
    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)
