"""Horizontal bar charts drawn as server-side SVG, for the pages and the PDF reports alike.

A chart is computed here (positions and widths); ``schemes/_bar_chart.svg.html`` draws it.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

WIDTH = 640
BAR_AREA = 460
LABEL_HEIGHT = 18
BAR_HEIGHT = 14
ROW_GAP = 10
LEGEND_HEIGHT = 24
# Two colours with a contrast of at least 3:1 against white and distinct for colour-blind eyes.
COLOURS = ("#0b4f8a", "#b35c00")


@dataclass(frozen=True)
class Bar:
    y: int
    width: int
    value: Decimal
    colour: str


@dataclass(frozen=True)
class Row:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    x: int


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    series: list[Series]
    rows: list[Row]


def bar_chart(*, title: str, series: list[str], rows: list[tuple[str, list]]) -> Chart:
    """Bars of each row's values (one per series), scaled to the largest value of the chart."""
    largest = max((value for _, values in rows for value in values), default=0) or 1
    legend = [
        Series(name=name, colour=COLOURS[index], x=index * WIDTH // 2)
        for index, name in enumerate(series)
    ]
    chart_rows, y = [], LEGEND_HEIGHT
    for label, values in rows:
        label_y = y + LABEL_HEIGHT - 4
        y += LABEL_HEIGHT
        bars = []
        for index, value in enumerate(values):
            width = round(BAR_AREA * value / largest)
            bars.append(Bar(y=y, width=width, value=value, colour=COLOURS[index]))
            y += BAR_HEIGHT + 2
        chart_rows.append(Row(label=label, label_y=label_y, bars=bars))
        y += ROW_GAP
    return Chart(title=title, width=WIDTH, height=y, series=legend, rows=chart_rows)


def funding_chart(*, totals) -> Chart:
    """A plan's planned funding by funder (``selectors.plan_totals``)."""
    return bar_chart(
        title=_("Financement prévu par financeur"),
        series=[_("Montant prévu")],
        rows=[(share.label, [share.amount]) for share in totals.funding_by_funder],
    )


def budget_chart(*, figures) -> Chart:
    """A budget's voted and executed amounts by line (``selectors.budget_figures``)."""
    return bar_chart(
        title=_("Montants votés et exécutés par ligne du budget %(year)s")
        % {"year": figures.budget.year},
        series=[_("Voté"), _("Exécuté (saisi)")],
        rows=[(line.label, [line.voted, line.executed]) for line in figures.lines],
    )
