"""What a new workshop starts with, per kind: sectors, agenda items, issue placeholders."""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.models import WorkshopKind

# The default sectors of DOMAIN.md with their English names and sticker colours.
DEFAULT_SECTORS: tuple[tuple[str, str, str], ...] = (
    ("ส่วนราชการ", "Government agencies", "#1f77b4"),
    ("รัฐวิสาหกิจ", "State enterprises", "#ff7f0e"),
    ("องค์กรปกครองส่วนท้องถิ่น", "Local government", "#2ca02c"),
    ("ภาคเอกชน", "Private sector", "#d62728"),
    ("ภาคประชาสังคม", "Civil society", "#9467bd"),
    ("ภาคประชาชน", "Citizens", "#8c564b"),
    ("สถาบันการศึกษา", "Academia", "#e377c2"),
    ("อื่น ๆ", "Other", "#7f7f7f"),
)

KIND_NAMES: dict[WorkshopKind, tuple[str, str]] = {
    WorkshopKind.GOAL_20_YEAR: (
        "ประชุมรับฟังความคิดเห็นเป้าหมายการพัฒนาจังหวัด 20 ปี",
        "20-year development goal consultation",
    ),
    WorkshopKind.DISTRICT_STRATEGY: (
        "ประชุมเชิงปฏิบัติการขับเคลื่อนยุทธศาสตร์จังหวัดสำหรับนายอำเภอ",
        "District administrators' strategy workshop",
    ),
    WorkshopKind.PLAN_REVIEW_ANNUAL: (
        "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดและจัดทำแผนปฏิบัติราชการประจำปี",
        "Plan review and annual action plan workshop",
    ),
    WorkshopKind.PUBLIC_HEARING: (
        "ประชุมทบทวนและรับฟังความคิดเห็นแผนพัฒนาจังหวัด",
        "Plan review and public hearing",
    ),
    WorkshopKind.COMMITTEE_MEETING: (
        "ประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.)",
        "Provincial committee meeting (ก.บ.จ.)",
    ),
    WorkshopKind.OTHER: ("การประชุมอื่น ๆ", "Other meeting"),
}

DEFAULT_PRIVACY_NOTICE = (
    "สำนักงานจังหวัดเก็บชื่อ ตำแหน่ง หน่วยงาน และภาคส่วนของผู้เข้าร่วมเพื่อบันทึกการเข้าร่วมประชุม "
    "จัดทำรายงานการประชุม และสรุปผลการมีส่วนร่วมตามภาคส่วน (อำนาจหน้าที่ตามกฎหมาย) "
    "รายงานการประชุมเผยแพร่เฉพาะชื่อ ตำแหน่ง และหน่วยงาน ไม่เผยแพร่เบอร์โทรศัพท์หรืออีเมล "
    "ข้อมูลเก็บไว้ไม่เกิน 1 ปีงบประมาณหลังการประชุมแล้วลบทิ้ง "
    "การถ่ายภาพเพื่อประชาสัมพันธ์ การติดต่อภายหลัง และข้อมูลอาหารหรือความต้องการพิเศษ "
    "ขึ้นอยู่กับความยินยอมของท่าน"
)


# The roles of a provincial body in protocol order (DOMAIN.md): the default order of the
# members; each workshop keeps its own editable copy.
DEFAULT_ROLES: tuple[str, ...] = (
    "ประธานกรรมการ",
    "รองประธานกรรมการ",
    "กรรมการ",
    "ที่ปรึกษา",
    "กรรมการและเลขานุการ",
    "กรรมการและผู้ช่วยเลขานุการ",
)
_WORKING_GROUP_ROLES = (
    "ประธาน",
    "รองประธาน",
    "คณะทำงาน",
    "คณะทำงานและเลขานุการ",
    "คณะทำงานและผู้ช่วยเลขานุการ",
)


@dataclass(frozen=True)
class Preset:
    """What a new workshop of a kind starts with, so that its record comes out right
    without further setup: the agenda, the issues, the body's roles, the body's name,
    and how the minutes list the participants."""

    agenda: tuple[str, ...]
    issues: tuple[str, ...]
    roles: tuple[str, ...] = DEFAULT_ROLES
    body_name: str = ""
    # The agenda item (from 1) under which the minutes report the results; None: after
    # the last item.
    results_item: int | None = None
    participant_listing: str = "auto"  # the participants' names attached above 60


_WORKSHOP_AGENDA = (
    "พิธีเปิดและบรรยายพิเศษ",
    "นำเสนอสถานการณ์และทิศทางการพัฒนาจังหวัด",
    "ระดมความคิดเห็นรายประเด็นการพัฒนา",
    "นำเสนอผลการระดมความคิดเห็นและจัดลำดับความสำคัญ",
    "สรุปผลและปิดการประชุม",
)
_MEETING_AGENDA = (
    "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    "เรื่องรับรองรายงานการประชุมครั้งที่แล้ว",
    "เรื่องสืบเนื่อง",
    "เรื่องเพื่อทราบ",
    "เรื่องเพื่อพิจารณา",
    "เรื่องอื่น ๆ",
)


def _placeholder_issues(count: int) -> tuple[str, ...]:
    return tuple(f"ประเด็นการพัฒนาที่ {n}" for n in range(1, count + 1))


_CONSULTATION_AGENDA = (
    "พิธีเปิดและประธานกล่าวเปิดการประชุม",
    "นำเสนอร่างเป้าหมายการพัฒนาจังหวัด 20 ปี",
    "รับฟังความคิดเห็นต่อร่างเป้าหมายการพัฒนาจังหวัด",
    "สรุปผลและปิดการประชุม",
)
_DISTRICT_AGENDA = (
    "พิธีเปิดและบรรยายพิเศษการขับเคลื่อนยุทธศาสตร์จังหวัด",
    "นำเสนอแผนพัฒนาจังหวัดและเป้าหมายการพัฒนา",
    "แบ่งกลุ่มระดมความคิดเห็นรายอำเภอ",
    "นำเสนอผลการประชุมกลุ่มย่อย",
    "สรุปผลและปิดการประชุม",
)
_HEARING_AGENDA = (
    "พิธีเปิดและชี้แจงวัตถุประสงค์การรับฟังความคิดเห็น",
    "นำเสนอร่างแผนพัฒนาจังหวัด (ฉบับทบทวน)",
    "รับฟังความคิดเห็นและข้อเสนอแนะต่อร่างแผน",
    "สรุปผลการรับฟังความคิดเห็นและปิดการประชุม",
)

PRESETS: dict[WorkshopKind, Preset] = {
    WorkshopKind.GOAL_20_YEAR: Preset(_CONSULTATION_AGENDA, _placeholder_issues(4), results_item=3),
    WorkshopKind.DISTRICT_STRATEGY: Preset(
        _DISTRICT_AGENDA, _placeholder_issues(5), roles=_WORKING_GROUP_ROLES, results_item=4
    ),
    WorkshopKind.PLAN_REVIEW_ANNUAL: Preset(
        _WORKSHOP_AGENDA, _placeholder_issues(5), results_item=4
    ),
    WorkshopKind.PUBLIC_HEARING: Preset(_HEARING_AGENDA, _placeholder_issues(4), results_item=3),
    WorkshopKind.COMMITTEE_MEETING: Preset(
        _MEETING_AGENDA,
        ("ด้านเศรษฐกิจ", "ด้านสังคม", "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"),
        body_name="คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.)",
    ),
    WorkshopKind.OTHER: Preset(_MEETING_AGENDA, ()),
}
