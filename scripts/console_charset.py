"""Write the characters a Linux console font can draw, one code point per line.

    python scripts/console_charset.py /usr/share/consolefonts/Lat15-Fixed16.psf.gz \
        > tests/fixtures/linux-console-lat15.txt

Reads the font's PSF2 (or PSF1) Unicode table. Debian's console-setup picks the Lat15
font set for French and English; `tests/e2e` checks that `TERM=linux` output stays
within it.
"""

from __future__ import annotations

import gzip
import struct
import sys
from pathlib import Path


def charset(data: bytes) -> set[int]:
    """The code points of every glyph with a single-character Unicode mapping."""
    if data[:4] == b"\x72\xb5\x4a\x86":
        _magic, _version, header, flags, count, size, _h, _w = struct.unpack("<8I", data[:32])
        if not flags & 1:
            raise ValueError("font without a Unicode table")
        table = data[header + count * size :]
        out: set[int] = set()
        for entry in table.split(b"\xff")[:count]:
            singles = entry.split(b"\xfe", 1)[0]
            out.update(ord(ch) for ch in singles.decode("utf-8"))
        return out
    if data[:2] == b"\x36\x04":
        mode, size = data[2], data[3]
        count = 512 if mode & 1 else 256
        if not mode & 2:
            raise ValueError("font without a Unicode table")
        table = data[4 + count * size :]
        out = set()
        for i in range(0, len(table) - 1, 2):
            (value,) = struct.unpack("<H", table[i : i + 2])
            if value not in (0xFFFF, 0xFFFE):
                out.add(value)
        return out
    raise ValueError("not a PSF font")


def main(argv: list[str]) -> int:
    data = Path(argv[1]).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    for code in sorted(charset(data)):
        print(f"U+{code:04X}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
