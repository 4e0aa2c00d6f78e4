"""The minutes as HTML for WeasyPrint: the same ``MinutesContent``, font, page and styles
as our PDF (workshop_app/export/pdf/minutes.py), to compare speed and Thai line breaks
in bench/documents.py. Pango breaks the lines; names are not kept whole."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from workshop_app.resources import resources_dir
from workshop_app.services.minutes import MinutesContent, PersonLine, SectorGroup, VoteResults

FACES = (
    ("Regular", 400, "normal"),
    ("Bold", 700, "normal"),
    ("Italic", 400, "italic"),
    ("BoldItalic", 700, "italic"),
)
CSS = """
@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; @top-center { content: "- " counter(page, NUMBERS)
  " -"; font: 16pt/22pt MinutesSarabun; } }
@page :first { @top-center { content: none; } }
html { font: 16pt/22pt MinutesSarabun; }
body { margin: 0; }
h1 { font-size: 18pt; line-height: 26pt; text-align: center; margin: 0; }
h2, h3 { font-size: 16pt; margin: 8pt 0 0; break-after: avoid; }
h3 { margin: 4pt 0 0 1.25cm; }
p { margin: 0; text-align: justify; text-indent: 2.5cm; }
p.centred { text-align: center; text-indent: 0; }
p.caption { text-align: center; text-indent: 0; font-size: 14pt; line-height: 20pt; }
ol { margin: 0; padding-left: 3.5cm; list-style: NUMBERS; }
ol.people { padding-left: 2.25cm; }
table { width: 16cm; border-collapse: collapse; margin: 4pt 0 6pt; font-size: 14pt;
  line-height: 18pt; }
