"""Every role × every view × own vs other agency, as one table.

Add a row for every view you make: method, URL, the workflow status the agency-year must
have first (`-` for none), and the expected HTTP status for each persona, in the order of
PERSONAS. Kecamatan Panti is the operator's and kepala's own agency; Kecamatan Sukorambi is
another agency of the same pemda (operator_lain's); Dinas Kesehatan Sukamaju is in another
pemda (operator_sukamaju's). An agency a user may not see answers 404, an action the role may
not take 403, an anonymous user is sent to the login page (302). `{lkip}` in a URL is the
approved LKIP of the `disetujui` state.

A POST that answers 302 to a logged-in persona must not have left an error message: the
action really happened. Each persona's POST runs in a transaction that is rolled back, so the
personas of one row all start from the same state.
"""

from django.contrib.messages import constants
from django.contrib.messages import get_messages as messages_of
from django.core.files.base import ContentFile
from django.db import transaction

from sakip.measurement.models import Realisasi
from sakip.organisation.models import Instansi
from sakip.planning.models import PerjanjianKinerja
from sakip.reporting.models import TahunKinerja
from sakip.reporting.tests.support import lkip_disetujui

PERSONAS = ("anonim", "operator", "kepala", "reviewer", "pimpinan", "admin", "operator_lain", "operator_sukamaju")

