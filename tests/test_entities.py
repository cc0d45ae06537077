"""Mentions, gazetteers and canonical keys (newsgraph.entities), on sentences of the seed and eval articles."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import EVAL, ROOT, need_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import entities
from newsgraph.entities.canonical import assign_keys
from newsgraph.entities.gazetteer import gazetteer
from newsgraph.entities.mentions import mentions_in_text
from newsgraph.model import Article, Document


def _doc(text: str) -> Document:
    return Document(Article.from_text(text, id="t"), ())


def _found(text: str) -> dict[str, tuple[str | None, str, str]]:
    return {m.text: (m.key, m.type, m.source) for m in mentions_in_text(text)}


# --- canonical keys ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("names", "typ", "key"), [
    (["بوتين", "فلاديمير بوتين", "الرئيس الروسي فلاديمير بوتين", "Putin"], "PER", "per-vladimir_putin"),
    (["الاسد", "الأسد", "بشار الأسد", "بشار الاسد", "الرئيس بشار الأسد"], "PER", "per-bashar_al_assad"),
    (["أمريكا", "أميركا", "امريكا", "الولايات المتحدة", "الولايات المتحدة الأمريكية", "US", "United States"],
     "GPE", "gpe-us"),
    (["روسيا", "Russia", "روسيا الاتحادية"], "GPE", "gpe-ru"),
    (["السعودية", "المملكة العربية السعودية", "المملكة"], "GPE", "gpe-sa"),
    (["داعش", "تنظيم داعش", "الدولة الإسلامية", "تنظيم الدولة الإسلامية", "ISIS"], "ORG", "org-isis"),
    (["البنتاغون", "البنتاجون", "وزارة الدفاع الأميركية"], "ORG", "org-pentagon"),
])
def test_canonical_key_is_one_per_referent(names: list[str], typ: str, key: str) -> None:
    assert {entities.canonical_key(n, typ) for n in names} == {key}  # type: ignore[arg-type]


def test_canonical_keys_are_iri_safe_and_deterministic() -> None:
    # an unknown person and an unknown organisation: keyed by their transliterated normalised name
    k1 = entities.canonical_key("فهد كفاين", "PER")
    assert k1 == entities.canonical_key("فهد كفاين", "PER") == "per-fhd_kfayn"
    k2 = entities.canonical_key("وزارة الدفاع الروسية", "ORG")
    assert k2 == entities.canonical_key("وزارة الدفاع الروسيّة", "ORG")  # diacritics do not change the key
    for k in (k1, k2, entities.canonical_key("#وليد_المعلم", "PER"), entities.canonical_key("مصدر أمني", "PER")):
        assert re.fullmatch(r"[A-Za-z0-9_-]+", k), k


def test_cities_and_countries_carry_external_ids() -> None:
    g = gazetteer()
    assert ("iso3166", "RU") in g.entries["gpe-ru"].ids
    assert g.phrases[("حمص",)].key == "gpe-geonames-169577"  # GeoNames id of Homs
    assert ("geonames", "170654") in g.phrases[("دمشق",)].ids


def test_corpus_surname_rule() -> None:
    keys = ["per-fhd_kfayn", "per-kfayn", "per-Sbry_Eyd", "per-mHmd_Eyd", "per-Eyd"]
    # كفاين has one full name in the corpus; عيد has two, so it stays as it is
    assert entities.corpus_surname_keys(keys) == {"per-kfayn": "per-fhd_kfayn"}


# --- mentions --------------------------------------------------------------------------------------------

def test_seed_sentence_mentions(seed_text: str) -> None:
    # "وقال وزير خارجية السوري #وليد_المعلم إن أي بلدان تستهدف مقاتلي تنظيم #داعش ... في سوريا ..."
    start = seed_text.index("وقال وزير خارجية السوري")
    sentence = seed_text[start:seed_text.index("\n", start)]
    found = _found(sentence)
    assert found["وليد_المعلم"][0] == "per-walid_al_muallem"
    assert found["تنظيم #داعش"][0] == "org-isis"
    assert found["سوريا"][0] == "gpe-sy"
    assert found["السوري"] == ("gpe-sy", "GPE", "nisba")
    assert found["الحكومة السورية"][1:] == ("ORG", "pattern")


def test_organisation_heads_take_their_complement(seed_text: str) -> None:
    # "أعلنت وزارة الدفاع الروسية أن الطيران الحربي الروسي نفذ ..."; "وكان مجلس الاتحاد الروسي بالإجماع ..."
    found = _found(seed_text)
    assert found["وزارة الدفاع الروسية"][1:] == ("ORG", "pattern")
    assert found["مجلس الاتحاد الروسي"][1:] == ("ORG", "pattern")
    assert found["الروسي"] == ("gpe-ru", "GPE", "nisba")
    # a head without a named anchor is generic: a mention, never a target
    assert _found("وطالب مجلس المحافظة بالإصلاح")["مجلس المحافظة"][2] == "generic"


def test_quoted_and_hashtag_names(seed_text: str) -> None:
    # '... 8 أهداف لتنظيم "داعش" في سوريا'  and  'وكانت  #روسيا شنت أولى غاراتها بالقرب من مدينة حمص'
    found = _found(seed_text[:400])
    assert found["داعش"][0] == "org-isis"
    assert found["روسيا"][0] == "gpe-ru"
    assert found["حمص"][0] == "gpe-geonames-169577"  # the place head "مدينة" is not part of the name


def test_names_without_gazetteer() -> None:
    # snn-aleqtisadiya: "... ولطفي باشريف وزير الاتصالات ... وفهد كفاين وزير الثروة السمكية سيعودن ..."
    found = _found("إن المهندس وحي أمان وزير الأشغال العامة، ولطفي باشريف وزير الاتصالات، وفهد كفاين وزير الثروة")
    assert found["لطفي باشريف"][1:] == ("PER", "name")
    assert found["فهد كفاين"][1:] == ("PER", "name")
    # a given name that is also a city (رياض) followed by a family name is a person
    assert _found("خلال لقائه رياض ياسين وزير الخارجية")["رياض ياسين"][1] == "PER"
    # على "on" is not the given name علي
    assert not [m for m in mentions_in_text("ولن تكون هناك قوات على الأرض") if m.type == "PER"]


def test_family_name_alone_joins_the_full_name(seed_text: str) -> None:
    # "وأكّد أن دعم الأسد سيكون عبر الضربات الجوية" after "بشار #الاسد" elsewhere in the article
    doc = _doc(seed_text)
    ms = entities.find_mentions(doc)
    ents, _ = entities.resolve(doc, ms, ())
    assad = next(e for e in ents if e.key == "per-bashar_al_assad")
    texts = {seed_text[s.start:s.end] for s in assad.mentions}
    assert "الأسد" in texts and "بشار #الاسد" in texts


def test_clitics_are_outside_the_span() -> None:
    text = "وصلت الطائرات إلى بغداد وللعراق وبسوريا"
    found = _found(text)
    assert found["بغداد"][0] == "gpe-geonames-98182"
    assert found["سوريا"][0] == "gpe-sy"  # وبسوريا: و + ب are not in the span
    assert any(k == "gpe-iq" for k, _, _ in found.values())  # للعراق = ل + العراق


def test_spans_round_trip_on_every_eval_article() -> None:
    need_shared("eval", "articles")
    for path in sorted((EVAL / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in entities.find_mentions(_doc(text)):
            assert text[m.start:m.end] == m.text, (path.name, m)
            assert m.type in ("PER", "ORG", "GPE", "LOC", "MISC")


_PIECES = st.sampled_from([*"ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآةى#_\"«» ،.\n", "روسيا ", "بوتين ", "الروسية ",
                           "وزارة ", "محمد ", "ال", "و"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_find_mentions_never_crashes_and_spans_are_exact(text: str) -> None:
    for m in entities.find_mentions(_doc(text)):
        assert text[m.start:m.end] == m.text


# --- across articles ----------------------------------------------------------------------------------------

def test_same_actor_same_key_across_articles(seed_text: str) -> None:
    need_shared("eval", "articles")
    other = (EVAL / "articles" / "snn-aawsat-88508bd6.txt").read_text(encoding="utf-8")
    keys = []
    for text in (seed_text, other):
        doc = _doc(text)
        ents, _ = entities.resolve(doc, entities.find_mentions(doc), ())
        keys.append({e.key for e in ents})
    # داعش، سوريا، تركيا، العراق، الولايات المتحدة / أميركا in both articles: one key each across the corpus
    for key in ("org-isis", "gpe-sy", "gpe-tr", "gpe-iq", "gpe-us"):
        assert key in keys[0] and key in keys[1], key


def test_generated_gazetteers_are_reproducible(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """scripts/build_gazetteers.py gives the committed countries.tsv/cities.tsv byte for byte."""
    res = ROOT / "src" / "newsgraph" / "resources"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteers.py"), "--out", str(tmp_path)], check=True)
    for name in ("countries.tsv", "cities.tsv"):
        assert (tmp_path / name).read_bytes() == (res / name).read_bytes(), name


# --- with the morphology database ------------------------------------------------------------------------

def _analysed(morphology, text: str) -> Document:  # type: ignore[no-untyped-def]
    from newsgraph.pipeline import analyse

    return analyse(Article.from_text("عنوان\n\n" + text, id="t"), morphology=morphology)


def _people(morphology, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in entities.find_mentions(_analysed(morphology, text)) if m.type == "PER"]


def test_names_with_the_morphology(morphology) -> None:  # type: ignore[no-untyped-def]
    # snn-almadina: "خطيب جمعة النجف صدر الدين القبانجي"; snn-alweeam: "المحامي عبد المنعم عبد المقصود",
    # "سلطان أبو العينين"; snn-okaz: "مريم الحربي" (a family nisba the database reads as an adjective)
    assert _people(morphology, "وقال خطيب جمعة النجف صدر الدين القبانجي، أمس") == ["صدر الدين القبانجي"]
    assert _people(morphology, "وقال المحامي عبد المنعم عبد المقصود الذي") == ["عبد المنعم عبد المقصود"]
    assert _people(morphology, "وقال سلطان أبو العينين عضو اللجنة") == ["سلطان أبو العينين"]
    assert _people(morphology, "وقالت مريم الحربي إن") == ["مريم الحربي"]
    # a given name alone before a verb is no full name; a title + name + preposition stops at the preposition
    assert _people(morphology, "قال محمد إن الوضع مستقر") == []
    assert "الاسد" in _people(morphology, "عبر رسالة أرسلها الرئيس الاسد للرئيس بوتين")


def test_places_with_the_morphology(morphology) -> None:  # type: ignore[no-untyped-def]
    doc = _analysed(morphology, "واحتج الأهالي في بلدة دوما جنوب نابلس، وهم يعملون دوماً لحماية أرضهم")
    found = [(m.text, m.type) for m in entities.find_mentions(doc) if m.type == "GPE"]
    assert ("دوما", "GPE") in found  # the town after its head noun
    assert ("دوماً", "GPE") not in found  # the adverb "always" (tanween) is no place
    # the place head also keeps a town's name from being read as a person after a title
    doc = _analysed(morphology, "عبروا عن سعادتهم بزيارة أمير المنطقة لمحافظة شرورة")
    assert not [m for m in entities.find_mentions(doc) if m.type == "PER"]


def test_crf_adds_unknown_names_only(morphology) -> None:  # type: ignore[no-untyped-def]
    # snn-alweeam: "ودعا رئيس المجلس الوطني الفلسطيني سليم الزعنون إلى ..." — no word list knows سليم الزعنون
    doc = _analysed(morphology, "ودعا رئيس المجلس الوطني الفلسطيني سليم الزعنون إلى تطبيق القرارات")
    per = [(m.text, m.source) for m in entities.find_mentions(doc, crf=True) if m.type == "PER"]
    assert per and per[0][0] == "سليم الزعنون"
    # a coordination or a nisba phrase is never taken from the tagger
    doc = _analysed(morphology, "وأكد مصدر ديبلوماسي فرنسي أن أسعار البن والشاي ارتفعت")
    assert not [m for m in entities.find_mentions(doc, crf=True) if m.source == "crf"]


def test_family_name_after_the_father_and_names_inside_institutions(morphology) -> None:  # type: ignore[no-untyped-def]
    # okaz (2015-07-31): "وزير التعليم الدكتور عزام بن محمد الدخيل اطلع على تقرير اللجنة"
    assert _people(morphology, "كشف أن وزير التعليم الدكتور عزام بن محمد الدخيل اطلع على") == \
        ["عزام بن محمد الدخيل"]
    # sabq (2015-07-31): "نحن خريجو جامعة الملك فيصل في تخصص ..."
    doc = _analysed(morphology, "نحن خريجو جامعة الملك فيصل في تخصص التربية")
    assert [(m.text, m.source) for m in entities.find_mentions(doc) if m.type == "ORG"] == \
        [("جامعة الملك فيصل", "pattern")]


def test_geographic_and_party_heads_are_one_unit() -> None:
    # constructed: a sea with its adjective is a place (the gazetteer's or the head pattern's), not the country
    # of the nisba
    got = {(m.text, m.type) for m in mentions_in_text("سقطت الطائرة في المحيط الهندي قرب الساحل")}
    assert ("المحيط الهندي", "LOC") in got
    assert not any(m.source == "nisba" for m in mentions_in_text("سقطت الطائرة في المحيط الهندي"))
    # a definite party head with its adjectives, a body with its لل- complement, a generic group
    got = {m.text: m.source for m in mentions_in_text("وقال الحزب الديمقراطي الكردستاني إن الجماعة المسلحة هاجمت")}
    assert got.get("الحزب الديمقراطي الكردستاني") in ("pattern", "gazetteer")
    assert got.get("الجماعة المسلحة") == "generic"
    got = {m.text for m in mentions_in_text("وهنأ الاتحاد السعودي للفروسية الفارس")}
    assert "الاتحاد السعودي للفروسية" in got


def test_kunya_case_forms_are_one_person() -> None:
    # constructed: أبو/أبا/أبي + name is one person whatever the case ending
    ms = [m for m in assign_keys(mentions_in_text("قتل أبو سياف وإن أبا سياف كان قائدا لدى أبي سياف"))
          if m.type == "PER"]
    assert [m.text for m in ms] == ["أبو سياف", "أبا سياف", "أبي سياف"]
    assert len({m.key for m in ms}) == 1


def test_island_head_and_coordinated_known_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # constructed: the name after جزيرة is a place; a known name after و is not swallowed by the complement
    doc = _analysed(morphology, "عثر على حطام في جزيرة لاريونيون")
    assert "لاريونيون" in {m.text for m in entities.find_mentions(doc)}
    got = {m.text for m in mentions_in_text("قتل عناصر من قوات الشرطة والحشد الشعبي")}
    assert "الحشد الشعبي" in got and "قوات الشرطة والحشد الشعبي" not in got


def test_an_adverbial_after_a_name_is_not_its_family_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # constructed: بوضوح "clearly" (ب + masdar in every analysis) ends the name
    assert _people(morphology, "وتحدث خالد بوضوح عن الحصار") == []
    # a family name that is also ب + noun in some reading stays a name
    assert _people(morphology, "وقال محمد بركات إن") == ["محمد بركات"]


def test_country_g_variants_and_saudi_regions() -> None:
    """Press spellings: a foreign g written ج (بنجلاديش), curated variants, Saudi regions; المغرب untouched."""
    from newsgraph.entities.gazetteer import gazetteer, key_words

    g = gazetteer()
    assert g.phrases[key_words("بنجلاديش")].key == g.phrases[key_words("بنغلاديش")].key == "gpe-bd"
    assert g.phrases[key_words("الكونجو - كينشاسا")].key == "gpe-cd"
    assert g.phrases[key_words("أرتريا")].key == "gpe-er"
    assert g.phrases[key_words("المنطقة الشرقية")].label_en == "Eastern Province"
    assert key_words("المجرب") not in g.phrases  # no ج variant of المغرب


def test_words_read_from_the_tokens_equal_words_read_from_an_offset_map(seed_text, morphology):
    # find_mentions walks the document's tokens once; scan_words takes analyses by character offset:
    # the seed article's words (keys, proper-noun readings, glosses, joins) are the same either way
    from newsgraph.entities.mentions import _analyses_by_word, _scan, _token_lookup, scan_words
    from newsgraph.model import Article
    from newsgraph.pipeline import analyse

    doc = analyse(Article.from_text(seed_text, id="seed"), morphology=morphology)
    by_offset: dict = {}
    for t in doc.tokens:
        anas = [a for a in (t.analysis, *t.alternatives) if a is not None]
        for off in range(t.start, t.end):
            if anas:
                by_offset[off] = anas
    spans = _analyses_by_word(doc.sentences)
    words = _scan(seed_text, _token_lookup(spans))
    assert words == scan_words(seed_text, by_offset)
    assert _scan(seed_text, None, spans) == words  # the merge inside _scan (find_mentions' path) reads the same
    assert sum(w.proper is True for w in words) > 10
    assert all(seed_text[w.start:w.end] == w.text for w in words)
