"""The staff inbox of the families' requests: access, list, handling, history, export."""

import json
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from welfare.contact_enums import ContactEventKind, ContactStatus, ContactTopic
from welfare.enums import Role
from welfare.models import ContactReply, ContactRequest
from welfare.tests.contact_factories import ContactReplyFactory, ContactRequestFactory
from welfare.tests.contact_support import run_email_tasks_in_process

pytestmark = pytest.mark.django_db

INBOX_ROLES = {Role.RECEPTION, Role.DIRECTORATE}


@pytest.fixture(autouse=True)
def email_tasks_in_process(monkeypatch):
    run_email_tasks_in_process(monkeypatch)


def detail_url(contact_request, name="contact_request_detail"):
    return reverse(name, args=[contact_request.public_id])


@pytest.mark.parametrize("role", list(Role))
def test_only_reception_and_directorate_reach_the_inbox(client, cast, departement, role):
    client.force_login(cast[role])
    response = client.get(reverse("contact_inbox"))
    assert response.status_code == (200 if role in INBOX_ROLES else 403)


@pytest.mark.parametrize("role", list(Role))
def test_only_reception_and_directorate_open_a_request(client, cast, departement, role):
    contact_request = ContactRequestFactory()
    client.force_login(cast[role])
    response = client.get(detail_url(contact_request))
    assert response.status_code == (200 if role in INBOX_ROLES else 403)


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("contact_inbox"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_inbox_pages_are_never_cached(client, reception, departement):
    # They show the families' messages and addresses: no copy may outlive the session.
    contact_request = ContactRequestFactory()
    client.force_login(reception)
    for url in [
        reverse("contact_inbox"),
        detail_url(contact_request),
        detail_url(contact_request, "contact_request_close"),
    ]:
        assert "no-store" in client.get(url)["Cache-Control"]
    export = client.post(detail_url(contact_request, "contact_request_export"))
    assert "no-store" in export["Cache-Control"]


@pytest.mark.parametrize("role", list(Role))
def test_the_navigation_shows_the_inbox_to_reception_and_directorate(
    client, cast, departement, role
):
    client.force_login(cast[role])
    content = client.get(reverse("home")).content.decode()
    assert ("Demandes des familles" in content) == (role in INBOX_ROLES)


def test_a_script_in_a_message_is_shown_as_text(client, reception, departement):
    contact_request = ContactRequestFactory(message="<script>alert('x')</script> Bonjour")
    client.force_login(reception)
    for url in (reverse("contact_inbox"), detail_url(contact_request)):
        content = client.get(url).content.decode()
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
        assert "<script>alert" not in content


def test_names_and_replies_are_escaped_too(client, reception, departement):
    contact_request = ContactRequestFactory(
        last_name="<b>Durand</b>", postal_address="<img src=x onerror=alert(1)>"
    )
    ContactReplyFactory(contact_request=contact_request, body="<i>réponse</i>")
    client.force_login(reception)
    content = client.get(detail_url(contact_request)).content.decode()
    assert "&lt;b&gt;Durand&lt;/b&gt;" in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content
    assert "&lt;i&gt;réponse&lt;/i&gt;" in content


def test_the_inbox_lists_the_newest_first(client, reception, departement):
    older = ContactRequestFactory(created_at=timezone.now() - timedelta(days=3))
    newer = ContactRequestFactory()
    client.force_login(reception)
    page = client.get(reverse("contact_inbox")).context["page"]
    assert list(page.object_list) == [newer, older]


def test_it_filters_by_status(client, reception, departement):
    ContactRequestFactory()
    closed = ContactRequestFactory(closed=True)
    client.force_login(reception)
    page = client.get(reverse("contact_inbox"), {"status": ContactStatus.CLOSED}).context["page"]
    assert list(page.object_list) == [closed]


def test_it_filters_by_topic(client, reception, departement):
    ContactRequestFactory(topic=ContactTopic.OTHER)
    adoption = ContactRequestFactory(topic=ContactTopic.ADOPTION)
    client.force_login(reception)
    page = client.get(reverse("contact_inbox"), {"topic": ContactTopic.ADOPTION}).context["page"]
    assert list(page.object_list) == [adoption]


def test_it_filters_by_date_received(client, reception, departement):
    now = timezone.now()
    ContactRequestFactory(created_at=now - timedelta(days=40))
    recent = ContactRequestFactory(created_at=now - timedelta(days=2))
    ContactRequestFactory(created_at=now)
    client.force_login(reception)
    filters = {
        "received_from": (now - timedelta(days=10)).date().isoformat(),
        "received_to": (now - timedelta(days=1)).date().isoformat(),
    }
    page = client.get(reverse("contact_inbox"), filters).context["page"]
    assert list(page.object_list) == [recent]


@pytest.mark.parametrize(
    "query",
    [
        {"received_from": "2026-13-45"},
        {"received_to": "hier"},
        {"status": "<script>"},
        {"topic": "inconnu"},
        {"page": "abc"},
        {"page": "999"},
        {"received_from": "2026-03-01", "received_to": "2026-02-01"},
    ],
)
def test_bad_filter_values_are_reported_not_crashed_on(client, reception, departement, query):
    ContactRequestFactory()
    client.force_login(reception)
    response = client.get(reverse("contact_inbox"), query)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1


def test_an_end_date_before_the_start_date_gets_a_french_error(client, reception, departement):
    client.force_login(reception)
    response = client.get(
        reverse("contact_inbox"), {"received_from": "2026-03-01", "received_to": "2026-02-01"}
    )
    assert "Cette date doit suivre la date de début." in response.content.decode()


def test_the_inbox_is_paginated_by_25(client, reception, departement):
    ContactRequestFactory.create_batch(26)
    client.force_login(reception)
    first = client.get(reverse("contact_inbox")).context["page"]
    second = client.get(reverse("contact_inbox"), {"page": 2}).context["page"]
    assert (len(first.object_list), len(second.object_list)) == (25, 1)


def test_the_pagination_keeps_the_filters(client, reception, departement):
    ContactRequestFactory.create_batch(26, topic=ContactTopic.ADOPTION)
    client.force_login(reception)
    content = client.get(reverse("contact_inbox"), {"topic": "adoption"}).content.decode()
    assert "?topic=adoption&amp;page=2" in content


def test_the_inbox_query_count_does_not_grow_with_rows(
    client, reception, departement, django_assert_num_queries
):
    first_rows = ContactRequestFactory.create_batch(3, assignee=reception)
    client.force_login(reception)
    # Session, user, count, Departement (layout), one page of requests joined to their
    # assignees, then the session renewed (savepoint, update, release).
    with django_assert_num_queries(8):
        client.get(reverse("contact_inbox"))
    ContactRequestFactory.create_batch(20, assignee=reception)
    with django_assert_num_queries(8):
        response = client.get(reverse("contact_inbox"))
    assert response.context["page"].paginator.count == len(first_rows) + 20


def test_an_unknown_request_is_404(client, reception, departement):
    client.force_login(reception)
    assert client.get(reverse("contact_request_detail", args=[uuid.uuid4()])).status_code == 404
    assert client.get("/espace/demandes/pas-un-uuid/").status_code == 404


def test_assigning_a_colleague_puts_the_request_in_progress(
    client, reception, directorate, departement
):
    contact_request = ContactRequestFactory()
    client.force_login(reception)
    response = client.post(
        detail_url(contact_request, "contact_request_assign"), {"assignee": directorate.pk}
    )
    assert response.status_code == 302
    contact_request.refresh_from_db()
    assert contact_request.assignee == directorate
    assert contact_request.status == ContactStatus.IN_PROGRESS
    event = contact_request.events.get(kind=ContactEventKind.ASSIGNED)
    assert (event.actor, event.assignee) == (reception, directorate)


def test_it_refuses_to_assign_a_request_to_a_caseworker(
    client, reception, referent_nord, departement
):
    contact_request = ContactRequestFactory()
    client.force_login(reception)
    response = client.post(
        detail_url(contact_request, "contact_request_assign"), {"assignee": referent_nord.pk}
    )
    assert response.status_code == 200
    assert "Cet agent ne traite pas les demandes des familles." in response.content.decode()
    contact_request.refresh_from_db()
    assert contact_request.assignee is None


def test_a_reply_is_stored_and_sent_by_email(
    client, reception, departement, mailoutbox, django_capture_on_commit_callbacks
):
    contact_request = ContactRequestFactory(email="famille@example.org")
    client.force_login(reception)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            detail_url(contact_request, "contact_request_reply"),
            {"body": "Une réunion d'information a lieu le 12 mars."},
        )
    assert response.status_code == 302
    reply = ContactReply.objects.get()
    assert (reply.contact_request, reply.author) == (contact_request, reception)
    assert reply.sent_at is not None
    contact_request.refresh_from_db()
    assert contact_request.status == ContactStatus.ANSWERED
    (message,) = mailoutbox
    assert message.to == ["famille@example.org"]
    assert "Une réunion d'information a lieu le 12 mars." in message.body
    assert contact_request.reference in message.subject


