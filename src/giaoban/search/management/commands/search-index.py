from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Lập lại chỉ mục tìm kiếm cho mọi cuộc họp, chỉ đạo, tiến độ, báo cáo và văn bản.")

    def handle(self, *args, **options) -> None:
        from giaoban.search.indexing import rebuild

        self.stdout.write(_("Đã lập chỉ mục %(n)d mục.") % {"n": rebuild()})
