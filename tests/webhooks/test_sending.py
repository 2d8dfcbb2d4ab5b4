"""Delivery by `giaoban deliver-webhooks`: signed, retried with backoff while the receiver is down."""

import datetime
import hashlib
import hmac
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from giaoban.webhooks.models import Delivery, DeliveryStatus, Webhook
from giaoban.webhooks.sending import MAX_ATTEMPTS, backoff, deliver_due
from tests.directives.factories import DirectiveFactory
from tests.factories import OrganizationFactory
from tests.meetings.factories import MeetingFactory

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def queued(db, receiver):
    """A webhook of the host and one queued "directive created" event."""
    host = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Gửi")
    hook = Webhook.objects.create(organization=host, url=receiver.url)
    with time_machine.travel(START, tick=False):
        DirectiveFactory(meeting=MeetingFactory(host=host), lead=host, text="Tổ chức Ngày hội Đại đoàn kết")
    return hook, Delivery.objects.get(webhook=hook)


def test_backoff_doubles_from_one_minute_up_to_six_hours():
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff(30) == datetime.timedelta(hours=6)


def test_a_receiver_that_is_down_is_retried_with_backoff_then_gets_the_event_once_it_is_back(queued, receiver):
    hook, delivery = queued
    with time_machine.travel(START, tick=False) as clock:
        assert deliver_due() == (0, 1)  # down
        delivery.refresh_from_db()
        assert (delivery.attempts, delivery.next_attempt_at) == (1, START + datetime.timedelta(minutes=1))
        assert deliver_due() == (0, 0)  # not due yet: nothing is sent
        clock.shift(datetime.timedelta(minutes=1))
        assert deliver_due() == (0, 1)  # still down
        delivery.refresh_from_db()
        assert delivery.next_attempt_at == START + datetime.timedelta(minutes=3)
        assert delivery.last_error

        receiver.start()
        clock.shift(datetime.timedelta(minutes=1, seconds=59))
        assert deliver_due() == (0, 0)  # the backoff is respected even though the receiver is back
        clock.shift(datetime.timedelta(seconds=1))
        assert deliver_due() == (1, 0)
        clock.shift(datetime.timedelta(hours=1))
        assert deliver_due() == (0, 0)  # delivered once, never again

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status) == (DeliveryStatus.DELIVERED, 3, 204)
    assert len(receiver.received) == 1
    assert receiver.json()["event"] == "directive.created"
    assert receiver.json()["data"]["text"] == "Tổ chức Ngày hội Đại đoàn kết"


def test_the_signature_verifies_with_the_webhooks_secret(queued, receiver):
    hook, _delivery = queued
    receiver.start()
    deliver_due()
    [request] = receiver.received
    headers = {k.lower(): v for k, v in request["headers"].items()}
    signed = headers["x-giaoban-timestamp"].encode() + b"." + request["body"]
    expected = "sha256=" + hmac.new(hook.secret.encode(), signed, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["x-giaoban-signature"], expected)
    assert headers["x-giaoban-event"] == "directive.created"
    tampered = "sha256=" + hmac.new(hook.secret.encode(), signed + b" ", hashlib.sha256).hexdigest()
    assert headers["x-giaoban-signature"] != tampered


def test_after_the_last_attempt_the_delivery_is_marked_failed(queued):
    _hook, delivery = queued
    Delivery.objects.filter(pk=delivery.pk).update(attempts=MAX_ATTEMPTS - 1)
    deliver_due(now=START + datetime.timedelta(days=1))
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert deliver_due(now=START + datetime.timedelta(days=30)) == (0, 0)


def test_the_command_reports_what_it_sent(queued, receiver):
    receiver.start()
    out = StringIO()
    call_command("deliver-webhooks", stdout=out)
    assert "Đã gửi 1 sự kiện; 0 chưa gửi được" in out.getvalue()
