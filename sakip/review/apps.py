from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "sakip.review"
    verbose_name = "Reviu"

    def ready(self):
        from sakip.accounts import navigation

        navigation.add("reviu", _("Temuan reviu data"), "review:temuan")
