from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "sakip.reporting"
    verbose_name = "Pelaporan"

    def ready(self):
        from sakip.accounts import navigation

        from . import frozen

        frozen.connect()
        navigation.add("perencanaan", _("Dokumen perencanaan"), "reporting:tahun", "perencanaan")
        navigation.add("pelaporan", _("Narasi LKIP"), "reporting:narasi")
        navigation.add("pelaporan", _("LKIP dan dokumen"), "reporting:tahun", "pelaporan")
        navigation.add("reviu", _("Status dan persetujuan"), "reporting:tahun", "status")
        navigation.add("reviu", _("Jejak audit"), "reporting:jejak")
