from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "giaoban.documents"
    label = "documents"
