"""The brainstorm board: adding, editing, moving, merging and unmerging idea cards."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import func, select

from workshop_app.db.database import Database
from workshop_app.db.hlc import Stamp
from workshop_app.errors import FieldError, UserError
from workshop_app.models import Idea, IdeaKind, IdeaMergeEvent, MergeAction, StrategicIssue
from workshop_app.services.attendees import AttendeeDraft, add_attendee, delete_attendee
from workshop_app.services.ideas import (
    MAX_IDEA_CHARS,
    IdeaDraft,
    IdeaPlace,
    IdeaRow,
    add_idea,
    clean_idea_text,
    count_ideas,
    delete_idea,
    get_idea,
    idea_place,
    kind_label,
    list_ideas,
    merge_history,
    merge_ideas,
    merged_into,
    move_idea,
    neighbour_id,
    restore_idea,
    unmerge_ideas,
    update_idea,
)
from workshop_app.services.workshops import (
    create_workshop,
    delete_numbered,
    delete_sector,
    list_issues,
    list_sectors,
)
from workshop_app.thai.normalize import search_key

WATER = "ขาดแคลนน้ำเพื่อการเกษตรในฤดูแล้ง"
ROADS = "ถนนเชื่อมหมู่บ้านชำรุดเสียหาย"
TOURISM = "ส่งเสริมการท่องเที่ยวเชิงเกษตรและวัฒนธรรม"
RUBBER = "ราคายางพาราตกต่ำ"
ELDERLY = "ผู้สูงอายุขาดผู้ดูแลในชุมชน"
FLOOD = "น้ำท่วมซ้ำซากในพื้นที่ลุ่มน้ำ"
WASTE = "ขยะมูลฝอยล้นบ่อฝังกลบ"
YOUTH = "เยาวชนย้ายไปทำงานต่างจังหวัด"
BORDER = "เพิ่มช่องทางการค้าชายแดน"
OTOP = "พัฒนาบรรจุภัณฑ์สินค้า OTOP ให้ได้มาตรฐาน"


@dataclass(frozen=True)
class Board:
    workshop_id: str
    issue_ids: list[str]
    sector_ids: list[str]
    author_id: str
    other_workshop_id: str
    other_issue_id: str
    other_sector_id: str
    other_author_id: str


@pytest.fixture
def board(db: Database) -> Board:
    """A workshop with its 5 issue placeholders and 8 sectors, one attendee, and a second
    workshop whose issues, sectors and people must never leak into the first."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ทบทวนแผนพัฒนาจังหวัด ประจำปี ๒๕๖๙")
        sector_ids = [s.id for s in list_sectors(session, workshop_id)]
        author_id = add_attendee(
            session,
            workshop_id,
            AttendeeDraft(
                prefix="นาย", first_name="สมชาย", last_name="ใจดี", sector_id=sector_ids[0]
            ),
        )
        other_id = create_workshop(session, "ประชุมประชาคมอำเภอ")
        other_sector = list_sectors(session, other_id)[0].id
        other_author = add_attendee(
            session,
            other_id,
            AttendeeDraft(first_name="สมหญิง", last_name="แก้วมณี", sector_id=other_sector),
        )
        return Board(
            workshop_id=workshop_id,
            issue_ids=[i.id for i in list_issues(session, workshop_id)],
            sector_ids=sector_ids,
            author_id=author_id,
            other_workshop_id=other_id,
            other_issue_id=list_issues(session, other_id)[0].id,
            other_sector_id=other_sector,
            other_author_id=other_author,
        )


# --- helpers ------------------------------------------------------------------------------


def _add(
    db: Database,
    board: Board,
    text: str,
    issue: int = 0,
    *,
    kind: str = IdeaKind.PROPOSAL.value,
    sector_id: str | None = None,
    author_id: str | None = None,
) -> str:
    with db.transaction() as session:
        return add_idea(
            session,
            board.workshop_id,
            board.issue_ids[issue],
            IdeaDraft(text, kind, sector_id, author_id=author_id),
        )


def _add_many(db: Database, board: Board, texts: list[str], issue: int = 0) -> list[str]:
    return [_add(db, board, text, issue) for text in texts]


def _rows(db: Database, board: Board, issue: int | None = None) -> list[IdeaRow]:
    with db.session() as session:
        issue_id = None if issue is None else board.issue_ids[issue]
        return list_ideas(session, board.workshop_id, issue_id)


def _column(db: Database, board: Board, issue: int = 0) -> list[str]:
    """The ids on the board in one issue's column, top to bottom."""
    return [r.id for r in _rows(db, board, issue)]


def _texts(db: Database, board: Board, issue: int = 0) -> list[str]:
    return [r.text for r in _rows(db, board, issue)]


def _get(db: Database, idea_id: str) -> IdeaRow:
    with db.session() as session:
        return get_idea(session, idea_id)


def _idea_count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Idea)) or 0


def _snapshot(db: Database) -> list[tuple[Any, ...]]:
    """Every stored idea and merge-log row, to prove a refused action changed nothing."""
    with db.session() as session:
        ideas = session.execute(
            select(
                Idea.id,
                Idea.issue_id,
                Idea.position,
                Idea.merged_into_id,
                Idea.deleted,
                Idea.text,
                Idea.kind,
                Idea.sector_id,
                Idea.author_id,
                Idea.search_text,
                Idea.updated_hlc,
            ).order_by(Idea.id)
        )
        events = session.execute(
            select(IdeaMergeEvent.id, IdeaMergeEvent.source_ids).order_by(IdeaMergeEvent.id)
        )
        return [tuple(r) for r in ideas] + [tuple(r) for r in events]


def _history(db: Database, board: Board) -> list[tuple[str, str, tuple[str, ...]]]:
    with db.session() as session:
        return [
            (e.action, e.target_id, e.source_ids) for e in merge_history(session, board.workshop_id)
        ]


def _assert_bilingual(error: UserError) -> None:
    assert error.thai.strip() and error.english.strip()
    assert error.thai != error.english


# --- adding -------------------------------------------------------------------------------


def test_add_appends_at_the_end_of_the_issue_column(db: Database, board: Board) -> None:
    """Each new card goes below the others of its issue; other columns are not affected;
    the whole board is listed by issue number, then top to bottom."""
    first = _add_many(db, board, [WATER, ROADS, TOURISM])
    second = _add_many(db, board, [RUBBER, ELDERLY], issue=1)
    last = _add(db, board, FLOOD)
    assert _column(db, board, 0) == [*first, last]
    assert _column(db, board, 1) == second
    assert _texts(db, board, 0) == [WATER, ROADS, TOURISM, FLOOD]
    positions = [r.position for r in _rows(db, board, 0)]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    assert [r.id for r in _rows(db, board)] == [*first, last, *second]
    assert _column(db, board, 2) == []


