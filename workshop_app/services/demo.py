"""A realistic demo workshop, for trying the app and for benchmarks.

Later issues extend the same generator (votes, projects); it already adds brainstorm
ideas (60 in the small demo, 2,000 in the large one). Deterministic: the same
size and seed give the same people.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from workshop_app.models import AttendeeRole, BudgetList, CastBy, IdeaKind, VoteMethod, WorkshopKind
from workshop_app.services import projects, voting
from workshop_app.services.attendees import (
    AttendeeDraft,
    add_attendee,
    list_attendees,
    update_attendee,
)
from workshop_app.services.ideas import IdeaDraft, add_idea
from workshop_app.services.meetings import set_stand_in
from workshop_app.services.reference_lists import shipped_list
from workshop_app.services.vote_counting import Mark
from workshop_app.services.workshops import (
    add_issue,
    create_workshop,
    get_workshop,
    list_agenda,
    list_issues,
    list_sectors,
    update_agenda_item,
    update_issue,
    update_workshop,
)

BANGKOK = ZoneInfo("Asia/Bangkok")

MALE_NAMES = (
    "สมชาย",
    "ประเสริฐ",
    "วิชัย",
    "สุรพล",
    "อนุชา",
    "ธนากร",
    "กิตติพงษ์",
    "ณัฐวุฒิ",
    "พงศกร",
    "ชัยวัฒน์",
    "เอกชัย",
    "ไพโรจน์",
    "สมศักดิ์",
    "ธีรพงษ์",
    "อภิชาติ",
    "วรวุฒิ",
    "ศุภชัย",
    "ปิยะพงษ์",
    "เกียรติศักดิ์",
    "โชคชัย",
    "ยุทธนา",
    "บุญเลิศ",
    "ไชยา",
    "ณรงค์",
    "สุทธิพงษ์",
)
FEMALE_NAMES = (
    "สมหญิง",
    "สุดารัตน์",
    "วนิดา",
    "กาญจนา",
    "พรทิพย์",
    "นภาพร",
    "ศิริพร",
    "อรุณี",
    "จันทร์เพ็ญ",
    "ปิยะนุช",
    "มาลัย",
    "รัตนา",
    "สุภาวดี",
    "ธิดารัตน์",
    "เบญจวรรณ",
    "อัญชลี",
    "ดวงใจ",
    "แสงเดือน",
    "ใบเตย",
    "เยาวลักษณ์",
    "ฐิติมา",
    "ลัดดาวัลย์",
    "วิไลวรรณ",
    "ชุติมา",
    "อุไรวรรณ",
)
LAST_NAMES = (
    "ใจดี",
    "ศรีสุข",
    "วงศ์สวัสดิ์",
    "แก้วมณี",
    "บุญมา",
    "ทองคำ",
    "สุวรรณรัตน์",
    "จันทร์แก้ว",
    "พรหมมา",
    "รักษ์ไทย",
    "เพชรรัตน์",
    "มีสุข",
    "ชัยมงคล",
    "นาคสวัสดิ์",
    "อินทร์แก้ว",
    "ศรีวิไล",
    "แสงทอง",
    "ปานเจริญ",
    "โพธิ์ศรี",
    "ไชยสิทธิ์",
    "เหล่าสุวรรณ",
    "กาญจนวงศ์",
    "สมบูรณ์ผล",
    "ธนสาร",
    "ประทุมวัน",
    "บัวขาว",
    "ดวงจันทร์",
    "อ่อนละมัย",
    "หมื่นแก้ว",
    "ยอดดำเนิน",
)
# Per sector (in DEFAULT_SECTORS order): (organisations, positions, share of invitees)
SECTOR_PEOPLE: tuple[tuple[tuple[str, ...], tuple[str, ...], int], ...] = (
    (
        (
            "สำนักงานจังหวัด",
            "สำนักงานเกษตรจังหวัด",
            "สำนักงานพาณิชย์จังหวัด",
            "สำนักงานสาธารณสุขจังหวัด",
            "สำนักงานการท่องเที่ยวและกีฬาจังหวัด",
            "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด",
            "ที่ทำการปกครองจังหวัด",
            "สำนักงานพัฒนาชุมชนจังหวัด",
            "สำนักงานแรงงานจังหวัด",
            "ที่ว่าการอำเภอเมือง",
        ),
        (
            "ผู้อำนวยการ",
            "หัวหน้ากลุ่มงานยุทธศาสตร์",
            "นักวิเคราะห์นโยบายและแผนชำนาญการ",
            "เกษตรจังหวัด",
            "พาณิชย์จังหวัด",
            "นายอำเภอ",
            "ปลัดอำเภอ",
            "นักวิชาการพัฒนาชุมชน",
        ),
        34,
    ),
    (
        (
            "การไฟฟ้าส่วนภูมิภาคจังหวัด",
            "การประปาส่วนภูมิภาคสาขา",
            "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร",
            "บริษัท ไปรษณีย์ไทย จำกัด",
            "บริษัท ทีโอที จำกัด (มหาชน)",
        ),
        ("ผู้จัดการ", "ผู้ช่วยผู้จัดการ", "หัวหน้าแผนก"),
        8,
    ),
    (
        (
            "องค์การบริหารส่วนจังหวัด",
            "เทศบาลนคร",
            "เทศบาลเมือง",
            "เทศบาลตำบลบ้านใหม่",
            "องค์การบริหารส่วนตำบลท่าข้าม",
            "องค์การบริหารส่วนตำบลนาหม่อม",
        ),
        (
            "นายกองค์การบริหารส่วนจังหวัด",
            "นายกเทศมนตรี",
            "ปลัดเทศบาล",
            "นายกองค์การบริหารส่วนตำบล",
            "ผู้อำนวยการกองยุทธศาสตร์",
        ),
        16,
    ),
    (
        (
            "หอการค้าจังหวัด",
            "สภาอุตสาหกรรมจังหวัด",
            "สมาคมท่องเที่ยวจังหวัด",
            "ชมรมธนาคารจังหวัด",
            "สมาคมโรงแรมจังหวัด",
            "สหกรณ์การเกษตรเมือง จำกัด",
        ),
        ("ประธาน", "รองประธาน", "เลขาธิการ", "กรรมการ", "ผู้จัดการ"),
        14,
    ),
    (
        (
            "มูลนิธิพัฒนาชุมชน",
            "เครือข่ายองค์กรชุมชนจังหวัด",
            "สภาองค์กรชุมชนตำบล",
            "กลุ่มอนุรักษ์ป่าชายเลน",
            "สมาคมสตรีจังหวัด",
        ),
        ("ประธาน", "ผู้ประสานงาน", "เลขานุการ", "สมาชิก"),
        10,
    ),
    (
        (
            "ผู้ใหญ่บ้านหมู่ 3",
            "กำนันตำบลท่าข้าม",
            "อาสาสมัครสาธารณสุขประจำหมู่บ้าน",
            "กลุ่มวิสาหกิจชุมชนข้าวหอม",
            "ปราชญ์ชาวบ้าน",
        ),
        ("ผู้ใหญ่บ้าน", "กำนัน", "อสม.", "ประธานกลุ่ม", "ประชาชน"),
        10,
    ),
    (
        ("มหาวิทยาลัยราชภัฏ", "มหาวิทยาลัยเทคโนโลยีราชมงคล", "วิทยาลัยเทคนิค", "มหาวิทยาลัยสงขลานครินทร์"),
        ("อาจารย์", "ผู้ช่วยศาสตราจารย์", "รองอธิการบดี", "คณบดี", "นักวิจัย"),
        6,
    ),
    (("สื่อมวลชนท้องถิ่น", "สถานีวิทยุกระจายเสียง", "ผู้สังเกตการณ์"), ("ผู้สื่อข่าว", "ผู้แทน"), 2),
)
ISSUES = (
    ("การพัฒนาเศรษฐกิจการเกษตรและอุตสาหกรรมเกษตรมูลค่าสูง", "รายได้จากภาคเกษตรเพิ่มขึ้นร้อยละ 5 ต่อปี"),
    ("การส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมและธรรมชาติอย่างยั่งยืน", "รายได้จากการท่องเที่ยวเพิ่มขึ้นร้อยละ 10"),
    ("การพัฒนาคุณภาพชีวิตและสังคมที่เข้มแข็ง", "ครัวเรือนยากจนลดลงร้อยละ 20"),
    ("การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมอย่างสมดุล", "พื้นที่ป่าไม้เพิ่มขึ้น 2,000 ไร่"),
    ("การพัฒนาการค้าชายแดนและโลจิสติกส์", "มูลค่าการค้าชายแดนเพิ่มขึ้นร้อยละ 8"),
    ("การเสริมสร้างความมั่นคงและการบริหารจัดการภาครัฐ", "คดีอาชญากรรมลดลงร้อยละ 10"),
)
DOCTOR_PREFIXES = ("ดร.", "ผศ.ดร.", "รศ.ดร.", "ผศ.")

# Brainstorm cards, per issue in ISSUES order: (subjects, places or groups, patterns by
# kind). A pattern's {s} takes a subject and {p} a place or target group.
IDEA_MATERIAL: tuple[
    tuple[tuple[str, ...], tuple[str, ...], dict[IdeaKind, tuple[str, ...]]], ...
] = (
    (
        ("ข้าว", "ยางพารา", "ปาล์มน้ำมัน", "ผลไม้", "ประมงพื้นบ้าน", "โคเนื้อ", "กาแฟ", "สมุนไพร"),
        ("ในอำเภอระโนด", "ในลุ่มน้ำทะเลสาบสงขลา", "ของเกษตรกรรายย่อย", "ของกลุ่มเกษตรกรรุ่นใหม่"),
        {
            IdeaKind.PROBLEM: (
                "ราคา{s}ตกต่ำและไม่แน่นอน{p}",
                "ต้นทุนการผลิต{s}สูง{p}",
                "ขาดแคลนน้ำสำหรับปลูก{s}ในฤดูแล้ง{p}",
                "{s}ขาดตลาดรองรับ{p}",
            ),
            IdeaKind.STRENGTH: ("{s}มีคุณภาพและเป็นที่รู้จัก{p}",),
            IdeaKind.PROPOSAL: (
                "ส่งเสริมการแปรรูป{s}เพื่อเพิ่มมูลค่า{p}",
                "พัฒนามาตรฐาน GAP ของ{s}{p}",
                "ส่งเสริมการตลาดออนไลน์ของ{s}{p}",
            ),
            IdeaKind.PROJECT: ("โครงการยกระดับการผลิต{s}แบบแปลงใหญ่{p}",),
        },
    ),
    (
        ("แหล่งท่องเที่ยวชุมชน", "ตลาดน้ำ", "ชายหาด", "เมืองเก่า", "อาหารพื้นถิ่น", "โฮมสเตย์"),
        ("ในอำเภอเมือง", "ในอำเภอหาดใหญ่", "สำหรับนักท่องเที่ยวมาเลเซีย", "ในช่วงนอกฤดูกาล"),
        {
            IdeaKind.PROBLEM: (
                "{s}ขาดการประชาสัมพันธ์{p}",
                "{s}ขาดมาตรฐานความปลอดภัย{p}",
                "ถนนเข้าถึง{s}ชำรุด{p}",
            ),
            IdeaKind.STRENGTH: ("{s}มีเอกลักษณ์ทางวัฒนธรรม{p}",),
            IdeaKind.PROPOSAL: (
                "พัฒนา{s}ให้เชื่อมโยงเส้นทางท่องเที่ยว{p}",
                "ยกระดับมาตรฐานบริการของ{s}{p}",
                "จัดทำสื่อประชาสัมพันธ์{s}หลายภาษา{p}",
            ),
            IdeaKind.PROJECT: ("โครงการพัฒนา{s}สู่การท่องเที่ยวคุณภาพ{p}",),
        },
    ),
    (
        ("ผู้สูงอายุ", "ผู้พิการ", "เด็กปฐมวัย", "เยาวชน", "ครัวเรือนยากจน", "ผู้ป่วยติดเตียง"),
        ("ในชุมชนเมือง", "ในพื้นที่ห่างไกล", "ในตำบลนำร่อง", "ทั่วทั้งจังหวัด"),
        {
            IdeaKind.PROBLEM: (
                "{s}เข้าถึงบริการสาธารณสุขได้ยาก{p}",
                "{s}ขาดผู้ดูแลอย่างต่อเนื่อง{p}",
                "{s}มีรายได้ไม่เพียงพอ{p}",
            ),
            IdeaKind.NEED: ("ต้องการศูนย์ดูแล{s}{p}",),
            IdeaKind.PROPOSAL: (
                "พัฒนาทักษะอาชีพให้{s}{p}",
                "จัดทำฐานข้อมูล{s}เพื่อการช่วยเหลือ{p}",
                "เพิ่มบทบาท อสม. ในการดูแล{s}{p}",
            ),
            IdeaKind.PROJECT: ("โครงการพัฒนาคุณภาพชีวิต{s}{p}",),
        },
    ),
    (
        ("ป่าชายเลน", "ทะเลสาบสงขลา", "ขยะมูลฝอย", "น้ำเสีย", "หมอกควัน", "ชายฝั่งทะเล"),
        ("ในเขตเทศบาล", "ในพื้นที่ลุ่มน้ำ", "โดยการมีส่วนร่วมของชุมชน", "ในสถานศึกษา"),
        {
            IdeaKind.PROBLEM: (
                "{s}เสื่อมโทรมอย่างต่อเนื่อง{p}",
                "ขาดการบริหารจัดการ{s}อย่างเป็นระบบ{p}",
                "ปัญหา{s}ส่งผลต่อสุขภาพประชาชน{p}",
            ),
            IdeaKind.STRENGTH: ("มีเครือข่ายอาสาสมัครดูแล{s}{p}",),
            IdeaKind.PROPOSAL: (
                "ฟื้นฟูและอนุรักษ์{s}{p}",
                "สร้างเครือข่ายเฝ้าระวัง{s}{p}",
                "บังคับใช้กฎหมายเกี่ยวกับ{s}อย่างจริงจัง{p}",
            ),
            IdeaKind.PROJECT: ("โครงการบริหารจัดการ{s}แบบบูรณาการ{p}",),
        },
    ),
    (
        ("ด่านสะเดา", "ด่านปาดังเบซาร์", "ศูนย์กระจายสินค้า", "ระบบราง", "ถนนสายหลัก", "ท่าเรือสงขลา"),
        ("เพื่อรองรับการค้ากับมาเลเซีย", "สำหรับผู้ประกอบการ SME", "ในเขตเศรษฐกิจพิเศษ", "ตลอด 24 ชั่วโมง"),
        {
            IdeaKind.PROBLEM: (
                "{s}แออัดและล่าช้า{p}",
                "{s}มีศักยภาพไม่เพียงพอ{p}",
                "ขั้นตอนการผ่าน{s}ซับซ้อน{p}",
            ),
            IdeaKind.STRENGTH: ("{s}เป็นประตูการค้าที่สำคัญ{p}",),
            IdeaKind.PROPOSAL: (
                "ขยายและพัฒนา{s}{p}",
                "นำระบบดิจิทัลมาใช้ที่{s}{p}",
                "เชื่อมโยง{s}กับระบบโลจิสติกส์ของภาคใต้{p}",
            ),
            IdeaKind.PROJECT: ("โครงการพัฒนาโครงสร้างพื้นฐาน{s}{p}",),
        },
    ),
    (
        ("ยาเสพติด", "อุบัติเหตุทางถนน", "อาชญากรรมออนไลน์", "ภัยพิบัติน้ำท่วม", "บริการภาครัฐ"),
        ("ในกลุ่มเยาวชน", "ในชุมชนเสี่ยง", "ในช่วงเทศกาล", "ผ่านระบบออนไลน์"),
        {
            IdeaKind.PROBLEM: ("ปัญหา{s}เพิ่มขึ้น{p}", "ขาดการบูรณาการข้อมูล{s}{p}"),
            IdeaKind.NEED: ("ต้องการเครือข่ายเฝ้าระวัง{s}{p}",),
            IdeaKind.PROPOSAL: (
                "ป้องกันและแก้ไขปัญหา{s}{p}",
                "ใช้เทคโนโลยีติดตาม{s}{p}",
                "สร้างการมีส่วนร่วมของประชาชนในการแก้ไข{s}{p}",
            ),
            IdeaKind.PROJECT: ("โครงการชุมชนปลอดภัยจาก{s}{p}",),
        },
    ),
)
IDEAS_PER_SIZE = {"small": 60, "large": 2000}


@dataclass(frozen=True)
class DemoSize:
    invitees: int
    issues: int
    checked_in_share: float
    walk_ins: int


SIZES = {
    "small": DemoSize(invitees=40, issues=5, checked_in_share=0.6, walk_ins=3),
    "large": DemoSize(invitees=300, issues=6, checked_in_share=0.7, walk_ins=12),
}


def create_demo_workshop(
    session: Session, size: str = "small", *, invitees: int | None = None, seed: int = 2569
) -> str:
    """Create a demo workshop of the given size in the caller's transaction; return its id."""
    spec = SIZES[size]
    count = invitees if invitees is not None else spec.invitees
    rng = random.Random(seed)
    today = dt.date.today()
    workshop_id = create_workshop(
        session,
        "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดสงขลา (พ.ศ. 2566-2570) และจัดทำแผนปฏิบัติราชการประจำปี",
        WorkshopKind.PLAN_REVIEW_ANNUAL,
        province="สงขลา",
        start_date=today,
        venue="ห้องประชุมชั้น 2 โรงแรมบีพี สมิหลา บีช หาดใหญ่",
    )
    update_workshop(
        session,
        workshop_id,
        chair="นายสมศักดิ์ ประเสริฐวงศ์ ผู้ว่าราชการจังหวัดสงขลา",
        organiser="กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด สำนักงานจังหวัดสงขลา",
        vision="“สงขลาเมืองน่าอยู่ เศรษฐกิจมั่นคง สังคมเป็นสุข อย่างยั่งยืน”",
        start_time=dt.time(8, 30),
        end_time=dt.time(16, 30),
        meeting_number=1,
    )
    issues = list_issues(session, workshop_id)
    for number, (title, goal) in enumerate(ISSUES[: spec.issues], start=1):
        if number <= len(issues):
            update_issue(session, issues[number - 1].id, title=title, goal=goal)
        else:
            add_issue(session, workshop_id, title, goal)

    sectors = list_sectors(session, workshop_id)
    weights = [people[2] for people in SECTOR_PEOPLE]
    arrival_start = dt.datetime.combine(today, dt.time(7, 45), BANGKOK)
    seen: set[tuple[str, str, str]] = set()
    code = 1
    while code <= count + spec.walk_ins:
        walk_in = code > count
        sector_index = rng.choices(range(len(SECTOR_PEOPLE)), weights)[0]
        organisations, positions, _share = SECTOR_PEOPLE[sector_index]
        female = rng.random() < 0.45
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        last = rng.choice(LAST_NAMES)
        organisation = rng.choice(organisations)
        if (first, last, organisation) in seen:
            continue
        seen.add((first, last, organisation))
        if sector_index == 6 and rng.random() < 0.6:
            prefix = rng.choice(DOCTOR_PREFIXES)
        else:
            prefix = rng.choice(("นาง", "นางสาว")) if female else "นาย"
        draft = AttendeeDraft(
            prefix=prefix,
            first_name=first,
            last_name=last,
            position=rng.choice(positions),
            organisation=organisation,
            sector_id=sectors[sector_index].id,
            phone=f"08{rng.randrange(10_000_000, 99_999_999)}",
            email="" if rng.random() < 0.5 else f"person{code}@example.go.th",
            role=AttendeeRole.MEMBER.value
            if rng.random() < 0.08
            else AttendeeRole.PARTICIPANT.value,
            consent_photos=rng.random() < 0.8,
            consent_follow_up=rng.random() < 0.5,
        )
        arrived = walk_in or rng.random() < spec.checked_in_share
        checked_in_at = (
            (arrival_start + dt.timedelta(seconds=rng.randrange(0, 100 * 60))).astimezone(dt.UTC)
            if arrived
            else None
        )
        add_attendee(
            session,
            workshop_id,
            draft,
            invited=not walk_in,
            walk_in=walk_in,
            checked_in_at=checked_in_at,
            code=code,
        )
        code += 1
    _add_demo_ideas(session, workshop_id, IDEAS_PER_SIZE[size], rng)
    _add_demo_votes(session, workshop_id, BALLOTS_PER_SIZE[size], rng)
    # Its own generator, so the people, ideas and votes stay as they were before it.
    _add_demo_minutes(session, workshop_id, random.Random(seed + 1))
    _add_demo_projects(session, workshop_id, PROJECTS_PER_SIZE[size], random.Random(seed + 2))
    return workshop_id


