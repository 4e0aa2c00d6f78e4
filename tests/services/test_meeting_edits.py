"""Editing a meeting's record after the fact, as the GUI does: a role refused deletion
names who holds it, a group renamed takes its cards along, a motion voted member by
member cannot have counts typed over it, and each edit can be taken back."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop_app.db.database import Database
from workshop_app.errors import UserError
from workshop_app.models import AttendeeRole, WorkshopKind
from workshop_app.services import attendees, ideas, meetings, workshops
from workshop_app.services.attendees import AttendeeDraft


@pytest.fixture
def district_meeting(db: Database) -> str:
    """A working group of Trang's districts with three members, all checked in."""
    with db.transaction() as session:
        workshop_id = workshops.create_workshop(
            session,
            "ประชุมคณะทำงานขับเคลื่อนยุทธศาสตร์จังหวัดตรังระดับอำเภอ",
            WorkshopKind.DISTRICT_STRATEGY,
            province="ตรัง",
            start_date=dt.date(2026, 6, 11),
            venue="ห้องประชุมพระยารัษฎานุประดิษฐ์ ศาลากลางจังหวัดตรัง",
        )
        sector = workshops.list_sectors(session, workshop_id)[0].id
        for first, last, position in (
            ("ชยพล", "รักษ์ทอง", "นายอำเภอเมืองตรัง"),
            ("ศิริพร", "หมาดหลี", "นายอำเภอกันตัง"),
            ("ธนากร", "สังข์แก้ว", "นายอำเภอปะเหลียน"),
        ):
            draft = AttendeeDraft(first, sector, last, "นาย", position, "ที่ว่าการอำเภอ")
            person = attendees.add_attendee(session, workshop_id, draft)
            meetings.set_member(
                session, person, meetings.find_role(session, workshop_id, "คณะทำงาน")
            )
            attendees.check_in(session, person)
    return workshop_id


def test_a_held_role_is_refused_naming_its_holders_and_a_free_one_comes_back(
    db: Database, district_meeting: str
) -> None:
    with db.transaction() as session:
        roles = meetings.list_roles(session, district_meeting)
        held = next(r for r in roles if r.name == "คณะทำงาน")
        with pytest.raises(UserError) as refused:
            meetings.delete_role(session, held.id)
        message = refused.value.message("th")
        assert "นายชยพล รักษ์ทอง" in message and "นายธนากร สังข์แก้ว" in message
        free = next(r for r in roles if r.name == "รองประธาน")
        meetings.delete_role(session, free.id)
        meetings.restore_role(session, free.id, free.position)
        assert meetings.list_roles(session, district_meeting) == roles


def test_a_renamed_group_keeps_its_cards_and_a_deleted_one_comes_back_in_place(
    db: Database, district_meeting: str
) -> None:
    with db.transaction() as session:
        issue = workshops.add_issue(session, district_meeting, "การท่องเที่ยวทะเลอันดามัน")
        first = meetings.add_group(session, district_meeting, "กลุ่มอำเภอสิเกา")
        meetings.add_group(session, district_meeting, "กลุ่มอำเภอหาดสำราญ")
        draft = ideas.IdeaDraft("พัฒนาท่าเรือเกาะมุกด์", breakout_group="กลุ่มอำเภอสิเกา")
        ideas.add_idea(session, district_meeting, issue, draft)
        meetings.rename_group(session, first, "กลุ่มอำเภอสิเกาและวังวิเศษ")
        cards = ideas.list_ideas(session, district_meeting, issue)
        assert [c.breakout_group for c in cards] == ["กลุ่มอำเภอสิเกาและวังวิเศษ"]
        with pytest.raises(UserError):
            meetings.rename_group(session, first, "กลุ่มอำเภอหาดสำราญ")
        meetings.delete_group(session, first)
        assert [(g.number, g.name) for g in meetings.list_groups(session, district_meeting)] == [
            (1, "กลุ่มอำเภอหาดสำราญ")
        ]
        meetings.restore_group(session, first, 1)
        assert [g.name for g in meetings.list_groups(session, district_meeting)] == [
            "กลุ่มอำเภอสิเกาและวังวิเศษ",
            "กลุ่มอำเภอหาดสำราญ",
        ]


