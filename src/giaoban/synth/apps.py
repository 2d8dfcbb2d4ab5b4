from django.apps import AppConfig


class SynthConfig(AppConfig):
    """Synthetic data at commune, province and nation size; above every other app, used by no one."""

    name = "giaoban.synth"
    verbose_name = "Dữ liệu mô phỏng"
