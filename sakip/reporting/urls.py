from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("<slug:slug>/", views.InstansiView.as_view(), name="instansi"),
    path("<slug:slug>/<int:tahun>/", views.TahunView.as_view(), name="tahun"),
    path("<slug:slug>/<int:tahun>/alur/<str:aksi>/", views.AksiView.as_view(), name="aksi"),
    path("<slug:slug>/<int:tahun>/unduh/<str:jenis>.<str:fmt>", views.UnduhView.as_view(), name="unduh"),
    path("<slug:slug>/<int:tahun>/lkip-disetujui/<int:pk>/", views.LkipDisetujuiView.as_view(), name="lkip_disetujui"),
    path("<slug:slug>/<int:tahun>/jejak/", views.JejakView.as_view(), name="jejak"),
    path("<slug:slug>/<int:tahun>/narasi/", views.NarasiView.as_view(), name="narasi"),
    path("<slug:slug>/<int:tahun>/narasi/excel/", views.NarasiView.as_view(aksi="excel"), name="narasi_excel"),
    path("<slug:slug>/<int:tahun>/narasi/impor/", views.NarasiView.as_view(aksi="impor"), name="narasi_impor"),
]