def test_an_empty_reply_gets_a_french_error(client, reception, departement):
    contact_request = ContactRequestFactory()
    client.force_login(reception)
    response = client.post(detail_url(contact_request, "contact_request_reply"), {"body": " "})
    assert response.status_code == 200
    assert "Écrivez votre réponse." in response.content.decode()
    assert not ContactReply.objects.exists()


def test_closing_asks_for_confirmation_first(client, reception, departement):
    contact_request = ContactRequestFactory()
    client.force_login(reception)
    response = client.get(detail_url(contact_request, "contact_request_close"))
    assert "Clôturer la demande" in response.content.decode()
    contact_request.refresh_from_db()
    assert contact_request.status == ContactStatus.NEW


def test_closing_records_the_date_and_who_closed(client, directorate, departement):
    contact_request = ContactRequestFactory()
    client.force_login(directorate)
    response = client.post(detail_url(contact_request, "contact_request_close"))
    assert response.status_code == 302
    contact_request.refresh_from_db()
    assert contact_request.status == ContactStatus.CLOSED
    assert contact_request.closed_at is not None
    assert contact_request.events.get(kind=ContactEventKind.CLOSED).actor == directorate


def test_a_closed_request_can_no_longer_be_answered(client, reception, departement):
    contact_request = ContactRequestFactory(closed=True)
    client.force_login(reception)
    response = client.post(
        detail_url(contact_request, "contact_request_reply"), {"body": "Trop tard"}, follow=True
    )
    assert "Cette demande est clôturée" in response.content.decode()
    assert not ContactReply.objects.exists()


