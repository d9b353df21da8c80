"""Figures of the children in care: who is confié on a day and where, who entered and left
over a period, how often they moved, and the statutory deadlines overdue.

Each figure is one grouped query (conditional aggregation), whatever the number of children.
The deadlines come from the rules of ``welfare.clocks``, the same statement "Mon activité" and
the child's file read, grouped in the database, so the counts always agree.
"""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from observatory.base import Block, Row, link, total_row
from observatory.formatting import Rate
from placements.enums import EstablishmentKind, PlaceKind
from placements.models import Placement
from welfare.clocks import status_counts
from welfare.enums import (
    ClockKind,
    ClockStatus,
    MeasureEndReason,
    MeasureNature,
    MeasureType,
    PlacementBasis,
    Role,
    Sex,
)
from welfare.models import Child, Measure, PopulationEstimate, Territory
from welfare.rules import add_years
from welfare.selectors.children import care_by_legal_category

FOSTER_CARER = PlaceKind.FOSTER_CARER.value
PEAD = "pead"
NO_PLACE = "none"
ESTABLISHMENTS = "establishments"
AGE_BANDS = ((0, 2), (3, 5), (6, 10), (11, 15), (16, 17), (18, 20))
# The bands below this age are minors' (the rates per 1,000 minors).
ADULT_AGE = 18
NATURES = (MeasureNature.ADMINISTRATIVE.value, MeasureNature.JUDICIAL.value)
# Children's names are the territory's business: the list behind a figure about children is
# the territory manager's, never the directorate's (no nominative file, ARCHITECTURE.md §6).
CHILDREN_LIST_ROLES = (Role.TERRITORY_MANAGER,)


def place_labels() -> dict:
    labels = {FOSTER_CARER: PlaceKind.FOSTER_CARER.label}
    labels.update(EstablishmentKind.choices)
    labels[PEAD] = _("PEAD (à domicile, compté à part)")
    labels[NO_PLACE] = _("Sans lieu d'accueil enregistré")
    return labels


def band_key(low: int, high: int) -> str:
    return f"{low}-{high}"


def _children(params):
    return params.scope.filter(Child.objects.all())


def _children_list_link():
    return link(_("Voir les enfants suivis"), "children:list", roles=CHILDREN_LIST_ROLES)


# --- Children in care on a day ----------------------------------------------------------------


def _nature_on(day):
    """The nature of the child's care measure on ``day`` (the latest begun, if two)."""
    measures = (
        Measure.objects.active_on(day)
        .care()
        .filter(child=OuterRef("pk"))
        .order_by("-start_date", "-pk")
        .values("nature")[:1]
    )
    return Subquery(measures, output_field=CharField())


def _place_on(day):
    """Where the child lives on ``day``: "foster_carer", an establishment kind, "pead", or
    "none" without a placement on record that day."""
    placements = (
        Placement.objects.active_on(day)
        .filter(child=OuterRef("pk"))
        .annotate(
            place=Case(
                When(place_kind=PlaceKind.FOSTER_CARER, then=Value(FOSTER_CARER)),
                When(place_kind=PlaceKind.FAMILY_HOME, then=Value(PEAD)),
                default=F("establishment__kind"),
                output_field=CharField(),
            )
        )
        .order_by("-start_date")
        .values("place")[:1]
    )
    return Coalesce(Subquery(placements, output_field=CharField()), Value(NO_PLACE))


def _band(day, low, high) -> Q:
    """Children aged ``low`` to ``high`` (whole years) on ``day``, by their birth date."""
    return Q(birth_date__lte=add_years(day, -low), birth_date__gt=add_years(day, -(high + 1)))


