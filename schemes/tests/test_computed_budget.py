"""The budget page computes executed amounts from the placements and prevention records."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from placements.enums import PlaceKind
from placements.tests.factories import DailyRateFactory, FosterCarerFactory, PlacementFactory
from prevention.tests.factories import PreventionActionFactory
from schemes.enums import BudgetDomain
from schemes.tests.factories import BudgetFactory, BudgetLineFactory
from welfare.tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def test_the_budget_page_sets_the_records_costs_beside_the_entered_amounts(
    client, directorate, nord
):
    budget = BudgetFactory(year=2023)
    for domain, executed in [
        (BudgetDomain.PREVENTION, "9500"),
        (BudgetDomain.FOSTER_CARE, "1000"),
        (BudgetDomain.YOUNG_ADULTS, "800"),
    ]:
        BudgetLineFactory(budget=budget, domain=domain, executed=Decimal(executed))
    PreventionActionFactory(territory=nord, cost=Decimal("9000"))
    DailyRateFactory(year=2023, place_kind=PlaceKind.FOSTER_CARER, amount=Decimal("95.50"))
    order = MeasureFactory(
        child__territory=nord, start_date=date(2022, 1, 1), end_date=date(2023, 12, 31)
    )
    PlacementFactory(
        child=order.child,
        measure=order,
        foster_carer=FosterCarerFactory(territory=nord),
        start_date=date(2023, 1, 1),
        end_date=date(2023, 1, 11),
    )
    client.force_login(directorate)
    figures = client.get(reverse("schemes:budget_detail", args=[2023])).context["figures"]
    computed = {row.line.domain: (row.computed, row.difference) for row in figures.lines}
    assert computed == {
        BudgetDomain.PREVENTION: (Decimal("9000"), Decimal("500")),
        # 10 nights at 95,50 €
        BudgetDomain.FOSTER_CARE: (Decimal("955"), Decimal("45")),
        BudgetDomain.YOUNG_ADULTS: (None, None),
    }
