"""Registration numbers: unique across laptops by construction, a lookup by number that
never picks the wrong person, and duplicates from older files renumbered visibly on merge
(issue 21: walk-ins on two laptops both got number 44)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from workshop_app.cli import main
from workshop_app.db.database import Database, open_database
from workshop_app.errors import UserError
from workshop_app.models import Attendee, Sector
from workshop_app.services.attendees import (
    AttendeeDraft,
    add_attendee,
    list_attendees,
    person_with_number,
    register_walk_in,
)
from workshop_app.services.registration_numbers import BLOCK, HOME_CODES
from workshop_app.services.voting import find_voter
from workshop_app.services.workshops import create_workshop
from workshop_app.sync.bundle import export_bundle, import_bundle

WALK_INS = {
    "main desk": ["สมศักดิ์ ใจดี", "บุญมี ศรีสุข"],
    "desk 2": ["วิภาวรรณ ทองคำ", "ประเสริฐ แก้วมณี", "จันทร์เพ็ญ สายบุญ"],
    "desk 3": ["ธนพล วงศ์ใหญ่", "อรุณี พรหมมา"],
}


@pytest.fixture
def three_laptops(tmp_path: Path) -> Iterator[dict[str, Database]]:
    """The main desk's laptop made the workshop; two more desks received it by bundle."""
    main_desk = open_database(tmp_path / "โต๊ะหลัก.sqlite")
    with main_desk.transaction() as session:
        workshop_id = create_workshop(
            session, "ประชุมทบทวนแผนพัฒนาจังหวัดอุบลราชธานี", province="อุบลราชธานี"
        )
        sector_id = _first_sector(session, workshop_id)
        for first, last in (("ชัยวัฒน์", "บุญเรือง"), ("สุดารัตน์", "คำมา")):
            add_attendee(session, workshop_id, AttendeeDraft(first, sector_id, last))
    export_bundle(main_desk, tmp_path / "start.bundle")
    laptops = {"main desk": main_desk}
    for desk in ("desk 2", "desk 3"):
        laptops[desk] = open_database(tmp_path / f"{desk}.sqlite")
        import_bundle(laptops[desk], tmp_path / "start.bundle")
    yield laptops
    for database in laptops.values():
        database.close()


def _first_sector(session: object, workshop_id: str) -> str:
    return str(
        session.scalars(  # type: ignore[attr-defined]
            select(Sector.id).where(Sector.workshop_id == workshop_id).order_by(Sector.position)
        ).first()
    )


def _workshop(database: Database) -> tuple[str, str]:
    with database.session() as session:
        attendee = session.scalars(select(Attendee)).first()
        assert attendee is not None
        return attendee.workshop_id, attendee.sector_id


def _walk_in(database: Database, name: str) -> int:
    workshop_id, sector_id = _workshop(database)
    first, last = name.split()
    with database.transaction() as session:
        attendee_id = register_walk_in(session, workshop_id, AttendeeDraft(first, sector_id, last))
        return session.get_one(Attendee, attendee_id).code


def _exchange(laptops: dict[str, Database], folder: Path) -> None:
    """Every laptop's bundle into every other laptop, twice (settling what merges did)."""
    for round_number in range(2):
        for desk, database in laptops.items():
            export_bundle(database, folder / f"{desk}-{round_number}.bundle")
        for desk, database in laptops.items():
            for other in laptops:
                if other != desk:
                    import_bundle(database, folder / f"{other}-{round_number}.bundle")


def _codes(database: Database) -> dict[str, int]:
    workshop_id, _ = _workshop(database)
    with database.session() as session:
        return {row.full_name: row.code for row in list_attendees(session, workshop_id)}


def test_walk_ins_on_three_laptops_never_share_a_number(
    three_laptops: dict[str, Database], tmp_path: Path
) -> None:
    given = {
        desk: [_walk_in(three_laptops[desk], name) for name in names]
        for desk, names in WALK_INS.items()
    }
    # The main desk goes on from the invitation list; the others number in a block each.
    assert given["main desk"] == [3, 4]
    for desk in ("desk 2", "desk 3"):
        codes = given[desk]
        assert all(code > HOME_CODES for code in codes)
        assert codes == list(range(codes[0], codes[0] + len(codes)))
    all_given = [code for codes in given.values() for code in codes]
    # Distinct, unless the two desks (which never met) started in one block: one chance
    # in 900, and then the merge below renumbers.
    same_block = given["desk 2"][0] // BLOCK == given["desk 3"][0] // BLOCK
    assert len(set(all_given)) == len(all_given) or same_block
    _exchange(three_laptops, tmp_path)
    seen = [_codes(database) for database in three_laptops.values()]
    assert seen[0] == seen[1] == seen[2]
    assert len(set(seen[0].values())) == len(seen[0]) == 9
    # Every number leads to its own person, on every laptop.
    for database in three_laptops.values():
        workshop_id, _ = _workshop(database)
        with database.session() as session:
            for name, code in seen[0].items():
                found = session.get_one(Attendee, find_voter(session, workshop_id, str(code)))
                assert f"{found.first_name} {found.last_name}" in name


