"""The segmenter's dictionary (``PrefixSet``) answers as PyThaiNLP's Trie does."""

from __future__ import annotations

from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from workshop_app.thai.segment import PrefixSet, dictionary

PROSE = (
    "สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลาเสนอโครงการก่อสร้างถนนเชื่อมด่านศุลกากร"
    "ปาดังเบซาร์กับอำเภอสะเดา เพื่อรองรับการค้าชายแดนไทย-มาเลเซีย ที่ประชุมเห็นชอบ"
    "ให้องค์การบริหารส่วนจังหวัดและเทศบาลนครหาดใหญ่ร่วมกันบริหารจัดการน้ำในลุ่มน้ำ"
    "ทะเลสาบสงขลา ปีงบประมาณ พ.ศ. 2569 วงเงิน 12,500,000 บาท"
)


def test_prefixes_and_words_match_the_trie() -> None:
    words = ["สวัส", "สวัสดี", "ดี", "ครับ", "  ชายแดน ", "ชาย"]
    ours, theirs = PrefixSet(words), Trie(words)
    for text in ("สวัสดีครับ", "ชายแดนใต้", "ดีครับ", "xyz", ""):
        for start in range(len(text) + 1):
            assert ours.prefixes(text, start) == theirs.prefixes(text, start)
    assert sorted(ours) == sorted(theirs)
    assert len(ours) == len(theirs) == 6
    assert "ชายแดน" in ours and "ชายแด" not in ours
    ours.remove("สวัสดี")
    theirs.remove("สวัสดี")
    assert ours.prefixes("สวัสดีครับ") == theirs.prefixes("สวัสดีครับ") == ["สวัส"]
    ours.add("สวัสดีตอนเช้า")
    assert ours.prefixes("สวัสดีตอนเช้าครับ") == ["สวัส", "สวัสดีตอนเช้า"]


def test_the_dictionary_segments_as_the_trie_would() -> None:
    loaded = dictionary()
    assert isinstance(loaded, PrefixSet)
    trie = Trie(loaded)
    for start in range(len(PROSE)):
        assert loaded.prefixes(PROSE, start) == trie.prefixes(PROSE, start)
    assert word_tokenize(PROSE, custom_dict=loaded, engine="newmm") == word_tokenize(
        PROSE, custom_dict=trie, engine="newmm"
    )
