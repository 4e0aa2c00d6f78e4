"""Default export names: Thai, from the workshop's title and date, valid on Windows."""

from __future__ import annotations

import datetime as dt

from workshop_app.ui.file_names import NAME_LIMIT, export_file_name

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


def test_minutes_of_a_provincial_committee_meeting() -> None:
    name = export_file_name("รายงานการประชุม", "ก.บ.จ.เชียงใหม่", dt.date(2023, 9, 15), ".pdf")
    assert name == "รายงานการประชุม-ก.บ.จ.เชียงใหม่-15-ก.ย.-2566.pdf"


def test_long_titles_with_reserved_characters_stay_valid_on_windows() -> None:
    title = (
        'ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดนครศรีธรรมราช (พ.ศ. 2566-2570) / "ฉบับทบทวน" '
        "และจัดทำแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568: กลุ่มย่อยที่ 3?"
    )
    name = export_file_name("แผนปฏิบัติราชการ", title, dt.date(2024, 11, 2), ".xlsx")
    assert name.startswith("แผนปฏิบัติราชการ-ประชุมเชิงปฏิบัติการ")
    assert name.endswith("-2-พ.ย.-2567.xlsx")
    assert not WINDOWS_FORBIDDEN & set(name)
    assert len(name) <= NAME_LIMIT + len(".xlsx")
    assert " " not in name and "--" not in name


def test_a_device_name_is_never_the_whole_name() -> None:
    assert export_file_name("CON", "", None, ".pdf") == "_CON.pdf"
    assert export_file_name("", "", None, ".pdf") == "export.pdf"
