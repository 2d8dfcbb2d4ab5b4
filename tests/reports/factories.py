"""Factories for reports; the foundation ones come from tests/factories.py."""

from decimal import Decimal

import factory

from giaoban.reports.models import Indicator, IndicatorValue, PeriodReport, ReportStatus, ReportTemplate
from tests.factories import BlocFactory, OrganizationFactory, period


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"thu-nghiem-{n}")
    name = factory.Sequence(lambda n: f"Chỉ tiêu thử nghiệm {n}")
    unit = "suất"
    kind = "count"
    position = factory.Sequence(lambda n: 1000 + n)


class PeriodReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeriodReport

    organization = factory.SubFactory(OrganizationFactory, type="farmers_union")
    period = factory.LazyFunction(lambda: period("Quý I/2022"))
    status = ReportStatus.SUBMITTED
    results = "Tổ chức thăm hỏi, tặng quà hội viên khó khăn."


class ReportTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportTemplate
        skip_postgeneration_save = True

    bloc = factory.SubFactory(BlocFactory)
    period_type = "quarter"

    @factory.post_generation
    def indicators(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.indicators.add(*extracted)


def report_with(organization, period_, figures: dict, status: str = ReportStatus.SUBMITTED, **fields):
    """A report of `organization` for `period_` with {indicator: value} figures.

    As an office writes it: the figures entered on the draft, then the report sent (or left) in `status`.
    """
    report = PeriodReportFactory(organization=organization, period=period_, status=ReportStatus.DRAFT, **fields)
    IndicatorValue.objects.bulk_create([
        IndicatorValue(report=report, indicator=indicator, value=None if value is None else Decimal(value))
        for indicator, value in figures.items()])
    if status != ReportStatus.DRAFT:
        report.status = status
        report.save()
    return report


__all__ = ["BlocFactory", "IndicatorFactory", "OrganizationFactory", "PeriodReportFactory", "ReportTemplateFactory",
           "report_with", "period"]
