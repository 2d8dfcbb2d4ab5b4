from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "giaoban.meetings"
    label = "meetings"
