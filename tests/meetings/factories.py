"""Factories for meetings; `briefing_world` builds the four personas around one bloc briefing."""

import datetime
from dataclasses import dataclass

import factory

from giaoban.accounts.models import Role
from giaoban.meetings.models import BriefingSeries, Meeting, MeetingKind, Person
from giaoban.organisations.models import Level, OrganizationType
from tests.factories import BlocFactory, MembershipFactory, OrganizationFactory, UserFactory, period


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    title = "Phó Bí thư"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.BRIEFING
    title = factory.Sequence(lambda n: f"Hội nghị giao ban thử nghiệm {n}")
    host = factory.SubFactory(OrganizationFactory)
    bloc = None
    date = datetime.date(2022, 4, 5)
    period = factory.LazyFunction(lambda: period("Quý I/2022"))
    next_period = factory.LazyFunction(lambda: period("Quý II/2022"))


@dataclass
class World:
    party: object
    board: object
    front: object
    farmers: object
    other: object
    bloc: object
    meeting: object
    anonymous: object
    outsider: object
    lead_editor: object
    leader: object


def briefing_world() -> World:
    """A district bloc (convened by the Ban Dân vận) with a briefing, and four personas around it."""
    from django.contrib.auth.models import AnonymousUser

    party = OrganizationFactory(name="Huyện ủy Thử Nghiệm", type=OrganizationType.PARTY_COMMITTEE,
                                level=Level.DISTRICT)
    board = OrganizationFactory(name="Ban Dân vận Huyện ủy Thử Nghiệm", parent=party,
                                type=OrganizationType.MASS_MOBILISATION_BOARD)
    front = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện Thử Nghiệm", parent=party,
                                type=OrganizationType.FRONT_COMMITTEE)
    farmers = OrganizationFactory(name="Hội Nông dân huyện Thử Nghiệm", parent=front,
                                  type=OrganizationType.FARMERS_UNION)
    other = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện Khác", type=OrganizationType.FRONT_COMMITTEE)
    bloc = BlocFactory(name="Khối MTTQ và các đoàn thể huyện Thử Nghiệm", convening=board,
                       members=[board, front, farmers])
    meeting = MeetingFactory(host=party, bloc=bloc, title="Hội nghị giao ban quý I/2022 huyện Thử Nghiệm")
    outsider = UserFactory(username="ngoai")
    lead_editor = UserFactory(username="bientap_mttq")
    leader = UserFactory(username="lanhdao_bdv")
    MembershipFactory(user=outsider, organization=other, role=Role.EDITOR)
    MembershipFactory(user=lead_editor, organization=front, role=Role.EDITOR)
    MembershipFactory(user=leader, organization=board, role=Role.LEADER)
    return World(party, board, front, farmers, other, bloc, meeting, AnonymousUser(), outsider, lead_editor, leader)


class SeriesFactory(factory.django.DjangoModelFactory):
    """A monthly series of the world's bloc; pass `attendees=[...]` for standing attendees."""

    class Meta:
        model = BriefingSeries
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Giao ban hằng tháng thử nghiệm {n}")
    period_type = "month"
    first_period = factory.LazyFunction(lambda: period("Tháng 1/2026"))
    day = 5
    month_offset = 1
    start_time = datetime.time(8, 0)
    place = "Hội trường Huyện ủy"

    @factory.post_generation
    def attendees(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.attendees.set(extracted)
