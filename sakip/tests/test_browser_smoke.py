"""The browser fixture reaches the live server (the admin login page renders in Chromium)."""


def test_admin_login_page_renders_in_chromium(page, transactional_db):
    page.goto("/admin/login/")
    assert page.locator("input[name=username]").is_visible()
