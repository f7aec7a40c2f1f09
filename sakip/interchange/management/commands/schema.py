import json

from django.core.management.base import BaseCommand

from sakip.interchange.schema import Dokumen


class Command(BaseCommand):
    help = "Cetak JSON Schema format pertukaran sakip/1."

    def handle(self, **options):
        schema = Dokumen.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        self.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2))
