"""Figures read from the apps built on welfare, through their own selectors: places and
agréments (placements), prevention and informations préoccupantes (prevention), the budget
(schemes); and the families' contact requests. Each is a few aggregate queries."""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from observatory.base import Block, Row, link, total_row
from observatory.formatting import as_percent
from placements import selectors as placement_selectors
from placements.enums import PlaceKind
from placements.permissions import BOARD_ROLES
from prevention import selectors as prevention_selectors
from prevention.permissions import CRIP_LIST_ROLES
from prevention.permissions import READ_ROLES as PREVENTION_ROLES
from schemes import selectors as scheme_selectors
from schemes.enums import BudgetDomain, BudgetSection
from schemes.models import Budget
from schemes.permissions import READ_ROLES as BUDGET_ROLES
from welfare.contact_enums import ContactStatus
from welfare.models import ContactRequest
from welfare.permissions import CONTACT_ROLES

ZERO = Decimal("0.00")


# --- Places and agréments ---------------------------------------------------------------------


def capacity_figures(params) -> dict:
    """Places and occupancy by kind of place, PEAD apart, the children still placed with a
    carer whose agrément is suspended or withdrawn, and the agréments expiring within four
    months, on the day (five queries, through ``placements.selectors``)."""
    scope = {"scope": params.scope, "day": params.day}
    totals = placement_selectors.capacity_board_totals(**scope)
    pead = placement_selectors.pead_count_on(**scope)
    # Art. L421-6 al. 3 CASF: no child may be confié while the agrément is suspended. The
    # carer's territory counts, as on the capacity board; the reader's scope narrows it.
    under_lapsed = params.scope.filter(
        placement_selectors.placements_under_lapsed_agrement(day=params.day),
        "foster_carer__territory",
    ).count()
    expiring = list(
        placement_selectors.agrements_expiring(**scope)
        .order_by()
        .values("foster_carer__territory__name")
        .annotate(count=Count("pk"))
        .order_by("foster_carer__territory__name")
    )
    places = sum(total.places for total in totals)
    occupied = sum(total.occupied for total in totals)
    return {
        "by_kind": {
            total.kind: {
                "providers": total.providers,
                "places": total.places,
                "occupied": total.occupied,
                "free": total.free,
                "occupancy_rate": total.occupancy,
            }
            for total in totals
        },
        "places": places,
        "occupied": occupied,
        "occupancy_rate": placement_selectors.occupancy_rate(occupied=occupied, places=places),
        "pead": pead,
        "placed_under_lapsed_agrement": under_lapsed,
        "agrements_expiring": sum(row["count"] for row in expiring),
        "agrements_expiring_by_territory": {
            row["foster_carer__territory__name"]: row["count"] for row in expiring
        },
    }


def capacity_title(params) -> str:
    return _("Places, occupation et agréments au %(day)s") % {"day": f"{params.day:%d/%m/%Y}"}


def capacity_blocks(figures, params) -> list[Block]:
    labels = placement_selectors.place_kind_labels()
    rows = [
        Row(
            label=str(labels[kind]),
            values=(
                total["providers"],
                total["places"],
                total["occupied"],
                total["free"],
                as_percent(total["occupancy_rate"]),
            ),
        )
        for kind, total in figures["by_kind"].items()
    ]
    sums = total_row(_("Total des accueils hors du domicile"), rows, 4).values
    rows.append(
        Row(
            label=_("Total des accueils hors du domicile"),
            values=(*sums, as_percent(figures["occupancy_rate"])),
            total=True,
        )
    )
    rows.append(
        Row(
            label=str(PlaceKind.FAMILY_HOME.label),
            values=(None, None, figures["pead"], None, None),
            charted=False,
        )
    )
    rows.append(
        Row(
            label=_(
                "Enfants encore accueillis chez un assistant familial dont l'agrément est "
                "suspendu ou retiré (art. L421-6 al. 3 CASF)"
            ),
            values=(None, None, figures["placed_under_lapsed_agrement"], None, None),
            charted=False,
        )
    )
    agrement_rows = [
        Row(label=name, values=(count,))
        for name, count in figures["agrements_expiring_by_territory"].items()
    ]
    agrement_rows.append(total_row(_("Total"), agrement_rows, 1))
    board_query = {"day": params.day.isoformat()}
    if params.territory:
        board_query["territory"] = params.territory.pk
    board = link(
        _("Voir le tableau des places"), "placements:board", roles=BOARD_ROLES, query=board_query
    )
    span = params.day.isoformat()
    return [
        Block(
            key="capacity",
            title=_("Capacité et occupation par type d'accueil"),
            columns=[
                _("Type d'accueil"),
                _("Structures ou assistants familiaux"),
                _("Places"),
                _("Occupées"),
                _("Libres"),
                _("Taux d'occupation (%)"),
            ],
            rows=rows,
            span=span,
            chart_columns=(1, 2),
            links=[board],
            note=_(
                "Places des assistants familiaux : celles de l'agrément en vigueur. Le PEAD "
                "n'occupe aucune place ; il est compté à part. Tant que l'agrément reste "
                "suspendu, aucun enfant ne peut être confié à l'assistant familial (art. "
                "L421-6 al. 3 CASF) : la situation de chaque enfant encore accueilli est à "
                "décider."
            ),
        ),
        Block(
            key="agrements",
            title=_("Agréments d'assistants familiaux expirant dans les 4 mois"),
            columns=[_("Territoire"), _("Agréments")],
            rows=agrement_rows,
            span=span,
            links=[board],
        ),
    ]


