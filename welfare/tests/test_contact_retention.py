"""Closed requests lose their personal data after the retention period; the beat runs the jobs."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from welfare import tasks
from welfare.celery import app
from welfare.contact_enums import ContactEventKind, ContactStatus
from welfare.models import ContactRequest
from welfare.services.contact import contact_emails_send_pending
from welfare.tests.contact_factories import ContactReplyFactory, ContactRequestFactory

pytestmark = pytest.mark.django_db


def closed_days_ago(days, **fields):
    return ContactRequestFactory(
        status=ContactStatus.CLOSED, closed_at=timezone.now() - timedelta(days=days), **fields
    )


def test_requests_closed_longer_than_the_retention_period_are_anonymised(settings):
    settings.CONTACT_RETENTION_DAYS = 365
    expired = closed_days_ago(
        366, last_name="Durand", first_name="Camille", postal_address="3 rue des Lilas"
    )
    reply = ContactReplyFactory(contact_request=expired)

    assert tasks.contact_requests_anonymise_expired() == 1

    expired.refresh_from_db()
    reply.refresh_from_db()
    personal = (expired.message, expired.email, expired.last_name, expired.first_name)
    assert personal == ("", "", "", "")
    assert expired.postal_address == reply.body == ""
    assert expired.anonymised_at is not None
    assert expired.events.filter(kind=ContactEventKind.ANONYMISED).exists()


def test_it_keeps_what_the_figures_need(settings):
    expired = closed_days_ago(settings.CONTACT_RETENTION_DAYS + 1)
    tasks.contact_requests_anonymise_expired()
    kept = ContactRequest.objects.get()
    assert (kept.reference, kept.topic, kept.status, kept.created_at) == (
        expired.reference,
        expired.topic,
        ContactStatus.CLOSED,
        expired.created_at,
    )


def test_recent_closed_and_open_requests_are_kept(settings):
    settings.CONTACT_RETENTION_DAYS = 365
    recent = closed_days_ago(300)
    still_open = ContactRequestFactory(created_at=timezone.now() - timedelta(days=900))
    assert tasks.contact_requests_anonymise_expired() == 0
    for contact_request in (recent, still_open):
        contact_request.refresh_from_db()
        assert contact_request.email
        assert contact_request.anonymised_at is None


def test_the_period_is_read_from_the_settings(settings):
    settings.CONTACT_RETENTION_DAYS = 30
    closed_days_ago(31)
    assert tasks.contact_requests_anonymise_expired() == 1


def test_an_anonymised_request_is_not_anonymised_again(settings):
    closed_days_ago(settings.CONTACT_RETENTION_DAYS + 1)
    tasks.contact_requests_anonymise_expired()
    assert tasks.contact_requests_anonymise_expired() == 0


def test_an_anonymised_request_gets_no_e_mail(settings, departement, mailoutbox):
    expired = closed_days_ago(settings.CONTACT_RETENTION_DAYS + 1)
    ContactReplyFactory(contact_request=expired)
    tasks.contact_requests_anonymise_expired()
    assert contact_emails_send_pending() == 0
    assert mailoutbox == []


def test_the_inbox_says_the_data_were_anonymised(client, reception, departement, settings):
    expired = closed_days_ago(settings.CONTACT_RETENTION_DAYS + 1)
    tasks.contact_requests_anonymise_expired()
    client.force_login(reception)
    content = client.get(reverse("contact_request_detail", args=[expired.public_id])).content
    assert "Les données personnelles de cette demande ont été anonymisées" in content.decode()


def test_the_database_refuses_to_anonymise_an_open_request():
    with pytest.raises(IntegrityError):
        ContactRequestFactory(anonymised_at=timezone.now())


def test_the_database_refuses_a_closed_request_without_its_date():
    with pytest.raises(IntegrityError):
        ContactRequestFactory(status=ContactStatus.CLOSED, closed_at=None)


@pytest.mark.parametrize(
    "task",
    [
        "welfare.tasks.contact_emails_send_pending",
        "welfare.tasks.contact_requests_anonymise_expired",
    ],
)
def test_the_beat_schedule_runs_the_periodic_jobs(settings, task):
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert task in scheduled
    assert task in app.tasks
