"""Demo plans and budgets of the two seed Départements (``../shared/seeds``).

Jura: the schéma en faveur de l'enfance et de la famille 2021–2025, the schéma des services aux
familles 2019–2023 with the seven national priorities of the Jura page as objectives, and the
2023 budget of 23 989 800 € (1 969 441 € prevention + 22 020 359 € protection).
Ain: the Plan Enfance 01 (adopted in September 2021, 2021–2024), its seven objectives and the
example action the Ain page gives for each, 40 actions in all, 8,2 M€ of which half is financed
by the ARS, the État and the Assurance Maladie.

Whatever the pages do not give (the split of protection by placement kind, the other actions,
amounts per action, indicators) is plausible and says so in its text. Records are found by
their natural keys, so loading again changes nothing; loading one Département removes the
other's plans and budget.
"""

from datetime import date
from decimal import Decimal

from schemes import services
from schemes.enums import ActionStatus, BudgetDomain, Funder, SchemeKind, SchemeStatus
from schemes.models import (
    Action,
    Budget,
    BudgetLine,
    Funding,
    Indicator,
    Measurement,
    Milestone,
    Objective,
    Scheme,
)

DEMO = "Action de démonstration : la page publique du Département ne détaille pas cette action."
DEMO_AXIS = "Axe reconstitué pour la démonstration à partir de la présentation publique du schéma."
FROM_PAGE = "Action citée par le Département sur la page de présentation du plan."
DONE, IN_PROGRESS, PLANNED, DROPPED = (
    ActionStatus.DONE,
    ActionStatus.IN_PROGRESS,
    ActionStatus.PLANNED,
    ActionStatus.DROPPED,
)


def action(
    title,
    description=DEMO,
    *,
    lead="",
    partners="",
    start=None,
    end=None,
    status=PLANNED,
    progress=0,
    fundings=(),
    indicators=(),
    milestones=(),
):
    """One fiche action of the demo; ``progress`` is 100 when ``status`` is done."""
    return {
        "fields": {
            "title": title,
            "description": description,
            "lead_service": lead,
            "partners": partners,
            "start_date": start,
            "end_date": end,
            "status": status,
            "progress": 100 if status == DONE else progress,
        },
        "fundings": fundings,
        "indicators": indicators,
        "milestones": milestones,
    }


def shared(thousands, cofunder=None, cofunded_thousands=0, note=""):
    """Funding lines of an action costing ``thousands`` k€, ``cofunded_thousands`` of it paid
    by ``cofunder`` and the rest by the Département."""
    lines = []
    own = thousands - cofunded_thousands
    if own:
        lines.append((Funder.DEPARTEMENT, Decimal(own * 1000), ""))
    if cofunder:
        lines.append((cofunder, Decimal(cofunded_thousands * 1000), note))
    return lines


def indicator(name, unit, baseline, target, measurements):
    return {
        "fields": {"name": name, "unit": unit, "baseline": baseline, "target": target},
        "measurements": measurements,
    }


# --- Jura ------------------------------------------------------------------------------------

