"""The minutes (รายงานการประชุม) as an editable DOCX: the same content, headings and order
as the PDF (export/pdf/minutes.py), in the regulation's page layout. The PDF's vote chart
becomes a small table of its data (the score of each of the best ideas by sector), which
people can edit or chart in Word themselves."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree  # type: ignore[import-untyped]
from sqlalchemy.orm import Session

from workshop_app.export.files import written_whole
from workshop_app.export.minutes_outline import MinutesOutline
from workshop_app.resources import resources_dir
from workshop_app.services.minutes import MinutesContent, VoteResults, gather_minutes
from workshop_app.services.vote_report import number

FONT = "Sarabun"  # the open redesign of TH Sarabun New that the app ships (DOMAIN.md)
SIZE = 16
INDENT, HALF_INDENT = Cm(2.5), Cm(1.25)  # Thai official paragraphs start 2.5 cm in
LIST_NUMBER_ROOM = Cm(1.0)
CELL_SIZE = 14
# The PDF's 4.5 cm leaves 11.5 cm, less than "ลงชื่อ ..... ผู้ตรวจรายงานการประชุม" (12.5 cm).
SIGNATURE_INDENT = Cm(2.5)
CELL_PADDING = "80"  # twips (4 pt) left and right, as in the PDF; Word's default is 5.4 pt
CHART_SIZE = 12
HEAD_FILL = "E8E8E8"
# What follows w:pgNumType in a section's properties (the schema fixes their order).
SECTION_AFTER_PAGE_NUMBERS = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip


FALLBACK_FONT = "TH Sarabun New"  # what Thai offices have, named for Word to use instead
EMBEDDED_FACES = (("embedRegular", "Sarabun-Regular.ttf"), ("embedBold", "Sarabun-Bold.ttf"))
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
# What follows w:embedTrueTypeFonts in the settings (the schema fixes their order).
SETTINGS_AFTER_EMBEDDING = (
    "w:embedSystemFonts", "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins",
    "w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop", "w:hideSpellingErrors", "w:hideGrammaticalErrors", "w:activeWritingStyle",
    "w:proofState", "w:formsDesign", "w:attachedTemplate", "w:linkStyles",
    "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting",
    "w:documentProtection", "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet",
    "w:defaultTabStop",
)  # fmt: skip


def obfuscate_font(font: bytes, key: uuid.UUID) -> bytes:
    """A font as Word embeds it (ECMA-376 part 1, 17.8.1): the first 32 bytes XORed
    with the key's 16 bytes taken from the end of its hex form."""
    key_bytes = bytes.fromhex(key.hex)[::-1]
    head = bytes(byte ^ key_bytes[i % 16] for i, byte in enumerate(font[:32]))
    return head + font[32:]


def embed_fonts(document: Any) -> None:
    """Embed Sarabun (regular and bold) in the document, so that a machine without it
    shows the same letters, and name TH Sarabun New as its alternative."""
    font_table = next(
        rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE
    )
    root = parse_xml(font_table.blob)
    entry = OxmlElement("w:font")
    entry.set(qn("w:name"), FONT)
    for tag, value in (
        ("w:altName", FALLBACK_FONT),
        ("w:charset", "DE"),  # Thai
        ("w:family", "auto"),
        ("w:pitch", "variable"),
    ):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        entry.append(child)
    folder = resources_dir() / "fonts"
    for index, (tag, file) in enumerate(EMBEDDED_FACES, start=1):
        key = uuid.uuid4()
        part = Part(
            PackURI(f"/word/fonts/font{index}.odttf"),
            OBFUSCATED_FONT,
            obfuscate_font((folder / file).read_bytes(), key),
            document.part.package,
        )
        embedded = OxmlElement(f"w:{tag}")
        embedded.set(qn("r:id"), font_table.relate_to(part, FONT_RELATIONSHIP))
        embedded.set(qn("w:fontKey"), "{" + str(key).upper() + "}")
        entry.append(embedded)
    root.append(entry)
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is None:
        settings.insert_element_before(
            OxmlElement("w:embedTrueTypeFonts"), *SETTINGS_AFTER_EMBEDDING
        )


