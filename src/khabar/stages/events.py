"""The events stage: PLOVER events with actors, recipients, date, place, modality and evidence.

See :mod:`khabar.events.coder` for the rules and ``data/lexicons/events.json`` for the triggers.
"""

from __future__ import annotations

from khabar.document import Document
from khabar.events.coder import EventCoder


class Events:
    """Pipeline stage: sets ``events``."""

    name = "events"
    requires = frozenset({"sentences", "tokens", "mentions", "entities", "times", "sources"})
    provides = frozenset({"events"})

    def __init__(self) -> None:
        self._coder = EventCoder()

    def __call__(self, doc: Document) -> Document:
        self._coder(doc)
        return doc