JURA_CHILD_FAMILY = {
    "fields": {
        "title": "Schéma départemental en faveur de l’enfance et de la famille",
        "kind": SchemeKind.CHILD_FAMILY,
        "start_year": 2021,
        "end_year": 2025,
        "status": SchemeStatus.ADOPTED,
        "published": True,
        "summary": (
            "L’enfance a toujours été une période essentielle au cours de laquelle tout se "
            "forge, tout s’encre, tout se structure. Ce schéma offre un cadre destiné à tracer "
            "le chemin le plus vertueux en la matière : l’accompagnement de l’enfant en "
            "situation difficile, une protection par voie administrative plutôt que judiciaire, "
            "fixer des axes de travail et faire émerger des actions concrètes pour soutenir "
            "globalement l’enfance et la parentalité. Un document de 72 pages."
        ),
    },
    "objectives": [
        (
            "Accompagner l’enfant en situation difficile",
            DEMO_AXIS,
            [
                action(
                    "Renforcer l’équipe des 180 assistants familiaux par des travailleurs sociaux",
                    "En 2022, le Département renforce son équipe de 180 assistants familiaux par "
                    "des travailleurs sociaux bénéficiant du soutien financier de l’État dans le "
                    "cadre du Plan de Lutte contre la Pauvreté. Montants : démonstration.",
                    lead="Service de l’aide sociale à l’enfance",
                    partners="État (Plan de Lutte contre la Pauvreté)",
                    start=date(2022, 1, 1),
                    end=date(2023, 12, 31),
                    status=DONE,
                    fundings=shared(420, Funder.ETAT, 210, "Plan de Lutte contre la Pauvreté"),
                    milestones=[
                        (date(2022, 3, 1), "Recrutement des travailleurs sociaux", date(2022, 4, 4))
                    ],
                ),
            ],
        ),
        (
            "Privilégier la protection par voie administrative plutôt que judiciaire",
            DEMO_AXIS,
            [
                action(
                    "Développer l’accueil contractuel avec l’accord des familles",
                    "En 2022, 42 des 807 enfants confiés l’étaient en accueil contractuel. " + DEMO,
                    lead="Service de l’aide sociale à l’enfance",
                    partners="Tribunal judiciaire, parquet",
                    start=date(2021, 9, 1),
                    end=date(2025, 12, 31),
                    status=IN_PROGRESS,
                    progress=40,
                    indicators=[
                        indicator(
                            "Part des accueils contractuels parmi les enfants confiés",
                            "%",
                            Decimal("5.2"),
                            Decimal("10"),
                            [(date(2022, 12, 31), Decimal("5.2"), "42 sur 807")],
                        )
                    ],
                ),
            ],
        ),
        (
            "Soutenir globalement l’enfance et la parentalité",
            DEMO_AXIS,
            [
                action(
                    "Espaces de médiation familiale",
                    lead="Service prévention",
                    partners="Associations de médiation familiale, CAF du Jura",
                    start=date(2021, 1, 1),
                    end=date(2025, 12, 31),
                    status=IN_PROGRESS,
                    progress=70,
                    fundings=shared(180, Funder.CAF, 60, "Prestation de service médiation"),
                ),
                action(
                    "Accueils de parents isolés",
                    lead="Service prévention",
                    partners="Centres sociaux",
                    start=date(2021, 6, 1),
                    end=date(2024, 12, 31),
                    status=IN_PROGRESS,
                    progress=60,
                    fundings=shared(95),
                ),
                action(
                    "Actions de prévention dans les quartiers sensibles",
                    lead="Service prévention",
                    partners="Communes, clubs de prévention spécialisée",
                    start=date(2022, 1, 1),
                    end=date(2025, 12, 31),
                    status=IN_PROGRESS,
                    progress=45,
                    fundings=shared(240),
                ),
                action(
                    "Interventions à domicile (TISF, AED)",
                    lead="Service prévention",
                    partners="Associations d’aide à domicile",
                    start=date(2021, 1, 1),
                    end=date(2025, 12, 31),
                    status=IN_PROGRESS,
                    progress=55,
                    fundings=shared(310, Funder.CAF, 90, "TISF"),
                ),
            ],
        ),
        (
            "Conduire les jeunes confiés vers l’autonomie",
            DEMO_AXIS,
            [
                action(
                    "Appartements semi-autonomes et autonomes pour les jeunes de 17 ans et plus",
                    "Accueillir les plus de 17 ans et les plus matures hors des MECS, en "
                    "appartements semi-autonomes ou autonomes, vers l’autonomie en matière de "
                    "logement et d’insertion professionnelle. Chiffres : démonstration.",
                    lead="Service de l’aide sociale à l’enfance",
                    partners="Bailleurs sociaux, missions locales",
                    start=date(2021, 9, 1),
                    end=date(2025, 12, 31),
                    status=IN_PROGRESS,
                    progress=65,
                    fundings=shared(560),
                    indicators=[
                        indicator(
                            "Jeunes de 17 ans et plus logés en appartement",
                            "jeunes",
                            Decimal("12"),
                            Decimal("40"),
                            [
                                (date(2022, 12, 31), Decimal("21"), "Démonstration"),
                                (date(2023, 12, 31), Decimal("29"), "Démonstration"),
                            ],
                        )
                    ],
                ),
            ],
        ),
    ],
}

