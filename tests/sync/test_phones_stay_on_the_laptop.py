"""Phone cards' tokens, walk-in codes and submission ids stay on the laptop that runs
the participant server: a push to the provincial server carries none of them, while an
idea awaiting moderation travels with its flag (and stays off the other laptop's board)."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from workshop_app.db.database import Database
from workshop_app.services import ideas, phones
from workshop_app.services.attendees import AttendeeDraft, add_attendee, check_in
from workshop_app.services.workshops import add_issue, create_workshop, list_sectors
from workshop_app.sync.server import sync


def test_a_push_carries_no_phone_secrets(laptops: list[Database], server_url: str) -> None:
    hall, other, _ = laptops
    with hall.transaction() as session:
        workshop = create_workshop(session, "เวทีประชาคมแผนพัฒนาจังหวัดอุบลราชธานี")
        issue = add_issue(session, workshop, "การท่องเที่ยวริมแม่น้ำมูล")
        sector = list_sectors(session, workshop)[0].id
        person = add_attendee(session, workshop, AttendeeDraft("พิมพ์ชนก", sector, "บุญประคอง"))
        check_in(session, person)
        phones.set_phone_issue(session, workshop, issue)
        phones.set_phone_moderation(session, workshop, True)
        code = phones.walk_in_code(session, workshop)
        token = phones.phone_link(session, workshop, person, "http://10.0.0.2:8765").url
        token = token.split("#")[1]
        sender = phones.participant_for_token(session, workshop, token)
        assert sender is not None
        waiting = phones.submit_idea(
            session, sender, "sync-idea-0001", issue, "proposal", "ล่องเรือชมแก่งสะพือ"
        )
    sync(hall, server_url)
    engine = create_engine(server_url)
    try:
        with engine.connect() as connection:
            for table in ("phone_tokens", "phone_submissions", "phone_settings"):
                if inspect(connection).has_table(table):
                    assert connection.scalar(text(f"SELECT count(*) FROM {table}")) == 0
            for table in inspect(connection).get_table_names():
                rows = connection.execute(text(f"SELECT t::text FROM {table} t")).scalars()
                everything = "\n".join(rows)
                assert token not in everything, table
                assert "sync-idea-0001" not in everything, table
            flag = connection.scalar(
                text("SELECT awaiting_moderation FROM ideas WHERE id = :id"), {"id": waiting.id}
            )
            assert flag is True
    finally:
        engine.dispose()
    sync(other, server_url)
    with other.session() as session:
        assert ideas.list_ideas(session, workshop) == []
        assert [r.id for r in phones.pending_ideas(session, workshop)] == [waiting.id]
        assert phones.participant_for_token(session, workshop, token) is None
        assert phones.phone_issue(session, workshop) is None
    assert len(code) == 6
