"""The numbering register: one sequence per issuer, document type and cycle.

A number is taken inside the transaction that creates the document, with the
sequence row locked (SELECT … FOR UPDATE on PostgreSQL; on SQLite the settings
open every transaction with BEGIN IMMEDIATE, so writers queue).  A document
that fails before its transaction commits (service.issue renders its files
inside it) gives its number back with the rollback; a number is never given
twice.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, OperationalError, transaction

from giaoban.documents.models import NumberSequence
from giaoban.documents.profiles import profile_for
from giaoban.organisations.models import Organization

R = TypeVar("R")
LOCK_RETRIES = 50


def cycle_for(issuer: Organization, day: datetime.date) -> str:
    return profile_for(issuer).cycle(day)


def _ensure_sequence(issuer: Organization, doc_type: str, cycle: str) -> None:
    """Create the sequence row once; two first issues racing both end up using the same row."""
    if NumberSequence.objects.filter(issuer=issuer, doc_type=doc_type, cycle=cycle).exists():
        return
    try:
        with transaction.atomic():
            NumberSequence.objects.create(issuer=issuer, doc_type=doc_type, cycle=cycle)
    except IntegrityError:
        pass  # created by a concurrent issue


def take_number(issuer: Organization, doc_type: str, day: datetime.date) -> tuple[str, int]:
    """(cycle, next number) for this register; must run inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_number must run inside transaction.atomic()")
    cycle = cycle_for(issuer, day)
    _ensure_sequence(issuer, doc_type, cycle)
    sequence = NumberSequence.objects.select_for_update().get(issuer=issuer, doc_type=doc_type, cycle=cycle)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return cycle, sequence.last_number


def _is_lock_error(error: OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def atomic_with_retry(work: Callable[[], R]) -> R:
    """Run `work` in its own transaction, retrying when SQLite reports the database locked.

    SQLite serialises writers (BEGIN IMMEDIATE), and a writer that waited past the
    busy timeout — or an in-memory shared-cache database, which does not wait at
    all — gets "database is locked" before it has changed anything, so trying the
    whole transaction again is safe.  Inside a caller's transaction nothing can be
    retried and the error goes up, but `work` still gets its own savepoint: if it
    fails, what it did (a number taken) is undone even when the caller goes on.
    """
    if transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            return work()
    for attempt in range(LOCK_RETRIES):
        try:
            with transaction.atomic():
                return work()
        except OperationalError as error:
            if not _is_lock_error(error) or attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(0.005 * (attempt + 1) + random.random() * 0.01)
    raise AssertionError("unreachable")
