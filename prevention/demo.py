"""Demo prevention: the Jura's 2023 actions and a year of informations préoccupantes, and
the same catalogue for the year under way, delivered up to today.

The actions' costs add up to 1 969 441 €, the prevention spending the Jura published for 2023;
their split between actions, the partners' names and the participation are invented but
plausible. Home interventions name their family; those whose children have a file (children
back home in 2023 after a placement, children of a concern) are linked to it. The concerns
are those received in 2023 (all evaluated, some late, with their outcomes; an administrative
help opens its measure in the child's file) and the CRIP's current workload (received in the
last four months, some overdue, a few grave dangers).

Deterministic (seeded) and idempotent: rows have fixed UUIDs and a second run adds nothing.
Everything is written with bulk_create.
"""

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from faker import Faker

from prevention.enums import (
    ActionKind,
    ConcernOutcome,
    ConcernSource,
    DangerKind,
    FirstAnalysis,
    InterventionOutcome,
    PartnerKind,
    ProsecutorFeedback,
)
from prevention.models import Concern, ConcernParameter, Intervention, Partner, PreventionAction
from prevention.rules import evaluation_due_on
from welfare.enums import (
    DecisionMaker,
    MeasureEndReason,
    MeasureNature,
    MeasureType,
    Role,
    Sex,
)
from welfare.models import Child, LegalParameter, LegalParameterSet, Measure, Territory, User
from welfare.rules import add_months, add_years, measure_errors

YEAR = 2023
SEED = 39_2023
NAMESPACE = uuid.UUID("8f0e5a52-39a0-4d2b-a1c4-20231231a39e")
PUBLISHED_SPENDING = Decimal("1969441")

# The catalogue: title, kind, partner, territory code (None: the whole Département), cost
# in euros, and how many families (home interventions) or sessions (group activities).
PARTNERS = {
    "tisf": ("Association d'aide à domicile aux familles du Jura", PartnerKind.ASSOCIATION),
    "aed": ("Service éducatif de prévention du Jura", PartnerKind.ASSOCIATION),
    "mediation": ("Espace de médiation familiale du Jura", PartnerKind.ASSOCIATION),
    "parents_solos": ("Accueil parents solos", PartnerKind.ASSOCIATION),
    "caf": ("CAF du Jura", PartnerKind.CAF),
    "dole": ("Ville de Dole", PartnerKind.COMMUNE),
    "lons": ("Ville de Lons-le-Saunier", PartnerKind.COMMUNE),
    "saint_claude": ("Ville de Saint-Claude", PartnerKind.COMMUNE),
    "pmi": ("Département du Jura – PMI", PartnerKind.DEPARTEMENT),
    "parrainage": ("Parrainage de proximité Jura", PartnerKind.ASSOCIATION),
}
ACTIONS = [
    ("TISF – soutien à domicile, Nord", ActionKind.TISF, "tisf", "nord", 310_000, 88),
    ("TISF – soutien à domicile, Centre", ActionKind.TISF, "tisf", "centre", 295_000, 84),
    ("TISF – soutien à domicile, Sud", ActionKind.TISF, "tisf", "sud", 198_000, 56),
    (
        "Premiers pas – accompagnement périnatal par des TISF",
        ActionKind.TISF,
        "tisf",
        None,
        49_141,
        40,
    ),
    ("Aide éducative à domicile, Nord", ActionKind.AED_AEP, "aed", "nord", 182_000, 52),
    ("Aide éducative à domicile, Centre", ActionKind.AED_AEP, "aed", "centre", 176_500, 50),
    ("Aide éducative à domicile, Sud", ActionKind.AED_AEP, "aed", "sud", 121_000, 35),
    ("Accompagnement budgétaire des familles (AESF)", ActionKind.AESF, "tisf", None, 96_800, 64),
    ("Médiation familiale – Dole", ActionKind.FAMILY_MEDIATION, "mediation", "nord", 64_300, 42),
    (
        "Médiation familiale – Lons-le-Saunier",
        ActionKind.FAMILY_MEDIATION,
        "mediation",
        "centre",
        58_900,
        40,
    ),
    (
        "Médiation familiale – Saint-Claude",
        ActionKind.FAMILY_MEDIATION,
        "mediation",
        "sud",
        41_200,
        28,
    ),
    (
        "Accueil de parents isolés – Lons-le-Saunier",
        ActionKind.SINGLE_PARENT_RECEPTION,
        "parents_solos",
        "centre",
        38_600,
        45,
    ),
    (
        "Accueil de parents isolés – Dole",
        ActionKind.SINGLE_PARENT_RECEPTION,
        "parents_solos",
        "nord",
        32_400,
        40,
    ),
    (
        "Quartiers prioritaires de Dole : actions familles",
        ActionKind.PRIORITY_NEIGHBOURHOOD,
        "dole",
        "nord",
        52_700,
        30,
    ),
    (
        "Quartiers prioritaires de Lons-le-Saunier : actions familles",
        ActionKind.PRIORITY_NEIGHBOURHOOD,
        "lons",
        "centre",
        47_900,
        28,
    ),
    (
        "Quartier prioritaire de Saint-Claude : actions familles",
        ActionKind.PRIORITY_NEIGHBOURHOOD,
        "saint_claude",
        "sud",
        29_300,
        20,
    ),
    ("Entretien prénatal précoce", ActionKind.PRENATAL_INTERVIEW, "pmi", None, 68_400, 12),
    (
        "Groupes de parole de parents, Nord",
        ActionKind.PARENTING_SUPPORT,
        "caf",
        "nord",
        27_300,
        22,
    ),
    (
        "Groupes de parole de parents, Centre",
        ActionKind.PARENTING_SUPPORT,
        "caf",
        "centre",
        25_100,
        20,
    ),
    ("Groupes de parole de parents, Sud", ActionKind.PARENTING_SUPPORT, "caf", "sud", 18_900, 16),
    ("Parrainage de proximité", ActionKind.SPONSORSHIP, "parrainage", None, 36_000, 12),
]

