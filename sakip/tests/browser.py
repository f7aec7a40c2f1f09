"""Steps the browser tests share: log in through the real login page, log out."""

from sakip.accounts.personas import PASSWORD


def login(page, username: str) -> None:
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/")


def logout(page) -> None:
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url("**/masuk/")
