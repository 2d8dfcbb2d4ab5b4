"""Bulk rows: defaults filled for the columns synth does not draw, ids allocated ahead, indexes restored."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection

from giaoban.directives.models import Directive
from giaoban.meetings.models import Meeting, MeetingState
from giaoban.organisations.models import Bloc
from giaoban.synth import rows
from giaoban.synth.build import build
from tests.factories import OrganizationFactory
from tests.synth.test_build import built, snapshot

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes and the pipe: PostgreSQL only")


def test_the_columns_not_drawn_get_the_fields_defaults():
    build("commune", 1, 4)
    meeting = Meeting.objects.order_by("pk").first()
    assert meeting.version == 1 and meeting.state == MeetingState.DRAFT and meeting.minutes == ""
    assert meeting.created_at is not None


def test_ids_are_allocated_after_the_stored_ones_and_never_twice():
    build("commune", 1, 4)
    ids = rows.Ids()
    last = Bloc.objects.order_by("-pk").first().pk
    first, second = ids.take(Bloc, 3), ids.take(Bloc, 2)
    assert list(first) == [last + 1, last + 2, last + 3] and list(second) == [last + 4, last + 5]


def test_a_row_added_after_the_load_gets_a_new_id():
    build("commune", 1, 4)
    bloc = Bloc.objects.get()
    meeting = Meeting.objects.create(title="Họp thêm", host=bloc.convening, bloc=bloc, date=datetime.date(2026, 12, 1))
    assert meeting.pk > max(Meeting.objects.exclude(pk=meeting.pk).values_list("pk", flat=True))


def indexes() -> set[tuple[str, str]]:
    # Names and methods: PostgreSQL prints a rebuilt partial index's WHERE with other casts.
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, substring(indexdef from 'USING (\\w+)') FROM pg_indexes WHERE tablename"
                       " IN ('search_searchentry', 'directives_directive', 'reports_indicatorvalue')")
        return set(cursor.fetchall())


@on_postgresql
def test_deferred_indexes_are_built_again_after_the_load():
    before = indexes()
    build("commune", 1, 4, defer_indexes=True)
    assert indexes() == before and ("search_entry_scope_words", "gin") in before


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_committed_load_through_the_pipe_stores_the_rows_of_a_load_inside_a_transaction():
    inside = built(4)
    assert not Directive.objects.exists()
    result = build("commune", 1, 4)
    assert snapshot() == inside and Directive.objects.count() == result.counts["directives.Directive"]


BLOCS = rows.Table(Bloc, ["id", "name", "convening_id"])


def bloc_rows(*ids: int) -> list[tuple]:
    front = OrganizationFactory()
    return [(i, f"Khối {i}", front.pk) for i in ids]


def pipe_with_bloc_committed(pk: int) -> rows.Pipe:
    pipe = rows.Pipe(replica=False)
    with pipe.transaction():
        pipe.write(BLOCS, bloc_rows(pk))
    return pipe


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_pipe_rolls_back_the_transaction_the_caller_left_with_an_error():
    pipe = pipe_with_bloc_committed(900001)
    with pytest.raises(ValueError), pipe.transaction():
        pipe.write(BLOCS, bloc_rows(900002))
        raise ValueError
    pipe.close()
    assert list(Bloc.objects.values_list("pk", flat=True)) == [900001]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_row_the_pipe_could_not_write_fails_the_load_and_keeps_what_was_committed():
    pipe = pipe_with_bloc_committed(900001)
    with pipe.transaction():
        pipe.write(BLOCS, bloc_rows(900001))  # the same id again: the primary key refuses it
    with pytest.raises(IntegrityError):
        pipe.close()
    assert Bloc.objects.count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_deferred_indexes_of_a_committed_load_are_built_again_by_two_connections(monkeypatch):
    builders = set()
    build_one = rows._build

    def build_counted(definitions):
        builders.add(threading.get_ident())
        build_one(definitions)

    monkeypatch.setattr(rows, "_build", build_counted)
    before = indexes()
    build("commune", 1, 4, defer_indexes=True)
    assert indexes() == before and len(builders) == rows.INDEX_BUILDERS
