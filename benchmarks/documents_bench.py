"""Time the official documents: notice DOCX/PDF (8 and 80 directives), the consolidated report
(100 and 300 bodies), and taking numbers from the register.

Runs on a throw-away SQLite file (or a throw-away PostgreSQL database `<name>_documents_bench`
when DATABASE_URL names a PostgreSQL server); the developer's own database is never touched.

    .venv/bin/python benchmarks/documents_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban_h7 .venv/bin/python benchmarks/documents_bench.py
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import benchdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
REPEAT = 5


def prepare_database(workdir: str) -> "benchdb.BenchDatabase":
    """Point DATABASE_URL at a throw-away database before Django starts."""
    database = benchdb.create(workdir, "documents_bench")
    os.environ["DATABASE_URL"] = database.url
    return database


def timed(work, repeat: int = REPEAT) -> tuple[float, object]:
    """Median wall time in milliseconds (after one warm-up run) and the last result."""
    result = work()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), result


def main() -> int:
    workdir = tempfile.mkdtemp(prefix="giaoban-documents-bench-")
    database = prepare_database(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    os.environ["GIAOBAN_VAR"] = workdir
    os.environ["MEDIA_ROOT"] = str(Path(workdir) / "media")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from giaoban.directives.models import Directive
    from giaoban.documents import content
    from giaoban.documents.render import render_docx, render_pdf
    from giaoban.documents.report import report_content
    from giaoban.documents.service import issue_notice
    from tests.documents import factories as f

    day = datetime.date(2022, 4, 7)
    lines = [f"documents benchmark on {database.engine} (median of {REPEAT} runs, ms)"]
    try:
        record = f.huu_lung()
        for label, factor in (("notice, 8 directives", 1), ("notice, 80 directives (10×)", 10)):
            if factor > 1:
                for copy in range(1, factor):
                    Directive.objects.bulk_create([
                        Directive(meeting=record.meeting, order=100 * copy + d.order, text=d.text,
                                  assignees_text=f"Nhóm {copy % 4}") for d in record.directives])
            build_ms, notice = timed(lambda: content.notice(record.meeting, number=12, issued_on=day))
            docx_ms, docx_data = timed(lambda n=notice: render_docx(n))
            pdf_ms, pdf_data = timed(lambda n=notice: render_pdf(n))
            lines.append(f"  {label}: content {build_ms:7.1f}  DOCX {docx_ms:7.1f} ({len(docx_data) // 1024} KiB)"
                         f"  PDF {pdf_ms:7.1f} ({len(pdf_data) // 1024} KiB)")
        for size in (100, 300):
            bloc, quarter = f.large_bloc(size)
            build_ms, report = timed(lambda b=bloc, q=quarter: report_content(b, q, number=3, issued_on=day),
                                     repeat=3)
            docx_ms, _ = timed(lambda r=report: render_docx(r), repeat=3)
            pdf_ms, pdf_data = timed(lambda r=report: render_pdf(r), repeat=3)
            lines.append(f"  consolidated report, {size} bodies: consolidate+content {build_ms:7.1f}  "
                         f"DOCX {docx_ms:7.1f}  PDF {pdf_ms:7.1f} ({len(pdf_data) // 1024} KiB)")
        for count in (50, 200):
            started = time.perf_counter()
            for _ in range(count):
                issue_notice(record.meeting, issued_on=day, render=False)
            per = (time.perf_counter() - started) * 1000 / count
            lines.append(f"  taking a number + storing the record ({count} in a row): {per:6.1f} per notice")
        started = time.perf_counter()
        issue_notice(record.meeting, issued_on=day)
        lines.append(f"  issuing one notice with both files stored: {(time.perf_counter() - started) * 1000:7.1f}")
    finally:
        benchdb.drop(database)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
