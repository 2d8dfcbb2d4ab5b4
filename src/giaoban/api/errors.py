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
from giaoban.reports.models import WorkflowError


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


def _named_errors(name: str, part) -> list[tuple[str, list[str]]]:
    """(where, messages) of a form or formset: `field`, `agenda[2].title`, `agenda` for the whole set."""
    if hasattr(part, "forms"):  # a formset
        found = [(f"{name}[{i}].{field}", list(errors)) for i, row in enumerate(part.errors)
                 for field, errors in row.items()]
        return found + ([(name, list(part.non_form_errors()))] if part.non_form_errors() else [])
    return [(f"{name}.{field}" if name else field, list(errors)) for field, errors in part.errors.items()]


def refused(**parts) -> ApiError:
    """The web forms' own Vietnamese messages, as one 400 answer (`details`: where → messages)."""
    details = dict(error for name, part in parts.items() for error in _named_errors(name, part))
    messages = [str(message) for errors in details.values() for message in errors]
    return ApiError(400, "invalid", " ".join(messages), details=details)


def form_refused(form) -> ApiError:
    """A web form's own Vietnamese messages, as a 400 answer."""
    return refused(**{"": form})


def wrong_state(message: str) -> ApiError:
    """The record's state (a meeting's stage, a report's status) does not allow the change now."""
    return ApiError(409, "wrong_state", str(message))


# The statuses any endpoint may answer besides its success, for the OpenAPI schema.
ERROR_STATUSES = {400, 401, 403, 404, 422, 429}
# A write that names a version (If-Match) and may meet a state that no longer allows it.
WRITE_ERRORS = (409, 412, 428)


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

    @api.exception_handler(WorkflowError)
    def workflow(request, exc: WorkflowError):
        return _reply(api, request, 409, "wrong_state", str(exc))

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return _reply(api, request, exc.status_code, "http_error", _("Yêu cầu không hợp lệ."))
