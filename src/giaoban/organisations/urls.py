from django.urls import path

from giaoban.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organization_list, name="list"),
    path("<int:pk>/", views.organization_detail, name="detail"),
    path("<int:parent_pk>/them/", views.organization_create, name="create"),
    path("khoi/", views.bloc_list, name="blocs"),
]
