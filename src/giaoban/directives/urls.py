from django.urls import path

from giaoban.directives import views

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
    path("chi-dao/minh-chung/<int:pk>/", views.evidence_download, name="evidence"),
]