def test_add_returns_a_row_with_its_details(db: Database, board: Board) -> None:
    """Sector name and colour and the author's full name come with the card."""
    idea_id = _add(
        db,
        board,
        WATER,
        kind=IdeaKind.PROBLEM.value,
        sector_id=board.sector_ids[2],
        author_id=board.author_id,
    )
    with db.session() as session:
        sector = list_sectors(session, board.workshop_id)[2]
    row = _get(db, idea_id)
    assert row.id == idea_id and row.issue_id == board.issue_ids[0]
    assert (row.text, row.kind) == (WATER, IdeaKind.PROBLEM.value)
    assert (row.sector_id, row.sector_name, row.sector_colour) == (
        sector.id,
        sector.name,
        sector.colour,
    )
    assert (row.author_id, row.author_name) == (board.author_id, "นายสมชาย ใจดี")
    assert row.merged_count == 0
    assert row.search_text == search_key(WATER)
    assert row.draft() == IdeaDraft(WATER, IdeaKind.PROBLEM.value, sector.id, "", board.author_id)


def test_add_without_sector_or_author(db: Database, board: Board) -> None:
    row = _get(db, _add(db, board, ROADS))
    assert (row.sector_id, row.sector_name, row.sector_colour) == (None, "", "")
    assert (row.author_id, row.author_name) == (None, "")
    assert row.kind == IdeaKind.PROPOSAL.value


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # tone mark typed before the vowel above: น + ้ + ี  ->  น + ี + ้
        ("ปัญหาน\u0e49\u0e35ต้องแก้ไขด่วน", "ปัญหานี้ต้องแก้ไขด่วน"),
        # the same vowel typed twice
        ("ที่ดินทำกินม\u0e35\u0e35น้อย", "ที่ดินทำกินมีน้อย"),
        # แ typed as เ + เ
        ("\u0e40\u0e40หล่งน้ำตื้นเขิน", "แหล่งน้ำตื้นเขิน"),
        # สระอำ typed as นิคหิต + สระอา
        ("ขาดแคลนน\u0e49\u0e4d\u0e32ดื่ม", "ขาดแคลนน้ำดื่ม"),
        # a bell character from a pasted text
        ("ขยะ\x07ล้นเมือง", "ขยะ ล้นเมือง"),
        # tabs and line breaks
        ("ส่งเสริม\tการท่องเที่ยว\r\nเชิงเกษตร", "ส่งเสริม การท่องเที่ยว เชิงเกษตร"),
        # a C1 control character (NEL) and a NUL
        ("ราคายางตกต่ำ\u0085ต่อเนื่อง\x00", "ราคายางตกต่ำ ต่อเนื่อง"),
        # zero-width space from the web, spaces around
        ("  พัฒนา\u200bตลาดสินค้าเกษตร  ", "พัฒนาตลาดสินค้าเกษตร"),
    ],
)
def test_add_repairs_typed_text(db: Database, board: Board, typed: str, stored: str) -> None:
    """Typing slips and pasted control characters are repaired before the card is stored;
    the search text follows the repaired text."""
    idea_id = _add(db, board, typed)
    row = _get(db, idea_id)
    assert row.text == stored
    assert row.search_text == search_key(stored)
    assert clean_idea_text(typed) == stored
    with db.session() as session:
        stored_row = session.get(Idea, idea_id)
        assert stored_row is not None and stored_row.text == stored


@pytest.mark.parametrize("text", ["", "   ", "\t\r\n", "\x07\x00", "\u200b\u200b", " \u0085 "])
def test_add_refuses_empty_text(db: Database, board: Board, text: str) -> None:
    """A card with nothing on it is a FieldError on "text", in Thai and English."""
    with pytest.raises(FieldError) as excinfo, db.transaction() as session:
        add_idea(session, board.workshop_id, board.issue_ids[0], IdeaDraft(text))
    assert excinfo.value.field == "text"
    _assert_bilingual(excinfo.value)
    assert _idea_count(db) == 0


def test_add_refuses_very_long_text_and_saves_nothing(db: Database, board: Board) -> None:
    """10,000 characters are refused (never cut); even a card added earlier in the same
    transaction is not saved."""
    _add(db, board, WATER)
    before = _snapshot(db)
    with pytest.raises(FieldError) as excinfo, db.transaction() as session:
        add_idea(session, board.workshop_id, board.issue_ids[0], IdeaDraft(ROADS))
        add_idea(session, board.workshop_id, board.issue_ids[0], IdeaDraft("ก" * 10_000))
    assert excinfo.value.field == "text"
    _assert_bilingual(excinfo.value)
    assert "10,000" in excinfo.value.english and "10,000" in excinfo.value.thai
    assert _idea_count(db) == 1
    assert _snapshot(db) == before
    assert _texts(db, board) == [WATER]


