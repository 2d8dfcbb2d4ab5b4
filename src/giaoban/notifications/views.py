"""The user's notifications with mark-as-read; reminder choices, unsubscribe, and a body's reminder settings."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giaoban.accounts.access import has_role, home_organizations
from giaoban.accounts.models import Role
from giaoban.core.paging import paginate
from giaoban.notifications.forms import PreferenceForm, SettingsForm
from giaoban.notifications.models import Notification, ReminderPreference, ReminderSettings
from giaoban.notifications.reminders import UNSUBSCRIBE_SALT
from giaoban.organisations.views import visible_organization_or_404


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.filter(user=request.user)
    if request.GET.get("unread") == "1":
        notifications = notifications.filter(read_at__isnull=True)
    page = paginate(request, notifications, 30)
    administered = [org for org in home_organizations(request.user) if has_role(request.user, org, Role.ADMIN)]
    return render(request, "notifications/list.html", {"page": page, "unread_only": request.GET.get("unread") == "1",
                                                       "administered": administered})


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark read; with open=1 go on to the notification's page (only a page of this site)."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)  # someone else's: 404
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    target = notification.url
    if request.POST.get("open") == "1" and target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    if request.htmx:
        return render(request, "notifications/list.html#item", {"n": notification})
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notifications:list")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    form = PreferenceForm(request.POST or None, instance=ReminderPreference.of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu lựa chọn nhận nhắc việc."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every reminder e-mail; works without logging in, acts only on POST (mail scanners GET links)."""
    try:
        user_pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)["u"]
    except (signing.BadSignature, KeyError, TypeError):
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    user = get_object_or_404(get_user_model(), pk=user_pk)
    done = request.method == "POST"
    if done:
        ReminderPreference.objects.update_or_create(user=user, defaults={"by_email": False})
    return render(request, "notifications/unsubscribe.html", {"done": done, "person": user})


@login_required
def organisation_settings(request: HttpRequest, org_pk: int) -> HttpResponse:
    """When the body's reminders go out; its administrators decide, bodies below follow unless they differ."""
    organization = visible_organization_or_404(request, org_pk, Role.ADMIN)
    current = ReminderSettings.objects.filter(organization=organization).first()
    inherited = ReminderSettings.for_organizations([organization])[organization.pk]
    form = SettingsForm(request.POST or None, instance=current or ReminderSettings(organization=organization),
                        initial=None if current else _settings_values(inherited))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu cài đặt nhắc việc của %(org)s.") % {"org": organization.name})
        return redirect("notifications:settings", organization.pk)
    return render(request, "notifications/settings.html", {"form": form, "organization": organization,
                                                           "inherited_from": None if current else inherited})


def _settings_values(settings: ReminderSettings) -> dict:
    return {name: getattr(settings, name) for name in SettingsForm.Meta.fields}
