"""The Département's templates: refused at save when they reach outside their fields or are
broken (with the line), previewed on a fictitious file before they are offered."""

import pytest
from django.urls import reverse

from letters.enums import FileKind, RecipientKind
from letters.models import LetterTemplate
from letters.tests.support import pdf_text

pytestmark = pytest.mark.django_db


def posted(**changes):
    values = {
        "name": "Rappel de rendez-vous",
        "code": "rappel-rendez-vous",
        "file_kind": FileKind.CHILD,
        "recipient_kind": RecipientKind.PARENTS,
        "subject": "Rendez-vous pour {{ enfant_prenom }}",
        "body": "Madame, Monsieur,\n\nNous attendons {{ enfant_prenom }} {{ enfant_nom }}.",
        "legal_reference": "",
        "active": "on",
    }
    return {**values, **changes}


def test_the_directorate_creates_a_template_then_validates_its_preview(client, directorate):
    client.force_login(directorate)
    response = client.post(reverse("letters:template_create"), posted())
    created = LetterTemplate.objects.get(code="rappel-rendez-vous")
    assert response.url == reverse("letters:template_preview", args=[created.pk])
    assert created.previewed_at is None
    assert created not in LetterTemplate.objects.usable()

    preview = client.get(response.url).content.decode()
    assert "Nous attendons Léa EXEMPLE." in preview
    client.post(response.url)
    assert LetterTemplate.objects.usable().filter(pk=created.pk).exists()


def test_a_template_reaching_outside_its_fields_is_refused_at_save(client, directorate):
    client.force_login(directorate)
    body = "Madame,\n\nSon référent : {{ child.referent.password }}\nEt {{ secret_key }}"
    response = client.post(reverse("letters:template_create"), posted(body=body))
    assert response.status_code == 200
    assert response.context["form"].errors["body"] == [
        "Ligne 3 : « {{ child.referent.password }} » n'est pas un nom de champ : seuls les "
        "noms de la liste sont admis, sans point, filtre ni espace.",
        "Ligne 4 : le champ « secret_key » n'existe pas pour ce type de dossier.",
    ]
    assert not LetterTemplate.objects.filter(code="rappel-rendez-vous").exists()


def test_a_carer_s_template_cannot_name_a_child_s_field(client, directorate):
    client.force_login(directorate)
    response = client.post(
        reverse("letters:template_create"),
        posted(file_kind=FileKind.CARER, subject="Au sujet de {{ enfant_nom }}"),
    )
    assert response.context["form"].errors["subject"] == [
        "Ligne 1 : le champ « enfant_nom » n'existe pas pour ce type de dossier."
    ]


def test_a_broken_template_shows_its_line(client, directorate):
    client.force_login(directorate)
    body = (
        "Madame,\n\nBonjour {{ enfant_prenom }}\n{% include 'secret.txt' %}\n"
        "À bientôt {{ enfant_nom"
    )
    response = client.post(reverse("letters:template_create"), posted(body=body))
    errors = response.context["form"].errors["body"]
    assert [error.split(" : ")[0] for error in errors] == ["Ligne 4", "Ligne 5"]
    assert "invalid-feedback" in response.content.decode()


def test_changing_a_template_s_text_takes_it_off_until_its_preview_is_validated(
    client, directorate
):
    offered = LetterTemplate.objects.get(code="convocation-rencontre")
    assert offered in LetterTemplate.objects.usable()
    client.force_login(directorate)
    values = posted(
        name=offered.name,
        code=offered.code,
        subject=offered.subject,
        body=offered.body + "\n\nMerci de vous munir de votre livret de famille.",
    )
    client.post(reverse("letters:template_edit", args=[offered.pk]), values)
    offered.refresh_from_db()
    assert offered.body.endswith("livret de famille.")
    assert offered not in LetterTemplate.objects.usable()


def test_the_preview_pdf_is_a_fictitious_file(client, directorate, departement):
    client.force_login(directorate)
    seeded = LetterTemplate.objects.get(code="notification-accueil-provisoire")
    response = client.get(reverse("letters:template_preview_pdf", args=[seeded.pk]))
    text = pdf_text(response.content)
    assert "Léa EXEMPLE" in text and "Réf. APERÇU" in text
    assert "[à compléter]" not in text


def test_caseworkers_do_not_edit_templates(client, referent_nord):
    client.force_login(referent_nord)
    assert client.get(reverse("letters:template_list")).status_code == 403


def test_the_admin_refuses_a_template_reaching_outside_its_fields(client, administrator):
    client.force_login(administrator)
    values = posted(body="{{ enfant.referent }}")
    values.pop("active")
    response = client.post(reverse("admin:letters_lettertemplate_add"), values)
    assert response.status_code == 200
    assert "Ligne 1 : « {{ enfant.referent }} » n'est pas un nom de champ" in (
        response.content.decode().replace("&#x27;", "'").replace("&laquo;", "«")
    )
    assert not LetterTemplate.objects.filter(code="rappel-rendez-vous").exists()


def test_the_template_list_shows_each_template_s_state(
    client, directorate, django_assert_num_queries
):
    client.force_login(directorate)
    # 1. session, 2. user, 3. count, 4. the templates of the page, 5. the Département (layout),
    # 6.-8. the session saved in its savepoint
    with django_assert_num_queries(8):
        page = client.get(reverse("letters:template_list")).content.decode()
    assert page.count("Proposé") == LetterTemplate.objects.count()
