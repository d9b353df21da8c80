"""Legal limits of a measure (domain_rules.md §1.1), checked against the thresholds in force
on the day the measure starts. Each message cites the rule so the caseworker can check it."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from welfare.enums import DecisionMaker, MeasureNature, MeasureType
from welfare.enums import LegalParameterKey as Key

ADMINISTRATIVE_DECIDERS = (DecisionMaker.DEPARTEMENT_PRESIDENT, DecisionMaker.PREFECT)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (31 January + 1 month = 28 or 29 February)."""
    return day + relativedelta(months=months)


def add_years(day: date, years: int) -> date:
    """``day`` plus ``years`` (29 February becomes 28 February in common years)."""
    return day + relativedelta(years=years)


def _duration(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return ngettext("%(count)d an", "%(count)d ans", years) % {"count": years}
    return ngettext("%(count)d mois", "%(count)d mois", months) % {"count": months}


def _longest(measure, parameters) -> tuple[int, str] | None:
    """The legal maximum of this measure in months and the rule that sets it, if any."""
    if measure.type in (MeasureType.AEMO_REINFORCED, MeasureType.AEMO_WITH_ACCOMMODATION):
        months = parameters.value(Key.AEMO_REINFORCED_MAX_MONTHS, measure.start_date)
        return months, _(
            "une AEMO renforcée ou avec hébergement dure au plus %(duration)s, renouvelable "
            "(art. 375-2 du Code civil)"
        ) % {"duration": _duration(months)}
    if measure.type in (MeasureType.PLACEMENT, MeasureType.AEMO):
        if measure.durable_difficulties:
            return None
        months = parameters.value(Key.JUDICIAL_MAX_MONTHS, measure.start_date)
        return months, _(
            "un placement ou une AEMO dure au plus %(duration)s, sauf dérogation du juge pour "
            "difficultés durables des parents (art. 375 du Code civil)"
        ) % {"duration": _duration(months)}
    if measure.nature == MeasureNature.ADMINISTRATIVE and measure.type in MeasureType.with_term():
        months = parameters.value(Key.ADMINISTRATIVE_MAX_MONTHS, measure.start_date)
        return months, _(
            "une mesure administrative dure au plus %(duration)s, renouvelable (art. L223-5 "
            "du CASF)"
        ) % {"duration": _duration(months)}
    return None


def _young_adult_errors(measure, parameters) -> dict:
    birth_date = measure.child.birth_date
    majority = add_years(birth_date, parameters.value(Key.MAJORITY_AGE, measure.start_date))
    limit_age = parameters.value(Key.YOUNG_ADULT_AGE_LIMIT, measure.start_date)
    limit = add_years(birth_date, limit_age)
    errors = {}
    if measure.start_date < majority:
        errors["start_date"] = _(
            "L'accompagnement jeune majeur commence au plus tôt à la majorité, le "
            "%(day)s (art. L222-5 du CASF)."
        ) % {"day": f"{majority:%d/%m/%Y}"}
    if measure.end_date and measure.end_date >= limit:
        errors["end_date"] = _(
            "L'accompagnement jeune majeur prend fin au plus tard la veille des %(age)d ans, "
            "le %(day)s (art. L222-5 du CASF)."
        ) % {"age": limit_age, "day": f"{limit - relativedelta(days=1):%d/%m/%Y}"}
    return errors


def _form_errors(measure) -> dict:
    """Rules on the fields that go with the type (also held by the database constraints)."""
    administrative = measure.type in MeasureType.administrative()
    errors = {}
    if measure.decided_by and administrative != (measure.decided_by in ADMINISTRATIVE_DECIDERS):
        errors["decided_by"] = (
            _("Une mesure administrative est décidée par le président du conseil départemental.")
            if administrative
            else _("Une mesure judiciaire est décidée par un magistrat ou le parquet.")
        )
    if measure.type in MeasureType.with_term() and not measure.end_date:
        errors["end_date"] = _(
            "Cette mesure est limitée dans le temps par la loi : indiquez sa date de fin."
        )
    if measure.type == MeasureType.PROVISIONAL_CARE and not measure.parental_agreement:
        errors["parental_agreement"] = _(
            "Un accueil provisoire exige l'accord écrit des représentants légaux "
            "(art. L223-2 du CASF)."
        )
    if not administrative and not measure.court:
        errors["court"] = _("Indiquez la juridiction qui a prononcé cette mesure judiciaire.")
    if measure.durable_difficulties and measure.type not in (
        MeasureType.PLACEMENT,
        MeasureType.AEMO,
    ):
        errors["durable_difficulties"] = _(
            "La dérogation « difficultés durables » ne vaut que pour un placement ou une AEMO."
        )
    if measure.decision_date and measure.start_date and measure.decision_date > measure.start_date:
        errors["decision_date"] = _("La décision ne peut être postérieure au début de la mesure.")
    return errors


def measure_errors(measure, parameters) -> dict:
    """The legal limits this measure breaks, as {field: message}; empty when it is valid.

    ``parameters`` is a ``LegalParameterSet``. The nature follows from the type.
    """
    if not (measure.type and measure.start_date):
        return {}
    if measure.end_date and measure.end_date < measure.start_date:
        return {"end_date": _("La fin de la mesure ne peut précéder son début.")}
    errors = _form_errors(measure)
    if measure.child_id and measure.start_date < measure.child.birth_date:
        errors["start_date"] = _(
            "L'enfant est né le %(day)s : la mesure ne peut commencer avant sa naissance."
        ) % {"day": f"{measure.child.birth_date:%d/%m/%Y}"}
    if measure.type == MeasureType.YOUNG_ADULT and measure.child_id:
        errors.update(_young_adult_errors(measure, parameters))
    longest = _longest(measure, parameters)
    if measure.end_date and longest:
        months, rule = longest
        latest = add_months(measure.start_date, months)
        if measure.end_date > latest:
            errors.setdefault(
                "end_date",
                _("Durée trop longue : %(rule)s. Fin au plus tard le %(day)s.")
                % {"rule": rule, "day": f"{latest:%d/%m/%Y}"},
            )
    return errors
