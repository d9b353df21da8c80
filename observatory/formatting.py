"""How a figure is written: on the page and in the charts (French grouping, a dash for a
figure that cannot be given), and in the CSV files (no grouping, a decimal comma, for Excel)."""

from decimal import Decimal

from welfare import formats


class Rate(float):
    """A rate per 1,000, always written with its one decimal: ``14,3``, ``2,0``."""


class Percent(Decimal):
    """A share in percent (``formats.share``), written as everywhere else: ``52,1 %``."""


def as_percent(value) -> Percent | None:
    """A share (``formats.share``) for a table of the dashboard; None stays None."""
    return None if value is None else Percent(value)


def display(value) -> str:
    """A figure for the page or a chart: ``1 969 441``, ``1 250,50``, a rate ``2,0``, a share
    ``52,1 %``; a dash for None."""
    if isinstance(value, Rate):
        return formats.number(value, decimals=1)
    if isinstance(value, Percent):
        return formats.percent(value)
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
