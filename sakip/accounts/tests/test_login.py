"""Login in Indonesian, lock-out after repeated failures, CSRF, password rules, production settings."""

import os
import subprocess
import sys

from django.contrib.auth.models import User
from django.test import Client

from sakip.accounts.personas import PASSWORD


def _login(client, username, password, addr="127.0.0.2"):
    return client.post("/masuk/", {"username": username, "password": password}, REMOTE_ADDR=addr)


def test_the_login_page_speaks_indonesian_and_leads_to_the_workspace(personas, client):
    page = client.get("/masuk/").content.decode()
    assert "Masuk ke SAKIP" in page and "Nama pengguna" in page and "csrfmiddlewaretoken" in page
    wrong = _login(client, "kepala", "salah").content.decode()
    assert "dan sandi yang benar" in wrong
    response = _login(client, "kepala", PASSWORD)
    assert (response.status_code, response["Location"]) == (302, "/")
    assert "Camat Panti" in client.get("/").content.decode()


def test_anonymous_users_are_sent_to_the_login_page(personas, client):
    response = client.get("/instansi/kecamatan-panti/2020/")
    assert response.status_code == 302
    assert response["Location"] == "/masuk/?next=/instansi/kecamatan-panti/2020/"


def test_repeated_failures_lock_the_user_out_from_that_address(personas, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "kepala", "tebakan").status_code == 200
    locked = _login(client, "kepala", "tebakan")
    assert locked.status_code == 429
    assert "Akun dikunci sementara" in locked.content.decode()
    assert "15 menit" in locked.content.decode()
    assert _login(client, "kepala", PASSWORD).status_code == 429  # even the right password
    assert _login(Client(), "operator", PASSWORD).status_code == 302  # a colleague in the same office
    assert _login(Client(), "kepala", PASSWORD, addr="127.0.0.3").status_code == 302  # the kepala elsewhere


def test_a_success_before_the_limit_resets_the_count(personas, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "kepala", "tebakan")
    assert _login(client, "kepala", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "kepala", "tebakan").status_code == 200


def test_every_form_needs_its_csrf_token(personas):
    client = Client(enforce_csrf_checks=True)
    refused = client.post("/masuk/", {"username": "kepala", "password": PASSWORD})
    assert refused.status_code == 403 and "Formulir kedaluwarsa" in refused.content.decode()
    client.force_login(personas.kepala)
    assert client.post("/instansi/kecamatan-panti/2020/alur/ajukan/").status_code == 403
    page = client.get("/instansi/kecamatan-panti/2020/")
    token = page.context["csrf_token"]
    assert (
        client.post("/instansi/kecamatan-panti/2020/alur/ajukan/", {"csrfmiddlewaretoken": str(token)}).status_code
        == 302
    )


def test_a_new_password_must_follow_the_rules(personas, client):
    client.force_login(personas.operator)
    form = {"old_password": PASSWORD, "new_password1": "1234567890", "new_password2": "1234567890"}
    page = client.post("/akun/kata-sandi/", form).content.decode()
    assert "terlalu umum" in page or "seluruhnya angka" in page
    form["new_password1"] = form["new_password2"] = "Kopi-Panti-2021"
    assert client.post("/akun/kata-sandi/", form).status_code == 302
    assert User.objects.get(username="operator").check_password("Kopi-Panti-2021")


def test_pages_carry_the_security_headers(personas, client):
    response = client.get("/masuk/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "-production-secret-0123456789-abcdefghij",
    "SAKIP_REQUIRE_SECRET": "1",
    "SAKIP_HTTPS": "1",
    "SAKIP_HSTS_PRELOAD": "1",
    "ALLOWED_HOSTS": "sakip.jemberkab.go.id",
}


def _manage(*args, **env):
    # a clean environment: the browser fixture sets DJANGO_ALLOW_ASYNC_UNSAFE in this process
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SAKIP_", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env={**environ, "DJANGO_SETTINGS_MODULE": "sakip.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_production_settings_pass_djangos_deployment_check(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", SAKIP_DATA_DIR=str(tmp_path), **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = _manage("check", SAKIP_DATA_DIR=str(tmp_path), **env)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