def in_care_rows(params) -> list[dict]:
    """Children in care on ``params.day`` grouped by territory, nature of the measure and
    place, with their counts by age band and sex, unaccompanied minors and disability (one
    query)."""
    day = params.day
    counts = {
        "total": Count("pk"),
        "unaccompanied": Count("pk", filter=Q(unaccompanied_minor=True)),
        "disability": Count("pk", filter=Q(disability=True)),
    }
    for sex in Sex.values:
        counts[f"sex_{sex}"] = Count("pk", filter=Q(sex=sex))
        for low, high in AGE_BANDS:
            counts[f"age_{low}_{high}_{sex}"] = Count(
                "pk", filter=_band(day, low, high) & Q(sex=sex)
            )
    return list(
        _children(params)
        .in_care_on(day)
        .annotate(nature=_nature_on(day), place=_place_on(day))
        .order_by()
        .values("territory__code", "territory__name", "nature", "place")
        .annotate(**counts)
    )


def _by_nature():
    return dict.fromkeys(NATURES, 0) | {"total": 0}


def _in_care_totals(rows) -> dict:
    """The figures of ``in_care_rows``: totals, by place and nature, by age band and sex, by
    territory."""
    by_place = {key: _by_nature() for key in place_labels()}
    by_place[ESTABLISHMENTS] = _by_nature()
    bands = {band_key(*band): dict.fromkeys(Sex.values, 0) | {"total": 0} for band in AGE_BANDS}
    territories = {}
    figures = _by_nature() | {"unaccompanied_minors": 0, "disability": 0}
    figures["by_sex"] = dict.fromkeys(Sex.values, 0)
    for row in rows:
        nature, total = row["nature"], row["total"]
        targets = [by_place[row["place"]]]
        if row["place"] in EstablishmentKind.values:
            targets.append(by_place[ESTABLISHMENTS])
        for target in targets:
            target[nature] += total
            target["total"] += total
        figures[nature] += total
        figures["total"] += total
        figures["unaccompanied_minors"] += row["unaccompanied"]
        figures["disability"] += row["disability"]
        for sex in Sex.values:
            figures["by_sex"][sex] += row[f"sex_{sex}"]
            for low, high in AGE_BANDS:
                count = row[f"age_{low}_{high}_{sex}"]
                bands[band_key(low, high)][sex] += count
                bands[band_key(low, high)]["total"] += count
        territory = territories.setdefault(
            row["territory__code"],
            {"territory": row["territory__code"], "name": row["territory__name"]}
            | _by_nature()
            | {"unaccompanied_minors": 0, "disability": 0, "minors": 0},
        )
        territory["minors"] += sum(
            row[f"age_{low}_{high}_{sex}"]
            for low, high in AGE_BANDS
            if high < ADULT_AGE
            for sex in Sex.values
        )
        territory[nature] += total
        territory["total"] += total
        territory["unaccompanied_minors"] += row["unaccompanied"]
        territory["disability"] += row["disability"]
    figures["by_place"] = by_place
    figures["by_age_band"] = bands
    figures["by_territory"] = sorted(territories.values(), key=lambda row: row["name"])
    return figures


def _place_block(figures, span) -> Block:
    labels = place_labels()
    by_place = figures["by_place"]

    def row(key, **kwargs):
        counts = by_place[key]
        return Row(
            label=str(labels.get(key, _("Établissements"))),
            values=(
                counts[MeasureNature.ADMINISTRATIVE],
                counts[MeasureNature.JUDICIAL],
                counts["total"],
            ),
            **kwargs,
        )

    rows = [row(FOSTER_CARER), row(ESTABLISHMENTS)]
    rows += [row(kind, detail=True) for kind in EstablishmentKind.values if by_place[kind]["total"]]
    rows += [row(PEAD), row(NO_PLACE)]
    rows.append(total_row(_("Enfants confiés"), rows, 3))
    return Block(
        key="in_care_place",
        title=_("Enfants confiés par lieu d'accueil et nature de la mesure"),
        columns=[_("Lieu d'accueil"), _("Administrative"), _("Judiciaire"), _("Total")],
        rows=rows,
        span=span,
        chart_columns=(0, 1),
        links=[_children_list_link()],
        note=_(
            "Le PEAD (AEMO renforcée avec hébergement, art. 375-2 du Code civil) compte parmi "
            "les enfants accueillis ou confiés tels que le Département les publie, à part des "
            "accueils hors du domicile ; « Établissements » regroupe les lignes « dont »."
        ),
    )


