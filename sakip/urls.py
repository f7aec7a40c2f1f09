from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "SAKIP — back office"
admin.site.site_title = "SAKIP"
admin.site.site_url = "/"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("skm/", include("sakip.skm.urls")),
    path("instansi/", include("sakip.reporting.urls")),
    path("instansi/", include("sakip.review.urls")),
    path("instansi/<slug:slug>/<int:tahun>/", include("sakip.measurement.urls")),
    path("instansi/<slug:slug>/<int:tahun>/", include("sakip.planning.urls")),
    path("instansi/<slug:slug>/<int:tahun>/", include("sakip.skm.urls_instansi")),
    path("", include("sakip.dashboard.urls")),
    path("", include("sakip.accounts.urls")),
]
