"""The public namespace is exactly ``__all__`` (httpx does the same)."""

from types import ModuleType

import khabar


def test_all_lists_every_public_name() -> None:
    public = {
        name
        for name in dir(khabar)
        if not name.startswith("_") and not isinstance(getattr(khabar, name), ModuleType)  # submodules
    }
    assert public == set(khabar.__all__) - {"__version__"}
    assert len(khabar.__all__) == len(set(khabar.__all__))


def test_version_matches_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert version("khabar") == khabar.__version__
