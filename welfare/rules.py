"""Legal limits of a measure (domain_rules.md §1.1), checked against the thresholds in force
on the day the measure starts. Each message cites the rule so the caseworker can check it."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from welfare.enums import DecisionMaker, MeasureNature, MeasureType, PlacementBasis
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
    # Art. 375-2 al. 1 C. civ. limits to a year the accompaniment "renforcé ou intensifié"
    # only, the PEAD included (an AEMO renforcée with hébergement, Cass. avis 14/02/2024);
    # the AEMO with exceptional or periodic hébergement (al. 2) keeps the 2 years of art. 375.
    if measure.type in (MeasureType.AEMO_REINFORCED, MeasureType.AEMO_WITH_ACCOMMODATION):
        months = parameters.value(Key.AEMO_REINFORCED_MAX_MONTHS, measure.start_date)
        return months, _(
            "une AEMO renforcée ou intensifiée, y compris avec hébergement (PEAD), dure au plus "
            "%(duration)s, renouvelable (art. 375-2 al. 1 du Code civil)"
        ) % {"duration": _duration(months)}
    if measure.type in (MeasureType.PLACEMENT, MeasureType.AEMO, MeasureType.AEMO_ACCOMMODATION):
        if measure.durable_difficulties:
            return None
        months = parameters.value(Key.JUDICIAL_MAX_MONTHS, measure.start_date)
        return months, _(
            "un placement ou une AEMO dure au plus %(duration)s, sauf dérogation du juge pour "
            "une mesure d'accueil quand les difficultés des parents sont graves, sévères et "
            "chroniques (art. 375 du Code civil)"
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


def _emergency_care_errors(measure, parameters) -> dict:
    """Art. L223-2 last al. CASF: the accueil of a minor who left home lasts 72 hours at most;
    counted in days, the accueil begun on a day ends at the latest 3 days later."""
    hours = parameters.value(Key.EMERGENCY_CARE_MAX_HOURS, measure.start_date)
    latest = measure.start_date + relativedelta(days=hours // 24)
    if measure.end_date and measure.end_date > latest:
        return {
            "end_date": _(
                "L'accueil d'un mineur ayant quitté son domicile dure au plus %(hours)d heures "
                "(art. L223-2 dernier alinéa du CASF) : fin au plus tard le %(day)s. Au-delà, "
                "un accueil provisoire avec l'accord des parents ou la saisine du juge."
            )
            % {"hours": hours, "day": f"{latest:%d/%m/%Y}"}
        }
    return {}


def _minor_only_errors(measure, parameters) -> dict:
    """Art. 375 C. civ.: assistance éducative protects a minor; after majority, the
    accompagnement jeune majeur (art. L222-5 CASF) takes over, at the young person's request."""
    majority = add_years(
        measure.child.birth_date, parameters.value(Key.MAJORITY_AGE, measure.start_date)
    )
    last_day = majority - relativedelta(days=1)
    message = _(
        "Une mesure d'assistance éducative ne concerne qu'un mineur (art. 375 du Code civil) : "
        "elle prend fin au plus tard la veille de ses 18 ans, le %(day)s. Après la majorité, "
        "proposez un accompagnement jeune majeur (art. L222-5 du CASF)."
    ) % {"day": f"{last_day:%d/%m/%Y}"}
    if measure.start_date >= majority:
        return {"type": message}
    if measure.end_date and measure.end_date > last_day:
        return {"end_date": message}
    return {}


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
    if measure.durable_difficulties and measure.type != MeasureType.PLACEMENT:
        errors["durable_difficulties"] = _(
            "La dérogation « difficultés graves, sévères et chroniques » ne vaut que pour une "
            "mesure d'accueil, pas pour une AEMO (art. 375 al. 4 du Code civil)."
        )
    if measure.type == MeasureType.PLACEMENT and not measure.placement_basis:
        errors["placement_basis"] = _(
            "Indiquez à qui le juge confie l'enfant (art. 375-3 du Code civil, 1° à 5°)."
        )
    if measure.type != MeasureType.PLACEMENT and measure.placement_basis:
        errors["placement_basis"] = _(
            "Seul un placement judiciaire dit à qui l'enfant est confié (art. 375-3 du Code "
            "civil) : laissez ce champ vide."
        )
    if measure.placement_basis and measure.placement_basis not in PlacementBasis.values:
        errors["placement_basis"] = _("Choisissez l'un des cas de l'article 375-3 du Code civil.")
    if measure.without_hearing and measure.type != MeasureType.OPP_JUDGE:
        errors["without_hearing"] = _(
            "Seule une ordonnance de placement provisoire du juge peut être prise sans audition "
            "des parties (art. 1184 du code de procédure civile)."
        )
    if measure.merits_extension_date and measure.type != MeasureType.OPP_JUDGE:
        errors["merits_extension_date"] = _(
            "Le délai de six mois de la décision au fond ne se prolonge que pour une mesure "
            "provisoire du juge (art. 1185 du code de procédure civile)."
        )
    if measure.judge_referral_date and measure.type not in (
        MeasureType.OPP_PROSECUTOR,
        MeasureType.EMERGENCY_INTAKE,
    ):
        errors["judge_referral_date"] = _(
            "La saisine du juge se note pour une OPP du parquet (art. 375-5 du Code civil) ou "
            "un recueil sans accord (art. L223-2 du CASF)."
        )
    for field in ("judge_referral_date", "merits_extension_date"):
        day = getattr(measure, field)
        if day and measure.start_date and day < measure.start_date:
            errors[field] = _("Cette date ne peut précéder le début de la mesure.")
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
    if measure.type in MeasureType.educational_assistance() and measure.child_id:
        for field, message in _minor_only_errors(measure, parameters).items():
            errors.setdefault(field, message)
    if measure.type == MeasureType.EMERGENCY_CARE:
        for field, message in _emergency_care_errors(measure, parameters).items():
            errors.setdefault(field, message)
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


def report_sending_errors(document, *, today: date) -> dict:
    """What is wrong with a report's sending to the judge, as {field: message}: the content
    is shared beforehand with the parents and the child, by age and maturity (art. L223-5
    al. 4 CASF), or the file says why not; nothing when the report is not sent."""
    sent_on = document.sent_to_judge_on
    if sent_on is None:
        return {}
    errors = {}
    if sent_on > today:
        errors["sent_to_judge_on"] = _("La date d'envoi ne peut être future.")
    elif document.completed_on and sent_on < document.completed_on:
        errors["sent_to_judge_on"] = _(
            "Le rapport ne peut être transmis au juge avant d'être rédigé."
        )
    shared_on = document.shared_with_family_on
    if shared_on is None and not document.not_shared_reason.strip():
        errors["shared_with_family_on"] = _(
            "Le contenu du rapport est porté à la connaissance des parents et de l'enfant avant "
            "sa transmission (art. L223-5 al. 4 du CASF) : indiquez quand, ou pourquoi cela "
            "n'a pas été fait."
        )
    elif shared_on is not None and shared_on > sent_on:
        errors["shared_with_family_on"] = _(
            "Le partage avec les parents et l'enfant précède la transmission au juge "
            "(art. L223-5 al. 4 du CASF)."
        )
    return errors
