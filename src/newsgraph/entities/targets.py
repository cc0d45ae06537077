"""Canonical entities of an article and the targets of its statements.

An entity groups every mention (and every speaker) of one referent under its canonical key; a target is
an entity mentioned inside a statement's content (what was said), not in the speaker phrase.
Following the annotation guidelines (shared/eval/GUIDELINES.md), a proper name, hashtag or quoted name
is a core target; a nisba adjective ("الروسية" -> Russia) or a generic description ("الحكومة السورية")
reaches its entity only as an extended target, so those are kept only where they are reliable.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.entities.canonical import _clean, assign_keys, canonical_key, mention_label
from newsgraph.entities.gazetteer import Entry, gazetteer, key_words, norm_word
from newsgraph.entities.mentions import find_mentions, mentions_in_text
from newsgraph.model import Document, Entity, EntityType, Mention, Span, Speaker, Statement, Target

__all__ = ["resolve", "assign_keys", "build_entities", "targets_of"]

_QUOTES = "\"«»“”"
_VIA_RANK = {"name": 0, "hashtag": 1, "quoted": 2, "description": 3, "nisba": 4, "pronoun": 5}
# gazetteer/name sources whose mentions are proper names (core targets)
_NAME_SOURCES = frozenset({"gazetteer", "name", "title", "surname", "hashtag", "crf", "morphology"})


def _entry(key: str) -> Entry | None:
    return gazetteer().entries.get(key)


def build_entities(mentions: tuple[Mention, ...], extra: dict[str, tuple[str, EntityType]]) -> tuple[Entity, ...]:
    """One :class:`Entity` per key, from keyed mentions and from speakers that no mention covers.

    Args:
        mentions: keyed mentions.
        extra: key -> (label, type) of speakers without a mention.
    """
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.key:
            groups.setdefault(m.key, []).append(m)
    out = []
    for key in sorted(set(groups) | set(extra)):
        ms = groups.get(key, [])
        e = _entry(key)
        names = [m for m in ms if m.source != "nisba"]
        written = []
        for m in names:
            t = mention_label(m)
            if t not in written:
                written.append(t)
        if e is not None:
            label, typ, label_en, ids = e.label, e.type, e.label_en, e.ids
            aliases = [*written, *(a for a in e.aliases if a not in written)]
        else:
            if names:
                label = max(written, key=lambda t: (len(key_words(t)), len(t)))
                typ = names[0].type
            elif key in extra:
                label, typ = extra[key]
            else:
                label, typ = _clean(ms[0].text), ms[0].type
            label_en, ids = None, ()
            aliases = [label, *(t for t in written if t != label)]
        out.append(Entity(key=key, label=label, type=typ, label_en=label_en, aliases=tuple(aliases),
                          mentions=tuple(m.span for m in ms), ids=ids))
    return tuple(out)


def _via(m: Mention, text: str) -> str:
    if m.source == "nisba":
        return "nisba"
    if m.source == "reference":
        return "description"
    if "#" in text[max(0, m.start - 1):m.end]:
        return "hashtag"
    before, after = text[max(0, m.start - 2):m.start], text[m.end:m.end + 2]
    if any(q in before for q in _QUOTES) and any(q in after for q in _QUOTES):
        return "quoted"
    if m.source == "pattern" and _is_description(mention_label(m)):
        return "description"
    return "name"


def _is_description(text: str) -> bool:
    """A definite head with only nisba adjectives after it ("الحكومة السورية"): a description, not a name."""
    words = key_words(text)
    g = gazetteer()
    return bool(words) and words[0].startswith("ال") and all(w in g.demonyms for w in words[1:])


# verbs whose direct object is what the statement is about: describing, accusing, condemning, praising,
# thanking and calling on someone ("وصف نتنياهو قرار مجلس الأمن بأنه نفاق", "دعا أوباما الكونغرس إلى ...");
# the guidelines make the one accused, praised or called on a target (GUIDELINES.md, stance decisions)
_OBJECT_VERBS = frozenset(norm_word(w) for w in (
    "وصف اتهم انتقد هاجم أدان دان ندد استنكر شكر هنأ أشاد أثنى ثمن رحب طالب دعا حث ناشد حذر حمل هدد توعد "
    "نبه").split())


def object_span(statement: Statement, text: str) -> tuple[int, int] | None:
    """The object of an evaluative or directive cue verb, between the verb (or its subject) and the content.

    >>> from newsgraph.model import Cue
    >>> t = "وصف الرئيس قرار مجلس الأمن بأنه نفاق"
    >>> st = Statement("s", "indirect", Cue(0, 3, "وصف", "وصف"), Speaker(None, "الرئيس", "explicit",
    ...                mention=Span(4, 10, "الرئيس")), content=Span(t.index("نفاق"), len(t), "نفاق"))
    >>> s, e = object_span(st, t); t[s:e]
    ' قرار مجلس الأمن بأنه '
    """
    c, cue, sp = statement.content, statement.cue, statement.speaker.mention
    if c is None or norm_word(cue.lemma) not in _OBJECT_VERBS:
        return None
    start = max(cue.end, sp.end if sp is not None and sp.start >= cue.end and sp.end <= c.start else cue.end)
    if not 0 < c.start - start <= 150 or any(ch in text[start:c.start] for ch in ".\n"):
        return None
    return start, c.start


def _description_country(label: str) -> tuple[str, ...]:
    """The names of the country a description's nisba points to ("الحكومة الأمريكية" -> الولايات المتحدة ...):
    the guidelines count a government, its forces or institutions described by a nisba as the country
    (an extended target), where no entity of their own names them.

    >>> _description_country("القوات الأميركية")[0]
    'الولايات المتحدة'
    """
    g = gazetteer()
    for w in reversed(key_words(label)[1:]):
        code = g.demonyms.get(w)
        if code:
            e = g.entries.get(f"gpe-{code.lower()}")
            return tuple(dict.fromkeys((e.label, *e.aliases))) if e else ()
    return ()


def targets_of(statement: Statement, mentions: tuple[Mention, ...], entities: dict[str, Entity], text: str, *,
               nisba: bool = True, descriptions: bool = True) -> tuple[Target, ...]:
    """The targets of one statement: entities mentioned in its content, outside the speaker's mention.

    Args:
        statement: a statement with a content span (no content: no targets).
        mentions: the article's keyed mentions.
        entities: the article's entities by key.
        text: the article text.
        nisba: also give countries reached through a nisba adjective (via "nisba").
        descriptions: also give generic descriptions ("الحكومة السورية", via "description").

    Returns:
        One :class:`Target` per entity, first mention, best ``via`` (name before nisba).
    """
    c = statement.content
    if c is None:
        return ()
    sp = statement.speaker.mention
    settings = setting_spans(text, c.start, c.end) + _addressee_spans(text, c.start, c.end) \
        + channel_spans(text, c.start, c.end) + _apposition_tail(text, c.start, c.end) \
        + source_spans(text, c.start, c.end) + _speaker_tail(text, c.start, c.end, sp)
    regions = [(c.start, c.end)]
    obj = object_span(statement, text)
    if obj is not None:
        regions.append(obj)
        settings += setting_spans(text, *obj) + channel_spans(text, *obj)
    # a name inside a longer name ("أمانة الرياض", "هيئة أركان الجيش الإسرائيلي") is part of that name
    outer = [(m.start, m.end) for m in mentions if m.source == "pattern"]
    chosen: dict[str, tuple[int, Mention, str]] = {}
    order: list[str] = []
    lo, hi = min(s for s, _ in regions), max(e for _, e in regions)
    for m in mentions:
        # the bounds first: most of an article's mentions lie outside the statement
        if not m.key or m.start < lo or m.end > hi or not any(s <= m.start and m.end <= e for s, e in regions):
            continue
        if any(s <= m.start < e for s, e in settings):
            continue
        if m.source != "pattern" and any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in outer):
            continue
        if sp is not None and m.start < sp.end and sp.start < m.end:
            continue
        if m.type == "MISC" or m.source == "generic":
            continue
        if _EVENT_BEFORE.search(text, max(0, m.start - 8), m.start):
            continue  # "كأس الخليج", "كأس آسيا": a place in an event's name (events are no targets)
        via = _via(m, text)
        if (via == "nisba" and not nisba) or (via == "description" and not descriptions):
            continue
        rank = _VIA_RANK[via]
        if m.key not in chosen:
            order.append(m.key)
            chosen[m.key] = (rank, m, via)
        elif rank < chosen[m.key][0]:
            chosen[m.key] = (rank, m, via)
    out = []
    for key in order:
        _, m, via = chosen[key]
        e = entities.get(key)
        if via == "nisba" or m.source in ("surname", "short", "reference"):
            label = e.label if e else _clean(m.text)
        else:
            label = _strip_clitic(mention_label(m))
            kw = key_words(label)
            g = gazetteer()
            if kw and kw not in g.phrases and ("ا" + kw[0], *kw[1:]) in g.phrases:
                label = "ا" + label  # لليمن: the span is ليمن, the name اليمن
        aliases = tuple(a for a in (e.aliases if e else ()) if norm_word(a) != norm_word(label))
        if via == "description":
            aliases += _description_country(label)
        out.append(Target(entity=key, label=label, mention=Span(m.start, m.end, m.text), aliases=aliases, via=via))
    return tuple(out)


# circumstantial phrases that set the scene of the speech act rather than report it ("وذلك خلال مؤتمر صحافي
# مع نظيره الأميركي جون كيري في ماليزيا"; "عبّر، خلال لقائه X في بروكسل، عن ..."): the guidelines exclude
# the parties and places of such settings from the targets.
_SETTING = re.compile(
    r"(?<![\w\u0621-\u064a])(?P<m>(?:وذلك\s+)?(?:خلال|لدى|أثناء|اثناء|على\s+هامش)\s+(?:لقائه|لقائها|لقائهم|لقاء|"
    r"استقباله|استقبالها|اجتماعه|اجتماعها|اجتماع|مؤتمر|مؤتمره|زيارته|زيارتها|زيارة|اتصال|اتصاله|كلمته|كلمة|"
    r"مشاركته|ترؤسه|حديثه|محادثات|جلسة|ندوة|حفل|افتتاح|استقبال|مباحثات)|وذلك\s+(?:في|عقب|بعد)\s)")
_QUOTE_CHARS = "\"«»“”"


def setting_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Setting phrases inside a content span, outside quotation marks: from the marker to the next comma
    (a setting at the start, "خلال لقائه X، ...") or to the end of the content (a trailing "وذلك خلال ...").

    >>> t = "أن بلاده ستبدأ محاربة داعش، وذلك خلال مؤتمر صحافي مع جون كيري في ماليزيا."
    >>> [t[s:e] for s, e in setting_spans(t, 0, len(t))]
    ['وذلك خلال مؤتمر صحافي مع جون كيري في ماليزيا.']
    """
    out = []
    for m in _SETTING.finditer(text, start, end):
        s = m.start("m")
        if sum(text.count(q, start, s) for q in _QUOTE_CHARS) % 2:
            continue  # inside a quotation: the speaker's own words
        out.append((s, _head_setting_end(text, s, end) if s - start < 15 else end))
    # an event the speech was made at or after, at the head of the content and closed by a comma ("خلال
    # إطلاق الحوار ... بالقاهرة، ..."، "بعد اجتماع الأمناء في الكويت، ..."): further in, "بعد اجتماع" may be
    # part of what was said, and without a comma the setting's end is unknown
    head = _HEAD_SETTING.match(text, start, end)
    if head is not None:
        comma = min((i for i in (text.find("،", start, end), text.find(",", start, end)) if i >= 0), default=-1)
        if 0 <= comma - start <= 120 and not _SPEECH_START.search(text, head.end(), comma):
            out.append((start, comma))
    # the content may start inside the setting: "قال في مؤتمر صحفي على هامش «المؤتمر ...»، الذي عقد في دمشق: إن"
    if _SETTING_BEFORE.search(text, max(0, start - 30), start):
        out.append((start, _head_setting_end(text, start, end)))
    return out


