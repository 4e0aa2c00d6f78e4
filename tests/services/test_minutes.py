"""What the minutes say: who came, who stood in, who was absent and why, in the
regulation's groups; the title, number, date and times in its words."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from workshop_app.db.database import Database
from workshop_app.models import AttendeeRole
from workshop_app.services.attendees import (
    AttendeeDraft,
    add_attendee,
    check_in,
    list_attendees,
    update_attendee,
)
from workshop_app.services.ideas import IdeaDraft, add_idea, list_ideas, merge_ideas
from workshop_app.services.meetings import set_stand_in
from workshop_app.services.minutes import gather_minutes, minutes_title
from workshop_app.services.workshops import (
    create_workshop,
    list_agenda,
    list_issues,
    list_sectors,
    update_agenda_item,
    update_workshop,
)


def test_the_title_says_meeting_once() -> None:
    assert minutes_title("ประชุมเชิงปฏิบัติการทบทวนแผน") == "รายงานการประชุมเชิงปฏิบัติการทบทวนแผน"
    assert minutes_title("การประชุมคณะกรรมการ ก.บ.จ.") == "รายงานการประชุมคณะกรรมการ ก.บ.จ."
    assert minutes_title("คณะกรรมการบริหารงานจังหวัด") == "รายงานการประชุมคณะกรรมการบริหารงานจังหวัด"


def _committee(db: Database) -> str:
    """A committee meeting: two members present (one through a stand-in linked to the
    member), one absent with a reason, one participant."""
    with db.transaction() as s:
        workshop_id = create_workshop(s, "ประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ")
        update_workshop(
            s,
            workshop_id,
            start_date=dt.date(2026, 5, 25),
            start_time=dt.time(9, 30),
            end_time=dt.time(12, 0),
            venue="ห้องประชุมศาลากลางจังหวัด",
            meeting_number=3,
            meeting_year=2569,
        )
        sector = list_sectors(s, workshop_id)[0].id
        member = AttendeeRole.MEMBER.value
        people = [
            AttendeeDraft("สมชาย", sector, "ใจดี", "นาย", "ผู้ว่าราชการจังหวัด", role=member),
            AttendeeDraft("อนุชา", sector, "ศรีสุข", "นาย", "รองผู้ว่าราชการจังหวัด", role=member),
            AttendeeDraft("สมหญิง", sector, "รักษ์ถิ่น", "นาง", "ปลัดจังหวัด"),
            AttendeeDraft(
                "วีระ",
                sector,
                "กล้าหาญ",
                "นาย",
                "พัฒนาการจังหวัด",
                role=member,
                absence_reason="ติดราชการ",
                phone="0812345678",
                email="weera@example.go.th",
            ),
            AttendeeDraft("มานี", sector, "มีนา", "นางสาว", "นักวิเคราะห์", "สำนักงานจังหวัด"),
        ]
        ids = {draft.first_name: add_attendee(s, workshop_id, draft) for draft in people}
        set_stand_in(s, ids["สมหญิง"], ids["อนุชา"])
        for person in list_attendees(s, workshop_id):
            if person.first_name not in ("วีระ", "อนุชา"):
                check_in(s, person.id)
    return workshop_id


def test_members_stand_ins_absences_and_participants(db: Database) -> None:
    workshop_id = _committee(db)
    with db.session() as s:
        minutes = gather_minutes(s, workshop_id)
    assert minutes.number_line == "ครั้งที่ ๓/๒๕๖๙"
    assert minutes.date_line == "เมื่อวันที่ ๒๕ พฤษภาคม ๒๕๖๙"
    assert minutes.venue_line == "ณ ห้องประชุมศาลากลางจังหวัด"
    assert minutes.start_line == "เริ่มประชุมเวลา ๐๙.๓๐ น."
    assert minutes.end_line == "เลิกประชุมเวลา ๑๒.๐๐ น."
    [members] = minutes.present
    assert members.name == ""
    assert [p.text for p in members.people] == [
        "นายสมชาย ใจดี ผู้ว่าราชการจังหวัด",
        "นางสมหญิง รักษ์ถิ่น ปลัดจังหวัด มาประชุมแทน นายอนุชา ศรีสุข รองผู้ว่าราชการจังหวัด",
    ]
    # The member who sent a stand-in is present through them, never also absent.
    assert [p.text for p in minutes.absent] == ["นายวีระ กล้าหาญ พัฒนาการจังหวัด ติดราชการ"]
    [group] = minutes.participants
    assert [p.text for p in group.people] == ["นางสาวมานี มีนา นักวิเคราะห์ สำนักงานจังหวัด"]
    # Never a phone number or an e-mail address.
    printed = "\n".join(minutes.texts())
    assert "0812345678" not in printed and "weera@" not in printed


def test_arabic_digits_and_unset_times(db: Database) -> None:
    workshop_id = _committee(db)
    with db.transaction() as s:
        update_workshop(s, workshop_id, end_time=None)
    with db.session() as s:
        minutes = gather_minutes(s, workshop_id, thai_digits=False)
    assert minutes.number_line == "ครั้งที่ 3/2569"
    assert minutes.start_line == "เริ่มประชุมเวลา 09.30 น."
    assert minutes.end_line == "เลิกประชุมเวลา ......... น."  # for the pen


def test_without_committee_members_everyone_present_is_listed_by_sector(
    db: Database, demo_workshop: str
) -> None:
    with db.transaction() as s:
        update_workshop(s, demo_workshop, participant_listing="names")
        for person in list_attendees(s, demo_workshop):
            set_stand_in(s, person.id, None)
        for person in list_attendees(s, demo_workshop):
            if person.role == AttendeeRole.MEMBER.value or person.stands_in_for:
                draft = replace(
                    person.draft(), role=AttendeeRole.PARTICIPANT.value, stands_in_for=""
                )
                update_attendee(s, person.id, draft)
    with db.session() as s:
        minutes = gather_minutes(s, demo_workshop)
        sectors = [x.name for x in list_sectors(s, demo_workshop)]
        present = [p for p in list_attendees(s, demo_workshop) if p.checked_in_at]
    assert minutes.participants == [] and minutes.absent == []
    assert [g.name for g in minutes.present] == [
        name for name in sectors if any(p.sector_name == name for p in present)
    ]
    assert sum(len(g.people) for g in minutes.present) == len(present)


def test_merged_cards_are_counted_and_most_supported_first(db: Database) -> None:
    with db.transaction() as s:
        workshop_id = create_workshop(s, "ประชุมระดมความคิดเห็น")
        issue = list_issues(s, workshop_id)[0]
        for text in ("ถนนชำรุด", "น้ำท่วมซ้ำซาก", "น้ำท่วมขัง", "น้ำท่วมทุกปี", "ขยะล้น"):
            add_idea(s, workshop_id, issue.id, IdeaDraft(text))
        ideas = {i.text: i.id for i in list_ideas(s, workshop_id)}
        merge_ideas(s, ideas["น้ำท่วมซ้ำซาก"], [ideas["น้ำท่วมขัง"], ideas["น้ำท่วมทุกปี"]])
    with db.session() as s:
        [results] = gather_minutes(s, workshop_id).issues
    assert results.cards == 5
    assert [(i.text, i.cards) for i in results.ideas] == [
        ("ถนนชำรุด", 1),
        ("น้ำท่วมซ้ำซาก", 3),
        ("ขยะล้น", 1),
    ]
    assert results.most_supported(2)[0].text == "น้ำท่วมซ้ำซาก"


def test_one_agenda_item_at_a_time_reports_the_results(db: Database) -> None:
    with db.transaction() as s:
        workshop_id = create_workshop(s, "ประชุม")
        first, second = list_agenda(s, workshop_id)[:2]
        update_agenda_item(s, first.id, shows_results=True)
        update_agenda_item(s, second.id, shows_results=True)
    with db.session() as s:
        flags = [item.shows_results for item in list_agenda(s, workshop_id)]
        sections = gather_minutes(s, workshop_id).sections
    assert flags[:2] == [False, True] and not any(flags[2:])
    assert [x.shows_results for x in sections] == flags
