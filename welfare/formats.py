"""How the portal writes a figure, in the pages, the charts and the PDFs alike.

French typography: a narrow no-break space (U+202F) between thousands and before the unit, a
decimal comma, a true minus sign: 23989800 → "23 989 800 €". The result does not depend on
the active locale, because a Celery worker renders with whatever locale its process has.
"""

from decimal import ROUND_HALF_UP, Decimal

NNBSP = "\u202f"
MINUS = "\u2212"
MISSING = "—"


def format_number(value, decimals: int) -> str:
    """``value`` rounded half up to ``decimals`` places, grouped by thousands the French way."""
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    sign = MINUS if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", NNBSP)
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def _decimals(value, places: int) -> int:
    """``places`` when ``value`` has a fractional part at that precision, else none."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return 0 if rounded == rounded.to_integral_value() else places


def number(value, *, decimals: int | None = None) -> str:
    """1234567 → "1 234 567"; 1234.5 → "1 234,50"; a dash for no value. ``decimals`` fixes
    the number of decimals (a rate: 2.0 → "2,0")."""
    if value is None or value == "":
        return MISSING
    return format_number(value, _decimals(value, 2) if decimals is None else decimals)


def money(value) -> str:
    """23989800 → "23 989 800 €" (cents only when there are some); a dash for no value."""
    if value is None or value == "":
        return MISSING
    return f"{number(value)}{NNBSP}€"


def signed_money(value) -> str:
    """A difference with its sign: "+1 200 €", "−1 200 €", "0 €"."""
    if value is None or value == "":
        return MISSING
    return f"+{money(value)}" if value > 0 else money(value)


def share(part, whole) -> Decimal | None:
    """``part`` in percent of ``whole``, to one decimal (an occupancy, an execution rate:
    ``52.1``); None when ``whole`` is nothing. Written by ``percent``: "52,1 %"."""
    return (Decimal(100) * part / whole).quantize(Decimal("0.1")) if whole else None


def percent(value) -> str:
    """12.345 → "12,3 %"; 40 → "40 %"; a dash for no value (a rate of nothing)."""
    if value is None or value == "":
        return MISSING
    return f"{format_number(value, _decimals(value, 1))}{NNBSP}%"


def change(value) -> str:
    """An evolution with its sign: "+3,2 %", "−1 %"; a dash when there is none."""
    if value is None or value == "":
        return MISSING
    return f"+{percent(value)}" if value > 0 else percent(value)
