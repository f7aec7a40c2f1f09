"""Load test of the web workspace: 20 concurrent users against a real gunicorn on loopback.

A generated pemda of 50 agencies × 20 indicators × 6 years is imported into a fresh temporary
SQLite database (or, when DATABASE_URL is set, into a fresh PostgreSQL database `<name>_load` on
that server, dropped afterwards). gunicorn serves it on 127.0.0.1 with production settings
(DEBUG off). An admin pemda and an operator log in through the login page; half of the virtual
users are admins opening the pemda dashboard, half are operators opening the realisasi page of
their agency (`measurement:realisasi`; the agency dashboard and agency-year page when that page
is not installed). Each user sends one request at a time for DURATION seconds.

Prints p50/p95/max per page. Target: p95 < 200 ms at 20 concurrent users.
Run: .venv/bin/python bench/load.py [--users 20] [--seconds 20] [--workers 4]"""

import argparse
import http.client
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA_DIR = tempfile.mkdtemp(prefix="sakip-load-")
os.environ["SAKIP_DATA_DIR"] = DATA_DIR
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")


def fresh_postgres() -> str | None:
    """Point DATABASE_URL at a new empty database next to the given one; returns its name."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return None
    import psycopg

    base, _, name = url.rpartition("/")
    bench = f"{name}_load"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{bench}"')
        conn.execute(f'CREATE DATABASE "{bench}"')
    os.environ["DATABASE_URL"] = f"{base}/{bench}"
    return bench


def drop_postgres(admin_url: str, bench: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{bench}" WITH (FORCE)')


def prepare() -> dict:
    """Migrate, import the generated pemda, create the two logins; returns the URLs to load."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.urls import NoReverseMatch, reverse

    from sakip.accounts.models import Peran
    from sakip.accounts.personas import PASSWORD, beri_peran
    from sakip.examples.generate import generated_pemda
    from sakip.interchange.importer import import_data
    from sakip.organisation.models import Instansi

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    pemda = import_data(generated_pemda(50, 20, 6))
    print(f"import of 50 agencies × 20 indicators × 6 years: {time.perf_counter() - t0:.1f} s")
    instansi = Instansi.objects.filter(pemda=pemda).order_by("slug").first()
    beri_peran("load-admin", "Admin beban", Peran.Jenis.ADMIN, pemda)
    beri_peran("load-operator", "Operator beban", Peran.Jenis.OPERATOR, pemda, instansi)
    tahun = 2024
    pages = {"admin": {"pemda dashboard": reverse("dashboard:pemda", kwargs={"pemda": pemda.slug, "tahun": tahun})}}
    kw = {"slug": instansi.slug, "tahun": tahun}
    try:
        pages["operator"] = {"realisasi page": reverse("measurement:realisasi", kwargs=kw)}
    except NoReverseMatch:
        print("measurement:realisasi is not installed yet: the operator loads the agency dashboard and year page")
        pages["operator"] = {
            "agency dashboard": reverse("dashboard:instansi", kwargs=kw),
            "agency-year page": reverse("reporting:tahun", kwargs=kw),
        }
    return {"pages": pages, "password": PASSWORD}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


class Client:
    """One virtual user: a keep-alive connection and the session cookie of its login."""

    def __init__(self, port: int, cookie: str = ""):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = cookie

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, dict, bytes]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()

    def login(self, username: str, password: str) -> str:
        """Through the real login page: its CSRF token and cookie, then the form."""
        status, headers, body = self.request("GET", "/masuk/")
        csrf_cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        self.cookie = f"csrftoken={csrf_cookie}"
        form = urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
        status, headers, _ = self.request("POST", "/masuk/", form)
        session = re.search(r"sessionid=([^;]+)", headers.get("Set-Cookie", ""))
        if status != 302 or not session:
            raise RuntimeError(f"login of {username} failed ({status})")
        return f"sessionid={session.group(1)}"


def run(port: int, cookies: dict, pages: dict, users: int, seconds: float, think: float) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for role in pages.values() for name in role}
    errors: list[str] = []
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def user(k: int):
        rnd = random.Random(k)
        role = "admin" if k % 2 == 0 else "operator"
        client = Client(port, cookies[role])
        urls = list(pages[role].items())
        i = k
        while time.monotonic() < end:
            name, url = urls[i % len(urls)]
            i += 1
            t0 = time.perf_counter()
            status, _, _ = client.request("GET", url)
            dt = (time.perf_counter() - t0) * 1000
            with lock:
                (times[name] if status == 200 else errors).append(dt if status == 200 else f"{url}: {status}")
            if think:
                time.sleep(rnd.uniform(0.5 * think, 1.5 * think))  # a person reads the page

    threads = [threading.Thread(target=user, args=(k,)) for k in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"{len(errors)} failed requests, e.g. {errors[0]}")
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds a user reads a page (0: none)")
    args = parser.parse_args()
    admin_url = os.environ.get("DATABASE_URL")
    bench_db = fresh_postgres()
    print(f"database: {'PostgreSQL ' + bench_db if bench_db else 'SQLite in ' + DATA_DIR}")
    setup = prepare()
    port = free_port()
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1", "CONN_MAX_AGE": "60"}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "sakip.wsgi", "-b", f"127.0.0.1:{port}"]
        + ["-w", str(args.workers), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(port)
        cookies = {
            "admin": Client(port).login("load-admin", setup["password"]),
            "operator": Client(port).login("load-operator", setup["password"]),
        }
        run(port, cookies, setup["pages"], args.workers * 2, 3, 0)  # warm every worker up
        times = run(port, cookies, setup["pages"], args.users, args.seconds, args.think)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        if bench_db:
            from django.db import connections

            connections.close_all()
            drop_postgres(admin_url, bench_db)
        shutil.rmtree(DATA_DIR, ignore_errors=True)
    think = f"think time {0.5 * args.think:g}–{1.5 * args.think:g} s" if args.think else "no think time"
    print(f"\n{args.users} concurrent users ({think}) for {args.seconds:.0f} s, gunicorn with {args.workers} workers")
    print(f"{'page':<20} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, ts in times.items():
        if not ts:
            print(f"{name:<20} no successful request")
            continue
        q = statistics.quantiles(ts, n=100, method="inclusive") if len(ts) > 1 else ts * 99
        print(f"{name:<20} {len(ts):>8} {q[49]:>8.0f} {q[94]:>8.0f} {max(ts):>8.0f}")
    total = sum(len(ts) for ts in times.values())
    print(f"throughput: {total / args.seconds:.0f} requests/s; target p95 < 200 ms")


if __name__ == "__main__":
    main()
