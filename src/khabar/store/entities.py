"""Which corpus entity a document's entity is: its resolution key, the same in every article.

The resolve stage gives every entity a ``key``: a knowledge-base id (``org:nato``), else the type and the
skeleton of the name, so يانس ستولتنبرغ and ينس ستولتنبرغ meet in one corpus entity
(:mod:`khabar.resolve.corpus`). Documents analysed before that stage existed have no key: their type and
normalised name stand in. Everything else in the store goes through :func:`entity_key`.
"""

from __future__ import annotations

from khabar.document import Entity
from khabar.text.normalise import match_key


def entity_key(entity: Entity) -> str:
    """The corpus key of ``entity``: its resolution key, else ``TYPE:normalised name``."""
    return entity.key or f"{entity.type}:{match_key(entity.name)}"
