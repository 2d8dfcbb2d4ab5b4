from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "giaoban.directives"
    label = "directives"
