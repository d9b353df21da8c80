"""The national export (OLINPE, domain_rules.md §4.1): one line per event of the year (a
measure begun, renewed or ended), pseudonymised, in the variables of annexe 2-8 CASF; and the
data-quality report that lists, per child, what the export needs and the file lacks.

The identifier is an HMAC-SHA256 of the child's permanent file identifier under
``settings.PSEUDONYMISATION_KEY``, a secret read from the environment and never stored in the
database: without the key nobody can go from a line back to a child, nor test a guess. Only the
month and year of birth leave; no name, address or full date of birth. The codes come from the
``NationalCode`` table, which the directorate corrects in the admin.
"""

import csv
import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from observatory.national_codes import PEAD_PLACE
from placements.enums import PlaceKind
from placements.models import Placement
from welfare.enums import DocumentKind, MeasureEndReason, MeasureNature, MeasureType
from welfare.enums import LegalParameterKey as Key
from welfare.models import Child, Departement, Measure, NationalCode, StatutoryDocument
from welfare.observatory_enums import EventType, NationalVariable
from welfare.rules import add_months
from welfare.selectors.children import legal_parameters

COLUMNS = (
    "NUMDEP",
    "NUMANONYM",
    "NUMANONYMANT",
    "TYPEV",
    "DATEV",
    "SEXE",
    "ANAIS",
    "MNAIS",
    "HANDICAP",
    "DATDECMDPH",
    "MNA",
    "DECISION",
    "NATPDECADM",
    "NATDECASSED",
    "DATDECPE",
    "DATDEBMES",
    "DATFINMES",
    "TYPINTERDOM",
    "DATDEBAD",
    "DATFINAD",
    "LIEUACC",
    "DATDEBACC",
    "DATFINACC",
    "MOTFININT",
    "PROJET",
    "DATSIGNPROJ",
)
HOME_INTERVENTIONS = (
    MeasureType.HOME_HELP,
    MeasureType.AED,
    MeasureType.AEMO,
    MeasureType.AEMO_REINFORCED,
    MeasureType.AEMO_WITH_ACCOMMODATION,
)
# Care measures that need a place recorded: away from home, or at home under a PEAD.
PLACED = (*MeasureType.accommodation(), MeasureType.AEMO_WITH_ACCOMMODATION)


def pseudonym(public_id, *, key: str) -> str:
    """The child's NUMANONYM: irreversible without ``key``, the same for one child and key."""
    return hmac.new(key.encode(), str(public_id).encode(), hashlib.sha256).hexdigest()


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _overlaps(placement, measure) -> bool:
    """The child lived in ``placement`` some day of ``measure`` (a renewal often keeps the
    placement recorded under the measure it renews)."""
    starts_in_time = measure.end_date is None or placement.start_date <= measure.end_date
    return starts_in_time and (
        placement.end_date is None or placement.end_date > measure.start_date
    )


def overlapping_placements():
    """A subquery condition: the outer measure's child has a placement during it."""
    last = Coalesce(OuterRef("end_date"), Value(date.max))
    return Exists(
        Placement.objects.filter(child=OuterRef("child"), start_date__lte=last).filter(
            Q(end_date__isnull=True) | Q(end_date__gt=OuterRef("start_date"))
        )
    )


def _place(placement) -> str:
    if placement.place_kind == PlaceKind.ESTABLISHMENT:
        return placement.establishment.kind
    if placement.place_kind == PlaceKind.FAMILY_HOME:
        return PEAD_PLACE
    return placement.place_kind


class Coder:
    """Local values to national codes, from the ``NationalCode`` table (one query)."""

    def __init__(self):
        self.mapping = NationalCode.objects.as_mapping()

    def __call__(self, variable, value) -> str:
        return self.mapping[variable].get(str(value), "")

    def yes_no(self, flag: bool) -> str:
        return self(NationalVariable.YES_NO, "true" if flag else "false")


