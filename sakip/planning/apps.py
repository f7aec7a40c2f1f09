from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "sakip.planning"
    verbose_name = "Perencanaan"

    def ready(self):
        from sakip.accounts import navigation

        navigation.add("perencanaan", _("Renstra: indikator dan target"), "planning:renstra")
        navigation.add("perencanaan", _("Struktur Renstra"), "planning:struktur")
        navigation.add("perencanaan", _("Perjanjian Kinerja"), "planning:pk")
