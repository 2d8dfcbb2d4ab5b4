from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from giaoban.search import query, resultcache
from giaoban.search.forms import SearchForm
from giaoban.search.paging import BoundedPaginator

PAGE_SIZE = 20


@login_required
def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None, user=request.user)
    found = query.Found()
    if form.is_valid():
        data = form.cleaned_data
        found = query.found(request.user, data["q"], kind=data["loai"], organization=data["don_vi"],
                            period=data["ky"])
    page = BoundedPaginator(found.ids, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "search/results.html", {
        "form": form, "page": page, "hits": _hits(found, page, request.GET.get("q", "")),
        "searched": form.is_valid() and bool(form.cleaned_data["q"].strip()),
    })


def _hits(found: query.Found, page, text: str) -> str:
    """The page's hits rendered (snippets fold every hit's text), kept beside the ranked ids they come from."""
    def build() -> str:
        hits = query.hits(query.in_order(list(page.object_list)), text)
        return render_to_string("search/results.html#hits", {"hits": hits})

    if not found.key:
        return build()
    return mark_safe(resultcache.built(f"{found.key}:{page.number}:{translation.get_language()}", build))
