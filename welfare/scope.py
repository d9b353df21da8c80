"""Whose records a reader counts: the whole Département or one territory, taken from the
reader's rights (role and territory), never from a user made up for the occasion.

The dashboard and the capacity board read aggregates through the apps' selectors, which take a
``Scope``; a page builds it from the user who asks (``Scope.for_user``), the dashboard from the
reading it was asked for (``Scope.departement()`` narrowed to the territory chosen).
"""

from dataclasses import dataclass

from welfare.enums import Role

# The territorial roles read their own territory's records.
TERRITORIAL_ROLES = (Role.CASEWORKER, Role.TERRITORY_MANAGER)


@dataclass(frozen=True)
class Scope:
    """Every territory (``whole``), one territory (``territory_id``), or nothing."""

    territory_id: int | None = None
    whole: bool = False

    @classmethod
    def departement(cls) -> "Scope":
        return cls(whole=True)

    @classmethod
    def of_territory(cls, territory) -> "Scope":
        return cls(territory_id=territory.pk)

    @classmethod
    def for_user(cls, user) -> "Scope":
        """The directorate and administrators read every territory; caseworkers and territory
        managers their own; anyone else (or a territorial role without a territory) nothing."""
        if not user.is_authenticated:
            return cls()
        if user.is_administrator or user.role == Role.DIRECTORATE:
            return cls.departement()
        if user.role in TERRITORIAL_ROLES and user.territory_id:
            return cls(territory_id=user.territory_id)
        return cls()

    def narrowed(self, territory) -> "Scope":
        """This scope limited to ``territory`` (None: unchanged); nothing if it is outside."""
        if territory is None:
            return self
        if self.whole or self.territory_id == territory.pk:
            return Scope.of_territory(territory)
        return Scope()

    def filter(self, queryset, field: str = "territory"):
        """``queryset`` limited to the records whose ``field`` is in this scope."""
        if self.whole:
            return queryset
        if self.territory_id is None:
            return queryset.none()
        return queryset.filter(**{f"{field}_id": self.territory_id})
