"""The exchange format (docs/import.md): one file per kind of record, its columns, and how a
parsed row becomes the fields of a portal record. Each ``build`` returns the fields a form would
save, or raises ``RowError`` naming the column; each ``check`` lists the legal rules a written
row breaks (imported anyway, listed as anomalies)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from placements.enums import PlaceKind
from placements.models import Agrement, Establishment, FosterCarer, Placement
from placements.services import eligible_measure_types
from prevention.models import Concern
from prevention.rules import evaluation_due_on
from records_import.enums import CodeList, RecordKind
from welfare.enums import DecisionMaker, MeasureNature, MeasureType, PlacementBasis
from welfare.models import Child, Guardian, Measure
from welfare.rules import measure_errors


class RowError(Exception):
    """A row that cannot be written, with the column at fault and a French reason."""

    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column
        self.message = message


@dataclass(frozen=True)
class Column:
    """``parse`` is one of text, date, bool, int, code (with ``code_list``), ref and refs
    (identifiers of rows of ``ref`` in another file, ``refs`` separated by ``|``)."""

    name: str
    required: bool = False
    parse: str = "text"
    code_list: str = ""
    ref: str = ""
    max_length: int = 0


@dataclass(frozen=True)
class Spec:
    kind: str
    file: str
    model: type
    id_column: str
    columns: tuple
    build: Callable
    check: Callable | None = None
    child_of: Callable | None = None
    many: tuple = field(default=())
    # The source column of a model field or a named constraint, for the report's "colonne".
    columns_of: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(RecordKind(self.kind).label)


def _ref(context, kind, column, values, required=True):
    """The portal id of the row of ``kind`` that ``column`` names, imported now or before."""
    key = values.get(column)
    if not key:
        if required:
            raise RowError(column, _("Valeur obligatoire manquante."))
        return None
    object_id = context.resolved[kind].get(key)
    if object_id is None:
        raise RowError(
            column,
            _("« %(key)s » ne désigne aucune ligne importée du fichier %(file)s.")
            % {"key": key, "file": SPECS_BY_KIND[kind].file},
        )
    return object_id


def _territory(context, values, column="territoire"):
    return context.territories[values[column]]


# --- Providers --------------------------------------------------------------------------------


def build_establishment(values, context):
    return {
        "name": values["nom"],
        "kind": values["type"],
        "manager": values.get("gestionnaire") or "",
        "authorised_capacity": values["capacite"],
        "min_age": values.get("age_min") if values.get("age_min") is not None else 0,
        "max_age": values.get("age_max") if values.get("age_max") is not None else 20,
        "territory_id": _territory(context, values),
        "address": values["adresse"],
        "phone": values.get("telephone") or "",
    }


def build_foster_carer(values, context):
    return {
        "first_name": values["prenom"],
        "last_name": values["nom"],
        "territory_id": _territory(context, values),
        "address": values["adresse"],
        "phone": values.get("telephone") or "",
        "employer": values.get("employeur") or _("Département"),
        "deaf_obtained_on": values.get("date_deaf"),
    }


def build_agrement(values, context):
    fields = {
        "foster_carer_id": _ref(context, RecordKind.FOSTER_CARER, "id_assfam", values),
        "number": values.get("numero") or "",
        "places": values["places"],
        "derogation_reason": values.get("motif_derogation") or "",
        "derogation_decided_on": values.get("date_derogation"),
        "granted_on": values["date_debut"],
        "expires_on": values.get("date_fin"),
    }
    # The places beyond the figure without derogation in force on the grant (art. L421-5
    # CASF) need a recorded derogation: a dated rule, so the model's clean() and no longer a
    # database constraint; an agrément is the carer's authorisation, not the child's history,
    # so the row is refused as the form refuses it.
    try:
        Agrement(**fields).clean()
    except ValidationError as error:
        raise RowError("places", " ".join(error.messages)) from error
    return fields


# --- Children and their families --------------------------------------------------------------


def build_child(values, context):
    if values["date_naissance"] > context.today:
        raise RowError("date_naissance", _("La date de naissance est dans le futur."))
    referent = values.get("referent")
    return {
        "first_name": values["prenom"],
        "last_name": values["nom"],
        "birth_date": values["date_naissance"],
        "sex": values["sexe"],
        "territory_id": _territory(context, values),
        "referent_id": context.users[referent] if referent else None,
        "disability": bool(values.get("handicap")),
        "mdph_decision_date": values.get("date_mdph"),
        "unaccompanied_minor": bool(values.get("mna")),
    }


def build_guardian(values, context):
    return {
        "child_id": _ref(context, RecordKind.CHILD, "id_enfant", values),
        "relationship": values["lien"],
        "first_name": values["prenom"],
        "last_name": values["nom"],
        "holds_parental_authority": bool(values.get("autorite_parentale")),
        "deceased": bool(values.get("decede")),
        "phone": values.get("telephone") or "",
        "email": values.get("courriel") or "",
        "address": values.get("adresse") or "",
    }


def build_measure(values, context):
    measure_type = values["type"]
    administrative = measure_type in MeasureType.administrative()
    decided_by = values.get("decideur") or (
        DecisionMaker.DEPARTEMENT_PRESIDENT if administrative else ""
    )
    if not decided_by:
        raise RowError("decideur", _("Indiquez qui a décidé cette mesure judiciaire."))
    return {
        "child_id": _ref(context, RecordKind.CHILD, "id_enfant", values),
        "nature": MeasureNature.ADMINISTRATIVE if administrative else MeasureNature.JUDICIAL,
        "type": measure_type,
        "decided_by": decided_by,
        "decision_date": values.get("date_decision") or values["date_debut"],
        "start_date": values["date_debut"],
        "end_date": values.get("date_fin"),
        "court": values.get("juridiction") or "",
        "decision_reference": values.get("reference_decision") or "",
        "parental_agreement": bool(values.get("accord_parents")),
        "durable_difficulties": bool(values.get("derogation_375")),
        "end_reason": values.get("motif_fin") or "",
        "placement_basis": _placement_basis(measure_type, values.get("article_375_3")),
    }


# The items of art. 375-3 C. civ. by their number in the article: the law's own numbering,
# the same in every source software, so no code mapping.
PLACEMENT_BASIS_ITEMS = dict(enumerate(PlacementBasis.values, start=1))


def _placement_basis(measure_type, item):
    """To whom a judicial placement confies the child (art. 375-3 C. civ.). An extract that
    does not say it is read as 3° (the ASE), as the records on file were when the field was
    added (docs/import.md says so)."""
    if measure_type != MeasureType.PLACEMENT:
        if item is not None:
            raise RowError(
                "article_375_3",
                _("Seul un placement judiciaire dit à qui l'enfant est confié (art. 375-3)."),
            )
        return ""
    if item is None:
        return PlacementBasis.ASE
    if item not in PLACEMENT_BASIS_ITEMS:
        raise RowError(
            "article_375_3",
            _("L'article 375-3 du Code civil compte cinq alinéas : indiquez un nombre de 1 à 5."),
        )
    return PLACEMENT_BASIS_ITEMS[item]


def check_measure(measure, context):
    """The measure's legal limits (welfare.rules: durations of art. L223-5 CASF and 375 C.
    civ., the jeune-majeur ages of L222-5 CASF), with the thresholds of its start date."""
    measure.child = Child(pk=measure.child_id, birth_date=context.birth_dates[measure.child_id])
    return list(measure_errors(measure, context.parameters).items())


def build_placement(values, context):
    measure_id = _ref(context, RecordKind.MEASURE, "id_mesure", values)
    child_id = _ref(context, RecordKind.CHILD, "id_enfant", values)
    if context.measures[measure_id][0] != child_id:
        raise RowError("id_mesure", _("Cette mesure ne concerne pas cet enfant."))
    place_kind = values["type_lieu"]
    return {
        "child_id": child_id,
        "measure_id": measure_id,
        "place_kind": place_kind,
        "establishment_id": _ref(
            context,
            RecordKind.ESTABLISHMENT,
            "id_etablissement",
            values,
            required=place_kind == PlaceKind.ESTABLISHMENT,
        ),
        "foster_carer_id": _ref(
            context,
            RecordKind.FOSTER_CARER,
            "id_assfam",
            values,
            required=place_kind == PlaceKind.FOSTER_CARER,
        ),
        "start_date": values["date_arrivee"],
        "end_date": values.get("date_depart"),
        "end_reason": values.get("motif_fin") or "",
    }


def check_placement(placement, context):
    """A place ordered by a measure that may order it, under way on arrival (the rule the
    placement form applies, art. L222-5 CASF and 375-3 C. civ.)."""
    measure_type, start, end = context.measures[placement.measure_id][1:]
    problems = []
    if measure_type not in eligible_measure_types(placement.place_kind):
        problems.append(
            (
                "id_mesure",
                _(
                    "La mesure (%(type)s) ne fonde pas ce type d'accueil : un accueil hors du "
                    "domicile suppose une mesure qui confie l'enfant (art. L222-5 CASF), un PEAD "
                    "une AEMO avec hébergement (art. 375-2 C. civ.)."
                )
                % {"type": MeasureType(measure_type).label},
            )
        )
    elif not (start <= placement.start_date and (end is None or placement.start_date <= end)):
        problems.append(
            (
                "date_arrivee",
                _(
                    "La mesure n'est pas en cours le jour de l'arrivée : un placement repose sur "
                    "une mesure en cours (art. L222-5 CASF, 375-3 C. civ.)."
                ),
            )
        )
    return problems


def build_concern(values, context):
    children = [
        _ref(context, RecordKind.CHILD, "ids_enfants", {"ids_enfants": key})
        for key in values.get("ids_enfants") or []
    ]
    grave = bool(values.get("danger_grave"))
    return {
        "territory_id": _territory(context, values),
        "received_on": values["date_reception"],
        "source": values["origine"],
        "transmitter": values.get("emetteur") or "",
        "grave_danger": grave,
        "danger_kind": values["nature_danger"],
        "facts": values["faits"],
        "evaluation_due_on": evaluation_due_on(
            received_on=values["date_reception"],
            birth_dates=[context.birth_dates[child_id] for child_id in children],
            grave_danger=grave,
            parameters=context.concern_parameters,
        ),
        "evaluation_ended_on": values.get("date_fin_evaluation"),
        "outcome": values.get("suite") or "",
        "measure_id": _ref(context, RecordKind.MEASURE, "id_mesure", values, required=False),
        "children": sorted(children),
    }


# --- The format ----------------------------------------------------------------------------


def _code(name, code_list, required=True):
    return Column(name, required=required, parse="code", code_list=code_list)


SPECS = (
    Spec(
        kind=RecordKind.ESTABLISHMENT,
        file="etablissements",
        model=Establishment,
        id_column="id_etablissement",
        columns=(
            Column("nom", required=True, max_length=200),
            _code("type", CodeList.ESTABLISHMENT_KIND),
            Column("gestionnaire", max_length=200),
            Column("capacite", required=True, parse="int"),
            Column("age_min", parse="int"),
            Column("age_max", parse="int"),
            _code("territoire", CodeList.TERRITORY),
            Column("adresse", required=True),
            Column("telephone", max_length=30),
        ),
        build=build_establishment,
        columns_of={
            "establishment_capacity_positive": "capacite",
            "establishment_age_range": "age_max",
            "establishment_lva_capacity": "capacite",
            "establishment_nursery_ages": "age_max",
            "establishment_semi_autonomy_ages": "age_min",
        },
    ),
    Spec(
        kind=RecordKind.FOSTER_CARER,
        file="assistants_familiaux",
        model=FosterCarer,
        id_column="id_assfam",
        columns=(
            Column("nom", required=True, max_length=100),
            Column("prenom", required=True, max_length=100),
            _code("territoire", CodeList.TERRITORY),
            Column("adresse", required=True),
            Column("telephone", max_length=30),
            Column("employeur", max_length=200),
            Column("date_deaf", parse="date"),
        ),
        build=build_foster_carer,
    ),
    Spec(
        kind=RecordKind.AGREMENT,
        file="agrements",
        model=Agrement,
        id_column="id_agrement",
        columns=(
            Column("id_assfam", required=True, parse="ref", ref=RecordKind.FOSTER_CARER),
            Column("numero", max_length=40),
            Column("places", required=True, parse="int"),
            Column("motif_derogation"),
            Column("date_derogation", parse="date"),
            Column("date_debut", required=True, parse="date"),
            Column("date_fin", parse="date"),
        ),
        build=build_agrement,
        columns_of={
            "agrement_places_need_derogation": "places",
            "agrement_places_positive": "places",
            "agrement_expires_after_grant": "date_fin",
        },
    ),
    Spec(
        kind=RecordKind.CHILD,
        file="enfants",
        model=Child,
        id_column="id_enfant",
        columns=(
            Column("nom", required=True, max_length=100),
            Column("prenom", required=True, max_length=100),
            Column("date_naissance", required=True, parse="date"),
            _code("sexe", CodeList.SEX),
            _code("territoire", CodeList.TERRITORY),
            _code("referent", CodeList.REFERENT, required=False),
            Column("handicap", parse="bool"),
            Column("date_mdph", parse="date"),
            Column("mna", parse="bool"),
        ),
        build=build_child,
        columns_of={"child_mdph_needs_disability": "date_mdph"},
        child_of=lambda child: child.pk,
    ),
    Spec(
        kind=RecordKind.GUARDIAN,
        file="responsables",
        model=Guardian,
        id_column="id_responsable",
        columns=(
            Column("id_enfant", required=True, parse="ref", ref=RecordKind.CHILD),
            _code("lien", CodeList.GUARDIAN_RELATIONSHIP),
            Column("nom", required=True, max_length=100),
            Column("prenom", required=True, max_length=100),
            Column("autorite_parentale", parse="bool"),
            Column("decede", parse="bool"),
            Column("telephone", max_length=30),
            Column("courriel", max_length=254),
            Column("adresse"),
        ),
        build=build_guardian,
        child_of=lambda guardian: guardian.child_id,
    ),
    Spec(
        kind=RecordKind.MEASURE,
        file="mesures",
        model=Measure,
        id_column="id_mesure",
        columns=(
            Column("id_enfant", required=True, parse="ref", ref=RecordKind.CHILD),
            _code("type", CodeList.MEASURE_TYPE),
            _code("decideur", CodeList.DECISION_MAKER, required=False),
            Column("date_decision", parse="date"),
            Column("date_debut", required=True, parse="date"),
            Column("date_fin", parse="date"),
            Column("juridiction", max_length=120),
            Column("reference_decision", max_length=60),
            Column("accord_parents", parse="bool"),
            Column("derogation_375", parse="bool"),
            Column("article_375_3", parse="int"),
            _code("motif_fin", CodeList.MEASURE_END_REASON, required=False),
        ),
        build=build_measure,
        columns_of={
            "start_date": "date_debut",
            "end_date": "date_fin",
            "decided_by": "decideur",
            "decision_date": "date_decision",
            "court": "juridiction",
            "parental_agreement": "accord_parents",
            "durable_difficulties": "derogation_375",
            "placement_basis": "article_375_3",
            "measure_ends_after_start": "date_fin",
            "measure_decided_before_start": "date_decision",
            "measure_term_has_end": "date_fin",
            "measure_provisional_care_agreed": "accord_parents",
            "measure_judicial_has_court": "juridiction",
            "measure_derogation_only_judicial": "derogation_375",
            "measure_type_matches_nature": "type",
        },
        check=check_measure,
        child_of=lambda measure: measure.child_id,
    ),
    Spec(
        kind=RecordKind.PLACEMENT,
        file="placements",
        model=Placement,
        id_column="id_placement",
        columns=(
            Column("id_enfant", required=True, parse="ref", ref=RecordKind.CHILD),
            Column("id_mesure", required=True, parse="ref", ref=RecordKind.MEASURE),
            _code("type_lieu", CodeList.PLACE_KIND),
            Column("id_etablissement", parse="ref", ref=RecordKind.ESTABLISHMENT),
            Column("id_assfam", parse="ref", ref=RecordKind.FOSTER_CARER),
            Column("date_arrivee", required=True, parse="date"),
            Column("date_depart", parse="date"),
            _code("motif_fin", CodeList.PLACEMENT_END_REASON, required=False),
        ),
        build=build_placement,
        columns_of={
            "placement_no_overlap": "date_arrivee",
            "placement_starts_before_end": "date_depart",
            "placement_one_place": "type_lieu",
            "placement_end_reason_needs_end": "motif_fin",
        },
        check=check_placement,
        child_of=lambda placement: placement.child_id,
    ),
    Spec(
        kind=RecordKind.CONCERN,
        file="informations_preoccupantes",
        model=Concern,
        id_column="id_ip",
        columns=(
            _code("territoire", CodeList.TERRITORY),
            Column("date_reception", required=True, parse="date"),
            _code("origine", CodeList.CONCERN_SOURCE),
            Column("emetteur", max_length=200),
            Column("danger_grave", parse="bool"),
            _code("nature_danger", CodeList.DANGER_KIND),
            Column("faits", required=True),
            Column("ids_enfants", parse="refs", ref=RecordKind.CHILD),
            Column("date_fin_evaluation", parse="date"),
            _code("suite", CodeList.CONCERN_OUTCOME, required=False),
            Column("id_mesure", parse="ref", ref=RecordKind.MEASURE),
        ),
        build=build_concern,
        columns_of={
            "concern_analysis_dated": "date_reception",
            "concern_evaluation_ends_after_start": "date_fin_evaluation",
        },
        many=("children",),
    ),
)

SPECS_BY_KIND = {spec.kind: spec for spec in SPECS}
