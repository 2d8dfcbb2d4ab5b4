"""The readable change history: names instead of ids, and a cost that does not grow with the history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.core.history import history_entries
from giaoban.directives.models import Directive
from tests.directives.factories import DirectiveFactory
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_a_record_written_without_history_has_no_entries():
    directive = DirectiveFactory()
    Directive.history.filter(id=directive.pk).delete()
    assert history_entries(directive) == []


def test_changed_links_are_shown_by_name_with_the_same_queries_for_2_or_20_edits():
    bodies = [OrganizationFactory(name=f"Hội Nông dân xã Thử {i}") for i in range(3)]
    directive = DirectiveFactory(lead=bodies[0])

    def edit(times: int) -> int:
        for i in range(times):
            directive.lead = bodies[(i + 1) % 3]
            directive.save()
            directive.coordinating.set([bodies[i % 3]])
        with CaptureQueriesContext(connection) as queries:
            entries = history_entries(directive)
        assert any(c["field"] == "đơn vị chủ trì" and c["new"].startswith("Hội Nông dân xã Thử")
                   for e in entries for c in e["changes"])
        return len(queries)

    assert edit(2) == edit(18)
