"""Workshop setup: presets per kind, validated edits, issues, agenda items and sectors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from workshop_app.db.database import Database
from workshop_app.errors import UserError
from workshop_app.models import AgendaItem, Sector, StrategicIssue, WorkshopKind
from workshop_app.services.attendees import AttendeeDraft, add_attendee, check_in, delete_attendee
from workshop_app.services.presets import DEFAULT_SECTORS, PRESETS
from workshop_app.services.workshops import (
    add_agenda_item,
    add_issue,
    add_sector,
    create_workshop,
    delete_numbered,
    delete_sector,
    delete_workshop,
    find_workshop_id,
    get_workshop,
    kind_name,
    list_agenda,
    list_issues,
    list_sectors,
    list_workshops,
    move_numbered,
    move_sector,
    parse_time,
    restore_numbered,
    restore_sector,
    update_agenda_item,
    update_issue,
    update_sector,
    update_workshop,
)


@pytest.fixture
def workshop_id(db: Database) -> str:
    with db.transaction() as session:
        return create_workshop(
            session,
            "ประชุมทบทวนแผนพัฒนาจังหวัด",
            WorkshopKind.PLAN_REVIEW_ANNUAL,
            province="สงขลา",
            start_date=dt.date(2025, 11, 20),
            venue="ห้องประชุม",
        )


def _error(excinfo: pytest.ExceptionInfo[UserError]) -> tuple[str, str]:
    return excinfo.value.thai, excinfo.value.english


# --- creation -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(WorkshopKind))
def test_create_workshop_applies_the_preset_of_its_kind(db: Database, kind: WorkshopKind) -> None:
    """Eight default sectors, the preset agenda and the issue placeholders of the kind."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุม", kind)
    with db.session() as session:
        sectors = list_sectors(session, workshop_id)
        assert [s.name for s in sectors] == [name for name, _en, _c in DEFAULT_SECTORS]
        assert [s.position for s in sectors] == list(range(1, 9))
        assert [s.colour for s in sectors] == [c for _n, _en, c in DEFAULT_SECTORS]
        agenda = list_agenda(session, workshop_id)
        assert [a.title for a in agenda] == list(PRESETS[kind].agenda)
        assert [a.number for a in agenda] == list(range(1, len(agenda) + 1))
        issues = list_issues(session, workshop_id)
        assert [i.title for i in issues] == list(PRESETS[kind].issues)
        assert get_workshop(session, workshop_id).kind == kind.value


def test_presets_differ_by_kind() -> None:
    """A committee meeting has the meeting agenda and three areas; a review has 5 issues."""
    assert len(PRESETS[WorkshopKind.PLAN_REVIEW_ANNUAL].issues) == 5
    assert PRESETS[WorkshopKind.COMMITTEE_MEETING].issues[0] == "ด้านเศรษฐกิจ"
    assert PRESETS[WorkshopKind.COMMITTEE_MEETING].agenda[0].startswith("เรื่องที่ประธานแจ้ง")
    assert PRESETS[WorkshopKind.OTHER].issues == ()
    assert kind_name("committee_meeting", "en") == "Provincial committee meeting (ก.บ.จ.)"
    assert kind_name("unknown-kind") == "unknown-kind"


def test_create_workshop_derives_years_from_the_start_date(db: Database, workshop_id: str) -> None:
    """20 Nov 2025: meeting year 2568 (B.E.); it is in FY 2569, and the annual plan it
    drafts is two fiscal years ahead, FY 2571 (it was one year short: 2570)."""
    with db.session() as session:
        details = get_workshop(session, workshop_id)
    assert details.meeting_year == 2568
    assert details.fiscal_year == 2571
    assert details.start_date == details.end_date == dt.date(2025, 11, 20)
    assert details.province == "สงขลา"
    assert "ไม่เผยแพร่เบอร์โทรศัพท์" in details.privacy_notice


def test_create_workshop_normalizes_and_requires_a_title(db: Database) -> None:
    """The title is normalized; a blank title is refused in Thai and English."""
    with db.transaction() as session:
        workshop_id = create_workshop(session, "  ประชุม\u200b\u0e40\u0e40ผน  ")
        assert get_workshop(session, workshop_id).title == "ประชุมแผน"
    with pytest.raises(UserError) as excinfo, db.transaction() as session:
        create_workshop(session, " \u200b ")
    assert _error(excinfo) == ("กรุณาใส่ชื่องานประชุม", "the workshop needs a title")


# --- editing --------------------------------------------------------------------------


