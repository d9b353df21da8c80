"""Asking for a PDF from a page, following it, trying again, downloading it: per role."""

from html import unescape
from unittest import mock

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from schemes.enums import ReportStatus
from schemes.models import Report
from schemes.tests.factories import BudgetFactory, ReportFactory, SchemeFactory

pytestmark = pytest.mark.django_db

# The cast's fixture names of the roles that may not have plan and budget reports.
FORBIDDEN = ["referent_nord", "prevention_officer", "reception", "administrator"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def sent():
    """The ids the pages sent to the workers (the task's ``delay``)."""
    with mock.patch("schemes.tasks.report_render.delay") as delay:
        yield delay


@pytest.fixture
def scheme(departement):
    return SchemeFactory()


def ask_plan(client, scheme, capture):
    with capture(execute=True):
        return client.post(reverse("reports:request"), {"kind": "plan", "scheme": scheme.pk})


def done_report(scheme, media_root, **fields):
    path = media_root / "rapports" / "plan.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.7 rapport")
    return ReportFactory(
        parameters={"scheme": scheme.pk},
        status=ReportStatus.DONE,
        file="rapports/plan.pdf",
        started_at=timezone.now(),
        finished_at=timezone.now(),
        **fields,
    )


def test_the_directorate_asks_for_a_plan_report_sent_to_the_workers_on_commit(
    client, directorate, scheme, sent, django_capture_on_commit_callbacks
):
    client.force_login(directorate)
    response = ask_plan(client, scheme, django_capture_on_commit_callbacks)
    report = Report.objects.get()
    assert response.url == reverse("schemes:scheme_detail", args=[scheme.pk]) + "#rapport-pdf"
    assert (report.kind, report.parameters, report.status) == (
        "plan",
        {"scheme": scheme.pk},
        ReportStatus.QUEUED,
    )
    assert report.requested_by == directorate
    assert report.title == str(scheme)
    sent.assert_called_once_with(report.pk)


def test_a_territory_manager_asks_for_a_budget_report(
    client, responsable_nord, departement, sent, django_capture_on_commit_callbacks
):
    BudgetFactory(year=2023)
    client.force_login(responsable_nord)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:request"), {"kind": "budget", "year": "2023"})
    assert Report.objects.get().parameters == {"year": 2023}
    sent.assert_called_once()


def test_an_equal_request_while_the_job_is_queued_reuses_it(
    client, directorate, responsable_nord, scheme, sent, django_capture_on_commit_callbacks
):
    client.force_login(directorate)
    ask_plan(client, scheme, django_capture_on_commit_callbacks)
    client.force_login(responsable_nord)
    response = ask_plan(client, scheme, django_capture_on_commit_callbacks)
    assert Report.objects.count() == 1
    assert sent.call_count == 1
    assert "déjà en cours" in str(list(response.wsgi_request._messages)[-1])


def test_an_equal_request_while_the_job_is_running_reuses_it(
    client, directorate, scheme, sent, django_capture_on_commit_callbacks
):
    running = ReportFactory(parameters={"scheme": scheme.pk}, status=ReportStatus.RUNNING)
    client.force_login(directorate)
    ask_plan(client, scheme, django_capture_on_commit_callbacks)
    assert list(Report.objects.all()) == [running]
    sent.assert_not_called()


def test_a_request_once_the_last_job_is_done_starts_a_new_one(
    client, directorate, scheme, sent, media_root, django_capture_on_commit_callbacks
):
    done_report(scheme, media_root)
    client.force_login(directorate)
    ask_plan(client, scheme, django_capture_on_commit_callbacks)
    assert Report.objects.filter(status=ReportStatus.QUEUED).count() == 1
    sent.assert_called_once()


def test_the_database_refuses_two_pending_jobs_for_the_same_inputs(scheme):
    ReportFactory(parameters={"scheme": scheme.pk})
    with pytest.raises(IntegrityError):
        ReportFactory(parameters={"scheme": scheme.pk}, status=ReportStatus.RUNNING)


