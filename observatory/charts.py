"""Horizontal bar charts of a block, drawn as server-side SVG (no script, no style attribute:
the CSP forbids them) by ``observatory/_chart.svg.html``, in the page and the PDF alike.
The chart draws the rows of the block's table, whose figures sit beside it."""

from dataclasses import dataclass

from observatory.formatting import display

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


def block_chart(block) -> Chart | None:
    """The chart of ``block``'s ``chart_columns``; None when there is nothing to draw."""
    rows = [row for row in block.rows if row.in_chart]
    # A figure that cannot be given (None) is written "—" with no bar.
    values = [[row.values[index] for index in block.chart_columns] for row in rows]
    largest = max((value or 0 for row in values for value in row), default=0)
    if not largest:
        return None
    series = [
        Series(name=str(block.columns[index + 1]), colour=COLOURS[rank], x=rank * WIDTH // 2)
        for rank, index in enumerate(block.chart_columns)
    ]
    drawn, y = [], LEGEND_HEIGHT
    for row, row_values in zip(rows, values, strict=True):
        label_y = y + LABEL_HEIGHT - 4
        y += LABEL_HEIGHT
        bars = []
        for rank, value in enumerate(row_values):
            bars.append(
                Bar(
                    y=y,
                    width=round(BAR_AREA * (value or 0) / largest),
                    text=display(value),
                    colour=COLOURS[rank],
                )
            )
            y += BAR_HEIGHT + 2
        drawn.append(ChartRow(label=row.label, label_y=label_y, bars=bars))
        y += ROW_GAP
    return Chart(
        key=block.key,
        title=block.title,
        width=WIDTH,
        height=y,
        series=series,
        rows=drawn,
    )
