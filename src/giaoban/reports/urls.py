from django.urls import path, register_converter

from giaoban.periods.converters import PeriodKeyConverter
from giaoban.reports import trend_views, views

register_converter(PeriodKeyConverter, "period")

app_name = "reports"
urlpatterns = [
    path("bao-cao/", views.my_reports, name="mine"),
    path("bao-cao/lap/<int:organization_pk>/<period:period>/", views.report_create, name="create"),
    path("bao-cao/<int:pk>/", views.report_detail, name="detail"),
    path("bao-cao/<int:pk>/sua/", views.report_edit, name="edit"),
    path("bao-cao/<int:pk>/luu-nhap/", views.report_autosave, name="autosave"),
    path("bao-cao/<int:pk>/xu-ly/<str:action>/", views.report_review, name="review"),
    path("bao-cao/<int:pk>/mau-excel/", views.report_xlsx_template, name="xlsx_template"),
    path("bao-cao/<int:pk>/nhap-excel/", views.report_xlsx_upload, name="xlsx_upload"),
    path("bao-cao/<int:pk>/dinh-kem/", views.attachment_add, name="attachment_add"),
    path("bao-cao/tep/<int:pk>/", views.attachment_download, name="attachment"),
    path("tong-hop/", views.consolidation_index, name="consolidation_index"),
    path("tong-hop/khoi/<int:bloc_pk>/<period:period>/", views.bloc_consolidation, name="bloc_consolidation"),
    path("tong-hop/khoi/<int:bloc_pk>/<period:period>/excel/", views.bloc_consolidation_xlsx,
         name="bloc_consolidation_xlsx"),
    path("tong-hop/khoi/<int:bloc_pk>/<period:period>/nhac/", views.bloc_remind, name="bloc_remind"),
    path("tong-hop/dia-ban/<int:organization_pk>/<period:period>/", views.tree_consolidation, name="tree"),
    path("tong-hop/khoi/<int:bloc_pk>/<period:period>/chi-tieu/<int:indicator_pk>/",
         trend_views.bloc_indicator_trend, name="indicator_trend"),
    path("bao-cao/don-vi/<int:organization_pk>/<period:period>/chi-tieu/<int:indicator_pk>/",
         trend_views.body_indicator_trend, name="body_indicator_trend"),
]
