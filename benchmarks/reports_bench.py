"""Time the consolidation of one province: communes × 6 bodies × 12 monthly reports × 30 indicators.

1× = 100 communes (600 bodies, 7,200 reports, 216,000 figures); 10× = 1,000 communes.
Measures `consolidate_tree(province front, Năm 2025)` (the year is cumulated from the
months) and a bloc consolidation, with their query counts (which must not grow).

Runs on a throw-away SQLite file, or a throw-away PostgreSQL database when
DATABASE_URL names a PostgreSQL server (`<name>_reports_bench` is created and dropped;
the developer's own database is never touched).

    .venv/bin/python benchmarks/reports_bench.py [--scales 1,10]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban_h6 .venv/bin/python benchmarks/reports_bench.py
"""

import argparse
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import benchdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
MEMBER_TYPES = ["trade_union", "farmers_union", "women_union", "youth_union", "veterans_association"]
YEAR = 2025
INDICATORS = 30


def prepare_database(workdir: str) -> "benchdb.BenchDatabase":
    """Point DATABASE_URL at a throw-away database before Django starts."""
    database = benchdb.create(workdir, "reports_bench")
    os.environ["DATABASE_URL"] = database.url
    return database


def build(scale: int, rng: random.Random) -> dict:
    """Bulk-create a province: its Front, `100 × scale` communes' Fronts and their 5 member organisations."""
    from django.db import transaction

    from giaoban.organisations.models import Bloc, Organization
    from giaoban.periods.logic import PeriodKey
    from giaoban.periods.models import Period
    from giaoban.reports.models import Indicator, IndicatorValue, PeriodReport

    communes = 100 * scale
    with transaction.atomic():
        province = Organization(name=f"Ủy ban MTTQ Việt Nam tỉnh Thử {scale}", type="front_committee",
                                level="province")
        province.save()
        fronts = Organization.objects.bulk_create([
            Organization(name=f"Ủy ban MTTQ Việt Nam xã {i}", name_key=f"xa {i}", type="front_committee",
                         level="commune", parent=province) for i in range(communes)])
        for org in fronts:
            org.tree_path = f"{province.tree_path}{org.pk}/"
        Organization.objects.bulk_update(fronts, ["tree_path"], batch_size=2000)
        members = Organization.objects.bulk_create([
            Organization(name=f"{t} xã {i}", name_key=f"{t} {i}", type=t, level="commune", parent=front)
            for i, front in enumerate(fronts) for t in MEMBER_TYPES])
        by_pk = {f.pk: f for f in fronts}
        for org in members:
            org.tree_path = f"{by_pk[org.parent_id].tree_path}{org.pk}/"
        Organization.objects.bulk_update(members, ["tree_path"], batch_size=2000)
        bodies = fronts + members
        indicators = list(Indicator.objects.order_by("position")[:INDICATORS])
        months = [Period.objects.get_for(PeriodKey("month", YEAR, m)) for m in range(1, 13)]
        reports = PeriodReport.objects.bulk_create([
            PeriodReport(organization=org, period=month, status="submitted") for org in bodies for month in months
        ], batch_size=5000)
        batch = []
        for report in reports:
            for indicator in indicators:
                value = Decimal(rng.randint(0, 100)) if indicator.kind == "percent" else Decimal(rng.randint(0, 500))
                batch.append(IndicatorValue(report=report, indicator=indicator, value=value))
                if len(batch) >= 20000:
                    IndicatorValue.objects.bulk_create(batch)
                    batch = []
        IndicatorValue.objects.bulk_create(batch)
        board = Organization(name=f"Ban Dân vận xã 0 ({scale})", type="mass_mobilisation_board", level="commune",
                             parent=fronts[0])
        board.save()
        bloc = Bloc.objects.create(name=f"Khối xã 0 ({scale})", convening=board)
        bloc.members.add(fronts[0], *members[:5])
    return {"province": province, "bloc": bloc, "values": len(reports) * len(indicators), "reports": len(reports),
            "bodies": len(bodies)}


def measure(label: str, func) -> tuple[float, int, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()  # the bulk inserts filled the log; count only this call's queries
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = func()
        elapsed = time.perf_counter() - started
    return elapsed, len(queries), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1,10")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        database = prepare_database(workdir)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
        os.environ.setdefault("DEBUG", "true")
        import django

        django.setup()
        from django.core.management import call_command

        from giaoban.periods.logic import PeriodKey
        from giaoban.periods.models import Period
        from giaoban.reports.consolidation import consolidate, consolidate_tree

        try:
            call_command("migrate", verbosity=0)
            year = Period.objects.get_for(PeriodKey("year", YEAR))
            quarter = Period.objects.get_for(PeriodKey("quarter", YEAR, 2))
            print(f"reports consolidation on {database.engine}")
            print(f"{'scale':>5s} {'bodies':>7s} {'figures':>10s} {'build':>8s} {'tree: year':>11s} {'queries':>8s} "
                  f"{'tree: Q2':>9s} {'queries':>8s} {'bloc: year':>11s} {'queries':>8s}")
            for scale in [int(s) for s in args.scales.split(",")]:
                started = time.perf_counter()
                data = build(scale, random.Random(scale))
                built = time.perf_counter() - started
                t_year, q_year, result = measure("tree year", lambda d=data: consolidate_tree(d["province"], year))
                t_q2, q_q2, _r = measure("tree Q2", lambda d=data: consolidate_tree(d["province"], quarter))
                t_bloc, q_bloc, _r = measure("bloc", lambda d=data: consolidate(d["bloc"], year))
                # every commune body reported; only the province Front itself has no report of its own
                assert result.missing == [data["province"]] and len(result.rows) == INDICATORS
                print(f"{scale:>4d}× {data['bodies']:>7,d} {data['values']:>10,d} {built:>7.1f}s {t_year:>10.2f}s "
                      f"{q_year:>8d} {t_q2:>8.2f}s {q_q2:>8d} {t_bloc:>10.3f}s {q_bloc:>8d}")
        finally:
            benchdb.drop(database)


if __name__ == "__main__":
    main()
