from django.urls import path

from giaoban.recording import views

app_name = "recording"
urlpatterns = [
    path("cuoc-hop/nhap-van-ban/", views.import_text, name="import"),
    path("cuoc-hop/nhap-van-ban/luu/", views.import_save, name="import_save"),
    path("cuoc-hop/<int:pk>/ket-luan/", views.conclusion_edit, name="conclusion"),
    path("cuoc-hop/dong-chi-dao/<str:action>/", views.directive_row, name="directive_row"),
]