def test_longest_allowed_text(db: Database, board: Board) -> None:
    """Exactly the limit is fine; one more character is refused."""
    longest = "น้ำ" * (MAX_IDEA_CHARS // 3) + "ก" * (MAX_IDEA_CHARS % 3)
    assert len(longest) == MAX_IDEA_CHARS
    assert _get(db, _add(db, board, longest)).text == longest
    with pytest.raises(FieldError), db.transaction() as session:
        add_idea(session, board.workshop_id, board.issue_ids[0], IdeaDraft(longest + "ข"))
    with pytest.raises(FieldError):
        clean_idea_text(longest + "ข")
    assert _idea_count(db) == 1


@pytest.mark.parametrize("kind", list(IdeaKind))
def test_every_kind_is_accepted(db: Database, board: Board, kind: IdeaKind) -> None:
    assert _get(db, _add(db, board, WATER, kind=kind.value)).kind == kind.value
    assert kind_label(kind.value, "th") != kind_label(kind.value, "en")
    assert kind_label(kind.value, "th") and kind_label(kind.value, "en")


@pytest.mark.parametrize("kind", ["idea", "", "PROBLEM", "ปัญหา"])
def test_add_refuses_unknown_kind(db: Database, board: Board, kind: str) -> None:
    with pytest.raises(FieldError) as excinfo, db.transaction() as session:
        add_idea(session, board.workshop_id, board.issue_ids[0], IdeaDraft(WATER, kind))
    assert excinfo.value.field == "kind"
    _assert_bilingual(excinfo.value)
    assert _idea_count(db) == 0


def test_add_refuses_sector_of_another_workshop(db: Database, board: Board) -> None:
    for sector_id in (board.other_sector_id, "no-such-sector"):
        with pytest.raises(FieldError) as excinfo, db.transaction() as session:
            add_idea(
                session,
                board.workshop_id,
                board.issue_ids[0],
                IdeaDraft(WATER, sector_id=sector_id),
            )
        assert excinfo.value.field == "sector"
        _assert_bilingual(excinfo.value)
    assert _idea_count(db) == 0


def test_add_refuses_deleted_sector(db: Database, board: Board) -> None:
    with db.transaction() as session:
        delete_sector(session, board.sector_ids[7])
    with pytest.raises(FieldError, match="sector"), db.transaction() as session:
        add_idea(
            session,
            board.workshop_id,
            board.issue_ids[0],
            IdeaDraft(WATER, sector_id=board.sector_ids[7]),
        )
    assert _idea_count(db) == 0


def test_add_refuses_author_of_another_workshop(db: Database, board: Board) -> None:
    for author_id in (board.other_author_id, "no-such-person"):
        with pytest.raises(FieldError) as excinfo, db.transaction() as session:
            add_idea(
                session,
                board.workshop_id,
                board.issue_ids[0],
                IdeaDraft(WATER, author_id=author_id),
            )
        assert excinfo.value.field == "author"
        _assert_bilingual(excinfo.value)
    assert _idea_count(db) == 0


def test_add_refuses_issue_of_another_workshop(db: Database, board: Board) -> None:
    for issue_id in (board.other_issue_id, "no-such-issue"):
        with pytest.raises(UserError) as excinfo, db.transaction() as session:
            add_idea(session, board.workshop_id, issue_id, IdeaDraft(WATER))
        _assert_bilingual(excinfo.value)
    assert _idea_count(db) == 0


def test_add_refuses_deleted_issue(db: Database, board: Board) -> None:
    with db.transaction() as session:
        delete_numbered(session, StrategicIssue, board.issue_ids[4])
    with pytest.raises(UserError), db.transaction() as session:
        add_idea(session, board.workshop_id, board.issue_ids[4], IdeaDraft(WATER))
    assert _idea_count(db) == 0


def test_add_with_an_explicit_id(db: Database, board: Board) -> None:
    fixed = str(uuid.uuid4())
    with db.transaction() as session:
        returned = add_idea(
            session, board.workshop_id, board.issue_ids[0], IdeaDraft(WATER), idea_id=fixed
        )
    assert returned == fixed
    assert _get(db, fixed).text == WATER


def test_redo_of_an_add_brings_back_the_same_row(db: Database, board: Board) -> None:
    """Undo of an add (ui.commands) deletes the card; its redo restores that row (same
    id, same place), it does not make a second one."""
    ids = _add_many(db, board, [WATER, ROADS, TOURISM])
    before = _get(db, ids[1])
    with db.transaction() as session:
        delete_idea(session, ids[1])
    assert _column(db, board) == [ids[0], ids[2]]
    with db.transaction() as session:
        restore_idea(session, ids[1])
    assert _idea_count(db) == 3
    assert _column(db, board) == ids
    assert _get(db, ids[1]) == before


# --- editing ------------------------------------------------------------------------------


def test_update_changes_text_kind_and_sector(db: Database, board: Board) -> None:
    """The new text is cleaned and the search text follows it (case folded, Arabic
    digits); the card keeps its place."""
    ids = _add_many(db, board, [WATER, ROADS, TOURISM])
    new_text = "พัฒนาบรรจุภัณฑ์สินค้า OTOP ใน ๓ อำเภอ\tให้ได้มาตรฐาน"
    with db.transaction() as session:
        update_idea(
            session,
            ids[1],
            IdeaDraft(new_text, IdeaKind.PROJECT.value, board.sector_ids[3], "กลุ่ม ๒"),
        )
    row = _get(db, ids[1])
    assert row.text == "พัฒนาบรรจุภัณฑ์สินค้า OTOP ใน ๓ อำเภอ ให้ได้มาตรฐาน"
    assert row.kind == IdeaKind.PROJECT.value
    assert row.sector_id == board.sector_ids[3]
    assert row.breakout_group == "กลุ่ม ๒"
    assert row.search_text == search_key(row.text)
    assert "otop" in row.search_text and "3" in row.search_text
    assert "ถนน" not in row.search_text
    assert _column(db, board) == ids


def test_update_removes_sector_and_author(db: Database, board: Board) -> None:
    idea_id = _add(db, board, WATER, sector_id=board.sector_ids[0], author_id=board.author_id)
    with db.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(WATER, IdeaKind.PROBLEM.value))
    row = _get(db, idea_id)
    assert (row.sector_id, row.author_id, row.author_name) == (None, None, "")


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (IdeaDraft(" \n "), "text"),
        (IdeaDraft("ข" * 10_000), "text"),
        (IdeaDraft(ROADS, "wish"), "kind"),
        (IdeaDraft(ROADS, sector_id="no-such-sector"), "sector"),
        (IdeaDraft(ROADS, author_id="no-such-person"), "author"),
    ],
)
def test_bad_update_is_refused_and_changes_nothing(
    db: Database, board: Board, draft: IdeaDraft, field: str
) -> None:
    idea_id = _add(db, board, WATER)
    before = _snapshot(db)
    with pytest.raises(FieldError) as excinfo, db.transaction() as session:
        update_idea(session, idea_id, draft)
    assert excinfo.value.field == field
    _assert_bilingual(excinfo.value)
    assert _snapshot(db) == before


def test_update_refuses_other_workshops_sector(db: Database, board: Board) -> None:
    idea_id = _add(db, board, WATER)
    with pytest.raises(FieldError, match="sector"), db.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(WATER, sector_id=board.other_sector_id))
    assert _get(db, idea_id).sector_id is None


def test_update_of_a_deleted_idea_is_refused(db: Database, board: Board) -> None:
    idea_id = _add(db, board, WATER)
    with db.transaction() as session:
        delete_idea(session, idea_id)
    before = _snapshot(db)
    with pytest.raises(UserError) as excinfo, db.transaction() as session:
        update_idea(session, idea_id, IdeaDraft(ROADS))
    _assert_bilingual(excinfo.value)
    assert "deleted" in excinfo.value.english
    assert _snapshot(db) == before


def test_update_of_an_unknown_idea_is_refused(db: Database, board: Board) -> None:
    with pytest.raises(UserError, match="no idea"), db.transaction() as session:
        update_idea(session, str(uuid.uuid4()), IdeaDraft(ROADS))


def test_card_whose_sector_was_deleted_can_still_be_corrected(db: Database, board: Board) -> None:
    """delete_sector allows deleting a sector that only cards use; correcting a typo on
    such a card (sector untouched) still works and the card keeps its sector."""
    idea_id = _add(db, board, "ขาดแคลนน้ำเพื่อการเกษตรในฤดูแลง", sector_id=board.sector_ids[7])
    with db.transaction() as session:
        delete_sector(session, board.sector_ids[7])
    draft = replace(_get(db, idea_id).draft(), text=WATER)
    with db.transaction() as session:
        update_idea(session, idea_id, draft)
    row = _get(db, idea_id)
    assert (row.text, row.sector_id) == (WATER, board.sector_ids[7])


def test_card_whose_author_was_deleted_can_still_be_corrected(db: Database, board: Board) -> None:
    """The same for the author: a deleted attendee stays the author of their card while
    its text is corrected."""
    idea_id = _add(db, board, "ถนนเชื่อมหมู่บ้านชำรุดเสียหย", author_id=board.author_id)
    with db.transaction() as session:
        delete_attendee(session, board.author_id)
    draft = replace(_get(db, idea_id).draft(), text=ROADS, kind=IdeaKind.PROBLEM.value)
    with db.transaction() as session:
        update_idea(session, idea_id, draft)
    row = _get(db, idea_id)
    assert (row.text, row.kind, row.author_id) == (ROADS, IdeaKind.PROBLEM.value, board.author_id)


