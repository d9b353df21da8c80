"""Prevention work of the synthetic Département (``welfare.scale``): the informations
préoccupantes that opened the files since 2023 (and some before), and the home
interventions (TISF, AED) of each territory's yearly actions with the families of the
children helped at home.

A concern's evaluation is due on the day ``prevention.rules.evaluation_due_on`` computes
from the dated ``ConcernParameter`` rows; its outcome follows the child's file: the
administrative help it opened (the measure that starts after it, linked one to one), a
referral to the prosecutor before a judicial measure, or no further action. Concerns of the
last months are still being evaluated, some past their due date.
"""

import uuid
from datetime import date, timedelta
from decimal import Decimal

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
from welfare.enums import MeasureType
from welfare.scale import ScaleContext

HOME_KINDS = {MeasureType.AED: ActionKind.AED_AEP, MeasureType.HOME_HELP: ActionKind.TISF}
CONCERN_SHARE_OF_HOME_SUPPORT = 0.3
CONCERN_FIELDS = [
    "id", "public_id", "territory", "received_on", "source", "transmitter", "grave_danger",
    "danger_kind", "facts", "first_analysis", "analysed_on", "evaluation_started_on",
    "evaluation_due_on", "evaluation_ended_on", "outcome", "measure", "prosecutor_referral_on",
    "prosecutor_feedback", "prosecutor_feedback_on", "created_at", "updated_at",
]  # fmt: skip


def concerns(context: ScaleContext) -> None:
    """One information préoccupante for each file opened since 2023 and for some of the
    children helped at home, with the children linked."""
    rng = context.rng
    today = context.today
    parameters = ConcernParameter.objects.as_set()
    links = Concern.children.through
    for child in context.children:
        if child.category != "new" and not (
            child.category == "home_support" and rng.random() < CONCERN_SHARE_OF_HOME_SUPPORT
        ):
            continue
        first = child.measures[0] if child.measures else None
        if first is not None:
            received = max(child.birth, first.start - timedelta(days=rng.randrange(20, 80)))
        else:
            received = context.day_between(max(child.birth, date(2023, 1, 1)), today)
        grave = rng.random() < 0.05
        due = evaluation_due_on(
            received_on=received, birth_dates=[child.birth], grave_danger=grave,
            parameters=parameters,
        )  # fmt: skip
        analysis = FirstAnalysis.NOT_CONCERN if rng.random() < 0.1 else FirstAnalysis.CONCERN
        analysed = min(today, received + timedelta(days=rng.randrange(0, 5)))
        started = analysed if analysis == FirstAnalysis.CONCERN else None
        ended = outcome = measure = referral = feedback = feedback_on = None
        if analysis == FirstAnalysis.CONCERN:
            if first is not None:
                ended = max(first.decision, analysed)
                if first.type in MeasureType.administrative():
                    outcome, measure = ConcernOutcome.ADMINISTRATIVE_HELP, first.id
                else:
                    outcome, referral = ConcernOutcome.PROSECUTOR, ended
                    feedback, feedback_on = ProsecutorFeedback.CHILDREN_JUDGE, ended
            else:
                ended = received + timedelta(days=rng.randrange(20, 120))
                if ended < today - timedelta(days=30):
                    outcome = ConcernOutcome.NO_FURTHER_ACTION
                else:
                    ended = None
        concern_id = context.new_id(Concern)
        context.add(
            Concern,
            CONCERN_FIELDS,
            (
                concern_id, uuid.UUID(int=rng.getrandbits(128), version=4), child.territory,
                received, rng.choice(ConcernSource.values), "", grave,
                rng.choice(DangerKind.values), "Faits rapportés (données de synthèse).",
                analysis, analysed, started, due, ended, outcome or "", measure, referral,
                feedback or "", feedback_on, context.now, context.now,
            ),
        )  # fmt: skip
        context.add(
            links,
            ["id", "concern", "child"],
            (context.new_id(links), concern_id, child.id),
        )


def home_interventions(context: ScaleContext) -> None:
    """Each territory's TISF and AED actions of every year, and an intervention in the
    family's home for each help at home recorded in a child's file."""
    rng = context.rng
    partner_id = context.new_id(Partner)
    context.add(
        Partner,
        ["id", "name", "kind"],
        (partner_id, "Association d'aide à domicile (synthèse)", PartnerKind.ASSOCIATION),
    )
    actions = {}

    def action(territory, kind, year):
        key = (territory, kind, year)
        if key not in actions:
            actions[key] = context.new_id(PreventionAction)
            context.add(
                PreventionAction,
                ["id", "public_id", "title", "kind", "partner", "territory", "start_date",
                 "end_date", "budget", "cost", "description", "assessment", "created_at",
                 "updated_at"],
                (
                    actions[key], uuid.UUID(int=rng.getrandbits(128), version=4),
                    f"{ActionKind(kind).label} – {context.territory_names[territory]}",
                    kind, partner_id, territory, date(year, 1, 1), date(year, 12, 31),
                    Decimal(rng.randrange(80_000, 300_000)), None, "", "", context.now,
                    context.now,
                ),
            )  # fmt: skip
        return actions[key]

    links = Intervention.children.through
    for child in context.children:
        for measure in child.measures:
            kind = HOME_KINDS.get(measure.type)
            if kind is None or measure.renews is not None:
                continue
            ended = measure.end if measure.end < context.today else None
            intervention_id = context.new_id(Intervention)
            context.add(
                Intervention,
                ["id", "public_id", "action", "started_on", "ended_on", "family_name",
                 "families_count", "visits_count", "outcome", "notes", "created_at",
                 "updated_at"],
                (
                    intervention_id, uuid.UUID(int=rng.getrandbits(128), version=4),
                    action(child.territory, kind, measure.start.year), measure.start, ended,
                    "Famille (synthèse)", 1, rng.randrange(3, 40),
                    rng.choice(InterventionOutcome.values) if ended else "", "", context.now,
                    context.now,
                ),
            )  # fmt: skip
            context.add(
                links,
                ["id", "intervention", "child"],
                (context.new_id(links), intervention_id, child.id),
            )