_HEAD_SETTING = re.compile(
    r"\s*(?:وذلك\s+)?(?:خلال|لدى|أثناء|اثناء|عقب|بعد|قبيل|في\s+ختام|في\s+مستهل|مع\s+انطلاق)\s+"
    r"(?:حفل\s+)?(?:إطلاق|اطلاق|انطلاق|افتتاح|اختتام|ختام|تدشين|فعاليات|أعمال|مراسم|اجتماع|اجتماعات|"
    r"لقاء|لقائه|لقائها|زيارة|زيارته|زيارتها|جلسة|جلسات|مؤتمر|منتدى|ملتقى|قمة|احتفال|حفل)(?![\w\u0621-\u064a])")
_SETTING_BEFORE = re.compile(r"(?:خلال|لدى|أثناء|اثناء|هامش|أمام|امام)\s*[«\"“]?\s*$")
_SPEECH_START = re.compile(r"(?<![\w\u0621-\u0652])(?:[إأا]ن|بأن|[«\"“])")


def _head_setting_end(text: str, s: int, end: int) -> int:
    """Where a setting at the head of the content ends: at its first comma, or, when a colon introduces
    the speech before any أن/إن clause or quotation, at that colon (the setting's relative clause, "الذي
    عقد في دمشق", belongs to it)."""
    comma = min((i for i in (text.find("،", s, end), text.find(",", s, end)) if i >= 0), default=-1)
    colon = text.find(":", s, end)
    if colon >= 0 and comma >= 0 and comma < colon and not _SPEECH_START.search(text, comma, colon):
        return colon
    return comma if comma >= 0 else end