ABSENCE_REASONS = ("ติดราชการ", "ติดภารกิจอื่น", "ลาป่วย", "")
AGENDA_RECORDS = (
    (
        "ผู้ว่าราชการจังหวัดสงขลา ประธานในพิธี กล่าวเปิดการประชุมและบรรยายพิเศษเรื่อง"
        "ทิศทางการพัฒนาจังหวัดสงขลาในระยะ 5 ปี โดยเน้นการพัฒนาเศรษฐกิจชายแดนและการท่องเที่ยว",
        "รับทราบ",
    ),
    (
        "สำนักงานจังหวัดสงขลานำเสนอสถานการณ์การพัฒนาจังหวัด ผลิตภัณฑ์มวลรวมจังหวัด (GPP) "
        "ปี 2567 มูลค่า 285,400 ล้านบาท ขยายตัวร้อยละ 3.2 และผลการดำเนินงานตามแผนปี 2568",
        "รับทราบ",
    ),
    (
        "ผู้เข้าร่วมประชุมแบ่งกลุ่มระดมความคิดเห็นตามประเด็นการพัฒนา เพื่อทบทวนปัญหาและเสนอแนวทาง/โครงการสำคัญ",
        "รับทราบผลการระดมความคิดเห็น และมอบสำนักงานจังหวัดรวบรวมเป็นร่างแผน",
    ),
    (
        "ผู้แทนแต่ละกลุ่มนำเสนอผลการระดมความคิดเห็น และที่ประชุมร่วมกันลงคะแนนจัดลำดับความสำคัญของโครงการ",
        "เห็นชอบผลการจัดลำดับความสำคัญของโครงการตามที่เสนอ",
    ),
    (
        "ประธานสรุปผลการประชุมและขอบคุณผู้เข้าร่วมประชุมทุกภาคส่วน",
        "รับทราบ",
    ),
)


