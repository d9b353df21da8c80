"""The Scope a reader counts in, from their role and territory."""

import pytest
from django.contrib.auth.models import AnonymousUser

from welfare.enums import Role
from welfare.models import Child
from welfare.scope import Scope
from welfare.tests.factories import ChildFactory, TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.DIRECTORATE, Role.ADMINISTRATOR])
def test_the_directorate_and_administrators_read_the_whole_departement(role):
    assert Scope.for_user(UserFactory(role=role, territory=None)) == Scope.departement()


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.TERRITORY_MANAGER])
def test_territorial_roles_read_their_territory(role, nord):
    assert Scope.for_user(UserFactory(role=role, territory=nord)) == Scope.of_territory(nord)


@pytest.mark.parametrize(
    "user",
    [
        lambda nord: UserFactory(role=Role.TERRITORY_MANAGER, territory=None),
        lambda nord: UserFactory(role=Role.RECEPTION, territory=nord),
        lambda nord: AnonymousUser(),
    ],
)
def test_anyone_else_reads_nothing(user, nord):
    scope = Scope.for_user(user(nord))
    ChildFactory(territory=nord)
    assert not scope.filter(Child.objects.all()).exists()


def test_a_narrowed_scope_keeps_the_chosen_territory_only_within_its_rights(nord):
    sud = TerritoryFactory(code="sud-scope", name="Sud")
    ChildFactory(territory=nord)
    in_sud = ChildFactory(territory=sud)
    assert list(Scope.departement().narrowed(sud).filter(Child.objects.all())) == [in_sud]
    assert Scope.of_territory(nord).narrowed(None) == Scope.of_territory(nord)
    assert not Scope.of_territory(nord).narrowed(sud).filter(Child.objects.all()).exists()
