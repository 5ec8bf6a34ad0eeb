"""Fixtures of the end-to-end tests: `fenrir` starts pass-tui under the Fenrir screen
reader (see fenrir.py) and always stops it."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fenrir import Reader


@pytest.fixture
def fenrir(tmp_path: Path) -> Iterator[Callable[..., Reader]]:
    """A factory: ``fenrir("--screen-reader", data_dir=d, size=(80, 24), ready="…")``
    starts pass-tui with those arguments under Fenrir and returns its `Reader` once the
    first screen has settled. Without ``data_dir`` an empty one is used (pass-tui then
    loads its demo catalogue). Every reader is closed at the end of the test."""
    readers: list[Reader] = []
    counter = itertools.count(1)

    def start(
        *args: str,
        data_dir: Path | None = None,
        size: tuple[int, int] = (80, 24),
        ready: Callable[[str], bool] | str | None = None,
    ) -> Reader:
        n = next(counter)
        if data_dir is None:
            data_dir = tmp_path / f"data{n}"
            data_dir.mkdir()
        reader = Reader.start(
            ["--data-dir", str(data_dir), *args],
            workdir=tmp_path / f"fenrir{n}",
            size=size,
            ready=ready,
        )
        readers.append(reader)
        return reader

    try:
        yield start
    finally:
        for reader in readers:
            reader.close()
