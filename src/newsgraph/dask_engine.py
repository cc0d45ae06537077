"""Extraction on Dask: the same per-article pipeline mapped over partitions, one N-Quads shard each.

Each Dask worker process loads the morphology database once (the process-wide analyser of
:mod:`newsgraph.morphology`) and runs :func:`newsgraph.corpus.process_article` — exactly what the
local engine runs — over its partition, writing ``part-NNNNN.nq`` atomically into the output
folder. IRIs come from article ids and canonical actor keys only, so the union of the shards is
the same graph whichever engine or partitioning built it. The signed speaker→target relations,
which count over the whole corpus, are computed once at the end into ``relations.nq``.

    >>> summary = build_with_dask(["snn/2015-07-21.zip"], "shards/", workers=2)    # doctest: +SKIP
    >>> summary.articles, sorted(p.name for p in Path("shards").glob("*.nq"))[:2]  # doctest: +SKIP
    (1432, ['part-00000.nq', 'part-00001.nq'])

Partitions: with ``limit`` (or a single input file) the client reads the articles and sends
chunks of ``partition_size``; otherwise each input file (a zip, a JSON array, JSON Lines) is one
partition that a worker reads itself, so article texts never travel through the client.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from newsgraph.errors import DependencyError, InputError

__all__ = ["DaskSummary", "build_with_dask"]


@dataclass(frozen=True, slots=True)
class DaskSummary:
    """What a Dask build did: counts, shards written, skipped articles with reasons, seconds."""

    articles: int
    statements: int
    quads: int
    words: int
    shards: tuple[str, ...]
    skipped: tuple[dict[str, str], ...] = field(default=())
    seconds: float = 0.0
    workers: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "statements": self.statements, "quads": self.quads, "words": self.words,
                "shards": list(self.shards), "skipped": list(self.skipped), "seconds": round(self.seconds, 3),
                "workers": self.workers,
                "articles_per_second": round(self.articles / self.seconds, 2) if self.seconds else None}


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _run_partition(index: int, work: list[Any] | str, out_dir: str, max_chars: int) -> dict[str, Any]:
    """Worker side: extract one partition (a list of Articles, or one input file) into part-NNNNN.nq."""
    import gc

    from newsgraph.corpus import GC_THRESHOLDS, ArticleResult, Skipped, iter_articles, process_article
    from newsgraph.morphology import get_morphology

    gc.set_threshold(*GC_THRESHOLDS)  # as in the local engine's workers (see corpus.runner.GC_THRESHOLDS)
    morphology = get_morphology()  # process-wide: loaded once per worker
    items: Iterable[Any] = iter_articles([work], max_chars=max_chars) if isinstance(work, str) else work
    parts: list[str] = []
    counts = {"articles": 0, "statements": 0, "quads": 0, "words": 0}
    skipped: list[dict[str, Any]] = []
    for item in items:
        result = item if isinstance(item, Skipped) else process_article(item, morphology=morphology)
        if isinstance(result, ArticleResult):
            parts.append(result.entry)
            counts["articles"] += 1
            counts["statements"] += result.statements
            counts["quads"] += result.quads
            counts["words"] += result.words
        else:
            skipped.append(result.to_dict())
    shard = Path(out_dir) / f"part-{index:05d}.nq"
    _write_atomically(shard, "".join(parts))
    return {"index": index, **counts, "skipped": skipped, "shard": shard.name}


def _partitions(inputs: Sequence[str | Path], *, limit: int | None, partition_size: int, max_chars: int,
                skipped: list[dict[str, str]]) -> Iterator[list[Any] | str]:
    from newsgraph.corpus import Skipped, iter_articles
    from newsgraph.corpus.readers import check_inputs

    files = check_inputs(inputs)
    if limit is None and len(files) > 1:
        yield from (str(f) for f in files)
        return
    articles: Iterator[Any] = iter_articles(files, max_chars=max_chars)
    count = 0

    def wanted() -> Iterator[Any]:
        nonlocal count
        for item in articles:
            if isinstance(item, Skipped):
                skipped.append(item.to_dict())
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            yield item

    stream = wanted()
    while chunk := list(islice(stream, partition_size)):
        yield chunk


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DependencyError("the Dask engine needs dask.distributed: pip install 'newsgraph[dask]'") from None
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def build_with_dask(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 250,
    limit: int | None = None,
    max_chars: int | None = None,
) -> DaskSummary:
    """Build the graph of a corpus on Dask, as N-Quads shards plus a run summary and error report.

    Args:
        inputs: files (.txt .jsonl .json .zip) and folders, as for ``newsgraph build``.
        out_dir: the shard folder (created): ``part-NNNNN.nq``, ``relations.nq``, ``summary.json``,
            ``skipped.jsonl``.
        scheduler: address of an existing Dask scheduler (used unchanged); default: a local cluster.
        workers: worker processes of the local cluster (ignored with ``scheduler``).
        partition_size: articles per partition when the client reads the articles.
        limit: only the first N articles (in input order).

    Returns:
        A :class:`DaskSummary`.

    Raises:
        InputError: a missing input or an unknown format.
        DependencyError: dask.distributed is not installed.

    Example: ``build_with_dask(["saudinewsnet/"], "out/shards")`` builds every article (such as one
    quoting "قال الوزير إن ...") into shards whose union equals the local engine's graph.
    """
    from newsgraph.corpus import DEFAULT_MAX_CHARS

    if workers < 1:
        raise InputError(f"workers must be at least 1, got {workers}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    max_chars = max_chars or DEFAULT_MAX_CHARS
    start = time.perf_counter()
    skipped: list[dict[str, str]] = []
    client, cluster = _client(scheduler, workers)
    try:
        futures = [client.submit(_run_partition, i, work, str(out), max_chars, pure=False)
                   for i, work in enumerate(_partitions(inputs, limit=limit, partition_size=partition_size,
                                                        max_chars=max_chars, skipped=skipped))]
        results = sorted(client.gather(futures), key=lambda r: r["index"])
        n_workers = len(client.scheduler_info().get("workers", {}))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for r in results:
        skipped.extend(r["skipped"])
    shards = [r["shard"] for r in results]
    _write_relations(out, shards)
    summary = DaskSummary(
        articles=sum(r["articles"] for r in results), statements=sum(r["statements"] for r in results),
        quads=sum(r["quads"] for r in results), words=sum(r["words"] for r in results),
        shards=(*shards, "relations.nq"), skipped=tuple(skipped), seconds=time.perf_counter() - start,
        workers=n_workers)
    _write_atomically(out / "summary.json", json.dumps(summary.to_dict(), ensure_ascii=False, indent=1) + "\n")
    _write_atomically(out / "skipped.jsonl", "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in skipped))
    return summary


def _write_relations(out: Path, shards: Sequence[str]) -> None:
    """The corpus-wide signed relations, computed once over the union of the shards."""
    import pyoxigraph as ox

    from newsgraph.corpus.rdf import relation_quads

    store = ox.Store()
    for name in shards:
        store.bulk_load(path=str(out / name), format=ox.RdfFormat.N_QUADS)
    _, quads = relation_quads(store)
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) if quads else None
    _write_atomically(out / "relations.nq", data.decode("utf-8") if data else "")
