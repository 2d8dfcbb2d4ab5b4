from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giaoban.search import query
from giaoban.search.forms import SearchForm
from giaoban.search.models import SearchEntry
from giaoban.search.paging import BoundedPaginator

PAGE_SIZE = 20


@login_required
def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None, user=request.user)
    entries = SearchEntry.objects.none()
    if form.is_valid():
        data = form.cleaned_data
        entries = query.search(request.user, data["q"], kind=data["loai"], organization=data["don_vi"],
                               period=data["ky"])
    # The bodies' names for the page's rows only: a join before the ranking would meet every hit.
    page = BoundedPaginator(entries.prefetch_related("organization"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "search/results.html", {
        "form": form, "page": page, "hits": query.hits(page.object_list, request.GET.get("q", "")),
        "searched": form.is_valid() and bool(form.cleaned_data["q"].strip()),
    })
