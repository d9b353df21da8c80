"""Reads of the prevention app. The figures are a few aggregate queries, never a loop over
rows; ``prevention_spending`` and ``prevention_figures`` are read by the budget (schemes) and
the directorate's dashboard."""

from datetime import date
from decimal import Decimal

from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, Sum, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from prevention.enums import ActionKind, ConcernOutcome, FirstAnalysis, ProsecutorFeedback
from prevention.models import CONCERN_OPEN, Concern, Intervention, PreventionAction
from welfare import retention
from welfare.enums import Role
from welfare.models import Child, User
from welfare.timeline import TimelineEvent

ZERO = Decimal("0.00")


# --- Figures ----------------------------------------------------------------------------------


def prevention_spending(*, year: int, territory=None) -> Decimal:
    """Cost of the prevention actions of ``year`` (of ``territory`` only when given; the
    Département-wide actions then do not count), in euros; actions whose cost is not yet
    known count for nothing. One query."""
    total = (
        PreventionAction.objects.of_year(year)
        .in_territory(territory)
        .aggregate(total=Coalesce(Sum("cost"), Value(ZERO)))["total"]
    )
    return total


def _concern_counts(concerns, today: date) -> dict:
    ended = Q(evaluation_ended_on__isnull=False)
    open_ = Q(evaluation_ended_on__isnull=True) & ~Q(first_analysis=FirstAnalysis.NOT_CONCERN)
    counts = {
        "received": Count("pk"),
        "grave_danger": Count("pk", filter=Q(grave_danger=True)),
        "not_concern": Count("pk", filter=Q(first_analysis=FirstAnalysis.NOT_CONCERN)),
        "evaluated": Count("pk", filter=ended),
        "evaluated_in_time": Count(
            "pk", filter=ended & Q(evaluation_ended_on__lte=F("evaluation_due_on"))
        ),
        "evaluated_late": Count(
            "pk", filter=ended & Q(evaluation_ended_on__gt=F("evaluation_due_on"))
        ),
        "open": Count("pk", filter=open_),
        "open_overdue": Count("pk", filter=open_ & Q(evaluation_due_on__lt=today)),
        "prosecutor_referrals": Count("pk", filter=Q(prosecutor_referral_on__isnull=False)),
    }
    counts.update(
        {
            f"outcome:{outcome}": Count("pk", filter=Q(outcome=outcome))
            for outcome in ConcernOutcome.values
        }
    )
    counts.update(
        {
            f"feedback:{feedback}": Count("pk", filter=Q(prosecutor_feedback=feedback))
            for feedback in ProsecutorFeedback.values
        }
    )
    row = concerns.aggregate(**counts)
    figures = {key: value for key, value in row.items() if ":" not in key}
    figures["late"] = figures["evaluated_late"] + figures["open_overdue"]
    figures["outcomes"] = [
        {"outcome": outcome, "label": label, "count": row[f"outcome:{outcome}"]}
        for outcome, label in ConcernOutcome.choices
    ]
    figures["prosecutor_feedback"] = [
        {"feedback": feedback, "label": label, "count": row[f"feedback:{feedback}"]}
        for feedback, label in ProsecutorFeedback.choices
    ]
    return figures


