"""Actors: mentions, canonical entities across articles, and statement targets.

    >>> canonical_key("الرئيس الروسي فلاديمير بوتين") == canonical_key("بوتين")
    True

* :func:`find_mentions` — every actor mention of a document (gazetteers, names, heads, hashtags, nisbas);
* :func:`resolve` — the article's canonical entities, and statements with speaker keys and targets;
* :func:`canonical_key` — the stable key of an actor's name (becomes the actor IRI).
"""

from __future__ import annotations

from newsgraph.entities.canonical import canonical_key, corpus_surname_keys
from newsgraph.entities.mentions import find_mentions
from newsgraph.entities.targets import resolve

__all__ = ["canonical_key", "corpus_surname_keys", "find_mentions", "resolve"]