# the channel a statement was made through ("عبر حسابه الرسمي في موقع التواصل الاجتماعي (تويتر)", "في
# تغريدة على تويتر"): like a setting, the medium is not what the statement is about (GUIDELINES.md)
# and the outlet a statement was given to ("في تصريح لوكالة الأنباء السعودية عن استنكاره"، "في مقابلة مع
# قناة العربية"): told to, not about, like the addressee of قال لـ
_CHANNEL = re.compile(
    r"(?<![\w\u0621-\u064a])(?:(?:عبر|في|على)\s+(?:حساب|صفح|تغريد|موقع\s*(?:ه|ها)?\s+(?:ال)?(?:تواصل|رسمي))"
    r"|(?:في|خلال)\s+(?:تصريح|حديث|مقابلة|حوار|لقاء)[\w\u0621-\u064a]*(?:\s+(?:صحفي|صحافي|خاص|تلفزيوني|"
    r"إذاعي|هاتفي)[\w\u0621-\u064a]*)?\s+(?:لـ?|مع\s))[\w\u0621-\u064a]*")
_CHANNEL_END = re.compile(r"[،,:\n]|(?<![\w\u0621-\u064a])(?:عن|[إأا]ن|بأن)(?![\w\u0621-\u064a])")


# a social platform a statement was posted on ("كتب على «تويتر» أن ..."), the preposition possibly just
# before the content span
_PLATFORM = re.compile(
    r"(?<![\w\u0621-\u064a])(?:على|عبر|في)\s*(?:موقع\s+|حسابه\s+على\s+|حسابها\s+على\s+)?[«\"“]?\s*"
    r"(?:تويتر|فيسبوك|فيس\s+بوك|إنستغرام|انستغرام|انستجرام|يوتيوب|سناب\s*شات|تيليجرام|تلغرام|تيك\s*توك)"
    r"\s*[»\"”]?")


