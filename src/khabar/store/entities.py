"""Which corpus entity a document's entity is: for now, the same type and the same normalised name.

Cross-article identity (linking يانس ستولتنبرغ and ينس ستولتنبرغ, or an entity to a knowledge base) belongs to
the entity-linking stage; when it lands, :func:`entity_key` is the one function to replace (for example by the
linked identifier). Everything else in the store goes through it.
"""

from __future__ import annotations

from khabar.document import Entity
from khabar.text.normalise import match_key


def entity_key(entity: Entity) -> str:
    """The corpus key of ``entity``: ``TYPE:normalised name`` (MATCHING folding, white space collapsed)."""
    return f"{entity.type}:{match_key(entity.name)}"
