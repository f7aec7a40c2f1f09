"""The realisasi page of an agency-year: one sheet for every indicator, live capaian, evidence
upload, and its Excel round trip (sakip/planning/web.py). Everything is checked before anything
is written."""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sakip.accounts.access import InstansiTahunMixin, get_visible_or_404
from sakip.planning import grid
from sakip.planning.web import LembarView, nama_sel

from . import anggaran_lembar, kegiatan_lembar
from . import lembar as lb
from .models import Realisasi


def nama_bukti(pk: int, periode: str) -> str:
    return f"b-{pk}-{periode}"


class RealisasiView(LembarView):
    """Every indicator of the agency-year: TW I–IV, annual realisasi, keterangan, evidence."""

    template_name = "measurement/realisasi.html"
    url_name = "measurement:realisasi"
    nama_berkas = "realisasi"
    baris_generik = False
    petunjuk_excel = gettext_lazy(
        "Isi kolom kuning (TW I–IV, Tahunan, Keterangan); kolom abu-abu hanya keterangan. "
        "Angka boleh ditulis 70,89 atau 1.825. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        return lb.lembar(self.instansi, self.tahun)

    def kiriman_lain(self, lokasi):
        """Evidence files, checked by type, first bytes and size."""
        bukti, masalah = {}, []
        for b in self.sheet.baris:
            for k in lb.PERIODE:
                berkas = self.request.FILES.get(nama_bukti(b.indikator.pk, k.kode))
                if berkas is None:
                    continue
                pesan = lb.periksa_bukti(berkas)
                if pesan:
                    kolom = grid.Kolom(k.kode, _("Bukti %(p)s") % {"p": k.label})
                    masalah.append(grid.MasalahSel(lokasi(b.baris, kolom), pesan, (b.indikator.pk, f"bukti-{k.kode}")))
                else:
                    bukti[(b.indikator.pk, k.kode)] = berkas
        return bukti, masalah

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        jenis = ", ".join(f".{e}" for e in lb.BUKTI_JENIS)
        return {
            **ctx,
            "kelompok": self._kelompok(ctx["salah"]),
            "kolom_periode": lb.PERIODE,
            "url_hitung": reverse("measurement:realisasi_hitung", args=[self.instansi.slug, self.tahun]),
            "bukti_jenis": jenis,
            "bantuan_bukti": _("%(jenis)s; paling besar %(maks)d MB. Berkas baru menggantikan yang lama.")
            % {"jenis": jenis, "maks": lb.BUKTI_MAKS_MB},
        }

    def _kelompok(self, salah: dict) -> list[tuple[str, list[dict]]]:
        """Rows grouped under their heading, each cell with its text, error and label worked out
        here once: the page has ≈ 10 cells per indicator, and template logic per cell is what
        made it slow (bench/load.py)."""
        label = {k.kode: str(k.label) for k in [*lb.PERIODE, lb.KETERANGAN]}
        url_bukti = reverse("measurement:bukti", args=[self.instansi.slug, self.tahun, 0])[: -len("0/")]
        groups: list[tuple[str, list[dict]]] = []
        for b in self.sheet.baris:
            baris, pk = b.baris, b.indikator.pk
            pendek = Truncator(b.indikator.nama).chars(60)

            def sel(k, pk=pk, baris=baris, pendek=pendek):
                return {
                    "nama": nama_sel(pk, k.kode),
                    "teks": self.teks_sel(baris, k),
                    "salah": salah.get((pk, k.kode)),
                    "label": f"{label[k.kode]} — {pendek}",
                }

            bukti = []
            for k in lb.PERIODE:
                ada = b.realisasi.get(k.kode)
                ada = ada if ada is not None and ada.bukti else None
                bukti.append(
                    {
                        "periode": label[k.kode],
                        "nama": nama_bukti(pk, k.kode),
                        "label": f"{_('Bukti')} {label[k.kode]} — {pendek}",
                        "url": f"{url_bukti}{ada.pk}/" if ada else "",
                        "berkas": Truncator(ada.bukti.name.rsplit("/", 1)[-1]).chars(28) if ada else "",
                        "salah": salah.get((pk, f"bukti-{k.kode}")),
                    }
                )
            row = {
                "b": b,
                "triwulan": [sel(k) for k in lb.PERIODE[:-1]],
                "tahunan": sel(lb.PERIODE[-1]),
                "keterangan": sel(lb.KETERANGAN),
                "bukti": bukti,
                "jumlah_bukti": sum(1 for x in bukti if x["url"]),
                "bukti_salah": any(x["salah"] for x in bukti),
            }
            if not groups or groups[-1][0] != b.kelompok:
                groups.append((b.kelompok, []))
            groups[-1][1].append(row)
        return groups


class AnggaranView(LembarView):
    """Pagu, realisasi and catatan of every program, kegiatan and sub kegiatan; serapan shown."""

    template_name = "measurement/anggaran.html"
    url_name = "measurement:anggaran"
    nama_berkas = "anggaran"
    petunjuk_excel = gettext_lazy(
        "Isi kolom kuning (Pagu, Realisasi, Catatan) dalam rupiah, mis. 2.400.000 atau 2400000. "
        "Kosongkan pagu untuk menghapus baris anggaran. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        return anggaran_lembar.lembar(self.instansi, self.tahun)


class KegiatanView(LembarView):
    """Per program → kegiatan: dana (pagu, realisasi, serapan), the kegiatan's indicators
    (target, realisasi tahunan, capaian) and the keterangan the LKIP prints under its table."""

    template_name = "measurement/kegiatan.html"
    url_name = "measurement:kegiatan"
    nama_berkas = "kegiatan"
    baris_generik = False
    petunjuk_excel = gettext_lazy(
        "Baris kegiatan: isi Pagu, Realisasi (Rp) dan Keterangan pelaksanaan kegiatan. Baris indikator: isi "
        "Realisasi tahunan. Angka boleh ditulis 1.825 atau 70,89. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        return kegiatan_lembar.lembar(self.instansi, self.tahun)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        return {**ctx, "program": self._program(ctx["grid"], ctx["salah"])}

    def _program(self, g: grid.Grid, salah: dict) -> list[dict]:
        """Programs with their kegiatan, each kegiatan with its row number (the one messages
        name), its cells (input name, text shown, error) and its indicator rows."""
        nomor = {b.pk: n for n, b in enumerate(g.baris, start=1)}
        per_pk = {b.pk: b for b in g.baris}

        def sel(pk, kolom):
            return {
                "kolom": kolom,
                "nama": nama_sel(pk, kolom.kode),
                "teks": self.teks_sel(per_pk[pk], kolom),
                "salah": salah.get((pk, kolom.kode)),
            }

        program: list[dict] = []
        for k in self.sheet.kegiatan:
            if not program or program[-1]["program"] != k.program:
                program.append({"program": k.program, "kegiatan": []})
            baris = per_pk[k.kunci]
            program[-1]["kegiatan"].append(
                {
                    "k": k,
                    "nomor": nomor[k.kunci],
                    "dana": [sel(k.kunci, kegiatan_lembar.PAGU), sel(k.kunci, kegiatan_lembar.REALISASI_RP)],
                    "serapan": baris.nilai[kegiatan_lembar.SERAPAN.kode],
                    "keterangan": sel(k.kunci, kegiatan_lembar.KETERANGAN),
                    "indikator": [
                        {
                            "b": b,
                            "nomor": nomor[b.indikator.pk],
                            "label": per_pk[b.indikator.pk].label,
                            "realisasi": sel(b.indikator.pk, kegiatan_lembar.REALISASI),
                        }
                        for b in k.indikator
                    ],
                }
            )
        return program


class RealisasiHitungView(InstansiTahunMixin, View):
    """The capaian cell of one indicator for the annual realisasi being typed (HTMX)."""

    def get(self, request, **kwargs):
        try:
            pk = int(request.GET.get("indikator", ""))
            sheet = lb.lembar(self.instansi, self.tahun, hanya=pk)
            b = sheet.per_pk[pk]
        except (KeyError, ValueError):
            raise Http404(_("Indikator tidak ada di lembar ini.")) from None
        ctx = {"b": b, "salah_hitung": None}
        try:
            tahunan = grid.baca_angka(request.GET.get(nama_sel(b.indikator.pk, lb.P.TAHUN)))
            pesan = lb.periksa(b.indikator, lb.P.TAHUN, tahunan) if tahunan is not None else None
            if pesan:
                raise grid.SelSalah(pesan)
            b.hasil, b.predikat, b.warna = sheet.nilai_hasil(b, tahunan)
        except grid.SelSalah as e:
            ctx["salah_hitung"] = str(e)
        return TemplateResponse(request, "measurement/_hasil.html", ctx)


class BuktiView(InstansiTahunMixin, View):
    """An evidence file, to those who may see its agency-year."""

    def get(self, request, pk, **kwargs):
        qs = Realisasi.objects.filter(indikator__renstra__instansi=self.instansi, tahun=self.tahun).exclude(bukti="")
        r = get_visible_or_404(request.user, qs, pk=pk)
        return FileResponse(r.bukti.open("rb"), as_attachment=True, filename=r.bukti.name.rsplit("/", 1)[-1])
