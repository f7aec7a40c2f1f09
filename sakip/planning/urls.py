"""Pages under /instansi/<slug>/<tahun>/ (included with that prefix in sakip/urls.py)."""

from django.urls import path

from . import views

app_name = "planning"
urlpatterns = [
    path("renstra/", views.RenstraView.as_view(), name="renstra"),
    path("renstra/excel/", views.RenstraView.as_view(aksi="excel"), name="renstra_excel"),
    path("renstra/impor/", views.RenstraView.as_view(aksi="impor"), name="renstra_impor"),
    path("pk/", views.PkView.as_view(), name="pk"),
    path("pk/excel/", views.PkView.as_view(aksi="excel"), name="pk_excel"),
    path("pk/impor/", views.PkView.as_view(aksi="impor"), name="pk_impor"),
    path("pk/perubahan/", views.PkPerubahanView.as_view(), name="pk_perubahan"),
    path("pk/buat/", views.PkNaskahView.as_view(pertama=True), name="pk_buat"),
    path("pk/naskah/", views.PkNaskahView.as_view(), name="pk_naskah"),
    path("pk/indikator/", views.PkIndikatorView.as_view(), name="pk_indikator"),
    path("pk/indikator/<int:target>/hapus/", views.PkHapusIndikatorView.as_view(), name="pk_hapus_indikator"),
    path("pk/program/", views.PkProgramView.as_view(), name="pk_program"),
    path("pk/rencana-aksi/", views.RencanaAksiView.as_view(), name="rencana_aksi"),
    path("pk/rencana-aksi/excel/", views.RencanaAksiView.as_view(aksi="excel"), name="rencana_aksi_excel"),
    path("pk/rencana-aksi/impor/", views.RencanaAksiView.as_view(aksi="impor"), name="rencana_aksi_impor"),
    path("renstra/struktur/", views.StrukturView.as_view(), name="struktur"),
    path("renstra/struktur/tambah/<slug:jenis>/", views.StrukturUbahView.as_view(tambah=True), name="struktur_tambah"),
    path(
        "renstra/struktur/<slug:induk>/<int:pk>/tambah/<slug:jenis>/",
        views.StrukturUbahView.as_view(tambah=True),
        name="struktur_tambah_di",
    ),
    path("renstra/struktur/<slug:jenis>/<int:pk>/", views.StrukturUbahView.as_view(), name="struktur_ubah"),
    path("renstra/struktur/<slug:jenis>/<int:pk>/hapus/", views.StrukturHapusView.as_view(), name="struktur_hapus"),
]