# --- Prevention and informations préoccupantes ------------------------------------------------


def _prevention_json(figures) -> dict:
    """``prevention_figures`` with its territory replaced by the territory's code."""
    territory = figures["territory"]
    return figures | {"territory": territory.code if territory else None}


def prevention_section_figures(params) -> dict:
    """The year's prevention spending and families reached by kind of action, and the
    informations préoccupantes received (three queries, ``prevention_figures``)."""
    return _prevention_json(
        prevention_selectors.prevention_figures(
            year=params.year, territory=params.territory, today=params.day
        )
    )


def prevention_title(params) -> str:
    return _("Prévention et informations préoccupantes en %(year)s") % {"year": params.year}


def prevention_blocks(figures, params) -> list[Block]:
    action_rows = [
        Row(
            label=str(row["label"]),
            values=(
                row["actions"],
                row["budget"],
                row["spending"],
                row["families"],
                row["interventions"],
            ),
        )
        for row in figures["actions"]
    ]
    action_rows.append(total_row(_("Total"), action_rows, 5))
    concerns = figures["concerns"]
    concern_rows = [
        Row(label=_("Informations reçues"), values=(concerns["received"],), total=True),
        Row(
            label=_("dont danger grave et immédiat"),
            values=(concerns["grave_danger"],),
            detail=True,
        ),
        Row(
            label=_("dont ne relevant pas d'une IP"), values=(concerns["not_concern"],), detail=True
        ),
        Row(label=_("Évaluations terminées"), values=(concerns["evaluated"],), charted=False),
        Row(label=_("dont dans le délai"), values=(concerns["evaluated_in_time"],), detail=True),
        Row(label=_("dont en retard"), values=(concerns["evaluated_late"],), detail=True),
        Row(label=_("Évaluations en cours"), values=(concerns["open"],), charted=False),
        Row(label=_("dont hors délai"), values=(concerns["open_overdue"],), detail=True),
        Row(
            label=_("Évaluées en retard ou en retard à la date"),
            values=(concerns["late"],),
            charted=False,
        ),
        *(
            Row(label=_("Issue : %(outcome)s") % {"outcome": row["label"]}, values=(row["count"],))
            for row in concerns["outcomes"]
        ),
        Row(
            label=_("Signalements au parquet"),
            values=(concerns["prosecutor_referrals"],),
            charted=False,
        ),
    ]
    query = {"year": params.year}
    if params.territory:
        query["territory"] = params.territory.pk
    span = str(params.year)
    return [
        Block(
            key="prevention",
            title=_("Actions de prévention : dépense et familles touchées par type"),
            columns=[
                _("Type d'action"),
                _("Actions"),
                _("Budget prévu (€)"),
                _("Dépense (€)"),
                _("Familles touchées"),
                _("Interventions"),
            ],
            rows=action_rows,
            span=span,
            chart_columns=(3,),
            links=[
                link(
                    _("Voir les chiffres de la prévention"),
                    "prevention:figures",
                    roles=PREVENTION_ROLES,
                    query=query,
                )
            ],
            note=_("Les actions du Département entier ne comptent pas dans un territoire."),
        ),
        Block(
            key="concerns",
            title=_("Informations préoccupantes reçues dans l'année"),
            columns=[_("Indicateur"), _("Nombre")],
            rows=concern_rows,
            span=span,
            links=[
                link(
                    _("Voir la liste de la CRIP"),
                    "prevention:concern_list",
                    roles=CRIP_LIST_ROLES,
                    query={"territory": params.territory.pk} if params.territory else None,
                )
            ],
        ),
    ]


# --- Budget -----------------------------------------------------------------------------------


def _figures_json(figures) -> dict:
    return {
        "voted": figures.voted,
        "executed": figures.executed,
        "computed": figures.computed,
        "execution_rate": figures.execution_rate,
    }


def budget_section_figures(params) -> dict:
    """The year's budget, voted against executed, prevention against protection (the lines
    and the amounts computed from the records: four queries, ``budget_figures``). The budget
    is the Département's: a territory does not narrow it."""
    budget = Budget.objects.filter(year=params.year).first()
    figures = {"year": params.year, "exists": budget is not None}
    if budget is None:
        return figures
    computed = scheme_selectors.budget_figures(budget=budget)
    figures |= _figures_json(computed.total)
    figures["sections"] = {
        section.lines[0].line.section: _figures_json(section.total) for section in computed.sections
    }
    figures["lines"] = {line.line.domain: _figures_json(line) for line in computed.lines}
    return figures


