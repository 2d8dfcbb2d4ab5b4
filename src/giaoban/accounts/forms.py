from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's own Vietnamese catalogue leaves these messages untranslated."""

    error_messages = {
        "invalid_login": _("Sai tên đăng nhập hoặc mật khẩu. Lưu ý chữ hoa và chữ thường là khác nhau."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }
