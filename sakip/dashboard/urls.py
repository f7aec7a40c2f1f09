from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("dasbor/", views.DasborView.as_view(), name="dasbor"),
    path("dasbor/<slug:pemda>/", views.PemdaAwalView.as_view(), name="pemda_awal"),
    path("dasbor/<slug:pemda>/<int:tahun>/", views.PemdaView.as_view(), name="pemda"),
    path("dasbor/<slug:pemda>/<int:tahun>/lkip-massal/", views.LkipMassalView.as_view(), name="lkip_massal"),
    path(
        "dasbor/<slug:pemda>/<int:tahun>/lkip-massal/<int:pk>/",
        views.LkipMassalView.as_view(),
        name="lkip_massal_status",
    ),
    path(
        "dasbor/<slug:pemda>/<int:tahun>/lkip-massal/<int:pk>/unduh/",
        views.LkipMassalUnduhView.as_view(),
        name="lkip_massal_unduh",
    ),
    path("instansi/<slug:slug>/<int:tahun>/dasbor/", views.InstansiDasborView.as_view(), name="instansi"),
    path("transparansi/", views.TransparansiView.as_view(), name="transparansi"),
    path("transparansi/<slug:slug>/", views.TransparansiInstansiView.as_view(), name="transparansi_instansi"),
    path(
        "transparansi/<slug:slug>/<int:tahun>/<str:jenis>.pdf",
        views.TransparansiBerkasView.as_view(),
        name="transparansi_berkas",
    ),
]
