"""Time and memory of the PDF reports: the Ain plan report (40 actions) and the Jura 2023
budget report, each measured in a fresh process like a worker child.

Run by hand, with the project's environment, after loading the demo Département it needs:

    .venv/bin/python manage.py load_demo --departement ain
    .venv/bin/python bench/pdf_reports.py plan
    .venv/bin/python manage.py load_demo --departement jura
    .venv/bin/python bench/pdf_reports.py budget

For each report it prints:
- first job: the first job of a new process (font configuration, stylesheet, templates cold);
- job: the median of the following jobs through ``report_run`` (claim the row, query, render
  the template, WeasyPrint, write the file atomically, mark done): the full pipeline;
- WeasyPrint alone: the median on the same HTML, with the same options;
- overhead: job / WeasyPrint alone − 1;
- without PDF/UA: WeasyPrint alone without the tagged-PDF variant, to price it;
each in wall-clock and CPU seconds; then the peak RSS of the process (getrusage) and the peak
Python allocations of one job (tracemalloc).
Report rows and files made by the bench are removed at the end.
"""

import argparse
import multiprocessing
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welfare.settings")
    import django

    django.setup()


def timed(function):
    """Wall-clock and CPU seconds of ``function()``. CPU time is what one idle worker core
    would take; it stays meaningful on a machine busy with other work, wall time does not."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def medians(samples):
    return tuple(statistics.median(values) for values in zip(*samples, strict=True))


def target(which):
    """The kind and parameters of the report ``which``, or None when its demo is not loaded."""
    from schemes.models import Budget, Scheme
    from schemes.reports.documents import BUDGET, PLAN

    if which == "plan":
        scheme = Scheme.objects.filter(title="Plan Enfance 01").first()
        return scheme and (PLAN, {"scheme": scheme.pk})
    budget = Budget.objects.filter(year=2023).first()
    return budget and (BUDGET, {"year": 2023})


def measure(which, runs, queue):
    """Runs in a fresh process; puts a dict of figures on ``queue``."""
    setup_django()
    from django.conf import settings
    from pypdf import PdfReader
    from weasyprint import HTML

    from schemes.models import Report
    from schemes.reports.kinds import input_hash
    from schemes.reports.services import report_html, report_run
    from welfare.pdf import BASE_URL, StaticFilesFetcher, font_configuration

    found = target(which)
    if not found:
        queue.put(None)
        return
    kind, parameters = found
    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    made = []

    def job():
        report = Report.objects.create(
            kind=kind.name,
            title="bench",
            parameters=parameters,
            input_hash=input_hash(kind=kind.name, parameters=parameters),
        )
        made.append(report.pk)
        return report_run(report_id=report.pk)

    def weasyprint_alone(html, variant="pdf/ua-1"):
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
        return document.write_pdf(font_config=font_configuration(), pdf_variant=variant)

    try:
        first = timed(job)
        html = report_html(kind=kind, parameters=parameters)
        jobs, alone, plain = [], [], []
        # Interleaved, so that a burst of load elsewhere on the machine hits all three alike.
        for _ in range(runs):
            jobs.append(timed(job))
            alone.append(timed(lambda: weasyprint_alone(html)))
            plain.append(timed(lambda: weasyprint_alone(html, variant=None)))
        pages = len(PdfReader(BytesIO(weasyprint_alone(html))).pages)
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tracemalloc.start()
        job()
        peak_python = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    finally:
        Report.objects.filter(pk__in=made).delete()
        shutil.rmtree(settings.MEDIA_ROOT)
    queue.put(
        {
            "report": which,
            "pages": pages,
            "html_kib": len(html.encode()) // 1024,
            "first": first,
            "job": medians(jobs),
            "weasyprint": medians(alone),
            "without_ua": medians(plain),
            "peak_rss_mib": peak_rss,
            "peak_python_mib": peak_python,
        }
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", metavar="{plan,budget}", help="both by default")
    parser.add_argument("--runs", type=int, default=5, help="runs per median (5)")
    arguments = parser.parse_args()
    if not set(arguments.reports) <= {"plan", "budget"}:
        parser.error("reports are plan and budget")
    context = multiprocessing.get_context("spawn")
    for which in arguments.reports or ["plan", "budget"]:
        queue = context.Queue()
        process = context.Process(target=measure, args=(which, arguments.runs, queue))
        process.start()
        figures = queue.get()
        process.join()
        if figures is None:
            demo = "ain" if which == "plan" else "jura"
            print(f"{which}: not loaded, run `manage.py load_demo --departement {demo}` first")
            continue
        print(f"{which}: {figures['pages']} pages, HTML {figures['html_kib']} KiB")
        for index, clock in enumerate(("wall", "CPU")):
            job, alone, plain = (figures[key][index] for key in ("job", "weasyprint", "without_ua"))
            print(
                f"  {clock:>4}: first job {figures['first'][index]:.2f} s, job {job:.2f} s, "
                f"WeasyPrint alone {alone:.2f} s, overhead {job / alone - 1:+.0%}; "
                f"without PDF/UA {plain:.2f} s (PDF/UA costs {alone / plain - 1:+.0%})"
            )
        print(
            f"  peak RSS {figures['peak_rss_mib']:.0f} MiB, "
            f"peak Python allocations of a job {figures['peak_python_mib']:.1f} MiB"
        )


if __name__ == "__main__":
    main()
