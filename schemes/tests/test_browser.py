"""In a browser, the directorate adds an action and its funding to a plan and sees the totals
change; the plan, budget and public pages pass axe-core."""

from decimal import Decimal

import pytest

from schemes import selectors, services
from schemes.enums import BudgetDomain
from schemes.tests.factories import (
    ActionFactory,
    BudgetLineFactory,
    FundingFactory,
    IndicatorFactory,
    MeasurementFactory,
    SchemeFactory,
)
from welfare.tests.browser import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def total(page, name):
    return page.locator(f'[data-total="{name}"]').inner_text()


def test_the_directorate_adds_an_action_to_a_plan_and_sees_the_totals_change(
    page, live_server, directorate
):
    first = ActionFactory(
        objective__scheme__title="Plan Enfance 01", objective__number=1, number=1, progress=40
    )
    FundingFactory(action=first, amount=Decimal("10000"))
    log_in(page, live_server, directorate)
    page.goto("/espace/schemas/")
    page.get_by_role("link", name="Plan Enfance 01").click()
    assert (total(page, "actions"), total(page, "funding")) == ("1", "10\u202f000\u202f€")
    assert total(page, "progress") == "40\u202f%"
    assert_accessible(page)

    page.get_by_role("link", name="Ajouter une action à l'objectif 1").click()
    assert page.get_by_label("Numéro").input_value() == "2"
    page.get_by_label("Intitulé").fill("Accueil de jour éducatif")
    page.get_by_label("Avancement (%)").fill("150")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_text(
        "Assurez-vous que cette valeur est inférieure ou égale à 100."
    ).is_visible()
    assert_accessible(page)
    page.get_by_label("Avancement (%)").fill("20")
    page.get_by_role("button", name="Enregistrer").click()

    page.wait_for_url(f"**/espace/schemas/{first.objective.scheme.pk}/")
    assert (total(page, "actions"), total(page, "progress")) == ("2", "30\u202f%")
    page.get_by_role("link", name="Accueil de jour éducatif").click()
    assert_accessible(page)
    page.get_by_role("link", name="Ajouter une ligne de financement").click()
    page.get_by_label("Financeur").select_option(label="ARS")
    page.get_by_label("Montant (€)").fill("25000")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_role("cell", name="25\u202f000\u202f€").first.is_visible()

    page.get_by_role("link", name="Plan Enfance 01").click()
    assert total(page, "funding") == "35\u202f000\u202f€"
    assert page.get_by_role("row", name="ARS 25\u202f000\u202f€").is_visible()


def test_the_budget_and_public_plan_pages_are_accessible(
    page, live_server, directorate, monkeypatch
):
    monkeypatch.setattr(
        selectors,
        "COMPUTED_SOURCES",
        [lambda *, year: {BudgetDomain.FOSTER_CARE: Decimal("7500000")}],
    )
    line = BudgetLineFactory(domain=BudgetDomain.FOSTER_CARE, budget__year=2023)
    BudgetLineFactory(budget=line.budget, domain=BudgetDomain.PREVENTION)
    action = ActionFactory(objective__scheme=SchemeFactory(published=True))
    FundingFactory(action=action)
    MeasurementFactory(indicator=IndicatorFactory(action=action))
    services.scheme_publish(scheme=action.objective.scheme)
    log_in(page, live_server, directorate)
    page.goto("/espace/budgets/2023/")
    assert page.get_by_text("non calculable").first.is_visible()
    assert_accessible(page)
    page.context.clear_cookies()
    page.goto("/schemas-et-plans/")
    page.get_by_role("link", name=action.objective.scheme.title).click()
    assert page.get_by_role("heading", name=action.title).is_visible()
    assert_accessible(page)
