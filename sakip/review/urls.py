from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("<slug:slug>/<int:tahun>/reviu/", views.TemuanView.as_view(), name="temuan"),
    path("<slug:slug>/<int:tahun>/reviu/jalankan/", views.JalankanView.as_view(), name="jalankan"),
    path("<slug:slug>/<int:tahun>/reviu/<int:pk>/<str:keputusan>/", views.PutusanView.as_view(), name="putusan"),
]
