"""welfare's models, one module per part of the domain; import them from here."""

from welfare.models.core import Departement, Territory, User

__all__ = ["Departement", "Territory", "User"]