@pytest.mark.parametrize("role", FORBIDDEN)
def test_other_roles_cannot_ask_for_a_report(client, request, role, scheme, sent):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("reports:request"), {"kind": "plan", "scheme": scheme.pk})
    assert response.status_code == 404
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{"kind": "plan", "scheme": "abc"}, {"kind": "plan", "scheme": "999999"}, {"kind": "x"}, {}],
)
def test_a_tampered_request_answers_404(client, directorate, scheme, data, sent):
    client.force_login(directorate)
    assert client.post(reverse("reports:request"), data).status_code == 404
    assert not Report.objects.exists()


def test_asking_is_a_post(client, directorate, scheme):
    client.force_login(directorate)
    assert client.get(reverse("reports:request")).status_code == 405


def test_the_plan_page_offers_the_report(client, directorate, scheme):
    client.force_login(directorate)
    response = client.get(reverse("schemes:scheme_detail", args=[scheme.pk]))
    assert "Demander le rapport PDF" in response.content.decode()


def test_the_budget_page_shows_the_reports_status_and_polls_it(client, directorate, departement):
    BudgetFactory(year=2023)
    report = ReportFactory(kind="budget", parameters={"year": 2023})
    client.force_login(directorate)
    page = client.get(reverse("schemes:budget_detail", args=[2023])).content.decode()
    assert f'hx-get="{reverse("reports:status", args=[report.public_id])}"' in page
    assert 'hx-trigger="every 2s"' in page


def test_the_status_fragment_polls_while_the_job_is_queued(client, directorate, scheme):
    report = ReportFactory(parameters={"scheme": scheme.pk})
    client.force_login(directorate)
    fragment = client.get(reverse("reports:status", args=[report.public_id])).content.decode()
    assert 'hx-trigger="every 2s"' in fragment
    assert "En file d'attente" in unescape(fragment)


def test_the_status_fragment_stops_polling_and_links_the_file_once_done(
    client, directorate, scheme, media_root
):
    report = done_report(scheme, media_root)
    client.force_login(directorate)
    fragment = client.get(reverse("reports:status", args=[report.public_id])).content.decode()
    assert "hx-trigger" not in fragment
    assert reverse("reports:download", args=[report.public_id]) in fragment


def test_a_failed_job_shows_its_reason_and_a_retry_button(client, directorate, scheme):
    report = ReportFactory(
        parameters={"scheme": scheme.pk},
        status=ReportStatus.FAILED,
        error_message="Police introuvable",
    )
    client.force_login(directorate)
    fragment = client.get(reverse("reports:status", args=[report.public_id])).content.decode()
    assert "hx-trigger" not in fragment
    assert "Police introuvable" in fragment
    assert reverse("reports:retry", args=[report.public_id]) in fragment
    assert "Réessayer" in fragment


def test_the_status_fragment_makes_the_same_queries_whatever_the_reports(
    client, directorate, scheme, django_assert_num_queries
):
    report = ReportFactory(parameters={"scheme": scheme.pk}, requested_by=directorate)
    client.force_login(directorate)
    url = reverse("reports:status", args=[report.public_id])
    # session, user, the report with its requester; then the session's renewal (savepoint,
    # update, release)
    with django_assert_num_queries(6):
        client.get(url)
    ReportFactory.create_batch(5, requested_by=directorate)
    with django_assert_num_queries(6):
        client.get(url)


@pytest.mark.parametrize("role", FORBIDDEN)
def test_other_roles_cannot_follow_a_report(client, request, role, scheme):
    report = ReportFactory(parameters={"scheme": scheme.pk})
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("reports:status", args=[report.public_id])).status_code == 404


def test_retrying_a_failed_job_queues_it_again(
    client, directorate, scheme, sent, django_capture_on_commit_callbacks
):
    report = ReportFactory(
        parameters={"scheme": scheme.pk},
        status=ReportStatus.FAILED,
        error_message="Erreur",
        attempts=4,
    )
    client.force_login(directorate)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:retry", args=[report.public_id]))
    report.refresh_from_db()
    assert (report.status, report.attempts, report.error_message) == (ReportStatus.QUEUED, 0, "")
    sent.assert_called_once_with(report.pk)


