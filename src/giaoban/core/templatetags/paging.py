from django import template
from django.http import HttpRequest

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number: int, param: str = "page") -> str:
    """The current address with another page number: every filter in the query string is kept."""
    request: HttpRequest = context["request"]
    query = request.GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}"
