"""In a browser, the administrator imports the example extract: dry run, its report, the
confirmation, the progress of the real run and its final report, axe-clean at 1280 and 375 px."""

import threading
from unittest import mock

import pytest
from django.db import connection

from records_import import services
from records_import.tests.conftest import EXAMPLE
from welfare.models import Child
from welfare.tests.browser import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def worker():
    """A worker beside the live server: each queued job runs in a thread of its own, while the
    page polls its progress."""
    threads = []

    def run(job_id):
        try:
            services.job_run(job_id=job_id)
        finally:
            connection.close()

    def delay(job_id):
        thread = threading.Thread(target=run, args=[job_id])
        threads.append(thread)
        thread.start()

    with mock.patch("records_import.tasks.import_job_run.delay", side_effect=delay):
        yield
    for thread in threads:
        thread.join()


@pytest.mark.parametrize("width", [1280, 375])
def test_the_administrator_imports_the_example_extract(
    page, live_server, administrator, mapped, worker, width
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, administrator)
    page.goto("/reprise/")
    assert_accessible(page)

    page.get_by_label("Nom de la source").fill("exemple")
    page.get_by_label("Fichiers de l'extraction").set_input_files(
        sorted(str(path) for path in EXAMPLE.iterdir())
    )
    page.get_by_role("button", name="Lancer l'essai à blanc").click()

    page.get_by_role("heading", name="Compte rendu par fichier").wait_for()
    table = page.get_by_role("table", name="Ce que l'import ferait, fichier par fichier")
    assert table.get_by_role("row", name="enfants.csv").get_by_role("cell").nth(1).inner_text() == (
        "9"
    )
    assert page.get_by_text("« 31/02/2015 » n'est pas une date").is_visible()
    assert not Child.objects.exists()
    assert_accessible(page)

    page.get_by_role("button", name="Lancer l'import").click()
    assert page.get_by_text("Cochez la case pour confirmer l'import.").is_visible()
    assert_accessible(page)
    page.get_by_label("J'ai lu le compte rendu").check()
    page.get_by_role("button", name="Lancer l'import").click()

    page.get_by_text("L'import est lancé : suivez sa progression ici.").wait_for()
    assert_accessible(page)
    page.get_by_role("heading", name="Compte rendu par fichier").wait_for(timeout=30_000)
    assert page.get_by_text("Ce que l'import a fait, fichier par fichier").is_visible()
    assert Child.objects.count() == 9
    assert_accessible(page)
