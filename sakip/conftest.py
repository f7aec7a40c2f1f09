"""Shared fixtures: the two shipped examples in the database, and a real headless Chromium."""

import os

import pytest

from sakip.interchange.importer import EXAMPLES, example_path, import_file

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def examples(db):
    """Both examples imported (Kecamatan Panti 2020 and Dinas Kesehatan Sukamaju)."""
    for name in EXAMPLES:
        import_file(example_path(name))


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright; one browser process for the whole run."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def _page(browser, live_server, **context_options):
    context = browser.new_context(base_url=live_server.url, locale="id-ID", **context_options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    """A desktop-sized page whose relative URLs go to the live test server."""
    context, page = _page(browser, live_server, viewport={"width": 1366, "height": 900})
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    """A phone-sized page (360 × 740, touch), as at a service counter."""
    context, page = _page(
        browser, live_server, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    yield page
    context.close()
