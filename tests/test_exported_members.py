"""The public namespace is exactly ``__all__`` (httpx does the same)."""

import khabar


def test_all_lists_every_public_name() -> None:
    public = {name for name in dir(khabar) if not name.startswith("_")} - {
        "cli",
        "document",
        "errors",
        "pipeline",
        "resources",
        "stages",
        "text",
        "readers",
        "evaluation",
    }
    assert public == set(khabar.__all__) - {"__version__"}
    assert len(khabar.__all__) == len(set(khabar.__all__))


def test_version_matches_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert version("khabar") == khabar.__version__
