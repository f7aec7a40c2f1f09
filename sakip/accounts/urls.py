from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("", views.BerandaView.as_view(), name="home"),
    path("masuk/", views.MasukView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/kata-sandi/", views.GantiKataSandiView.as_view(), name="password_change"),
]
