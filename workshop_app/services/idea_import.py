"""Import ideas or comments from a spreadsheet (.xlsx, .csv, .txt): all rows or none.

The files are flipcharts transcribed after a breakout session, comments written down at
a public hearing, or the answers to a survey sent before the workshop. Each row is one
card: its strategic issue (the number, or the title; or given once by a heading row
"ประเด็นยุทธศาสตร์ที่ 2 ..." above its cards), the text, and optionally the kind, the
sector and the breakout group; a hearing's transcript also gives who made the comment
(name and organisation, or that they asked not to be named), the province's answer
(คำชี้แจง) and what changes in the plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from workshop_app.errors import FieldError
from workshop_app.models import IdeaKind
from workshop_app.readers.tables import SourceFile, read_file
from workshop_app.services.ideas import KIND_LABELS, IdeaDraft, add_ideas, clean_idea_text
from workshop_app.services.meetings import CommentDetails, set_many_comment_details
from workshop_app.services.table_import import (
    SEQUENCE,
    ColumnMeaning,
    ImportChoice,
    ImportProblem,
    ImportRejectedError,
    LocatedTable,
    RowProgress,
    SectorReader,
    header_key,
    label_lookup,
    locate_table,
    relocate,
)
from workshop_app.services.workshops import list_issues
from workshop_app.thai.normalize import to_arabic_digits

# What a column of a transcript can mean. Adding one is one entry here; the row
# reading below takes ``values[key]``.
COLUMNS: tuple[ColumnMeaning, ...] = (
    SEQUENCE,
    ColumnMeaning(
        "issue",
        "ประเด็น",
        "issue",
        (
            "ประเด็น",
            "ประเด็นยุทธศาสตร์",
            "ประเด็นยุทธศาสตร์ที่",
            "ประเด็นการพัฒนา",
            "ประเด็นการพัฒนาที่",
            "ยุทธศาสตร์",
            "ยุทธศาสตร์ที่",
            "ประเด็นที่",
            "strategicissue",
            "issueno",
        ),
    ),
    ColumnMeaning(
        "text",
        "ความคิดเห็น",
        "idea",
        (
            "ความคิดเห็น",
            "ความคิดเห็น/ข้อเสนอ",
            "ความคิดเห็นและข้อเสนอแนะ",
            "ข้อความ",
            "ข้อเสนอ",
            "ข้อเสนอแนะ",
            "ความเห็น",
            "ประเด็นปัญหา",
            "ประเด็นความคิดเห็น",
            "รายละเอียด",
            "สรุปความคิดเห็น",
            "ข้อคิดเห็น",
            "text",
            "comment",
            "comments",
            "suggestion",
        ),
    ),
    ColumnMeaning("kind", "ประเภท", "kind", ("ประเภท", "ชนิด", "type")),
    ColumnMeaning("sector", "ภาคส่วน", "sector", ("ภาคส่วน", "ภาค")),
    ColumnMeaning("group", "กลุ่ม", "group", ("กลุ่ม", "กลุ่มย่อย", "กลุ่มที่", "breakoutgroup", "ห้อง")),
    # A public hearing's record: who said it, the province's answer, what changes.
    ColumnMeaning(
        "commenter",
        "ผู้ให้ความคิดเห็น",
        "commenter",
        (
            "ผู้เสนอ",
            "ผู้ให้ความคิดเห็น",
            "ผู้แสดงความคิดเห็น",
            "ผู้เสนอความคิดเห็น",
            "ผู้ให้ข้อเสนอแนะ",
            "ชื่อผู้เสนอ",
            "ชื่อผู้ให้ความคิดเห็น",
            "ชื่อผู้แสดงความคิดเห็น",
            "ชื่อ",
            "ชื่อสกุล",
            "ชื่อ-นามสกุล",
            "commenter",
            "name",
            "proposedby",
        ),
    ),
    ColumnMeaning(
        "organisation",
        "หน่วยงาน",
        "organisation",
        (
            "หน่วยงาน",
            "หน่วยงาน/องค์กร",
            "หน่วยงานองค์กร",
            "ชื่อหน่วยงาน",
            "สังกัด",
            "องค์กร",
            "organisation",
            "organization",
            "agency",
        ),
    ),
    ColumnMeaning(
        "anonymous",
        "ไม่ประสงค์ออกนาม",
        "anonymous",
        ("ไม่ประสงค์ออกนาม", "ไม่ประสงค์ระบุชื่อ", "ไม่ออกนาม", "ไม่ระบุชื่อ", "anonymous"),
    ),
    ColumnMeaning(
        "answer",
        "คำชี้แจง",
        "answer",
        (
            "คำชี้แจง",
            "คำชี้แจงของจังหวัด",
            "การชี้แจง",
            "ชี้แจง",
            "คำตอบ",
            "ผลการพิจารณา",
            "answer",
            "response",
            "reply",
        ),
    ),
    ColumnMeaning(
        "plan_change",
        "การปรับปรุงแผน",
        "plan change",
        (
            "การปรับปรุงแผน",
            "สิ่งที่แก้ไขในแผน",
            "การแก้ไขแผน",
            "การปรับปรุงร่างแผน",
            "การปรับแก้แผน",
            "การปรับปรุงแก้ไขแผน",
            "ผลต่อแผน",
            "planchange",
            "changetoplan",
            "change",
        ),
    ),
)
DETAIL_COLUMNS = ("commenter", "organisation", "anonymous", "answer", "plan_change")
# How an "anonymous" cell says yes or no, and how a commenter cell says that the person
# asked not to be named (compared after header_key).
_YES = {"ใช่", "ไม่ประสงค์ออกนาม", "ประสงค์", "/", "✓", "✔", "x", "y", "yes", "true", "1", "จริง"}
_NO = {"", "-", "ไม่ใช่", "ไม่", "n", "no", "false", "0", "เท็จ", "ออกนาม", "ประสงค์ออกนาม"}
_ANONYMOUS_NAMES = ("ไม่ประสงค์ออกนาม", "ไม่ประสงค์ระบุชื่อ", "ไม่ออกนาม", "ไม่ระบุชื่อ", "anonymous")
# Other words for the kinds (compared after header_key).
KIND_ALIASES = {
    "จุดแข็ง": IdeaKind.STRENGTH.value,
    "ศักยภาพ": IdeaKind.STRENGTH.value,
    "โอกาส": IdeaKind.STRENGTH.value,
    "จุดอ่อน": IdeaKind.PROBLEM.value,
    "อุปสรรค": IdeaKind.PROBLEM.value,
    "ปัญหาอุปสรรค": IdeaKind.PROBLEM.value,
    "ข้อเสนอ": IdeaKind.PROPOSAL.value,
    "ข้อเสนอแนะ": IdeaKind.PROPOSAL.value,
    "แนวทาง": IdeaKind.PROPOSAL.value,
    "ความต้องการ": IdeaKind.NEED.value,
    "โครงการ": IdeaKind.PROJECT.value,
    "อื่นๆ": IdeaKind.OTHER.value,
}
# "2", "ประเด็นที่ 2", "ประเด็นยุทธศาสตร์ที่ 2 การท่องเที่ยว", "issue 2"; "2.5" is caught
# whole so that it is refused rather than read as 2.
_ISSUE_WORDS = r"(?:ประเด็น(?:ยุทธศาสตร์|การพัฒนา)?(?:ที่)?|ยุทธศาสตร์(?:ที่)?|issue)"
_ISSUE_NUMBER = re.compile(rf"^{_ISSUE_WORDS}?\s*(\d+(?:[.,]\d+)?)(?!\d)")
_ISSUE_HEADING = re.compile(rf"^{_ISSUE_WORDS}\s*(\d+(?:[.,]\d+)?)(?!\d)")


def _flag_key(text: str) -> str:
    return header_key(text) or text.strip()  # "/" and "-" are all noise to header_key


_YES_KEYS = {_flag_key(w) for w in _YES}
_NO_KEYS = {_flag_key(w) for w in _NO}
_ANONYMOUS_KEYS = tuple(header_key(w) for w in _ANONYMOUS_NAMES)


@dataclass(frozen=True)
class PlannedIdea:
    source_row: int
    issue_id: str
    draft: IdeaDraft
    details: CommentDetails | None = None  # who said it and the answer (a hearing)


@dataclass
class IdeaImportPlan:
    workshop_id: str
    file_name: str
    ideas: list[PlannedIdea]
    problems: list[ImportProblem] = field(default_factory=list)
    located: LocatedTable | None = None

    @property
    def sheet_note(self) -> tuple[str, str]:
        return self.located.sheet_note if self.located else ("", "")


class _Issues:
    def __init__(self, session: Session, workshop_id: str) -> None:
        issues = list_issues(session, workshop_id)
        self.by_number = {str(i.number): i.id for i in issues}
        self.by_title = {header_key(i.title): i.id for i in issues}
        self.numbers = ", ".join(str(i.number) for i in issues)

    def find(self, text: str) -> tuple[str | None, str]:
        """(issue id, "") or (None, why not)."""
        text = to_arabic_digits(text).strip()
        match = _ISSUE_NUMBER.match(text.casefold())
        if match and not match.group(1).isdigit():
            return None, "fraction"
        found = (self.by_number.get(match.group(1)) if match else None) or self.by_title.get(
            header_key(text)
        )
        return found, "" if found else "unknown"

    def heading(self, text: str) -> str | None:
        """The issue a heading row names ("ประเด็นยุทธศาสตร์ที่ 2 ...", or its title)."""
        match = _ISSUE_HEADING.match(to_arabic_digits(text).strip().casefold())
        if match:
            return self.by_number.get(match.group(1))
        return self.by_title.get(header_key(text))


def load_idea_file(
    session: Session,
    workshop_id: str,
    source: SourceFile,
    choice: ImportChoice | None = None,
    meanings_by_column: Mapping[int, str] | None = None,
    progress: RowProgress | None = None,
) -> IdeaImportPlan:
    """Plan the import of a file already read, every problem listed in the plan."""
    located = locate_table(source, COLUMNS, ("text",), choice or ImportChoice())
    if meanings_by_column:
        located = relocate(located, meanings_by_column)
    return _plan(session, workshop_id, located, progress)


def _plan(
    session: Session, workshop_id: str, located: LocatedTable, progress: RowProgress | None
) -> IdeaImportPlan:
    problem = located.problem
    issues = _Issues(session, workshop_id)
    sectors = SectorReader(session, workshop_id)
    kinds = label_lookup(KIND_LABELS, KIND_ALIASES)
    kind_names = ", ".join(thai for thai, _english in KIND_LABELS.values())
    problems: list[ImportProblem] = []
    ideas: list[PlannedIdea] = []
    if not located.has("text"):
        problems.append(
            problem(
                located.header_row,
                None,
                "ไม่มีคอลัมน์ความคิดเห็น: เลือกความหมาย 'ความคิดเห็น' ให้คอลัมน์หนึ่ง "
                "(หรือใช้ --column text=หัวคอลัมน์)",
                "no idea column: give one column the meaning 'idea' (or use --column text=HEADER)",
            )
        )
        return IdeaImportPlan(workshop_id, located.source.name, [], problems, located)

    for row in located.rows(heading_of=issues.heading, progress=progress):
        number, values, row_problems = row.number, row.values, row.problems
        issue_text = values.get("issue", "")
        issue_id: str | None = row.heading or None
        if issue_text:
            issue_id, why = issues.find(issue_text)
            if why == "fraction":
                row_problems.append(
                    problem(
                        number,
                        "issue",
                        f"เลขที่ประเด็น '{issue_text}' ไม่ใช่จำนวนเต็ม (ใช้ {issues.numbers})",
                        f"issue number '{issue_text}' is not a whole number (use {issues.numbers})",
                    )
                )
            elif issue_id is None:
                row_problems.append(
                    problem(
                        number,
                        "issue",
                        f"ไม่รู้จักประเด็น '{issue_text}' (ใช้เลขที่ประเด็น {issues.numbers} หรือชื่อประเด็น)",
                        f"unknown issue '{issue_text}' "
                        f"(use an issue number, {issues.numbers}, or its title)",
                    )
                )
        elif issue_id is None:
            row_problems.append(
                problem(
                    number,
                    "issue" if located.has("issue") else None,
                    "ไม่ระบุประเด็น: ใส่เลขที่ประเด็นในคอลัมน์ 'ประเด็น' หรือเป็นแถวหัวกลุ่ม "
                    "'ประเด็นยุทธศาสตร์ที่ ...' เหนือความคิดเห็น",
                    "no issue: give its number in an 'issue' column or a heading row "
                    "'issue ...' above the ideas",
                )
            )
        try:
            text = clean_idea_text(values.get("text", ""))
        except FieldError as exc:
            row_problems.append(problem(number, "text", exc.thai, exc.english))
            text = ""
        kind = IdeaKind.PROPOSAL.value
        if values.get("kind"):
            found_kind = kinds.get(header_key(values["kind"]))
            if found_kind is None:
                row_problems.append(
                    problem(
                        number,
                        "kind",
                        f"ไม่รู้จักประเภท '{values['kind']}' (ใช้ได้: {kind_names})",
                        f"unknown kind '{values['kind']}' (one of: {kind_names})",
                    )
                )
            else:
                kind = found_kind
        sector_id = None
        if values.get("sector"):
            sector_id = sectors.cell(values["sector"])
            if sector_id is None:
                row_problems.append(
                    problem(
                        number,
                        "sector",
                        f"ไม่รู้จักภาคส่วน '{values['sector']}' (ใช้ได้: {sectors.listing})",
                        f"unknown sector '{values['sector']}' (one of: {sectors.listing})",
                    )
                )
        details = _details(values, number, problem, row_problems)
        if row_problems:
            problems.extend(row_problems)
            continue
        assert issue_id is not None
        draft = IdeaDraft(text, kind, sector_id, values.get("group", ""))
        ideas.append(PlannedIdea(number, issue_id, draft, details))

    if not ideas and not problems:
        problems.append(
            problem(None, None, "ไม่มีความคิดเห็นใต้แถวหัวตาราง", "no ideas below the header row")
        )
    return IdeaImportPlan(workshop_id, located.source.name, ideas, problems, located)


def _details(
    values: Mapping[str, str],
    number: int,
    problem: Callable[[int | None, str | None, str, str], ImportProblem],
    row_problems: list[ImportProblem],
) -> CommentDetails | None:
    """The commenter and the answer given on a row (None when the file has none)."""
    if not any(values.get(key) for key in DETAIL_COLUMNS):
        return None
    name = values.get("commenter", "")
    anonymous = header_key(name).startswith(_ANONYMOUS_KEYS)
    if anonymous:
        name = ""  # the cell said that the person asked not to be named
    flag = _flag_key(values.get("anonymous", ""))
    if flag in _YES_KEYS:
        anonymous = True
    elif flag not in _NO_KEYS:
        row_problems.append(
            problem(
                number,
                "anonymous",
                f"ช่องไม่ประสงค์ออกนามต้องเป็น 'ใช่' หรือเว้นว่าง ไม่ใช่ '{values['anonymous']}'",
                f"the anonymous cell must be 'yes' or empty, not '{values['anonymous']}'",
            )
        )
    return CommentDetails(
        name,
        values.get("organisation", ""),
        anonymous,
        values.get("answer", ""),
        values.get("plan_change", ""),
    )


def read_idea_file(
    session: Session, workshop_id: str, path: Path, choice: ImportChoice | None = None
) -> IdeaImportPlan:
    """Read, parse and check the whole file; raise ImportRejectedError listing every
    problem."""
    plan = load_idea_file(session, workshop_id, read_file(path), choice)
    if plan.problems:
        raise ImportRejectedError(path.name, plan.problems)
    return plan


def apply_idea_plan(
    session: Session, plan: IdeaImportPlan, progress: RowProgress | None = None
) -> int:
    """Add the planned cards (in the caller's transaction) in file order, with their
    commenters and answers; return how many."""
    if plan.problems:
        raise ImportRejectedError(plan.file_name, plan.problems)
    cards = [(i.issue_id, i.draft) for i in plan.ideas]
    ids = add_ideas(session, plan.workshop_id, cards, progress=progress)
    set_many_comment_details(
        session,
        [
            (idea_id, idea.details)
            for idea_id, idea in zip(ids, plan.ideas, strict=True)
            if idea.details is not None
        ],
    )
    return len(ids)
