"""Places of the synthetic Département (``welfare.scale``): assistants familiaux with their
agréments, establishments with their capacity, daily rates, and one placement for each run of
care measures of every child.

Places are handed out in order of arrival: each provider's places are "slots" that hold one
child at a time, and a stay takes the slot of its territory freed the earliest if it is free
on the day of arrival, otherwise a new slot, opening a new carer or establishment when the
last one is full. So no carer is ever above the places of the agrément in force, no
establishment above its authorised capacity, every arrival is under an agrément in force (the
carer's first agrément starts before his first child), and every stay is covered by its
measures; ``welfare/tests/test_scale.py`` checks it.
"""

import heapq
import uuid
from datetime import date, timedelta
from decimal import Decimal

from placements.enums import AgrementState, EstablishmentKind, PlaceKind, PlacementEndReason
from placements.models import Agrement, DailyRate, Establishment, FosterCarer, Placement
from placements.rules import agrement_expiry
from welfare.enums import LegalParameterKey as Key
from welfare.enums import MeasureType
from welfare.rules import add_years
from welfare.scale import SNAPSHOT, ScaleContext, care_runs

# kind: (capacity range, ages taken)
ESTABLISHMENTS = {
    EstablishmentKind.FDE: ((40, 60), (0, 20)),
    EstablishmentKind.MECS: ((25, 45), (3, 20)),
    EstablishmentKind.LVA: ((6, 10), (6, 20)),
    EstablishmentKind.SEMI_AUTONOMY: ((15, 25), (16, 20)),
}
FIRST_RATE_YEAR = 2019
MOVE_SHARE = 0.25  # of the stays longer than two years, split by a move


class Pool:
    """The places of one territory of one kind (carers, or one kind of establishment)."""

    def __init__(self, context: ScaleContext, territory: int, kind: str):
        self.context = context
        self.territory = territory
        self.kind = kind
        self.free = []  # (free from, slot)
        self.slots = []  # slot -> provider id
        self.provider = None
        self.room = 0
        self.providers = {}  # provider id -> [first arrival, slots]

    def take(self, start: date, end: date | None) -> int:
        """The provider whose slot receives the stay ``[start, end)``."""
        if self.free and self.free[0][0] <= start:
            _free_from, slot = heapq.heappop(self.free)
        else:
            if self.room == 0:
                self._open(start)
            slot = len(self.slots)
            self.slots.append(self.provider)
            self.providers[self.provider][1] += 1
            self.room -= 1
        heapq.heappush(self.free, (end or date.max, slot))
        return self.slots[slot]

    def _open(self, start: date) -> None:
        rng = self.context.rng
        if self.kind == PlaceKind.FOSTER_CARER:
            self.provider = self.context.new_id(FosterCarer)
            self.room = rng.choice([1, 2, 2, 3, 3, 3])
        else:
            self.provider = self.context.new_id(Establishment)
            low, high = ESTABLISHMENTS[self.kind][0]
            self.room = rng.randrange(low, high + 1)
        self.providers[self.provider] = [start, 0]


def _stays(context: ScaleContext):
    """(start, end or None, end reason, child, measure id, PEAD) of every stay, a quarter of
    the long ones split by a move; the measure is the one in force on the day of arrival."""
    rng = context.rng
    today = context.today
    for child in context.children:
        majority = add_years(child.birth, context.parameters.value(Key.MAJORITY_AGE, SNAPSHOT))
        for types, pead in [
            (MeasureType.accommodation(), False),
            ((MeasureType.AEMO_WITH_ACCOMMODATION,), True),
        ]:
            for start, last, measures in care_runs(child.measures, types):
                end = last + timedelta(days=1) if last < today else None
                reason = ""
                if end is not None:
                    reason = (
                        PlacementEndReason.MAJORITY
                        if end >= majority
                        else rng.choice(
                            [PlacementEndReason.RETURN_HOME, PlacementEndReason.MEASURE_ENDED]
                        )
                    )
                cuts = [start]
                long_stay = (end or today) - start > timedelta(days=730)
                if not pead and long_stay and rng.random() < MOVE_SHARE:
                    cuts.append(start + ((end or today) - start) / 2)
                bounds = [*cuts[1:], end]
                for number, (first, upto) in enumerate(zip(cuts, bounds, strict=True)):
                    measure = next(m for m in reversed(measures) if m.start <= first)
                    moved = number < len(cuts) - 1
                    yield (
                        first,
                        upto,
                        PlacementEndReason.MOVE if moved else reason,
                        child,
                        measure.id,
                        pead,
                    )


def _pool_kind(context, child, start, pead) -> str:
    if pead:
        return PlaceKind.FAMILY_HOME
    age = child.age_on(start)
    draw = context.rng.random()
    if child.unaccompanied or age >= 16:
        return EstablishmentKind.SEMI_AUTONOMY if draw < 0.4 else EstablishmentKind.MECS
    if age < 3:
        return PlaceKind.FOSTER_CARER if draw < 0.8 else EstablishmentKind.FDE
    if draw < 0.57:
        return PlaceKind.FOSTER_CARER
    if draw < 0.87:
        return EstablishmentKind.MECS
    return EstablishmentKind.FDE if draw < 0.95 else EstablishmentKind.LVA


