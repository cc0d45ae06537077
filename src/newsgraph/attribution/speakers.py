"""The speaker phrase of a cue: where it is, how it splits into title, name, role and organisation.

Arabic news reports speech verb-first (VSO: وقال الجنرال ايغور كوناشينكوف المتحدث باسم وزارة الدفاع الروسية)
or subject-first (وكانت الرئاسة السورية أكّدت).  The subject noun phrase ends at the complementiser (أن، إن),
a colon or quotation mark, a preposition, a time adverb, a relative pronoun or punctuation.  Inside it a
leading title/role segment (الرئيس الروسي، وزير خارجية السوري) precedes the name, and an apposition
(المتحدث باسم ...) follows it.

    >>> from newsgraph.attribution.text import scan
    >>> v = scan("وقال الجنرال ايغور كوناشينكوف المتحدث باسم وزارة الدفاع الروسية: نعم")
    >>> p = parse_phrase(v, subject_range(v, 1))
    >>> p.label, p.title, p.role, p.organization
    ('ايغور كوناشينكوف', 'الجنرال', 'المتحدث باسم', 'وزارة الدفاع الروسية')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsgraph.attribution.text import Tok, View, key, norm
from newsgraph.lexicons import load_tsv

__all__ = ["Phrase", "word_class", "person_nouns", "subject_range", "subject_before", "svo_first", "parse_phrase",
           "clean_label", "eulogy_at", "first_conjunct"]

_COMPLEMENTISER = re.compile(r"^[وف]?[بل]?ان(ه|ها|هم|هما|نا|ني|كم|ك)?$")
_PREPS = frozenset(key(w) for w in (
    "على علي إلى الى عن مع خلال لدى أمام عبر حول بشأن ضد منذ عقب إثر اثر بعد قبل أثناء اثناء نحو تجاه حيال "
    "إزاء بخصوص وسط عند رغم دون بين لـ لكن ولكن غير بل أو او ثم حتى إذ اذا إذا كما مثل").split())
_TIME = frozenset(key(w) for w in (
    "أمس امس اليوم غدا الليلة مساء صباح ظهر عصر فجر يوم الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة "
    "السبت الأحد الاحد أيضا ايضا مرارا مجددا كذلك حاليا مؤخرا سابقا لاحقا بدوره بدورها بدورهم الثلاثاء قائلا "
    "قائلة قائلين صراحة رسميا علنا").split())
_RELATIVE = frozenset(key(w) for w in (
    "الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي ما مما فيما بينما حين حينما عندما لما بعدما "
    "كلما").split())
_QUANTIFIERS = frozenset(key(w) for w in (
    "عدد أحد احد بعض جملة مجموعة العديد الكثير المئات مئات عشرات آلاف الآلاف كل").split())
# cardinal numerals that count a described source (أربعة مصادر، ثلاثة أشخاص، عشرات المسؤولين)
_NUMERALS = frozenset(key(w) for w in (
    "اثنان اثنين اثنا اثني ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة عشر عشرة "
    "عدة").split())
_IN_CONTEXT = frozenset(key(w) for w in (
    "بيان تصريح تصريحات حديث كلمة مؤتمر مقابلة حسابه حسابها صفحته صفحتها بداية ختام رسالة لقاء اتصال تغريدة "
    "تدوينة منشور خطاب خطبة جلسة اجتماع ندوة برنامج حوار تقرير سياق معرض رده ردها وقت حين").split())
_BI_STOP = frozenset(key(w) for w in "بأن بانه بأنه بأنها بأنهم بضرورة بدور بأهمية بحماية بتسليح بوقف بعدم بشن".split())
_NAME_JOINERS = frozenset(key(w) for w in "بن بنت ابن أبو ابو أبي ابي آل ال عبد عبدال".split())
_OPENERS = frozenset(key(w) for w in (
    "ذلك هذا جهته جهتها جهتهم جانبه جانبها جانبهم ناحيته ناحيتها ناحيتهم بدوره بدورها ثم بينما حيث").split())
_SVO_KAN = frozenset(key(w) for w in "كان وكان كانت وكانت فكان فكانت كانوا وكانوا".split())
_SVO_LEFT = frozenset(key(w) for w in "كان وكان كانت وكانت كانوا وكانوا لكن ولكن لكنه غير قد وقد لقد".split())
_PREP_PRONOUN = re.compile(r"^(في|فى|علي|على|الي|إلى|عن|من|مع|لدي|عند|به|بها|بهم|له|لها|لهم)(ه|ها|هم|هما|نا|كم|ي)?$"
                           r"|^[لب](ه|ها|هم|هما|نا|كم|كما|كن|ك)$")  # لكم، لنا، بك (not لي: also a name, Lee)
# words that never begin or make up a speaker before its verb: conjunctions/particles (فيما أكد، كما أعلنت),
# demonstratives and personal pronouns (هذا، هذه، هو), and the clause adverbs of news copy (ميدانياً، أيضاً)
_NEVER_SUBJECT = frozenset(key(w) for w in (
    "فيما كما بينما حين حينما عندما لما حيث إذ اذ إذا اذا ثم فقد قد لقد لكن بل أيضا ايضا كذلك هكذا "
    "هذا هذه ذلك تلك هؤلاء أولئك هنا هناك هو هي هم هما هن أنا انا نحن أنت انت أنتم انتم ـ "
    "حينها حينئذ عندها وقتها يومها آنذاك بعدها قبلها ليس ليست "
    # interrogatives (a question is no speaker: وتساءلت متى ...، فقال وأين ...)
    "متى كيف ماذا لماذا أين هل "
    # the objects of the idiom لفت الانتباه / النظر "drew attention"
    "الانتباه النظر الأنظار "
    # the negating nouns of طلب عدم ذكر اسمه، رفض الكشف عن هويته (a source's request for anonymity)
    "عدم عدمه").split())
# A source's request for anonymity between commas: مسؤولاً محلياً، طلب عدم ذكر اسمه، قال ...
_ANONYMITY = frozenset(key(w) for w in "اسمه اسمها اسمهم اسميهما هويته هويتها هويتهم".split())
_SELF = frozenset(key(w) for w in "نفسه نفسها نفسهم أنفسهم ذاته ذاتها".split())
_TRUE_PREPS = frozenset(key(w) for w in (
    "في فى من عن على علي إلى الى مع خلال لدى أمام عبر حول بشأن ضد منذ عقب إثر اثر بعد قبل أثناء اثناء نحو تجاه "
    "حيال إزاء بخصوص وسط عند رغم دون بين").split())
_SOURCE_PP = frozenset(key(w) for w in "عنه عنها عنهم عنهما".split())
_BARE_PREPS = frozenset(key(w) for w in "في فى على علي إلى الى الي عن من مع لدى لدي عند".split())
_DEMONSTRATIVES = frozenset(key(w) for w in "هذا هذه ذلك تلك هؤلاء أولئك".split())
_PRONOUNS = frozenset(key(w) for w in "هو هي هم هما هن".split())


@cache
def _lexicon() -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for row in load_tsv("titles.tsv", columns=4):
        out.setdefault(key(row[1]), (row[0], row[2], row[3]))
    return out


def word_class(tok: Tok | str) -> tuple[str, str, str] | None:
    """(class, gender, number) of a descriptive word (title, role, honorific, anonymous, organisation, product).

    Example:
        >>> word_class("المتحدث")[0]
        'role'
    """
    k = tok if isinstance(tok, str) else tok.key
    k = key(k).lstrip(" ")
    lex = _lexicon()
    if k in lex:
        return lex[k]
    if k.startswith("ال") and k[2:] in lex:
        return lex[k[2:]]
    if "ال" + k in lex:
        return lex["ال" + k]
    return None


def _cls(tok: Tok) -> str | None:
    c = word_class(tok)
    return c[0] if c else None


def indefinite_accusative(tok: Tok) -> bool:
    """Is the word an indefinite accusative with tanween alif (مسؤولاً، أكلاً، ميدانياً)?"""
    return not tok.definite and tok.text.endswith(("اً", "ًا"))


def is_boundary(tok: Tok, *, first: bool) -> bool:
    """Does this token end a subject phrase (complementiser, preposition, time word, punctuation ...)?"""
    if tok.kind != "word":
        return True
    k = tok.key
    if k == "علي" and tok.norm == "علي" and tok.analysis is not None and tok.analysis.pos == "noun_prop":
        return False  # the name علي, not the preposition على written with ي
    if _COMPLEMENTISER.match(k) or k in _PREPS or k in _TIME or k in _RELATIVE:
        return True
    if k in ("في", "من", "و", "ف", "لـ", "بـ", "ل", "ب") or _PREP_PRONOUN.match(k):
        return True
    if _is_particle(tok):
        return True
    if first and indefinite_accusative(tok):
        return True  # an indefinite accusative (ويطلب أكلاً) is an object, never the subject
    if k.startswith("بال"):
        return True
    if k.isdigit() or any(ch.isdigit() for ch in k):
        return True
    if not first and (k.startswith("بال") or k in _BI_STOP):
        return True
    return False


def _is_particle(tok: Tok) -> bool:
    from newsgraph.attribution.cues import cue_forms

    w = tok.norm
    forms = cue_forms().get(w) or (cue_forms().get(w[1:]) if len(w) > 3 and w[0] in "وف" else None)
    return forms is not None and forms[0].cue_type == "particle"


def _is_cue_word(tok: Tok) -> bool:
    from newsgraph.attribution.cues import cue_forms

    table = cue_forms()
    w = tok.norm
    return w in table or (len(w) > 3 and w[0] in "وف" and w[1:] in table)


def subject_range(view: View, i: int, *, limit: int = 14, names: frozenset[int] = frozenset(),
                  after_verb: bool = True) -> tuple[int, int]:
    """Token range [a, b) of the subject phrase that starts at token i (after a verb-first cue).

    Skips an addressee "لـ(عكاظ)" and a clause "في بيان ..." at the start; allows "في" inside described
    sources (مصدر أمني في دمشق) and short quoted names after an organisation head (شبكة «سي إن إن»).
    A speaker is a nominal: a phrase that starts with a word the morphology reads as a verb, an adverb or
    an interrogative (وتابع يقول، ولاحظ جيداً، ويرى كيف) is no subject, and the subject is dropped.

    Args:
        view: the scanned text.
        i: the token after the verb.
        limit: most words in the phrase.
        names: indices of tokens inside name mentions (a name the analyser reads as a verb stays a name).
        after_verb: the phrase follows a verb (not a particle such as بحسب, after which a genitive -ين plural
            or a possessed noun is the source itself).

    Example:
        >>> from newsgraph.attribution.text import scan
        >>> v = scan("وقال مصدر أمني في دمشق إن")
        >>> r = subject_range(v, 1); [t.text for t in v.tokens[r[0]:r[1]]]
        ['مصدر', 'أمني', 'في', 'دمشق']
    """
    toks = view.tokens
    n = len(toks)
    sent = view.sentence[i - 1] if i > 0 else 0
    j = i
    # addressee before the subject: لـ(عكاظ)، لوكالة ...
    if j < n and toks[j].key in ("لـ", "ل") and j + 1 < n and toks[j + 1].norm == "(":
        k = j + 1
        while k < n and toks[k].norm != ")" and k - j < 6:
            k += 1
        j = k + 1
    elif j + 1 < n and toks[j].key in ("لـ", "ل") and toks[j + 1].kind == "quote":
        close = _closing_quote(view, j + 1, 4)  # أكد لـ«الصحيفة» رئيس الجمعية: a quoted outlet as addressee
        if close is not None:
            j = close + 1
    if (j + 1 < n and toks[j].key == "ذلك" and toks[j + 1].kind == "word" and not _verb_word(toks[j + 1])
            and not _not_nominal(toks[j + 1])):
        j += 1  # أوضح ذلك مدير الإدارة: the object pronoun before the subject
    if j + 1 < n and toks[j].kind == "word" and toks[j].key.startswith("لل") and len(toks[j].key) > 4:
        j += 1  # وقال للصحفيين إنه / قال للصحفيين الوزير: an addressee, not the subject
    if j + 1 < n and toks[j].kind == "word" and toks[j].key[:1] == "ل" and _pronoun_pp(toks[j]) and not _cls(toks[j]):
        j += 1  # يشكو لي أحد الزملاء، وقال له الوزير: the addressee comes before the subject
    elif (j + 1 < n and toks[j].kind == "word" and toks[j].key in _SOURCE_PP and toks[j + 1].kind == "word"
          and view.sentence[j + 1] == sent):
        j += 1  # ونقلت عنه وكالة الصحافة الفرنسية قوله: the source relayed comes before the subject
    if j + 2 < n and _demonstrative(toks[j]) and toks[j + 1].kind == "word" and toks[j + 1].definite:
        j += 1  # وأكد هذا الناطق باسم القوات: the demonstrative points back; the description is the subject
    start = j
    out_end = j
    anonymous = False
    role_pp = False
    last_def = False
    words = 0
    while j < n and view.sentence[j] == sent and (words < limit or (
            words < limit + 8 and _in_title_phrase(toks[start:j]))):  # stacked titles: وكيل الوزارة ... رئيس
        t = toks[j]
        first = j == start
        if t.kind == "quote":
            # a short quoted name: at the start ("أوباما") or after an organisation head (صحيفة "هآرتس")
            prev_cls = _cls(toks[j - 1]) if j > start else None
            if prev_cls is None and j - 1 == start and toks[start].key[:1] == "ل" and len(toks[start].key) > 3:
                prev_cls = _cls_str(toks[start].key[1:])  # وفقاً لصحيفة "الحياة": the lam is the particle's
            close = _closing_quote(view, j, 6)
            after_org = prev_cls == "organisation" or (j > start and _org_phrase(toks[start:j]))
            if close is not None and first and _quoted_content(view, j, close):
                break  # قال "سيصل غداً".: a short quotation closing the sentence is what was said
            if close is not None and (first or after_org):
                out_end = close + 1
                j = close + 1
                words += close - j
                break
            break
        if t.norm == "(" and j > start and _org_phrase(toks[start:j]):
            close = next((k for k in range(j + 1, min(n, j + 6)) if toks[k].norm == ")"), None)
            if close is not None and all(toks[k].kind == "word" for k in range(j + 1, close)):
                out_end = close + 1  # منظمة (بتسيلم) الإسرائيلية
                j = close + 1
                continue
            break
        if t.kind != "word":
            break
        c = _cls(t)
        if first and c == "honorific":
            return (j, j + 1)
        if first and c is None and _pronoun_pp(t):
            break  # أكدا خلاله على، يطالب فيها: an adjunct, the subject is dropped
        if first and after_verb and j not in names and _oblique_plural(t):
            break  # ووصف المسؤولين بأنهم: -ين is accusative/genitive, the subject would be المسؤولون
        if first and after_verb and c is None and j not in names and _possessed_object(t, speech=False):
            break  # وأبدى إعجابه، أعلنت مسؤوليتها: a possessed noun after the verb is its object
        if first and c is None and j not in names and (
                _clear_verb(t) or (_not_nominal(t) and not _verb_word(t)) or never_subject(t)):
            break  # وتابع يقول، تذكرون جميعاً، ويرى كيف، تعلن هي: a verb, adverb, question word or pronoun
        if (not first and c in (None, "product") and t.key not in _SELF and _possessed_object(t) and j not in names
                and _name_or_definite(toks[j - 1])):
            break  # واختتم الشيخ سعد تصريحه: after the subject, a possessed noun is the object
        if not first and _verb_word(t) and "wa_conj" in t.analysis.proclitics and j not in names:  # type: ignore[union-attr]
            break  # الوزير ويتابع: a coordinated verb opens a new clause
        if not first and _is_cue_word(t) and c is None:
            break
        if not first and anonymous and t.analysis is not None and t.analysis.pos == "verb":
            break  # مسؤول تركي رفض الكشف عن هويته: a clause describing the source
        if first and t.analysis is not None and "bi_prep" in t.analysis.proclitics and j not in names:
            break  # واختتمه بتدريبات: a prepositional phrase, no subject
        if (not first and j - 1 in names and j not in names and not t.definite and c is None
                and t.key not in _NAME_JOINERS and t.analysis is not None and t.analysis.pos == "noun"
                and not any(p in _PP_CLITICS or p == "wa_conj" for p in t.analysis.proclitics)
                and not _sound_plural_end(t)):
            # ذبيح الله مجاهد اختيار منصور: after a name, a common noun (a masdar) starts the object (not a
            # conjoined one: وسيدات الأعمال ومؤسسات المجتمع المدني)
            break
        if (not first and j - 1 in names and j not in names and t.definite and c is None
                and t.key not in _NAME_JOINERS and t.analysis is not None and t.analysis.pos == "noun"
                and not _sound_plural_end(t) and toks[j - 1].kind == "word" and not toks[j - 1].definite
                and _cls(toks[j - 1]) is None and not (j - 1 == start and toks[start].key in _given_names())
                and not (j + 1 < n and (j + 1 in names or _cls(toks[j + 1]) in ("title", "role")))):
            # وأعلنت حركة طالبان المسؤولية: after a bare name, a definite common noun is the object (but after a
            # given name alone it is the family name: وقال باسم الضامن)
            break
        if (words and _cls(toks[start]) == "role" and j not in names
                and all(toks[k].kind == "word" and toks[k].definite for k in range(start, j))
                and not t.definite and t.analysis is not None and t.analysis.pos in ("noun", "verb") and c is None
                and t.key not in _given_names() and not any(p in _PP_CLITICS for p in t.analysis.proclitics)):
            break  # توقع القنصل صدور التوصيات، أكد السفير الصيني تواصل دعم ...: after an office and its
            # adjectives, a common noun (a masdar) or a verb is no part of the subject
        if not first and _demonstrative(t):
            break  # ونفى الحزيم ذلك: a demonstrative after the subject is the object
        if (not first and _sound_plural_end(toks[j - 1]) and not t.definite and not _sound_plural_end(t)
                and ((_name_word(t, j, names) and t.key not in _demonyms())
                     or (not _name_word(t, j, names) and t.analysis is not None and t.analysis.pos == "noun"))):
            break  # واعتبر مواطنون قرار الأمانة، ويتهم معارضون نكورونزيزا: a plural in -ون takes no genitive
        if not first and t.key[:1] == "و" and t.key[1:] in _PRONOUNS:
            break  # أجاثون رواسا وهو سياسي معارض: a circumstantial clause after the subject
        # a described source's prepositional phrase: مصدر أمني في دمشق، مصادر من طالبان، نائب عن المنطقة
        if (t.key == "في" or (t.key == "من" and words) or (t.key == "عن" and role_pp)) and words and anonymous:
            nxt = toks[j + 1] if j + 1 < n else None
            if (nxt is not None and nxt.kind == "word" and nxt.key not in _IN_CONTEXT and nxt.key not in _TIME
                    and nxt.key not in _OPENERS and nxt.key not in _NEVER_SUBJECT):
                j += 1
                continue
            break
        if (t.key in ("في", "فى") and words and _in_title_phrase(toks[start:j]) and j + 2 < n
                and toks[j + 1].kind == "word" and view.sentence[j + 2] == sent and _name_start(toks, j + 2, names)
                and not place_head(toks[j + 1])):  # القنصل في مدينة جدة: the place, no name after the office
            j += 1  # مستشار قائد الثورة للشؤون الدولية في إيران علي أكبر ولايتي: the office's place, then the name
            continue
        if t.key in ("من",) and words and _prev_word_key(toks, j) in _QUANTIFIERS:
            j += 1
            continue
        if t.key in ("منه", "منها", "منهم") and words:
            out_end = j + 1
            j += 1
            continue
        if t.key[:1] == "و" and len(t.key) > 3 and words and anonymous and not _COMPLEMENTISER.match(t.key):
            out_end = j + 1  # coordinated members of a described group (وسيدات الأعمال)
            j += 1
            last_def = True
            continue
        if t.key in ("باسم", "باسمها", "باسمه") and words and "role" not in (_cls(toks[j - 1]), _cls(toks[start])):
            break  # الملك باسمه واسم الشعب، المهندس المبطي باسم الغرفة: "on behalf of", not a spokesman's office
        if is_boundary(t, first=first) and not (t.norm == "علي" and j in names and words):
            if t.key in ("باسم", "باسمها", "باسمه") and words:
                # المتحدث باسم الوزارة (but الملك باسمه واسم الشعب، المهندس المبطي باسم الغرفة: "on behalf of")
                j += 1
                continue
            break
        if (words and t.key.startswith("ل") and not t.key.startswith("لل") and len(t.key) > 3 and j not in names
                and not t.definite and t.analysis is not None and "li_prep" in t.analysis.proclitics
                and not _org_phrase(toks[start:j])
                and not (j + 1 < n and toks[j + 1].kind == "word" and toks[j + 1].definite)):
            break  # وقال اللاعب لبرنامج رياضي: an addressee; a genitive with لـ has a definite word after it
        if not first and t.key in _BI_DEMONSTRATIVES:
            break  # وأدلى الوزير بهذه التصريحات: "with these", the object
        if words and t.key.startswith("ل") and not t.key.startswith("لل") and len(t.key) > 3:
            rest_cls = _cls_str(t.key[1:])
            if rest_cls == "organisation" and not anonymous and _in_title_phrase(toks[start:j]):
                k = j + 1
                while k < n and k - j <= 3 and toks[k].kind == "word" and toks[k].definite and k not in names:
                    k += 1
                if k < n and view.sentence[k] == sent and _name_start(toks, k, names):
                    words += k - j  # المتحدث الرسمي لوزارة التعليم مبارك العصيمي: the office's organisation
                    out_end = k
                    j = k
                    continue
            if rest_cls in ("organisation", "anonymous", "role", "title") or anonymous:
                break  # an addressee: قال الوزير لصحيفة الرياض، مسؤولون أمريكيون لرويترز
            nxt = toks[j + 1] if j + 1 < n else None
            if _org_phrase(toks[start:j]) and nxt is not None and nxt.kind == "word" and nxt.definite:
                words += 2  # a genitive of an organisation name: المرصد السوري لحقوق الإنسان
                out_end = j + 2
                j += 2
                last_def = True
                continue
        if (words and last_def and not t.definite and not anonymous and t.key not in _NAME_JOINERS
                and not _in_title_phrase(toks[start:j]) and t.key not in _SELF
                and not (_cls(toks[j - 1]) == "title" and _name_or_definite(toks[j - 1]))  # الملا محمد عمر
                and not (j - start == 1 and _cls(toks[start]) is None and toks[start].key.startswith("ال"))
                and not _kin_then_name(toks, start, j, names)):
            break  # after a definite word, an indefinite one starts the object (الجيش عزل مرسي)
        if c in ("anonymous",) and words == 0:
            anonymous = True
        if (words == 0 and c == "role" and not t.definite and j + 1 < n
                and toks[j + 1].key in ("في", "فى", "من", "عن", "باسم")):
            anonymous = role_pp = True  # an indefinite role with a PP is a described source: عضو في رئاسة الحزب
        if words == 0 and c == "anonymous":
            anonymous = True
        if words == 1 and c == "anonymous" and toks[start].key in _NUMERALS:
            anonymous = True  # أربعة مصادر من طالبان: a counted source keeps its prepositional phrase
        if (not first and t.key.startswith("ال") and c is None and j not in names and t.analysis is not None
                and t.analysis.pos == "noun" and toks[j - 1].definite and _pos(toks[j - 1]) == "adj" and words >= 2):
            break  # البرلمان الصومالي الحادثة: after a definite adjective, a definite noun starts the object
        last_def = t.definite or t.key in _SELF
        words += 1
        out_end = j + 1
        j += 1
    if all(never_subject(t) for t in toks[start:out_end]):
        return (start, start)  # أوضح ذلك؟: a demonstrative or adverb alone is no subject
    return first_conjunct(view, (start, out_end))


_BI_DEMONSTRATIVES = frozenset(key(w) for w in "بهذه بهذا بذلك بتلك بهذين بهاتين بهؤلاء".split())

# calima-msa-r13 parts of speech that never head a speaker phrase: adverbs (جميعاً، هنا), interrogatives
# (كيف، ماذا، هل) and personal pronouns (هي: the speaker is then the dropped subject or the antecedent)
_NOT_NOMINAL_POS = frozenset(("verb", "adv", "adv_interrog", "pron_interrog", "part_interrog", "pron", "pron_rel"))
_PP_CLITICS = frozenset(("li_prep", "bi_prep", "ka_prep", "la_rc", "la_prep"))


def _not_nominal(t: Tok) -> bool:
    """Can the word not head a noun phrase (the analyser reads it as a verb, adverb, interrogative or pronoun)?"""
    a = t.analysis
    # with a preposition or the emphatic لَـ attached (لأحدث) the analysis is too unsure to reject the word
    return (a is not None and a.pos in _NOT_NOMINAL_POS and not any(p in _PP_CLITICS for p in a.proclitics)
            and not (a.pos == "verb" and _ta_marbuta(t)))


def _name_word(t: Tok, j: int, names: frozenset[int]) -> bool:
    """Is the word a name: in a name mention, read as a proper noun, or unknown to the analyser (نكورونزيزا)?"""
    return j in names or t.analysis is None or t.analysis.pos == "noun_prop"


@cache
def _demonyms() -> frozenset[str]:
    """Nisba bases and the broken plurals of peoples (أفغان، روس): an adjective after its noun, not a name."""
    return frozenset(key(row[0]) for row in load_tsv("demonyms.tsv", columns=2))


@cache
def _given_names() -> frozenset[str]:
    """Given names (given_names.tsv) and باسم, the name Basim that the gazetteer leaves out because it is also
    "in the name of" (المتحدث باسم الوزارة): at the head of a subject it is the name."""
    return frozenset([*(key(row[0]) for row in load_tsv("given_names.tsv", columns=1)), key("باسم")])


@cache
def _place_heads() -> frozenset[str]:
    """Head nouns of place names (مدينة، محافظة، قاعدة ...): the GPE/LOC rows of org_heads.tsv."""
    return frozenset(key(row[0]) for row in load_tsv("org_heads.tsv", columns=3) if row[1] in ("GPE", "LOC"))


def place_head(t: Tok) -> bool:
    """Is the word a place head, with or without ال (مدينة جدة، المحافظة)?"""
    k = t.key[2:] if t.key.startswith("ال") else t.key
    return t.key in _place_heads() or k in _place_heads()


@cache
def _person_nouns() -> frozenset[str]:
    return frozenset(key(row[0]) for row in load_tsv("person_nouns.tsv", columns=2))


def person_nouns() -> frozenset[str]:
    """Keys of the kin and group nouns that name people even with a possessive pronoun (عائلته، مكتبه).

    Example:
        >>> key("مكتب") in person_nouns()
        True
    """
    return _person_nouns()


def _possessed_object(t: Tok, *, speech: bool = True) -> bool:
    """A common noun with a possessive pronoun (إعجابه، مسؤوليتها، عزمها) that names no person or group.

    Right after a speech verb such a noun is the object: the subject is the pronoun it refers to, i.e. dropped.
    Kin and group nouns (عائلتها، محاميه، حزبه) and the titles, roles and organisations of ``titles.tsv``
    (نائبه، حكومته) stay speakers; so do speech nouns (رأيه، تصريحه: their author speaks) unless ``speech``.
    """
    a = t.analysis
    if a is None or a.pos not in ("noun", "adj") or not (a.enclitic or "").endswith("_poss"):
        return False
    if _ta_marbuta(t) and (a.enclitic or "").startswith("3ms"):
        return False  # عمادة read as عماد+ه "his pillar": a written ة is no pronoun
    if not (a.enclitic or "").startswith("3") or any(p in _PP_CLITICS for p in a.proclitics):
        return False  # باسمها is a preposition's noun; بادي read as بأيادي+my is a name misread
    lemma = key(a.lemma)
    lc = word_class(lemma)
    if (lc is not None and (lc[0] != "product" or not speech)) or lemma in _person_nouns():
        return False
    return not (lemma.endswith("ه") and lemma[:-1] in _person_nouns())


def _name_or_definite(t: Tok) -> bool:
    return t.kind == "word" and (t.definite or (t.analysis is not None and t.analysis.pos == "noun_prop"))


def _clear_verb(t: Tok) -> bool:
    """A verb that no name resembles: a speech verb (تابع يقول), 1st/2nd person (أوصلني، سأقول), a future or
    object clitic.  A bare 3rd-person reading is left alone: foreign names are often read so (جانيت، يلين)."""
    a = t.analysis
    if a is None or a.pos != "verb" or _ta_marbuta(t):
        return False
    # (a perfect in -ت is left alone: جانيت، جوليت read as "I harvested"; so is an imperative: كل من read as
    # "eat!")
    return ((a.person in ("1", "2") and a.aspect == "i") or a.enclitic is not None or _is_cue_word(t)
            or any(p in ("sa_fut", "wa_conj", "fa_conj") for p in a.proclitics))  # يشكو لي وحاول


@cache
def _eulogies() -> tuple[tuple[tuple[str, ...], str], ...]:
    rows = [(tuple(key(w) for w in row[0].split()), row[1]) for row in load_tsv("eulogies.tsv", columns=2)]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def eulogy_at(view: View, i: int) -> tuple[str, int] | None:
    """The referent of a eulogy formula starting at token i, and the token after it (قال تعالى -> الله).

    Example:
        >>> from newsgraph.attribution.text import scan
        >>> eulogy_at(scan("وقال تعالى: نعم"), 1)
        ('الله', 2)
    """
    toks = view.tokens
    for words, referent in _eulogies():
        end = i + len(words)
        if end <= len(toks) and all(toks[i + k].kind == "word" and toks[i + k].key == w for k, w in enumerate(words)):
            return referent, end
    return None


def _oblique_plural(t: Tok) -> bool:
    """A definite sound masculine plural or dual in -ين (المسؤولين، الطرفين): accusative or genitive, so the
    object of the verb before it, never its subject (the nominative is -ون / -ان; Wright, Grammar I §300)."""
    a = t.analysis
    return (a is not None and t.definite and t.key.endswith("ين") and a.pos in ("noun", "adj")
            and a.number in ("p", "d") and not a.enclitic)


def _verb_word(t: Tok) -> bool:
    return t.analysis is not None and t.analysis.pos == "verb" and not _ta_marbuta(t)


def _ta_marbuta(t: Tok) -> bool:
    """Is the word written with a final ة?  Then it is a noun or adjective, never a verb (the analyser, which
    reads ة as ه, may take بعثة for بعثه "he sent him")."""
    return t.norm.endswith("ة")


def _pronoun_pp(t: Tok) -> bool:
    """A preposition with a pronoun suffix (لي، له، خلاله، عليه): an adjunct or addressee, never the subject."""
    a = t.analysis
    if a is not None and a.pos == "prep" and a.enclitic is not None:
        return True
    return bool(_PREP_PRONOUN.match(t.key)) and t.key not in _BARE_PREPS


def _name_start(toks: tuple[Tok, ...], j: int, names: frozenset[int]) -> bool:
    """Does a proper name start at token j (a name mention, or the analyser's proper noun)?"""
    t = toks[j]
    return t.kind == "word" and (j in names or (t.analysis is not None and t.analysis.pos == "noun_prop"))


def _sound_plural_end(t: Tok) -> bool:
    """An indefinite sound masculine plural with its nun (مواطنون، مسؤولون): nominative, not in construct, so
    no genitive can follow it (the construct drops the nun: مسؤولو الوزارة; Wright, Grammar I §300)."""
    a = t.analysis
    return (t.kind == "word" and not t.definite and t.key.endswith("ون") and len(t.key) > 4 and a is not None
            and a.pos in ("noun", "adj") and a.number == "p" and not a.enclitic)


def _demonstrative(t: Tok) -> bool:
    return t.kind == "word" and t.key in _DEMONSTRATIVES


def _opens_pp(t: Tok) -> bool:
    """Does the word open a prepositional phrase (في، وفي، وعن، ولهذا)?  Its noun is then no subject."""
    k = t.key
    base = k[1:] if k[:1] in "وف" and len(k) > 2 else k
    if base in _TRUE_PREPS:
        return True
    a = t.analysis
    return a is not None and a.pos != "noun_prop" and any(p in _PP_CLITICS for p in a.proclitics)


_PERSON_CLASSES = ("title", "role", "anonymous", "honorific")


def _joins_a_speaker(t: Tok, before: tuple[Tok, ...]) -> bool:
    """Does this و-word start a second conjunct of a joint subject (ونائبه، والرئيس المصري، ومصدر أمني، ومصر)?

    A conjunct headed by a title, role or source word, or a proper name after a name, is another speaker;
    other و-words continue a name (وزارة الصحة والشؤون الصحية، جهاز الأمن العام والشرطة).
    """
    k = t.key
    if t.kind != "word" or k[:1] != "و" or len(k) < 3 or not before:
        return False
    a = t.analysis
    if a is not None and "wa_conj" not in a.proclitics:
        return False  # وزير، وكالة: the و is part of the word
    base = k[1:]
    c = word_class(base)
    if c is None:
        for suf in ("ه", "ها", "هم", "هما"):
            if base.endswith(suf) and len(base) > len(suf) + 2:
                c = word_class(base[: -len(suf)]) or c  # ونائبه، ومساعدوه
    if c is not None and c[0] == "anonymous":
        # ومصدر أمني after مصادر طبية; but وزارة الصحة والسكان is one name (residents as its genitive)
        return not t.definite and (word_class(before[0]) or ("",))[0] == "anonymous"
    if c is not None and c[0] in _PERSON_CLASSES:
        return True
    proper = a is not None and a.pos == "noun_prop"
    return proper and any(b.analysis is not None and b.analysis.pos == "noun_prop" for b in before)


def first_conjunct(view: View, rng: tuple[int, int]) -> tuple[int, int]:
    """The first conjunct of a joint subject: الوزير ونائبه -> الوزير (the guidelines' speaker is one actor).

    Example:
        >>> from newsgraph.attribution.text import scan
        >>> v = scan("وأكد رئيس الوزراء ونائبه أن")
        >>> r = first_conjunct(v, (1, 4)); [t.text for t in v.tokens[r[0]:r[1]]]
        ['رئيس', 'الوزراء']
    """
    a, b = rng
    toks = view.tokens
    for j in range(a + 1, b):
        if _joins_a_speaker(toks[j], toks[a:j]):
            return (a, j)
    return rng


def _prev_word_key(toks: tuple[Tok, ...], j: int) -> str:
    return toks[j - 1].key if j > 0 else ""


def _org_phrase(toks: tuple[Tok, ...]) -> bool:
    return bool(toks) and _cls(toks[0]) == "organisation"


def _in_title_phrase(toks: tuple[Tok, ...]) -> bool:
    """Is the phrase so far a title/role segment (so that an indefinite name may follow a definite word)?"""
    if not toks:
        return False
    c = _cls(toks[0])
    return c in ("title", "role")


def _kin_then_name(toks: tuple[Tok, ...], start: int, j: int, names: frozenset[int]) -> bool:
    """Does a name start at j after a kin noun and its definite genitive (شقيقة المعلمة رحمة الحويطي)?"""
    if not (j - start == 2 and toks[start].key in _person_nouns() and not toks[start].definite
            and j + 1 < len(toks) and not indefinite_accusative(toks[j])):
        return False
    if j in names and j + 1 in names:
        return True
    # a given name the entities stage missed, then a family nisba (رحمة الحويطي) and the phrase's end
    nxt, after = toks[j + 1], toks[j + 2] if j + 2 < len(toks) else None
    return (nxt.kind == "word" and nxt.definite and nxt.key.endswith("ي") and _cls(nxt) is None
            and _cls(toks[j]) is None and (after is None or is_boundary(after, first=False)))


def _quoted_content(view: View, j: int, close: int) -> bool:
    """Is the short quotation j..close right after a verb its content, not a quoted subject ("أوباما")?  It is
    when it ends the sentence (nothing follows it but a full stop) or opens with a verb (سيصل، نرفض)."""
    toks = view.tokens
    nxt = close + 1
    if nxt >= len(toks) or view.sentence[nxt] != view.sentence[j] or toks[nxt].norm in ".!?؟":
        return True
    return toks[j + 1].kind == "word" and _clear_verb(toks[j + 1])


def _closing_quote(view: View, j: int, max_words: int) -> int | None:
    toks = view.tokens
    for k in range(j + 1, min(len(toks), j + max_words + 2)):
        if toks[k].kind == "quote":
            return k if k > j + 1 else None
        if toks[k].kind != "word":
            return None
    return None


def subject_before(view: View, i: int, *, limit: int = 8, names: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Token range [a, b) of a subject written before the verb at token i (وكانت الرئاسة السورية أكّدت).

    The phrase stops at a verb (تمس الحقوق قالت: the subject follows قالت) and is empty when it is the
    noun of a fronted prepositional phrase (وفي القاهرة أعلنت الوزارة: the subject follows the verb).
    ``names`` are the indices of tokens inside name mentions.

    Example:
        >>> from newsgraph.attribution.text import scan
        >>> v = scan("وكانت الرئاسة السورية أكدت ان")
        >>> r = subject_before(v, 3); [t.text for t in v.tokens[r[0]:r[1]]]
        ['الرئاسة', 'السورية']
    """
    toks = view.tokens
    j = i - 1
    sent = view.sentence[i]
    end = i
    if j > 0 and toks[j].norm in ("،", ","):
        # مسؤولاً محلياً، طلب عدم ذكر اسمه، قال: the subject is before the parenthetical request
        k = j - 1
        while k > 0 and j - k <= 7 and toks[k].kind == "word":
            k -= 1
        if k < j - 1 and toks[k].norm in ("،", ",") and any(t.key in _ANONYMITY for t in toks[k + 1:j]):
            j = k - 1
            end = j + 1
    if j > 0 and toks[j].kind == "quote" and view.in_quote[j] and toks[j].norm in ("«", "“", '"') \
            and (j == 0 or not view.in_quote[j - 1]):
        j -= 1  # إلا أن البعثة «نفت بشدة» المزاعم: the quotation opens at the verb, the subject is before it
        end = j + 1
    if j > 0 and toks[j].kind == "word" and toks[j].key == "قد" and view.sentence[j] == sent:
        j -= 1  # وكان مرشد الجمهورية علي خامنئي قد قال: the pluperfect's subject sits between كان and قد
        end = j + 1
        if toks[j].kind == "punct" and toks[j].norm in ("،", ",", "؛"):
            # وكان هيمنت كوتالوار، القائم بأعمال السفارة، قد كشف: an apposition between commas; the subject
            # is the phrase right after كان
            kan = next((k for k in range(j - 1, max(-1, j - 40), -1)
                        if view.sentence[k] != sent or toks[k].key in _SVO_KAN), None)
            if kan is not None and view.sentence[kan] == sent and toks[kan].key in _SVO_KAN:
                rng = subject_range(view, kan + 1, names=names)
                if kan + 1 < rng[1] <= j:
                    return first_conjunct(view, rng)
            return (end, end)
    quoted = False
    while j >= 0 and view.sentence[j] == sent and i - j <= limit + (i - end):
        t = toks[j]
        if t.kind == "quote":
            # “مرسي” يمتنع : a quoted name before the verb
            k = j - 1
            while k >= 0 and toks[k].kind == "word" and j - k < 5:
                k -= 1
            if k >= 0 and toks[k].kind == "quote" and not quoted:
                quoted = True
                j = k - 1
                continue
            break
        if t.kind != "word":
            break
        k_ = t.key
        if _agreeing_adjective(toks, j):
            j -= 1  # إلا أن مسؤولاً محلياً: an adjective agreeing with its noun, not the adverb "locally"
            continue
        if never_subject(t) or (j not in names and _not_nominal(t) and not _verb_word(t)):
            break  # فماذا قالوا، والتي أكد: a question word, relative or adverb is no subject
        if (j not in names and _verb_word(t)) or (k_[:1] in "وف" and k_ not in _BARE_PREPS and _opens_pp(t)):
            break  # نشرت صحيفة ... تقول، وفي القاهرة أعلنت: a verb or a conjoined PP ends the phrase
        if j in names and k_ in _PREPS:
            j -= 1  # علي خامنئي: a name's first word that is also a preposition (على)
            continue
        if t.start < view.title_end and _clause_conjunct(view, j):
            j -= 1  # سيارة تقتل 5 في كابول والرئيس الأفغاني يحذّر: the و opens the headline's second clause
            break
        if (k_.startswith("لل") and len(k_) > 4 and j > 0 and toks[j - 1].kind == "word" and toks[j - 1].definite
                and toks[j - 1].line == t.line and not _opens_pp(toks[j - 1]) and not _verb_word(toks[j - 1])
                and not k_.startswith("لل" + "ذ")):
            j -= 1  # أن المديرية العامة للجوازات أعلنت: the organisation's genitive with لـ
            continue
        if (k_.startswith("بال") and t.start < view.title_end and j > 0 and toks[j - 1].kind == "word"
                and toks[j - 1].line == t.line and not _verb_word(toks[j - 1]) and not never_subject(toks[j - 1])
                and not _opens_pp(toks[j - 1])):
            j -= 1  # a headline's subject with its place: بعثة الاتحاد الإفريقي بالصومال تنفي
            continue
        if (_COMPLEMENTISER.match(k_) or k_ in _PREPS or k_ in _RELATIVE or k_ in _TIME
                or k_ in ("كان", "وكان", "كانت", "وكانت", "قد", "وقد", "لقد", "و", "ف", "من") or k_ in _OPENERS
                or k_.startswith("لل") or k_.startswith("بال") or _is_cue_word(t)):
            break
        j -= 1
    a = j + 1
    if a < end and _opens_pp(toks[a]):
        return (end, end)  # وفي القاهرة أعلنت، في بيروت قال: a setting, not the speaker
    if j >= 0 and a < end and toks[j].kind == "word" and _opens_pp(toks[j]):
        return (end, end)  # وفي نهاية الزيارة أشاد ...: the phrase is the object of the preposition
    if j >= 0 and a == j + 1 and toks[j].kind == "word" and toks[j].key.startswith(("بال", "لل")) and a < end:
        return (end, end)  # بالمدينة المنورة يفيد، بالمركز الثالث تبلغ: adjectives inside a prepositional phrase
    return first_conjunct(view, (a, end))


def _clause_conjunct(view: View, j: int) -> bool:
    """Does the و-word at j open a new clause with a person or organisation subject, a verb earlier on its line
    (... تقتل 5 في كابول والرئيس الأفغاني يحذّر)?"""
    toks = view.tokens
    t = toks[j]
    k = t.key
    if k[:1] != "و" or len(k) < 4 or (t.analysis is not None and "wa_conj" not in t.analysis.proclitics):
        return False
    c = word_class(k[1:])
    if c is None or c[0] not in ("title", "role", "organisation", "anonymous"):
        return False
    return any(_verb_word(x) for x in toks[max(0, j - 12) : j] if x.line == t.line)


def _agreeing_adjective(toks: tuple[Tok, ...], j: int) -> bool:
    """An accusative indefinite adjective read as an adverb after its noun (إن مسؤولاً محلياً: not "locally")."""
    t = toks[j]
    if j == 0 or t.kind != "word" or not indefinite_accusative(t):
        return False
    prev = toks[j - 1]
    return (prev.kind == "word" and indefinite_accusative(prev)
            and not never_subject(prev) and not _not_nominal(prev))


def never_subject(t: Tok) -> bool:
    """Can this word never be (part of) a speaker: a particle, demonstrative, pronoun, adverb or bare mark?

    Example:
        >>> from newsgraph.attribution.text import scan
        >>> [never_subject(t) for t in scan("وفيما ميدانياً حينها الوزير").tokens]
        [True, True, True, False]
    """
    if t.kind != "word":
        return True
    k = t.key
    if k in _NEVER_SUBJECT or (k[:1] in "وف" and k[1:] in _NEVER_SUBJECT):
        return True
    if not any(ch.isalpha() and ch != "ـ" for ch in t.text):
        return True  # tatweel or digits only
    # an indefinite accusative nisba adverb (ميدانياً، رسمياً، سياسياً); other accusatives can be the subject
    # of إنّ (إن مسؤولاً روسياً أبلغ)
    return not t.definite and t.text.endswith(("ياً", "يًا"))


def _pos(tok: Tok) -> str | None:
    """The part of speech of a word's chosen analysis, if it has one."""
    return tok.analysis.pos if tok.analysis is not None else None


def svo_first(view: View, rng: tuple[int, int]) -> bool:
    """Is a phrase before a verb clearly its subject (after أن/إن، كان، لكن، punctuation or a line start)?"""
    a, _b = rng
    if a == 0:
        return True
    left = view.tokens[a - 1]
    if left.line != view.tokens[a].line or view.sentence[a - 1] != view.sentence[a]:
        return True
    if left.kind != "word":
        return True
    if view.tokens[a].start < view.title_end and _clause_conjunct(view, a):
        return True  # ... في كابول والرئيس الأفغاني يحذّر: a headline's second clause, subject first
    return bool(_COMPLEMENTISER.match(left.key)) or left.key in _SVO_LEFT


@dataclass(frozen=True, slots=True)
class Phrase:
    """A parsed speaker phrase."""

    start: int  # token range
    end: int
    text: str
    label: str
    aliases: tuple[str, ...]
    name_keys: tuple[str, ...] = ()
    title: str | None = None
    role: str | None = None
    organization: str | None = None
    title_key: str = ""
    head: str = ""  # key of the head noun for definite descriptions (مصدر، مسؤول، وكالة)
    number: str = "s"
    gender: str = "-"
    honorific: bool = False
    person: bool = False
    pronoun: bool = False
    mention: tuple[int, int] | None = None  # character span of the name
    extra: dict[str, str] = field(default_factory=dict)


def clean_label(s: str) -> str:
    """A label from surface text: no hashtag signs, underscores as spaces, quotation marks and brackets out.

    Example:
        >>> clean_label("#وليد_المعلم")
        'وليد المعلم'
    """
    s = s.replace("&quot;", " ").replace("#", " ").replace("_", " ")
    s = re.sub(r"[\"«»“”„()\[\]]", " ", s)
    return " ".join(s.split())


def _span(view: View, first: Tok, last: Tok) -> str:
    return view.text[first.start : last.end]


def _text(view: View, a: int, b: int) -> str:
    if a >= b:
        return ""
    return view.text[view.tokens[a].start : view.tokens[b - 1].end]


def _strip_lam(view: View, toks: tuple[Tok, ...]) -> str:
    """Text of the tokens with a leading ل/لـ preposition removed (لوكالة الأنباء -> وكالة الأنباء)."""
    if not toks:
        return ""
    s = _span(view, toks[0], toks[-1])
    first = toks[0]
    if first.key in ("لـ", "ل"):
        return s[len(first.text):].lstrip()
    if first.key.startswith("لل"):
        return "ال" + s[2:]
    if first.key.startswith("ل") and len(first.key) > 3 and (word_class(first.key[1:]) or first.key[1:2] in "اأ"):
        return s[1:]
    return s


def parse_phrase(view: View, rng: tuple[int, int], *, strip_lam: bool = False) -> Phrase:
    """Split a subject phrase into title segment, name, apposition; choose the label and aliases.

    Args:
        view: the scanned text.
        rng: the token range of the phrase.
        strip_lam: drop a leading لـ (after وفقاً لـ).

    Returns:
        The phrase: label = the name when there is one, else the whole description (مصدر أمني في دمشق).

    Example:
        >>> from newsgraph.attribution.text import scan
        >>> v = scan("وأكد وزير الخارجية التركي مولود جاويش أوغلو أن")
        >>> parse_phrase(v, subject_range(v, 1)).label
        'مولود جاويش أوغلو'
    """
    a, b = rng
    toks = view.tokens[a:b]
    if not toks:
        return Phrase(a, b, "", "", ())
    text = _strip_lam(view, toks) if strip_lam else _text(view, a, b)
    if strip_lam and toks[0].kind == "word" and toks[0].key.startswith("ل") and not toks[0].key.startswith("لل") \
            and len(toks[0].key) > 3 and text != _text(view, a, b):
        # وفقاً لوكالة الأنباء: the phrase starts after the preposition
        t0 = toks[0]
        t0 = t0._replace(start=t0.start + 1, text=t0.text[1:], norm=t0.norm[1:], key=t0.key[1:])
        toks = (t0, *toks[1:])
    t0 = toks[0]
    if (t0.kind == "word" and t0.key[:1] == "و" and len(t0.key) > 3 and t0.analysis is not None
            and "wa_conj" in t0.analysis.proclitics and word_class(t0.key[1:]) is not None):
        # والرئيس الأفغاني (a headline's second clause): the conjunction is no part of the speaker
        t0 = t0._replace(start=t0.start + 1, text=t0.text[1:], norm=t0.norm[1:], key=t0.key[1:])
        toks = (t0, *toks[1:])
        text = text[1:]
    first_c = word_class(toks[0])
    if first_c and first_c[0] == "honorific":
        return Phrase(a, b, text, clean_label(text), (), honorific=True, person=True, gender=first_c[1])
    # title/role segment
    k = 0
    title_words: list[Tok] = []
    role_first: str | None = None
    while k < len(toks):
        c = _cls(toks[k])
        if c not in ("title", "role") or (k and toks[k].kind == "quote"):
            break
        title_tok = toks[k]
        title_words.append(title_tok)
        role_first = role_first or c
        k += 1
        k = _complements(toks, k, construct=not title_tok.definite)
    title_end = k
    # name run
    name: list[Tok] = []
    while k < len(toks):
        t = toks[k]
        c = _cls(t)
        after_joiner = bool(name) and name[-1].key in _NAME_JOINERS
        if t.kind != "word" or (name and not after_joiner and (c in ("title", "role") or t.key in _QUANTIFIERS)):
            break  # جيف ديفيس أحد المتحدثين باسم البنتاجون: the apposition starts (but عبدالرحمن بن مساعد)
        if c in ("title", "role") and not name:
            break
        if t.key in _TRUE_PREPS and not after_joiner and t.norm != "علي":  # (علي the name, not على)
            break  # نائب عن المنطقة في البرلمان: a prepositional phrase is no name
        name.append(t)
        k += 1
        if len(name) >= 6:
            break
    rest = toks[k:]
    role = organization = None
    if rest and _cls(rest[0]) in ("role", "title"):
        role_toks = [rest[0]]
        if len(rest) > 1 and rest[1].key in ("باسم", "باسمها", "باسمه"):
            role_toks.append(rest[1])
            org = rest[2:]
            organization = clean_label(_span(view, org[0], org[-1])) if org else None
        role = clean_label(" ".join(t.text for t in role_toks))
        if organization is None:
            for m, t in enumerate(rest[1:], 1):
                lam_org = t.key.startswith("ل") and _cls_str(t.key[1:]) == "organisation"
                if _cls(t) == "organisation" or t.key.startswith("لل") or lam_org:
                    organization = clean_label(_strip_lam(view, rest[m:]))
                    break
    title_text = clean_label(_span(view, toks[0], toks[title_end - 1])) if title_end else ""
    title = clean_label(title_words[0].text) if title_words else None
    if title_words and title_words[0] and _cls(title_words[0]) == "role" and role is None:
        role = title_text
    head_tok = toks[0]
    head = _head_key(head_tok)
    number = "s"
    gender = "-"
    counted = head_tok.key in _NUMERALS and len(toks) > 1 and _cls(toks[1]) == "anonymous"
    hc = word_class(toks[1]) if counted else word_class(head_tok)  # أربعة مصادر: the counted noun is the head
    if hc:
        gender, number = hc[1], hc[2]
    elif _plural_like(head_tok):
        number = "p"
    if name and title_words:
        label = clean_label(_span(view, name[0], name[-1]))
        aliases = _variants(view, name) + ([title_text] if title_text else [])
        if len(name) == 1 and title_text:
            aliases.append(clean_label(f"{title_text} {label}"))  # الملا عمر: a lone name keeps its title
        return Phrase(a, b, text, label, tuple(_dedupe(aliases, label)), tuple(t.key.lstrip("#") for t in name),
                      title, role, organization, key(title_text), head, number, gender, person=True,
                      mention=(name[0].start, name[-1].end))
    if title_words and not name:
        label = title_text
        after_title = [t for t in toks[1:title_end] if t.kind == "word"]
        bare = [clean_label(_span(view, after_title[0], after_title[-1]))] if after_title else []
        return Phrase(a, b, text, label, tuple(_dedupe([clean_label(text), *bare], label)), (), title, role,
                      organization, key(title_text), _head_key(title_words[-1]) if len(title_words) > 1 else head,
                      number, gender, person=True)
    # no title: a bare name, a description, an organisation
    label = clean_label(text)
    with_pp = len(name) < len(toks) and toks[len(name)].key in _TRUE_PREPS  # مسؤولاً روسيا في بغداد
    kin = head_tok.key in _person_nouns() and len(toks) > 1  # عائلة زعيم طالبان الراحل: a description
    if (kin and len(toks) >= 4 and not head_tok.definite and toks[1].definite and not toks[2].definite
            and all(t.kind == "word" and _cls(t) is None for t in toks[2:])):
        # شقيقة المعلمة رحمة الحويطي: the kin description, then the person's name in apposition
        nm = list(toks[2:])
        label = clean_label(_span(view, nm[0], nm[-1]))
        desc = clean_label(_span(view, toks[0], toks[1]))
        return Phrase(a, b, text, label, tuple(_dedupe([*_variants(view, nm), desc], label)),
                      tuple(t.key.lstrip("#") for t in nm), None, desc, None, "", head, number, gender,
                      person=True, mention=(nm[0].start, nm[-1].end))
    if hc is None and name and not head_tok.definite and not counted and not with_pp and not kin:
        # a bare name (محلب، جاويش أوغلو): label the name run, aliases its prefixes
        nm = name[: max(1, len(name))]
        label = clean_label(_span(view, nm[0], nm[-1]))
        aliases = _variants(view, nm)
        return Phrase(a, b, text, label, tuple(_dedupe(aliases, label)), tuple(t.key.lstrip("#") for t in nm),
                      None, role, organization, "", head, number, gender, person=True,
                      mention=(nm[0].start, nm[-1].end))
    aliases = []
    words = [t for t in toks if t.kind == "word"]
    for m in range(len(words) - 1, 0, -1):
        aliases.append(clean_label(_span(view, words[0], words[m - 1])))
    if words and words[0].key in _QUANTIFIERS and len(words) > 2:
        rest_w = words[2:] if words[1].key == "من" else words[1:]
        if rest_w:
            aliases.append(clean_label(_span(view, rest_w[0], rest_w[-1])))
    if strip_lam and aliases:
        aliases = [clean_label(_strip_lam_str(x)) for x in aliases]
    return Phrase(a, b, text, label, tuple(_dedupe(aliases, label)), (), None, role, organization, key(label), head,
                  number, gender, person=hc is not None and hc[0] == "anonymous",
                  mention=(toks[0].start, toks[-1].end))


def _strip_lam_str(s: str) -> str:
    if s.startswith("لل"):
        return "ال" + s[2:]
    if s.startswith("ل") and len(s) > 3:
        return s[1:]
    return s


def _cls_str(k: str) -> str | None:
    c = word_class(k)
    return c[0] if c else None


def _complements(toks: tuple[Tok, ...], k: int, *, construct: bool) -> int:
    """Skip the complements of a title word: a construct chain (وزير خارجية السوري، خطيب جمعة النجف),
    definite adjectives and genitives (الخارجية التركي), باسم + organisation, لل- phrases (للأمانة)."""
    n = len(toks)
    if construct:
        while k < n and toks[k].kind == "word" and not toks[k].definite and _cls(toks[k]) not in ("title", "role") \
                and k < n - 1:
            if toks[k].key in ("عام", "عامة"):
                k += 1
                continue
            k += 1
            if k < n and toks[k].definite:
                break
    while k < n and toks[k].kind == "word":
        t = toks[k]
        c = _cls(t)
        if c in ("title", "role") and t.definite:
            break
        if t.definite or t.key in ("عام", "عامة") or t.key.startswith("لل"):
            k += 1
            continue
        after_place = toks[k + 2] if k + 2 < n else None
        if (t.key in ("في", "فى") and after_place is not None and toks[k + 1].kind == "word"
                and after_place.kind == "word" and _cls(toks[k + 1]) is None
                and (after_place.norm == "علي" or after_place.key not in _TRUE_PREPS | _PREPS)):
            k += 2  # للشؤون الدولية في إيران علي أكبر ولايتي: the office's place before the name
            continue
        if t.key in ("باسم", "باسمها", "باسمه"):
            k += 1
            if (t.key == "باسم" and k < n - 1 and toks[k].kind == "word" and not toks[k].definite
                    and _cls(toks[k]) is None):
                k += 1  # المتحدث باسم طالبان ذبيح الله مجاهد: the organisation after باسم, even without ال
            continue
        if t.key[:1] in "لب" and len(t.key) > 3 and k + 1 < n and toks[k + 1].kind == "word" and toks[k + 1].definite:
            k += 2  # لمديرية الدفاع المدني، بمنطقة الباحة: the office's genitive chain
            continue
        break
    return k


def _head_key(t: Tok) -> str:
    k = t.key.lstrip("#")
    if k.startswith("ال"):
        k = k[2:]
    for suf in ("ون", "ين"):
        if k.endswith(suf) and len(k) > 4:
            return k[: -len(suf)]
    if k.endswith("و") and len(k) > 4:  # مسؤولو
        return k[:-1]
    return k


def _plural_like(t: Tok) -> bool:
    k = t.key
    return k.startswith("ال") and k.endswith(("ون", "ين")) and len(k) > 6


def _variants(view: View, name: list[Tok]) -> list[str]:
    out: list[str] = []
    for m in range(len(name) - 1, 0, -1):
        out.append(clean_label(_span(view, name[0], name[m - 1])))
    for m in range(1, len(name)):
        out.append(clean_label(_span(view, name[m], name[-1])))
    return out


def _dedupe(items: list[str], label: str) -> list[str]:
    seen = {key(label)}
    out = []
    for x in items:
        kx = key(x)
        if x and kx not in seen:
            seen.add(kx)
            out.append(x)
    return out


def head_of(view: View, rng: tuple[int, int]) -> str:
    """Key of the first word of a phrase, without ال and plural endings (المسؤولين -> مسؤول)."""
    a, b = rng
    return _head_key(view.tokens[a]) if a < b else ""


def norm_label(s: str) -> str:
    """Comparison form of a label."""
    return key(norm(s))
