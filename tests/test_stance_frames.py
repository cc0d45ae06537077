"""Stance frames over several words (rejected claims, backed acts, serving interests, agreements), one test
per rule with a negated contrast for every polar rule.

The sentences are constructed (no SaudiNewsNet text is copied); each follows the construction of a sentence of
the development set /work/audit3 and the house style of the Saudi and Gulf outlets named in its comment.
"""

from __future__ import annotations

from test_stance import make, stances


def test_claims_called_false_are_against_their_holder_and_defend_their_subject() -> None:
    # al-Madina style: "تصريحات X بشأن المملكة عارية من الصحة"
    text = "وقال الأمين العام إن تصريحات زيد الحارثي بشأن الكويت عارية من الصحة."
    doc, st = make(text, "قال", "الأمين العام", [("harithi", "زيد الحارثي"), ("kuwait", "الكويت")])
    assert stances(doc, st) == {"harithi": "neg", "kuwait": "pos"}


def test_claims_not_called_false_are_neutral() -> None:
    text = "وقال الأمين العام إن تصريحات زيد الحارثي بشأن الكويت ليست عارية من الصحة."
    doc, st = make(text, "قال", "الأمين العام", [("harithi", "زيد الحارثي"), ("kuwait", "الكويت")])
    assert stances(doc, st) == {"harithi": "neu", "kuwait": "neu"}


def test_rejected_statements_after_the_speakers_apposition() -> None:
    # al-Madina style: "رفض السفير X، مساعد وزير الخارجية الأسبق، تصريحات Y السلبية التي وجهها لـZ"
    text = "ورفض السفير زيد الحارثي، مساعد وزير الخارجية الأسبق، تصريحات عمرو الصالح التي وجهها للكويت."
    doc, st = make(text, "رفض", "زيد الحارثي", [("saleh", "عمرو الصالح"), ("kuwait", "للكويت")])
    assert stances(doc, st) == {"saleh": "neg", "kuwait": "pos"}


def test_statements_not_rejected_are_neutral() -> None:
    text = "وقال السفير زيد الحارثي إنه لم يرفض تصريحات عمرو الصالح التي وجهها للكويت."
    doc, st = make(text, "قال", "زيد الحارثي", [("saleh", "عمرو الصالح"), ("kuwait", "للكويت")])
    assert stances(doc, st) == {"saleh": "neu", "kuwait": "neu"}


def test_allegations_against_a_country_defend_it() -> None:
    # al-Madina style: "استنكر ... مزاعم X ضد المملكة"
    text = "واستنكر دبلوماسيون عرب مزاعم عمرو الصالح ضد الكويت."
    doc, st = make(text, "استنكر", "دبلوماسيون", [("saleh", "عمرو الصالح"), ("kuwait", "الكويت")])
    assert stances(doc, st) == {"saleh": "neg", "kuwait": "pos"}


def test_kept_away_from_allegations_is_defended_not_accused() -> None:
    # al-Madina style: "X بعيدة تماماً عن مزاعم دعمها للإرهاب"
    text = "وأشار الأمين العام إلى أن الكويت بعيدة تماما عن مزاعم دعمها للإرهاب."
    doc, st = make(text, "أشار", "الأمين العام", [("kuwait", "الكويت")])
    assert stances(doc, st) == {"kuwait": "pos"}


def test_rejecting_a_label_defends_the_labelled() -> None:
    # al-Weeam style: "بلاده ترفض وصف X بالجماعة الإرهابية"
    text = "وقال الوزير إن بلاده ترفض وصف حركة النهضة بالجماعة الإرهابية."
    doc, st = make(text, "قال", "الوزير", [("nahda", "حركة النهضة")])
    assert stances(doc, st) == {"nahda": "pos"}


def test_a_label_not_rejected_decides_nothing() -> None:
    text = "وقال الوزير إن بلاده لا ترفض وصف حركة النهضة بالجماعة الإرهابية."
    doc, st = make(text, "قال", "الوزير", [("nahda", "حركة النهضة")])
    assert stances(doc, st) == {"nahda": "neu"}


def test_welcomed_attacks_are_against_their_object() -> None:
    # Asharq al-Awsat style: "رحب بالهجمات التركية على تنظيم داعش"
    text = "ورحب المتحدث الأميركي بالهجمات الأردنية على تنظيم داعش."
    doc, st = make(text, "رحب", "المتحدث الأميركي", [("jordan", "الأردنية"), ("isis", "تنظيم داعش")],
                   via={"jordan": "nisba"})
    assert stances(doc, st) == {"jordan": "pos", "isis": "neg"}


def test_attacks_not_welcomed_are_an_onlookers_report() -> None:
    text = "وقال المتحدث الأميركي إن بلاده لم ترحب بالهجمات الأردنية على تنظيم داعش."
    doc, st = make(text, "قال", "المتحدث الأميركي", [("jordan", "الأردنية"), ("isis", "تنظيم داعش")],
                   via={"jordan": "nisba"})
    assert stances(doc, st)["isis"] == "neu"


def test_defending_a_right_to_strike() -> None:
    # Asharq al-Awsat style: "دافع البيت الأبيض أمس عن حق X في ضرب Y"
    text = "ودافع البيت الأبيض أمس عن حق الأردن في ضرب تنظيم داعش."
    doc, st = make(text, "دافع", "البيت الأبيض", [("jordan", "الأردن"), ("isis", "تنظيم داعش")])
    assert stances(doc, st) == {"jordan": "pos", "isis": "neg"}


def test_not_defending_a_right_to_strike() -> None:
    text = "وقال البيت الأبيض إنه لم يدافع أمس عن حق الأردن في ضرب تنظيم داعش."
    doc, st = make(text, "قال", "البيت الأبيض", [("jordan", "الأردن"), ("isis", "تنظيم داعش")])
    assert stances(doc, st) == {"jordan": "neu", "isis": "neu"}


