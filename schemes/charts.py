"""The charts of the plans and budgets, in their pages and their PDF reports alike, drawn by
the portal's one bar chart (``welfare.charts``)."""

from django.utils.translation import gettext as _

from welfare import formats
from welfare.charts import Chart, bar_chart


def funding_chart(*, totals) -> Chart:
    """A plan's planned funding by funder (``selectors.plan_totals``)."""
    return bar_chart(
        key="financement",
        title=_("Financement prévu par financeur"),
        series=[_("Montant prévu")],
        rows=[(share.label, [share.amount]) for share in totals.funding_by_funder],
        text=formats.money,
    )


def budget_chart(*, figures) -> Chart:
    """A budget's voted and executed amounts by line (``selectors.budget_figures``)."""
    return bar_chart(
        key="budget",
        title=_("Montants votés et exécutés par ligne du budget %(year)s")
        % {"year": figures.budget.year},
        series=[_("Voté"), _("Exécuté (saisi)")],
        rows=[(line.label, [line.voted, line.executed]) for line in figures.lines],
        text=formats.money,
    )


def plan_charts(*, totals) -> dict:
    """The plan report's charts: funding by funder, actions by status
    (``selectors.plan_totals``)."""
    return {
        "funding_chart": funding_chart(totals=totals),
        "status_chart": bar_chart(
            key="etats",
            title=_("Actions par état"),
            series=[_("Nombre d'actions")],
            rows=[(share.label, [share.amount]) for share in totals.actions_by_status],
        ),
    }


def budget_charts(*, figures, protection_rows, comparison) -> dict:
    """The budget report's charts: the prevention/protection split, the protection lines by
    kind of placement, and the executed amounts by line against the year before
    (``comparison``, when there is one)."""
    charts = {
        "split_chart": bar_chart(
            key="sections",
            title=_("Prévention et protection : montants votés et exécutés"),
            series=[_("Voté"), _("Exécuté")],
            rows=[
                (section.total.label, [section.total.voted, section.total.executed])
                for section in figures.sections
            ],
            text=formats.money,
        ),
        "protection_chart": bar_chart(
            key="protection",
            title=_("Protection par nature d'accueil : montants votés et exécutés"),
            series=[_("Voté"), _("Exécuté")],
            rows=[(row.label, [row.voted, row.executed]) for row in protection_rows],
            text=formats.money,
        ),
    }
    if comparison:
        charts["comparison_chart"] = bar_chart(
            key="evolution",
            title=_("Montants exécutés par ligne : %(before)s et %(year)s")
            % {"before": comparison.before_year, "year": comparison.year},
            series=[str(comparison.before_year), str(comparison.year)],
            rows=[(row.label, [row.before, row.after]) for row in comparison.rows],
            text=formats.money,
        )
    return charts
