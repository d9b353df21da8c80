"""Demo providers and placements of the Jura (see docs/demo.md).

180 assistants familiaux with their agréments (renewed every 5 years, or without a limit for
holders of the DEAF; a few expiring within 4 months, one suspended), the FDE, a pouponnière,
MECS, lieux de vie and semi-autonomy apartments with their 2022 and 2023 daily rates; then a
placement for each of the 807 children the children demo created, on 31/12/2022: 344 judicial
placements with assistants familiaux, 258 in establishments, 163 PEAD at home, and the 42
administrative ones housed too.

Each placement spans the run of the child's measures that covers 31/12/2022 (some children
moved once before), and every place is given in order of arrival to a carer or establishment
with room left that day, so every capacity rule holds. Deterministic and idempotent.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from faker import Faker

from placements import services
from placements.enums import (
    AgrementState,
    ApplicationKind,
    EstablishmentKind,
    PlaceKind,
    PlacementEndReason,
)
from placements.models import Agrement, DailyRate, Establishment, FosterCarer, Placement
from placements.rules import agrement_expiry, agrement_parameters
from placements.services import PEAD_MEASURES
from welfare.demo_children import SNAPSHOT, demo_public_id
from welfare.enums import LegalParameterKey as Key
from welfare.enums import MeasureEndReason, MeasureNature, MeasureType
from welfare.models import Measure, Territory
from welfare.rules import add_years

SEED = 39_2023
NAMESPACE = uuid.UUID("0f3c0d55-39a4-4b1f-8f7e-2022123139aa")
CHILDREN = 807
FOSTER_CARERS = 180
# Of the 602 judicial placements on 31/12/2022, those in establishments (the rest: 344 AF).
JUDICIAL_IN_ESTABLISHMENTS = 258
EXPIRING_SOON = 6
TERRITORY_WEIGHTS = {"nord": 38, "centre": 37, "sud": 25}
# Places of an agrément and how often they occur; 4 only with a derogation.
PLACES_WEIGHTS = {1: 8, 2: 25, 3: 62, 4: 5}
CARER_RATE = {2022: Decimal("82.00"), 2023: Decimal("86.50")}
PEAD_RATE = {2022: Decimal("45.00"), 2023: Decimal("47.50")}

# name, kind, territory, capacity, ages, manager, address, 2022 rate, 2023 rate
ESTABLISHMENTS = [
    ("Foyer départemental de l'enfance du Jura", EstablishmentKind.FDE, "centre", 60, (0, 17),
     "Département du Jura", "1 rue du Foyer\n39000 Lons-le-Saunier", "262.00", "271.40"),
    ("Pouponnière du Foyer départemental", EstablishmentKind.NURSERY, "centre", 12, (0, 2),
     "Département du Jura", "1 rue du Foyer\n39000 Lons-le-Saunier", "318.00", "326.90"),
    ("MECS Saint-Joseph", EstablishmentKind.MECS, "centre", 45, (3, 17),
     "Association Jura Enfance", "12 rue des Écoles\n39000 Lons-le-Saunier", "214.50", "221.00"),
    ("MECS La Roche", EstablishmentKind.MECS, "nord", 40, (6, 17),
     "Association La Roche", "5 chemin de la Roche\n39100 Dole", "208.00", "214.20"),
    ("MECS Les Marronniers", EstablishmentKind.MECS, "nord", 35, (6, 17),
     "Fondation des Marronniers", "18 avenue de Lahr\n39100 Dole", "205.30", "212.80"),
    ("MECS Le Haut-Jura", EstablishmentKind.MECS, "sud", 30, (12, 20),
     "Association Haut-Jura Jeunesse", "3 rue du Pré\n39200 Saint-Claude", "219.00", "226.50"),
    ("MECS Les Cèdres", EstablishmentKind.MECS, "sud", 30, (3, 17),
     "Association Jura Enfance", "27 route de Genève\n39200 Saint-Claude", "211.70", "218.00"),
    ("Lieu de vie La Bergerie", EstablishmentKind.LVA, "nord", 7, (6, 17),
     "La Bergerie", "Hameau de Chaux\n39100 Foucherans", "182.00", "187.50"),
    ("Lieu de vie Le Moulin", EstablishmentKind.LVA, "centre", 7, (10, 20),
     "Le Moulin", "Le Moulin\n39570 Montmorot", "185.00", "190.00"),
    ("Lieu de vie Les Sapins", EstablishmentKind.LVA, "sud", 6, (6, 17),
     "Les Sapins", "Les Sapins\n39310 Septmoncel", "178.00", "183.40"),
    ("Lieu de vie La Ferme du Revermont", EstablishmentKind.LVA, "centre", 10, (10, 20),
     "La Ferme", "La Ferme\n39190 Beaufort", "190.00", "195.70"),
    ("Lieu de vie L'Envol", EstablishmentKind.LVA, "nord", 7, (10, 20),
     "L'Envol", "2 rue Haute\n39290 Moissey", "184.00", "189.50"),
    ("Appartements de semi-autonomie de Dole", EstablishmentKind.SEMI_AUTONOMY, "nord", 20,
     (16, 20), "Association Jura Enfance", "9 rue Pasteur\n39100 Dole", "118.00", "123.50"),
    ("Résidence de semi-autonomie de Lons-le-Saunier", EstablishmentKind.SEMI_AUTONOMY, "centre",
     18, (16, 20), "Fondation des Marronniers", "40 boulevard Gambetta\n39000 Lons-le-Saunier",
     "124.00", "129.90"),
    ("Appartements de semi-autonomie de Saint-Claude", EstablishmentKind.SEMI_AUTONOMY, "sud", 12,
     (16, 20), "Association Haut-Jura Jeunesse", "14 rue du Marché\n39200 Saint-Claude",
     "115.00", "120.80"),
]  # fmt: skip

END_REASONS = {
    MeasureEndReason.RETURN_HOME: PlacementEndReason.RETURN_HOME,
    MeasureEndReason.MAJORITY: PlacementEndReason.MAJORITY,
    MeasureEndReason.AGE_LIMIT: PlacementEndReason.MAJORITY,
    MeasureEndReason.MOVED_AWAY: PlacementEndReason.MOVED_AWAY,
    MeasureEndReason.ADOPTION: PlacementEndReason.ADOPTION,
}


def demo_uuid(kind: str, rank: int) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}-{rank}")


@dataclass
class Stay:
    """A stretch of a child's placement, before a place is given to it."""

    child_id: int
    territory_id: int
    birth_date: date
    measure: Measure
    start: date
    end: date | None
    end_reason: str
    category: str  # a PlaceKind
    place: object = None
    young_adult: bool = False


