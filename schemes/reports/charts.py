"""The charts of the PDF reports, drawn with the pages' own bar charts (``schemes.charts``).

``pdf/_bar_chart.svg.html`` draws them, told the unit of the values ("money" or "count").
"""

from django.utils.translation import gettext as _

from schemes.charts import bar_chart, funding_chart


def plan_charts(*, totals) -> dict:
    """A plan's funding by funder and its actions by status (``selectors.plan_totals``)."""
    return {
        "funding_chart": funding_chart(totals=totals),
        "status_chart": bar_chart(
            title=_("Actions par état"),
            series=[_("Nombre d'actions")],
            rows=[(share.label, [share.amount]) for share in totals.actions_by_status],
        ),
    }


def budget_charts(*, figures, protection_rows, comparison) -> dict:
    """A budget's prevention/protection split, its protection lines by kind of placement, and
    the executed amounts by line against the year before (``comparison``, when there is one)."""
    charts = {
        "split_chart": bar_chart(
            title=_("Prévention et protection : montants votés et exécutés"),
            series=[_("Voté"), _("Exécuté")],
            rows=[
                (section.total.label, [section.total.voted, section.total.executed])
                for section in figures.sections
            ],
        ),
        "protection_chart": bar_chart(
            title=_("Protection par nature d'accueil : montants votés et exécutés"),
            series=[_("Voté"), _("Exécuté")],
            rows=[(row.label, [row.voted, row.executed]) for row in protection_rows],
        ),
    }
    if comparison:
        charts["comparison_chart"] = bar_chart(
            title=_("Montants exécutés par ligne : %(before)s et %(year)s")
            % {"before": comparison.before_year, "year": comparison.year},
            series=[str(comparison.before_year), str(comparison.year)],
            rows=[(row.label, [row.before, row.after]) for row in comparison.rows],
        )
    return charts
