"""How a figure is written: on the page and in the charts (French grouping, a dash for a
figure that cannot be given), and in the CSV files (no grouping, a decimal comma, for Excel)."""

from decimal import Decimal

from welfare import formats


class Rate(float):
    """A rate per 1,000, always written with its one decimal: ``14,3``, ``2,0``."""


def display(value) -> str:
    """A figure for the page or a chart: ``1 969 441``, ``78,60``, a rate ``2,0``; a dash for
    None."""
    if isinstance(value, Rate):
        return formats.number(value, decimals=1)
    if isinstance(value, int | Decimal | float) or value is None:
        return formats.number(value)
    return str(value)


def csv_value(value) -> str:
    """A figure for a CSV file: ``1969441,00``; empty for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    return str(value)