# The seven national priorities, as the Jura page lists them.
SDSF_PRIORITIES = [
    (
        "Développer l’offre d’accueil du jeune enfant en s’appuyant sur la complémentarité des "
        "modes d’accueil",
        action(
            "Créer des places d’accueil collectif dans les zones peu dotées",
            lead="Service de PMI",
            partners="CAF du Jura, communautés de communes",
            start=date(2019, 1, 1),
            end=date(2023, 12, 31),
            status=DONE,
            fundings=shared(150, Funder.CAF, 100, "Plan crèches"),
        ),
    ),
    (
        "Faciliter l’accès des familles vulnérables aux services d’accueil de la petite enfance "
        "et au soutien à la parentalité pour garantir l’universalité d’accès et la mixité",
        action(
            "Réserver des places en crèche aux parents en parcours d’insertion",
            lead="Service de PMI",
            partners="CAF du Jura, France Travail",
            start=date(2020, 1, 1),
            end=date(2023, 12, 31),
            status=DONE,
            fundings=shared(40, Funder.CAF, 30),
        ),
    ),
    (
        "Mailler progressivement le territoire en matière d’offre d’accompagnement à la "
        "parentalité, en proposant des outils visant notamment à mieux articuler l’accueil du "
        "jeune enfant et les actions de soutien à la parentalité",
        action(
            "Ouvrir un lieu d’accueil enfants-parents dans chaque territoire",
            lead="Service prévention",
            partners="CAF du Jura, MSA, centres sociaux",
            start=date(2019, 9, 1),
            end=date(2023, 12, 31),
            status=IN_PROGRESS,
            progress=75,
            fundings=shared(120, Funder.CAF, 80),
        ),
    ),
    (
        "Faciliter une action coordonnée des acteurs sur le territoire",
        action(
            "Réunir deux fois par an le comité départemental des services aux familles",
            lead="Direction de l’Enfance et de la Famille",
            partners="État, CAF du Jura, MSA, Éducation nationale",
            start=date(2019, 1, 1),
            end=date(2023, 12, 31),
            status=DONE,
        ),
    ),
    (
        "Améliorer l’information des familles sur l’offre disponible",
        action(
            "Publier en ligne l’offre d’accueil et de soutien à la parentalité",
            lead="Service de PMI",
            partners="CAF du Jura",
            start=date(2019, 6, 1),
            end=date(2021, 6, 30),
            status=DONE,
            fundings=shared(15),
        ),
    ),
    (
        "Favoriser le recrutement et la formation des professionnel-les de la petite enfance",
        action(
            "Campagne de recrutement et de formation d’assistants maternels",
            lead="Service de PMI",
            partners="Relais petite enfance, France Travail",
            start=date(2021, 1, 1),
            end=date(2023, 12, 31),
            status=DONE,
            fundings=shared(60, Funder.CAF, 20),
        ),
    ),
    (
        "Développer les outils d’apprentissage de la langue (lutte contre l’illettrisme, "
        "Français, langues étrangères, alphabétisation)",
        action(
            "Ateliers sociolinguistiques pour les parents de jeunes enfants",
            lead="Service prévention",
            partners="Centres sociaux, associations d’alphabétisation",
            start=date(2021, 9, 1),
            end=date(2023, 6, 30),
            status=DROPPED,
            progress=30,
            fundings=shared(25, Funder.ETAT, 10),
        ),
    ),
]

