from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "giaoban.reports"
    label = "reports"