PLACEMENT_FIELDS = [
    "id", "public_id", "child", "measure", "place_kind", "establishment", "foster_carer",
    "start_date", "end_date", "end_reason", "created_at", "updated_at",
]  # fmt: skip


def placements(context: ScaleContext) -> None:
    """Carers, establishments, their agréments and rates, and the placements."""
    rng = context.rng
    pools = {}
    for start, end, reason, child, measure_id, pead in sorted(
        _stays(context), key=lambda stay: stay[0]
    ):
        kind = _pool_kind(context, child, start, pead)
        establishment = carer = None
        if kind != PlaceKind.FAMILY_HOME:
            pool = pools.get((child.territory, kind))
            if pool is None:
                pool = pools[(child.territory, kind)] = Pool(context, child.territory, kind)
            provider = pool.take(start, end)
            if kind == PlaceKind.FOSTER_CARER:
                carer = provider
            else:
                establishment = provider
        place_kind = (
            kind
            if kind in (PlaceKind.FAMILY_HOME, PlaceKind.FOSTER_CARER)
            else PlaceKind.ESTABLISHMENT
        )
        context.add(
            Placement,
            PLACEMENT_FIELDS,
            (
                context.new_id(Placement), uuid.UUID(int=rng.getrandbits(128), version=4),
                child.id, measure_id, place_kind, establishment, carer, start, end, reason,
                context.now, context.now,
            ),
        )  # fmt: skip
    for pool in pools.values():
        for provider, (first_arrival, slots) in pool.providers.items():
            if pool.kind == PlaceKind.FOSTER_CARER:
                _carer(context, pool.territory, provider, first_arrival, slots)
            else:
                _establishment(context, pool, provider, slots)
    _default_rates(context)


def _address(context) -> str:
    return f"{context.rng.randrange(1, 200)} route de {context.rng.choice(context.cities)}"


def _carer(context, territory, carer_id, first_arrival, places) -> None:
    """The carer and his chain of agréments, from before his first child to beyond today:
    each renewal starts the day the previous one expires; a DEAF holder's last one has no
    expiry. The places are those his children took."""
    rng = context.rng
    first, last = context.name(rng.choice(["F", "F", "F", "M"]))
    deaf = rng.random() < 0.3
    granted = first_arrival - timedelta(days=rng.randrange(30, 700))
    context.add(
        FosterCarer,
        ["id", "public_id", "first_name", "last_name", "territory", "address", "phone",
         "employer", "deaf_obtained_on"],
        (
            carer_id, uuid.UUID(int=rng.getrandbits(128), version=4), first, last, territory,
            _address(context), "", "Département",
            add_years(granted, 2) if deaf and add_years(granted, 2) < context.today else None,
        ),
    )  # fmt: skip
    renewal = False
    while True:
        expires = agrement_expiry(
            granted_on=granted, deaf_holder=deaf and renewal, parameters=context.parameters
        )
        expired = expires is not None and expires <= context.today
        context.add(
            Agrement,
            ["id", "public_id", "foster_carer", "number", "places", "derogation_reason",
             "granted_on", "expires_on", "state", "state_changed_on", "state_reason"],
            (
                context.new_id(Agrement), uuid.UUID(int=rng.getrandbits(128), version=4),
                carer_id, f"AF-{carer_id:06d}-{granted:%Y}", places, "", granted, expires,
                AgrementState.EXPIRED if expired else AgrementState.VALID,
                expires if expired else None, "",
            ),
        )  # fmt: skip
        if not expired:
            return
        granted = expires
        renewal = True


def _establishment(context, pool, establishment_id, slots) -> None:
    rng = context.rng
    kind = pool.kind
    low, high = ESTABLISHMENTS[kind][1]
    capacity = slots + (0 if kind == EstablishmentKind.LVA else rng.randrange(0, 4))
    name = context.territory_names[pool.territory]
    context.add(
        Establishment,
        ["id", "public_id", "name", "kind", "manager", "authorised_capacity", "min_age",
         "max_age", "territory", "address", "phone"],
        (
            establishment_id, uuid.UUID(int=rng.getrandbits(128), version=4),
            f"{EstablishmentKind(kind).label.split(' (')[0]} {name} n° {establishment_id}",
            kind, "Association départementale de sauvegarde", capacity, low, high,
            pool.territory,
            _address(context), "",
        ),
    )  # fmt: skip
    base = Decimal(rng.randrange(150, 260))
    for year in range(FIRST_RATE_YEAR, context.today.year + 1):
        context.add(
            DailyRate,
            ["id", "year", "place_kind", "establishment", "foster_carer", "amount"],
            (
                context.new_id(DailyRate), year, PlaceKind.ESTABLISHMENT, establishment_id,
                None, base + 4 * (year - FIRST_RATE_YEAR),
            ),
        )  # fmt: skip


def _default_rates(context) -> None:
    """The Département's yearly defaults for assistants familiaux and PEAD."""
    for year in range(FIRST_RATE_YEAR, context.today.year + 1):
        for kind, amount in [(PlaceKind.FOSTER_CARER, 78), (PlaceKind.FAMILY_HOME, 42)]:
            context.add(
                DailyRate,
                ["id", "year", "place_kind", "establishment", "foster_carer", "amount"],
                (
                    context.new_id(DailyRate), year, kind, None, None,
                    Decimal(amount) + Decimal("2.5") * (year - FIRST_RATE_YEAR),
                ),
            )  # fmt: skip
