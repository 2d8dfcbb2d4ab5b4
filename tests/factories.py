"""Factories for the foundation models; each app keeps its own next to its tests."""

import factory
from django.contrib.auth import get_user_model

from giaoban.accounts.models import Membership, Role
from giaoban.organisations.models import AdminUnit, Bloc, Level, Organization, OrganizationType
from giaoban.periods.logic import PeriodKey
from giaoban.periods.models import Period

PASSWORD = "mat-khau-thu-nghiem"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    first_name = factory.Faker("first_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AdminUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdminUnit

    code = factory.Sequence(lambda n: f"test:{n}")
    short_name = factory.Sequence(lambda n: f"Xã Thử {n}")
    name = factory.LazyAttribute(lambda u: f"Xã {u.short_name}")
    unit_type = "Xã"
    level = Level.COMMUNE


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Đơn vị thử nghiệm {n}")
    type = OrganizationType.FRONT_COMMITTEE
    level = factory.LazyAttribute(lambda o: Level.DISTRICT if o.parent else Level.PROVINCE)
    parent = None


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.VIEWER


class BlocFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bloc
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Khối thử nghiệm {n}")
    convening = factory.SubFactory(OrganizationFactory, type=OrganizationType.MASS_MOBILISATION_BOARD)

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.members.add(*extracted)


def period(label_or_type: str, year: int | None = None, number: int = 0) -> Period:
    """A stored period from a label ("Quý I/2022") or from its parts."""
    if year is None:
        return Period.objects.from_label(label_or_type)
    return Period.objects.get_for(PeriodKey(label_or_type, year, number))
