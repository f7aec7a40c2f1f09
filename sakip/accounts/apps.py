from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sakip.accounts"
    verbose_name = "Pengguna dan peran"

    def ready(self):
        from . import audit, predicates  # noqa: F401  (registers the role rules and the audit scope hook)

        audit.connect()
