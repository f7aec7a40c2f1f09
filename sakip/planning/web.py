"""The one view behind every grid page of an agency-year (realisasi, Renstra targets …).

    class RealisasiView(LembarView): ...                    the page: GET shows, POST saves
    path("realisasi/excel/", RealisasiView.as_view(aksi="excel"))   the grid as .xlsx
    path("realisasi/impor/", RealisasiView.as_view(aksi="impor"))   POST an .xlsx back

A subclass says how to build its sheet (`buat_lembar`, an object with `grid()`, `periksa(baris,
kolom, value)`, optionally `periksa_baris(baris, nilai)` for a rule between cells of a row, and
`simpan(perubahan, lain)`), and may read more than cells from the form (`kiriman_lain`, e.g.
evidence files). Every cell is read and checked first; nothing is written while one problem
remains; a save refused by the model layer (a frozen year) is shown as a message, not an error
page.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from sakip.accounts.access import InstansiTahunMixin, can, require
from sakip.interchange.errors import Masalah
from sakip.reporting.frozen import is_frozen

from . import grid

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def nama_sel(pk: int, kolom: str) -> str:
    """The form field of one cell."""
    return f"r-{pk}-{kolom}"


class LembarView(InstansiTahunMixin, TemplateView):
    url_name = ""  # where a successful save goes back to
    nama_berkas = ""  # Excel file name prefix
    aksi = "halaman"  # halaman / excel / impor
    petunjuk_excel = ""
    baris_generik = True  # False when the template lays out its own rows (the realisasi sheet)

    def buat_lembar(self):
        raise NotImplementedError

    def kiriman_lain(self, lokasi) -> tuple[dict, list[Masalah]]:
        """What the form sends besides the cells (read and checked, not yet written)."""
        return {}, []

    @property
    def periksa_baris(self):
        """The sheet's rule between cells of a row, if it has one (grid.baca)."""
        return getattr(self.sheet, "periksa_baris", None)

    def dispatch(self, request, *args, **kwargs):
        self.masalah: list[Masalah] = []
        self.dikirim = None  # the posted form, shown again when it is refused
        return super().dispatch(request, *args, **kwargs)

    @property
    def sheet(self):
        if not hasattr(self, "_sheet"):
            self._sheet = self.buat_lembar()
        return self._sheet

    def get_context_data(self, **kwargs):
        beku = is_frozen(self.instansi, self.tahun)
        salah = {}
        for m in self.masalah:
            if getattr(m, "sel", None):
                salah.setdefault(m.sel, m.pesan)
        g = self.sheet.grid()
        return super().get_context_data(
            lembar=self.sheet,
            grid=g,
            kelompok=self.kelompok_grid(g, salah) if self.baris_generik else [],
            masalah=self.masalah,
            salah=salah,
            ubah=can(self.request.user, "sakip.edit", self.tahun_kinerja) and not beku,
            beku=beku,
            **kwargs,
        )

    def kelompok_grid(self, g: grid.Grid, salah: dict) -> list[tuple[str, list[dict]]]:
        """The grid's rows under their headings, each cell with its input name, text and error."""
        kelompok: list[tuple[str, list[dict]]] = []
        for nomor, b in enumerate(g.baris, start=1):
            sel = [
                {
                    "kolom": k,
                    "nama": nama_sel(b.pk, k.kode),
                    "teks": self.teks_sel(b, k),
                    "salah": salah.get((b.pk, k.kode)),
                    "ya_tidak": k.jenis == grid.YA_TIDAK,
                }
                for k in g.kolom
            ]
            if not kelompok or kelompok[-1][0] != b.kelompok:
                kelompok.append((b.kelompok, []))
            kelompok[-1][1].append({"b": b, "nomor": nomor, "sel": sel})
        return kelompok

    def teks_sel(self, baris: grid.Baris, kolom: grid.Kolom) -> str:
        """What an input shows: the stored value, or what was typed when the form was refused."""
        teks = grid.teks_nilai(baris.nilai.get(kolom.kode))
        if self.dikirim is not None:
            teks = self.dikirim.get(nama_sel(baris.pk, kolom.kode), teks)
        return teks

    def get(self, request, **kwargs):
        if self.aksi == "impor":
            return self.http_method_not_allowed(request)
        if self.aksi == "excel":
            response = HttpResponse(grid.ke_xlsx(self.sheet.grid(), self.petunjuk_excel), content_type=XLSX)
            name = f"{self.nama_berkas}-{self.instansi.slug}-{self.tahun}.xlsx"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        return super().get(request, **kwargs)

    def refused(self, status: int = 200):
        return self.render_to_response(self.get_context_data(), status=status)

    def post(self, request, **kwargs):
        if self.aksi == "excel":
            raise Http404
        require(request.user, "sakip.edit", self.tahun_kinerja)
        if is_frozen(self.instansi, self.tahun):
            self.masalah = [
                Masalah(
                    _("Penyimpanan"),
                    _(
                        "Data tahun %(tahun)s sudah disetujui dan dibekukan; perubahan tidak disimpan. "
                        "Bila perlu diperbaiki, minta admin pemda membuka kembali tahun tersebut."
                    )
                    % {"tahun": self.tahun},
                )
            ]
            return self.refused(status=409)
        g = self.sheet.grid()
        if self.aksi == "impor":
            return self._impor(g)
        lokasi = grid.lokasi_web({b.pk: n for n, b in enumerate(g.baris, start=1)})

        def sel(b, k):
            return request.POST.get(nama_sel(b.pk, k.kode), grid.ABSEN)

        perubahan, masalah = grid.baca(g, sel, lokasi, self.sheet.periksa, self.periksa_baris)
        lain, masalah_lain = self.kiriman_lain(lokasi)
        if masalah or masalah_lain:
            self.masalah, self.dikirim = masalah + masalah_lain, request.POST
            return self.refused()
        return self._simpan(perubahan, lain)

    def _impor(self, g: grid.Grid):
        berkas = self.request.FILES.get("berkas")
        if berkas is None:
            self.masalah = [Masalah(_("Impor Excel"), _("Pilih berkas Excel (.xlsx) yang akan diimpor."))]
            return self.refused()
        perubahan, masalah = grid.dari_xlsx(g, berkas, self.sheet.periksa, self.periksa_baris)
        if masalah:
            self.masalah = masalah
            messages.error(self.request, _("Impor dibatalkan; tidak ada data yang diubah."))
            return self.refused()
        return self._simpan(perubahan, {})

    def _simpan(self, perubahan, lain):
        if not perubahan and not lain:
            messages.info(self.request, _("Tidak ada perubahan untuk disimpan."))
            return redirect(self.url_name, slug=self.instansi.slug, tahun=self.tahun)
        try:
            n = self.sheet.simpan(perubahan, lain)
        except ValidationError as e:  # e.g. a year of the data was approved (sakip/reporting/frozen.py)
            self.masalah = [Masalah(_("Penyimpanan"), " ".join(e.messages))]
            del self._sheet
            return self.refused(status=409)
        messages.success(self.request, _("Tersimpan: %(n)d isian.") % {"n": n})
        return redirect(self.url_name, slug=self.instansi.slug, tahun=self.tahun)