th, td { border: 0.5pt solid #404040; padding: 2pt 4pt 4pt; vertical-align: top; }
th { background: #e8e8e8; text-align: center; }
td.n { text-align: center; }
.chart { margin-bottom: 10pt; font-size: 12pt; line-height: 16pt; }
.bar { height: 14pt; margin-top: 5pt; }
.bar span { display: inline-block; height: 14pt; vertical-align: top; }
.bar .rank { width: 1.2cm; text-align: right; margin-right: 6pt; }
.key { display: inline-block; width: 10pt; height: 10pt; margin: 0 4pt 0 12pt; }
.signatures { margin-top: 18pt; break-inside: avoid; }
.signatures p { text-align: center; text-indent: 0; margin-left: 4.5cm; }
.signatures div { margin-bottom: 14pt; }
.appendix { break-before: page; }
"""
NOBODY = '<p style="text-indent: 0; margin-left: 1.25cm">-</p>'


def _paras(text: str, tag: str = "p", attrs: str = "") -> str:
    """One element per line of ``text``, as the PDF makes one paragraph per line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "".join(f"<{tag}{attrs}>{escape(line)}</{tag}>" for line in lines)


def _list(items: Iterable[str], kind: str = "") -> str:
    lis = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ol class="{kind}">{lis}</ol>'


def _people(people: list[PersonLine]) -> str:
    return _list((person.text for person in people), "people")


def _groups(groups: list[SectorGroup]) -> str:
    return "".join(_paras(g.name, "h3") + _people(g.people) for g in groups)


def _table(
    heads: tuple[str, ...], widths: tuple[float, ...], rows: list[list[str]], centred: set[int]
) -> str:
    """A grid table whose header repeats on every page; the ``centred`` columns centred."""
    cols = "".join(f'<col style="width: {w}cm">' for w in widths)
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=n' * (i in centred)}>{escape(c)}</td>" for i, c in enumerate(r))
        for r in rows
    )
    return f"<table>{cols}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _idea(c: MinutesContent, text: str, cards: int) -> str:
    return text + (c.digits(f" (รวม {cards} บัตร)") if cards > 1 else "")


def _vote(c: MinutesContent, vote: VoteResults) -> str:
    rows = [[r.rank, r.text, r.score, r.voters] for r in vote.rows]
    heads = ("อันดับ", "ข้อเสนอ", "คะแนน", "ผู้ลงคะแนน")
    html = _paras(vote.heading, "h3") + _paras(vote.summary)
    html += _table(heads, (1.6, 9.4, 2.2, 2.8), rows, {0, 2, 3})
    if vote.chart and any(sum(bar.shares) for bar in vote.chart):
        caption = f"คะแนน {len(vote.chart)} ลำดับแรก แยกตามภาคส่วนของผู้ลงคะแนน"
        top = max(sum(bar.shares) for bar in vote.chart) or 1.0
        html += _paras(c.digits(caption), "p", ' class="caption"') + '<div class="chart">'
        for bar in vote.chart:
            html += f'<div class="bar"><span class="rank">{escape(bar.label)}</span>'
            for share, (_name, colour) in zip(bar.shares, vote.sectors, strict=True):
                width = 12.0 * share / top  # cm: the 16 cm line less the rank
                html += f'<span style="width: {width:.3f}cm; background: {colour}"></span>'
            html += "</div>"
        keys = (
            f'<span class="key" style="background: {k}"></span>{escape(n)}' for n, k in vote.sectors
        )
        html += f'<div style="margin-left: 1cm">{" ".join(keys)}</div></div>'
    return html


def _results(c: MinutesContent) -> str:
    html = ""
    for issue in c.issues:
        best = issue.most_supported()
        merged = any(idea.cards > 1 for idea in issue.ideas)
        summary = f"มีความคิดเห็น {issue.cards} บัตร"
        if merged:
            summary += f" เมื่อรวมความคิดเห็นที่ซ้ำกันแล้วเหลือ {len(issue.ideas)} ความคิดเห็น"
        if len(best) == len(issue.ideas):
            summary += " ได้แก่"
        elif merged:
            summary += f" ความคิดเห็นที่มีผู้เสนอมากที่สุด {len(best)} ลำดับแรก ได้แก่"
        else:
            summary += f" {len(best)} ความคิดเห็นแรก ได้แก่"
        html += _paras(issue.heading, "h3") + _paras(c.digits(summary))
        html += _list(_idea(c, i.text, i.cards) for i in best)
        if c.with_appendix and len(best) < len(issue.ideas):
            html += _paras("รายการความคิดเห็นทั้งหมดอยู่ในภาคผนวกท้ายรายงานนี้")
    return html + "".join(_vote(c, vote) for vote in c.votes)


def _body(c: MinutesContent) -> str:
    html = _paras(c.start_line, "h2")
    reported = False
    for section in c.sections:
        html += _paras(section.heading, "h2") + _paras(section.text)
        if section.shows_results and not reported:
            html += _results(c)
            reported = True
        html += _paras("มติที่ประชุม", "h3") + _paras(section.resolution or "-")
    if not reported and c.has_results:
        html += _paras("ผลการระดมความคิดเห็นและการลงคะแนน", "h2") + _results(c)
    return html + _paras(c.end_line, "h2", ' style="margin-top: 12pt"')


def _signatures(c: MinutesContent) -> str:
    dots = "." * 36
    html = ""
    for s in c.signatures:
        lines = [f"ลงชื่อ {dots} {s.role}", f"({s.name or dots})", s.position]
        html += "<div>" + "".join(_paras(line) for line in lines) + "</div>"
    return f'<div class="signatures">{html}</div>'


def _appendix(c: MinutesContent) -> str:
    if not (c.with_appendix and c.issues):
        return ""
    html = '<div class="appendix">' + _paras("ภาคผนวก", "h1")
    html += _paras("ความคิดเห็นทั้งหมดจากการระดมความคิดเห็น", "p", ' class="centred"')
    heads = ("ลำดับ", "ความคิดเห็น", "ประเภท", "ภาคส่วน")
    for issue in c.issues:
        rows = [
            [c.digits(str(n)), _idea(c, i.text, i.cards), i.kind, i.sector]
            for n, i in enumerate(issue.ideas, start=1)
        ]
        html += _paras(issue.heading, "h2") + _table(heads, (1.6, 8.6, 2.6, 3.2), rows, {0})
    return html + "</div>"


def minutes_html(content: MinutesContent) -> str:
    """The whole minutes as one HTML document, fonts from resources/fonts."""
    c = content
    fonts = resources_dir() / "fonts"
    faces = "".join(
        f"@font-face {{ font-family: MinutesSarabun; font-weight: {weight}; font-style: {style};"
        f' src: url("{(fonts / f"Sarabun-{name}.ttf").as_uri()}"); }}\n'
        for name, weight, style in FACES
    )
    css = faces + CSS.replace("NUMBERS", "thai" if c.thai_digits else "decimal")
    header = _paras(c.title, "h1") + "".join(
        _paras(line, "p", ' class="centred"') for line in (c.number_line, c.date_line, c.venue_line)
    )
    attendance = _paras("ผู้มาประชุม", "h2") + (_groups(c.present) if c.present else NOBODY)
    if c.absent:
        attendance += _paras("ผู้ไม่มาประชุม", "h2") + _people(c.absent)
    if c.participants:
        attendance += _paras("ผู้เข้าร่วมประชุม", "h2") + _groups(c.participants)
    parts = (header, attendance, _body(c), _signatures(c), _appendix(c))
    return (
        f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{escape(c.title)}'
        f"</title><style>{css}</style></head><body>{''.join(parts)}</body></html>"
    )
