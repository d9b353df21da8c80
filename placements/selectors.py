"""Reads of the placements: the capacity board, the costs the budget uses, and the child's
placement history. Each runs a fixed number of queries whatever the number of rows."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, Greatest, Least, Upper

from placements.enums import EstablishmentKind, PlaceKind, cost_kinds
from placements.models import Agrement, DailyRate, Establishment, FosterCarer, Placement
from welfare import retention
from welfare.formats import share
from welfare.scope import Scope

PEAD = "pead"
ZERO = Decimal("0.00")


def _occupied_on(day: date, place_field: str):
    """The number of placements under way on ``day`` in the place of the outer row."""
    placements = (
        Placement.objects.active_on(day)
        .filter(**{place_field: OuterRef("pk")})
        .order_by()
        .values(place_field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(placements, output_field=IntegerField()), 0)


def _places_on(day: date):
    """The places of the carer's agrément in force on ``day`` (0 without one)."""
    agrement = (
        Agrement.objects.in_force_on(day)
        .filter(foster_carer=OuterRef("pk"))
        .order_by("-granted_on")
        .values("places")[:1]
    )
    return Coalesce(Subquery(agrement, output_field=IntegerField()), 0)


def places_by_free_places(day: date):
    """The assistants familiaux and the establishments to choose from when placing a child,
    each annotated ``free_places`` on ``day`` and ordered by it, most first (one query each)."""
    carers = (
        FosterCarer.objects.select_related("territory")
        .annotate(free_places=Greatest(_places_on(day) - _occupied_on(day, "foster_carer"), 0))
        .order_by("-free_places", "last_name", "first_name")
    )
    establishments = (
        Establishment.objects.select_related("territory")
        .annotate(
            free_places=Greatest(F("authorised_capacity") - _occupied_on(day, "establishment"), 0)
        )
        .order_by("-free_places", "name")
    )
    return carers, establishments


def occupancy_rate(*, occupied: int, places: int) -> Decimal | None:
    """The occupancy in percent, to one decimal (``52.1``; None without places), the one
    formula of the board, the dashboard and their PDF; ``formats.percent`` writes it."""
    return share(occupied, places)


def place_kind_labels() -> dict:
    """The label of each kind of place of the board: the assistants familiaux, then the
    establishment kinds."""
    return {PlaceKind.FOSTER_CARER.value: PlaceKind.FOSTER_CARER.label} | dict(
        EstablishmentKind.choices
    )


def _board_querysets(
    *, scope: Scope, day: date, kind: str = "", age: int | None = None, free_only=False
):
    establishments = scope.filter(Establishment.objects.all())
    carers = scope.filter(FosterCarer.objects.all())
    if kind == PlaceKind.FOSTER_CARER:
        establishments = establishments.none()
    elif kind:
        establishments = establishments.filter(kind=kind)
        carers = carers.none()
    # An establishment is authorised for an age range; an agrément records none, so every
    # assistant familial stays in the list whatever the age.
    if age is not None:
        establishments = establishments.filter(min_age__lte=age, max_age__gte=age)
    establishments = establishments.annotate(
        row_places=F("authorised_capacity"), row_occupied=_occupied_on(day, "establishment")
    )
    carers = carers.annotate(
        row_places=_places_on(day), row_occupied=_occupied_on(day, "foster_carer")
    )
    if free_only:
        establishments = establishments.filter(row_places__gt=F("row_occupied"))
        carers = carers.filter(row_places__gt=F("row_occupied"))
    return establishments, carers


@dataclass
class BoardTotal:
    kind: str
    label: str
    providers: int
    places: int
    occupied: int

    @property
    def free(self) -> int:
        return max(self.places - self.occupied, 0)

    @property
    def occupancy(self) -> Decimal | None:
        return occupancy_rate(occupied=self.occupied, places=self.places)


def capacity_board_rows(*, by_free_places=False, **filters):
    """Every establishment and assistant familial of ``scope``, with their places,
    the children placed there on ``day`` and the free places, one row each (a UNION of two
    annotated queries, ordered by territory, kind and name, or most free places first;
    paginate it). ``filters`` are ``_board_querysets``'s. Rows are tuples: ``public_id``,
    ``kind`` (an establishment kind or "foster_carer"), ``name``, ``territory``, ``places``,
    ``occupied``, ``free``."""
    establishments, carers = _board_querysets(**filters)
    free = Greatest(F("row_places") - F("row_occupied"), 0)
    establishments, carers = establishments.annotate(row_free=free), carers.annotate(row_free=free)
    columns = (
        "row_id",
        "row_kind",
        "row_name",
        "row_territory",
        "row_places",
        "row_occupied",
        "row_free",
    )
    establishments = (
        establishments.order_by()
        .annotate(
            row_id=F("public_id"),
            row_kind=F("kind"),
            row_name=F("name"),
            row_territory=F("territory__name"),
        )
        .values_list(*columns)
    )
    carers = (
        carers.order_by()
        .annotate(
            row_id=F("public_id"),
            row_kind=Value(PlaceKind.FOSTER_CARER.value, output_field=models.CharField()),
            row_name=Concat(Upper("last_name"), Value(" "), "first_name"),
            row_territory=F("territory__name"),
        )
        .values_list(*columns)
    )
    order = ("row_territory", "row_kind", "row_name")
    if by_free_places:
        order = ("-row_free", *order)
    return establishments.union(carers, all=True).order_by(*order)


