"""Long choice lists narrowed by typing: a child's siblings (the carers' list: placements)."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.factories import ChildFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_sibling_is_found_by_typing_part_of_the_name_without_accents(
    page, live_server, nord, referent_nord
):
    child = ChildFactory(territory=nord, last_name="Martin", first_name="Léa")
    ChildFactory(
        territory=nord, last_name="Lefèvre", first_name="Zoé", birth_date=date(2013, 4, 21)
    )
    ChildFactory(territory=nord, last_name="Lefèvre", first_name="Tom", birth_date=date(2016, 9, 3))
    for name in ["Durand", "Petit", "Moreau"]:
        ChildFactory(territory=nord, last_name=name)
    log_in(page, live_server, referent_nord)
    page.goto(reverse("children:edit", args=[child.public_id]))

    page.get_by_label("Rechercher dans la liste : Frères et sœurs").fill("lefevre zo")
    expect(page.get_by_role("status").filter(has_text="sur")).to_have_text("1 sur 5")
    siblings = page.get_by_label("Frères et sœurs", exact=True)
    expect(siblings.locator("option")).to_have_text(["LEFÈVRE Zoé, né(e) le 21/04/2013"])
    siblings.select_option(label="LEFÈVRE Zoé, né(e) le 21/04/2013")
    assert_accessible(page)
    # A chosen child stays in the list (and is sent) when the search changes.
    page.get_by_label("Rechercher dans la liste : Frères et sœurs").fill("durand")
    expect(siblings.locator("option")).to_have_count(2)
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(f"**{reverse('children:detail', args=[child.public_id])}")
    expect(page.get_by_role("link", name="LEFÈVRE Zoé")).to_be_visible()
