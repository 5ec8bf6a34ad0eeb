"""Files the offer screen writes: printable text and PDF, saved attachments, `lp` jobs.

Blocking work: the screens call these from thread workers.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pass_tui.data.errors import PrinterError
from pass_tui.data.models import Attachment, Offer
from pass_tui.data.publishing.render import offer_text
from pass_tui.i18n import _

__all__ = [
    "PrintResult",
    "PrinterError",
    "print_offer",
    "safe_filename",
    "save_attachment",
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
        raise ValueError(_("pièce jointe sans contenu (lien seulement)"))
    try:
        data = base64.b64decode(attachment.content, validate=True)
    except (ValueError, TypeError) as exc:
        raise ValueError(_("contenu de la pièce jointe illisible")) from exc
    path = _unique(directory / safe_filename(attachment.name, "piece-jointe"))
    _write(path, data)
    return path


def print_offer(offer: Offer, directory: Path, printer: str | None = None) -> PrintResult:
    """Write the offer as text and as a PDF document into ``directory``; send the PDF to
    ``printer`` with `lp` when one is given.

    Raises:
        PrinterError: `lp` is not installed, failed, or timed out (the files are written).
    """
    # fpdf2 (with Pillow) takes ~0.25 s to import: load it on the first print, not at start.
    from pass_tui.data.publishing.pdf import offer_pdf

    base = f"offre-{safe_filename(offer.reference, 'offre')}"
    text = offer_text(offer)
    document = offer_pdf(offer)  # laid out before anything is written
    text_path = _unique(directory / f"{base}.txt")
    _write(text_path, text.encode("utf-8"))
    pdf_path = _unique(directory / f"{base}.pdf")
    _write(pdf_path, document)
    if not printer:
        return PrintResult(text_path, pdf_path)
    lp = shutil.which("lp")
    if lp is None:
        raise PrinterError(_("la commande lp est introuvable (CUPS n'est pas installé)"))
    try:
        done = subprocess.run(
            [lp, "-d", printer, "--", str(pdf_path)],
            capture_output=True,
            text=True,
            timeout=LP_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise PrinterError(_("l'imprimante {printer} ne répond pas", printer=printer)) from exc
    if done.returncode != 0:
        detail = " ".join(done.stderr.split())[:200] or _("code {code}", code=str(done.returncode))
        raise PrinterError(_("lp a refusé l'impression ({detail})", detail=detail))
    return PrintResult(text_path, pdf_path, printer, " ".join(done.stdout.split()) or None)
