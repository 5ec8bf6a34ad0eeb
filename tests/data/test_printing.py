"""The printed offer: text and PDF files, `lp`, and the PDF document read back with pypdf."""

from __future__ import annotations

import functools
import io
import re
import stat
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from pass_tui.data.errors import PrinterError
from pass_tui.data.models import Attachment, Offer
from pass_tui.data.publishing import pdf as pdf_module
from pass_tui.data.publishing.pdf import offer_pdf, printable
from pass_tui.data.publishing.printing import print_offer
from pass_tui.i18n import ENGLISH, set_language
from tests.factories import fake_lp

REPO = Path(__file__).resolve().parents[2]
REFERENCE = "2026-100100"
URL = "https://choisirleservicepublic.gouv.fr/offre-emploi/2026-100100/"
DESCRIPTION = (
    "Au sein de la direction du numérique, vous participez à la refonte du site de "
    "l'Île-de-France.\n"
    "\n"
    "Vos missions :\n"
    "- développer les pages « Démarches » en Python\n"
    "- rédiger la documentation, une œuvre collective\n"
    "- tester l'accessibilité avec l'équipe"
)
PROFILE = "- Bac+2 en informatique\n- Goût du travail en équipe"
HOW_TO_APPLY = "Envoyez votre CV avant le 15 janvier – l’entretien a lieu sur place."

# Labels a French document shows; each has a different English translation.
FRENCH_LABELS = [
    "Référence",
    "Nature de l'emploi",
    "Date de publication",
    "Date limite de candidature",
    "Employeur",
    "Niveau d'études",
    "Région",
    "Ville",
    "Durée",
    "Description du poste",
    "Profil recherché",
    "Comment postuler",
    "Candidature par e-mail",
    "Pièces jointes",
    "Adresse de l'offre",
]


@pytest.fixture(autouse=True)
def _french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("fr")


def make_offer(**changes: object) -> Offer:
    data: dict[str, object] = {
        "reference": REFERENCE,
        "title": "Apprenti(e) développeur web",
        "nature": "Apprentissage",
        "employer": "Préfecture de la région Île-de-France",
        "city": "Paris",
        "department": "75",
        "level": 5,
        "duration": "24 mois",
        "published": date(2026, 11, 25),
        "closing": date(2027, 1, 15),
        "start_date": date(2027, 9, 1),
        "description": DESCRIPTION,
        "profile": PROFILE,
        "how_to_apply": HOW_TO_APPLY,
        "contact_email": "recrutement@exemple.gouv.fr",
        "contact_phone": "01 23 45 67 89",
        "apply_by_email": True,
        "attachments": [
            Attachment(name="fiche-de-poste.pdf", content="JVBERi0="),
            Attachment(name="Plaquette.pdf", url="https://exemple.gouv.fr/plaquette.pdf"),
        ],
        "source_url": URL,
    }
    data.update(changes)
    return Offer.model_validate(data)


