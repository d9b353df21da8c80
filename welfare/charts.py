"""Horizontal bar charts drawn as server-side SVG, the same in the pages and the PDF reports
(WeasyPrint runs no script). A chart is computed here (positions, widths and the figure written
beside each bar); ``templates/charts/_bar_chart.svg.html`` draws it, with no script and no style
attribute (the CSP forbids them). The figures sit in a table beside the chart, which is the
accessible reading of it; the SVG carries its title.
"""

from collections.abc import Callable
from dataclasses import dataclass

from welfare import formats

WIDTH = 640
BAR_AREA = 440
LABEL_HEIGHT = 18
BAR_HEIGHT = 14
ROW_GAP = 10
LEGEND_HEIGHT = 24
# Contrast of at least 3:1 against white, and told apart by colour-blind eyes.
COLOURS = ("#0b4f8a", "#b35c00")


@dataclass(frozen=True)
class Bar:
    y: int
    width: int
    text: str
    colour: str

    @property
    def text_x(self) -> int:
        return self.width + 6


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: int
    bars: list


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    x: int

    @property
    def text_x(self) -> int:
        return self.x + 18


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    width: int
    height: int
    series: list
    rows: list


def bar_chart(
    *,
    key: str,
    title: str,
    series: list,
    rows: list[tuple[str, list]],
    text: Callable[[object], str] = formats.number,
) -> Chart:
    """Bars of each row's values (one per series, two at most), scaled to the largest value
    of the chart; ``text`` writes each value beside its bar (a value of None: no bar, and
    whatever ``text`` writes for it, a dash by default). ``key`` names the chart in the page
    (its title's id)."""
    largest = max((value or 0 for _, values in rows for value in values), default=0) or 1
    legend = [
        Series(name=str(name), colour=COLOURS[rank], x=rank * WIDTH // 2)
        for rank, name in enumerate(series)
    ]
    drawn, y = [], LEGEND_HEIGHT
    for label, values in rows:
        label_y = y + LABEL_HEIGHT - 4
        y += LABEL_HEIGHT
        bars = []
        for rank, value in enumerate(values):
            width = round(BAR_AREA * (value or 0) / largest)
            bars.append(Bar(y=y, width=width, text=text(value), colour=COLOURS[rank]))
            y += BAR_HEIGHT + 2
        drawn.append(ChartRow(label=label, label_y=label_y, bars=bars))
        y += ROW_GAP
    return Chart(key=key, title=title, width=WIDTH, height=y, series=legend, rows=drawn)
