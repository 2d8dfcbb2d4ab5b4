""""Tạo kỳ giao ban tiếp theo": the POST button on a series' page (and on its meetings' pages)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giaoban.directives.series import create_next_meeting
from giaoban.meetings.series_views import series_or_404


@login_required
@require_POST
def next_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    series = series_or_404(request, pk, edit=True)
    if not series.active:
        messages.error(request, _("Chuỗi giao ban đã ngừng áp dụng: không tạo kỳ mới."))
        return redirect("meetings:series_detail", series.pk)
    result = create_next_meeting(series, by=request.user)
    if result.created:
        messages.success(request, _("Đã tạo “%(title)s” ngày %(date)s; hãy kiểm tra rồi gửi giấy mời.")
                         % {"title": result.meeting.title, "date": result.meeting.date.strftime("%d/%m/%Y")})
    else:
        messages.info(request, _("Kỳ %(period)s của chuỗi đã có cuộc họp: mở cuộc họp đó.")
                      % {"period": result.meeting.period.label})
    return redirect("meetings:detail", result.meeting.pk)