def read(document: bytes) -> PdfReader:
    assert document.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(document))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def runs(reader: PdfReader, index: int = 0) -> list[tuple[str, float, str, float, float]]:
    """The text shown on a page: (text, font size, font name, x, y) per text operation."""
    found: list[tuple[str, float, str, float, float]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            name = str(font.get("/BaseFont", "")) if font else ""
            found.append((text.strip(), size * tm[0], name, tm[4], tm[5]))

    reader.pages[index].extract_text(visitor_text=visit)
    return found


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    path = pdf_module.FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    font = TTFont(path)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def text_width(text: str, font: str, size: float) -> float:
    """The width in points of ``text`` drawn in the embedded font."""
    cmap, metrics, units = _advances("Bold" in font)
    return sum(metrics[cmap[ord(c)]][0] for c in text if ord(c) in cmap) * size / units


def assert_inside_page(reader: PdfReader) -> None:
    """Every text run starts and ends inside the page's margins (nothing overflows)."""
    for index, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        margin = pdf_module.MARGIN * 72 / 25.4
        for text, size, font, x, y in runs(reader, index):
            assert margin - 1 <= x, (index, text)
            assert x + text_width(text, font, size) <= width - margin + 1, (index, text[:60])
            assert 0 < y < height, (index, text)


# -- the files print_offer writes ----------------------------------------------------------
def test_print_offer_writes_text_and_a_pdf_document(tmp_path: Path) -> None:
    offer = make_offer()
    done = print_offer(offer, tmp_path)
    assert done.text == tmp_path / f"offre-{REFERENCE}.txt"
    assert done.pdf == tmp_path / f"offre-{REFERENCE}.pdf"
    assert "Intitulé du poste : Apprenti(e) développeur web" in done.text.read_text()
    reader = read(done.pdf.read_bytes())
    assert "Apprenti(e) développeur web" in reader.pages[0].extract_text()
    assert stat.S_IMODE(done.pdf.stat().st_mode) == 0o600
    again = print_offer(offer, tmp_path)  # never overwrites: a new name each time
    assert again.pdf == tmp_path / f"offre-{REFERENCE}-1.pdf"
    assert again.text == tmp_path / f"offre-{REFERENCE}-1.txt"
    assert done.printer is None and done.job is None


def test_print_offer_sends_the_pdf_to_lp(tmp_path: Path, monkeypatch) -> None:
    lp, log = fake_lp(tmp_path, monkeypatch, "request id is accueil-7")
    done = print_offer(make_offer(), tmp_path / "exports", printer="accueil")
    assert log.read_text().split() == ["-d", "accueil", "--", str(done.pdf)]
    assert done.printer == "accueil" and done.job == "request id is accueil-7"
    lp.write_text("#!/bin/sh\necho 'lp: unknown printer' >&2\nexit 1\n")
    with pytest.raises(PrinterError, match="unknown printer"):
        print_offer(make_offer(), tmp_path / "exports", printer="nulle-part")


def test_the_pdf_library_loads_on_the_first_print_not_at_start() -> None:
    code = (
        "import sys\n"
        "import pass_tui.data.publishing.printing, pass_tui.screens.offer\n"
        "print('fpdf' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# -- the document --------------------------------------------------------------------------
def test_title_is_a_large_bold_heading_on_page_one() -> None:
    reader = read(offer_pdf(make_offer()))
    shown = runs(reader)
    title = [r for r in shown if r[0] == "Apprenti(e) développeur web"]
    assert title, shown[:5]
    body = [r for r in shown if r[0].startswith("Au sein de la direction")]
    assert body, shown
    _, title_size, title_font, _, title_y = title[0]
    _, body_size, body_font, _, body_y = body[0]
    assert title_size >= 1.6 * body_size
    assert title_size == max(r[1] for r in shown)
    assert "Bold" in title_font and "Bold" not in body_font
    assert title_y > body_y  # above the body on the page


def test_key_facts_then_sections_in_reading_order() -> None:
    text = "\n".join(page_texts(read(offer_pdf(make_offer()))))
    order = [
        "Apprenti(e) développeur web",
        "Référence",
        "Nature de l'emploi",
        "Employeur",
        "Ville",
        "Date de début",
        "Adresse de l'offre",
        "Description du poste",
        "Profil recherché",
        "Comment postuler",
        "Pièces jointes",
    ]
    positions = [text.find(label) for label in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    for fact in (REFERENCE, "Apprentissage", "15/01/2027", "24 mois", "Paris"):
        assert fact in text
    how = text[text.find("Comment postuler") :]
    assert "recrutement@exemple.gouv.fr" in how and "oui" in how
    assert "Envoyez votre CV" in how
    attachments = text[text.find("Pièces jointes") :]
    assert (
        "fiche-de-poste.pdf" in attachments
        and "https://exemple.gouv.fr/plaquette.pdf" in attachments
    )


def test_dash_lines_become_bullets() -> None:
    text = "\n".join(page_texts(read(offer_pdf(make_offer()))))
    assert "• développer les pages « Démarches » en Python" in text
    assert "• Goût du travail en équipe" in text
    assert not re.search(r"^- ", text, re.MULTILINE)


def test_metadata_names_the_offer_and_its_language() -> None:
    reader = read(offer_pdf(make_offer(title="Chargé·e de mission\u202e numérique")))
    assert reader.metadata.title == "Chargé·e de mission numérique"
    assert reader.metadata.author == "PASS – pass-tui"
    assert reader.metadata.creator == "PASS – pass-tui"
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_french_typography_round_trips() -> None:
    words = "Île-de-France, « œuvre » d’art – 5 € … Œdipe — ça"
    reader = read(offer_pdf(make_offer(title=f"Stage {words}", description=words)))
    first = " ".join(reader.pages[0].extract_text().split())  # the title wraps
    assert first.count(words) == 2  # title and description
    fonts = {r[2] for r in runs(reader)}
    assert all("DejaVuSans" in font for font in fonts), fonts  # embedded, no core font


def test_footer_with_reference_address_and_page_numbers_on_every_page() -> None:
    description = "\n\n".join(
        f"Paragraphe {n} : " + " ".join(f"mot{n}x{i}" for i in range(60)) for n in range(40)
    )
    reader = read(offer_pdf(make_offer(description=description)))
    count = len(reader.pages)
    assert count >= 3
    for number, text in enumerate(page_texts(reader), start=1):
        assert f"Offre {REFERENCE}" in text
        assert URL in text
        assert f"page {number} / {count}" in text
        footer = [r for r in runs(reader, number - 1) if r[0].startswith("page ")]
        assert footer and footer[0][4] < 90  # below the body text, which stops 32 mm up


def test_a_20000_character_description_loses_nothing() -> None:
    vocabulary = ["agent", "équipe", "mission", "données", "œuvre", "formation", "public"]
    lines = []
    n = 0
    while sum(len(line) + 1 for line in lines) < 20_000:
        words = " ".join(f"{vocabulary[i % len(vocabulary)]}{n + i}" for i in range(25))
        lines.append(f"- {words}" if n % 3 else words)
        n += 25
    description = "\n".join(lines)[:20_000].rsplit(" ", 1)[0]
    assert len(description) > 19_900
    reader = read(offer_pdf(make_offer(description=description)))
    assert len(reader.pages) >= 5
    extracted = set(" ".join(page_texts(reader)).split())
    expected = set(description.split()) - {"-"}
    missing = expected - extracted
    assert not missing, sorted(missing)[:10]
    assert_inside_page(reader)


def test_labels_follow_the_interface_language() -> None:
    set_language("en")
    reader = read(offer_pdf(make_offer()))
    text = "\n".join(page_texts(reader))
    for label in FRENCH_LABELS:
        assert ENGLISH[label] != label
        assert ENGLISH[label] in text, label
        assert label not in text, label
    assert f"Offer {REFERENCE}" in text and "Offre" not in text
    assert f"page 1 / {len(reader.pages)}" in text
    assert "Apply by e-mail" in text and "yes" in text
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_french_labels_by_default() -> None:
    text = "\n".join(page_texts(read(offer_pdf(make_offer()))))
    for label in FRENCH_LABELS:
        assert label in text, label
        assert ENGLISH[label] not in text, label


def test_an_offer_with_only_the_required_fields() -> None:
    offer = Offer(reference="R-1", title="Stagiaire", nature="Stage", published=date(2026, 1, 1))
    text = read(offer_pdf(offer)).pages[0].extract_text()
    assert "Stagiaire" in text and "Référence" in text and "page 1 / 1" in text
    for heading in ("Description du poste", "Profil recherché", "Comment postuler"):
        assert heading not in text


def test_hostile_text_never_breaks_the_document() -> None:
    long_word = "anticonstitutionnellement" * 20  # 500 letters, no break
    long_url = "https://exemple.fr/" + "dossier/" * 50
    offer = make_offer().model_copy(  # no validation: the text reaches the PDF as it is
        update={
            "reference": "R\x00-\x1b[31m-1",
            "title": "\u202eTitre\u200b \u2066piégé\u2069 \ufeff🎉 中文 " + long_word,
            "employer": "",
            "description": (
                "Ligne\x00avec\x07contrôles\x1b et {nb} \\ ( ) %\n"
                "zéro\u200blargeur\u200d \u202edroite-à-gauche\u202c \ud800 seul\n"
                f"- {long_word}\n"
                f"{long_url}\n" + "\n" * 30 + "\tfin"
            ),
            "profile": "",
            "how_to_apply": "",
            "contact_email": "javascript:alert(1)",
            "source_url": long_url,
        }
    )
    reader = read(offer_pdf(offer))
    text = "\n".join(page_texts(reader))
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]", text)
    assert not re.search("[\ud800-\udfff]", text)
    flat = re.sub(r"\s+", "", text)
    assert flat.count(long_word) >= 2  # title and description, broken across lines, whole
    assert long_url in flat
    assert "{nb}" in text and "Ligneaveccontrôles" in flat
    assert "zérolargeur" in flat and "droite-à-gauche" in flat
    assert "\ufffd" in text  # emoji and ideographs become a visible replacement mark
    title = reader.metadata.title
    assert title.startswith("Titre piégé 🎉 中文") and "\u202e" not in title
    links = [
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert not any("javascript" in str(uri) for uri in links)
    assert_inside_page(reader)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x00b\x1bc", "abc"),
        ("zéro\u200blargeur\u200d\ufeff", "zérolargeur"),
        ("\u202eabc\u202c \u2067def\u2069", "abc def"),
        ("« œuvre » – — … € ’", "« œuvre » – — … € ’"),
        ("prix\u00a010\u202f€", "prix\u00a010\u202f€"),  # French no-break spaces kept
        ("ﬁn Ａ", "fin A"),  # compatibility forms decomposed
        ("🎉🎉 中文", "\ufffd \ufffd"),  # one mark per run the font cannot draw
        ("e\u0301te\u0301", "été"),  # combining accents composed
        ("\ud800x", "x"),
        ("a\tb", "a b"),
    ],
)
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_printable_keeps_line_breaks_only_for_multiline_text() -> None:
    assert printable("un\r\ndeux\u2028trois", multiline=True) == "un\ndeux\ntrois"
    assert printable("un\ndeux") == "un deux"
    assert all(
        unicodedata.category(c) not in ("Cc", "Cf") for c in printable("".join(map(chr, range(64))))
    )
