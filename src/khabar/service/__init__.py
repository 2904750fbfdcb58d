"""The HTTP service: the analysis API, the corpus API over a store, and the web page.

>>> from khabar.service import create_app
>>> app = create_app("khabar.db")              # doctest: +SKIP
>>> # uvicorn.run(app, host="127.0.0.1", port=8000)

See :mod:`khabar.service.app` (routes), :mod:`khabar.service.web` (pages), :mod:`khabar.service.render` (the
article view) and :mod:`khabar.service.charts` (SVG charts).
"""

from khabar.service.app import DEFAULT_MAX_TEXT_CHARS, create_app

__all__ = ["DEFAULT_MAX_TEXT_CHARS", "create_app"]
