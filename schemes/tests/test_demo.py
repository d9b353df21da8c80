"""The demo loads the seed pages' plans and figures, idempotently, for either Département."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from schemes import selectors
from schemes.enums import BudgetDomain, BudgetSection, Funder
from schemes.models import Action, Budget, Scheme

pytestmark = pytest.mark.django_db

LOADERS = "welfare,schemes"


def load_demo(settings, departement):
    settings.DEBUG = True
    call_command("load_demo", departement=departement, only=LOADERS, stdout=StringIO())


def plan(title):
    return selectors.scheme_with_plan(schemes=Scheme.objects.all()).get(title=title)


def test_jura_has_its_two_schemes_and_its_2023_budget(settings, monkeypatch):
    monkeypatch.setattr(selectors, "COMPUTED_SOURCES", [])
    load_demo(settings, "jura")
    load_demo(settings, "jura")
    assert sorted(Scheme.objects.values_list("start_year", "end_year")) == [
        (2019, 2023),
        (2021, 2025),
    ]
    sdsf = plan("Schéma départemental des services aux familles du Jura")
    objectives = list(sdsf.objectives.all())
    assert len(objectives) == 7
    assert objectives[0].title.startswith("Développer l’offre d’accueil du jeune enfant")
    assert objectives[6].title.startswith("Développer les outils d’apprentissage de la langue")
    figures = selectors.budget_figures(budget=Budget.objects.get(year=2023))
    assert figures.total.voted == figures.total.executed == Decimal("23989800")
    prevention, protection = (section.total for section in figures.sections)
    assert prevention.executed == prevention.voted == Decimal("1969441")
    assert protection.executed == protection.voted == Decimal("22020359")
    placement_lines = [row for row in figures.lines if row.line.section == BudgetSection.PROTECTION]
    assert {row.line.domain for row in placement_lines} >= {
        BudgetDomain.FOSTER_CARE,
        BudgetDomain.ESTABLISHMENTS,
        BudgetDomain.PEAD,
        BudgetDomain.YOUNG_ADULTS,
    }


def test_ain_has_plan_enfance_01_with_40_actions_and_half_cofunded(settings):
    load_demo(settings, "jura")
    load_demo(settings, "ain")
    load_demo(settings, "ain")
    assert list(Scheme.objects.values_list("title", flat=True)) == ["Plan Enfance 01"]
    assert not Budget.objects.exists()
    scheme = plan("Plan Enfance 01")
    assert (scheme.adopted_on.year, scheme.adopted_on.month) == (2021, 9)
    assert scheme.period == "2021–2024"
    objectives = list(scheme.objectives.all())
    assert len(objectives) == 7
    assert objectives[3].title == (
        "Porter une nouvelle conception de la protection de l’enfance et soutenir l’innovation"
    )
    assert [objective.actions.all()[0].title for objective in objectives][3:5] == [
        "Développement du parrainage",
        "Mise en place d’un foyer de semi-autonomie pour des adolescents confiés de 16 à 18 ans",
    ]
    assert Action.objects.count() == 40
    totals = selectors.plan_totals(scheme=scheme)
    assert totals.funding_total == Decimal("8200000")
    shares = {share.key: share.amount for share in totals.funding_by_funder}
    cofunded = shares[Funder.ARS] + shares[Funder.ETAT] + shares[Funder.ASSURANCE_MALADIE]
    assert cofunded == shares[Funder.DEPARTEMENT] == Decimal("4100000")
