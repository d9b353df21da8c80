"""Annual budgets: lines by domain, totals summed, computed and entered executed side by side."""

from decimal import Decimal

import pytest
from django.urls import reverse

from schemes import selectors
from schemes.enums import BudgetDomain
from schemes.models import Budget, BudgetLine
from schemes.tests.factories import BudgetFactory, BudgetLineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_computed_source(monkeypatch):
    """Unless a test says otherwise, the records compute nothing (the other apps may)."""
    monkeypatch.setattr(selectors, "COMPUTED_SOURCES", [])


@pytest.fixture
def budget(departement):
    budget = BudgetFactory(year=2023)
    BudgetLineFactory(
        budget=budget,
        domain=BudgetDomain.PREVENTION,
        voted=Decimal("1969441"),
        executed=Decimal("1969441"),
    )
    BudgetLineFactory(
        budget=budget,
        domain=BudgetDomain.FOSTER_CARE,
        voted=Decimal("7650000"),
        executed=Decimal("7512430"),
    )
    return budget


def edit_urls(budget):
    line = budget.lines.first()
    return [
        reverse("schemes:budget_create"),
        reverse("schemes:budget_update", args=[budget.year]),
        reverse("schemes:budget_delete", args=[budget.year]),
        reverse("schemes:budget_line_create", args=[budget.year]),
        reverse("schemes:budget_line_update", args=[line.pk]),
        reverse("schemes:budget_line_delete", args=[line.pk]),
    ]


def read_urls(budget):
    return [reverse("schemes:budget_list"), reverse("schemes:budget_detail", args=[budget.year])]


def test_the_directorate_opens_every_budget_page(client, directorate, budget):
    client.force_login(directorate)
    for url in read_urls(budget) + edit_urls(budget):
        assert client.get(url).status_code == 200, url


def test_territory_managers_read_budgets_but_cannot_edit_them(client, responsable_nord, budget):
    client.force_login(responsable_nord)
    for url in read_urls(budget):
        assert client.get(url).status_code == 200, url
    for url in edit_urls(budget):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("member", ["referent_nord", "prevention_officer", "reception"])
def test_other_roles_are_refused_budgets(client, request, budget, member):
    client.force_login(request.getfixturevalue(member))
    for url in read_urls(budget):
        assert client.get(url).status_code == 403, url


def test_the_budget_page_shows_the_total_of_its_lines(client, directorate, budget):
    client.force_login(directorate)
    response = client.get(reverse("schemes:budget_detail", args=[2023]))
    figures = response.context["figures"]
    assert figures.total.voted == Decimal("9619441")
    content = response.content.decode()
    assert '<strong data-total="voted">9\u202f619\u202f441\u202f€</strong>' in content
    assert '<strong data-total="executed">9\u202f481\u202f871\u202f€</strong>' in content


def test_the_total_follows_a_new_line(client, directorate, budget):
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:budget_line_create", args=[2023]),
        {"domain": BudgetDomain.PEAD, "voted": "1450000", "executed": "1436880"},
    )
    assert response.url == reverse("schemes:budget_detail", args=[2023])
    figures = client.get(response.url).context["figures"]
    assert figures.total.voted == Decimal("11069441")
    assert figures.total.executed == Decimal("10918751")


def test_the_page_says_non_calculable_where_the_records_compute_nothing(
    client, directorate, budget
):
    client.force_login(directorate)
    content = client.get(reverse("schemes:budget_detail", args=[2023])).content.decode()
    assert content.count("non calculable</span>") == 5  # 2 lines, 2 sections, the budget


def test_the_page_shows_computed_and_entered_amounts_with_the_difference(
    client, directorate, budget, monkeypatch
):
    monkeypatch.setattr(
        selectors,
        "COMPUTED_SOURCES",
        [lambda *, year: {BudgetDomain.FOSTER_CARE: Decimal("7500000")}],
    )
    client.force_login(directorate)
    content = client.get(reverse("schemes:budget_detail", args=[2023])).content.decode()
    assert "7\u202f512\u202f430\u202f€" in content  # entered
    assert "7\u202f500\u202f000\u202f€" in content  # computed
    assert "+12\u202f430\u202f€" in content  # difference
    assert content.count("non calculable</span>") == 3  # prevention, its section, the budget