PANTI = "/instansi/kecamatan-panti/2020"
# fmt: off
MATRIX = f"""
method url                                                 given      anonim operator kepala reviewer pimpinan admin lain sukamaju
GET    /                                                   -          302    200      200    200      200      200   200  200
GET    /akun/kata-sandi/                                   -          302    200      200    200      200      200   200  200
GET    /instansi/kecamatan-panti/                          -          302    200      200    200      200      200   404  404
GET    {PANTI}/                                            -          302    200      200    200      200      200   404  404
GET    {PANTI}/                                            disetujui  302    200      200    200      200      200   404  404
GET    /instansi/kecamatan-panti/2030/                     -          302    404      404    404      404      404   404  404
GET    {PANTI}/jejak/                                      -          302    200      200    200      200      200   404  404
GET    {PANTI}/unduh/pk.docx                               -          302    200      200    200      200      200   404  404
GET    {PANTI}/unduh/pk.exe                                -          302    404      404    404      404      404   404  404
GET    {PANTI}/lkip-disetujui/{{lkip}}/                    disetujui  302    200      200    200      200      200   404  404
POST   {PANTI}/alur/ajukan/                                -          302    403      302    403      403      403   404  404
POST   {PANTI}/alur/catat/                                 diajukan   302    403      403    302      403      403   404  404
POST   {PANTI}/alur/kembalikan/                            diajukan   302    403      403    302      403      403   404  404
POST   {PANTI}/alur/loloskan/                              diajukan   302    403      403    302      403      403   404  404
POST   {PANTI}/alur/setujui/                               direviu    302    403      302    403      403      302   404  404
POST   {PANTI}/alur/buka/                                  disetujui  302    403      403    403      403      302   404  404
POST   {PANTI}/alur/hapus/                                 -          302    404      404    404      404      404   404  404
GET    {PANTI}/narasi/                                     -          302    200      200    200      200      200   404  404
POST   {PANTI}/narasi/                                     -          302    302      403    403      403      302   404  404
POST   {PANTI}/narasi/                                     disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/narasi/excel/                               -          302    200      200    200      200      200   404  404
POST   {PANTI}/narasi/impor/                               -          302    200      403    403      403      200   404  404
GET    /instansi/kecamatan-sukorambi/2020/narasi/          -          302    404      404    200      200      200   200  404
GET    {PANTI}/reviu/                                      -          302    200      200    200      200      200   404  404
POST   {PANTI}/reviu/jalankan/                             -          302    302      403    302      403      302   404  404
POST   {PANTI}/reviu/{{temuan}}/terima/                    temuan     302    403      403    302      403      403   404  404
POST   {PANTI}/reviu/{{temuan}}/lupakan/                   temuan     302    404      404    404      404      404   404  404
GET    /instansi/kecamatan-sukorambi/2020/reviu/           -          302    404      404    200      200      200   200  404
GET    {PANTI}/realisasi/                                  -          302    200      200    200      200      200   404  404
POST   {PANTI}/realisasi/                                  -          302    302      403    403      403      302   404  404
POST   {PANTI}/realisasi/                                  disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/realisasi/hitung/?indikator={{indikator}}   bukti      302    200      200    200      200      200   404  404
GET    {PANTI}/realisasi/hitung/                           -          302    404      404    404      404      404   404  404
GET    {PANTI}/realisasi/excel/                            -          302    200      200    200      200      200   404  404
POST   {PANTI}/realisasi/impor/                            -          302    200      403    403      403      200   404  404
GET    {PANTI}/realisasi/bukti/{{bukti}}/                  bukti      302    200      200    200      200      200   404  404
GET    {PANTI}/renstra/                                    -          302    200      200    200      200      200   404  404
POST   {PANTI}/renstra/                                    -          302    302      403    403      403      302   404  404
GET    {PANTI}/renstra/excel/                              -          302    200      200    200      200      200   404  404
POST   {PANTI}/renstra/impor/                              -          302    200      403    403      403      200   404  404
GET    /instansi/kecamatan-sukorambi/2020/renstra/         -          302    404      404    200      200      200   200  404
GET    {PANTI}/renstra/struktur/                           -          302    200      200    200      200      200   404  404
GET    /instansi/kecamatan-sukorambi/2020/renstra/struktur/ -         302    404      404    200      200      200   200  404
GET    {PANTI}/renstra/struktur/tambah/tujuan/             -          302    200      403    403      403      200   404  404
POST   {PANTI}/renstra/struktur/tambah/tujuan/             -          302    200      403    403      403      200   404  404
POST   {PANTI}/renstra/struktur/tambah/tujuan/             disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/renstra/struktur/tujuan/{{tujuan}}/tambah/sasaran/ struktur 302 200   403    403      403      200   404  404
POST   {PANTI}/renstra/struktur/tujuan/{{tujuan}}/tambah/sasaran/ struktur 302 200   403    403      403      200   404  404
GET    {PANTI}/renstra/struktur/tujuan/{{tujuan}}/         struktur   302    200      403    403      403      200   404  404
POST   {PANTI}/renstra/struktur/tujuan/{{tujuan}}/         struktur   302    200      403    403      403      200   404  404
GET    {PANTI}/renstra/struktur/tujuan/{{tujuan}}/hapus/   struktur   302    200      403    403      403      200   404  404
POST   {PANTI}/renstra/struktur/tujuan/{{tujuan}}/hapus/   struktur   302    409      403    403      403      409   404  404
POST   {PANTI}/renstra/struktur/kebijakan/{{kebijakan}}/hapus/ struktur 302 302     403    403      403      302   404  404
GET    /instansi/kecamatan-sukorambi/2020/renstra/struktur/tujuan/{{tujuan}}/ struktur 302 404 404 404 404   404   404  404
GET    {PANTI}/pk/                                         -          302    200      200    200      200      200   404  404
POST   {PANTI}/pk/                                         -          302    302      403    403      403      302   404  404
GET    {PANTI}/pk/excel/                                   -          302    200      200    200      200      200   404  404
POST   {PANTI}/pk/impor/                                   -          302    200      403    403      403      200   404  404
POST   {PANTI}/pk/perubahan/                               -          302    302      403    403      403      302   404  404
GET    /instansi/kecamatan-panti/2021/pk/buat/             -          302    200      403    403      403      200   404  404
POST   /instansi/kecamatan-panti/2021/pk/buat/             -          302    200      403    403      403      200   404  404
POST   /instansi/kecamatan-panti/2021/pk/buat/             disetujui  302    409      403    403      403      409   404  404
GET    /instansi/kecamatan-sukorambi/2020/pk/buat/         -          302    404      404    403      403      200   200  404
GET    {PANTI}/pk/buat/                                    -          302    302      403    403      403      302   404  404
GET    {PANTI}/pk/naskah/                                  -          302    200      403    403      403      200   404  404
POST   {PANTI}/pk/naskah/                                  -          302    200      403    403      403      200   404  404
POST   {PANTI}/pk/naskah/                                  disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/pk/indikator/                               -          302    200      403    403      403      200   404  404
POST   {PANTI}/pk/indikator/                               -          302    200      403    403      403      200   404  404
POST   {PANTI}/pk/indikator/                               disetujui  302    409      403    403      403      409   404  404
POST   {PANTI}/pk/indikator/{{target}}/hapus/              target     302    302      403    403      403      302   404  404
POST   {PANTI}/pk/indikator/999999/hapus/                  -          302    404      404    404      404      404   404  404
GET    {PANTI}/pk/program/                                 -          302    200      200    200      200      200   404  404
POST   {PANTI}/pk/program/                                 -          302    302      403    403      403      302   404  404
POST   {PANTI}/pk/program/                                 disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/pk/rencana-aksi/                            -          302    200      200    200      200      200   404  404
POST   {PANTI}/pk/rencana-aksi/                            -          302    302      403    403      403      302   404  404
POST   {PANTI}/pk/rencana-aksi/                            disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/pk/rencana-aksi/excel/                      -          302    200      200    200      200      200   404  404
POST   {PANTI}/pk/rencana-aksi/impor/                      -          302    200      403    403      403      200   404  404
GET    /instansi/kecamatan-sukorambi/2020/pk/rencana-aksi/ -          302    404      404    200      200      200   200  404
GET    {PANTI}/anggaran/                                   -          302    200      200    200      200      200   404  404
POST   {PANTI}/anggaran/                                   -          302    302      403    403      403      302   404  404
GET    {PANTI}/anggaran/excel/                             -          302    200      200    200      200      200   404  404
POST   {PANTI}/anggaran/impor/                             -          302    200      403    403      403      200   404  404
GET    {PANTI}/kegiatan/                                   -          302    200      200    200      200      200   404  404
POST   {PANTI}/kegiatan/                                   -          302    302      403    403      403      302   404  404
POST   {PANTI}/kegiatan/                                   disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/kegiatan/excel/                             -          302    200      200    200      200      200   404  404
POST   {PANTI}/kegiatan/impor/                             -          302    200      403    403      403      200   404  404
GET    /instansi/kecamatan-sukorambi/2020/kegiatan/        -          302    404      404    200      200      200   200  404
GET    {PANTI}/skm/                                        -          302    200      200    200      200      200   404  404
GET    /instansi/kecamatan-sukorambi/2020/skm/             -          302    404      404    200      200      200   200  404
POST   {PANTI}/skm/skm-2020/impor/                         -          302    200      403    403      403      200   404  404
POST   {PANTI}/skm/skm-2020/impor/                         disetujui  302    409      403    403      403      409   404  404
POST   {PANTI}/skm/skm-lain/impor/                         -          302    404      404    404      404      404   404  404
GET    {PANTI}/skm/skm-2020/impor/bukan-unggahannya/       -          302    404      403    403      403      404   404  404
POST   {PANTI}/skm/skm-2020/impor/bukan-unggahannya/       -          302    404      403    403      403      404   404  404
GET    {PANTI}/skm/skm-2020/laporan.docx                   -          302    200      200    200      200      200   404  404
GET    {PANTI}/skm/skm-2020/laporan.exe                    -          302    404      404    404      404      404   404  404
GET    {PANTI}/skm/buat/                                   -          302    200      403    403      403      200   404  404
POST   {PANTI}/skm/buat/                                   -          302    200      403    403      403      200   404  404
POST   {PANTI}/skm/buat/                                   disetujui  302    409      403    403      403      409   404  404
GET    /instansi/kecamatan-sukorambi/2020/skm/buat/        -          302    404      404    403      403      200   200  404
GET    {PANTI}/skm/skm-2020/ubah/                          -          302    200      403    403      403      200   404  404
POST   {PANTI}/skm/skm-2020/ubah/                          -          302    200      403    403      403      200   404  404
POST   {PANTI}/skm/skm-2020/ubah/                          disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/skm/skm-lain/ubah/                          -          302    404      404    404      404      404   404  404
POST   {PANTI}/skm/skm-2020/atur/buka/                     -          302    302      403    403      403      302   404  404
POST   {PANTI}/skm/skm-2020/atur/terbitkan/                -          302    302      403    403      403      302   404  404
POST   {PANTI}/skm/skm-2020/atur/tutup/                    disetujui  302    409      403    403      403      409   404  404
POST   {PANTI}/skm/skm-2020/atur/hapus/                    -          302    404      404    404      404      404   404  404
POST   {PANTI}/skm/skm-2020/realisasi/                     -          302    200      403    403      403      200   404  404
POST   {PANTI}/skm/skm-2020/realisasi/                     disetujui  302    409      403    403      403      409   404  404
GET    {PANTI}/skm/skm-2020/hapus/                         -          302    200      403    403      403      200   404  404
POST   {PANTI}/skm/skm-2020/hapus/                         -          302    409      403    403      403      409   404  404
POST   {PANTI}/skm/{{survei}}/hapus/                       survei     302    302      403    403      403      302   404  404
GET    /instansi/kecamatan-sukorambi/2020/realisasi/       -          302    404      404    200      200      200   200  404
POST   /instansi/kecamatan-sukorambi/2020/realisasi/       -          302    404      404    403      403      302   302  404
GET    /instansi/kecamatan-sukorambi/                      -          302    404      404    200      200      200   200  404
GET    /instansi/kecamatan-sukorambi/2020/                 -          302    404      404    200      200      200   200  404
POST   /instansi/kecamatan-sukorambi/2020/alur/ajukan/     -          302    404      404    403      403      403   403  404
GET    /instansi/dinas-kesehatan-sukamaju/                 -          302    404      404    404      404      404   404  200
GET    /instansi/dinas-kesehatan-sukamaju/2022/            -          302    404      404    404      404      404   404  200
GET    /instansi/dinas-kesehatan-sukamaju/2022/jejak/      -          302    404      404    404      404      404   404  200
GET    /instansi/dinas-kesehatan-sukamaju/2022/unduh/iku.pdf -        302    404      404    404      404      404   404  200
GET    /dasbor/                                            -          302    302      302    302      302      302   302  302
GET    /dasbor/kabupaten-jember/                           -          302    302      302    302      302      302   302  404
GET    /dasbor/kabupaten-jember/2020/                      -          302    200      200    200      200      200   200  404
GET    /dasbor/kabupaten-sukamaju/2022/                    -          302    404      404    404      404      404   404  200
POST   /dasbor/kabupaten-jember/2020/lkip-massal/         -          302    403      403    403      403      302   403  404
GET    /dasbor/kabupaten-jember/2020/lkip-massal/999/     -          302    403      403    403      403      404   403  404
GET    /dasbor/kabupaten-jember/2020/lkip-massal/999/unduh/ -        302    403      403    403      403      404   403  404
GET    {PANTI}/dasbor/                                     -          302    200      200    200      200      200   404  404
GET    /instansi/kecamatan-sukorambi/2020/dasbor/          -          302    404      404    200      200      200   200  404
GET    /instansi/dinas-kesehatan-sukamaju/2022/dasbor/     -          302    404      404    404      404      404   404  200
GET    /transparansi/                                      -          200    200      200    200      200      200   200  200
GET    /transparansi/kecamatan-panti/                      -          200    200      200    200      200      200   200  200
GET    /transparansi/kecamatan-panti/2020/lkip.pdf         -          404    404      404    404      404      404   404  404
GET    /transparansi/kecamatan-panti/2020/lkip.pdf         disetujui  200    200      200    200      200      200   200  200
GET    /transparansi/kecamatan-panti/2020/pk.pdf           -          404    404      404    404      404      404   404  404
GET    /transparansi/kecamatan-panti/2020/iku.pdf          disetujui  404    404      404    404      404      404   404  404
GET    /transparansi/dinas-kesehatan-sukamaju/2022/pk.pdf  -          200    200      200    200      200      200   200  200
GET    /admin/                                             -          302    302      302    302      302      200   302  302
"""
# fmt: on

