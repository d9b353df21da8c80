"""A synthetic Département of any size, for measuring the portal at scale (issue 18).

``manage.py generate_scale --files N`` runs the functions of ``settings.SCALE_GENERATORS`` in
order, each adding one kind of record to a shared ``ScaleContext``; the rows are then written
with PostgreSQL's COPY, table by table. A new kind of record is one more function in that
list: it reads what the earlier ones left in the context (the children and their measures,
the territories, the staff) and adds its rows with ``context.add``.

The proportions are the demo's (docs/demo.md, the Jura's 2022 figures): 58 % of the files are
children in care on 31/12/2022 (the demo has 807 of 1,439, 56 %), split between accueil
provisoire, jeunes majeurs, PEAD, placements and OPP as in the demo; the others left care
before 2023, had help at home only, or were opened since 2023 from an information
préoccupante. Every measure keeps the legal limits of ``welfare.rules`` in force on its start
(durations, no measure of a minor past the majority, jeune majeur support from 18 to the day
before 21), which ``welfare/tests/test_scale.py`` checks on every generated measure.

The history triggers (django-pghistory) are not fired for these rows when the database role
may skip them (``session_replication_role = replica``): a synthetic file has no history of
changes, and writing one event per row would double the time. Foreign keys are not checked
by PostgreSQL either in that mode; the rows are consistent by construction, and the test
checks them through the ORM.
"""

import math
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from time import monotonic

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string
from faker import Faker

from welfare.demo_children import MINOR_AGE_WEIGHTS
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
from welfare.enums import LegalParameterKey as Key
from welfare.models import (
    Child,
    Departement,
    Guardian,
    LegalParameter,
    LegalParameterSet,
    Measure,
    PopulationEstimate,
    StatutoryDocument,
    Territory,
    User,
)
from welfare.rules import add_months, add_years

SNAPSHOT = date(2022, 12, 31)
FIRST_YEAR = 2012  # no file of the synthetic Département is older
IN_CARE_SHARE = 0.58
# Of the children in care on SNAPSHOT, by the care measure active that day (demo: 22, 20, 163,
# 578, 16, 8 of 807).
SNAPSHOT_TYPES = {
    MeasureType.PROVISIONAL_CARE: 22,
    MeasureType.YOUNG_ADULT: 20,
    MeasureType.AEMO_WITH_ACCOMMODATION: 163,
    MeasureType.PLACEMENT: 578,
    MeasureType.OPP_JUDGE: 16,
    MeasureType.OPP_PROSECUTOR: 8,
}
# The other files: care that ended before SNAPSHOT, help at home only, files opened since 2023.
OTHER_FILES = {"left_care": 10, "home_support": 14, "new": 18}
FILES_PER_CASEWORKER = 60
TERRITORY_NAMES = [
    "Nord",
    "Sud",
    "Est",
    "Ouest",
    "Centre",
    "Littoral",
    "Montagne",
    "Vallée",
    "Plaine",
    "Agglomération",
    "Bocage",
    "Plateau",
]
UNDECIDED_SHARE = 0.05  # measures that ran out with no decision recorded (overdue)
LATE_REPORT_SHARE = 0.1


def _administrative_months(parameters, day):
    return parameters.value(Key.ADMINISTRATIVE_MAX_MONTHS, day)


# The legal maximum of each type of measure, in months, from the thresholds in force on its
# start (welfare.rules._longest); OPP have no term in the rules, the generator gives them the
# usual few weeks or months.
MAX_MONTHS = {
    MeasureType.PROVISIONAL_CARE: _administrative_months,
    MeasureType.YOUNG_ADULT: _administrative_months,
    MeasureType.AED: _administrative_months,
    MeasureType.HOME_HELP: _administrative_months,
    MeasureType.PLACEMENT: lambda p, day: p.value(Key.JUDICIAL_MAX_MONTHS, day),
    MeasureType.AEMO: lambda p, day: p.value(Key.JUDICIAL_MAX_MONTHS, day),
    MeasureType.AEMO_WITH_ACCOMMODATION: lambda p, day: p.value(
        Key.AEMO_REINFORCED_MAX_MONTHS, day
    ),
    MeasureType.OPP_JUDGE: lambda p, day: 4,
}


