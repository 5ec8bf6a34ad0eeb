"""The core never imports Textual (checked in a fresh interpreter)."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pass_tui.data
from tests.factories import run_python


def test_data_layer_never_imports_textual() -> None:
    modules = [m.name for m in pkgutil.walk_packages(pass_tui.data.__path__, "pass_tui.data.")]
    assert "pass_tui.data.catalogue" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = run_python(code, check=True)
    assert out.stdout.strip() == ""


def test_cli_subcommands_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pass_tui.cli import main\n"
        f"main(['offer', 'NOPE', '--data-dir', {str(tmp_path)!r}])\n"
        "print('textual' in sys.modules)\n"
    )
    out = run_python(code)
    assert out.stdout.strip().splitlines()[-1] == "False"
