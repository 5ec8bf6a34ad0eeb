"""check_document: real sample documents accepted; every hostile variant refused with one
line naming the file and the reason."""

from __future__ import annotations

import os

import pytest

from pass_tui.data.candidates import documents
from pass_tui.data.candidates.documents import (
    AttachmentRefused,
    check_document,
    check_name,
    kilobytes,
)
from pass_tui.data.errors import BadInput
from pass_tui.i18n import set_language
from tests.data import sample_documents as samples

MAX = 1000 * 1024


@pytest.fixture(autouse=True)
def _french():
    set_language("fr")
    yield
    set_language("fr")


@pytest.mark.parametrize("kind", ["doc", "docx", "odt", "pdf", "rtf"])
def test_real_documents_are_accepted(kind: str) -> None:
    assert check_document(f"Mon CV.{kind}", samples.sample(kind), MAX) == kind


@pytest.mark.parametrize("kind", ["doc", "docx", "odt", "pdf", "rtf"])
def test_extension_is_case_insensitive(kind: str) -> None:
    assert check_document(f"MON CV.{kind.upper()}", samples.sample(kind), MAX) == kind


def refusal(name: str, data: bytes, max_bytes: int = MAX) -> str:
    with pytest.raises(AttachmentRefused) as caught:
        check_document(name, data, max_bytes)
    message = str(caught.value)
    assert "\n" not in message
    assert isinstance(caught.value, BadInput)
    return message


def test_png_renamed_pdf() -> None:
    assert refusal("photo.pdf", samples.png()) == (
        "photo.pdf : le contenu n'est pas un PDF (contenu : png)"
    )


def test_exe_renamed_docx() -> None:
    message = refusal("setup.docx", samples.exe())
    assert message == ("setup.docx : le contenu n'est pas un document Word (.docx) (contenu : exe)")


def test_zip_that_is_not_a_docx() -> None:
    message = refusal("notes.docx", samples.plain_zip())
    assert message.startswith("notes.docx : le contenu n'est pas un document Word (.docx)")


def test_docx_with_a_vba_project() -> None:
    message = refusal("cv.docx", samples.docx_with_macro())
    assert message == "cv.docx : document avec macros refusé (enregistrez-le sans macros)"


def test_stray_vba_project_part_anywhere() -> None:
    assert "macros" in refusal("cv.docx", samples.vba_part_only())


def test_docm_renamed_docx() -> None:
    assert "macros" in refusal("cv.docx", samples.docm_renamed())


def test_odt_with_basic_macros() -> None:
    assert "macros" in refusal("lettre.odt", samples.odt_with_basic())


def test_odt_whose_mimetype_is_a_spreadsheet() -> None:
    message = refusal("lettre.odt", samples.odt_spreadsheet_renamed())
    assert message.startswith("lettre.odt : le contenu n'est pas un document texte OpenDocument")


def test_doc_with_a_macros_storage() -> None:
    assert "macros" in refusal("cv.doc", samples.doc_with_macros())


def test_ole_file_that_is_not_word() -> None:
    message = refusal("classeur.doc", samples.ole_not_word())
    assert message == "classeur.doc : le contenu n'est pas un document Word 97-2003 (.doc)"


def test_docx_content_named_doc_is_refused() -> None:
    assert "(contenu : docx)" in refusal("cv.doc", samples.sample("docx"))


def test_zip_bomb_by_total_size() -> None:
    bomb = samples.zip_bomb(size=200 * 1024 * 1024)
    assert len(bomb) < MAX
    assert refusal("cv.docx", bomb) == (
        "cv.docx : archive suspecte (bombe de décompression) refusée"
    )


def test_zip_bomb_by_ratio() -> None:
    bomb = samples.zip_bomb(size=20 * 1024 * 1024)  # under the total cap, ratio ~1000:1
    assert "bombe" in refusal("cv.docx", bomb)


def test_zip_with_too_many_entries() -> None:
    assert "bombe" in refusal("cv.docx", samples.many_entries(documents.MAX_ZIP_ENTRIES + 1))


def test_nested_zip_is_not_opened() -> None:
    # An embedded part that is itself a ZIP bomb is never inflated: the outer document
    # passes on its own (small) directory.
    assert check_document("cv.docx", samples.nested_zip(), MAX) == "docx"


def test_path_in_the_name_is_refused() -> None:
    climbing = samples.climb("x.pdf")
    message = refusal(climbing, samples.sample("pdf"))
    assert message == (
        f"{climbing} : le nom ne doit contenir ni dossier ni chemin (pas de / ni de \\)"
    )
    assert "chemin" in refusal("C:\\temp\\x.pdf", samples.sample("pdf"))


def test_control_characters_are_stripped_from_names() -> None:
    assert check_name("cv\x1b[31m\u202e.pdf\x07") == "cv [31m.pdf"
    message = refusal("\x1b]0;x\x07.exe", samples.exe())
    assert "\x1b" not in message and "\x07" not in message


