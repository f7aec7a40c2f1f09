"""The `sakip` command: Django's management commands with sakip's settings preselected.

`sakip demo`, `sakip capaian`, `sakip import` … are management commands of the apps;
`sakip migrate`, `sakip createsuperuser` … work as with django-admin.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sakip", *(sys.argv[1:] if argv is None else argv)])
