"""The security audit log: logins, failed logins, lockouts and changes of rights.

Receivers are connected in AccountsConfig.ready.  Who made a change comes from
the request simple_history's middleware keeps for the current thread, so a
change made from the admin, a view or a shell (no request: no actor) is logged
the same way.
"""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.http import HttpRequest
from simple_history.models import HistoricalRecords

from giaoban.accounts.models import AuditEvent, AuditKind, Membership
from giaoban.accounts.throttling import client_ip

ACCOUNT_FLAGS = ("is_active", "is_staff", "is_superuser")


def record(kind: str, *, user=None, username: str = "", request: HttpRequest | None = None,
           detail: str = "") -> AuditEvent:
    request = request if request is not None else getattr(HistoricalRecords.context, "request", None)
    actor = getattr(request, "user", None)
    return AuditEvent.objects.create(
        kind=kind, user=user, username=(username or getattr(user, "username", ""))[:150],
        actor=actor if actor is not None and actor.is_authenticated else None,
        ip_address=client_ip(request) if request is not None else None, detail=detail)


def _logged_in(sender, request, user, **kwargs) -> None:
    record(AuditKind.LOGIN, user=user, request=request)


def _logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        record(AuditKind.LOGOUT, user=user, request=request)


def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = str(credentials.get("username", ""))
    record(AuditKind.LOGIN_FAILED, user=get_user_model().objects.filter(username=username).first(),
           username=username, request=request)


def _locked_out(sender, request, username, ip_address, **kwargs) -> None:
    record(AuditKind.LOCKOUT, user=get_user_model().objects.filter(username=username).first(),
           username=username or "", request=request)


def _membership_before(sender, instance: Membership, **kwargs) -> None:
    old = Membership.objects.filter(pk=instance.pk).values_list("role", flat=True).first() if instance.pk else None
    instance._audit_old_role = old


def _membership_saved(sender, instance: Membership, created: bool, **kwargs) -> None:
    old = getattr(instance, "_audit_old_role", None)
    if created or old is None:
        record(AuditKind.MEMBERSHIP_ADDED, user=instance.user,
               detail=f"{instance.organization}: {instance.get_role_display()}")
    elif old != instance.role:
        record(AuditKind.ROLE_CHANGED, user=instance.user,
               detail=f"{instance.organization}: {Membership(role=old).get_role_display()} → "
                      f"{instance.get_role_display()}")


def _membership_deleted(sender, instance: Membership, **kwargs) -> None:
    record(AuditKind.MEMBERSHIP_REMOVED, user=instance.user,
           detail=f"{instance.organization}: {instance.get_role_display()}")


def _account_before(sender, instance, **kwargs) -> None:
    old = sender.objects.filter(pk=instance.pk).values(*ACCOUNT_FLAGS).first() if instance.pk else None
    instance._audit_changes = [f"{flag}: {old[flag]} → {getattr(instance, flag)}"
                               for flag in ACCOUNT_FLAGS if old and old[flag] != getattr(instance, flag)]


def _account_saved(sender, instance, **kwargs) -> None:
    changes = getattr(instance, "_audit_changes", [])
    if changes:
        record(AuditKind.ACCOUNT_CHANGED, user=instance, detail="; ".join(changes))


def _account_m2m(sender, instance, action: str, pk_set, model, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, get_user_model()):
        names = sorted(str(obj) for obj in model.objects.filter(pk__in=pk_set or []))
        record(AuditKind.ACCOUNT_CHANGED, user=instance,
               detail=f"{model._meta.verbose_name_plural} {action.removeprefix('post_')}: {', '.join(names)}")


def connect() -> None:
    user_model = get_user_model()
    user_logged_in.connect(_logged_in, dispatch_uid="audit-login")
    user_logged_out.connect(_logged_out, dispatch_uid="audit-logout")
    user_login_failed.connect(_login_failed, dispatch_uid="audit-login-failed")
    user_locked_out.connect(_locked_out, dispatch_uid="audit-lockout")
    pre_save.connect(_membership_before, sender=Membership, dispatch_uid="audit-membership-before")
    post_save.connect(_membership_saved, sender=Membership, dispatch_uid="audit-membership-saved")
    post_delete.connect(_membership_deleted, sender=Membership, dispatch_uid="audit-membership-deleted")
    pre_save.connect(_account_before, sender=user_model, dispatch_uid="audit-account-before")
    post_save.connect(_account_saved, sender=user_model, dispatch_uid="audit-account-saved")
    for through in (user_model.groups.through, user_model.user_permissions.through):
        m2m_changed.connect(_account_m2m, sender=through, dispatch_uid=f"audit-m2m-{through.__name__}")
