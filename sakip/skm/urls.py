from django.urls import path

from . import views

app_name = "skm"

urlpatterns = [
    path("<slug:instansi>/<slug:kode>/", views.kuesioner, name="kuesioner"),
    path("<slug:instansi>/<slug:kode>/terima-kasih/", views.terima_kasih, name="terima-kasih"),
    path("<slug:instansi>/<slug:kode>/cetak/", views.cetak, name="cetak"),
    path("<slug:instansi>/<slug:kode>/qr.svg", views.qr, name="qr"),
]
