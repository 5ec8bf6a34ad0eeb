"""Candidate storage: one small TinyDB file per account, and an e-mail index shared by processes.

Layout under ``<data>/candidates/`` (DESIGN.md, "Data directory")::

    accounts/<2 hex>/<account_id>/account.json   the account's records (TinyDB, 0600)
    accounts/<2 hex>/<account_id>/files/         its documents, random names, 0600
    emails/<sha256 of the address>               index entry: holds the account id
    throttle/<sha256 of the address>.json        failed logins per address (see throttle.py)

A write touches one account's file only, so its cost does not grow with the number of
accounts. The index entry is created exclusively (a complete temporary file hard-linked to
its final name: the link fails when the name exists, in every process at once), which is
what makes an address unique across processes. An account's folder is written before its
index entry and removed after it, so a crash leaves at worst a folder that no entry names,
never an entry naming nothing. Deleting an account removes one folder and one entry.

Nothing here is specific to files that a database server could not provide: one record set
per account, a unique key on the address.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pass_tui.data.errors import NotFound, StoreError
from pass_tui.data.store import Database, read_failed, write_failed
from pass_tui.i18n import _

__all__ = ["ACCOUNT_TABLE", "AccountRecords", "AccountStore", "EmailTaken", "address_key"]

ACCOUNT_TABLE = "account"
"""The table holding the account's one document (doc id 1): address, password hash, …"""

_ACCOUNT_ID = re.compile(r"[0-9a-f]{32}")
_DIR_MODE = 0o700


class EmailTaken(Exception):
    """An account already uses this address (internal: the service never reveals it)."""


def address_key(email: str) -> str:
    """The file name standing for an address: addresses compare without case."""
    return hashlib.sha256(email.strip().casefold().encode("utf-8")).hexdigest()


def valid_account_id(account_id: object) -> bool:
    """Whether ``account_id`` has the shape of an id this store gives (nothing else is a
    path component: a forged id such as ``../x`` never reaches the file system)."""
    return isinstance(account_id, str) and _ACCOUNT_ID.fullmatch(account_id) is not None


def _mkdir(path: Path) -> None:
    """Create ``path`` and its missing parents, each private to the user (0700)."""
    missing = []
    level = path
    while not level.is_dir():
        missing.append(level)
        if level.parent == level:
            break
        level = level.parent
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=_DIR_MODE)
        except FileExistsError:
            continue  # another process made it meanwhile
        except OSError as exc:
            raise write_failed(directory, exc) from None


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise write_failed(path, exc) from None


class AccountRecords:
    """One account's database and folder; the repositories read and write through it."""

    def __init__(self, account_id: str, folder: Path) -> None:
        self.account_id = account_id
        self.folder = folder
        self.db = Database(folder / "account.json")

    @property
    def files(self) -> Path:
        """The account's documents folder, created (0700) on first use."""
        path = self.folder / "files"
        if not path.is_dir():
            _mkdir(path)
        return path

    def __repr__(self) -> str:
        return f"AccountRecords({self.account_id!r})"


