"""The version of a plan its public pages show: a copy of what the public reads, taken when the
directorate publishes. Edits to the plan stay a draft until the next publication, which puts
them all on the public site in one step.

The copy holds only what the public pages show (no service pilote, no partners: no person is
named). It reads attributes only, so the migration that took the first copy of the plans
already published could use it on its historical models.
"""

from datetime import date
from decimal import Decimal

from django.db.models import Model

from schemes.models import Action, Funding, Objective, Scheme

SCHEME_FIELDS = ("title", "kind", "start_year", "end_year", "adopted_on", "status", "summary")
# The identifiers too: the related managers of a rebuilt record need them, even from a cache.
OBJECTIVE_FIELDS = ("id", "number", "title", "description")
ACTION_FIELDS = ("id", "number", "title", "description", "start_date", "end_date", "status")
ACTION_FIELDS += ("progress",)
FUNDING_FIELDS = ("id", "funder", "amount")


def _values(record, names) -> dict:
    """The fields as JSON holds them: dates in ISO format, amounts as text."""
    values = {}
    for name in names:
        value = getattr(record, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        values[name] = value
    return values


def plan_snapshot(scheme) -> dict:
    """What the public pages of ``scheme`` show, as JSON: the plan, its objectives and actions
    in order, and the actions' funding lines (for the totals)."""
    return {
        "scheme": _values(scheme, SCHEME_FIELDS),
        "objectives": [
            {
                **_values(objective, OBJECTIVE_FIELDS),
                "actions": [
                    {
                        **_values(action, ACTION_FIELDS),
                        "fundings": [
                            _values(funding, FUNDING_FIELDS)
                            for funding in sorted(action.fundings.all(), key=lambda row: row.pk)
                        ],
                    }
                    for action in sorted(objective.actions.all(), key=lambda row: row.number)
                ],
            }
            for objective in sorted(scheme.objectives.all(), key=lambda row: row.number)
        ],
    }


def _record(model: type[Model], values: dict, names, **related) -> Model:
    record = model(**{name: model._meta.get_field(name).to_python(values[name]) for name in names})
    # Read through ``.all()`` as a prefetched plan is: the templates and ``plan_totals`` need
    # no change, and make no query.
    record._prefetched_objects_cache = related
    return record


def published_plan(scheme: Scheme) -> Scheme:
    """``scheme`` as its last publication put it on the public site: unsaved records rebuilt
    from the copy, whose objectives, actions and fundings read like those of
    ``selectors.scheme_with_plan``. None when it was never published."""
    content = scheme.published_content
    if content is None:
        return None
    objectives = []
    for objective_values in content["objectives"]:
        actions = [
            _record(
                Action,
                values,
                ACTION_FIELDS,
                fundings=[
                    _record(Funding, funding, FUNDING_FIELDS) for funding in values["fundings"]
                ],
                milestones=[],
                indicators=[],
            )
            for values in objective_values["actions"]
        ]
        objectives.append(_record(Objective, objective_values, OBJECTIVE_FIELDS, actions=actions))
    plan = _record(Scheme, content["scheme"], SCHEME_FIELDS, objectives=objectives)
    plan.pk = scheme.pk
    return plan
