"""Send queued deliveries: signed POSTs, retried with exponential backoff.

Signature: header `X-Giaoban-Signature: sha256=<hex>` of HMAC-SHA256 with the
webhook's secret over `<X-Giaoban-Timestamp>.<body>`, so a receiver can check
both who sent it and that it is not an old request replayed.
"""

import datetime
import hashlib
import hmac
import json
import urllib.error
import urllib.request

from django.utils import timezone

from giaoban.webhooks.models import Delivery, DeliveryStatus

FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_WAIT = datetime.timedelta(hours=6)
MAX_ATTEMPTS = 10
TIMEOUT_SECONDS = 10
# Longer than one attempt can take, so a claimed delivery is not picked again meanwhile.
CLAIM_LEASE = datetime.timedelta(minutes=5)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8 … minutes after the 1st, 2nd, 3rd … failure, never more than six hours."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def body_of(delivery: Delivery) -> bytes:
    return json.dumps({"id": delivery.pk, **delivery.payload}, ensure_ascii=False, sort_keys=True).encode()


def send(delivery: Delivery, now: datetime.datetime | None = None) -> bool:
    """One attempt; records the outcome and when to try again. True once delivered."""
    now = now or timezone.now()
    body, timestamp = body_of(delivery), str(int(now.timestamp()))
    request = urllib.request.Request(delivery.webhook.url, data=body, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": "giaoban-webhook/1",
        "X-Giaoban-Event": delivery.event, "X-Giaoban-Delivery": str(delivery.pk),
        "X-Giaoban-Timestamp": timestamp, "X-Giaoban-Signature": sign(delivery.webhook.secret, timestamp, body)})
    delivery.attempts += 1
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (an admin's URL)
            delivery.last_status, delivery.last_error = response.status, ""
    except urllib.error.HTTPError as error:
        delivery.last_status, delivery.last_error = error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        delivery.last_status, delivery.last_error = None, str(getattr(error, "reason", error))[:500]
    delivered = delivery.last_status is not None and 200 <= delivery.last_status < 300
    if delivered:
        delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, now
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.next_attempt_at = now + backoff(delivery.attempts)
    delivery.save()
    return delivered


def claim(delivery: Delivery, now: datetime.datetime) -> bool:
    """Take the delivery for this run by moving its next attempt forward in one UPDATE.

    No transaction is held during the HTTP call (on SQLite that would block every
    writer); a second run that read the same row finds it claimed and skips it.
    """
    return bool(Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING,
                                        next_attempt_at=delivery.next_attempt_at)
                .update(next_attempt_at=now + CLAIM_LEASE))


def deliver_due(now: datetime.datetime | None = None, limit: int = 200) -> tuple[int, int]:
    """Send what is due; returns (delivered, still failing)."""
    now = now or timezone.now()
    delivered = failed = 0
    for delivery in list(Delivery.objects.due(now).select_related("webhook")[:limit]):
        if not claim(delivery, now):
            continue
        if send(delivery, now):
            delivered += 1
        else:
            failed += 1
    return delivered, failed
