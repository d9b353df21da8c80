"""The CRIP records the signalement of a grave and immediate danger, on a desktop's screen
and on a phone's, with axe clean (art. L226-4 I 2° and D226-2-4 I 2° CASF)."""

from datetime import date

import pytest
from django.utils import timezone

from prevention.tests.factories import ConcernFactory
from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.factories import ChildFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_the_crip_sends_the_signalement_of_a_grave_danger(
    page, live_server, nord, prevention_officer, width
):
    page.set_viewport_size({"width": width, "height": 900})
    today = timezone.localdate()
    concern = ConcernFactory(
        territory=nord, received_on=today, evaluation_due_on=today, grave_danger=True
    )
    concern.children.add(ChildFactory(territory=nord, birth_date=date(2016, 3, 1)))

    log_in(page, live_server, prevention_officer)
    page.goto("/informations-preoccupantes/")
    assert "Signalement au procureur à envoyer" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name=concern.reference).click()
    assert_accessible(page)
    page.get_by_role("link", name="Enregistrer le signalement envoyé").click()
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer le signalement").click()
    page.get_by_text("Le signalement au procureur est enregistré").wait_for()
    assert_accessible(page)
    concern.refresh_from_db()
    assert concern.prosecutor_referral_on == today and not concern.is_open
