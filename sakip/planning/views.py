"""The planning pages of an agency-year: the Renstra grid (indicators and yearly targets) and
the Perjanjian Kinerja with its versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from sakip import formatting
from sakip.accounts.access import InstansiTahunMixin, can
from sakip.reporting.frozen import FrozenError, is_frozen

from . import lembar, pk, pk_forms, rencana_aksi, struktur
from .models import PerjanjianKinerja, Renstra
from .web import LembarView


class RenstraView(LembarView):
    """Every indicator of the Renstra in force: yearly targets, IKU, formulasi, unit, sumber data."""

    template_name = "planning/renstra.html"
    url_name = "planning:renstra"
    nama_berkas = "renstra"
    petunjuk_excel = gettext_lazy(
        "Isi kolom kuning; kolom abu-abu hanya keterangan. Target per tahun boleh ditulis 70,89 atau 1.825; "
        "IKU: ya atau tidak; penanggung jawab: kode unit, pisahkan dengan koma. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        return lembar.lembar(self.instansi, self.tahun)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        return {**ctx, "unit": sorted(set(self.sheet.unit.values()), key=str)}


class VersiPkMixin:
    """`?versi=N` on a PK page shows that version, read-only; Excel and writes always take the
    version in force."""

    def versi_diminta(self) -> int | None:
        versi = self.request.GET.get("versi", "") if self.request.method == "GET" and self.aksi == "halaman" else ""
        return int(versi) if versi.isdigit() else None


class PkView(VersiPkMixin, LembarView):
    """The PK in force with its targets (editable), its programs, and its earlier versions
    (`?versi=N`, read-only)."""

    template_name = "planning/pk.html"
    url_name = "planning:pk"
    nama_berkas = "pk"
    petunjuk_excel = gettext_lazy(
        "Isi kolom kuning (Target, Predikat target, Keterangan) untuk versi PK yang berlaku. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        return pk.lembar(self.instansi, self.tahun, self.versi_diminta())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        sheet = self.sheet
        program = list(sheet.pk.program.select_related("program").order_by("urutan", "pk")) if sheet.pk else []
        return {
            **ctx,
            "ubah": ctx["ubah"] and sheet.dapat_diubah,
            "boleh_ubah": ctx["ubah"],  # the role may edit (an older version is read-only all the same)
            "boleh_perubahan": ctx["ubah"] and sheet.pk is not None,
            "boleh_buat": ctx["ubah"] and sheet.pk is None,
            "versi": PerjanjianKinerja.objects.filter(instansi=self.instansi, tahun=self.tahun).order_by("versi"),
            "program": program,
            "jumlah_program": sum(p.anggaran for p in program),
        }


class PkPerubahanView(InstansiTahunMixin, View):
    """POST: a perubahan of the PK in force, copied from it; the old version is kept."""

    rule = "sakip.edit"
    http_method_names = ["post"]

    def post(self, request, **kwargs):
        berlaku = PerjanjianKinerja.berlaku(self.instansi, self.tahun)
        if berlaku is None:
            messages.error(request, _("Belum ada Perjanjian Kinerja tahun ini untuk diubah."))
        else:
            try:
                baru = pk.buat_perubahan(berlaku)
            except ValidationError as e:  # a frozen year (sakip/reporting/frozen.py)
                messages.error(request, " ".join(e.messages))
            else:
                messages.success(
                    request,
                    _("%(baru)s dibuat dari salinan %(lama)s, yang tetap tersimpan. Ubah targetnya di bawah.")
                    % {"baru": baru.judul, "lama": berlaku.judul},
                )
        return redirect("planning:pk", slug=self.instansi.slug, tahun=self.tahun)


# --- Perjanjian Kinerja: the first one, its header, its indicators and its program table ----


class PkFormView(InstansiTahunMixin, FormView):
    """A form page of the PK in force (or, `pertama`, of the year's first PK): for `sakip.edit`
    only; an approved year is shown read-only and a POST answers 409 with the reason."""

    rule = "sakip.edit"
    pertama = False
    url_sukses = "planning:pk"

    def resolve(self, **kwargs):
        super().resolve(**kwargs)
        self.berlaku = PerjanjianKinerja.berlaku(self.instansi, self.tahun)

    def get(self, request, **kwargs):
        return self.salah_halaman() or super().get(request, **kwargs)

    def post(self, request, **kwargs):
        if salah := self.salah_halaman():
            return salah
        if is_frozen(self.instansi, self.tahun):
            return self.render_to_response(self.get_context_data(), status=409)
        return super().post(request, **kwargs)

    def salah_halaman(self):
        """Back to the PK page when the year has a PK and this page makes the first, or has none."""
        if self.pertama and self.berlaku is not None:
            messages.info(self.request, _("Perjanjian Kinerja tahun ini sudah ada; ubah di halaman ini."))
        elif not self.pertama and self.berlaku is None:
            messages.info(self.request, _("Belum ada Perjanjian Kinerja tahun ini; buat dulu."))
        else:
            return None
        return redirect("planning:pk", slug=self.instansi.slug, tahun=self.tahun)

    def get_context_data(self, **kwargs):
        beku = is_frozen(self.instansi, self.tahun)
        return super().get_context_data(**{"pk": self.berlaku, "beku": beku, "ubah": not beku, **kwargs})

    def form_valid(self, form):
        try:
            pesan = self.simpan(form)
        except ValidationError as e:  # a rule of the model, or a frozen year (sakip/reporting/frozen.py)
            form.add_error(None, e.messages)
            return self.render_to_response(
                self.get_context_data(form=form), status=409 if isinstance(e, FrozenError) else 200
            )
        messages.success(self.request, pesan)
        return redirect(self.url_sukses, slug=self.instansi.slug, tahun=self.tahun)

    def simpan(self, form) -> str:
        """Write what the form holds; returns the message to show."""
        raise NotImplementedError


class PkNaskahView(PkFormView):
    """The header of a PK: tempat, tanggal, the two parties and their jabatan, keterangan. With
    `pertama`, it creates the year's first PK, started from the Renstra (pk.buat_pk)."""

    template_name = "planning/pk_naskah.html"
    form_class = pk_forms.NaskahPKForm

    def get_form_kwargs(self):
        instance = None if self.pertama else self.berlaku
        return {**super().get_form_kwargs(), "instansi": self.instansi, "tahun": self.tahun, "instance": instance}

    def get_context_data(self, **kwargs):
        usulan = pk.usulan(self.instansi, self.tahun) if self.pertama else None
        return super().get_context_data(pertama=self.pertama, usulan=usulan, **kwargs)

    def simpan(self, form) -> str:
        if self.pertama:
            baru = pk.buat_pk(form.instance)
            return _(
                "%(judul)s tahun %(tahun)d dibuat dengan %(n)d indikator dari Renstra. Periksa targetnya di bawah."
            ) % {
                "judul": baru.judul,
                "tahun": self.tahun,
                "n": baru.target.count(),
            }
        form.save()
        return _("Data penandatanganan %(judul)s tersimpan.") % {"judul": self.berlaku.judul}


class PkIndikatorView(PkFormView):
    """The indicators of the PK in force: the list with a remove button each, and one more to add
    from the Renstra's indicators not yet in it."""

    template_name = "planning/pk_indikator.html"
    form_class = pk_forms.TambahIndikatorForm
    url_sukses = "planning:pk_indikator"

    def get_form_kwargs(self):
        pilihan = pk.pilihan_indikator(self.berlaku) if self.berlaku else []
        return {**super().get_form_kwargs(), "pilihan": pilihan, "tahun": self.tahun}

    def get_context_data(self, **kwargs):
        target = self.berlaku.target.select_related("indikator").order_by("urutan", "pk") if self.berlaku else []
        return super().get_context_data(target=target, **kwargs)

    def simpan(self, form) -> str:
        d = form.cleaned_data
        t = pk.tambah_indikator(self.berlaku, d["indikator"], d["nilai"], d["mutu"].strip())
        return _("Indikator “%(nama)s” ditambahkan ke %(judul)s dengan target %(nilai)s.") % {
            "nama": t.indikator.nama,
            "judul": self.berlaku.judul,
            "nilai": formatting.nilai(t.nilai, t.indikator.satuan, t.mutu),
        }


class PkHapusIndikatorView(InstansiTahunMixin, View):
    """POST: takes an indicator out of the PK in force (its target and rencana aksi); the
    versions signed before keep theirs."""

    rule = "sakip.edit"
    http_method_names = ["post"]

    def resolve(self, target, **kwargs):
        super().resolve(**kwargs)
        berlaku = PerjanjianKinerja.berlaku(self.instansi, self.tahun)
        self.target = berlaku and berlaku.target.select_related("indikator", "perjanjian").filter(pk=target).first()
        if not self.target:
            raise Http404(_("Indikator ini tidak ada dalam Perjanjian Kinerja yang berlaku."))

    def post(self, request, **kwargs):
        try:
            pk.hapus_indikator(self.target)
        except ValidationError as e:  # a frozen year
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request,
                _("Indikator “%(nama)s” dikeluarkan dari %(judul)s.")
                % {"nama": self.target.indikator.nama, "judul": self.target.perjanjian.judul},
            )
        return redirect("planning:pk_indikator", slug=self.instansi.slug, tahun=self.tahun)


