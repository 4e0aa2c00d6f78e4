"""Words the segmenter must know beyond the general dictionary: Thai place names and
the words of provincial administration.

Place names: every province, district and subdistrict, from the ``geothai`` package
(code MIT; its data from the Department of Provincial Administration, CC BY 4.0, see the
package's NOTICE). Without them the dictionary cuts names into syllables a Thai reader
never would ("ปา|ดัง|เบ|ซาร์", "จะ|นะ", "บาง|น้ำ|เปรี้ยว"), and a line may then break
inside a name.

Official words: agencies, positions and compounds of government prose that readers see
as one word ("สำนักงาน", "โยธาธิการ", "ราชภัฏ…", "ผู้ว่าราชการจังหวัด").

``unsplittable`` lists what a layout must never cut even when a word is too long for its
line: the place names and the short compounds; a long compound ("องค์กรปกครองส่วน
ท้องถิ่น") may still go over two lines between its own words.
"""

from __future__ import annotations

import functools

import geothai

# Administrative prefixes written before a place name without a space, kept with it
# ("อำเภอจะนะ", "เทศบาลนครหาดใหญ่"). Fewer forms for subdistricts: there are 7,436 of
# them, and every word added costs dictionary loading time.
_DISTRICT_PREFIXES = ("อำเภอ", "เทศบาลเมือง", "เทศบาลนคร")
_SUBDISTRICT_PREFIXES = ("ตำบล",)
_PROVINCE_PREFIXES = ("จังหวัด",)

# Agencies, positions and compounds of provincial government prose.
OFFICIAL_WORDS = (
    # compounds readers see as one word
    "สำนักงาน",
    "โครงการ",
    "จัดการ",
    "บริหารจัดการ",
    "ท้องถิ่น",
    "ชายแดน",
    "โยธาธิการ",
    "ผังเมือง",
    "สาธารณสุข",
    "สาธารณภัย",
    "ศึกษาธิการ",
    "ประชาสังคม",
    "ประชาคม",
    "ยุทธศาสตร์",
    "งบประมาณ",
    "ปีงบประมาณ",
    "บูรณาการ",
    "รัฐวิสาหกิจ",
    "วิสาหกิจชุมชน",
    "ผู้ประกอบการ",
    "ทรัพยากรธรรมชาติ",
    "สิ่งแวดล้อม",
    "เศรษฐกิจ",
    "ปฏิบัติราชการ",
    "แผนปฏิบัติราชการ",
    "ส่วนราชการ",
    "ราชการ",
    "ลงพื้นที่",
    "ประชาสัมพันธ์",
    "คอนกรีตเสริมเหล็ก",
    # local government and agencies
    "องค์กรปกครองส่วนท้องถิ่น",
    "องค์การบริหารส่วนจังหวัด",
    "องค์การบริหารส่วนตำบล",
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "กรุงเทพมหานคร",
    "ที่ทำการปกครอง",
    "กลุ่มจังหวัด",
    "ศาลากลางจังหวัด",
    "ศูนย์ราชการ",
    "กรมการปกครอง",
    "กรมส่งเสริมการปกครองท้องถิ่น",
    "กระทรวงมหาดไทย",
    "สภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ",
    "สภาอุตสาหกรรม",
    "สภาหอการค้า",
    "หอการค้าจังหวัด",
    "มหาวิทยาลัยราชภัฏ",
    "ราชภัฏ",
    "ราชภัฏราชนครินทร์",
    "ราชภัฏสงขลา",
    "ราชนครินทร์",
    "สงขลานครินทร์",
    "ทักษิณ",
    # positions
    "ผู้ว่าราชการจังหวัด",
    "รองผู้ว่าราชการจังหวัด",
    "ปลัดจังหวัด",
    "หัวหน้าสำนักงานจังหวัด",
    "หัวหน้าส่วนราชการ",
    "นายอำเภอ",
    "ปลัดอำเภอ",
    "กำนัน",
    "ผู้ใหญ่บ้าน",
    "นายกเทศมนตรี",
    "รองนายกเทศมนตรี",
    "ปลัดเทศบาล",
    "นายกองค์การบริหารส่วนจังหวัด",
    "นายกองค์การบริหารส่วนตำบล",
    "สมาชิกสภาเทศบาล",
    "ผู้อำนวยการ",
    "รองผู้อำนวยการ",
    "ผู้ทรงคุณวุฒิ",
    "คณะกรรมการ",
    "อนุกรรมการ",
    "กรรมการและเลขานุการ",
    "เลขานุการ",
    "ผู้แทน",
    "ผู้แทนภาคเอกชน",
    "ผู้แทนภาคประชาชน",
    # the words of a meeting's record ("ตาม|ระเบียบวาระ", not "ตามระเบียบ|วาระ")
    "ระเบียบวาระ",
    "องค์ประชุม",
    "คะแนนเสียง",
    "งดออกเสียง",
)

# Short compounds a layout keeps whole even on a line too narrow for them.
_UNSPLITTABLE_WORDS = (
    "สำนักงาน",
    "โครงการ",
    "จัดการ",
    "ท้องถิ่น",
    "ชายแดน",
    "โยธาธิการ",
    "ผังเมือง",
    "สาธารณสุข",
    "ประชาคม",
    "งบประมาณ",
    "บูรณาการ",
    "ราชภัฏ",
    "ราชนครินทร์",
    "ยุทธศาสตร์",
    "เศรษฐกิจ",
    "ผู้อำนวยการ",
    "นายอำเภอ",
    "กำนัน",
    "ผู้ใหญ่บ้าน",
)


def _bare(name: str) -> str:
    # Bangkok's districts are named with their prefix "เขต" (เขตพระนคร); the name alone
    # is written too.
    return name[3:] if name.startswith("เขต") and len(name) > 5 else name


@functools.cache
def place_names() -> tuple[frozenset[str], frozenset[str]]:
    """(names, prefixed): every province, district and subdistrict name, and the same
    names written after their administrative prefix ("อำเภอจะนะ", "ตำบลคอหงส์")."""
    names: set[str] = set()
    prefixed: set[str] = set()
    for province in geothai.provinces():
        names.add(province.name_th)
        prefixed.update(p + province.name_th for p in _PROVINCE_PREFIXES)
        for district in geothai.districts(province.code):
            bare = _bare(district.name_th)
            names.update((district.name_th, bare))
            prefixed.update(p + bare for p in _DISTRICT_PREFIXES)
            for subdistrict in geothai.subdistricts(district.code):
                names.add(subdistrict.name_th)
                prefixed.update(p + subdistrict.name_th for p in _SUBDISTRICT_PREFIXES)
    return frozenset(names), frozenset(prefixed)


@functools.cache
def dictionary_words() -> frozenset[str]:
    """What the segmenter adds to its dictionary: the official words, every prefixed
    place name, and the bare names long enough not to be taken for a syllable of
    another word (a subdistrict named "ยาง" or "ดู่" is also an everyday word)."""
    names, prefixed = place_names()
    return frozenset(OFFICIAL_WORDS) | prefixed | {n for n in names if len(n) >= 4}


@functools.cache
def unsplittable() -> frozenset[str]:
    """Words a layout never cuts, even for a line too narrow for them."""
    names, _prefixed = place_names()
    return frozenset(_UNSPLITTABLE_WORDS) | {n for n in names if len(n) >= 4}
