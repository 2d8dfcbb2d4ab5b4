import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.notifications import reminders


class Command(BaseCommand):
    help = _("Gửi nhắc việc (chỉ đạo sắp đến hạn, quá hạn; báo cáo chưa nộp): mỗi người một bản tổng hợp mỗi "
             "ngày. Chạy lại không gửi trùng.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", type=datetime.date.fromisoformat, help=_("Ngày tính nhắc (YYYY-MM-DD)."))
        parser.add_argument("--no-email", action="store_true", help=_("Chỉ thông báo trong hệ thống."))
        parser.add_argument("--dry-run", action="store_true",
                            help=_("Chỉ in ai sẽ nhận nhắc việc gì; không gửi, không ghi gì."))

    def handle(self, *args, **options) -> None:
        today = options["today"] or timezone.localdate()
        # Streamed: each digest is sent (or described) as soon as it is complete, then dropped.
        digests = reminders.due(today, since=reminders.last_run(today))
        if options["dry_run"]:
            count = 0
            for digest in digests:
                self._describe(digest, email=not options["no_email"])
                count += 1
            self.stdout.write(_("Chạy thử: %(n)d bản nhắc việc sẽ được gửi; chưa gửi gì.") % {"n": count})
            return
        sent = reminders.send(digests, email=not options["no_email"])
        reminders.record_run(today)
        self.stdout.write(_("Đã gửi %(sent)d bản nhắc việc ngày %(day)s.")
                          % {"sent": sent, "day": today.strftime("%d/%m/%Y")})

    def _describe(self, digest: reminders.Digest, *, email: bool) -> None:
        user = digest.user
        channels = [_("trong hệ thống")] if digest.preference.in_app else []
        if email and user.email and digest.preference.by_email:
            channels.append(_("thư tới %(address)s") % {"address": user.email})
        self.stdout.write(f"{user.get_username()} ({', '.join(channels)}): {digest.title}")
        for reminder in digest.reminders:
            self.stdout.write("  " + reminder.line.splitlines()[0])