def budget_title(params) -> str:
    return _("Budget %(year)s") % {"year": params.year}


def _budget_row(label, figures, **kwargs) -> Row:
    return Row(
        label=label,
        values=(
            figures["voted"],
            figures["executed"],
            figures["computed"],
            as_percent(figures["execution_rate"]),
        ),
        **kwargs,
    )


def budget_blocks(figures, params) -> list[Block]:
    rows, links = [], []
    note = _("Budget du Département entier, quel que soit le territoire choisi.")
    if figures["exists"]:
        for section, total in figures["sections"].items():
            rows.append(_budget_row(BudgetSection(section).label, total, total=True))
            rows += [
                _budget_row(BudgetDomain(domain).label, line, detail=True, charted=True)
                for domain, line in figures["lines"].items()
                if BudgetDomain(domain).section == section
            ]
        rows.append(_budget_row(_("Total du budget"), figures, total=True))
        links.append(
            link(
                _("Voir le budget"),
                "schemes:budget_detail",
                roles=BUDGET_ROLES,
                args=[params.year],
            )
        )
    else:
        note = _("Aucun budget n'est enregistré pour %(year)s.") % {"year": params.year}
    return [
        Block(
            key="budget",
            title=_("Budget voté et exécuté, prévention et protection"),
            columns=[
                _("Ligne"),
                _("Voté (€)"),
                _("Exécuté saisi (€)"),
                _("Calculé d'après les dossiers (€)"),
                _("Taux d'exécution (%)"),
            ],
            rows=rows,
            span=str(params.year),
            chart_columns=(0, 1),
            links=links,
            note=note,
        )
    ]


# --- Contact requests -------------------------------------------------------------------------


BACKLOG_AGES = (8, 30)


def contact_figures(params) -> dict:
    """Families' requests received and closed over the period, and those waiting on the day
    by age (one query). Requests are the Département's, not a territory's."""
    day, start, end = params.day, params.start, params.end
    waiting = Q(created_at__date__lte=day) & (
        Q(closed_at__isnull=True) | Q(closed_at__date__gt=day)
    )
    recent, old = BACKLOG_AGES
    figures = ContactRequest.objects.aggregate(
        received=Count("pk", filter=Q(created_at__date__gte=start, created_at__date__lte=end)),
        closed=Count("pk", filter=Q(closed_at__date__gte=start, closed_at__date__lte=end)),
        waiting=Count("pk", filter=waiting),
        waiting_recent=Count(
            "pk", filter=waiting & Q(created_at__date__gt=day - timedelta(days=recent))
        ),
        waiting_old=Count(
            "pk", filter=waiting & Q(created_at__date__lte=day - timedelta(days=old))
        ),
        oldest=Min("created_at", filter=waiting),
    )
    figures["waiting_middle"] = (
        figures["waiting"] - figures["waiting_recent"] - figures["waiting_old"]
    )
    oldest = figures.pop("oldest")
    figures["oldest_waiting_days"] = (day - timezone.localdate(oldest)).days if oldest else None
    return figures


def contact_title(params) -> str:
    return _("Demandes des familles")


def contact_blocks(figures, params) -> list[Block]:
    start, end = params.start, params.end
    recent, old = BACKLOG_AGES
    rows = [
        Row(label=_("Reçues sur la période"), values=(figures["received"],)),
        Row(label=_("Clôturées sur la période"), values=(figures["closed"],)),
        Row(label=_("En attente à la date"), values=(figures["waiting"],), total=True),
        Row(
            label=_("dont reçues depuis moins de %(days)s jours") % {"days": recent},
            values=(figures["waiting_recent"],),
            detail=True,
        ),
        Row(
            label=_("dont reçues depuis %(low)s à %(high)s jours")
            % {"low": recent, "high": old - 1},
            values=(figures["waiting_middle"],),
            detail=True,
        ),
        Row(
            label=_("dont reçues depuis %(days)s jours ou plus") % {"days": old},
            values=(figures["waiting_old"],),
            detail=True,
        ),
    ]
    return [
        Block(
            key="contact_requests",
            title=_("Demandes des familles : reçues, clôturées et en attente"),
            columns=[_("Demandes"), _("Nombre")],
            rows=rows,
            span=f"{start.isoformat()}_{end.isoformat()}",
            links=[
                link(
                    _("Voir les nouvelles demandes"),
                    "contact_inbox",
                    roles=CONTACT_ROLES,
                    query={"status": ContactStatus.NEW.value},
                )
            ],
            note=_(
                "Les demandes concernent tout le Département, quel que soit le territoire choisi."
            ),
        )
    ]
