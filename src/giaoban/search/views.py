from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from giaoban.search import query, resultcache
from giaoban.search.forms import SearchForm
from giaoban.search.paging import BoundedPaginator

PAGE_SIZE = 20


@login_required
def results(request: HttpRequest) -> HttpResponse:
    # The whole page body from the shared cache while nothing it shows has changed (resultcache.py).
    content = resultcache.built(resultcache.page_key(request), lambda: _content(request))
    return render(request, "search/results.html", {"content": mark_safe(content)})


def _content(request: HttpRequest) -> str:
    form = SearchForm(request.GET or None, user=request.user)
    found = query.Found()
    if form.is_valid():
        data = form.cleaned_data
        found = query.found(request.user, data["q"], kind=data["loai"], organization=data["don_vi"],
                            period=data["ky"])
    page = BoundedPaginator(found.ids, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_to_string("search/results.html#content", {
        "form": form, "page": page, "hits": query.hits(query.in_order(list(page.object_list)), form.data.get("q", "")),
        "searched": form.is_valid() and bool(form.cleaned_data["q"].strip()),
    }, request=request)
