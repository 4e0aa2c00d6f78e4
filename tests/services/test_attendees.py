"""Registration at the door: people, check-in, walk-ins, search as you type, counts."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

import pytest

from workshop_app.db.database import Database
from workshop_app.errors import UserError
from workshop_app.models import Attendee
from workshop_app.services.attendees import (
    AttendeeDraft,
    AttendeeRow,
    add_attendee,
    check_in,
    delete_attendee,
    find_likely_duplicates,
    get_attendee,
    list_attendees,
    register_walk_in,
    restore_attendee,
    search_attendees,
    sector_counts,
    undo_check_in,
    update_attendee,
)
from workshop_app.services.workshops import create_workshop, list_sectors
from workshop_app.thai.collate import thai_sorted

BANGKOK = ZoneInfo("Asia/Bangkok")

# (prefix, first, last, organisation, sector index)
PEOPLE = [
    ("นาย", "สมชาย", "ใจดี", "สำนักงานจังหวัด", 0),
    ("นาย", "สมชาย", "ศรีสุข", "เทศบาลเมือง", 2),
    ("นาง", "สมหญิง", "แก้วมณี", "สำนักงานเกษตรจังหวัด", 0),
    ("นาย", "ไพโรจน์", "สมบูรณ์ผล", "หอการค้าจังหวัด", 3),
    ("นางสาว", "กาญจนา", "บุญมา", "สมาคมโรงแรมจังหวัด", 3),
    ("นาย", "เอกชัย", "สมปอง", "มหาวิทยาลัยราชภัฏ", 6),
    ("นาย", "วิชัย", "ทองสม", "การไฟฟ้าส่วนภูมิภาคจังหวัด", 1),
    ("นางสาว", "ปิ่นแก้ว", "มีสุข", "สภาองค์กรชุมชนตำบล", 4),
    ("นาง", "แสงเดือน", "ชัยมงคล", "ผู้ใหญ่บ้านหมู่ 3", 5),
]


@dataclass(frozen=True)
class Registry:
    workshop_id: str
    sector_ids: list[str]
    ids: dict[str, str]  # "first last" -> attendee id


@pytest.fixture
def registry(db: Database) -> Registry:
    with db.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมทดสอบการลงทะเบียน")
        sector_ids = [s.id for s in list_sectors(session, workshop_id)]
        ids = {
            f"{first} {last}": add_attendee(
                session,
                workshop_id,
                AttendeeDraft(
                    prefix=prefix,
                    first_name=first,
                    last_name=last,
                    organisation=organisation,
                    sector_id=sector_ids[sector],
                ),
            )
            for prefix, first, last, organisation, sector in PEOPLE
        }
    return Registry(workshop_id, sector_ids, ids)


def _names(rows: list[AttendeeRow]) -> list[str]:
    return [f"{r.first_name} {r.last_name}" for r in rows]


def _search(db: Database, registry: Registry, query: str) -> list[str]:
    with db.session() as session:
        return _names(search_attendees(session, registry.workshop_id, query))


# --- adding and editing ----------------------------------------------------------------


def test_add_attendee_stores_cleaned_values(db: Database, registry: Registry) -> None:
    """Text is normalized, Thai digits in the phone become Arabic, e-mail is lower case,
    and codes count up from 1."""
    with db.transaction() as session:
        new_id = add_attendee(
            session,
            registry.workshop_id,
            AttendeeDraft(
                prefix=" นาย ",
                first_name=" ประ\u200bเสริฐ ",
                last_name="วงศ์สวัสดิ์",
                organisation="ส\u0e4d\u0e32นักงานพาณิชย์จังหวัด",
                phone="๐๘๑-๒๓๔-๕๖๗๘",
                email=" Prasert@Example.GO.TH ",
                sector_id=registry.sector_ids[0],
            ),
        )
    with db.session() as session:
        row = get_attendee(session, new_id)
    assert (row.prefix, row.first_name, row.last_name) == ("นาย", "ประเสริฐ", "วงศ์สวัสดิ์")
    assert row.full_name == "นายประเสริฐ วงศ์สวัสดิ์"
    assert row.organisation == "สำนักงานพาณิชย์จังหวัด"
    assert row.phone == "081-234-5678"
    assert row.email == "prasert@example.go.th"
    assert row.code == len(PEOPLE) + 1
    assert row.invited and not row.walk_in and row.checked_in_at is None


@pytest.mark.parametrize(
    ("change", "english"),
    [
        ({"first_name": "  \u200b "}, "first name cannot be empty"),
        ({"email": "somchai@"}, "e-mail 'somchai@' is not valid"),
        ({"email": "som chai@mail.com"}, "is not valid"),
        ({"phone": "โทร 081"}, "phone"),
        ({"role": "boss"}, "role 'boss' is not valid"),
        ({"special_needs": "อาหารมังสวิรัติ"}, "only with the person's consent"),
        ({"sector_id": "no-such-sector"}, "choose a sector"),
    ],
)
def test_bad_details_are_refused(
    db: Database, registry: Registry, change: dict[str, str], english: str
) -> None:
    """Adding or editing with a bad field raises UserError in both languages; the stored
    person is unchanged."""
    person = registry.ids["สมชาย ใจดี"]
    with db.session() as session:
        before = get_attendee(session, person)
    bad = replace(before.draft(), **change)  # type: ignore[arg-type]
    with pytest.raises(UserError) as excinfo, db.transaction() as session:
        update_attendee(session, person, bad)
    assert english in excinfo.value.english
    assert excinfo.value.thai and excinfo.value.thai != excinfo.value.english
    with pytest.raises(UserError), db.transaction() as session:
        add_attendee(session, registry.workshop_id, bad)
    with db.session() as session:
        assert get_attendee(session, person) == before
        assert len(list_attendees(session, registry.workshop_id)) == len(PEOPLE)


def test_sector_of_another_workshop_is_refused(db: Database, registry: Registry) -> None:
    """A sector id from a different workshop is not a valid choice."""
    with db.transaction() as session:
        other = create_workshop(session, "อีกงานหนึ่ง")
        foreign_sector = list_sectors(session, other)[0].id
    with pytest.raises(UserError, match="choose a sector"), db.transaction() as session:
        add_attendee(
            session,
            registry.workshop_id,
            AttendeeDraft(first_name="สมศักดิ์", sector_id=foreign_sector),
        )


def test_special_needs_are_kept_with_consent(db: Database, registry: Registry) -> None:
    """Diet or access needs are stored when the person consents (PDPA s.26)."""
    person = registry.ids["ปิ่นแก้ว มีสุข"]
    with db.transaction() as session:
        draft = replace(
            get_attendee(session, person).draft(),
            special_needs=" อาหารฮาลาล ",
            consent_special_needs=True,
            email="pinkaew@example.com",
        )
        update_attendee(session, person, draft)
    with db.session() as session:
        row = get_attendee(session, person)
    assert row.special_needs == "อาหารฮาลาล" and row.consent_special_needs
    assert row.email == "pinkaew@example.com"


def test_update_refreshes_what_search_finds(db: Database, registry: Registry) -> None:
    """After a name is corrected, search finds the new name and not the old one."""
    person = registry.ids["วิชัย ทองสม"]
    with db.transaction() as session:
        draft = replace(get_attendee(session, person).draft(), first_name="วิชิต")
        update_attendee(session, person, draft)
    assert _search(db, registry, "วิชิต") == ["วิชิต ทองสม"]
    assert _search(db, registry, "วิชัย") == []


# --- check-in --------------------------------------------------------------------------


def test_second_check_in_keeps_the_first_time(db: Database, registry: Registry) -> None:
    """Checking in twice reports already_checked_in and keeps the first arrival time."""
    person = registry.ids["สมหญิง แก้วมณี"]
    first_time = dt.datetime(2025, 11, 20, 8, 5, tzinfo=BANGKOK)
    with db.transaction() as session:
        result = check_in(session, person, at=first_time)
    assert not result.already_checked_in
    assert result.attendee.checked_in_at == first_time
    with db.transaction() as session:
        again = check_in(session, person, at=first_time + dt.timedelta(minutes=30))
    assert again.already_checked_in
    assert again.attendee.checked_in_at == first_time
    with db.session() as session:
        stored = get_attendee(session, person).checked_in_at
    assert stored == first_time and stored is not None and stored.tzinfo == dt.UTC


def test_check_in_without_a_time_uses_now(db: Database, registry: Registry) -> None:
    """No time given: the current UTC time is stored."""
    before = dt.datetime.now(dt.UTC)
    with db.transaction() as session:
        result = check_in(session, registry.ids["สมชาย ใจดี"])
    stored = result.attendee.checked_in_at
    assert stored is not None and before <= stored <= dt.datetime.now(dt.UTC)


def test_undo_check_in(db: Database, registry: Registry) -> None:
    """Undo makes the person not present again; a new check-in then works normally."""
    person = registry.ids["ไพโรจน์ สมบูรณ์ผล"]
    with db.transaction() as session:
        check_in(session, person)
    with db.transaction() as session:
        undo_check_in(session, person)
    with db.session() as session:
        assert get_attendee(session, person).checked_in_at is None
    with db.transaction() as session:
        assert not check_in(session, person).already_checked_in


def test_deleted_person_cannot_be_checked_in(db: Database, registry: Registry) -> None:
    """A deleted registration is a UserError at check-in; restoring brings it back."""
    person = registry.ids["เอกชัย สมปอง"]
    with db.transaction() as session:
        delete_attendee(session, person)
    with pytest.raises(UserError, match="no attendee"), db.transaction() as session:
        check_in(session, person)
    with db.transaction() as session:
        restore_attendee(session, person)
        assert not check_in(session, person).already_checked_in


def test_walk_in_is_registered_deleted_and_restored_with_the_same_id(
    db: Database, registry: Registry
) -> None:
    """A walk-in is present at once; undo (delete) and redo with the same id bring back the
    same row and code, not a second person."""
    fixed_id = str(uuid.uuid4())
    draft = AttendeeDraft(
        prefix="นาย",
        first_name="ณรงค์",
        last_name="บัวขาว",
        organisation="สื่อมวลชนท้องถิ่น",
        sector_id=registry.sector_ids[7],
    )
    with db.transaction() as session:
        assert register_walk_in(session, registry.workshop_id, draft, fixed_id) == fixed_id
    with db.session() as session:
        row = get_attendee(session, fixed_id)
    assert row.walk_in and not row.invited and row.checked_in_at is not None
    code = row.code
    with db.transaction() as session:
        delete_attendee(session, fixed_id)
    assert _search(db, registry, "ณรงค์") == []
    with db.transaction() as session:
        assert register_walk_in(session, registry.workshop_id, draft, fixed_id) == fixed_id
    with db.session() as session:
        again = get_attendee(session, fixed_id)
        assert again.code == code and again.checked_in_at is not None
        assert session.query(Attendee).filter(Attendee.first_name == "ณรงค์").count() == 1
    assert _search(db, registry, "ณรงค์") == ["ณรงค์ บัวขาว"]


# --- search ----------------------------------------------------------------------------


def test_search_finds_a_thai_substring(db: Database, registry: Registry) -> None:
    """A piece from the middle of a name or organisation is enough."""
    assert _search(db, registry, "โรจ") == ["ไพโรจน์ สมบูรณ์ผล"]
    assert _search(db, registry, "ราชภัฏ") == ["เอกชัย สมปอง"]


def test_name_prefixes_rank_first(db: Database, registry: Registry) -> None:
    """Query สม: names starting with สม, then organisation words starting with สม, then
    names merely containing it."""
    assert _search(db, registry, "สม") == [
        "สมชาย ใจดี",
        "สมชาย ศรีสุข",
        "สมหญิง แก้วมณี",
        "ไพโรจน์ สมบูรณ์ผล",  # last name starts with สม
        "เอกชัย สมปอง",
        "กาญจนา บุญมา",  # organisation สมาคม...
        "วิชัย ทองสม",  # only inside a word
    ]


def test_every_word_of_the_query_must_match(db: Database, registry: Registry) -> None:
    """สมชาย ศรี narrows two สมชาย to one; word order does not matter."""
    assert _search(db, registry, "สมชาย ศรี") == ["สมชาย ศรีสุข"]
    assert _search(db, registry, "ศรีสุข สมชาย") == ["สมชาย ศรีสุข"]
    assert _search(db, registry, "สมชาย เกษตร") == []


def test_registration_code_is_searchable(db: Database, registry: Registry) -> None:
    """The badge number finds the person first, typed with Arabic or Thai digits."""
    with db.session() as session:
        code = get_attendee(session, registry.ids["แสงเดือน ชัยมงคล"]).code
    assert code == 9
    assert _search(db, registry, "9")[0] == "แสงเดือน ชัยมงคล"
    assert _search(db, registry, "๙")[0] == "แสงเดือน ชัยมงคล"
    first = _search(db, registry, "1")
    assert first[0] == "สมชาย ใจดี"  # code 1 beats the other codes containing a 1


def test_malformed_typing_still_matches(db: Database, registry: Registry) -> None:
    """Tone mark typed before the vowel, เเ for แ, zero-width space: all still match."""
    assert _search(db, registry, "ป\u0e48\u0e34น") == ["ปิ่นแก้ว มีสุข"]
    assert _search(db, registry, "\u0e40\u0e40สงเดือน") == ["แสงเดือน ชัยมงคล"]
    assert _search(db, registry, "ไพ\u200bโรจน์") == ["ไพโรจน์ สมบูรณ์ผล"]
    assert _search(db, registry, "ส\u0e4d\u0e32นักงานจังหวัด") == ["สมชาย ใจดี"]


def test_malformed_stored_name_is_found_by_the_correct_spelling(
    db: Database, registry: Registry
) -> None:
    """A name typed badly at registration is found by the well-typed query."""
    with db.transaction() as session:
        add_attendee(
            session,
            registry.workshop_id,
            AttendeeDraft(first_name="ท\u0e49\u0e35ฆ", sector_id=registry.sector_ids[0]),
        )
    assert _search(db, registry, "ที้ฆ") == ["ที้ฆ "]


def test_people_not_yet_checked_in_come_first_among_equals(
    db: Database, registry: Registry
) -> None:
    """Two สมชาย: the one still at the door is listed before the one already inside."""
    assert _search(db, registry, "สมชาย") == ["สมชาย ใจดี", "สมชาย ศรีสุข"]
    with db.transaction() as session:
        check_in(session, registry.ids["สมชาย ใจดี"])
    assert _search(db, registry, "สมชาย") == ["สมชาย ศรีสุข", "สมชาย ใจดี"]


def test_empty_query_lists_everyone_in_thai_name_order(db: Database, registry: Registry) -> None:
    """No query: everyone, ordered by first name in dictionary order (not code points)."""
    names = _search(db, registry, "  ")
    firsts = [n.split()[0] for n in names]
    assert firsts == thai_sorted(firsts)
    assert firsts[:3] == ["กาญจนา", "ปิ่นแก้ว", "ไพโรจน์"]
    assert firsts[-1] == "เอกชัย"
    assert sorted(firsts) != firsts
    assert len(names) == len(PEOPLE)


def test_search_respects_the_limit_and_the_workshop(db: Database, registry: Registry) -> None:
    """At most ``limit`` rows, only from the given workshop, never deleted people."""
    with db.transaction() as session:
        other = create_workshop(session, "อีกงานหนึ่ง")
        add_attendee(
            session,
            other,
            AttendeeDraft(first_name="สมชาย", sector_id=list_sectors(session, other)[0].id),
        )
        delete_attendee(session, registry.ids["สมหญิง แก้วมณี"])
        assert len(search_attendees(session, registry.workshop_id, "", limit=3)) == 3
        found = search_attendees(session, registry.workshop_id, "สม")
    assert "สมหญิง แก้วมณี" not in _names(found)
    assert len([n for n in _names(found) if n.startswith("สมชาย")]) == 2


def test_like_wildcards_in_the_query_are_literal(db: Database, registry: Registry) -> None:
    """% and _ typed by the user are not SQL wildcards."""
    assert _search(db, registry, "%") == []
    assert _search(db, registry, "_") == []


# --- counts and duplicates -------------------------------------------------------------


def test_sector_counts(db: Database, registry: Registry) -> None:
    """Invited, present and walk-ins per sector, in sector order, deleted people excluded."""
    with db.transaction() as session:
        check_in(session, registry.ids["สมชาย ใจดี"])
        check_in(session, registry.ids["ไพโรจน์ สมบูรณ์ผล"])
        check_in(session, registry.ids["สมหญิง แก้วมณี"])
        delete_attendee(session, registry.ids["สมหญิง แก้วมณี"])
        register_walk_in(
            session,
            registry.workshop_id,
            AttendeeDraft(first_name="ผู้สังเกตการณ์", sector_id=registry.sector_ids[7]),
        )
        counts = sector_counts(session, registry.workshop_id)
    assert [c.sector_id for c in counts] == registry.sector_ids
    assert [(c.invited, c.present, c.walk_ins) for c in counts] == [
        (1, 1, 0),  # ส่วนราชการ: สมชาย present, สมหญิง deleted
        (1, 0, 0),
        (1, 0, 0),
        (2, 1, 0),  # ภาคเอกชน: ไพโรจน์ present
        (1, 0, 0),
        (1, 0, 0),
        (1, 0, 0),
        (0, 1, 1),  # อื่น ๆ: one walk-in
    ]
    assert counts[0].name == "ส่วนราชการ"


def test_find_likely_duplicates_matches_name_and_organisation(
    db: Database, registry: Registry
) -> None:
    """Same name and organisation, however typed, is a likely duplicate; another
    organisation is a different person."""
    with db.session() as session:
        same = find_likely_duplicates(
            session, registry.workshop_id, " สมชาย", "ใจดี ", "ส\u0e4d\u0e32นักงาน จังหวัด"
        )
        other_org = find_likely_duplicates(
            session, registry.workshop_id, "สมชาย", "ใจดี", "เทศบาลเมือง"
        )
        nobody = find_likely_duplicates(session, registry.workshop_id, "ใครก็ได้", "", "")
    assert [r.id for r in same] == [registry.ids["สมชาย ใจดี"]]
    assert other_org == []
    assert nobody == []
