from django.db import migrations
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    """Give the plans that exist a slug as ``Scheme.save`` would: ``<title>-<first year>``,
    numbered when taken. Its own migration: the history triggers' deferred checks must be
    settled before 0004 adds the unique index."""
    Scheme = apps.get_model("schemes", "Scheme")
    taken = set()
    for scheme in Scheme.objects.order_by("pk"):
        base = f"{slugify(scheme.title)[:70]}-{scheme.start_year}"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        Scheme.objects.filter(pk=scheme.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("schemes", "0002_report_and_scheme_slug")]

    operations = [migrations.RunPython(fill_slugs, migrations.RunPython.noop)]