# Concerns received in YEAR, and how many the CRIP has in hand today.
CONCERNS_IN_YEAR = 380
CURRENT_CONCERNS = 64
TERRITORY_WEIGHTS = {"nord": 38, "centre": 37, "sud": 25}
SOURCES = {
    ConcernSource.SCHOOL: 30,
    ConcernSource.SNATED: 12,
    ConcernSource.HEALTH: 12,
    ConcernSource.POLICE: 10,
    ConcernSource.FAMILY: 14,
    ConcernSource.NEIGHBOUR: 8,
    ConcernSource.ANONYMOUS: 6,
    ConcernSource.OTHER: 8,
}
TRANSMITTERS = {
    ConcernSource.SCHOOL: ["Collège Jules Grévy", "École élémentaire du Centre", "Lycée Pasteur"],
    ConcernSource.HEALTH: ["Centre hospitalier Jura Sud", "Médecin traitant", "Service de PMI"],
    ConcernSource.POLICE: ["Brigade de gendarmerie", "Commissariat de police"],
    ConcernSource.SNATED: ["119 – Allô enfance en danger"],
}
DANGERS = {
    DangerKind.EDUCATION: 28,
    DangerKind.NEGLECT: 16,
    DangerKind.DOMESTIC_VIOLENCE: 16,
    DangerKind.PSYCHOLOGICAL_VIOLENCE: 12,
    DangerKind.PHYSICAL_VIOLENCE: 12,
    DangerKind.CHILD_BEHAVIOUR: 9,
    DangerKind.SEXUAL_VIOLENCE: 5,
    DangerKind.OTHER: 2,
}
FACTS = {
    DangerKind.EDUCATION: "Absentéisme scolaire important, parents difficiles à joindre.",
    DangerKind.NEGLECT: "Enfant arrivant à l'école sans repas ni vêtements adaptés.",
    DangerKind.DOMESTIC_VIOLENCE: "Intervention des forces de l'ordre pour violences conjugales.",
    DangerKind.PSYCHOLOGICAL_VIOLENCE: "Propos dévalorisants et menaces répétés rapportés.",
    DangerKind.PHYSICAL_VIOLENCE: "Ecchymoses constatées, explications confuses de l'enfant.",
    DangerKind.CHILD_BEHAVIOUR: "Fugues répétées et consommation de produits rapportées.",
    DangerKind.SEXUAL_VIOLENCE: "Propos de l'enfant laissant craindre des violences sexuelles.",
    DangerKind.OTHER: "Situation familiale préoccupante signalée.",
}
OUTCOMES = {
    ConcernOutcome.NO_FURTHER_ACTION: 50,
    ConcernOutcome.ADMINISTRATIVE_HELP: 32,
    ConcernOutcome.PROSECUTOR: 18,
}
FEEDBACK = {
    ProsecutorFeedback.CHILDREN_JUDGE: 55,
    ProsecutorFeedback.PLACEMENT_ORDER: 10,
    ProsecutorFeedback.CRIMINAL_INQUIRY: 15,
    ProsecutorFeedback.RETURNED: 10,
    ProsecutorFeedback.DISMISSED: 10,
}
HOME_OUTCOMES = {
    InterventionOutcome.OBJECTIVES_MET: 50,
    InterventionOutcome.PARTLY_MET: 28,
    InterventionOutcome.STOPPED_BY_FAMILY: 10,
    InterventionOutcome.REFERRED_TO_PROTECTION: 5,
    InterventionOutcome.REFERRED_ELSEWHERE: 7,
}
GRAVE_SHARE = 0.05
NOT_CONCERN_SHARE = 0.15
LATE_SHARE = 0.18
# Share of the concerns of YEAR about a child followed at home under a PEAD.
PEAD_SHARE = 0.06


