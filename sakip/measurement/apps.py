from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasurementConfig(AppConfig):
    name = "sakip.measurement"
    verbose_name = "Pengukuran"

    def ready(self):
        from sakip.accounts import navigation

        navigation.add("pengukuran", _("Realisasi dan capaian"), "measurement:realisasi")
        navigation.add("pengukuran", _("Anggaran"), "measurement:anggaran")
        navigation.add("pengukuran", _("Kegiatan"), "measurement:kegiatan")
