"""The directory of officials: a page per organisation tree, and the suggestions the chair and
attendee pickers ask for as the user types — only people of bodies the user may see."""

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giaoban.accounts.access import visible_organizations
from giaoban.core.collation import vietnamese
from giaoban.core.paging import paginate
from giaoban.core.text import fold
from giaoban.meetings.models import Person

SUGGESTIONS = 15
PAGE_SIZE = 50


def visible_people(user) -> QuerySet[Person]:
    return Person.objects.filter(organization__in=visible_organizations(user).values("pk"))


def matching(user, text: str) -> QuerySet[Person]:
    people = visible_people(user).select_related("organization")
    for word in fold(text).split()[:5]:
        people = people.filter(name_folded__contains=word)
    return people.order_by(vietnamese("name"), "pk")


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:100]
    page = paginate(request, matching(request.user, text), PAGE_SIZE)
    return render(request, "meetings/people.html", {"page": page, "q": text})


@login_required
def suggest(request: HttpRequest) -> HttpResponse:
    """<option>s for the pickers' datalist; the typed value comes under the input's own name."""
    text = next((value for key, value in request.GET.items() if key.endswith("name") or key == "q"), "")
    people = matching(request.user, text)[:SUGGESTIONS] if len(text.strip()) >= 2 else []
    return render(request, "meetings/_people_options.html", {"people": people})