def capacity_board_totals(**filters) -> list[BoardTotal]:
    """Places, children placed and providers on ``day`` by kind of place (two grouped
    queries), in the order of ``cost_kinds``; ``filters`` are ``_board_querysets``'s."""
    establishments, carers = _board_querysets(**filters)
    labels = dict(EstablishmentKind.choices)
    totals = {
        row["kind"]: BoardTotal(
            kind=row["kind"],
            label=labels[row["kind"]],
            providers=row["providers"],
            places=row["places"] or 0,
            occupied=row["occupied"] or 0,
        )
        for row in establishments.order_by()
        .values("kind")
        .annotate(providers=Count("pk"), places=Sum("row_places"), occupied=Sum("row_occupied"))
    }
    carer_total = carers.order_by().aggregate(
        providers=Count("pk"), places=Sum("row_places"), occupied=Sum("row_occupied")
    )
    if carer_total["providers"]:
        totals[PlaceKind.FOSTER_CARER] = BoardTotal(
            kind=PlaceKind.FOSTER_CARER,
            label=str(PlaceKind.FOSTER_CARER.label),
            providers=carer_total["providers"],
            places=carer_total["places"] or 0,
            occupied=carer_total["occupied"] or 0,
        )
    return [totals[key] for key in cost_kinds() if key in totals]


def pead_count_on(*, scope: Scope, day: date) -> int:
    """PEAD under way on ``day`` for the children of ``scope``'s territories (counted apart:
    no place is taken)."""
    return scope.filter(Placement.objects.pead().active_on(day), "child__territory").count()


def agrements_expiring(*, scope: Scope, day: date):
    """Valid agréments of the carers of ``scope`` that expire within the notice delay in force
    on ``day`` (4 months, art. D421-19 CASF), with their carer: those whose renewal notice is
    late on ``day`` first (``notice_late``), then the soonest to expire."""
    carers = scope.filter(FosterCarer.objects.all())
    return (
        Agrement.objects.expiring_within_notice(day)
        .with_notice_late(day)
        .filter(foster_carer__in=carers)
        .select_related("foster_carer", "foster_carer__territory")
        .order_by("-notice_late", "expires_on")
    )


# --- Agréments suspended or withdrawn (art. L421-6 CASF) -------------------------------------


def _carers_with_lapsed_agrement(day: date):
    """Assistants familiaux whose agrément is suspended or withdrawn on ``day`` and who hold
    no other agrément in force that day."""
    lapsed = Agrement.objects.lapsed_on(day).filter(foster_carer=OuterRef("pk"))
    in_force = Agrement.objects.in_force_on(day).filter(foster_carer=OuterRef("pk"))
    return FosterCarer.objects.filter(Exists(lapsed)).exclude(Exists(in_force))


def placements_under_lapsed_agrement(*, day: date, territory=None):
    """The placements under way on ``day`` with an assistant familial whose agrément is
    suspended or withdrawn that day: "tant que l'agrément reste suspendu, aucun enfant ne
    peut être confié" (art. L421-6 al. 3 CASF), so each of these children's stay is to be
    decided. ``territory`` is the carer's (the place's, as on the capacity board). Its
    ``.count()`` is the dashboard's figure (one query)."""
    carers = _carers_with_lapsed_agrement(day)
    if territory is not None:
        carers = carers.filter(territory=territory)
    return Placement.objects.active_on(day).filter(foster_carer__in=carers)


def carers_with_lapsed_agrement(*, scope: Scope, day: date):
    """The assistants familiaux of ``scope`` who still receive children on ``day``
    although their agrément is suspended or withdrawn, each annotated ``children_placed``,
    ``lapsed_state`` and ``lapsed_since``, the oldest decision first (one query)."""
    carers = scope.filter(FosterCarer.objects.all()).filter(
        pk__in=_carers_with_lapsed_agrement(day).values("pk")
    )
    lapsed = (
        Agrement.objects.lapsed_on(day)
        .filter(foster_carer=OuterRef("pk"))
        .order_by("-state_changed_on", "-pk")
    )
    return (
        carers.annotate(
            children_placed=_occupied_on(day, "foster_carer"),
            lapsed_state=Subquery(lapsed.values("state")[:1]),
            lapsed_since=Subquery(lapsed.values("state_changed_on")[:1]),
        )
        .filter(children_placed__gt=0)
        .select_related("territory")
        .order_by("lapsed_since", "last_name", "first_name")
    )


# --- Costs ------------------------------------------------------------------------------------


def _rate(year: int, **target):
    rates = DailyRate.objects.filter(year=year, **target).values("amount")[:1]
    return Subquery(rates, output_field=DecimalField(max_digits=8, decimal_places=2))


