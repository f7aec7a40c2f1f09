from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "sakip.organisation"
    verbose_name = "Organisasi"
