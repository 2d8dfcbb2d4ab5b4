import datetime
import threading

import pytest
from django.db import connection, transaction

from giaoban.documents.models import Document, DocumentType, IssuerProfile, NumberSequence
from giaoban.documents.numbering import take_number
from giaoban.documents.service import issue_notice
from giaoban.organisations.models import Level, OrganizationType
from tests.documents import factories as f

DAY = datetime.date(2022, 4, 7)


@pytest.mark.django_db(transaction=True)
def test_fifty_notices_from_two_threads_get_1_to_50_without_gaps_or_duplicates():
    record = f.huu_lung()
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def worker(count: int) -> None:
        try:
            start.wait()
            for _ in range(count):
                issue_notice(record.meeting, issued_on=DAY, render=False)
        except BaseException as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(25,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Document.objects.filter(issuer=record.host).values_list("number", flat=True))
    assert numbers == list(range(1, 51))
    assert NumberSequence.objects.get(issuer=record.host, doc_type=DocumentType.NOTICE).last_number == 50


@pytest.mark.django_db
def test_state_and_front_registers_restart_each_year():
    record = f.bau_bang()
    first = issue_notice(record.meeting, issued_on=datetime.date(2018, 12, 30), render=False)
    second = issue_notice(record.meeting, issued_on=datetime.date(2018, 12, 31), render=False)
    new_year = issue_notice(record.meeting, issued_on=datetime.date(2019, 1, 2), render=False)
    assert (first.number, second.number, new_year.number) == (1, 2, 1)
    assert (first.cycle, new_year.cycle) == ("2018", "2019")
    assert new_year.code == "01/TB-MTTQ-BTT"


@pytest.mark.django_db
def test_party_register_runs_through_the_year_and_restarts_with_a_new_term():
    record = f.huu_lung()
    IssuerProfile.objects.create(organization=record.host, term_start=datetime.date(2020, 10, 15))
    numbers = [issue_notice(record.meeting, issued_on=day, render=False)
               for day in (datetime.date(2024, 12, 31), datetime.date(2025, 1, 2), datetime.date(2025, 10, 14),
                           datetime.date(2025, 10, 15))]
    assert [d.number for d in numbers] == [1, 2, 3, 1]
    assert [d.cycle for d in numbers] == ["2020–2025", "2020–2025", "2020–2025", "2025–2030"]
    assert numbers[0].code == "1-TB/HU"


@pytest.mark.django_db
def test_each_document_type_has_its_own_sequence():
    record = f.huu_lung()
    from giaoban.documents.service import issue_invitation

    notice = issue_notice(record.meeting, issued_on=DAY, render=False)
    invitation = issue_invitation(record.meeting, issued_on=DAY, render=False)
    assert (notice.number, invitation.number) == (1, 1)
    assert invitation.code == "1-GM/HU"


@pytest.mark.django_db
def test_a_number_is_never_reused_after_a_document_is_deleted():
    record = f.bau_bang()
    first = issue_notice(record.meeting, issued_on=DAY, render=False)
    first.delete()
    assert issue_notice(record.meeting, issued_on=DAY, render=False).number == 2


@pytest.mark.django_db(transaction=True)
def test_taking_a_number_outside_a_transaction_is_refused():
    record = f.bau_bang()
    with pytest.raises(RuntimeError):
        take_number(record.host, DocumentType.NOTICE, DAY)
    with transaction.atomic():
        assert take_number(record.host, DocumentType.NOTICE, DAY) == ("2022", 1)


@pytest.mark.django_db
def test_registers_of_two_issuers_are_independent():
    one, other = f.bau_bang(), f.huu_lung()
    assert issue_notice(one.meeting, issued_on=DAY, render=False).number == 1
    assert issue_notice(other.meeting, issued_on=DAY, render=False).number == 1
    ward = f.org("Ủy ban MTTQ Việt Nam xã Thử", OrganizationType.FRONT_COMMITTEE, Level.COMMUNE)
    meeting = f.meeting(ward)
    assert issue_notice(meeting, issued_on=DAY, render=False).number == 1
