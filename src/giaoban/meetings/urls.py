from django.urls import path

from giaoban.meetings import people, series_views, state_views, views

app_name = "meetings"
urlpatterns = [
    path("cuoc-hop/", views.meeting_list, name="list"),
    path("can-bo/", people.directory, name="people"),
    path("can-bo/goi-y/", people.suggest, name="people_suggest"),
    path("cuoc-hop/khoi/<int:bloc_pk>/", views.meeting_list, name="bloc"),
    path("cuoc-hop/them/", views.meeting_create, name="create"),
    path("cuoc-hop/dong/<str:prefix>/<str:action>/", views.formset_row, name="formset_row"),
    path("cuoc-hop/<int:pk>/", views.meeting_detail, name="detail"),
    path("cuoc-hop/<int:pk>/sua/", views.meeting_edit, name="edit"),
    path("cuoc-hop/<int:pk>/trang-thai/", state_views.meeting_transition, name="transition"),
    path("cuoc-hop/chuoi/", series_views.series_list, name="series_list"),
    path("cuoc-hop/chuoi/them/", series_views.series_form, name="series_create"),
    path("cuoc-hop/chuoi/<int:pk>/", series_views.series_detail, name="series_detail"),
    path("cuoc-hop/chuoi/<int:pk>/sua/", series_views.series_form, name="series_edit"),
    path("cuoc-hop/<int:pk>/tep/", views.attachment_upload, name="attachment_upload"),
    path("cuoc-hop/<int:pk>/tep/<int:attachment_pk>/", views.attachment_download, name="attachment"),
]
