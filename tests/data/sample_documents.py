"""Real sample documents (tests/fixtures/documents) and hostile variants built from them."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


def sample(kind: str) -> bytes:
    """The real sample document of type ``kind`` ("doc", "docx", "odt", "pdf", "rtf")."""
    return (FIXTURES / f"cv.{kind}").read_bytes()


def png() -> bytes:
    return (FIXTURES / "photo.png").read_bytes()


def exe() -> bytes:
    """The start of a Windows PE executable: DOS stub pointing at a PE header."""
    stub = bytearray(b"MZ" + b"\x90\x00" * 29 + b"\x00" * 2)
    stub += b"\x00" * (0x3C - len(stub)) + struct.pack("<I", 0x80)
    stub += b"\x00" * (0x80 - len(stub)) + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 200
    return bytes(stub)


def eicar() -> bytes:
    """The EICAR anti-virus test string (assembled here so no scanner flags this file)."""
    return b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-" + b"FILE!$H+H*"


def rezip(
    data: bytes,
    *,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> bytes:
    """A copy of ZIP ``data`` with entries replaced, added or dropped."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            content = replace.get(info.filename, src.read(info))
            dst.writestr(info, content)
        for name, content in (add or {}).items():
            dst.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def plain_zip() -> bytes:
    """A ZIP that is not a document: two text files."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("notes.txt", "des notes\n")
        archive.writestr("photos/readme.txt", "rien\n")
    return out.getvalue()


def docx_with_macro() -> bytes:
    """The sample .docx with a VBA project part, as Word writes it in a .docm."""
    data = sample("docx")
    types = _content_types(data)
    types = types.replace(
        b"</Types>",
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    return rezip(
        data,
        replace={"[Content_Types].xml": types},
        add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 2000},
    )


def vba_part_only() -> bytes:
    """The sample .docx with a stray ``vbaProject.bin`` and nothing declaring it."""
    return rezip(sample("docx"), add={"customXml/VBAPROJECT.BIN": b"\x00" * 100})


def docm_renamed() -> bytes:
    """A .docm (macro-enabled main part) that will be named .docx."""
    data = sample("docx")
    types = _content_types(data).replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    return rezip(data, replace={"[Content_Types].xml": types})


def odt_with_basic() -> bytes:
    """The sample .odt with a Basic macro library, as LibreOffice stores one."""
    module = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<script:module xmlns:script="http://openoffice.org/2000/script" '
        b'script:name="Module1" script:language="StarBasic">Sub Main\nShell("sh")\nEnd Sub'
        b"</script:module>"
    )
    return rezip(
        sample("odt"),
        add={"Basic/Standard/Module1.xml": module, "Basic/Standard/script-lb.xml": b"<x/>"},
    )


def odt_spreadsheet_renamed() -> bytes:
    """An OpenDocument whose mimetype says spreadsheet."""
    return rezip(
        sample("odt"), replace={"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}
    )


def doc_with_macros() -> bytes:
    """The sample .doc whose "1Table" stream is turned into a "Macros" storage, the storage
    Word keeps VBA projects in (same name length: the directory stays valid)."""
    data = bytearray(sample("doc"))
    old = "1Table".encode("utf-16-le")
    at = data.find(old)
    assert at > 0 and at % 128 == 0, "directory entry not found"
    data[at : at + len(old)] = "Macros".encode("utf-16-le")
    data[at + 66] = 1  # entry type: storage
    return bytes(data)


def ole_not_word() -> bytes:
    """An OLE2 file without a WordDocument stream (as an .xls or an .msi would be)."""
    data = bytearray(sample("doc"))
    old = "WordDocument".encode("utf-16-le")
    at = data.find(old)
    assert at > 0
    data[at : at + len(old)] = "Workbook\x00\x00\x00\x00".encode("utf-16-le")
    data[at + 64] = (len("Workbook") + 1) * 2
    return bytes(data)


def zip_bomb(kind: str = "docx", size: int = 200 * 1024 * 1024) -> bytes:
    """The sample ``kind`` plus one entry of ``size`` zero bytes (deflates ~1000:1)."""
    out = io.BytesIO()
    base = sample(kind)
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        info = zipfile.ZipInfo("word/media/zeros.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as entry:  # streamed, never held inflated
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                entry.write(chunk)
    return out.getvalue()


def many_entries(count: int = 5000) -> bytes:
    """The sample .docx plus ``count`` tiny entries."""
    return rezip(sample("docx"), add={f"word/x/{i}.xml": b"<a/>" for i in range(count)})


def nested_zip() -> bytes:
    """The sample .docx carrying a ZIP bomb as an embedded part: never opened, but bounded."""
    return rezip(sample("docx"), add={"word/embeddings/inner.zip": zip_bomb("docx", 8 << 20)})


def _content_types(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("[Content_Types].xml")
