import pytest
from django.core.management import CommandError, call_command

from welfare.demo_loaders import demo_loaders
from welfare.enums import Role
from welfare.models import Departement, Territory, User

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = {
    "referent.nord": (Role.CASEWORKER, "nord"),
    "referent.sud": (Role.CASEWORKER, "sud"),
    "responsable.nord": (Role.TERRITORY_MANAGER, "nord"),
    "prevention": (Role.PREVENTION_OFFICER, None),
    "accueil": (Role.RECEPTION, None),
    "direction": (Role.DIRECTORATE, None),
    "admin": (Role.ADMINISTRATOR, None),
    "archiviste": (Role.ARCHIVIST, None),
}


def load_demo(settings, **options):
    settings.DEBUG = True
    call_command("load_demo", only="welfare", **options)


def test_it_creates_one_account_per_role(settings):
    load_demo(settings)
    for username, (role, territory) in DEMO_USERNAMES.items():
        user = User.objects.get(username=username)
        assert user.role == role
        assert (user.territory.code if user.territory else None) == territory
        assert user.check_password(settings.DEMO_PASSWORD)


def test_it_loads_the_jura_identity(settings):
    load_demo(settings)
    departement = Departement.objects.get()
    assert departement.name == "Département du Jura"
    assert departement.phone == "03 84 87 40 02"
    assert departement.direction == "Direction de l'Enfance et de la Famille"


def test_it_is_idempotent(settings):
    load_demo(settings)
    load_demo(settings)
    assert User.objects.count() == len(DEMO_USERNAMES)
    assert Territory.objects.count() == 3
    assert Departement.objects.count() == 1


def test_ain_replaces_the_identity(settings):
    load_demo(settings)
    load_demo(settings, departement="ain")
    departement = Departement.objects.get()
    assert departement.insee_code == "01"
    assert "Bourg-en-Bresse" in departement.address
    assert departement.phone == "04 69 19 10 34"


def test_it_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo")
    assert not User.objects.exists()


def test_force_loads_without_debug(settings):
    settings.DEBUG = False
    call_command("load_demo", force=True, only="welfare")
    assert User.objects.filter(username="direction").exists()


def test_the_apps_loaders_run_in_their_order_the_retention_rule_last():
    names = [loader.name for loader in demo_loaders()]
    assert names == [
        "welfare",
        "children",
        "placements",
        "prevention",
        "judicial",
        "contact",
        "schemes",
        "records_import",
        "retention",
    ]


def test_an_unknown_loader_name_is_refused_before_anything_is_loaded(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="inconnu : enfants"):
        call_command("load_demo", only="welfare,enfants")
    assert not User.objects.exists()