@dataclass
class Slots:
    """A place provider's occupation while the stays are handed out in order of arrival."""

    provider: object
    capacity: int
    ends: list = field(default_factory=list)

    def has_room(self, day: date) -> bool:
        self.ends = [end for end in self.ends if end is None or end > day]
        return len(self.ends) < self.capacity

    def take(self, stay: Stay):
        self.ends.append(stay.end)
        stay.place = self.provider


def _providers(rng, fake, territories, today, parameters):
    establishments = []
    rates = []
    for rank, row in enumerate(ESTABLISHMENTS):
        name, kind, code, capacity, (low, high), manager, address, rate_2022, rate_2023 = row
        establishment = Establishment(
            public_id=demo_uuid("etablissement", rank),
            name=name,
            kind=kind,
            territory=territories[code],
            authorised_capacity=capacity,
            min_age=low,
            max_age=high,
            manager=manager,
            address=address,
            phone=fake.phone_number(),
        )
        establishments.append(establishment)
        for year, amount in ((2022, rate_2022), (2023, rate_2023)):
            rates.append(
                DailyRate(
                    year=year,
                    place_kind=PlaceKind.ESTABLISHMENT,
                    establishment=establishment,
                    amount=Decimal(amount),
                )
            )
    Establishment.objects.bulk_create(establishments)

    carers, agrements = [], []
    codes = rng.choices(list(TERRITORY_WEIGHTS), list(TERRITORY_WEIGHTS.values()), k=FOSTER_CARERS)
    for rank, code in enumerate(codes):
        deaf = rng.random() < 0.3
        first_grant = date(2006, 1, 1) + timedelta(days=rng.randint(0, 8 * 365))
        carer = FosterCarer(
            public_id=demo_uuid("assistant-familial", rank),
            first_name=fake.first_name_female() if rng.random() < 0.9 else fake.first_name_male(),
            last_name=fake.last_name(),
            territory=territories[code],
            address=fake.address(),
            phone=fake.phone_number(),
            deaf_obtained_on=add_years(first_grant, 3) if deaf else None,
        )
        carers.append(carer)
        places = rng.choices(list(PLACES_WEIGHTS), list(PLACES_WEIGHTS.values()))[0]
        if rank < EXPIRING_SOON and not deaf:
            # The current agrément ends within 4 months: its renewal reminder is due.
            expiry = today + timedelta(days=20 + 15 * rank)
            while expiry > date(2014, 12, 31):
                expiry = add_years(expiry, -parameters.value(Key.AGREMENT_VALIDITY_YEARS, expiry))
            first_grant = expiry
        agrements.extend(_agrement_chain(carer, rank, first_grant, places, deaf, today, parameters))
        if rank % 9 == 0:
            rates.append(
                DailyRate(
                    year=2023,
                    place_kind=PlaceKind.FOSTER_CARER,
                    foster_carer=carer,
                    amount=CARER_RATE[2023] + Decimal("12.00"),
                )
            )
    suspended = carers[-1]
    current = [a for a in agrements if a.foster_carer is suspended][-1]
    current.state = AgrementState.SUSPENDED
    current.state_changed_on = max(current.granted_on, today - timedelta(days=45))
    current.state_reason = "Suspension dans l'attente de l'enquête sur un signalement."
    FosterCarer.objects.bulk_create(carers)
    Agrement.objects.bulk_create(agrements)
    for year in (2022, 2023):
        rates.append(
            DailyRate(year=year, place_kind=PlaceKind.FOSTER_CARER, amount=CARER_RATE[year])
        )
        rates.append(DailyRate(year=year, place_kind=PlaceKind.FAMILY_HOME, amount=PEAD_RATE[year]))
    DailyRate.objects.bulk_create(rates)
    return establishments, carers, suspended


