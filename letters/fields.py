"""The closed list of merge fields (docs/letters.md), and the values a file gives them.

Each value is a plain string computed here from the file's records; a template never sees a
record, only these strings (``letters.merge``). A field belongs to one or more kinds of file:
a template written for a carer's file cannot name a child's field, and is refused at save.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from letters.enums import FileKind
from placements.enums import AgrementState
from placements.models import Agrement
from welfare.enums import DocumentKind
from welfare.models import Departement

ALL = frozenset(FileKind.values)
CHILD = frozenset({FileKind.CHILD})
CARER = frozenset({FileKind.CARER})
CONCERN = frozenset({FileKind.CONCERN})
CHILD_OR_CONCERN = frozenset({FileKind.CHILD, FileKind.CONCERN})


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    sample: str  # the value shown on the preview's fictitious file
    kinds: frozenset = ALL


FIELDS = (
    Field("date_du_jour", _("date d'édition, en toutes lettres"), "4 décembre 2026"),
    Field("departement_nom", _("nom du Département"), "Département du Jura"),
    Field("direction", _("direction"), "Direction Enfance Famille"),
    Field("departement_adresse", _("adresse du Département"), "17 rue Rouget de Lisle"),
    Field("departement_telephone", _("téléphone du Département"), "03 84 87 33 00"),
    Field("departement_courriel", _("adresse électronique du Département"), "ase@jura.fr"),
    Field("agent_nom", _("nom de l'agent qui rédige"), "Claire Martin"),
    Field("agent_fonction", _("fonction de l'agent"), "Référent ASE"),
    Field("territoire_nom", _("territoire du dossier"), "Nord"),
    Field("enfant_prenom", _("prénom de l'enfant"), "Léa", CHILD_OR_CONCERN),
    Field("enfant_nom", _("nom de l'enfant"), "EXEMPLE", CHILD_OR_CONCERN),
    Field(
        "enfant_date_naissance", _("date de naissance de l'enfant"), "2 mars 2014", CHILD_OR_CONCERN
    ),
    Field("referent_nom", _("référent ASE de l'enfant"), "Claire Martin", CHILD_OR_CONCERN),
    Field(
        "responsables_noms",
        _("titulaires de l'autorité parentale"),
        "Sophie EXEMPLE et Marc EXEMPLE",
        CHILD_OR_CONCERN,
    ),
    Field(
        "responsables_adresse",
        _("adresse postale des responsables"),
        "3 rue des Tilleuls\n39000 Lons-le-Saunier",
        CHILD_OR_CONCERN,
    ),
    Field("mesure_type", _("mesure en cours"), "Accueil provisoire", CHILD),
    Field(
        "mesure_decidee_par",
        _("autorité qui a décidé la mesure"),
        "Président du conseil départemental",
        CHILD,
    ),
    Field("mesure_date_decision", _("date de la décision"), "10 janvier 2026", CHILD),
    Field("mesure_debut", _("début de la mesure"), "12 janvier 2026", CHILD),
    Field("mesure_fin", _("échéance de la mesure"), "11 janvier 2027", CHILD),
    Field("mesure_juridiction", _("juridiction"), "Tribunal judiciaire de Lons-le-Saunier", CHILD),
    Field("mesure_reference", _("référence de la décision"), "JE 26/0042", CHILD),
    Field("lieu_accueil", _("lieu d'accueil actuel"), "MECS Les Érables", CHILD),
    Field("accueil_debut", _("date d'arrivée au lieu d'accueil"), "12 janvier 2026", CHILD),
    Field("ppe_date", _("date du dernier PPE"), "3 avril 2026", CHILD),
    Field("rapport_date", _("date du dernier rapport de situation"), "15 novembre 2026", CHILD),
    Field("assistant_prenom", _("prénom de l'assistant familial"), "Odile", CARER),
    Field("assistant_nom", _("nom de l'assistant familial"), "EXEMPLE", CARER),
    Field(
        "assistant_adresse",
        _("adresse de l'assistant familial"),
        "8 chemin des Prés\n39100 Dole",
        CARER,
    ),
    Field("agrement_numero", _("numéro d'agrément"), "AF-39-0042", CARER),
    Field("agrement_places", _("places de l'agrément"), "3", CARER),
    Field("agrement_debut", _("début de l'agrément"), "1 juin 2022", CARER),
    Field("agrement_expiration", _("expiration de l'agrément"), "1 juin 2027", CARER),
    Field("ip_reference", _("référence de l'information préoccupante"), "IP-2026-0042", CONCERN),
    Field("ip_date_reception", _("date de réception de l'IP"), "2 novembre 2026", CONCERN),
    Field("ip_enfants", _("enfants concernés par l'IP"), "Léa EXEMPLE", CONCERN),
)
BY_NAME = {field.name: field for field in FIELDS}


def names_for(kind: str) -> frozenset[str]:
    """The fields a template of ``kind`` may use."""
    return frozenset(field.name for field in FIELDS if kind in field.kinds)


def fields_for(kind: str) -> list[Field]:
    return [field for field in FIELDS if kind in field.kinds]


def sample_values(kind: str, *, today: date) -> dict[str, str]:
    """The values of the preview's fictitious file (no real person's data), with the
    Département's own identity and the day."""
    return {
        **{field.name: field.sample for field in fields_for(kind)},
        **departement_values(today=today),
    }


