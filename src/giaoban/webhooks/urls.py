from django.urls import path

from giaoban.webhooks import views

app_name = "webhooks"

urlpatterns = [
    path("don-vi/<int:org_pk>/webhook/", views.organisation_webhooks, name="organisation"),
    path("don-vi/<int:org_pk>/webhook/<int:pk>/bat-tat/", views.webhook_toggle, name="toggle"),
]