def _age_block(figures, span) -> Block:
    rows = [
        Row(
            label=_("%(low)s à %(high)s ans") % {"low": low, "high": high},
            values=tuple(
                figures["by_age_band"][band_key(low, high)][key] for key in ("F", "M", "total")
            ),
        )
        for low, high in AGE_BANDS
    ]
    rows.append(total_row(_("Enfants confiés"), rows, 3))
    return Block(
        key="in_care_age",
        title=_("Enfants confiés par âge et sexe"),
        columns=[_("Âge à la date"), _("Filles"), _("Garçons"), _("Total")],
        rows=rows,
        span=span,
        chart_columns=(0, 1),
        links=[_children_list_link()],
    )


def _territory_block(figures, span) -> Block:
    rows = [
        Row(
            label=territory["name"],
            values=(
                territory[MeasureNature.ADMINISTRATIVE],
                territory[MeasureNature.JUDICIAL],
                territory["total"],
                territory["unaccompanied_minors"],
                territory["disability"],
            ),
        )
        for territory in figures["by_territory"]
    ]
    rows.append(total_row(_("Total"), rows, 5))
    return Block(
        key="in_care_territory",
        title=_("Enfants confiés par territoire, mineurs non accompagnés et handicap"),
        columns=[
            _("Territoire"),
            _("Administrative"),
            _("Judiciaire"),
            _("Total"),
            _("Mineurs non accompagnés"),
            _("Handicap reconnu"),
        ],
        rows=rows,
        span=span,
        chart_columns=(0, 1),
        links=[_children_list_link()],
    )


PER = Decimal(1000)


def _rate(count, population) -> float | None:
    """``count`` per 1,000 of ``population``, to one decimal (a JSON number for the
    ``indicators`` command); None without a population."""
    if not population:
        return None
    return float((Decimal(count) * PER / population).quantize(Decimal("0.1"), ROUND_HALF_UP))


def population_rows(params) -> dict:
    """Every territory in view with its latest population estimate up to the day's year, or
    None where none is entered (one query): ``{territory code: {"name", "year", "under_21",
    "under_18"}}``."""
    latest = PopulationEstimate.objects.filter(
        territory=OuterRef("pk"), year__lte=params.day.year
    ).order_by("-year")
    territories = Territory.objects.all()
    if params.territory:
        territories = territories.filter(pk=params.territory.pk)
    rows = territories.annotate(
        year=Subquery(latest.values("year")[:1]),
        under_21=Subquery(latest.values("under_21")[:1]),
        under_18=Subquery(latest.values("under_18")[:1]),
    ).values("code", "name", "year", "under_21", "under_18")
    return {row.pop("code"): row for row in rows}


def rates_figures(figures, populations) -> dict:
    """Children in care per 1,000 young people under 21 and minors in care per 1,000 minors,
    by territory (``populations``: every territory in view) and in all; the total rate only
    when every territory has its population."""
    in_care = {row["territory"]: row for row in figures["by_territory"]}
    names = {code: row["name"] for code, row in populations.items()}
    territories = []
    for code in sorted(names, key=names.get):
        counts = in_care.get(code, {})
        population = populations.get(code, {})
        territories.append(
            {
                "territory": code,
                "name": names[code],
                "in_care": counts.get("total", 0),
                "minors_in_care": counts.get("minors", 0),
                "population_year": population.get("year"),
                "under_21": population.get("under_21"),
                "under_18": population.get("under_18"),
                "rate_per_1000_under_21": _rate(counts.get("total", 0), population.get("under_21")),
                "rate_per_1000_minors": _rate(counts.get("minors", 0), population.get("under_18")),
            }
        )
    complete = bool(territories) and all(t["under_21"] for t in territories)
    total = {
        "in_care": sum(t["in_care"] for t in territories),
        "minors_in_care": sum(t["minors_in_care"] for t in territories),
        "under_21": sum(t["under_21"] for t in territories) if complete else None,
        "under_18": sum(t["under_18"] for t in territories) if complete else None,
    }
    total["rate_per_1000_under_21"] = _rate(total["in_care"], total["under_21"])
    total["rate_per_1000_minors"] = _rate(total["minors_in_care"], total["under_18"])
    return {"by_territory": territories, "total": total}