def french_date(day: date | None) -> str:
    """``4 décembre 2026``, whatever language the process runs in (a worker activates none)."""
    if day is None:
        return ""
    with translation.override("fr"):
        return formats.date_format(day, "j F Y")


def _person(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name.upper()}".strip()


def departement_values(*, today: date) -> dict[str, str]:
    """The Département's own fields (its identity record) and the date: no one's data."""
    departement = Departement.current()
    return {
        "date_du_jour": french_date(today),
        "departement_nom": str(departement.name),
        "direction": str(departement.direction),
        "departement_adresse": departement.address or "",
        "departement_telephone": departement.phone or "",
        "departement_courriel": departement.email or "",
    }


def _common(*, author, territory, today: date) -> dict[str, str]:
    return {
        **departement_values(today=today),
        "agent_nom": author.get_full_name() or author.username,
        "agent_fonction": str(author.get_role_display()),
        "territoire_nom": territory.name if territory else "",
    }


def _child_identity(child) -> dict[str, str]:
    holders = [
        guardian
        for guardian in child.guardians.all()
        if guardian.holds_parental_authority and not guardian.deceased
    ]
    address = next((guardian.address for guardian in holders if guardian.address), "")
    return {
        "enfant_prenom": child.first_name,
        "enfant_nom": child.last_name.upper(),
        "enfant_date_naissance": french_date(child.birth_date),
        "referent_nom": str(child.referent) if child.referent else "",
        "responsables_noms": " et ".join(_person(g.first_name, g.last_name) for g in holders),
        "responsables_adresse": address,
    }


def child_values(child, *, author, today: date) -> dict[str, str]:
    """The fields of a child's file on ``today``: identity, holders of parental authority,
    the measure under way (else the latest), the current place, the last PPE and report."""
    measures = list(child.measures.order_by("-start_date", "-pk"))
    measure = next((m for m in measures if m.is_active_on(today)), None) or next(
        iter(measures), None
    )
    placement = (
        child.placements.active_on(today)
        .select_related("establishment", "foster_carer")
        .order_by("-start_date")
        .first()
    )
    documents = {}
    for document in child.documents.filter(completed_on__lte=today).order_by("completed_on"):
        documents[document.kind] = document
    values = {
        **_common(author=author, territory=child.territory, today=today),
        **_child_identity(child),
        "mesure_type": measure.get_type_display() if measure else "",
        "mesure_decidee_par": measure.get_decided_by_display() if measure else "",
        "mesure_date_decision": french_date(measure.decision_date) if measure else "",
        "mesure_debut": french_date(measure.start_date) if measure else "",
        "mesure_fin": french_date(measure.end_date) if measure else "",
        "mesure_juridiction": measure.court if measure else "",
        "mesure_reference": measure.decision_reference if measure else "",
        "lieu_accueil": placement.place_label if placement else "",
        "accueil_debut": french_date(placement.start_date) if placement else "",
        "ppe_date": french_date(getattr(documents.get(DocumentKind.PPE), "completed_on", None)),
        "rapport_date": french_date(
            getattr(documents.get(DocumentKind.SITUATION_REPORT), "completed_on", None)
        ),
    }
    return values


def carer_agrement(carer) -> Agrement | None:
    """The agrément a carer's letter is about: the latest valid one (the one to renew)."""
    return carer.agrements.filter(state=AgrementState.VALID).order_by("-granted_on").first()


def carer_values(carer, *, author, today: date) -> dict[str, str]:
    """The fields of an assistant familial's file: identity, address and the agrément to
    renew."""
    agrement = carer_agrement(carer)
    return {
        **_common(author=author, territory=carer.territory, today=today),
        "assistant_prenom": carer.first_name,
        "assistant_nom": carer.last_name.upper(),
        "assistant_adresse": carer.address,
        "agrement_numero": agrement.number if agrement else "",
        "agrement_places": str(agrement.places) if agrement else "",
        "agrement_debut": french_date(agrement.granted_on) if agrement else "",
        "agrement_expiration": french_date(agrement.expires_on) if agrement else "",
    }


def concern_values(concern, *, author, today: date) -> dict[str, str]:
    """The fields of an information préoccupante: its reference and date, the children it
    names, and the first child's holders of parental authority (the letter's recipients)."""
    children = list(concern.children.select_related("referent").order_by("last_name", "pk"))
    first = children[0] if children else None
    identity = _child_identity(first) if first else {}
    return {
        **_common(author=author, territory=concern.territory, today=today),
        **identity,
        "ip_reference": concern.reference,
        "ip_date_reception": french_date(concern.received_on),
        "ip_enfants": ", ".join(_person(c.first_name, c.last_name) for c in children),
    }
