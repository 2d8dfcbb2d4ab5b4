from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "giaoban.notifications"
    label = "notifications"
