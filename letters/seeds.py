# ruff: noqa: E501 -- each paragraph of a letter is one line here: a line break inside it
# would be printed in the letter.
"""The letters every Département starts with, created after ``migrate`` when their code is
missing (so a fresh Département, and every test database the runner empties, has them).
Sober French, each checked against the article it cites (docs/letters.md); the directorate
adapts them in the portal, where each change is previewed before use, and retires one by
unticking "proposé aux agents" (a deleted one would come back at the next migration).
"""

from django.utils import timezone

SEEDS = (
    {
        "code": "notification-accueil-provisoire",
        "name": "Notification d'une décision d'accueil provisoire aux parents",
        "file_kind": "child",
        "recipient_kind": "parents",
        "legal_reference": "Art. L222-5 1°, L223-2 et L223-5 CASF",
        "subject": "Décision d'accueil provisoire de {{ enfant_prenom }} {{ enfant_nom }}",
        "body": """Madame, Monsieur,

À votre demande et avec votre accord écrit, le Président du Conseil départemental a décidé le {{ mesure_date_decision }} l'accueil provisoire de {{ enfant_prenom }} {{ enfant_nom }}, né(e) le {{ enfant_date_naissance }}, par le service de l'aide sociale à l'enfance (article L222-5 1° du code de l'action sociale et des familles).

Cet accueil commence le {{ mesure_debut }} et prend fin au plus tard le {{ mesure_fin }}. Il ne peut dépasser un an ; il peut être renouvelé, avec votre accord écrit, après une nouvelle évaluation de la situation (article L223-5 du même code). Vous pouvez y mettre fin à tout moment.

Vous conservez l'exercice de l'autorité parentale. Vous êtes associé(e) aux décisions qui concernent votre enfant, et un projet pour l'enfant sera établi avec vous dans les trois mois.

{{ referent_nom }}, référent(e) de votre enfant, se tient à votre disposition pour toute question.

Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.""",
    },
    {
        "code": "notification-aed",
        "name": "Notification d'une aide éducative à domicile (AED) aux parents",
        "file_kind": "child",
        "recipient_kind": "parents",
        "legal_reference": "Art. L222-2, L222-3 et L223-5 CASF",
        "subject": "Aide éducative à domicile pour {{ enfant_prenom }} {{ enfant_nom }}",
        "body": """Madame, Monsieur,

Avec votre accord, le Président du Conseil départemental a décidé le {{ mesure_date_decision }} une aide éducative à domicile pour {{ enfant_prenom }} {{ enfant_nom }} (articles L222-2 et L222-3 du code de l'action sociale et des familles).

Cette aide commence le {{ mesure_debut }} pour une durée d'un an au plus, jusqu'au {{ mesure_fin }} ; elle peut être renouvelée avec votre accord, après une évaluation de la situation (article L223-5 du même code). Vous pouvez y mettre fin à tout moment.

Un travailleur social viendra vous rencontrer pour en convenir des objectifs avec vous. {{ referent_nom }} se tient à votre disposition pour toute question.

Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.""",
    },
    {
        "code": "convocation-rencontre",
        "name": "Convocation des parents à un rendez-vous",
        "file_kind": "child",
        "recipient_kind": "parents",
        "legal_reference": "Art. L223-1 CASF",
        "subject": "Rendez-vous au sujet de {{ enfant_prenom }} {{ enfant_nom }}",
        "body": """Madame, Monsieur,

Je vous propose de nous rencontrer au sujet de la situation de {{ enfant_prenom }} {{ enfant_nom }} le [date] à [heure], à l'adresse suivante : [lieu].

Vous pouvez vous faire accompagner de la personne de votre choix (article L223-1 du code de l'action sociale et des familles). Si vous ne pouvez pas venir à cette date, merci de me contacter au {{ departement_telephone }} pour convenir d'un autre rendez-vous.

Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.""",
    },
    {
        "code": "transmission-rapport-echeance",
        "name": "Transmission du rapport d'échéance au juge des enfants",
        "file_kind": "child",
        "recipient_kind": "judge",
        "legal_reference": "Art. 375 du Code civil ; art. L223-5 CASF",
        "subject": "Rapport d'échéance – {{ enfant_prenom }} {{ enfant_nom }} ({{ mesure_reference }})",
        "body": """Madame, Monsieur le Juge,

La mesure de {{ mesure_type }} ordonnée pour {{ enfant_prenom }} {{ enfant_nom }}, né(e) le {{ enfant_date_naissance }}, arrive à échéance le {{ mesure_fin }} (décision {{ mesure_reference }}).

Vous trouverez ci-joint le rapport d'échéance établi par le service de l'aide sociale à l'enfance, afin que vous puissiez statuer sur la suite à donner à la mesure, son renouvellement ne pouvant être décidé que par une décision motivée (article 375 du Code civil).

Le rapport a été porté à la connaissance des titulaires de l'autorité parentale. {{ referent_nom }}, référent(e) de l'enfant, reste à votre disposition.

Nous vous prions d'agréer, Madame, Monsieur le Juge, l'expression de notre haute considération.""",
    },
    {
        "code": "transmission-rapport-situation",
        "name": "Transmission du rapport de situation au juge des enfants",
        "file_kind": "child",
        "recipient_kind": "judge",
        "legal_reference": "Art. L223-5 CASF ; art. 375 du Code civil",
        "subject": "Rapport de situation – {{ enfant_prenom }} {{ enfant_nom }} ({{ mesure_reference }})",
        "body": """Madame, Monsieur le Juge,

En application de l'article L223-5 du code de l'action sociale et des familles et du dernier alinéa de l'article 375 du Code civil, vous trouverez ci-joint le rapport de situation de {{ enfant_prenom }} {{ enfant_nom }}, né(e) le {{ enfant_date_naissance }}, confié(e) au service de l'aide sociale à l'enfance (décision {{ mesure_reference }}).

Établi le {{ rapport_date }} après une évaluation pluridisciplinaire, il porte sur la santé physique et psychique de l'enfant, son développement, sa scolarité, sa vie sociale et ses relations avec sa famille et les tiers, ainsi que sur la mise en œuvre du projet pour l'enfant.

{{ referent_nom }}, référent(e) de l'enfant, reste à votre disposition.

Nous vous prions d'agréer, Madame, Monsieur le Juge, l'expression de notre haute considération.""",
    },
    {
        "code": "transmission-ppe",
        "name": "Transmission du projet pour l'enfant (PPE) pour signature",
        "file_kind": "child",
        "recipient_kind": "parents",
        "legal_reference": "Art. L223-1-1 CASF",
        "subject": "Projet pour l'enfant de {{ enfant_prenom }} {{ enfant_nom }}",
        "body": """Madame, Monsieur,

Vous trouverez ci-joint le projet pour l'enfant établi le {{ ppe_date }} pour {{ enfant_prenom }} {{ enfant_nom }} (article L223-1-1 du code de l'action sociale et des familles). Il précise les actions menées auprès de votre enfant, de vous-même et de son lieu d'accueil, leurs objectifs et leurs délais, ainsi que le rôle de chacun.

Ce projet a été élaboré avec vous. Nous vous remercions de bien vouloir le signer et nous en retourner un exemplaire ; vous pouvez y joindre vos observations.

{{ referent_nom }}, référent(e) de votre enfant, se tient à votre disposition pour en parler.

Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.""",
    },
    {
        "code": "avis-renouvellement-agrement",
        "name": "Avis de renouvellement de l'agrément d'un assistant familial",
        "file_kind": "carer",
        "recipient_kind": "carer",
        "legal_reference": "Art. D421-19 CASF",
        "subject": "Renouvellement de votre agrément d'assistant familial n° {{ agrement_numero }}",
        "body": """Madame, Monsieur,

Votre agrément d'assistant familial n° {{ agrement_numero }}, accordé le {{ agrement_debut }} pour {{ agrement_places }} place(s), expire le {{ agrement_expiration }}.

Conformément à l'article D421-19 du code de l'action sociale et des familles, nous vous informons que, si vous souhaitez poursuivre votre activité, vous devez présenter une demande de renouvellement au moins trois mois avant cette date d'expiration. Le formulaire de demande est disponible auprès du service, au {{ departement_telephone }} ou à l'adresse {{ departement_courriel }}.

Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.""",
    },
    {
        "code": "information-parents-ip",
        "name": "Information des parents après une information préoccupante",
        "file_kind": "concern",
        "recipient_kind": "parents",
        "legal_reference": "Art. L226-2-1 et L226-3 CASF",
        "subject": "Évaluation de la situation de {{ ip_enfants }}",
        "body": """Madame, Monsieur,

Le service départemental de protection de l'enfance a reçu le {{ ip_date_reception }} une information au sujet de {{ ip_enfants }}. Comme le prévoit l'article L226-2-1 du code de l'action sociale et des familles, nous vous informons qu'une évaluation de la situation est engagée.

Cette évaluation a pour but d'apprécier la situation de votre ou vos enfant(s) et de déterminer, avec vous, les aides dont votre famille peut bénéficier. Un professionnel du service prendra contact avec vous pour vous rencontrer.

Pour toute question, vous pouvez joindre le service au {{ departement_telephone }}, en rappelant la référence {{ ip_reference }}.

Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.""",
    },
    {
        "code": "attestation-prise-en-charge",
        "name": "Attestation de prise en charge (école, CAF)",
        "file_kind": "child",
        "recipient_kind": "other",
        "legal_reference": "Art. L222-5 CASF",
        "subject": "Attestation de prise en charge de {{ enfant_prenom }} {{ enfant_nom }}",
        "body": """Le Président du Conseil départemental atteste que {{ enfant_prenom }} {{ enfant_nom }}, né(e) le {{ enfant_date_naissance }}, est pris(e) en charge par le service de l'aide sociale à l'enfance du {{ departement_nom }} au titre d'une mesure de {{ mesure_type }} depuis le {{ mesure_debut }}.

Son lieu d'accueil actuel est : {{ lieu_accueil }}, depuis le {{ accueil_debut }}.

Cette attestation est délivrée pour servir et valoir ce que de droit.""",
    },
    {
        "code": "contrat-jeune-majeur",
        "name": "Contrat d'accompagnement jeune majeur",
        "file_kind": "child",
        "recipient_kind": "child",
        "legal_reference": "Art. L222-5 5° CASF ; décret n° 2022-1125 du 5 août 2022",
        "subject": "Contrat d'accompagnement jeune majeur – {{ enfant_prenom }} {{ enfant_nom }}",
        "body": """Entre le {{ departement_nom }}, représenté par le Président du Conseil départemental, et {{ enfant_prenom }} {{ enfant_nom }}, né(e) le {{ enfant_date_naissance }}.

À votre demande, le service de l'aide sociale à l'enfance vous accompagne à compter du {{ mesure_debut }} et jusqu'au {{ mesure_fin }} au plus tard, la veille de vos 21 ans au plus (article L222-5 5° du code de l'action sociale et des familles).

Cet accompagnement repose sur votre projet pour l'autonomie, établi avec vous. Il porte sur vos ressources, votre logement, votre formation ou votre emploi, votre accès aux soins et l'accompagnement administratif et socio-éducatif dont vous avez besoin (décret n° 2022-1125 du 5 août 2022). Il peut être prolongé pour vous permettre de terminer l'année scolaire ou universitaire engagée.

Votre référent(e), {{ referent_nom }}, fait le point avec vous régulièrement. Vous pouvez mettre fin à ce contrat à tout moment en nous en informant.

Fait en deux exemplaires.

Signature du jeune :""",
    },
)


def seed_letter_templates(*, using="default", **kwargs):
    """Create the seeded templates whose code is missing (post_migrate receiver), marked
    previewed: the tests render each one on the demo."""
    from letters.models import LetterTemplate

    known = set(LetterTemplate.objects.using(using).values_list("code", flat=True))
    now = timezone.now()
    LetterTemplate.objects.using(using).bulk_create(
        LetterTemplate(**values, active=True, previewed_at=now)
        for values in SEEDS
        if values["code"] not in known
    )
