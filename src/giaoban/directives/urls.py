from django.urls import path

from giaoban.directives import round_views, series_views, views

app_name = "directives"
urlpatterns = [
    path("chi-dao/", views.directive_list, name="list"),
    path("chi-dao/cua-don-vi-toi/", views.my_directives, name="mine"),
    path("chi-dao/<int:pk>/", views.directive_detail, name="detail"),
    path("chi-dao/<int:pk>/sua/", views.directive_edit, name="edit"),
    path("chi-dao/<int:pk>/dinh-chinh/", views.directive_amend, name="amend"),
    path("chi-dao/<int:pk>/tien-do/", views.progress_create, name="progress"),
    path("chi-dao/<int:pk>/dong/", views.directive_close, name="close"),
    path("chi-dao/<int:pk>/chuyen-ky/", views.directive_carry, name="carry"),
    path("cuoc-hop/<int:pk>/viec-chua-hoan-thanh/", views.meeting_pending, name="meeting_pending"),
    path("cuoc-hop/chuoi/<int:pk>/ky-tiep-theo/", series_views.next_meeting, name="series_next"),
    path("chi-dao/minh-chung/<int:pk>/", views.evidence_download, name="evidence"),
    path("chi-dao/dot-bao-cao/", round_views.round_index, name="rounds"),
    path("chi-dao/dot-bao-cao/mo/", round_views.round_open, name="round_open"),
    path("chi-dao/dot-bao-cao/<int:pk>/", round_views.round_page, name="round"),
    path("chi-dao/dot-bao-cao/<int:pk>/tien-do.xlsx", round_views.round_xlsx, name="round_xlsx"),
    path("chi-dao/dot-bao-cao/<int:pk>/tai-len/", round_views.round_upload, name="round_upload"),
    path("chi-dao/dot-bao-cao/<int:pk>/xac-nhan/", round_views.round_confirm, name="round_confirm"),
]
