from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkmConfig(AppConfig):
    name = "sakip.skm"
    verbose_name = "Survei Kepuasan Masyarakat"

    def ready(self):
        from sakip.accounts import navigation

        navigation.add("pengukuran", _("Survei Kepuasan Masyarakat"), "skm_instansi:daftar")
