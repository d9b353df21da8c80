import factory
from django.conf import settings

from welfare.enums import Role
from welfare.models import Departement, Territory, User


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"territoire-{n}")
    name = factory.Sequence(lambda n: f"Territoire {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"agent{n}")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    role = Role.CASEWORKER
    territory = factory.SubFactory(TerritoryFactory)
    password = factory.django.Password(settings.DEMO_PASSWORD)


class DepartementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Departement

    name = "Département du Jura"
    insee_code = "39"
    direction = "Direction de l'Enfance et de la Famille"
    address = "17 rue Rouget de Lisle\n39039 Lons-le-Saunier Cedex"
    phone = "03 84 87 40 02"
    email = "enfance-famille@jura.fr"