def test_a_deleted_sector_or_author_cannot_be_newly_chosen(db: Database, board: Board) -> None:
    """Keeping a deleted sector or author is only for the card that already has it:
    choosing one for another card, or switching back to it after a change, is refused."""
    kept = _add(db, board, WATER, sector_id=board.sector_ids[7], author_id=board.author_id)
    other = _add(db, board, ROADS, sector_id=board.sector_ids[0])
    with db.transaction() as session:
        delete_sector(session, board.sector_ids[7])
        delete_attendee(session, board.author_id)
    before = _snapshot(db)
    for idea_id, draft, field in [
        (other, IdeaDraft(ROADS, sector_id=board.sector_ids[7]), "sector"),
        (other, IdeaDraft(ROADS, author_id=board.author_id), "author"),
    ]:
        with pytest.raises(FieldError) as excinfo, db.transaction() as session:
            update_idea(session, idea_id, draft)
        assert excinfo.value.field == field
        _assert_bilingual(excinfo.value)
    assert _snapshot(db) == before
    # Once the card has left the deleted sector it cannot go back to it.
    with db.transaction() as session:
        update_idea(session, kept, IdeaDraft(WATER, sector_id=board.sector_ids[1]))
    with pytest.raises(FieldError, match="sector"), db.transaction() as session:
        update_idea(session, kept, IdeaDraft(WATER, sector_id=board.sector_ids[7]))
    assert _get(db, kept).sector_id == board.sector_ids[1]


# --- deleting and restoring ---------------------------------------------------------------


def test_delete_and_restore(db: Database, board: Board) -> None:
    """A deleted card leaves the board (the row stays, tombstoned); restore brings it
    back in its place."""
    ids = _add_many(db, board, [WATER, ROADS, TOURISM])
    with db.transaction() as session:
        delete_idea(session, ids[1])
    assert _column(db, board) == [ids[0], ids[2]]
    assert _idea_count(db) == 3
    with db.session() as session:
        stored = session.get(Idea, ids[1])
        assert stored is not None and stored.deleted
    with pytest.raises(UserError, match="deleted"), db.session() as session:
        get_idea(session, ids[1])
    with pytest.raises(UserError), db.transaction() as session:
        delete_idea(session, ids[1])
    with db.transaction() as session:
        restore_idea(session, ids[1])
    assert _column(db, board) == ids
    assert _get(db, ids[1]).text == ROADS


def test_restore_of_an_unknown_idea_is_refused(db: Database, board: Board) -> None:
    with pytest.raises(UserError, match="no idea"), db.transaction() as session:
        restore_idea(session, "no-such-idea")


def test_add_after_a_delete_goes_below_the_deleted_card(db: Database, board: Board) -> None:
    """The deleted card keeps its place: restored, it is above a card added meanwhile."""
    ids = _add_many(db, board, [WATER, ROADS])
    with db.transaction() as session:
        delete_idea(session, ids[1])
    newer = _add(db, board, TOURISM)
    with db.transaction() as session:
        restore_idea(session, ids[1])
    assert _column(db, board) == [*ids, newer]


# --- moving -------------------------------------------------------------------------------


@pytest.fixture
def column(db: Database, board: Board) -> list[str]:
    """Five cards in issue 1, one in issue 2."""
    ids = _add_many(db, board, [WATER, ROADS, TOURISM, RUBBER, ELDERLY])
    _add(db, board, FLOOD, issue=1)
    return ids


def _where(place: IdeaPlace) -> tuple[str, str | None]:
    """A place without its exact position (which the tests do not pin down)."""
    return (place.issue_id, place.before_id)


def _move(db: Database, idea_id: str, issue_id: str, before_id: str | None) -> IdeaPlace:
    with db.transaction() as session:
        return move_idea(session, idea_id, issue_id, before_id)


def _undo(db: Database, idea_id: str, old: IdeaPlace) -> None:
    """Undo of a move, as the board's undo stack does it: move the card to its old place."""
    with db.transaction() as session:
        move_idea(session, idea_id, old.issue_id, old.before_id, old.position)


def _board(db: Database, board: Board) -> list[tuple[str, str]]:
    """(id, issue) of every card on the board, by issue number then top to bottom."""
    return [(r.id, r.issue_id) for r in _rows(db, board)]


def _positions(db: Database, issue_id: str) -> dict[str, float]:
    """The stored position of every card of a column, hidden cards too."""
    with db.session() as session:
        return dict(
            session.execute(select(Idea.id, Idea.position).where(Idea.issue_id == issue_id)).all()
        )


def _crowd_above(db: Database, board: Board, top: str, bottom: str) -> list[str]:
    """Drop new cards just above ``bottom`` (below ``top``) until the gap left there is
    so small that the next drop renumbers the column; return them top to bottom."""
    crowd: list[str] = []
    while True:
        rows = {r.id: r.position for r in _rows(db, board)}
        if rows[bottom] - rows[crowd[-1] if crowd else top] < 1e-6:
            return crowd
        card = _add(db, board, f"ข้อเสนอที่ {len(crowd) + 1}")
        _move(db, card, board.issue_ids[0], bottom)
        crowd.append(card)


def test_move_up_before_another_card(db: Database, board: Board, column: list[str]) -> None:
    """move_idea returns where the card was: its column and the card that was below it."""
    a, b, c, d, e = column
    old = _move(db, d, board.issue_ids[0], b)
    assert _column(db, board) == [a, d, b, c, e]
    assert (old.issue_id, old.before_id) == (board.issue_ids[0], e)


def test_move_down_before_another_card(db: Database, board: Board, column: list[str]) -> None:
    a, b, c, d, e = column
    old = _move(db, a, board.issue_ids[0], d)
    assert _column(db, board) == [b, c, a, d, e]
    assert (old.issue_id, old.before_id) == (board.issue_ids[0], b)


def test_move_to_the_top_and_to_the_bottom(db: Database, board: Board, column: list[str]) -> None:
    a, b, c, d, e = column
    _move(db, c, board.issue_ids[0], a)
    assert _column(db, board) == [c, a, b, d, e]
    old = _move(db, c, board.issue_ids[0], None)
    assert (old.issue_id, old.before_id) == (board.issue_ids[0], a)
    assert _column(db, board) == [a, b, d, e, c]
    old = _move(db, a, board.issue_ids[0], None)
    assert (old.issue_id, old.before_id) == (board.issue_ids[0], b)
    assert _column(db, board) == [b, d, e, c, a]
    # The bottom card's place is "at the bottom".
    assert _where(_move(db, a, board.issue_ids[0], b)) == (board.issue_ids[0], None)


def test_move_before_the_card_just_below_keeps_the_order(
    db: Database, board: Board, column: list[str]
) -> None:
    old = _move(db, column[1], board.issue_ids[0], column[2])
    assert _column(db, board) == column
    assert (old.issue_id, old.before_id) == (board.issue_ids[0], column[2])


def test_dropping_a_card_onto_itself_changes_nothing(
    db: Database, board: Board, column: list[str]
) -> None:
    """A card dropped on itself stays where it is; its place is returned, so the undo
    that follows is harmless too."""
    a, b, c, _d, _e = column
    before = _snapshot(db)
    old = _move(db, b, board.issue_ids[0], b)
    assert (old.issue_id, old.before_id) == (board.issue_ids[0], c)
    assert _snapshot(db) == before
    _undo(db, b, old)
    assert _column(db, board) == column
    assert _get(db, a).position < _get(db, b).position < _get(db, c).position


