"""Undoing the facilitator's accept of a phone idea: the card leaves the board and waits
again; accepted again, it comes back at the end of its column."""

from __future__ import annotations

from tests.services.test_phones import Hall, _participant, hall  # noqa: F401  (the fixture)
from workshop_app.db.database import Database
from workshop_app.services import ideas, phones


def test_an_accepted_idea_can_be_sent_back_to_wait(db: Database, hall: Hall) -> None:  # noqa: F811
    wanida = _participant(db, hall, hall.wanida)
    with db.transaction() as session:
        phones.set_phone_issue(session, hall.workshop_id, hall.fisheries)
        phones.set_phone_moderation(session, hall.workshop_id, True)
        first = phones.submit_idea(
            session, wanida, "idea-wanida-01", hall.fisheries, "problem", "ขยะทะเลอุดปากคลองหัวไทร"
        )
        second = phones.submit_idea(
            session, wanida, "idea-wanida-02", hall.fisheries, "proposal", "ตั้งธนาคารปูม้าทุกหมู่บ้าน"
        )
        phones.accept_idea(session, first.id)
        phones.accept_idea(session, second.id)
        stamp = ideas.board_changes(session, hall.workshop_id).stamp
    with db.transaction() as session:
        phones.unaccept_idea(session, first.id)
    with db.session() as session:
        assert [r.text for r in ideas.list_ideas(session, hall.workshop_id)] == [
            "ตั้งธนาคารปูม้าทุกหมู่บ้าน"
        ]
        assert [r.id for r in phones.pending_ideas(session, hall.workshop_id)] == [first.id]
        assert ideas.board_changes(session, hall.workshop_id, stamp).gone == [first.id]
    with db.transaction() as session:
        phones.accept_idea(session, first.id)  # redo
    with db.session() as session:
        assert [r.id for r in ideas.list_ideas(session, hall.workshop_id)] == [second.id, first.id]