class Table:
    """The rows of one model's table, with the columns they fill in order.

    Every column that the database requires (no NULL, no default of its own) must be among
    ``fields``: a field added to the model later makes the generator fail at once, naming it,
    instead of COPY failing after minutes.
    """

    def __init__(self, model, fields):
        self.model = model
        self.name = model._meta.db_table
        self.columns = [model._meta.get_field(name).column for name in fields]
        required = {
            f.column
            for f in model._meta.concrete_fields
            if not f.null and not f.primary_key and f.db_default is models_not_provided
        }
        missing = required - set(self.columns)
        if missing:
            raise ValueError(f"{self.name}: colonnes obligatoires absentes {sorted(missing)}")
        self.rows = []


models_not_provided = Child._meta.get_field("first_name").db_default


@dataclass
class ScaleMeasure:
    id: int
    type: str
    start: date
    end: date | None
    decision: date
    renews: int | None = None
    end_reason: str = ""


@dataclass
class ScaleChild:
    id: int
    territory: int
    birth: date
    sex: str
    unaccompanied: bool
    category: str
    measures: list = field(default_factory=list)

    def age_on(self, day: date) -> int:
        return (
            day.year - self.birth.year - ((day.month, day.day) < (self.birth.month, self.birth.day))
        )


class ScaleContext:
    """What the generators share: the options, the random source, ids, and the rows."""

    def __init__(self, *, files: int, territories: int, seed: int, today: date):
        self.files = files
        self.territory_count = territories
        self.rng = random.Random(seed)
        self.today = today
        self.now = timezone.now()
        self.parameters = LegalParameterSet(LegalParameter.objects.all())
        self.tables: dict[str, Table] = {}
        self._next_ids: dict[str, int] = {}
        self.territories: list[int] = []
        self.territory_names: dict[int, str] = {}
        self.caseworkers: dict[int, list[int]] = {}
        self.children: list[ScaleChild] = []
        fake = Faker("fr_FR")
        fake.seed_instance(seed)
        self.female_names = sorted({fake.first_name_female() for _ in range(400)})
        self.male_names = sorted({fake.first_name_male() for _ in range(400)})
        self.last_names = sorted({fake.last_name() for _ in range(2000)})
        self.cities = sorted({fake.city() for _ in range(300)})

    def table(self, model, fields) -> Table:
        name = model._meta.db_table
        if name not in self.tables:
            self.tables[name] = Table(model, fields)
        return self.tables[name]

    def new_id(self, model) -> int:
        """The next id of ``model``'s table: ids are given here so that rows can refer to
        each other before any is written."""
        name = model._meta.db_table
        if name not in self._next_ids:
            with connection.cursor() as cursor:
                cursor.execute(f'SELECT coalesce(max(id), 0) FROM "{name}"')
                self._next_ids[name] = cursor.fetchone()[0]
        self._next_ids[name] += 1
        return self._next_ids[name]

    def add(self, model, fields, row) -> None:
        self.table(model, fields).rows.append(row)

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def name(self, sex: str) -> tuple[str, str]:
        first = self.rng.choice(self.female_names if sex == Sex.FEMALE else self.male_names)
        return first, self.rng.choice(self.last_names)

    def write(self, stdout) -> None:
        """COPY every table, in the order the generators filled them, then move the id
        sequences past the ids given."""
        with connection.cursor() as cursor:
            replica = _skip_triggers(cursor)
            raw = cursor.cursor
            for table in self.tables.values():
                if not table.rows:
                    continue
                columns = ", ".join(f'"{column}"' for column in table.columns)
                with raw.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
                    for row in table.rows:
                        copy.write_row(row)
                if "id" in table.columns:
                    cursor.execute(
                        "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                        f'(SELECT max(id) FROM "{table.name}"))',
                        [table.name],
                    )
                stdout.write(f"{table.name}: {len(table.rows)}")
            if replica:
                cursor.execute("SET session_replication_role = DEFAULT")
            # Fresh statistics, or the planner reads these tables as empty.
            for table in self.tables.values():
                cursor.execute(f'ANALYZE "{table.name}"')


