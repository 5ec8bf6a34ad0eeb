"""Real sample documents (tests/fixtures/documents) and hostile variants built from them."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


def climb(*parts: str, levels: int = 2) -> str:
    """A hostile relative path going ``levels`` folders up, then ``parts``: climb("x.pdf")
    is the name "x.pdf" two parent folders up. (Built from os.pardir: literal climbs in
    tests are flagged by test_self_contained, which guards what tests read.)"""
    return "/".join([os.pardir] * levels + list(parts))


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


# -- PDFs with active content ---------------------------------------------------------------


def _pdf(build) -> bytes:  # type: ignore[no-untyped-def]
    """A one-page PDF made with pypdf's writer, changed by ``build(writer)``."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    build(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_javascript() -> bytes:
    """Document-level JavaScript (the catalog's /Names /JavaScript tree)."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    def build(writer) -> None:  # type: ignore[no-untyped-def]
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('bonjour');"),
            }
        )
        tree = DictionaryObject(
            {NameObject("/Names"): ArrayObject([TextStringObject("a"), writer._add_object(action)])}
        )
        names = DictionaryObject({NameObject("/JavaScript"): writer._add_object(tree)})
        writer._root_object[NameObject("/Names")] = writer._add_object(names)

    return _pdf(build)


def pdf_with_launch_action() -> bytes:
    """An /OpenAction that launches a program when the PDF is opened."""
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    def build(writer) -> None:  # type: ignore[no-untyped-def]
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/Launch"),
                NameObject("/F"): TextStringObject("calc.exe"),
            }
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return _pdf(build)


def pdf_with_embedded_file() -> bytes:
    return _pdf(lambda writer: writer.add_attachment("outil.exe", exe()))


def pdf_with_password() -> bytes:
    return _pdf(lambda writer: writer.encrypt(user_password="secret", algorithm="RC4-128"))


def pdf_with_javascript_in_an_object_stream() -> bytes:
    """A PDF 1.5 file whose /OpenAction JavaScript sits compressed in an object stream,
    listed by a cross-reference stream: invisible to a search of the file's bytes."""
    import zlib

    action = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
    header = b"5 0 "
    objstm_body = zlib.compress(header + action)
    parts: list[bytes] = [b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"]
    offsets: dict[int, int] = {}

    def add(number: int, body: bytes) -> None:
        offsets[number] = sum(len(p) for p in parts)
        parts.append(b"%d 0 obj\n" % number + body + b"\nendobj\n")

    add(1, b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>")
    add(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    add(
        4,
        b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(header), len(objstm_body))
        + objstm_body
        + b"\nendstream",
    )
    xref_offset = sum(len(p) for p in parts)
    rows = [b"\x00" + struct.pack(">I", 0) + b"\xff\xff"]
    rows += [b"\x01" + struct.pack(">I", offsets[n]) + b"\x00\x00" for n in (1, 2, 3, 4)]
    rows.append(b"\x02" + struct.pack(">I", 4) + b"\x00\x00")  # object 5: in stream 4, #0
    rows.append(b"\x01" + struct.pack(">I", xref_offset) + b"\x00\x00")  # object 6: itself
    table = b"".join(rows)
    parts.append(
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % len(table)
        + table
        + b"\nendstream\nendobj\n"
    )
    parts.append(b"startxref\n%d\n%%%%EOF\n" % xref_offset)
    return b"".join(parts)


def rtf_with_object() -> bytes:
    """An RTF document carrying an embedded OLE object (hex data shortened)."""
    body = sample("rtf").rstrip().rstrip(b"}")
    return body + b"{\\object\\objemb{\\*\\objclass Equation.3}{\\*\\objdata 01050000}}}"


def doc_with_embedded_object() -> bytes:
    """The sample .doc with an "ObjectPool" storage holding a stream, where Word keeps
    embedded OLE objects: "1Table" (a leaf of the directory tree) becomes that storage,
    and the "\\x01Ole" stream moves inside it (its parent now points at ObjectPool)."""
    data = bytearray(sample("doc"))

    def entry(name: str) -> int:
        at = data.find(name.encode("utf-16-le") + b"\x00\x00")
        assert at > 0 and at % 128 == 0, f"directory entry {name!r} not found"
        return at

    comp_obj, ole, table = entry("\x01CompObj"), entry("\x01Ole"), entry("1Table")
    ole_index = struct.unpack("<I", data[comp_obj + 68 : comp_obj + 72])[0]
    table_index = struct.unpack("<I", data[ole + 72 : ole + 76])[0]
    name = "ObjectPool".encode("utf-16-le") + b"\x00\x00"
    data[table : table + 64] = name.ljust(64, b"\x00")
    data[table + 64 : table + 66] = struct.pack("<H", len(name))
    data[table + 66] = 1  # a storage
    data[table + 76 : table + 80] = struct.pack("<I", ole_index)  # holding \x01Ole
    data[table + 116 : table + 124] = b"\x00" * 8  # a storage has no stream
    data[comp_obj + 68 : comp_obj + 72] = struct.pack("<I", table_index)
    data[ole + 68 : ole + 76] = b"\xff" * 8  # no siblings any more
    return bytes(data)


def docx_with_embedded_object() -> bytes:
    """The sample .docx with an OLE object in word/embeddings, as Word writes it."""
    return rezip(
        sample("docx"),
        add={"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 2000},
    )


def odt_with_embedded_object() -> bytes:
    """The sample .odt with an OLE object ("Object 1", an OLE2 compound file), as
    LibreOffice stores one pasted from Office."""
    return rezip(sample("odt"), add={"Object 1": sample("doc")})


def odt_with_chart() -> bytes:
    """The sample .odt with an ODF subdocument ("Object 1/": a chart): accepted."""
    return rezip(
        sample("odt"),
        add={"Object 1/content.xml": b"<office:document-content/>", "Object 1/styles.xml": b"<x/>"},
    )
