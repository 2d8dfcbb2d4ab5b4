"""One page of a list, and the links to its neighbours that keep the list's filters."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items, per_page: int, param: str = "page") -> Page:
    """The page `request` asks for (the first one for a missing or wrong number, the last one past the end)."""
    return Paginator(items, per_page).get_page(request.GET.get(param))
