"""camel-tools morphology (placeholder: no analysis)."""

from __future__ import annotations

from newsgraph.model import Sentence

__all__ = ["Morphology", "get_morphology"]


class Morphology:
    def analyse_sentences(self, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        return sentences


def get_morphology() -> Morphology:
    return Morphology()
