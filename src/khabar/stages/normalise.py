"""The normalisation stage: the default normalised view of the text and its offset map.

Views are computed by :meth:`khabar.document.Document.normalised` (see :mod:`khabar.text.normalise`) and
cached on the document; this stage makes the default view and the offset map, which every other view of the
document reuses (a stage that needs the lexicon-matching view asks for it and pays one more folding pass).
"""

from __future__ import annotations

from khabar.document import Document
from khabar.text.normalise import DEFAULT


class Normaliser:
    """Pipeline stage: provides ``normalised`` (the default view and the offset map of the text)."""

    name = "normalise"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"normalised"})

    def __call__(self, doc: Document) -> Document:
        doc.normalised(DEFAULT)
        return doc