def _events(measure, first: date, last: date, today: date):
    """(TYPEV, date) of ``measure`` in the year: begun (or renewed), and ended with a decision
    other than its renewal (the renewal is the next measure's event)."""
    if first <= measure.start_date <= last:
        kind = EventType.RENEWED if measure.renews_id else EventType.STARTED
        yield kind, measure.start_date
    ended = (
        measure.end_date
        and first <= measure.end_date <= last
        and measure.end_date <= today
        and measure.end_reason
        and measure.end_reason != MeasureEndReason.RENEWED
    )
    if ended:
        yield EventType.ENDED, measure.end_date


def year_measures(year: int):
    """Measures begun or ended in ``year``, with their child, the child's PPE and
    placements (three queries)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return (
        Measure.objects.filter(
            Q(start_date__gte=first, start_date__lte=last)
            | Q(end_date__gte=first, end_date__lte=last)
        )
        .select_related("child")
        .prefetch_related(
            Prefetch(
                "child__placements",
                queryset=Placement.objects.select_related("establishment").order_by(
                    "start_date", "pk"
                ),
                to_attr="placement_history",
            ),
            Prefetch(
                "child__documents",
                queryset=StatutoryDocument.objects.filter(kind=DocumentKind.PPE).order_by(
                    "completed_on"
                ),
                to_attr="ppe_documents",
            ),
        )
        .order_by("child_id", "start_date", "pk")
    )


def olinpe_rows(*, year: int, key: str | None = None, today: date | None = None) -> list[dict]:
    """Every event of ``year`` as a dict of ``COLUMNS`` (five queries whatever the number of
    measures). ``key`` defaults to ``settings.PSEUDONYMISATION_KEY``."""
    return [row for _, row in _child_rows(year=year, key=key, today=today)]


def _child_rows(*, year: int, key: str | None, today: date | None) -> list[tuple]:
    """``olinpe_rows`` with the child each line is about, for the access log."""
    key = key or settings.PSEUDONYMISATION_KEY
    today = today or timezone.localdate()
    first, last = date(year, 1, 1), date(year, 12, 31)
    code = Coder()
    numdep = Departement.current().insee_code
    rows = []
    for measure in year_measures(year):
        child = measure.child
        placements = [p for p in child.placement_history if _overlaps(p, measure)]
        home = measure.type in HOME_INTERVENTIONS
        administrative = measure.nature == MeasureNature.ADMINISTRATIVE
        for event, day in _events(measure, first, last, today):
            placement = (
                (placements[0] if event != EventType.ENDED else placements[-1])
                if placements
                else None
            )
            ppe = [
                document.completed_on
                for document in child.ppe_documents
                if document.completed_on <= day
            ]
            rows.append(
                (
                    child,
                    {
                        "NUMDEP": numdep,
                        "NUMANONYM": pseudonym(child.public_id, key=key),
                        "NUMANONYMANT": "",
                        "TYPEV": event.value,
                        "DATEV": _day(day),
                        "SEXE": code(NationalVariable.SEXE, child.sex) or "9",
                        "ANAIS": str(child.birth_date.year),
                        "MNAIS": f"{child.birth_date.month:02d}",
                        "HANDICAP": code.yes_no(child.disability),
                        "DATDECMDPH": _day(child.mdph_decision_date),
                        "MNA": code.yes_no(child.unaccompanied_minor),
                        "DECISION": code(NationalVariable.DECISION, measure.nature),
                        "NATPDECADM": code(NationalVariable.NATPDECADM, measure.type)
                        if administrative
                        else "",
                        "NATDECASSED": ""
                        if administrative
                        else code(NationalVariable.NATDECASSED, measure.type),
                        "DATDECPE": _day(measure.decision_date),
                        "DATDEBMES": _day(measure.start_date),
                        "DATFINMES": _day(measure.end_date),
                        "TYPINTERDOM": code(NationalVariable.TYPINTERDOM, measure.type)
                        if home
                        else "",
                        "DATDEBAD": _day(measure.start_date) if home else "",
                        "DATFINAD": _day(measure.end_date) if home else "",
                        "LIEUACC": code(NationalVariable.LIEUACC, _place(placement))
                        if placement
                        else "",
                        "DATDEBACC": _day(placement.start_date) if placement else "",
                        "DATFINACC": _day(placement.end_date) if placement else "",
                        "MOTFININT": code(NationalVariable.MOTFININT, measure.end_reason)
                        if event == EventType.ENDED
                        else "",
                        "PROJET": code.yes_no(bool(ppe)),
                        "DATSIGNPROJ": _day(max(ppe, default=None)),
                    },
                )
            )
    return rows


@dataclass(frozen=True)
class OlinpeFile:
    """What an export wrote: its number of lines and the children it is about."""

    lines: int
    children: list


def olinpe_write(stream, *, year: int, key: str | None = None) -> OlinpeFile:
    """Write the export of ``year`` as CSV (``;``, UTF-8) to ``stream``."""
    rows = _child_rows(year=year, key=key, today=None)
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, delimiter=";")
    writer.writeheader()
    writer.writerows(row for _, row in rows)
    return OlinpeFile(
        lines=len(rows), children=list({child.pk: child for child, _ in rows}.values())
    )


def olinpe_filename(year: int) -> str:
    return f"olinpe_{Departement.current().insee_code}_{year}.csv"


# --- Data quality -----------------------------------------------------------------------------


@dataclass
class ChildQuality:
    """What one child's file lacks for the export."""

    child: Child
    missing: list = field(default_factory=list)