def test_counts_cannot_be_typed_over_members_votes_but_the_motion_can_be_reworded(
    db: Database, district_meeting: str
) -> None:
    with db.transaction() as session:
        item = workshops.add_agenda_item(session, district_meeting, "แผนงานโครงการปี 2570")
        motion = meetings.add_motion(session, item, "เห็นชอบแผนงานโครงการ")
        member = meetings.list_members(session, district_meeting)[0].attendee.id
        meetings.cast_motion_vote(session, motion, member, "for")
        with pytest.raises(UserError):
            meetings.set_motion_counts(session, motion, 3)
        meetings.update_motion(session, motion, "เห็นชอบแผนงานโครงการตามที่เสนอ")
        result = meetings.motion_results(session, item)[0]
        assert (result.text, result.for_votes) == ("เห็นชอบแผนงานโครงการตามที่เสนอ", 1)
        meetings.delete_motion(session, motion)
        assert meetings.motion_results(session, item) == []
        meetings.restore_motion(session, motion)
        assert meetings.motion_results(session, item)[0].for_votes == 1


def test_a_members_order_set_by_hand_can_be_taken_back_to_the_default(
    db: Database, district_meeting: str
) -> None:
    with db.transaction() as session:
        default = [m.attendee.id for m in meetings.list_members(session, district_meeting)]
        before = meetings.member_orders(session, district_meeting)
        meetings.set_member_order(session, district_meeting, default[::-1])
        meetings.restore_member_orders(session, district_meeting, before)
        assert [m.attendee.id for m in meetings.list_members(session, district_meeting)] == default
        assert set(meetings.member_orders(session, district_meeting).values()) == {None}


def test_a_deleted_day_comes_back_unless_its_date_was_taken_again(
    db: Database, district_meeting: str
) -> None:
    with db.transaction() as session:
        meetings.add_day(session, district_meeting, dt.date(2026, 6, 11))
        second = meetings.add_day(session, district_meeting, dt.date(2026, 6, 12))
        days = meetings.list_days(session, district_meeting)
        meetings.delete_day(session, second)
        assert [d.date for d in meetings.list_days(session, district_meeting)] == [
            dt.date(2026, 6, 11)
        ]
        meetings.restore_day(session, second)
        assert meetings.list_days(session, district_meeting) == days
        meetings.delete_day(session, second)
        meetings.add_day(session, district_meeting, dt.date(2026, 6, 12))  # typed again
        with pytest.raises(UserError) as refused:
            meetings.restore_day(session, second)
        assert "12 มิถุนายน 2569" in refused.value.message("th")


def test_live_rows_lists_a_workshops_rows_in_order_without_the_deleted(
    db: Database, district_meeting: str
) -> None:
    from workshop_app.models import BreakoutGroup
    from workshop_app.services.rows import live_rows

    with db.transaction() as session:
        kept = meetings.add_group(session, district_meeting, "กลุ่มอำเภอฝั่งทะเลอันดามัน")
        gone = meetings.add_group(session, district_meeting, "กลุ่มอำเภอเทือกเขาบรรทัด")
        meetings.add_group(session, district_meeting, "กลุ่มอำเภอลุ่มน้ำตรัง")
        meetings.delete_group(session, gone)
        rows = live_rows(session, BreakoutGroup, district_meeting, (BreakoutGroup.number,))
        assert [g.name for g in rows] == ["กลุ่มอำเภอฝั่งทะเลอันดามัน", "กลุ่มอำเภอลุ่มน้ำตรัง"]
        assert rows[0].id == kept and [g.number for g in rows] == [1, 2]


def test_a_role_given_to_a_member_without_one_is_taken_back_keeping_them_a_member(
    db: Database, district_meeting: str
) -> None:
    with db.transaction() as session:
        sector = workshops.list_sectors(session, district_meeting)[0].id
        draft = AttendeeDraft(
            "วิภาวดี",
            sector,
            "ชูศรี",
            "นาง",
            "ท้องถิ่นอำเภอห้วยยอด",
            "ที่ว่าการอำเภอห้วยยอด",
            role=AttendeeRole.MEMBER.value,
        )
        person = attendees.add_attendee(session, district_meeting, draft)
        order = [m.attendee.id for m in meetings.list_members(session, district_meeting)]
        meetings.set_member_order(session, district_meeting, order)
        role = meetings.find_role(session, district_meeting, "คณะทำงานและเลขานุการ")
        meetings.set_member_role(session, person, role)
        given = {m.attendee.id: m.role for m in meetings.list_members(session, district_meeting)}
        assert given[person] == "คณะทำงานและเลขานุการ"
        meetings.set_member_role(session, person, None)
        members = meetings.list_members(session, district_meeting)
        assert [m.attendee.id for m in members] == order  # still a member, in their place
        assert {m.attendee.id: m.role for m in members}[person] == ""
        outsider = attendees.add_attendee(
            session, district_meeting, AttendeeDraft("ปรีชา", sector, "ทองคำ", "นาย")
        )
        with pytest.raises(UserError) as refused:
            meetings.set_member_role(session, outsider, None)
        assert "ปรีชา ทองคำ" in refused.value.message("th")