def prevention_figures(*, year: int, territory=None, today: date | None = None) -> dict:
    """The year's prevention activity, for the whole Département or one ``territory``.

    Three aggregate queries, whatever the number of rows. Returns::

        {
            "year": 2023, "territory": <Territory or None>,
            "spending": Decimal, "budget": Decimal, "actions_count": int,
            "families": int, "interventions": int,
            "actions": [  # one entry per kind of action that has actions that year
                {"kind": "tisf", "label": "Intervention de TISF à domicile",
                 "actions": int, "budget": Decimal, "spending": Decimal,
                 "families": int, "interventions": int},
            ],
            "concerns": {
                "received", "grave_danger", "not_concern", "evaluated",
                "evaluated_in_time", "evaluated_late", "open", "open_overdue",
                "late" (evaluated late + still open past their due date on ``today``),
                "prosecutor_referrals": int,
                "outcomes": [{"outcome", "label", "count"}] for each ConcernOutcome,
                "prosecutor_feedback": [{"feedback", "label", "count"}] for each one,
            },
        }

    Actions and their families count in the year the action belongs to; concerns in the year
    they were received. ``today`` (by default the local date) decides which open concerns
    are overdue.
    """
    today = today or timezone.localdate()
    actions = (
        PreventionAction.objects.of_year(year)
        .in_territory(territory)
        .values("kind")
        .annotate(
            count=Count("pk"),
            budget_total=Sum("budget"),
            spending=Coalesce(Sum("cost"), Value(ZERO)),
        )
        .order_by()
    )
    reached = {
        row["action__kind"]: row
        for row in Intervention.objects.of_year(year)
        .in_territory(territory)
        .values("action__kind")
        .annotate(families=Sum("families_count"), count=Count("pk"))
        .order_by()
    }
    labels = dict(ActionKind.choices)
    rows = []
    for row in sorted(actions, key=lambda row: ActionKind.values.index(row["kind"])):
        delivered = reached.get(row["kind"], {})
        rows.append(
            {
                "kind": row["kind"],
                "label": labels[row["kind"]],
                "actions": row["count"],
                "budget": row["budget_total"],
                "spending": row["spending"],
                "families": delivered.get("families", 0),
                "interventions": delivered.get("count", 0),
            }
        )
    concerns = Concern.objects.received_in(year).in_territory(territory)
    return {
        "year": year,
        "territory": territory,
        "spending": sum((row["spending"] for row in rows), ZERO),
        "budget": sum((row["budget"] for row in rows), ZERO),
        "actions_count": sum(row["actions"] for row in rows),
        "families": sum(row["families"] for row in rows),
        "interventions": sum(row["interventions"] for row in rows),
        "actions": rows,
        "concerns": _concern_counts(concerns, today),
    }


def prevention_years() -> list[int]:
    """The years that have prevention actions or concerns, newest first (two queries)."""
    years = set(PreventionAction.objects.dates("start_date", "year"))
    years |= set(Concern.objects.dates("received_on", "year"))
    return sorted((day.year for day in years), reverse=True)


# --- Actions and interventions ----------------------------------------------------------------


def _actions(*, year: int | None = None, territory=None, kind: str = ""):
    actions = PreventionAction.objects.in_territory(territory)
    if year:
        actions = actions.of_year(year)
    if kind:
        actions = actions.filter(kind=kind)
    return actions


def actions_list(*, year: int | None = None, territory=None, kind: str = ""):
    """The catalogue, filtered, with partner and territory, and per action the families
    reached and the number of interventions (one query per page)."""
    return (
        _actions(year=year, territory=territory, kind=kind)
        .select_related("partner", "territory")
        .annotate(
            families=Coalesce(Sum("interventions__families_count"), 0),
            interventions_count=Count("interventions"),
        )
        .order_by("-start_date", "title", "pk")
    )


def actions_totals(*, year: int | None = None, territory=None, kind: str = "") -> dict:
    """Number, budget and cost of the actions the same filters select (one query)."""
    return _actions(year=year, territory=territory, kind=kind).aggregate(
        count=Count("pk"),
        budget=Coalesce(Sum("budget"), Value(ZERO)),
        cost=Coalesce(Sum("cost"), Value(ZERO)),
    )


def action_for(public_id) -> PreventionAction:
    """An action with its partner and territory, or 404."""
    return get_object_or_404(
        PreventionAction.objects.select_related("partner", "territory"), public_id=public_id
    )


def action_interventions(action):
    """The interventions of an action, newest first, with the children they reached."""
    return action.interventions.prefetch_related(
        Prefetch("children", queryset=Child.objects.select_related("territory"))
    ).order_by("-started_on", "-pk")


def action_delivery(action) -> dict:
    """Families reached and interventions of one action (one query)."""
    return action.interventions.aggregate(
        families=Coalesce(Sum("families_count"), 0), count=Count("pk")
    )


def intervention_for(public_id) -> Intervention:
    """An intervention with its action, or 404."""
    return get_object_or_404(
        Intervention.objects.select_related("action", "action__partner", "action__territory"),
        public_id=public_id,
    )