def _add_demo_minutes(session: Session, workshop_id: str, rng: random.Random) -> None:
    """What the secretariat writes for the minutes: stand-ins and absences, the record
    of each agenda item, who took and who checked the minutes."""
    people = list_attendees(session, workshop_id)
    absent_members = []
    for person in people:
        if person.role != AttendeeRole.MEMBER.value:
            continue
        if person.checked_in_at is None:
            draft = replace(person.draft(), absence_reason=rng.choice(ABSENCE_REASONS))
            update_attendee(session, person.id, draft)
            absent_members.append(person)
        else:
            rng.random()  # drawn as before, so that what follows stays the same
    # Every third absent member sent a stand-in: a participant from the same sector.
    free = [p for p in people if p.role != AttendeeRole.MEMBER.value and p.checked_in_at]
    for member in absent_members[::3]:
        stand_in = next((p for p in free if p.sector_id == member.sector_id), None)
        if stand_in is not None:
            set_stand_in(session, stand_in.id, member.id)
            free.remove(stand_in)
    for item, (notes, resolution) in zip(
        list_agenda(session, workshop_id), AGENDA_RECORDS, strict=False
    ):
        update_agenda_item(
            session, item.id, notes=notes, resolution=resolution, shows_results=item.number == 4
        )
    update_workshop(
        session,
        workshop_id,
        minutes_taker="นางสาวกนกวรรณ ศรีสุข",
        minutes_taker_position="นักวิเคราะห์นโยบายและแผนปฏิบัติการ",
        minutes_checker="นายวีระพงษ์ ทองคำ",
        minutes_checker_position="หัวหน้ากลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
    )


