"""Rebuild the two fonts the printed offers embed: DejaVu Sans (Book, Bold), cut to Latin.

Run from the repository root (the output is package data, committed with the code):

    .venv/bin/python scripts/subset_fonts.py [--source /usr/share/fonts/truetype/dejavu]

The source is Debian's ``fonts-dejavu-core``. Only the ranges below are kept (Latin with its
extensions, general punctuation, currency and a few symbols), which cuts each file from
~750 KB to under 100 KB; the PDF writer replaces any other character (see
``pass_tui.data.publishing.pdf``). The DejaVu licence (Bitstream Vera terms) allows
modified copies whose names contain neither "Bitstream" nor "Vera"; it ships beside them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "pass_tui" / "data" / "publishing" / "fonts"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
UNICODES = (
    "U+0020-007E,"  # Basic Latin
    "U+00A0-024F,"  # Latin-1 Supplement, Latin Extended-A and -B (é, œ, « »)
    "U+02B0-036F,"  # spacing modifiers, combining diacritical marks
    "U+1D00-1DBF,"  # phonetic extensions (the superscripts of 1ᵉʳ, 2ᵈᵉ)
    "U+1E00-1EFF,"  # Latin Extended Additional
    "U+2000-206F,"  # general punctuation (’ – — … • and the French thin spaces)
    "U+20A0-20CF,"  # currency (€)
    "U+2100-2122,"  # letterlike symbols (№, ™)
    "U+2190-2199,"  # arrows
    "U+2212,"  # minus sign
    "U+25A0-25CF,"  # geometric shapes (▪ ◦ ●)
    "U+FFFD"  # replacement character
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("/usr/share/fonts/truetype/dejavu"))
    args = parser.parse_args(argv)
    for name in FILES:
        subset.main(
            [
                str(args.source / name),
                f"--unicodes={UNICODES}",
                "--layout-features=kern",
                "--name-IDs=*",
                "--no-hinting",
                "--notdef-outline",
                f"--output-file={OUT / name}",
            ]
        )
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
