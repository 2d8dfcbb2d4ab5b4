"""A small world to search in: one district's bloc with directives, updates, a report and a
notice, written the way offices write (MTTQ and Mặt trận Tổ quốc, hoà and hòa, Uỷ and Ủy), and
another province with look-alike text that its neighbours must never find."""

import datetime
from dataclasses import dataclass, field

from giaoban.accounts.models import Role
from giaoban.documents.models import Document
from giaoban.meetings.models import Conclusion
from giaoban.organisations.models import OrganizationType as T
from tests.directives.factories import DirectiveFactory, DirectiveUpdateFactory
from tests.factories import AdminUnitFactory, BlocFactory, MembershipFactory, OrganizationFactory, UserFactory
from tests.meetings.factories import MeetingFactory
from tests.reports.factories import PeriodReportFactory


@dataclass
class SearchWorld:
    user: object
    neighbour: object
    keys: dict = field(default_factory=dict)  # key → (kind, object id)

    def key_of(self, entry) -> str:
        return next(k for k, v in self.keys.items() if v == (entry.kind, entry.object_id))


def search_world() -> SearchWorld:
    party = OrganizationFactory(name="Huyện ủy Thử Nghiệm", type=T.PARTY_COMMITTEE)
    board = OrganizationFactory(name="Ban Dân vận Huyện ủy Thử Nghiệm", parent=party,
                                type=T.MASS_MOBILISATION_BOARD)
    front = OrganizationFactory(name="Ủy ban Mặt trận Tổ quốc Việt Nam huyện Thử Nghiệm", parent=party,
                                type=T.FRONT_COMMITTEE)
    farmers = OrganizationFactory(name="Hội Nông dân huyện Thử Nghiệm", parent=front, type=T.FARMERS_UNION)
    women = OrganizationFactory(name="Hội Liên hiệp Phụ nữ huyện Thử Nghiệm", parent=front, type=T.WOMEN_UNION)
    veterans = OrganizationFactory(name="Hội Cựu chiến binh huyện Thử Nghiệm", parent=front,
                                   type=T.VETERANS_ASSOCIATION)
    bloc = BlocFactory(name="Khối dân vận huyện Thử Nghiệm", convening=board, members=[front, farmers, women])
    meeting = MeetingFactory(host=party, bloc=bloc, title="Hội nghị giao ban khối dân vận quý I/2022",
                             place="Hội trường Huyện ủy", date=datetime.date(2022, 4, 5))
    Conclusion.objects.create(meeting=meeting, text="Đồng chí Trưởng ban kết luận, yêu cầu các đơn vị chú "
                                                    "trọng công tác chuyển đổi số.")
    ho_son = AdminUnitFactory(name="Xã Hồ Sơn", short_name="Hồ Sơn")
    d = {
        "d1": DirectiveFactory(meeting=meeting, lead=farmers, places=[ho_son],
                               text="Vận động nhân dân xã Hồ Sơn hiến đất làm đường giao thông nông thôn"),
        "d2": DirectiveFactory(meeting=meeting, lead=front,
                               text="Phối hợp tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư"),
        "d3": DirectiveFactory(meeting=meeting, lead=farmers,
                               text="Hướng dẫn hội viên chuyển đổi số, mở 50 cửa hàng số"),
        "d4": DirectiveFactory(meeting=meeting, lead=board, text="Đẩy mạnh phong trào xây dựng NTM ở thôn Đồng Tâm"),
        "d5": DirectiveFactory(meeting=meeting, lead=women, text="Hỗ trợ phụ nữ khởi nghiệp, thành lập tổ hợp tác"),
        "d6": DirectiveFactory(meeting=meeting, lead=veterans,
                               text="Tham gia hoà giải ở cơ sở, giữ gìn an ninh trật tự"),
        "d7": DirectiveFactory(meeting=meeting, lead=front,
                               text="MTTQ các xã giám sát việc thực hiện chính sách bảo hiểm y tế"),
        "d8": DirectiveFactory(meeting=meeting, lead=board, text="Uỷ ban nhân dân xã rà soát danh sách hộ nghèo"),
    }
    u1 = DirectiveUpdateFactory(directive=d["d1"], organization=farmers,
                                note="Đã vận động 12 hộ hiến 3.000 m2 đất; còn vướng ở thôn Đồng Tâm")
    u2 = DirectiveUpdateFactory(directive=d["d3"], organization=farmers,
                                note="Mở được 20 cửa hàng số trên sàn thương mại điện tử")
    report = PeriodReportFactory(organization=farmers, results="Tập huấn khoa học kỹ thuật cho 500 hội viên nông dân")
    notice = Document.objects.create(issuer=board, doc_type="notice", cycle="2022", number=5, code="05-TB/BDV",
                                     issued_on=datetime.date(2022, 4, 7), meeting=meeting,
                                     title="Thông báo kết luận hội nghị giao ban quý I/2022")
    # Another province: the same words, never to be found from Thử Nghiệm.
    far = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Xa Lạ", type=T.FRONT_COMMITTEE)
    far_meeting = MeetingFactory(host=far, title="Hội nghị giao ban quý I/2022 tỉnh Xa Lạ")
    far_directive = DirectiveFactory(meeting=far_meeting, lead=far,
                                     text="Vận động nhân dân xã Hồ Sơn Xa hiến đất làm đường")
    user, neighbour = UserFactory(username="tim_kiem"), UserFactory(username="lang_gieng")
    MembershipFactory(user=user, organization=party, role=Role.VIEWER)
    MembershipFactory(user=neighbour, organization=far, role=Role.EDITOR)
    keys = {k: ("directive", v.pk) for k, v in d.items()}
    keys.update({"u1": ("update", u1.pk), "u2": ("update", u2.pk), "r1": ("report", report.pk),
                 "doc1": ("document", notice.pk), "m1": ("meeting", meeting.pk),
                 "far_m": ("meeting", far_meeting.pk), "far_d": ("directive", far_directive.pk)})
    return SearchWorld(user=user, neighbour=neighbour, keys=keys)
