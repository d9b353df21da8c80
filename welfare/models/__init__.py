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
from welfare.models.core import Departement, Territory, User

__all__ = [
    "AccessLog",
    "Child",
    "Departement",
    "Guardian",
    "LegalParameter",
    "LegalParameterSet",
    "Measure",
    "StatutoryDocument",
    "Territory",
    "User",
]