def test_update_workshop_changes_fields(db: Database, workshop_id: str) -> None:
    """Several fields change at once and the stored values come back."""
    with db.transaction() as session:
        details = update_workshop(
            session,
            workshop_id,
            title="  ประชุม ก.บ.จ.  ",
            kind=WorkshopKind.COMMITTEE_MEETING.value,
            fiscal_year=2569,
            end_date=dt.date(2025, 11, 21),
            start_time=parse_time("09.30 น."),
            meeting_number=3,
            chair="ผู้ว่าราชการจังหวัด",
        )
    assert details.title == "ประชุม ก.บ.จ."
    with db.session() as session:
        stored = get_workshop(session, workshop_id)
    assert stored == details
    assert stored.start_time == dt.time(9, 30)
    assert stored.end_date == dt.date(2025, 11, 21)


@pytest.mark.parametrize(
    ("changes", "thai_part", "english_part"),
    [
        ({"title": "   "}, "ชื่องานประชุมต้องไม่ว่าง", "title cannot be empty"),
        ({"fiscal_year": 2025}, "ปี พ.ศ. 2025", "not a Buddhist Era year"),
        ({"meeting_year": 3000}, "ปี พ.ศ. 3000", "not a Buddhist Era year"),
        ({"end_date": dt.date(2025, 11, 19)}, "วันสิ้นสุด", "end date cannot be before"),
        ({"meeting_number": 0}, "ครั้งที่", "meeting number"),
        ({"colour": "red"}, "ไม่มีช่องข้อมูล colour", "no field named colour"),
        ({"id": "x"}, "ไม่มีช่องข้อมูล id", "no field named id"),
    ],
)
def test_update_workshop_refuses_bad_values(
    db: Database, workshop_id: str, changes: dict[str, Any], thai_part: str, english_part: str
) -> None:
    """Each bad value raises UserError with a Thai and an English message; nothing changes."""
    with db.session() as session:
        before = get_workshop(session, workshop_id)
    with pytest.raises(UserError) as excinfo, db.transaction() as session:
        update_workshop(session, workshop_id, **changes)
    thai, english = _error(excinfo)
    assert thai_part in thai
    assert english_part in english
    assert excinfo.value.message("th") == thai and excinfo.value.message("en") == english
    with db.session() as session:
        assert get_workshop(session, workshop_id) == before


def test_update_workshop_refuses_an_unknown_kind(db: Database, workshop_id: str) -> None:
    """An unknown workshop kind is a user error, not a crash."""
    with pytest.raises(UserError), db.transaction() as session:
        update_workshop(session, workshop_id, kind="picnic")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("09.30", dt.time(9, 30)), ("9:05", dt.time(9, 5)), ("16.30 น.", dt.time(16, 30)), ("", None)],
)
def test_parse_time_accepts_thai_forms(typed: str, expected: dt.time | None) -> None:
    """09.30, 9:05 and "16.30 น." are times; empty is no time."""
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["24.00", "09.60", "nine", "0930"])
def test_parse_time_refuses_nonsense(typed: str) -> None:
    """A time that is not hh.mm is a UserError quoting what was typed."""
    with pytest.raises(UserError, match=typed):
        parse_time(typed)


def test_unknown_workshop_is_a_user_error(db: Database) -> None:
    """Asking for a workshop that does not exist (or is deleted) says so."""
    with db.session() as session, pytest.raises(UserError, match="no workshop with id nope"):
        get_workshop(session, "nope")


# --- listing and finding --------------------------------------------------------------


def test_list_workshops_counts_invited_and_present(db: Database, workshop_id: str) -> None:
    """Invited and present counts per workshop; deleted people and workshops are left out."""
    with db.transaction() as session:
        sector = list_sectors(session, workshop_id)[0].id
        ids = [
            add_attendee(session, workshop_id, AttendeeDraft(first_name=name, sector_id=sector))
            for name in ("สมชาย", "สมหญิง", "วิชัย", "วนิดา")
        ]
        check_in(session, ids[0])
        check_in(session, ids[1])
        delete_attendee(session, ids[1])
        add_attendee(
            session,
            workshop_id,
            AttendeeDraft(first_name="มาเอง", sector_id=sector),
            invited=False,
            walk_in=True,
            checked_in_at=dt.datetime.now(dt.UTC),
        )
        other = create_workshop(session, "ประชุมอื่น", start_date=dt.date(2024, 1, 10))
        gone = create_workshop(session, "ประชุมที่ลบแล้ว")
        delete_workshop(session, gone)
    with db.session() as session:
        listed = list_workshops(session)
    assert [s.id for s in listed] == [workshop_id, other]  # latest start date first
    assert [(s.invited, s.present) for s in listed] == [(3, 2), (0, 0)]


def test_find_workshop_id_accepts_a_unique_prefix(db: Database) -> None:
    """A full id or its first characters find the workshop; unknown and ambiguous are errors."""
    with db.transaction() as session:
        ids = [create_workshop(session, f"ประชุม {n}") for n in range(12)]
    with db.session() as session:
        for workshop_id in ids:
            assert find_workshop_id(session, workshop_id) == workshop_id
            assert find_workshop_id(session, workshop_id[:13]) == workshop_id
        with pytest.raises(UserError, match="see the list command"):
            find_workshop_id(session, "zzz")
        with pytest.raises(UserError, match="matches several workshops"):
            find_workshop_id(session, "")


