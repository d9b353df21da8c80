"""Helpers of the PDF report tests: a small plan and budgets, and the text of a PDF."""

from decimal import Decimal
from io import BytesIO

from pypdf import PdfReader

from schemes.enums import ActionStatus, BudgetDomain, Funder
from schemes.tests.factories import (
    ActionFactory,
    BudgetFactory,
    BudgetLineFactory,
    FundingFactory,
    IndicatorFactory,
    MeasurementFactory,
    ObjectiveFactory,
    SchemeFactory,
)


def pdf_text(content: bytes) -> str:
    """The text of every page, its whitespace (line breaks, no-break spaces) made single
    spaces, so that a title wrapped over two lines still reads as one."""
    pages = PdfReader(BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def one_line(text: str) -> str:
    return " ".join(text.split())


def make_plan():
    """A plan of two objectives and three actions, with funding and a measured indicator."""
    scheme = SchemeFactory(title="Schéma de l'enfance et de la famille du Jura")
    first = ObjectiveFactory(scheme=scheme, number=1, title="Prévenir au plus tôt")
    second = ObjectiveFactory(scheme=scheme, number=2, title="Diversifier les accueils")
    actions = [
        ActionFactory(objective=first, number=1, title="Entretien prénatal précoce"),
        ActionFactory(
            objective=first,
            number=2,
            title="Parrainage de proximité",
            status=ActionStatus.DONE,
            progress=100,
        ),
        ActionFactory(objective=second, number=1, title="Accueil de jour en MECS", progress=20),
    ]
    FundingFactory(action=actions[0], funder=Funder.DEPARTEMENT, amount=Decimal("1250000"))
    FundingFactory(action=actions[2], funder=Funder.CAF, amount=Decimal("80000"))
    indicator = IndicatorFactory(action=actions[0], name="Entretiens réalisés")
    MeasurementFactory(indicator=indicator, value=Decimal("312"))
    return scheme


BUDGET_LINES = {
    BudgetDomain.PREVENTION: (Decimal("1969441"), Decimal("1969441")),
    BudgetDomain.FOSTER_CARE: (Decimal("7650000"), Decimal("7512430")),
    BudgetDomain.ESTABLISHMENTS: (Decimal("14370359"), Decimal("14507929")),
}


def make_budget(year=2023, *, scale=Decimal(1)):
    """A budget whose voted total is 23 989 800 € (times ``scale``)."""
    budget = BudgetFactory(year=year)
    for domain, (voted, executed) in BUDGET_LINES.items():
        BudgetLineFactory(budget=budget, domain=domain, voted=voted * scale, executed=executed)
    return budget
