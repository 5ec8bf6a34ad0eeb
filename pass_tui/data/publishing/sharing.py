"""Use cases around one offer a candidate is reading: e-mail it, print it, save an
attachment, give the address of a search's feed.

Screens collect the input (an address, a confirmation) and show the typed result these
return; composing the mail, choosing file names and paths happens here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pass_tui.data.config import Settings
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.errors import BadInput
from pass_tui.data.models import Attachment, Offer
from pass_tui.data.paths import DataPaths
from pass_tui.data.publishing.printing import PrintResult, print_offer, save_attachment
from pass_tui.data.publishing.render import offer_text
from pass_tui.i18n import _

if TYPE_CHECKING:
    from pass_tui.data.mail import Mailer, SendResult

__all__ = ["FeedAddresses", "OfferSharing"]


@dataclass(frozen=True)
class FeedAddresses:
    """Where a search's feeds can be read, and the command that prints the same feed."""

    rss: str
    atom: str
    command: str


class OfferSharing:
    """E-mail, print and save offers for one data directory."""

    def __init__(self, paths: DataPaths, settings: Settings, mailer: Callable[[], Mailer]) -> None:
        self.paths = paths
        self.settings = settings
        self._mailer = mailer

    @property
    def printer(self) -> str | None:
        """The printer configured for `lp`, if any (printing then asks first)."""
        return self.settings.printer

    def email(self, offer: Offer, address: str) -> SendResult:
        """Send ``offer`` to ``address`` in the interface language.

        Raises:
            BadInput: ``address`` is not a valid e-mail address.
        """
        from pass_tui.data.mail import is_valid_email

        address = address.strip()
        if not is_valid_email(address):
            raise BadInput(_("adresse e-mail invalide : {address}", address=address))
        subject = _(
            "Offre PASS {reference} : {title}", reference=offer.reference, title=offer.title
        )
        body = (
            _("Voici une offre de la Place de l'apprentissage et des stages (PASS).")
            + "\n\n"
            + offer_text(offer)
        )
        return self._mailer().send(address, subject, body)

    def print(self, offer: Offer) -> PrintResult:
        """Write ``offer`` as text and PDF under ``exports/``; send the PDF to the
        configured printer when there is one.

        Raises:
            PrinterError: `lp` is missing or refused the job (the files are written).
        """
        return print_offer(offer, self.paths.exports, self.printer)

    def save_attachment(self, attachment: Attachment) -> Path:
        """Save an attachment shipped inside the catalogue under ``exports/``."""
        return save_attachment(attachment, self.paths.exports)

    def feed_addresses(self, criteria: SearchCriteria) -> FeedAddresses:
        """The RSS and Atom addresses of the search feed for ``criteria`` on the
        configured feed server, and the equivalent command line."""
        from pass_tui.data.publishing.feeds import criteria_to_cli, feed_url

        base = self.settings.feeds_base_url
        return FeedAddresses(
            rss=feed_url(criteria, base_url=base),
            atom=feed_url(criteria, format="atom", base_url=base),
            command=criteria_to_cli(criteria),
        )
