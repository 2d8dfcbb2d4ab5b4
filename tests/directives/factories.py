import datetime

import factory

from giaoban.directives.models import Directive, DirectiveUpdate, ProgressRound
from tests.factories import period
from tests.meetings.factories import MeetingFactory, briefing_world


class DirectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directive
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Tăng cường tuyên truyền nội dung thử nghiệm số {n}")
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def coordinating(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.coordinating.set(extracted)

    @factory.post_generation
    def places(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.places.set(extracted)


class DirectiveUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DirectiveUpdate

    directive = factory.SubFactory(DirectiveFactory)
    note = factory.Sequence(lambda n: f"Đã triển khai bước {n}")
    percent = 50


class ProgressRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressRound

    meeting = factory.SubFactory(MeetingFactory)


def round_world(front_directives: int = 3):
    """`briefing_world` with its next briefing and a progress round for it.

    The first briefing's directives: `front_directives` led by the Front (the lead editor's body), one led by
    the farmers' union, one by a body outside the bloc's editors' reach.  Returns (world, round, front's list,
    farmers' directive, other's directive).
    """
    world = briefing_world()
    nxt = MeetingFactory(host=world.party, bloc=world.bloc, date=datetime.date(2022, 7, 5),
                         title="Hội nghị giao ban quý II/2022 huyện Thử Nghiệm",
                         period=period("Quý II/2022"), next_period=period("Quý III/2022"))
    progress_round = ProgressRoundFactory(meeting=nxt)
    front = [DirectiveFactory(meeting=world.meeting, lead=world.front) for _ in range(front_directives)]
    farmers = DirectiveFactory(meeting=world.meeting, lead=world.farmers)
    other = DirectiveFactory(meeting=world.meeting, lead=world.other)
    return world, progress_round, front, farmers, other