def test_find_workshop_id_ignores_deleted_workshops(db: Database, workshop_id: str) -> None:
    """A deleted workshop cannot be found any more."""
    with db.transaction() as session:
        delete_workshop(session, workshop_id)
    with db.session() as session, pytest.raises(UserError):
        find_workshop_id(session, workshop_id)


# --- strategic issues and agenda items ------------------------------------------------


def test_add_update_delete_and_move_issues(db: Database, workshop_id: str) -> None:
    """Issues are numbered 1..n; deleting tombstones and closes the gap; moving renumbers."""
    with db.transaction() as session:
        sixth = add_issue(session, workshop_id, " การค้าชายแดน ", goal=" มูลค่าเพิ่มขึ้น ")
        update_issue(session, sixth, title="การค้าชายแดนและโลจิสติกส์")
        first = list_issues(session, workshop_id)[0].id
        delete_numbered(session, StrategicIssue, first)
        move_numbered(session, StrategicIssue, sixth, -1)
    with db.session() as session:
        issues = list_issues(session, workshop_id)
        assert [i.number for i in issues] == [1, 2, 3, 4, 5]
        assert [i.title for i in issues] == [
            "ประเด็นการพัฒนาที่ 2",
            "ประเด็นการพัฒนาที่ 3",
            "ประเด็นการพัฒนาที่ 4",
            "การค้าชายแดนและโลจิสติกส์",
            "ประเด็นการพัฒนาที่ 5",
        ]
        assert issues[3].detail == "มูลค่าเพิ่มขึ้น"
        tombstone = session.get(StrategicIssue, first)
        assert tombstone is not None and tombstone.deleted  # kept for sync, not removed


def test_moving_past_either_end_stays_in_the_list(db: Database, workshop_id: str) -> None:
    """Moving the first item up or the last down changes nothing."""
    with db.transaction() as session:
        items = list_agenda(session, workshop_id)
        move_numbered(session, AgendaItem, items[0].id, -1)
        move_numbered(session, AgendaItem, items[-1].id, +5)
        assert list_agenda(session, workshop_id) == items
        move_numbered(session, AgendaItem, items[0].id, +10)
        assert [a.id for a in list_agenda(session, workshop_id)] == [
            *(a.id for a in items[1:]),
            items[0].id,
        ]


def test_agenda_items_hold_notes_and_resolutions(db: Database, workshop_id: str) -> None:
    """An agenda item added at the end can be given notes and a มติที่ประชุม."""
    with db.transaction() as session:
        item = add_agenda_item(session, workshop_id, "เรื่องอื่น ๆ", notes=" ไม่มี ")
        update_agenda_item(session, item, resolution=" ที่ประชุมรับทราบ ")
    with db.session() as session:
        last = list_agenda(session, workshop_id)[-1]
    assert (last.number, last.title, last.detail, last.resolution) == (
        6,
        "เรื่องอื่น ๆ",
        "ไม่มี",
        "ที่ประชุมรับทราบ",
    )


def test_issue_and_agenda_titles_cannot_be_blank(db: Database, workshop_id: str) -> None:
    """A blank title is refused when adding and when renaming."""
    with db.transaction() as session:
        issue = list_issues(session, workshop_id)[0].id
    for action in (
        lambda s: add_issue(s, workshop_id, "  "),
        lambda s: add_agenda_item(s, workshop_id, "\u200b"),
        lambda s: update_issue(s, issue, title=""),
    ):
        with pytest.raises(UserError, match="title cannot be empty"), db.transaction() as session:
            action(session)


def test_deleted_items_cannot_be_edited(db: Database, workshop_id: str) -> None:
    """Editing a tombstoned issue is a UserError, not a silent write."""
    with db.transaction() as session:
        issue = list_issues(session, workshop_id)[0].id
        delete_numbered(session, StrategicIssue, issue)
    with pytest.raises(UserError, match="no item"), db.transaction() as session:
        update_issue(session, issue, goal="x")


# --- sectors ---------------------------------------------------------------------------


def test_add_update_move_and_delete_sectors(db: Database, workshop_id: str) -> None:
    """A new sector goes last; rename, recolour, move and delete keep positions 1..n."""
    with db.transaction() as session:
        media = add_sector(session, workshop_id, "สื่อมวลชน", "#AABBCC")
        update_sector(session, media, name="สื่อมวลชนท้องถิ่น", colour="#112233")
        move_sector(session, media, -8)
        first_default = list_sectors(session, workshop_id)[1].id
        delete_sector(session, first_default)
    with db.session() as session:
        sectors = list_sectors(session, workshop_id)
        assert [s.position for s in sectors] == list(range(1, 9))
        assert sectors[0].name == "สื่อมวลชนท้องถิ่น" and sectors[0].colour == "#112233"
        assert "ส่วนราชการ" not in [s.name for s in sectors]
        tombstone = session.get(Sector, first_default)
        assert tombstone is not None and tombstone.deleted