# The back office (Django's own permissions, staff only) and the public SKM questionnaire (no login).
NOT_IN_MATRIX = ("admin/", "skm/", "masuk/", "keluar/")


def _rows() -> list[tuple[str, str, str, dict[str, str]]]:
    lines = [line.split() for line in MATRIX.strip().splitlines()[1:]]
    return [(m, url, given, dict(zip(PERSONAS, codes, strict=True))) for m, url, given, *codes in lines]


def _given(state: str, url: str) -> dict:
    """Put the agency-year the URL names into `state`; returns what the URL template needs."""
    if state == "-":
        return {}
    if state == "temuan":  # a stored finding of the data reviu
        return {"temuan": _temuan().pk}
    if state == "target":  # a target of the PK in force
        pk = PerjanjianKinerja.berlaku(Instansi.objects.get(slug="kecamatan-panti"), 2020)
        return {"target": pk.target.order_by("pk").first().pk}
    if state == "struktur":  # items of Panti's Renstra structure: one with dependents, one without
        from sakip.planning.models import Kebijakan, Tujuan

        panti = {"renstra__instansi__slug": "kecamatan-panti"}
        tujuan = Tujuan.objects.get(kode="tujuan-1", **panti)
        kebijakan = Kebijakan.objects.filter(**{f"sasaran__tujuan__{k}": v for k, v in panti.items()}).first()
        return {"tujuan": tujuan.pk, "kebijakan": kebijakan.pk}
    if state == "survei":  # an SKM survey of Panti without answers yet
        from sakip.skm.models import MetodeSKM, SurveiSKM

        survei = SurveiSKM.objects.create(
            instansi=Instansi.objects.get(slug="kecamatan-panti"),
            kode="skm-baru",
            tahun=2020,
            judul="Survei baru",
            metode=MetodeSKM.nasional("permenpan-14-2017"),
        )
        return {"survei": survei.kode}
    if state == "bukti":  # an evidence file of the realisasi page
        r = Realisasi.objects.get(
            indikator__renstra__instansi__slug="kecamatan-panti", indikator__kode="skm", tahun=2020
        )
        r.bukti = ContentFile(b"%PDF-1.4 bukti", name="bukti.pdf")
        r.save()
        return {"bukti": r.pk, "indikator": r.indikator_id}
    slug, tahun = url.split("/")[2], int(url.split("/")[3])
    instansi = Instansi.objects.get(slug=slug)
    if state != TahunKinerja.Status.DISETUJUI:
        TahunKinerja.objects.create(instansi=instansi, tahun=tahun, status=state)
        return {}
    return {"lkip": lkip_disetujui(instansi, tahun).pk}