class PkProgramView(LembarView):
    """Table 2 of the PK in force: the anggaran of each program of the Renstra (the year's pagu
    shown beside it); an emptied anggaran takes the program out of the PK."""

    template_name = "planning/pk_program.html"
    url_name = "planning:pk_program"

    def buat_lembar(self):
        return pk.lembar_program(self.instansi, self.tahun)


class RencanaAksiView(VersiPkMixin, LembarView):
    """The rencana aksi of the PK in force: per indicator, each triwulan's target and actions
    (rencana_aksi.py); an older version (`?versi=N`) read-only."""

    template_name = "planning/rencana_aksi.html"
    url_name = "planning:rencana_aksi"
    nama_berkas = "rencana-aksi"
    petunjuk_excel = gettext_lazy(
        "Isi kolom kuning untuk versi PK yang berlaku: target tiap triwulan (70,89 atau 1.825; tonggak: 1 atau 0) "
        "dan rencana aksinya. Triwulan yang dikosongkan dihapus. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        return rencana_aksi.lembar(self.instansi, self.tahun, self.versi_diminta())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        return {**ctx, "ubah": ctx["ubah"] and self.sheet.dapat_diubah}


class StrukturView(InstansiTahunMixin, TemplateView):
    """The Renstra in force as a document: tujuan → sasaran → strategi / kebijakan and program →
    kegiatan → sub kegiatan, each with its indicators; who may edit changes it item by item."""

    template_name = "planning/struktur.html"

    def get_context_data(self, **kwargs):
        renstra = Renstra.aktif(self.instansi, self.tahun)
        beku = struktur.alasan_beku(renstra)
        ubah = renstra is not None and not beku and can(self.request.user, "sakip.edit", self.tahun_kinerja)
        return super().get_context_data(
            renstra=renstra, susunan=struktur.susunan(renstra), beku=beku, ubah=ubah, JENIS=struktur.JENIS, **kwargs
        )


class StrukturItemMixin(InstansiTahunMixin):
    """One item of the Renstra in force (`<jenis>/<pk>/`), or a new one under its parent
    (`tambah = True`); 404 for an item of another agency or version. Only for sakip.edit; while
    a year of the Renstra version is approved nothing is written (409 with the reason)."""

    rule = "sakip.edit"
    tambah = False

    def resolve(self, tahun, jenis, pk=None, induk=None, **kwargs):
        super().resolve(tahun)
        self.renstra = Renstra.aktif(self.instansi, self.tahun)
        self.jenis = struktur.JENIS.get(jenis)
        if self.renstra is None or self.jenis is None:
            raise Http404(_("Data tidak ditemukan."))
        if self.tambah:
            self.induk_jenis = struktur.JENIS.get(induk) if induk else None
            boleh = self.induk_jenis.anak if self.induk_jenis else (struktur.PUNCAK if induk is None else ())
            if jenis not in boleh:  # e.g. a kebijakan under a program
                raise Http404(_("Data tidak ditemukan."))
            self.induk = self._cari(self.induk_jenis, pk) if self.induk_jenis else None
            self.obj = struktur.baru(self.jenis, self.renstra, self.induk_jenis, self.induk)
        else:
            self.obj = self._cari(self.jenis, pk)
            self.induk_jenis, self.induk = struktur.induk_dari(self.jenis, self.obj)
        self.beku = struktur.alasan_beku(self.renstra)

    def _cari(self, jenis, pk):
        obj = struktur.cari(jenis, self.renstra, pk)
        if obj is None:
            raise Http404(_("Data tidak ditemukan."))
        return obj

    def url_struktur(self, jenis, obj) -> str:
        """The structure page, scrolled to `obj` (the top when there is none)."""
        url = reverse("planning:struktur", kwargs={"slug": self.instansi.slug, "tahun": self.tahun})
        return f"{url}#{jenis.kode}-{obj.pk}" if obj is not None else url

    def teks(self) -> str:
        return Truncator(str(self.obj)).chars(80)

    def get_context_data(self, **kwargs):
        kembali = (
            self.url_struktur(self.induk_jenis, self.induk) if self.tambah else self.url_struktur(self.jenis, self.obj)
        )
        return super().get_context_data(
            jenis=self.jenis,
            obj=self.obj,
            induk_jenis=self.induk_jenis,
            induk=self.induk,
            tambah=self.tambah,
            beku=self.beku,
            kembali=kembali,
            **kwargs,
        )


class StrukturUbahView(StrukturItemMixin, TemplateView):
    """The form of one item (or of a new one): a page, or only the form for htmx to put in place
    on the structure page. A valid save writes one row and goes back to the item."""

    template_name = "planning/struktur_item.html"

    def get_template_names(self):
        return ["planning/_struktur_form.html" if self.request.headers.get("HX-Request") else self.template_name]

    def form(self, data=None):
        """Field ids of their own, as several forms may be open on the structure page at once."""
        auto_id = f"{self.jenis.kode}-{self.obj.pk or 'baru'}-%s"
        return self.jenis.form(data, instance=self.obj, auto_id=auto_id)

    def get(self, request, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, **kwargs):
        if self.beku:
            return self.render_to_response(self.get_context_data(), status=409)
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        obj = form.save()
        pesan = _("Ditambahkan: %(jenis)s “%(teks)s”.") if self.tambah else _("Tersimpan: %(jenis)s “%(teks)s”.")
        if self.tambah and self.jenis.kode == "indikator":
            pesan += " " + _("Isi targetnya di lembar Renstra: indikator dan target.")
        messages.success(request, pesan % {"jenis": self.jenis.label, "teks": self.teks()})
        return redirect(self.url_struktur(self.jenis, obj))


class StrukturHapusView(StrukturItemMixin, TemplateView):
    """Deleting an item: asked first, and refused (409) while anything still depends on it."""

    template_name = "planning/struktur_hapus.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(bergantung=struktur.bergantung(self.obj), **kwargs)

    def get(self, request, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, **kwargs):
        ctx = self.get_context_data()
        if self.beku or ctx["bergantung"]:
            return self.render_to_response(ctx, status=409)
        teks = self.teks()
        self.obj.delete()
        messages.success(request, _("Dihapus: %(jenis)s “%(teks)s”.") % {"jenis": self.jenis.label, "teks": teks})
        return redirect(self.url_struktur(self.induk_jenis, self.induk))