def test_the_history_lists_every_step_with_its_author(
    client, reception, departement, django_capture_on_commit_callbacks
):
    client.force_login(reception)
    contact_request = ContactRequestFactory()
    url = detail_url(contact_request)
    client.post(detail_url(contact_request, "contact_request_assign"), {"assignee": reception.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail_url(contact_request, "contact_request_reply"), {"body": "Réponse"})
    client.post(detail_url(contact_request, "contact_request_close"))

    history = list(client.get(url).context["history"])
    assert [event.kind for event in history] == [
        ContactEventKind.ASSIGNED,
        ContactEventKind.REPLIED,
        ContactEventKind.REPLY_SENT,
        ContactEventKind.CLOSED,
    ]
    assert {event.actor for event in history} == {reception}


def test_the_export_downloads_the_persons_data_and_is_logged(client, directorate, departement):
    contact_request = ContactRequestFactory(
        email="famille@example.org", last_name="Durand", message="Ma question"
    )
    ContactReplyFactory(contact_request=contact_request, body="Notre réponse")
    client.force_login(directorate)
    response = client.post(detail_url(contact_request, "contact_request_export"))
    assert response["Content-Type"] == "application/json"
    assert f"demande-{contact_request.reference}.json" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["reference"] == contact_request.reference
    assert (data["adresse_electronique"], data["nom"]) == ("famille@example.org", "Durand")
    assert data["message"] == "Ma question"
    assert [reply["reponse"] for reply in data["reponses"]] == ["Notre réponse"]
    assert contact_request.events.get(kind=ContactEventKind.EXPORTED).actor == directorate


def test_the_export_is_refused_to_a_get(client, directorate, departement):
    contact_request = ContactRequestFactory()
    client.force_login(directorate)
    assert client.get(detail_url(contact_request, "contact_request_export")).status_code == 405
    assert not contact_request.events.exists()


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.ADMINISTRATOR])
@pytest.mark.parametrize(
    "name", ["contact_request_assign", "contact_request_reply", "contact_request_close"]
)
def test_other_roles_cannot_act_on_a_request(client, cast, departement, role, name):
    contact_request = ContactRequestFactory()
    client.force_login(cast[role])
    response = client.post(
        detail_url(contact_request, name), {"assignee": cast[role].pk, "body": "x"}
    )
    assert response.status_code == 403
    assert ContactRequest.objects.get().status == ContactStatus.NEW
    assert not contact_request.events.exists()


@pytest.mark.parametrize(
    ("body", "greetings"),
    [
        ("Bonjour,\n\nUne réunion d'information a lieu le 12 mars.", 1),
        ("Madame,\n\nUne réunion d'information a lieu le 12 mars.", 0),
        ("Une réunion d'information a lieu le 12 mars.", 1),
    ],
)
def test_the_reply_email_greets_the_family_once(
    client,
    reception,
    departement,
    mailoutbox,
    django_capture_on_commit_callbacks,
    body,
    greetings,
):
    contact_request = ContactRequestFactory(email="famille@example.org")
    client.force_login(reception)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail_url(contact_request, "contact_request_reply"), {"body": body})
    (message,) = mailoutbox
    assert message.body.count("Bonjour") == greetings
    assert message.body.lstrip().startswith(("Bonjour,", "Voici la réponse"))
