"""The printable offer: an A4 PDF document (heading, key facts, sections, footer) via fpdf2."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, XPos, YPos

from pass_tui.data.models import Offer
from pass_tui.data.publishing.render import (
    APPLY_BY_EMAIL,
    ATTACHMENTS,
    KEY_FACT,
    TITLE,
    YES,
    OfferField,
    offer_field_list,
)
from pass_tui.i18n import _, get_language

__all__ = ["AUTHOR", "offer_pdf", "plain", "printable"]

AUTHOR = "PASS – pass-tui"
FONTS = Path(__file__).with_name("fonts")
FAMILY = "DejaVuSans"

# Layout: millimetres for lengths, points for font sizes.
MARGIN = 18
FOOTER_HEIGHT = 14
LABEL_WIDTH = 58
BULLET_INDENT = 6
NUMBER_INDENT = 9
BODY_PT = 10
LINE = 5.0  # body line height
TITLE_PT = 20
SECTION_PT = 13
SMALL_PT = 8

BLUE = (0, 0, 145)  # the French state's "bleu France"
INK = (22, 22, 22)
GREY = (96, 96, 96)
RULE = (200, 200, 210)

_REPLACEMENT = "\ufffd"
# Unicode categories: control, format, surrogate, private use, unassigned; spaces.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_SPACES = frozenset({"Zs", "Zl", "Zp"})
_LINE_BREAKS = {
    "\r": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
}
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–—]|\d{1,3}[.)])\s+")
_LINKABLE = re.compile(r"^(?:https?://|mailto:)\S+$", re.IGNORECASE)


@functools.cache
def _glyphs() -> frozenset[str]:
    """The characters the embedded fonts can draw (both faces are cut to the same set)."""
    with TTFont(FONTS / f"{FAMILY}.ttf", lazy=True) as font:
        return frozenset(chr(code) for code in font.getBestCmap())


def _substitute(char: str, glyphs: frozenset[str]) -> str:
    """A drawable stand-in for a character the font lacks: its compatibility decomposition
    ("ﬁ" → "fi", "①" → "1", "Ａ" → "A") when the font has that, else U+FFFD."""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if c in glyphs and not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept) if kept.strip() else _REPLACEMENT


def _drop_invisible(char: str) -> str:
    """Nothing for a control, format (zero-width, bidi, soft hyphen), surrogate, private-use
    or unassigned character; a space for a tab or any other space; else ``char``."""
    category = unicodedata.category(char)
    if char == "\t" or category in _SPACES:
        return " "
    return "" if category in _INVISIBLE else char


def plain(text: str) -> str:
    """Untrusted one-line text for the document's metadata: invisible characters dropped,
    spaces collapsed, every script kept (metadata needs no font)."""
    text = unicodedata.normalize("NFC", text)
    return " ".join("".join(_drop_invisible(c) for c in text).split())


def printable(text: str, *, multiline: bool = False) -> str:
    """Untrusted text made safe to draw with the embedded font.

    Control, format (zero-width, bidi controls, soft hyphen), surrogate and unassigned
    characters are dropped; odd spaces become spaces; a character the font lacks becomes
    its compatibility decomposition or one U+FFFD per run. Line breaks are kept only when
    ``multiline`` (else they become spaces).
    """
    glyphs = _glyphs()
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text.replace("\r\n", "\n")):
        char = _LINE_BREAKS.get(char, char)
        if char == "\n":
            out.append("\n" if multiline else " ")
            continue
        category = unicodedata.category(char)
        if category in _INVISIBLE:
            out.append(" " if char == "\t" else "")
        elif char in glyphs:
            out.append(char)
        elif category in _SPACES:
            out.append(" ")
        elif category != "Mn":  # a stray combining mark is dropped
            piece = _substitute(char, glyphs)
            if not (piece == _REPLACEMENT and out and out[-1] == _REPLACEMENT):
                out.append(piece)
    lines = "".join(out).split("\n")
    return "\n".join(re.sub(" {2,}", " ", line).strip() for line in lines).strip()


def _link(value: str) -> str:
    """A link target for a URL or e-mail address taken from an offer, or "" (no javascript:,
    file: or other schemes)."""
    if _LINKABLE.match(value):
        return value
    if re.fullmatch(r"[^@\s/:]+@[^@\s/:]+\.[a-z]{2,}", value, re.IGNORECASE):
        return f"mailto:{value}"
    return ""


class _OfferDocument(FPDF):
    """An A4 page with the offer's reference, address and page number in its footer."""

    def __init__(self, reference: str, url: str, pages: int) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.reference = reference
        self.url = url
        self.pages_total = pages
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.c_margin = 0  # text lines up with the rules and the margins
        self.set_auto_page_break(True, margin=MARGIN + FOOTER_HEIGHT)
        self.add_font(FAMILY, "", FONTS / f"{FAMILY}.ttf")
        self.add_font(FAMILY, "B", FONTS / f"{FAMILY}-Bold.ttf")
        self.alias_nb_pages(None)  # offer text may contain "{nb}": keep it as written
        self.set_text_color(*INK)

    # -- drawing helpers ------------------------------------------------------------------
    def font(self, size: float, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*color)

    def lines(self, text: str, width: float) -> int:
        """How many lines ``text`` takes in a box ``width`` wide, in the current font."""
        result = self.multi_cell(
            width, LINE, text, dry_run=True, output=MethodReturnValue.LINES, wrapmode="WORD"
        )
        return max(1, len(result))

    def body_height(self) -> float:
        return self.h - self.t_margin - self.b_margin

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor (when it fits a page)."""
        if height <= self.body_height() and self.will_page_break(height):
            self.add_page()

    def text_block(
        self, text: str, x: float, width: float, height: float = LINE, link: str = ""
    ) -> None:
        """Wrapped text at ``x``; long words are broken, page breaks keep the column."""
        self.set_x(x)
        self.multi_cell(
            width,
            height,
            text,
            align=Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            link=link or None,
        )

    def rule(self, color: tuple[int, int, int] = RULE, width: float = 0.3) -> None:
        self.set_draw_color(*color)
        self.set_line_width(width)
        self.line(self.l_margin, self.y, self.w - self.r_margin, self.y)

    # -- footer ---------------------------------------------------------------------------
    def fitted(self, text: str, width: float) -> str:
        """``text`` cut with "…" to fit ``width`` on one line in the current font."""
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "…") > width:
            text = text[:-1]
        return text + "…"

    def footer(self) -> None:
        self.set_y(-(MARGIN + FOOTER_HEIGHT) + 4)
        self.rule()
        self.ln(1.5)
        self.font(SMALL_PT, color=GREY)
        page = _("page {n} / {count}", n=self.page_no(), count=self.pages_total)
        page_width = self.get_string_width(page) + 1
        left = self.epw - page_width - 4
        y = self.y
        self.cell(left, 4, self.fitted(_("Offre {reference}", reference=self.reference), left))
        self.set_xy(self.w - self.r_margin - page_width, y)
        self.cell(page_width, 4, page, align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if self.url:
            self.cell(self.epw, 4, self.fitted(self.url, self.epw), link=_link(self.url) or "")


def _paragraphs(pdf: _OfferDocument, text: str) -> None:
    """Multi-line offer text: a paragraph per line, "- " lines as bullets, blank lines as gaps."""
    left = pdf.l_margin
    for line in text.split("\n"):
        if not line.strip():
            pdf.ln(LINE * 0.4)
            continue
        bullet = _BULLET.match(line)
        pdf.font(BODY_PT)
        if bullet:
            item = line[bullet.end() :].strip()
            marker = bullet.group().strip()
            numbered = marker[0].isdigit()
            marker = marker if numbered else "•"
            indent = max(
                NUMBER_INDENT if numbered else BULLET_INDENT, pdf.get_string_width(marker) + 3
            )
            pdf.keep(LINE)
            y = pdf.y
            pdf.set_xy(left, y)
            pdf.cell(indent - 1.5, LINE, marker, align=Align.R if numbered else Align.C)
            pdf.set_y(y)
            pdf.text_block(item, left + indent, pdf.epw - indent)
            pdf.ln(0.8)
        else:
            pdf.keep(LINE * 2 if len(line) > 90 else LINE)  # no lone first line at a page end
            pdf.text_block(line.strip(), left, pdf.epw)
            pdf.ln(1.6)


def _heading(pdf: _OfferDocument, label: str) -> None:
    pdf.ln(4)
    pdf.keep(9 + LINE * 2)  # never a heading alone at the bottom of a page
    pdf.start_section(label, level=1)
    pdf.font(SECTION_PT, bold=True, color=BLUE)
    pdf.text_block(label, pdf.l_margin, pdf.epw, height=7)
    pdf.rule(BLUE, 0.4)
    pdf.ln(2.5)


def _labelled(pdf: _OfferDocument, label: str, value: str, link: str = "") -> None:
    """A "label | value" row: label in a narrow grey column, the value wrapped beside it."""
    value_x = pdf.l_margin + LABEL_WIDTH
    value_width = pdf.epw - LABEL_WIDTH
    pdf.font(BODY_PT - 1, bold=True, color=GREY)
    label_lines = pdf.lines(label, LABEL_WIDTH - 3)
    pdf.font(BODY_PT)
    value_lines = pdf.lines(value, value_width)
    pdf.keep(max(label_lines, value_lines) * LINE)
    top, page = pdf.y, pdf.page
    pdf.font(BODY_PT - 1, bold=True, color=GREY)
    pdf.text_block(label, pdf.l_margin, LABEL_WIDTH - 3)
    label_bottom = pdf.y
    pdf.set_y(top)
    pdf.font(BODY_PT, color=BLUE if link.startswith("http") else INK)
    pdf.text_block(value, value_x, value_width, link=link)
    if pdf.page == page:
        pdf.set_y(max(pdf.y, label_bottom))
    pdf.ln(0.8)


def offer_pdf(offer: Offer) -> bytes:
    """The offer as a PDF document, labels in the interface language.

    The title is a heading, the short fields a labelled block under it, then the
    description, profile, how to apply and attachments as sections; every page's footer
    names the offer, its address and "page N / M".
    """
    pages = _layout(offer, 0).pages_count  # the footer needs the count: lay out twice
    return bytes(_layout(offer, pages).output())


def _layout(offer: Offer, pages: int) -> _OfferDocument:
    fields = offer_field_list(offer)
    reference = printable(offer.reference)
    url = printable(offer.source_url or "")
    title = printable(offer.title) or reference
    pdf = _OfferDocument(reference, url, pages)
    pdf.set_title(plain(offer.title) or reference)
    pdf.set_author(AUTHOR)
    pdf.set_creator(AUTHOR)
    pdf.set_subject(_("Offre {reference}", reference=reference))
    pdf.set_lang(get_language())
    pdf.add_page()

    # the heading: the board's name, the title, the employer and place
    pdf.font(SMALL_PT, bold=True, color=BLUE)
    pdf.text_block(
        "PASS – " + _("Place de l'apprentissage et des stages").upper(),
        pdf.l_margin,
        pdf.epw,
        height=4,
    )
    pdf.ln(5)
    pdf.start_section(title, level=0)
    pdf.font(TITLE_PT, bold=True, color=INK)
    pdf.text_block(title, pdf.l_margin, pdf.epw, height=9)
    subtitle = " · ".join(
        printable(part) for part in (offer.employer or "", offer.location) if part.strip()
    )
    if subtitle:
        pdf.ln(1)
        pdf.font(BODY_PT + 2, color=GREY)
        pdf.text_block(subtitle, pdf.l_margin, pdf.epw, height=6)
    pdf.ln(4)
    pdf.rule()
    pdf.ln(3)

    # key facts
    for field in fields:
        if field.section == KEY_FACT and field.label != TITLE:
            value = printable(field.value)
            if value:
                link = _link(value) if field.value == offer.source_url else ""
                _labelled(pdf, _(field.label), value, link)
    pdf.ln(1)
    pdf.rule()

    # sections, in the order of their first field
    sections: dict[str, list[OfferField]] = {}
    for field in fields:
        if field.section != KEY_FACT:
            sections.setdefault(field.section, []).append(field)
    for heading, members in sections.items():
        _heading(pdf, _(heading))
        if heading == ATTACHMENTS:
            _attachments(pdf, offer)
            continue
        for field in members:
            value = printable(field.value, multiline=True)
            if field.prose:
                if field is not members[0]:
                    pdf.ln(2)
                _paragraphs(pdf, value)
            elif field.label == APPLY_BY_EMAIL:
                _labelled(pdf, _(field.label), _(YES))
            else:
                _labelled(pdf, _(field.label), value, _link(value.split(" - ")[0]))
    return pdf


def _attachments(pdf: _OfferDocument, offer: Offer) -> None:
    """One bullet per attachment: its name, and its address when it is a link."""
    for attachment in offer.attachments:
        name = printable(attachment.name) or "?"
        url = printable(attachment.url or "")
        pdf.font(BODY_PT)
        pdf.keep(LINE * (2 if url else 1))
        y = pdf.y
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(BULLET_INDENT - 1.5, LINE, "•", align=Align.C)
        pdf.set_y(y)
        pdf.text_block(name, pdf.l_margin + BULLET_INDENT, pdf.epw - BULLET_INDENT)
        if url:
            link = _link(url)
            pdf.font(BODY_PT - 1, color=BLUE if link else GREY)
            pdf.text_block(url, pdf.l_margin + BULLET_INDENT, pdf.epw - BULLET_INDENT, link=link)
        pdf.ln(0.8)
