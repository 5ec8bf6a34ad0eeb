"""Checking a candidate's document before it is kept: its name, its size, its type by
extension AND by content, and no macros or ZIP bombs.

Accepted: doc, docx, rtf, pdf, odt (the extension, case-insensitive, names the type the
content must have):

* ``doc``: an OLE2 compound file (read with `olefile`) holding a ``WordDocument`` stream,
  no VBA storage (``Macros``, ``_VBA_PROJECT_CUR``, ``VBA``, ``_VBA_PROJECT``) and no
  embedded object (anything in ``ObjectPool``: the way Office exploits travel);
* ``rtf``: starts with ``{\\rtf``, with no embedded object (``\\object``, ``\\objdata``: the
  way Office exploits travel in RTF);
* ``pdf``: starts with ``%PDF-``, reads as a PDF (`pypdf`, object streams included) and
  has no active content: no JavaScript, launch, form-submission or data-import action, no
  embedded file, rich media or XFA form. A PDF locked with a password is refused (the
  recruiter could not open it either);
* ``docx``: a ZIP whose ``[Content_Types].xml`` declares the WordprocessingML main part
  (``…wordprocessingml.document.main+xml``), not the macro-enabled one (a .docm renamed
  .docx), and with no ``vbaProject.bin`` anywhere nor embedded OLE object
  (``oleObject1.bin``);
* ``odt``: a ZIP whose ``mimetype`` entry is ``application/vnd.oasis.opendocument.text``,
  with no ``Basic/`` or ``Scripts/`` folder (macros), no ``vbaProject.bin`` and no
  embedded OLE object (an ``Object 1`` file holding an OLE2 compound file).

ZIP files are only inspected in memory, never extracted: their directory is checked
against bounds first (entry count, total uncompressed size, compression ratio), then at
most two small entries are read, each with a size cap; entries that are ZIPs themselves
are never opened. XML is parsed without DTDs or entities.

Names: a name holding a path part (``/`` or ``\\``, so ``../../x.pdf``) is REFUSED, not
reduced to its base name: the candidate typed or chose it, so saying so is clearer than
storing something else. Control, bidirectional and zero-width characters are removed.

Every refusal is an :class:`AttachmentRefused` whose message is one line naming the file
and the reason: ``photo.pdf : le contenu n'est pas un PDF (contenu : png)``.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from typing import Final

import filetype
import olefile

from pass_tui.data.errors import AttachmentRefused, ImportFailed, LimitReached
from pass_tui.data.sources.pass_rss import safe_xml
from pass_tui.data.text import clean
from pass_tui.i18n import _

__all__ = [
    "DOCUMENT_TYPES",
    "MAX_NAME_LENGTH",
    "AttachmentRefused",
    "LimitReached",
    "check_document",
    "check_name",
    "check_size",
    "document_type",
    "kilobytes",
    "refused",
]

DOCUMENT_TYPES: Final = ("doc", "docx", "rtf", "pdf", "odt")
"""The accepted types, which are also the accepted extensions."""

MAX_NAME_LENGTH: Final = 200
"""Longest document name kept, in characters."""

# ZIP bounds. A real .docx/.odt of 1 000 Ko holds tens of entries and inflates ~10x.
MAX_ZIP_ENTRIES: Final = 2000
MAX_UNCOMPRESSED: Final = 100 * 1024 * 1024
MAX_RATIO: Final = 100  # uncompressed / compressed, per entry and overall
_RATIO_FLOOR: Final = 1024 * 1024  # entries smaller than this are not ratio-checked
_MAX_XML: Final = 1024 * 1024  # [Content_Types].xml read at most this much

DOCX_MAIN: Final = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
_MACRO_TYPES: Final = (
    "application/vnd.ms-word.document.macroenabled.main+xml",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
    "application/vnd.ms-office.vbaproject",
    "application/vnd.ms-office.activex",
)
ODT_MIMETYPE: Final = b"application/vnd.oasis.opendocument.text"
_OLE_MACRO_NAMES: Final = frozenset({"macros", "_vba_project_cur", "vba", "_vba_project"})

_CONTENT_NAMES = {
    "doc": "document Word 97-2003 (.doc)",
    "docx": "document Word (.docx)",
    "rtf": "document RTF",
    "pdf": "PDF",
    "odt": "document texte OpenDocument (.odt)",
}


def refused(name: str, reason: str) -> AttachmentRefused:
    """The error for document ``name`` refused for ``reason`` (one line)."""
    shown = clean(name)[:MAX_NAME_LENGTH] or _("document sans nom")
    return AttachmentRefused(_("{name} : {reason}", name=shown, reason=reason))


def kilobytes(size: int) -> int:
    """A size in Ko as people read it: rounded up, so 1 byte is 1 Ko, never 0."""
    return -(-size // 1024)


def check_name(name: str) -> str:
    """The document name to keep: cleaned, without any folder part.

    Raises:
        AttachmentRefused: The name holds a path part (``/``, ``\\``), is empty, ``.``,
            ``..`` or longer than :data:`MAX_NAME_LENGTH`.
    """
    text = clean(name)
    if "/" in text or "\\" in text:
        raise refused(text, _("le nom ne doit contenir ni dossier ni chemin (pas de / ni de \\)"))
    if text in ("", ".", ".."):
        raise refused(text, _("nom de fichier vide"))
    if len(text) > MAX_NAME_LENGTH:
        raise refused(
            text,
            _("nom trop long (plus de {count} caractères)", count=MAX_NAME_LENGTH),
        )
    return text


def document_type(name: str) -> str:
    """The type the extension of ``name`` announces ("pdf", "docx"…).

    Raises:
        AttachmentRefused: The extension is missing or not an accepted one.
    """
    _stem, dot, ext = name.rpartition(".")
    ext = ext.lower()
    if not dot or ext not in DOCUMENT_TYPES:
        raise refused(
            name,
            _(
                "type de fichier refusé (formats acceptés : {types})",
                types=", ".join(DOCUMENT_TYPES),
            ),
        )
    return ext


def check_size(name: str, size: int, max_bytes: int) -> None:
    """Refuse a document of ``size`` bytes over ``max_bytes`` (or empty).

    Raises:
        AttachmentRefused: Naming the size and the limit in Ko.
    """
    if size <= 0:
        raise refused(name, _("fichier vide"))
    if size > max_bytes:
        raise refused(
            name,
            _(
                "trop volumineux ({size} Ko, au plus {max} Ko)",
                size=kilobytes(size),
                max=max_bytes // 1024,
            ),
        )


def check_document(name: str, data: bytes, max_bytes: int) -> str:
    """Check a document's name, size and content; return its type ("pdf", "docx"…).

    Args:
        name: The document's name, as the candidate gave it (its extension counts).
        data: The whole content.
        max_bytes: The size limit (``attachment_max_kb * 1024``).

    Raises:
        AttachmentRefused: One line naming the file and the reason.
    """
    name = check_name(name)
    kind = document_type(name)
    check_size(name, len(data), max_bytes)
    _CHECKS[kind](name, data)
    return kind


def _not_a(name: str, data: bytes, kind: str) -> AttachmentRefused:
    """The content is not what the extension ``kind`` announces."""
    what = _(_CONTENT_NAMES[kind])
    guess = filetype.guess(data[:8192])
    if guess is not None and guess.extension != kind:
        return refused(
            name,
            _(
                "le contenu n'est pas un {what} (contenu : {actual})",
                what=what,
                actual=guess.extension,
            ),
        )
    return refused(name, _("le contenu n'est pas un {what}", what=what))


def _embedded_object(name: str) -> AttachmentRefused:
    return refused(name, _("document avec un objet incorporé refusé (enregistrez-le sans objet)"))


def _macros(name: str) -> AttachmentRefused:
    return refused(name, _("document avec macros refusé (enregistrez-le sans macros)"))


# Names that make a PDF do something when opened or clicked, or carry other files: as a
# dictionary key or as an action's type (/S).
_PDF_ACTIVE: Final = frozenset(
    {
        "/JavaScript",
        "/JS",
        "/Launch",
        "/SubmitForm",
        "/ImportData",
        "/EmbeddedFile",
        "/EmbeddedFiles",
        "/RichMedia",
        "/XFA",
    }
)
_PDF_MAX_OBJECTS: Final = 200_000  # a 1 000 Ko file holds far fewer; more is a trap

# An embedded OLE object in OOXML (word/embeddings/oleObject1.bin).
_OOXML_OLE_OBJECT: Final = re.compile(r"oleobject\d*\.bin")

# An embedded object in ODF ("Object 1"), and the first bytes of an OLE2 compound file.
_ODF_OBJECT: Final = re.compile(r"Object \d+")
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# An embedded OLE object in RTF: the control word, then anything but a letter.
_RTF_OBJECT: Final = re.compile(rb"\\obj(?:ect|data)(?![a-zA-Z])")


def _check_pdf(name: str, data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise _not_a(name, data, "pdf")
    found = _pdf_active_content(name, data)
    if found is not None:
        raise refused(
            name,
            _(
                "PDF avec contenu actif refusé : {what} (enregistrez-le de nouveau en PDF simple)",
                what=found.lstrip("/"),
            ),
        )


def _pdf_active_content(name: str, data: bytes) -> str | None:
    """The first active-content name found in any object of the PDF, or None.

    Every object reachable from the trailer is visited once (object streams are read
    by pypdf), so nothing hides in a compressed stream's dictionary.

    Raises:
        AttachmentRefused: Unreadable, password-protected, or absurdly many objects.
    """
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings name no person
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise refused(
                name, _("PDF protégé par un mot de passe (enregistrez-le sans mot de passe)")
            )
        seen: set[tuple[int, int]] = set()
        stack: list[object] = [reader.trailer]
        visited = 0
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                if (item.idnum, item.generation) in seen:
                    continue
                seen.add((item.idnum, item.generation))
                item = item.get_object()
            visited += 1
            if visited > _PDF_MAX_OBJECTS:
                raise refused(name, _("PDF illisible ou endommagé"))
            if isinstance(item, DictionaryObject):
                for key, value in item.items():
                    if key in _PDF_ACTIVE:
                        return str(key)
                    if key == "/S" and value in _PDF_ACTIVE:
                        return str(value)
                    stack.append(value)
            elif isinstance(item, ArrayObject):
                stack.extend(item)
    except AttachmentRefused:
        raise
    except Exception:  # pypdf raises many types on damaged or hostile files
        raise refused(name, _("PDF illisible ou endommagé")) from None
    return None


def _check_rtf(name: str, data: bytes) -> None:
    if not data.startswith(b"{\\rtf"):
        raise _not_a(name, data, "rtf")
    if _RTF_OBJECT.search(data):
        raise _embedded_object(name)


def _check_doc(name: str, data: bytes) -> None:
    if not olefile.isOleFile(data=data):
        raise _not_a(name, data, "doc")
    try:
        with olefile.OleFileIO(data) as ole:
            entries = ole.listdir(streams=True, storages=True)
    except Exception:  # olefile raises many types on damaged files
        raise refused(name, _("document Word (.doc) illisible ou endommagé")) from None
    if any(part.lower() in _OLE_MACRO_NAMES for entry in entries for part in entry):
        raise _macros(name)
    if any(len(entry) > 1 and entry[0].lower() == "objectpool" for entry in entries):
        raise _embedded_object(name)
    if ["WordDocument"] not in entries:
        raise refused(
            name,
            _("le contenu n'est pas un {what}", what=_(_CONTENT_NAMES["doc"])),
        )


def _open_zip(name: str, data: bytes, kind: str) -> zipfile.ZipFile:
    """The ZIP in ``data``, its directory checked against the bounds (nothing inflated)."""
    if not data.startswith(b"PK\x03\x04"):
        raise _not_a(name, data, kind)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise refused(name, _("archive endommagée ou illisible")) from None
    bomb = refused(name, _("archive suspecte (bombe de décompression) refusée"))
    if len(infos) > MAX_ZIP_ENTRIES:
        raise bomb
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if total > MAX_UNCOMPRESSED or (total > _RATIO_FLOOR and total > MAX_RATIO * max(packed, 1)):
        raise bomb
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise bomb
        base = info.filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
        if base == "vbaproject.bin":
            raise _macros(name)
        if _OOXML_OLE_OBJECT.fullmatch(base):
            raise _embedded_object(name)
    return archive


def _read_entry(name: str, archive: zipfile.ZipFile, entry: str, limit: int) -> bytes | None:
    """Entry ``entry`` of ``archive``, or None if absent; at most ``limit`` bytes inflated."""
    try:
        info = archive.getinfo(entry)
    except KeyError:
        return None
    if info.file_size > limit:
        raise refused(name, _("archive suspecte (bombe de décompression) refusée"))
    return _read_head(name, archive, info, limit + 1)


def _read_head(
    name: str, archive: zipfile.ZipFile, entry: str | zipfile.ZipInfo, size: int
) -> bytes:
    """The first ``size`` bytes of entry ``entry`` (nothing more is inflated)."""
    try:
        with archive.open(entry) as fh:
            return fh.read(size)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError, EOFError, OSError):
        # RuntimeError: encrypted entry; NotImplementedError: unknown compression
        raise refused(name, _("archive endommagée ou illisible")) from None


def _check_docx(name: str, data: bytes) -> None:
    with _open_zip(name, data, "docx") as archive:
        raw = _read_entry(name, archive, "[Content_Types].xml", _MAX_XML)
        if raw is None:
            raise _not_a(name, data, "docx")
        try:
            root = safe_xml(raw, source=name)
        except ImportFailed:
            raise refused(name, _("document Word (.docx) illisible ou endommagé")) from None
        types: dict[str, str] = {}  # part name or "*.ext" -> content type, lower-case
        for element in root:
            tag = element.tag.rsplit("}", 1)[-1]
            content_type = element.get("ContentType", "").strip().lower()
            if tag == "Override":
                types[element.get("PartName", "").lstrip("/")] = content_type
            elif tag == "Default":
                types["*." + element.get("Extension", "").lower()] = content_type
        if any(t in _MACRO_TYPES for t in types.values()):
            raise _macros(name)
        mains = [part for part, t in types.items() if t == DOCX_MAIN]
        names = set(archive.namelist())
        if not mains or not all(part in names for part in mains):
            raise _not_a(name, data, "docx")


def _check_odt(name: str, data: bytes) -> None:
    with _open_zip(name, data, "odt") as archive:
        mimetype = _read_entry(name, archive, "mimetype", 256)
        if mimetype is None or mimetype.strip() != ODT_MIMETYPE:
            raise _not_a(name, data, "odt")
        entries = archive.namelist()
        if "content.xml" not in entries:
            raise _not_a(name, data, "odt")
        if any(e.lower().startswith(("basic/", "scripts/")) for e in entries):
            raise _macros(name)
        for entry in entries:
            # An object is a folder ("Object 1/": a chart, a formula) or, for an OLE
            # object, a file holding an OLE2 compound file.
            if not entry.endswith("/") and _ODF_OBJECT.fullmatch(entry.rsplit("/", 1)[-1]):
                head = _read_head(name, archive, entry, len(_OLE_MAGIC))
                if head == _OLE_MAGIC:
                    raise _embedded_object(name)


_CHECKS = {
    "doc": _check_doc,
    "docx": _check_docx,
    "rtf": _check_rtf,
    "pdf": _check_pdf,
    "odt": _check_odt,
}
