"""Well-known actors of Arabic and Gulf news in the gazetteer (orgs.tsv, places.tsv, persons.tsv): found by
their names, and common words that are also club or group names not taken for them alone.

The sentences are written for these tests (no corpus text).
"""

from __future__ import annotations

import re

import pytest

from newsgraph.entities.gazetteer import gazetteer, key_words
from newsgraph.entities.mentions import mentions_in_text
from newsgraph.lexicons import load_tsv


def _keys(text: str) -> dict[str, str | None]:
    ms = mentions_in_text(text)
    for m in ms:
        assert text[m.start:m.end] == m.text  # spans point into the original text
    return {m.text: m.key for m in ms}


@pytest.mark.parametrize(("text", "surface", "key"), [
    ("أعلنت شركة سابك أرباحها الفصلية", "شركة سابك", "org-sabic"),
    ("ارتفع سهم موبايلي في السوق", "موبايلي", "org-mobily"),
    ("قررت مؤسسة النقد العربي السعودي رفع الاحتياطي", "مؤسسة النقد العربي السعودي", "org-sama"),
    ("حذر صندوق النقد الدولي من تباطؤ النمو", "صندوق النقد الدولي", "org-imf"),
    ("أدرجت اليونسكو الموقع في قائمة التراث", "اليونسكو", "org-unesco"),
    ("عاقب الاتحاد الأوروبي لكرة القدم النادي", "الاتحاد الأوروبي لكرة القدم", "org-uefa"),
    ("اتهمت واشنطن الحرس الثوري الإيراني بتهريب السلاح", "الحرس الثوري الإيراني", "org-irgc"),
    ("هاجمت جماعة بوكو حرام قرية في الشمال", "جماعة بوكو حرام", "org-boko_haram"),
    ("قصفت طائرات التحالف العربي مواقع المتمردين", "التحالف العربي", "org-arab_coalition"),
    ("نقلت وكالة شينخوا عن المسؤول قوله", "وكالة شينخوا", "org-xinhua"),
    ("فاز الزمالك على منافسه بهدفين", "الزمالك", "org-zamalek"),
    ("تعادل القادسية الكويتي مع ضيفه", "القادسية الكويتي", "org-al_qadsia_kw"),
    ("أدى المصلون الصلاة في المسجد الحرام", "المسجد الحرام", "loc-masjid_al_haram"),
    ("أعلن الدفاع المدني في حفر الباطن إخلاء المبنى", "حفر الباطن", "gpe-sa_hafr_al_batin"),
    ("تقدمت القوات نحو الضالع", "الضالع", "gpe-ye_dhale"),
    ("باشرت فرق هيئة الهلال الأحمر السعودي الحادث", "هيئة الهلال الأحمر السعودي", "org-saudi_red_crescent"),
    ("التقى الملك عبدالله الثاني بالوفد", "عبدالله الثاني", "per-abdullah_ii_jordan"),
])
def test_well_known_actors_are_found(text: str, surface: str, key: str) -> None:
    assert _keys(text).get(surface) == key


@pytest.mark.parametrize("text", [
    "وافق الاتحاد في القرار على تعديل اللوائح",  # الاتحاد "the union"
    "أكد الطرفان أهمية التعاون بين البلدين",  # التعاون "cooperation"
    "حقق الجيش النصر في المعركة",  # النصر "victory"
    "دعا الوزير الشباب إلى العمل التطوعي",  # الشباب "the youth"
    "رحب الطرفان بالاتفاق الذي وقع أمس",  # الاتفاق "the agreement"
    "شوهد الهلال مساء أمس",  # الهلال "the crescent moon"
    "زار الوفد الأهلي المعرض",  # الأهلي "the national/private"
    "أسهم معادن ثمينة في الاحتياطي",  # معادن "metals": only شركة معادن is the company
    "شهد سوق الأسهم تداول مليون سهم",  # تداول "trading": only the exchange's full name
    "زاد رأس مال الشركات ذات رأس المال الصغير",  # not the Jordanian club ذات رأس
])
def test_common_words_that_name_clubs_are_not_matched_alone(text: str) -> None:
    assert not any(k and k.startswith("org-") for k in _keys(text).values()), _keys(text)


def test_a_club_named_with_its_head_is_then_called_by_its_name() -> None:
    keys = [(m.text, m.key) for m in mentions_in_text("فاز نادي الهلال على ضيفه وقال مدرب الهلال إن الفريق تحسن")]
    assert keys == [("نادي الهلال", "org-al_hilal"), ("الهلال", "org-al_hilal")]


def test_regnal_ordinal_is_no_short_form() -> None:
    # "النائب الثاني" is the second deputy, not King Abdullah II
    assert "per-abdullah_ii_jordan" not in _keys("وقال النائب الثاني لرئيس مجلس الوزراء إن القرار صدر").values()


def test_gazetteer_rows_are_one_referent_each() -> None:
    g = gazetteer()
    org_keys = [r[0] for r in load_tsv("orgs.tsv", columns=5)]
    place_keys = [r[0] for r in load_tsv("places.tsv", columns=4)]
    assert len(org_keys) == len(set(org_keys)) and len(place_keys) == len(set(place_keys))
    for key, typ, wd, en, ar in load_tsv("orgs.tsv", columns=5):
        assert typ in ("ORG", "LOC", "GPE") and (not wd or re.fullmatch(r"Q[1-9][0-9]*", wd)), key
        assert en and ar, key
        for name in ar.split("|"):  # every Arabic name leads to its own row (no name given to two rows)
            assert g.phrases[key_words(name)].key == f"org-{key}", name