def channel_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Channel phrases inside a content span, outside quotation marks: from the marker to the next comma,
    colon, عن or أن (at most 120 characters).

    >>> t = "عبر حسابه الرسمي في موقع التواصل الاجتماعي (تويتر) عن وصوله إلى الرياض"
    >>> [t[s:e] for s, e in channel_spans(t, 0, len(t))]
    ['عبر حسابه الرسمي في موقع التواصل الاجتماعي (تويتر) ']
    >>> t = "في تصريح لوكالة الأنباء السعودية عن استنكاره للهجوم"
    >>> [t[s:e] for s, e in channel_spans(t, 0, len(t))]
    ['في تصريح لوكالة الأنباء السعودية ']
    """
    out = [(max(start, m.start()), m.end()) for m in _PLATFORM.finditer(text, max(0, start - 12), end)
           if m.end() > start]
    pos = start
    while (m := _CHANNEL.search(text, pos, end)) is not None:
        pos = m.end()
        if sum(text.count(q, start, m.start()) for q in _QUOTE_CHARS) % 2:
            continue  # inside a quotation: the speaker's own words
        stop = _CHANNEL_END.search(text, m.end(), min(end, m.end() + 120))
        pos = stop.start() if stop else min(end, m.end() + 120)
        out.append((m.start(), pos))
    return out


# (إن/أن must be a word of its own: "لعبد المنان الشقيق" ends in ان but is no addressee)
_ADDRESSEE = re.compile(
    r"\s*(?:لـ\s*|ل)[«\"“]?[^«»\"“”]{2,40}?[»\"”]?(?:\s+(?=[إأا]ن\s)|[»\"”]\s*(?=[إأا]ن\s)|\s*(?=:))")


_ADDRESSEE_BARE = re.compile(r"\s*[«\"“]?[^«»\"“”:]{2,40}?[»\"”]?(?:\s+(?=[إأا]ن\s)|[»\"”]\s*(?=[إأا]ن\s)|\s*(?=:|$))")


def _addressee_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The addressee at the head of a content span ("قال لـ«الشرق الأوسط» إن ..."): told to, not about.

    >>> t = "لـ«الشرق الأوسط» إن الوزارة لا علم لها"
    >>> [t[s:e] for s, e in _addressee_spans(t, 0, len(t))]
    ['لـ«الشرق الأوسط» ']
    """
    m = _ADDRESSEE.match(text, start, end)
    if m:
        return [(m.start(), m.end())]
    # the content may start after the preposition: "قالت لـ«الشرق الأوسط»: «...»"
    if re.search(r"(?:^|\s)لـ?\s*[«\"“]?\s*$", text[max(0, start - 5):start]):
        m = _ADDRESSEE_BARE.match(text, start, end)
        if m:
            return [(m.start(), m.end())]
    return []


