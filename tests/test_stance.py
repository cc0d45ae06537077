"""Stance rules, one test per rule, each on the sentence it comes from (seed article sentences, or a
short news-style sentence where the rule needs a contrast such as أدان / لم يدن)."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import ROOT, need_shared

from newsgraph.model import Article, Cue, Document, Span, Speaker, Statement, Target
from newsgraph.stance import assign_stances, gloss_polarity, stance_lexicon


def make(text: str, cue: str, speaker: str, targets: list[tuple[str, str]], *, cue_type: str = "verb",
         speaker_entity: str | None = None, via: dict[str, str] | None = None) -> tuple[Document, Statement]:
    """A one-statement document: the cue and the speaker phrase are found in ``text``; the content runs from
    the end of the speaker phrase to the end of the text; each target is its first occurrence in the content."""
    cs = text.index(cue)
    ss = text.index(speaker, cs) if speaker in text[cs:] else text.index(speaker)
    content_start = max(cs + len(cue), ss + len(speaker))
    tgts = []
    for key, surface in targets:
        ts = text.index(surface, content_start)
        tgts.append(Target(key, surface, Span.of(text, ts, ts + len(surface)), via=(via or {}).get(key, "name")))
    st = Statement(
        "s1", "indirect", Cue(cs, cs + len(cue), cue, cue, cue_type),  # type: ignore[arg-type]
        Speaker(speaker_entity, speaker, "explicit", mention=Span.of(text, ss, ss + len(speaker))),
        Span.of(text, content_start, len(text)), tuple(tgts),
    )
    return Document(Article.from_text(text, id="t"), ()), st


def stances(doc: Document, st: Statement) -> dict[str, str | None]:
    (out,) = assign_stances(doc, (st,))
    return {t.entity: t.stance for t in out.targets}


def test_every_target_gets_a_stance_and_evidence_is_a_true_span() -> None:
    # constructed: a condemnation verb as the cue
    text = "وأدان وزير الخارجية تنظيم داعش في سوريا."
    doc, st = make(text, "أدان", "وزير الخارجية", [("isis", "داعش"), ("syria", "سوريا")])
    (out,) = assign_stances(doc, (st,))
    got = {t.entity: t for t in out.targets}
    assert got["isis"].stance == "neg" and got["syria"].stance == "neu"
    ev = got["isis"].evidence
    assert ev is not None and text[ev.start : ev.end] == ev.text == "أدان"
    assert got["syria"].evidence is None
    assert st.targets[0].stance is None  # the input is not mutated


def test_negation_neutralises_the_cue() -> None:
    # constructed contrast to the test above: "لم يدن" is not a condemnation
    text = "ولم يدن وزير الخارجية تنظيم داعش."
    doc, st = make(text, "يدن", "وزير الخارجية", [("isis", "داعش")])
    assert stances(doc, st) == {"isis": "neu"}


def test_negated_act_in_the_content() -> None:
    # seed-style sentence: "الضربات الجوية الروسية في سوريا يبدو أنها لم تستهدف مناطق سيطرة داعش"
    text = "وقال مسؤول أميركي ان الضربات في سوريا يبدو أنها لم تستهدف مناطق سيطرة \"داعش\"."
    doc, st = make(text, "قال", "مسؤول أميركي", [("syria", "سوريا"), ("isis", "داعش")])
    assert stances(doc, st) == {"syria": "neu", "isis": "neu"}


def test_praise_cue_reaches_its_object_only() -> None:
    # alriyadh-style: "نوه رئيس الوزراء بدور الأزهر الشريف ... في مصر"
    text = "كما نوه رئيس الوزراء بدور الأزهر الشريف في نشر الاعتدال في مصر."
    doc, st = make(text, "نوه", "رئيس الوزراء", [("al_azhar", "الأزهر الشريف"), ("egypt", "مصر")])
    assert stances(doc, st) == {"al_azhar": "pos", "egypt": "neu"}


def test_cue_object_after_an_adverbial() -> None:
    # "ثمّن X خلال اللقاء مواقف الصين": the speaker phrase and an adverbial lie between the cue and its object
    text = "وثمن الرئيس خلال اللقاء مواقف الصين الداعمة لبلاده."
    doc, st = make(text, "ثمن", "الرئيس", [("china", "الصين")])
    assert stances(doc, st) == {"china": "pos"}


def test_relay_particle_of_an_outlet_is_neutral() -> None:
    # GUIDELINES, Relays: "وفقاً لوكالة الأنباء" passing on praise is neu toward every target
    text = "وثمن الرئيس وفقاً لوكالة الأنباء اليمنية مواقف الصين الداعمة لليمن."
    doc, st = make(text, "وفقاً", "وكالة الأنباء اليمنية", [("china", "الصين"), ("yemen", "لليمن")],
                   cue_type="particle")
    (out,) = assign_stances(doc, (st,))
    assert {t.entity: t.stance for t in out.targets} == {"china": "neu", "yemen": "neu"}
    assert all(t.evidence is None for t in out.targets)


def test_own_side_is_neutral_and_the_object_of_support_positive() -> None:
    # aawsat-style: "قال وزير الخارجية التركي إن تركيا تدعم المعارضة السورية المعتدلة"
    text = "وقال وزير الخارجية التركي إن تركيا تدعم المعارضة المعتدلة."
    doc, st = make(text, "قال", "وزير الخارجية التركي", [("turkey", "تركيا"), ("opposition", "المعارضة المعتدلة")])
    assert stances(doc, st) == {"turkey": "neu", "opposition": "pos"}


def test_own_side_act_against_a_terrorist_group() -> None:
    # seed article, cue 70: the Russian ministry reports its own strikes on ISIS
    text = ("أعلنت وزارة الدفاع الروسية أن الطيران الحربي الروسي نفذ الأربعاء 20 غارة على 8 أهداف لتنظيم \"داعش\" "
            "في سوريا، بينها مخازن أسلحة ومراكز قيادة.")
    doc, st = make(text, "أعلنت", "وزارة الدفاع الروسية", [("russia", "الروسي"), ("isis", "داعش"), ("syria", "سوريا")],
                   via={"russia": "nisba"})
    assert stances(doc, st) == {"russia": "neu", "isis": "neg", "syria": "neu"}


def test_onlooker_reporting_a_third_party_act_is_neutral() -> None:
    # seed article, cue 2807: an American spokesman relays that Russian aircraft will fly missions against ISIS
    text = ("وقال جون كيربي المتحدث باسم وزارة الخارجية الأمريكية إن مسؤولاً روسيا في بغداد أبلغ العاملين بالسفارة "
            "الأمريكية بأن طائرات عسكرية روسية ستبدأ اليوم مهام جوية ضد تنظيم \"الدولة الإسلامية\" في سوريا.")
    doc, st = make(text, "قال", "جون كيربي المتحدث باسم وزارة الخارجية الأمريكية",
                   [("russia", "روسية"), ("isis", "الدولة الإسلامية"), ("syria", "سوريا")], via={"russia": "nisba"})
    assert stances(doc, st) == {"russia": "neu", "isis": "neu", "syria": "neu"}


def test_first_person_act_is_the_speakers_own() -> None:
    # seed article, cue 3130: "دعماً لمهمتنا الدولية التي تهدف إلى إضعاف داعش وتدميرها"
    text = ("وقال كيربي: \"سيواصل التحالف الذي تقوده الولايات المتحدة التحليق في مهام فوق العراق وسوريا كما هو "
            "مخطّط دعماً لمهمتنا الدولية التي تهدف إلى إضعاف \"داعش\" وتدميرها\".")
    doc, st = make(text, "قال", "كيربي", [("iraq", "العراق"), ("syria", "وسوريا"), ("isis", "داعش")])
    assert stances(doc, st) == {"iraq": "neu", "syria": "neu", "isis": "neg"}


def test_support_clause_cut_by_negation() -> None:
    # seed article, cue 888: "أكّد أن دعم الأسد سيكون عبر الضربات الجوية ولن تكون هناك قوات روسية على الأرض"
    text = "وأكّد بوتين أن دعم الأسد سيكون عبر الضربات الجوية ولن تكون هناك قوات روسية على الأرض."
    doc, st = make(text, "أكّد", "بوتين", [("assad", "الأسد"), ("russia", "روسية")], via={"russia": "nisba"})
    assert stances(doc, st) == {"assad": "pos", "russia": "neu"}


def test_call_on_a_target_is_neutral() -> None:
    # GUIDELINES, calls: "دعا X إلى ..." does not presume wrongdoing
    text = "ودعا الرئيس الصين إلى دور فاعل في إعادة البناء."
    doc, st = make(text, "دعا", "الرئيس", [("china", "الصين")])
    assert stances(doc, st) == {"china": "neu"}


def test_demand_to_stop_presumes_wrongdoing() -> None:
    # sabq-style: "قرارات يطالب فيها مجلس الأمن إيران بوقف تخصيب اليورانيوم"
    text = "وأصدر المجلس قرارات يطالب فيها إيران بوقف تخصيب اليورانيوم."
    doc, st = make(text, "يطالب", "فيها", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neg"}


def test_conditional_warning_is_neutral() -> None:
    # GUIDELINES: "if X blocks the deal, ..." is neu toward X
    text = "وقال الوزير إنه إذا رفضت إيران الاتفاق فإن العقوبات ستعود."
    doc, st = make(text, "قال", "الوزير", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neu"}


def test_warning_against_a_target() -> None:
    # "حذّر من X" is a warning against X
    text = "وحذر الوزير من تنظيم داعش."
    doc, st = make(text, "حذر", "الوزير", [("isis", "تنظيم داعش")])
    assert stances(doc, st) == {"isis": "neg"}


def test_victims_and_places_of_an_attack_are_neutral() -> None:
    # alweeam-style: "جريمة إحراق الطفل علي دوابشة والهجوم الإرهابي على منزل عائلته في بلدة دوما"
    text = "وأكدت الفصائل أن جريمة إحراق الطفل علي دوابشة والهجوم الإرهابي على منزل عائلته في بلدة دوما لن تمر."
    doc, st = make(text, "أكدت", "الفصائل", [("dawabsheh", "علي دوابشة"), ("duma", "دوما")])
    assert stances(doc, st) == {"dawabsheh": "neu", "duma": "neu"}


def test_terrorism_and_militia_words_on_the_target() -> None:
    # aleqtisadiya-style: "إثر عمليات التمرد التي قامت بها ميليشيات الحوثي وصالح"; "المستوطنون الإرهابيون"
    text = "وقال المسؤول إن اليمن يعاني إثر عمليات التمرد التي قامت بها ميليشيات الحوثي وصالح."
    doc, st = make(text, "قال", "المسؤول", [("yemen", "اليمن"), ("houthis", "الحوثي"), ("saleh", "صالح")])
    assert stances(doc, st) == {"yemen": "neu", "houthis": "neg", "saleh": "neg"}


def test_condolences_reach_the_victims() -> None:
    text = "وأعرب الأمير عن تعازيه لأسر رجال الأمن في المملكة."
    doc, st = make(text, "أعرب", "الأمير", [("police", "رجال الأمن")])
    assert stances(doc, st) == {"police": "pos"}


def test_declared_cooperation_with_a_partner() -> None:
    # alriyadh-style: "أشار وزير الدفاع المصري بالتعاون العسكري القائم بين مصر وفرنسا"
    text = "وأشار وزير الدفاع المصري بالتعاون العسكري القائم بين مصر وفرنسا."
    doc, st = make(text, "أشار", "وزير الدفاع المصري", [("egypt", "مصر"), ("france", "وفرنسا")])
    assert stances(doc, st) == {"egypt": "neu", "france": "pos"}


def test_describe_verb_carries_the_evaluation_to_its_object() -> None:
    # alyaum headline: "نتنياهو يصف تبني مجلس الأمن لاتفاق فيينا النووي بالنفاق"
    text = "وصف نتنياهو تبني مجلس الأمن لاتفاق فيينا النووي بالنفاق."
    doc, st = make(text, "وصف", "نتنياهو", [("unsc", "مجلس الأمن"), ("vienna", "فيينا")])
    assert stances(doc, st) == {"unsc": "neg", "vienna": "neu"}


def test_relief_reaches_the_country_it_goes_to() -> None:
    # aleqtisadiya-style: "استعداد دول الاتحاد للمساهمة في جهود الإغاثة والعمل الإنساني في اليمن"
    text = "وجدد المسؤول الأوروبي استعداد دول الاتحاد للمساهمة في جهود الإغاثة والعمل الإنساني في اليمن."
    doc, st = make(text, "جدد", "المسؤول الأوروبي", [("yemen", "اليمن")])
    assert stances(doc, st) == {"yemen": "pos"}


def test_threat_to_a_country_is_not_a_stance_against_it() -> None:
    # alriyadh-style: "كل من يحاول العبث بأمن المملكة فإنه سيجد الرد": the kingdom is the one threatened
    text = "وأضاف الأمير أن كل من يحاول العبث بأمن المملكة سيجد الرد."
    doc, st = make(text, "أضاف", "الأمير", [("saudi_arabia", "المملكة")])
    assert stances(doc, st) == {"saudi_arabia": "neu"}


def test_third_party_plural_subject_is_an_onlooker_report() -> None:
    # seed article, cue 3953: "وهو ما يؤكد أنهم هناك لدعم نظام الأسد أكثر من كونهم يقاتلون داعش"
    text = "وأضاف المصدر: \"وهو ما يؤكد أنهم هناك لدعم نظام الأسد أكثر من كونهم يقاتلون داعش\"."
    doc, st = make(text, "أضاف", "المصدر", [("assad", "الأسد"), ("isis", "داعش")])
    assert stances(doc, st) == {"assad": "neu", "isis": "neu"}


def test_a_pronoun_object_takes_the_condemnation() -> None:
    # "تندد بها وتعتذر للمملكة": the condemned thing is the pronoun, the kingdom is apologised to
    text = "وقالت الحركة إنها تندد بها وتعتذر للمملكة العربية السعودية."
    doc, st = make(text, "قالت", "الحركة", [("saudi_arabia", "العربية السعودية")])
    assert stances(doc, st) == {"saudi_arabia": "neu"}


def test_act_of_a_relative_clause_head_is_reported() -> None:
    # "هذه الدكتاتورية التي تحاول أن تستقوي بالعدو ضد الشعب": the act belongs to the clause's head
    text = "وقال المتحدث إن هذه الجهة التي تحاول أن تستقوي ضد الشعب الفلسطيني في غزة."
    doc, st = make(text, "قال", "المتحدث", [("palestine", "الفلسطيني"), ("gaza", "غزة")], via={"palestine": "nisba"})
    assert stances(doc, st) == {"palestine": "neu", "gaza": "neu"}


def test_welcome_goes_to_its_object_not_to_the_welcomer() -> None:
    # alyaum-style: "أشار عباس إلى ترحيب القيادة الفلسطينية بالجهود الفرنسية"
    text = "وأشار عباس إلى ترحيب القيادة الفلسطينية بالجهود الفرنسية."
    doc, st = make(text, "أشار", "عباس", [("palestine", "الفلسطينية"), ("france", "الفرنسية")],
                   via={"palestine": "nisba", "france": "nisba"})
    assert stances(doc, st) == {"palestine": "neu", "france": "pos"}


def test_another_stance_word_ends_the_object_search() -> None:
    # aawsat-style: "دان المتظاهرون أيضا الحكومة واتهموها بغض النظر عن نشاطات تنظيم داعش"
    text = "ودان المتظاهرون أيضا الحكومة واتهموها بغض النظر عن نشاطات تنظيم داعش."
    doc, st = make(text, "دان", "المتظاهرون", [("isis", "تنظيم داعش")])
    assert stances(doc, st) == {"isis": "neu"}


def test_the_speakers_own_organisation_in_its_phrase() -> None:
    # "أدانت الأمانة العامة لمنظمة التعاون الإسلامي الهجوم الإرهابي": the organisation speaks, it is not condemned
    text = "أدانت الأمانة العامة لمنظمة التعاون الإسلامي الهجوم الإرهابي في مدينة مروة."
    doc, st = make(text, "أدانت", "الأمانة العامة", [("oic", "منظمة التعاون الإسلامي")])
    assert stances(doc, st) == {"oic": "neu"}


def test_condemned_act_and_its_victim() -> None:
    # "تدين الحرق المتعمد للرضيع علي دوابشة": the victim of the condemned act is not condemned
    text = "وقالت المنظمة إنها تدين الحرق المتعمد للرضيع علي دوابشة."
    doc, st = make(text, "قالت", "المنظمة", [("dawabsheh", "علي دوابشة")])
    assert stances(doc, st) == {"dawabsheh": "neu"}


def test_condemned_act_and_its_agent() -> None:
    # "أدان الهجوم الذي نفذه تنظيم داعش": the agent of the condemned act is condemned
    text = "وأدان الوزير الهجوم الذي نفذه تنظيم داعش على المدنيين."
    doc, st = make(text, "أدان", "الوزير", [("isis", "تنظيم داعش")])
    assert stances(doc, st) == {"isis": "neg"}


def test_the_name_after_a_relative_is_the_actor_of_the_act() -> None:
    # "لتفادي وقوع ضحايا في الغارات التي يشنها الجيش التركي ضد معاقله"
    text = "وطلبت رئاسة الإقليم تفادي الضحايا في الغارات التي يشنها الجيش التركي ضد معاقله."
    doc, st = make(text, "طلبت", "رئاسة الإقليم", [("tr_army", "الجيش التركي")])
    assert stances(doc, st) == {"tr_army": "neu"}


def test_describing_an_aggression_on_a_country() -> None:
    # "وصفته بأنه «اعتداء على السيادة العراقية»": the country is the victim of the described act
    text = "ووصفت الوزارة الهجوم بأنه «اعتداء على السيادة العراقية»."
    doc, st = make(text, "وصفت", "الوزارة", [("iraq", "العراقية")], via={"iraq": "nisba"})
    assert stances(doc, st) == {"iraq": "neu"}


def test_spacious_is_not_welcome() -> None:
    # "فضاءً رحباً وتحديداً «تويتر»": رحباً is an adjective, not رحّب
    text = "وقال الكاتب إنه وجد فيها فضاء رحبا وتحديدا تويتر."
    doc, st = make(text, "قال", "الكاتب", [("twitter", "تويتر")])
    assert stances(doc, st) == {"twitter": "neu"}


def test_condemning_claims_about_a_target() -> None:
    # "استنكر بشدة الادعاءات التي تقول بأن هناك علاقة بين الحكومة التركية وتنظيم داعش"
    text = "واستنكر نائب رئيس الوزراء بشدة الادعاءات التي تقول بأن هناك علاقة بين الحكومة التركية وتنظيم داعش."
    doc, st = make(text, "استنكر", "نائب رئيس الوزراء", [("tr_gov", "الحكومة التركية")])
    assert stances(doc, st) == {"tr_gov": "neu"}


def test_words_between_cue_and_content_count() -> None:
    # aawsat-style: "قائلة إنهم يقومون بدور بارز ... وتقديم الدعم العسكري لنظام الرئيس السوري بشار الأسد", with the
    # content starting after إنهم: the plural pronoun still makes the support a third party's act
    text = "وفرضت الحكومة عقوبات عليهم قائلة إنهم يقومون بدور بارز وتقديم الدعم العسكري لنظام بشار الأسد."
    doc, st = make(text, "قائلة", "الحكومة", [("assad", "بشار الأسد")])
    cs = text.index("يقومون")
    st = Statement(st.id, st.kind, st.cue, st.speaker, Span.of(text, cs, len(text) - 1), st.targets)
    assert stances(doc, st) == {"assad": "neu"}


def test_working_with_a_partner_with_an_adverb_between() -> None:
    # aawsat-style: "إننا نعمل حاليا مع الولايات المتحدة على تدريب وتجهيز المعارضة المعتدلة"
    text = "وأكد الوزير: «إننا نعمل حاليا مع الولايات المتحدة على تدريب وتجهيز المعارضة المعتدلة»."
    doc, st = make(text, "أكد", "الوزير", [("usa", "الولايات المتحدة"), ("opposition", "المعارضة المعتدلة")])
    assert stances(doc, st) == {"usa": "pos", "opposition": "pos"}


def test_permission_for_a_partner_and_its_strikes() -> None:
    # aawsat-style: "أنها سمحت للطائرات العسكرية الأميركية بشن هجمات على تنظيم داعش"
    text = "وأعلنت أنقرة أنها سمحت للطائرات العسكرية الأميركية بشن هجمات على تنظيم داعش."
    doc, st = make(text, "أعلنت", "أنقرة", [("usa", "الأميركية"), ("isis", "تنظيم داعش")], via={"usa": "nisba"})
    assert stances(doc, st) == {"usa": "pos", "isis": "neg"}


def test_delivering_arms_to_a_country() -> None:
    # alriyadh headline: "وزير الدفاع الفرنسي يؤكد تسليم الفرقاطة «فريم» لمصر"
    text = "وزير الدفاع الفرنسي يؤكد تسليم الفرقاطة «فريم» لمصر."
    doc, st = make(text, "يؤكد", "وزير الدفاع الفرنسي", [("egypt", "مصر")])
    assert stances(doc, st) == {"egypt": "pos"}


def test_nisba_actor_listed_among_the_aliases() -> None:
    # "في غارة جوية تركية شُنت الجمعة على معسكر زاركلي": تركية names the actor even if the entity lists it as alias
    text = "وأعلن المسؤول أن تحقيقا بدأ في غارة جوية تركية شنت الجمعة على معسكر زاركلي."
    doc, st = make(text, "أعلن", "المسؤول", [])
    ts = text.index("تركية")
    tgt = Target("turkey", "تركيا", Span.of(text, ts, ts + 5), aliases=("تركيا", "تركية"))
    st = Statement(st.id, st.kind, st.cue, st.speaker, st.content, (tgt,))
    assert stances(doc, st) == {"turkey": "neu"}


def test_aggression_on_a_holy_place_is_not_against_it() -> None:
    # "والسعي في منع اليهود من الاستمرار في عدوانهم واعتداءاتهم على المسجد الأقصى"
    text = "وأوضحت الهيئة أن الواجب منع الاستمرار في اعتداءاتهم على المسجد الأقصى."
    doc, st = make(text, "أوضحت", "الهيئة", [("aqsa", "المسجد الأقصى")])
    assert stances(doc, st) == {"aqsa": "neu"}


def test_a_name_that_looks_like_a_word_is_not_evidence() -> None:
    # "شكري" (Sameh Shoukry) is a name, not "thanks"
    text = "وقال سامح شكري إن زيارة الوزير إلى القاهرة ناجحة."
    doc, st = make(text, "قال", "الوزير", [("cairo", "القاهرة")])
    st = Statement(st.id, st.kind, st.cue, Speaker(None, "سامح شكري", "explicit", mention=Span.of(text, 8, 17)),
                   st.content, st.targets)
    assert stances(doc, st) == {"cairo": "neu"}


def test_statement_without_targets_is_returned_unchanged() -> None:
    text = "وقال الوزير إن الوضع مستقر."
    doc, st = make(text, "قال", "الوزير", [])
    assert assign_stances(doc, (st,)) == (st,)


def test_lexicon_rows_and_gloss_polarity() -> None:
    lex = stance_lexicon()
    assert lex["اتهم"][0].polarity == -1 and lex["رحب"][0].polarity == 1
    assert gloss_polarity("praise;commend") > 1 > 0 > gloss_polarity("condemn;denounce")
    assert gloss_polarity("war") == 0.0  # descriptive news words do not decide stance


@pytest.mark.shared
def test_development_gold_macro_f1() -> None:
    """On the gold statements and targets of the development articles, macro-F1 stays above 0.70."""
    gold_dir = need_shared("eval", "gold")
    spec = importlib.util.spec_from_file_location("eval_stance_gold", ROOT / "scripts" / "eval_stance_gold.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    pairs: list[tuple[str, str]] = []
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text = (gold_dir.parent / "articles" / gold["article"]).read_text(encoding="utf-8")
        stmts, wants, _ = mod.build(gold, text)
        doc = Document(Article.from_text(text, id=gold["article"]), ())
        for st, want in zip(assign_stances(doc, tuple(stmts)), wants, strict=True):
            pairs += [(want[t.entity], t.stance or "none") for t in st.targets]
    s = mod.scores(pairs)
    assert s["macro_f1"] >= 0.70, s
    assert s["macro_f1"] > s["neu_macro_f1"] + 0.3


def test_possessive_pronoun_carries_the_evaluation_back_to_its_actor() -> None:
    # constructed: "its aggressive policy" is about the actor the pronoun refers to
    text = "وقال الوزير إنه يجب على إيران تغيير سياستها العدوانية."
    doc, st = make(text, "قال", "الوزير", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neg"}


def test_invitation_to_visit_is_positive_only_after_a_call() -> None:
    # constructed contrast: an invitation (pos) and a trip (no stance)
    doc, st = make("وقال الوزير إنه يدعو حماس لزيارة موسكو.", "قال", "الوزير", [("hamas", "حماس")])
    assert stances(doc, st) == {"hamas": "pos"}
    doc, st = make("وقال الوزير إن وفد حماس سافر لزيارة موسكو.", "قال", "الوزير", [("hamas", "حماس")])
    assert stances(doc, st) == {"hamas": "neu"}


def test_dedication_and_rebels_and_legitimacy() -> None:
    # constructed: a dedication to X (pos), rebels of X (neg), the legitimate president X (pos)
    doc, st = make("وقال الفارس إنه يهدي الفوز لخادم الحرمين الشريفين.", "قال", "الفارس", [("king", "خادم الحرمين")])
    assert stances(doc, st) == {"king": "pos"}
    doc, st = make("وقالت السلطات إن متمردي حزب العمال هاجموا الجنود.", "قالت", "السلطات", [("pkk", "حزب العمال")])
    assert stances(doc, st) == {"pkk": "neg"}
    doc, st = make("وقال الوزير إن التدخل جاء بطلب من الرئيس الشرعي هادي.", "قال", "الوزير", [("hadi", "هادي")])
    assert stances(doc, st) == {"hadi": "pos"}


def test_a_government_body_speaks_for_its_country() -> None:
    # constructed: the White House's own country acting against a terrorist group
    text = "وأعلن البيت الأبيض أن الولايات المتحدة حققت إنجازا في حربها ضد داعش."
    doc, st = make(text, "أعلن", "البيت الأبيض", [("gpe-us", "الولايات المتحدة"), ("isis", "داعش")],
                   speaker_entity="org-white_house")
    assert stances(doc, st) == {"gpe-us": "neu", "isis": "neg"}


def make_analysed(morphology, text: str, cue: str, speaker: str,  # type: ignore[no-untyped-def]
                  targets: list[tuple[str, str]]) -> tuple[Document, Statement]:
    """Like :func:`make`, on a document the morphology layer has analysed (lemmas and glosses)."""
    from newsgraph.pipeline import analyse

    _, st = make(text, cue, speaker, targets)
    return analyse(Article.from_text(text, id="t"), morphology=morphology), st


def test_inflected_speech_verbs_are_found_through_their_lemma(morphology) -> None:  # type: ignore[no-untyped-def]
    # constructed: first-person forms (ندين، أشكر) that no list of forms names; the lemma (أدان، شكر) decides
    doc, st = make_analysed(morphology, "وقال الوزير إننا ندين تنظيم داعش.", "قال", "الوزير", [("isis", "داعش")])
    assert stances(doc, st) == {"isis": "neg"}
    doc, st = make_analysed(morphology, "وقال اللاعب: أشكر فيصل بن تركي على حسمه للصفقة.", "قال", "اللاعب",
                            [("faisal", "فيصل بن تركي")])
    assert stances(doc, st) == {"faisal": "pos"}
    # negation still neutralises the lemma's verb
    doc, st = make_analysed(morphology, "وقال الوزير إننا لا ندين تنظيم داعش.", "قال", "الوزير", [("isis", "داعش")])
    assert stances(doc, st) == {"isis": "neu"}


def test_a_short_word_misread_as_a_praise_verb_is_not_praise(morphology) -> None:  # type: ignore[no-untyped-def]
    # constructed: تشد (from شدّ "strengthen") is analysed as أشاد; three letters are too few to trust it
    text = "وقال الخبير إن الهجمات رسالة الى طالبان تشد من أزرها والى الحكومة الأفغانية."
    doc, st = make_analysed(morphology, text, "قال", "الخبير", [("afg", "الحكومة الأفغانية")])
    assert stances(doc, st) == {"afg": "neu"}


def test_congratulated_with_hamza_is_not_here() -> None:
    # constructed: هنأ "congratulated" folds to هنا "here" without its hamza; the written hamza decides
    doc, st = make("وهنأ الوزير الرئيس السيسي بنجاح المشروع.", "هنأ", "الوزير", [("sisi", "السيسي")])
    assert stances(doc, st) == {"sisi": "pos"}
    doc, st = make("وقال الوزير إن الرئيس السيسي هنا اليوم.", "قال", "الوزير", [("sisi", "السيسي")])
    assert stances(doc, st) == {"sisi": "neu"}


def test_a_name_beginning_with_fi_is_not_a_place() -> None:
    # constructed: فيصل begins with the letters of في; thanks and appreciation reach him
    text = "وأعرب الوزير عن شكره وتقديره للأمير فيصل بن خالد على دعمه الدائم."
    doc, st = make(text, "أعرب", "الوزير", [("faisal", "فيصل بن خالد")])
    assert stances(doc, st) == {"faisal": "pos"}


def test_a_diacritised_cue_is_one_word_and_reaches_past_an_adjunct() -> None:
    # constructed after a Yemeni resistance statement: ثمّنت (with shadda), then an adjunct of place and a comma
    text = "ثمّنت المقاومة الشعبية في محافظة إب، جهود الملك سلمان."
    doc, st = make(text, "ثمّنت", "المقاومة الشعبية", [("salman", "الملك سلمان")])
    (out,) = assign_stances(doc, (st,))
    assert out.targets[0].stance == "pos" and out.targets[0].evidence is not None
    assert out.targets[0].evidence.text == "ثمّنت"


def test_bearing_the_responsibility_is_blame() -> None:
    # constructed: حمّل X المسؤولية / X يتحمل المسؤولية -> neg X; a duty (مسؤولياتها) and a denial are not blame
    doc, st = make("وقال المتحدث إن حركة حماس تتحمل المسؤولية عن أي اعتداء.", "قال", "المتحدث", [("hamas", "حماس")])
    assert stances(doc, st) == {"hamas": "neg"}
    doc, st = make("وقال البيان إن الوزارة حمّلت إسرائيل المسؤولية الكاملة.", "قال", "البيان", [("isr", "إسرائيل")])
    assert stances(doc, st) == {"isr": "neg"}
    doc, st = make("وقال الوزير إن الحكومة تتحمل مسؤولياتها تجاه المواطنين.", "قال", "الوزير", [("gov", "الحكومة")])
    assert stances(doc, st) == {"gov": "neu"}
    doc, st = make("وقال المتحدث إن حركة حماس لا تتحمل المسؤولية.", "قال", "المتحدث", [("hamas", "حماس")])
    assert stances(doc, st) == {"hamas": "neu"}


def test_concern_about_an_actor_and_prayer_for_the_dead() -> None:
    # constructed: concern about X presents X as a threat (neg); رحم الله X is a prayer for X (pos)
    doc, st = make("وأعرب الوزير عن قلقه من التدخل الإيراني.", "أعرب", "الوزير", [("iran", "الإيراني")])
    assert stances(doc, st) == {"iran": "neg"}
    doc, st = make("وقال صديقه: رحم الله الأخ عبدالله الزهراني.", "قال", "صديقه", [("z", "عبدالله الزهراني")])
    assert stances(doc, st) == {"z": "pos"}


def test_a_pronoun_takes_up_the_last_actor_across_commas() -> None:
    # constructed after a Yemeni politician's remark: اعتداءاتهم refers back to الحوثيين, two clauses earlier;
    # دعمها للنظام is Iran's act reported by the speaker, not the speaker's support
    text = "وقال البيحاني إن التفاوض مع الحوثيين مضيعة للوقت، وفرصة لهم، والعودة لممارسة اعتداءاتهم ضد المدنيين."
    doc, st = make(text, "قال", "البيحاني", [("houthi", "الحوثيين")])
    assert stances(doc, st) == {"houthi": "neg"}
    text = "وقال التقرير إن الخطر أنشطة إيران في المنطقة، بما في ذلك رعايتها للإرهاب ودعمها الكبير لنظام الأسد."
    doc, st = make(text, "قال", "التقرير", [("iran", "إيران"), ("assad", "الأسد")])
    assert stances(doc, st) == {"iran": "neg", "assad": "neu"}


def test_a_judged_role_reaches_its_actor() -> None:
    # constructed after a statement of an Islamic organisation: "ما تضطلع به X من دور فاعل" -> pos X
    doc, st = make("وأشارت المنظمة إلى ما تضطلع به المملكة من دور فاعل في مكافحة الإرهاب.", "أشارت", "المنظمة",
                   [("ksa", "المملكة")])
    assert stances(doc, st) == {"ksa": "pos"}
    # the Syrian foreign minister's sentence (audit set): "أهمية دورها المحوري" -> pos toward the pronoun's actor
    doc, st = make("وقال المعلم إن الاتفاق اعتراف بمكانة إيران وأهمية دورها المحوري.", "قال", "المعلم",
                   [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "pos"}
    # a blaming qualifier, its negation, and a size word whose actor is not in construct
    doc, st = make("وقال الوزير إن إيران تلعب دورا تخريبيا في اليمن.", "قال", "الوزير", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neg"}
    doc, st = make("وقال الوزير إن إيران لم تلعب دورا إيجابيا في اليمن.", "قال", "الوزير", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neu"}
    text = "وقال البيت الأبيض إن أبا سياف كان قائدا في داعش ولعب دورا كبيرا في عمليات التهريب."
    doc, st = make(text, "قال", "البيت الأبيض", [("isis", "داعش")])
    assert stances(doc, st) == {"isis": "neu"}
    doc, st = make("وقال بدوره إن الوزير سيزور مصر.", "قال", "الوزير", [("egypt", "مصر")])
    assert stances(doc, st) == {"egypt": "neu"}  # بدوره "in turn" is no role


def test_support_given_to_the_speakers_side_is_pos_toward_the_giver() -> None:
    # the Syrian foreign minister (audit set): "الدعم الثابت الذي تقدمه طهران لدمشق" said by Syria -> pos Tehran
    text = "وقال وزير الخارجية السوري إن الاتفاق لن يوقف الدعم الإيراني لسوريا."
    doc, st = make(text, "قال", "وزير الخارجية السوري", [("iran", "الإيراني"), ("syria", "سوريا")],
                   via={"iran": "nisba"})
    assert stances(doc, st) == {"iran": "pos", "syria": "neu"}
    # the same support reported by an onlooker is neu (GUIDELINES: the same act reported by an onlooker)
    doc, st = make("وقال المحلل إن الدعم الإيراني لسوريا مستمر.", "قال", "المحلل", [("iran", "الإيراني"),
                   ("syria", "سوريا")], via={"iran": "nisba"})
    assert stances(doc, st) == {"iran": "neu", "syria": "neu"}


def test_hostile_nouns_reach_the_actor_of_their_relative_clause() -> None:
    # constructed: the violations the Houthis committed -> neg; the crimes the Syrian people suffered -> neu
    doc, st = make("وقال الوزير إن الانتهاكات التي ارتكبها الحوثي في اليمن لن تمر.", "قال", "الوزير",
                   [("houthi", "الحوثي"), ("yemen", "اليمن")])
    assert stances(doc, st) == {"houthi": "neg", "yemen": "neu"}
    doc, st = make("وقال الوزير إن الجرائم التي تعرض لها الشعب السوري مستمرة.", "قال", "الوزير", [("sy", "السوري")],
                   via={"sy": "nisba"})
    assert stances(doc, st) == {"sy": "neu"}


def test_a_wrong_traced_to_an_actor_and_interference_are_blame() -> None:
    # al-Jubeir (audit set): "مأساة الشعب السوري مردها إلى دعم طهران لنظام الأسد" -> neg Tehran
    text = "وقال الجبير إن مأساة الشعب السوري مردها إلى دعم طهران لنظام الأسد."
    doc, st = make(text, "قال", "الجبير", [("iran", "طهران")])
    assert stances(doc, st) == {"iran": "neg"}
    text = "وأكد الوزير أن إيران تواصل التدخل في شؤون الدول المجاورة."
    doc, st = make(text, "أكد", "الوزير", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neg"}
    # a terrorist organisation: منظمة between the name and its description does not separate them
    doc, st = make("وقال العلماء إن داعش منظمة إرهابية.", "قال", "العلماء", [("isis", "داعش")])
    assert stances(doc, st) == {"isis": "neg"}


def test_a_masdar_with_its_pronoun_and_a_construct_object_reaches_the_object() -> None:
    # constructed after an Iraqi bloc's statement: رفضه تصريحاتِ X (his rejection of X's statements) -> neg X;
    # a verb with an object pronoun (اتهمتها بالتقصير) keeps the pronoun as its object
    text = "وأكد التحالف رفضه تصريحات نائب الرئيس نوري المالكي."
    doc, st = make(text, "أكد", "التحالف", [("maliki", "نوري المالكي")])
    assert stances(doc, st) == {"maliki": "neg"}
    doc, st = make("وقال الوزير إن الصحف اتهمتها بالتقصير أمام البرلمان.", "قال", "الوزير", [("p", "البرلمان")])
    assert stances(doc, st) == {"p": "neu"}


def test_hostile_nouns_epithets_and_denied_accusations() -> None:
    # constructed: أطماع X and a nisba after الحصار -> neg toward the actor; the besieged place is neu
    doc, st = make("وقال الوزير إن أطماع إيران في المنطقة معروفة.", "قال", "الوزير", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neg"}
    doc, st = make("وقال الوزير إن الحصار الإسرائيلي على غزة مستمر.", "قال", "الوزير",
                   [("isr", "الإسرائيلي"), ("gaza", "غزة")], via={"isr": "nisba"})
    assert stances(doc, st) == {"isr": "neg", "gaza": "neu"}
    # an epithet (الأصولية المتشددة) qualifies the movement it follows
    doc, st = make("وقالت البعثة إنها اكتشفت مركزا تابعا لحركة الشباب المتشددة.", "قالت", "البعثة",
                   [("shabaab", "حركة الشباب")])
    assert stances(doc, st) == {"shabaab": "neg"}
    # implicated -> neg; a denied implication is no accusation
    doc, st = make("وقال الوزير إن الجيش السوري متورط في الهجوم.", "قال", "الوزير", [("army", "الجيش السوري")])
    assert stances(doc, st) == {"army": "neg"}
    doc, st = make("ونفى الوزير أن يكون الجيش السوري متورطا في الهجوم.", "نفى", "الوزير", [("army", "الجيش السوري")])
    assert stances(doc, st) == {"army": "neu"}


def test_a_deal_name_is_no_actor_and_thanks_stop_at_their_reason() -> None:
    # the seed-like sentence of a dev article: "وصف اتفاق فيينا بالنفاق" judges the deal, not Vienna
    doc, st = make("ووصف نتنياهو اتفاق فيينا بالنفاق.", "وصف", "نتنياهو", [("vienna", "فيينا")])
    assert stances(doc, st) == {"vienna": "neu"}
    # constructed after a club president's thanks: the presidents are thanked, the club after على is the reason
    text = "وتقدم رئيس الهلال بالشكر لجميع رؤساء الأندية على دعمهم للهلال."
    doc, st = make(text, "تقدم", "رئيس الهلال", [("hilal", "للهلال")])
    assert stances(doc, st) == {"hilal": "neu"}
    doc, st = make("وقال الوزير إن بلاده تقف إلى جانب مصر.", "قال", "الوزير", [("egypt", "مصر")])
    assert stances(doc, st) == {"egypt": "pos"}


def test_backing_a_hostile_thing_accuses_the_backer() -> None:
    # constructed after a British minister's remark: "الإرهاب الذي تدعمه إيران" -> neg Iran (not pos: the name
    # after تدعمه is its subject); a neutral head (الحكومة التي تدعمها إيران) is a reported act -> neu
    text = "وأكد الوزير أن بلاده لا تتساهل مع الإرهاب الذي تدعمه إيران."
    doc, st = make(text, "أكد", "الوزير", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neg"}
    doc, st = make("وقال الوزير إن الحكومة التي تدعمها إيران ضعيفة.", "قال", "الوزير", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neu"}
    # "لن تتخلى عن عدوانيتها": a negated verb of giving up affirms, and the pronoun names Iran
    text = "وقال المحلل إن إيران ستوسع نفوذها، ولن تتخلى عن عدوانيتها تجاه جيرانها."
    doc, st = make(text, "قال", "المحلل", [("iran", "إيران")])
    assert stances(doc, st) == {"iran": "neg"}
