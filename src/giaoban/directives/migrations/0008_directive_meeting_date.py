import giaoban.directives.scope
from django.conf import settings
from django.db import migrations, models

# Each directive's meeting day, copied from its meeting (kept by directives/scope.py from now on).
FILL = """
UPDATE directives_directive SET meeting_date = (
    SELECT m.date FROM meetings_meeting m WHERE m.id = directives_directive.meeting_id)
"""


class Migration(migrations.Migration):

    dependencies = [
        ('directives', '0007_directive_area'),
        ('meetings', '0005_conclusion_issued_at'),
        ('organisations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='directive',
            name='directive_deadline_order',
        ),
        migrations.RemoveIndex(
            model_name='directive',
            name='directive_area_deadline',
        ),
        migrations.RemoveIndex(
            model_name='directive',
            name='directive_area_open',
        ),
        migrations.RemoveIndex(
            model_name='directive',
            name='directive_open_deadline',
        ),
        migrations.AddField(
            model_name='directive',
            name='meeting_date',
            field=giaoban.directives.scope.MeetingDateField(editable=False, null=True),
        ),
        migrations.AlterField(
            model_name='directive',
            name='area',
            field=giaoban.directives.scope.AreaField(default='', editable=False, max_length=255),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(fields=['deadline', 'meeting_date', 'id'], name='directive_deadline_order'),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(fields=['meeting_date'], name='directive_meeting_date'),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(fields=['area', 'deadline', 'meeting_date', 'id'], name='directive_area_deadline'),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(condition=models.Q(('status__in', ('new', 'in_progress', 'carried_over'))), fields=['area', 'deadline', 'meeting_date', 'id'], name='directive_area_open'),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(fields=['area', 'meeting_date'], name='directive_area_meeting'),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(condition=models.Q(('status__in', ('new', 'in_progress', 'carried_over'))), fields=['deadline', 'meeting_date', 'id'], name='directive_open_deadline'),
        ),
        # Filled after the indexes exist: the UPDATE then maintains them, where indexes built after it
        # would wait for every older transaction on the server before a query may use them.
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name='directive',
            name='meeting_date',
            field=giaoban.directives.scope.MeetingDateField(editable=False),
        ),
    ]
