"""``newsgraph build INPUT... -o FILE [--store DIR] [--workers N] [--html FILE]``: articles -> knowledge graph.

The command runs :func:`newsgraph.corpus.run_corpus` (every corpus format, worker processes,
resume after an interruption, skipped articles reported with their reason), then prints the
graph's counts and top speakers from the store.

The per-article loop is :func:`extractions` and the graph side is :func:`build`, so a corpus
runner (parallel workers, other input formats) can feed its own extractions to :func:`build`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.corpus.readers import DEFAULT_MAX_CHARS
from newsgraph.errors import ArticleError, InputError
from newsgraph.model import Article, Extraction
from newsgraph.store import (
    ARTICLE_COUNT_QUERY,
    STATEMENT_COUNT_QUERY,
    TOP_SPEAKERS_QUERY,
    AddReport,
    MemoryStore,
    OxigraphStore,
    QueryResult,
    open_store,
)

__all__ = ["BuildSummary", "add_arguments", "build", "extractions", "read_inputs", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                        help="articles: .txt, .jsonl, .json (arrays) and .zip files, or folders of them")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="graph file to write; the extension picks the format: .ttl .nt .jsonld .trig .nq")
    parser.add_argument("--store", type=Path, metavar="DIR",
                        help="persistent pyoxigraph store directory; a later build adds to it")
    parser.add_argument("--skip-existing", action="store_true",
                        help="keep articles already in the store (the default: an interrupted build resumes)")
    parser.add_argument("--replace", action="store_true",
                        help="extract articles already in the store again and replace their graphs")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="worker processes for the extraction (0: in this process; default 1)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N articles of the inputs")
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                        help=f"skip articles longer than N characters (default {DEFAULT_MAX_CHARS:,})")
    parser.add_argument("--errors", type=Path, metavar="FILE",
                        help="write the skipped articles (id, where, reason) as JSON Lines")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also render the graph as an HTML page")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="local: worker processes on this machine (default); dask: partitions on a Dask "
                             "cluster, -o names a folder of N-Quads shards")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: an existing Dask scheduler (e.g. tcp://host:8786), used "
                             "unchanged; default: a local cluster of --workers processes")
    parser.add_argument("--top", type=int, default=10, metavar="N", help="speakers to list in the summary")


def read_inputs(paths: Iterable[Path]) -> Iterator[Article]:
    """Articles from the command line inputs: newsgraph.corpus when present (JSON Lines, zips), else .txt files."""
    try:
        corpus = importlib.import_module("newsgraph.corpus")
    except ModuleNotFoundError:
        corpus = None
    reader: Callable[[list[Path]], Iterable[Article]] | None = (
        getattr(corpus, "read_articles", None) if corpus is not None else None)
    if reader is None:
        from newsgraph.io import read_articles

        reader = read_articles
    yield from reader(list(paths))


def extractions(articles: Iterable[Article], *, errors: list[str] | None = None) -> Iterator[Extraction]:
    """Run the extraction pipeline on each article, one at a time; an unusable article is reported and skipped.

    Args:
        articles: the articles, e.g. ``read_inputs([Path("seeds")])``.
        errors: a list that collects one message per skipped article (None: raise instead).

    Returns:
        An iterator of extractions, so a large corpus streams into the store.

    Example: ``next(extractions([Article.from_text("عنوان\\n\\nقال الوزير إن ...")]))`` is an Extraction.
    """
    from newsgraph.pipeline import extract

    for article in articles:
        try:
            yield extract(article)
        except ArticleError as exc:
            if errors is None:
                raise
            errors.append(str(exc))


@dataclass
class BuildSummary:
    """What a build did, for the summary line."""

    report: AddReport
    articles: int = 0
    statements: int = 0
    speakers: int = 0
    triples: int = 0
    seconds: float = 0.0
    top: QueryResult | None = None
    errors: list[str] = field(default_factory=list)


def build(items: Iterable[Extraction], *, output: Path | None = None, store: Path | None = None,
          replace: bool = True, html: Path | None = None, top: int = 10,
          say: Callable[[str], None] = print) -> BuildSummary:
    """Add extractions to a store (memory, or the pyoxigraph directory ``store``) and write the outputs.

    Args:
        items: extractions, e.g. :func:`extractions` of the input articles (or a parallel corpus run).
        output: graph file to write (.ttl .nt .jsonld .trig .nq), or None.
        store: persistent store directory, or None for an in-memory rdflib graph.
        replace: replace articles already in the store (False: keep them).
        html: HTML page to render with newsgraph.render, when that module is installed.
        top: how many speakers the summary lists.
        say: where messages go.

    Returns:
        The counts and the top speakers.

    Example: ``build(extractions(read_inputs([Path("seeds")])), output=Path("seed.ttl"))`` lists speakers
    such as ``مسؤول أميركي``.
    """
    started = time.perf_counter()
    st = open_store(store)
    try:
        report = st.add(items, replace=replace)
        counts = st.query(STATEMENT_COUNT_QUERY).rows[0]
        articles = st.query(ARTICLE_COUNT_QUERY).rows[0][0]
        top_q = TOP_SPEAKERS_QUERY.replace("LIMIT 10", f"LIMIT {int(top)}")
        summary = BuildSummary(report=report, articles=int(articles), statements=int(counts[0]),
                               speakers=int(counts[1]), triples=len(st), top=st.query(top_q))
        if output is not None:
            st.export(output)
        if html is not None:
            _render(st, html, say)
    finally:
        st.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _render(st: object, html: Path, say: Callable[[str], None]) -> None:
    try:
        render = importlib.import_module("newsgraph.render")
    except ModuleNotFoundError:
        say(f"--html: skipped {html}: newsgraph.render is not installed in this version")
        return
    graph = st.dataset if isinstance(st, MemoryStore) else None
    if graph is None:  # the renderer takes rdflib graphs: read the store back through an N-Quads export
        import tempfile

        from newsgraph.graph import load

        with tempfile.TemporaryDirectory() as tmp:
            graph = load(st.export(Path(tmp) / "graph.nq"))  # type: ignore[attr-defined]
    render.render_html(graph, html)
    say(f"wrote {html}")


def _run_dask(args: argparse.Namespace) -> int:
    """``--engine dask``: shards into the -o folder (and, with --store, bulk-loaded into the store)."""
    from newsgraph.dask_engine import build_with_dask

    if args.output is None:
        raise InputError("--engine dask writes N-Quads shards: give the shard folder with -o DIR")
    if args.output.exists() and not args.output.is_dir():
        raise InputError(f"--engine dask writes shards into a folder, but {args.output} is a file")
    summary = build_with_dask(args.inputs, args.output, scheduler=args.scheduler, workers=max(1, args.workers),
                              limit=args.limit, max_chars=args.max_chars)
    for skip in summary.skipped:
        print(f"skipped {skip.get('id') or skip.get('where')}: {skip.get('reason')}: {skip.get('message', '')}",
              file=sys.stderr)
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    print(f"dask: {summary.articles} articles, {summary.statements} statements, {summary.quads} quads in "
          f"{summary.seconds:.1f} s ({rate:.1f} articles/s) on {summary.workers} workers; "
          f"{len(summary.skipped)} skipped; shards in {args.output}")
    if args.errors is not None:
        args.errors.write_text((args.output / "skipped.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    if args.store is not None:
        st = OxigraphStore(args.store)
        try:
            for shard in summary.shards:
                st.load_file(args.output / shard)
        finally:
            st.close()
        print(f"loaded the shards into the store {args.store}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Build through :func:`newsgraph.corpus.run_corpus`: parallel, resumable, every corpus format."""
    if args.engine == "dask":
        return _run_dask(args)
    from newsgraph.corpus import format_summary, run_corpus, write_skip_report

    with tempfile.TemporaryDirectory(prefix="newsgraph-build-") as tmp:
        # without --store the runner writes the -o file (or a scratch N-Quads file) and the summary
        # queries read it back into an in-memory Oxigraph store
        output = args.output if args.store is not None or args.output is not None else Path(tmp) / "graph.nq"
        summary = run_corpus(args.inputs, store=args.store, output=output, workers=args.workers, limit=args.limit,
                             max_chars=args.max_chars, replace=args.replace,
                             progress=False if args.quiet else None,
                             on_skip=lambda s: print(s.describe(), file=sys.stderr))
        if args.errors is not None:
            write_skip_report(args.errors, summary.skips)
        print(format_summary(summary), file=sys.stderr)
        if summary.interrupted:
            return 130
        if args.store is not None:
            st: MemoryStore | OxigraphStore = open_store(args.store)
        else:
            st = OxigraphStore()
            st.load_file(output)
        try:
            counts = st.query(STATEMENT_COUNT_QUERY).rows[0]
            articles = st.query(ARTICLE_COUNT_QUERY).rows[0][0]
            top = st.query(TOP_SPEAKERS_QUERY.replace("LIMIT 10", f"LIMIT {int(args.top)}"))
            triples = len(st)
            if args.html is not None:
                _render(st, args.html, print)
        finally:
            st.close()
    where = f"store {args.store}" if args.store else "memory"
    print(f"{summary.articles} articles added ({summary.replaced} replaced, {summary.resumed} kept, "
          f"{summary.skipped} unreadable) in {summary.seconds:.1f} s; {where} now holds {articles} articles, "
          f"{counts[0]} statements, {counts[1]} speakers, {triples} triples")
    if args.output:
        print(f"wrote {args.output}")
    if top.rows:
        print("top speakers:")
        for _, name, n in top.rows:
            print(f"  {n:5d}  {name}")
    return 0
