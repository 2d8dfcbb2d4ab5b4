from django.urls import path

from giaoban.documents import feeds, views

app_name = "documents"
urlpatterns = [
    path("van-ban/", views.index, name="index"),
    path("van-ban/cuoc-hop/<int:pk>/", views.meeting_documents, name="meeting"),
    path("van-ban/cuoc-hop/<int:pk>/du-thao/<str:doc_type>.<str:fmt>", views.draft_file, name="draft"),
    path("van-ban/cuoc-hop/<int:pk>/ban-hanh/<str:doc_type>/", views.issue_document, name="issue"),
    path("van-ban/cuoc-hop/<int:pk>/tin-bai/", views.news_create, name="news_create"),
    path("van-ban/<int:pk>/", views.document_detail, name="detail"),
    path("van-ban/<int:pk>/tep.<str:fmt>", views.document_file, name="file"),
    path("van-ban/<int:pk>/cong-khai/", views.publish_document, name="publish"),
    path("van-ban/so-dang-ky/<int:org_pk>/", views.register, name="register"),
    path("van-ban/tin-bai/<int:pk>/", views.news_edit, name="news_edit"),
    path("van-ban/tin-bai/<int:pk>/tin.txt", views.news_text, name="news_text"),
    path("van-ban/tin-bai/<int:pk>/tin.html", views.news_html, name="news_html"),
    path("van-ban/lich-cong-tac/<int:org_pk>/", views.calendar_settings, name="calendar_settings"),
    path("cong-khai/<int:org_pk>/", views.public_page, name="public"),
    path("cong-khai/<int:org_pk>/atom.xml", feeds.PublicFeed(), name="public_atom"),
    path("cong-khai/van-ban/<int:pk>.pdf", views.public_document, name="public_document"),
    path("cong-khai/tin-bai/<int:pk>/", views.public_news, name="public_news"),
    path("cong-khai/<int:org_pk>/lich-cong-tac/", views.public_calendar, name="public_calendar"),
    path("cong-khai/<int:org_pk>/lich-cong-tac.ics", views.public_ics, name="public_ics"),
    path("lich/<str:token>.ics", views.private_ics, name="private_ics"),
    path("lich/chuoi-giao-ban/<int:pk>.ics", views.series_ics, name="series_ics"),
    path("cong-khai/chuoi-giao-ban/<int:pk>.ics", views.public_series_ics, name="public_series_ics"),
]
