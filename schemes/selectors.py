"""Reads of plans and budgets, shared by the staff pages, the public pages and the PDF reports.

Totals are computed here from the lines, never read from a stored field.

Executed budget amounts can also be computed from the records of other apps. Each entry of
``COMPUTED_SOURCES`` is a function ``(*, year) -> {BudgetDomain: Decimal}`` reading one app's
selectors; a domain that no source returns is shown "non calculable".
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Avg,
    Count,
    DecimalField,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Round
from django.utils import timezone

from placements.selectors import placement_costs
from prevention.selectors import prevention_spending
from schemes.enums import ActionStatus, BudgetDomain, BudgetSection, Funder
from schemes.models import (
    Action,
    Budget,
    BudgetLine,
    Funding,
    Indicator,
    Measurement,
    Objective,
    mean_progress,
)
from schemes.publication import plan_snapshot
from welfare.formats import share

ZERO = Decimal(0)

# --- Plans -----------------------------------------------------------------------------------


def _per_scheme(rows, scheme_path, aggregate, output_field):
    """A subquery giving ``aggregate`` over ``rows`` of the outer scheme (None without rows)."""
    rows = rows.filter(**{scheme_path: OuterRef("pk")}).order_by().values(scheme_path)
    return Subquery(rows.annotate(result=aggregate).values("result"), output_field=output_field)


def scheme_list(*, schemes):
    """``schemes`` with their action count, mean progress and funding total, in one query.

    The figures come from subqueries so that the joins of actions and fundings do not multiply
    each other. Mean progress leaves dropped actions out and is None without actions.
    """
    scheme = "objective__scheme"
    live_actions = Action.objects.exclude(status=ActionStatus.DROPPED)
    return schemes.annotate(
        action_count=Coalesce(
            _per_scheme(Action.objects.all(), scheme, Count("pk"), IntegerField()), 0
        ),
        mean_progress=_per_scheme(
            live_actions, scheme, Cast(Round(Avg("progress")), IntegerField()), IntegerField()
        ),
        funding_total=Coalesce(
            _per_scheme(Funding.objects.all(), f"action__{scheme}", Sum("amount"), DecimalField()),
            ZERO,
        ),
    )


def scheme_with_plan(*, schemes):
    """``schemes`` with the whole plan prefetched in a fixed number of queries (7 for one plan).

    Objectives in order, then their actions in order with fundings, milestones, and indicators
    with their measurements over time. Iterate with ``.all()`` only, so the prefetch serves.
    """
    indicators = Indicator.objects.prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
    )
    actions = Action.objects.order_by("number").prefetch_related(
        "fundings", "milestones", Prefetch("indicators", queryset=indicators)
    )
    objectives = Objective.objects.order_by("number").prefetch_related(
        Prefetch("actions", queryset=actions)
    )
    return schemes.prefetch_related(Prefetch("objectives", queryset=objectives))


def has_unpublished_changes(*, scheme) -> bool:
    """Whether a published plan (from ``scheme_with_plan``) differs from what its public
    pages show; no query."""
    return scheme.published and plan_snapshot(scheme) != scheme.published_content


@dataclass(frozen=True)
class Share:
    """One part of a whole: a funder's part of a plan, a status's count of actions."""

    key: str
    label: str
    amount: Decimal
    percent: Decimal


@dataclass(frozen=True)
class PlanTotals:
    funding_total: Decimal
    funding_by_funder: list[Share]
    action_count: int
    actions_by_status: list[Share]
    mean_progress: int | None
    indicators: list[tuple[Action, Indicator]]


def _shares(amounts: dict, choices) -> list[Share]:
    """The non-zero ``amounts`` keyed by choice value, in the choices' order, with percents."""
    total = sum(amounts.values(), ZERO)
    return [
        Share(
            key=choice.value,
            label=choice.label,
            amount=amounts[choice],
            percent=(Decimal(100) * amounts[choice] / total).quantize(Decimal("0.1")),
        )
        for choice in choices
        if amounts.get(choice)
    ]


def plan_totals(*, scheme) -> PlanTotals:
    """Funding split by funder, actions by status, mean progress and the indicators (with their
    action) of a prefetched plan.

    Makes no query when ``scheme`` comes from ``scheme_with_plan``.
    """
    objectives = scheme.objectives.all()
    actions = [action for objective in objectives for action in objective.actions.all()]
    by_funder = dict.fromkeys(Funder, ZERO)
    by_status = dict.fromkeys(ActionStatus, 0)
    for action in actions:
        by_status[action.status] += 1
        for funding in action.fundings.all():
            by_funder[funding.funder] += funding.amount
    return PlanTotals(
        funding_total=sum(by_funder.values(), ZERO),
        funding_by_funder=_shares(by_funder, Funder),
        action_count=len(actions),
        actions_by_status=_shares(by_status, ActionStatus),
        mean_progress=mean_progress(actions),
        indicators=[
            (action, indicator) for action in actions for indicator in action.indicators.all()
        ],
    )


def action_with_details(*, actions):
    """``actions`` with their plan, fundings, milestones and measured indicators (6 queries)."""
    indicators = Indicator.objects.prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
    )
    return actions.select_related("objective__scheme").prefetch_related(
        "fundings", "milestones", Prefetch("indicators", queryset=indicators)
    )


