"""A fresh clone passes on its own: no test (or script it runs) reads outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHECKED = sorted([*(REPO / "tests").rglob("*.py"), *(REPO / "scripts").rglob("*.py")])

# `Path(__file__).resolve().parents[N]` followed by any number of `.parent`.
_PARENTS = re.compile(r"parents\[(\d+)\]((?:\.parent\b)*)")
# Climbing out of a name bound to the repository root (REPO.parent, ROOT.parent …).
_ROOT_PARENT = re.compile(r"\b(?:REPO|ROOT|REPOSITORY|PROJECT)\.parent\b")
# Relative climbs and the old shared folder next to the repository.
_OUTSIDE = (
    re.compile(r"\.\./"),
    re.compile(r"\.\.\\\\"),
    re.compile(r"""["']\.\.["']"""),
    re.compile(r"""["']shared["']"""),
    re.compile(r"shared_dir|/shared/"),
)


def outside_references(path: Path, text: str) -> list[str]:
    """The lines of ``text`` (the file at ``path``) that point above the repository."""
    depth = len(path.relative_to(REPO).parts) - 1  # parents[depth] is the repository root
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        code = line.split("#", 1)[0]
        for match in _PARENTS.finditer(code):
            climbed = int(match.group(1)) + match.group(2).count(".parent")
            if climbed > depth:
                problems.append(f"{path.name}:{number}: {line.strip()}")
        if _ROOT_PARENT.search(code) or any(p.search(code) for p in _OUTSIDE):
            problems.append(f"{path.name}:{number}: {line.strip()}")
    return problems


def test_the_check_catches_the_old_ways() -> None:
    """The detector itself: each way tests used to reach ../shared is caught."""
    here = REPO / "tests" / "data" / "test_example.py"
    bad = [
        'SHARED = Path(__file__).resolve().parents[2].parent / "shared"',
        "FIXTURE = Path(__file__).resolve().parents[3] / 'x.csv'",
        'SHARED = REPO.parent / "data"',
        'source = Path("../shared/fixtures/real/pep-export-2021.csv")',
        "def test_x(shared_dir: Path) -> None:",
        'path = Path(__file__).parent / ".." / ".." / ".." / "x"',
    ]
    for line in bad:
        assert outside_references(here, line), line
    good = [
        "REPO = Path(__file__).resolve().parents[2]",
        'FIXTURES = REPO / "tests" / "fixtures"',
        "sys.path.insert(0, str(Path(__file__).resolve().parents[1]))",
    ]
    for line in good:
        assert not outside_references(here, line), line


def test_no_test_reads_outside_the_repository() -> None:
    assert len(CHECKED) > 10
    problems: list[str] = []
    for path in CHECKED:
        if path == Path(__file__).resolve():
            continue  # its patterns are examples, not paths
        problems += outside_references(path, path.read_text("utf-8"))
    assert not problems, "\n".join(problems)


def test_real_fixtures_are_in_the_repository() -> None:
    """The public exports the tests read are committed under tests/fixtures, and are sane."""
    fixtures = REPO / "tests" / "fixtures"
    for name, low, high in (
        ("pep-export-2021.csv", 100_000, 200_000),
        ("regions-departements.json", 5_000, 20_000),
    ):
        size = (fixtures / name).stat().st_size
        assert low < size < high, (name, size)
    attributes = (REPO / ".gitattributes").read_text("utf-8")
    assert "tests/fixtures/** -text" in attributes  # byte-identical: no end-of-line rewriting
