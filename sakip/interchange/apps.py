from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "sakip.interchange"
    verbose_name = "Pertukaran data"