def next_number(*, siblings) -> int:
    """The number after the highest of ``siblings`` (objectives of a plan, actions of one)."""
    return (siblings.aggregate(highest=Max("number"))["highest"] or 0) + 1


# --- Budgets ---------------------------------------------------------------------------------

# The placements app's cost kinds ("foster_carer", "pead", and one per kind of establishment)
# that execute each budget domain. Young adults are not told apart there: not computable.
FOSTER_CARER, PEAD = "foster_carer", "pead"


def _placement_domain_kinds(kinds) -> dict:
    establishments = [kind for kind in kinds if kind not in (FOSTER_CARER, PEAD)]
    return {
        BudgetDomain.FOSTER_CARE: [FOSTER_CARER],
        BudgetDomain.ESTABLISHMENTS: establishments,
        BudgetDomain.PEAD: [PEAD],
    }


def placement_source(*, year) -> dict:
    """Placement costs of ``year`` to date (days × prix de journée) for the placement domains.

    Reads ``placements.selectors.placement_costs(*, year, until) -> {kind: {"days", "cost",
    "days_without_rate"}}``. Nothing is computable for a year without any placement day (the
    records do not cover it), nor for a domain some of whose days have no recorded rate (its
    cost would be understated).
    """
    costs = placement_costs(year=year, until=timezone.localdate())
    if not any(row["days"] for row in costs.values()):
        return {}
    computed = {}
    for domain, kinds in _placement_domain_kinds(costs).items():
        rows = [costs[kind] for kind in kinds if kind in costs]
        if rows and not any(row["days_without_rate"] for row in rows):
            computed[domain] = sum((row["cost"] for row in rows), ZERO)
    return computed


def prevention_source(*, year) -> dict:
    """Cost of the prevention actions of ``year``.

    Reads ``prevention.selectors.prevention_spending(*, year) -> Decimal``.
    """
    return {BudgetDomain.PREVENTION: prevention_spending(year=year)}


COMPUTED_SOURCES = [prevention_source, placement_source]


def computed_executed(*, year) -> dict:
    """Executed amounts of ``year`` computed from the records, by budget domain.

    A domain missing from the result cannot be computed from the records.
    """
    computed = {}
    for source in COMPUTED_SOURCES:
        computed.update(source(year=year))
    return computed


def budget_list(*, budgets):
    """``budgets`` with their voted and entered executed totals, summed from the lines, the
    latest year first."""
    return budgets.order_by("-year").annotate(
        voted_total=Coalesce(Sum("lines__voted"), Value(ZERO), output_field=DecimalField()),
        executed_total=Coalesce(Sum("lines__executed"), Value(ZERO), output_field=DecimalField()),
        line_count=Count("lines"),
    )


def _difference(executed, computed):
    return None if computed is None else executed - computed


@dataclass(frozen=True)
class Figures:
    """Voted, entered executed and computed executed amounts of a line, a section or a budget.

    ``computed`` is None when the records cannot give it (for a sum: when one of its lines
    cannot), and so is ``difference`` (entered minus computed).
    """

    label: str
    voted: Decimal
    executed: Decimal
    computed: Decimal | None
    line: BudgetLine | None = None

    @property
    def difference(self):
        return _difference(self.executed, self.computed)

    @property
    def execution_rate(self):
        return share(self.executed, self.voted)


@dataclass(frozen=True)
class SectionFigures:
    total: Figures
    lines: list[Figures]


@dataclass(frozen=True)
class BudgetFigures:
    budget: Budget
    sections: list[SectionFigures]
    total: Figures

    @property
    def lines(self):
        return [line for section in self.sections for line in section.lines]


def _sum(label, parts: list[Figures]) -> Figures:
    computed = [part.computed for part in parts]
    return Figures(
        label=label,
        voted=sum((part.voted for part in parts), ZERO),
        executed=sum((part.executed for part in parts), ZERO),
        computed=None if None in computed or not parts else sum(computed, ZERO),
    )


def budget_figures(*, budget) -> BudgetFigures:
    """A budget's lines in domain order with their computed amounts, per section and in total.

    One query for the lines, plus those of the computed sources.
    """
    computed = computed_executed(year=budget.year)
    order = list(BudgetDomain)
    lines = sorted(budget.lines.all(), key=lambda line: order.index(line.domain))
    sections = []
    for section in BudgetSection:
        rows = [
            Figures(
                label=line.get_domain_display(),
                voted=line.voted,
                executed=line.executed,
                computed=computed.get(line.domain),
                line=line,
            )
            for line in lines
            if line.section == section
        ]
        if rows:
            sections.append(SectionFigures(total=_sum(section.label, rows), lines=rows))
    return BudgetFigures(
        budget=budget,
        sections=sections,
        total=_sum(str(budget), [section.total for section in sections]),
    )


def free_domains(*, budget, keep=None) -> list:
    """Budget domains that have no line yet in ``budget`` (plus ``keep``, the line's own)."""
    used = set(budget.lines.exclude(domain=keep).values_list("domain", flat=True))
    return [domain for domain in BudgetDomain if domain not in used]