def test_a_laptop_keeps_its_block_across_restarts(
    three_laptops: dict[str, Database], tmp_path: Path
) -> None:
    desk = three_laptops["desk 2"]
    first = _walk_in(desk, "มานพ ศรีวงศ์")
    desk.close()
    three_laptops["desk 2"] = desk = open_database(tmp_path / "desk 2.sqlite")
    assert _walk_in(desk, "ละเอียด พลอยงาม") == first + 1


def test_duplicates_from_older_files_are_renumbered_visibly(
    three_laptops: dict[str, Database], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files from before this rule numbered walk-ins max + 1 on every laptop: both desks
    gave number 44. The lookup refuses to guess; the merge renumbers the later one."""
    main_desk, desk_2 = three_laptops["main desk"], three_laptops["desk 2"]
    workshop_id, sector_id = _workshop(main_desk)
    for database, (first, last) in ((main_desk, ("กนกพร", "ศรีสวัสดิ์")), (desk_2, ("วีระ", "คงมั่น"))):
        with database.transaction() as session:
            add_attendee(session, workshop_id, AttendeeDraft(first, sector_id, last), code=44)
    export_bundle(desk_2, tmp_path / "desk2.bundle")
    main_desk.close()
    assert (
        main(
            [
                "bundle",
                "import",
                "--db",
                str(tmp_path / "โต๊ะหลัก.sqlite"),
                "--lang",
                "en",
                str(tmp_path / "desk2.bundle"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "number 44 was held twice: วีระ คงมั่น is now 45" in out
    three_laptops["main desk"] = main_desk = open_database(tmp_path / "โต๊ะหลัก.sqlite")
    codes = _codes(main_desk)
    assert codes["กนกพร ศรีสวัสดิ์"] == 44 and codes["วีระ คงมั่น"] == 45
    # The new number travels back to desk 2.
    export_bundle(main_desk, tmp_path / "main.bundle")
    import_bundle(desk_2, tmp_path / "main.bundle")
    assert _codes(desk_2) == codes
    with desk_2.session() as session:
        kanokporn = session.get_one(Attendee, find_voter(session, workshop_id, "๔๔"))
        assert kanokporn.first_name == "กนกพร"


def test_a_number_held_twice_is_never_guessed(three_laptops: dict[str, Database]) -> None:
    """A file merged by an older version holds two people under one number."""
    database = three_laptops["desk 3"]
    workshop_id, sector_id = _workshop(database)
    with database.transaction() as session:
        for first, last in (("ปิยะ", "สุขเกษม"), ("ปิยะนุช", "สุขเกษม")):
            add_attendee(session, workshop_id, AttendeeDraft(first, sector_id, last), code=12)
    with (
        database.session() as session,
        pytest.raises(UserError, match="held by more than one person") as refused,
    ):
        find_voter(session, workshop_id, "12")
    assert "ปิยะ สุขเกษม" in str(refused.value) and "ปิยะนุช สุขเกษม" in str(refused.value)


def test_two_desks_in_one_block_converge_to_distinct_numbers(
    three_laptops: dict[str, Database], tmp_path: Path
) -> None:
    """The one-in-900 case: desks 2 and 3 never met and started in one block (forced
    here), and the main desk also used one of those numbers (an older version's file).
    After the bundles went round, every laptop holds the same, distinct numbers."""
    workshop_id, sector_id = _workshop(three_laptops["main desk"])
    people = {
        "desk 2": [("อำนาจ", "ศรีบุญ"), ("ศิริพร", "ทองดี")],
        "desk 3": [("สมพร", "คำแสน"), ("ทองใบ", "สีหา")],
        "main desk": [("บุญเลิศ", "พันธ์ดี")],
    }
    for desk, names in people.items():
        with three_laptops[desk].transaction() as session:
            for number, (first, last) in enumerate(names, start=1):
                draft = AttendeeDraft(first, sector_id, last)
                add_attendee(session, workshop_id, draft, code=523_000 + number)
    _exchange(three_laptops, tmp_path)
    seen = [_codes(database) for database in three_laptops.values()]
    assert seen[0] == seen[1] == seen[2]
    assert len(set(seen[0].values())) == len(seen[0]) == 7


def test_enter_at_the_desk_never_guesses_a_number_held_twice(
    three_laptops: dict[str, Database],
) -> None:
    """The registration desk's lookup (services.attendees.person_with_number): a unique
    number in Thai or Arabic digits gives its holder; a shared one is refused, naming both."""
    database = three_laptops["desk 2"]
    workshop_id, sector_id = _workshop(database)
    with database.transaction() as session:
        for first, last in (("ทองใบ", "ศรีจันทร์"), ("ทองม้วน", "ศรีจันทร์")):
            add_attendee(session, workshop_id, AttendeeDraft(first, sector_id, last), code=61)
        alone = add_attendee(session, workshop_id, AttendeeDraft("เยาวลักษณ์", sector_id, "ดวงดี"))
    with database.session() as session:
        with pytest.raises(UserError) as refused:
            person_with_number(session, workshop_id, " ๖๑ ")
        assert "ทองใบ ศรีจันทร์" in refused.value.thai and "ทองม้วน ศรีจันทร์" in refused.value.thai
        code = session.get_one(Attendee, alone).code
        found = person_with_number(session, workshop_id, str(code))
        assert found is not None and found.id == alone
        assert person_with_number(session, workshop_id, "ทองใบ") is None
        assert person_with_number(session, workshop_id, "99999") is None