@pytest.mark.parametrize("name", ["", "   ", os.curdir, os.pardir])
def test_empty_names_are_refused(name: str) -> None:
    assert "nom de fichier vide" in refusal(name, samples.sample("pdf"))


def test_wrong_type() -> None:
    for name in ("setup.exe", "photo.png", "cv", "cv.docm", "cv.pdf.exe"):
        message = refusal(name, samples.sample("pdf"))
        assert message.endswith(
            "type de fichier refusé (formats acceptés : doc, docx, rtf, pdf, odt)"
        )


def test_1001_ko_is_refused_1000_accepted() -> None:
    pdf = samples.sample("pdf")
    at_limit = pdf + b"\n%" + b"0" * (MAX - len(pdf) - 2)
    assert len(at_limit) == MAX
    assert check_document("cv.pdf", at_limit, MAX) == "pdf"
    over = at_limit + b"0" * 1024
    assert (
        refusal("cv.pdf", over) == "cv.pdf : trop volumineux (1\u00a0001 Ko, au plus 1\u00a0000 Ko)"
    )


def test_empty_file() -> None:
    assert refusal("cv.pdf", b"") == "cv.pdf : fichier vide"


def test_damaged_archive() -> None:
    data = samples.sample("docx")
    assert "endommagée" in refusal("cv.docx", data[: len(data) // 2])


def test_english_messages() -> None:
    set_language("en")
    assert refusal("photo.pdf", samples.png()) == (
        "photo.pdf: the content is not a PDF (content: png)"
    )
    assert refusal("cv.docx", samples.docx_with_macro()) == (
        "cv.docx: document with macros refused (save it without macros)"
    )
    assert (
        refusal("cv.pdf", b"%PDF-" + b"0" * MAX) == "cv.pdf: too large (1,001 KB, at most 1,000 KB)"
    )


def test_kilobytes_rounds_up() -> None:
    assert kilobytes(1) == 1
    assert kilobytes(1024) == 1
    assert kilobytes(1025) == 2


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (samples.pdf_with_javascript, "PDF avec contenu actif refusé : JavaScript"),
        (samples.pdf_with_launch_action, "PDF avec contenu actif refusé : Launch"),
        (samples.pdf_with_embedded_file, "PDF avec contenu actif refusé : EmbeddedFiles"),
        # Compressed in an object stream: not in the file's bytes, found all the same.
        (
            samples.pdf_with_javascript_in_an_object_stream,
            "PDF avec contenu actif refusé : JavaScript",
        ),
        (samples.pdf_with_password, "PDF protégé par un mot de passe"),
    ],
)
def test_pdf_with_active_content_or_a_password_is_refused(build, reason: str) -> None:
    data = build()
    with pytest.raises(AttachmentRefused) as caught:
        check_document("cv.pdf", data, MAX)
    assert str(caught.value).startswith(f"cv.pdf : {reason}")
    assert "\n" not in str(caught.value)


def test_the_object_stream_sample_hides_its_javascript_from_a_byte_search() -> None:
    data = samples.pdf_with_javascript_in_an_object_stream()
    assert b"JavaScript" not in data and b"/ObjStm" in data


def test_a_damaged_pdf_is_refused_in_one_line() -> None:
    for data in (b"%PDF-1.7\n", b"%PDF-1.4\n" + os.urandom(4096), samples.sample("pdf")[:200]):
        with pytest.raises(AttachmentRefused, match=r"^cv\.pdf : PDF illisible ou endommagé$"):
            check_document("cv.pdf", data, MAX)


def test_rtf_with_an_embedded_object_is_refused() -> None:
    with pytest.raises(AttachmentRefused, match="document avec un objet incorporé refusé"):
        check_document("cv.rtf", samples.rtf_with_object(), MAX)
    # the words in the text are not control words
    plain = samples.sample("rtf").rstrip().rstrip(b"}") + b" objet, object, objdata.}"
    assert check_document("cv.rtf", plain, MAX) == "rtf"


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("cv.doc", samples.doc_with_embedded_object),
        ("cv.docx", samples.docx_with_embedded_object),
        ("cv.rtf", samples.rtf_with_object),
        ("cv.odt", samples.odt_with_embedded_object),
    ],
)
def test_documents_with_an_embedded_ole_object_are_refused(name: str, build) -> None:
    with pytest.raises(AttachmentRefused) as caught:
        check_document(name, build(), MAX)
    assert str(caught.value) == (
        f"{name} : document avec un objet incorporé refusé (enregistrez-le sans objet)"
    )


def test_the_doc_sample_holds_its_object_inside_object_pool() -> None:
    import olefile

    with olefile.OleFileIO(samples.doc_with_embedded_object()) as ole:
        entries = ole.listdir(streams=True, storages=True)
    assert ["ObjectPool", "\x01Ole"] in entries and ["WordDocument"] in entries


def test_an_odt_with_a_chart_is_accepted() -> None:
    assert check_document("cv.odt", samples.odt_with_chart(), MAX) == "odt"
