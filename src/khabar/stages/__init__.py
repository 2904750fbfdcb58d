"""The pipeline stages, one module each, registered here by name in pipeline order.

=============  ==========================================================  =====================
stage          what it does                                                 provides
=============  ==========================================================  =====================
normalise      normalised views of the text with an offset map back         normalised
segment        paragraphs and sentences                                     paragraphs, sentences
tokenise       tokens with their clitic analysis                            tokens
numbers        numbers in digits and words, with unit, currency, percent    quantities
times          dates, times, durations, sets resolved against published     times
=============  ==========================================================  =====================
"""

from __future__ import annotations

from collections.abc import Callable

from khabar.errors import PipelineError
from khabar.pipeline import Stage
from khabar.stages.normalise import Normaliser
from khabar.stages.numbers import Numbers
from khabar.stages.segment import Segmenter
from khabar.stages.times import Times
from khabar.stages.tokenise import Tokeniser

STAGE_FACTORIES: dict[str, Callable[[], Stage]] = {
    "normalise": Normaliser,
    "segment": Segmenter,
    "tokenise": Tokeniser,
    "numbers": Numbers,
    "times": Times,
}
DEFAULT_STAGES: tuple[str, ...] = tuple(STAGE_FACTORIES)


def create_stage(name: str) -> Stage:
    """A new instance of the built-in stage ``name``."""
    try:
        factory = STAGE_FACTORIES[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; available: {', '.join(STAGE_FACTORIES)}") from None
    return factory()
