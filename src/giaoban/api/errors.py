"""Every API error is JSON: a stable English `code` for programs, a Vietnamese `message` for people."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from giaoban.core.versioning import ConcurrentEditError


class ErrorOut(Schema):
    code: str
    message: str
    details: list[Any] | dict[str, Any] | None = None


class ApiError(Exception):
    """Raised by endpoints for a refusal that is not one of Django's own exceptions."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None,
                 details: Any = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}
        self.details = details


def form_refused(form) -> ApiError:
    """A web form's own Vietnamese messages, as a 400 answer."""
    messages = [str(error) for errors in form.errors.values() for error in errors]
    return ApiError(400, "invalid", " ".join(messages), details={k: list(v) for k, v in form.errors.items()})


# The statuses any endpoint may answer besides its success, for the OpenAPI schema.
ERROR_STATUSES = {400, 401, 403, 404, 422, 429}
WRITE_ERROR_STATUSES = ERROR_STATUSES | {412, 428}


def errors(*extra: int) -> dict[int, type[ErrorOut]]:
    return dict.fromkeys(sorted(ERROR_STATUSES | set(extra)), ErrorOut)


def _reply(api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str,
           details: Any = None, headers: dict[str, str] | None = None) -> HttpResponse:
    response = api.create_response(request, {"code": code, "message": message, "details": details}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def install(api: NinjaAPI) -> None:
    """Replace Ninja's English error bodies with ours."""

    @api.exception_handler(ApiError)
    def api_error(request, exc: ApiError):
        return _reply(api, request, exc.status, exc.code, exc.message, exc.details, exc.headers)

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc: NinjaValidationError):
        details = [{"loc": list(e.get("loc", [])), "type": e.get("type", "")} for e in exc.errors]
        return _reply(api, request, 422, "invalid_input", _("Dữ liệu gửi lên không hợp lệ."), details)

    @api.exception_handler(DjangoValidationError)
    def rule_broken(request, exc: DjangoValidationError):
        details = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return _reply(api, request, 400, "invalid", " ".join(exc.messages), details)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return _reply(api, request, 401, "unauthenticated",
                      _("Thiếu hoặc sai mã truy cập: gửi tiêu đề Authorization: Bearer <mã>."),
                      headers={"WWW-Authenticate": "Bearer"})

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return _reply(api, request, 403, "forbidden", _("Bạn không có quyền thực hiện thao tác này."))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return _reply(api, request, 404, "not_found", _("Không tìm thấy bản ghi hoặc bạn không có quyền xem."))

    @api.exception_handler(ConcurrentEditError)
    def stale(request, exc: ConcurrentEditError):
        return _reply(api, request, 412, "stale_version", str(exc))

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return _reply(api, request, exc.status_code, "http_error", _("Yêu cầu không hợp lệ."))
