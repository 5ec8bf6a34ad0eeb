"""The facade the UI and the CLI use: one object, built once, handed to `PassApp`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pass_tui.data.candidates import CandidateStore
from pass_tui.data.catalogue import Catalogue
from pass_tui.data.config import Settings, load_settings
from pass_tui.data.paths import DataPaths, resolve_data_dir

if TYPE_CHECKING:
    from pass_tui.data.mail import Mailer
    from pass_tui.data.publishing.sharing import OfferSharing

__all__ = ["Services"]


class Services:
    """Everything below the user interface for one data directory."""

    def __init__(
        self,
        data_dir: Path,
        settings: Settings | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.paths = DataPaths(data_dir)
        self.settings = settings if settings is not None else load_settings(self.paths.config)
        self.today = today
        self.catalogue = Catalogue(self.paths, today=today)
        self.candidates = CandidateStore(self.paths)
        self._mailer: Mailer | None = None

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        *,
        today: Callable[[], date] = date.today,
        seed_demo: bool = True,
    ) -> Services:
        """Services for ``data_dir`` (resolved as DESIGN.md says), the demo catalogue
        loaded on first start of an empty directory when ``seed_demo``."""
        services = cls(resolve_data_dir(data_dir), today=today)
        if seed_demo:
            services.ensure_catalogue()
        return services

    def ensure_catalogue(self) -> None:
        """Load the bundled demo catalogue when the data dir has no catalogue yet."""
        if self.paths.catalogue.exists():
            return
        from pass_tui.data.catalogue.demo import demo_offers

        self.catalogue.upsert(demo_offers(self.today()))

    @property
    def mailer(self) -> Mailer:
        """The mail service (imported on first use: start-up stays light)."""
        if self._mailer is None:
            from pass_tui.data.mail import Mailer

            self._mailer = Mailer(self.paths, self.settings)
        return self._mailer

    @property
    def sharing(self) -> OfferSharing:
        """E-mailing, printing and saving offers; feed addresses."""
        from pass_tui.data.publishing.sharing import OfferSharing

        return OfferSharing(self.paths, self.settings, lambda: self.mailer)
