"""The wheel carries the package data the app needs at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_wheel_ships_reference_data_demo_catalogue_styles_and_fonts(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("pass_tui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "pass_tui/data/refdata/natures.json",
        "pass_tui/data/refdata/domains.json",
        "pass_tui/data/refdata/levels.json",
        "pass_tui/data/refdata/regions-departements.json",
        "pass_tui/data/refdata/organisations.json",
        "pass_tui/data/catalogue/demo_data/pep-2021.json",
        "pass_tui/app.tcss",
        "pass_tui/data/publishing/fonts/DejaVuSans.ttf",
        "pass_tui/data/publishing/fonts/DejaVuSans-Bold.ttf",
        "pass_tui/data/publishing/fonts/LICENSE",
    ):
        assert required in names, f"{required} missing from {wheel.name}"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "pass-tui = pass_tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