def _skip_triggers(cursor) -> bool:
    """Skip the history triggers for this session when the role may (a superuser)."""
    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if not cursor.fetchone()[0]:
        return False
    cursor.execute("SET session_replication_role = replica")
    return True


def generate(*, files: int, territories: int, seed: int, stdout, today: date | None = None):
    """Build the Département: every function of ``settings.SCALE_GENERATORS``, then COPY."""
    context = ScaleContext(
        files=files, territories=territories, seed=seed, today=today or timezone.localdate()
    )
    for dotted_path in settings.SCALE_GENERATORS:
        started = monotonic()
        import_string(dotted_path)(context)
        stdout.write(f"{dotted_path}: {monotonic() - started:.1f} s")
    started = monotonic()
    context.write(stdout)
    stdout.write(f"COPY: {monotonic() - started:.1f} s")
    return context


# --- welfare's records --------------------------------------------------------------------------


def territories_and_staff(context: ScaleContext) -> None:
    """The Département's identity, its territories with their young population, a manager
    and enough référents per territory, and one account of each other role.

    Every account shares the demo password (hashed once: hashing is what takes time)."""
    if not Departement.objects.exists():
        Departement.objects.create(
            name="Département de synthèse",
            insee_code="99",
            direction="Direction Enfance Famille",
            address="1 place de la Préfecture, 99000 Synthèse",
            phone="01 23 45 67 89",
            email="enfance@synthese.localhost",
        )
    password = make_password(settings.DEMO_PASSWORD)
    weights = [context.rng.uniform(0.6, 1.4) for _ in range(context.territory_count)]
    context.territory_weights = weights
    user_fields = [
        "id", "password", "is_superuser", "username", "first_name", "last_name", "email",
        "is_staff", "is_active", "date_joined", "role", "territory",
    ]  # fmt: skip

    def account(username, role, territory=None, superuser=False):
        user_id = context.new_id(User)
        first, last = context.name(context.rng.choice(Sex.values))
        context.add(
            User,
            user_fields,
            (
                user_id, password, superuser, username, first, last,
                f"{username}@synthese.localhost", superuser, True, context.now, role, territory,
            ),
        )  # fmt: skip
        return user_id

    for username, role in [
        ("direction", Role.DIRECTORATE),
        ("accueil", Role.RECEPTION),
        ("prevention", Role.PREVENTION_OFFICER),
        ("archiviste", Role.ARCHIVIST),
    ]:
        account(username, role)
    account("admin", Role.ADMINISTRATOR, superuser=True)
    total = sum(weights)
    for rank, weight in enumerate(weights, start=1):
        territory_id = context.new_id(Territory)
        name = TERRITORY_NAMES[rank - 1] if rank <= len(TERRITORY_NAMES) else f"Secteur {rank}"
        context.add(Territory, ["id", "code", "name"], (territory_id, f"t{rank:02d}", name))
        context.territories.append(territory_id)
        context.territory_names[territory_id] = name
        # Orders of magnitude: about 16 young people under 21 per child followed.
        under_21 = round(context.files * weight / total * 16)
        context.add(
            PopulationEstimate,
            ["id", "territory", "year", "under_21", "under_18", "source"],
            (
                context.new_id(PopulationEstimate), territory_id, SNAPSHOT.year, under_21,
                round(under_21 * 0.86), "Ordre de grandeur de synthèse (generate_scale)",
            ),
        )  # fmt: skip
        account(f"responsable.t{rank:02d}", Role.TERRITORY_MANAGER, territory_id)
        files = context.files * weight / total
        context.caseworkers[territory_id] = [
            account(f"referent.t{rank:02d}.{number}", Role.CASEWORKER, territory_id)
            for number in range(1, max(1, math.ceil(files / FILES_PER_CASEWORKER)) + 1)
        ]