def test_move_to_another_issue(db: Database, board: Board, column: list[str]) -> None:
    a, b, c, d, e = column
    (flood,) = _column(db, board, 1)
    old = _move(db, b, board.issue_ids[1], flood)
    assert (old.issue_id, old.before_id) == (board.issue_ids[0], c)
    assert _column(db, board, 0) == [a, c, d, e]
    assert _column(db, board, 1) == [b, flood]
    assert _get(db, b).issue_id == board.issue_ids[1]
    assert _where(_move(db, d, board.issue_ids[1], None)) == (board.issue_ids[0], e)
    assert _column(db, board, 1) == [b, flood, d]
    assert _where(_move(db, e, board.issue_ids[2], None)) == (board.issue_ids[0], None)
    assert _column(db, board, 2) == [e]


def test_idea_place_names_the_card_below_on_the_board(
    db: Database, board: Board, column: list[str]
) -> None:
    """The card below is the next one on the board: merged and deleted cards are passed
    over. A deleted or unknown card has no place."""
    a, b, c, d, e = column
    (flood,) = _column(db, board, 1)
    with db.transaction() as session:
        merge_ideas(session, e, [c])
        delete_idea(session, d)
    i0, i1 = board.issue_ids[:2]
    with db.session() as session:
        assert _where(idea_place(session, a)) == (i0, b)
        assert _where(idea_place(session, b)) == (i0, e)
        assert _where(idea_place(session, e)) == (i0, None)
        assert _where(idea_place(session, flood)) == (i1, None)
    for missing, english in ((d, "deleted"), (str(uuid.uuid4()), "no idea")):
        with pytest.raises(UserError) as excinfo, db.session() as session:
            idea_place(session, missing)
        assert english in excinfo.value.english
        _assert_bilingual(excinfo.value)


@pytest.mark.parametrize(
    ("moved", "issue", "before"),
    [
        (3, 0, 0),  # up, to the top
        (0, 0, 3),  # down, into the middle
        (1, 0, None),  # to the bottom
        (4, 0, 2),  # the bottom card up
        (2, 1, 5),  # into another column, above its card
        (0, 2, None),  # into an empty column
    ],
)
def test_moving_back_to_the_old_place_undoes_a_move(
    db: Database,
    board: Board,
    column: list[str],
    moved: int,
    issue: int,
    before: int | None,
) -> None:
    """move_idea to the place it returned puts every card of the board back in order;
    the card's place is then the same as before the move."""
    cards = [*column, *_column(db, board, 1)]
    order = _board(db, board)
    with db.session() as session:
        place = idea_place(session, cards[moved])
    old = _move(db, cards[moved], board.issue_ids[issue], None if before is None else cards[before])
    assert old == place
    assert _board(db, board) != order
    _undo(db, cards[moved], old)
    assert _board(db, board) == order
    with db.session() as session:
        assert idea_place(session, cards[moved]) == place


def test_repeated_insertion_between_two_cards_keeps_a_strict_order(
    db: Database, board: Board
) -> None:
    """Dropping 60 cards one after another just above the same card halves the gap each
    time; the column is renumbered before the positions collide."""
    top, bottom = _add_many(db, board, [WATER, ROADS])
    inserted: list[str] = []
    for number in range(60):
        card = _add(db, board, f"ข้อเสนอจากกลุ่มย่อยที่ {number + 1}")
        _move(db, card, board.issue_ids[0], bottom)
        inserted.append(card)
    assert _column(db, board) == [top, *inserted, bottom]
    positions = [r.position for r in _rows(db, board)]
    assert all(a < b for a, b in itertools.pairwise(positions))
    gaps = [b - a for a, b in itertools.pairwise(positions)]
    assert min(gaps) > 1e-9
    # Without renumbering, 60 halvings of a gap of 1 would be far below 1e-9.
    stored = _positions(db, board.issue_ids[0])
    assert len(set(stored.values())) == len(stored) == 62


def test_repeated_insertion_at_the_top_keeps_a_strict_order(db: Database, board: Board) -> None:
    """Cards dropped above the top card each time go to ever lower positions."""
    ids = _add_many(db, board, [WATER, ROADS])
    for number in range(30):
        card = _add(db, board, f"ความต้องการข้อที่ {number + 1}")
        _move(db, card, board.issue_ids[0], _column(db, board)[0])
        ids.insert(0, card)
    assert _column(db, board) == ids


def test_renumbering_keeps_deleted_and_merged_cards_in_their_slots(
    db: Database, board: Board
) -> None:
    """The renumbering numbers the hidden cards too: a deleted card restored and a merged
    card given back afterwards return exactly between the cards they sat between."""
    gone, a, b, merged, c = _add_many(db, board, [WATER, ROADS, TOURISM, RUBBER, ELDERLY])
    with db.transaction() as session:
        delete_idea(session, gone)
        merge_ideas(session, a, [merged])
    crowd = _crowd_above(db, board, a, b)
    last = _add(db, board, FLOOD)
    _move(db, last, board.issue_ids[0], b)  # this drop renumbers the column
    positions = _positions(db, board.issue_ids[0])
    assert all(p.is_integer() for i, p in positions.items() if i != last)
    assert _column(db, board) == [a, *crowd, last, b, c]
    with db.transaction() as session:
        restore_idea(session, gone)
        unmerge_ideas(session, a)
    assert _column(db, board) == [gone, a, *crowd, last, b, merged, c]
    stored = _positions(db, board.issue_ids[0]).values()
    assert len(set(stored)) == len(stored)


def test_move_before_a_card_not_in_that_column_is_refused(
    db: Database, board: Board, column: list[str]
) -> None:
    """The card to move before must be on the board in the target column: not in another
    column, not merged, not deleted, not unknown."""
    a, b, c, d, e = column
    (flood,) = _column(db, board, 1)
    with db.transaction() as session:
        merge_ideas(session, e, [d])
        delete_idea(session, c)
    before = _snapshot(db)
    for moved, issue, before_id in [
        (a, 0, flood),
        (a, 1, b),
        (a, 0, d),
        (a, 0, c),
        (a, 0, "no-such-idea"),
    ]:
        with pytest.raises(UserError) as excinfo, db.transaction() as session:
            move_idea(session, moved, board.issue_ids[issue], before_id)
        assert "not in that column" in excinfo.value.english
        _assert_bilingual(excinfo.value)
    assert _snapshot(db) == before


def test_move_to_an_issue_of_another_workshop_is_refused(
    db: Database, board: Board, column: list[str]
) -> None:
    before = _snapshot(db)
    for issue_id in (board.other_issue_id, "no-such-issue"):
        with pytest.raises(UserError) as excinfo, db.transaction() as session:
            move_idea(session, column[0], issue_id, None)
        _assert_bilingual(excinfo.value)
    assert _snapshot(db) == before


def test_move_to_a_deleted_issue_is_refused(db: Database, board: Board, column: list[str]) -> None:
    """Also the undo of a move whose old column was deleted since: refused, nothing moves."""
    old = _move(db, column[0], board.issue_ids[1], None)
    with db.transaction() as session:
        delete_numbered(session, StrategicIssue, board.issue_ids[0])
    before = _snapshot(db)
    with pytest.raises(UserError) as excinfo, db.transaction() as session:
        move_idea(session, column[0], old.issue_id, old.before_id, old.position)
    _assert_bilingual(excinfo.value)
    assert _snapshot(db) == before


