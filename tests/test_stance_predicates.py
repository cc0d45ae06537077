"""Stance rules of session 4 (stance5): evaluative predicates of a subject, roles with a size word, trust,
congratulations to a people. One test per construction, with a contrast (negated, own side, or a place).

The sentences are constructed with invented names; none is copied from SaudiNewsNet.
"""

from __future__ import annotations

from test_stance import make, make_analysed, stances


def test_subject_of_a_success_predicate_after_an_is_praised() -> None:
    # construction: أن + X + حقق نجاحاً (SVO, the verb phrase after its subject)
    text = "وأشار المبعوث إلى أن تونس حققت نجاحا كبيرا في مجال السياحة."
    doc, st = make(text, "أشار", "المبعوث", [("tunisia", "تونس")])
    assert stances(doc, st) == {"tunisia": "pos"}


def test_subject_of_a_verb_of_succeeding_opening_the_clause() -> None:
    # construction: VSO, نجحت + X + في (the rest of the phrase after the subject)
    text = "وقال المبعوث: نجحت بلدية الزرقاء في احتواء الأزمة."
    doc, st = make(text, "قال", "المبعوث", [("zarqa", "بلدية الزرقاء")])
    assert stances(doc, st) == {"zarqa": "pos"}


def test_negated_success_is_failure_and_negated_failure_nothing() -> None:
    # construction: X + لم تنجح (negator before a pos predicate) / X + لم تفشل
    text = "وقال المبعوث إن تونس لم تنجح في ضبط الحدود."
    doc, st = make(text, "قال", "المبعوث", [("tunisia", "تونس")])
    assert stances(doc, st) == {"tunisia": "neg"}
    text = "وقال المبعوث إن تونس لم تفشل في ضبط الحدود."
    doc, st = make(text, "قال", "المبعوث", [("tunisia", "تونس")])
    assert stances(doc, st) == {"tunisia": "neu"}


def test_subject_of_a_failure_or_inability_predicate_is_criticised() -> None:
    # construction: X + فشلت في / X + عاجزة عن (criticism carried by the predicate, not the cue)
    text = "وأكد النائب أن وزارة النقل فشلت في إدارة الملف."
    doc, st = make(text, "أكد", "النائب", [("mot", "وزارة النقل")])
    assert stances(doc, st) == {"mot": "neg"}
    text = "وأكد النائب أن وزارة النقل عاجزة عن إدارة الملف."
    doc, st = make(text, "أكد", "النائب", [("mot", "وزارة النقل")])
    assert stances(doc, st) == {"mot": "neg"}


def test_a_predicate_of_a_noun_that_is_not_the_target_does_not_reach_it() -> None:
    # contrast: the target is a place after في, not the subject (الأمطار في X تسببت ...)
    text = "وأكد النائب أن المشروع في عمّان نجح بعد عامين."
    doc, st = make(text, "أكد", "النائب", [("amman", "عمّان")])
    assert stances(doc, st) == {"amman": "neu"}


def test_the_speakers_own_side_stays_neutral_under_a_predicate() -> None:
    # construction: a country's minister saying his country succeeded is a plain statement of its position
    text = "وقال وزير الخارجية الأردني إن الأردن نجح في احتواء الأزمة."
    doc, st = make(text, "قال", "وزير الخارجية الأردني", [("jordan", "الأردن")], speaker_entity="jordan")
    assert stances(doc, st) == {"jordan": "neu"}


def test_able_to_is_praise_and_not_able_to_is_criticism() -> None:
    # construction: X + قادرة على / X + غير قادرة على
    text = "وقال المدرب إن البحرين قادرة على تنظيم البطولة."
    doc, st = make(text, "قال", "المدرب", [("bahrain", "البحرين")])
    assert stances(doc, st) == {"bahrain": "pos"}
    text = "وقال المدرب إن البحرين غير قادرة على تنظيم البطولة."
    doc, st = make(text, "قال", "المدرب", [("bahrain", "البحرين")])
    assert stances(doc, st) == {"bahrain": "neg"}


def test_a_size_word_role_with_its_subject_before_the_verb_is_praise() -> None:
    # construction: X + تلعب دوراً رئيسياً (a size qualifier of weight 1, subject opening the clause)
    text = 'وأضاف المبعوث أن "تونس تلعب دورا رئيسيا في المنطقة".'
    doc, st = make(text, "أضاف", "المبعوث", [("tunisia", "تونس")])
    assert stances(doc, st) == {"tunisia": "pos"}


