"""The synced tables and their fields as people call them (Thai, English): the sync
page and the command line's summaries name them so, never by their table names."""

from __future__ import annotations

# Every synced table, as a facilitator calls it (Thai, English).
TABLE_LABELS: dict[str, tuple[str, str]] = {
    "sync_conflicts": ("ฉบับที่ขัดแย้งกัน", "Conflicting versions"),
    "workshops": ("การประชุม", "Workshops"),
    "agenda_items": ("ระเบียบวาระการประชุม", "Agenda items"),
    "reference_items": ("รายการอ้างอิงของแผน", "Reference list items"),
    "sectors": ("ภาคส่วน", "Sectors"),
    "strategic_issues": ("ประเด็นยุทธศาสตร์", "Strategic issues"),
    "vote_rounds": ("รอบการลงคะแนน", "Vote rounds"),
    "attendees": ("ผู้เข้าร่วม", "Attendees"),
    "projects": ("โครงการ", "Projects"),
    "vote_criteria": ("เกณฑ์การให้คะแนน", "Voting criteria"),
    "vote_round_events": ("การเปิด/ปิดรอบลงคะแนน", "Vote round events"),
    "ballots": ("บัตรลงคะแนน", "Ballots"),
    "ideas": ("ความคิดเห็น/ข้อเสนอ", "Ideas"),
    "project_activities": ("กิจกรรมของโครงการ", "Project activities"),
    "project_budgets": ("งบประมาณโครงการรายปี", "Project budgets by year"),
    "ballot_marks": ("คะแนนในบัตร", "Ballot marks"),
    "idea_merge_events": ("การรวมความคิดเห็น", "Idea merges"),
    "paper_tallies": ("ผลนับคะแนนบนกระดาษ", "Paper tallies"),
    "project_ideas": ("ความคิดเห็นที่มาของโครงการ", "Ideas behind projects"),
    "vote_round_ideas": ("ความคิดเห็นในรอบลงคะแนน", "Ideas in vote rounds"),
    "body_roles": ("ตำแหน่งในคณะ", "Roles in the body"),
    "meeting_days": ("วันประชุม", "Meeting days"),
    "check_ins": ("การลงทะเบียนรายวัน", "Check-ins per day"),
    "motions": ("ญัตติที่ลงมติ", "Motions"),
    "motion_votes": ("การออกเสียงลงมติ", "Votes on motions"),
    "breakout_groups": ("กลุ่มย่อย", "Breakout groups"),
}

# The fields a person edits, as the forms call them; "table.column" overrides "column".
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "title": ("ชื่อเรื่อง", "Title"),
    "text": ("ข้อความ", "Text"),
    "name": ("ชื่อ", "Name"),
    "kind": ("ประเภท", "Kind"),
    "issue_id": ("ประเด็นยุทธศาสตร์", "Strategic issue"),
    "sector_id": ("ภาคส่วน", "Sector"),
    "breakout_group": ("กลุ่มย่อย", "Breakout group"),
    "author_id": ("ผู้เสนอ", "Proposed by"),
    "position": ("ลำดับ", "Order"),
    "attendees.position": ("ตำแหน่ง", "Position"),
    "number": ("ลำดับที่", "Number"),
    "merged_into_id": ("รวมเข้ากับ", "Merged into"),
    "deleted": ("ถูกลบ", "Deleted"),
    "prefix": ("คำนำหน้า", "Prefix"),
    "first_name": ("ชื่อ", "First name"),
    "last_name": ("นามสกุล", "Last name"),
    "organisation": ("หน่วยงาน", "Organisation"),
    "phone": ("โทรศัพท์", "Phone"),
    "email": ("อีเมล", "Email"),
    "role": ("บทบาท", "Role"),
    "checked_in_at": ("เวลาลงทะเบียน", "Checked in at"),
    "code": ("รหัส", "Code"),
    "goal": ("เป้าประสงค์", "Goal"),
    "indicators": ("ตัวชี้วัด", "Indicators"),
    "notes": ("บันทึก", "Notes"),
    "resolution": ("มติที่ประชุม", "Resolution"),
    "venue": ("สถานที่", "Venue"),
    "province": ("จังหวัด", "Province"),
    "start_date": ("วันที่เริ่ม", "Start date"),
    "end_date": ("วันที่สิ้นสุด", "End date"),
    "budget": ("งบประมาณ", "Budget"),
    "amount": ("จำนวนเงิน", "Amount"),
    "fiscal_year": ("ปีงบประมาณ", "Fiscal year"),
    "rationale": ("หลักการและเหตุผล", "Rationale"),
    "objectives": ("วัตถุประสงค์", "Objectives"),
    "target_area": ("พื้นที่เป้าหมาย", "Target area"),
    "implementing_agency": ("หน่วยงานดำเนินการ", "Implementing agency"),
    "priority": ("ลำดับความสำคัญ", "Priority"),
    "funding_source": ("แหล่งงบประมาณ", "Funding source"),
    "colour": ("สี", "Colour"),
    "record": ("บันทึกการประชุม", "Record"),
    "body_name": ("ชื่อคณะ", "Name of the body"),
    "chair_attendee_id": ("ประธานในที่ประชุม", "Chair of the meeting"),
    "chair_on_behalf_of": ("ทำหน้าที่ประธานแทน", "Chairing on behalf of"),
    "quorum": ("องค์ประชุม", "Quorum"),
    "goal_20_year": ("เป้าหมายการพัฒนา 20 ปี", "20-year goal"),
    "goal_5_year": ("เป้าหมายการพัฒนา 5 ปี", "5-year goal"),
    "long_term_targets": ("เป้าหมายระยะยาว", "Long-term targets"),
    "body_role_id": ("ตำแหน่งในคณะ", "Role in the body"),
    "stand_in_for_id": ("มาประชุมแทน", "Standing in for"),
    "member_order": ("ลำดับในคณะ", "Order in the body"),
    "parent_id": ("อยู่ภายใต้วาระ", "Under agenda item"),
    "day_id": ("วันประชุม", "Meeting day"),
    "commenter_name": ("ผู้ให้ความคิดเห็น", "Commenter"),
    "commenter_organisation": ("หน่วยงานของผู้ให้ความคิดเห็น", "Commenter's organisation"),
    "answer": ("คำชี้แจง", "Answer"),
    "plan_change": ("การปรับปรุงแผน", "Change in the plan"),
    "anonymous": ("ไม่ประสงค์ออกนาม", "Anonymous"),
    "for_count": ("เห็นชอบ", "For"),
    "against_count": ("ไม่เห็นชอบ", "Against"),
    "abstain_count": ("งดออกเสียง", "Abstain"),
    "choice": ("การออกเสียง", "Vote"),
}


def table_label(table: str, language: str) -> str:
    thai, english = TABLE_LABELS.get(table, (table, table))
    return thai if language == "th" else english


def column_label(table: str, column: str, language: str) -> str:
    thai, english = COLUMN_LABELS.get(f"{table}.{column}") or COLUMN_LABELS.get(
        column, (column, column)
    )
    return thai if language == "th" else english
