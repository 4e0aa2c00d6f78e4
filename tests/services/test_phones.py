"""Participants' phones as services, against a real SQLite file: card tokens (kept on the
laptop, never in a bundle), walk-ins, ideas and ballots sent twice, moderation, and what
each phone is shown. Every refusal leaves the database as it was."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workshop_app.db.database import Database
from workshop_app.errors import FieldError, UserError
from workshop_app.models import (
    Ballot,
    CastBy,
    Idea,
    IdeaKind,
    PhoneToken,
    StrategicIssue,
    VoteMethod,
)
from workshop_app.services import ideas, phones, voting
from workshop_app.services.action_plan import gather_action_plan
from workshop_app.services.attendees import AttendeeDraft, add_attendee, check_in
from workshop_app.services.meetings import list_comments
from workshop_app.services.minutes import gather_minutes
from workshop_app.services.phones import Participant, PhoneRequestError
from workshop_app.services.province import ideas_side_by_side, province_workshops
from workshop_app.services.vote_counting import Mark
from workshop_app.services.workshops import (
    add_issue,
    add_sector,
    create_workshop,
    delete_numbered,
)
from workshop_app.sync.bundle import export_bundle
from workshop_app.sync.tables import SYNCED_TABLES

BASE = "http://192.168.8.10:8765"


@dataclass
class Hall:
    """A hearing in Nakhon Si Thammarat: two issues, three people with cards."""

    workshop_id: str
    fisheries: str  # issue 1
    tourism: str  # issue 2
    sector_local: str
    sector_civil: str
    somsri: str
    prasit: str
    wanida: str


@pytest.fixture
def hall(db: Database) -> Hall:
    with db.transaction() as session:
        workshop_id = create_workshop(
            session, "เวทีรับฟังความคิดเห็นแผนพัฒนาจังหวัดนครศรีธรรมราช 2570", province="นครศรีธรรมราช"
        )
        fisheries = add_issue(session, workshop_id, "ประมงชายฝั่งและอ่าวปากพนัง")
        tourism = add_issue(session, workshop_id, "ท่องเที่ยวเขาหลวงและวัดพระมหาธาตุ")
        local = add_sector(session, workshop_id, "องค์การบริหารส่วนตำบล", "#2a9d8f")
        civil = add_sector(session, workshop_id, "กลุ่มประมงพื้นบ้าน", "#e76f51")
        somsri = add_attendee(
            session,
            workshop_id,
            AttendeeDraft(
                "สมศรี", local, "แก้วประเสริฐ", prefix="นาง", organisation="อบต.ปากพนังฝั่งตะวันออก"
            ),
        )
        prasit = add_attendee(
            session,
            workshop_id,
            AttendeeDraft(
                "ประสิทธิ์", civil, "ทองมา", prefix="นาย", organisation="สมาคมประมงพื้นบ้านหัวไทร"
            ),
        )
        wanida = add_attendee(
            session, workshop_id, AttendeeDraft("วนิดา", civil, "หนูช่วย", prefix="นางสาว")
        )
        for person in (somsri, prasit):
            check_in(session, person)
    return Hall(workshop_id, fisheries, tourism, local, civil, somsri, prasit, wanida)


def _participant(db: Database, hall: Hall, attendee_id: str) -> Participant:
    with db.transaction() as session:
        link = phones.phone_link(session, hall.workshop_id, attendee_id, BASE)
        token = link.url.split("#", 1)[1]
        found = phones.participant_for_token(session, hall.workshop_id, token)
    assert found is not None
    return found


def test_cards_carry_unguessable_tokens_in_thai_name_order(db: Database, hall: Hall) -> None:
    with db.transaction() as session:
        links = phones.phone_links(session, hall.workshop_id, BASE + "/")
        again = phones.phone_links(session, hall.workshop_id, BASE)
    assert [link.name for link in links] == [
        "นายประสิทธิ์ ทองมา",
        "นางสาววนิดา หนูช่วย",
        "นางสมศรี แก้วประเสริฐ",
    ]
    assert [link.url for link in links] == [link.url for link in again]  # kept, not remade
    tokens = [link.url.removeprefix(BASE + "/#") for link in links]
    assert len(set(tokens)) == 3 and all(len(t) >= 32 for t in tokens)  # ≥ 192 bits
    assert links[0].sector_name == "กลุ่มประมงพื้นบ้าน"
    assert links[0].registration_number is not None


def test_a_token_names_one_person_of_one_workshop_and_revoking_ends_it(
    db: Database, hall: Hall
) -> None:
    with db.transaction() as session:
        other = create_workshop(session, "ประชุม ก.บ.จ. สุราษฎร์ธานี")
        url = phones.phone_link(session, hall.workshop_id, hall.somsri, BASE).url
        token = url.split("#")[1]
        found = phones.participant_for_token(session, hall.workshop_id, token)
        assert found is not None and found.name == "นางสมศรี แก้วประเสริฐ"
        assert found.sector_name == "องค์การบริหารส่วนตำบล"
        assert phones.participant_for_token(session, other, token) is None
        assert phones.participant_for_token(session, hall.workshop_id, token[:-1] + "A") is None
        assert phones.participant_for_token(session, hall.workshop_id, "' OR 1=1 --") is None
        phones.revoke_phone_token(session, hall.somsri)
        assert phones.participant_for_token(session, hall.workshop_id, token) is None
        new_url = phones.phone_link(session, hall.workshop_id, hall.somsri, BASE).url
        assert new_url != url
        assert phones.participant_for_token(session, hall.workshop_id, new_url.split("#")[1])


def test_tokens_never_travel_in_a_bundle(db: Database, hall: Hall, tmp_path: Path) -> None:
    with db.transaction() as session:
        links = phones.phone_links(session, hall.workshop_id, BASE)
        phones.walk_in_code(session, hall.workshop_id)
        ideas.add_idea(session, hall.workshop_id, hall.tourism, ideas.IdeaDraft("โฮมสเตย์คีรีวง"))
    # Bundles and pushes to the provincial server both send exactly these tables.
    synced = {table.name for table in SYNCED_TABLES}
    assert "ideas" in synced
    assert not synced & {"phone_tokens", "phone_submissions", "phone_settings"}
    out = tmp_path / "hall.wsbundle"
    export_bundle(db, out, [hall.workshop_id])
    with zipfile.ZipFile(out) as bundle:
        names = bundle.namelist()
        everything = b"".join(bundle.read(name) for name in names).decode("utf-8")
    assert not any("phone" in name for name in names)
    for link in links:
        assert link.url.split("#")[1] not in everything
    assert "awaiting_moderation" in everything  # the moderation flag does travel


def test_walk_in_joins_with_the_code_once_per_submission(db: Database, hall: Hall) -> None:
    with db.transaction() as session:
        code = phones.walk_in_code(session, hall.workshop_id)
        assert code == phones.walk_in_code(session, hall.workshop_id)
        assert len(code) == 6 and code.isdigit()
    with db.transaction() as session:
        token = phones.join_as_walk_in(
            session, hall.workshop_id, code, " อรุณี ", "ศรีสุข", hall.sector_local, "join-0001-abc"
        )
    with db.transaction() as session:
        again = phones.join_as_walk_in(
            session, hall.workshop_id, code, "อรุณี", "ศรีสุข", hall.sector_local, "join-0001-abc"
        )
        person = phones.participant_for_token(session, hall.workshop_id, token)
        walk_ins = session.scalar(select(func.count()).select_from(PhoneToken))
    assert again == token and walk_ins == 1
    assert person is not None and person.name == "อรุณี ศรีสุข"
    with db.transaction() as session:
        phones.revoke_phone_token(session, person.attendee_id)
    with pytest.raises(PhoneRequestError) as revoked, db.transaction() as session:
        phones.join_as_walk_in(
            session, hall.workshop_id, code, "อรุณี", "ศรีสุข", hall.sector_local, "join-0001-abc"
        )
    assert revoked.value.status == 401


def test_walk_in_refusals_change_nothing(db: Database, hall: Hall) -> None:
    with db.transaction() as session:
        code = phones.walk_in_code(session, hall.workshop_id)
        wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    cases = [
        (wrong, "ชาตรี", hall.sector_local, "wrong_code"),
        (code, "   ", hall.sector_local, "first_name"),
        (code, "ชาตรี", "no-such-sector", "sector"),
        (code, "ช" * 101, hall.sector_local, "first_name"),
    ]
    for typed, first, sector, why in cases:
        with pytest.raises(UserError) as refused, db.transaction() as session:
            phones.join_as_walk_in(
                session, hall.workshop_id, typed, first, "ใจดี", sector, f"join-{why}-1"
            )
        error = refused.value
        if isinstance(error, PhoneRequestError):
            assert error.code == why
        else:
            assert isinstance(error, FieldError) and error.field == why
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(PhoneToken)) == 0
    with db.transaction() as session:
        new = phones.new_walk_in_code(session, hall.workshop_id)
    assert new != code


def test_an_idea_sent_twice_is_one_card_with_author_and_sector(db: Database, hall: Hall) -> None:
    prasit = _participant(db, hall, hall.prasit)
    with db.transaction() as session:
        phones.set_phone_issue(session, hall.workshop_id, hall.fisheries)
    text = "ขอให้ขุดลอกร่องน้ำปากพนังก่อนฤดูมรสุม"
    with db.transaction() as session:
        first = phones.submit_idea(
            session, prasit, "idea-7f3a-0001", hall.fisheries, IdeaKind.NEED.value, text
        )
    with db.transaction() as session:
        second = phones.submit_idea(
            session, prasit, "idea-7f3a-0001", hall.fisheries, IdeaKind.NEED.value, text
        )
    assert first.id == second.id and second.repeated and first.status == "on_board"
    with db.session() as session:
        board = ideas.list_ideas(session, hall.workshop_id, hall.fisheries)
    assert [(c.text, c.author_id, c.sector_id) for c in board] == [
        (text, hall.prasit, hall.sector_civil)
    ]


def test_ideas_only_to_the_open_issue_and_bad_ones_refused(db: Database, hall: Hall) -> None:
    prasit = _participant(db, hall, hall.prasit)
    with pytest.raises(PhoneRequestError) as closed, db.transaction() as session:
        phones.submit_idea(session, prasit, "idea-closed-01", hall.fisheries, "need", "เรือ")
    assert closed.value.status == 409
    with db.transaction() as session:
        phones.set_phone_issue(session, hall.workshop_id, hall.tourism)
    for issue, kind, text, submission in [
        (hall.fisheries, "need", "ไม่ใช่ประเด็นที่เปิด", "idea-other-01"),
        (hall.tourism, "wish", "ประเภทไม่มี", "idea-kind-001"),
        (hall.tourism, "need", "  ", "idea-empty-01"),
        (hall.tourism, "need", "ก" * 1001, "idea-long-001"),
        (hall.tourism, "need", "ข้อความ", "short"),
    ]:
        with pytest.raises(UserError), db.transaction() as session:
            phones.submit_idea(session, prasit, submission, issue, kind, text)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Idea)) == 0


def test_pending_ideas_stay_off_the_board_votes_minutes_and_plans(db: Database, hall: Hall) -> None:
    somsri = _participant(db, hall, hall.somsri)
    prasit = _participant(db, hall, hall.prasit)
    with db.transaction() as session:
        phones.set_phone_issue(session, hall.workshop_id, hall.tourism)
        phones.set_phone_moderation(session, hall.workshop_id, True)
        assert phones.phone_moderation(session, hall.workshop_id)
        stamp = ideas.board_changes(session, hall.workshop_id).stamp
        accepted_text = "ทำเส้นทางจักรยานรอบเขาหลวง"
        waiting_text = "จัดตลาดน้ำวันหยุดที่คลองท่าดี"
        kept = phones.submit_idea(
            session, somsri, "idea-somsri-01", hall.tourism, "proposal", accepted_text
        )
        waiting = phones.submit_idea(
            session, prasit, "idea-prasit-01", hall.tourism, "project", waiting_text
        )
        assert kept.status == waiting.status == "pending"
    with db.transaction() as session:
        assert [r.text for r in phones.pending_ideas(session, hall.workshop_id)] == [
            accepted_text,
            waiting_text,
        ]
        assert ideas.list_ideas(session, hall.workshop_id) == []
        changes = ideas.board_changes(session, hall.workshop_id, stamp)
        assert changes.cards == [] and set(changes.gone) == {kept.id, waiting.id}
        assert voting.ideas_of_issue(session, hall.workshop_id, hall.tourism, None) == []
        with pytest.raises(FieldError):
            voting.create_round(
                session,
                hall.workshop_id,
                voting.RoundDraft("คัดเลือกโครงการท่องเที่ยว", VoteMethod.DOTS.value, (waiting.id,)),
            )
        phones.accept_idea(session, kept.id)
        phones.accept_idea(session, kept.id)  # twice: no harm
    with db.session() as session:
        assert [r.text for r in ideas.list_ideas(session, hall.workshop_id)] == [accepted_text]
        assert ideas.board_changes(session, hall.workshop_id, stamp).cards[0].id == kept.id
        assert [r.text for r in phones.pending_ideas(session, hall.workshop_id)] == [waiting_text]
        assert [c.text for c in list_comments(session, hall.workshop_id)] == [accepted_text]
        assert [c.text for c in gather_action_plan(session, hall.workshop_id).ideas] == [
            accepted_text
        ]
        minutes = json.dumps(
            dataclasses.asdict(gather_minutes(session, hall.workshop_id)),
            default=str,
            ensure_ascii=False,
        )
        assert accepted_text in minutes and waiting_text not in minutes
        counts = {w.id: w for w in province_workshops(session)}
        assert counts[hall.workshop_id].ideas == 1
        side = json.dumps(
            dataclasses.asdict(ideas_side_by_side(session, [hall.workshop_id])),
            default=str,
            ensure_ascii=False,
        )
        assert waiting_text not in side
    with db.transaction() as session:
        phones.reject_idea(session, waiting.id)
        assert phones.pending_ideas(session, hall.workshop_id) == []
        ideas.restore_idea(session, waiting.id)  # undo of a rejection: pending again
        assert [r.id for r in phones.pending_ideas(session, hall.workshop_id)] == [waiting.id]


def _dots_round(db: Database, hall: Hall) -> tuple[str, list[str]]:
    with db.transaction() as session:
        cards = [
            ideas.add_idea(
                session, hall.workshop_id, hall.tourism, ideas.IdeaDraft(text, "project")
            )
            for text in (
                "ธนาคารปูม้าชุมชนบ้านแหลมตะลุมพุก",
                "ซ่อมท่าเทียบเรือประมงหัวไทร",
                "ห้องเย็นสหกรณ์ประมงปากพนัง",
            )
        ]
        round_id = voting.create_round(
            session,
            hall.workshop_id,
            voting.RoundDraft("จัดลำดับโครงการประมง", VoteMethod.DOTS.value, tuple(cards)),
        )
        voting.open_round(session, round_id)
    return round_id, cards


def test_a_phone_ballot_counts_once_and_replaces_its_own(db: Database, hall: Hall) -> None:
    round_id, cards = _dots_round(db, hall)
    prasit = _participant(db, hall, hall.prasit)
    first_marks = [Mark(cards[0], 2), Mark(cards[1], 2), Mark(cards[2], 1)]
    with db.transaction() as session:
        first = phones.submit_ballot(session, prasit, "ballot-aa-0001", round_id, first_marks)
    with db.transaction() as session:
        resent = phones.submit_ballot(session, prasit, "ballot-aa-0001", round_id, first_marks)
    assert resent.id == first.id and resent.repeated
    with db.transaction() as session:
        changed = phones.submit_ballot(
            session, prasit, "ballot-aa-0002", round_id, [Mark(cards[2], 2)]
        )
    with db.transaction() as session:  # the first sent late again: must not come back
        late = phones.submit_ballot(session, prasit, "ballot-aa-0001", round_id, first_marks)
    assert late.id == first.id and changed.id != first.id
    with db.session() as session:
        counted = voting.list_ballots(session, round_id)
        assert [(b.attendee_id, b.cast_by) for b in counted] == [(hall.prasit, CastBy.PHONE.value)]
        assert counted[0].marks == (Mark(cards[2], 2),)
        assert voting.label(voting.CAST_LABELS, CastBy.PHONE.value) == "ลงคะแนนจากโทรศัพท์"
        state = phones.participant_state(session, prasit)
    assert state["round"]["my_ballot"] == {
        "marks": [{"idea_id": cards[2], "value": 2, "criterion_id": None}]
    }


def test_ballot_refusals_change_nothing(db: Database, hall: Hall) -> None:
    round_id, cards = _dots_round(db, hall)
    prasit = _participant(db, hall, hall.prasit)
    wanida = _participant(db, hall, hall.wanida)  # not checked in
    with db.transaction() as session:
        other = create_workshop(session, "ประชุมเชิงปฏิบัติการอำเภอทุ่งสง")
        foreign = add_issue(session, other, "เกษตรปลอดภัย")
        stranger = ideas.add_idea(session, other, foreign, ideas.IdeaDraft("ผักอินทรีย์"))
    attempts = [
        (wanida, round_id, [Mark(cards[0], 1)], 409),
        (prasit, round_id, [Mark(cards[0], 6)], None),  # over the budget of 5
        (prasit, round_id, [Mark(cards[0], 3)], None),  # over the cap of 2
        (prasit, round_id, [Mark(stranger, 1)], None),  # another workshop's card
        (prasit, "no-such-round", [Mark(cards[0], 1)], 409),
    ]
    for number, (who, target, marks, status) in enumerate(attempts):
        with pytest.raises(UserError) as refused, db.transaction() as session:
            phones.submit_ballot(session, who, f"ballot-bad-{number:04d}", target, marks)
        if status is not None:
            assert isinstance(refused.value, PhoneRequestError)
            assert refused.value.status == status
    with db.transaction() as session:
        voting.close_round(session, round_id)
    with pytest.raises(PhoneRequestError), db.transaction() as session:
        phones.submit_ballot(session, prasit, "ballot-late-0001", round_id, [Mark(cards[0], 1)])
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Ballot)) == 0


def test_the_state_shows_the_board_own_pending_ideas_and_the_open_round(
    db: Database, hall: Hall
) -> None:
    somsri = _participant(db, hall, hall.somsri)
    prasit = _participant(db, hall, hall.prasit)
    with db.session() as session:
        empty = phones.participant_state(session, somsri)
    assert empty["issue"] is None and empty["round"] is None and empty["ideas"] == []
    assert empty["me"] == {
        "name": "นางสมศรี แก้วประเสริฐ",
        "sector": "องค์การบริหารส่วนตำบล",
        "checked_in": True,
    }
    assert empty["workshop"]["title"].startswith("เวทีรับฟังความคิดเห็น")
    assert {k["key"] for k in empty["kinds"]} == {k.value for k in IdeaKind}
    with db.transaction() as session:
        phones.set_phone_issue(session, hall.workshop_id, hall.fisheries)
        on_board = phones.submit_idea(
            session,
            somsri,
            "idea-s-000001",
            hall.fisheries,
            "problem",
            "<script>alert(1)</script> น้ำเสีย",
        )
        phones.set_phone_moderation(session, hall.workshop_id, True)
        hidden = phones.submit_idea(
            session, prasit, "idea-p-000001", hall.fisheries, "need", "ขอทุ่นกำหนดเขตอนุรักษ์"
        )
    round_id, _cards = _dots_round(db, hall)
    with db.session() as session:
        states = phones.participant_states(session, hall.workshop_id, [somsri, prasit])
    mine = {i["id"]: (i["mine"], i["status"]) for i in states[hall.somsri]["ideas"]}
    theirs = {i["id"]: (i["mine"], i["status"]) for i in states[hall.prasit]["ideas"]}
    assert mine == {on_board.id: (True, "on_board")}  # Prasit's pending idea is not shown
    assert theirs == {on_board.id: (False, "on_board"), hidden.id: (True, "pending")}
    assert states[hall.somsri]["ideas"][0]["text"] == "<script>alert(1)</script> น้ำเสีย"
    assert states[hall.somsri]["issue"]["title"] == "ประมงชายฝั่งและอ่าวปากพนัง"
    vote = states[hall.prasit]["round"]
    assert vote["id"] == round_id and vote["method"] == "dots" and vote["my_ballot"] is None
    assert vote["cards"][0]["text"] == "ธนาคารปูม้าชุมชนบ้านแหลมตะลุมพุก"
    # Nobody's organisation reaches a phone, nor another person's name.
    text = json.dumps(states, ensure_ascii=False)
    assert "อบต.ปากพนัง" not in text and "สมาคมประมง" not in text
    assert "ทองมา" not in json.dumps(states[hall.somsri], ensure_ascii=False)


def test_the_latest_opened_round_is_the_phones_round(db: Database, hall: Hall) -> None:
    first, _cards = _dots_round(db, hall)
    second, _more = _dots_round(db, hall)
    with db.transaction() as session:
        assert phones.open_phone_round(session, hall.workshop_id).id == second  # type: ignore[union-attr]
        voting.close_round(session, second)
        assert phones.open_phone_round(session, hall.workshop_id).id == first  # type: ignore[union-attr]


def test_public_info_holds_nothing_personal(db: Database, hall: Hall) -> None:
    with db.session() as session:
        info = phones.public_info(session, hall.workshop_id)
    assert info["walk_in"] is True
    assert [s["name"] for s in info["sectors"]][-2:] == ["องค์การบริหารส่วนตำบล", "กลุ่มประมงพื้นบ้าน"]
    assert "สมศรี" not in json.dumps(info, ensure_ascii=False)


def test_a_deleted_issue_closes_phone_ideas(db: Database, hall: Hall) -> None:
    with db.transaction() as session:
        phones.set_phone_issue(session, hall.workshop_id, hall.tourism)
        with pytest.raises(UserError):
            other = create_workshop(session, "ประชุมอื่น")
            phones.set_phone_issue(session, other, hall.tourism)
    with db.transaction() as session:
        delete_numbered(session, StrategicIssue, hall.tourism)
    with db.session() as session:
        assert phones.phone_issue(session, hall.workshop_id) is None