class History:
    """The measures of one child, written one after the other within the legal limits."""

    def __init__(self, context: ScaleContext, child: ScaleChild):
        self.context = context
        self.child = child
        self.majority = add_years(child.birth, context.parameters.value(Key.MAJORITY_AGE, SNAPSHOT))
        self.age_limit = add_years(
            child.birth, context.parameters.value(Key.YOUNG_ADULT_AGE_LIMIT, SNAPSHOT)
        )

    def _last_day_allowed(self, measure_type) -> date:
        if measure_type == MeasureType.YOUNG_ADULT:
            return self.age_limit - timedelta(days=1)
        return self.majority - timedelta(days=1)

    def run(self, measure_type, start: date, until: date, *, short_months=None) -> date | None:
        """Measures of ``measure_type`` from ``start``, each renewing the one before at its
        legal term, until ``until`` (included), the majority or the age limit; returns the
        last day covered, or None when nothing fits. A run still under way today keeps its
        last measure's term; one that ended before today has its end reason, except a few
        left undecided."""
        context = self.context
        today = context.today
        start = max(start, self.child.birth)
        limit = min(until, self._last_day_allowed(measure_type))
        if start > limit or start > today:
            return None
        previous = None
        day = start
        while day <= limit and day <= today:
            months = short_months or MAX_MONTHS[measure_type](context.parameters, day)
            end = min(
                add_months(day, months) - timedelta(days=1), self._last_day_allowed(measure_type)
            )
            last = end >= limit
            if last and limit < today:
                end = limit
            measure = ScaleMeasure(
                id=context.new_id(Measure),
                type=measure_type,
                start=day,
                end=end,
                decision=max(self.child.birth, day - timedelta(days=context.rng.randrange(25))),
                renews=previous.id if previous else None,
            )
            if previous is not None:
                previous.end_reason = MeasureEndReason.RENEWED
            self.child.measures.append(measure)
            previous = measure
            if last or end >= today:
                break
            day = end + timedelta(days=1)
        if previous.end < today:
            if previous.end >= self._last_day_allowed(measure_type):
                previous.end_reason = (
                    MeasureEndReason.AGE_LIMIT
                    if measure_type == MeasureType.YOUNG_ADULT
                    else MeasureEndReason.MAJORITY
                )
            elif context.rng.random() >= UNDECIDED_SHARE:
                previous.end_reason = context.rng.choice(
                    [MeasureEndReason.RETURN_HOME, MeasureEndReason.TERM_REACHED]
                )
        return previous.end


