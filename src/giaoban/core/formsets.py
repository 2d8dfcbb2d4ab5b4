"""Adding and removing formset rows in place (htmx), without saving and reopening the page.

The buttons post the whole form (`hx-include="closest form"`), so the server
binds the formset to what the user has typed and renders only the row asked for:

* add: the formset's empty form under the next index, plus the TOTAL_FORMS
  input swapped out of band with the new count;
* remove: the row folded away, its inputs kept hidden with DELETE set, so the
  save ignores it (or deletes the saved record) and "Hoàn tác" can bring it back;
* restore: the row as typed, DELETE cleared.

Nothing is stored by these requests; the user's input is never lost.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string

ACTIONS = ("them", "xoa", "giu")  # add, remove, keep (restore)


def row_index(request: HttpRequest, formset) -> int:
    """The row a remove/restore button names; 404 for anything outside the posted formset."""
    value = request.POST.get("row", "")
    if not value.isdigit() or int(value) >= formset.total_form_count():
        raise Http404
    return int(value)


def row_response(request: HttpRequest, formset, action: str, template: str, **context) -> HttpResponse:
    """The HTML of one row (see the module docstring); `template` renders `f` (the form) and `index`."""
    if action not in ACTIONS:
        raise Http404
    if action == "them":
        index = formset.total_form_count()
        form = formset.empty_form
        html = render_to_string(template, {"f": form, "index": "__prefix__", "prefix": formset.prefix,
                                           **context}, request).replace("__prefix__", str(index))
        total = (f'<input type="hidden" name="{formset.prefix}-TOTAL_FORMS" value="{index + 1}" '
                 f'id="id_{formset.prefix}-TOTAL_FORMS" hx-swap-oob="true">')
        return HttpResponse(html + total)
    index = row_index(request, formset)
    return HttpResponse(render_to_string(template, {
        "f": formset.forms[index], "index": index, "prefix": formset.prefix, "removed": action == "xoa",
        "quiet": True, **context}, request))
