"""Files the offer screen writes: printable text and PDF, saved attachments, `lp` jobs.

Blocking work: the screens call these from thread workers.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pass_tui.data.errors import PrinterError
from pass_tui.data.models import Attachment, Offer
from pass_tui.data.publishing.render import offer_text

__all__ = [
    "PrintResult",
    "PrinterError",
    "print_offer",
    "safe_filename",
    "save_attachment",
    "write_pdf",
]

LP_TIMEOUT_S = 20


@dataclass(frozen=True)
class PrintResult:
    text: Path
    pdf: Path
    printer: str | None = None
    job: str | None = None


def safe_filename(name: str, fallback: str = "fichier") -> str:
    """A file name safe to create in a directory: no path, no control or odd characters."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f-\x9f]", "", name)
    name = re.sub(r"[^\w.\- ()]", "_", name).strip(" .")
    return name[:120] or fallback


def _unique(path: Path) -> Path:
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    n = 1
    while True:
        candidate = path.with_name(f"{stem}-{n}{suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _write(path: Path, data: bytes) -> None:
    """Write a new file (never follows or replaces an existing one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def save_attachment(attachment: Attachment, directory: Path) -> Path:
    """Decode an attachment shipped inside the catalogue into ``directory``.

    Raises:
        ValueError: The attachment has no content (only a link) or bad base64.
    """
    if not attachment.content:
        raise ValueError("pièce jointe sans contenu (lien seulement)")
    try:
        data = base64.b64decode(attachment.content, validate=True)
    except (ValueError, TypeError) as exc:
        raise ValueError("contenu de la pièce jointe illisible") from exc
    path = _unique(directory / safe_filename(attachment.name, "piece-jointe"))
    _write(path, data)
    return path


def print_offer(offer: Offer, directory: Path, printer: str | None = None) -> PrintResult:
    """Write the offer as text and PDF into ``directory``; send the PDF to ``printer``
    with `lp` when one is given.

    Raises:
        PrinterError: `lp` is not installed, failed, or timed out (the files are written).
    """
    base = f"offre-{safe_filename(offer.reference, 'offre')}"
    text = offer_text(offer)
    text_path = _unique(directory / f"{base}.txt")
    _write(text_path, text.encode("utf-8"))
    pdf_path = _unique(directory / f"{base}.pdf")
    _write(pdf_path, write_pdf(text, title=f"Offre {offer.reference}"))
    if not printer:
        return PrintResult(text_path, pdf_path)
    lp = shutil.which("lp")
    if lp is None:
        raise PrinterError("la commande lp est introuvable (CUPS n'est pas installé)")
    try:
        done = subprocess.run(
            [lp, "-d", printer, "--", str(pdf_path)],
            capture_output=True,
            text=True,
            timeout=LP_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise PrinterError(f"l'imprimante {printer} ne répond pas") from exc
    if done.returncode != 0:
        detail = " ".join(done.stderr.split())[:200] or f"code {done.returncode}"
        raise PrinterError(f"lp a refusé l'impression ({detail})")
    return PrintResult(text_path, pdf_path, printer, " ".join(done.stdout.split()) or None)


# -- a minimal PDF writer: A4, Courier 10 pt, Latin-1 text, no dependency ---------------------
_PAGE_W, _PAGE_H = 595, 842
_MARGIN = 50
_FONT_SIZE = 10
_LEADING = 12
_COLUMNS = int((_PAGE_W - 2 * _MARGIN) / (_FONT_SIZE * 0.6))
_ROWS = int((_PAGE_H - 2 * _MARGIN) / _LEADING)


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def write_pdf(text: str, title: str = "") -> bytes:
    """A plain PDF of ``text`` in a monospaced font, wrapped at word boundaries."""
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        indent = len(line) - len(line.lstrip(" "))
        wrapped = textwrap.wrap(
            line,
            width=_COLUMNS,
            subsequent_indent=" " * indent,
            break_long_words=True,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [""])
    pages = [lines[i : i + _ROWS] for i in range(0, len(lines), _ROWS)] or [[]]

    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    page_ids = []
    for page in pages:
        ops = [b"BT", f"/F1 {_FONT_SIZE} Tf {_LEADING} TL".encode()]
        ops.append(f"{_MARGIN} {_PAGE_H - _MARGIN} Td".encode())
        for line in page:
            ops.append(_pdf_string(line) + b" Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                (
                    f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {_PAGE_W} {_PAGE_H}] "
                    f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
                ).encode()
            )
        )
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    info = add(b"<< /Title " + _pdf_string(title) + b" /Producer (pass-tui) >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)
