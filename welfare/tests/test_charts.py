"""The portal's one bar chart, shared by the dashboard, the plans and budgets, and their PDFs."""

from decimal import Decimal

from welfare import formats
from welfare.charts import BAR_AREA, bar_chart


def test_bars_are_scaled_to_the_largest_value_and_written_beside():
    chart = bar_chart(
        key="budget",
        title="Budget",
        series=["Voté", "Exécuté"],
        rows=[("Prévention", [Decimal("100"), Decimal("50")]), ("Protection", [Decimal("25"), 0])],
        text=formats.money,
    )

    widths = [[bar.width for bar in row.bars] for row in chart.rows]
    assert widths == [[BAR_AREA, BAR_AREA // 2], [BAR_AREA // 4, 0]]
    assert chart.rows[0].bars[0].text == "100\u202f€"
    assert [series.name for series in chart.series] == ["Voté", "Exécuté"]
    assert chart.rows[1].label_y > chart.rows[0].bars[1].y


def test_a_value_that_cannot_be_given_draws_no_bar_and_a_dash():
    chart = bar_chart(key="k", title="T", series=["Taux"], rows=[("Nord", [None]), ("Sud", [2])])

    assert (chart.rows[0].bars[0].width, chart.rows[0].bars[0].text) == (0, "—")
    assert chart.rows[1].bars[0].width == BAR_AREA


def test_a_chart_of_zeros_draws_empty_bars_rather_than_dividing_by_zero():
    chart = bar_chart(key="k", title="T", series=["Actions"], rows=[("En cours", [0])])

    assert chart.rows[0].bars[0].width == 0
