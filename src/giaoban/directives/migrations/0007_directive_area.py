from django.conf import settings
from django.db import migrations, models

# The top body's path ("/12/") of each directive's meeting host, then whether a lead, coordinating
# body or the bloc's convening body or member lies outside it (see directives/scope.py).
AREA = """
UPDATE directives_directive SET area = (
    SELECT '/' || substr(o.tree_path, 2, {find}(substr(o.tree_path, 2), '/') - 1) || '/'
    FROM meetings_meeting m JOIN organisations_organization o ON o.id = m.host_id
    WHERE m.id = directives_directive.meeting_id)
"""
OUTSIDE = "o.tree_path NOT LIKE directives_directive.area || '%'"
REACH = f"""
UPDATE directives_directive SET reaches_out = TRUE WHERE
    EXISTS (SELECT 1 FROM organisations_organization o
            WHERE o.id = directives_directive.lead_id AND {OUTSIDE})
    OR EXISTS (SELECT 1 FROM directives_directive_coordinating c
               JOIN organisations_organization o ON o.id = c.organization_id
               WHERE c.directive_id = directives_directive.id AND {OUTSIDE})
    OR EXISTS (SELECT 1 FROM meetings_meeting m JOIN organisations_bloc b ON b.id = m.bloc_id
               JOIN organisations_organization o ON o.id = b.convening_id
               WHERE m.id = directives_directive.meeting_id AND {OUTSIDE})
    OR EXISTS (SELECT 1 FROM meetings_meeting m JOIN organisations_bloc_members bm ON bm.bloc_id = m.bloc_id
               JOIN organisations_organization o ON o.id = bm.organization_id
               WHERE m.id = directives_directive.meeting_id AND {OUTSIDE})
"""


def fill(apps, schema_editor) -> None:
    find = "strpos" if schema_editor.connection.vendor == "postgresql" else "instr"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(AREA.format(find=find))
        cursor.execute(REACH)


class Migration(migrations.Migration):

    dependencies = [
        ('directives', '0006_directive_deadline_order_index'),
        ('meetings', '0005_conclusion_issued_at'),
        ('organisations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='directive',
            name='area',
            field=models.CharField(default='', editable=False, max_length=255),
        ),
        migrations.AddField(
            model_name='directive',
            name='reaches_out',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(fields=['area', 'deadline', 'id'], name='directive_area_deadline'),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(condition=models.Q(('status__in', ('new', 'in_progress', 'carried_over'))), fields=['area', 'deadline', 'id'], name='directive_area_open'),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(condition=models.Q(('status__in', ('new', 'in_progress', 'carried_over'))), fields=['deadline', 'id'], name='directive_open_deadline'),
        ),
        migrations.AddIndex(
            model_name='directive',
            index=models.Index(condition=models.Q(('reaches_out', True)), fields=['id'], name='directive_reaching_out'),
        ),
        # Filled after the indexes exist: the UPDATE then maintains them, where indexes built after it
        # would wait for every older transaction on the server before a query may use them.
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
