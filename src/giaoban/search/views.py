from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giaoban.core.paging import paginate
from giaoban.search import query
from giaoban.search.forms import SearchForm
from giaoban.search.models import SearchEntry

PAGE_SIZE = 20


@login_required
def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None, user=request.user)
    entries = SearchEntry.objects.none()
    if form.is_valid():
        data = form.cleaned_data
        entries = query.search(request.user, data["q"], kind=data["loai"], organization=data["don_vi"],
                               period=data["ky"])
    page = paginate(request, entries.select_related("organization"), PAGE_SIZE)
    return render(request, "search/results.html", {
        "form": form, "page": page, "hits": query.hits(page.object_list, request.GET.get("q", "")),
        "searched": form.is_valid() and bool(form.cleaned_data["q"].strip()),
    })