def _rates_block(rates, span) -> Block:
    def rate(value):
        return None if value is None else Rate(value)

    def row(label, figures, **kwargs):
        return Row(
            label=label,
            values=(
                figures["in_care"],
                figures["under_21"],
                rate(figures["rate_per_1000_under_21"]),
                figures["minors_in_care"],
                figures["under_18"],
                rate(figures["rate_per_1000_minors"]),
            ),
            **kwargs,
        )

    rows = [row(t["name"], t) for t in rates["by_territory"]]
    rows.append(row(_("Total"), rates["total"], total=True))
    return Block(
        key="in_care_rates",
        title=_("Taux d'enfants confiés pour 1 000 jeunes"),
        columns=[
            _("Territoire"),
            _("Enfants confiés"),
            _("Moins de 21 ans (INSEE)"),
            _("Pour 1 000 moins de 21 ans"),
            _("Mineurs confiés"),
            _("Mineurs (INSEE)"),
            _("Pour 1 000 mineurs"),
        ],
        rows=rows,
        span=span,
        chart_columns=(2, 5),
        note=_(
            "Population au 1er janvier de la dernière année connue jusqu'à la date, saisie "
            "dans l'administration (estimations de l'INSEE) ; « — » : population non saisie. "
            "La DREES publie aussi un taux toutes mesures confondues, actions éducatives "
            "comprises (22,9 ‰ en France fin 2022)."
        ),
    )


# The items of art. 375-3 C. civ. other than 3°: the judge confies the child to someone else
# than the ASE, counted apart from the children confiés to the ASE.
OTHER_BASES = tuple(basis for basis in PlacementBasis.values if basis != PlacementBasis.ASE)


def legal_categories_figures(params) -> dict:
    """The children in care on the day by legal category (one query,
    ``care_by_legal_category``): confiés to the ASE (art. 375-3 3° C. civ., OPP, state wards
    and administrative accueils), placed under the other items of art. 375-3, and the PEAD. A
    child under two care measures that day counts in each of their categories."""
    categories = care_by_legal_category(children=_children(params), day=params.day)
    figures = {
        "confided_to_ase": 0,
        "other_375_3": dict.fromkeys(OTHER_BASES, 0),
        "pead": 0,
    }
    for category in categories:
        if category.type == MeasureType.AEMO_WITH_ACCOMMODATION:
            figures["pead"] += category.children
        elif category.confided_to_ase:
            figures["confided_to_ase"] += category.children
        else:
            figures["other_375_3"][category.placement_basis] += category.children
    return figures


def children_in_care_figures(params) -> dict:
    """Children confiés or accueillis on the day (one query), their rates per 1,000 young
    people of the territory (one more) and their legal categories (one more)."""
    figures = _in_care_totals(in_care_rows(params))
    figures["rates"] = rates_figures(figures, population_rows(params))
    figures["legal_categories"] = legal_categories_figures(params)
    return figures


def _legal_block(figures, span) -> Block:
    legal = figures["legal_categories"]
    rows = [
        Row(
            label=_(
                "Confiés à l'aide sociale à l'enfance (art. 375-3 3° du Code civil, OPP, "
                "accueils administratifs, pupilles)"
            ),
            values=(legal["confided_to_ase"],),
        ),
        *(
            Row(
                label=_("Placement art. 375-3 du Code civil, %(item)s (compté à part)")
                % {"item": PlacementBasis(basis).label},
                values=(legal["other_375_3"][basis],),
            )
            for basis in OTHER_BASES
        ),
        Row(label=str(MeasureType.AEMO_WITH_ACCOMMODATION.label), values=(legal["pead"],)),
        Row(
            label=_("Enfants accueillis ou confiés (chiffre publié, PEAD compris)"),
            values=(figures["total"],),
            total=True,
        ),
    ]
    return Block(
        key="in_care_legal",
        title=_("Enfants accueillis ou confiés par catégorie juridique"),
        columns=[_("Catégorie juridique"), _("Enfants")],
        rows=rows,
        span=span,
        links=[_children_list_link()],
        note=_(
            "Seul le 3° de l'art. 375-3 du Code civil confie l'enfant à l'aide sociale à "
            "l'enfance ; les autres placements judiciaires sont comptés à part. Le PEAD est "
            "une AEMO renforcée avec hébergement (art. 375-2 du Code civil, avis de la Cour "
            "de cassation du 14 février 2024) : l'enfant n'est pas confié, mais il compte dans "
            "le chiffre publié des enfants « accueillis ou confiés ». Un enfant sous deux "
            "mesures le même jour compte dans chacune de leurs catégories."
        ),
    )