def test_retrying_while_an_equal_job_is_queued_reuses_that_job(
    client, directorate, scheme, sent, django_capture_on_commit_callbacks
):
    failed = ReportFactory(
        parameters={"scheme": scheme.pk}, status=ReportStatus.FAILED, error_message="Erreur"
    )
    ReportFactory(parameters={"scheme": scheme.pk})
    client.force_login(directorate)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:retry", args=[failed.public_id]))
    failed.refresh_from_db()
    assert failed.status == ReportStatus.FAILED
    sent.assert_not_called()


def test_the_file_is_downloaded_as_an_attachment_never_cached(
    client, directorate, scheme, media_root
):
    report = done_report(scheme, media_root)
    client.force_login(directorate)
    response = client.get(reverse("reports:download", args=[report.public_id]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 rapport"
    response.close()
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_a_territory_manager_downloads_a_report_the_directorate_asked_for(
    client, directorate, responsable_nord, scheme, media_root
):
    report = done_report(scheme, media_root, requested_by=directorate)
    client.force_login(responsable_nord)
    response = client.get(reverse("reports:download", args=[report.public_id]))
    assert response.status_code == 200
    response.close()


@pytest.mark.parametrize("role", FORBIDDEN)
def test_other_roles_cannot_download_the_file(client, request, role, scheme, media_root):
    report = done_report(scheme, media_root)
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("reports:download", args=[report.public_id])).status_code == 404


def test_nobody_logged_out_downloads_the_file(client, scheme, media_root):
    report = done_report(scheme, media_root)
    response = client.get(reverse("reports:download", args=[report.public_id]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_report_not_done_has_nothing_to_download(client, directorate, scheme):
    report = ReportFactory(parameters={"scheme": scheme.pk})
    client.force_login(directorate)
    assert client.get(reverse("reports:download", args=[report.public_id])).status_code == 404


def test_a_report_whose_file_is_gone_answers_404(client, directorate, scheme, media_root):
    report = done_report(scheme, media_root)
    (media_root / "rapports" / "plan.pdf").unlink()
    client.force_login(directorate)
    assert client.get(reverse("reports:download", args=[report.public_id])).status_code == 404


def test_the_list_shows_the_requesters_own_reports(
    client, directorate, responsable_nord, scheme, media_root
):
    mine = done_report(scheme, media_root, requested_by=directorate)
    ReportFactory(requested_by=responsable_nord)
    client.force_login(directorate)
    response = client.get(reverse("reports:list"))
    assert [row[0] for row in response.context["rows"]] == [mine]
    assert reverse("reports:download", args=[mine.public_id]) in response.content.decode()


def test_the_list_makes_the_same_queries_whatever_the_number_of_reports(
    client, directorate, departement, django_assert_num_queries
):
    ReportFactory(requested_by=directorate)
    client.force_login(directorate)
    # session, user, count for the pagination, the reports, the identity, then the session's
    # renewal (savepoint, update, release)
    with django_assert_num_queries(8):
        client.get(reverse("reports:list"))
    ReportFactory.create_batch(5, requested_by=directorate)
    with django_assert_num_queries(8):
        response = client.get(reverse("reports:list"))
    assert len(response.context["rows"]) == 6


def test_the_administrator_reads_the_jobs_in_the_admin(client, administrator, scheme):
    ReportFactory(parameters={"scheme": scheme.pk}, title="Rapport du plan enfance")
    client.force_login(administrator)
    response = client.get(reverse("admin:schemes_report_changelist"))
    assert "Rapport du plan enfance" in response.content.decode()


def test_the_list_says_every_page_a_report_is_asked_from(client, directorate, departement):
    # The dashboard's PDFs are listed too: the page named only plans and budgets.
    client.force_login(directorate)
    text = " ".join(client.get(reverse("reports:list")).content.decode().split())
    assert (
        "Un rapport se demande depuis la page d&#x27;un schéma ou plan, la page d&#x27;un "
        "budget ou le tableau de bord." in text
    )