# Ballots in the three demo rounds (dots, ranking, criteria).
BALLOTS_PER_SIZE = {"small": (12, 6, 4), "large": (150, 100, 50)}


def _add_demo_votes(
    session: Session, workshop_id: str, ballots: tuple[int, int, int], rng: random.Random
) -> None:
    """Three rounds as a workshop runs them: dots on issue 1's project ideas (ballots,
    plus colour-coded stickers counted per sector), a top-3 ranking of issue 2's project
    ideas (ballots and a paper count of first choices), both closed; and criteria scoring
    of round 1's top ideas, still open."""
    issues = list_issues(session, workshop_id)
    present = [a for a in list_attendees(session, workshop_id) if a.checked_in_at is not None]
    rng.shuffle(present)

    def candidates(issue_id: str, most: int) -> list[str]:
        """The issue's project ideas; every card when it has only a few (small demo)."""
        found = voting.ideas_of_issue(session, workshop_id, issue_id)
        if len(found) < 5:
            found = voting.ideas_of_issue(session, workshop_id, issue_id, kind=None)
        return found[:most]

    dots_ideas = candidates(issues[0].id, 30)
    ranking_ideas = candidates(issues[1].id, 12)
    if len(dots_ideas) < 3 or len(ranking_ideas) < 3:
        return  # too few cards for a sensible demo round
    dots = voting.create_round(
        session,
        workshop_id,
        voting.RoundDraft(
            "จัดลำดับข้อเสนอโครงการ ประเด็นที่ 1 (ติดดาว)",
            VoteMethod.DOTS.value,
            tuple(dots_ideas),
            chosen_by="ข้อเสนอโครงการทั้งหมดของประเด็นที่ 1",
            dots_per_voter=5,
            cap_per_idea=2,
        ),
    )
    voting.open_round(session, dots)
    favourites = dots_ideas[: max(3, len(dots_ideas) // 3)]
    # Each voter casts one ballot per round, so no check needs the ballots still
    # pending; writing them in one flush keeps the large demo quick.
    with session.no_autoflush:
        for number, attendee in enumerate(present[: ballots[0]]):
            left, given = min(5, 2 * len(dots_ideas)), dict[str, int]()
            while left:
                idea = rng.choice(favourites if rng.random() < 0.6 else dots_ideas)
                if given.get(idea, 0) < 2:
                    given[idea] = given.get(idea, 0) + 1
                    left -= 1
            cast_by = CastBy.KIOSK.value if number % 3 else CastBy.STAFF.value
            voting.cast_ballot(
                session, dots, attendee.id, [Mark(i, v) for i, v in given.items()], cast_by
            )
    session.flush()
    sectors = list_sectors(session, workshop_id)
    stickers = [s for s in sectors if s.name in ("ภาคประชาชน", "สถาบันการศึกษา")]
    voted = {a.id for a in present[: ballots[0]]}
    for sector in stickers:  # those of these sectors without a ballot used stickers
        sticker_people = sum(1 for a in present if a.sector_id == sector.id and a.id not in voted)
        dots_left = 5 * sticker_people
        for idea in rng.sample(dots_ideas, min(4, len(dots_ideas))):
            count = min(dots_left, 2 * sticker_people, rng.randrange(1, 4))
            if count:
                voting.set_tally(session, dots, idea, sector.id, count)
                dots_left -= count
    voting.close_round(session, dots)

    ranking = voting.create_round(
        session,
        workshop_id,
        voting.RoundDraft(
            "จัดอันดับข้อเสนอโครงการ ประเด็นที่ 2",
            VoteMethod.RANKING.value,
            tuple(ranking_ideas),
            chosen_by="ข้อเสนอโครงการของประเด็นที่ 2",
            rank_count=3,
        ),
    )
    voting.open_round(session, ranking)
    # Each voter casts one ballot per round, so no check needs the ballots still
    # pending; writing them in one flush keeps the large demo quick.
    with session.no_autoflush:
        for attendee in present[: ballots[1]]:
            picks = rng.sample(ranking_ideas[:6], 1) + rng.sample(ranking_ideas, 3)
            chosen = list(dict.fromkeys(picks))[:3]
            ranks = [Mark(idea, rank) for rank, idea in enumerate(chosen, start=1)]
            voting.cast_ballot(session, ranking, attendee.id, ranks, CastBy.STAFF.value)
    session.flush()
    voting.set_tally(session, ranking, ranking_ideas[2], None, 3, rank=1)
    voting.close_round(session, ranking)

    top = voting.top_of_round(session, dots, 8)
    criteria = voting.create_round(
        session,
        workshop_id,
        voting.RoundDraft(
            "ให้คะแนนข้อเสนอโครงการตามเกณฑ์ (8 อันดับแรกของรอบที่ 1)",
            VoteMethod.CRITERIA.value,
            tuple(top),
            chosen_by="8 อันดับแรกของรอบที่ 1",
            scale_max=4,
            criteria=voting.DEFAULT_CRITERIA,
        ),
    )
    voting.open_round(session, criteria)
    criteria_ids = [c for c, _name, _weight in voting.get_round(session, criteria).criteria]
    # Each voter casts one ballot per round, so no check needs the ballots still
    # pending; writing them in one flush keeps the large demo quick.
    with session.no_autoflush:
        for attendee in present[: ballots[2]]:
            scored = rng.sample(top, min(len(top), 4))
            scores = [
                Mark(idea, min(4, max(0, round(rng.gauss(2.6, 0.9)))), criterion)
                for idea in scored
                for criterion in criteria_ids
            ]
            voting.cast_ballot(session, criteria, attendee.id, scores, CastBy.KIOSK.value)
    session.flush()


def _add_demo_ideas(session: Session, workshop_id: str, count: int, rng: random.Random) -> None:
    """Brainstorm cards spread over the issues and sectors, a few of them typed twice
    with small differences (as happens in the room), so duplicate suggestions show."""
    issues = list_issues(session, workshop_id)
    sectors = list_sectors(session, workshop_id)
    groups = ("กลุ่ม 1", "กลุ่ม 2", "กลุ่ม 3")
    added: list[tuple[str, str]] = []
    for index in range(count):
        issue_index = index % len(issues)
        issue = issues[issue_index]
        if added and rng.random() < 0.04:
            # The same point called out again, typed a little differently.
            same_issue = [text for issue_id, text in added if issue_id == issue.id]
            if same_issue:
                text = rng.choice(same_issue).replace("ส่งเสริม", "ควรส่งเสริม", 1) + " "
                draft = IdeaDraft(text, sector_id=rng.choice(sectors).id)
                add_idea(session, workshop_id, issue.id, draft)
                continue
        subjects, places, patterns = IDEA_MATERIAL[issue_index % len(IDEA_MATERIAL)]
        kind = rng.choice(list(patterns))
        text = rng.choice(patterns[kind]).format(s=rng.choice(subjects), p=rng.choice(places))
        draft = IdeaDraft(
            text,
            kind=kind.value,
            sector_id=rng.choice(sectors).id if rng.random() < 0.9 else None,
            breakout_group=groups[issue_index % len(groups)],
        )
        add_idea(session, workshop_id, issue.id, draft)
        added.append((issue.id, text))


PROJECTS_PER_SIZE = {"small": 12, "large": 150}
# (programme, approach) per issue in ISSUES order.
PROGRAMMES = (
    (("แผนงานพัฒนาการเกษตร", "ยกระดับการผลิตและแปรรูปสินค้าเกษตรให้ได้มาตรฐาน"),),
    (("แผนงานพัฒนาการท่องเที่ยว", "พัฒนาแหล่งท่องเที่ยวและยกระดับการบริการ"),),
    (("แผนงานพัฒนาคุณภาพชีวิต", "ลดความเหลื่อมล้ำและเสริมสร้างความเข้มแข็งของชุมชน"),),
    (("แผนงานบริหารจัดการทรัพยากรธรรมชาติ", "อนุรักษ์และฟื้นฟูทรัพยากรธรรมชาติอย่างมีส่วนร่วม"),),
    (("แผนงานพัฒนาโครงสร้างพื้นฐาน", "พัฒนาโครงข่ายคมนาคมและโลจิสติกส์เชื่อมโยงชายแดน"),),
    (("แผนงานรักษาความสงบเรียบร้อย", "เสริมสร้างความปลอดภัยในชีวิตและทรัพย์สิน"),),
)
ACTIVITY_NAMES = (
    "ประชุมชี้แจงและสำรวจความต้องการของกลุ่มเป้าหมาย",
    "ฝึกอบรมเชิงปฏิบัติการ",
    "จัดหาวัสดุอุปกรณ์และก่อสร้าง",
    "ศึกษาดูงานและแลกเปลี่ยนเรียนรู้",
    "ติดตามและประเมินผลโครงการ",
)


def _add_demo_projects(session: Session, workshop_id: str, count: int, rng: random.Random) -> None:
    """The action plan: the voted rounds' ideas promoted first (their rank as priority),
    then project ideas of every issue, filled in as an agency would."""
    rounds = [r for r in voting.list_rounds(session, workshop_id) if r.state == "closed"]
    for vote_round in rounds:
        top = voting.top_of_round(session, vote_round.id, max(3, count // 20))
        left = count - len(projects.promoted_idea_ids(session, workshop_id))
        projects.promote_ideas(session, workshop_id, top[:left], vote_round.id)
    promoted = projects.promoted_idea_ids(session, workshop_id)
    issues = list_issues(session, workshop_id)
    ideas_by_issue = [
        [
            i
            for i in voting.ideas_of_issue(session, workshop_id, issue.id, kind=None)
            if i not in promoted
        ]
        for issue in issues
    ]
    missing = count - len(promoted)
    extra: list[str] = []
    while missing > 0 and any(ideas_by_issue):
        for column in ideas_by_issue:
            if column and missing > 0:
                extra.append(column.pop(0))
                missing -= 1
    projects.promote_ideas(session, workshop_id, extra)
    year = get_workshop(session, workshop_id).fiscal_year or 2569
    agencies = shipped_list("agency")
    sources = shipped_list("funding_source")
    strategies = shipped_list("national_strategy")
    master_plans = shipped_list("master_plan")
    milestones = shipped_list("national_plan")
    for row in projects.list_projects(session, workshop_id):
        issue_index = (row.issue_number - 1) % len(PROGRAMMES)
        programme, approach = rng.choice(PROGRAMMES[issue_index])
        agency = rng.choice(agencies)
        budget = Decimal(rng.randrange(5, 500) * 100_000)
        shares = sorted(rng.sample(range(1, 10), 2))
        parts = [shares[0], shares[1] - shares[0], 10 - shares[1]]
        names = rng.sample(ACTIVITY_NAMES, 3)
        activities = tuple(
            projects.ActivityDraft(name, budget * part / 10, agency, rng.choice(agencies))
            for name, part in zip(names, parts, strict=True)
        )
        draft = replace(
            row.draft,
            approach=approach,
            programme=programme,
            rationale=f"จังหวัดสงขลามีความจำเป็นต้อง{row.name} เพื่อแก้ไขปัญหาของพื้นที่"
            "และตอบสนองความต้องการของประชาชนตามที่ได้ระดมความคิดเห็นในการประชุม",
            objectives=f"1. เพื่อ{row.name}\n2. เพื่อเพิ่มรายได้และคุณภาพชีวิตของประชาชน",
            indicators="ผู้ได้รับประโยชน์ไม่น้อยกว่า 500 คน\nความพึงพอใจไม่น้อยกว่าร้อยละ 80",
            target_area="จังหวัดสงขลา 16 อำเภอ",
            implementing_agency=agency,
            duration=f"ตุลาคม {year - 1} - กันยายน {year}",
            funding_source=rng.choice(sources),
            outputs="กิจกรรมตามโครงการแล้วเสร็จ 1 โครงการ",
            outcomes="ประชาชนมีรายได้และคุณภาพชีวิตดีขึ้น",
            national_strategy=rng.choice(strategies),
            master_plan=rng.choice(master_plans),
            national_plan=rng.choice(milestones),
            regional_plan="แผนพัฒนาภาคใต้",
            budget_list=(
                BudgetList.WITHIN.value
                if row.draft.priority is not None or rng.random() < 0.6
                else BudgetList.OVER.value
            ),
            budgets=((year, budget),),
            activities=activities,
        )
        projects.update_project(session, row.id, draft)