def children_in_care_title(params) -> str:
    return _("Enfants confiés au %(day)s") % {"day": f"{params.day:%d/%m/%Y}"}


def children_in_care_blocks(figures, params) -> list[Block]:
    span = params.day.isoformat()
    return [
        _place_block(figures, span),
        _legal_block(figures, span),
        _age_block(figures, span),
        _territory_block(figures, span),
        _rates_block(figures["rates"], span),
    ]


# --- Entries, exits and moves over a period ---------------------------------------------------


def _shifted(field: str, days: int):
    return ExpressionWrapper(OuterRef(field) + timedelta(days=days), output_field=DateField())


def entries_queryset(params):
    """Care measures begun in the period by children who were not in care the day before:
    the entries into care (a renewal or a change of measure is not one)."""
    earlier = (
        Measure.objects.care()
        .filter(child=OuterRef("child"), start_date__lt=OuterRef("start_date"))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=_shifted("start_date", -1)))
    )
    measures = Measure.objects.care().filter(
        start_date__gte=params.start, start_date__lte=params.end
    )
    return params.scope.filter(measures, "child__territory").filter(~Exists(earlier))


def exits_queryset(params):
    """Care measures ended in the period with no care measure taking over the next day: the
    exits from care."""
    following = (
        Measure.objects.care()
        .filter(child=OuterRef("child"), start_date__lte=_shifted("end_date", 1))
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=OuterRef("end_date")))
        .exclude(pk=OuterRef("pk"))
    )
    measures = Measure.objects.care().filter(end_date__gte=params.start, end_date__lte=params.end)
    return params.scope.filter(measures, "child__territory").filter(~Exists(following))


def _counted(queryset, field: str) -> tuple[int, dict]:
    """Children counted once in all, and per value of ``field`` (two queries)."""
    total = queryset.aggregate(children=Count("child", distinct=True))["children"]
    by_value = {
        row[field]: row["children"]
        for row in queryset.order_by()
        .values(field)
        .annotate(children=Count("child", distinct=True))
    }
    return total, by_value


def stability_rows(params) -> dict:
    """Children in care on the day by the number of placements they had over the period
    (one query): ``{number of placements: children}``."""
    placements = (
        Placement.objects.overlapping(params.start, params.end + timedelta(days=1))
        .filter(child=OuterRef("pk"))
        .order_by()
        .values("child")
        .annotate(count=Count("pk"))
        .values("count")
    )
    rows = (
        _children(params)
        .in_care_on(params.day)
        .annotate(moves=Coalesce(Subquery(placements, output_field=IntegerField()), 0))
        .order_by()
        .values("moves")
        .annotate(children=Count("pk"))
    )
    return {row["moves"]: row["children"] for row in rows}


STABILITY_BUCKETS = (0, 1, 2, 3, 4)


def _bucket(count: int) -> int:
    return min(count, STABILITY_BUCKETS[-1])


def flows_figures(params) -> dict:
    """Entries into and exits from care over the period with their reasons, and the number
    of placements per child (five queries)."""
    entries, entry_types = _counted(entries_queryset(params), "type")
    exits, exit_reasons = _counted(exits_queryset(params), "end_reason")
    stability = stability_rows(params)
    buckets = dict.fromkeys(STABILITY_BUCKETS, 0)
    for count, children in stability.items():
        buckets[_bucket(count)] += children
    children = sum(buckets.values())
    placements = sum(count * number for count, number in stability.items())
    return {
        "entries": {
            "total": entries,
            "by_type": {t: entry_types.get(t, 0) for t in MeasureType.care()},
        },
        "exits": {
            "total": exits,
            "by_reason": {r: exit_reasons.get(r, 0) for r in [*MeasureEndReason.values, ""]},
        },
        "placements_per_child": {
            "children": children,
            "by_count": {str(key): value for key, value in buckets.items()},
            "mean": round(placements / children, 2) if children else None,
        },
    }


