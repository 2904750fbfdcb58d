"""Bounded caches of what the stages compute per word form, and one way to empty them all.

Every stage keeps, per surface form, what it computed for it (a clitic analysis, features, keys): news reuses
the same words all the time, so this is most of khabar's speed. A :class:`BoundedCache` empties itself when it
reaches its limit, so memory stays bounded; :func:`clear_caches` empties every one of them, and the bounded
``functools.lru_cache`` functions of khabar, without touching the loaded models and lexicons (a long-running
worker calls it when its memory has grown past a limit, and goes on at once).
"""

from __future__ import annotations

import gc
import sys
import weakref
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

# every live cache by id (a dict cannot be in a set: it has no hash)
_LIVE: weakref.WeakValueDictionary[int, BoundedCache] = weakref.WeakValueDictionary()


class BoundedCache(dict[K, V]):
    """A dict that empties itself when it holds ``limit`` entries and a new one comes."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        _LIVE[id(self)] = self

    def __setitem__(self, key: K, value: V) -> None:
        if len(self) >= self.limit and key not in self:
            self.clear()
        super().__setitem__(key, value)


def clear_caches() -> int:
    """Empty every bounded cache and every bounded ``lru_cache`` of khabar's modules; how many were emptied.

    Caches without a bound (``functools.cache`` on loaders of models and lexicons) are kept: they hold what was
    loaded once, not what grows with the words met.
    """
    cleared = 0
    for cache in list(_LIVE.values()):
        cache.clear()
        cleared += 1
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "khabar" or name.startswith("khabar.")):
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)
            if callable(parameters) and getattr(value, "__module__", None) == name and parameters()["maxsize"]:
                value.cache_clear()
                cleared += 1
    return cleared


def freeze_loaded() -> None:
    """Leave every object alive now out of Python's cycle collections from now on: for a worker process of khabar's
    own, once it has loaded its pipeline. A full collection walks every object the process holds, the models and
    lexicons included (a tenth of the analysis time, in passes of tens of milliseconds); frozen, they are not walked
    again. Never called on a caller's process, whose objects would no longer be collected.
    """
    gc.collect()
    gc.freeze()
