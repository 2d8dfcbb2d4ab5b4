from django.urls import path

from giaoban.notifications import views

app_name = "notifications"
urlpatterns = [
    path("thong-bao/", views.notification_list, name="list"),
    path("thong-bao/<int:pk>/da-doc/", views.notification_read, name="read"),
    path("thong-bao/da-doc-het/", views.notification_read_all, name="read_all"),
    path("thong-bao/nhan-nhac-viec/", views.preferences, name="preferences"),
    path("thong-bao/huy-nhan-thu/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("thong-bao/cai-dat/<int:org_pk>/", views.organisation_settings, name="settings"),
]
