"""The quotes stage: direct and indirect statements with cue and speaker, and the article's sources.

See :mod:`khabar.quotes.finder` for the rules.
"""

from __future__ import annotations

from khabar.document import Document
from khabar.quotes.finder import QuoteFinder


class Quotes:
    """Pipeline stage: sets ``quotes`` and ``sources``."""

    name = "quotes"
    requires = frozenset({"sentences", "paragraphs", "tokens", "mentions", "entities"})
    provides = frozenset({"quotes", "sources"})

    def __init__(self) -> None:
        self._finder = QuoteFinder()

    def __call__(self, doc: Document) -> Document:
        self._finder(doc)
        return doc