class AccountStore:
    """Every candidate account of one data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.accounts = root / "accounts"
        self.emails = root / "emails"
        self.throttle = root / "throttle"

    # -- lookups ------------------------------------------------------------------------------
    def _folder(self, account_id: str) -> Path:
        return self.accounts / account_id[:2] / account_id

    def _entry(self, email: str) -> Path:
        return self.emails / address_key(email)

    def _read_entry(self, entry: Path) -> str | None:
        try:
            account_id = entry.read_text("ascii").strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            if isinstance(exc, OSError):
                raise read_failed(entry, exc) from None
            return None
        return account_id if valid_account_id(account_id) else None

    def find(self, email_normalised: str) -> AccountRecords | None:
        """The account using this address, or None."""
        account_id = self._read_entry(self._entry(email_normalised))
        if account_id is None:
            return None
        folder = self._folder(account_id)
        if not (folder / "account.json").is_file():
            return None  # deleted meanwhile
        return AccountRecords(account_id, folder)

    def get(self, account_id: str) -> AccountRecords:
        """The account with this id.

        Raises:
            NotFound: No such account (or not an id this store gives).
        """
        if valid_account_id(account_id):
            folder = self._folder(account_id)
            if (folder / "account.json").is_file():
                return AccountRecords(account_id, folder)
        raise NotFound(_("compte introuvable"))

    def count(self) -> int:
        """How many accounts there are (one index entry each)."""
        try:
            return sum(1 for name in os.listdir(self.emails) if not name.startswith("."))
        except FileNotFoundError:
            return 0
        except OSError as exc:
            raise read_failed(self.emails, exc) from None

    # -- writes -------------------------------------------------------------------------------
    def _link_entry(self, email: str, account_id: str) -> Path:
        """Create the index entry of ``email`` holding ``account_id``, exclusively.

        Raises:
            EmailTaken: The entry exists.
        """
        _mkdir(self.emails)
        entry = self._entry(email)
        tmp = self.emails / f".{entry.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, account_id.encode("ascii") + b"\n")
                os.fsync(fd)
            finally:
                os.close(fd)
            os.link(tmp, entry)  # atomic and exclusive: EEXIST when the address is taken
        except FileExistsError:
            raise EmailTaken() from None
        except OSError as exc:
            raise write_failed(entry, exc) from None
        finally:
            with suppress(OSError):
                os.unlink(tmp)
        _fsync_dir(self.emails)
        return entry

    def create(
        self, email_normalised: str, account: dict[str, Any] | None = None
    ) -> AccountRecords:
        """A new account for this address, with its account document written.

        Args:
            email_normalised: The address (already validated and normalised).
            account: More fields of the account document (password hash, …), written in
                the same file write as the address, before the index names the account.

        Raises:
            EmailTaken: An account already uses the address; nothing is left behind.
            StoreError: The data dir cannot be written; nothing is left behind.
        """
        if self._read_entry(self._entry(email_normalised)) is not None:
            raise EmailTaken()  # the common case, found without writing anything
        account_id = secrets.token_hex(16)
        folder = self._folder(account_id)
        _mkdir(folder)
        records = AccountRecords(account_id, folder)
        doc = {
            "email": email_normalised,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            **(account or {}),
        }
        try:
            with records.db.transaction() as tx:
                tx.table(ACCOUNT_TABLE).insert(doc)
            self._link_entry(email_normalised, account_id)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return records

    def move_email(self, account_id: str, old: str, new: str) -> None:
        """Give account ``account_id`` the address ``new`` instead of ``old``.

        The new index entry is created first (exclusively), then the account document
        updated, then the old entry removed: at no instant does the account have no entry,
        and no other account can take ``new`` meanwhile.

        Raises:
            EmailTaken: Another account uses ``new``; nothing changed.
            NotFound: No such account.
        """
        records = self.get(account_id)
        same = address_key(old) == address_key(new)
        entry = None if same else self._link_entry(new, account_id)
        try:
            with records.db.transaction() as tx:
                tx.table(ACCOUNT_TABLE).update({"email": new}, doc_ids=[1])
        except BaseException:
            if entry is not None:
                with suppress(OSError):
                    os.unlink(entry)
            raise
        if entry is not None:
            self._drop_entry(old, account_id)

    def _drop_entry(self, email: str, account_id: str) -> None:
        entry = self._entry(email)
        if self._read_entry(entry) != account_id:
            return  # not ours (another account took the address since): leave it
        try:
            os.unlink(entry)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise write_failed(entry, exc) from None
        _fsync_dir(self.emails)

    def delete(self, account_id: str) -> None:
        """Remove the account: its index entry, then its folder (documents included).

        Raises:
            NotFound: No such account.
            StoreError: The data dir cannot be written.
        """
        records = self.get(account_id)
        doc = records.db.table(ACCOUNT_TABLE).get(doc_id=1)
        if doc is not None and isinstance(doc.get("email"), str):
            self._drop_entry(doc["email"], account_id)
        try:
            shutil.rmtree(records.folder)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise write_failed(records.folder, exc) from None
        if not records.folder.exists():
            return
        raise StoreError(_("{path} : suppression incomplète", path=str(records.folder)))