def test_trust_in_an_actor_after_fi_is_not_a_place() -> None:
    # construction: نثق كل الثقة في X (the object of trust after في)
    text = 'وقال المبعوث: "نثق كل الثقة في تونس".'
    doc, st = make(text, "قال", "المبعوث", [("tunisia", "تونس")])
    assert stances(doc, st) == {"tunisia": "pos"}


def test_congratulating_a_people_reaches_its_country_through_the_nisba() -> None:
    # construction: التهنئة للشعب + nisba + بـ (the people as a whole is the country)
    text = "وقال الوزير مقدما التهنئة للشعب التونسي بافتتاح الميناء."
    doc, st = make(text, "مقدما", "الوزير", [("tunisia", "التونسي")], via={"tunisia": "nisba"})
    assert stances(doc, st) == {"tunisia": "pos"}


def test_welcoming_an_agreement_between_parties_backs_both() -> None:
    # construction: رحب [adjunct] بـ + agreement noun + بين X وY (backing the parties' framework)
    text = "ورحب رجال أعمال في عمّان باتفاق التعاون بين الأردن ، والعراق في مجال الطاقة."
    doc, st = make(text, "رحب", "رجال أعمال", [("amman", "عمّان"), ("jordan", "الأردن"), ("iraq", "والعراق")])
    assert stances(doc, st) == {"amman": "neu", "jordan": "pos", "iraq": "pos"}


def test_an_agreement_between_parties_not_welcomed_is_neutral() -> None:
    # contrast: no praising word governs the agreement
    text = "وناقش رجال أعمال في عمّان الاتفاق بين الأردن والعراق."
    doc, st = make(text, "ناقش", "رجال أعمال", [("jordan", "الأردن"), ("iraq", "والعراق")])
    assert stances(doc, st) == {"jordan": "neu", "iraq": "neu"}


def test_responsibility_laid_on_an_actor_after_ila_is_blame() -> None:
    # construction: حمّل + مسؤولية + what it is for + إلى X (the bearer after the preposition)
    text = "وحمّل النائب مسؤولية انقطاع الكهرباء إلى شركة النور."
    doc, st = make(text, "حمّل", "النائب", [("nour", "شركة النور")])
    assert stances(doc, st) == {"nour": "neg"}
    text = "وقال النائب إن مسؤولية الصيانة تعود إلى شركة النور."  # a duty, no verb of laying blame
    doc, st = make(text, "قال", "النائب", [("nour", "شركة النور")])
    assert stances(doc, st) == {"nour": "neu"}


def test_a_member_of_a_group_qualified_as_extremist_takes_its_evaluation() -> None:
    # construction: الجماعات المتطرفة التي ...، ومن بينها X
    text = "وقال الوزير إننا نناقش خطر الجماعات المتطرفة التي تهدد المنطقة، ومن بينها جماعة النصر."
    doc, st = make(text, "قال", "الوزير", [("nasr", "جماعة النصر")])
    assert stances(doc, st) == {"nasr": "neg"}
    text = "وقال الوزير إن الحصار في عدد من المدن ومن بينها مدينة النصر يمنع وصول الغذاء."  # places of a siege
    doc, st = make(text, "قال", "الوزير", [("nasr", "مدينة النصر")])
    assert stances(doc, st) == {"nasr": "neu"}


def test_we_support_an_economy_named_by_its_nisba(morphology) -> None:  # type: ignore[no-untyped-def]
    # construction: first-person verb نود أن ندعم + X + لـ-purpose verb (not a masdar with its subject)
    text = 'وقال الوزير: "نود أن ندعم الاقتصاد التونسي ليصبح أقوى".'
    doc, st = make_analysed(morphology, text, "قال", "الوزير", [("tunisia", "الاقتصاد التونسي")])
    assert stances(doc, st) == {"tunisia": "pos"}
    text = "وقال الوزير إن دعم تونس لليبيا مستمر."  # contrast: a masdar's subject, a third party's reported act
    doc, st = make_analysed(morphology, text, "قال", "الوزير", [("tunisia", "تونس")])
    assert stances(doc, st) == {"tunisia": "neu"}