class DateDiff(models.Func):
    """``a - b`` between two dates: a number of days in PostgreSQL."""

    arg_joiner = " - "
    template = "(%(expressions)s)"
    output_field = IntegerField()


def _cost_rows(*, year: int, territory=None, until: date | None = None):
    first = date(year, 1, 1)
    stop = date(year + 1, 1, 1)
    if until is not None:
        stop = min(stop, until)
    placements = Placement.objects.overlapping(first, stop).filter(start_date__lt=stop)
    if territory is not None:
        placements = placements.filter(child__territory=territory)
    stop_value = Value(stop, output_field=models.DateField())
    days = DateDiff(
        Least(Coalesce("end_date", stop_value), stop_value),
        Greatest("start_date", Value(first, output_field=models.DateField())),
    )
    rate = Case(
        When(
            place_kind=PlaceKind.ESTABLISHMENT,
            then=_rate(
                year, place_kind=PlaceKind.ESTABLISHMENT, establishment=OuterRef("establishment")
            ),
        ),
        When(
            place_kind=PlaceKind.FOSTER_CARER,
            then=Coalesce(
                _rate(
                    year, place_kind=PlaceKind.FOSTER_CARER, foster_carer=OuterRef("foster_carer")
                ),
                _rate(year, place_kind=PlaceKind.FOSTER_CARER, foster_carer__isnull=True),
            ),
        ),
        default=_rate(year, place_kind=PlaceKind.FAMILY_HOME),
        output_field=DecimalField(max_digits=8, decimal_places=2),
    )
    group = Case(
        When(place_kind=PlaceKind.ESTABLISHMENT, then=F("establishment__kind")),
        When(place_kind=PlaceKind.FOSTER_CARER, then=Value(PlaceKind.FOSTER_CARER.value)),
        default=Value(PEAD),
        output_field=models.CharField(),
    )
    return (
        placements.annotate(cost_kind=group, cost_days=days, cost_rate=rate)
        .order_by()
        .values("child__territory", "cost_kind")
        .annotate(
            days=Sum("cost_days"),
            cost=Sum(
                ExpressionWrapper(
                    F("cost_days") * F("cost_rate"),
                    output_field=DecimalField(max_digits=14, decimal_places=2),
                )
            ),
            days_without_rate=Coalesce(Sum("cost_days", filter=Q(cost_rate__isnull=True)), 0),
        )
    )


def _empty_costs() -> dict[str, dict]:
    return {kind: {"days": 0, "cost": ZERO, "days_without_rate": 0} for kind in cost_kinds()}


def _add(target: dict, row: dict):
    target["days"] += row["days"] or 0
    target["cost"] += row["cost"] or ZERO
    target["days_without_rate"] += row["days_without_rate"] or 0


def placement_costs(*, year: int, territory=None, until: date | None = None) -> dict[str, dict]:
    """Placement days and their cost in ``year`` (one query), keyed by kind of place:
    "foster_carer", each establishment kind ("mecs", "fde", "lva", "pouponniere",
    "semi_autonomy", "other") and "pead" (always apart), every key present. Each value is
    ``{"days": int, "cost": Decimal, "days_without_rate": int}``.

    A day is a night in the place: the day of arrival counts, the day of departure does not,
    and only the days within ``year`` count (before ``until`` when given, e.g. today for the
    year under way; otherwise a placement still under way counts to the end of the year).
    The cost is days × that year's prix de journée: the establishment's; the carer's own,
    else the Département's default for assistants familiaux; the Département's PEAD rate.
    Days with no rate recorded cost nothing and are counted in ``days_without_rate``.
    ``territory`` limits the figures to the children of one territory.
    """
    costs = _empty_costs()
    for row in _cost_rows(year=year, territory=territory, until=until):
        _add(costs[row["cost_kind"]], row)
    return costs


def placement_costs_by_territory(*, year: int, until: date | None = None) -> dict:
    """``placement_costs`` of every territory at once (one query), keyed by territory id;
    territories without any placement that year are absent."""
    result = {}
    for row in _cost_rows(year=year, until=until):
        territory_costs = result.setdefault(row["child__territory"], _empty_costs())
        _add(territory_costs[row["cost_kind"]], row)
    return result


# --- The child's file -------------------------------------------------------------------------


def child_placements(child) -> list[Placement]:
    """The child's placements, oldest first, with their places (one query, kept on the child
    so that the file's timeline and section share it)."""
    cached = getattr(child, "_placements_history", None)
    if cached is None:
        cached = list(
            Placement.objects.filter(child=child)
            .select_related("establishment", "foster_carer", "measure")
            .order_by("start_date", "pk")
        )
        child._placements_history = cached
    return cached


def placement_last_contact(day: date):
    """The child's last placement (``OuterRef("pk")``) as a contact for the retention rule
    (registered in ``PlacementsConfig.ready``): the day of departure, or ``day`` while the
    child is still there."""
    return retention.latest_date(
        Placement.objects.filter(child=OuterRef("pk")),
        Greatest(F("start_date"), Coalesce(F("end_date"), retention.day_value(day))),
    )
