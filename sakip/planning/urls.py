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
]
