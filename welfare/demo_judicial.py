"""Demo of the judicial cycle (issue 17): a few children of the Nord territory, followed by
the demo référent, whose OPP, hearings and reports to the judge put each clock of the cycle in
each state on the day of loading. Written through the services, so every rule is checked.

They enter care after 31/12/2022: the seed figures of that day (807 / 42 / 765 / 344 / 258)
are untouched."""

import uuid
from datetime import date, timedelta

from django.utils import timezone

from welfare.enums import (
    DecisionEffect,
    DecisionMaker,
    DocumentKind,
    HearingKind,
    MeasureType,
    PlacementBasis,
    Sex,
)
from welfare.models import Child, Territory, User
from welfare.rules import add_months, add_years
from welfare.services.children import document_create, measure_create
from welfare.services.judicial import decision_record, hearing_create, record_report_sent

NAMESPACE = uuid.UUID("0b7e3a52-6c1d-4f0e-9a57-17ca5e0ed17e")
COURT = "Tribunal judiciaire de Lons-le-Saunier"
JUDGE = "Mme la juge des enfants"


def _child(rank, first_name, last_name, sex, age, *, territory, referent, today) -> Child:
    return Child.objects.create(
        public_id=uuid.uuid5(NAMESPACE, f"cycle-judiciaire-{rank}"),
        first_name=first_name,
        last_name=last_name,
        sex=sex,
        birth_date=add_years(today, -age) - timedelta(days=40 + rank),
        territory=territory,
        referent=referent,
    )


def _judicial(child, author, measure_type, start: date, end: date | None = None, **fields):
    decided_by = (
        DecisionMaker.PROSECUTOR
        if measure_type == MeasureType.OPP_PROSECUTOR
        else DecisionMaker.CHILDREN_JUDGE
    )
    return measure_create(
        child=child,
        author=author,
        type=measure_type,
        decided_by=decided_by,
        decision_date=fields.pop("decision_date", start),
        start_date=start,
        end_date=end,
        court=COURT,
        **fields,
    )


def _placement_ending(child, author, end: date):
    """A two-year placement 375-3 3° ending on ``end``."""
    start = add_years(end, -2) + timedelta(days=1)
    return _judicial(
        child, author, MeasureType.PLACEMENT, start, end, placement_basis=PlacementBasis.ASE
    )


def load(*, departement: str, stdout) -> None:
    """The judicial-cycle cases, dated from the day of loading."""
    if Child.objects.filter(public_id=uuid.uuid5(NAMESPACE, "cycle-judiciaire-1")).exists():
        stdout.write("Cycle judiciaire de démonstration déjà chargé.")
        return
    territory = Territory.objects.filter(code="nord").first()
    referent = User.objects.filter(username="referent.nord").first()
    if territory is None or referent is None:
        return
    today = timezone.localdate()
    cast = {"territory": territory, "referent": referent, "today": today}

    # A parquet OPP of 3 days ago: the judge is to be seized within 8 days (375-5 al. 2).
    waiting = _child(1, "Inès", "Garnier", Sex.FEMALE, 9, **cast)
    _judicial(waiting, referent, MeasureType.OPP_PROSECUTOR, today - timedelta(days=3))

    # A judge's OPP made without hearing 7 months ago: the parties were heard on the 10th
    # day (CPC 1184), but no decision on the merits came within 6 months (CPC 1185).
    late = _child(2, "Noah", "Lefèvre", Sex.MALE, 12, **cast)
    opp_day = add_months(today, -7)
    opp = _judicial(late, referent, MeasureType.OPP_JUDGE, opp_day, without_hearing=True)
    hearing_create(
        child=late,
        author=referent,
        measure=opp,
        date=opp_day + timedelta(days=10),
        kind=HearingKind.FIRST,
        court=COURT,
        judge=JUDGE,
        summoned="La mère, le père, Noah",
        outcome="OPP maintenue, mesure judiciaire d'investigation éducative ordonnée.",
    )

    # A parquet OPP referred to the judge, then the placement order at the first hearing:
    # the OPP's clocks are closed by the order that followed it.
    followed = _child(3, "Lina", "Chevalier", Sex.FEMALE, 6, **cast)
    start = today - timedelta(days=60)
    parquet = _judicial(
        followed,
        referent,
        MeasureType.OPP_PROSECUTOR,
        start,
        judge_referral_date=start + timedelta(days=3),
    )
    first = hearing_create(
        child=followed,
        author=referent,
        measure=parquet,
        date=start + timedelta(days=12),
        kind=HearingKind.FIRST,
        court=COURT,
        judge=JUDGE,
        summoned="La mère, Lina",
        outcome="Placement à l'aide sociale à l'enfance pour deux ans.",
    )
    decision_record(
        child=followed,
        author=referent,
        effect=DecisionEffect.OPENS,
        hearing=first,
        type=MeasureType.PLACEMENT,
        decided_by=DecisionMaker.CHILDREN_JUDGE,
        decision_date=first.date,
        start_date=first.date,
        end_date=add_years(first.date, 2) - timedelta(days=1),
        court=COURT,
        decision_reference="JE 2026/0412",
        placement_basis=PlacementBasis.ASE,
    )

    # A renewal hearing next month: the rapport d'échéance is due a month before it.
    hearing_soon = _child(4, "Sacha", "Roussel", Sex.MALE, 10, **cast)
    placement = _placement_ending(hearing_soon, referent, today + timedelta(days=45))
    hearing_create(
        child=hearing_soon,
        author=referent,
        measure=placement,
        date=today + timedelta(days=35),
        kind=HearingKind.RENEWAL,
        court=COURT,
        judge=JUDGE,
        summoned="La mère, le père, Sacha, le service gardien",
    )

    # A placement ending in 20 days with no report sent: the rapport d'échéance is overdue.
    _placement_ending(
        _child(5, "Jade", "Fontaine", Sex.FEMALE, 13, **cast), referent, today + timedelta(days=20)
    )

    # The report written, shared with the family, then sent: the clock is done.
    sent = _child(6, "Enzo", "Marchand", Sex.MALE, 11, **cast)
    ending = _placement_ending(sent, referent, today + timedelta(days=25))
    report = document_create(
        child=sent,
        author=referent,
        kind=DocumentKind.DEADLINE_REPORT,
        completed_on=today - timedelta(days=6),
        measure=ending,
        summary="Propose le renouvellement du placement pour un an.",
    )
    record_report_sent(
        document=report,
        sent_on=today - timedelta(days=2),
        shared_on=today - timedelta(days=4),
    )

    # A recueil without the parents' agreement 2 days ago: the judge is seized at 5 days.
    taken_in = _child(7, "Yanis", "Perrin", Sex.MALE, 15, **cast)
    measure_create(
        child=taken_in,
        author=referent,
        type=MeasureType.EMERGENCY_INTAKE,
        decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT,
        decision_date=today - timedelta(days=2),
        start_date=today - timedelta(days=2),
    )
    stdout.write("7 dossiers du cycle judiciaire (OPP, audiences, rapports au juge).")
