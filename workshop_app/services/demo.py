"""A realistic demo workshop, for trying the app and for benchmarks.

Later issues extend the same generator (ideas, votes, projects). Deterministic: the same
size and seed give the same people.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from workshop_app.models import AttendeeRole, WorkshopKind
from workshop_app.services.attendees import AttendeeDraft, add_attendee
from workshop_app.services.workshops import (
    add_issue,
    create_workshop,
    list_issues,
    list_sectors,
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
    return workshop_id
