"""Access to the linguistic resources shipped inside the package (``khabar/data``).

Resources are read through :mod:`importlib.resources`, so they work from a wheel, a zip or a source tree, and
never from the network. Each file is listed with its source and licence in ``data/MANIFEST.json``.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from khabar.errors import ResourceError


def data_path(relative: str) -> Traversable:
    """The packaged data file ``khabar/data/<relative>``; :class:`ResourceError` when it is missing."""
    path = files("khabar") / "data"
    for part in relative.split("/"):
        path = path / part
    if not path.is_file():
        raise ResourceError(f"packaged resource khabar/data/{relative} is missing; reinstall khabar")
    return path