JURA_FAMILY_SERVICES = {
    "fields": {
        "title": "Schéma départemental des services aux familles du Jura",
        "kind": SchemeKind.FAMILY_SERVICES,
        "start_year": 2019,
        "end_year": 2023,
        "status": SchemeStatus.CLOSED,
        "published": True,
        "summary": (
            "Ce schéma fixe le cadre d’une organisation dédiée à la réduction des inégalités "
            "territoriales et sociales. Pour y parvenir, des services aux familles sont "
            "développés et proposés dans le Jura. Les partenaires établissent ensemble un "
            "diagnostic partagé et un plan d’action, qui décline localement les priorités "
            "nationales."
        ),
    },
    "objectives": [
        (title, "Priorité nationale des schémas des services aux familles.", [priority_action])
        for title, priority_action in SDSF_PRIORITIES
    ],
}

# 2023: 23 989 800 € = 1 969 441 € prevention + 22 020 359 € protection (Jura page). The split
# of protection by placement kind is plausible; executed sums to the same totals as voted.
JURA_BUDGET_2023 = {
    "year": 2023,
    "notes": (
        "Dépense globale 2023 publiée par le Département : 23 989 800 €, dont 1 969 441 € pour "
        "la prévention et 22 020 359 € pour la protection. La répartition de la protection par "
        "nature d’accueil est une donnée de démonstration."
    ),
    "lines": [
        (BudgetDomain.PREVENTION, Decimal("1969441"), Decimal("1969441")),
        (BudgetDomain.FOSTER_CARE, Decimal("7650000"), Decimal("7512430")),
        (BudgetDomain.ESTABLISHMENTS, Decimal("9700000"), Decimal("9846210")),
        (BudgetDomain.PEAD, Decimal("1450000"), Decimal("1436880")),
        (BudgetDomain.YOUNG_ADULTS, Decimal("1380000"), Decimal("1412600")),
        (BudgetDomain.OTHER_PROTECTION, Decimal("1840359"), Decimal("1812239")),
    ],
}

# --- Ain -------------------------------------------------------------------------------------

SERVICE_PMI = "Service de PMI et de prévention"
SERVICE_ASE = "Service de l’aide sociale à l’enfance"
SERVICE_AF = "Service de l’accueil familial"
SERVICE_PILOT = "Direction Enfance Famille – pilotage"

