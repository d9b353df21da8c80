"""The report kinds of this app: the plan report and the budget report.

Each is a ``ReportKind`` registered in ``SchemesConfig.ready()``; its form checks that the plan
or budget exists and that the user may read it, its context function gathers what
``templates/pdf/`` lays out.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schemes import selectors
from schemes.charts import budget_charts, plan_charts
from schemes.enums import BudgetSection
from schemes.models import Budget, Scheme
from schemes.permissions import READ_ROLES
from schemes.reports.kinds import ReportKind, ReportParametersForm

# --- Plan report -----------------------------------------------------------------------------


class PlanReportForm(ReportParametersForm):
    scheme = forms.ModelChoiceField(queryset=Scheme.objects.none())

    def __init__(self, data=None, *, user):
        super().__init__(data, user=user)
        self.fields["scheme"].queryset = Scheme.objects.for_user(user)

    def parameters(self):
        return {"scheme": self.cleaned_data["scheme"].pk}

    def title(self):
        return str(self.cleaned_data["scheme"])


def plan_context(*, scheme: int) -> dict:
    """The whole plan (7 queries): objectives and actions with status, progress, funding,
    indicators and milestones; totals by funder and by status, with their charts."""
    plan = selectors.scheme_with_plan(schemes=Scheme.objects.filter(pk=scheme)).get()
    totals = selectors.plan_totals(scheme=plan)
    return {"title": str(plan), "scheme": plan, "totals": totals, **plan_charts(totals=totals)}


PLAN = ReportKind(
    name="plan",
    label=gettext_lazy("Rapport du schéma ou plan"),
    requested_from=gettext_lazy("la page d'un schéma ou plan"),
    template_name="pdf/plan.html",
    roles=READ_ROLES,
    form_class=PlanReportForm,
    context=plan_context,
    page_url=lambda *, scheme: reverse("schemes:scheme_detail", args=[scheme]),
)

# --- Budget report ---------------------------------------------------------------------------


class BudgetReportForm(ReportParametersForm):
    year = forms.ModelChoiceField(queryset=Budget.objects.none(), to_field_name="year")

    def __init__(self, data=None, *, user):
        super().__init__(data, user=user)
        self.fields["year"].queryset = Budget.objects.for_user(user)

    def parameters(self):
        return {"year": self.cleaned_data["year"].year}

    def title(self):
        return budget_title(self.cleaned_data["year"].year)


def budget_title(year: int) -> str:
    return _("Budget de l'enfance et de la famille %(year)s") % {"year": year}


def _change(before, after):
    """Evolution from ``before`` to ``after`` in percent; None from nothing."""
    return None if not before else Decimal(100) * (after - before) / before


def _share(part, whole):
    return None if not whole else Decimal(100) * part / whole


@dataclass(frozen=True)
class Change:
    label: str
    before: Decimal
    after: Decimal

    @property
    def percent(self):
        return _change(self.before, self.after)


@dataclass(frozen=True)
class Comparison:
    """Executed amounts by line of a budget against the nearest earlier year's."""

    before_year: int
    year: int
    rows: list[Change]


@dataclass(frozen=True)
class YearRow:
    year: int
    voted: Decimal
    executed: Decimal
    voted_change: Decimal | None
    executed_change: Decimal | None


def _years(*, year: int) -> list[YearRow]:
    """Voted and executed totals of every budget up to ``year``, with the evolution from the
    year listed before (one query)."""
    budgets = selectors.budget_list(budgets=Budget.objects.filter(year__lte=year))
    rows = []
    for budget in reversed(list(budgets)):
        previous = rows[-1] if rows else None
        rows.append(
            YearRow(
                year=budget.year,
                voted=budget.voted_total,
                executed=budget.executed_total,
                voted_change=_change(previous.voted, budget.voted_total) if previous else None,
                executed_change=(
                    _change(previous.executed, budget.executed_total) if previous else None
                ),
            )
        )
    return rows


def _comparison(*, figures, year_rows) -> Comparison | None:
    if len(year_rows) < 2:
        return None
    before_year = year_rows[-2].year
    before = selectors.budget_figures(budget=Budget.objects.get(year=before_year))
    executed_before = {row.line.domain: row.executed for row in before.lines}
    return Comparison(
        before_year=before_year,
        year=figures.budget.year,
        rows=[
            Change(row.label, executed_before.get(row.line.domain, Decimal(0)), row.executed)
            for row in figures.lines
        ],
    )


def budget_context(*, year: int) -> dict:
    """A budget's lines voted and executed, prevention against protection, protection by kind
    of placement with each one's share, and, when earlier years exist, their evolution."""
    budget = Budget.objects.get(year=year)
    figures = selectors.budget_figures(budget=budget)
    protection = next(
        (s for s in figures.sections if s.lines[0].line.section == BudgetSection.PROTECTION),
        None,
    )
    protection_rows = protection.lines if protection else []
    year_rows = _years(year=year)
    comparison = _comparison(figures=figures, year_rows=year_rows)
    return {
        "title": budget_title(year),
        "figures": figures,
        "section_shares": [
            (section, _share(section.total.voted, figures.total.voted))
            for section in figures.sections
        ],
        "protection": protection,
        "protection_shares": [
            (row, _share(row.voted, protection.total.voted)) for row in protection_rows
        ],
        "years": year_rows,
        "comparison": comparison,
        **budget_charts(figures=figures, protection_rows=protection_rows, comparison=comparison),
    }


BUDGET = ReportKind(
    name="budget",
    label=gettext_lazy("Rapport du budget annuel"),
    requested_from=gettext_lazy("la page d'un budget"),
    template_name="pdf/budget.html",
    roles=READ_ROLES,
    form_class=BudgetReportForm,
    context=budget_context,
    page_url=lambda *, year: reverse("schemes:budget_detail", args=[year]),
)
