"""E-mails of the contact inbox survive broker and mail server outages, and go out only once."""

import smtplib
import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from welfare import tasks
from welfare.models import ContactRequest
from welfare.services.contact import contact_confirmation_send, contact_emails_send_pending
from welfare.tests.contact_factories import ContactRequestFactory
from welfare.tests.contact_support import VALID_SUBMISSION, run_email_tasks_in_process


class UnreachableMailServer(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class RefusesUnknownDomain(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            if message.to[0].endswith("@inconnu.example"):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"Unknown user")})
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def clean_state(db, monkeypatch):
    cache.clear()
    run_email_tasks_in_process(monkeypatch)


def submit(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("public_contact"), VALID_SUBMISSION)


def test_a_broker_outage_keeps_the_request_and_the_catch_up_sends_it_exactly_once(
    client, departement, mailoutbox, django_capture_on_commit_callbacks
):
    with mock.patch.object(
        tasks.contact_confirmation_send,
        "delay",
        side_effect=OperationalError("Error 111 connecting to 127.0.0.1:6379."),
    ):
        response = submit(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    contact_request = ContactRequest.objects.get()
    assert contact_request.confirmation_sent_at is None
    assert mailoutbox == []

    assert tasks.contact_emails_send_pending() == 1
    assert tasks.contact_emails_send_pending() == 0
    assert len(mailoutbox) == 1
    assert contact_request.reference in mailoutbox[0].subject


def test_a_mail_server_outage_keeps_the_request_unsent_until_it_recovers(
    client, departement, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with mock.patch.object(tasks.contact_confirmation_send, "delay") as delay:
        submit(client, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = f"{__name__}.UnreachableMailServer"
    # The worker takes the queued task while the mail server is down: the task fails...
    with pytest.raises(smtplib.SMTPServerDisconnected):
        tasks.contact_confirmation_send(*delay.call_args.args)
    # ...and so does the catch-up, quietly, keeping the request pending.
    assert tasks.contact_emails_send_pending() == 0
    assert ContactRequest.objects.get().confirmation_sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert tasks.contact_emails_send_pending() == 1
    assert tasks.contact_emails_send_pending() == 0
    assert len(mailoutbox) == 1
    assert ContactRequest.objects.get().confirmation_sent_at is not None


def test_an_address_the_server_refuses_does_not_hold_back_the_others(
    departement, mailoutbox, settings
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusesUnknownDomain"
    ContactRequestFactory(email="personne@inconnu.example")
    accepted = ContactRequestFactory()

    assert contact_emails_send_pending() == 1
    assert [message.to for message in mailoutbox] == [[accepted.email]]


def test_a_reply_survives_a_broker_outage_and_is_sent_once(
    client, departement, mailoutbox, reception, django_capture_on_commit_callbacks
):
    contact_request = ContactRequestFactory(confirmation_sent_at=timezone.now())
    client.force_login(reception)
    with (
        mock.patch.object(tasks.contact_reply_send, "delay", side_effect=OperationalError) as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            reverse("contact_request_reply", args=[contact_request.public_id]),
            {"body": "Voici notre réponse."},
        )
    assert response.status_code == 302
    reply = contact_request.replies.get()
    delay.assert_called_once_with(reply.pk)
    assert mailoutbox == []

    assert tasks.contact_emails_send_pending() == 1
    assert tasks.contact_emails_send_pending() == 0
    (message,) = mailoutbox
    assert "Voici notre réponse." in message.body
    reply.refresh_from_db()
    assert reply.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_a_confirmation_locked_by_another_worker_is_skipped_not_sent_twice(departement, mailoutbox):
    contact_request = ContactRequestFactory()
    locked, release = threading.Event(), threading.Event()

    def another_worker_sending_it():
        try:
            with transaction.atomic():
                ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    worker = threading.Thread(target=another_worker_sending_it)
    worker.start()
    assert locked.wait(10)
    try:
        assert contact_confirmation_send(contact_request_id=contact_request.pk) is False
    finally:
        release.set()
        worker.join()
    assert mailoutbox == []


def test_a_send_cut_short_by_a_dead_worker_is_caught_up_within_a_minute(
    settings, departement, mailoutbox
):
    # The dead worker's lock went with its connection; only the catch-up sends the e-mail now.
    ContactRequestFactory()
    schedule = settings.CELERY_BEAT_SCHEDULE["contact-send-pending-emails"]
    assert schedule["schedule"] <= timedelta(minutes=1)
    assert tasks.contact_emails_send_pending() == 1
    assert len(mailoutbox) == 1