def data_quality(*, year: int, territory=None, today: date | None = None) -> list[ChildQuality]:
    """Children under a measure some day of ``year`` whose file lacks what the export needs:
    the MDPH decision date of a recognised disability, the reason a measure ended, the place
    of a care measure, the PPE of a minor in care past its deadline. Three queries."""
    today = today or timezone.localdate()
    first, last = date(year, 1, 1), date(year, 12, 31)
    parameters = legal_parameters()
    measures = (
        Measure.objects.filter(start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .annotate(
            has_placement=overlapping_placements(),
            renewed=Exists(Measure.objects.filter(renews=OuterRef("pk"))),
        )
        .order_by("start_date", "pk")
    )
    children = (
        Child.objects.filter(Exists(measures.filter(child=OuterRef("pk"))))
        .annotate(
            has_ppe=Exists(
                StatutoryDocument.objects.filter(child=OuterRef("pk"), kind=DocumentKind.PPE)
            )
        )
        .select_related("territory", "referent")
        .prefetch_related(Prefetch("measures", queryset=measures, to_attr="year_measures"))
        .order_by("territory__name", "last_name", "first_name", "pk")
    )
    if territory is not None:
        children = children.filter(territory=territory)
    result = []
    for child in children:
        missing = []
        if child.disability and not child.mdph_decision_date:
            missing.append(_("Date de la décision MDPH (DATDECMDPH)"))
        for measure in child.year_measures:
            label = {"type": measure.get_type_display(), "day": _day(measure.start_date)}
            ran_out = measure.end_date and measure.end_date < today
            if ran_out and not measure.end_reason and not measure.renewed:
                missing.append(
                    _("Motif de fin de la mesure « %(type)s » du %(day)s (MOTFININT)") % label
                )
            if measure.type in PLACED and not measure.has_placement:
                missing.append(
                    _("Lieu d'accueil de la mesure « %(type)s » du %(day)s (LIEUACC)") % label
                )
            ppe_due = add_months(
                measure.start_date, parameters.value(Key.PPE_DUE_MONTHS, measure.start_date)
            )
            minor = child.age_on(measure.start_date) < parameters.value(
                Key.MAJORITY_AGE, measure.start_date
            )
            if (
                measure.type in MeasureType.care()
                and minor
                and ppe_due < today
                and not child.has_ppe
            ):
                missing.append(_("Projet pour l'enfant (PROJET)"))
        if missing:
            result.append(ChildQuality(child=child, missing=list(dict.fromkeys(missing))))
    return result


def codes_to_check() -> dict:
    """Rows of the code table not yet verified, and local values without a code (one
    query): ``{"unverified": [...], "missing": [...]}``."""
    rows = list(NationalCode.objects.filter(Q(verified=False) | Q(code="")))
    return {
        "unverified": [row for row in rows if not row.verified],
        "missing": [row for row in rows if not row.code],
    }
