"""The regulations' own methods (PermenPANRB 14/2017, KepmenPAN 25/2004) as national rows
(no pemda), with their questionnaire wording. Used by the data migration and on demand, so
a database that was emptied (tests, a fresh install) gets them back."""

from sakip.calc.skm import ACUAN


def pasang_metode_nasional(MetodeSKM, UnsurSKM, kode=None) -> dict:
    """Create the missing national methods named in `kode` (default: all); returns {kode: row}.
    Takes the model classes so a migration can pass its historical models."""
    out = {}
    for k in kode or ACUAN:
        a = ACUAN[k]
        metode, created = MetodeSKM.objects.get_or_create(
            pemda=None,
            kode=a.kode,
            defaults={"nama": f"SKM menurut {a.nama}", "dasar_hukum": a.dasar_hukum, "acuan": a.kode},
        )
        if created:
            UnsurSKM.objects.bulk_create(
                UnsurSKM(
                    metode=metode,
                    nomor=i,
                    nama=u.nama,
                    pertanyaan=u.pertanyaan,
                    jawaban_1=u.jawaban[0],
                    jawaban_2=u.jawaban[1],
                    jawaban_3=u.jawaban[2],
                    jawaban_4=u.jawaban[3],
                )
                for i, u in enumerate(a.unsur, start=1)
            )
        out[k] = metode
    return out
