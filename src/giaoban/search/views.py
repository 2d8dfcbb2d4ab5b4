from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giaoban.search import query
from giaoban.search.forms import SearchForm
from giaoban.search.paging import BoundedPaginator

PAGE_SIZE = 20


@login_required
def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None, user=request.user)
    ids: list[int] = []
    if form.is_valid():
        data = form.cleaned_data
        ids = query.ranked_ids(request.user, data["q"], kind=data["loai"], organization=data["don_vi"],
                               period=data["ky"])
    page = BoundedPaginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    # The page's rows read afresh (their bodies' names with them): the cache holds ids only.
    entries = query.in_order(list(page.object_list))
    return render(request, "search/results.html", {
        "form": form, "page": page, "hits": query.hits(entries, request.GET.get("q", "")),
        "searched": form.is_valid() and bool(form.cleaned_data["q"].strip()),
    })
