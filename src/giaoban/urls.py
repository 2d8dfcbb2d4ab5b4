from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from giaoban.accounts.forms import LoginForm
from giaoban.core import views as core_views
from giaoban.dashboard import views as dashboard_views
from giaoban.operations import views as operations_views

urlpatterns = [
    path("", dashboard_views.home, name="home"),
    path("favicon.ico", core_views.favicon),
    path("healthz", operations_views.healthz, name="healthz"),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
         name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("don-vi/", include("giaoban.organisations.urls")),
    path("", include("giaoban.meetings.urls")),
    path("", include("giaoban.directives.urls")),
    path("", include("giaoban.recording.urls")),
    path("", include("giaoban.notifications.urls")),
    path("", include("giaoban.reports.urls")),
    path("", include("giaoban.documents.urls")),
    path("", include("giaoban.search.urls")),
    path("", include("giaoban.api.urls")),
    path("", include("giaoban.webhooks.urls")),
]

handler400 = "giaoban.core.views.bad_request"
handler403 = "giaoban.core.views.permission_denied"
handler404 = "giaoban.core.views.page_not_found"
# Lost database and full disk get their own pages; any other error core's 500 page.
handler500 = "giaoban.operations.views.server_error"