def test_a_domain_already_in_the_budget_is_not_offered_again(client, directorate, budget):
    client.force_login(directorate)
    url = reverse("schemes:budget_line_create", args=[2023])
    offered = dict(client.get(url).context["form"].fields["domain"].choices)
    assert BudgetDomain.PREVENTION not in offered
    assert BudgetDomain.PEAD in offered
    response = client.post(url, {"domain": BudgetDomain.PREVENTION, "voted": "1"})
    assert list(response.context["form"].errors) == ["domain"]
    assert budget.lines.count() == 2


def test_a_full_budget_offers_no_new_line(client, directorate, departement):
    budget = BudgetFactory()
    for domain in BudgetDomain:
        BudgetLineFactory(budget=budget, domain=domain)
    client.force_login(directorate)
    response = client.get(reverse("schemes:budget_line_create", args=[budget.year]))
    assert response.url == reverse("schemes:budget_detail", args=[budget.year])


def test_a_negative_amount_is_refused_next_to_the_field(client, directorate, budget):
    client.force_login(directorate)
    line = budget.lines.get(domain=BudgetDomain.PREVENTION)
    response = client.post(
        reverse("schemes:budget_line_update", args=[line.pk]),
        {"domain": line.domain, "voted": "-1", "executed": "abc"},
    )
    assert set(response.context["form"].errors) == {"voted", "executed"}
    line.refresh_from_db()
    assert line.voted == Decimal("1969441")


def test_a_budget_year_is_unique_and_plausible(client, directorate, budget):
    client.force_login(directorate)
    for year in ("2023", "1850", "annee"):
        response = client.post(reverse("schemes:budget_create"), {"year": year})
        assert list(response.context["form"].errors) == ["year"], year
    assert Budget.objects.count() == 1


def test_changing_the_year_leads_to_the_budgets_new_address(client, directorate, budget):
    client.force_login(directorate)
    response = client.post(reverse("schemes:budget_update", args=[2023]), {"year": "2024"})
    assert response.url == reverse("schemes:budget_detail", args=[2024])


def test_deleting_a_budget_deletes_its_lines_after_confirmation(client, directorate, budget):
    client.force_login(directorate)
    url = reverse("schemes:budget_delete", args=[2023])
    assert client.get(url).status_code == 200
    assert Budget.objects.exists()
    client.post(url)
    assert not BudgetLine.objects.exists()


def test_unknown_years_and_lines_answer_404(client, directorate, departement):
    client.force_login(directorate)
    assert client.get(reverse("schemes:budget_detail", args=[1999])).status_code == 404
    assert client.get(reverse("schemes:budget_detail", args=[10**30])).status_code == 404
    assert client.get(reverse("schemes:budget_line_update", args=[10**30])).status_code == 404


def test_the_budget_list_makes_the_same_queries_whatever_the_number_of_budgets(
    client, directorate, budget, django_assert_num_queries
):
    client.force_login(directorate)
    # session, user, count for the pagination, the budgets with their totals, the identity,
    # then the session's renewal (savepoint, update, release)
    with django_assert_num_queries(8):
        client.get(reverse("schemes:budget_list"))
    for year in (2024, 2025, 2026):
        BudgetLineFactory.create_batch(1, budget=BudgetFactory(year=year))
    with django_assert_num_queries(8):
        response = client.get(reverse("schemes:budget_list"))
    assert len(response.context["page"].object_list) == 4


def test_the_budget_page_makes_the_same_queries_whatever_its_lines(
    client, directorate, budget, django_assert_num_queries
):
    client.force_login(directorate)
    # session, user, the budget, its lines, the lines left free (for the "add" button), the
    # latest PDF report of the budget, the identity, then the session's renewal (savepoint,
    # update, release). The computed sources add their own queries once the placements and
    # prevention apps provide them.
    with django_assert_num_queries(10):
        client.get(reverse("schemes:budget_detail", args=[2023]))
    for domain in (BudgetDomain.PEAD, BudgetDomain.ESTABLISHMENTS, BudgetDomain.YOUNG_ADULTS):
        BudgetLineFactory(budget=budget, domain=domain)
    with django_assert_num_queries(10):
        client.get(reverse("schemes:budget_detail", args=[2023]))


def test_a_vote_in_year_9999_is_refused_next_to_the_field(client, directorate):
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:budget_create"), {"year": 2024, "voted_on": "9999-12-31"}
    )
    assert response.status_code == 200
    assert "Saisissez une date comprise entre le 01/01/1900 et le 31/12/2099." in (
        response.content.decode()
    )
    assert not Budget.objects.filter(year=2024).exists()