def demo_id(kind: str, rank: int, year: int = YEAR) -> uuid.UUID:
    """The fixed UUID of a demo row: how a second run knows the demo is there. The seed
    year's rows keep the identifiers they always had."""
    name = f"{kind}-{rank}" if year == YEAR else f"{kind}-{year}-{rank}"
    return uuid.uuid5(NAMESPACE, name)


def _pick(rng, weights: dict):
    return rng.choices(list(weights), list(weights.values()))[0]


class Generator:
    """Builds the rows in memory from one seeded random source."""

    def __init__(self, *, territories, today, seed=SEED):
        self.rng = random.Random(seed)
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)
        self.territories = territories
        self.today = today
        self.parameters = ConcernParameter.objects.as_set()
        self.legal = LegalParameterSet(LegalParameter.objects.all())
        self.codes = {territory.pk: code for code, territory in territories.items()}
        self.children = []
        self.intervention_rows = []
        self.intervention_children = []
        self.concern_rows = []
        self.concern_children = []
        self.evaluators = []
        self.measures = []
        self.officer = User.objects.filter(role=Role.PREVENTION_OFFICER).order_by("pk").first()
        self.teams = {
            code: list(
                User.objects.filter(
                    territory=territory, role__in=(Role.CASEWORKER, Role.TERRITORY_MANAGER)
                ).order_by("username")
            )
            for code, territory in territories.items()
        }

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max((last - first).days, 0)))

    def territory_code(self) -> str:
        return _pick(self.rng, TERRITORY_WEIGHTS)

    # --- actions ----------------------------------------------------------------------------

    def actions(self, partners, year: int = YEAR) -> list[PreventionAction]:
        """The catalogue for ``year``; the year under way has its budgets, its costs are not
        known yet."""
        actions = []
        for rank, (title, kind, partner, code, cost, _size) in enumerate(ACTIONS):
            cost = Decimal(cost)
            actions.append(
                PreventionAction(
                    public_id=demo_id("action", rank, year),
                    title=title,
                    kind=kind,
                    partner=partners[partner],
                    territory=self.territories[code] if code else None,
                    start_date=date(year, 1, 1),
                    end_date=date(year, 12, 31),
                    budget=(cost * Decimal("1.04")).quantize(Decimal("100")),
                    cost=cost if year == YEAR else None,
                    assessment=(
                        "Bilan annuel présenté au comité de suivi du schéma."
                        if year == YEAR
                        else ""
                    ),
                )
            )
        return actions

    def interventions(self, actions, returned_home) -> list[Intervention]:
        """What the actions delivered; in the year under way, up to today and in proportion
        to the share of the year gone by."""
        interventions = []
        for action, (_t, _k, _p, _c, _cost, size) in zip(actions, ACTIONS, strict=True):
            year = action.start_date.year
            if year == self.today.year:
                elapsed = (self.today - date(year, 1, 1)).days + 1
                size = max(1, round(size * elapsed / 365))
            if action.is_home_intervention:
                interventions += self.home(action, size, returned_home)
            else:
                interventions += self.sessions(action, size)
        return interventions

    def home(self, action, families, returned_home) -> list[Intervention]:
        year = action.start_date.year
        rows = []
        for _ in range(families):
            start = self.day_between(date(year, 1, 2), min(date(year, 10, 31), self.today))
            months = self.rng.choice((3, 4, 6, 6, 9))
            end = min(add_months(start, months), date(year, 12, 31))
            intervention = Intervention(
                public_id=demo_id("intervention", len(self.intervention_rows), year),
                action=action,
                started_on=start,
                ended_on=end,
                family_name=f"Famille {self.fake.last_name()}",
                families_count=1,
                visits_count=self.rng.randint(6, 40),
                outcome=_pick(self.rng, HOME_OUTCOMES),
                created_by=self.officer,
            )
            if end > self.today:
                # Still under way: no end, no outcome yet.
                intervention.ended_on, intervention.outcome = None, ""
            self.intervention_rows.append(intervention)
            # A child back home after a placement gets help at home in his territory.
            candidates = returned_home.get(action.territory_id, [])
            if candidates and action.kind != ActionKind.AESF and self.rng.random() < 0.15:
                child, back_on = candidates.pop()
                intervention.started_on = max(back_on, date(YEAR, 1, 2))
                intervention.ended_on = min(
                    add_months(intervention.started_on, months), date(YEAR, 12, 31)
                )
                intervention.family_name = f"Famille {child.last_name}"
                self.intervention_children.append((intervention, child))
            rows.append(intervention)
        return rows

    def sessions(self, action, count) -> list[Intervention]:
        year = action.start_date.year
        rows = []
        monthly = action.kind in (ActionKind.PRENATAL_INTERVIEW, ActionKind.SPONSORSHIP)
        for number in range(count):
            if monthly:
                day = date(year, number % 12 + 1, 15)
                families = (
                    self.rng.randint(55, 80)
                    if action.kind == ActionKind.PRENATAL_INTERVIEW
                    else self.rng.randint(2, 5)
                )
                notes = (
                    "Entretiens réalisés dans le mois."
                    if action.kind == ActionKind.PRENATAL_INTERVIEW
                    else "Nouveaux parrainages engagés dans le mois."
                )
            else:
                day = self.day_between(date(year, 1, 9), min(date(year, 12, 15), self.today))
                families = self.rng.randint(0, 4)
                notes = ""
            participants = families * 2 + self.rng.randint(2, 12)
            if day > self.today:
                continue
            intervention = Intervention(
                public_id=demo_id("intervention", len(self.intervention_rows), year),
                action=action,
                started_on=day,
                families_count=families,
                participants_count=participants,
                notes=notes,
                created_by=self.officer,
            )
            self.intervention_rows.append(intervention)
            rows.append(intervention)
        return rows

    # --- concerns ---------------------------------------------------------------------------

    def new_child(self, *, code, last_name, received) -> Child:
        age = 0 if self.rng.random() < 0.15 else self.rng.randint(2, 17)
        latest = add_years(received, -age) - timedelta(days=1)
        birth = self.day_between(add_years(latest, -1) + timedelta(days=2), latest)
        sex = self.rng.choice(Sex.values)
        child = Child(
            public_id=demo_id("enfant", len(self.children)),
            first_name=(
                self.fake.first_name_female() if sex == Sex.FEMALE else self.fake.first_name_male()
            ),
            last_name=last_name,
            birth_date=birth,
            sex=sex,
            territory=self.territories[code],
        )
        self.children.append(child)
        return child

    def concern(self, received: date, *, pead=None, current=False) -> Concern:
        if pead:
            code = self.codes[pead.territory_id]
            children = [pead]
        else:
            code = self.territory_code()
            last_name = self.fake.last_name()
            count = self.rng.choices((1, 2, 3), (60, 28, 12))[0]
            children = [
                self.new_child(code=code, last_name=last_name, received=received)
                for _ in range(count)
            ]
        source = _pick(self.rng, SOURCES)
        danger = _pick(self.rng, DANGERS)
        grave = self.rng.random() < GRAVE_SHARE or (
            danger == DangerKind.SEXUAL_VIOLENCE and self.rng.random() < 0.5
        )
        concern = Concern(
            public_id=demo_id("ip", len(self.concern_rows)),
            territory=self.territories[code],
            received_on=received,
            source=source,
            transmitter=self.rng.choice(TRANSMITTERS.get(source, [""])),
            grave_danger=grave,
            danger_kind=danger,
            facts=FACTS[danger],
            created_by=self.officer,
        )
        concern.evaluation_due_on = evaluation_due_on(
            received_on=received,
            birth_dates=[child.birth_date for child in children],
            grave_danger=grave,
            parameters=self.parameters,
        )
        self.concern_rows.append(concern)
        self.concern_children += [(concern, child) for child in children]
        self.analyse(concern, code, current=current)
        if concern.evaluation_started_on and (
            not current
            # The CRIP has already closed most of the older ones of its current workload.
            or (received < self.today - timedelta(days=45) and self.rng.random() < 0.7)
        ):
            self.close(concern, children, pead=pead, latest=None if not current else self.today)
        return concern

    def analyse(self, concern, code, *, current):
        received = concern.received_on
        latest = self.today if current else date(YEAR + 1, 1, 10)
        if current and received > self.today - timedelta(days=3):
            return
        not_concern = not concern.grave_danger and self.rng.random() < NOT_CONCERN_SHARE
        concern.first_analysis = FirstAnalysis.NOT_CONCERN if not_concern else FirstAnalysis.CONCERN
        concern.analysed_on = min(received + timedelta(days=self.rng.randint(0, 4)), latest)
        if not_concern:
            return
        start = concern.analysed_on + timedelta(days=self.rng.randint(1, 15))
        if current and start > self.today:
            return
        concern.evaluation_started_on = min(start, concern.evaluation_due_on)
        team = self.teams.get(code) or []
        for member in self.rng.sample(team, min(2, len(team))):
            self.evaluators.append((concern, member))

    def close(self, concern, children, *, pead, latest):
        """End the evaluation, late for some; ``latest``: the last possible day, if any."""
        due = concern.evaluation_due_on
        started = concern.evaluation_started_on
        if latest is None and self.rng.random() < LATE_SHARE:
            ended = due + timedelta(days=self.rng.randint(3, 60))
        else:
            last = min(due, latest or due)
            ended = self.day_between(max(started, last - timedelta(days=40)), last)
        concern.evaluation_ended_on = ended
        if concern.grave_danger or pead:
            concern.outcome = ConcernOutcome.PROSECUTOR
        else:
            concern.outcome = _pick(self.rng, OUTCOMES)
        if concern.outcome == ConcernOutcome.PROSECUTOR:
            concern.prosecutor_referral_on = concern.prosecutor_referral_on or ended
            if self.rng.random() < 0.85:
                concern.prosecutor_feedback = (
                    ProsecutorFeedback.CHILDREN_JUDGE if pead else _pick(self.rng, FEEDBACK)
                )
                concern.prosecutor_feedback_on = concern.prosecutor_referral_on + timedelta(
                    days=self.rng.randint(10, 90)
                )
        elif concern.outcome == ConcernOutcome.ADMINISTRATIVE_HELP:
            concern.measure = self.measure(children[0], ended)

    def measure(self, child, ended) -> Measure:
        """The AED or aide à domicile the evaluation led to, in the child's file."""
        measure_type = MeasureType.AED if self.rng.random() < 0.6 else MeasureType.HOME_HELP
        decision = min(ended + timedelta(days=self.rng.randint(1, 12)), self.today)
        months = self.rng.choice((6, 12))
        measure = Measure(
            public_id=demo_id("mesure", len(self.measures)),
            child=child,
            nature=MeasureNature.ADMINISTRATIVE,
            type=measure_type,
            decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT,
            decision_date=decision,
            start_date=decision,
            end_date=add_months(decision, months) - timedelta(days=1),
            parental_agreement=True,
            end_reason=MeasureEndReason.TERM_REACHED,
            created_by=self.officer,
        )
        if measure.end_date >= self.today:
            measure.end_reason = ""
        errors = measure_errors(measure, self.legal)
        if errors:
            raise ValueError(f"Mesure de démonstration invalide ({measure}): {errors}")
        self.measures.append(measure)
        team = self.teams[self.codes[child.territory_id]]
        if team:
            child.referent = self.rng.choice(team)
        return measure

    def concerns(self, pead_children):
        pead_children = list(pead_children)
        self.rng.shuffle(pead_children)
        for _ in range(CONCERNS_IN_YEAR):
            received = self.day_between(date(YEAR, 1, 2), date(YEAR, 12, 29))
            pead = pead_children.pop() if pead_children and self.rng.random() < PEAD_SHARE else None
            self.concern(received, pead=pead)
        first = self.today - timedelta(days=120)
        current = [
            self.concern(self.day_between(first, self.today), current=True)
            for _ in range(CURRENT_CONCERNS)
        ]
        self.one_grave_danger_waiting(current)

    def one_grave_danger_waiting(self, current):
        """Whatever the day of loading, at least one grave danger of the current workload
        waits for its signalement to the parquet, due the day of receipt (art. L226-4 and
        D226-2-4 I 2° CASF): if the draws left none open, the latest one received, still to
        be qualified, is flagged so."""
        if any(c.grave_danger and c.evaluation_ended_on is None for c in current):
            return
        waiting = [c for c in current if not c.first_analysis]
        if not waiting:
            return
        concern = max(waiting, key=lambda c: (c.received_on, c.public_id))
        concern.grave_danger = True
        concern.evaluation_due_on = evaluation_due_on(
            received_on=concern.received_on,
            birth_dates=[],
            grave_danger=True,
            parameters=self.parameters,
        )


