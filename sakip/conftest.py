"""Shared fixtures: the two shipped examples in the database, and a real headless Chromium."""

import os

import pytest
from auditlog.context import disable_auditlog

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
    """Both examples imported (Kecamatan Panti 2020 and Dinas Kesehatan Sukamaju): the starting
    data of a test, so its ≈ 1 300 audit entries are not written (tests of the import's own audit
    entries import by themselves)."""
    with disable_auditlog():
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
    context, page = _page(browser, live_server, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Uploads and approved LKIP files of a test go to its own temporary folder; passwords are
    hashed with a fast hasher (the real one takes ~0.5 s per login created)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def personas(examples):
    """One login per role (password `sakip-demo-2020`), as the demo creates them, plus the
    operators of two *other* agencies: `operator_lain` of Kecamatan Sukorambi, a second agency of
    Kabupaten Jember with an empty Renstra 2016–2021 (same pemda), and `operator_sukamaju` of
    Dinas Kesehatan Sukamaju (another pemda). Attributes: operator, kepala, reviewer, pimpinan,
    admin (Kecamatan Panti / Kabupaten Jember), operator_lain, operator_sukamaju; `.semua` maps
    the names to the users."""
    from types import SimpleNamespace

    from sakip.accounts.models import Peran
    from sakip.accounts.personas import beri_peran, demo_users
    from sakip.organisation.models import Instansi, Pemda
    from sakip.planning.models import Renstra

    semua = demo_users()
    jember = Pemda.objects.get(slug="kabupaten-jember")
    sukorambi = Instansi.objects.create(
        pemda=jember, slug="kecamatan-sukorambi", nama="Kecamatan Sukorambi", jenis="kecamatan"
    )
    Renstra.objects.create(instansi=sukorambi, kode="2016-2021", tahun_awal=2016, tahun_akhir=2021, berlaku_mulai=2016)
    semua["operator_lain"] = beri_peran(
        "operator_lain", "Operator Kecamatan Sukorambi", Peran.Jenis.OPERATOR, jember, sukorambi
    )
    sukamaju = Instansi.objects.get(slug="dinas-kesehatan-sukamaju")
    semua["operator_sukamaju"] = beri_peran(
        "operator_sukamaju", "Operator Dinkes Sukamaju", Peran.Jenis.OPERATOR, sukamaju.pemda, sukamaju
    )
    return SimpleNamespace(semua=semua, **semua)


@pytest.fixture
def operator(client, personas):
    """The test client logged in as Kecamatan Panti's operator (the data-entry pages' user)."""
    client.force_login(personas.operator)
    return client


@pytest.fixture
def shots(tmp_path):
    """`shots(page, "name")`: a full-page screenshot, into $SAKIP_SCREENSHOTS when set (to look at)."""
    from pathlib import Path

    folder = Path(os.environ.get("SAKIP_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return lambda page, name: page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


@pytest.fixture
def csp_violations(page):
    """The Content-Security-Policy violations the browser reports on `page` (should stay empty)."""
    seen = []
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None)
    return seen
