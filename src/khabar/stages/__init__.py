"""The pipeline stages, one module each, registered here by name in pipeline order.

=============  ==========================================================  =====================
stage          what it does                                                 provides
=============  ==========================================================  =====================
normalise      normalised views of the text with an offset map back         normalised
segment        paragraphs and sentences                                     paragraphs, sentences
tokenise       tokens with their clitic analysis                            tokens
numbers        numbers in digits and words, with unit, currency, percent    quantities
times          dates, times, durations, sets resolved against published     times
entities       names of people, organisations, places (CRF tagger)          mentions
resolve        mentions to entities: variants, aliases, titles, roles, codes  entities
quotes         statements with cue and speaker; the sources a story cites   quotes, sources
events         PLOVER events: type, mode, participants, date, place, modality  events
=============  ==========================================================  =====================
"""

from __future__ import annotations

from importlib import import_module

from khabar.errors import PipelineError
from khabar.pipeline import Stage

# Each stage as "module:class", imported when a pipeline first asks for it (stage modules import the text layer
# and their resources; importing them lazily keeps `import khabar` light and free of import cycles).
STAGE_FACTORIES: dict[str, str] = {
    "normalise": "khabar.stages.normalise:Normaliser",
    "segment": "khabar.stages.segment:Segmenter",
    "tokenise": "khabar.stages.tokenise:Tokeniser",
    "numbers": "khabar.stages.numbers:Numbers",
    "times": "khabar.stages.times:Times",
    "entities": "khabar.stages.entities:Entities",
    "resolve": "khabar.stages.resolve:Resolve",
    "quotes": "khabar.stages.quotes:Quotes",
    "events": "khabar.stages.events:Events",
}
DEFAULT_STAGES: tuple[str, ...] = tuple(STAGE_FACTORIES)


def create_stage(name: str) -> Stage:
    """A new instance of the built-in stage ``name``."""
    try:
        module, _, factory = STAGE_FACTORIES[name].partition(":")
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; available: {', '.join(STAGE_FACTORIES)}") from None
    return getattr(import_module(module), factory)()
