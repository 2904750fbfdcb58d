"""The web page in a real headless Chromium (Debian's ``chromium``, driven by Playwright from PyPI).

Skipped, saying why, where Chromium or Playwright is missing (``.ci/run`` installs Chromium with apt). The last
tests open every place a page shows stored text over a store whose every value is hostile markup
(tests/conftest.py), one test per place.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import HOSTILE_COPY_ID, HOSTILE_ID, HOSTILE_NAME, HOSTILE_ORG, HOSTILE_PERSON, HOSTILE_TITLE, pwn

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app over the store ``db``, served by uvicorn on a free loopback port."""
    import uvicorn

    from khabar.service import create_app

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


@contextmanager
def serving_copy(db: Path, folder: Path) -> Iterator[str]:
    """The app over a copy of ``db`` in ``folder`` (the tests never write to the original)."""
    copy = folder / db.name
    shutil.copy(db, copy)
    with serving(copy) as base:
        yield base


@pytest.fixture(scope="module")
def server(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a copy of the annotated corpus."""
    with serving_copy(corpus_db, tmp_path_factory.mktemp("browser")) as base:
        yield base


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


@contextmanager
def opened(browser, server: str):
    """A page of ``server`` that fails the test if it loads anything from elsewhere or a script fails."""
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


@pytest.fixture
def page(browser, server: str):
    with opened(browser, server) as made:
        yield made


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


# ----------------------------------------------------------------- every place that shows stored text


@pytest.fixture(scope="module")
def hostile_server(hostile_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving_copy(hostile_db, tmp_path_factory.mktemp("hostile-browser")) as base:
        yield base


@pytest.fixture
def hostile_page(browser, hostile_server: str):
    with opened(browser, hostile_server) as made:
        yield made


def entity_page(server: str, name: str) -> str:
    with urllib.request.urlopen(f"{server}/entities?size=1000") as response:
        items = json.loads(response.read())["items"]
    return f"/web/entities/{next(e['id'] for e in items if e['name'] == name)}"


# Each place a page shows stored text, the path that shows it, and a stored value that must be seen as text there.
PLACES = {
    "home: latest articles, people, organisations, events chart": ("/web/", pwn("title")),
    "articles list: titles, sources, the source filter": ("/web/articles", pwn("source")),
    "article: title, source, link, text, marks, side panels": (f"/web/articles/{quote(HOSTILE_ID)}", pwn("text")),
    "near-copy: the article it copies": (f"/web/articles/{quote(HOSTILE_COPY_ID)}", HOSTILE_ID),
    "search: titles, snippets, sources, filters": ("/web/search?q=" + quote("الأرباح"), pwn("title")),
    "search: the query typed, the clauses": ("/web/search?q=" + quote(pwn("query")), None),
    "entities: names, types": ("/web/entities", HOSTILE_PERSON),
    "entity search: the name typed": ("/web/entities?name=" + quote(pwn("name")), None),
    "person: names, Latin name, roles, timeline, network, quotes": ("person", pwn("role")),
    "organisation: names, timeline events, network": ("organisation", HOSTILE_ORG),
    "events: table, chart, filters": ("/web/events", pwn("event-type")),
    "events of a hostile type: the filter echoed": ("/web/events?type=" + quote(pwn("event-type")), pwn("mode")),
    "missing article: the id asked for": ("/web/articles/" + quote(pwn("missing")), pwn("missing")),
}


def assert_nothing_ran(page, where: str) -> None:
    assert page.evaluate("() => window.__pwned") is None, where
    foreign = page.evaluate(
        """() => {
        const found = [];
        for (const e of document.querySelectorAll("*")) {
          for (const a of e.attributes) { if (a.name.startsWith("on")) found.push(e.tagName + " " + a.name); }
        }
        for (const s of document.scripts) { if (!s.src.endsWith("/static/khabar.js")) found.push("script"); }
        for (const e of document.querySelectorAll("img, iframe, style, object, embed, b, frame, video, math")) {
          found.push(e.tagName);
        }
        for (const e of document.querySelectorAll("svg")) { if (!e.closest("figure.chart")) found.push("svg"); }
        for (const e of document.querySelectorAll("[href], [src]")) {
          const link = (e.getAttribute("href") || e.getAttribute("src") || "").trim().toLowerCase();
          if (link.startsWith("javascript:") || link.startsWith("data:")) found.push(e.tagName + " " + link);
        }
        return found;
      }"""
    )
    assert not foreign, f"{where}: markup from the store was made into elements: {foreign}"


@pytest.mark.parametrize("place", list(PLACES))
def test_hostile_text_is_shown_never_run(hostile_page, hostile_server: str, place: str) -> None:
    path, shown = PLACES[place]
    if path == "person":
        path = entity_page(hostile_server, HOSTILE_PERSON)
    elif path == "organisation":
        path = entity_page(hostile_server, HOSTILE_ORG)
    response = hostile_page.goto(path)
    assert response is not None and response.status in (200, 404), (place, response and response.status)
    tips = hostile_page.locator("[data-tip]")
    explained = []
    for index in range(min(tips.count(), 40)):  # every explanation shown on hover, as the reader would
        tips.nth(index).hover()
        explained.append(hostile_page.locator("#tip").inner_text())
        assert_nothing_ran(hostile_page, f"{place}, explanation {index}")
    assert not explained or any("__pwned" in tip for tip in explained), place  # hostile names shown as text
    assert_nothing_ran(hostile_page, place)
    if shown is not None:
        assert shown in (hostile_page.locator("body").text_content() or ""), place
