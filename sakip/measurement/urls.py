"""Pages under /instansi/<slug>/<tahun>/ (included with that prefix in sakip/urls.py)."""

from django.urls import path

from . import views

app_name = "measurement"
urlpatterns = [
    path("realisasi/", views.RealisasiView.as_view(), name="realisasi"),
    path("realisasi/hitung/", views.RealisasiHitungView.as_view(), name="realisasi_hitung"),
    path("realisasi/excel/", views.RealisasiView.as_view(aksi="excel"), name="realisasi_excel"),
    path("realisasi/impor/", views.RealisasiView.as_view(aksi="impor"), name="realisasi_impor"),
    path("realisasi/bukti/<int:pk>/", views.BuktiView.as_view(), name="bukti"),
    path("anggaran/", views.AnggaranView.as_view(), name="anggaran"),
    path("anggaran/excel/", views.AnggaranView.as_view(aksi="excel"), name="anggaran_excel"),
    path("anggaran/impor/", views.AnggaranView.as_view(aksi="impor"), name="anggaran_impor"),
    path("kegiatan/", views.KegiatanView.as_view(), name="kegiatan"),
    path("kegiatan/excel/", views.KegiatanView.as_view(aksi="excel"), name="kegiatan_excel"),
    path("kegiatan/impor/", views.KegiatanView.as_view(aksi="impor"), name="kegiatan_impor"),
]