def _run(paragraph: Any, text: str, size: float | None = None, bold: bool = False) -> None:
    """A run of ``text``, its bold and size set for both scripts: Word draws Thai with the
    complex-script properties (w:bCs, w:szCs) and ignores the others."""
    run = paragraph.add_run(text)
    if not (bold or size):
        return
    rpr = run._r.get_or_add_rPr()
    if bold:
        rpr.get_or_add_b()
        rpr.get_or_add_bCs()
    if size is not None:
        sz = rpr.get_or_add_sz()
        sz.set(qn("w:val"), str(round(size * 2)))  # in half points
        sz_cs = OxmlElement("w:szCs")
        sz_cs.set(qn("w:val"), str(round(size * 2)))
        sz.addnext(sz_cs)  # the schema's order: w:sz, then w:szCs


class MinutesDocx(MinutesOutline):
    """Writes ``content`` into a python-docx document."""

    VOTE_WIDTHS = (1.8, 9.2, 2.2, 2.8)
    APPENDIX_WIDTHS = (1.8, 8.4, 2.6, 3.2)
    SIGNATURE_DOTS = 36

    def __init__(self, content: MinutesContent) -> None:
        super().__init__(content)
        self.doc = Document()
        self._page()
        self._styles()
        embed_fonts(self.doc)

    # --- the page and the defaults ---------------------------------------------------

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
        section.left_margin, section.right_margin = Cm(3), Cm(2)  # 3 cm for the binding
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
        section.header_distance = Cm(1.5)
        # The page number "- ๒ -" at the top centre from page 2: page 1 has its own
        # (empty) header.
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("- ")
        self._field(paragraph, " PAGE ", self.content.digits("2"))
        paragraph.add_run(" -")
        if self.content.thai_digits:
            # Thai digits from the section's page number format, which a PAGE field
            # without a format switch follows in Word. Not the switch "\* ThaiArabic":
            # LibreOffice reads that as Thai letters (- ข -); it ignores this format and
            # writes "- 2 -".
            numbers = OxmlElement("w:pgNumType")
            numbers.set(qn("w:fmt"), "thaiNumbers")
            section._sectPr.insert_element_before(numbers, *SECTION_AFTER_PAGE_NUMBERS)

    @staticmethod
    def _field(paragraph: Any, instruction: str, shown: str) -> None:
        """A field (begin, instruction, separate, last result, end) that Word and
        LibreOffice recompute on every page."""
        for kind, text in (("begin", None), (None, instruction), ("separate", None)):
            run = paragraph.add_run()
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)
            else:
                code = OxmlElement("w:instrText")
                code.set(qn("xml:space"), "preserve")
                code.text = text
                run._r.append(code)
        paragraph.add_run(shown)
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        paragraph.add_run()._r.append(end)

    def _styles(self) -> None:
        """Sarabun 16 pt, Thai as the complex script, single spacing, no space after
        paragraphs: set on the document's defaults, which every style (body, header,
        tables) inherits. The template's are Calibri 11 pt (theme fonts, which would win
        over a name) with 10 pt after each paragraph."""
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts"))
        fonts.attrib.clear()
        for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(script), FONT)
        for tag in ("w:sz", "w:szCs"):
            rpr.find(qn(tag)).set(qn("w:val"), str(SIZE * 2))
        rpr.find(qn("w:lang")).set(qn("w:bidi"), "th-TH")  # the complex script's: Thai
        spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        props = self.doc.core_properties  # the template's say python-docx, 2013
        props.title, props.author, props.comments = self.content.title, "workshop-app", ""
        props.created = props.modified = datetime.now(UTC).replace(microsecond=0)

    # --- small pieces ---------------------------------------------------------------

    def para(
        self,
        text: str,
        *,
        bold: bool = False,
        size: float | None = None,
        align: Any = None,
        left: Any = None,
        first: Any = None,
        before: float = 0,
        keep: bool = False,
    ) -> Any:
        paragraph = self.doc.add_paragraph()
        _run(paragraph, text, size, bold)
        fmt = paragraph.paragraph_format
        paragraph.alignment = align
        fmt.left_indent, fmt.first_line_indent = left, first
        fmt.space_before = Pt(before) if before else None
        fmt.keep_with_next = keep or None
        return paragraph

    def text(self, text: str) -> None:
        """One paragraph of body text per line of ``text``."""
        for line in text.splitlines():
            if line.strip():
                self.para(line.strip(), align=WD_ALIGN_PARAGRAPH.THAI_JUSTIFY, first=INDENT)

    def title(self, text: str, *, new_page: bool = False) -> None:
        title = self.para(text, bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
        title.paragraph_format.page_break_before = new_page or None

    def heading(self, text: str) -> None:
        self.para(text, bold=True, before=8, keep=True)  # never alone at a page's foot

    def subheading(self, text: str) -> None:
        self.para(text, bold=True, left=HALF_INDENT, before=4, keep=True)

    def centred(self, text: str) -> None:
        self.para(text, align=WD_ALIGN_PARAGRAPH.CENTER)

    def numbered(self, items: Sequence[str], depth: float) -> None:
        """1. ... 2. ...: the number hangs left of the text (a tab), which wraps under
        itself; typed rather than Word numbering, so that it keeps Thai digits."""
        indent = Cm(2.5 * depth)
        room = LIST_NUMBER_ROOM if len(items) < 100 else Cm(1.4)
        for count, text in enumerate(items, start=1):
            marker = self.content.digits(f"{count}.")
            paragraph = self.para(f"{marker}\t{text}", left=indent + room, first=-room)
            paragraph.paragraph_format.tab_stops.add_tab_stop(indent + room)

    def list_line(self, text: str) -> None:
        self.para(text, left=HALF_INDENT)

    def closing_line(self, text: str) -> None:
        self.para(text, bold=True, before=12)

    def table(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        centred: Sequence[int],
        size: float = CELL_SIZE,
    ) -> None:
        """A grid with a shaded heading row that repeats on every page; ``widths`` in cm,
        ``centred`` the columns whose cells are centred."""
        table = self.doc.add_table(rows=1 + len(rows), cols=len(head))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        margins = OxmlElement("w:tblCellMar")
        for side in ("w:left", "w:right"):
            margin = OxmlElement(side)
            margin.set(qn("w:w"), CELL_PADDING)
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption")
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for number_, values in enumerate([head, *rows]):
            row = table.rows[number_]
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row on one page
            for index, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = Cm(widths[index])  # Word reads the cells', LibreOffice the grid's
                paragraph = cell.paragraphs[0]
                _run(paragraph, text, size, bold=number_ == 0)
                if number_ == 0 or index in centred:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head_row = table.rows[0]._tr.get_or_add_trPr()
        head_row.append(OxmlElement("w:tblHeader"))
        for cell in table.rows[0].cells:
            shade = OxmlElement("w:shd")
            shade.set(qn("w:val"), "clear")
            shade.set(qn("w:fill"), HEAD_FILL)
            cell._tc.get_or_add_tcPr().append(shade)
        self.doc.add_paragraph()  # a line between the table and what follows

    def chart(self, vote: VoteResults) -> None:
        # The chart's data: a row per sector that gave any of these ideas a vote, a
        # column per idea (by rank), so that the long sector names need not wrap.
        self.para(vote.caption, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, keep=True)
        data = []
        for index, (name, _colour) in enumerate(vote.sectors):
            shares = [bar.shares[index] for bar in vote.chart]
            if any(shares):
                data.append([name, *(self.content.digits(number(s)) if s else "-" for s in shares)])
        width = (16 - 4.0) / len(vote.chart)
        self.table(
            ["ภาคส่วน", *(bar.label for bar in vote.chart)],
            data,
            (4.0, *[width] * len(vote.chart)),
            centred=range(1, 1 + len(vote.chart)),
            size=CHART_SIZE,
        )

    def signature_blocks(self, blocks: list[list[str]]) -> None:
        lines = [""]
        for block in blocks:
            lines += [*block, ""]
        for index, text in enumerate(lines):
            # Kept together on one page, like the PDF's KeepTogether.
            self.para(
                text,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                left=SIGNATURE_INDENT,
                keep=index < len(lines) - 1,
            )


def write_minutes_docx(
    session: Session,
    workshop_id: str,
    path: Path,
    *,
    thai_digits: bool = True,
    with_appendix: bool = True,
) -> None:
    """Write the minutes of a workshop to ``path`` as DOCX, whole or not at all."""
    content = gather_minutes(
        session, workshop_id, thai_digits=thai_digits, with_appendix=with_appendix
    )
    writer = MinutesDocx(content)
    writer.build()
    with written_whole(path) as temporary:
        writer.doc.save(str(temporary))