AIN_OBJECTIVES = [
    (
        "Affirmer un soutien à toutes les familles par une action la plus précoce possible",
        "La volonté du Département est de favoriser des actions de prévention primaire pour "
        "soutenir toutes les familles dans leurs compétences éducatives.",
        [
            action(
                "Accompagnement sur la période périnatale avec l’intervention au domicile des "
                "Techniciennes de l’Intervention Sociale et Familiale (TISF) « Premiers pas »",
                FROM_PAGE,
                lead=SERVICE_PMI,
                partners="Associations d’aide à domicile, maternités, CPAM de l’Ain",
                start=date(2021, 10, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=80,
                fundings=shared(600, Funder.ASSURANCE_MALADIE, 360),
                indicators=[
                    indicator(
                        "Familles accompagnées par les TISF « Premiers pas »",
                        "familles",
                        Decimal("0"),
                        Decimal("300"),
                        [
                            (date(2022, 12, 31), Decimal("110"), "Démonstration"),
                            (date(2023, 12, 31), Decimal("205"), "Démonstration"),
                        ],
                    )
                ],
                milestones=[
                    (date(2021, 12, 1), "Conventions avec les services de TISF", date(2021, 12, 6)),
                    (date(2024, 6, 30), "Bilan avec les maternités", None),
                ],
            ),
            action(
                "Proposer l’entretien prénatal précoce à toutes les futures mères",
                lead=SERVICE_PMI,
                partners="Maternités, sages-femmes libérales, CPAM de l’Ain",
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=60,
                fundings=shared(180, Funder.ASSURANCE_MALADIE, 120),
            ),
            action(
                "Visites à domicile de PMI après le retour de maternité",
                lead=SERVICE_PMI,
                partners="Maternités",
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=50,
                fundings=shared(240, Funder.ASSURANCE_MALADIE, 120),
            ),
            action(
                "Un lieu d’accueil enfants-parents dans chaque territoire",
                lead=SERVICE_PMI,
                partners="CAF de l’Ain, centres sociaux",
                start=date(2022, 3, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=40,
                fundings=shared(150),
            ),
            action(
                "Ateliers parents-enfants dans les centres sociaux",
                lead=SERVICE_PMI,
                partners="Centres sociaux",
                start=date(2022, 9, 1),
                end=date(2024, 6, 30),
                status=DONE,
                fundings=shared(90),
            ),
            action(
                "Repérage précoce des vulnérabilités avec les maternités",
                lead=SERVICE_PMI,
                partners="Maternités, ARS Auvergne-Rhône-Alpes",
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=35,
                fundings=shared(120, Funder.ARS, 60, "FIR"),
            ),
            action(
                "Guide des services aux parents",
                lead=SERVICE_PMI,
                start=date(2022, 1, 1),
                end=date(2022, 12, 31),
                status=DONE,
                fundings=shared(20),
            ),
        ],
    ),
    (
        "Soutenir les parents en renforçant, enrichissant et diversifiant les mesures à domicile",
        "Épauler les parents dans leur vie quotidienne est la manière la plus efficace de "
        "prendre soin d’un enfant. Le Département poursuit son engagement à soutenir toutes "
        "les parentalités.",
        [
            action(
                "Recrutement de 9 professionnels en charge du développement d’actions "
                "éducatives préventives (AEP) auprès des familles",
                FROM_PAGE,
                lead=SERVICE_ASE,
                start=date(2021, 11, 1),
                end=date(2022, 12, 31),
                status=DONE,
                fundings=shared(1350, Funder.ETAT, 700, "Contractualisation État – Département"),
                indicators=[
                    indicator(
                        "Familles accompagnées en AEP",
                        "familles",
                        Decimal("0"),
                        Decimal("450"),
                        [
                            (date(2022, 12, 31), Decimal("180"), "Démonstration"),
                            (date(2023, 12, 31), Decimal("390"), "Démonstration"),
                        ],
                    )
                ],
            ),
            action(
                "AEMO renforcée avec possibilité d’hébergement",
                lead=SERVICE_ASE,
                partners="Tribunal judiciaire, services habilités",
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=55,
                fundings=shared(600, Funder.ETAT, 265),
            ),
            action(
                "Aide éducative à domicile de courte durée",
                lead=SERVICE_ASE,
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=70,
                fundings=shared(300, Funder.ETAT, 150),
            ),
            action(
                "Interventions renforcées des TISF en protection de l’enfance",
                lead=SERVICE_ASE,
                partners="Associations d’aide à domicile",
                start=date(2022, 6, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=45,
                fundings=shared(250),
            ),
            action(
                "Médiation familiale dans les conflits parentaux",
                lead=SERVICE_ASE,
                partners="Associations de médiation familiale",
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=30,
                fundings=shared(80),
            ),
            action(
                "Accueil de jour éducatif pour les familles",
                lead=SERVICE_ASE,
                partners="Établissements habilités",
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                status=PLANNED,
                fundings=shared(320, Funder.ETAT, 160),
            ),
        ],
    ),
    (
        "Adapter l’offre pour répondre aux besoins et aux attentes nouvelles des enfants et des "
        "familles",
        "Certaines familles sont exposées à une double vulnérabilité : les enfants ont à faire "
        "face à la fois à des carences éducatives et à une situation de handicap ou de troubles "
        "psychiatriques. La prévalence du handicap chez les enfants confiés est proche de 20 % "
        "(donnée nationale).",
        [
            action(
                "Création d’une structure pour les enfants confiés en situation de handicap et "
                "d’une équipe mobile",
                FROM_PAGE,
                lead=SERVICE_ASE,
                partners="ARS Auvergne-Rhône-Alpes, MDPH de l’Ain, établissements médico-sociaux",
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=65,
                fundings=shared(1200, Funder.ARS, 800, "ONDAM médico-social"),
                milestones=[
                    (date(2022, 9, 1), "Mise en place de l’équipe mobile", date(2022, 9, 12)),
                    (date(2024, 1, 1), "Ouverture de la structure", None),
                ],
            ),
            action(
                "Places d’accueil d’urgence supplémentaires",
                lead=SERVICE_ASE,
                start=date(2022, 6, 1),
                end=date(2023, 12, 31),
                status=DONE,
                fundings=shared(220),
            ),
            action(
                "Convention avec la pédopsychiatrie pour les enfants confiés",
                lead=SERVICE_ASE,
                partners="Centre hospitalier psychiatrique, ARS Auvergne-Rhône-Alpes",
                start=date(2022, 3, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=50,
                fundings=shared(250, Funder.ARS, 200, "FIR"),
            ),
            action(
                "Coordination avec la MDPH pour les enfants à double vulnérabilité",
                lead=SERVICE_ASE,
                partners="MDPH de l’Ain",
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=60,
                fundings=shared(40),
            ),
            action(
                "Accueillir les fratries ensemble",
                lead=SERVICE_AF,
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                status=PLANNED,
                fundings=shared(150),
            ),
            action(
                "Unité d’accueil pour adolescents en grande difficulté",
                lead=SERVICE_ASE,
                partners="ARS Auvergne-Rhône-Alpes, protection judiciaire de la jeunesse",
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=20,
                fundings=shared(350, Funder.ARS, 200, "FIR"),
            ),
        ],
    ),
    (
        "Porter une nouvelle conception de la protection de l’enfance et soutenir l’innovation",
        "Des actions du plan enfance sont centrées sur le développement de nouveaux outils et "
        "de nouvelles pratiques innovantes visant à répondre aux besoins fondamentaux des "
        "enfants.",
        [
            action(
                "Développement du parrainage",
                FROM_PAGE,
                lead=SERVICE_ASE,
                partners="Associations de parrainage de proximité",
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=50,
                fundings=shared(90, Funder.ETAT, 45),
            ),
            action(
                "Accompagner les tiers dignes de confiance",
                lead=SERVICE_ASE,
                start=date(2022, 6, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=40,
                fundings=shared(60, Funder.ETAT, 30),
            ),
            action(
                "Un conseil des jeunes accueillis",
                lead=SERVICE_ASE,
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=25,
                fundings=shared(30, Funder.ETAT, 15),
            ),
            action(
                "Bilan de santé à l’entrée dans le dispositif de protection",
                lead=SERVICE_PMI,
                partners="CPAM de l’Ain",
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=55,
                fundings=shared(160, Funder.ASSURANCE_MALADIE, 120),
            ),
            action(
                "Un projet pour l’enfant partagé avec les familles",
                lead=SERVICE_ASE,
                start=date(2022, 1, 1),
                end=date(2023, 12, 31),
                status=DONE,
                fundings=shared(50, Funder.ETAT, 25),
            ),
        ],
    ),
    (
        "Faire des enfants confiés durablement des adultes responsables, épanouis et insérés",
        "Pour amener ces enfants à être des jeunes responsables et intégrés dans le monde du "
        "travail et dans la société, il convient de garantir une continuité d’accompagnement "
        "tout au long du parcours en évitant les ruptures.",
        [
            action(
                "Mise en place d’un foyer de semi-autonomie pour des adolescents confiés de 16 à "
                "18 ans",
                FROM_PAGE,
                lead=SERVICE_ASE,
                partners="Bailleurs sociaux, association gestionnaire",
                start=date(2022, 1, 1),
                end=date(2023, 12, 31),
                status=DONE,
                fundings=shared(700, Funder.ETAT, 450),
                indicators=[
                    indicator(
                        "Places en semi-autonomie",
                        "places",
                        Decimal("0"),
                        Decimal("12"),
                        [(date(2023, 12, 31), Decimal("12"), "Démonstration")],
                    )
                ],
            ),
            action(
                "Un entretien d’autonomie à 17 ans pour chaque jeune confié",
                lead=SERVICE_ASE,
                start=date(2022, 3, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=75,
            ),
            action(
                "Proposer un contrat jeune majeur jusqu’à 21 ans",
                lead=SERVICE_ASE,
                start=date(2022, 3, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=80,
            ),
            action(
                "Accès au logement des jeunes sortant de l’aide sociale à l’enfance",
                lead=SERVICE_ASE,
                partners="Bailleurs sociaux, foyers de jeunes travailleurs",
                start=date(2022, 6, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=45,
                fundings=shared(120, Funder.ETAT, 60),
            ),
            action(
                "Insertion professionnelle avec les missions locales",
                lead=SERVICE_ASE,
                partners="Missions locales, France Travail",
                start=date(2022, 6, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=50,
                fundings=shared(60, Funder.ETAT, 30),
            ),
            action(
                "Accompagnement budgétaire et pécule à la majorité",
                lead=SERVICE_ASE,
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                status=PLANNED,
            ),
        ],
    ),
    (
        "Soutenir, valoriser et accompagner les professionnels dont les assistants familiaux",
        "La complexification des situations rend l’exercice des missions des professionnels de "
        "la protection de l’enfance plus difficile. Le Département devra rechercher des "
        "conditions sécurisantes d’exercice de leurs missions, notamment en ajustant l’offre "
        "d’accompagnement et de formation.",
        [
            action(
                "Développement d’un poste de chargé de projet assistants familiaux visant à "
                "conforter leur place et leurs conditions d’exercice",
                FROM_PAGE,
                lead=SERVICE_AF,
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=70,
                fundings=shared(150, Funder.ETAT, 100),
            ),
            action(
                "Formation continue des assistants familiaux",
                lead=SERVICE_AF,
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=60,
                fundings=shared(40),
            ),
            action(
                "Campagne départementale de recrutement d’assistants familiaux",
                lead=SERVICE_AF,
                start=date(2022, 9, 1),
                end=date(2023, 6, 30),
                status=DONE,
                fundings=shared(20),
            ),
            action(
                "Analyse des pratiques pour les équipes de l’aide sociale à l’enfance",
                lead=SERVICE_ASE,
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=40,
            ),
            action(
                "Relais et répit pour les assistants familiaux",
                lead=SERVICE_AF,
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                status=DROPPED,
                progress=10,
            ),
        ],
    ),
    (
        "Structurer le pilotage, évaluer, mieux contrôler, assurer la transversalité",
        "Le Département, en lien avec ses partenaires, doit pouvoir interroger en permanence "
        "l’adéquation de l’offre aux besoins de la population aindinoise et travailler "
        "davantage dans une logique de transversalité.",
        [
            action(
                "Renforcement de l’observatoire départemental de la protection de l’enfance (ODPE)",
                FROM_PAGE,
                lead=SERVICE_PILOT,
                partners="Partenaires de l’ODPE",
                start=date(2021, 10, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=60,
                fundings=shared(120, Funder.ETAT, 90),
            ),
            action(
                "Tableau de bord de la protection de l’enfance",
                lead=SERVICE_PILOT,
                start=date(2022, 1, 1),
                end=date(2023, 12, 31),
                status=DONE,
                fundings=shared(30),
            ),
            action(
                "Programme de contrôle des établissements et services",
                lead=SERVICE_PILOT,
                start=date(2022, 1, 1),
                end=date(2024, 12, 31),
                status=IN_PROGRESS,
                progress=50,
            ),
            action(
                "Évaluation à mi-parcours du Plan Enfance 01",
                lead=SERVICE_PILOT,
                start=date(2023, 1, 1),
                end=date(2023, 12, 31),
                status=DONE,
                fundings=shared(60),
            ),
            action(
                "Bilan annuel de la contractualisation avec l’État et l’ARS",
                lead=SERVICE_PILOT,
                partners="Préfecture de l’Ain, ARS Auvergne-Rhône-Alpes",
                start=date(2022, 1, 1),
                end=date(2024, 6, 30),
                status=IN_PROGRESS,
                progress=65,
            ),
        ],
    ),
]

AIN_PLAN = {
    "fields": {
        "title": "Plan Enfance 01",
        "kind": SchemeKind.CHILD_PLAN,
        "start_year": 2021,
        "end_year": 2024,
        # The page gives the month of adoption only: the day is a placeholder.
        "adopted_on": date(2021, 9, 1),
        "status": SchemeStatus.ADOPTED,
        "published": True,
        "summary": (
            "Avec 7 000 naissances par an, le Département de l’Ain a fait de la question "
            "familiale et, plus particulièrement de sa politique enfance, un sujet central. Le "
            "Plan Enfance 01, de la grossesse à 21 ans, constitue sa feuille de route "
            "opérationnelle, avec 40 actions concrètes. Doté d’un budget de 8,2 M€, dont la "
            "moitié est financée par l’ARS, l’État et l’Assurance Maladie, il permet la mise "
            "en œuvre d’un ensemble d’actions innovantes et expérimentales pour répondre aux "
            "besoins des enfants et des familles."
        ),
    },
    "objectives": AIN_OBJECTIVES,
}

SCHEMES = {"jura": [JURA_CHILD_FAMILY, JURA_FAMILY_SERVICES], "ain": [AIN_PLAN]}
BUDGETS = {"jura": [JURA_BUDGET_2023], "ain": []}


def _load_action(objective, number, data):
    record, _ = Action.objects.update_or_create(
        objective=objective, number=number, defaults=data["fields"]
    )
    record.fundings.all().delete()
    Funding.objects.bulk_create(
        Funding(action=record, funder=funder, amount=amount, note=note)
        for funder, amount, note in data["fundings"]
    )
    record.milestones.all().delete()
    Milestone.objects.bulk_create(
        Milestone(action=record, due_on=due_on, label=label, reached_on=reached_on)
        for due_on, label, reached_on in data["milestones"]
    )
    names = [item["fields"]["name"] for item in data["indicators"]]
    record.indicators.exclude(name__in=names).delete()
    for item in data["indicators"]:
        fields = item["fields"]
        indicator_record, _ = Indicator.objects.update_or_create(
            action=record, name=fields["name"], defaults=fields
        )
        for measured_on, value, comment in item["measurements"]:
            Measurement.objects.update_or_create(
                indicator=indicator_record,
                measured_on=measured_on,
                defaults={"value": value, "comment": comment},
            )


def _load_scheme(data):
    fields = {name: value for name, value in data["fields"].items() if name != "published"}
    scheme, _ = Scheme.objects.update_or_create(
        title=fields["title"], start_year=fields["start_year"], defaults=fields
    )
    objectives = data["objectives"]
    scheme.objectives.filter(number__gt=len(objectives)).delete()
    for number, (title, description, actions) in enumerate(objectives, start=1):
        objective, _ = Objective.objects.update_or_create(
            scheme=scheme, number=number, defaults={"title": title, "description": description}
        )
        objective.actions.filter(number__gt=len(actions)).delete()
        for action_number, action_data in enumerate(actions, start=1):
            _load_action(objective, action_number, action_data)
    if data["fields"].get("published"):
        # The public pages show the plan as published: publish it once it is whole.
        scheme = services.scheme_publish(scheme=scheme)
    return scheme


def _load_budget(data):
    budget, _ = Budget.objects.update_or_create(
        year=data["year"], defaults={"notes": data["notes"]}
    )
    domains = [domain for domain, _, _ in data["lines"]]
    budget.lines.exclude(domain__in=domains).delete()
    for domain, voted, executed in data["lines"]:
        BudgetLine.objects.update_or_create(
            budget=budget, domain=domain, defaults={"voted": voted, "executed": executed}
        )
    return budget


def load(*, departement: str, stdout) -> None:
    """Plans and budgets of ``departement``; those of the other demo Département are removed."""
    for other, schemes in SCHEMES.items():
        if other != departement:
            titles = [data["fields"]["title"] for data in schemes]
            Scheme.objects.filter(title__in=titles).delete()
            years = [data["year"] for data in BUDGETS[other]]
            Budget.objects.filter(year__in=years).delete()
    schemes = [_load_scheme(data) for data in SCHEMES[departement]]
    budgets = [_load_budget(data) for data in BUDGETS[departement]]
    stdout.write(f"Schémas et plans : {len(schemes)} ; budgets annuels : {len(budgets)}.")