def _agrement_chain(carer, rank, first_grant, places, deaf, today, parameters):
    """The carer's agréments from the first one up to the one in force today."""
    derogation = {}
    if places > 3:
        derogation = {
            "derogation_reason": "Accueil d'une fratrie (art. L421-5 CASF).",
            "derogation_decided_on": first_grant,
        }
    if deaf:
        return [
            Agrement(
                foster_carer=carer,
                number=f"AF-39-{rank:04d}",
                places=places,
                granted_on=first_grant,
                expires_on=None,
                **derogation,
            )
        ]
    chain = []
    granted = first_grant
    while True:
        expires = agrement_expiry(granted_on=granted, deaf_holder=False, parameters=parameters)
        current = expires > today
        chain.append(
            Agrement(
                foster_carer=carer,
                number=f"AF-39-{rank:04d}-{len(chain) + 1}",
                places=places,
                granted_on=granted,
                expires_on=expires,
                state=AgrementState.VALID if current else AgrementState.EXPIRED,
                state_changed_on=None if current else expires,
                reminder_sent_on=None if current else add_years(granted, 4),
                **derogation,
            )
        )
        if current:
            return chain
        granted = expires


def _runs(measures, eligible):
    """Runs of back-to-back measures of the eligible types, as (measures, first, last day)."""
    runs = []
    for measure in measures:
        if measure.type not in eligible:
            continue
        if runs and runs[-1][2] is not None and measure.start_date <= runs[-1][2] + timedelta(1):
            run = runs[-1]
            run[0].append(measure)
            runs[-1] = (run[0], run[1], measure.end_date)
        else:
            runs.append(([measure], measure.start_date, measure.end_date))
    return runs


