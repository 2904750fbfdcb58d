"""khabar: Arabic news to structured, verifiable facts.

>>> import khabar
>>> doc = khabar.analyze("وقال الوزير اليوم ...", published="2021-03-10")
>>> doc.to_dict()["schema"]
'khabar/1'
"""

from khabar._version import __version__
from khabar.document import (
    SCHEMA_VERSION,
    Clitic,
    Document,
    Entity,
    Event,
    Mention,
    Quantity,
    Quote,
    Role,
    Sentence,
    Span,
    Time,
    Token,
)
from khabar.errors import InputError, KhabarError, PipelineError, ResourceError, SchemaError
from khabar.pipeline import Pipeline, Stage, analyze, pipe

__all__ = [
    "SCHEMA_VERSION",
    "Clitic",
    "Document",
    "Entity",
    "Event",
    "InputError",
    "KhabarError",
    "Mention",
    "Pipeline",
    "PipelineError",
    "Quantity",
    "Quote",
    "ResourceError",
    "Role",
    "SchemaError",
    "Sentence",
    "Span",
    "Stage",
    "Time",
    "Token",
    "__version__",
    "analyze",
    "pipe",
]
