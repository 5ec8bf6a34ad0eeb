"""One offer in full, with previous/next through the result it came from."""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Button, Static

from pass_tui.data.catalogue import SearchResult
from pass_tui.data.errors import PrinterError
from pass_tui.data.models import Attachment, Offer
from pass_tui.dialogs import ConfirmDialog, EmailDialog
from pass_tui.i18n import _
from pass_tui.screens.base import PassScreen, button, error_text, task
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.offer_view import OfferView
from pass_tui.widgets.reader import ReaderScroll

__all__ = ["OfferScreen", "position_text"]


def position_text(index: int, count: int) -> str:
    """ "Offre 2 sur 11", with "(première offre)" / "(dernière offre)" at either end."""
    text = _("Offre {n} sur {count}", n=index + 1, count=count)
    if count > 1 and index == 0:
        text += " " + _("(première offre)")
    elif count > 1 and index == count - 1:
        text += " " + _("(dernière offre)")
    return text


class SaveButton(Button):
    """ "Enregistrer" next to an attachment; says which one to a screen reader."""

    def __init__(self, attachment: Attachment) -> None:
        super().__init__(_("Enregistrer"), compact=True)
        self.attachment = attachment
        self.tooltip = Content(_("Enregistrer « {name} »", name=attachment.name))


