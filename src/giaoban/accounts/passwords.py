"""Django's password validators with Vietnamese messages.

Django 5.2's Vietnamese catalogue misses the new wording of these messages, so
a refused password would be explained in English; the rules are Django's own.
"""

from django.contrib.auth import password_validation as django_validators
from django.utils.translation import gettext as _


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return _("Mật khẩu quá ngắn: cần ít nhất %(n)d ký tự.") % {"n": self.min_length}

    def get_help_text(self) -> str:
        return _("Mật khẩu cần ít nhất %(n)d ký tự; nên dùng một cụm từ dễ nhớ.") % {"n": self.min_length}


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return _("Mật khẩu quá giống %(verbose_name)s của tài khoản.")

    def get_help_text(self) -> str:
        return _("Mật khẩu không được giống tên đăng nhập, họ tên hay thư điện tử.")


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return _("Mật khẩu này quá phổ biến, dễ bị đoán.")

    def get_help_text(self) -> str:
        return _("Không dùng mật khẩu phổ biến.")


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return _("Mật khẩu không được chỉ gồm chữ số.")

    def get_help_text(self) -> str:
        return _("Mật khẩu không được chỉ gồm chữ số.")
