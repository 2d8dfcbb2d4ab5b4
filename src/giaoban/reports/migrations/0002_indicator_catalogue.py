"""Seed the indicator catalogue (chỉ tiêu) of the Front and member organisations.

The list lives in giaoban.reports.catalogue; only codes not yet present are
added, so an admin's edits are never overwritten.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from giaoban.reports.catalogue import CATALOGUE

    Indicator = apps.get_model("reports", "Indicator")
    present = set(Indicator.objects.values_list("code", flat=True))
    Indicator.objects.bulk_create([
        Indicator(code=code, name=name, unit=unit, kind=kind, tree_aggregation=tree, time_aggregation=time,
                  organization_types=types, area=area, position=10 * (index + 1))
        for index, (code, name, unit, kind, tree, time, types, area) in enumerate(CATALOGUE)
        if code not in present
    ])


def unseed(apps, schema_editor):
    from giaoban.reports.catalogue import CATALOGUE

    Indicator = apps.get_model("reports", "Indicator")
    Indicator.objects.filter(code__in=[row[0] for row in CATALOGUE], values__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
