"""Run the extraction over a corpus in N worker processes and write the graph, resumably.

The main process reads the inputs (streaming), skips the articles already in the graph, sends
batches of articles to the workers and writes their results in input order, one journalled batch
at a time (see :mod:`newsgraph.corpus.sinks`); at most ``2 * workers + 1`` batches are in flight,
so memory stays flat on any corpus.
Each worker has the morphology database loaded once (pool initializer; with the forkserver start
method the forkserver loads it before forking, so the workers share one load) and then only calls
:func:`newsgraph.pipeline.extract` and the graph builder, sending back one N-Quads string per
article.

    >>> summary = run_corpus(["/work/shared/corpora/saudinewsnet"], store="snn.oxigraph",
    ...                      workers=2, limit=1000)               # doctest: +SKIP
    >>> print(format_summary(summary))                            # doctest: +SKIP
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from newsgraph.corpus.rdf import RelationLink, extraction_nquads_and_links
from newsgraph.corpus.readers import DEFAULT_MAX_CHARS, Skipped, check_inputs, iter_articles
from newsgraph.corpus.report import RunSummary
from newsgraph.corpus.sinks import Sink, done_marker, journal_entry, open_sink
from newsgraph.errors import InputError, NewsgraphError, ResourceError
from newsgraph.model import Article

__all__ = ["GC_THRESHOLDS", "ArticleResult", "process_article", "run_corpus"]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One extracted article as the main process needs it: its graph and its counts."""

    id: str
    entry: str  # N-Quads of the article's named graph, ending with its "# done" journal line
    statements: int
    actors: tuple[str, ...]
    words: int
    quads: int
    links: tuple[RelationLink, ...] = ()  # its statement-target links, counted into the relations


def process_article(article: Article, *, morphology: Any = None) -> ArticleResult | Skipped:
    """Extract one article and turn it into N-Quads; a failure becomes a :class:`Skipped`.

    Args:
        article: the article.
        morphology: the analyser (default: the process-wide one).

    Returns:
        An :class:`ArticleResult`, or a :class:`Skipped` with reason ``extraction-failed``.

    Raises:
        ResourceError: a data file or the morphology database is missing (no article could succeed).

    >>> process_article(Article.from_text("عنوان\\n\\nقال الوزير إن الوضع مستقر.", id="a1")).id  # doctest: +SKIP
    'a1'
    """
    from newsgraph import pipeline  # imported here so the main process never loads the stages

    try:
        extraction = pipeline.extract(article, morphology=morphology)
        nquads, links = extraction_nquads_and_links(extraction)
    except ResourceError:
        raise
    except Exception as exc:  # one bad article must not stop a 31k-article run; it is reported instead
        return Skipped(article.id, article.id, "extraction-failed", f"{type(exc).__name__}: {exc}")
    nquads += done_marker(article.id)
    return ArticleResult(
        id=article.id,
        entry=journal_entry(article.id, nquads),
        statements=len(extraction.statements),
        actors=tuple(sorted({e.key for e in extraction.entities})),
        words=len(article.text.split()),
        quads=nquads.count("\n"),
        links=links,
    )


# -- worker side ----------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}

# The extraction makes millions of short-lived containers (tokens, tuples, frozen dataclasses) and keeps
# large caches (word forms, analyses); with Python's default thresholds (700, 10, 10) the cyclic garbage
# collector took 15-22% of a worker's CPU time, most of it walking those caches again and again
# (benchmarks/profile_stages.py prints it).  The pipeline's values are acyclic and freed by reference
# counting, so collecting 70x less often costs little memory.
GC_THRESHOLDS = (50_000, 20, 100)


def _init_worker() -> None:
    """Pool initializer: load the morphology database once for this worker's lifetime."""
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        from newsgraph.morphology import get_morphology

        _WORKER["morphology"] = get_morphology()
    except Exception as exc:  # re-raised by the first batch so the main process sees the real cause
        _WORKER["error"] = exc


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _process_batch(articles: list[Article]) -> tuple[list[ArticleResult | Skipped], int, float]:
    if "error" in _WORKER:
        raise _WORKER["error"]
    morphology = _WORKER.get("morphology")
    results = [process_article(a, morphology=morphology) for a in articles]
    return results, os.getpid(), _peak_rss_mb()


