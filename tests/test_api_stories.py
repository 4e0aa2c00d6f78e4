"""Five meetings, one of each kind the app is for, carried through the scripting API
(workshop_app.api) and read back from the PDF (pdftotext) and the DOCX (python-docx),
section by section. Each meeting is its own (different places, people and topics)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.pdf_reading import read_pdf, shared_check
from workshop_app import api
from workshop_app.errors import UserError
from workshop_app.export.pdf.minutes import write_minutes_pdf

GOV = "ส่วนราชการ"
LOCAL = "องค์กรปกครองส่วนท้องถิ่น"
PRIVATE = "ภาคเอกชน"
CIVIL = "ภาคประชาสังคม"
ACADEMIA = "สถาบันการศึกษา"


@pytest.fixture
def db_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "meeting.sqlite"
    yield path
    api.close(path)


@contextmanager
def refused(thai: str) -> Iterator[None]:
    """The call raises a UserError whose Thai message says ``thai``."""
    with pytest.raises(UserError) as raised:
        yield
    assert thai in raised.value.thai, raised.value.thai


def flat(text: str) -> str:
    return "".join(text.split())


def read_back(db_file: Path, workshop_id: str, tmp_path: Path) -> tuple[str, str]:
    """The PDF's text (checked: Thai reads back, breaks between words, the shared check)
    and the DOCX's paragraphs and cells."""
    pdf = tmp_path / "minutes.pdf"
    api.export_minutes(db_file, workshop_id, pdf)
    from workshop_app.db.database import open_database

    database = open_database(db_file)
    try:
        with database.session() as session:
            source = write_minutes_pdf(session, workshop_id, pdf)
    finally:
        database.close()
    reading = read_pdf(pdf, source)
    assert reading.clean, (reading.bad_breaks[:5], reading.missing[:5])
    source_file = pdf.with_suffix(".txt")
    source_file.write_text(source, encoding="utf-8")
    shared = shared_check(pdf, source_file)
    if shared is not None:
        assert shared[0] == 0, shared[1]
    out = tmp_path / "minutes.docx"
    api.export_minutes(db_file, workshop_id, out)
    document = docx.Document(str(out))
    texts = []  # paragraphs and tables in the document's order
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            texts.append(Paragraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            table = Table(block, document)
            texts += [cell.text for row in table.rows for cell in row.cells]
    return reading.text, "\n".join(texts)


def in_order(text: str, *parts: str) -> None:
    positions = [flat(text).find(flat(part)) for part in parts]
    assert -1 not in positions, [p for p, i in zip(parts, positions, strict=True) if i < 0]
    assert positions == sorted(positions), parts


def test_committee_meeting_with_roles_stand_in_motions_and_quorum(
    db_file: Path, tmp_path: Path
) -> None:
    """ก.บ.จ. of Nan: a deputy governor chairs for the governor; members in the order of
    the appointing order; a stand-in; an absentee; sub-items 4.1 and 4.2 with counted
    votes; the quorum."""
    w = api.create_workshop(
        db_file, "ประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการจังหวัดน่าน", "committee_meeting"
    )
    api.update_workshop(
        db_file,
        w,
        body_name="คณะกรรมการบริหารงานจังหวัดแบบบูรณาการจังหวัดน่าน (ก.บ.จ.น่าน)",
        meeting_number=4,
        meeting_year=2566,
        venue="ห้องประชุมผาขวาง ศาลากลางจังหวัดน่าน",
        minutes_taker="นางสาวกมลชนก ใจปิง",
        minutes_taker_position="นักวิเคราะห์นโยบายและแผนชำนาญการ",
    )
    day = api.add_day(db_file, w, dt.date(2023, 7, 19), "13.30", "16.00")
    people = [
        ("ประวิทย์", "ศรีน่าน", "ผู้ว่าราชการจังหวัดน่าน", "ประธานกรรมการ"),
        ("ชยพล", "ทองเหลือง", "รองผู้ว่าราชการจังหวัดน่าน", "รองประธานกรรมการ"),
        ("อรุณี", "คำปัน", "ปลัดจังหวัดน่าน", "กรรมการ"),
        ("ธีรวัฒน์", "อินต๊ะ", "นายกองค์การบริหารส่วนจังหวัดน่าน", "กรรมการ"),
        ("สุดารัตน์", "วงศ์ไชย", "ประธานหอการค้าจังหวัดน่าน", "กรรมการ"),
        ("วิโรจน์", "ปัญญาดี", "หัวหน้าสำนักงานจังหวัดน่าน", "กรรมการและเลขานุการ"),
    ]
    ids = {}
    # Imported secretary first: the default order is by role, never by name or import.
    for first, last, position, role in reversed(people):
        ids[first] = api.add_attendee(
            db_file, w, first, last, sector=GOV, prefix="นาย", position=position, role=role
        )
    stand_in = api.add_attendee(
        db_file, w, "พิมพ์ชนก", "สายสุข", sector=LOCAL, prefix="นาง",
        position="รองนายกองค์การบริหารส่วนจังหวัดน่าน",
    )  # fmt: skip
    api.set_stand_in(db_file, stand_in, ids["ธีรวัฒน์"])
    api.update_workshop(db_file, w, quorum=4)
    for first in ("ชยพล", "อรุณี", "สุดารัตน์", "วิโรจน์"):
        api.check_in(db_file, ids[first], day_id=day)
    api.check_in(db_file, stand_in, day_id=day)
    api.set_chair(
        db_file, w, attendee_id=ids["ชยพล"], on_behalf_of="ผู้ว่าราชการจังหวัดน่าน",
        away_reason="ติดราชการ",
    )  # fmt: skip
    members = api.members(db_file, w)
    assert [m.role for m in members][:2] == ["ประธานกรรมการ", "รองประธานกรรมการ"]
    assert members[-1].role == "กรรมการและเลขานุการ"
    q = api.quorum(db_file, w)
    assert (q.members, q.present, q.required, q.met) == (6, 5, 4, True)

    item_4 = next(i for i in api.agenda(db_file, w) if i.number == 5)  # เรื่องเพื่อพิจารณา
    sub_1 = api.add_agenda_item(
        db_file, w, "ร่างแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568", parent_id=item_4.id
    )
    sub_2 = api.add_agenda_item(
        db_file, w, "โครงการพัฒนาเส้นทางท่องเที่ยวเมืองเก่าน่าน", parent_id=item_4.id
    )
    api.update_agenda_item(db_file, sub_1, record="ฝ่ายเลขานุการนำเสนอร่างแผนปฏิบัติราชการประจำปี 3 ด้าน")
    motion = api.add_motion(db_file, sub_1, "เห็นชอบร่างแผนปฏิบัติราชการประจำปี")
    for first in ("ชยพล", "อรุณี", "สุดารัตน์"):
        api.cast_motion_vote(db_file, motion, ids[first], "for")
    api.cast_motion_vote(db_file, motion, stand_in, "for")
    api.cast_motion_vote(db_file, motion, ids["วิโรจน์"], "abstain")
    api.update_agenda_item(db_file, sub_2, resolution="รับทราบ")

    text, document = read_back(db_file, w, tmp_path)
    for record in (text, document):
        in_order(
            record,
            "รายงานการประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการจังหวัดน่าน",
            "ครั้งที่ ๔/๒๕๖๖",
            "เมื่อวันที่ ๑๙ กรกฎาคม ๒๕๖๖",
            "ณ ห้องประชุมผาขวาง",
            "ผู้มาประชุม",
            "นายชยพล ทองเหลือง รองผู้ว่าราชการจังหวัดน่าน รองประธานกรรมการ",
            "นางพิมพ์ชนก สายสุข รองนายกองค์การบริหารส่วนจังหวัดน่าน มาประชุมแทน "
            "นายธีรวัฒน์ อินต๊ะ นายกองค์การบริหารส่วนจังหวัดน่าน กรรมการ",
            "นายวิโรจน์ ปัญญาดี หัวหน้าสำนักงานจังหวัดน่าน กรรมการและเลขานุการ",
            "ผู้ไม่มาประชุม",
            "นายประวิทย์ ศรีน่าน ผู้ว่าราชการจังหวัดน่าน ประธานกรรมการ",
            "เริ่มประชุมเวลา ๑๓.๓๐ น.",
            "ผู้ว่าราชการจังหวัดน่าน ติดราชการ มอบหมายให้ นายชยพล ทองเหลือง "
            "รองผู้ว่าราชการจังหวัดน่าน เป็นประธานในที่ประชุม",
            "กรรมการทั้งหมด ๖ คน มาประชุม ๕ คน ครบองค์ประชุม",
            "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
            "ระเบียบวาระที่ ๕ เรื่องเพื่อพิจารณา",
            "๕.๑ ร่างแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
            "ที่ประชุมมีมติเห็นชอบ ด้วยคะแนนเสียง ๔ เสียง งดออกเสียง ๑ เสียง",
            "๕.๒ โครงการพัฒนาเส้นทางท่องเที่ยวเมืองเก่าน่าน",
            "เลิกประชุมเวลา ๑๖.๐๐ น.",
            "ผู้จดรายงานการประชุม",
            "(นางสาวกมลชนก ใจปิง)",
        )
        # The member who sent a stand-in is not also absent; no card wording for votes.
        assert flat(record).count("นายธีรวัฒน์") == 1
        assert "บัตร" not in record
        assert "ครั้งที่ 4" not in record


def test_committee_bad_input_is_refused_and_changes_nothing(db_file: Path) -> None:
    w = api.create_workshop(db_file, "ประชุมคณะกรรมการพัฒนาจังหวัดแพร่", "committee_meeting")
    day = api.add_day(db_file, w, dt.date(2024, 2, 8), "09.30", "12.00")
    member = api.add_attendee(db_file, w, "สมศักดิ์", "แสนแพร่", sector=GOV, role="กรรมการ")
    guest = api.add_attendee(db_file, w, "จันทร์เพ็ญ", "ยาวิชัย", sector=CIVIL)
    other_guest = api.add_attendee(db_file, w, "บุญมี", "ปิงเมือง", sector=CIVIL)
    api.check_in(db_file, member, day_id=day)
    api.check_in(db_file, guest, day_id=day)
    item = api.agenda(db_file, w)[4].id
    motion = api.add_motion(db_file, item, "เห็นชอบกรอบแผนพัฒนาจังหวัด")
    with refused("ไม่ได้เป็นกรรมการหรือผู้มาประชุมแทนกรรมการ"):
        api.cast_motion_vote(db_file, motion, guest, "for")
    with refused("ไม่ได้เป็นกรรมการของคณะนี้"):
        api.set_stand_in(db_file, other_guest, guest)
    with refused("ไม่ใช่วันประชุม"):
        api.check_in(db_file, other_guest, at=dt.datetime(2024, 2, 9, 2, 0, tzinfo=dt.UTC))
    with refused("องค์ประชุม 3 คนไม่ถูกต้อง"):
        api.update_workshop(db_file, w, quorum=3)
    with refused("ไม่พบระเบียบวาระหลัก"):
        api.add_agenda_item(db_file, w, "หัวข้อย่อย", parent_id="no-such-item")
    assert api.motion_results(db_file, item)[0].counted is False
    assert api.people(db_file, w)[0].stand_in_for_id is None
    assert api.workshop(db_file, w).quorum is None
    assert len(api.agenda(db_file, w)) == 6
    assert not any(p.checked_in_at for p in api.people(db_file, w) if p.id == other_guest)


def test_two_day_district_workshop_checks_in_per_day(db_file: Path, tmp_path: Path) -> None:
    """Chiang Rai's district administrators: two days, check-in each day, items on each
    day, breakout groups by district."""
    w = api.create_workshop(
        db_file,
        "โครงการประชุมเชิงปฏิบัติการขับเคลื่อนยุทธศาสตร์จังหวัดเชียงรายสู่การปฏิบัติระดับอำเภอ",
        "district_strategy",
    )
    api.update_workshop(db_file, w, venue="โรงแรมวังคำ อำเภอเมืองเชียงราย")
    day_1 = api.add_day(db_file, w, dt.date(2023, 8, 24), "08.30", "16.30")
    day_2 = api.add_day(db_file, w, dt.date(2023, 8, 25), "09.00", "15.00")
    items = api.agenda(db_file, w)
    for item in items[:3]:
        api.update_agenda_item(db_file, item.id, day_id=day_1)
    for item in items[3:]:
        api.update_agenda_item(db_file, item.id, day_id=day_2)
    districts = ("แม่สาย", "เชียงแสน", "เชียงของ", "เทิง")
    people = []
    for n, district in enumerate(districts):
        people.append(
            api.add_attendee(
                db_file, w, ["อนันต์", "ศิริพร", "ชาตรี", "วันเพ็ญ"][n], "ปัญญาวงค์",
                sector=GOV, position=f"นายอำเภอ{district}", organisation=f"ที่ว่าการอำเภอ{district}",
            )
        )  # fmt: skip
        api.add_group(
            db_file, w, f"อำเภอ{district}", presenter=f"ปลัดอำเภอ{district}",
            report=f"อำเภอ{district}เสนอโครงการส่งเสริมการค้าชายแดนและการท่องเที่ยวชุมชน",
        )  # fmt: skip
    for person in people:
        assert api.check_in(db_file, person, day_id=day_1) is False
    for person in people[:3]:
        assert api.check_in(db_file, person, day_id=day_2) is False  # not "already"
    assert api.check_in(db_file, people[0], day_id=day_2) is True
    api.update_workshop(db_file, w, vision="เชียงรายเมืองน่าอยู่ เศรษฐกิจมั่นคง เชื่อมโยงภูมิภาค")
    api.set_chair(db_file, w, name="นายวิทยา ดวงแก้ว", position="รองผู้ว่าราชการจังหวัดเชียงราย")

    text, document = read_back(db_file, w, tmp_path)
    for record in (text, document):
        in_order(
            record,
            "รายงานการประชุมเชิงปฏิบัติการขับเคลื่อนยุทธศาสตร์จังหวัดเชียงราย",
            "เมื่อวันที่ ๒๔ สิงหาคม ๒๕๖๖ ถึงวันที่ ๒๕ สิงหาคม ๒๕๖๖",
            "ณ โรงแรมวังคำ",
            "วันพฤหัสบดีที่ ๒๔ สิงหาคม ๒๕๖๖",
            "ผู้เข้าร่วมประชุม ๔ คน",
            "เริ่มประชุมเวลา ๐๘.๓๐ น.",
            "นายวิทยา ดวงแก้ว รองผู้ว่าราชการจังหวัดเชียงราย ประธานในที่ประชุม",
            "วิสัยทัศน์: “เชียงรายเมืองน่าอยู่",
            "ระเบียบวาระที่ ๑",
            "เลิกประชุมเวลา ๑๖.๓๐ น.",
            "วันศุกร์ที่ ๒๕ สิงหาคม ๒๕๖๖",
            "ผู้เข้าร่วมประชุม ๓ คน",
            "เริ่มประชุมเวลา ๐๙.๐๐ น.",
            "ระเบียบวาระที่ ๔",
            "กลุ่มที่ ๑ อำเภอแม่สาย",
            "ผู้นำเสนอผลการประชุมกลุ่ม: ปลัดอำเภอแม่สาย",
            "กลุ่มที่ ๔ อำเภอเทิง",
            # The preset reports the groups under item 4, before item 5.
            "ระเบียบวาระที่ ๕",
            "เลิกประชุมเวลา ๑๕.๐๐ น.",
        )
        assert "รายงานการประชุมโครงการ" not in record and "ประชุมประชุม" not in flat(record)


def test_public_hearing_prints_comments_with_commenters_and_answers(
    db_file: Path, tmp_path: Path
) -> None:
    """Phatthalung's 4-year plan hearing: comments with who made them (one asked not to
    be named), the province's answer and the change in the plan; long-term targets."""
    w = api.create_workshop(
        db_file, "ประชุมทบทวนและรับฟังความคิดเห็นแผนพัฒนาจังหวัดพัทลุง (พ.ศ. 2566-2570)",
        "public_hearing", start_date=dt.date(2024, 3, 14), venue="หอประชุมเฉลิมพระเกียรติ",
    )  # fmt: skip
    api.update_workshop(
        db_file, w, long_term_targets="4M 2S", start_time="09.00", end_time="12.30",
        chair="นายอำนาจ ทองสม", chair_position="ผู้ว่าราชการจังหวัดพัทลุง",
    )  # fmt: skip
    for issue in api.issues(db_file, w)[1:]:
        api.delete_issue(db_file, issue.id)
    issue = api.issues(db_file, w)[0]
    assert issue.number == 1
    for n in range(70):  # a large hearing: counts by sector, the names attached
        person = api.add_attendee(
            db_file, w, f"ผู้แทน{n + 1}", "ทะเลน้อย", sector=[GOV, LOCAL, CIVIL][n % 3]
        )
        api.check_in(db_file, person, at=dt.datetime(2024, 3, 14, 1, 30, tzinfo=dt.UTC))
    api.add_comment(
        db_file, w, 1, "ควรเพิ่มโครงการฟื้นฟูทะเลสาบสงขลาตอนบน",
        commenter="นายสมพร แก้วทอง", organisation="เครือข่ายประมงพื้นบ้านทะเลน้อย",
        answer="จังหวัดบรรจุในแผนงานด้านทรัพยากรธรรมชาติแล้ว",
        plan_change="เพิ่มโครงการในประเด็นการพัฒนาที่ 3",
    )  # fmt: skip
    api.add_comment(
        db_file, w, 1, "ขอให้ขยายตลาดสินค้าเกษตรอินทรีย์", anonymous=True,
        answer="มอบสำนักงานเกษตรจังหวัดพิจารณา",
    )  # fmt: skip
    text, document = read_back(db_file, w, tmp_path)
    for record in (text, document):
        in_order(
            record,
            "รายงานการประชุมทบทวนและรับฟังความคิดเห็นแผนพัฒนาจังหวัดพัทลุง",
            "เมื่อวันที่ ๑๔ มีนาคม ๒๕๖๗",
            "ผู้มาประชุม",
            "ส่วนราชการ",
            "๒๔ คน",
            "ผู้มาประชุม ๗๐ คน (รายชื่อแนบท้ายรายงานการประชุม)",
            "เริ่มประชุมเวลา ๐๙.๐๐ น.",
            "นายอำนาจ ทองสม ผู้ว่าราชการจังหวัดพัทลุง ประธานในที่ประชุม",
            "เป้าหมายระยะยาว: “๔M ๒S”",
            "ระเบียบวาระที่ ๑",
            "สรุปผลการรับฟังความคิดเห็น",
            "ควรเพิ่มโครงการฟื้นฟูทะเลสาบสงขลาตอนบน",
            "นายสมพร แก้วทอง เครือข่ายประมงพื้นบ้านทะเลน้อย",
            "จังหวัดบรรจุในแผนงานด้านทรัพยากรธรรมชาติแล้ว",
            "เพิ่มโครงการในประเด็นการพัฒนาที่ ๓",
            "ไม่ประสงค์ออกนาม",
            "เลิกประชุมเวลา ๑๒.๓๐ น.",
            "รายชื่อผู้เข้าร่วมประชุม (แนบท้ายรายงานการประชุม)",
            "ผู้แทน๗๐ ทะเลน้อย",
        )
        assert "บัตร" not in record
    summary = tmp_path / "hearing.pdf"
    api.export_hearing_summary(db_file, w, summary)
    in_order(
        read_pdf(summary, "").text,
        "สรุปผลการรับฟังความคิดเห็น",
        "การประชุมทบทวนและรับฟังความคิดเห็นแผนพัฒนาจังหวัดพัทลุง",
        "ผู้เสนอ",
        "คำชี้แจงของจังหวัด",
        "การปรับปรุงแผน",
        "ควรเพิ่มโครงการฟื้นฟูทะเลสาบสงขลาตอนบน",
        "นายสมพร แก้วทอง",
        "เพิ่มโครงการในประเด็นการพัฒนาที่ ๓",
        "ไม่ประสงค์ออกนาม",
    )


def test_goal_consultation_chaired_by_the_governor(db_file: Path, tmp_path: Path) -> None:
    """Satun's 20-year goal consultation: the governor chairs; two officials stand in for
    their president, yet the governor's meeting lists the participants as before."""
    w = api.create_workshop(
        db_file, "ประชุมรับฟังความคิดเห็นต่อร่างเป้าหมายการพัฒนาจังหวัดสตูล 20 ปี",
        "goal_20_year", start_date=dt.date(2023, 5, 25), venue="ห้องประชุมศาลากลางจังหวัดสตูล",
    )  # fmt: skip
    api.update_workshop(
        db_file, w, start_time="09.00", end_time="12.00",
        goal_20_year="สตูลเมืองแห่งความสุข อุทยานธรณีโลกที่ยั่งยืน",
    )  # fmt: skip
    governor = api.add_attendee(
        db_file, w, "สมชาย", "หลีสตูล", sector=GOV, prefix="นาย",
        position="ผู้ว่าราชการจังหวัดสตูล",
    )  # fmt: skip
    api.set_chair(db_file, w, attendee_id=governor)
    for first, sector in (("ฮาซัน", PRIVATE), ("นูรีซา", CIVIL), ("กมล", ACADEMIA)):
        person = api.add_attendee(db_file, w, first, "หมัดหลี", sector=sector)
        api.check_in(db_file, person, at=dt.datetime(2023, 5, 25, 1, 45, tzinfo=dt.UTC))
    for first in ("อารีย์", "ยุทธนา"):
        official = api.add_attendee(
            db_file, w, first, "สุไลมาน", sector=LOCAL, position="ปลัดองค์การบริหารส่วนจังหวัดสตูล",
            stands_in_for="นายกองค์การบริหารส่วนจังหวัดสตูล",
        )  # fmt: skip
        api.check_in(db_file, official, at=dt.datetime(2023, 5, 25, 1, 40, tzinfo=dt.UTC))
    api.check_in(db_file, governor, at=dt.datetime(2023, 5, 25, 1, 50, tzinfo=dt.UTC))
    text, document = read_back(db_file, w, tmp_path)
    for record in (text, document):
        in_order(
            record,
            "รายงานการประชุมรับฟังความคิดเห็นต่อร่างเป้าหมายการพัฒนาจังหวัดสตูล ๒๐ ปี",
            "เมื่อวันที่ ๒๕ พฤษภาคม ๒๕๖๖",
            "ผู้มาประชุม",
            "ส่วนราชการ",
            "นายสมชาย หลีสตูล ผู้ว่าราชการจังหวัดสตูล",
            "องค์กรปกครองส่วนท้องถิ่น",
            "ยุทธนา สุไลมาน ปลัดองค์การบริหารส่วนจังหวัดสตูล มาประชุมแทน นายกองค์การบริหารส่วนจังหวัดสตูล",
            "ภาคเอกชน",
            "เริ่มประชุมเวลา ๐๙.๐๐ น.",
            "นายสมชาย หลีสตูล ผู้ว่าราชการจังหวัดสตูล ประธานในที่ประชุม",
            "เป้าหมายการพัฒนาจังหวัด ๒๐ ปี: “สตูลเมืองแห่งความสุข",
            "ระเบียบวาระที่ ๒ นำเสนอร่างเป้าหมายการพัฒนาจังหวัด ๒๐ ปี",
            "เลิกประชุมเวลา ๑๒.๐๐ น.",
        )
        # The stand-ins did not push the governor out of ผู้มาประชุม.
        assert "ผู้เข้าร่วมประชุม" not in record


def test_plan_review_of_200_with_five_issues_produces_the_annual_plan(
    db_file: Path, tmp_path: Path
) -> None:
    """Ubon Ratchathani's plan review, August 2566: 200 participants, the 20-year vision
    and the 5-year goal, five issues with a breakout group each, a vote, and the action
    plan for FY 2568 (the meeting's fiscal year + 2)."""
    w = api.create_workshop(
        db_file, "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดอุบลราชธานีและจัดทำแผนปฏิบัติราชการประจำปี",
        "plan_review_annual", start_date=dt.date(2023, 8, 17), venue="โรงแรมสุนีย์แกรนด์",
    )  # fmt: skip
    assert api.workshop(db_file, w).fiscal_year == 2568
    api.update_workshop(
        db_file, w, start_time="08.30", end_time="16.30",
        vision="อุบลราชธานีเมืองน่าอยู่ เศรษฐกิจก้าวหน้า สังคมเป็นสุข",
        goal_5_year="เศรษฐกิจจังหวัดเติบโตอย่างมีคุณภาพ ร้อยละ 3 ต่อปี",
        chair="นายชลธี ยังตรง", chair_position="ผู้ว่าราชการจังหวัดอุบลราชธานี",
    )  # fmt: skip
    titles = (
        "เกษตรปลอดภัยและเกษตรอินทรีย์", "การท่องเที่ยวริมโขงและวัฒนธรรม",
        "การค้าชายแดนช่องเม็ก", "คุณภาพชีวิตและสาธารณสุข", "ทรัพยากรธรรมชาติลุ่มน้ำมูล",
    )  # fmt: skip
    for issue in api.issues(db_file, w):  # the preset's placeholders
        api.delete_issue(db_file, issue.id)
    for title in titles:
        api.add_issue(db_file, w, title)
    sectors = [GOV, LOCAL, PRIVATE, CIVIL, ACADEMIA]
    people = []
    for n in range(200):
        person = api.add_attendee(db_file, w, f"ผู้เข้าร่วม{n + 1}", "มูลสาร", sector=sectors[n % 5])
        api.check_in(db_file, person, at=dt.datetime(2023, 8, 17, 1, 15, tzinfo=dt.UTC))
        people.append(person)
    ideas = []
    for number, title in enumerate(titles, start=1):
        group = f"กลุ่ม{title}"
        api.add_group(
            db_file, w, group, issue_number=number, presenter=f"ผู้แทนกลุ่มที่ {number}",
            report=f"กลุ่มเสนอแนวทางพัฒนา{title} 3 แนวทาง",
        )  # fmt: skip
        for k in range(3):
            ideas.append(
                api.add_comment(db_file, w, number, f"ข้อเสนอ{title} ข้อ {k + 1}", group=group)
            )
        for k in range(2):
            api.add_project(
                db_file, w, number, f"โครงการ{title} ระยะที่ {k + 1}",
                budgets={2568: 2_500_000 + k * 500_000}, implementing_agency="สำนักงานจังหวัด",
            )  # fmt: skip
    vote = api.create_round(db_file, w, "จัดลำดับข้อเสนอ", ideas[:6], dots_per_voter=3)
    for person in people[:12]:
        api.cast_ballot(db_file, vote, person, {ideas[0]: 2, ideas[3]: 1})
    api.close_round(db_file, vote)
    api.update_agenda_item(db_file, api.agenda(db_file, w)[3].id, shows_results=True)

    text, document = read_back(db_file, w, tmp_path)
    for record in (text, document):
        in_order(
            record,
            "รายงานการประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดอุบลราชธานี",
            "เมื่อวันที่ ๑๗ สิงหาคม ๒๕๖๖",
            "ผู้มาประชุม",
            "ผู้มาประชุม ๒๐๐ คน (รายชื่อแนบท้ายรายงานการประชุม)",
            "เริ่มประชุมเวลา ๐๘.๓๐ น.",
            "นายชลธี ยังตรง ผู้ว่าราชการจังหวัดอุบลราชธานี ประธานในที่ประชุม",
            "วิสัยทัศน์: “อุบลราชธานีเมืองน่าอยู่",
            "เป้าหมายการพัฒนาจังหวัด ๕ ปี: “เศรษฐกิจจังหวัดเติบโตอย่างมีคุณภาพ ร้อยละ ๓ ต่อปี”",
            "ระเบียบวาระที่ ๑",
            "ระเบียบวาระที่ ๔",
            "กลุ่มที่ ๑ กลุ่มเกษตรปลอดภัยและเกษตรอินทรีย์",
            "ผู้นำเสนอผลการประชุมกลุ่ม: ผู้แทนกลุ่มที่ ๑",
            "ประเด็นการพัฒนาที่ ๑ เกษตรปลอดภัยและเกษตรอินทรีย์ มีความคิดเห็น ๓ บัตร",
            "การลงคะแนนรอบที่ ๑ จัดลำดับข้อเสนอ",
            "สรุปแผนปฏิบัติราชการประจำปี",
            "รวม ๑๐ โครงการ งบประมาณ ๒๗,๕๐๐,๐๐๐.๐๐ บาท",
            "ระเบียบวาระที่ ๕",
            "เลิกประชุมเวลา ๑๖.๓๐ น.",
            "รายชื่อผู้เข้าร่วมประชุม (แนบท้ายรายงานการประชุม)",
            "ผู้เข้าร่วม๒๐๐ มูลสาร",
        )
    # With 200 people, the names are attached: the first item starts on page 1 or 2.
    assert "ระเบียบวาระที่ ๑" in "".join(text.split("\f")[:2])


def test_the_public_surface_is_pinned() -> None:
    assert sorted(api.__all__) == [
        "UserError", "add_agenda_item", "add_attendee", "add_comment", "add_day",
        "add_group", "add_issue", "add_motion", "add_project", "add_role", "add_sector",
        "agenda", "cast_ballot", "cast_motion_vote", "check_in", "close", "close_round",
        "comments", "create_round", "create_workshop", "days",
        "delete_agenda_item", "delete_issue", "export_hearing_summary", "export_minutes",
        "export_phone_cards", "export_signin_sheet",
        "find_attendee", "groups", "idea_list", "issues", "list_workshops", "members",
        "minutes_content", "motion_results", "people", "quorum", "roles", "sectors",
        "set_chair", "set_comment_answer", "set_member", "set_member_order",
        "set_motion_counts", "set_stand_in", "start_phone_server", "undo_check_in",
        "update_agenda_item",
        "update_workshop", "workshop",
    ]  # fmt: skip
    for name in api.__all__:
        assert getattr(api, name).__doc__ or name in {"UserError"} or callable(getattr(api, name))


def test_the_sign_in_sheet_has_a_part_for_each_day(db_file: Path, tmp_path: Path) -> None:
    w = api.create_workshop(db_file, "ประชุมเชิงปฏิบัติการนายอำเภอจังหวัดลำปาง", "district_strategy")
    api.add_day(db_file, w, dt.date(2024, 6, 3), "09.00", "16.00")
    api.add_day(db_file, w, dt.date(2024, 6, 4), "09.00", "12.00")
    api.add_attendee(db_file, w, "สุริยา", "ลำปางหลวง", sector=GOV, position="นายอำเภอเกาะคา")
    path = tmp_path / "signin.pdf"
    api.export_signin_sheet(db_file, w, path)
    pages = read_pdf(path, "").text.split("\f")
    assert "วันที่ 3 มิถุนายน 2567" in pages[0] and "สุริยา" in pages[0]
    assert "วันที่ 4 มิถุนายน 2567" in pages[1] and "สุริยา" in pages[1]


def test_a_two_day_committee_records_each_days_quorum(db_file: Path, tmp_path: Path) -> None:
    """A working group of Lampang meeting over two days: three of four members on day 1,
    one on day 2; each day's part says so."""
    w = api.create_workshop(db_file, "ประชุมคณะทำงานจัดทำแผนพัฒนาจังหวัดลำปาง", "committee_meeting")
    day_1 = api.add_day(db_file, w, dt.date(2024, 9, 2), "09.00", "16.00")
    day_2 = api.add_day(db_file, w, dt.date(2024, 9, 3), "09.00", "12.00")
    ids = [
        api.add_attendee(db_file, w, first, "เขลางค์", sector=GOV, role="กรรมการ")
        for first in ("ธนพล", "จิราพร", "มงคล", "สายใจ")
    ]
    for person in ids[:3]:
        api.check_in(db_file, person, day_id=day_1)
    api.check_in(db_file, ids[0], day_id=day_2)
    text, document = read_back(db_file, w, tmp_path)
    for record in (text, document):
        in_order(
            record,
            "วันจันทร์ที่ ๒ กันยายน ๒๕๖๗",
            "กรรมการมาประชุม ๓ คน จาก ๔ คน ครบองค์ประชุม",
            "วันอังคารที่ ๓ กันยายน ๒๕๖๗",
            "กรรมการมาประชุม ๑ คน จาก ๔ คน ไม่ครบองค์ประชุม",
        )
