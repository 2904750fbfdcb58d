"""The web page in a real headless Chromium (Debian's ``chromium``, driven by Playwright from PyPI).

Skipped, saying why, where Chromium or Playwright is missing (``.ci/run`` installs Chromium with apt).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import HOSTILE_NAME, HOSTILE_TITLE

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def server(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a copy of the annotated corpus, served by uvicorn on a free loopback port."""
    import uvicorn

    from khabar.service import create_app

    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    shutil.copy(corpus_db, db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium); browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (the test extra has it); browser tests skipped")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        except Exception as error:  # a Chromium that cannot start here is a reason to skip, not a failure
            pytest.skip(f"Chromium at {CHROMIUM} did not start: {error}")
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: str):
    context = browser.new_context(base_url=server, locale="ar")
    opened = context.new_page()
    outside: list[str] = []
    opened.on("request", lambda request: outside.append(request.url) if not request.url.startswith(server) else None)
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not outside, f"the page loaded from outside: {outside}"
    assert not errors, f"script errors: {errors}"


def test_article_hover_entity_follow_to_timeline(page, annotated_corpus) -> None:
    page.goto("/web/articles/seed-article")
    assert page.locator("html").get_attribute("dir") == "rtl"
    body = page.locator("#article-body")
    # The text is shown whole, in logical order: nothing reversed, added or lost.
    assert body.evaluate("element => element.textContent") == annotated_corpus[0].text
    mention = body.locator("a.ent-PER", has_text="ستولتنبرغ").first
    mention.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "Jens Stoltenberg" in tip.inner_text() and "الأمين العام" in tip.inner_text()
    date = body.locator(".time").first
    date.hover()
    assert "2021-03-10" in tip.inner_text()
    body.locator(".trigger", has_text="هاتفي").hover()
    assert "CONSULT" in tip.inner_text() and "فؤاد حسين" in tip.inner_text()
    mention.click()
    page.wait_for_url("**/web/entities/*")
    assert page.locator("#entity-name").inner_text().startswith("ينس ستولتنبرغ")
    days = page.locator("#timeline li.day")
    assert days.evaluate_all("items => items.map(i => i.dataset.day)") == ["2021-03-10", "2021-03-12"]
    assert page.locator("#timeline svg rect.mentions").count() >= 2
    assert page.locator("#network svg a.node").count() == 5
    assert "الأمين العام" in page.locator("#roles").inner_text()
    assert "الحلف سيواصل" in page.locator("#quotes").inner_text()


def test_search(page) -> None:
    page.goto("/web/search")
    page.fill("#search-form input[name=q]", "وللناتو")
    page.click("#search-form button[type=submit]")
    page.wait_for_url("**/web/search?*")
    titles = page.locator(".hit-title").all_inner_texts()
    assert titles == ["الناتو والعراق يبحثان التعاون", "ستولتنبرغ: دعم العراق مستمر"] or set(titles) == {
        "الناتو والعراق يبحثان التعاون",
        "ستولتنبرغ: دعم العراق مستمر",
    }
    marked = page.locator(".snippet mark").all_inner_texts()
    assert "الناتو" in marked or "الأطلسي" in marked
    page.locator(".hit-title").first.click()
    page.wait_for_url("**/web/articles/*")


def test_filter_events(page) -> None:
    page.goto("/web/events")
    assert page.locator("#events-table tbody tr").count() == 5
    assert page.locator("#events-chart svg rect[data-type]").count() >= 3
    page.select_option("#event-filters select[name=type]", "CONSULT")
    page.fill("#event-filters input[name=date_to]", "2021-03-12")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**type=CONSULT**")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 2
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.type)")) == {"CONSULT"}
    assert page.locator("#event-count").inner_text().startswith("2")
    assert set(page.locator("#events-chart svg rect[data-type]").evaluate_all("r => r.map(x => x.dataset.type)")) == {
        "CONSULT"
    }


def test_untrusted_text_is_shown_never_run(page) -> None:
    for path in ("/web/articles/hostile", "/web/articles", "/web/search?q=نتائجها"):
        page.goto(path)
        assert page.evaluate("() => window.__pwned") is None, path
        assert page.locator("img").count() == 0 and page.locator("b").count() == 0, path
    page.goto("/web/articles/hostile")
    assert page.locator("#article-title").inner_text() == HOSTILE_TITLE
    mention = page.locator("#article-body .ent").first
    assert mention.inner_text() == HOSTILE_NAME
    mention.hover()
    assert HOSTILE_NAME in page.locator("#tip").inner_text()
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("a[href^='javascript']").count() == 0
