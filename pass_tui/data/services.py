"""The facade the UI and the CLI use: one object, built once, handed to `PassApp`."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pass_tui.data.candidates.store import AccountStore
from pass_tui.data.catalogue import Catalogue
from pass_tui.data.config import Settings, load_settings
from pass_tui.data.errors import StoreError
from pass_tui.data.paths import DataPaths, make_data_dir, resolve_data_dir
from pass_tui.data.store import Signature, file_signature, read_failed

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import AccountService, CandidateSession
    from pass_tui.data.candidates.browse import FileBrowser
    from pass_tui.data.candidates.space import CandidateSpace
    from pass_tui.data.mail import Mailer
    from pass_tui.data.publishing.sharing import OfferSharing

__all__ = ["FirstStart", "Services"]


@dataclass
class FirstStart:
    """What opening a data dir created, so that a command that fails can remove it."""

    directories: list[Path] = field(default_factory=list)
    """Directories created, outermost first."""
    names_before: frozenset[str] | None = None
    """What the data dir held before (None: unknown, so nothing will be removed)."""
    catalogue: Signature | None = None
    """The demo catalogue as seeded (None: not seeded by us)."""
    index: Signature | None = None
    lock_created: bool = False
    """The catalogue's lock file did not exist before seeding."""


class Services:
    """Everything below the user interface for one data directory."""

    def __init__(
        self,
        data_dir: Path,
        settings: Settings | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.paths = DataPaths(data_dir)
        if settings is None:
            try:
                settings = load_settings(self.paths.config)
            except OSError as exc:
                raise read_failed(self.paths.config, exc) from None
        self.settings = settings
        self.today = today
        self.catalogue = Catalogue(self.paths, today=today)
        self.candidates = AccountStore(self.paths.candidates)
        self._mailer: Mailer | None = None
        self._accounts: AccountService | None = None
        self.first_start = FirstStart()

    @classmethod
    def open(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        today: Callable[[], date] = date.today,
        seed_demo: bool = True,
    ) -> Services:
        """Services for ``data_dir`` (resolved as DESIGN.md says), the demo catalogue
        loaded on first start of an empty directory when ``seed_demo``.

        What this creates is recorded in :attr:`first_start`; :meth:`undo_first_start`
        removes it. If opening itself fails, it is removed before the error propagates.

        Raises:
            BadInput: ``data_dir`` is empty.
            StoreError: The data dir is a file, cannot be created, read or (to seed the
                demo catalogue) written.
            ConfigError: config.toml is invalid.
        """
        root = resolve_data_dir(data_dir)
        created = make_data_dir(root)
        try:
            services = cls(root, today=today)
        except BaseException:
            _remove_dirs(created)
            raise
        services.first_start.directories = created
        with suppress(OSError):
            services.first_start.names_before = frozenset(os.listdir(root))
        try:
            if seed_demo:
                services.ensure_catalogue()
        except BaseException:
            services.undo_first_start()
            raise
        return services

    def ensure_catalogue(self) -> None:
        """Load the bundled demo catalogue when the data dir has no catalogue yet."""
        if file_signature(self.paths.catalogue) is not None:
            return
        from pass_tui.data.catalogue.demo import demo_offers

        lock_existed = os.path.lexists(self.catalogue.db.lock.lock_file)
        report = self.catalogue.upsert(demo_offers(self.today()))
        if report.added:  # we wrote it (not a process starting at the same instant)
            self.first_start.catalogue = file_signature(self.paths.catalogue)
            self.first_start.index = file_signature(self.paths.catalogue_index)
            self.first_start.lock_created = not lock_existed

    def undo_first_start(self) -> None:
        """Remove what opening created — the demo catalogue, its index and lock, the data
        dir — when nothing changed since: a command that fails leaves the disk as it found
        it. Never raises; whatever is busy or changed is left in place.

        The catalogue is removed under its lock, taken without waiting (another process
        working here keeps everything), only while it is still the file we seeded, and only
        when the data dir holds nothing new besides it (an account created meanwhile, an
        import state…: the data dir is in use, so everything stays).
        """
        undo, self.first_start = self.first_start, FirstStart()
        self.catalogue.close()
        if undo.catalogue is not None:
            paths = self.paths
            lock = Path(self.catalogue.db.lock.lock_file)
            ours = {paths.catalogue.name, paths.catalogue_index.name, lock.name}
            try:
                with self.catalogue.db.locked(timeout=0):
                    if undo.names_before is None or file_signature(paths.catalogue) != (
                        undo.catalogue
                    ):
                        return
                    if set(os.listdir(paths.root)) - undo.names_before - ours:
                        return
                    os.unlink(paths.catalogue)
                    if undo.index is not None and file_signature(paths.catalogue_index) == (
                        undo.index
                    ):
                        os.unlink(paths.catalogue_index)
                    if undo.lock_created:
                        # Unlinked while held. A process that opened it just before would
                        # lock a file no longer listed, alongside one that creates a new
                        # one: that takes two processes starting on this brand-new data
                        # dir at this very instant, and writes stay atomic either way.
                        os.unlink(lock)
            except (StoreError, OSError):
                return
        _remove_dirs(undo.directories)

    @property
    def mailer(self) -> Mailer:
        """The mail service (imported on first use: start-up stays light)."""
        if self._mailer is None:
            from pass_tui.data.mail import Mailer

            self._mailer = Mailer(self.paths, self.settings)
        return self._mailer

    @property
    def accounts(self) -> AccountService:
        """Sign-up, login, codes, password and address changes (one per Services)."""
        if self._accounts is None:
            from pass_tui.data.candidates.accounts import AccountService

            self._accounts = AccountService(
                self.candidates, self.paths, self.settings, lambda: self.mailer
            )
        return self._accounts

    def space(self, session: CandidateSession) -> CandidateSpace:
        """The candidate space of ``session``'s account.

        Raises:
            SessionEnded: The session no longer exists.
        """
        from pass_tui.data.candidates.space import CandidateSpace

        return CandidateSpace(self.accounts, session, self.settings)

    def file_browser(self) -> FileBrowser:
        """The file picker's data side: anywhere, or only the kiosk's folders."""
        from pass_tui.data.candidates.browse import FileBrowser

        roots = None
        if self.settings.kiosk:
            roots = [Path(folder).expanduser() for folder in self.settings.kiosk_folders]
        return FileBrowser(roots)

    @property
    def sharing(self) -> OfferSharing:
        """E-mailing, printing and saving offers; feed addresses."""
        from pass_tui.data.publishing.sharing import OfferSharing

        return OfferSharing(self.paths, self.settings, lambda: self.mailer)


def _remove_dirs(directories: list[Path]) -> None:
    """Remove directories we created, innermost first, while they are empty."""
    for directory in reversed(directories):
        with suppress(OSError):
            directory.rmdir()