def test_merged_or_deleted_card_cannot_be_moved(
    db: Database, board: Board, column: list[str]
) -> None:
    a, b, c, _d, e = column
    with db.transaction() as session:
        merge_ideas(session, e, [a])
        delete_idea(session, b)
    before = _snapshot(db)
    with pytest.raises(UserError, match="merged"), db.transaction() as session:
        move_idea(session, a, board.issue_ids[1], None)
    with pytest.raises(UserError, match="deleted"), db.transaction() as session:
        move_idea(session, b, board.issue_ids[0], c)
    assert _snapshot(db) == before


def test_neighbour_id_for_keyboard_moves(db: Database, board: Board) -> None:
    """Up gives the card above (to be placed before it), down the card two below (or None
    for the bottom); at the edges the card's own id."""
    a, b, c = _add_many(db, board, [WATER, ROADS, TOURISM])
    with db.session() as session:
        assert neighbour_id(session, a, -1) == a
        assert neighbour_id(session, c, +1) == c
        assert neighbour_id(session, b, -1) == a
        assert neighbour_id(session, b, +1) is None
        assert neighbour_id(session, a, +1) == c
        assert neighbour_id(session, c, -1) == b
    with db.transaction() as session:
        move_idea(session, a, board.issue_ids[0], neighbour_id(session, a, +1))
    assert _column(db, board) == [b, a, c]
    with db.transaction() as session:
        move_idea(session, a, board.issue_ids[0], neighbour_id(session, a, +1))
    assert _column(db, board) == [b, c, a]
    with db.session() as session:
        assert neighbour_id(session, a, +1) == a
    with db.transaction() as session:
        move_idea(session, a, board.issue_ids[0], neighbour_id(session, a, -1))
    assert _column(db, board) == [b, a, c]


def test_neighbour_id_of_a_single_card_and_past_merged_cards(db: Database, board: Board) -> None:
    """Merged and deleted cards are not neighbours; a lone card cannot move."""
    lone = _add(db, board, BORDER, issue=2)
    a, b, c, d = _add_many(db, board, [WATER, ROADS, TOURISM, RUBBER])
    with db.transaction() as session:
        merge_ideas(session, d, [b])
        delete_idea(session, c)
    with db.session() as session:
        assert neighbour_id(session, lone, -1) == lone
        assert neighbour_id(session, lone, +1) == lone
        assert neighbour_id(session, d, -1) == a
        assert neighbour_id(session, a, +1) is None


def test_neighbour_id_of_a_merged_or_deleted_card_is_a_user_error(
    db: Database, board: Board
) -> None:
    a, b, c = _add_many(db, board, [WATER, ROADS, TOURISM])
    with db.transaction() as session:
        merge_ideas(session, b, [a])
        delete_idea(session, c)
    for idea_id, english in ((a, "merged"), (c, "deleted")):
        for offset in (-1, +1):
            with pytest.raises(UserError) as excinfo, db.session() as session:
                neighbour_id(session, idea_id, offset)
            assert english in excinfo.value.english
            _assert_bilingual(excinfo.value)


@pytest.mark.parametrize("origin", ["bottom", "middle"])
def test_undo_of_a_move_that_renumbered_the_column(db: Database, board: Board, origin: str) -> None:
    """Undoing a move gives back the exact order from before it, even when the move had
    to renumber the column; the card goes back above the same card as before."""
    top, bottom, last = _add_many(db, board, [WATER, ROADS, TOURISM])
    crowd = _crowd_above(db, board, top, bottom)
    moved = _add(db, board, ELDERLY)
    if origin == "middle":
        _move(db, moved, board.issue_ids[0], last)
        order = [top, *crowd, bottom, moved, last]
    else:
        order = [top, *crowd, bottom, last, moved]
    assert _column(db, board) == order
    crowded = _positions(db, board.issue_ids[0])
    assert not all(p.is_integer() for p in crowded.values())
    old = _move(db, moved, board.issue_ids[0], bottom)
    assert (old.issue_id, old.before_id) == (
        board.issue_ids[0],
        last if origin == "middle" else None,
    )
    positions = _positions(db, board.issue_ids[0])
    assert all(p.is_integer() for i, p in positions.items() if i != moved)  # renumbered
    assert _column(db, board) == [top, *crowd, moved, bottom, last]
    _undo(db, moved, old)
    assert _column(db, board) == order
    assert _column(db, board, 1) == []


def test_undo_of_a_move_into_a_crowded_column_of_another_issue(db: Database, board: Board) -> None:
    """The renumbering happens in the target column; the undo puts the card back in its
    own column, above the same card, and leaves the target column in its new order."""
    top, bottom = _add_many(db, board, [WATER, ROADS])
    crowd = _crowd_above(db, board, top, bottom)
    first, moved, third = _add_many(db, board, [RUBBER, ELDERLY, FLOOD], issue=1)
    order = [top, *crowd, bottom]
    old = _move(db, moved, board.issue_ids[0], bottom)
    assert (old.issue_id, old.before_id) == (board.issue_ids[1], third)
    assert _column(db, board) == [top, *crowd, moved, bottom]
    assert _column(db, board, 1) == [first, third]
    _undo(db, moved, old)
    assert _column(db, board) == order
    assert _column(db, board, 1) == [first, moved, third]


def test_a_card_dropped_over_a_merged_card_does_not_share_its_position(
    db: Database, board: Board
) -> None:
    """A, X, B, C; X merged into B; C dropped between A and B; X given back: every card
    of the column has its own position, so the order on the board is well defined."""
    a, x, b, c = _add_many(db, board, [WATER, ROADS, TOURISM, RUBBER])
    with db.transaction() as session:
        merge_ideas(session, b, [x])
    _move(db, c, board.issue_ids[0], b)
    with db.transaction() as session:
        unmerge_ideas(session, b)
    assert set(_column(db, board)) == {a, x, b, c}
    positions = [r.position for r in _rows(db, board)]
    assert all(p < q for p, q in itertools.pairwise(positions))


def test_undo_of_a_move_then_of_deletes_gives_back_the_first_order(
    db: Database, board: Board
) -> None:
    """A, M, X, Y, Z, B; X, Y and Z deleted; M moved to the top; then everything undone
    in turn (the move, then the deletes): the column must be A, M, X, Y, Z, B again."""
    a, m, x, y, z, b = _add_many(db, board, [WATER, ROADS, TOURISM, RUBBER, ELDERLY, FLOOD])
    with db.transaction() as session:
        for idea_id in (x, y, z):
            delete_idea(session, idea_id)
    old = _move(db, m, board.issue_ids[0], a)
    _undo(db, m, old)
    assert _column(db, board) == [a, m, b]
    with db.transaction() as session:
        for idea_id in (x, y, z):
            restore_idea(session, idea_id)
    assert _column(db, board) == [a, m, x, y, z, b]


# --- merging ------------------------------------------------------------------------------


