"""CPU and wall time of issuing a one-page letter, as a worker or a web process does it: the
draft filled from a demo child's file, then ``letter_issue`` (lock the draft, take the next
number, WeasyPrint with PDF/UA-1, write the file, save the row).

Run by hand, with the project's environment, after loading the demo:

    .venv/bin/python manage.py load_demo
    .venv/bin/python bench/letters.py [--runs 9]

It prints the first issue of the fresh process (fonts and stylesheet cold), then the median
of the following ones, for drafting and for issuing, in wall-clock and CPU seconds, and the
pages of the PDF. Everything it writes is rolled back, and its files go to a temporary folder.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welfare.settings")
    import django

    django.setup()


def timed(function):
    """Wall-clock and CPU seconds of ``function()``, and what it returned."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


class Rollback(Exception):
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="issues after the first (9)")
    arguments = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.db import transaction
    from django.utils import timezone
    from pypdf import PdfReader

    from letters import services
    from letters.models import LetterTemplate
    from welfare.models import Child

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="bench-letters-")
    template = LetterTemplate.objects.get(code="transmission-rapport-situation")
    child = Child.objects.active_base().exclude(referent=None).filter(guardians__isnull=False)
    child = child.order_by("pk").first()
    if child is None:
        sys.exit("Chargez d'abord la démonstration : manage.py load_demo")
    drafts, issues, pages = [], [], set()
    try:
        with transaction.atomic():
            for _ in range(arguments.runs + 1):
                draft = timed(
                    lambda: services.letter_draft_create(
                        template=template,
                        record=child,
                        author=child.referent,
                        today=timezone.localdate(),
                    )
                )
                drafts.append(draft[:2])
                letter = draft[2]
                issue = timed(
                    lambda letter=letter: services.letter_issue(letter=letter, by=child.referent)
                )
                issues.append(issue[:2])
                with issue[2].pdf.open("rb") as handle:
                    pages.add(len(PdfReader(BytesIO(handle.read())).pages))
            raise Rollback
    except Rollback:
        pass

    def line(label, samples):
        first = samples[0]
        wall = statistics.median(sample[0] for sample in samples[1:])
        cpu = statistics.median(sample[1] for sample in samples[1:])
        print(
            f"{label:8} first {first[1]:.3f} s CPU / {first[0]:.3f} s wall; "
            f"median {cpu:.3f} s CPU / {wall:.3f} s wall"
        )

    print(f"{arguments.runs + 1} letters of {sorted(pages)} page(s)")
    line("draft", drafts)
    line("issue", issues)


if __name__ == "__main__":
    main()
