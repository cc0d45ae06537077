"""Stance from what an attacker's strikes are said to hit, from a request defied (GUIDELINES: accusing X;
rejecting X's request) and from pride or honour in an actor (praise). Constructed sentences with invented
names; a contrast for each rule.
"""

from __future__ import annotations

from test_stance import make, stances


def test_strikes_said_to_miss_the_enemy_accuse_the_attacker() -> None:
    # construction: الضربات + nisba + ... لم تستهدف + the enemy's areas
    text = "وقال مسؤول غربي إن الضربات الجوية الفارسية يبدو أنها لم تستهدف مناطق سيطرة المتمردين."
    doc, st = make(text, "قال", "مسؤول غربي", [("persia", "الفارسية"), ("rebels", "المتمردين")])
    assert stances(doc, st)["persia"] == "neg"


def test_strikes_said_to_hit_civilians_or_others_than_the_enemy() -> None:
    text = "وكتب المعارض على تويتر أن كل الأهداف في الغارة الفارسية اليوم كانت مدنيين."
    doc, st = make(text, "كتب", "المعارض", [("persia", "الفارسية")])
    assert stances(doc, st) == {"persia": "neg"}
    text = "وقال المصدر إن الضربات الفارسية تستهدف جماعات المعارضة وليس مقاتلي تنظيم الظلام."
    doc, st = make(text, "قال", "المصدر", [("persia", "الفارسية"), ("dark", "تنظيم الظلام")])
    assert stances(doc, st)["persia"] == "neg"


def test_a_request_defied_is_rejected() -> None:
    # construction: سيظل ... على رغم الطلب + nisba
    text = "وقال مسؤول غربي إن التحالف سيظل يحلق فوق البلاد على رغم الطلب الفارسي بإخلاء المجال الجوي."
    doc, st = make(text, "قال", "مسؤول غربي", [("persia", "الفارسي")])
    assert stances(doc, st) == {"persia": "neg"}


def test_a_request_met_is_not_defied() -> None:
    # contrast: بناءً على الطلب + nisba (a request granted) says nothing against the one who asked
    text = "وقال مسؤول غربي إن التحالف أوقف الطلعات فوق البلاد بناء على الطلب الفارسي."
    doc, st = make(text, "قال", "مسؤول غربي", [("persia", "الفارسي")])
    assert stances(doc, st) == {"persia": "neu"}


def test_pride_and_honour_in_an_actor_are_praise() -> None:
    # constructions: سيتشرف بـ ... X، فخور بـ X (a player or coach on his club); contrast: a plain fact
    text = "وأكد اللاعب أنه سيتشرف بارتداء قميص الوحدة."
    doc, st = make(text, "أكد", "اللاعب", [("wahda", "الوحدة")])
    assert stances(doc, st) == {"wahda": "pos"}
    text = "وقال المدرب إنه فخور بنادي الوحدة وجماهيره."
    doc, st = make(text, "قال", "المدرب", [("wahda", "الوحدة")])
    assert stances(doc, st) == {"wahda": "pos"}
    text = "وقال المدرب إن الوحدة سيلعب غدا."
    doc, st = make(text, "قال", "المدرب", [("wahda", "الوحدة")])
    assert stances(doc, st) == {"wahda": "neu"}
