from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from giaoban.accounts.access import has_role, visible_organizations
from giaoban.accounts.models import Role
from giaoban.core.collation import vietnamese
from giaoban.core.paging import paginate
from giaoban.core.text import fold
from giaoban.organisations.forms import OrganizationForm
from giaoban.organisations.models import Bloc, Organization


def visible_organization_or_404(request: HttpRequest, pk: int, minimum: int = Role.VIEWER) -> Organization:
    """A body the user may see; 404 (not 403) so other bodies' existence does not leak."""
    organization = get_object_or_404(Organization, pk=pk)
    if not has_role(request.user, organization, Role.VIEWER):
        raise Http404
    if not has_role(request.user, organization, minimum):
        raise PermissionDenied
    return organization


@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    organizations = visible_organizations(request.user).select_related("locality")
    query = request.GET.get("q", "").strip()
    if query:
        organizations = organizations.filter(name_folded__contains=fold(query))
    page = paginate(request, organizations, 50)
    template = "organisations/list.html#results" if request.htmx else "organisations/list.html"
    return render(request, template, {"page": page, "q": query})


@login_required
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = visible_organization_or_404(request, pk)
    return render(request, "organisations/detail.html", {
        "organization": organization,
        "ancestors": [a for a in organization.ancestors() if has_role(request.user, a)],
        "children": organization.children.order_by(vietnamese("name")),
        "blocs": Bloc.objects.filter(Q(convening=organization) | Q(members=organization)).distinct(),
        "can_add": has_role(request.user, organization, Role.ADMIN),
    })


@login_required
def organization_create(request: HttpRequest, parent_pk: int) -> HttpResponse:
    parent = visible_organization_or_404(request, parent_pk, Role.ADMIN)
    form = OrganizationForm(request.POST or None, parent=parent)
    if request.method == "POST" and form.is_valid():
        organization = form.save()
        messages.success(request, _("Đã thêm đơn vị “%(name)s”.") % {"name": organization.name})
        return redirect("organisations:detail", organization.pk)
    return render(request, "organisations/form.html", {"form": form, "parent": parent})


@login_required
def bloc_list(request: HttpRequest) -> HttpResponse:
    visible = visible_organizations(request.user)
    blocs = (Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible))
             .distinct().select_related("convening").prefetch_related("members").order_by(vietnamese("name"), "pk"))
    return render(request, "organisations/blocs.html", {"page": paginate(request, blocs, 50)})
