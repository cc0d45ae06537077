"""Many articles: readers for corpus formats, parallel resumable runs into a graph, the run report.

    >>> from newsgraph.corpus import iter_articles, run_corpus, format_summary
    >>> summary = run_corpus(["/work/shared/corpora/saudinewsnet"], store="snn.oxigraph",
    ...                      workers=2, limit=1000)               # doctest: +SKIP
    >>> print(format_summary(summary))                            # doctest: +SKIP
    articles: 988 processed, 0 already in the graph, 12 skipped
"""

from newsgraph.corpus.readers import (
    DEFAULT_MAX_CHARS,
    ArticleRejected,
    Skipped,
    article_from_record,
    article_from_text,
    derive_id,
    iter_articles,
    read_articles,
)
from newsgraph.corpus.report import RunSummary, format_summary, write_skip_report
from newsgraph.corpus.runner import GC_THRESHOLDS, ArticleResult, process_article, run_corpus
from newsgraph.corpus.sinks import article_graph_iri, article_iri, format_of, open_sink

__all__ = [
    "DEFAULT_MAX_CHARS",
    "GC_THRESHOLDS",
    "ArticleRejected",
    "ArticleResult",
    "RunSummary",
    "Skipped",
    "article_from_record",
    "article_from_text",
    "article_graph_iri",
    "article_iri",
    "derive_id",
    "format_of",
    "format_summary",
    "iter_articles",
    "open_sink",
    "process_article",
    "read_articles",
    "run_corpus",
    "write_skip_report",
]