def test_a_call_on_an_actor_to_stop_presumes_wrongdoing() -> None:
    # construction: طالب + X + بوقف / دعا + X + إلى الانسحاب (the call presumes X did wrong -> neg)
    text = "وطالب الوزير شركة النور بوقف الحفر قرب القرية."
    doc, st = make(text, "طالب", "الوزير", [("nour", "شركة النور")])
    assert stances(doc, st) == {"nour": "neg"}
    text = "ودعا الوزير قوات الفجر إلى الانسحاب من القرية."
    doc, st = make(text, "دعا", "الوزير", [("fajr", "قوات الفجر")])
    assert stances(doc, st) == {"fajr": "neg"}


def test_a_plain_call_on_an_actor_is_neutral() -> None:
    # contrast: a call to do something that presumes no wrong (GUIDELINES: a call on X -> neu)
    text = "وطالب الوزير شركة النور بتسريع العمل في المشروع."
    doc, st = make(text, "طالب", "الوزير", [("nour", "شركة النور")])
    assert stances(doc, st) == {"nour": "neu"}


def test_a_person_speaks_for_the_country_of_the_nisba_in_his_introduction() -> None:
    # construction: وزير الخارجية + nisba + full name earlier in the article; later the surname alone speaks,
    # and support given by another country to his own is thanks to the giver (GUIDELINES: own side, aid)
    from dataclasses import replace

    text = ("التقى وزير الخارجية الليبي سالم الورفلي نظيره. "
            "وقال الورفلي إن الدعم المغربي لليبيا لن يتوقف.")
    doc, st = make(text, "قال", "الورفلي", [("morocco", "المغربي"), ("libya", "لليبيا")],
                   speaker_entity="per-salem", via={"morocco": "nisba"})
    st = replace(st, speaker=replace(st.speaker, label="سالم الورفلي", aliases=("سالم الورفلي", "الورفلي")),
                 targets=(replace(st.targets[0], label="المغرب"), replace(st.targets[1], label="ليبيا")))
    assert stances(doc, st) == {"morocco": "pos", "libya": "neu"}
    # contrast: without the introduction the surname says nothing of his country; the act is a third party's
    doc, st2 = make(text.replace("الليبي ", ""), "قال", "الورفلي", [("morocco", "المغربي"), ("libya", "لليبيا")],
                    speaker_entity="per-salem", via={"morocco": "nisba"})
    st2 = replace(st2, speaker=replace(st2.speaker, label="سالم الورفلي", aliases=("سالم الورفلي", "الورفلي")),
                  targets=(replace(st2.targets[0], label="المغرب"), replace(st2.targets[1], label="ليبيا")))
    assert stances(doc, st2) == {"morocco": "neu", "libya": "neu"}


def test_the_noun_faddan_is_not_the_conjunction_with_dan() -> None:
    # construction: مشروع المليون فدان الذي أعلن عنه X (an acre, not فـ + دان "condemned")
    text = "وقال المستثمر إن مشروع المليون فدان الذي أعلن عنه الرئيس سامي العلي واعد."
    doc, st = make(text, "قال", "المستثمر", [("ali", "سامي العلي")])
    assert stances(doc, st)["ali"] != "neg"


def test_a_nominal_predicate_after_a_verb_of_considering() -> None:
    # construction: X + تعد + مصدر جذب / X + باتت + عقبة أمام (copula or verb of considering before the predicate)
    text = "ولفت المستثمر إلى أن تونس تعد مصدر جذب للمستثمرين."
    doc, st = make(text, "لفت", "المستثمر", [("tunisia", "تونس")])
    assert stances(doc, st) == {"tunisia": "pos"}
    text = "وقال المبعوث إن جماعة النصر باتت عقبة أمام السلام."
    doc, st = make(text, "قال", "المبعوث", [("nasr", "جماعة النصر")])
    assert stances(doc, st) == {"nasr": "neg"}
    text = "ولفت المستثمر إلى أن الاستثمار في تونس يعد مصدر جذب."  # contrast: the place is not the subject
    doc, st = make(text, "لفت", "المستثمر", [("tunisia", "تونس")])
    assert stances(doc, st) == {"tunisia": "neu"}
