"""welfare's models, one module per part of the domain; import them from here."""

from welfare.models.children import (
    AccessLog,
    Child,
    Guardian,
    LegalParameter,
    LegalParameterSet,
    Measure,
    StatutoryDocument,
)
from welfare.models.contact import ContactEvent, ContactReply, ContactRequest
from welfare.models.core import (
    Departement,
    Recorded,
    Territory,
    Timestamped,
    User,
    WorkerHeartbeat,
)
from welfare.models.judicial import Hearing
from welfare.models.merges import ChildMerge
from welfare.models.observatory import NationalCode, PopulationEstimate

__all__ = [
    "AccessLog",
    "Child",
    "ChildMerge",
    "ContactEvent",
    "ContactReply",
    "ContactRequest",
    "Departement",
    "Guardian",
    "Hearing",
    "LegalParameter",
    "LegalParameterSet",
    "Measure",
    "NationalCode",
    "PopulationEstimate",
    "Recorded",
    "StatutoryDocument",
    "Territory",
    "Timestamped",
    "User",
    "WorkerHeartbeat",
]
