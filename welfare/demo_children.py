"""Demo children in care: the Jura's figures as of 31 December 2022 (see docs/demo.md).

807 children confiés on 31/12/2022, each under exactly one care measure active that day:
42 administrative (accueil provisoire, accompagnement jeune majeur) and 765 judicial, of which
163 AEMO avec hébergement (PEAD) and 602 judicial placements (art. 375-3, a few OPP). Each
history runs from an earlier measure or the entry into care up to today (renewals, exits,
majority), with PPE, rapports de situation and autonomy interviews, some of them late.

Deterministic (seeded) and idempotent: the children have fixed UUIDs, and a second run finds
them and adds nothing. Everything is written with bulk_create, so it takes a few seconds.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from faker import Faker

from welfare.enums import (
    DecisionMaker,
    DocumentKind,
    GuardianRelationship,
    MeasureEndReason,
    MeasureNature,
    MeasureType,
    PlacementBasis,
    Role,
    Sex,
)
from welfare.models import (
    Child,
    Guardian,
    LegalParameter,
    LegalParameterSet,
    Measure,
    StatutoryDocument,
    Territory,
    User,
)
from welfare.rules import add_months, add_years, measure_errors

SNAPSHOT = date(2022, 12, 31)
SEED = 39_2022

# How many children were under each type of measure on SNAPSHOT (Jura, 2022).
ADMINISTRATIVE = {MeasureType.PROVISIONAL_CARE: 22, MeasureType.YOUNG_ADULT: 20}
PEAD = {MeasureType.AEMO_WITH_ACCOMMODATION: 163}
PLACEMENTS = {MeasureType.PLACEMENT: 578, MeasureType.OPP_JUDGE: 16, MeasureType.OPP_PROSECUTOR: 8}
UNACCOMPANIED_MINORS = 45  # among the placements, aged 16 or 17 on SNAPSHOT
DISABILITY_SHARE = 0.2  # close to the national figure quoted by the Ain

TERRITORY_WEIGHTS = {"nord": 38, "centre": 37, "sud": 25}
COURTS = {
    "nord": "Tribunal judiciaire de Dole",
    "centre": "Tribunal judiciaire de Lons-le-Saunier",
    "sud": "Tribunal judiciaire de Lons-le-Saunier",
}
EXTRA_CASEWORKERS = 5  # per territory, besides the demo accounts
PPE_OBJECTIVES = [
    "Maintenir les liens avec la fratrie ; reprendre une scolarité régulière.",
    "Soutenir les visites médiatisées avec la mère ; suivi orthophonique.",
    "Stabiliser l'accueil familial ; bilan de santé et suivi psychologique.",
    "Préparer un retour progressif au domicile ; accompagnement éducatif des parents.",
    "Construire le projet d'orientation professionnelle ; apprentissage de l'autonomie.",
]
REPORT_SUMMARIES = [
    "Évolution favorable ; liens familiaux maintenus ; scolarité suivie.",
    "Situation stable ; les objectifs du PPE restent d'actualité.",
    "Difficultés scolaires persistantes ; orientation vers un accompagnement renforcé.",
    "Relations familiales conflictuelles ; les droits de visite restent médiatisés.",
]
AUTONOMY_SUMMARIES = [
    "Projet d'accès à l'autonomie établi : logement en semi-autonomie, CAP en alternance.",
    "Information sur le contrat jeune majeur et le pécule ARS ; demande de titre de séjour.",
    "Projet de poursuite d'études ; demande d'accompagnement jeune majeur envisagée.",
]
# Ages of the minors on SNAPSHOT: more teenagers than toddlers, as in every Département.
MINOR_AGE_WEIGHTS = [2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 10, 9]


DEMO_NAMESPACE = uuid.UUID("5d1c1f7e-39a0-4c6e-9b22-20221231a39e")


def demo_public_id(rank: int) -> uuid.UUID:
    """The fixed UUID of the ``rank``-th demo child: how a second run knows they are there."""
    return uuid.uuid5(DEMO_NAMESPACE, f"enfant-{rank}")


@dataclass
class MeasureSpec:
    type: str
    start: date
    end: date | None
    decided_by: str
    decision: date
    renews_previous: bool = False
    end_reason: str = ""
    durable: bool = False


@dataclass
class ChildSpec:
    child: Child
    measures: list = field(default_factory=list)


def _nature(measure_type):
    if measure_type in MeasureType.administrative():
        return MeasureNature.ADMINISTRATIVE
    return MeasureNature.JUDICIAL


def _decider(measure_type):
    if measure_type == MeasureType.OPP_PROSECUTOR:
        return DecisionMaker.PROSECUTOR
    if _nature(measure_type) == MeasureNature.ADMINISTRATIVE:
        return DecisionMaker.DEPARTEMENT_PRESIDENT
    return DecisionMaker.CHILDREN_JUDGE


class Generator:
    """Builds the children and their histories in memory, from one seeded random source."""

    def __init__(self, *, territories, caseworkers, today):
        self.rng = random.Random(SEED)
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(SEED)
        self.territories = territories
        self.caseworkers = caseworkers
        self.today = today
        self.specs = []
        self.sibling_pairs = []

    # --- dates ------------------------------------------------------------------------------

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max((last - first).days, 0)))

    def birth_for_age(self, age: int) -> date:
        """A birth date giving ``age`` on SNAPSHOT."""
        latest = add_years(SNAPSHOT, -age)
        return self.day_between(add_years(latest, -1) + timedelta(days=1), latest)

    # --- children ---------------------------------------------------------------------------

    def new_child(self, *, age: int, unaccompanied=False, sibling_of=None) -> ChildSpec:
        if sibling_of is not None:
            territory, last_name = sibling_of.child.territory, sibling_of.child.last_name
            referent = sibling_of.child.referent
        else:
            code = self.rng.choices(list(TERRITORY_WEIGHTS), list(TERRITORY_WEIGHTS.values()))[0]
            territory, last_name = self.territories[code], self.fake.last_name()
            # A few files wait for a référent to be designated.
            referent = None if self.rng.random() < 0.03 else self.rng.choice(self.caseworkers[code])
        sex = self.rng.choice(Sex.values)
        first_name = (
            self.fake.first_name_female() if sex == Sex.FEMALE else self.fake.first_name_male()
        )
        birth_date = self.birth_for_age(age)
        disability = self.rng.random() < DISABILITY_SHARE
        mdph = None
        if disability and self.rng.random() < 0.9:
            mdph = self.day_between(min(add_years(birth_date, 2), SNAPSHOT), SNAPSHOT)
        child = Child(
            public_id=demo_public_id(len(self.specs)),
            first_name=first_name,
            last_name=last_name,
            birth_date=birth_date,
            sex=sex,
            territory=territory,
            referent=referent,
            disability=disability,
            mdph_decision_date=mdph,
            unaccompanied_minor=unaccompanied,
        )
        spec = ChildSpec(child=child)
        self.specs.append(spec)
        if sibling_of is not None:
            self.sibling_pairs.append((sibling_of, spec))
        return spec

    def ages(self, count, low=0, high=17):
        weights = MINOR_AGE_WEIGHTS[low : high + 1]
        return self.rng.choices(range(low, high + 1), weights, k=count)

    # --- measures ---------------------------------------------------------------------------

    def chain(self, spec, measure_type, start, *, covering, lengths, last_day=None):
        """Renewed measures of one type from ``start`` until one covers ``covering``; each
        lasts a length drawn from ``lengths`` (months), never past ``last_day``."""
        renews = bool(spec.measures) and spec.measures[-1].type == measure_type
        while True:
            months = self.rng.choice(lengths)
            durable = False
            if measure_type == MeasureType.PLACEMENT and self.rng.random() < 0.04:
                months, durable = 36, True
            end = add_months(start, months) - timedelta(days=1)
            if last_day and end > last_day:
                end = last_day
            decision = start - timedelta(days=self.rng.randint(3, 25) if renews else 0)
            spec.measures.append(
                MeasureSpec(
                    type=measure_type,
                    start=start,
                    end=end,
                    decided_by=_decider(measure_type),
                    decision=decision,
                    renews_previous=renews,
                    durable=durable,
                )
            )
            if end >= covering or end == last_day:
                return
            spec.measures[-1].end_reason = MeasureEndReason.RENEWED
            start, renews = end + timedelta(days=1), True

    def switch(self, spec, reason=MeasureEndReason.CHANGED):
        """Close the last measure because another one follows it."""
        spec.measures[-1].end_reason = reason
        return spec.measures[-1].end + timedelta(days=1)

    def entry(self, spec, *, earliest_age=0, latest: date = SNAPSHOT) -> date:
        birth = spec.child.birth_date
        first = max(add_years(birth, earliest_age), birth + timedelta(days=20))
        first = max(first, add_years(SNAPSHOT, -8))
        return self.day_between(min(first, latest), latest)

    def preceding_help(self, spec, entry):
        """An AED or AEMO that came before care, for some children."""
        if spec.child.unaccompanied_minor or self.rng.random() > 0.3:
            return
        measure_type = self.rng.choice([MeasureType.AED, MeasureType.AEMO])
        start = add_months(entry, -12)
        if start <= spec.child.birth_date:
            return
        self.chain(
            spec,
            measure_type,
            start,
            covering=entry,
            lengths=[12],
            last_day=entry - timedelta(days=1),
        )
        self.switch(spec)

    def majority(self, spec):
        return add_years(spec.child.birth_date, 18)

    def minor_placement(self, spec, measure_type, entry, *, covering):
        """OPP then placement for a judicial confiage, ending at the latest at majority."""
        last_day = self.majority(spec) - timedelta(days=1)
        start = entry
        if measure_type == MeasureType.PLACEMENT and self.rng.random() < 0.35:
            opp_end = min(add_months(start, 6) - timedelta(days=1), last_day)
            if opp_end < covering:
                spec.measures.append(
                    MeasureSpec(
                        MeasureType.OPP_JUDGE,
                        start,
                        opp_end,
                        _decider(MeasureType.OPP_JUDGE),
                        start,
                    )
                )
                start = self.switch(spec)
        if start > covering:
            start = covering
        self.chain(
            spec, measure_type, start, covering=covering, lengths=[12, 24, 24], last_day=last_day
        )

    # --- the snapshot population ------------------------------------------------------------

    def placements(self):
        for age in self.ages(UNACCOMPANIED_MINORS, 16, 17):
            spec = self.new_child(age=age, unaccompanied=True)
            entry = self.entry(spec, earliest_age=15)
            self.minor_placement(spec, MeasureType.PLACEMENT, entry, covering=SNAPSHOT)
        self.judicial_group(
            MeasureType.PLACEMENT, PLACEMENTS[MeasureType.PLACEMENT] - UNACCOMPANIED_MINORS
        )
        for age in self.ages(PLACEMENTS[MeasureType.OPP_JUDGE]):
            spec = self.new_child(age=age)
            start = self.day_between(add_months(SNAPSHOT, -5), SNAPSHOT)
            if spec.child.birth_date >= start:
                start = SNAPSHOT
            if self.rng.random() < 0.5 and start - timedelta(days=8) > spec.child.birth_date:
                spec.measures.append(
                    MeasureSpec(
                        MeasureType.OPP_PROSECUTOR,
                        start - timedelta(days=8),
                        start - timedelta(days=1),
                        DecisionMaker.PROSECUTOR,
                        start - timedelta(days=8),
                        end_reason=MeasureEndReason.CHANGED,
                    )
                )
            end = min(
                add_months(start, 6) - timedelta(days=1), self.majority(spec) - timedelta(days=1)
            )
            spec.measures.append(
                MeasureSpec(
                    MeasureType.OPP_JUDGE,
                    start,
                    max(end, SNAPSHOT),
                    DecisionMaker.CHILDREN_JUDGE,
                    start,
                )
            )
        for age in self.ages(PLACEMENTS[MeasureType.OPP_PROSECUTOR]):
            spec = self.new_child(age=age)
            start = SNAPSHOT - timedelta(days=self.rng.randint(0, 6))
            spec.measures.append(
                MeasureSpec(
                    MeasureType.OPP_PROSECUTOR,
                    start,
                    start + timedelta(days=8),
                    DecisionMaker.PROSECUTOR,
                    start,
                )
            )

    def judicial_group(self, measure_type, count):
        """``count`` children under ``measure_type``, some of them in sibling pairs."""
        previous = None
        for age in self.ages(
            count,
            0 if measure_type == MeasureType.PLACEMENT else 1,
            17 if measure_type == MeasureType.PLACEMENT else 16,
        ):
            sibling_of = previous if previous and self.rng.random() < 0.2 else None
            spec = self.new_child(age=age, sibling_of=sibling_of)
            entry = self.entry(spec)
            if sibling_of is not None:
                # Siblings usually enter care together.
                entry = min(max(sibling_of.measures[0].start, spec.child.birth_date), SNAPSHOT)
            self.preceding_help(spec, entry)
            if measure_type == MeasureType.PLACEMENT:
                self.minor_placement(spec, measure_type, entry, covering=SNAPSHOT)
            else:
                self.chain(
                    spec,
                    measure_type,
                    entry,
                    covering=SNAPSHOT,
                    lengths=[6, 12, 12],
                    last_day=self.majority(spec) - timedelta(days=1),
                )
            previous = spec if sibling_of is None else None

    def administrative(self):
        for age in self.ages(ADMINISTRATIVE[MeasureType.PROVISIONAL_CARE], 3, 17):
            spec = self.new_child(age=age)
            start = self.day_between(
                max(add_months(SNAPSHOT, -10), spec.child.birth_date + timedelta(days=30)), SNAPSHOT
            )
            self.chain(
                spec,
                MeasureType.PROVISIONAL_CARE,
                start,
                covering=SNAPSHOT,
                lengths=[12],
                last_day=self.majority(spec) - timedelta(days=1),
            )
        for age in self.rng.choices(
            [18, 19, 20], [10, 6, 4], k=ADMINISTRATIVE[MeasureType.YOUNG_ADULT]
        ):
            spec = self.new_child(age=age, unaccompanied=False)
            majority = self.majority(spec)
            entry = self.entry(spec, earliest_age=12, latest=majority - timedelta(days=60))
            self.minor_placement(
                spec, MeasureType.PLACEMENT, entry, covering=majority - timedelta(days=1)
            )
            spec.measures[-1].end_reason = MeasureEndReason.MAJORITY
            self.chain(
                spec,
                MeasureType.YOUNG_ADULT,
                majority,
                covering=SNAPSHOT,
                lengths=[6, 12],
                last_day=add_years(spec.child.birth_date, 21) - timedelta(days=1),
            )

    # --- after the snapshot -----------------------------------------------------------------

    def continue_to_today(self, spec):
        """Renewals, changes, exits and majority from the snapshot's measure up to today."""
        limit = add_years(spec.child.birth_date, 21) - timedelta(days=1)
        majority = self.majority(spec)
        while spec.measures[-1].end < self.today:
            last = spec.measures[-1]
            start = last.end + timedelta(days=1)
            draw = self.rng.random()
            if last.type == MeasureType.YOUNG_ADULT:
                if last.end >= limit:
                    last.end_reason = MeasureEndReason.AGE_LIMIT
                    return
                if draw < 0.15:
                    last.end_reason = MeasureEndReason.YOUNG_PERSON_REQUEST
                    return
                last.end_reason = MeasureEndReason.RENEWED
                self.chain(
                    spec,
                    MeasureType.YOUNG_ADULT,
                    start,
                    covering=start,
                    lengths=[6, 12],
                    last_day=limit,
                )
            elif start >= majority:
                last.end_reason = MeasureEndReason.MAJORITY
                if draw < 0.6 and majority <= limit:
                    self.chain(
                        spec,
                        MeasureType.YOUNG_ADULT,
                        majority,
                        covering=majority,
                        lengths=[6, 12],
                        last_day=limit,
                    )
                else:
                    return
            elif draw < 0.08:
                last.end_reason = MeasureEndReason.RETURN_HOME
                return
            elif last.type in (MeasureType.OPP_PROSECUTOR, MeasureType.OPP_JUDGE):
                self.switch(spec)
                self.chain(
                    spec,
                    MeasureType.PLACEMENT,
                    start,
                    covering=start,
                    lengths=[12, 24],
                    last_day=majority - timedelta(days=1),
                )
            else:
                last.end_reason = MeasureEndReason.RENEWED
                self.chain(
                    spec,
                    last.type,
                    start,
                    covering=start,
                    lengths=[12]
                    if last.type in MeasureType.administrative()
                    or last.type == MeasureType.AEMO_WITH_ACCOMMODATION
                    else [12, 24],
                    last_day=majority - timedelta(days=1),
                )
                spec.measures[-1].renews_previous = True
        # A few measures run out without a decision on record: an overdue deadline to chase.
        if spec.measures[-1].end < self.today and self.rng.random() < 0.05:
            spec.measures[-1].end_reason = ""

    # --- documents and relatives ------------------------------------------------------------

    def documents(self, spec, author):
        """PPE, rapports de situation and autonomy interview; some are missing or late."""
        child = spec.child
        start = spec.measures[0].start
        end = spec.measures[-1].end or self.today
        majority = self.majority(spec)
        last_day = min(end, self.today, majority - timedelta(days=1))
        judicial = any(_nature(m.type) == MeasureNature.JUDICIAL for m in spec.measures)
        documents = []
        if start < majority:
            done = start + timedelta(days=self.rng.randint(20, 120))
            if done <= last_day:
                documents.append(
                    StatutoryDocument(
                        child=child,
                        kind=DocumentKind.PPE,
                        completed_on=done,
                        author=author,
                        referent=author,
                        objectives=self.rng.choice(PPE_OBJECTIVES),
                        trusted_person=self.fake.name() if self.rng.random() < 0.4 else "",
                    )
                )
        anchor = start
        while anchor < last_day:
            months = 6 if child.age_on(anchor) < 3 else 12
            due = add_months(anchor, months)
            # Only the latest report of a file may still be missing: older gaps would have
            # been caught up long ago.
            latest = due > self.today - timedelta(days=150)
            if due > last_day or (latest and self.rng.random() < 0.3):
                break
            done = min(due + timedelta(days=self.rng.randint(-30, 15)), self.today)
            sent = done + timedelta(days=self.rng.randint(1, 15)) if judicial else None
            documents.append(
                StatutoryDocument(
                    child=child,
                    kind=DocumentKind.SITUATION_REPORT,
                    completed_on=done,
                    author=author,
                    summary=self.rng.choice(REPORT_SUMMARIES),
                    sent_to_judge_on=sent if sent and sent <= self.today else None,
                )
            )
            anchor = done
        accommodated = [
            m for m in spec.measures if m.type in MeasureType.accommodation() and m.start < majority
        ]
        if accommodated and self.rng.random() < 0.8:
            due = max(add_years(child.birth_date, 17), accommodated[0].start)
            done = due + timedelta(days=self.rng.randint(-60, 90))
            done = max(done, accommodated[0].start)
            if done <= min(self.today, accommodated[-1].end or self.today, majority):
                documents.append(
                    StatutoryDocument(
                        child=child,
                        kind=DocumentKind.AUTONOMY_INTERVIEW,
                        completed_on=done,
                        author=author,
                        summary=self.rng.choice(AUTONOMY_SUMMARIES),
                    )
                )
        return documents

    def guardians(self, spec):
        child = spec.child
        if child.unaccompanied_minor:
            return []
        guardians = [
            Guardian(
                child=child,
                relationship=GuardianRelationship.MOTHER,
                first_name=self.fake.first_name_female(),
                last_name=child.last_name,
                holds_parental_authority=self.rng.random() < 0.95,
                deceased=self.rng.random() < 0.02,
                phone=self.fake.phone_number(),
                address=self.fake.address(),
            )
        ]
        if self.rng.random() < 0.8:
            guardians.append(
                Guardian(
                    child=child,
                    relationship=GuardianRelationship.FATHER,
                    first_name=self.fake.first_name_male(),
                    last_name=child.last_name if self.rng.random() < 0.7 else self.fake.last_name(),
                    holds_parental_authority=self.rng.random() < 0.7,
                    deceased=self.rng.random() < 0.03,
                    phone=self.fake.phone_number(),
                )
            )
        if self.rng.random() < 0.15:
            guardians.append(
                Guardian(
                    child=child,
                    relationship=GuardianRelationship.GRANDPARENT,
                    first_name=self.fake.first_name(),
                    last_name=self.fake.last_name(),
                    holds_parental_authority=False,
                    phone=self.fake.phone_number(),
                )
            )
        return guardians


