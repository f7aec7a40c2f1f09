from django.db import migrations

from sakip.skm.nasional import pasang_metode_nasional


def pasang(apps, schema_editor):
    pasang_metode_nasional(apps.get_model("skm", "MetodeSKM"), apps.get_model("skm", "UnsurSKM"))


class Migration(migrations.Migration):
    dependencies = [("skm", "0002_profil_responden_metode")]

    operations = [migrations.RunPython(pasang, migrations.RunPython.noop)]
