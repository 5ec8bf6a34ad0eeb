"""Fitting untrusted one-line text into a width without cutting a word in half."""

from __future__ import annotations

import re

from rich.cells import cell_len

__all__ = ["fit", "plain"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
ELLIPSIS = "…"


def plain(text: str) -> str:
    """``text`` on one line with every control character replaced by a space.

    The data layer already cleans imported text; this is the last guard before a string
    is written to the terminal as a raw segment.
    """
    return _CONTROL.sub(" ", text)


def fit(text: str, width: int) -> str:
    """``text`` shortened to at most ``width`` cells, cut at a word boundary.

    Args:
        text: One line of text.
        width: The number of terminal cells available.

    Returns:
        The text itself when it fits; otherwise its longest prefix of whole words that
        fits with a trailing "…" (a single over-long word is cut, as a last resort).
    """
    text = plain(text)
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    room = width - cell_len(ELLIPSIS)
    words = text.split(" ")
    out = ""
    for word in words:
        candidate = f"{out} {word}" if out else word
        if cell_len(candidate) > room:
            break
        out = candidate
    if not out:
        # One word longer than the whole width: cutting it is the only option left.
        chars: list[str] = []
        for char in text:
            if cell_len("".join(chars) + char) > room:
                break
            chars.append(char)
        out = "".join(chars)
    return out.rstrip(" ,;:·—-") + ELLIPSIS