def _caseworkers(territories, generator_fake):
    """The demo référents of each territory: the demo account first, then a few others."""
    caseworkers = {}
    for code, territory in territories.items():
        team = list(User.objects.filter(username=f"referent.{code}"))
        for number in range(2, EXTRA_CASEWORKERS + 2):
            user, created = User.objects.get_or_create(
                username=f"referent.{code}.{number}",
                defaults={
                    "first_name": generator_fake.first_name(),
                    "last_name": generator_fake.last_name(),
                    "email": f"referent.{code}.{number}@enfance-famille.localhost",
                    "role": Role.CASEWORKER,
                    "territory": territory,
                },
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            team.append(user)
        caseworkers[code] = team
    return caseworkers


def load(*, departement: str, stdout) -> None:
    """The Jura's children in care on 31/12/2022 and their histories up to today."""
    if Child.objects.filter(public_id=demo_public_id(0)).exists():
        stdout.write("Enfants de démonstration déjà chargés.")
        return
    territories = {t.code: t for t in Territory.objects.filter(code__in=TERRITORY_WEIGHTS)}
    names = Faker("fr_FR")
    names.seed_instance(SEED + 1)
    caseworkers = _caseworkers(territories, names)
    generator = Generator(
        territories=territories, caseworkers=caseworkers, today=timezone.localdate()
    )
    generator.placements()
    generator.judicial_group(
        MeasureType.AEMO_WITH_ACCOMMODATION, PEAD[MeasureType.AEMO_WITH_ACCOMMODATION]
    )
    generator.administrative()
    specs = generator.specs
    for spec in specs:
        generator.continue_to_today(spec)

    Child.objects.bulk_create([spec.child for spec in specs])
    Through = Child.siblings.through
    Through.objects.bulk_create(
        pair
        for older, younger in generator.sibling_pairs
        for pair in (
            Through(from_child=older.child, to_child=younger.child),
            Through(from_child=younger.child, to_child=older.child),
        )
    )
    Guardian.objects.bulk_create(g for spec in specs for g in generator.guardians(spec))
    _create_measures(specs, territories)
    StatutoryDocument.objects.bulk_create(
        document for spec in specs for document in generator.documents(spec, spec.child.referent)
    )
    stdout.write(
        f"{len(specs)} enfants confiés au 31/12/2022, "
        f"{sum(len(spec.measures) for spec in specs)} mesures."
    )


def _reference(item, spec, rank):
    """A court file number in the usual form, e.g. "RG 22/04817"."""
    return f"RG {item.decision:%y}/{(spec.child.public_id.int + rank) % 99999:05d}"


def _create_measures(specs, territories):
    """Measures in waves by rank in each history, so a renewal can point at the saved one
    before it; each is checked against the legal limits first."""
    parameters = LegalParameterSet(LegalParameter.objects.all())
    court_of = {territory.pk: COURTS[code] for code, territory in territories.items()}
    previous = {}
    rank = 0
    while True:
        wave = []
        for spec in specs:
            if rank >= len(spec.measures):
                continue
            item = spec.measures[rank]
            judicial = _nature(item.type) == MeasureNature.JUDICIAL
            measure = Measure(
                child=spec.child,
                nature=_nature(item.type),
                type=item.type,
                decided_by=item.decided_by,
                decision_date=item.decision,
                start_date=item.start,
                end_date=item.end,
                renews=previous.get(spec.child.public_id) if item.renews_previous else None,
                court=court_of[spec.child.territory_id] if judicial else "",
                decision_reference=_reference(item, spec, rank) if judicial else "",
                parental_agreement=item.type == MeasureType.PROVISIONAL_CARE,
                durable_difficulties=item.durable,
                # The demo's judicial placements confie the children to the ASE (375-3 3°).
                placement_basis=PlacementBasis.ASE if item.type == MeasureType.PLACEMENT else "",
                end_reason=item.end_reason,
                created_by=spec.child.referent,
            )
            errors = measure_errors(measure, parameters)
            if errors:
                raise ValueError(f"Mesure de démonstration invalide ({measure}): {errors}")
            wave.append(measure)
        if not wave:
            return
        Measure.objects.bulk_create(wave)
        for measure in wave:
            previous[measure.child.public_id] = measure
        rank += 1
