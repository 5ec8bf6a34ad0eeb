"""The candidate store: one folder per account, the exclusive e-mail index, deletion."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pass_tui.data.candidates.store import AccountStore, EmailTaken, address_key
from pass_tui.data.errors import NotFound
from pass_tui.data.paths import DataPaths


@pytest.fixture
def store(data_dir: Path) -> AccountStore:
    return AccountStore(DataPaths(data_dir).candidates)


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_an_account_is_one_sharded_folder_and_one_index_entry(
    store: AccountStore, data_dir: Path
) -> None:
    records = store.create("Jean.Dupont@exemple.fr", {"password_hash": "h"})
    folder = data_dir / "candidates" / "accounts" / records.account_id[:2] / records.account_id
    assert records.folder == folder
    assert records.db.path == folder / "account.json"
    entry = data_dir / "candidates" / "emails" / address_key("jean.dupont@exemple.fr")
    assert entry.read_text().strip() == records.account_id
    stored = json.loads(records.db.path.read_bytes())["account"]["1"]
    assert stored["email"] == "Jean.Dupont@exemple.fr" and stored["password_hash"] == "h"
    # private: the folders 0700, the files 0600, the address not in any file name
    assert _mode(records.db.path) == 0o600 and _mode(entry) == 0o600
    assert _mode(folder) == 0o700 and _mode(records.files) == 0o700
    assert _mode(data_dir / "candidates") == 0o700
    names = [p.name for p in (data_dir / "candidates").rglob("*")]
    assert not [n for n in names if "dupont" in n.lower() or "exemple" in n]


def test_find_ignores_case_get_and_count(store: AccountStore) -> None:
    assert store.count() == 0 and store.find("a@exemple.fr") is None
    a = store.create("a@exemple.fr")
    b = store.create("B@exemple.fr")
    assert store.count() == 2
    found = store.find("A@EXEMPLE.FR")
    assert found is not None and found.account_id == a.account_id
    assert store.get(b.account_id).folder == b.folder
    assert a.account_id != b.account_id


def test_a_taken_address_is_refused_and_leaves_nothing(
    store: AccountStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create("a@exemple.fr")
    before = sorted(p for p in (data_dir / "candidates").rglob("*"))
    with pytest.raises(EmailTaken):
        store.create("A@exemple.fr")
    assert sorted(p for p in (data_dir / "candidates").rglob("*")) == before
    # the race: another process linked the entry after our look-up; the link refuses it
    monkeypatch.setattr(AccountStore, "_read_entry", lambda self, entry: None)
    with pytest.raises(EmailTaken):
        store.create("A@exemple.fr")
    monkeypatch.undo()
    files = [p for p in (data_dir / "candidates").rglob("*") if p.is_file()]
    assert sorted(files) == sorted(p for p in before if p.is_file())
    assert store.count() == 1


@pytest.mark.parametrize(
    "forged",
    ["", "../../etc", "0" * 31, "0" * 33, "G" * 32, "../" + "0" * 29, None, 7],
)
def test_forged_or_unknown_ids_are_not_found(store: AccountStore, forged: object) -> None:
    store.create("a@exemple.fr")
    with pytest.raises(NotFound):
        store.get(forged)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        store.get("0123456789abcdef0123456789abcdef")


def test_a_corrupt_index_entry_finds_nothing(store: AccountStore, data_dir: Path) -> None:
    store.create("a@exemple.fr")
    entry = data_dir / "candidates" / "emails" / address_key("a@exemple.fr")
    entry.write_text("../../somewhere\n")
    assert store.find("a@exemple.fr") is None


def test_delete_removes_one_folder_and_one_entry(store: AccountStore, data_dir: Path) -> None:
    keep = store.create("keep@exemple.fr")
    gone = store.create("gone@exemple.fr")
    (gone.files / "cv.pdf").write_bytes(b"%PDF-")
    shard = gone.folder.parent
    before = {p for p in (data_dir / "candidates").rglob("*")}
    store.delete(gone.account_id)
    after = {p for p in (data_dir / "candidates").rglob("*")}
    removed = before - after
    assert {p for p in removed if p.parent == shard} == {gone.folder}
    entries = {p for p in removed if p.parent.name == "emails"}
    assert entries == {data_dir / "candidates" / "emails" / address_key("gone@exemple.fr")}
    assert all(p == gone.folder or gone.folder in p.parents or p in entries for p in removed)
    assert store.find("gone@exemple.fr") is None and store.count() == 1
    assert store.find("keep@exemple.fr") is not None and keep.db.path.exists()
    with pytest.raises(NotFound):
        store.get(gone.account_id)
    # the address is free again
    assert store.create("gone@exemple.fr").account_id != gone.account_id


def test_move_email_takes_the_new_entry_first_and_drops_the_old(store: AccountStore) -> None:
    a = store.create("old@exemple.fr")
    store.create("taken@exemple.fr")
    with pytest.raises(EmailTaken):
        store.move_email(a.account_id, "old@exemple.fr", "TAKEN@exemple.fr")
    assert store.find("old@exemple.fr") is not None  # nothing changed
    store.move_email(a.account_id, "old@exemple.fr", "new@exemple.fr")
    assert store.find("old@exemple.fr") is None
    moved = store.find("new@exemple.fr")
    assert moved is not None and moved.account_id == a.account_id
    assert json.loads(a.db.path.read_bytes())["account"]["1"]["email"] == "new@exemple.fr"
    assert store.count() == 2


def test_an_account_folder_without_its_entry_is_invisible(
    store: AccountStore, data_dir: Path
) -> None:
    """What a crash between writing the folder and linking the entry leaves."""
    a = store.create("a@exemple.fr")
    os.unlink(data_dir / "candidates" / "emails" / address_key("a@exemple.fr"))
    assert store.find("a@exemple.fr") is None and store.count() == 0
    b = store.create("a@exemple.fr")  # the address can be used again
    assert b.account_id != a.account_id


def test_a_failed_create_leaves_no_folder(
    store: AccountStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", no_link)
    from pass_tui.data.errors import StoreError

    with pytest.raises(StoreError, match="écriture impossible \\(disque plein\\)"):
        store.create("a@exemple.fr")
    monkeypatch.undo()
    accounts = data_dir / "candidates" / "accounts"
    assert [p for p in accounts.rglob("*") if p.is_file()] == []
    assert [p.name for p in (data_dir / "candidates" / "emails").iterdir()] == []
