from django.apps import AppConfig


class MeasurementConfig(AppConfig):
    name = "sakip.measurement"
    verbose_name = "Pengukuran"