def test_merge_two_cards_into_a_third(db: Database, board: Board, column: list[str]) -> None:
    a, b, c, d, e = column
    with db.transaction() as session:
        merge_ideas(session, c, [a, e])
    assert _column(db, board) == [b, c, d]
    assert _get(db, c).merged_count == 2
    assert _get(db, b).merged_count == 0
    with db.session() as session:
        assert [r.id for r in merged_into(session, c)] == [a, e]
        assert merged_into(session, b) == []
        stored = session.get(Idea, a)
        assert stored is not None and stored.merged_into_id == c and not stored.deleted
    # The merged card is kept and can still be read.
    assert _get(db, a).text == WATER
    assert _idea_count(db) == 6


def test_merge_across_issues(db: Database, board: Board, column: list[str]) -> None:
    """A card of another issue can be merged in; unmerged, it goes back to its issue."""
    (flood,) = _column(db, board, 1)
    with db.transaction() as session:
        merge_ideas(session, column[0], [flood])
    assert _column(db, board, 1) == []
    assert _get(db, column[0]).merged_count == 1
    with db.transaction() as session:
        assert unmerge_ideas(session, column[0]) == [flood]
    assert _column(db, board, 1) == [flood]


def test_merge_ignores_a_repeated_source(db: Database, board: Board, column: list[str]) -> None:
    a, b = column[:2]
    with db.transaction() as session:
        merge_ideas(session, b, [a, a])
    assert _get(db, b).merged_count == 1
    assert _history(db, board) == [(MergeAction.MERGE.value, b, (a,))]


def test_nested_merge_counts_every_level(db: Database, board: Board, column: list[str]) -> None:
    """A into B, then B into C: C shows 2 merged cards, B still holds A."""
    a, b, c, d, e = column
    with db.transaction() as session:
        merge_ideas(session, b, [a])
    with db.transaction() as session:
        merge_ideas(session, c, [b])
    assert _column(db, board) == [c, d, e]
    assert _get(db, c).merged_count == 2
    with db.session() as session:
        assert [r.id for r in merged_into(session, c)] == [b]
        assert [(r.id, r.merged_count) for r in merged_into(session, b)] == [(a, 0)]
    row_b = _get(db, b)
    assert row_b.merged_count == 1
    with db.transaction() as session:
        merge_ideas(session, e, [c, d])
    assert _get(db, e).merged_count == 4
    assert _column(db, board) == [e]


@dataclass(frozen=True)
class MergeCase:
    target: str
    sources: tuple[str, ...]
    english: str


MERGE_REFUSALS = {
    "into itself": MergeCase("T", ("A", "T"), "into itself"),
    "into a deleted card": MergeCase("D", ("A",), "deleted"),
    "into a merged card": MergeCase("M", ("A",), "itself merged"),
    "an already merged source": MergeCase("T", ("A", "M"), "already merged"),
    "the same source again": MergeCase("H", ("M",), "already merged"),
    "a deleted source": MergeCase("T", ("A", "D"), "deleted"),
    "no source": MergeCase("T", (), "at least one"),
    "a card of another workshop": MergeCase("T", ("A", "O"), "different workshops"),
    "an unknown source": MergeCase("T", ("A", "?"), "no idea"),
    "into an unknown card": MergeCase("?", ("A",), "no idea"),
}


@pytest.fixture
def merge_cards(db: Database, board: Board) -> dict[str, str]:
    """T(arget), A, B on the board; M merged into H(ost); D deleted; O of another
    workshop."""
    ids = _add_many(db, board, [WATER, ROADS, TOURISM, RUBBER, ELDERLY, FLOOD])
    names = dict(zip("TABHMD", ids, strict=True))
    with db.transaction() as session:
        merge_ideas(session, names["H"], [names["M"]])
        delete_idea(session, names["D"])
        names["O"] = add_idea(
            session, board.other_workshop_id, board.other_issue_id, IdeaDraft(WASTE)
        )
    names["?"] = str(uuid.uuid4())
    return names


@pytest.mark.parametrize("case", MERGE_REFUSALS.values(), ids=MERGE_REFUSALS.keys())
def test_refused_merge_changes_nothing(
    db: Database, board: Board, merge_cards: dict[str, str], case: MergeCase
) -> None:
    """The refusal names the reason in both languages; no card is merged (not even the
    valid sources listed before the bad one) and nothing is logged."""
    before = _snapshot(db)
    history = _history(db, board)
    board_before = _rows(db, board)
    with pytest.raises(UserError) as excinfo, db.transaction() as session:
        merge_ideas(session, merge_cards[case.target], [merge_cards[s] for s in case.sources])
    assert case.english in excinfo.value.english
    _assert_bilingual(excinfo.value)
    assert _snapshot(db) == before
    assert _history(db, board) == history
    assert _rows(db, board) == board_before


# --- unmerging ----------------------------------------------------------------------------


def test_unmerge_all_gives_cards_back_in_their_places(
    db: Database, board: Board, column: list[str]
) -> None:
    _a, b, _c, d, e = column
    before = [(r.id, r.position) for r in _rows(db, board, 0)]
    with db.transaction() as session:
        merge_ideas(session, e, [b, d])
    with db.transaction() as session:
        given_back = unmerge_ideas(session, e)
    assert sorted(given_back) == sorted([b, d])
    assert [(r.id, r.position) for r in _rows(db, board, 0)] == before
    assert _get(db, e).merged_count == 0
    with db.session() as session:
        assert merged_into(session, e) == []


def test_unmerge_after_other_moves_keeps_the_old_order(
    db: Database, board: Board, column: list[str]
) -> None:
    """Cards moved around while B was merged do not push B out of its old slot."""
    a, b, c, d, e = column
    with db.transaction() as session:
        merge_ideas(session, e, [b])
    _move(db, d, board.issue_ids[0], None)
    _move(db, c, board.issue_ids[0], a)
    assert _column(db, board) == [c, a, e, d]
    with db.transaction() as session:
        unmerge_ideas(session, e)
    assert _column(db, board) == [c, a, b, e, d]


def test_unmerge_after_the_column_was_renumbered(db: Database, board: Board) -> None:
    """X sat between B and C when it was merged; after cards were dropped above B (and
    the column renumbered) it still comes back between B and C, every other card where
    it was."""
    a, b, x, c = _add_many(db, board, [WATER, ROADS, TOURISM, RUBBER])
    with db.transaction() as session:
        merge_ideas(session, c, [x])
    crowd = _crowd_above(db, board, a, b)
    last = _add(db, board, ELDERLY)
    _move(db, last, board.issue_ids[0], b)  # this drop renumbers the column
    positions = _positions(db, board.issue_ids[0])
    assert all(p.is_integer() for i, p in positions.items() if i != last)  # renumbered
    assert _column(db, board) == [a, *crowd, last, b, c]
    with db.transaction() as session:
        assert unmerge_ideas(session, c) == [x]
    assert _column(db, board) == [a, *crowd, last, b, x, c]
    assert _get(db, c).merged_count == 0


def test_unmerge_some(db: Database, board: Board, column: list[str]) -> None:
    a, b, c, d, e = column
    with db.transaction() as session:
        merge_ideas(session, c, [a, b, e])
    with db.transaction() as session:
        assert unmerge_ideas(session, c, [e, b]) == [e, b]
    assert _column(db, board) == [b, c, d, e]
    assert _get(db, c).merged_count == 1
    with db.session() as session:
        assert [r.id for r in merged_into(session, c)] == [a]


