"""The second factor of staff accounts (welfare/mfa.py, welfare/views/account.py)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from welfare.enums import Role
from welfare.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = reverse("home")
SETUP = reverse("mfa_setup")
VERIFY = reverse("mfa_verify")


def code(device, shift=0) -> str:
    """The code the application shows now (``shift`` steps away)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=shift):06d}"


def device_of(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)


def test_an_account_without_a_device_is_not_asked_for_a_code(client, referent_nord):
    client.force_login(referent_nord)
    response = client.get(HOME)
    assert response.status_code == 200
    assert "Double authentification" in response.content.decode()


def test_a_caseworker_enrols_an_application(client, referent_nord):
    client.force_login(referent_nord)

    page = client.get(SETUP)
    html = page.content.decode()
    assert page.status_code == 200
    assert '<svg role="img" aria-label="QR code' in html
    assert page.context["key"] in html
    pending = TOTPDevice.objects.get(user=referent_nord)
    assert not pending.confirmed
    assert client.get(SETUP).context["key"] == page.context["key"]  # same key on reload

    wrong = client.post(SETUP, {"token": "000000" if code(pending) != "000000" else "111111"})
    assert wrong.context["form"].errors["token"]
    pending.refresh_from_db()
    assert not pending.confirmed

    pending.throttling_failure_count = 0  # the wrong code above is throttled a second
    pending.throttling_failure_timestamp = None
    pending.save()
    response = client.post(SETUP, {"token": code(pending)})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=referent_nord).confirmed
    assert client.get(HOME).status_code == 200  # this session is verified


def test_with_a_device_every_staff_page_waits_for_the_code(client, referent_nord):
    device = device_of(referent_nord)
    client.force_login(referent_nord)

    response = client.get(reverse("children:caseload"))
    assert response.status_code == 302
    assert response["Location"].startswith(f"{VERIFY}?next=")
    assert client.get(reverse("public_home")).status_code == 200  # the public site stays open

    wrong = client.post(VERIFY, {"token": "12345"})
    assert wrong.context["form"].errors["token"] == [
        "Saisissez les 6 chiffres affichés par l'application."
    ]
    response = client.post(VERIFY, {"token": code(device), "next": reverse("children:caseload")})
    assert response["Location"] == reverse("children:caseload")
    assert client.get(reverse("children:caseload")).status_code == 200


def test_a_wrong_code_is_refused_then_the_next_try_is_throttled(client, referent_nord):
    device = device_of(referent_nord)
    client.force_login(referent_nord)
    wrong = code(device, shift=10)

    first = client.post(VERIFY, {"token": wrong})
    second = client.post(VERIFY, {"token": code(device)})

    assert first.context["form"].errors["token"] == ["Ce code n'est pas le bon, ou il a expiré."]
    assert "Trop de codes erronés" in second.context["form"].errors["token"][0]
    assert client.get(HOME).status_code == 302


def test_a_next_address_elsewhere_is_not_followed(client, referent_nord):
    device = device_of(referent_nord)
    client.force_login(referent_nord)
    response = client.post(VERIFY, {"token": code(device), "next": "https://exemple.org/"})
    assert response["Location"] == HOME


def test_a_required_role_must_enrol_before_anything_else(client, directorate, settings):
    settings.MFA_REQUIRED_ROLES = [Role.DIRECTORATE]
    client.force_login(directorate)

    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(f"{SETUP}?next=")
    page = client.get(response["Location"])
    assert "obligatoire pour votre rôle" in page.content.decode()


def test_switching_off_needs_a_current_code_and_is_refused_to_a_required_role(
    client, referent_nord, settings
):
    device = device_of(referent_nord)
    client.force_login(referent_nord)
    client.post(VERIFY, {"token": code(device)})

    settings.MFA_REQUIRED_ROLES = [Role.CASEWORKER]
    device.refresh_from_db()
    client.post(SETUP, {"token": code(device, shift=1)})
    assert TOTPDevice.objects.filter(user=referent_nord).exists()

    settings.MFA_REQUIRED_ROLES = []
    response = client.post(SETUP, {"token": "12345"})
    assert response.context["form"].errors["token"]
    response = client.post(SETUP, {"token": code(device, shift=1)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=referent_nord).exists()


def test_a_misspelt_required_role_stops_the_checks(settings):
    from welfare.mfa import check_required_roles

    settings.MFA_REQUIRED_ROLES = ["directorate", "direction"]
    errors = check_required_roles()
    assert [error.id for error in errors] == ["welfare.E001"]
    assert "direction" in errors[0].msg
    settings.MFA_REQUIRED_ROLES = ["directorate"]
    assert check_required_roles() == []


def test_a_superuser_without_a_role_counts_as_an_administrator(client, settings, db):
    # createsuperuser leaves the role empty: the first production account must still enrol.
    settings.MFA_REQUIRED_ROLES = [Role.ADMINISTRATOR]
    superuser = UserFactory(username="premier.admin", role="", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(f"{SETUP}?next=")
