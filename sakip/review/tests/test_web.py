"""The findings page of an agency-year: the reviewer runs the data reviu, reads what it found
and decides on each finding; an open error keeps the year from being approved."""

from sakip.review import open_errors
from sakip.review.models import TemuanReviu

URL = "/instansi/kecamatan-panti/2020/reviu/"


def test_reviewer_runs_the_reviu_and_sees_the_target_disagreements(personas, client):
    client.force_login(personas.reviewer)
    response = client.post(URL + "jalankan/", follow=True)
    assert response.status_code == 200
    stored = TemuanReviu.objects.filter(instansi__slug="kecamatan-panti", tahun=2020)
    assert stored.exists()
    page = response.content.decode()
    assert "Reviu data selesai" in page
    for t in stored:
        assert t.rule in page
    assert any("Renstra" in t.message for t in stored)  # Renstra/PK target disagreements of the example


def test_dismissing_an_error_needs_a_note_and_then_unblocks_approval(personas, client):
    client.force_login(personas.reviewer)
    client.post(URL + "jalankan/")
    errors = list(open_errors(personas.operator.peran.instansi, 2020))
    assert errors, "the Panti example has at least one error finding"
    first = errors[0]
    response = client.post(f"{URL}{first.pk}/abaikan/", {"catatan": ""}, follow=True)
    assert "memerlukan catatan" in response.content.decode()
    first.refresh_from_db()
    assert first.status == TemuanReviu.Status.OPEN
    for t in errors:
        client.post(f"{URL}{t.pk}/abaikan/", {"catatan": "Sudah dijelaskan dalam narasi."})
    assert not open_errors(personas.operator.peran.instansi, 2020).exists()
    first.refresh_from_db()
    assert first.status == TemuanReviu.Status.DISMISSED and first.decided_by == personas.reviewer


def test_an_operator_reads_the_findings_but_cannot_decide(personas, client):
    TemuanReviu.objects.create(
        instansi=personas.operator.peran.instansi,
        tahun=2020,
        key="k",
        rule="target-beda",
        severity="error",
        location="Renstra",
        message="Target berbeda",
    )
    client.force_login(personas.operator)
    page = client.get(URL).content.decode()
    assert "Target berbeda" in page and "Terima" not in page
    t = TemuanReviu.objects.get(key="k")
    assert client.post(f"{URL}{t.pk}/terima/").status_code == 403
