<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="63"/>
        <source>About Workshop app</source>
        <translation>เกี่ยวกับโปรแกรมประชุมเชิงปฏิบัติการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="68"/>
        <source>Version {version}</source>
        <translation>รุ่น {version}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="72"/>
        <source>Offline app for Thai provincial planning workshops: registration, brainstorming, voting, minutes and action plans.</source>
        <translation>โปรแกรมสำหรับการประชุมเชิงปฏิบัติการจัดทำแผนระดับจังหวัด ใช้ได้โดยไม่ต้องต่ออินเทอร์เน็ต: ลงทะเบียน ระดมความคิด ลงคะแนน รายงานการประชุม และแผนปฏิบัติราชการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="80"/>
        <source>Versions</source>
        <translation>รุ่นของซอฟต์แวร์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="81"/>
        <source>Licenses</source>
        <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="86"/>
        <source>Font license (OFL)</source>
        <translation>สัญญาอนุญาตแบบอักษร (OFL)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="90"/>
        <source>Copy details</source>
        <translation>คัดลอกรายละเอียด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="93"/>
        <source>Copy the versions and licenses, to paste into a message to support.</source>
        <translation>คัดลอกข้อมูลรุ่นและสัญญาอนุญาต เพื่อนำไปวางในข้อความที่ส่งถึงผู้ดูแลโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="97"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="115"/>
        <location filename="../../workshop_app/ui/about_dialog.py" line="158"/>
        <location filename="../../workshop_app/ui/about_dialog.py" line="210"/>
        <source>not installed</source>
        <translation>ไม่ได้ติดตั้ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="123"/>
        <source>Database schema revision</source>
        <translation>รุ่นโครงสร้างฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="124"/>
        <source>Operating system</source>
        <translation>ระบบปฏิบัติการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="137"/>
        <source>Sarabun font: {license}, © The Sarabun Project Authors</source>
        <translation>แบบอักษร Sarabun: {license}, © The Sarabun Project Authors</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="144"/>
        <source>Qt and PySide6: GNU Lesser General Public License version 3 (LGPL-3.0)</source>
        <translation>Qt และ PySide6: สัญญาอนุญาต GNU Lesser General Public License รุ่น 3 (LGPL-3.0)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="147"/>
        <source>Show the font license text</source>
        <translation>แสดงข้อความสัญญาอนุญาตแบบอักษร</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="156"/>
        <source>Component</source>
        <translation>ส่วนประกอบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="156"/>
        <source>Version</source>
        <translation>รุ่น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="156"/>
        <source>License</source>
        <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="156"/>
        <source>Home page</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="170"/>
        <source>Double-click to open {url}</source>
        <translation>ดับเบิลคลิกเพื่อเปิด {url}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="179"/>
        <source>Each Python package is shown with the license it declares; its home page has the source and the full license text.</source>
        <translation>แต่ละแพ็กเกจ Python แสดงสัญญาอนุญาตตามที่แพ็กเกจนั้นระบุไว้ ซอร์สโค้ดและข้อความสัญญาอนุญาตฉบับเต็มดูได้ที่เว็บไซต์ของแพ็กเกจ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/about_dialog.py" line="217"/>
        <source>Copied</source>
        <translation>คัดลอกแล้ว</translation>
    </message>
