"""Synthetic data: the same seed gives the same rows, and the rows form a usable briefing cycle."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from giaoban.accounts.models import Membership
from giaoban.directives.models import Directive, DirectiveUpdate
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Bloc
from giaoban.reports.models import IndicatorValue
from giaoban.synth.build import SynthError, build

pytestmark = pytest.mark.django_db


class _Rollback(Exception):
    pass


def snapshot() -> tuple:
    """The rows by what they say, not by their ids (sequences move on after a rollback)."""
    directives = list(Directive.objects.order_by("meeting__bloc__name", "meeting__date", "order").values_list(
        "meeting__bloc__name", "meeting__date", "order", "text", "lead__name", "deadline", "status", "priority"))
    updates = list(DirectiveUpdate.objects.order_by("directive__meeting__date", "directive__order", "created_at")
                   .values_list("directive__text", "created_at", "percent", "note"))
    values = list(IndicatorValue.objects.order_by("report__period__start", "report__organization__name",
                                                  "indicator__code")
                  .values_list("report__organization__name", "report__status", "indicator__code", "value"))
    users = sorted(Membership.objects.values_list("user__username", "organization__name", "role"))
    return directives, updates, values, users


def built(seed: int) -> tuple:
    """Generate in a savepoint, read everything back, and undo it."""
    try:
        with transaction.atomic():
            build("commune", 1, seed)
            rows = snapshot()
            raise _Rollback
    except _Rollback:
        return rows


def test_the_same_seed_gives_the_same_rows_and_another_seed_other_rows():
    first, again, other = built(7), built(7), built(8)
    assert first[0] and first[1] and first[2] and first[3]
    assert first == again
    assert first[0] != other[0]


def test_commune_scale_makes_one_monthly_bloc_of_six_bodies_with_users_and_follow_up():
    build("commune", 1, 1)
    bloc = Bloc.objects.get()
    assert bloc.members.count() == 6 and bloc.convening in bloc.members.all()
    assert Meeting.objects.filter(bloc=bloc).count() == 12
    for meeting in Meeting.objects.all():
        assert 3 <= meeting.directives.count() <= 15
        assert meeting.agenda_items.exists()
    assert get_user_model().objects.count() == Membership.objects.count() == 7
    assert DirectiveUpdate.objects.exists()
    assert IndicatorValue.objects.filter(report__organization__in=bloc.members.all()).exists()
    assert set(Directive.objects.values_list("lead", flat=True)) <= set(bloc.members.values_list("pk", flat=True))


def test_running_again_on_the_same_database_is_refused():
    build("commune", 1, 1)
    with pytest.raises(SynthError):
        build("commune", 1, 1)


def test_the_command_prints_what_it_created_and_accounts_can_log_in_with_the_given_password(client):
    call_command("synth", "--scale", "commune", "--years", "1", "--seed", "2", "--password", "mat-khau-thu")
    user = get_user_model().objects.filter(username__startswith="mttq.").first()
    # Through the login page: the throttling backend wants the request.
    response = client.post(reverse("login"), {"username": user.username, "password": "mat-khau-thu"})
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_the_search_entries_written_are_those_the_search_index_would_make():
    from giaoban.search.indexing import rebuild
    from giaoban.search.models import SearchEntry

    def entries() -> list[tuple]:
        return sorted(SearchEntry.objects.values_list("kind", "object_id", "directive_id", "title", "body",
                                                      "title_folded", "folded", "organization_id", "period_id",
                                                      "scope"))

    build("commune", 1, 3)
    written = entries()
    assert {kind for kind, *_rest in written} == {"meeting", "directive", "update", "report"}
    rebuild()
    assert written == entries()

