"""The resolve stage: mentions become entities, with roles, Latin names and PLOVER country and sector codes.

See :mod:`khabar.resolve.article` for how, and :mod:`khabar.resolve.corpus` for resolution across articles.
"""

from __future__ import annotations

from khabar.document import Document
from khabar.resolve.article import ArticleResolver


class Resolve:
    """Pipeline stage: sets ``entities`` and links every mention to one (adding title and reference mentions)."""

    name = "resolve"
    requires = frozenset({"sentences", "tokens", "mentions"})
    provides = frozenset({"entities"})

    def __init__(self) -> None:
        self._resolver = ArticleResolver()

    def __call__(self, doc: Document) -> Document:
        self._resolver(doc)
        return doc