def _returned_home(territories):
    """Children whose placement ended in a return home early enough in YEAR for a home
    intervention that year, by territory."""
    ended = (
        Measure.objects.filter(
            end_reason=MeasureEndReason.RETURN_HOME,
            end_date__gte=date(YEAR, 1, 1),
            end_date__lte=date(YEAR, 10, 30),
        )
        .select_related("child")
        .order_by("end_date", "pk")
    )
    back_home = {measure.child: measure.end_date + timedelta(days=1) for measure in ended}
    by_territory = {}
    for child, day in back_home.items():
        by_territory.setdefault(child.territory_id, []).append((child, day))
    return by_territory


def _pead_children():
    """Children living at home under a PEAD in the middle of YEAR."""
    return [
        measure.child
        for measure in Measure.objects.active_on(date(YEAR, 6, 30))
        .of_type(MeasureType.AEMO_WITH_ACCOMMODATION)
        .select_related("child")
        .order_by("pk")
    ]


def _partners() -> dict:
    partners = {}
    for key, (name, kind) in PARTNERS.items():
        partners[key], _ = Partner.objects.get_or_create(name=name, defaults={"kind": kind})
    return partners


def _load_current_year(*, territories, today, stdout) -> None:
    """The catalogue again for the year under way, with what it has delivered up to today,
    so that a home visit made today can be recorded and the year's figures are not empty.
    Its own seed: the 2023 figures stay those of the seed."""
    year = today.year
    if (
        year == YEAR
        or PreventionAction.objects.filter(public_id=demo_id("action", 0, year)).exists()
    ):
        return
    generator = Generator(territories=territories, today=today, seed=SEED + year)
    actions = PreventionAction.objects.bulk_create(generator.actions(_partners(), year))
    interventions = Intervention.objects.bulk_create(generator.interventions(actions, {}))
    stdout.write(
        f"Prévention {year} : {len(actions)} actions, {len(interventions)} interventions "
        "jusqu'à aujourd'hui."
    )


