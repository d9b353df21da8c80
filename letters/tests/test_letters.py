"""A letter from a file: drafted with the file's data, edited, issued as a numbered PDF kept in
the file, its sending recorded (closing the deadline it answers), scoped and traced."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from letters import closing, services
from letters.enums import Channel, LetterStatus
from letters.models import Letter
from letters.tests.support import (
    carer_to_renew,
    child_in_care,
    pdf_text,
    stored_pdf,
    template,
)
from placements.models import Agrement
from prevention.tests.factories import ConcernFactory
from welfare.enums import AccessPurpose, DocumentKind
from welfare.models import AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(nord, referent_nord, departement):
    return child_in_care(
        territory=nord, referent=referent_nord, first_name="Léa", last_name="Fontaine"
    )


def draft(child, user, code="transmission-rapport-situation"):
    return services.letter_draft_create(
        template=template(code), record=child, author=user, today=timezone.localdate()
    )


def issued(letter, user):
    return services.letter_issue(letter=letter, by=user)


def test_a_caseworker_drafts_a_letter_filled_with_the_file_s_data(client, referent_nord, child):
    client.force_login(referent_nord)
    url = reverse("letters:child_letters", args=[child.public_id])
    response = client.post(url, {"template": template("transmission-rapport-situation").pk})

    letter = Letter.objects.get(child=child)
    assert response.url == reverse("letters:detail", args=[letter.public_id])
    assert letter.status == LetterStatus.DRAFT and letter.number is None
    assert letter.subject == "Rapport de situation – Léa FONTAINE (JE 26/0042)"
    assert letter.recipient == "Madame, Monsieur le Juge des enfants\nTJ de Dole"
    assert f"{referent_nord}, référent(e) de l'enfant" in letter.body
    assert "[à compléter]" not in letter.body


def test_choosing_no_template_is_refused_next_to_the_field(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.post(reverse("letters:child_letters", args=[child.public_id]), {})
    assert response.status_code == 200
    assert response.context["form"].errors == {"template": ["Choisissez le modèle du courrier."]}


def test_a_template_awaiting_its_preview_is_not_offered(client, referent_nord, child):
    waiting = template("convocation-rencontre")
    waiting.previewed_at = None
    waiting.save()
    client.force_login(referent_nord)
    response = client.post(
        reverse("letters:child_letters", args=[child.public_id]), {"template": waiting.pk}
    )
    assert "template" in response.context["form"].errors
    assert not Letter.objects.exists()


def test_editing_the_draft_changes_the_pdf(client, referent_nord, child):
    letter = draft(child, referent_nord)
    client.force_login(referent_nord)
    before = pdf_text(client.get(reverse("letters:pdf", args=[letter.public_id])).content)
    assert "Rendez-vous fixé" not in before

    client.post(
        reverse("letters:detail", args=[letter.public_id]),
        {
            "recipient": letter.recipient,
            "subject": letter.subject,
            "body": letter.body + "\n\nRendez-vous fixé le 12 janvier à 10 h.",
        },
    )
    after = pdf_text(client.get(reverse("letters:pdf", args=[letter.public_id])).content)
    assert "Rendez-vous fixé le 12 janvier à 10 h." in after

    issued_letter = issued(Letter.objects.get(pk=letter.pk), referent_nord)
    kept = pdf_text(stored_pdf(issued_letter))
    assert "Rendez-vous fixé le 12 janvier à 10 h." in kept
    assert f"Réf. {issued_letter.number}" in kept


def test_an_empty_draft_is_refused_next_to_the_field(client, referent_nord, child):
    letter = draft(child, referent_nord)
    client.force_login(referent_nord)
    response = client.post(
        reverse("letters:detail", args=[letter.public_id]),
        {"recipient": "", "subject": "Objet", "body": ""},
    )
    assert response.context["draft_form"].errors == {"body": ["Le courrier ne peut être vide."]}


def test_issuing_numbers_the_letter_in_a_yearly_sequence_and_keeps_who_and_when(
    client, referent_nord, child
):
    client.force_login(referent_nord)
    first = draft(child, referent_nord)
    client.post(reverse("letters:issue", args=[first.public_id]))
    second = issued(draft(child, referent_nord, "attestation-prise-en-charge"), referent_nord)

    first.refresh_from_db()
    year = timezone.localdate().year
    assert (first.number, second.number) == (f"{year}-00001", f"{year}-00002")
    assert first.status == LetterStatus.ISSUED
    assert first.issued_by == referent_nord and first.issued_at is not None
    assert first.pdf.name.endswith(f"courrier-{year}-00001.pdf")
    assert pdf_text(stored_pdf(first)).startswith("Département du Jura")


def test_an_issued_letter_can_no_longer_be_edited(client, referent_nord, child):
    letter = issued(draft(child, referent_nord), referent_nord)
    client.force_login(referent_nord)
    client.post(
        reverse("letters:detail", args=[letter.public_id]),
        {"recipient": "x", "subject": "Changé", "body": "Changé"},
    )
    letter.refresh_from_db()
    assert letter.subject.startswith("Rapport de situation")
    with pytest.raises(Exception, match="déjà émis"):
        services.letter_draft_update(letter=letter, recipient="", subject="x", body="x")


def test_sending_the_cover_letter_marks_the_situation_report_sent_to_the_judge(
    client, referent_nord, child
):
    letter = issued(draft(child, referent_nord), referent_nord)
    today = timezone.localdate()
    client.force_login(referent_nord)
    response = client.post(
        reverse("letters:sending", args=[letter.public_id]),
        {"sent_on": today.strftime("%d/%m/%Y"), "channel": Channel.POST},
    )
    assert response.status_code == 302
    report = child.documents.get(kind=DocumentKind.SITUATION_REPORT)
    assert report.sent_to_judge_on == today
    letter.refresh_from_db()
    assert (letter.sent_on, letter.channel, letter.sending_recorded_by) == (
        today,
        Channel.POST,
        referent_nord,
    )


def test_sending_the_renewal_notice_closes_the_agrement_s_deadline(
    client, referent_nord, nord, departement
):
    carer, agrement = carer_to_renew(territory=nord)
    today = timezone.localdate()
    assert Agrement.objects.with_notice_late(today).get(pk=agrement.pk).notice_late
    client.force_login(referent_nord)
    client.post(
        reverse("letters:carer_letters", args=[carer.public_id]),
        {"template": template(closing.AGREMENT_RENEWAL_NOTICE).pk},
    )
    letter = Letter.objects.get(foster_carer=carer)
    client.post(reverse("letters:issue", args=[letter.public_id]))
    client.post(
        reverse("letters:sending", args=[letter.public_id]),
        {
            "sent_on": today.strftime("%d/%m/%Y"),
            "channel": Channel.REGISTERED,
            "tracking_number": "1A 234 567 8901 2",
        },
    )
    agrement.refresh_from_db()
    assert agrement.reminder_sent_on == today
    assert not Agrement.objects.with_notice_late(today).get(pk=agrement.pk).notice_late
    assert Letter.objects.get(pk=letter.pk).tracking_number == "1A 234 567 8901 2"


def test_a_letter_whose_template_closes_nothing_closes_nothing(referent_nord, child):
    letter = issued(draft(child, referent_nord, "attestation-prise-en-charge"), referent_nord)
    today = timezone.localdate()
    services.letter_record_sending(
        letter=letter, by=referent_nord, sent_on=today, channel=Channel.HAND, today=today
    )
    report = child.documents.get(kind=DocumentKind.SITUATION_REPORT)
    assert report.sent_to_judge_on is None


def test_a_registered_letter_needs_its_number(client, referent_nord, child):
    letter = issued(draft(child, referent_nord), referent_nord)
    client.force_login(referent_nord)
    response = client.post(
        reverse("letters:sending", args=[letter.public_id]),
        {"sent_on": timezone.localdate().strftime("%d/%m/%Y"), "channel": Channel.REGISTERED},
    )
    assert response.context["form"].errors == {
        "tracking_number": ["Indiquez le numéro du recommandé."]
    }
    assert Letter.objects.get(pk=letter.pk).sent_on is None


@pytest.mark.parametrize("sent_on", ["demain", "31/12/9999", ""])
def test_a_sending_date_that_cannot_be_is_refused_next_to_the_field(
    client, referent_nord, child, sent_on
):
    letter = issued(draft(child, referent_nord), referent_nord)
    client.force_login(referent_nord)
    if sent_on == "demain":
        sent_on = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(
        reverse("letters:sending", args=[letter.public_id]),
        {"sent_on": sent_on, "channel": Channel.POST},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["sent_on"]
    assert child.documents.get(kind=DocumentKind.SITUATION_REPORT).sent_to_judge_on is None


def test_a_sending_refused_by_its_deadline_records_nothing(referent_nord, child):
    child.documents.filter(kind=DocumentKind.SITUATION_REPORT).delete()
    letter = issued(draft(child, referent_nord), referent_nord)
    today = timezone.localdate()
    with pytest.raises(Exception, match="Aucun rapport de situation"):
        services.letter_record_sending(
            letter=letter, by=referent_nord, sent_on=today, channel=Channel.POST, today=today
        )
    assert Letter.objects.get(pk=letter.pk).sent_on is None


def test_the_parents_are_not_told_of_a_concern_of_grave_danger(
    client, prevention_officer, nord, departement
):
    concern = ConcernFactory(territory=nord, grave_danger=True)
    client.force_login(prevention_officer)
    response = client.post(
        reverse("letters:concern_letters", args=[concern.public_id]),
        {"template": template("information-parents-ip").pk},
    )
    assert "danger grave et immédiat" in str(response.context["form"].errors)
    assert "L226-2-1" in str(response.context["form"].errors)
    assert not Letter.objects.exists()


def test_the_parents_are_told_of_a_concern_under_evaluation(
    client, prevention_officer, nord, referent_nord, departement
):
    child = child_in_care(territory=nord, referent=referent_nord, last_name="Roux")
    concern = ConcernFactory(territory=nord)
    concern.children.add(child)
    client.force_login(prevention_officer)
    client.post(
        reverse("letters:concern_letters", args=[concern.public_id]),
        {"template": template("information-parents-ip").pk},
    )
    letter = Letter.objects.get(concern=concern)
    assert concern.reference in letter.body
    names, *address = letter.recipient.splitlines()
    assert set(names.split(" et ")) == {"Sophie ROUX", "Marc ROUX"}
    assert address == ["3 rue des Tilleuls", "39100 Dole"]


def test_a_draft_is_deleted_only_after_confirmation(client, referent_nord, child):
    letter = draft(child, referent_nord)
    client.force_login(referent_nord)
    url = reverse("letters:delete", args=[letter.public_id])
    assert "Supprimer le brouillon ?" in client.get(url).content.decode()
    assert Letter.objects.filter(pk=letter.pk).exists()
    client.post(url)
    assert not Letter.objects.filter(pk=letter.pk).exists()


def test_an_issued_letter_cannot_be_deleted(client, referent_nord, child):
    letter = issued(draft(child, referent_nord), referent_nord)
    client.force_login(referent_nord)
    client.post(reverse("letters:delete", args=[letter.public_id]))
    assert Letter.objects.filter(pk=letter.pk).exists()


# --- Scope and traces ---------------------------------------------------------------------------


def test_another_territory_s_letter_answers_404_and_the_attempt_is_noted(
    client, referent_nord, referent_sud, child
):
    letter = issued(draft(child, referent_nord), referent_nord)
    client.force_login(referent_sud)
    for name in ("letters:detail", "letters:pdf", "letters:sending", "letters:delete"):
        assert client.get(reverse(name, args=[letter.public_id])).status_code == 404
    assert client.get(reverse("letters:child_letters", args=[child.public_id])).status_code == 404
    refused = AccessLog.objects.filter(child=child, user=referent_sud)
    assert set(refused.values_list("purpose", flat=True)) == {AccessPurpose.REFUSED}
    assert refused.count() == 5


def test_another_territory_s_carer_answers_404(client, referent_sud, nord, departement):
    carer, _agrement = carer_to_renew(territory=nord)
    client.force_login(referent_sud)
    response = client.get(reverse("letters:carer_letters", args=[carer.public_id]))
    assert response.status_code == 404


def test_roles_without_files_are_refused_the_letters(client, directorate, reception, child):
    letter = draft(child, child.referent)
    for user in (directorate, reception):
        client.force_login(user)
        assert client.get(reverse("letters:detail", args=[letter.public_id])).status_code == 403


def test_opening_and_downloading_a_letter_are_traced(client, referent_nord, child):
    letter = issued(draft(child, referent_nord), referent_nord)
    client.force_login(referent_nord)
    client.get(reverse("letters:detail", args=[letter.public_id]))
    response = client.get(reverse("letters:pdf", args=[letter.public_id]))
    assert response["Content-Disposition"] == (
        f'attachment; filename="courrier-{letter.number}.pdf"'
    )
    assert response.content == stored_pdf(letter)
    rows = list(
        AccessLog.objects.filter(child=child, user=referent_nord)
        .order_by("pk")
        .values_list("purpose", "detail")
    )
    assert rows == [
        (AccessPurpose.FILE_OPENED, f"Courrier n° {letter.number}"),
        (AccessPurpose.DOWNLOAD, f"courrier-{letter.number}.pdf"),
    ]


def test_letter_pages_are_never_stored(client, referent_nord, child):
    letter = draft(child, referent_nord)
    client.force_login(referent_nord)
    response = client.get(reverse("letters:detail", args=[letter.public_id]))
    assert "no-store" in response["Cache-Control"]


# --- The file ------------------------------------------------------------------------------------


def test_the_file_shows_its_correspondence_in_the_timeline_and_a_courriers_section(
    client, referent_nord, child
):
    letter = issued(draft(child, referent_nord), referent_nord)
    today = timezone.localdate()
    services.letter_record_sending(
        letter=letter, by=referent_nord, sent_on=today, channel=Channel.EMAIL, today=today
    )
    client.force_login(referent_nord)
    page = client.get(reverse("children:detail", args=[child.public_id])).content.decode()
    assert f"Courrier n° {letter.number} émis : Rapport de situation" in page
    assert f"Courrier n° {letter.number} envoyé" in page
    assert reverse("letters:child_letters", args=[child.public_id]) in page
    assert "Rédiger un courrier" in page


def test_the_file_s_letters_cost_one_query_whatever_their_number(
    django_assert_num_queries, referent_nord, child
):
    from letters.timeline import letter_events, letter_section

    for _ in range(3):
        issued(draft(child, referent_nord, "attestation-prise-en-charge"), referent_nord)
    child.refresh_from_db()
    # 1. the child's letters with who issued them, shared by the timeline and the section
    with django_assert_num_queries(1):
        letter_events(child)
        letter_section(child, referent_nord)


def test_the_index_lists_the_letters_to_send_and_the_notices_due(
    client, django_assert_num_queries, referent_nord, nord, child
):
    carer, _agrement = carer_to_renew(territory=nord, last_name="Prost")
    for _ in range(3):
        issued(draft(child, referent_nord, "attestation-prise-en-charge"), referent_nord)
    client.force_login(referent_nord)
    # 1. session, 2. user, 3. count of the letters to send, 4. the letters of the page (the
    # concerns' children are prefetched only when a concern's letter is listed), 5. the access
    # log's insert, 6. the agréments due, 7. the Département (layout), 8. the user's territory
    # (layout), 9.-11. the session saved in its savepoint
    with django_assert_num_queries(11):
        response = client.get(reverse("letters:index"))
    page = response.content.decode()
    assert "PROST" in page
    assert page.count("<td>à noter</td>") == 3


def test_the_archivist_reads_an_archived_file_s_letters_by_title_only(
    client, archivist, referent_nord, child
):
    letter = issued(draft(child, referent_nord), referent_nord)
    type(child).objects.filter(pk=child.pk).update(archived_at=timezone.now())
    client.force_login(archivist)
    page = client.get(reverse("children:detail", args=[child.public_id])).content.decode()
    assert f"N° {letter.number} · {letter.subject}" in page
    assert reverse("letters:child_letters", args=[child.public_id]) not in page
    assert "Rédiger un courrier" not in page


def test_a_cover_letter_is_not_sent_before_the_report_was_shared_with_the_family(
    client, referent_nord, child
):
    """L223-5 al. 4 CASF: the report's content is shared with the parents and the child before
    it goes to the judge; without that day or a reason, the sending is refused and kept open."""
    child.documents.filter(kind=DocumentKind.SITUATION_REPORT).update(shared_with_family_on=None)
    letter = issued(draft(child, referent_nord), referent_nord)
    client.force_login(referent_nord)
    response = client.post(
        reverse("letters:sending", args=[letter.public_id]),
        {"sent_on": timezone.localdate().strftime("%d/%m/%Y"), "channel": Channel.POST},
    )
    assert response.status_code == 200
    assert "L223-5" in response.content.decode()
    letter.refresh_from_db()
    assert letter.sent_on is None
    assert child.documents.get(kind=DocumentKind.SITUATION_REPORT).sent_to_judge_on is None
