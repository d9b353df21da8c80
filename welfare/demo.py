"""Demo Département: identity, territories and one account per role.

Every function here is idempotent: records are found by their natural key and updated, so
``load_demo`` can run on every ``make run``.
"""

from django.conf import settings

from welfare.enums import Role
from welfare.models import Departement, PopulationEstimate, Territory, User

IDENTITIES = {
    "jura": {
        "name": "Département du Jura",
        "insee_code": "39",
        "direction": "Direction de l'Enfance et de la Famille",
        "address": "17 rue Rouget de Lisle\n39039 Lons-le-Saunier Cedex",
        "phone": "03 84 87 40 02",
        "email": "enfance-famille@jura.fr",
        "opening_hours": "Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h",
    },
    "ain": {
        "name": "Département de l'Ain",
        "insee_code": "01",
        "direction": "Direction Générale de la Solidarité – Direction Enfance Famille",
        "address": "13 avenue de la Victoire\nBP 50415\n01012 Bourg-en-Bresse Cedex",
        "phone": "04 69 19 10 34",
        "email": "enfance-famille@ain.fr",
        "opening_hours": "Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h",
    },
}

TERRITORIES = {
    "jura": [
        ("nord", "Territoire Nord – Dole"),
        ("sud", "Territoire Sud – Saint-Claude"),
        ("centre", "Territoire Centre – Lons-le-Saunier"),
    ],
    "ain": [
        ("nord", "Territoire Bresse – Bourg-en-Bresse"),
        ("sud", "Territoire Bugey – Belley"),
        ("centre", "Territoire Dombes – Trévoux"),
    ],
}

# Young population of each demo territory at 1 January 2022, for the rates per 1,000: rounded
# orders of magnitude (about 22 % of the Jura's 257,000 inhabitants under 21, 25 % of the
# Ain's 665,000), split by territory for the demo, NOT the INSEE's estimates, which the
# Département enters in the admin. (territory code, under 21, under 18)
POPULATION_YEAR = 2022
POPULATION_SOURCE = (
    "Démonstration : ordre de grandeur arrondi, à remplacer par les estimations de "
    "population de l'INSEE au 1er janvier"
)
POPULATIONS = {
    "jura": [("nord", 20500, 17700), ("centre", 22500, 19400), ("sud", 13500, 11700)],
    "ain": [("nord", 66000, 57000), ("centre", 58000, 50000), ("sud", 42000, 36000)],
}

# username, first name, last name, role, territory code
ACCOUNTS = [
    ("referent.nord", "Camille", "Renaud", Role.CASEWORKER, "nord"),
    ("referent.sud", "Julien", "Marchand", Role.CASEWORKER, "sud"),
    ("responsable.nord", "Sophie", "Girard", Role.TERRITORY_MANAGER, "nord"),
    ("prevention", "Nadia", "Benali", Role.PREVENTION_OFFICER, None),
    ("accueil", "Lucas", "Perrin", Role.RECEPTION, None),
    ("direction", "Hélène", "Dumont", Role.DIRECTORATE, None),
    ("archiviste", "Claire", "Vidal", Role.ARCHIVIST, None),
    ("admin", "Alex", "Martin", Role.ADMINISTRATOR, None),
]


def load(*, departement: str, stdout) -> None:
    """Identity, territories and demo accounts of the chosen Département."""
    identity = IDENTITIES[departement]
    record = Departement.objects.first() or Departement()
    for field, value in identity.items():
        setattr(record, field, value)
    record.save()

    territories = {}
    for code, name in TERRITORIES[departement]:
        territories[code], _ = Territory.objects.update_or_create(
            code=code, defaults={"name": name}
        )

    for code, under_21, under_18 in POPULATIONS[departement]:
        PopulationEstimate.objects.update_or_create(
            territory=territories[code],
            year=POPULATION_YEAR,
            defaults={"under_21": under_21, "under_18": under_18, "source": POPULATION_SOURCE},
        )

    for username, first_name, last_name, role, territory_code in ACCOUNTS:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@enfance-famille.localhost",
                "role": role,
                "territory": territories.get(territory_code),
                "is_staff": role == Role.ADMINISTRATOR,
                "is_superuser": role == Role.ADMINISTRATOR,
                "is_active": True,
            },
        )
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    stdout.write(f"{identity['name']}: {len(territories)} territoires, {len(ACCOUNTS)} comptes.")