def load(*, departement: str, stdout) -> None:
    """The 2023 prevention actions and their participation, the CRIP's concerns, and the
    actions of the year under way."""
    territories = {t.code: t for t in Territory.objects.filter(code__in=TERRITORY_WEIGHTS)}
    today = timezone.localdate()
    if PreventionAction.objects.filter(public_id=demo_id("action", 0)).exists():
        stdout.write("Prévention de démonstration déjà chargée.")
    else:
        _load_seed_year(territories=territories, today=today, stdout=stdout)
    _load_current_year(territories=territories, today=today, stdout=stdout)


def _load_seed_year(*, territories, today, stdout) -> None:
    generator = Generator(territories=territories, today=today)
    actions = PreventionAction.objects.bulk_create(generator.actions(_partners()))
    interventions = generator.interventions(actions, _returned_home(territories))
    generator.concerns(_pead_children())

    Child.objects.bulk_create(generator.children)
    Measure.objects.bulk_create(generator.measures)
    Intervention.objects.bulk_create(interventions)
    Intervention.children.through.objects.bulk_create(
        Intervention.children.through(intervention=intervention, child=child)
        for intervention, child in generator.intervention_children
    )
    Concern.objects.bulk_create(generator.concern_rows)
    Concern.children.through.objects.bulk_create(
        Concern.children.through(concern=concern, child=child)
        for concern, child in generator.concern_children
    )
    Concern.evaluators.through.objects.bulk_create(
        Concern.evaluators.through(concern=concern, user=user)
        for concern, user in generator.evaluators
    )
    stdout.write(
        f"Prévention {YEAR} : {len(actions)} actions, {len(interventions)} interventions ; "
        f"{len(generator.concern_rows)} informations préoccupantes."
    )