def test_sector_names_and_colours_are_checked(db: Database, workshop_id: str) -> None:
    """Blank, duplicate (even mistyped) names and non-#rrggbb colours are refused."""
    with db.session() as session:
        private = list_sectors(session, workshop_id)[3].id
    attempts = [
        (lambda s: add_sector(s, workshop_id, "  "), "needs a name"),
        (lambda s: add_sector(s, workshop_id, "ภาคเอกชน"), "already a sector"),
        (lambda s: add_sector(s, workshop_id, "ภาค\u200bเอกชน "), "already a sector"),
        (lambda s: add_sector(s, workshop_id, "ใหม่", "blue"), "not #rrggbb"),
        (lambda s: update_sector(s, private, name="ส่วนราชการ"), "already a sector"),
    ]
    for action, message in attempts:
        with pytest.raises(UserError, match=message), db.transaction() as session:
            action(session)
    with db.transaction() as session:  # renaming to its own name is fine
        update_sector(session, private, name="ภาคเอกชน")


def test_sector_with_attendees_cannot_be_deleted(db: Database, workshop_id: str) -> None:
    """Deleting a sector people belong to is refused (saying how many); once they are
    deleted, the sector can go."""
    with db.transaction() as session:
        sector = list_sectors(session, workshop_id)[2].id
        person = add_attendee(
            session, workshop_id, AttendeeDraft(first_name="ไพโรจน์", sector_id=sector)
        )
    with pytest.raises(UserError) as excinfo, db.transaction() as session:
        delete_sector(session, sector)
    assert "1 attendees" in excinfo.value.english
    assert "องค์กรปกครองส่วนท้องถิ่น" in excinfo.value.thai
    with db.session() as session:
        assert len(list_sectors(session, workshop_id)) == 8
    with db.transaction() as session:
        delete_attendee(session, person)
        delete_sector(session, sector)
    with db.session() as session:
        assert len(list_sectors(session, workshop_id)) == 7
        assert session.scalar(select(Sector.deleted).where(Sector.id == sector)) is True


# --- deletes taken back (the setup page's undo) -------------------------------------------


def test_a_deleted_agenda_item_comes_back_in_place_with_its_sub_items(
    db: Database, workshop_id: str
) -> None:
    """Undoing a delete restores the item as its old number and the sub-items deleted
    with it, but not a sub-item deleted on its own before."""
    with db.transaction() as session:
        items = list_agenda(session, workshop_id)
        third = items[2]
        kept = add_agenda_item(session, workshop_id, "ผลการดำเนินงานอำเภอสะเดา", parent_id=third.id)
        earlier = add_agenda_item(
            session, workshop_id, "ผลการดำเนินงานอำเภอนาทวี", parent_id=third.id
        )
        delete_numbered(session, AgendaItem, earlier)
        before = list_agenda(session, workshop_id)
        with_it = delete_numbered(session, AgendaItem, third.id)
        assert with_it == [kept]
        assert third.id not in {a.id for a in list_agenda(session, workshop_id)}
        restore_numbered(session, AgendaItem, third.id, third.number, with_it)
        assert list_agenda(session, workshop_id) == before
        assert earlier not in {a.id for a in list_agenda(session, workshop_id)}


def test_a_deleted_issue_and_sector_come_back_in_their_places(
    db: Database, workshop_id: str
) -> None:
    with db.transaction() as session:
        issues = list_issues(session, workshop_id)
        delete_numbered(session, StrategicIssue, issues[1].id)
        restore_numbered(session, StrategicIssue, issues[1].id, issues[1].number)
        assert list_issues(session, workshop_id) == issues
        sectors = list_sectors(session, workshop_id)
        state = sectors[1]
        delete_sector(session, state.id)
        restore_sector(session, state.id, state.position)
        assert list_sectors(session, workshop_id) == sectors


def test_a_sector_whose_name_was_taken_meanwhile_is_not_brought_back(
    db: Database, workshop_id: str
) -> None:
    with db.transaction() as session:
        gone = add_sector(session, workshop_id, "สื่อมวลชนจังหวัดสงขลา")
        delete_sector(session, gone)
        add_sector(session, workshop_id, "สื่อมวลชนจังหวัดสงขลา")
        with pytest.raises(UserError) as refused:
            restore_sector(session, gone, 9)
        assert "สื่อมวลชนจังหวัดสงขลา" in refused.value.message("th")
