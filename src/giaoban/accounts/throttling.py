"""django-axes hooks: the client's address behind the proxy, and the lockout page.

The lockout is shown on the login page itself, with the username kept, so the
person sees why the right password is refused and for how long.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from giaoban.accounts.forms import LoginForm


def client_ip(request: HttpRequest) -> str | None:
    """The address the outermost of GIAOBAN_PROXY_COUNT trusted proxies saw; REMOTE_ADDR without proxies."""
    count = settings.GIAOBAN_PROXY_COUNT
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if count and len(hops) >= count:
        return hops[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _("Đăng nhập tạm bị khóa vì đã nhập sai mật khẩu %(limit)d lần. Hãy thử lại sau %(minutes)d phút, "
             "hoặc nhờ quản trị viên mở khóa.") % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None,
                     credentials: dict | None = None) -> HttpResponse:
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = LoginForm(request, initial={"username": username})
    return render(request, "registration/login.html", {
        "form": form, "lockout": lockout_message(), "next": request.POST.get("next", "")}, status=429)