def test_unmerge_one_level_of_a_nested_merge(db: Database, board: Board, column: list[str]) -> None:
    """A into B into C; giving B back from C brings B with A still inside it."""
    a, b, c, d, e = column
    with db.transaction() as session:
        merge_ideas(session, b, [a])
        merge_ideas(session, c, [b])
    with db.transaction() as session:
        unmerge_ideas(session, c, [b])
    assert _column(db, board) == [b, c, d, e]
    assert _get(db, b).merged_count == 1
    assert _get(db, c).merged_count == 0


def test_unmerge_of_a_card_not_merged_into_the_target_is_refused(
    db: Database, board: Board, column: list[str]
) -> None:
    """Only cards merged directly into the target can be given back from it."""
    a, b, c, d, e = column
    with db.transaction() as session:
        merge_ideas(session, b, [a])
        merge_ideas(session, c, [b])
        merge_ideas(session, e, [d])
    before = _snapshot(db)
    history = _history(db, board)
    for sources in ([a], [d], [e], [b, d], ["no-such-idea"]):
        with pytest.raises(UserError) as excinfo, db.transaction() as session:
            unmerge_ideas(session, c, sources)
        assert "not merged into this one" in excinfo.value.english
        _assert_bilingual(excinfo.value)
    assert _snapshot(db) == before
    assert _history(db, board) == history


def test_unmerge_with_nothing_merged_logs_nothing(
    db: Database, board: Board, column: list[str]
) -> None:
    with db.transaction() as session:
        assert unmerge_ideas(session, column[0]) == []
        assert unmerge_ideas(session, column[0], []) == []
    assert _history(db, board) == []


def test_unmerge_from_an_unknown_card_is_refused(db: Database, board: Board) -> None:
    with pytest.raises(UserError, match="no idea"), db.transaction() as session:
        unmerge_ideas(session, str(uuid.uuid4()))


def test_merge_history_records_merges_and_unmerges_in_order(
    db: Database, board: Board, column: list[str]
) -> None:
    """Each merge and unmerge is logged with the target, the cards, an aware UTC time and
    this device; another workshop's log is separate."""
    a, b, c, d, e = column
    started = dt.datetime.now(dt.UTC)
    with db.transaction() as session:
        merge_ideas(session, c, [a, b])
    with db.transaction() as session:
        unmerge_ideas(session, c, [b])
    with db.transaction() as session:
        merge_ideas(session, e, [d, b])
    with db.transaction() as session:
        unmerge_ideas(session, e)
    finished = dt.datetime.now(dt.UTC)
    with db.transaction() as session:
        other = add_idea(session, board.other_workshop_id, board.other_issue_id, IdeaDraft(WASTE))
        other_target = add_idea(
            session, board.other_workshop_id, board.other_issue_id, IdeaDraft(YOUTH)
        )
        merge_ideas(session, other_target, [other])
    with db.session() as session:
        events = merge_history(session, board.workshop_id)
        other_events = merge_history(session, board.other_workshop_id)
    merge, unmerge = MergeAction.MERGE.value, MergeAction.UNMERGE.value
    assert [(ev.action, ev.target_id, ev.source_ids) for ev in events] == [
        (merge, c, (a, b)),
        (unmerge, c, (b,)),
        (merge, e, (d, b)),
        (unmerge, e, events[3].source_ids),
    ]
    assert sorted(events[3].source_ids) == sorted([d, b])
    assert len({ev.id for ev in events}) == 4
    for event in events:
        assert event.at.tzinfo is not None and event.at.utcoffset() == dt.timedelta(0)
        assert started <= event.at <= finished
        assert event.device_id == db.device_id
    assert [ev.at for ev in events] == sorted(ev.at for ev in events)
    assert [(ev.target_id, ev.source_ids) for ev in other_events] == [(other_target, (other,))]


# --- counting -----------------------------------------------------------------------------


def test_count_ideas_per_issue_and_per_sector(db: Database, board: Board) -> None:
    """Each card on the board counts once; merged and deleted cards are not counted;
    cards with no sector are counted under None."""
    s0, s1 = board.sector_ids[0], board.sector_ids[1]
    i0, i1, i2 = board.issue_ids[:3]
    water = _add(db, board, WATER, 0, sector_id=s0)
    roads = _add(db, board, ROADS, 0, sector_id=s1)
    tourism = _add(db, board, TOURISM, 0, sector_id=s1)
    _add(db, board, RUBBER, 1, sector_id=s0)
    _add(db, board, ELDERLY, 1)
    flood = _add(db, board, FLOOD, 2, sector_id=s0)
    _add(db, board, WASTE, 2)
    with db.transaction() as session:
        add_idea(session, board.other_workshop_id, board.other_issue_id, IdeaDraft(YOUTH))
    counts = count_ideas(_rows(db, board))
    assert counts.by_issue == {i0: 3, i1: 2, i2: 2}
    assert counts.by_sector == {s0: 3, s1: 2, None: 2}
    assert counts.total == 7
    with db.transaction() as session:
        merge_ideas(session, water, [roads, flood])
        delete_idea(session, tourism)
    counts = count_ideas(_rows(db, board))
    assert counts.by_issue == {i0: 1, i1: 2, i2: 1}
    assert counts.by_sector == {s0: 2, None: 2}
    assert counts.total == 4
    one_issue = count_ideas(_rows(db, board, 1))
    assert (one_issue.by_issue, one_issue.total) == ({i1: 2}, 2)
    assert count_ideas([]).total == 0


# --- sync stamps --------------------------------------------------------------------------


def test_rows_are_stamped_for_sync(db: Database, board: Board) -> None:
    """Every idea and merge-log row carries clock stamps and this device's id; an edit
    moves updated_hlc on and keeps created_hlc."""
    a, b = _add_many(db, board, [WATER, ROADS])
    with db.session() as session:
        ideas = {i.id: i for i in session.scalars(select(Idea))}
    assert set(ideas) == {a, b}
    for idea in ideas.values():
        assert idea.created_hlc and idea.updated_hlc and idea.created_hlc == idea.updated_hlc
        assert idea.device_id == db.device_id
        assert Stamp.decode(idea.created_hlc).device_id == db.device_id
    assert ideas[a].created_hlc < ideas[b].created_hlc
    with db.transaction() as session:
        update_idea(session, a, IdeaDraft(FLOOD))
    with db.transaction() as session:
        merge_ideas(session, a, [b])
    with db.session() as session:
        edited = session.get(Idea, a)
        merged = session.get(Idea, b)
        events = list(session.scalars(select(IdeaMergeEvent)))
    assert edited is not None and merged is not None
    assert edited.created_hlc == ideas[a].created_hlc
    assert edited.updated_hlc > ideas[a].updated_hlc
    assert merged.updated_hlc > edited.updated_hlc
    assert merged.device_id == db.device_id
    (event,) = events
    assert event.created_hlc and event.updated_hlc and event.device_id == db.device_id
    assert event.created_hlc > edited.updated_hlc
