"""One exception tree for the whole library.

Every error newsgraph raises derives from :class:`NewsgraphError`; each subclass
also derives from the builtin it means, so ``except ValueError`` keeps working
for callers who do not know newsgraph.  Messages say what was wrong and what
would be right, and name the article when there is one::

    >>> raise InputError("article 'snn-1' has no text", article_id="snn-1")
    Traceback (most recent call last):
    ...
    newsgraph.errors.InputError: article 'snn-1' has no text
"""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "DependencyError",
    "GraphError",
    "InputError",
    "MorphologyDataError",
    "NewsgraphError",
    "OntologyError",
    "PublishError",
    "QueryError",
    "ResourceError",
    "StoreError",
]


class NewsgraphError(Exception):
    """Root of every error newsgraph raises."""

    def __init__(self, message: str, *, article_id: str | None = None) -> None:
        super().__init__(message)
        self.article_id = article_id


class InputError(NewsgraphError, ValueError):
    """Input that cannot be read: a missing file, an unknown format, a broken record."""


class ArticleError(InputError):
    """One article is unusable (empty, not text, too large); a corpus run skips it and reports it."""


class ResourceError(NewsgraphError, RuntimeError):
    """A packaged data file (lexicon, model, ontology) is missing or malformed."""


class MorphologyDataError(ResourceError):
    """The camel-tools morphology database is not installed where camel-tools looks for it."""


class DependencyError(NewsgraphError, ImportError):
    """An optional Python package that a feature needs is not installed."""


class GraphError(NewsgraphError, ValueError):
    """An RDF graph cannot be built, read or written."""


class QueryError(GraphError):
    """A SPARQL query is malformed or failed."""


class StoreError(GraphError):
    """A persistent store cannot be opened or written."""


class OntologyError(GraphError):
    """Code used a term the ontology does not define, or a graph breaks the shapes."""


class PublishError(GraphError):
    """A SPARQL server refused a request or could not be reached."""
