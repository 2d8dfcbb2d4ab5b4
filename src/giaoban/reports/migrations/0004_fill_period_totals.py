from django.db import migrations


def fill(apps, schema_editor):
    # The same function `giaoban synth` calls; it reads the reports through the current models,
    # which match the schema at this point of the history.
    from giaoban.reports.totals import rebuild_totals

    rebuild_totals()


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_period_totals")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
