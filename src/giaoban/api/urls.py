from django.urls import path

from giaoban.api import views
from giaoban.api.api import api

# No app_name here: Ninja's docs page reverses its schema under its own "api" namespace.
urlpatterns = [
    path("api/v1/", api.urls),
    path("tai-khoan/ma-api/", views.token_list, name="api_tokens"),
    path("tai-khoan/ma-api/<int:pk>/thu-hoi/", views.token_revoke, name="api_token_revoke"),
]
