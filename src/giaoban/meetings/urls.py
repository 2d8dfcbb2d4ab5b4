from django.urls import path

from giaoban.meetings import people, views

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
    path("cuoc-hop/<int:pk>/tep/", views.attachment_upload, name="attachment_upload"),
    path("cuoc-hop/<int:pk>/tep/<int:attachment_pk>/", views.attachment_download, name="attachment"),
]
