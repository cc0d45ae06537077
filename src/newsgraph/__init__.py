"""newsgraph: who said what about whom, from Arabic news, as a knowledge graph.

    >>> import newsgraph
    >>> result = newsgraph.extract("عنوان\\n\\nقال الوزير إن الوضع مستقر.")   # doctest: +SKIP
    >>> result.to_dict()["statements"][0]["cue"]["text"]                       # doctest: +SKIP
    'قال'
"""

from newsgraph.errors import (
    ArticleError,
    DependencyError,
    GraphError,
    InputError,
    MorphologyDataError,
    NewsgraphError,
    QueryError,
    ResourceError,
    StoreError,
)
from newsgraph.model import (
    Analysis,
    Article,
    Cue,
    Document,
    Entity,
    Extraction,
    Mention,
    Sentence,
    Span,
    Speaker,
    Statement,
    Target,
    Token,
)
from newsgraph.pipeline import analyse, extract

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "ArticleError",
    "Cue",
    "DependencyError",
    "Document",
    "Entity",
    "Extraction",
    "GraphError",
    "InputError",
    "Mention",
    "MorphologyDataError",
    "NewsgraphError",
    "QueryError",
    "ResourceError",
    "Sentence",
    "Span",
    "Speaker",
    "Statement",
    "StoreError",
    "Target",
    "Token",
    "analyse",
    "extract",
]