def test_positions_serving_foreign_interests() -> None:
    # al-Madina style: "X's positions serve the interests of Y"
    text = "وقال دبلوماسيون إن سياساته تخدم مصالح إيران قبل غيرها."
    doc, st = make(text, "قال", "دبلوماسيون", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neg"}


def test_positions_not_serving_foreign_interests() -> None:
    text = "وقال دبلوماسيون إن مواقفه لا تخدم مصالح إيران."
    doc, st = make(text, "قال", "دبلوماسيون", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neu"}


def test_agreeing_on_close_cooperation() -> None:
    # Asharq al-Awsat style: "X وY اتفقا على تعاون وثيق", said by X's spokesman
    text = "وقال المتحدث إن ميركل وأردوغان اتفقا أيضا على تعاون وثيق."
    doc, st = make(text, "قال", "المتحدث", [("merkel", "ميركل"), ("erdogan", "أردوغان")])
    assert stances(doc, st) == {"merkel": "neu", "erdogan": "pos"}


def test_not_agreeing_on_cooperation() -> None:
    text = "وقال المتحدث إن ميركل وأردوغان لم يتفقا على تعاون وثيق."
    doc, st = make(text, "قال", "المتحدث", [("merkel", "ميركل"), ("erdogan", "أردوغان")])
    assert stances(doc, st) == {"merkel": "neu", "erdogan": "neu"}


def test_a_call_to_confront_a_group() -> None:
    # Rai al-Youm style (Reuters copy): "طالب ... باكستان بالتصدي لحركة طالبان"
    text = "وطالب الرئيس الأفغاني باكستان بالتصدي لحركة طالبان."
    doc, st = make(text, "طالب", "الرئيس الأفغاني", [("pakistan", "باكستان"), ("taliban", "حركة طالبان")])
    assert stances(doc, st)["taliban"] == "neg"


def test_a_call_not_to_confront_a_group() -> None:
    text = "وطالب الرئيس الأفغاني باكستان بعدم التصدي لحركة طالبان."
    doc, st = make(text, "طالب", "الرئيس الأفغاني", [("pakistan", "باكستان"), ("taliban", "حركة طالبان")])
    assert stances(doc, st)["taliban"] == "neu"


def test_operations_of_the_speakers_side_through_a_possessive() -> None:
    # Asharq al-Awsat style: "تركيا طلبت من حلف الناتو ... لبحث عملياتها الأمنية ضد تنظيم داعش"
    text = "وقالت الخارجية التركية إن تركيا طلبت من حلف الناتو بحث عملياتها الأمنية ضد تنظيم داعش."
    doc, st = make(text, "قالت", "الخارجية التركية", [("turkey", "تركيا"), ("nato", "حلف الناتو"),
                                                       ("isis", "تنظيم داعش")])
    assert stances(doc, st) == {"turkey": "neu", "nato": "neu", "isis": "neg"}


def test_a_role_in_spreading_a_group() -> None:
    # al-Madina style: "X يلعب دوراً رئيسياً في انتشار داعش"
    text = "وأكد الخبير أن عمرو الصالح يلعب دورا رئيسيا في انتشار تنظيم داعش."
    doc, st = make(text, "أكد", "الخبير", [("saleh", "عمرو الصالح"), ("isis", "تنظيم داعش")])
    assert stances(doc, st) == {"saleh": "neg", "isis": "neg"}


def test_no_role_in_spreading_a_group() -> None:
    text = "وأكد الخبير أن عمرو الصالح لم يلعب دورا في انتشار تنظيم داعش."
    doc, st = make(text, "أكد", "الخبير", [("saleh", "عمرو الصالح"), ("isis", "تنظيم داعش")])
    assert stances(doc, st) == {"saleh": "neu", "isis": "neu"}


def test_a_third_party_confronting_terrorism_is_praised() -> None:
    # al-Madina style: "المملكة تتصدى بقوة للإرهاب بشتى أشكاله"
    text = "وشدد الأمين العام على أن الكويت تتصدى بقوة للإرهاب بشتى أشكاله."
    doc, st = make(text, "شدد", "الأمين العام", [("kuwait", "الكويت")])
    assert stances(doc, st) == {"kuwait": "pos"}
    # a name ending in ة (المملكة) is not a noun with a possessive pronoun before the act
    text = "وشدد الأمين العام على أن المملكة تتصدى بقوة للإرهاب بشتى أشكاله."
    doc, st = make(text, "شدد", "الأمين العام", [("kuwait", "المملكة")])
    assert stances(doc, st) == {"kuwait": "pos"}


def test_a_third_party_not_confronting_terrorism() -> None:
    text = "وشدد الأمين العام على أن الكويت لا تتصدى للإرهاب."
    doc, st = make(text, "شدد", "الأمين العام", [("kuwait", "الكويت")])
    assert stances(doc, st) == {"kuwait": "neu"}


def test_the_subject_of_a_rejection_masdar_is_not_rejected() -> None:
    # al-Weeam style (Egyptian spokesman): "أكد على رفض مصر لكافة أشكال التدخل الخارجي"
    text = "وأكد المتحدث على رفض الكويت لكافة أشكال التدخل الخارجي."
    doc, st = make(text, "أكد", "المتحدث", [("kuwait", "الكويت")])
    assert stances(doc, st) == {"kuwait": "neu"}
    # the verb with its object (no ل-phrase after the name) still rejects it
    text = "وأكد المتحدث على رفض تصريحات الكويت."
    doc, st = make(text, "أكد", "المتحدث", [("kuwait", "الكويت")])
    assert stances(doc, st) == {"kuwait": "neg"}
