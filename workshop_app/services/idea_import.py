"""Import ideas from a spreadsheet (.xlsx or .csv): all rows or none.

The files are flipcharts transcribed after a breakout session, or the answers to a
survey sent before the workshop. Each row is one card: its strategic issue (the number,
or the title), the text, and optionally the kind, the sector and the breakout group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from workshop_app.errors import FieldError
from workshop_app.export.tables import read_table
from workshop_app.models import IdeaKind
from workshop_app.services.ideas import KIND_LABELS, IdeaDraft, add_idea, clean_idea_text
from workshop_app.services.table_import import (
    HeaderColumns,
    ImportProblem,
    ImportRejectedError,
    find_header,
    header_key,
    header_lookup,
    label_lookup,
    sector_lookup,
)
from workshop_app.services.workshops import list_issues, list_sectors
from workshop_app.thai.normalize import to_arabic_digits

HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "issue": (
        "ประเด็น",
        "ประเด็นยุทธศาสตร์",
        "ประเด็นการพัฒนา",
        "ยุทธศาสตร์",
        "ประเด็นที่",
        "issue",
        "strategicissue",
    ),
    "text": (
        "ความคิดเห็น",
        "ข้อความ",
        "ข้อเสนอ",
        "ข้อเสนอแนะ",
        "ความเห็น",
        "ประเด็นปัญหา",
        "รายละเอียด",
        "idea",
        "text",
        "comment",
    ),
    "kind": ("ประเภท", "ชนิด", "kind", "type"),
    "sector": ("ภาคส่วน", "ภาค", "sector"),
    "group": ("กลุ่ม", "กลุ่มย่อย", "กลุ่มที่", "group", "breakoutgroup"),
}
FIELD_LABELS = {
    "issue": "ประเด็น",
    "text": "ความคิดเห็น",
    "kind": "ประเภท",
    "sector": "ภาคส่วน",
    "group": "กลุ่ม",
}
# Other words for the kinds (compared after header_key).
KIND_ALIASES = {
    "จุดแข็ง": IdeaKind.STRENGTH.value,
    "ศักยภาพ": IdeaKind.STRENGTH.value,
    "โอกาส": IdeaKind.STRENGTH.value,
    "จุดอ่อน": IdeaKind.PROBLEM.value,
    "อุปสรรค": IdeaKind.PROBLEM.value,
    "ปัญหาอุปสรรค": IdeaKind.PROBLEM.value,
    "ข้อเสนอ": IdeaKind.PROPOSAL.value,
    "แนวทาง": IdeaKind.PROPOSAL.value,
    "โครงการ": IdeaKind.PROJECT.value,
    "อื่นๆ": IdeaKind.OTHER.value,
}
_HEADER_LOOKUP = header_lookup(HEADER_SYNONYMS)
_ISSUE_NUMBER = re.compile(r"^(?:ประเด็น(?:ยุทธศาสตร์|การพัฒนา)?(?:ที่)?|issue)?\s*(\d+)\b")


@dataclass(frozen=True)
class PlannedIdea:
    source_row: int
    issue_id: str
    draft: IdeaDraft


@dataclass(frozen=True)
class IdeaImportPlan:
    workshop_id: str
    file_name: str
    ideas: list[PlannedIdea]


def read_idea_file(session: Session, workshop_id: str, path: Path) -> IdeaImportPlan:
    """Parse and check the whole file; raise ImportRejectedError listing every problem."""
    table = read_table(path)
    found = find_header(table, _HEADER_LOOKUP, required=("text",))
    if found is None or "issue" not in found[1]:
        raise ImportRejectedError(
            path.name,
            [
                ImportProblem(
                    None,
                    None,
                    "ไม่พบแถวหัวตาราง: ต้องมีคอลัมน์ 'ประเด็น' (เลขที่หรือชื่อประเด็น) และ "
                    "'ความคิดเห็น' และอาจมี ประเภท ภาคส่วน กลุ่ม",
                    "no header row found: it needs an 'issue' column (number or title) and an "
                    "'idea' column, optionally kind, sector, group",
                )
            ],
        )
    header_index, columns = found

    header = HeaderColumns(table, header_index, columns, FIELD_LABELS)
    label = header.label

    issues = list_issues(session, workshop_id)
    by_number = {str(i.number): i.id for i in issues}
    by_title = {header_key(i.title): i.id for i in issues}
    sectors = sector_lookup(session, workshop_id)
    sector_names = ", ".join(s.name for s in list_sectors(session, workshop_id))
    kinds = label_lookup(KIND_LABELS, KIND_ALIASES)
    kind_names = ", ".join(thai for thai, _english in KIND_LABELS.values())
    problems: list[ImportProblem] = []
    ideas: list[PlannedIdea] = []

    for number, values, row_problems in header.rows():
        issue_text = to_arabic_digits(values.get("issue", ""))
        match = _ISSUE_NUMBER.match(issue_text.strip().casefold())
        issue_id = (by_number.get(match.group(1)) if match else None) or by_title.get(
            header_key(issue_text)
        )
        if issue_id is None:
            numbers = ", ".join(str(i.number) for i in issues)
            row_problems.append(
                ImportProblem(
                    number,
                    label("issue"),
                    f"ไม่รู้จักประเด็น '{issue_text}' (ใช้เลขที่ประเด็น {numbers} หรือชื่อประเด็น)",
                    f"unknown issue '{issue_text}' (use an issue number, {numbers}, or its title)",
                )
            )
        try:
            text = clean_idea_text(values.get("text", ""))
        except FieldError as exc:
            row_problems.append(ImportProblem(number, label("text"), exc.thai, exc.english))
            text = ""
        kind = IdeaKind.PROPOSAL.value
        if values.get("kind"):
            found_kind = kinds.get(header_key(values["kind"]))
            if found_kind is None:
                row_problems.append(
                    ImportProblem(
                        number,
                        label("kind"),
                        f"ไม่รู้จักประเภท '{values['kind']}' (ใช้ได้: {kind_names})",
                        f"unknown kind '{values['kind']}' (one of: {kind_names})",
                    )
                )
            else:
                kind = found_kind
        sector_id = None
        if values.get("sector"):
            sector_id = sectors.get(header_key(values["sector"]))
            if sector_id is None:
                row_problems.append(
                    ImportProblem(
                        number,
                        label("sector"),
                        f"ไม่รู้จักภาคส่วน '{values['sector']}' (ใช้ได้: {sector_names})",
                        f"unknown sector '{values['sector']}' (one of: {sector_names})",
                    )
                )
        if row_problems:
            problems.extend(row_problems)
            continue
        assert issue_id is not None
        draft = IdeaDraft(text, kind, sector_id, values.get("group", ""))
        ideas.append(PlannedIdea(number, issue_id, draft))

    if problems:
        raise ImportRejectedError(path.name, problems)
    if not ideas:
        raise ImportRejectedError(
            path.name,
            [
                ImportProblem(
                    None, None, "ไม่มีความคิดเห็นใต้แถวหัวตาราง", "no ideas below the header row"
                )
            ],
        )
    return IdeaImportPlan(workshop_id, path.name, ideas)


def apply_idea_plan(session: Session, plan: IdeaImportPlan) -> int:
    """Add the planned cards (in the caller's transaction) in file order; return how many."""
    for idea in plan.ideas:
        add_idea(session, plan.workshop_id, idea.issue_id, idea.draft)
    return len(plan.ideas)