class OfferScreen(PassScreen[int]):
    """The offer at ``index`` in ``result``. Dismisses with the index last shown, so the
    list can highlight that row again."""

    BINDINGS = [
        Binding("n", "next", "Suivante", tooltip="Offre suivante", id="offer.next"),
        Binding("p", "previous", "Précédente", tooltip="Offre précédente", id="offer.previous"),
        Binding("i", "print", "Imprimer", tooltip="Imprimer l'offre", id="offer.print"),
        Binding("e", "email", "E-mail", tooltip="Envoyer l'offre par e-mail", id="offer.email"),
        Binding("l", "back", "Liste", tooltip="Retour à la liste", id="offer.back"),
        Binding("escape", "back", show=False, id="offer.escape"),
    ]

    index: reactive[int] = reactive(0, init=False)

    def __init__(self, result: SearchResult, index: int) -> None:
        super().__init__(id="offer-screen")
        self.result = result
        self.set_reactive(OfferScreen.index, index)
        self.offer: Offer = result.offer_at(index)

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Détail de l'offre"))
        yield Static(id="position", markup=False)
        with Vertical(classes="buttons", id="offer-buttons"):
            yield button(_("Retour à la liste"), "back")
            yield button(_("Offre précédente"), "previous")
            yield button(_("Offre suivante"), "next")
            yield button(_("Imprimer"), "print")
            yield button(_("Envoyer par e-mail"), "email")
            yield button(_("Aide"), "help")
        yield Notice(id="notice")
        with ReaderScroll(id="offer-body"):
            yield OfferView(id="offer")
            with Vertical(id="how-to-apply"):
                yield Static(_("Comment postuler"), classes="section-title", markup=False)
                yield Static(id="apply-text", markup=False)
            with Vertical(id="attachments"):
                yield Static(_("Pièces jointes"), classes="section-title", markup=False)
        yield PassFooter()

    def on_mount(self) -> None:
        self._show()
        self.query_one("#offer-body").focus()

    # -- display ------------------------------------------------------------------------------
    def _show(self) -> None:
        offer = self.offer
        count = self.result.count
        self.query_one("#position", Static).update(position_text(self.index, count))
        self.query_one("#previous").set_class(self.index == 0, "-dimmed")
        self.query_one("#next").set_class(self.index >= count - 1, "-dimmed")
        self.query_one(OfferView).show_offer(offer)
        self._show_how_to_apply(offer)
        self._show_attachments(offer)
        self.query_one("#offer-body", VerticalScroll).scroll_home(animate=False)

    def _show_how_to_apply(self, offer: Offer) -> None:
        lines: list[str] = []
        if offer.apply_by_email and offer.contact_email:
            lines.append(
                _(
                    "Candidature par e-mail à : {address}",
                    address=offer.contact_email,
                )
            )
        elif offer.contact_email:
            lines.append(_("Contact : {address}", address=offer.contact_email))
        if offer.contact_phone:
            lines.append(_("Téléphone : {phone}", phone=offer.contact_phone))
        if offer.how_to_apply:
            lines.append(offer.how_to_apply)
        section = self.query_one("#how-to-apply")
        section.display = bool(lines)
        self.query_one("#apply-text", Static).update(Content("\n".join(lines)))

    def _show_attachments(self, offer: Offer) -> None:
        section = self.query_one("#attachments", Vertical)
        section.remove_children(".attachment")
        section.display = bool(offer.attachments)
        rows = []
        for attachment in offer.attachments:
            parts: list[Static | Button] = [
                Static(Content(attachment.name), classes="attachment-name")
            ]
            if attachment.content:
                parts.append(SaveButton(attachment))
            elif attachment.url:
                parts.append(
                    Static(Content(_("lien : {url}", url=attachment.url)), classes="attachment-url")
                )
            rows.append(Horizontal(*parts, classes="attachment"))
        section.mount_all(rows)

    # -- previous / next ----------------------------------------------------------------------
    def watch_index(self, index: int) -> None:
        self.offer = self.result.offer_at(index)
        self.query_one("#notice", Notice).clear()
        self._show()

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        """The next offer of the result."""
        if self.index < self.result.count - 1:
            self.index += 1
        else:
            self.query_one("#notice", Notice).announce(_("Vous êtes sur la dernière offre."))

    @on(Button.Pressed, "#previous")
    def action_previous(self) -> None:
        """The previous offer of the result."""
        if self.index > 0:
            self.index -= 1
        else:
            self.query_one("#notice", Notice).announce(_("Vous êtes sur la première offre."))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Back to the list, on the row of this offer."""
        self.dismiss(self.index)

    @on(Button.Pressed, "#help")
    def _help(self) -> None:
        self.app.action_help()

    # -- print --------------------------------------------------------------------------------
    @on(Button.Pressed, "#print")
    def action_print(self) -> None:
        """Write the offer as text and PDF; send it to the printer when one is set up."""
        offer = self.offer
        printer = self.pass_app.services.sharing.printer
        if not printer:
            self._print(offer)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._print(offer)

        self.open(
            ConfirmDialog(
                _("Imprimer cette offre sur l'imprimante « {printer} » ?", printer=printer),
                yes=_("Imprimer"),
            ),
            confirmed,
        )

    @task(exclusive=True, group="print")
    async def _print(self, offer: Offer) -> None:
        notice = self.query_one("#notice", Notice)
        sharing = self.pass_app.services.sharing
        try:
            done = await asyncio.to_thread(sharing.print, offer)
        except PrinterError as exc:
            notice.announce(
                _(
                    "Erreur d'impression : {error}. L'offre est enregistrée dans {directory}.",
                    error=exc,
                    directory=sharing.paths.exports,
                ),
                error=True,
            )
            return
        if done.printer:
            notice.announce(
                _(
                    "Offre envoyée à l'imprimante {printer}. Copie : {name}, dans le dossier "
                    "{directory}.",
                    printer=done.printer,
                    name=done.pdf.name,
                    directory=done.pdf.parent,
                )
            )
        else:
            notice.announce(
                _(
                    "Offre enregistrée pour impression : {pdf} et {text}, dans le dossier "
                    "{directory}.",
                    pdf=done.pdf.name,
                    text=done.text.name,
                    directory=done.pdf.parent,
                )
            )

    # -- e-mail -------------------------------------------------------------------------------
    @on(Button.Pressed, "#email")
    def action_email(self) -> None:
        """Ask for an address, then send the offer through the mailer."""
        offer = self.offer

        def chosen(address: str | None) -> None:
            if address:
                self._send(offer, address)

        self.open(
            EmailDialog(_("Envoyer l'offre {reference} par e-mail.", reference=offer.reference)),
            chosen,
        )

    @task(exclusive=True, group="email")
    async def _send(self, offer: Offer, address: str) -> None:
        notice = self.query_one("#notice", Notice)
        notice.announce(_("Envoi en cours…"))
        sent = await asyncio.to_thread(self.pass_app.services.sharing.email, offer, address)
        if sent.status == "sent":
            notice.announce(_("Offre envoyée par e-mail à {address}.", address=address))
        elif sent.status == "queued":
            notice.announce(
                _(
                    "L'e-mail n'est pas encore parti : le serveur de messagerie ne l'a pas "
                    "accepté ({error}). Il sera renvoyé plus tard.",
                    error=sent.error or "?",
                ),
                error=True,
            )
        else:
            notice.announce(
                _(
                    "Offre déposée dans la boîte d'envoi pour {address}, dans le dossier "
                    "{directory}.",
                    address=address,
                    directory=sent.path.parent if sent.path else "",
                )
            )

    # -- attachments --------------------------------------------------------------------------
    @on(Button.Pressed, "SaveButton")
    def _save_pressed(self, event: Button.Pressed) -> None:
        assert isinstance(event.button, SaveButton)
        self._save(event.button.attachment)

    @task(group="save")
    async def _save(self, attachment: Attachment) -> None:
        notice = self.query_one("#notice", Notice)
        try:
            path = await asyncio.to_thread(
                self.pass_app.services.sharing.save_attachment, attachment
            )
        except (ValueError, OSError) as exc:
            notice.announce(
                _("Pièce jointe non enregistrée. {error}", error=error_text(exc)), error=True
            )
            return
        notice.announce(
            _(
                "Pièce jointe enregistrée : {name}, dans le dossier {directory}.",
                name=path.name,
                directory=path.parent,
            )
        )