def _stays(rng, children_measures, today):
    """The stays of every demo child around 31/12/2022 and the judicial split AF / ESSMS."""
    stays_by_child = {}
    judicial = []
    for child, measures in children_measures:
        snapshot_measure = next(
            m for m in measures if m.type in MeasureType.care() and m.is_active_on(SNAPSHOT)
        )
        pead = snapshot_measure.type in PEAD_MEASURES
        # A run of measures of the snapshot's nature: a young adult's placement starts with
        # the accompaniment at 18, and a judicial one stops where an administrative one follows.
        same_nature = (
            MeasureType.administrative()
            if snapshot_measure.nature == MeasureNature.ADMINISTRATIVE
            else MeasureType.judicial()
        )
        eligible = [
            t for t in (PEAD_MEASURES if pead else MeasureType.accommodation()) if t in same_nature
        ]
        measures_run, first, last = next(
            run
            for run in _runs(measures, eligible)
            if run[1] <= SNAPSHOT and (run[2] is None or run[2] >= SNAPSHOT)
        )
        ended = last is not None and last < today
        end = last + timedelta(days=1) if ended else None
        reason = ""
        if ended:
            reason = END_REASONS.get(measures_run[-1].end_reason, PlacementEndReason.MEASURE_ENDED)
        stay = Stay(
            child_id=child.pk,
            territory_id=child.territory_id,
            birth_date=child.birth_date,
            measure=measures_run[0],
            start=first,
            end=end,
            end_reason=reason,
            category=PlaceKind.FAMILY_HOME if pead else "",
            young_adult=snapshot_measure.type == MeasureType.YOUNG_ADULT,
        )
        stays = [stay]
        if not pead and (SNAPSHOT - first).days > 730 and rng.random() < 0.25:
            # A move before the snapshot: the child's stability indicator counts two places.
            move = first + timedelta(days=rng.randint(180, (SNAPSHOT - first).days - 30))
            earlier = Stay(**{**stay.__dict__, "end": move, "end_reason": PlacementEndReason.MOVE})
            stay.start = move
            stay.measure = next(m for m in measures_run if m.is_active_on(move))
            stays.insert(0, earlier)
        stays_by_child[child.pk] = stays
        if not pead and snapshot_measure.nature == MeasureNature.JUDICIAL:
            age = child.age_on(SNAPSHOT)
            judicial.append((age + rng.uniform(0, 6) + 100 * child.unaccompanied_minor, child.pk))
        elif not pead:
            # Administrative: young adults mostly in semi-autonomy, the others with carers.
            in_establishment = stay.young_adult and rng.random() < 0.6
            for item in stays:
                item.category = (
                    PlaceKind.ESTABLISHMENT if in_establishment else PlaceKind.FOSTER_CARER
                )
    in_establishments = {
        pk for _, pk in sorted(judicial, reverse=True)[:JUDICIAL_IN_ESTABLISHMENTS]
    }
    for _, pk in judicial:
        for item in stays_by_child[pk]:
            item.category = (
                PlaceKind.ESTABLISHMENT if pk in in_establishments else PlaceKind.FOSTER_CARER
            )
    return [stay for stays in stays_by_child.values() for stay in stays]


def _hand_out(rng, stays, establishments, carers, agrements_places):
    """Give each stay, in order of arrival, a place with room left that day (same territory
    first), so that no carer or establishment is ever over its places."""
    carer_slots = [Slots(carer, agrements_places[carer.pk]) for carer in carers]
    establishment_slots = [Slots(e, e.authorised_capacity) for e in establishments]
    for stay in sorted(stays, key=lambda item: (item.start, item.child_id)):
        if stay.category == PlaceKind.FAMILY_HOME:
            continue
        age = _age(stay.birth_date, stay.start)
        if stay.category == PlaceKind.FOSTER_CARER:
            candidates = [slot for slot in carer_slots if slot.has_room(stay.start)]
        else:
            candidates = [
                slot
                for slot in establishment_slots
                if slot.provider.min_age <= age <= slot.provider.max_age
                and slot.has_room(stay.start)
            ]
            if stay.young_adult or age >= 16:
                semi = [s for s in candidates if s.provider.kind == EstablishmentKind.SEMI_AUTONOMY]
                candidates = semi or candidates
        local = [slot for slot in candidates if slot.provider.territory_id == stay.territory_id]
        if not (local or candidates):
            raise ValueError(f"Plus de place de démonstration le {stay.start} (âge {age}).")
        rng.choice(local or candidates).take(stay)