def children_find(text: str, *, limit: int = 20):
    """Children's files of the whole Département whose names contain every word of
    ``text`` (accents and case ignored), to link them to an intervention or a concern."""
    if not text.strip():
        return Child.objects.none()
    return (
        Child.objects.active_base()
        .search(text)
        .select_related("territory")
        .order_by("last_name", "first_name", "birth_date")[:limit]
    )


def concern_last_contact(day: date):
    """The child's last information préoccupante (``OuterRef("pk")``) as a contact for the
    retention rule (registered in ``PreventionConfig.ready``): its latest date on record, or
    ``day`` while its evaluation is under way."""
    today = retention.day_value(day)
    return retention.latest_date(
        Concern.objects.filter(children=OuterRef("pk")),
        Case(
            When(CONCERN_OPEN, then=today),
            default=Greatest(
                F("received_on"),
                F("evaluation_ended_on"),
                F("prosecutor_referral_on"),
                F("prosecutor_feedback_on"),
            ),
        ),
    )


def intervention_last_contact(day: date):
    """The child's last home intervention (``OuterRef("pk")``) as a contact for the retention
    rule: its end, or ``day`` while it goes on."""
    return retention.latest_date(
        Intervention.objects.filter(children=OuterRef("pk")),
        Greatest(F("started_on"), Coalesce(F("ended_on"), retention.day_value(day))),
    )


def child_interventions_timeline(child) -> list[TimelineEvent]:
    """The home interventions that reached ``child``, as events of the child's timeline
    (registered in ``PreventionConfig.ready``; one query)."""
    interventions = (
        Intervention.objects.home()
        .filter(children=child)
        .select_related("action", "action__partner")
        .order_by("started_on")
    )
    events = []
    for intervention in interventions:
        action = intervention.action
        details = [str(action.partner), intervention.family_name]
        if intervention.visits_count:
            details.append(_("%(count)d visite(s)") % {"count": intervention.visits_count})
        if intervention.ended_on:
            details.append(_("jusqu'au %(day)s") % {"day": f"{intervention.ended_on:%d/%m/%Y}"})
        if intervention.outcome:
            details.append(intervention.get_outcome_display())
        events.append(
            TimelineEvent(
                date=intervention.started_on,
                kind=_("Prévention"),
                title=f"{action.get_kind_display()} – {action.title}",
                detail=" · ".join(details),
            )
        )
    return events


# --- Informations préoccupantes ---------------------------------------------------------------


def crip_list(*, user, territory=None):
    """The open concerns ``user`` may list: grave and immediate danger first, then by due
    date (overdue first), with their territory and number of children."""
    return (
        Concern.objects.for_user(user)
        .open()
        .in_territory(territory)
        .select_related("territory")
        .annotate(children_count=Count("children"))
        .crip_order()
    )


def crip_counts(*, user, today: date) -> list[dict]:
    """Per territory ``user`` may list: open concerns, overdue ones and grave dangers (one
    query)."""
    return list(
        Concern.objects.for_user(user)
        .open()
        .values("territory__name")
        .annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(evaluation_due_on__lt=today)),
            grave=Count("pk", filter=Q(grave_danger=True)),
        )
        .order_by("territory__name")
    )


def concern_for(*, user, public_id) -> Concern:
    """A concern ``user`` may open, with its children, team and measure, or 404."""
    concerns = (
        Concern.objects.for_user(user)
        .select_related("territory", "measure", "measure__child", "created_by")
        .prefetch_related(
            Prefetch("children", queryset=Child.objects.select_related("territory", "referent")),
            "evaluators",
        )
    )
    return get_object_or_404(concerns, public_id=public_id)


def possible_evaluators(concern):
    """Staff who may sit on the evaluation team: the référents and managers of the
    concern's territory and the Département's prevention officers."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(territory=concern.territory, role__in=(Role.CASEWORKER, Role.TERRITORY_MANAGER))
            | Q(role=Role.PREVENTION_OFFICER)
        )
        .order_by("last_name", "first_name")
    )