def flows_title(params) -> str:
    period = _("du %(start)s au %(end)s") % {
        "start": f"{params.start:%d/%m/%Y}",
        "end": f"{params.end:%d/%m/%Y}",
    }
    return _("Entrées, sorties et parcours %(period)s") % {"period": period}


STABILITY_LABELS = {
    0: _("Aucun placement enregistré"),
    1: _("1 lieu d'accueil"),
    2: _("2 lieux d'accueil"),
    3: _("3 lieux d'accueil"),
    4: _("4 lieux d'accueil ou plus"),
}


def flows_blocks(figures, params) -> list[Block]:
    span = f"{params.start.isoformat()}_{params.end.isoformat()}"
    types = dict(MeasureType.choices)
    by_type = figures["entries"]["by_type"]
    entry_rows = [
        Row(label=str(types[t]), values=(by_type[t],)) for t in MeasureType.care() if by_type[t]
    ]
    entry_rows.append(
        Row(
            label=_("Enfants entrés (comptés une fois)"),
            values=(figures["entries"]["total"],),
            total=True,
        )
    )
    reasons = dict(MeasureEndReason.choices) | {"": _("Motif non saisi")}
    exit_rows = [
        Row(label=str(reasons[r]), values=(count,))
        for r, count in figures["exits"]["by_reason"].items()
        if count
    ]
    exit_rows.append(
        Row(
            label=_("Enfants sortis (comptés une fois)"),
            values=(figures["exits"]["total"],),
            total=True,
        )
    )
    stability = figures["placements_per_child"]
    stability_rows = [
        Row(label=str(STABILITY_LABELS[key]), values=(stability["by_count"][str(key)],))
        for key in STABILITY_BUCKETS
    ]
    stability_rows.append(
        Row(label=_("Enfants confiés à la date"), values=(stability["children"],), total=True)
    )
    links = [_children_list_link()]
    return [
        Block(
            key="entries",
            title=_("Entrées dans le dispositif par mesure d'entrée"),
            columns=[_("Mesure d'entrée"), _("Enfants")],
            rows=entry_rows,
            span=span,
            links=links,
            note=_(
                "Une entrée est une mesure d'accueil commencée par un enfant qui n'était pas "
                "confié la veille ; un renouvellement n'en est pas une."
            ),
        ),
        Block(
            key="exits",
            title=_("Sorties du dispositif par motif"),
            columns=[_("Motif de fin"), _("Enfants")],
            rows=exit_rows,
            span=span,
            links=links,
            note=_(
                "Une sortie est une mesure d'accueil terminée sans autre mesure d'accueil "
                "le lendemain."
            ),
        ),
        Block(
            key="stability",
            title=_("Stabilité : lieux d'accueil successifs sur la période"),
            columns=[_("Lieux d'accueil sur la période"), _("Enfants confiés")],
            rows=stability_rows,
            span=span,
            links=links,
            note=_(
                "Enfants confiés à la date, selon le nombre de leurs placements sur la période."
            ),
        ),
    ]


# --- Statutory deadlines overdue --------------------------------------------------------------

CLOCK_LABELS = {
    ClockKind.PPE: _("PPE"),
    ClockKind.SITUATION_REPORT: _("Rapport de situation"),
    ClockKind.AUTONOMY_INTERVIEW: _("Entretien d'autonomie"),
    ClockKind.MAJORITY: _("Décision à la majorité"),
    ClockKind.YOUNG_ADULT_END: _("Fin de l'accueil jeune majeur"),
    ClockKind.MEASURE_END: _("Mesure échue sans décision"),
    ClockKind.INTAKE_REFERRAL: _("Saisine du juge après un recueil"),
    ClockKind.OPP_REFERRAL: _("Saisine du juge après une OPP du parquet"),
    ClockKind.OPP_HEARING: _("Audience après une OPP sans audition"),
    ClockKind.OPP_MERITS: _("Décision au fond après une OPP"),
    ClockKind.DEADLINE_REPORT: _("Rapport d'échéance"),
}


