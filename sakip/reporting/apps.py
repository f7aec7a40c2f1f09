from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "sakip.reporting"
    verbose_name = "Pelaporan"