def _temuan():
    from sakip.review.models import TemuanReviu

    return TemuanReviu.objects.create(
        instansi=Instansi.objects.get(slug="kecamatan-panti"),
        tahun=2020,
        key="uji-akses",
        rule="uji",
        severity="error",
        location="uji",
        message="uji",
    )


def _check(client, personas, method, url, expected) -> list[str]:
    wrong = []
    for name in PERSONAS:
        client.logout()
        if name != "anonim":
            client.force_login(personas.semua[name])
        with transaction.atomic():
            response = client.post(url, {"catatan": "catatan uji"}) if method == "POST" else client.get(url)
            errors = [m for m in messages_of(response.wsgi_request) if m.level == constants.ERROR]
            transaction.set_rollback(True)
        got = str(response.status_code)
        if got != expected[name]:
            wrong.append(f"{method} {url} — {name}: expected {expected[name]}, got {got}")
        elif method == "POST" and name != "anonim" and got == "302" and errors:
            wrong.append(f"{method} {url} — {name}: redirected with an error: {errors[0]}")
    return wrong


def test_access_matrix(personas, client):
    """One test over the whole table (the examples are imported once); every wrong cell is listed."""
    wrong = []
    for method, url, given, expected in _rows():
        with transaction.atomic():
            wrong += _check(client, personas, method, url.format(**_given(given, url)), expected)
            transaction.set_rollback(True)
    assert not wrong, "\n".join(wrong)


def test_every_view_of_the_workspace_is_in_the_matrix():
    """A new URL pattern of the workspace without a row here fails this test."""
    from django.urls import get_resolver

    covered = {line.split()[1] for line in MATRIX.strip().splitlines()[1:]}
    routes = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if hasattr(p, "url_patterns"):
                walk(p.url_patterns, prefix + str(p.pattern))
            else:
                routes.append(prefix + str(p.pattern))

    walk(get_resolver().url_patterns)
    workspace = [r for r in routes if not r.startswith(NOT_IN_MATRIX)]
    assert [r for r in workspace if not any(_matches(r, url) for url in covered)] == []


def _matches(route: str, url: str) -> bool:
    import re

    pattern = re.sub(r"<slug:\w+>", r"[-\\w]+", route)
    pattern = re.sub(r"<int:\w+>", r"(\\d+|\\{\\w+\\})", pattern)
    pattern = re.sub(r"<str:\w+>", r"[^/]+?", pattern)
    return re.fullmatch("/" + pattern, url) is not None