def overdue_clocks(params) -> dict:
    """Overdue deadlines on the day per territory and kind (two queries: the grouped counts
    of ``welfare.clocks``, the territories' names), as ``{territory code: {"name", kind:
    count…, "children": children with one at least}}``."""
    # Deadlines are current work: files archived by the day are out of them (they have none
    # open anyway, an open deadline keeps a file active), those archived since still count.
    rows = status_counts(
        _children(params).active_base(params.day).followed_on(params.day),
        day=params.day,
        status=ClockStatus.OVERDUE,
    )
    territories = Territory.objects.in_bulk({row["territory_id"] for row in rows})
    result = {}
    for row in rows:
        territory = territories[row["territory_id"]]
        counts = result.setdefault(
            territory.code,
            {"name": territory.name, "children": 0} | dict.fromkeys(ClockKind.values, 0),
        )
        if row["kind"] is None:
            counts["children"] = row["children"]
        else:
            counts[row["kind"]] = row["clocks"]
    return result


def clocks_figures(params) -> dict:
    """Statutory deadlines overdue on the day, by territory and kind (two queries)."""
    by_territory = sorted(overdue_clocks(params).items(), key=lambda item: item[1]["name"])
    kinds = list(ClockKind.values)
    by_kind = {kind: sum(t[kind] for _, t in by_territory) for kind in kinds}
    return {
        "total": sum(by_kind.values()),
        "children": sum(t["children"] for _, t in by_territory),
        "by_kind": by_kind,
        "by_territory": [
            {"territory": code, "name": t["name"], "children": t["children"]}
            | {kind: t[kind] for kind in kinds}
            for code, t in by_territory
        ],
    }


def clocks_title(params) -> str:
    return _("Échéances légales en retard au %(day)s") % {"day": f"{params.day:%d/%m/%Y}"}


def clocks_blocks(figures, params) -> list[Block]:
    kinds = list(ClockKind.values)
    rows = [
        Row(
            label=territory["name"],
            values=(*(territory[kind] for kind in kinds), territory["children"]),
        )
        for territory in figures["by_territory"]
    ]
    rows.append(total_row(_("Total"), rows, len(kinds) + 1))
    return [
        Block(
            key="overdue_clocks",
            title=_("Échéances en retard par territoire"),
            columns=[
                _("Territoire"),
                *(str(CLOCK_LABELS[kind]) for kind in kinds),
                _("Enfants concernés"),
            ],
            rows=rows,
            span=params.day.isoformat(),
            chart_columns=(len(kinds),),
            links=[
                link(
                    _("Voir les échéances en retard"),
                    "children:caseload",
                    roles=CHILDREN_LIST_ROLES,
                    query={"status": ClockStatus.OVERDUE.value},
                )
            ],
            note=_(
                "Mêmes règles que « Mon activité », avec les durées des paramètres légaux en "
                "vigueur à la date : PPE après l'entrée (art. L223-1-1 CASF), rapport de "
                "situation périodique (art. L223-5 CASF), entretien d'accès à l'autonomie "
                "(art. L222-5-1 CASF), décision à la majorité et fin de l'accompagnement "
                "jeune majeur, mesures échues sans décision de renouvellement ni motif de "
                "fin ; saisine du juge après un recueil sans accord des parents (art. L223-2 "
                "al. 4 CASF) et après une OPP du parquet (art. 375-5 al. 2 du Code civil), "
                "convocation des parties après une OPP sans audition (art. 1184 al. 2 du code "
                "de procédure civile), décision au fond après une mesure provisoire (art. 1185 "
                "du code de procédure civile), rapport d'échéance au juge avant la fin de la "
                "mesure ou l'audience fixée."
            ),
        )
    ]
