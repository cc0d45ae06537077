"""The per-article pipeline: text -> Document -> mentions -> statements -> targets -> stance.

Each stage is a function from frozen values to new frozen values; this module only
wires them in order, so the data flow reads top to bottom in :func:`extract`.

    >>> ex = extract("عنوان\\n\\nقال الوزير إن الوضع مستقر.")   # doctest: +SKIP
    >>> ex.statements[0].cue.text                             # doctest: +SKIP
    'قال'
"""

from __future__ import annotations

from newsgraph import attribution, entities, segment, stance
from newsgraph.model import Article, Document, Extraction
from newsgraph.morphology import Morphology, get_morphology

__all__ = ["analyse", "extract"]


def analyse(article: Article, *, morphology: Morphology | None = None) -> Document:
    """Segment an article into sentences and tokens and choose a morphological analysis per word.

    Args:
        article: the article; its ``text`` is kept exactly as given.
        morphology: the analyser to use (default: the process-wide one).

    Returns:
        A :class:`Document` whose token offsets point into ``article.text``.
    """
    sentences, warnings = segment.segment(article.text)
    morph = morphology or get_morphology()
    return Document(article=article, sentences=morph.analyse_sentences(sentences), warnings=warnings)


def extract(text_or_article: str | Article, *, morphology: Morphology | None = None) -> Extraction:
    """Find every statement in an article: cue, speaker, content, targets and stance.

    Args:
        text_or_article: raw text (title on the first line) or an :class:`Article`.
        morphology: the analyser to use (default: the process-wide one).

    Returns:
        An :class:`Extraction`; ``to_dict()`` gives the JSON of ``newsgraph extract``.
    """
    article = text_or_article if isinstance(text_or_article, Article) else Article.from_text(text_or_article)
    doc = analyse(article, morphology=morphology)
    mentions = entities.find_mentions(doc)
    statements, att_warnings = attribution.extract_statements(doc, mentions)
    ents, statements = entities.resolve(doc, mentions, statements)
    statements = stance.assign_stances(doc, statements)
    return Extraction(article=article, entities=ents, statements=statements, warnings=doc.warnings + att_warnings)