# -- main side ------------------------------------------------------------------------------------

def _batched(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while batch := list(islice(items, size)):
        yield batch


def _mp_context() -> Any:
    # fork would copy the main process's open store and threads into the workers; forkserver and
    # spawn start clean interpreters.  The forkserver loads the morphology database once before it
    # forks (the preload module), so N workers cost one database load, not N.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsgraph.corpus._preload"])
        return context
    return multiprocessing.get_context("spawn")


class _Progress:
    """A tqdm line on stderr with articles/s and words/s, or nothing when disabled."""

    def __init__(self, *, enabled: bool, total: int | None) -> None:
        self.bar = None
        self.words = 0
        self.start = time.perf_counter()
        self.last = 0.0
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)

    def update(self, n: int, words: int) -> None:
        self.words += words
        if self.bar is None:
            return
        self.bar.update(n)
        now = time.perf_counter()
        if now - self.last > 0.5:
            self.last = now
            self.bar.set_postfix_str(f"{self.words / max(now - self.start, 1e-9):,.0f} words/s", refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _Run:
    """The mutable tallies of one run (kept private; the caller gets a frozen RunSummary)."""

    def __init__(self, sink: Sink, progress: _Progress, on_skip: Callable[[Skipped], None] | None,
                 on_done: Callable[[ArticleResult], None] | None) -> None:
        self.sink = sink
        self.progress = progress
        self.on_skip = on_skip
        self.on_done = on_done
        self.articles = self.statements = self.words = self.quads = self.resumed = self.replaced = 0
        self.done: set[str] = set()
        self.actors: set[str] = set()
        self.skips: list[Skipped] = []
        self.rss: dict[int, float] = {}
        # the relations of a run that starts from an empty graph are counted as articles are written;
        # after a resume or a replacement the store is queried instead (its older articles are not here)
        self.links: Counter[RelationLink] | None = Counter()

    def skip(self, item: Skipped) -> None:
        self.skips.append(item)
        self.progress.update(1, 0)
        if self.on_skip is not None:
            self.on_skip(item)

    def collect(self, results: list[ArticleResult | Skipped], pid: int, rss: float) -> None:
        self.rss[pid] = max(self.rss.get(pid, 0.0), rss)
        done = [r for r in results if isinstance(r, ArticleResult)]
        old = [r.id for r in done if r.id in self.done]
        self.replaced += len(old)
        if old:
            self.links = None
        # one fsynced journal append: the batch is in the graph or not at all
        self.sink.write([r.entry for r in done], replace=old)
        for result in results:
            if isinstance(result, Skipped):
                self.skip(result)
                continue
            self.articles += 1
            self.statements += result.statements
            self.words += result.words
            self.quads += result.quads
            self.actors.update(result.actors)
            if self.links is not None:
                self.links.update(result.links)
            self.progress.update(1, result.words)
            if self.on_done is not None:
                self.on_done(result)


def run_corpus(
    inputs: str | Path | Iterable[str | Path],
    *,
    store: str | Path | None = None,
    output: str | Path | None = None,
    format: str | None = None,
    workers: int = 1,
    limit: int | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    id_prefix: str = "snn",
    resume: bool = True,
    replace: bool = False,
    batch_size: int = 8,
    progress: bool | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_done: Callable[[ArticleResult], None] | None = None,
) -> RunSummary:
    """Extract every article of a corpus into a graph: parallel, resumable, with a summary.

    With ``workers >= 1`` the workers are started with the forkserver (or spawn) method, which
    imports the calling script again in each worker: as with any multiprocessing, a script must
    call this under ``if __name__ == "__main__":``.

    Args:
        inputs: files (.txt .jsonl .json .zip) and folders of them.
        store: folder of a persistent pyoxigraph store to add the articles to.
        output: RDF file (.nq .trig .jsonld .nt .ttl) written atomically at the end (from the store if given).
        format: the output's format when its suffix does not say it.
        workers: worker processes; ``0`` runs everything in this process.
        limit: read only the first ``limit`` records (articles and bad records, in input order).
        max_chars: longest accepted article text; longer ones are skipped as ``too-large``.
        id_prefix: first part of ids derived from source and url.
        resume: skip articles already in the store or the output's journal (``False``: start empty).
        replace: extract the articles already in the store again and replace their graphs (a file
            output then starts from an empty journal).
        batch_size: articles per task sent to a worker (and per journal write).
        progress: show a progress line on stderr (default: when stderr is a terminal).
        on_skip: called with each :class:`Skipped` as it happens (for a log line).
        on_done: called with each :class:`ArticleResult` once it is written.

    Returns:
        A :class:`RunSummary`; ``interrupted`` is set when Ctrl-C stopped the run (what was written
        stays, and running again resumes).

    Raises:
        InputError: an input path is missing or has an unknown format, or there is nowhere to write.
        StoreError: the store cannot be opened or written.
        ResourceError: the morphology database or a lexicon is missing.
        NewsgraphError: a worker process died (what was written stays; running again resumes).

    >>> run_corpus(["مقالات/"], output="graph.nq", workers=0).articles          # doctest: +SKIP
    12
    """
    if workers < 0:
        raise InputError(f"workers must be 0 (in this process) or more, not {workers}")
    if batch_size < 1:
        raise InputError(f"batch_size must be at least 1, not {batch_size}")
    files = check_inputs([inputs] if isinstance(inputs, (str, Path)) else inputs)
    sink = open_sink(store=store, output=output, format=format,
                     resume=resume and not (replace and store is None))
    started = time.perf_counter()
    bar = _Progress(enabled=sys.stderr.isatty() if progress is None else progress, total=limit)
    run = _Run(sink, bar, on_skip, on_done)
    complete = False
    try:
        done = run.done = sink.done_ids()
        if done:
            run.links = None
        records = iter_articles(files, max_chars=max_chars, id_prefix=id_prefix)
        if limit is not None:
            records = islice(records, limit)

        def todo() -> Iterator[Article]:
            for item in records:
                if isinstance(item, Skipped):
                    run.skip(item)
                elif item.id in done and not replace:
                    run.resumed += 1
                    bar.update(1, 0)
                else:
                    yield item

        if workers == 0:
            from newsgraph.morphology import get_morphology

            morphology = get_morphology()
            thresholds = gc.get_threshold()
            gc.set_threshold(*GC_THRESHOLDS)  # as in a worker, for this run only
            try:
                for batch in _batched(todo(), batch_size):
                    results = [process_article(a, morphology=morphology) for a in batch]
                    run.collect(results, os.getpid(), _peak_rss_mb())
            finally:
                gc.set_threshold(*thresholds)
        else:
            _run_pool(todo(), run, workers=workers, batch_size=batch_size)
        complete = True
    except KeyboardInterrupt:
        pass
    finally:
        bar.close()
        sink.close(complete=complete, links=run.links)
    rss = {"main": _peak_rss_mb()}
    if workers > 0:
        rss.update({f"worker {i}": mb for i, (_, mb) in enumerate(sorted(run.rss.items()), start=1)})
    return RunSummary(
        articles=run.articles, resumed=run.resumed, replaced=run.replaced, skips=tuple(run.skips),
        statements=run.statements, actors=len(run.actors), words=run.words, quads=run.quads,
        seconds=time.perf_counter() - started, workers=workers, peak_rss_mb=rss, interrupted=not complete,
    )


def _run_pool(articles: Iterator[Article], run: _Run, *, workers: int, batch_size: int) -> None:
    pending: deque[Future[tuple[list[ArticleResult | Skipped], int, float]]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(), initializer=_init_worker)
    try:
        for batch in _batched(articles, batch_size):
            pending.append(pool.submit(_process_batch, batch))
            # bounded: never read far ahead of what the workers have finished
            while len(pending) > 2 * workers + 1:
                run.collect(*pending.popleft().result())
        while pending:
            run.collect(*pending.popleft().result())
    except BrokenProcessPool as exc:
        raise NewsgraphError(f"a worker process died ({exc}); was it out of memory or killed? The articles "
                             "written so far stay in the graph: run the same command again to resume") from None
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
