"""The REST API under /api/v1/: one NinjaAPI, one router per domain, bearer tokens for every call."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Swagger

from giaoban.api import (
    conclusions,
    directives,
    documents,
    errors,
    meeting_writes,  # noqa: F401 (adds the writes to the meetings router)
    meetings,
    organisations,
    people,
    report_writes,  # noqa: F401 (adds the writes to the reports router)
    reports,
)
from giaoban.api.auth import TokenAuth

api = NinjaAPI(
    title="giaoban API",
    version="1.0.0",
    description=_("Dữ liệu hội nghị giao ban: đơn vị, kỳ, cán bộ, cuộc họp, kết luận, chỉ đạo, văn bản, báo cáo. "
                      "Gửi tiêu đề Authorization: Bearer <mã truy cập> (tạo mã ở trang Tài khoản → Mã truy cập API)."),
    auth=TokenAuth(),
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url="/docs/",
    # Served from the ninja app's own static files: no CDN.
    docs=Swagger(settings={"persistAuthorization": True}),
)
errors.install(api)
for module in (organisations, people, meetings, conclusions, directives, documents, reports):
    api.add_router("", module.router)