def _snapshot_child(context, child_id, territory, measure_type) -> ScaleChild:
    rng = context.rng
    if measure_type == MeasureType.YOUNG_ADULT:
        age = rng.choice([18, 18, 19, 19, 20])
    else:
        age = rng.choices(range(len(MINOR_AGE_WEIGHTS)), MINOR_AGE_WEIGHTS)[0]
    birth = SNAPSHOT - timedelta(days=age * 365 + rng.randrange(365) + age // 4)
    sex = rng.choice(Sex.values)
    unaccompanied = measure_type == MeasureType.PLACEMENT and age >= 16 and rng.random() < 0.35
    child = ScaleChild(child_id, territory, birth, sex, unaccompanied, "in_care")
    history = History(context, child)
    # How long the child has been in care, weighted towards recent entries.
    years = min(rng.expovariate(1 / 2.5), 9)
    care_start = max(SNAPSHOT - timedelta(days=int(years * 365)), birth + timedelta(days=1))
    care_start = max(care_start, date(FIRST_YEAR, 1, 1))
    exit_day = SNAPSHOT + timedelta(days=int(rng.expovariate(1 / (5 * 365))))
    if measure_type in (MeasureType.OPP_PROSECUTOR, MeasureType.OPP_JUDGE):
        care_start = SNAPSHOT - timedelta(
            days=rng.randrange(1, 8 if measure_type == MeasureType.OPP_PROSECUTOR else 60)
        )
    if rng.random() < 0.25 and care_start > birth + timedelta(days=400):
        help_start = max(
            birth + timedelta(days=30), care_start - timedelta(days=rng.randrange(200, 700))
        )
        help_end = care_start - timedelta(days=rng.randrange(1, 60))
        if help_start < help_end:
            history.run(rng.choice([MeasureType.AED, MeasureType.AEMO]), help_start, help_end)
    if measure_type == MeasureType.YOUNG_ADULT:
        placed = max(
            add_years(birth, rng.randrange(11, 17)),
            date(FIRST_YEAR, 1, 1),
            birth + timedelta(days=1),
        )
        history.run(MeasureType.PLACEMENT, placed, history.majority)
        history.run(MeasureType.YOUNG_ADULT, history.majority, exit_day)
        return child
    if measure_type == MeasureType.OPP_PROSECUTOR:
        # Eight days, then the juge des enfants takes over (art. 375-5 du Code civil).
        end = history.run(
            MeasureType.OPP_PROSECUTOR, care_start, care_start + timedelta(days=7), short_months=1
        )
        child.measures[-1].end_reason = MeasureEndReason.CHANGED
        care_start = end + timedelta(days=1)
        measure_type = MeasureType.OPP_JUDGE
    if measure_type == MeasureType.OPP_JUDGE:
        end = history.run(
            MeasureType.OPP_JUDGE,
            care_start,
            care_start + timedelta(days=rng.randrange(60, 120)),
        )
        if end is None or end >= context.today:
            return child
        child.measures[-1].end_reason = MeasureEndReason.CHANGED
        care_start = end + timedelta(days=1)
        measure_type = MeasureType.PLACEMENT
    elif measure_type == MeasureType.PLACEMENT and rng.random() < 0.3:
        end = history.run(
            MeasureType.OPP_JUDGE, care_start, care_start + timedelta(days=rng.randrange(30, 120))
        )
        if end is not None and end >= context.today:
            return child
        if end is not None:
            child.measures[-1].end_reason = MeasureEndReason.CHANGED
            care_start = end + timedelta(days=1)
    if measure_type == MeasureType.PROVISIONAL_CARE:
        care_start = max(care_start, SNAPSHOT - timedelta(days=700))
    end = history.run(measure_type, care_start, exit_day)
    if end is not None and end + timedelta(days=1) >= history.majority and rng.random() < 0.5:
        history.run(MeasureType.YOUNG_ADULT, history.majority, exit_day + timedelta(days=365))
    return child


def _other_child(context, child_id, territory, category) -> ScaleChild:
    rng = context.rng
    today = context.today
    sex = rng.choice(Sex.values)
    if category == "new":
        first = context.day_between(date(SNAPSHOT.year + 1, 1, 1), today - timedelta(days=20))
    else:
        first = context.day_between(date(FIRST_YEAR + 2, 1, 1), SNAPSHOT - timedelta(days=400))
    age = rng.choices(range(len(MINOR_AGE_WEIGHTS)), MINOR_AGE_WEIGHTS)[0]
    birth = first - timedelta(days=age * 365 + rng.randrange(365) + 1)
    child = ScaleChild(child_id, territory, birth, sex, False, category)
    history = History(context, child)
    if category == "left_care":
        exit_day = context.day_between(first + timedelta(days=90), SNAPSHOT - timedelta(days=30))
        history.run(
            rng.choice(
                [MeasureType.PLACEMENT, MeasureType.PLACEMENT, MeasureType.PROVISIONAL_CARE]
            ),
            first,
            exit_day,
        )
    elif category == "home_support":
        history.run(
            rng.choice([MeasureType.AED, MeasureType.AEMO, MeasureType.HOME_HELP]),
            first,
            first + timedelta(days=rng.randrange(200, 1500)),
        )
    elif rng.random() < 0.8:
        # A new file: the concern received before it led to help at home, a judicial
        # measure, or (for the rest) nothing (prevention.scale writes the concerns). Entries
        # into care since 2023 keep the number of children in care about steady.
        measure_type = rng.choices(
            [MeasureType.AED, MeasureType.HOME_HELP, MeasureType.AEMO, MeasureType.PLACEMENT,
             MeasureType.AEMO_WITH_ACCOMMODATION],
            [2, 1, 2, 4, 1],
        )[0]  # fmt: skip
        history.run(measure_type, first, first + timedelta(days=rng.randrange(365, 2500)))
    return child


def children(context: ScaleContext) -> None:
    """The children's files, their measures, holders of parental authority and statutory
    documents; ``context.children`` keeps them for the next generators."""
    rng = context.rng
    files = context.files
    in_care = round(files * IN_CARE_SHARE)
    categories = [None] * in_care
    others = files - in_care
    total_other = sum(OTHER_FILES.values())
    for category, weight in OTHER_FILES.items():
        categories += [category] * round(others * weight / total_other)
    categories = (categories + ["new"] * files)[:files]
    rng.shuffle(categories)
    snapshot_types = list(SNAPSHOT_TYPES)
    snapshot_weights = list(SNAPSHOT_TYPES.values())
    for category in categories:
        child_id = context.new_id(Child)
        territory = rng.choices(context.territories, context.territory_weights)[0]
        if category is None:
            measure_type = rng.choices(snapshot_types, snapshot_weights)[0]
            child = _snapshot_child(context, child_id, territory, measure_type)
        else:
            child = _other_child(context, child_id, territory, category)
        context.children.append(child)
        _write_child(context, child)


CHILD_FIELDS = [
    "id", "public_id", "first_name", "last_name", "birth_date", "sex", "territory", "referent",
    "disability", "mdph_decision_date", "unaccompanied_minor", "created_at", "updated_at",
    "archived_at", "legal_hold", "legal_hold_reason",
]  # fmt: skip
MEASURE_FIELDS = [
    "id", "public_id", "child", "nature", "type", "decided_by", "decision_date", "start_date",
    "end_date", "renews", "court", "decision_reference", "parental_agreement",
    "durable_difficulties", "end_reason", "created_at", "updated_at", "placement_basis",
    "without_hearing",
]  # fmt: skip
DOCUMENT_FIELDS = [
    "id", "public_id", "child", "kind", "completed_on", "objectives", "trusted_person",
    "summary", "created_at", "not_shared_reason",
]  # fmt: skip
GUARDIAN_FIELDS = [
    "id", "public_id", "child", "relationship", "first_name", "last_name",
    "holds_parental_authority", "deceased", "phone", "email", "address",
]  # fmt: skip
DECIDERS = {
    MeasureType.OPP_PROSECUTOR: DecisionMaker.PROSECUTOR,
}


def _write_child(context: ScaleContext, child: ScaleChild) -> None:
    rng = context.rng
    now = context.now
    first, last = context.name(child.sex)
    caseworkers = context.caseworkers[child.territory]
    referent = rng.choice(caseworkers) if rng.random() > 0.03 else None
    disability = rng.random() < 0.2
    mdph = (
        context.day_between(child.birth + timedelta(days=200), SNAPSHOT)
        if disability and rng.random() < 0.8 and child.birth + timedelta(days=200) < SNAPSHOT
        else None
    )
    context.add(
        Child,
        CHILD_FIELDS,
        (
            child.id, uuid.UUID(int=rng.getrandbits(128), version=4), first, last, child.birth,
            child.sex, child.territory, referent, disability, mdph, child.unaccompanied, now,
            now, None, False, "",
        ),
    )  # fmt: skip
    court = f"Tribunal judiciaire de {context.territory_names[child.territory]}"
    for measure in child.measures:
        administrative = measure.type in MeasureType.administrative()
        context.add(
            Measure,
            MEASURE_FIELDS,
            (
                measure.id, uuid.UUID(int=rng.getrandbits(128), version=4), child.id,
                MeasureNature.ADMINISTRATIVE if administrative else MeasureNature.JUDICIAL,
                measure.type,
                DecisionMaker.DEPARTEMENT_PRESIDENT
                if administrative
                else DECIDERS.get(measure.type, DecisionMaker.CHILDREN_JUDGE),
                measure.decision, measure.start, measure.end, measure.renews,
                "" if administrative else court, "",
                measure.type == MeasureType.PROVISIONAL_CARE, False, measure.end_reason, now, now,
                # Confiés à l'ASE (art. 375-3 3° C. civ.), as the demo's placements.
                PlacementBasis.ASE if measure.type == MeasureType.PLACEMENT else "", False,
            ),
        )  # fmt: skip
    if not child.unaccompanied:
        for relationship, sex in [
            (GuardianRelationship.MOTHER, Sex.FEMALE),
            (GuardianRelationship.FATHER, Sex.MALE),
        ]:
            if rng.random() < (0.95 if sex == Sex.FEMALE else 0.7):
                first_name = context.name(sex)[0]
                context.add(
                    Guardian,
                    GUARDIAN_FIELDS,
                    (
                        context.new_id(Guardian), uuid.UUID(int=rng.getrandbits(128), version=4),
                        child.id, relationship, first_name, last, True, False, "", "",
                        f"{rng.randrange(1, 120)} rue de la Gare, {rng.choice(context.cities)}",
                    ),
                )  # fmt: skip
    for kind, day in _documents(context, child):
        context.add(
            StatutoryDocument,
            DOCUMENT_FIELDS,
            (
                context.new_id(StatutoryDocument), uuid.UUID(int=rng.getrandbits(128), version=4),
                child.id, kind, day, "", "", "", now, "",
            ),
        )  # fmt: skip


def care_runs(measures, types) -> list[tuple[date, date, list]]:
    """The unbroken runs of ``measures`` of ``types`` (one starting the day after another
    ends continues it): (first day, last day, measures)."""
    runs = []
    for measure in sorted(measures, key=lambda m: m.start):
        if measure.type not in types:
            continue
        if runs and measure.start <= runs[-1][1] + timedelta(days=1):
            runs[-1] = (runs[-1][0], max(runs[-1][1], measure.end), [*runs[-1][2], measure])
        else:
            runs.append((measure.start, measure.end, [measure]))
    return runs


def _documents(context: ScaleContext, child: ScaleChild):
    """PPE a few weeks to months after entering care, the rapports de situation at their
    period (some files miss the latest), and the autonomy interview at 17 for most."""
    rng = context.rng
    parameters = context.parameters
    today = context.today
    majority = add_years(child.birth, parameters.value(Key.MAJORITY_AGE, SNAPSHOT))
    for start, end, _measures in care_runs(child.measures, MeasureType.care()):
        if start >= majority:
            continue
        last = min(end, today, majority - timedelta(days=1))
        ppe = start + timedelta(days=rng.randrange(10, 130))
        if ppe <= last:
            yield DocumentKind.PPE, ppe
        anchor = start
        skip_last = rng.random() < LATE_REPORT_SHARE
        while True:
            young = child.age_on(anchor) < parameters.value(Key.REPORT_YOUNG_AGE, anchor)
            months = parameters.value(
                Key.REPORT_PERIOD_YOUNG_MONTHS if young else Key.REPORT_PERIOD_MONTHS, anchor
            )
            anchor = add_months(anchor, months) - timedelta(days=rng.randrange(0, 20))
            if anchor > last:
                break
            if skip_last and add_months(anchor, months) > last:
                break
            yield DocumentKind.SITUATION_REPORT, anchor
        interview = add_years(child.birth, parameters.value(Key.AUTONOMY_INTERVIEW_AGE, SNAPSHOT))
        if start <= interview <= last and rng.random() < 0.85:
            yield (
                DocumentKind.AUTONOMY_INTERVIEW,
                min(last, interview + timedelta(days=rng.randrange(60))),
            )