def _age(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def load(*, departement: str, stdout) -> None:
    """The Jura's establishments, assistants familiaux and the placements of the demo
    children; nothing when they are already there or the children demo was not loaded."""
    if FosterCarer.objects.filter(public_id=demo_uuid("assistant-familial", 0)).exists():
        stdout.write("Placements de démonstration déjà chargés.")
        return
    children_ids = [demo_public_id(rank) for rank in range(CHILDREN)]
    measures = list(
        Measure.objects.filter(child__public_id__in=children_ids)
        .select_related("child")
        .order_by("child_id", "start_date", "pk")
    )
    if not measures:
        stdout.write("Pas d'enfants de démonstration : aucun placement chargé.")
        return
    rng = random.Random(SEED)
    fake = Faker("fr_FR")
    fake.seed_instance(SEED)
    today = timezone.localdate()
    territories = {t.code: t for t in Territory.objects.filter(code__in=TERRITORY_WEIGHTS)}
    establishments, carers, suspended = _providers(
        rng, fake, territories, today, agrement_parameters()
    )

    by_child = {}
    for measure in measures:
        by_child.setdefault(measure.child, []).append(measure)
    stays = _stays(rng, list(by_child.items()), today)
    places = {
        agrement.foster_carer_id: agrement.places
        for agrement in Agrement.objects.filter(foster_carer__in=carers)
    }
    _hand_out(rng, stays, establishments, [c for c in carers if c is not suspended], places)
    Placement.objects.bulk_create(
        Placement(
            child_id=stay.child_id,
            measure=stay.measure,
            place_kind=stay.category,
            establishment=stay.place if stay.category == PlaceKind.ESTABLISHMENT else None,
            foster_carer=stay.place if stay.category == PlaceKind.FOSTER_CARER else None,
            start_date=stay.start,
            end_date=stay.end,
            end_reason=stay.end_reason,
        )
        for stay in stays
    )
    _suspend_with_child_placed(carers, today)
    applications = _applications(rng, fake, territories, today)
    stdout.write(
        f"{len(establishments)} établissements, {len(carers)} assistants familiaux, "
        f"{len(stays)} placements, {applications} demandes d'agrément."
    )


# Days between the last arrival at the carer and the suspension, and since the suspension.
SUSPENDED_SINCE_DAYS = 20


def _suspend_with_child_placed(carers, today):
    """Suspend, 20 days ago, the agrément of the first carer who still receives children who
    all arrived before: "tant que l'agrément reste suspendu, aucun enfant ne peut être
    confié" (art. L421-6 CASF), so the carer's page, the board and the dashboard alert on
    them (no arrival ever happens under the suspension)."""
    since = today - timedelta(days=SUSPENDED_SINCE_DAYS)
    for carer in carers:
        placements = list(carer.placements.all())
        if any(p.start_date >= since for p in placements) or not any(
            p.is_active_on(today) for p in placements
        ):
            continue
        agrement = carer.agrements.in_force_on(today).order_by("-granted_on").first()
        if agrement is None or agrement.granted_on >= since:
            continue
        agrement.state = AgrementState.SUSPENDED
        agrement.state_changed_on = since
        agrement.state_reason = "Suspension en urgence dans l'attente de l'évaluation d'une IP."
        agrement.save(update_fields=["state", "state_changed_on", "state_reason"])
        return


def _applications(rng, fake, territories, today) -> int:
    """Three applicants for a first agrément (art. L421-6 al. 2 CASF): one under instruction
    (complete a month ago, due in three months), one incomplete, and one whose complete file
    waited more than 4 months without a decision, granted tacitly (recorded, the agrément
    dated the day after the delay)."""
    cases = [
        ("nord", today - timedelta(days=40), today - timedelta(days=30), False),
        ("centre", today - timedelta(days=12), None, False),
        ("sud", today - timedelta(days=170), today - timedelta(days=160), True),
    ]
    for rank, (code, received, complete, tacit) in enumerate(cases):
        applicant = FosterCarer.objects.create(
            public_id=demo_uuid("candidat-agrement", rank),
            first_name=fake.first_name_female(),
            last_name=fake.last_name(),
            territory=territories[code],
            address=fake.address(),
            phone=fake.phone_number(),
        )
        application = services.application_receive(
            applicant=applicant,
            kind=ApplicationKind.FIRST,
            places=rng.choice((1, 2, 3)),
            received_on=received,
            complete_on=complete,
            today=today,
        )
        if tacit:
            services.application_record_tacit(
                application=application, today=today, number=f"AF-39-T{rank:03d}"
            )
    return len(cases)
