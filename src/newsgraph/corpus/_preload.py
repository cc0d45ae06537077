"""Imported by the forkserver before it forks the workers: the morphology database is loaded once.

Every worker of a run then starts with the analyser already in memory (shared copy-on-write with
the forkserver) instead of parsing the database again; the pool initializer finds it loaded.
"""

from __future__ import annotations

try:
    from newsgraph.morphology import get_morphology

    get_morphology()
except Exception:  # the worker initializer loads it again and reports the real error to the run
    pass
