from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "sakip.dashboard"
    verbose_name = _("Dasbor")

    def ready(self):
        import rules

        from sakip.accounts import navigation
        from sakip.accounts.predicates import in_own_pemda, is_admin, is_system_admin

        navigation.add("pengukuran", _("Dasbor instansi"), "dashboard:instansi")
        # generate every agency's LKIP of a pemda at once: the admin pemda's chore
        rules.add_rule("sakip.batch", is_system_admin | (is_admin & in_own_pemda))
