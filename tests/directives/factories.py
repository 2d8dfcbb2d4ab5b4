import factory

from giaoban.directives.models import Directive, DirectiveUpdate
from tests.meetings.factories import MeetingFactory


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