def _apposition_tail(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The end of a bracketed apposition the content starts inside (a closing bracket before any opening
    one): the speaker's description, not what was said ("أشارت زكية (... بجامعة طيبة) إلى ضرورة ...").

    >>> t = "دكتوراه الفلسفة بجامعة طيبة) إلى ضرورة اختيار المرشحة"
    >>> [t[s:e] for s, e in _apposition_tail(t, 0, len(t))]
    ['دكتوراه الفلسفة بجامعة طيبة)']
    """
    close, open_ = text.find(")", start, end), text.find("(", start, end)
    if close >= 0 and (open_ < 0 or close < open_) and close - start <= 150:
        return [(start, close + 1)]
    return []


# a place inside the name of a cup (كأس الخليج، كأس آسيا): the event is meant, and events are no targets
_EVENT_BEFORE = re.compile(r"(?<![\w\u0621-\u064a])[وب]?[كل]?[أا]س\s+$")
# the source a statement is relayed from, inside its content ("...»، حسبما أفادت به وكالة «رويترز»"، "بحسب
# مصادر أمنية"، "نقلا عن وكالة الأنباء"): the guidelines make that source the speaker of a statement of its own
# (GUIDELINES.md, بحسب/وفقاً لـ), not what the framed statement is about
_SOURCE = re.compile(
    r"(?<![\w\u0621-\u064a])(?:حسبما|كما\s+(?:أفاد|أفادت|ذكر|ذكرت|نقل|نقلت|أوردت|أورد)|نقلا\s+عن|نقلاً\s+عن|"
    r"(?:بحسب|وفقا\s+ل|وفقاً\s+ل|طبقا\s+ل)\s*(?:ـ\s*)?(?=(?:وكال|مصادر|مصدر|صحيف|موقع|قناة|بيان|تقرير|ما\s)))")
_SOURCE_END = re.compile(r"[،,.:؛\n]")


def source_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Relay-source phrases inside a content span, outside quotation marks: from the particle to the next
    comma or full stop.

    >>> t = "لا صلة بين الغارات والتفاهمات، حسبما أفادت به وكالة رويترز. وبحث الرئيس"
    >>> [t[s:e] for s, e in source_spans(t, 0, len(t))]
    ['حسبما أفادت به وكالة رويترز']
    """
    out = []
    for m in _SOURCE.finditer(text, start, end):
        quotes = sum(text.count(q, start, m.start()) for q in _QUOTE_CHARS)
        if quotes % 2 and text[m.start() - 3:m.start()].strip(" ،,")[-1:] not in _QUOTE_CHARS:
            continue  # inside a quotation: the speaker's own words
        stop = _SOURCE_END.search(text, m.end(), end)
        out.append((m.start(), stop.start() if stop else end))
    return out


def _speaker_tail(text: str, start: int, end: int, sp: Span | None) -> list[tuple[int, int]]:
    """The rest of the speaker's phrase where the content starts right after the speaker's name: nisba
    adjectives ("استنكر دبلوماسيون عرب ومصريون مزاعم ...") or a title apposition closed by a comma ("رفض
    X، مساعد وزير الخارجية الأسبق، تصريحات ..."): who speaks, not what was said.

    >>> t = "استنكر دبلوماسيون عرب ومصريون مزاعم الوزير"
    >>> s = t.index("عرب")
    >>> [t[a:b] for a, b in _speaker_tail(t, s, len(t), Span(8, 18, "دبلوماسيون"))]
    ['عرب ومصريون']
    """
    if sp is None or not 0 <= start - sp.end <= 3:
        return []
    g = gazetteer()
    pos, words = start, list(_WORD_RE.finditer(text, start, min(end, start + 80)))
    for w in words:
        form = norm_word(w.group())
        if text[pos:w.start()].strip() or not (form in g.demonyms or (form.startswith("و") and form[1:] in g.demonyms)
                                                 or form in ("عرب", "وعرب")):
            break
        pos = w.end()
    if pos > start:
        return [(start, pos)]
    lead = text[start:end].lstrip(" ،,")
    first = _WORD_RE.match(lead)
    if first is not None and norm_word(first.group()) in g.titles:
        comma = min((i for i in (text.find("،", start + 1, end), text.find(",", start + 1, end)) if i >= 0),
                    default=-1)
        if 0 < comma - start <= 90 and not _SPEECH_START.search(text, start, comma):
            return [(start, comma)]
    return []


def _strip_clitic(label: str) -> str:
    return re.sub(r"^#", "", label)


def _speaker_key(sp: Speaker, mentions: tuple[Mention, ...]) -> tuple[str, EntityType, Mention | None]:
    """The canonical key of a speaker: the mention under its span, else its label through canonical_key."""
    if sp.mention is not None:
        span = sp.mention
        # a place inside a longer speaker phrase ("الخضر لصور مدير عام ...") is not the speaker
        over = [m for m in mentions if m.key and m.source not in ("nisba", "generic") and m.start < span.end
                and span.start < m.end and (m.type in ("PER", "ORG") or 2 * (m.end - m.start) >= span.end - span.start)]
        if over:
            best = max(over, key=lambda m: (m.type in ("PER", "ORG"), m.end - m.start))
            return best.key or "", best.type, best
    # no mention under the speaker: read the label itself (a name inside "وكالة أنباء الشرق الأوسط الرسمية")
    inner = [m for m in mentions_in_text(sp.label) if m.source not in ("nisba", "generic")]
    first = min((m.start for m in inner), default=-1)
    if inner and not sp.label[:first].strip(" #\"«"):
        best = max((m for m in inner if m.start == first), key=lambda m: m.end)
        return canonical_key(_clean(best.text), best.type), best.type, None
    words = key_words(sp.label)
    g = gazetteer()
    head = words[0][2:] if words and words[0].startswith("ال") else (words[0] if words else "")
    typ: EntityType = g.heads[head][0] if head in g.heads else "PER"
    return canonical_key(sp.label, typ), typ, None


def _bare_references(text: str, keyed: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Bare definite heads ("الهيئة"، "الوزارة"، "الاتحاد") that refer back to the one organisation of the
    article named with that head before them ("الهيئة العامة للشباب والرياضة" ... "الهيئة"): the guidelines'
    generic description, an extended target. A head two named organisations share is left alone.

    >>> t = "قالت وزارة التعليم إن الطلاب نجحوا. وأضافت الوزارة أن"
    >>> ms = (Mention(5, 17, "وزارة التعليم", "ORG", "org-moe", "pattern"),)
    >>> [(m.text, m.key) for m in _bare_references(t, ms)]
    [('الوزارة', 'org-moe')]
    """
    from newsgraph.entities.mentions import _bare_forms, _def_strip

    g = gazetteer()
    named: dict[str, list[Mention]] = {}
    for m in keyed:
        if m.key and m.type in ("ORG", "GPE") and m.source in ("pattern", "gazetteer") and " " in m.text.strip():
            first = norm_word(_WORD_RE.findall(m.text)[0])
            for _, f in _bare_forms(first):
                head = _def_strip(f)
                if head in g.heads and g.heads[head][0] == "ORG" and head not in _NO_REFERENCE_HEADS:
                    named.setdefault(head, []).append(m)
                    break
    if not named:
        return ()
    covered = [(m.start, m.end) for m in keyed]
    out = []
    for w in _WORD_RE.finditer(text):
        for plen, f in _bare_forms(norm_word(w.group())):
            if not f.startswith("ال") or _def_strip(f) not in named:
                continue
            ants = named[_def_strip(f)]
            s = w.start() + plen
            if len({m.key for m in ants}) != 1 or not any(m.end <= s for m in ants) \
                    or any(a < w.end() and s < b for a, b in covered):
                break
            out.append(Mention(s, w.end(), text[s:w.end()], ants[0].type, ants[0].key, "reference"))
            break
    return tuple(out)


# heads whose bare form is a common noun more often than a reference (القوات، الدار، المركز)
_NO_REFERENCE_HEADS = frozenset(norm_word(w) for w in "قوات سلطات دار مركز مكتب سلاح جيش خطوط تيار".split())
_GROUP_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_GROUP_SUFFIXES = ("يين", "ين", "ون", "ان", "ات", "ه")
_WORD_RE = re.compile(r"[\u0621-\u065f\u0670-\u06d3\w]+")


def _group_stem(word: str) -> str:
    """A plural noun without its article, clitics and number suffix (المستثمرين، مستثمرون -> مستثمر)."""
    w = norm_word(word)
    for p in _GROUP_PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    for suf in _GROUP_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[:-len(suf)]
    return w


def _group_mentions(text: str, keyed: tuple[Mention, ...], statements: tuple[Statement, ...],
                    speaker_keys: list[str | None]) -> tuple[Mention, ...]:
    """A described group that speaks in the article ("رحب مستثمرون سعوديون") is the referent of its noun and
    nisba wherever they recur ("المستثمرين السعوديين"): the group, not the country its nisba names.

    >>> from newsgraph.model import Cue
    >>> t = "رحب مستثمرون سعوديون بالقرار. وقال إن المستثمرين السعوديين استعدوا"
    >>> st = Statement("s", "indirect", Cue(0, 3, "رحب", "رحب"), Speaker(None, "مستثمرون سعوديون", "explicit"))
    >>> ms = (Mention(t.index("السعوديين"), t.index("السعوديين") + 9, "السعوديين", "GPE", "gpe-sa", "nisba"),)
    >>> [(m.text, m.key) for m in _group_mentions(t, ms, (st,), ["per-grp"])]
    [('المستثمرين السعوديين', 'per-grp')]
    """
    g = gazetteer()
    groups: dict[tuple[str, str], str] = {}
    for st, key in zip(statements, speaker_keys, strict=True):
        words = key_words(st.speaker.label)
        if key and len(words) == 2 and words[1] in g.demonyms:
            groups[(_group_stem(words[0]), g.demonyms[words[1]])] = key
    if not groups:
        return keyed
    out = []
    for m in keyed:
        code = g.demonyms.get(norm_word(m.text)) if m.source == "nisba" else None
        prev = None
        if code is not None:
            before = list(_WORD_RE.finditer(text, max(0, m.start - 30), m.start))
            prev = before[-1] if before and not text[before[-1].end():m.start].strip() else None
        if prev is not None and code is not None and (_group_stem(prev.group()), code) in groups:
            # (a conjunction or preposition before the noun is no part of the group's mention)
            s = prev.start() + (1 if norm_word(prev.group()).startswith(("و", "ف", "ب", "ل")) and not
                                norm_word(prev.group()).startswith("ال") else 0)
            m = Mention(s, m.end, text[s:m.end], "PER", groups[(_group_stem(prev.group()), code)], "pattern")
        out.append(m)
    return tuple(out)


def resolve(
    doc: Document, mentions: tuple[Mention, ...], statements: tuple[Statement, ...], *,
    nisba: bool = True, descriptions: bool = True,
) -> tuple[tuple[Entity, ...], tuple[Statement, ...]]:
    """The article's canonical entities, and its statements with speakers keyed and targets filled.

    Args:
        doc: the analysed article.
        mentions: from :func:`find_mentions` (found again when empty).
        statements: from the attribution stage (speaker label/mention and content span set).
        nisba: give nisba-reached countries as targets (extended targets in the guidelines).
        descriptions: give generic descriptions ("الحكومة السورية") as targets.

    Returns:
        (entities, statements): one Entity per referent (mentions and speakers), and the statements
        with ``speaker.entity`` set to its canonical key and ``targets`` filled.

    >>> from newsgraph.model import Article, Cue
    >>> text = "عنوان\\n\\nقال بوتين إن روسيا ستقصف داعش"
    >>> doc = Document(Article.from_text(text), ())
    >>> st = Statement("s1", "indirect", Cue(6, 9, "قال", "قال"), Speaker(None, "بوتين", "explicit",
    ...                mention=Span(10, 15, "بوتين")), content=Span(16, len(text), text[16:]))
    >>> ents, (s,) = resolve(doc, find_mentions(doc), (st,))
    >>> s.speaker.entity, [t.entity for t in s.targets]
    ('per-vladimir_putin', ['gpe-ru', 'org-isis'])
    """
    text = doc.article.text
    keyed = assign_keys(mentions or find_mentions(doc))
    extra: dict[str, tuple[str, EntityType]] = {}
    speaker_keys: list[str | None] = []
    for st in statements:
        if not key_words(st.speaker.label) and st.speaker.mention is None:
            speaker_keys.append(None)  # nobody named: no entity to key
            continue
        key, typ, _ = _speaker_key(st.speaker, keyed)
        speaker_keys.append(key)
        if not any(m.key == key for m in keyed):
            extra.setdefault(key, (st.speaker.label, typ))
    keyed = _group_mentions(text, keyed, statements, speaker_keys)
    keyed = tuple(sorted(keyed + _bare_references(text, keyed), key=lambda m: (m.start, -m.end)))
    entities = build_entities(keyed, extra)
    by_key = {e.key: e for e in entities}
    out = []
    for st, skey in zip(statements, speaker_keys, strict=True):
        e = by_key.get(skey) if skey else None
        aliases = tuple(dict.fromkeys([*st.speaker.aliases, *(e.aliases if e else ())]))
        sp = replace(st.speaker, entity=skey, aliases=tuple(a for a in aliases if a != st.speaker.label))
        st = replace(st, speaker=sp)
        out.append(replace(st, targets=targets_of(st, keyed, by_key, text, nisba=nisba, descriptions=descriptions)))
    return entities, tuple(out)
