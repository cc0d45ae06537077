"""Shared fixtures: paths to ../shared (tests that need it skip with the reason when it is absent)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_bbdb7bd5d11f476f.txt"
EVAL = SHARED / "eval"
CORPORA = SHARED / "corpora"


def stop_process(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """Stop a helper process a fixture started (a server, a browser): terminate, then kill after 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def need_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the calling test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared development data beside the checkout); absent here")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def morphology():  # type: ignore[no-untyped-def]
    """The process-wide newsgraph Morphology (loads the camel-tools database once per session)."""
    from newsgraph.morphology import get_morphology

    return get_morphology()
