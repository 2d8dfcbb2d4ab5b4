"""The user's notifications, newest first, with mark-as-read (one, or all)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from giaoban.notifications.models import Notification


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.filter(user=request.user)
    if request.GET.get("unread") == "1":
        notifications = notifications.filter(read_at__isnull=True)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page, "unread_only": request.GET.get("unread") == "1"})


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
