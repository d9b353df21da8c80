"""The public "Posez votre question" form: validation, anti-spam, confirmation."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from welfare.contact_enums import ContactEventKind, ContactTopic
from welfare.models import ContactRequest
from welfare.tests.contact_support import VALID_SUBMISSION, run_email_tasks_in_process

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_state(monkeypatch):
    cache.clear()
    run_email_tasks_in_process(monkeypatch)


def submit(client, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("public_contact"), {**VALID_SUBMISSION, **changes})


def test_the_form_opens_without_login(client, departement):
    response = client.get(reverse("public_contact"))
    assert response.status_code == 200
    assert "Posez votre question" in response.content.decode()


def test_it_shows_the_direction_contact_details_from_the_departement_record(client, departement):
    departement.opening_hours = "Du lundi au vendredi, de 9 h à 17 h"
    departement.save()
    content = client.get(reverse("public_contact")).content.decode()
    assert "17 rue Rouget de Lisle" in content
    assert "03 84 87 40 02" in content
    assert "enfance-famille@jura.fr" in content
    assert "Du lundi au vendredi, de 9 h à 17 h" in content


def test_a_request_with_only_email_and_message_is_accepted_and_confirmed(
    client, departement, mailoutbox, django_capture_on_commit_callbacks
):
    response = submit(client, django_capture_on_commit_callbacks)

    contact_request = ContactRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("public_contact_done")
    assert contact_request.topic == ContactTopic.OTHER
    assert contact_request.email == "camille.durand@example.org"
    assert contact_request.confirmation_sent_at is not None
    assert [message.to for message in mailoutbox] == [["camille.durand@example.org"]]


def test_the_thank_you_page_shows_the_reference(
    client, departement, django_capture_on_commit_callbacks
):
    submit(client, django_capture_on_commit_callbacks)
    response = client.get(reverse("public_contact_done"))
    assert ContactRequest.objects.get().reference in response.content.decode()


def test_the_thank_you_page_without_a_question_sends_back_to_the_form(client, departement):
    response = client.get(reverse("public_contact_done"))
    assert response.status_code == 302
    assert response.url == reverse("public_contact")


def test_the_confirmation_holds_the_reference_and_a_copy_of_the_question(
    client, departement, mailoutbox, django_capture_on_commit_callbacks
):
    submit(client, django_capture_on_commit_callbacks, message="Où déposer mon dossier & quand ?")
    reference = ContactRequest.objects.get().reference
    (message,) = mailoutbox
    assert reference in message.subject
    assert reference in message.body
    assert "Où déposer mon dossier & quand ?" in message.body
    assert message.reply_to == ["enfance-famille@jura.fr"]
    assert message.content_subtype == "plain"


def test_names_address_and_topic_are_kept_when_given(
    client, departement, django_capture_on_commit_callbacks
):
    submit(
        client,
        django_capture_on_commit_callbacks,
        topic=ContactTopic.ADOPTION,
        last_name="Durand",
        first_name="Camille",
        postal_address="3 rue des Lilas\n39100 Dole",
    )
    contact_request = ContactRequest.objects.get()
    assert contact_request.topic == ContactTopic.ADOPTION
    assert (contact_request.last_name, contact_request.first_name) == ("Durand", "Camille")
    assert contact_request.postal_address == "3 rue des Lilas\n39100 Dole"


def test_the_submission_starts_the_history(client, departement, django_capture_on_commit_callbacks):
    submit(client, django_capture_on_commit_callbacks)
    kinds = list(ContactRequest.objects.get().events.values_list("kind", flat=True))
    assert kinds == [ContactEventKind.RECEIVED, ContactEventKind.CONFIRMATION_SENT]


def test_an_invalid_email_gets_a_french_error_and_nothing_is_saved(
    client, departement, mailoutbox, django_capture_on_commit_callbacks
):
    response = submit(client, django_capture_on_commit_callbacks, email="camille.durand@")
    assert response.status_code == 200
    assert "Cette adresse électronique n&#x27;est pas valide" in response.content.decode()
    assert not ContactRequest.objects.exists()
    assert mailoutbox == []


def test_it_refuses_a_request_without_email(client, departement):
    response = client.post(reverse("public_contact"), {**VALID_SUBMISSION, "email": ""})
    assert "Indiquez votre adresse électronique" in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_a_question_is_answered_without_asking_consent(
    client, departement, django_capture_on_commit_callbacks
):
    # Answering is the public service's mission (RGPD art. 6.1.e): the form informs instead.
    content = client.get(reverse("public_contact")).content.decode()
    assert 'name="consent"' not in content
    assert "aucun accord ne vous est demandé" in content
    assert submit(client, django_capture_on_commit_callbacks).status_code == 302
    assert ContactRequest.objects.get().consent_at is None


def test_the_notice_states_purpose_retention_and_rights_with_the_dpos_address(
    client, departement, settings
):
    settings.CONTACT_RETENTION_DAYS = 730
    departement.dpo_email = "dpo@jura.fr"
    departement.save()
    text = " ".join(client.get(reverse("public_contact")).content.decode().split())
    assert "pour répondre à votre question" in text
    assert "anonymisées 2 ans après la clôture de votre demande" in text
    assert "vous opposer à leur traitement" in text
    assert '<a href="mailto:dpo@jura.fr">dpo@jura.fr</a>' in text


def test_without_a_dpo_address_the_notice_gives_the_departements(client, departement):
    content = client.get(reverse("public_contact")).content.decode()
    assert f'<a href="mailto:{departement.email}">{departement.email}</a>' in content


def test_when_the_dpo_requires_consent_the_box_must_be_ticked(
    client, departement, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_CONSENT_REQUIRED = True
    response = client.post(reverse("public_contact"), VALID_SUBMISSION)
    assert "sans votre accord, nous ne pouvons pas répondre" in response.content.decode()
    assert "retirer votre accord à tout moment" in response.content.decode()
    assert not ContactRequest.objects.exists()
    submit(client, django_capture_on_commit_callbacks, consent="on")
    assert ContactRequest.objects.get().consent_at is not None


def test_it_refuses_a_message_longer_than_5000_characters(client, departement):
    response = client.post(reverse("public_contact"), {**VALID_SUBMISSION, "message": "a" * 5001})
    assert "Votre question est trop longue : 5000 caractères au plus" in (response.content.decode())
    assert not ContactRequest.objects.exists()


def test_a_long_message_is_not_cut_by_the_browser_and_its_count_is_live(client, departement):
    content = client.get(reverse("public_contact")).content.decode()
    textarea = content.split('<textarea name="message"', 1)[1].split(">", 1)[0]
    assert "maxlength" not in textarea
    assert 'data-max-length="5000"' in textarea
    assert 'id="id_message_count" data-count-for="id_message" aria-live="polite"' in content


def test_line_breaks_count_one_character_as_the_visitor_sees_them(
    client, departement, django_capture_on_commit_callbacks
):
    # Browsers send each line break as CR LF: 4,901 letters and 99 line breaks are 5,000.
    message = "\r\n".join(["a" * 49] * 100) + "a"
    assert len(message.replace("\r\n", "\n")) == 5000
    assert submit(client, django_capture_on_commit_callbacks, message=message).status_code == 302
    assert ContactRequest.objects.get().message == message.replace("\r\n", "\n")


def test_it_refuses_a_topic_outside_the_list(client, departement):
    response = client.post(reverse("public_contact"), {**VALID_SUBMISSION, "topic": "piratage"})
    assert response.status_code == 200
    assert not ContactRequest.objects.exists()


def test_the_consent_box_states_purpose_and_retention(client, departement, settings):
    settings.CONTACT_CONSENT_REQUIRED = True
    settings.CONTACT_RETENTION_DAYS = 730
    content = client.get(reverse("public_contact")).content.decode()
    assert "pour répondre à ma question" in content
    assert "anonymisées 2 ans après la clôture de ma demande" in content


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, departement):
    content = client.get(reverse("public_contact")).content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in content
    assert 'tabindex="-1"' in content


def test_a_filled_honeypot_saves_nothing_and_looks_like_a_success(client, departement, mailoutbox):
    response = client.post(reverse("public_contact"), {**VALID_SUBMISSION, "site_web": "spam"})
    assert response.status_code == 200
    assert "Votre question a bien été envoyée" in response.content.decode()
    assert not ContactRequest.objects.exists()
    assert mailoutbox == []


def test_the_sixth_quick_submission_from_one_address_is_refused_in_french(
    client, departement, django_capture_on_commit_callbacks
):
    for _ in range(5):
        assert submit(client, django_capture_on_commit_callbacks).status_code == 302
    response = submit(client, django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert "Trop d'envois en peu de temps" in response.content.decode()
    assert response.headers["Retry-After"] == "600"
    assert ContactRequest.objects.count() == 5


def test_the_limit_counts_each_address_apart(
    client, departement, django_capture_on_commit_callbacks
):
    for _ in range(5):
        submit(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("public_contact"), VALID_SUBMISSION, REMOTE_ADDR="192.0.2.44"
        )
    assert response.status_code == 302


def test_behind_the_proxy_the_address_it_forwarded_is_limited(client, departement, settings):
    settings.BEHIND_HTTPS_PROXY = True
    settings.CONTACT_RATE_LIMIT = 1
    # The client forges the first entry; the proxy appends the address it really saw.
    client.post(
        reverse("public_contact"),
        VALID_SUBMISSION,
        HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7",
    )
    response = client.post(
        reverse("public_contact"),
        VALID_SUBMISSION,
        HTTP_X_FORWARDED_FOR="10.0.0.2, 198.51.100.7",
    )
    assert response.status_code == 429


def test_refused_submissions_do_not_count_towards_the_limit(
    client, departement, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_RATE_LIMIT = 1
    for _ in range(3):
        response = submit(client, django_capture_on_commit_callbacks, email="camille.durand@")
        assert response.status_code == 200
    assert submit(client, django_capture_on_commit_callbacks).status_code == 302
    assert submit(client, django_capture_on_commit_callbacks).status_code == 429


def test_a_topic_page_link_preselects_its_topic(client, departement):
    response = client.get(reverse("public_contact"), {"sujet": ContactTopic.FOSTER_CARER})
    assert response.context["form"]["topic"].value() == ContactTopic.FOSTER_CARER
