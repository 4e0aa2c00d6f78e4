"""The hearing summary (สรุปผลการรับฟังความคิดเห็น): each comment, who made it (or that
they asked not to be named), the province's answer (คำชี้แจง) and what changes in the
plan, per issue; it goes to the committee with the revised plan."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from workshop_app.errors import UserError
from workshop_app.export.minutes_outline import COMMENT_HEAD, HEARING_HEADING
from workshop_app.export.pdf.document import build, workshop_words
from workshop_app.export.pdf.minutes import minutes_story
from workshop_app.services.minutes import gather_minutes

HEARING_TITLE_PREFIX = "รายงานการประชุม"


def write_hearing_summary_pdf(
    session: Session, workshop_id: str, path: Path, *, thai_digits: bool = True
) -> str:
    """Write the summary, whole or not at all; return its text, a paragraph a line."""
    content = gather_minutes(session, workshop_id, thai_digits=thai_digits)
    if not content.comments:
        raise UserError(
            "ยังไม่มีความคิดเห็นจากการรับฟังความคิดเห็น จึงไม่มีสรุปผล",
            "there are no hearing comments to summarise",
        )
    story = minutes_story(content, workshop_words(session, workshop_id), build_all=False)
    story.title(HEARING_HEADING)
    meeting = content.title.removeprefix(HEARING_TITLE_PREFIX)
    for line in (f"การประชุม{meeting}", content.date_line, content.venue_line):
        if line:
            story.centred(line)
    story.after_header()
    for group in content.comments:
        story.heading(group.heading)
        rows = [
            (content.digits(str(n)), c.text, c.commenter, c.answer or "-", c.change or "-")
            for n, c in enumerate(group.comments, start=1)
        ]
        story.table(COMMENT_HEAD, rows, story.COMMENT_WIDTHS, centred=(0,))
    build(path, HEARING_HEADING, story.story, thai_digits=thai_digits)
    return "\n".join(story.source)
