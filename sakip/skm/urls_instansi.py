"""The workspace's SKM pages under /instansi/<slug>/<tahun>/ (included with that prefix in
sakip/urls.py; the public questionnaire is in urls.py under /skm/)."""

from django.urls import path

from . import views

app_name = "skm_instansi"
urlpatterns = [
    path("skm/", views.DaftarView.as_view(), name="daftar"),
    path("skm/buat/", views.SurveiFormView.as_view(), name="buat"),
    path("skm/<slug:kode>/ubah/", views.SurveiUbahView.as_view(), name="ubah"),
    path("skm/<slug:kode>/atur/<slug:aksi>/", views.AturView.as_view(), name="atur"),
    path("skm/<slug:kode>/realisasi/", views.RealisasiView.as_view(), name="realisasi"),
    path("skm/<slug:kode>/hapus/", views.HapusView.as_view(), name="hapus"),
    path("skm/<slug:kode>/impor/", views.UnggahView.as_view(), name="unggah"),
    path("skm/<slug:kode>/impor/<slug:token>/", views.PetaView.as_view(), name="peta"),
    path("skm/<slug:kode>/laporan.<str:fmt>", views.LaporanView.as_view(), name="laporan"),
]
