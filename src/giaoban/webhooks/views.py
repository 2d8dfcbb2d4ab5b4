"""An organisation's webhooks and their delivery log, for the body's administrators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giaoban.accounts.models import Role
from giaoban.organisations.views import visible_organization_or_404
from giaoban.webhooks.forms import WebhookForm
from giaoban.webhooks.models import Delivery, Webhook

LOG_LENGTH = 50


@login_required
def organisation_webhooks(request: HttpRequest, org_pk: int) -> HttpResponse:
    organization = visible_organization_or_404(request, org_pk, Role.ADMIN)
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.organization, form.instance.created_by = organization, request.user
        form.save()
        messages.success(request, _("Đã đăng ký địa chỉ nhận sự kiện."))
        return redirect("webhooks:organisation", organization.pk)
    return render(request, "webhooks/organisation.html", {
        "organization": organization, "form": form,
        "webhooks": organization.webhooks.all(),
        "deliveries": Delivery.objects.filter(webhook__organization=organization).select_related("webhook")[
            :LOG_LENGTH],
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def webhook_toggle(request: HttpRequest, org_pk: int, pk: int) -> HttpResponse:
    organization = visible_organization_or_404(request, org_pk, Role.ADMIN)
    webhook = get_object_or_404(Webhook, pk=pk, organization=organization)
    webhook.active = not webhook.active
    webhook.save(update_fields=["active"])
    return redirect("webhooks:organisation", organization.pk)
