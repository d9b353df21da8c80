"""How a figure is written: on the page and in the charts (French grouping, a dash for a
figure that cannot be given), and in the CSV files (no grouping, a decimal comma, for Excel)."""

from decimal import Decimal

from django.utils.formats import number_format

MISSING = "—"


def display(value) -> str:
    """A figure for the page or a chart: ``1 969 441,00``, ``78,6``; a dash for None."""
    if value is None:
        return MISSING
    if isinstance(value, int | Decimal | float):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def csv_value(value) -> str:
    """A figure for a CSV file: ``1969441,00``; empty for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    return str(value)
