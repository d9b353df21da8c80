"""The Département's first letter templates (letters/seeds.py), so that a fresh Département
has them; each is marked previewed, its rendering being checked on the demo by the tests."""

from django.db import migrations
from django.utils import timezone


def seed(apps, schema_editor):
    from letters.seeds import SEEDS

    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    now = timezone.now()
    for values in SEEDS:
        LetterTemplate.objects.get_or_create(
            code=values["code"], defaults={**values, "active": True, "previewed_at": now}
        )


def unseed(apps, schema_editor):
    from letters.seeds import SEEDS

    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    LetterTemplate.objects.filter(
        code__in=[values["code"] for values in SEEDS], letters__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_letters")]

    operations = [migrations.RunPython(seed, unseed)]