</context>
<context>
    <name>ActionPlanPage</name>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="102"/>
        <source>Project</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="102"/>
        <source>Priority</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="102"/>
        <source>Budget</source>
        <translation>งบประมาณ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="112"/>
        <source>Promote ideas…</source>
        <translation>เลือกความคิดเป็นโครงการ…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="114"/>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="369"/>
        <source>New project</source>
        <translation>โครงการใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="116"/>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="119"/>
        <source>Move up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="122"/>
        <source>Move down</source>
        <translation>เลื่อนลง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="146"/>
        <source>Total</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="146"/>
        <source>Baht</source>
        <translation>บาท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="154"/>
        <source>Reference lists…</source>
        <translation>รายการอ้างอิง…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="156"/>
        <source>Export action plan (Excel)…</source>
        <translation>ส่งออกแผนปฏิบัติราชการ (Excel)…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="158"/>
        <source>Export template for agencies…</source>
        <translation>ส่งออกแบบฟอร์มให้หน่วยงานกรอก…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="160"/>
        <source>Import filled template…</source>
        <translation>นำเข้าแบบฟอร์มที่กรอกแล้ว…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="165"/>
        <source>Budget totals</source>
        <translation>สรุปงบประมาณ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="250"/>
        <source>Issue {number}: {title}</source>
        <translation>ประเด็นที่ {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="311"/>
        <source>round {number}: rank {rank}, score {score}</source>
        <translation>รอบที่ {number}: อันดับ {rank} คะแนน {score}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="330"/>
        <source>Whole plan</source>
        <translation>รวมทั้งแผน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="333"/>
        <source>Issue {number}</source>
        <translation>ประเด็นที่ {number}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="335"/>
        <source>(no funding source)</source>
        <translation>(ไม่ระบุแหล่งงบประมาณ)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="364"/>
        <source>Add a strategic issue on the setup page first.</source>
        <translation>กรุณาเพิ่มประเด็นการพัฒนาในหน้าตั้งค่างานประชุมก่อน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="404"/>
        <source>Vote round {number}: {title}</source>
        <translation>รอบการลงคะแนนที่ {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="411"/>
        <source>Project ideas of issue {number} (no vote)</source>
        <translation>ข้อเสนอโครงการของประเด็นที่ {number} (ไม่ได้ลงคะแนน)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="431"/>
        <source>%n project(s) added</source>
        <translation>
            <numerusform>เพิ่มโครงการ %n โครงการ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="447"/>
        <source>Edit reference lists</source>
        <translation>แก้ไขรายการอ้างอิง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="462"/>
        <source>Action plan template for agencies</source>
        <translation>แบบฟอร์มแผนปฏิบัติราชการสำหรับหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="462"/>
        <source>Action plan</source>
        <translation>แผนปฏิบัติราชการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="466"/>
        <source>Export template for agencies</source>
        <translation>ส่งออกแบบฟอร์มให้หน่วยงานกรอก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="466"/>
        <source>Export action plan</source>
        <translation>ส่งออกแผนปฏิบัติราชการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="469"/>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="505"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>แฟ้ม Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="503"/>
        <source>Import filled template</source>
        <translation>นำเข้าแบบฟอร์มที่กรอกแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="524"/>
        <source>Imported {file}: {created} new, {updated} updated, {unchanged} unchanged projects</source>
        <translation>นำเข้าแฟ้ม {file} แล้ว: โครงการใหม่ {created} ปรับปรุง {updated} ไม่เปลี่ยนแปลง {unchanged} โครงการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="517"/>
        <source>Importing {file}…</source>
        <translation>กำลังนำเข้า {file}…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/action_plan_page.py" line="540"/>
        <source>Import cancelled: no project was changed.</source>
        <translation>ยกเลิกการนำเข้าแล้ว: ไม่มีโครงการใดถูกเปลี่ยนแปลง</translation>
    </message>
</context>
<context>
    <name>AttendeeDialog</name>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="136"/>
        <source>Edit attendee</source>
        <translation>แก้ไขข้อมูลผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="136"/>
        <source>Walk-in registration</source>
        <translation>ลงทะเบียนหน้างาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="152"/>
        <source>Choose the sector</source>
        <translation>เลือกภาคส่วน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="155"/>
        <source>Participant</source>
        <translation>ผู้เข้าร่วมประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="156"/>
        <source>Committee member</source>
        <translation>กรรมการ (ผู้มาประชุม)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="158"/>
        <source>e.g. Governor of Khon Kaen</source>
        <translation>เช่น ผู้ว่าราชการจังหวัดขอนแก่น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="160"/>
        <source>e.g. on official duty</source>
        <translation>เช่น ติดราชการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="163"/>
        <source>Agrees to appear in publicity photos</source>
        <translation>ยินยอมให้ใช้ภาพถ่ายเพื่อการประชาสัมพันธ์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="164"/>
        <source>Agrees to be contacted after the workshop</source>
        <translation>ยินยอมให้ติดต่อกลับภายหลังการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="168"/>
        <source>Explicitly agrees that the diet or access needs above are recorded</source>
        <translation>ยินยอมโดยชัดแจ้งให้บันทึกข้อมูลอาหารหรือความต้องการพิเศษข้างต้น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="176"/>
        <source>Prefix</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="177"/>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="178"/>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="179"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="180"/>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="181"/>
        <source>Sector</source>
        <translation>ภาคส่วน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="182"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="183"/>
        <source>Stands in for</source>
        <translation>มาประชุมแทน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="184"/>
        <source>Reason for absence</source>
        <translation>เหตุที่ไม่มาประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="185"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="186"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="189"/>
        <source>Diet or access needs</source>
        <translation>อาหารหรือความต้องการพิเศษ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="275"/>
        <source>Choose the person&apos;s sector.</source>
        <translation>โปรดเลือกภาคส่วนของผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="293"/>
        <source>{name} ({organisation}, no. {code}) is already registered. Cancel and check them in instead, or press OK again to add a new person.</source>
        <translation>{name} ({organisation} เลขที่ {code}) มีชื่ออยู่แล้ว กด ยกเลิก แล้วลงทะเบียนคนเดิม หรือกด ตกลง อีกครั้งเพื่อเพิ่มเป็นคนใหม่</translation>
    </message>
</context>
<context>
    <name>BallotScreen</name>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="36"/>
        <source>Ballot screen — {title}</source>
        <translation>จอลงคะแนน — {title}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="47"/>
        <source>Your registration number, then Enter</source>
        <translation>พิมพ์เลขทะเบียนของท่าน แล้วกด Enter</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="60"/>
        <source>Cast my vote (Ctrl+Enter)</source>
        <translation>ส่งคะแนนของฉัน (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="89"/>
        <source>Who is voting?</source>
        <translation>ใครกำลังลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="113"/>
        <source>{name} has not checked in at the door, so cannot vote yet.</source>
        <translation>{name} ยังไม่ได้ลงทะเบียนที่หน้างาน จึงยังลงคะแนนไม่ได้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="121"/>
        <source>Voting: {name}</source>
        <translation>ผู้ลงคะแนน: {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="163"/>
        <source>Thank you, {name}: your vote is counted.</source>
        <translation>ขอบคุณ {name} คะแนนของท่านถูกนับแล้ว</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="114"/>
        <source>Filter cards (Ctrl+F)</source>
        <translation>กรองการ์ด (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="167"/>
        <source>Cards per sector (current issue)</source>
        <translation>จำนวนการ์ดตามภาคส่วน (ประเด็นปัจจุบัน)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="268"/>
        <source>All kinds</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="271"/>
        <source>All sectors</source>
        <translation>ทุกภาคส่วน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="126"/>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="383"/>
        <source>Showing {shown} of {total} cards</source>
        <translation>แสดง {shown} จาก {total} การ์ด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="386"/>
        <source>{total} cards</source>
        <translation>{total} การ์ด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="397"/>
        <source>No sector: {count}</source>
        <translation>ไม่ระบุภาคส่วน: {count}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="400"/>
        <source>No cards yet</source>
        <translation>ยังไม่มีการ์ด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="528"/>
        <source>Add a strategic issue first (Setup page).</source>
        <translation>กรุณาเพิ่มประเด็นยุทธศาสตร์ก่อน (หน้าตั้งค่างานประชุม)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="533"/>
        <source>Type the idea first, then press Enter.</source>
        <translation>พิมพ์ความคิดเห็นก่อน แล้วกด Enter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/board_page.py" line="565"/>
        <source>Move %n card(s)</source>
        <translation>
            <numerusform>ย้ายการ์ด %n ใบ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/board_page.py" line="620"/>
        <source>Select two or more cards to merge (Ctrl+click or Shift+click).</source>
        <translation>เลือกการ์ดตั้งแต่ 2 ใบขึ้นไปเพื่อรวม (Ctrl+คลิก หรือ Shift+คลิก)</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="68"/>
        <source>Check in {name}</source>
        <translation>ลงทะเบียน {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="80"/>
        <source>Cancel check-in of {name}</source>
        <translation>ยกเลิกการลงทะเบียนของ {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="94"/>
        <source>Register walk-in {name}</source>
        <translation>ลงทะเบียนหน้างาน {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="106"/>
        <source>Edit {name}</source>
        <translation>แก้ไขข้อมูล {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="125"/>
        <source>Add idea “{text}”</source>
        <translation>เพิ่มความคิดเห็น “{text}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="140"/>
        <source>Edit idea “{text}”</source>
        <translation>แก้ไขความคิดเห็น “{text}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="163"/>
        <source>Delete %n idea(s)</source>
        <translation>ลบความคิดเห็น %n รายการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="183"/>
        <source>Move idea “{text}”</source>
        <translation>ย้ายความคิดเห็น “{text}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="199"/>
        <source>Merge %n idea(s) into “{text}”</source>
        <translation>รวม %n ความคิดเห็นเข้ากับ “{text}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="213"/>
        <source>Unmerge “{text}”</source>
        <translation>แยกการรวมของ “{text}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="232"/>
        <source>Add project “{name}”</source>
        <translation>เพิ่มโครงการ “{name}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="251"/>
        <source>Edit project “{name}”</source>
        <translation>แก้ไขโครงการ “{name}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="265"/>
        <source>Delete project “{name}”</source>
        <translation>ลบโครงการ “{name}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="289"/>
        <source>Move project “{name}”</source>
        <translation>ย้ายโครงการ “{name}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="324"/>
        <source>Promote %n idea(s) to projects</source>
        <translation>จัดทำ %n ความคิดเป็นโครงการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="338"/>
        <source>Edit list “{name}”</source>
        <translation>แก้ไขรายการ “{name}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/commands.py" line="429"/>
        <source>Import projects from {file}</source>
        <translation>นำเข้าโครงการจากแฟ้ม {file}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="214"/>
        <source>Accept %n phone idea(s)</source>
        <translation>รับความคิดเห็นจากโทรศัพท์ %n รายการขึ้นกระดาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="236"/>
        <source>Reject %n phone idea(s)</source>
        <translation>ไม่รับความคิดเห็นจากโทรศัพท์ %n รายการ</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../workshop_app/ui/app.py" line="195"/>
        <source>Something went wrong inside the app. Your data is safe: everything acknowledged on screen was already saved. Details are in {path}.</source>
        <translation>เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลของท่านปลอดภัย ทุกรายการที่แสดงว่าบันทึกแล้วถูกบันทึกไว้เรียบร้อย รายละเอียดอยู่ในแฟ้ม {path}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="43"/>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="45"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../workshop_app/ui/widgets.py" line="272"/>
        <source>Writing {file}…</source>
        <translation>กำลังเขียนแฟ้ม {file}…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/widgets.py" line="276"/>
        <source>Wrote {path}</source>
        <translation>บันทึกแฟ้ม {path} แล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/widgets.py" line="282"/>
        <source>Export cancelled: no file was written.</source>
        <translation>ยกเลิกการส่งออกแล้ว ไม่ได้สร้างแฟ้มใด</translation>
    </message>
</context>
<context>
    <name>IdeaEntry</name>
    <message>
        <location filename="../../workshop_app/ui/board_entry.py" line="35"/>
        <source>Type an idea, Enter adds it to the current issue (F5 kind, F6 sector)</source>
        <translation>พิมพ์ความคิดเห็น กด Enter เพื่อเพิ่มในประเด็นปัจจุบัน (F5 ประเภท, F6 ภาคส่วน)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_entry.py" line="51"/>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_entry.py" line="53"/>
        <source>Add (Enter)</source>
        <translation>เพิ่ม (Enter)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_entry.py" line="75"/>
        <source>No sector</source>
        <translation>ไม่ระบุภาคส่วน</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="267"/>
        <source>Import a list of people</source>
        <translation>นำเข้ารายชื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="267"/>
        <source>Import ideas</source>
        <translation>นำเข้าความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="283"/>
        <source>Column</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="284"/>
        <source>Examples</source>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="285"/>
        <source>Meaning</source>
        <translation>ความหมาย</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="302"/>
        <source>People listed twice</source>
        <translation>รายชื่อที่ซ้ำในแฟ้ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="305"/>
        <source>Keep the first of each</source>
        <translation>นำเข้าแถวแรกของแต่ละคน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="307"/>
        <source>Keep all</source>
        <translation>นำเข้าทุกแถว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="324"/>
        <source>Import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="325"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="330"/>
        <source>Sheet</source>
        <translation>แผ่นงาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="334"/>
        <source>What each column holds</source>
        <translation>ความหมายของแต่ละคอลัมน์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="430"/>
        <source>sector (inferred): {name}</source>
        <translation>ภาคส่วน (อนุมาน): {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="437"/>
        <source>same as row {row}</source>
        <translation>ซ้ำกับแถว {row}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="444"/>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="458"/>
        <source>(no header)</source>
        <translation>(ไม่มีหัว)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="470"/>
        <source>— not imported —</source>
        <translation>— ไม่นำเข้า —</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="475"/>
        <source>guessed from the values</source>
        <translation>เดาจากข้อมูลในคอลัมน์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="485"/>
        <source>{count} people found</source>
        <translation>พบ {count} คน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="488"/>
        <source>; {count} of them members of the body, in the order of the file</source>
        <translation> เป็นกรรมการ {count} คน เรียงตามลำดับในแฟ้ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="491"/>
        <source>; roles added to the body&apos;s list: {roles}</source>
        <translation> เพิ่มตำแหน่งในคณะ: {roles}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="496"/>
        <source>; the sector of {count} was inferred from the organisation (yellow): check them</source>
        <translation> ภาคส่วนของ {count} คนอนุมานจากชื่อหน่วยงาน (แถบสีเหลือง) โปรดตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="500"/>
        <source>; {count} look already registered</source>
        <translation> {count} คนน่าจะลงทะเบียนไว้แล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="506"/>
        <source>Rows of the same person: </source>
        <translation>แถวที่ซ้ำกัน: </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="510"/>
        <source>{count} ideas found</source>
        <translation>พบ {count} ความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="513"/>
        <source>; {count} with a commenter or the province&apos;s answer</source>
        <translation> มีผู้ให้ความคิดเห็นหรือคำชี้แจงของจังหวัด {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="519"/>
        <source> — {count} problem(s) (red cells): fix the file or choose other column meanings</source>
        <translation> — พบปัญหา {count} รายการ (ช่องสีแดง) แก้ไขแฟ้มหรือเลือกความหมายคอลัมน์ใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/import_dialog.py" line="363"/>
        <source>Checking {file}…</source>
        <translation>กำลังตรวจแฟ้ม {file}…</translation>
    </message>
</context>
<context>
    <name>ItemModels</name>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="81"/>
        <location filename="../../workshop_app/ui/item_models.py" line="196"/>
        <source>No.</source>
        <translation>ที่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="82"/>
        <source>Name</source>
        <translation>ชื่อ–สกุล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="83"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="84"/>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="85"/>
        <location filename="../../workshop_app/ui/item_models.py" line="129"/>
        <location filename="../../workshop_app/ui/item_models.py" line="220"/>
        <source>Sector</source>
        <translation>ภาคส่วน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="86"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="91"/>
        <source>Not yet arrived</source>
        <translation>ยังไม่มา</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="92"/>
        <source>Present {time}</source>
        <translation>มาแล้ว {time}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="96"/>
        <source>(walk-in)</source>
        <translation>(หน้างาน)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="130"/>
        <source>Invited</source>
        <translation>เชิญ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="131"/>
        <source>Present</source>
        <translation>มาแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="132"/>
        <source>Walk-ins</source>
        <translation>หน้างาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="138"/>
        <source>Total</source>
        <translation>รวม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="197"/>
        <source>Title</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/item_models.py" line="221"/>
        <source>Colour</source>
        <translation>สี</translation>
    </message>
</context>
<context>
    <name>JoinPanel</name>
    <message>
        <location filename="../../workshop_app/ui/join_panel.py" line="96"/>
        <source>Join from your phone</source>
        <translation>ร่วมแสดงความคิดเห็นด้วยโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/join_panel.py" line="98"/>
        <source>No card? Type the address above, then this code:</source>
        <translation>ไม่มีบัตร? พิมพ์ที่อยู่ด้านบน แล้วใส่รหัสนี้:</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="79"/>
        <source>Add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="80"/>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="81"/>
        <source>Move up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="82"/>
        <source>Move down</source>
        <translation>เลื่อนลง</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="128"/>
        <source>Setup</source>
        <translation>ตั้งค่างานประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="129"/>
        <source>Registration</source>
        <translation>ลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="130"/>
        <source>Brainstorm</source>
        <translation>ระดมความคิด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="131"/>
        <source>Voting</source>
        <translation>ลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="132"/>
        <source>Minutes</source>
        <translation>รายงานการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="133"/>
        <source>Action plan</source>
        <translation>แผนปฏิบัติราชการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="134"/>
        <source>Sync</source>
        <translation>ซิงก์ข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="113"/>
        <source>Database: {path}</source>
        <translation>ฐานข้อมูล: {path}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="315"/>
        <source>&amp;File</source>
        <translation>&amp;แฟ้ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="318"/>
        <source>New workshop...</source>
        <translation>งานประชุมใหม่...</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="323"/>
        <source>Open workshop...</source>
        <translation>เปิดงานประชุม...</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="326"/>
        <source>Open database file...</source>
        <translation>เปิดแฟ้มฐานข้อมูล...</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="327"/>
        <source>Recent workshops</source>
        <translation>งานประชุมล่าสุด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="332"/>
        <source>Import invitation list...</source>
        <translation>นำเข้ารายชื่อผู้ได้รับเชิญ...</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="335"/>
        <source>Import ideas...</source>
        <translation>นำเข้าความคิดเห็น...</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="336"/>
        <source>Back up database now</source>
        <translation>สำรองฐานข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="339"/>
        <source>Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="342"/>
        <source>&amp;Edit</source>
        <translation>&amp;แก้ไข</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="343"/>
        <source>Undo</source>
        <translation>เลิกทำ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="345"/>
        <source>Redo</source>
        <translation>ทำซ้ำ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="353"/>
        <source>&amp;View</source>
        <translation>&amp;มุมมอง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="356"/>
        <source>Projector window</source>
        <translation>หน้าจอโปรเจกเตอร์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="357"/>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="364"/>
        <source>&amp;Help</source>
        <translation>&amp;ช่วยเหลือ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="365"/>
        <source>About</source>
        <translation>เกี่ยวกับโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="387"/>
        <source>{title} — Workshop app</source>
        <translation>{title} — โปรแกรมประชุมเชิงปฏิบัติการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="401"/>
        <source>Cannot do that</source>
        <translation>ทำรายการนี้ไม่ได้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="449"/>
        <source>Open database file</source>
        <translation>เปิดแฟ้มฐานข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="451"/>
        <source>Workshop databases (*.sqlite *.db);;All files (*)</source>
        <translation>ฐานข้อมูลงานประชุม (*.sqlite *.db);;ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="465"/>
        <source>Import invitation list</source>
        <translation>นำเข้ารายชื่อผู้ได้รับเชิญ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="467"/>
        <location filename="../../workshop_app/ui/main_window.py" line="593"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>ตารางข้อมูล (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="487"/>
        <source>Imported {count} people.</source>
        <translation>นำเข้าแล้ว {count} คน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="591"/>
        <source>Import ideas</source>
        <translation>นำเข้าความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="610"/>
        <source>Imported {count} ideas from {file}.</source>
        <translation>นำเข้า {count} ความคิดเห็นจากแฟ้ม {file} แล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="623"/>
        <source>Backup saved: {path}</source>
        <translation>สำรองข้อมูลไว้ที่ {path}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="486"/>
        <source>Importing {count} people…</source>
        <translation>กำลังนำเข้ารายชื่อ {count} คน…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="502"/>
        <source>Reading {file}…</source>
        <translation>กำลังอ่านแฟ้ม {file}…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="542"/>
        <source>Import cancelled: nothing was added.</source>
        <translation>ยกเลิกการนำเข้าแล้ว: ไม่มีข้อมูลใดถูกเพิ่ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/main_window.py" line="609"/>
        <source>Importing {count} ideas…</source>
        <translation>กำลังนำเข้าความคิดเห็น {count} รายการ…</translation>
    </message>
</context>
<context>
    <name>MeetingSetupBox</name>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="120"/>
        <source>Body (committee) whose meeting this is</source>
        <translation>คณะ (คณะกรรมการ) ที่ประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="121"/>
        <source>Chair&apos;s position</source>
        <translation>ตำแหน่งของประธานในที่ประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="122"/>
        <source>Chairing on behalf of (e.g. the governor)</source>
        <translation>เป็นประธานแทน (เช่น ผู้ว่าราชการจังหวัด)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="123"/>
        <source>Why they are away (e.g. on official duty)</source>
        <translation>เหตุที่ไม่ได้มา (เช่น ติดราชการ)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="133"/>
        <source>20-year goal</source>
        <translation>เป้าหมายการพัฒนา 20 ปี</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="134"/>
        <source>5-year goal</source>
        <translation>เป้าหมายการพัฒนา 5 ปี</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="135"/>
        <source>Long-term targets (e.g. 4M 2S)</source>
        <translation>เป้าหมายระยะยาว (เช่น 4M 2S)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="144"/>
        <source>more than half of the members</source>
        <translation>เกินกึ่งหนึ่งของกรรมการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="148"/>
        <source>Quorum (members)</source>
        <translation>องค์ประชุม (คน)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="153"/>
        <source>Names, or counts with the names attached above:</source>
        <translation>รายชื่อ หรือจำนวนพร้อมรายชื่อแนบท้ายเมื่อเกิน:</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="154"/>
        <source>Names of every participant</source>
        <translation>รายชื่อผู้เข้าร่วมทุกคน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="155"/>
        <source>Counts by sector, names attached</source>
        <translation>จำนวนตามภาคส่วน แนบรายชื่อท้ายรายงาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="171"/>
        <source>Participants in the minutes</source>
        <translation>ผู้เข้าร่วมในรายงานการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="172"/>
        <source>The record of the meeting</source>
        <translation>การบันทึกรายงานการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="182"/>
        <source>e.g. 09.00</source>
        <translation>เช่น 09.00</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="183"/>
        <source>Add day</source>
        <translation>เพิ่มวันประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="185"/>
        <source>Delete day</source>
        <translation>ลบวันประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="191"/>
        <source>Days of the meeting (check-in, times and items per day)</source>
        <translation>วันประชุม (ลงทะเบียน เวลา และระเบียบวาระรายวัน)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="201"/>
        <source>New role, e.g. กรรมการและผู้ช่วยเลขานุการ</source>
        <translation>ตำแหน่งใหม่ เช่น กรรมการและผู้ช่วยเลขานุการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="202"/>
        <source>Add role</source>
        <translation>เพิ่มตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="204"/>
        <source>Rename</source>
        <translation>เปลี่ยนชื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="206"/>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="212"/>
        <source>Up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="212"/>
        <source>Down</source>
        <translation>เลื่อนลง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="214"/>
        <source>Move the selected role</source>
        <translation>เลื่อนตำแหน่งที่เลือก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="219"/>
        <source>Drag a member to its place, or Ctrl+Up / Ctrl+Down</source>
        <translation>ลากกรรมการไปยังลำดับที่ต้องการ หรือกด Ctrl+ลูกศรขึ้น / Ctrl+ลูกศรลง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="400"/>
        <source>Add day {date}</source>
        <translation>เพิ่มวันประชุม {date}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="413"/>
        <source>Delete day {date}</source>
        <translation>ลบวันประชุม {date}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="428"/>
        <source>Add role {name}</source>
        <translation>เพิ่มตำแหน่ง {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="439"/>
        <source>Move role {name}</source>
        <translation>ย้ายตำแหน่ง {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="453"/>
        <source>Set the role of {name}</source>
        <translation>กำหนดตำแหน่งของ {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="486"/>
        <source>Move member {name}</source>
        <translation>เลื่อนลำดับกรรมการ {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="507"/>
        <source>Rename role {name}</source>
        <translation>เปลี่ยนชื่อตำแหน่ง {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="518"/>
        <source>Delete role {name}</source>
        <translation>ลบตำแหน่ง {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="568"/>
        <source>Add group {name}</source>
        <translation>เพิ่มกลุ่ม {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="603"/>
        <source>Edit group {name}</source>
        <translation>แก้ไขกลุ่ม {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="610"/>
        <source>Delete group {name}</source>
        <translation>ลบกลุ่ม {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="222"/>
        <source>Give the selected member this role</source>
        <translation>กำหนดตำแหน่งนี้ให้กรรมการที่เลือก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="224"/>
        <source>Member up</source>
        <translation>เลื่อนกรรมการขึ้น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="226"/>
        <source>Member down</source>
        <translation>เลื่อนกรรมการลง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="235"/>
        <source>The body: roles in protocol order, members in order</source>
        <translation>คณะ: ตำแหน่งตามลำดับ และลำดับกรรมการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="248"/>
        <source>Group, e.g. กลุ่มอำเภอเมือง</source>
        <translation>ชื่อกลุ่ม เช่น กลุ่มอำเภอเมือง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="251"/>
        <source>Facilitator</source>
        <translation>วิทยากรประจำกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="253"/>
        <source>Presenter</source>
        <translation>ผู้นำเสนอ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="257"/>
        <source>What the group reported</source>
        <translation>ผลการระดมความคิดเห็นของกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="258"/>
        <source>Add group</source>
        <translation>เพิ่มกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="260"/>
        <source>Save group</source>
        <translation>บันทึกกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="262"/>
        <source>Delete group</source>
        <translation>ลบกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="277"/>
        <source>Breakout groups (by issue or by district)</source>
        <translation>กลุ่มย่อย (ตามประเด็นหรือตามอำเภอ)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="341"/>
        <source>(no issue: e.g. by district)</source>
        <translation>(ไม่ระบุประเด็น เช่น กลุ่มตามอำเภอ)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/meeting_setup.py" line="384"/>
        <source>Type the day&apos;s date first, like 25/5/2569.</source>
        <translation>กรุณาพิมพ์วันที่ก่อน เช่น 25/5/2569</translation>
    </message>
</context>
<context>
    <name>MergePanel</name>
    <message>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="28"/>
        <source>Merging</source>
        <translation>การรวมการ์ด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="32"/>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="61"/>
        <source>Possible duplicates</source>
        <translation>การ์ดที่อาจซ้ำกัน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="33"/>
        <source>Merge selected card into this one</source>
        <translation>รวมการ์ดที่เลือกเข้ากับการ์ดนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="34"/>
        <source>Merge selected cards (Ctrl+M)</source>
        <translation>รวมการ์ดที่เลือก (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="39"/>
        <source>Take out of the merge (Ctrl+Shift+M)</source>
        <translation>แยกออกจากการรวม (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="40"/>
        <source>Cards merged into the selected card</source>
        <translation>การ์ดที่รวมอยู่ในการ์ดที่เลือก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="52"/>
        <source>Already on the board? Similar cards:</source>
        <translation>มีบนกระดานแล้วหรือยัง การ์ดที่คล้ายกัน:</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_merge_panel.py" line="57"/>
        <source>Possible duplicates of the selected card:</source>
        <translation>การ์ดที่อาจซ้ำกับการ์ดที่เลือก:</translation>
    </message>
</context>
<context>
    <name>MinutesPage</name>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="78"/>
        <source>What was presented and discussed</source>
        <translation>สาระที่นำเสนอและอภิปรายในวาระนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="80"/>
        <source>e.g. Noted / Approved as proposed</source>
        <translation>เช่น รับทราบ / เห็นชอบตามที่เสนอ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="83"/>
        <source>Report the brainstorm and vote results under this item</source>
        <translation>รายงานผลการระดมความคิดเห็นและการลงคะแนนไว้ในวาระนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="86"/>
        <source>Agenda item</source>
        <translation>ระเบียบวาระ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="88"/>
        <source>Record</source>
        <translation>บันทึกการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="90"/>
        <source>Resolution</source>
        <translation>มติที่ประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="123"/>
        <source>Save the selected motion</source>
        <translation>บันทึกญัตติที่เลือก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="125"/>
        <source>Delete the selected motion</source>
        <translation>ลบญัตติที่เลือก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="157"/>
        <source>Signatures</source>
        <translation>ผู้ลงนาม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="160"/>
        <source>Minutes taken by</source>
        <translation>ผู้จดรายงานการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="161"/>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="163"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="162"/>
        <source>Checked by</source>
        <translation>ผู้ตรวจรายงานการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="171"/>
        <source>Thai digits (๑ ๒ ๓)</source>
        <translation>ใช้เลขไทย (๑ ๒ ๓)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="173"/>
        <source>Appendix listing every idea</source>
        <translation>ภาคผนวกรายการความคิดเห็นทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="177"/>
        <source>Update preview</source>
        <translation>ปรับตัวอย่าง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="179"/>
        <source>Export PDF…</source>
        <translation>ส่งออก PDF…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="181"/>
        <source>Export Word (DOCX)…</source>
        <translation>ส่งออก Word (DOCX)…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="199"/>
        <source>Agenda</source>
        <translation>ระเบียบวาระการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="424"/>
        <source>Edit motion {text}</source>
        <translation>แก้ไขญัตติ {text}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="439"/>
        <source>Delete motion {text}</source>
        <translation>ลบญัตติ {text}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="542"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="542"/>
        <source>Word document (*.docx)</source>
        <translation>เอกสาร Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="543"/>
        <source>Minutes</source>
        <translation>รายงานการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="545"/>
        <source>Export minutes</source>
        <translation>ส่งออกรายงานการประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="93"/>
        <source>Add sub-item (e.g. 5.1)</source>
        <translation>เพิ่มหัวข้อย่อย (เช่น 5.1)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="103"/>
        <source>Motion, e.g. approve the draft plan</source>
        <translation>เรื่องที่ขอมติ เช่น เห็นชอบร่างแผน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="107"/>
        <source>For</source>
        <translation>เห็นชอบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="108"/>
        <source>Against</source>
        <translation>ไม่เห็นชอบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="109"/>
        <source>Abstain</source>
        <translation>งดออกเสียง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="117"/>
        <source>Record the vote</source>
        <translation>บันทึกผลการลงมติ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="130"/>
        <source>Motions (members&apos; votes)</source>
        <translation>การลงมติของกรรมการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="143"/>
        <source>The province&apos;s answer</source>
        <translation>คำชี้แจงของจังหวัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="145"/>
        <source>What changes in the plan</source>
        <translation>การปรับปรุงแผน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="146"/>
        <source>Save the answer</source>
        <translation>บันทึกคำชี้แจง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="148"/>
        <source>Hearing comments: answers</source>
        <translation>ความคิดเห็นจากการรับฟัง: คำชี้แจง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="150"/>
        <source>Comment</source>
        <translation>ความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="151"/>
        <source>Answer</source>
        <translation>คำชี้แจง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="152"/>
        <source>Plan change</source>
        <translation>การปรับปรุงแผน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="367"/>
        <source>for {f}, against {a}, abstain {b}</source>
        <translation>เห็นชอบ {f} ไม่เห็นชอบ {a} งดออกเสียง {b}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/minutes_page.py" line="473"/>
        <source>New sub-item</source>
        <translation>หัวข้อย่อยใหม่</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="38"/>
        <source>New vote round</source>
        <translation>สร้างรอบการลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="69"/>
        <source>all cards</source>
        <translation>ทุกการ์ด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="71"/>
        <source>Issue {number}: {what}</source>
        <translation>ประเด็นที่ {number}: {what}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="76"/>
        <source>Top ideas of round {number}</source>
        <translation>อันดับต้นของรอบที่ {number}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="83"/>
        <source>Title</source>
        <translation>ชื่อรอบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="84"/>
        <source>Method</source>
        <translation>วิธีลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="85"/>
        <source>Ideas</source>
        <translation>ความคิดที่ลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="86"/>
        <source>How many (top N)</source>
        <translation>จำนวนอันดับต้น (N)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="87"/>
        <source>Dots per voter</source>
        <translation>จำนวนดาวต่อคน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="88"/>
        <source>Most dots on one idea</source>
        <translation>ดาวสูงสุดต่อความคิด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="89"/>
        <source>Ranks per voter (top k)</source>
        <translation>จำนวนอันดับที่เลือก (k)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="90"/>
        <source>Top score per criterion</source>
        <translation>คะแนนเต็มต่อเกณฑ์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/round_dialog.py" line="91"/>
        <source>Criteria (name | weight)</source>
        <translation>เกณฑ์ (ชื่อ | น้ำหนัก)</translation>
    </message>
</context>
<context>
    <name>NewWorkshopDialog</name>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="57"/>
        <source>New workshop</source>
        <translation>งานประชุมใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="69"/>
        <source>Title</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="70"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="71"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="72"/>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="73"/>
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="85"/>
        <source>The workshop needs a title.</source>
        <translation>กรุณาใส่ชื่องานประชุม</translation>
    </message>
</context>
<context>
    <name>OpenWorkshopDialog</name>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="96"/>
        <source>Open workshop</source>
        <translation>เปิดงานประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="100"/>
        <source>{title}
{date}  ·  invited {invited}, present {present}</source>
        <translation>{title}
{date}  ·  เชิญ {invited} คน มาแล้ว {present} คน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/dialogs.py" line="109"/>
        <source>Workshops in this database:</source>
        <translation>งานประชุมในฐานข้อมูลนี้:</translation>
    </message>
</context>
<context>
    <name>PhoneCardsButton</name>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="73"/>
        <source>Phone cards…</source>
        <translation>บัตรเข้าร่วมทางโทรศัพท์…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="75"/>
        <source>A card per attendee with the QR code that joins from a phone</source>
        <translation>บัตรของผู้เข้าร่วมแต่ละคน มีคิวอาร์โค้ดสำหรับเข้าร่วมด้วยโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="78"/>
        <source>New card for a lost one…</source>
        <translation>ออกบัตรใหม่แทนบัตรที่หาย…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="80"/>
        <source>The chosen person&apos;s phone card was lost: print a new one</source>
        <translation>บัตรเข้าร่วมทางโทรศัพท์ของผู้ที่เลือกหาย: พิมพ์บัตรใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="86"/>
        <source>Find the person first, then ask again.</source>
        <translation>ค้นหาผู้เข้าร่วมก่อน แล้วกดอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="90"/>
        <source>New phone card</source>
        <translation>บัตรเข้าร่วมทางโทรศัพท์ใบใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="92"/>
        <source>Print a new phone card for {name}? Their old card stops working once the new one is written (this cannot be undone).</source>
        <translation>พิมพ์บัตรเข้าร่วมทางโทรศัพท์ใบใหม่ให้ {name} หรือไม่ เมื่อบันทึกบัตรใหม่แล้ว บัตรเดิมจะใช้ไม่ได้อีก (ย้อนกลับไม่ได้)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="121"/>
        <source>Phone cards</source>
        <translation>บัตรเข้าร่วมทางโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="123"/>
        <source>Export phone cards</source>
        <translation>ส่งออกบัตรเข้าร่วมทางโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="123"/>
        <source>PDF (*.pdf)</source>
        <translation>แฟ้ม PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_cards_action.py" line="157"/>
        <source>Wrote {count} phone cards to {path}</source>
        <translation>บันทึกบัตรเข้าร่วมทางโทรศัพท์ {count} ใบ ลงแฟ้ม {path} แล้ว</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="540"/>
        <source>Phones</source>
        <translation>โทรศัพท์ผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="554"/>
        <location filename="../../workshop_app/ui/phone_panel.py" line="716"/>
        <source>Phones connected: {count}</source>
        <translation>โทรศัพท์ที่เชื่อมต่ออยู่: {count} เครื่อง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="586"/>
        <source>QR code on the projector</source>
        <translation>แสดงคิวอาร์โค้ดบนจอโปรเจกเตอร์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="591"/>
        <source>New code</source>
        <translation>รหัสใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="594"/>
        <source>Give walk-ins a new code (people who joined stay joined)</source>
        <translation>ออกรหัสใหม่ให้ผู้ลงทะเบียนหน้างาน (ผู้ที่เข้าร่วมแล้วยังใช้งานต่อได้)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="597"/>
        <source>Check ideas first</source>
        <translation>ตรวจก่อนขึ้นกระดาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="600"/>
        <source>Ideas from phones wait here until you accept them onto the board</source>
        <translation>ความคิดเห็นจากโทรศัพท์จะรออยู่ที่นี่จนกว่าจะกดรับขึ้นกระดาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="612"/>
        <source>Accept</source>
        <translation>รับขึ้นกระดาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="615"/>
        <source>Reject</source>
        <translation>ไม่รับ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="641"/>
        <source>Phones can join at:</source>
        <translation>โทรศัพท์เข้าร่วมได้ที่:</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="641"/>
        <source>The phone server is off.</source>
        <translation>ยังไม่ได้เปิดเซิร์ฟเวอร์สำหรับโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="646"/>
        <source>Stop the phone server</source>
        <translation>ปิดเซิร์ฟเวอร์สำหรับโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="646"/>
        <source>Start the phone server…</source>
        <translation>เปิดเซิร์ฟเวอร์สำหรับโทรศัพท์…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="659"/>
        <source>Phones cannot send ideas now (no issue open to them).</source>
        <translation>ขณะนี้โทรศัพท์ยังส่งความคิดเห็นไม่ได้ (ยังไม่ได้เปิดประเด็นให้ส่ง)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="661"/>
        <source>Phones send ideas to issue {number}</source>
        <translation>โทรศัพท์ส่งความคิดเห็นเข้าประเด็นที่ {number}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="667"/>
        <source>Walk-in code: {code}</source>
        <translation>รหัสลงทะเบียนหน้างาน: {code}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="677"/>
        <source>Waiting to be checked: {count}</source>
        <translation>รอตรวจ: {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="698"/>
        <source>Follows the board&apos;s issue</source>
        <translation>ตามประเด็นบนกระดาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="702"/>
        <source>Closed to ideas</source>
        <translation>ปิดรับความคิดเห็น</translation>
    </message>
</context>
<context>
    <name>ProgressBox</name>
    <message>
        <location filename="../../workshop_app/ui/widgets.py" line="243"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/widgets.py" line="247"/>
        <source>Stopping at the next safe point…</source>
        <translation>กำลังหยุดเมื่อถึงจุดที่หยุดได้อย่างปลอดภัย…</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="116"/>
        <source>Strategic issue</source>
        <translation>ประเด็นการพัฒนา</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="121"/>
        <source>Project brief</source>
        <translation>รายละเอียดโครงการ (แบบ จ.1-1)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="130"/>
        <source>Main activities</source>
        <translation>กิจกรรมหลัก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="133"/>
        <source>Budget (baht)</source>
        <translation>งบประมาณ (บาท)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="139"/>
        <source>Alignment and priority</source>
        <translation>ความสอดคล้องและลำดับความสำคัญ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="145"/>
        <source>Priority (from the vote)</source>
        <translation>ลำดับความสำคัญ (จากการลงคะแนน)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="146"/>
        <source>List</source>
        <translation>บัญชี</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="152"/>
        <source>Ideas and votes it came from</source>
        <translation>ที่มาจากความคิดเห็นและผลการลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="182"/>
        <source>Add a year</source>
        <translation>เพิ่มปีงบประมาณ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="194"/>
        <source>Activity</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="195"/>
        <source>Budget</source>
        <translation>งบประมาณ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="196"/>
        <source>Responsible unit</source>
        <translation>หน่วยรับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="197"/>
        <source>Related units</source>
        <translation>หน่วยงานที่เกี่ยวข้อง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="209"/>
        <source>Add activity</source>
        <translation>เพิ่มกิจกรรม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="211"/>
        <source>Remove activity</source>
        <translation>ลบกิจกรรม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="317"/>
        <location filename="../../workshop_app/ui/project_form.py" line="413"/>
        <source>FY {year}</source>
        <translation>ปีงบประมาณ {year}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="336"/>
        <source>Total {amount} baht</source>
        <translation>รวม {amount} บาท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="341"/>
        <source>The main activities (item 6) add up to {amount} baht. The project&apos;s budget is what is entered per fiscal year above.</source>
        <translation>กิจกรรมหลัก (ข้อ 6) รวม {amount} บาท งบประมาณของโครงการคือยอดที่กรอกในแต่ละปีงบประมาณด้านบน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="374"/>
        <source>Activities total {amount} baht</source>
        <translation>กิจกรรมรวม {amount} บาท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="407"/>
        <source>{where}: “{text}” is not an amount of baht</source>
        <translation>{where}: “{text}” ไม่ใช่จำนวนเงินบาท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/project_form.py" line="430"/>
        <source>Activity {number}</source>
        <translation>กิจกรรมที่ {number}</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <location filename="../../workshop_app/ui/projector.py" line="153"/>
        <source>Projector — {title}</source>
        <translation>จอโปรเจกเตอร์ — {title}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/projector.py" line="296"/>
        <source>Vote results, round {number}: {title}</source>
        <translation>ผลการลงคะแนน รอบที่ {number}: {title}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/projector.py" line="301"/>
        <source>%n ballot(s)</source>
        <translation>
            <numerusform>บัตร %n ใบ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/projector.py" line="303"/>
        <source> + {paper} on paper</source>
        <translation> + กระดาษ {paper}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/projector.py" line="308"/>
        <source>No votes yet</source>
        <translation>ยังไม่มีการลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/projector.py" line="314"/>
        <source>All strategic issues</source>
        <translation>ทุกประเด็นยุทธศาสตร์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/projector.py" line="318"/>
        <source>Issue {number}: {title}</source>
        <translation>ประเด็นที่ {number}: {title}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/projector.py" line="323"/>
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n การ์ด</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromoteDialog</name>
    <message>
        <location filename="../../workshop_app/ui/plan_dialogs.py" line="57"/>
        <source>Promote ideas to projects</source>
        <translation>เลือกความคิดเห็นเป็นโครงการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/plan_dialogs.py" line="67"/>
        <source> ideas</source>
        <translation> ความคิด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/plan_dialogs.py" line="74"/>
        <source>From</source>
        <translation>จาก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/plan_dialogs.py" line="75"/>
        <source>Tick the top</source>
        <translation>เลือกอันดับต้น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/plan_dialogs.py" line="108"/>
        <source>(already a project)</source>
        <translation>(เป็นโครงการแล้ว)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/plan_dialogs.py" line="132"/>
        <source>%n idea(s) will become projects</source>
        <translation>
            <numerusform>%n ความคิดจะเป็นโครงการ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvincialView</name>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="124"/>
        <source>Workshop</source>
        <translation>งานประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="125"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="126"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="127"/>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="128"/>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="129"/>
        <source>Invited</source>
        <translation>เชิญ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="130"/>
        <source>Present</source>
        <translation>มาแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="131"/>
        <source>Ideas</source>
        <translation>ความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="132"/>
        <source>Projects</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="133"/>
        <source>Vote rounds</source>
        <translation>รอบลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="290"/>
        <source>Issue {number}: {title}</source>
        <translation>ประเด็นที่ {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="294"/>
        <source>Issue {number}: (none in this workshop)</source>
        <translation>ประเด็นที่ {number}: (งานประชุมนี้ไม่มีประเด็นนี้)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="337"/>
        <source>Alike</source>
        <translation>คล้าย</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="338"/>
        <source>Idea</source>
        <translation>ความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="339"/>
        <source>Looks like</source>
        <translation>คล้ายกับ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="348"/>
        <source>Issue {number} · {workshop}</source>
        <translation>ประเด็นที่ {number} · {workshop}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="442"/>
        <source>Provincial view: {server}</source>
        <translation>มุมมองระดับจังหวัด: {server}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="449"/>
        <source>Read-only: workshops are changed on the laptops and arrive here when they sync. Refresh (F5) reads the server again.</source>
        <translation>ดูได้อย่างเดียว: ข้อมูลงานประชุมแก้ไขที่เครื่องของแต่ละงาน แล้วส่งมาที่นี่เมื่อซิงก์ กดโหลดใหม่ (F5) เพื่ออ่านจากเซิร์ฟเวอร์อีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="458"/>
        <source>Refresh</source>
        <translation>โหลดใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="462"/>
        <source>Refresh (F5)</source>
        <translation>โหลดใหม่ (F5)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="505"/>
        <location filename="../../workshop_app/ui/provincial_view.py" line="681"/>
        <source>Possible duplicates across workshops</source>
        <translation>ความคิดเห็นที่อาจซ้ำกันระหว่างงานประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="565"/>
        <source>Reading the server…</source>
        <translation>กำลังอ่านจากเซิร์ฟเวอร์…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="566"/>
        <source>Stop</source>
        <translation>หยุด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="578"/>
        <source>Cannot read from the server {server}: {reason}</source>
        <translation>อ่านข้อมูลจากเซิร์ฟเวอร์ {server} ไม่สำเร็จ: {reason}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="622"/>
        <source>Stopped: the tables show what was read before.</source>
        <translation>หยุดอ่านแล้ว ตารางแสดงข้อมูลที่อ่านไว้ก่อนหน้า</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/provincial_view.py" line="639"/>
        <source>%n workshop(s) on the server</source>
        <translation>
            <numerusform>มีงานประชุมบนเซิร์ฟเวอร์ %n งาน</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="675"/>
        <source>Select two or more workshops (Ctrl+click) to see their ideas side by side and the ideas that look alike.</source>
        <translation>เลือกงานประชุมตั้งแต่สองงานขึ้นไป (กด Ctrl ค้างไว้แล้วคลิก) เพื่อดูความคิดเห็นเทียบกันและความคิดเห็นที่คล้ายกัน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/provincial_view.py" line="699"/>
        <source>Ideas on the boards of {count} workshops, grouped by strategic issue number.</source>
        <translation>ความคิดเห็นบนกระดานของงานประชุม {count} งาน จัดกลุ่มตามลำดับที่ของประเด็นยุทธศาสตร์</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/provincial_view.py" line="708"/>
        <source>Possible duplicates across workshops: the %n most alike pairs</source>
        <translation>
            <numerusform>ความคิดเห็นที่อาจซ้ำกันระหว่างงานประชุม: %n คู่ที่คล้ายกันที่สุด</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/provincial_view.py" line="711"/>
        <source>Possible duplicates across workshops: %n pair(s)</source>
        <translation>
            <numerusform>ความคิดเห็นที่อาจซ้ำกันระหว่างงานประชุม: %n คู่</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferenceListsDialog</name>
    <message>
        <location filename="../../workshop_app/ui/plan_dialogs.py" line="151"/>
        <source>Reference lists</source>
        <translation>รายการอ้างอิง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/plan_dialogs.py" line="168"/>
        <source>One entry per line. The dropdowns and the workbooks offer these.</source>
        <translation>บรรทัดละหนึ่งรายการ รายการเหล่านี้จะแสดงในช่องเลือกและในแฟ้ม Excel</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="59"/>
        <source>Type a name, organisation or number, then Enter to check in</source>
        <translation>พิมพ์ชื่อ หน่วยงาน หรือเลขที่ แล้วกด Enter เพื่อลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="87"/>
        <source>Walk-in registration (F2)</source>
        <translation>ลงทะเบียนหน้างาน (F2)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="89"/>
        <source>Edit details (F4)</source>
        <translation>แก้ไขข้อมูล (F4)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="91"/>
        <source>Cancel check-in</source>
        <translation>ยกเลิกการลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="181"/>
        <source>{count} shown</source>
        <translation>แสดง {count} คน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="183"/>
        <source>first {count} shown: type more to narrow</source>
        <translation>แสดง {count} คนแรก พิมพ์เพิ่มเพื่อกรองให้แคบลง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="229"/>
        <source>Present {present} of {invited} invited</source>
        <translation>มาแล้ว {present} จากผู้ได้รับเชิญ {invited} คน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="262"/>
        <source>Nobody matches. Press F2 to register a walk-in.</source>
        <translation>ไม่พบรายชื่อ กด F2 เพื่อลงทะเบียนหน้างาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="271"/>
        <source>{name} (no. {code}) already checked in at {time}.</source>
        <translation>{name} (เลขที่ {code}) ลงทะเบียนไปแล้วเมื่อ {time}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="281"/>
        <source>Checked in: {name} (no. {code}), {sector}.</source>
        <translation>ลงทะเบียนแล้ว: {name} (เลขที่ {code}) {sector}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="294"/>
        <source>Check-in of {name} cancelled.</source>
        <translation>ยกเลิกการลงทะเบียนของ {name} แล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="357"/>
        <source>Walk-in registered and checked in: {name}.</source>
        <translation>ลงทะเบียนหน้างานแล้ว: {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="93"/>
        <source>Stands in for a member…</source>
        <translation>มาประชุมแทนกรรมการ…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="194"/>
        <source>Day {number}: {date}</source>
        <translation>วันที่ {number}: {date}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="267"/>
        <source>{name} (no. {code}) already checked in for this day.</source>
        <translation>{name} (เลขที่ {code}) ลงทะเบียนของวันนี้แล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="312"/>
        <source>(nobody: not a stand-in)</source>
        <translation>(ไม่ได้มาประชุมแทนผู้ใด)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="320"/>
        <source>Stands in for</source>
        <translation>มาประชุมแทน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/registration_page.py" line="321"/>
        <source>{name} stands in for:</source>
        <translation>{name} มาประชุมแทน:</translation>
    </message>
</context>
<context>
    <name>ResultsChart</name>
    <message>
        <location filename="../../workshop_app/ui/results_chart.py" line="30"/>
        <source>No sector</source>
        <translation>ไม่ระบุภาคส่วน</translation>
    </message>
</context>
<context>
    <name>ServerAddressDialog</name>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="118"/>
        <source>Address printed on the phone cards</source>
        <translation>ที่อยู่ที่พิมพ์บนบัตรเข้าร่วมทางโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="120"/>
        <source>Start the phone server</source>
        <translation>เปิดเซิร์ฟเวอร์สำหรับโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="130"/>
        <source>{address}  (every network)</source>
        <translation>{address}  (ทุกเครือข่าย)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="133"/>
        <source>{address}  (this laptop only, for a test)</source>
        <translation>{address}  (เฉพาะเครื่องนี้ สำหรับทดสอบ)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="145"/>
        <source>The cards hold this address: start the phone server on it at the venue (with the team&apos;s own travel router the laptop usually keeps its address).</source>
        <translation>บัตรจะพิมพ์ที่อยู่นี้ไว้ ที่สถานที่จัดงานให้เปิดเซิร์ฟเวอร์สำหรับโทรศัพท์ที่ที่อยู่นี้ (หากใช้เราเตอร์พกพาของทีมงานเอง เครื่องนี้มักได้ที่อยู่เดิม)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="150"/>
        <source>Choose the network the phones are on (the travel router or the venue&apos;s Wi-Fi). Phones open the address shown once the server runs.</source>
        <translation>เลือกเครือข่ายที่โทรศัพท์ของผู้เข้าร่วมเชื่อมต่ออยู่ (เราเตอร์พกพาหรือ Wi-Fi ของสถานที่) เมื่อเปิดเซิร์ฟเวอร์แล้ว ผู้เข้าร่วมเปิดที่อยู่ที่แสดงได้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="159"/>
        <source>Choose</source>
        <translation>เลือก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="159"/>
        <source>Start</source>
        <translation>เปิดเซิร์ฟเวอร์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="164"/>
        <source>Network address</source>
        <translation>ที่อยู่เครือข่าย</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/phone_panel.py" line="165"/>
        <source>Port</source>
        <translation>พอร์ต</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="131"/>
        <source>e.g. 09.00</source>
        <translation>เช่น 09.00</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="170"/>
        <source>Title</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="171"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="172"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="173"/>
        <source>Fiscal year (B.E.)</source>
        <translation>ปีงบประมาณ (พ.ศ.)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="177"/>
        <source>Dates (first, last)</source>
        <translation>วันที่ (วันแรก วันสุดท้าย)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="181"/>
        <source>Start and end time</source>
        <translation>เวลาเริ่มและเลิกประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="182"/>
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="183"/>
        <source>Chair</source>
        <translation>ประธาน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="184"/>
        <source>Organiser</source>
        <translation>ผู้จัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="189"/>
        <source>Meeting no. / B.E. year</source>
        <translation>ครั้งที่ / พ.ศ.</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="190"/>
        <source>Privacy notice shown at registration</source>
        <translation>ประกาศความเป็นส่วนตัวที่แจ้งผู้ลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="191"/>
        <source>Glossary (the workshop&apos;s own words, one per line)</source>
        <translation>คำเฉพาะของงานประชุม (บรรทัดละหนึ่งคำ)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="192"/>
        <source>Workshop</source>
        <translation>งานประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="200"/>
        <source>Goal</source>
        <translation>เป้าประสงค์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="202"/>
        <source>Strategic issues</source>
        <translation>ประเด็นการพัฒนา</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="208"/>
        <source>Notes</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="210"/>
        <source>Agenda</source>
        <translation>ระเบียบวาระ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="214"/>
        <source>Sectors</source>
        <translation>ภาคส่วน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="224"/>
        <source>Colour...</source>
        <translation>เลือกสี...</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="377"/>
        <source>Delete {title}</source>
        <translation>ลบ {title}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="385"/>
        <source>Delete sector {name}</source>
        <translation>ลบภาคส่วน {name}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="415"/>
        <source>&apos;{text}&apos; is not a date. Type it like 25/5/2569.</source>
        <translation>&apos;{text}&apos; ไม่ใช่วันที่ กรุณาพิมพ์แบบ 25/5/2569</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="452"/>
        <source>Strategic issue {number}</source>
        <translation>ประเด็นการพัฒนาที่ {number}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="462"/>
        <source>New agenda item</source>
        <translation>ระเบียบวาระใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="474"/>
        <source>New sector {number}</source>
        <translation>ภาคส่วนใหม่ {number}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="496"/>
        <source>Sector colour</source>
        <translation>สีของภาคส่วน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="360"/>
        <source>Edit the workshop set-up</source>
        <translation>แก้ไขการตั้งค่างานประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/setup_page.py" line="185"/>
        <source>Vision</source>
        <translation>วิสัยทัศน์</translation>
    </message>
</context>
<context>
    <name>SigninSheetButton</name>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="77"/>
        <source>Sign-in sheet…</source>
        <translation>แบบลงทะเบียน…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="79"/>
        <source>The sheet attendees sign at the door (PDF)</source>
        <translation>แบบลงทะเบียนให้ผู้เข้าร่วมลงลายมือชื่อหน้างาน (PDF)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="108"/>
        <source>Address printed in the sign-in sheet&apos;s QR codes</source>
        <translation>ที่อยู่ที่พิมพ์ในคิวอาร์โค้ดบนแบบลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="115"/>
        <source>Sign-in sheet</source>
        <translation>แบบลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="117"/>
        <source>Export sign-in sheet</source>
        <translation>ส่งออกแบบลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="117"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="149"/>
        <source>Wrote the sign-in sheet of {count} people to {path}</source>
        <translation>บันทึกแบบลงทะเบียน {count} คนไว้ที่ {path} แล้ว</translation>
    </message>
</context>
<context>
    <name>SigninSheetDialog</name>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="39"/>
        <source>Sign-in sheet</source>
        <translation>แบบลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="42"/>
        <source>Grouped by sector</source>
        <translation>แยกตามภาคส่วน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="43"/>
        <source>All in name order</source>
        <translation>เรียงตามชื่อทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="44"/>
        <source>Numbers and dates in Thai digits</source>
        <translation>ตัวเลขและวันที่เป็นเลขไทย</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="46"/>
        <source>Each person&apos;s phone QR code on their row</source>
        <translation>พิมพ์คิวอาร์โค้ดสำหรับโทรศัพท์ของแต่ละคนในแถวของตน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="50"/>
        <source>For a meeting with phones: the code opens the participant page signed in as that person, like their phone card (rows get taller, so the sheet takes more pages).</source>
        <translation>สำหรับการประชุมที่ใช้โทรศัพท์: คิวอาร์โค้ดเปิดหน้าผู้เข้าร่วมในชื่อของคนนั้น เหมือนบัตรเข้าร่วมทางโทรศัพท์ (แถวจะสูงขึ้น แบบลงทะเบียนจึงมีจำนวนหน้ามากขึ้น)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="60"/>
        <source>Export…</source>
        <translation>ส่งออก…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/signin_sheet_action.py" line="64"/>
        <source>Order</source>
        <translation>การเรียงลำดับ</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="146"/>
        <source>Keep the current version of “{item}”</source>
        <translation>คงฉบับปัจจุบันของ “{item}”</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="168"/>
        <source>Take the other version of “{item}”</source>
        <translation>ใช้อีกฉบับหนึ่งของ “{item}”</translation>
    </message>
</context>
<context>
    <name>SyncModels</name>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="88"/>
        <source>Data</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="89"/>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="90"/>
        <source>This version written</source>
        <translation>ฉบับนี้แก้ไขเมื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="91"/>
        <source>Current version written</source>
        <translation>ฉบับปัจจุบันแก้ไขเมื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="92"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="109"/>
        <source>Written on {device}</source>
        <translation>แก้ไขที่{device}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="119"/>
        <source>Field</source>
        <translation>ช่องข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="120"/>
        <source>This version</source>
        <translation>ฉบับนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="121"/>
        <source>Current version</source>
        <translation>ฉบับปัจจุบัน</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="158"/>
        <source>Bundle file (USB stick)</source>
        <translation>แฟ้มชุดข้อมูล (แฟลชไดรฟ์)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="161"/>
        <source>Copy data to a computer without the internet: export a bundle file, carry it on a USB stick, and import it there. Importing the same file twice changes nothing.</source>
        <translation>ส่งข้อมูลไปเครื่องอื่นโดยไม่ต้องใช้อินเทอร์เน็ต: ส่งออกเป็นแฟ้มชุดข้อมูล คัดลอกใส่แฟลชไดรฟ์ แล้วนำเข้าที่เครื่องปลายทาง นำเข้าแฟ้มเดิมซ้ำก็ไม่ทำให้ข้อมูลเปลี่ยน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="167"/>
        <source>This workshop only</source>
        <translation>เฉพาะงานประชุมนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="168"/>
        <source>All workshops in this database file</source>
        <translation>ทุกงานประชุมในแฟ้มฐานข้อมูลนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="176"/>
        <source>Export bundle…</source>
        <translation>ส่งออกแฟ้มชุดข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="178"/>
        <source>Import bundle…</source>
        <translation>นำเข้าแฟ้มชุดข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="192"/>
        <source>Provincial server</source>
        <translation>เซิร์ฟเวอร์ของจังหวัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="197"/>
        <source>never saved</source>
        <translation>โปรแกรมไม่บันทึกรหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="198"/>
        <source>Sync now</source>
        <translation>ซิงก์ตอนนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="202"/>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="203"/>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="212"/>
        <source>Province key</source>
        <translation>กุญแจจังหวัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="216"/>
        <source>Choose key file…</source>
        <translation>เลือกแฟ้มกุญแจ…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="218"/>
        <source>Clear</source>
        <translation>เลิกใช้กุญแจ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="234"/>
        <source>What arrived</source>
        <translation>ข้อมูลที่ได้รับ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="235"/>
        <source>Nothing imported or synced yet.</source>
        <translation>ยังไม่ได้นำเข้าหรือซิงก์ข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="192"/>
        <source>Conflicting edits to review</source>
        <translation>การแก้ไขที่ขัดแย้งกัน รอตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="198"/>
        <source>Two computers changed the same item without seeing each other&apos;s change. The later change is in use; the other version is kept here until you choose.</source>
        <translation>มีสองเครื่องแก้ไขรายการเดียวกันโดยไม่เห็นการแก้ไขของกันและกัน ขณะนี้ใช้ฉบับที่แก้ไขทีหลัง ส่วนอีกฉบับเก็บไว้ที่นี่จนกว่าท่านจะเลือก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="206"/>
        <source>Show resolved</source>
        <translation>แสดงรายการที่ตัดสินแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="238"/>
        <source>Keep current</source>
        <translation>คงฉบับปัจจุบัน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="240"/>
        <source>The version in use stays; this one is set aside.</source>
        <translation>ใช้ฉบับปัจจุบันต่อไป และพักฉบับนี้ไว้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="245"/>
        <source>Take this version</source>
        <translation>ใช้ฉบับนี้แทน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="247"/>
        <source>This version replaces the one in use (which is kept for review).</source>
        <translation>ใช้ฉบับนี้แทนฉบับปัจจุบัน (ฉบับปัจจุบันยังเก็บไว้ตรวจสอบได้)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="292"/>
        <source>%n conflict(s) waiting for a decision</source>
        <translation>
            <numerusform>รอการตัดสิน %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="293"/>
        <source>No conflicts waiting for a decision.</source>
        <translation>ไม่มีรายการรอการตัดสิน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="309"/>
        <source>Waiting</source>
        <translation>รอตัดสิน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="310"/>
        <source>Current kept</source>
        <translation>คงฉบับปัจจุบันแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="311"/>
        <source>This version taken</source>
        <translation>ใช้ฉบับนี้แล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="312"/>
        <source>Replaced</source>
        <translation>ถูกแทนที่แล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="415"/>
        <source>this computer</source>
        <translation>เครื่องนี้</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="416"/>
        <source>computer {id}</source>
        <translation>เครื่อง {id}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="348"/>
        <source>Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="350"/>
        <source>No</source>
        <translation>ไม่ใช่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/conflict_review.py" line="376"/>
        <source>“{item}” ({table}): this version was written {version} on {device}; the current one {current}</source>
        <translation>“{item}” ({table}): ฉบับนี้แก้ไขเมื่อ {version} ที่{device} ส่วนฉบับปัจจุบันแก้ไขเมื่อ {current}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="679"/>
        <source>Synced with {server} at {time}</source>
        <translation>ซิงก์กับ {server} แล้ว เมื่อ {time}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="312"/>
        <source>Key file: {path}
Exported bundles are signed; only signed bundles are imported.</source>
        <translation>แฟ้มกุญแจ: {path}
แฟ้มชุดข้อมูลที่ส่งออกจะลงลายมือชื่อ และนำเข้าได้เฉพาะแฟ้มที่ลงลายมือชื่อแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="318"/>
        <source>No province key: bundles are not signed, and any bundle is imported.</source>
        <translation>ยังไม่ได้ตั้งกุญแจจังหวัด: แฟ้มชุดข้อมูลจะไม่ลงลายมือชื่อ และนำเข้าได้ทุกแฟ้ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="325"/>
        <source>Choose the province key file</source>
        <translation>เลือกแฟ้มกุญแจจังหวัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="327"/>
        <source>All files (*)</source>
        <translation>ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="345"/>
        <source>Province key set.</source>
        <translation>ตั้งกุญแจจังหวัดแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="345"/>
        <source>Province key cleared.</source>
        <translation>เลิกใช้กุญแจจังหวัดแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="420"/>
        <source>Export bundle</source>
        <translation>ส่งออกแฟ้มชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="422"/>
        <source>Workshop bundles (*.wsbundle)</source>
        <translation>แฟ้มชุดข้อมูลงานประชุม (*.wsbundle)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="448"/>
        <source>Writing {file}…</source>
        <translation>กำลังเขียน {file}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="454"/>
        <source>Wrote %n row(s) of {workshops} to {path}.</source>
        <translation>
            <numerusform>บันทึกข้อมูล %n แถวของ{workshops} ลงแฟ้ม {path} แล้ว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="455"/>
        <source>%n workshop(s)</source>
        <translation>
            <numerusform>งานประชุม %n งาน</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="174"/>
        <source>Leave out phone numbers, e-mails and diet or access needs</source>
        <translation>ไม่ใส่เบอร์โทรศัพท์ อีเมล และความต้องการด้านอาหารหรือการเข้าถึง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="458"/>
        <source>Signed and encrypted with the province key.</source>
        <translation>ลงลายมือชื่อและเข้ารหัสด้วยกุญแจจังหวัดแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="460"/>
        <source>Without contact details.</source>
        <translation>ไม่รวมข้อมูลติดต่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="712"/>
        <source>This server is new or was restored from a backup: everything on this computer was sent to it again.</source>
        <translation>เซิร์ฟเวอร์นี้เป็นเครื่องใหม่หรือถูกกู้คืนจากข้อมูลสำรอง จึงส่งข้อมูลทั้งหมดในเครื่องนี้ไปให้อีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="475"/>
        <source>Import bundle</source>
        <translation>นำเข้าแฟ้มชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="467"/>
        <source>Export cancelled: no file was written.</source>
        <translation>ยกเลิกการส่งออกแล้ว ไม่ได้สร้างแฟ้มใด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="477"/>
        <source>Workshop bundles (*.wsbundle *.zip);;All files (*)</source>
        <translation>แฟ้มชุดข้อมูลงานประชุม (*.wsbundle *.zip);;ทุกแฟ้ม (*)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="495"/>
        <source>Importing {file}…</source>
        <translation>กำลังนำเข้า {file}…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="506"/>
        <source>Import cancelled: nothing was changed.</source>
        <translation>ยกเลิกการนำเข้าแล้ว ข้อมูลไม่ถูกเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="518"/>
        <source>signed with the province key</source>
        <translation>ลงลายมือชื่อด้วยกุญแจจังหวัด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="518"/>
        <source>not signed</source>
        <translation>ไม่ได้ลงลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="521"/>
        <source>From {file}: made {made} on {device} (app {version}), {signed}.
Workshops: {titles}</source>
        <translation>จากแฟ้ม {file}: สร้างเมื่อ {made} ที่{device} (โปรแกรมรุ่น {version}) {signed}
งานประชุม: {titles}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="535"/>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="694"/>
        <source>Data</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="536"/>
        <source>New</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="537"/>
        <source>Updated</source>
        <translation>ปรับปรุง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="538"/>
        <source>Unchanged</source>
        <translation>เหมือนเดิม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="539"/>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="698"/>
        <source>Conflicts</source>
        <translation>ขัดแย้ง</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="547"/>
        <source>Imported {file}: %n row(s) new or updated.</source>
        <translation>
            <numerusform>นำเข้า {file} แล้ว: ข้อมูลใหม่หรือปรับปรุง %n แถว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="552"/>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="720"/>
        <source>%n conflicting edit(s) to review on the right.</source>
        <translation>
            <numerusform>มีการแก้ไขที่ขัดแย้งกัน %n รายการ รอตรวจสอบด้านขวา</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="592"/>
        <source>Total</source>
        <translation>รวม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="610"/>
        <source>Type the server&apos;s address first.</source>
        <translation>กรุณาพิมพ์ที่อยู่เซิร์ฟเวอร์ก่อน</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="639"/>
        <source>Sending to the server… %n row(s)</source>
        <translation>
            <numerusform>กำลังส่งไปเซิร์ฟเวอร์… %n แถว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="641"/>
        <source>Receiving from the server… %n row(s)</source>
        <translation>
            <numerusform>กำลังรับจากเซิร์ฟเวอร์… %n แถว</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="629"/>
        <source>Connecting to {server}…</source>
        <translation>กำลังติดต่อ {server}…</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="695"/>
        <source>Sent</source>
        <translation>ส่งไป</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="696"/>
        <source>Received new</source>
        <translation>รับมาใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="697"/>
        <source>Received updated</source>
        <translation>รับมาปรับปรุง</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="705"/>
        <source>Sync done: %n row(s) sent</source>
        <translation>
            <numerusform>ซิงก์เสร็จแล้ว: ส่งไป %n แถว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="707"/>
        <source>%n row(s) received.</source>
        <translation>
            <numerusform>รับมา %n แถว</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="561"/>
        <source>Number {old} was held twice: {name} is now {new}.</source>
        <translation>เลขทะเบียน {old} ซ้ำกัน: {name} ได้เลขใหม่ {new}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="568"/>
        <source>New registration numbers (badges printed with the old number need the new one):</source>
        <translation>เลขทะเบียนใหม่ (ป้ายชื่อที่พิมพ์เลขเดิมไว้ ต้องแก้เป็นเลขใหม่):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="575"/>
        <source>%n person(s) got a new registration number: see the list under the summary.</source>
        <translation>
            <numerusform>%n คนได้เลขทะเบียนใหม่ ดูรายชื่อใต้ตารางสรุป</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/sync_page.py" line="655"/>
        <source>Sync cancelled after sending {sent} and receiving {received} row(s). What was sent or received is kept; sync again to carry on from there.</source>
        <translation>ยกเลิกการซิงก์แล้ว หลังส่ง {sent} แถว และรับ {received} แถว ข้อมูลที่ส่งหรือรับแล้วยังอยู่ครบ ซิงก์อีกครั้งจะทำต่อจากที่ค้างไว้</translation>
    </message>
</context>
<context>
    <name>ThaiDateEdit</name>
    <message>
        <location filename="../../workshop_app/ui/widgets.py" line="41"/>
        <source>e.g. 25/5/2569</source>
        <translation>เช่น 25/5/2569</translation>
    </message>
</context>
<context>
    <name>TimerBox</name>
    <message>
        <location filename="../../workshop_app/ui/board_timer.py" line="25"/>
        <source>Timer and projector</source>
        <translation>ตัวจับเวลาและจอโปรเจกเตอร์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_timer.py" line="34"/>
        <source> min</source>
        <translation> นาที</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_timer.py" line="40"/>
        <source>Reset</source>
        <translation>ตั้งใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_timer.py" line="46"/>
        <source>Projector shows all issues</source>
        <translation>จอโปรเจกเตอร์แสดงทุกประเด็น</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_timer.py" line="61"/>
        <source>Hide projector (F9)</source>
        <translation>ปิดจอโปรเจกเตอร์ (F9)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_timer.py" line="61"/>
        <source>Show on projector (F9)</source>
        <translation>แสดงบนจอโปรเจกเตอร์ (F9)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_timer.py" line="66"/>
        <source>Pause</source>
        <translation>หยุดชั่วคราว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/board_timer.py" line="66"/>
        <source>Start</source>
        <translation>เริ่ม</translation>
    </message>
</context>
<context>
    <name>VotingPage</name>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="88"/>
        <source>New round...</source>
        <translation>สร้างรอบใหม่...</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="91"/>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="273"/>
        <source>Open voting</source>
        <translation>เปิดลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="94"/>
        <source>Close voting</source>
        <translation>ปิดการลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="97"/>
        <source>Delete round</source>
        <translation>ลบรอบ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="99"/>
        <source>Results on the projector</source>
        <translation>แสดงผลบนจอโปรเจกเตอร์</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="102"/>
        <source>Ballot screen for voters...</source>
        <translation>จอลงคะแนนสำหรับผู้เข้าร่วม...</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="135"/>
        <source>Registration number (empty: an anonymous paper form)</source>
        <translation>เลขทะเบียน (เว้นว่าง: บัตรกระดาษไม่ระบุชื่อ)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="139"/>
        <source>Save ballot (Ctrl+Enter)</source>
        <translation>บันทึกบัตร (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="146"/>
        <source>Withdraw selected ballot</source>
        <translation>ถอนบัตรที่เลือก</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="160"/>
        <source>Balance sectors (each sector weighs the same)</source>
        <translation>ถ่วงภาคส่วน (ทุกภาคส่วนมีน้ำหนักเท่ากัน)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="193"/>
        <source>Results</source>
        <translation>ผลการลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="194"/>
        <source>Paper tallies</source>
        <translation>ยอดนับจากกระดาษ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="195"/>
        <source>Ballots</source>
        <translation>บัตรลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="273"/>
        <source>Reopen voting</source>
        <translation>เปิดลงคะแนนอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="284"/>
        <source>No vote round yet: make one with New round.</source>
        <translation>ยังไม่มีรอบการลงคะแนน กด สร้างรอบใหม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="366"/>
        <source>Rank {rank}</source>
        <translation>อันดับ {rank}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="370"/>
        <source>All</source>
        <translation>รวมทุกสี</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="381"/>
        <source>Criteria scores are entered sheet by sheet on the Ballots tab.</source>
        <translation>คะแนนตามเกณฑ์บันทึกทีละใบในแท็บ บัตรลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="389"/>
        <source>Counts from the wall: type a number and Enter. Sticker colours by sector go in their sector&apos;s column; counts of mixed colours in All.</source>
        <translation>ยอดนับจากผนัง: พิมพ์ตัวเลขแล้วกด Enter สติกเกอร์สีของภาคส่วนใส่ในช่องของภาคส่วนนั้น สติกเกอร์ปนกันใส่ในช่อง รวมทุกสี</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="393"/>
        <source>For each idea: how many paper forms put it at each rank.</source>
        <translation>แต่ละความคิด: จำนวนบัตรกระดาษที่ให้อยู่ในแต่ละอันดับ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="418"/>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="574"/>
        <source>Idea</source>
        <translation>ความคิด</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="461"/>
        <source>Row {row}: “{text}” is not a whole number.</source>
        <translation>แถวที่ {row}: “{text}” ไม่ใช่จำนวนเต็ม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="170"/>
        <source>Already voted</source>
        <translation>ลงคะแนนแล้ว</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/ballot_screen.py" line="171"/>
        <source>{name} has voted in this round already. Replace that ballot?</source>
        <translation>{name} ลงคะแนนในรอบนี้แล้ว ต้องการแทนที่บัตรเดิมหรือไม่</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="527"/>
        <source>No.</source>
        <translation>เลขทะเบียน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="527"/>
        <source>Voter</source>
        <translation>ผู้ลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="527"/>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="600"/>
        <source>Sector</source>
        <translation>ภาคส่วน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="527"/>
        <source>Cast by</source>
        <translation>วิธีส่ง</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="533"/>
        <source>(anonymous paper form)</source>
        <translation>(บัตรกระดาษไม่ระบุชื่อ)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="560"/>
        <source>No results yet</source>
        <translation>ยังไม่มีผล</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="568"/>
        <source>{ballots} ballots ({cast}); {paper} counted on paper</source>
        <translation>บัตร {ballots} ใบ ({cast}) ยอดนับจากกระดาษ {paper}</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="574"/>
        <source>Rank</source>
        <translation>อันดับ</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="574"/>
        <source>Score</source>
        <translation>คะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="574"/>
        <source>Voters</source>
        <translation>ผู้ลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="592"/>
        <source>No votes yet</source>
        <translation>ยังไม่มีการลงคะแนน</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="601"/>
        <source>Present (stickers: voters not counted)</source>
        <translation>มาประชุม (ติดสติกเกอร์: ไม่ได้นับผู้ลงคะแนน)</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="603"/>
        <source>Voted / present</source>
        <translation>ลงคะแนน / มาประชุม</translation>
    </message>
    <message>
        <location filename="../../workshop_app/ui/pages/voting_page.py" line="612"/>
        <source>Total</source>
        <translation>รวม</translation>
    </message>
</context>
</TS>
