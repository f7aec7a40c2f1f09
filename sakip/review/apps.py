from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "sakip.review"
    verbose_name = "Reviu"
