"""Frozen values passed between the pipeline stages.

Every stage takes values and returns new ones (``dataclasses.replace``); nothing
is mutated.  Every span is ``(start, end)`` into the ORIGINAL article text, so
``article.text[span.start:span.end] == span.text`` always holds.

    >>> art = Article.from_text("روسيا تقصف\\n\\nقال بوتين إن ...", id="a1")
    >>> art.title
    'روسيا تقصف'
    >>> Span(0, 5, "روسيا").to_dict()
    {'start': 0, 'end': 5, 'text': 'روسيا'}
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "Analysis",
    "Article",
    "Cue",
    "Document",
    "Entity",
    "EntityType",
    "Extraction",
    "Mention",
    "Sentence",
    "Span",
    "Speaker",
    "Stance",
    "Statement",
    "StatementKind",
    "Target",
    "Token",
    "TokenKind",
]

TokenKind = Literal["word", "number", "latin", "punct", "quote", "url", "hashtag", "symbol"]
EntityType = Literal["PER", "ORG", "GPE", "LOC", "MISC"]
StatementKind = Literal["direct", "indirect", "mixed"]
Stance = Literal["pos", "neg", "neu"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``, with its surface copied from ``text``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Article:
    """One news article.  ``text`` is the file's text exactly as read; ``title`` is metadata.

    For plain-text files the title is the first line of ``text`` (the evaluation format:
    title, blank line, body), so offsets stay valid for the whole file.
    """

    id: str
    text: str
    title: str = ""
    source: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None

    @classmethod
    def from_text(cls, text: str, *, id: str | None = None, **meta: Any) -> Article:
        """An article from raw text; the title is the first non-empty line, the id a content hash."""
        title = meta.pop("title", None)
        if title is None:
            title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if id is None:
            id = "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        return cls(id=id, text=text, title=title, **meta)

    def metadata(self) -> dict[str, str]:
        """The metadata fields that are set."""
        out = {"source": self.source, "url": self.url, "date": self.date, "author": self.author}
        return {k: v for k, v in out.items() if v}


@dataclass(frozen=True, slots=True)
class Analysis:
    """The chosen calima-msa-r13 analysis of one word form (compact: no full camel dict).

    ``lemma`` is undiacritised (قال), ``lemma_diac`` as in the database (قالَ);
    ``proclitics`` are camel feature values in order (``('wa_conj',)``);
    ``enclitic`` is ``None`` or a value such as ``'3ms_dobj'``.
    """

    lemma: str
    lemma_diac: str
    pos: str
    gloss: str
    proclitics: tuple[str, ...] = ()
    enclitic: str | None = None
    gender: str = "na"
    number: str = "na"
    person: str = "na"
    aspect: str = "na"
    stem: str = ""

    @property
    def is_proper(self) -> bool:
        return self.pos == "noun_prop"

    @property
    def is_verb(self) -> bool:
        return self.pos == "verb"


@dataclass(frozen=True, slots=True)
class Token:
    """A token with its offsets into the original text and its normalised form for matching."""

    start: int
    end: int
    text: str
    kind: TokenKind = "word"
    norm: str = ""
    analysis: Analysis | None = None
    alternatives: tuple[Analysis, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """An article after segmentation and morphology: what the extraction stages read."""

    article: Article
    sentences: tuple[Sentence, ...]
    warnings: tuple[str, ...] = ()

    @property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names (or refers to) an actor."""

    start: int
    end: int
    text: str
    type: EntityType
    key: str | None = None
    source: str = ""  # how it was found: gazetteer, morphology, pattern, hashtag, nisba, crf ...

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Entity:
    """One actor: a canonical key (stable across articles, becomes the IRI), labels, ids, mentions."""

    key: str
    label: str
    type: EntityType
    label_en: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    # (scheme, value): ("iso3166", "RU"), ("geonames", "170654"), ("wikidata", "Q7747")
    ids: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "label": self.label,
            "label_en": self.label_en,
            "type": self.type,
            "aliases": list(self.aliases),
            "ids": dict(self.ids),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Cue:
    """The word or particle that marks a statement (قال، مضيفاً، بحسب)."""

    start: int
    end: int
    text: str
    lemma: str
    cue_type: Literal["verb", "participle", "particle", "headline", "nominal"] = "verb"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma, "type": self.cue_type}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it, and how the system decided (``resolved_by``: explicit, dropped-subject, surname ...)."""

    entity: str | None
    label: str
    resolved_by: str
    aliases: tuple[str, ...] = ()
    mention: Span | None = None
    title: str | None = None
    role: str | None = None
    organization: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "label": self.label,
            "aliases": list(self.aliases),
            "mention": self.mention.to_dict() if self.mention else None,
            "resolved_by": self.resolved_by,
            "title": self.title,
            "role": self.role,
            "organization": self.organization,
        }


@dataclass(frozen=True, slots=True)
class Target:
    """An actor the statement is about, with the speaker's stance toward it."""

    entity: str
    label: str
    mention: Span
    aliases: tuple[str, ...] = ()
    via: str = "name"  # name, hashtag, quoted, nisba, description, pronoun
    stance: Stance | None = None
    evidence: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "entity": self.entity,
            "label": self.label,
            "aliases": list(self.aliases),
            "mention": self.mention.to_dict(),
            "via": self.via,
        }
        if self.stance is not None:
            out["stance"] = self.stance
            out["evidence"] = self.evidence.to_dict() if self.evidence else None
        return out


@dataclass(frozen=True, slots=True)
class Statement:
    """One reported speech act: cue, speaker, content and targets."""

    id: str
    kind: StatementKind
    cue: Cue
    speaker: Speaker
    content: Span | None = None
    targets: tuple[Target, ...] = ()
    required: bool = True  # False for headline "X: ..." and nominal cues, which the guidelines make optional

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict() if self.content else None,
            "speaker": self.speaker.to_dict(),
            "targets": [t.to_dict() for t in self.targets],
            "required": self.required,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything ``newsgraph.extract`` finds in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        art = self.article
        return {
            "article": {
                "id": art.id,
                "title": art.title,
                "chars": len(art.text),
                **art.metadata(),
                "warnings": list(self.warnings),
            },
            "entities": [e.to_dict() for e in self.entities],
            "statements": [s.to_dict() for s in sorted(self.statements, key=lambda s: s.cue.start)],
        }
